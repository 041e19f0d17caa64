"""Place classes from reports the rules were not tuned on (round 26), each with sentences
written for this test. Rules only (no statistical model)."""

from __future__ import annotations

import pytest
from test_entities import places
from test_entities_general import model_places


@pytest.fixture(scope="module")
def nlp(entities_nlp):
    return entities_nlp


# -- a town's adjective before a landmark compound names that building or height ------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Im Winter trainiert der Verein in den Ulmer Messehallen.", "Ulmer Messehallen"),
        ("Die Gäste trafen sich auf dem Ulmer Schlossberg.", "Ulmer Schlossberg"),
        ("Am Samstag wird in den Ulmer Pferdestallungen getanzt.", "Ulmer Pferdestallungen"),
        ("Die Messe war in den Zuger Messehallen.", "Zuger Messehallen"),  # Zug: also a word
    ],
)
def test_town_adjective_and_landmark_compound(nlp, text, name):
    assert places(nlp, text).get(name) == name


@pytest.mark.parametrize(
    "text",
    [
        "Er sprach im Ulmer Stadtrat über den Haushalt.",  # a body, no building
        "Die Ulmer Messehallen sind groß.",  # no place preposition
    ],
)
def test_town_adjective_without_landmark_or_context(nlp, text):
    assert not any(k.startswith("Ulmer") for k in places(nlp, text))


# -- a first name is no town's genitive -------------------------------------------------------
def test_first_name_is_no_genitive_of_a_town(nlp):
    assert "Jonas" not in places(nlp, "Den Kuchen brachten Paul und Jonas mit.")


# -- "ß" for a town's "ss" is the noun --------------------------------------------------------
def test_noun_spelled_with_sharp_s_is_no_town(nlp):
    assert places(nlp, "Das Fest fand zu Füßen der alten Burg statt.") == {}


def test_town_with_its_own_spelling_stays(nlp):
    assert places(nlp, "Die Gäste kamen aus Füssen und Kempten.").get("Füssen") == "Füssen"


# -- villages the gazetteer lacks, on a town's ending -----------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Der Chor aus Oberlindingen sang zuerst.", "Oberlindingen"),
        ("Die Gäste reisten aus Ulm und Kerbenau an.", "Kerbenau"),
    ],
)
def test_unknown_village_on_a_town_ending(nlp, text, name):
    assert places(nlp, text).get(name) == name


def test_village_confirms_its_coordinated_town(nlp):
    found = places(nlp, "Der Chor aus Oberlindingen und Hausen sang.")
    assert found.get("Hausen") == "Hausen"


@pytest.mark.parametrize(
    "text",
    [
        "Er wohnt seit Jahren im Altenheim.",  # a noun of the lexicon
        "Die Feier fand in Oberlindingen Meier statt.",  # a capitalised word follows
    ],
)
def test_no_village_where_word_or_name_goes_on(nlp, text):
    assert "Altenheim" not in places(nlp, text)
    assert "Oberlindingen" not in places(nlp, text)


# -- a town's part opening a paragraph is its dateline ----------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ein Titel.\n\nUlm-West - Die Gäste kamen zahlreich.", "Ulm-West"),
        ("Ein Titel.\n\nUL-Ulm - Bei Sonne kamen viele.", "UL-Ulm"),
        ("Ein Titel.\n\nUlm-Kerbachtal. Am Montag öffnete die Schau.", "Ulm-Kerbachtal"),
    ],
)
def test_town_part_dateline(nlp, text, name):
    assert places(nlp, text).get(name) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ein Titel.\n\nUlm-Marathon - Die Läufer kamen.", "Ulm-Marathon"),
        # an everyday loanword after the town: its people, no part of it
        ("Ein Titel.\n\nUlm-Kids. Die Kinder malten bunte Drachen.", "Ulm-Kids"),
        ("Ein Titel.\n\nUlm-Open - Die Spielerinnen schlugen bei Wind auf.", "Ulm-Open"),
        # two towns joined (one also a word, so no region of both): a route, no town's part
        ("Ein Titel.\n\nUlm-Essen - Der Zug fiel am Morgen aus.", "Ulm-Essen"),
    ],
)
def test_no_dateline_of_a_town_and_a_noun_or_another_town(nlp, text, name):
    assert name not in places(nlp, text)


# -- a town's centre after its adjective is the town, no venue --------------------------------
@pytest.mark.parametrize("centre", ["Stadtzentrum", "Innenstadt", "Altstadt", "Ortskern"])
def test_town_adjective_and_its_centre_is_no_venue(nlp, centre):
    found = places(nlp, f"Die Gäste bummelten am Sonntag durch die Ulmer {centre}.")
    assert f"Ulmer {centre}" not in found
    found = places(nlp, f"Am Sonntag trafen sich die Gäste im Ulmer {centre}.")
    assert f"Ulmer {centre}" not in found


def test_town_adjective_and_a_centre_compound_is_a_venue(nlp):
    text = "Die Messe war im Ulmer Messezentrum."
    assert places(nlp, text).get("Ulmer Messezentrum") == "Ulmer Messezentrum"


# -- a square named by a genitive -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Die Feier fand auf dem Platz der Republik statt.", "Platz der Republik"),
        ("Gesungen wurde auf dem Platz der Alten Linde.", "Platz der Alten Linde"),
        ("Das Konzert beginnt am „Platz der Schützen“ um acht.", "Platz der Schützen"),
    ],
)
def test_square_named_by_a_genitive(nlp, text, name):
    assert places(nlp, text).get(name) == name


def test_rank_is_no_square(nlp):
    assert places(nlp, "Den ersten Platz der Wertung holte das Team.") == {}


# -- a café named with a hyphen after a name --------------------------------------------------
def test_hyphenated_cafe_after_a_name(nlp):
    found = places(nlp, "Der Kaffee im „Kenia-Café“ am Markt war gut.")
    assert found == {"Kenia-Café": "Kenia-Café"}


def test_hyphenated_cafe_after_a_noun_is_none(nlp):
    assert places(nlp, "Der Kaffee im Kuchen-Café war gut.") == {}


# -- historic and administrative regions of the neighbours under their German names ----------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Der Wein stammt aus Lothringen und dem Elsass.", "Lothringen"),
        ("Die Reise ging nach Sizilien und Kalabrien.", "Kalabrien"),
        ("Der Chor kam aus Schlesien.", "Schlesien"),
    ],
)
def test_neighbours_regions(nlp, text, name):
    assert places(nlp, text).get(name) == name


# -- a noun that only ends on a landmark's letters is no landmark -----------------------------
def test_noun_ending_on_landmark_letters_is_no_place(nlp):
    text = "Die Piloten übten auf dem Flugsimulator der Schule."
    assert "Flugsimulator" not in model_places(nlp, text, [("Flugsimulator", "LOC")])


def test_landmark_compound_read_by_the_model_stays(nlp):
    text = "Die Gäste wanderten auf den Holunderberg."
    assert "Holunderberg" in model_places(nlp, text, [("Holunderberg", "LOC")])


# -- a town's name after an article as a noun's form ------------------------------------------
def test_plural_noun_after_article_is_no_district(nlp):
    assert places(nlp, "Beim Rennen gehörte unser Team zu den Favoriten.") == {}


def test_district_without_article_stays(nlp):
    assert places(nlp, "Die Gäste kamen aus Favoriten und Ottakring.").get("Favoriten") == (
        "Favoriten"
    )


def test_hyphenated_village_beside_a_town(nlp):
    found = places(nlp, "Die Kapellen kamen aus Ulm und Kerbach-Lindingen.")
    assert found.get("Kerbach-Lindingen") == "Kerbach-Lindingen"


# -- a venue word with a genitive after an indefinite article is a kind, no name ---------------
def test_indefinite_house_of_is_no_name(nlp):
    assert places(nlp, "Die neue Schule ist ein Haus der Begegnung für alle.") == {}


def test_definite_house_of_stays(nlp):
    found = places(nlp, "Die Ausstellung im Haus der Geschichte war voll.")
    assert found.get("Haus der Geschichte") == "Haus der Geschichte"


# -- the fairground of a town's shooting club or bird shooting --------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Das Karussell stand auf dem Schützenplatz am Fluss.", "Schützenplatz"),
        ("Am Sonntag zogen die Schützen zur Vogelwiese.", "Vogelwiese"),
    ],
)
def test_fairgrounds_of_a_town(nlp, text, name):
    assert places(nlp, text).get(name) == name


def test_unknown_name_after_bei_is_no_village(nlp):
    # "bei" also leads to a person or a firm named like a village
    assert places(nlp, "Die Ausbildung bei Kerbachfeld lohnt sich.") == {}
