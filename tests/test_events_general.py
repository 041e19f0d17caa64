"""Event rules of general classes, each checked on sentences written for these tests: a part of
a town given as the city, counts of many events, the data file of parts of towns."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

import pipeline
from pipeline.entities.gazetteer import load_gazetteer
from pipeline.events.lexicon import cue_words, word_is_cue
from pipeline.events.places import city_in_name, district_towns, town_of
from tests.conftest import load_script


@pytest.fixture(scope="module")
def nlp(default_nlp):
    return default_nlp


def only_event(nlp, text: str, reference_date: str = "2024-05-01") -> dict[str, Any]:
    frame = pipeline.extract(text, reference_date=reference_date, nlp=nlp)["events"]
    rows = [
        {k: (None if pd.isna(v) else v) for k, v in row.items()} for row in frame.to_dict("records")
    ]
    assert len(rows) == 1, rows
    return rows[0]


def build_districts():
    """scripts/build_districts.py as a module (its helpers are pure functions)."""
    return load_script("build_districts")


@pytest.mark.parametrize(
    ("text", "city"),
    [
        (
            "Das Sommerfest im Stadtteil Kreuzberg lockte am Samstag rund 5.000 Besucher an. "
            "Gefeiert wurde in Kreuzberg rund um den Marheinekeplatz.",
            "Berlin",
        ),
        ("Der Adventsmarkt in Vegesack öffnet am 29. November seine Buden.", "Bremen"),
        # a town is its own town
        ("Der Adventsmarkt in Bremen öffnet am 29. November seine Buden.", "Bremen"),
    ],
)
def test_a_part_of_a_town_gives_its_town_as_the_city(nlp, text, city):
    assert only_event(nlp, text)["city"] == city


def test_parts_of_towns_data_names_towns_the_gazetteer_knows():
    towns = district_towns()
    assert towns["Friedrichshagen"] == "Berlin"
    assert town_of("Niederrad") == "Frankfurt"
    assert town_of("Oberxlingen") == "Oberxlingen"  # not a known part: itself
    gazetteer = load_gazetteer()
    for district, town in towns.items():
        assert district != town
        assert any(entry.kind == "city" for entry in gazetteer.lookup(town)), town
        assert town not in towns, town  # a town is no part of another


def test_parts_are_read_from_alternate_names_near_a_larger_town():
    module = build_districts()
    town = {
        "geonameid": 1,
        "name": "Großstadt",
        "alternatenames": ["Grossstadt"],
        "countrycode": "DE",
        "population": 500_000,
        "latitude": 50.0,
        "longitude": 8.0,
    }

    def place(geonameid: int, name: str, alternate: str, km_east: float) -> dict:
        return {
            "geonameid": geonameid,
            "name": name,
            "alternatenames": [alternate],
            "countrycode": "DE",
            "population": 20_000,
            "latitude": 50.0,
            "longitude": 8.0 + km_east / 71.5,  # about 71.5 km per degree at 50° N
        }

    near = place(2, "Nordviertel", "Grossstadt-Nordviertel", 5)
    far = place(3, "Fernau", "Großstadt-Fernau", 60)
    plain = place(4, "Ostdorf", "Ostdorf am See", 3)
    twice = place(5, "Westdorf", "Großstadt-Westdorf", 4)
    by_id = {1: "Großstadt", 2: "Nordviertel", 3: "Fernau", 4: "Ostdorf", 5: "Westdorf"}
    ids_of = {"Nordviertel": {2}, "Fernau": {3}, "Ostdorf": {4}, "Westdorf": {5, 99}}
    rows = module.district_rows([town, near, far, plain, twice], by_id, ids_of)
    assert rows == [("Nordviertel", "Großstadt", "DE", 2, 1)]


@pytest.mark.parametrize(
    ("text", "visitors"),
    [
        # the venue's count of all its events of the year is not the fair's
        (
            "Die Fachmesse Holzbau Nord endete am Samstag in Kiel. Rund 8.000 Besucher kamen in "
            "die Hallen. Im Messezentrum Kiel wurden 2023 insgesamt 140 Veranstaltungen mit "
            "410.000 Besuchern gezählt.",
            8000,
        ),
        # the event's own programme: its parts' visitors are its own
        (
            "Das Stadtfest Oberxlingen endete am Sonntag. Bei den 120 Veranstaltungen des "
            "Stadtfests zählten die Organisatoren insgesamt 60.000 Besucher.",
            60000,
        ),
    ],
)
def test_a_count_of_many_events_is_no_editions_total(nlp, text, visitors):
    assert only_event(nlp, text)["visitors"] == visitors


@pytest.mark.parametrize(
    ("text", "organisers"),
    [
        # who speaks for an organisation reports on the event: the organisation runs it
        (
            "Das Lichterfest in Talheim lockte am Samstag 3.000 Besucher an. Jana Graf, die "
            "Pressesprecherin der Kulturgemeinschaft Talheim, wertet das Lichterfest als Erfolg.",
            "Kulturgemeinschaft Talheim",
        ),
        # a spokesperson who only speaks, and not of the event, credits no one
        (
            "Das Lichterfest in Talheim lockte am Samstag 3.000 Besucher an. Jana Graf, die "
            "Pressesprecherin der Kulturgemeinschaft Talheim, sprach von einem guten Jahr.",
            None,
        ),
        # the fair business of the town welcomes the guests of its fair ...
        (
            "Die Gartenmesse Grünzeit wurde am Freitag in Freiburg eröffnet. „So voll war es "
            "noch nie“, sagte Karl Hubert, Geschäftsführer der Messe Freiburg, zur Begrüßung.",
            "Messe Freiburg",
        ),
        # ... but only speaking of it credits it with nothing
        (
            "Die Gartenmesse Grünzeit wurde am Freitag in Freiburg eröffnet. „So voll war es "
            "noch nie“, sagte Karl Hubert, Geschäftsführer der Messe Freiburg, am Abend.",
            None,
        ),
    ],
)
def test_who_speaks_for_an_organisation_on_the_event_credits_it(nlp, text, organisers):
    assert only_event(nlp, text)["organisers"] == organisers


def test_event_cue_kinds_are_word_kinds_and_a_missing_kind_is_an_error():
    assert word_is_cue("veranstalterin", "organiser_role")  # "veranstalter*"
    assert "gemeinde" in cue_words("municipality")
    with pytest.raises(KeyError):
        word_is_cue("messe", "no_such_kind")


def test_an_event_named_once_as_a_closing_part_is_none_of_its_own(nlp):
    body = (
        "Im Rathaus von Oberxlingen wurde am Samstag das neue Bürgerbüro eingeweiht. "
        "Bürgermeisterin Jana Graf dankte den Handwerkern. Der Architekt erklärte den Umbau. "
        "Viele Gäste sahen sich die Räume an. Zwei Chöre gaben ein abschließendes Sommerkonzert."
    )
    frame = pipeline.extract(body, reference_date="2024-05-01", nlp=nlp)["events"]
    assert frame.empty
    # named as the report's event, the concert is one
    text = "Das Sommerkonzert der Chöre fand am Samstag statt. " + body
    assert only_event(nlp, text)["name"] == "Sommerkonzert"


@pytest.mark.parametrize(
    ("text", "reference_date", "fields"),
    [
        pytest.param(
            "Bäckerei Kranz feiert Jubiläum: Festakt, Hoffest, Tag der offenen Tür\n\n"
            "Die Bäckerei Kranz in Oberxlingen feierte am Freitag, 14. Juni 2024, ihr "
            "Firmenjubiläum. Auf dem Programm standen Tag der offenen Tür, Festakt und Hoffest. "
            "Zum Firmenjubiläum kamen viele Gäste.",
            "2024-06-20",
            {"name": "Firmenjubiläum", "start": "2024-06-14"},
            id="events listed as a programme are its parts",
        ),
        pytest.param(
            # published on Thursday 20 June: "Dienstagabend" alone would be the 18th
            "Ein festlicher Ball eröffnete am Dienstagabend (11. Juni) das Dorfjubiläum "
            "von Oberxlingen. Rund 300 Gäste kamen.",
            "2024-06-20",
            {"start": "2024-06-11", "end": "2024-06-11"},
            id="a day restated in brackets is the bracket's day",
        ),
        pytest.param(
            "Talbrunn (ol). Der Kinderflohmarkt des Kindergartens lockte am Samstag rund 200 "
            "Besucher an. Die Eltern hatten Kuchen gebacken.",
            "2024-05-01",
            {"city": "Talbrunn"},
            id="a dateline names the town also where the gazetteer does not know it",
        ),
    ],
)
def test_event_row_fields(nlp, text, reference_date, fields):
    row = only_event(nlp, text, reference_date)
    assert {key: row[key] for key in fields} == fields


@pytest.mark.parametrize("locative", ["auf den", "in den"])
def test_a_place_after_a_plural_article_is_a_venue_not_a_town(nlp, locative):
    # towns take a bare "in": "auf den Lechwiesen" is a ground
    text = (
        f"Das Frühlingsfest fand am Samstag {locative} Lechwiesen statt. Rund 20.000 Besucher "
        "kamen."
    )
    row = only_event(nlp, text)
    assert (row["city"], row["venue"]) == (None, "Lechwiesen")


@pytest.mark.parametrize(
    ("sentence", "organisers"),
    [
        # a role without a name names no organiser
        ("Veranstalter war das Orga-Team.", None),
        ("Veranstalter war das Festkomitee.", None),
        # the named organisation the role belongs to does
        (
            "Das Orga-Team des Heimatvereins Talheim zog eine positive Bilanz.",
            "Heimatverein Talheim",
        ),
        ("Die Veranstalter vom Heimatverein Talheim waren zufrieden.", "Heimatverein Talheim"),
        # the event in the genitive is no organiser
        ("Die Veranstalter des Talheimer Dorffests waren zufrieden.", None),
    ],
)
def test_an_organiser_is_a_named_organisation_not_a_role(nlp, sentence, organisers):
    text = "Das Dorffest in Talheim lockte am Samstag 2.000 Besucher an. " + sentence
    assert only_event(nlp, text)["organisers"] == organisers


def test_a_surname_after_a_first_name_in_a_venue_name_is_no_town():
    assert city_in_name("Otto-Lindau-Forum", ambiguous=True) is None
    assert city_in_name("Lindauer Hafenlauf") == "Lindau"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an event named only by a bare event noun is called by its motto
        (
            "Im Rathaus Talheim wurde am Freitag eine Ausstellung eröffnet. Unter dem Motto "
            "„Farben des Südens“ zeigt die Ausstellung Bilder von Malern aus der Region.",
            "Farben des Südens",
        ),
        # a name of its kind stays
        (
            "Das Stadtfest in Talheim stand unter dem Motto „Bunt und laut“ und lockte 20.000 "
            "Besucher.",
            "Stadtfest",
        ),
    ],
)
def test_an_event_known_only_by_its_motto(default_nlp, text, name):
    assert only_event(default_nlp, text, "2023-09-12")["name"] == name


def test_a_second_event_on_the_same_days_with_totals_of_its_own(default_nlp):
    text = (
        "Gartenmesse und Baumesse: Doppelerfolg in Talheim\n\n"
        "Die Talheimer Gartenmesse und die Talheimer Baumesse fanden vom 3. bis 5. Mai "
        "gemeinsam auf dem Messegelände Talheim statt. Die Gartenmesse zählte 300 Aussteller "
        "und 20.000 Besucher. Die Baumesse verbuchte 150 Aussteller und 9.000 Besucher."
    )
    rows = pipeline.extract(text, reference_date="2023-09-12", nlp=default_nlp)["events"]
    assert list(rows["name"]) == ["Talheimer Gartenmesse", "Talheimer Baumesse"]
    assert list(rows["start"]) == ["2023-05-03", "2023-05-03"]
    assert list(rows["visitors"]) == [20000, 9000]
    assert list(rows["exhibitors"]) == [300, 150]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a part counted in the body
        (
            "Das Stadtfest in Talheim lockte am Wochenende 30.000 Besucher. Die Händler waren "
            "zufrieden. Auch das Wetter spielte mit. Es gab Musik auf drei Bühnen. Der Talheimer "
            "Citylauf zählte am Samstag 800 Läufer.",
            ["Stadtfest"],
        ),
        # another fair compared: named together only in the title, dated apart
        (
            "Gartenmesse übertrifft Baumesse\n\nDie Talheimer Gartenmesse fand vom 3. bis 5. Mai "
            "statt. Die Gartenmesse zählte 20.000 Besucher. Die Oberbacher Baumesse kam im "
            "Frühjahr dagegen nur auf 9.000 Besucher.",
            ["Talheimer Gartenmesse"],
        ),
    ],
)
def test_a_part_or_a_compared_event_is_no_second_event(default_nlp, text: str, names):
    rows = pipeline.extract(text, reference_date="2023-09-12", nlp=default_nlp)["events"]
    assert list(rows["name"]) == names


@pytest.mark.parametrize(
    "second, expected",
    [
        # the exact count the rounded total stands for says it
        ("Gezählt wurden genau 4.860 Besucher.", 4860),
        # an exact count above "knapp" is another count: the larger total stays
        ("Gezählt wurden genau 5.300 Besucher.", 5300),
        # an exact count far below is a part, not the total
        ("Am Samstag kamen 2.100 Besucher.", 5000),
        # a count not called exact in another sentence is a day's: the rounded total stays
        ("Am Samstag kamen 4.700 Besucher.", 5000),
    ],
)
def test_an_exact_count_replaces_the_rounded_total_it_stands_for(default_nlp, second, expected):
    text = "Die Kunstmesse Talbach zog knapp 5.000 Besucher an. " + second
    rows = pipeline.extract(text, nlp=default_nlp)["events"]
    assert list(rows["visitors"]) == [expected]


def test_a_childrens_university_is_an_event(default_nlp):
    text = (
        "Der Förderverein der Grundschule Talbach lädt im Herbst wieder zur Kinderuni ein. "
        "Die Kinderuni dauert drei Stunden."
    )
    rows = pipeline.extract(text, nlp=default_nlp)["events"]
    assert list(rows["name"]) == ["Kinderuni"]
    assert list(rows["organisers"]) == ["Förderverein der Grundschule Talbach"]
    # "Uni" alone is a university, no event ("Juni" ends so too)
    assert pipeline.extract("Im Juni kamen 180 Kinder in die Uni.", nlp=default_nlp)["events"].empty


@pytest.mark.parametrize(
    "sentence, visitors",
    [
        (
            "Die 3200 Menschen, die sich auf dem Marktplatz einfanden, tanzten bis Mitternacht.",
            3200,
        ),
        # "fanden sich" without "ein" finds things among the guests: no count of who came
        ("Unter den Gästen fanden sich 20 Bürgermeister.", None),
    ],
)
def test_people_who_gathered_are_visitors(default_nlp, sentence, visitors):
    rows = pipeline.extract("Das Bergfest Talbach war ein Erfolg. " + sentence, nlp=default_nlp)
    value = rows["events"]["visitors"].iloc[0]
    assert (None if pd.isna(value) else value) == visitors


def test_a_persons_title_before_a_year_is_a_term_of_office_not_an_events_name(default_nlp):
    text = (
        "Die Jahrestagung in Talheim lockte 300 Gäste. Geehrt wurde auch Eva Graf, "
        "Vorsitzende 2019 bis 2022."
    )
    rows = pipeline.extract(text, nlp=default_nlp)["events"]
    assert list(rows["name"]) == ["Jahrestagung"]
    # proper words before a year still name an event
    named = "Die AQUA TALHEIM 2023 lockte 300 Gäste in die Messehalle."
    assert list(pipeline.extract(named, nlp=default_nlp)["events"]["name"]) == ["AQUA TALHEIM"]
