"""Towns of Europe beyond the neighbouring countries and the own names of the neighbours'
large cities (scripts/build_gazetteers.py), in sentences written for this test. Rules only."""

from __future__ import annotations

import pytest
from test_entities import places


@pytest.fixture(scope="module")
def nlp(entities_nlp):
    return entities_nlp


def countries(nlp, text: str) -> dict[str, str | None]:
    return {m.text: m.country_code for m in nlp(text)._.places}


@pytest.mark.parametrize(
    ("text", "town", "country"),
    [
        ("Im Herbst reiste der Chor nach Tartu.", "Tartu", "EE"),
        ("Eine Delegation aus Tampere besuchte die Ausstellung.", "Tampere", "FI"),
        ("Die Tänzerinnen kamen aus Klaipėda angereist.", "Klaipėda", "LT"),
        ("Der Sieger stammt aus Coimbra.", "Coimbra", "PT"),
    ],
)
def test_european_town_in_a_place_context(nlp, text, town, country):
    assert countries(nlp, text).get(town) == country


def test_european_town_needs_a_place_context(nlp):
    assert "Tampere" not in places(nlp, "Tampere heißt die neue Sorte des Gärtners.")


def test_european_town_named_like_an_everyday_word_is_left_out(nlp):
    # Porto is also the postage: even after "aus" the word is the likelier reading
    assert "Porto" not in places(nlp, "Das Paket kam ohne Porto an.")
    assert "Porto" not in places(nlp, "Die Gäste aus Porto blieben drei Tage.")


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Der Chor gastierte im Mai in Toruń.", "Toruń"),
        ("Die Ausstellung zieht danach nach Wrocław weiter.", "Wrocław"),
        ("Der Bus fuhr weiter nach Gdańsk.", "Gdańsk"),
    ],
)
def test_large_neighbour_city_by_its_own_name(nlp, text, town):
    assert countries(nlp, text).get(town) == "PL"


def test_german_name_of_a_large_city_keeps_its_sense(nlp):
    # the own name is added, the German one still needs no context
    assert places(nlp, "Krakau war im Sommer voller Gäste.") == {"Krakau": "Krakau"}
