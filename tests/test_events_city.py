"""The city of an event read from names, on sentences written for these tests."""

from __future__ import annotations

import pytest

import pipeline
from pipeline.events.places import city_in_name, is_area, organiser_town
from pipeline.records import PlaceMention


def test_a_town_adjective_of_a_town_ending_in_en_names_it():
    assert city_in_name("Göppinger Stadthalle") == "Göppingen"
    assert city_in_name("Bremer Kirchentag") == "Bremen"
    assert city_in_name("Lindauer Hafenlauf") == "Lindau"  # the adjective adds "er"
    assert city_in_name("Oberer Saal") is None  # no town


def test_the_venues_town_adjective_gives_the_city(default_nlp):
    text = "Das Kelterfest fand am Samstag in der Reutlinger Stadthalle statt. 300 Gäste kamen."
    rows = pipeline.extract(text, nlp=default_nlp)["events"]
    assert list(rows["city"]) == ["Reutlingen"]


def test_a_town_in_brackets_is_a_firms_seat_not_the_events_city(default_nlp):
    # an exhibitor's seat in brackets in a sentence that names the event: no city
    text = (
        "Die Gewerbeschau lockte viel Publikum an. Aussteller Hans Vogel (Vogel Holzbau AG, "
        "Tettnang) war mit der Gewerbeschau am Samstag zufrieden."
    )
    rows = pipeline.extract(text, nlp=default_nlp)["events"]
    assert list(rows["name"]) == ["Gewerbeschau"]
    assert rows["city"].isna().all()
    # the town the text puts the event in stays its city
    located = "Die Gewerbeschau in Tettnang lockte viel Publikum an. " + text.split(". ", 1)[1]
    assert list(pipeline.extract(located, nlp=default_nlp)["events"]["city"]) == ["Tettnang"]


def test_towns_people_come_from_are_not_the_events_city(default_nlp):
    # "aus" names where the runners come from, also for the second town of the list
    text = (
        "Beim Herbstlauf am Sonntag starteten 120 Läufer. Die meisten Läufer des Herbstlaufs "
        "kamen aus Hildesheim und Göttingen."
    )
    rows = pipeline.extract(text, nlp=default_nlp)["events"]
    assert list(rows["name"]) == ["Herbstlauf"]
    assert rows["city"].isna().all()
    # the town the race is put in stays its city
    located = text.replace("Sonntag starteten", "Sonntag in Goslar starteten")
    assert list(pipeline.extract(located, nlp=default_nlp)["events"]["city"]) == ["Goslar"]


def test_a_town_only_another_named_event_is_held_in_is_not_the_events_city(default_nlp):
    text = (
        "Das Talbacher Bergrennen lockte 400 Zuschauer an. Als nächstes Ziel nannten die "
        "Sieger den Alpencup im Juli in Lienz."
    )
    rows = pipeline.extract(text, nlp=default_nlp)["events"]
    assert list(rows["name"])[:1] == ["Talbacher Bergrennen"]
    assert rows["city"].isna().all()
    # the one town the report puts people in, outside that sentence, stays the city
    at_home = text.replace("Zuschauer an.", "Zuschauer an. Gefeiert wurde danach in Lienz.")
    assert list(pipeline.extract(at_home, nlp=default_nlp)["events"]["city"])[:1] == ["Lienz"]


def test_an_organisations_town_is_the_city_only_where_it_runs_the_event_at_home(default_nlp):
    def city(text: str) -> list:
        return list(pipeline.extract(text, nlp=default_nlp)["events"]["city"].fillna(""))

    after = " Der Familientag lockte 500 Besucher an."
    # a firm named with the event that does not run it: its seat is no city
    assert city("Am Familientag stellte die Sparkasse Kassel ihr neues Angebot vor." + after) == [
        ""
    ]
    # the organisation that runs it, with no other venue named: its own premises
    assert city("Die Hochschule Kassel lud am Samstag zum Familientag ein." + after) == ["Kassel"]
    # it runs it in a venue of another name: where nothing else places the event, the
    # organiser's town does; a town the text puts the event in wins over it
    held = (
        "Den Frühlingsmarkt veranstaltete die Volkshochschule Kassel am Samstag{}."
        " Der Frühlingsmarkt lockte 500 Besucher an."
    )
    assert city(held.format(" im Museum Fridericianum")) == ["Kassel"]
    assert city(held.format("")) == ["Kassel"]
    assert city(held.format(" in Göttingen")) == ["Göttingen"]


def test_a_district_or_state_is_no_city(default_nlp):
    def city(text: str) -> list:
        return list(pipeline.extract(text, nlp=default_nlp)["events"]["city"].fillna(""))

    def place(name: str, kind: str) -> PlaceMention:
        return PlaceMention(0, len(name), name, name, kind)

    assert is_area(place("Landkreis Cham", "district")) and is_area(place("Enzkreis", "district"))
    # a town's part the gazetteer knows is no area, nor is a town
    assert not is_area(place("Kreuzberg", "district")) and not is_area(place("Landshut", "city"))
    assert city("Der Bauernmarkt fand am Sonntag im Rhein-Sieg-Kreis statt.") == [""]
    assert city("Das Straßenfest fand am Samstag im Neubaugebiet Lindenhöhe statt.") == [""]
    assert city("Das Straßenfest fand am Samstag im Stadtteil Kreuzberg statt.") == ["Berlin"]
    assert city("Das Sommerfest fand am Samstag im Landkreis Cham statt. 300 Gäste kamen.") == [""]
    # the town named with it stays the city
    in_town = "Das Sommerfest fand am Samstag in Roding im Landkreis Cham statt. 300 Gäste kamen."
    assert city(in_town) == ["Roding"]
    # nor is the one area a report puts people in
    assert city("Die Gäste trafen sich im Landkreis Cham. Das Sommerfest lockte 300 Gäste.") == [""]


def test_a_town_after_an_organisation_and_in_is_its_seat_not_the_events_city(default_nlp):
    def city(text: str) -> list:
        return list(pipeline.extract(text, nlp=default_nlp)["events"]["city"].fillna(""))

    firms = (
        "lobten die Chefin der Vogel Holzbau GmbH in Tettnang und der Chef der Kranich Bau AG "
        "in Lindau das Angebot. Das Sommerfest lockte 300 Gäste an."
    )
    assert city("Beim Sommerfest " + firms) == [""]
    # the town the event is put in stays its city
    assert city("Beim Sommerfest in Wangen " + firms) == ["Wangen"]


def test_a_town_said_of_the_past_edition_is_no_city(default_nlp):
    def city(text: str) -> list:
        return list(pipeline.extract(text, nlp=default_nlp)["events"]["city"].fillna(""))

    past = "Im Vorjahr fand die Jahrestagung in Talheim statt. Diesmal kamen 300 Mitglieder."
    assert city(past) == [""]
    # the same town said of this edition is its city
    assert city(past.replace("Im Vorjahr", "Am Samstag")) == ["Talheim"]
    # a clause of its own after the past cue speaks of this edition
    both = "Nach dem Rekord im Vorjahr, fand die Jahrestagung in Talheim statt."
    assert city(both) == ["Talheim"]


def test_a_river_or_lake_is_no_city(default_nlp):
    def city(text: str) -> list:
        return list(pipeline.extract(text, nlp=default_nlp)["events"]["city"].fillna(""))

    fest = "Das Paddelfest lockte 300 Gäste an. Danach paddelten einige "
    assert city(fest + "auf der Elbe bis zur Nordsee.") == [""]
    # the one town they went to stays the city, the river beside it is none
    assert city(fest + "nach Dresden und auf der Elbe weiter.") == ["Dresden"]


@pytest.mark.parametrize(
    "text",
    [
        "Göppingen – Die Gartenmesse in der Stadthalle Weinheim zog am Wochenende 4.000 "
        "Besucher an.",
        "Göppingen (dpa) - Die Gartenmesse zog am Wochenende 4.000 Besucher in die Weinheimer "
        "Stadthalle.",
    ],
)
def test_the_venues_town_is_the_city_over_the_dateline(default_nlp, text: str):
    assert list(pipeline.extract(text, nlp=default_nlp)["events"]["city"]) == ["Weinheim"]


def test_the_dateline_is_the_city_where_nothing_else_names_one(default_nlp):
    text = "Göppingen – Die Gartenmesse zog am Wochenende 4.000 Besucher an."
    assert list(pipeline.extract(text, nlp=default_nlp)["events"]["city"]) == ["Göppingen"]


@pytest.mark.parametrize(
    "text",
    [
        "Talheim, 5. Mai 2025 – Wie im vergangenen Jahr fand das Brunnenfest in Lindwil statt. "
        "Rund 800 Gäste kamen.",
        "Wie schon im Vorjahr lud der Heimatverein zum Brunnenfest in Lindwil ein. Rund 800 "
        "Gäste kamen.",
    ],
)
def test_a_town_said_to_be_the_same_as_last_year_is_the_events_city(default_nlp, text: str):
    # "wie im Vorjahr": this edition was where the last one was, so the town is its own
    rows = pipeline.extract(text, nlp=default_nlp)["events"]
    assert list(rows["city"]) == ["Lindwil"]


def test_a_town_only_last_years_edition_was_in_is_not_the_events_city(default_nlp):
    text = "Im Vorjahr fand das Brunnenfest in Lindwil statt. Rund 800 Gäste kamen."
    rows = pipeline.extract(text, nlp=default_nlp)["events"]
    assert rows["city"].isna().all()


def test_a_dateline_of_two_towns_is_neither_towns_dateline(default_nlp):
    # "Xdorf/Ydorf.": a report from two towns does not say which one the event is in
    two = "Hamburg/Leipzig. Der Pflegekongress zählte am Wochenende 900 Teilnehmer."
    assert pipeline.extract(two, nlp=default_nlp)["events"]["city"].isna().all()
    one = "Hamburg. Der Pflegekongress zählte am Wochenende 900 Teilnehmer."
    assert list(pipeline.extract(one, nlp=default_nlp)["events"]["city"]) == ["Hamburg"]
    # a town and the river naming which one it is make one dateline
    single = "Frankfurt/Main. Der Pflegekongress zählte am Wochenende 900 Teilnehmer."
    rows = pipeline.extract(single, nlp=default_nlp)["events"]
    assert list(rows["city"]) == ["Frankfurt am Main"]


@pytest.mark.parametrize(
    ("organisers", "town"),
    [
        (["Hochschule Mannheim"], "Mannheim"),
        # a town several places share names it where the name is the head and the town
        (["Pfarre Kirchberg"], "Kirchberg"),
        # two towns: neither
        (["Hochschule Mannheim", "Stadtwerke Heidelberg"], None),
        # in a longer name a word several places share may be anything
        (["Turnverein Blau-Weiß Linden"], None),
        (["Turnverein Edelweiß"], None),
        (["Landkreis Rottal-Inn"], None),
    ],
)
def test_the_town_an_events_organisers_are_named_after(organisers, town):
    assert organiser_town(organisers) == town


def test_an_organisers_town_is_the_city_where_nothing_else_places_the_event(default_nlp):
    text = (
        "Die Hochschule Mannheim veranstaltete am Samstag ihr Sommerfest im "
        "Kulturzentrum Altes Lager. Rund 600 Gäste kamen."
    )
    rows = pipeline.extract(text, nlp=default_nlp)["events"]
    assert list(rows["city"]) == ["Mannheim"]
    # a town the text puts the event in is its city, not the organiser's
    elsewhere = (
        "Die Hochschule Mannheim veranstaltete am Samstag ihr Sommerfest in Heidelberg. "
        "Rund 600 Gäste kamen."
    )
    rows = pipeline.extract(elsewhere, nlp=default_nlp)["events"]
    assert list(rows["city"]) == ["Heidelberg"]


def test_two_events_named_together_each_in_a_town_of_its_own_are_two_rows(default_nlp):
    text = (
        "Im Mai richtete die Agentur Muster GmbH das Imkerforum Nord in Hamburg aus, dazu "
        "die Fachtagung Obstbau Süd in Leipzig. Beide zählten rund 900 Teilnehmer."
    )
    rows = pipeline.extract(text, nlp=default_nlp)["events"]
    assert list(rows["city"]) == ["Hamburg", "Leipzig"]
    # one town for both: one event
    same = text.replace("in Leipzig", "in Hamburg")
    rows = pipeline.extract(same, nlp=default_nlp)["events"]
    assert len(rows) == 1


@pytest.mark.parametrize("mark", ["|", "l"])
def test_a_dateline_before_a_bar_names_the_city(default_nlp, mark):
    text = (
        "Erstmals fand der Hallenlauf statt. 200 Läufer starteten.\n\n"
        f"Reutlingen {mark} Die Halle war am Samstag bis auf den letzten Platz gefüllt."
    )
    rows = pipeline.extract(text, nlp=default_nlp)["events"]
    assert list(rows["city"]) == ["Reutlingen"]
