"""Which event a report is about: general evidence of where and how an event is named, on
sentences written for these tests."""

from __future__ import annotations

import pytest

import pipeline
from pipeline.events.context import DocContext
from pipeline.events.lexicon import event_noun_base
from pipeline.events.naming import EventName, NameMention, placed_weights


@pytest.fixture(scope="module")
def nlp(default_nlp):
    return default_nlp


def event_names(nlp, text: str) -> list[str]:
    return list(pipeline.extract(text, nlp=nlp)["events"]["name"])


def named(start: int, end: int, kind: str, weight: float) -> NameMention:
    return NameMention(start, end, "Drachenfest", ("drachenfest",), kind, weight)


def test_a_place_in_the_text_counts_once_however_many_rules_found_it():
    # an event noun and an EVT entity on the same words, and a name elsewhere
    noun, entity, later = (
        named(4, 5, "named", 2.0),
        named(4, 6, "named", 3.0),
        named(9, 10, "named", 1.0),
    )
    assert placed_weights([noun, entity, later]) == [3.0, 1.0]
    # two places named once each: both count
    assert placed_weights([named(1, 2, "named", 1.0), named(2, 3, "named", 1.0)]) == [1.0, 1.0]
    twice = EventName([noun, entity, later])
    once = EventName([entity, later])
    assert twice.score == once.score


def test_a_bracket_closed_inside_a_word_ends_the_aside(nlp):
    doc = nlp("Am letzten (eintrittsfreien)-Tag zog die Talheimer Gartenmesse viele Gäste an.")
    ctx = DocContext(doc)
    name = next(t.i for t in doc if t.text == "Talheimer")
    assert not ctx.in_parentheses(name)
    aside = nlp("Die Gäste (vor allem aus Talheim) kamen früh.")
    assert DocContext(aside).in_parentheses(next(t.i for t in aside if t.text == "Talheim"))


def test_the_first_sentence_of_a_report_without_title_weighs_as_a_title(nlp):
    text = (
        "Die Talheimer Apfelwoche ging am Sonntag mit einem Umzug zu Ende. Rund 3000 Besucher "
        "kamen in die Altstadt. Beim Kelterfest auf dem Marktplatz drängten sich die Familien. "
        "Die Kapelle spielte bis in den Abend. Am Kelterfest gab es frischen Most. Die Bäcker "
        "(auch beim Kelterfest vertreten) waren zufrieden. Die Apfelwoche soll wiederkommen."
    )
    assert event_names(nlp, text) == ["Talheimer Apfelwoche"]


def test_an_event_in_the_genitive_of_its_visitors_weighs_more(nlp):
    text = (
        "Am Wochenende kamen viele Gäste nach Talheim. Beim Drachenfest auf der Wiese stiegen "
        "hundert Drachen auf. Die Talheimer Herbsttage boten auch Musik und Tanz. Die Kinder "
        "bastelten eigene Drachen. Das Drachenfest dauerte bis zum Abend. Die Besucher der "
        "Herbsttage lobten das Wetter."
    )
    assert event_names(nlp, text) == ["Talheimer Herbsttage"]


def test_an_inauguration_and_a_ground_breaking_are_events(nlp):
    assert event_noun_base("Schulhaus-Einweihung") == "Schulhaus-Einweihung"
    assert event_noun_base("Spatenstichs") == "Spatenstich"
    text = "Die Turnhallen-Einweihung in Talheim lockte am Samstag 500 Gäste an."
    assert event_names(nlp, text) == ["Turnhallen-Einweihung"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # an opening of a building is an event, named with the building
        (
            "Zahlreiche Gäste kamen am Samstag zur Eröffnung des umgebauten Feuerwehrhauses in "
            "Talheim. Der Bürgermeister hieß zur Eröffnung alle willkommen.",
            ["Eröffnung des umgebauten Feuerwehrhauses"],
        ),
        # the opening of a fair is a part of the fair
        (
            "Zur Eröffnung der Messe in Talheim kamen am Samstag 3000 Besucher.",
            ["Messe Talheim"],
        ),
        # an opening alone names no event
        ("Zur Eröffnung sprach am Samstag der Bürgermeister von Talheim.", []),
    ],
)
def test_an_opening_is_an_event_with_the_building_it_opens(nlp, text: str, names):
    assert event_names(nlp, text) == names


ANNIVERSARY_BODY = (
    "50 Jahre Musikverein Talheim waren ein Grund zum Feiern. Das Fest dauerte zwei Tage. "
    "Viele Gäste kamen am Samstag. Zum Festumzug kamen 40 Gruppen. Der Festumzug zog durch den "
    "Ort, nach dem Festumzug spielte die Kapelle."
)


@pytest.mark.parametrize(
    ("title", "name"),
    [
        # a title "N Jahre X" names the anniversary celebration, over a part named more often
        # (the same words in the text are no such title)
        ("50 Jahre Musikverein Talheim\n\n", "50 Jahre Musikverein Talheim"),
        # without such a title the parade is what the report names most
        ("Ein schönes Wochenende\n\n", "Festumzug"),
    ],
)
def test_an_anniversary_title_names_the_celebration(nlp, title: str, name: str):
    assert event_names(nlp, title + ANNIVERSARY_BODY)[0] == name


def test_a_day_inside_guillemets_is_the_speakers_not_the_events(nlp):
    text = (
        "Das Talheimer Gartenfest war gut besucht. Der Vortrag trug den Titel «Gärten heute "
        "und morgen». Rund 300 Gäste kamen."
    )
    rows = pipeline.extract(text, reference_date="2023-06-12", nlp=nlp)["events"]
    assert list(rows["name"]) == ["Talheimer Gartenfest"]
    assert rows["start"].isna().all()


def test_what_someone_said_is_speech_and_a_quoted_name_is_none(nlp):
    doc = nlp(
        "Ein Gast sagte: „Auf der Messe haben wir sehr viel gesehen.“ Die «Gartenmesse» lief gut."
    )
    ctx = DocContext(doc)
    said = next(t.i for t in doc if t.text == "Messe")
    name = next(t.i for t in doc if t.text == "Gartenmesse")
    assert ctx.in_speech(said)
    assert not ctx.in_speech(name)
    assert not ctx.in_speech(next(t.i for t in doc if t.text == "lief"))


def test_a_bare_event_noun_in_speech_does_not_choose_the_event(nlp):
    text = (
        "Am Wochenende kamen viele Gäste zu den Oberbacher Gartentagen in die Stadthalle.\n"
        "Ein Aussteller war begeistert: „Das war eine Messe nach unserem Geschmack. "
        "Auf der Messe haben wir viel verkauft, die Messe hat sich gelohnt, "
        "und auf der Messe waren alle freundlich.“\n"
        "Die Oberbacher Gartentage sollen im nächsten Jahr wiederkommen."
    )
    assert event_names(nlp, text) == ["Oberbacher Gartentage"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the name only in the dative: its adjective takes the nominative of the head's gender
        (
            "Zum Großen Preis von Talheim kamen am Sonntag rund 3.000 Zuschauer. Beim Großen "
            "Preis von Talheim siegte ein Gast aus Ulm.",
            "Großer Preis von Talheim",
        ),
        # a neuter head
        (
            "Zum Großen Sommerkonzert kamen am Samstag 600 Gäste nach Talheim. Das Orchester "
            "spielte beim Großen Sommerkonzert bis Mitternacht.",
            "Großes Sommerkonzert",
        ),
        # a feminine head: the dative's "-en" becomes "-e"
        (
            "Rund 800 Gäste kamen zur Langen Nacht der Chöre in Talheim. Bei der Langen "
            "Nacht der Chöre sangen 20 Chöre.",
            "Lange Nacht der Chöre",
        ),
        # a town's adjective is no declined adjective and stays as it is
        ("Das Talheimer Weinfest lockte 5.000 Besucher an.", "Talheimer Weinfest"),
    ],
)
def test_an_event_name_is_given_in_the_nominative(nlp, text: str, name: str):
    assert event_names(nlp, text) == [name]
