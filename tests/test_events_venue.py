"""Venue and city of event records where the report names the venue away from the event's
name: rules of pipeline/events/places.py, on sentences written for these tests."""

from __future__ import annotations

import pytest

import pipeline
from pipeline.events.context import DocContext
from pipeline.events.places import PlaceChooser, is_event_ground
from tests.test_events import only_event


@pytest.fixture(scope="module")
def nlp(default_nlp):
    return default_nlp


@pytest.mark.parametrize(
    ("name", "ground"),
    [
        ("Stadthalle Oberxlingen", True),
        ("Messegelände", True),
        ("Kongresszentrum Talheim", True),
        ("Festareal", True),
        ("Marktplatz", False),
        ("Haus Sonnenschein", False),
        ("Burg Talstein", False),
    ],
)
def test_halls_and_grounds_for_events(name: str, ground: bool):
    assert is_event_ground(name) is ground


OPENING = "Das Sommerfest des Turnvereins Oberxlingen lockte am Samstag rund 2000 Gäste an. "


@pytest.mark.parametrize(
    ("later", "venue"),
    [
        # the one hall the report puts people in, named away from the event
        (
            "Bis Mitternacht tanzten die Gäste in der Stadthalle Oberxlingen.",
            "Stadthalle Oberxlingen",
        ),
        ("Spät abends zogen die Gäste aufs Talwiesenareal.", "Talwiesenareal"),
        # two halls: either may be the venue
        (
            "Bis Mitternacht tanzten die Gäste in der Stadthalle Oberxlingen. Am Sonntag räumten "
            "Helfer in der Sporthalle Talheim auf.",
            None,
        ),
        # a town adjective and a hall, known to no place rule
        ("Bis Mitternacht tanzten die Gäste im Passauer Rathaus.", "Passauer Rathaus"),
        (
            "Bis Mitternacht tanzten die Gäste im Passauer Rathaus. Am Sonntag räumten Helfer "
            "auf dem Dürener Messegelände auf.",
            None,
        ),
        # a square is a place for many things, not surely the venue
        ("Bis Mitternacht tanzten die Gäste auf dem Lindenplatz.", None),
    ],
)
def test_sole_hall_of_the_report_is_the_venue(nlp, later: str, venue):
    assert only_event(nlp, OPENING + later, "2023-07-10")["venue"] == venue


GALA = "Die Sportgala des Turnvereins lockte am Samstag viele Gäste an. "


@pytest.mark.parametrize(
    ("later", "city"),
    [
        # the one town the report puts people in, named away from the event
        ("Bis zu 3000 Besucher versammelten sich dazu in Heilbronn.", "Heilbronn"),
        # someone's home is no place people went to
        ("Die in Heilbronn lebende Künstlerin zeigte dort ihre Bilder.", None),
        # two towns: either may be the city
        ("Die Gäste kamen in Heilbronn und danach in Ulm zusammen.", None),
    ],
)
def test_sole_town_of_the_report_is_the_city(nlp, later: str, city):
    assert only_event(nlp, GALA + later, "2023-07-10")["city"] == city


@pytest.mark.parametrize(
    ("sentence", "venue"),
    [
        (
            "Die Kreisgewerbeschau öffnete am Samstag auf dem Passauer Messegelände ihre Tore.",
            "Passauer Messegelände",
        ),
        ("Der Neujahrsempfang fand am Freitag im Dürener Rathaus statt.", "Dürener Rathaus"),
        # a part of the town, not a building
        ("Die Kreisgewerbeschau öffnete am Samstag in der Passauer Innenstadt ihre Tore.", None),
    ],
)
def test_town_adjective_and_hall_name_the_venue(nlp, sentence: str, venue):
    assert only_event(nlp, sentence + " Viele Gäste kamen.", "2023-01-16")["venue"] == venue


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # one venue where the event is named
        (
            "Die Talheimer Filmtage endeten am Sonntag im Kino Central. Rund 900 Zuschauer kamen.",
            "Kino Central",
        ),
        # two venues named together: the event has several places, none is its venue
        (
            "Die Talheimer Filmtage endeten am Sonntag im Kino Central und zum ersten Mal auch "
            "in der Stadthalle Talheim. Rund 900 Zuschauer kamen.",
            None,
        ),
        # the same venue twice in a sentence is still one venue
        (
            "Die Talheimer Filmtage endeten am Sonntag im Kino Central, denn das Kino Central ist "
            "groß. Rund 900 Zuschauer kamen.",
            "Kino Central",
        ),
    ],
)
def test_a_venue_named_with_another_is_no_single_venue(nlp, text: str, venue):
    assert only_event(nlp, text, "2023-07-10")["venue"] == venue


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # an organisation right after the event's name and "an der", "am": its house
        (
            "Der dritte Lerntag an der Hochschule Talheim lockte am Samstag 800 Gäste an.",
            "Hochschule Talheim",
        ),
        (
            "Der Infotag am Klinikum Oberxlingen zählte am Sonntag 900 Besucher.",
            "Klinikum Oberxlingen",
        ),
        # after "beim" it is a club that hosts, no building
        ("Das Sommerfest beim Turnverein Oberxlingen lockte am Samstag 900 Gäste an.", None),
    ],
)
def test_an_organisation_the_event_is_held_at_is_its_venue(nlp, text: str, venue):
    assert only_event(nlp, text)["venue"] == venue


def test_the_sentence_that_gives_the_events_day_gives_its_venue(nlp):
    text = (
        "Rund 400 Gäste kamen zum Frühjahrstreffen des Verbands Talheimer Winzer. "
        "Die Vorsitzende begrüßte die Gäste am 3. März 2024 im Hotel Seeblick."
    )
    event = only_event(nlp, text)
    assert (event["start"], event["venue"]) == ("2024-03-03", "Hotel Seeblick")
    # a sentence that names another event speaks of that one
    other = text.replace("die Gäste", "die Gäste beim Festabend")
    assert only_event(nlp, other)["venue"] is None


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # a role noun of the venue names it, also away from the event's name where no other
        # venue is named with the event
        (
            "Die Gartenmesse in Weinheim zog 4.000 Besucher an. Austragungsort war erstmals das "
            "Kongresszentrum Rosenhof.",
            "Kongresszentrum Rosenhof",
        ),
        # a denied venue is none, and no second venue beside the one that was
        (
            "Die Gartenmesse lief diesmal im Kongresszentrum Rosenhof in Weinheim und nicht in "
            "der Stadthalle. 4.000 Besucher kamen.",
            "Kongresszentrum Rosenhof",
        ),
        # "nicht nur … sondern auch": both places, no single venue
        (
            "Die Gartenmesse fand nicht nur in der Stadthalle, sondern auch im Kongresszentrum "
            "Rosenhof in Weinheim statt. 4.000 Besucher kamen.",
            None,
        ),
    ],
)
def test_a_venue_named_as_such_or_with_another_denied(nlp, text: str, venue):
    assert only_event(nlp, text)["venue"] == venue


def test_a_venue_named_in_a_sentence_on_something_else_is_not_the_events(nlp):
    text = (
        "Das Sommerfest im Kurpark Lindwil lockte am Samstag 900 Gäste an. Schauplatz eines "
        "Unfalls war am Vortag die Stadthalle Lindwil."
    )
    assert only_event(nlp, text)["venue"] == "Kurpark Lindwil"


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # "nicht" belongs to "genug", not to the venue
        (
            "Es gab nicht genug Stühle im Kurhaus Lindwil, wo das Sommerfest am Samstag stattfand.",
            "Kurhaus Lindwil",
        ),
        # a negation right before the preposition, or one adverb between, denies the venue
        (
            "Das Sommerfest fand am Samstag diesmal nicht im Kurhaus Lindwil statt, sondern "
            "in der Stadthalle Lindwil.",
            "Stadthalle Lindwil",
        ),
        (
            "Das Sommerfest fand am Samstag nicht mehr im Kurhaus Lindwil statt, sondern in "
            "der Stadthalle Lindwil.",
            "Stadthalle Lindwil",
        ),
        # a negation in the sentence before ("!") denies nothing
        (
            "Die Gäste mussten nicht warten! Im Kurhaus Lindwil fand am Samstag das Sommerfest "
            "statt.",
            "Kurhaus Lindwil",
        ),
    ],
)
def test_only_a_negation_of_the_venues_preposition_denies_it(nlp, text: str, venue: str):
    assert only_event(nlp, text)["venue"] == venue


def test_venue_role_in_the_sentence_after_the_events(nlp):
    # "Tagungsort" speaks of the event the sentence before names, not of a later one
    doc = nlp(
        "Zur Jahrestagung der Imker werden am 4. Mai 2024 rund 300 Gäste erwartet. "
        "Tagungsort ist die Stadthalle Talheim. Am Abend spielt eine Kapelle."
    )
    chooser = PlaceChooser(DocContext(doc), doc._.places)
    venue = chooser.named_venue({0})
    assert venue is not None and venue.name == "Stadthalle Talheim"
    assert chooser.named_venue({2}) is None  # the sentence before is no event's


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # the building an opening is about, named right after its noun
        (
            "Eröffnungsfeier Bibliothek «Am Mühlbach»\nDie neuen Räume sahen 300 Gäste.",
            "Am Mühlbach",
        ),
        (
            "Richtfest für das neue Jugendhaus Lindwil\nDie Zimmerleute sprachen den Spruch.",
            "Jugendhaus Lindwil",
        ),
        # no building noun after the opening: no venue from it
        ("Einweihung mit Musik\nAm Samstag feierten 300 Gäste die Einweihung.", None),
    ],
)
def test_an_opening_is_about_the_building_named_after_it(default_nlp, text, venue):
    rows = pipeline.extract(text, nlp=default_nlp)["events"]
    assert len(rows) == 1
    assert (rows["venue"].iloc[0] if rows["venue"].notna().all() else None) == venue
