"""Towns of Europe beyond the neighbouring countries and the own names of the neighbours'
large cities (scripts/build_gazetteers.py), in sentences written for this test. Rules only."""

from __future__ import annotations

import pytest
from test_entities import places
from test_entities_general import with_model_ents


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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Der Wanderverein fuhr in die Sächsische Schweiz.", "Sächsische Schweiz"),
        ("Die Kletterer kamen aus der Sächsischen Schweiz.", "Sächsische Schweiz"),
        ("Die Radler kamen von der Schwäbischen Alb.", "Schwäbische Alb"),
        ("Die Käser kamen aus dem Oberallgäu.", "Oberallgäu"),
    ],
)
def test_landscape_named_with_an_adjective_or_a_prefix(nlp, text, name):
    assert name in places(nlp, text).values()
    assert "Schweiz" not in places(nlp, text)  # the landscape, not the country


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Der Chor kam aus Frankfurt (Oder) angereist.", "Frankfurt (Oder)"),
        ("Die Tagung fand in Halle (Saale) statt.", "Halle (Saale)"),
    ],
)
def test_town_with_its_river_in_brackets(nlp, text, name):
    assert name in places(nlp, text)


@pytest.mark.parametrize(
    ("text", "town", "country"),
    [
        ("Die Partnerschaft mit Boskovice wurde in Boskovice gefeiert.", "Boskovice", "CZ"),
        ("Der Schüleraustausch führte nach Alberobello.", "Alberobello", "IT"),
        ("Der Posaunenchor stammt aus Barlinek.", "Barlinek", "PL"),
    ],
)
def test_small_neighbour_town_in_a_place_context(nlp, text, town, country):
    assert countries(nlp, text).get(town) == country


def test_small_neighbour_town_needs_a_place_context_even_where_the_model_reads_one(nlp):
    # a foreign first name the model reads as a place is no town without a locative
    text = "Der Minister Barlinek Novak sprach zuerst."
    doc = with_model_ents(nlp, text, [("Barlinek", "LOC"), ("Novak", "PER")])
    assert "Barlinek" not in {p.text for p in doc._.places}


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Der Kongress tagte in Marburg.", "Marburg"),
        ("Die Messe in Gera war gut besucht.", "Gera"),
        ("Die Gäste kamen aus Verden.", "Verden"),
    ],
)
def test_german_town_keeps_its_name_against_a_foreign_alternate(nlp, text, town):
    # GeoNames lists "Marburg" among Maribor's names, "Gera" among Győr's
    rows = {m.text: (m.name, m.country_code) for m in nlp(text)._.places}
    assert rows.get(town) == (town, "DE")
