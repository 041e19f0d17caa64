"""Which event a report is about when its name is not the event noun the report repeats: a
proper name a copula makes an event, an organisation in the genitive, a quoted name an
organiser invites to, and the plural of an event noun (invented sentences)."""

from __future__ import annotations

import pytest

import pipeline
from pipeline.events.build import EventBuilder
from pipeline.events.naming import (
    ATTENDED_FACTOR,
    TITLE_WEIGHT,
    NameFinder,
    plural_singular,
    without_years,
)

LATER_FAIR = " Im Mai folgt die Talheimer Gewerbeschau."


@pytest.fixture(scope="module")
def nlp(default_nlp):
    return default_nlp


def event_names(nlp, text: str) -> list[str]:
    return list(pipeline.extract(text, nlp=nlp)["events"]["name"])


def finder(nlp, text: str) -> NameFinder:
    built = EventBuilder(nlp(text))
    return NameFinder(built.ctx, built.covered_places, built.covered_orgs, built.dates)


def token(found: NameFinder, word: str) -> int:
    return next(i for i, w in enumerate(found.ctx.words) if w == word)


@pytest.mark.parametrize(
    "text",
    [
        # the name after the copula, the event noun after it
        "Seit Jahren ist die Agrotec Nordwald das wichtigste Imkertreffen im Kesseltal. Am "
        "Stand der Firma Melbo Technik gab es eine Verlosung.",
        # the name as the subject before the copula
        "Die Agrotec Nordwald bleibt das wichtigste Imkertreffen im Kesseltal. Rund 8.000 "
        "Gäste kamen am Wochenende.",
        # a split copula with its particle after the noun
        "Für die Imker stellt die Agrotec Nordwald das wichtigste Treffen des Jahres dar.",
    ],
)
def test_a_proper_name_a_copula_makes_an_event_noun_is_the_event(nlp, text):
    assert event_names(nlp, text + LATER_FAIR)[0] == "Agrotec Nordwald"


def test_no_copula_no_person_no_name(nlp):
    # "stellt … vor" presents something: no copula
    text = "Für die Imker stellt die Agrotec Nordwald das neue Imkertreffen des Jahres vor."
    assert event_names(nlp, text + LATER_FAIR)[0] == "Imkertreffen"
    # a person is no event's name
    person = "Greta Almer ist die schnellste Läuferin beim Talheimer Stadtlauf gewesen."
    assert event_names(nlp, person) == ["Talheimer Stadtlauf"]


def test_the_copula_name_spans_only_the_name(nlp):
    found = finder(nlp, "Seit Jahren ist die Agrotec Nordwald die wichtigste Messe im Tal.")
    start, end = found.copula_name(token(found, "Messe"))
    assert found.ctx.words[start:end] == ["Agrotec", "Nordwald"]
    # an adjective and an article between copula and noun, but no name
    plain = finder(nlp, "Es ist die größte Messe im Tal.")
    assert plain.copula_name(token(plain, "Messe")) is None
    # a capitalised word opening the sentence, without an article, may be any word
    opening = finder(nlp, "Zweimal war die Gartenschau schon in Talheim zu Gast.")
    assert opening.copula_name(token(opening, "Gartenschau")) is None


def test_the_plural_of_an_event_noun_is_that_noun_in_the_plural():
    assert plural_singular("Messen") == "Messe"
    assert plural_singular("Herbstmessen") == "Herbstmesse"
    assert plural_singular("Rennen") is None  # "Renne" is no event noun
    assert plural_singular("Messe") is None


def test_a_bare_plural_is_generic_and_light_a_named_plural_is_not(nlp):
    text = (
        "Über 40.000 Gäste besuchten die Lindenauer Herbstmessen. Messen wie diese gibt es "
        "selten, sagte die Leiterin. Andere Messen im Land zählten weniger Gäste, und Messen "
        "in Talheim ebenso."
    )
    found = finder(nlp, text)
    groups = found.events([])
    bare = [m for g in groups for m in g.mentions if m.name == "Messen"]
    assert len(bare) == 3
    assert all(m.kind == "generic" and m.plural for m in bare)
    named = next(m for g in groups for m in g.mentions if m.name == "Lindenauer Herbstmessen")
    assert named.plural and named.weight == found.weight(named) >= 2.0
    assert groups[0].best.name == "Lindenauer Herbstmessen"
    assert event_names(nlp, text) == ["Lindenauer Herbstmessen"]


def test_an_organisation_in_the_genitive_names_its_event_with_it(nlp):
    text = (
        "Die Tagung des Imkervereins Talheim fand in der Stadthalle statt. Rund 300 Imker "
        "besuchten die Tagung. Am Rande gab es einen Medizinkongress."
    )
    found = finder(nlp, text)
    best = found.events([])[0].best
    assert best.name == "Tagung des Imkervereins Talheim"
    # the mention ends at the noun: the organiser rules read the genitive after it
    assert found.ctx.words[best.end - 1] == "Tagung"
    events = pipeline.extract(text, nlp=nlp)["events"]
    assert list(events["name"]) == ["Tagung des Imkervereins Talheim"]
    assert list(events["organisers"]) == ["Imkerverein Talheim"]


def test_a_plural_takes_no_organisation_into_its_name(nlp):
    found = finder(nlp, "Zu den Konzerten der Stadtkapelle Talheim kamen 400 Gäste.")
    names = [m.name for g in found.events([]) for m in g.mentions]
    assert names == ["Konzert"]
    # the singular does
    single = finder(nlp, "Zum Konzert der Stadtkapelle Talheim kamen 400 Gäste.")
    assert [g.best.name for g in single.events([])] == ["Konzert der Stadtkapelle Talheim"]


def test_a_name_before_the_hyphen_and_the_edition_make_the_event(nlp):
    text = (
        "Rund 9000 Zuschauer sahen die achte Austragung des Talwiesen-Schwingets. Auf den "
        "Talwiesen kämpften 80 Schwinger um den Kranz, das Schwingfest endete am Abend."
    )
    found = finder(nlp, text)
    groups = found.events([])
    assert groups[0].best.name == "Talwiesen-Schwinget"
    assert groups[0].kind == "named"
    # the edition's genitive weighs the name as an attended event's
    assert found.attended(groups[0].best.start)
    assert groups[0].best.weight == TITLE_WEIGHT * ATTENDED_FACTOR


def test_a_loan_word_or_a_word_before_the_hyphen_makes_no_name(nlp):
    found = finder(nlp, "Das Open-Air-Festival und die Kinder-Uni waren gut besucht.")
    kinds = {g.best.name: g.kind for g in found.events([])}
    assert kinds == {"Open-Air-Festival": "compound", "Kinder-Uni": "compound"}


def test_a_year_inside_a_name_is_the_names():
    assert without_years(["Talheim", "Open", "2024"]) == ["Talheim", "Open"]
    assert without_years(["2024", "Talheim", "Open"]) == ["Talheim", "Open"]
    assert without_years(["Kelmo", "3000", "Stadtlauf"]) == ["Kelmo", "3000", "Stadtlauf"]


def test_an_honours_ceremony_is_an_event(nlp):
    assert event_names(nlp, "Zur Sportlerehrung im Talheimer Rathaus kamen 80 Gäste.") == [
        "Sportlerehrung"
    ]


INVITATION = (
    "Volles Haus bei der „Talheimer Lichterkette“\n\nDer Heimatverein Talheim lud am Samstag "
    "zur „Talheimer Lichterkette“ ein. Rund 900 Gäste kamen, und das Event war ein Erfolg."
)


def test_a_quoted_name_an_organiser_invites_to_is_the_event(nlp):
    found = finder(nlp, INVITATION)
    group = found.events([])[0]
    assert group.best.name == "Talheimer Lichterkette"
    assert len(group.mentions) == 2  # the title's quoted name too
    # no organiser's verb: no invitation
    walked = INVITATION.replace("lud am Samstag", "ging am Samstag").replace(" ein.", ".")
    assert finder(nlp, walked).invited_mentions() == []
    # a word quoted once may be any word ("zum „Mitmachen“ eingeladen")
    once = finder(nlp, "Der Verein lud am Samstag zum „Mitmachen“ ein. Es kamen 90 Gäste.")
    assert once.invited_mentions() == []


# an opening or closing ceremony is the part of a larger event the report names
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Vorbereitungen für die Eröffnungsfeier liefen seit Wochen. Nach der "
            "Eröffnungsfeier zogen die Gäste weiter. Über 9.000 Menschen besuchten die "
            "Kräuterschau in Talheim.",
            "Kräuterschau",
        ),
        # ... and alone it is the event
        (
            "Zur Eröffnungsfeier der neuen Turnhalle kamen 300 Gäste. Nach der "
            "Eröffnungsfeier gab es ein Konzert.",
            "Eröffnungsfeier",
        ),
        (
            "Das Abschlusskonzert begeisterte am Sonntag 2.000 Zuhörer. Auch beim "
            "Abschlusskonzert spielte die Stadtkapelle. Der Talheimer Musiksommer zählte "
            "insgesamt 12.000 Gäste.",
            "Talheimer Musiksommer",
        ),
    ],
)
def test_a_ceremony_is_part_of_the_event_the_report_names(nlp, text, expected):
    assert event_names(nlp, text)[0] == expected


def test_a_national_feast_day_is_celebrated_a_bare_feast_day_is_a_date(nlp):
    from pipeline.events.lexicon import event_noun_base

    assert event_noun_base("Staatsfeiertages") == "Staatsfeiertag"
    assert event_noun_base("Feiertagen") is None
    text = (
        "Auch am Feiertag war das Museum geöffnet. Zum Staatsfeiertag kamen 20.000 Gäste "
        "nach Talheim. Den Staatsfeiertag beschloss ein Feuerwerk."
    )
    assert event_names(nlp, text)[0] == "Staatsfeiertag"
