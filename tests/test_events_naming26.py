"""Which event a report is about where its name is written in lower case ("die velmora 2024"),
stands in the genitive after a day of it ("am zweiten Tag des Imkerforums"), ends in an event
noun the lists lacked ("Neujahrstreff", "Hallenmasters"), or where the NER reads a person's
surname as an event (invented sentences)."""

from __future__ import annotations

import pytest

import pipeline
from pipeline.events.build import EventBuilder
from pipeline.events.lexicon import event_noun_base
from pipeline.events.naming import NameFinder, is_brand_word


@pytest.fixture(scope="module")
def nlp(default_nlp):
    return default_nlp


def event_names(nlp, text: str) -> list[str]:
    return list(pipeline.extract(text, nlp=nlp)["events"]["name"])


def finder(nlp, text: str) -> NameFinder:
    built = EventBuilder(nlp(text))
    return NameFinder(built.ctx, built.covered_places, built.covered_orgs, built.dates)


@pytest.mark.parametrize(
    "text",
    [
        "Am zweiten Tag des Imkerforums sprachen drei Gäste über Honig. Das Imkerforum war "
        "zum ersten Mal ausgebucht.",
        "Am zweiten Tag des Talheimer Imkerforums sprachen drei Gäste über Honig. Das "
        "Imkerforum war zum ersten Mal ausgebucht.",
    ],
)
def test_a_day_of_an_event_is_no_event_of_its_own(nlp, text):
    names = event_names(nlp, text)
    assert names and "Imkerforum" in names[0]
    assert not names[0].startswith("Tag")


@pytest.mark.parametrize("name", ["Tag der Imker", "Tag der Talheimer Vereine"])
def test_a_day_with_a_genitive_of_no_event_keeps_its_name(nlp, name):
    text = f"Der {name} lockte 800 Gäste nach Kelmbach. Der {name} endete spät."
    assert event_names(nlp, text)[0] == name


def test_a_day_named_by_dictionary_words_is_a_kind_of_event(nlp):
    found = finder(nlp, "Am Sonntag lud die Gemeinde zum Tag der offenen Tür ins Rathaus ein.")
    kinds = {m.name: m.kind for m in found.noun_mentions()}
    assert kinds["Tag der offenen Tür"] == "compound"


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("Neujahrstreffs", "Neujahrstreff"),
        ("Hallenmasters", "Hallenmasters"),
        ("Openair", "Openair"),
        ("Kolloquiums", "Kolloquium"),
        ("Jugendtreff", None),  # a meeting place
        ("Rückschau", None),  # a look back
        ("Vorschau", None),
    ],
)
def test_event_nouns(word, base):
    assert event_noun_base(word) == base


def test_a_look_back_is_no_event(nlp):
    text = (
        "Meine Rückschau kommt spät. Das Barcamp in Talheim war großartig, rund 70 Sessions "
        "fanden statt."
    )
    assert event_names(nlp, text)[0] == "Barcamp"


def test_a_new_year_meeting_is_an_event(nlp):
    text = "Rund 900 Gäste kamen am Freitag zum Neujahrstreff der Handwerkskammer Kesseltal."
    assert "Neujahrstreff" in event_names(nlp, text)[0]


@pytest.mark.parametrize(
    ("word", "brand"),
    [
        ("velmora", True),
        ("kelVINO", True),
        ("neue", False),  # an adjective after an article
        ("gestrigen", False),
        ("und", False),
        ("erstmals", False),  # everyday adverbs
        ("ebenfalls", False),
        ("samstags", False),
        ("Velmora", False),  # capitalised: found by the other rules
    ],
)
def test_brand_words(word, brand):
    assert is_brand_word(word) is brand


@pytest.mark.parametrize(
    "text",
    [
        # before a year, used again
        "Die velmora 2024 ging am Sonntag zu Ende. Auf der Publikumsmesse zeigten 300 "
        "Aussteller ihre Neuheiten, die velmora zählte 40.000 Besucher.",
        # after an edition number, and before an event noun
        "Die 12. velmora ging am Sonntag zu Ende. Auf der Publikumsmesse zeigten 300 "
        "Aussteller ihre Neuheiten. Die nächste velmora Verbrauchermesse folgt im Mai.",
    ],
)
def test_a_fair_named_in_lower_case_is_the_event(nlp, text):
    assert event_names(nlp, text)[0] == "velmora"


def test_a_fair_named_in_lower_case_as_the_subject_of_its_totals(nlp):
    text = "Die velmora zählte am Wochenende 40.000 Besucher. Die velmora endet am Sonntag."
    assert event_names(nlp, text)[0] == "velmora"


def test_a_lower_case_word_used_once_is_no_name(nlp):
    found = finder(nlp, "Die velmora 2024 lockte viele an. Auf der Publikumsmesse war viel los.")
    assert not found.brand_mentions()


def test_an_inflected_verb_after_an_event_noun_is_no_name(nlp):
    text = "Die Gartenmesse lockte 2024 viele an. Die Gartenmesse lockte auch Familien."
    assert not finder(nlp, text).brand_mentions()


def test_a_surname_of_a_person_named_in_full_is_no_event(nlp):
    found = finder(
        nlp,
        "Turnierleiter Michael Brunnhuber freut sich auf die Meisterschaft. Brunnhuber "
        "erwartet 100 Spieler.",
    )
    k = found.ctx.words.index("Brunnhuber", found.ctx.words.index("Michael") + 2)
    assert "Brunnhuber" in found.person_words()
    assert not found.names_an_event(k, k + 1)


def test_an_event_noun_in_apposition_refers_to_the_name(nlp):
    text = (
        "Beim 8. Kelmbacher Hallencup, einem Turnier für Hobbyteams, spielten 20 Mannschaften. "
        "Der Kelmbacher Hallencup war ausverkauft. Das Turnier endete am Sonntag, und es soll "
        "ein Hobbyturnier bleiben. Das Turnier zählte 1.000 Zuschauer."
    )
    assert event_names(nlp, text)[0] == "Kelmbacher Hallencup"


def test_a_prize_ceremony_is_known_by_its_quoted_prize(nlp):
    text = (
        "Glanzvolle Preisverleihung im Kurhaus\n\n"
        "Viele Gäste kamen am Samstag zur 12. Verleihung des „Goldenen Kelms“. Die Preisträger "
        "feierten bis spät in die Nacht."
    )
    assert "Kelm" in event_names(nlp, text)[0]


def test_a_quoted_genitive_after_another_event_noun_is_no_prize(nlp):
    found = finder(nlp, "Viele Gäste kamen zur Eröffnung des „Kelmer Hofs“ am Markt.")
    assert "Kelmer Hofs" not in {m.name for m in found.noun_mentions()}


def test_an_open_air_is_an_event(nlp):
    text = "Mit 20.000 Gästen ging das Open Air am See zu Ende. Das Open Air war ausverkauft."
    assert event_names(nlp, text)[0] == "Open Air"


def test_an_everyday_adverb_repeated_in_lower_case_is_no_name(nlp):
    text = "Das Kelterfest erstmals mit Feuerwerk. Auch die Kinder erstmals dabei."
    assert event_names(nlp, text)[0] == "Kelterfest"
