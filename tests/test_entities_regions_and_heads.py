"""Names that generalise beyond the dev reports, each class with sentences written for this
test: regions named after a town ("Paderborner Land"), one-word bodies on an organisation
head, German names of border towns."""

from __future__ import annotations

import pytest
from test_entities import orgs, places


@pytest.fixture(scope="module")
def nlp(entities_nlp):
    return entities_nlp


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Radtour führt durch das Paderborner Land bis zur Weser.", "Paderborner Land"),
        ("Viele Gäste kamen aus dem Osnabrücker Land.", "Osnabrücker Land"),
    ],
)
def test_town_adjective_and_land_is_a_region(nlp, text, expected):
    found = places(nlp, text)
    assert found.get(expected) == expected
    assert expected.split()[0] not in found


def test_land_without_a_town_adjective_is_no_region(nlp):
    assert places(nlp, "Im ganzen Land gab es ein fröhliches Land- und Forstfest.") == {}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ausführlich berichtete die Zeitung Abendpost über den Umzug.", "Abendpost"),
        ("Der Sender Talwelle übertrug das Konzert live.", "Talwelle"),
        ("Die Preise stiftete der Hauptsponsor Brunnhuber aus Cham.", "Brunnhuber"),
    ],
)
def test_media_and_sponsor_names_after_their_type_noun(nlp, text, name):
    assert orgs(nlp, text).get(name) == name


def test_media_type_noun_before_a_common_noun_names_nothing(nlp):
    assert orgs(nlp, "Im Wartezimmer lag die Zeitschrift Natur neben dem Sender Radio aus.") == {}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Die Wandergruppe fuhr mit dem Zug nach Brixen und übernachtete dort.", "Brixen", "IT"),
        ("Der Chor kommt aus Sterzing, sein Dirigent aus Bozen.", "Sterzing", "IT"),
        ("Die Messe für Handwerk findet in Eupen statt.", "Eupen", "BE"),
        ("Die Uhrmacher treffen sich in Biel, die Gäste reisen aus Diedenhofen an.", "Biel", "CH"),
    ],
)
def test_german_names_of_towns_across_the_border(nlp, text, name, country):
    found = {m.name: m.country_code for m in nlp(text)._.places}
    assert found.get(name) == country


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Die Gäste übernachteten im Maritim Hotel Ulm direkt am Fluss.", "Maritim Hotel Ulm"),
        ("Der Empfang fand im Radisson Blu Hotel Erfurt statt.", "Radisson Blu Hotel Erfurt"),
    ],
)
def test_hotel_chain_before_a_hotel_belongs_to_its_name(nlp, text, name):
    assert places(nlp, text).get(name) == name


def test_german_name_of_a_far_town_does_not_hide_the_near_one(nlp):
    text = "Der Festzug zog durch Weißenburg, die Blaskapelle kam aus Karlsbad."
    found = {m.name: m.country_code for m in nlp(text)._.places}
    assert found == {"Weißenburg": "DE", "Karlsbad": "CZ"}
