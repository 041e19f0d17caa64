"""Places the NER reads that the filters used to drop, and type words that belong to a place,
each class with sentences written for this test. Rules only, the model's reading given."""

from __future__ import annotations

import pytest
from test_entities import places
from test_entities_general import with_model_ents


@pytest.fixture(scope="module")
def nlp(entities_nlp):
    return entities_nlp


def model_places(nlp, text: str, words: str) -> dict[str, str]:
    return {m.text: m.name for m in with_model_ents(nlp, text, [(words, "LOC")])._.places}


@pytest.mark.parametrize(
    ("text", "words", "kept"),
    [
        # a lone unknown word the model reads as a place, after a definite locative
        ("Gefeiert wurde im Velmora bis spät.", "Velmora", True),
        ("Die Gäste kamen aus der Vallorbie angereist.", "Vallorbie", True),
        ("Zum Abschluss ging es im neuen Velmora weiter.", "Velmora", True),
        # without one it stays out, and so does an address or an activity after "beim"
        ("Velmora lädt wieder ein.", "Velmora", False),
        ("Die Praxis liegt Am Lindgraben 6 in Ulm.", "Lindgraben", False),
        ("Den Pokal gab es beim Stelzenlaufen.", "Stelzenlaufen", False),
        ("Sie wurde Meisterin im Seilspringen.", "Seilspringen", False),
        ("Wir aßen im Rosengarten zu Mittag.", "Rosengarten", True),
        # a compound of common nouns on a place ending, or a hyphenated one, with the context
        ("Das Fest fand auf dem Mühlenfeld statt.", "Mühlenfeld", True),
        ("Die Band spielte auf der Rosen-Bühne.", "Rosen-Bühne", True),
        # a town the gazetteer lacks, named like a compound of nouns, after a town's preposition
        ("Der Bus fährt weiter nach Birkenbach.", "Birkenbach", True),
        ("Die Teile kommen in Handarbeit.", "Handarbeit", False),
        # a landscape named like a word takes an article
        ("Sie wandern jeden Sommer im Jura.", "Jura", True),
        # an everyday noun is none, and a compound on a place ending needs the context
        ("Die Kinder gruben in der Erde.", "Erde", False),
        ("Das Mühlenfeld war gut besucht.", "Mühlenfeld", False),
    ],
)
def test_model_places_after_a_place_preposition(nlp, text, words, kept):
    assert (words in model_places(nlp, text, words)) is kept


def test_state_named_with_its_type_word(nlp):
    found = {m.text: (m.name, m.kind) for m in nlp("Die Firmen im Land Brandenburg")._.places}
    assert found == {"Land Brandenburg": ("Brandenburg", "state")}


def test_country_round_a_town_named_like_a_word(nlp):
    # "Altenburg" is also a word; the capitalised "Land" after its adjective makes the region
    assert places(nlp, "Betriebe im Altenburger Land und des Altenburger Landes.") == {
        "Altenburger Land": "Altenburger Land",
        "Altenburger Landes": "Altenburger Land",
    }


def test_quarter_compound_takes_its_town(nlp):
    assert places(nlp, "Die Messe lief im Messequartier Freiburg.") == {
        "Messequartier Freiburg": "Messequartier Freiburg"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an inn or hotel named with one common noun
        ("Danach saßen alle im Gasthof Krone zusammen.", {"Gasthof Krone": "Gasthof Krone"}),
        # capitalised adjectives before a hall, court or palace
        ("Der Empfang fand im Goldenen Saal statt.", {"Goldenen Saal": "Goldener Saal"}),
        # a building named after a person is no person
        (
            "Der Vortrag fand im Karl Weber-Haus statt.",
            {"Karl Weber-Haus": "Karl Weber-Haus"},
        ),
    ],
)
def test_named_inns_halls_and_buildings(nlp, text, expected):
    assert places(nlp, text) == expected


def test_model_place_continuing_a_rule_place(nlp):
    # the model's longer reading names the place fully, with the town's name as written
    # (a canton's code after a Swiss town is part of the mention, not of the town's name)
    text = "Das Turnier findet in Uster ZH statt."
    found = {m.text: m.name for m in with_model_ents(nlp, text, [("Uster ZH", "LOC")])._.places}
    assert found == {"Uster ZH": "Uster"}
    # a common noun before the place is no part of it ("Partnerland X" stays X)
    text = "Partnerland Schweden war dabei."
    found = {m.text for m in with_model_ents(nlp, text, [("Partnerland Schweden", "LOC")])._.places}
    assert found == {"Schweden"}


def test_acronym_places_only_in_capitals(nlp):
    # "DDr." is an Austrian double doctorate, "DDR" the state
    assert places(nlp, "Es sprach DDr. Anna Keller über die Jahre in der DDR.") == {"DDR": "DDR"}


def test_congress_before_a_venue_word_opens_the_venue(nlp):
    assert places(nlp, "Getagt wurde im Kongress Centrum Erfurt.") == {
        "Kongress Centrum Erfurt": "Kongress Centrum Erfurt"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the start of a route to a sure place is a place, a lone "von Esch" is not sure
        ("Die Radler fuhren von Esch bis nach Trier.", {"Esch": "Esch", "Trier": "Trier"}),
        ("Der Brief kam von Esch.", {}),
        # a venue's owner named in the genitive belongs to it, a common noun does not
        (
            "Getanzt wurde in der Glas-Halle der Rheinmesse.",
            {"Glas-Halle der Rheinmesse": "Glas-Halle der Rheinmesse"},
        ),
        ("Getagt wurde im Kultur-Zentrum der Stadt.", {"Kultur-Zentrum": "Kultur-Zentrum"}),
        # a grounds compound is a venue after a name, not after a common noun
        ("Alle kamen aufs Velmora-Gelände.", {"Velmora-Gelände": "Velmora-Gelände"}),
        ("Alle kamen aufs Firmen-Gelände.", {}),
    ],
)
def test_routes_owners_and_grounds(nlp, text, expected):
    assert places(nlp, text) == expected


def test_counted_noun_named_like_a_town_is_no_place(nlp):
    text = "Es spielten Musiker in 40 Kapellen."
    assert model_places(nlp, text, "Kapellen") == {}


def test_weather_and_noble_names_are_no_towns(nlp):
    # "bei" before a town named like a noun is an idiom ("bei Regen"); "aus Regen" the town
    assert places(nlp, "Bei Regen fiel das Spiel aus.") == {}
    assert places(nlp, "Die Gäste kamen aus Regen.") == {"Regen": "Regen"}
    # a surname after "von" inside a person the model reads
    text = "Es sprach Professorin Anna von Lübeck."
    doc = with_model_ents(nlp, text, [("Anna von Lübeck", "PER")])
    assert doc._.places == []


def test_squares_named_after_a_person_and_seas_with_an_adjective(nlp):
    assert places(nlp, "Auf dem Ernst Kerner-Platz gab es Kuchen.") == {
        "Ernst Kerner-Platz": "Ernst Kerner-Platz"
    }
    found = {m.text: (m.name, m.kind) for m in nlp("Sie segelten bis zum Roten Meer.")._.places}
    assert found == {"Roten Meer": ("Rotes Meer", "other")}


def test_swiss_regions_and_german_country_names(nlp):
    found = {
        m.text: (m.name, m.kind) for m in nlp("Viele reisten aus der Innerschweiz an.")._.places
    }
    assert found == {"Innerschweiz": ("Innerschweiz", "region")}
    assert places(nlp, "Der Kakao stammt von der Elfenbeinküste.") == {
        "Elfenbeinküste": "Côte d'Ivoire"
    }


def test_country_in_brackets_before_a_legal_form_is_a_company_branch(nlp):
    assert places(nlp, "Am Stand war die Kramer (Schweiz) AG, die Gäste kamen aus Bern.") == {
        "Bern": "Bern"
    }


def test_large_towns_of_neighbouring_countries_and_their_german_names(nlp):
    assert places(nlp, "Die Gäste kamen aus Groningen und aus Straßburg.") == {
        "Groningen": "Groningen",
        "Straßburg": "Straßburg",
    }


def test_plural_noun_after_a_venue_and_a_comma_is_no_venue(nlp):
    text = "Getagt wurde im Kongresshaus Gerbermühle, die Gäste schliefen nebenan."
    assert "Gäste" not in places(nlp, text)


def test_chain_hotel_without_a_name_of_its_own(nlp):
    assert places(nlp, "Die Referenten wohnten im Dorint Hotel nahe der Halle.") == {
        "Dorint Hotel": "Dorint Hotel"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Das Fest fand im Schlosspark Lindenau statt.",
            {"Schlosspark Lindenau": "Schlosspark Lindenau"},
        ),
        # an institution, a person or a longer run after the compound is no name of its own
        ("Gefeiert wurde im Kindergarten Sonnenschein.", {}),
        ("Es sprach die Leiterin vom Stadtmuseum Anna Keller.", {"Stadtmuseum": "Stadtmuseum"}),
    ],
)
def test_compound_venue_with_a_name_of_its_own(nlp, text, expected):
    assert places(nlp, text) == expected


def test_town_named_like_a_word_before_its_mayor(nlp):
    assert places(nlp, "Es sprach Falkenbergs Bürgermeister.") == {"Falkenbergs": "Falkenberg"}
    assert places(nlp, "Es sprach Falkenbergs Stellvertretende Landrätin.") == {
        "Falkenbergs": "Falkenberg"
    }
    assert places(nlp, "Falkenbergs Rede war kurz.") == {}


def test_truncated_first_part_belongs_to_the_venue(nlp):
    text = "Viele kamen ins Spielzeug- und Lakritzmuseum."
    found = with_model_ents(nlp, text, [("Spielzeug- und Lakritzmuseum", "LOC")])._.places
    assert [m.text for m in found] == ["Spielzeug- und Lakritzmuseum"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a head word announces the name of a built-up area, with or without a locative
        (
            "Die ersten Familien ziehen ins Neubaugebiet Lindenhöhe.",
            {"Neubaugebiet Lindenhöhe": "Lindenhöhe"},
        ),
        ("Hinter dem Baugebiet Erlenried spielten Kinder.", {"Baugebiet Erlenried": "Erlenried"}),
        # named after a town: the estate keeps its head word, it is not the town
        (
            "Die Spedition zieht ins Gewerbegebiet Talheim um.",
            {"Gewerbegebiet Talheim": "Gewerbegebiet Talheim"},
        ),
        # a point of the compass or an everyday word after it is no name
        ("Das Gewerbegebiet Nord wächst.", {}),
        ("Das Industriegebiet Wasser bekommt eine Leitung.", {}),
    ],
)
def test_area_of_a_town_after_its_head_word(nlp, text, found):
    assert places(nlp, text) == found


def test_hospital_named_with_its_town_is_a_venue(nlp):
    # Swiss and Austrian 'Spital' like 'Krankenhaus': the head takes the town's name
    assert places(nlp, "Der Vortrag fand im Spital Lachen statt.") == {
        "Spital Lachen": "Spital Lachen"
    }
    assert places(nlp, "Sie arbeitet seit Jahren im Spital.") == {}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a town with the river it lies on, or with a larger town near it, is one place
        (
            "Gäste kamen aus der Partnergemeinde Bodenwerder/Weser.",
            {"Bodenwerder/Weser": "Bodenwerder (Weser)"},
        ),
        ("Er wohnt in Kirchheim bei München.", {"Kirchheim bei München": "Kirchheim bei München"}),
        # two towns with a slash stay two, and a club after 'bei' is no town near another
        ("Die Firmen aus Mannheim/Wiesbaden.", {"Mannheim": "Mannheim", "Wiesbaden": "Wiesbaden"}),
    ],
)
def test_town_named_with_a_river_or_a_larger_town(nlp, text, found):
    assert places(nlp, text) == found


def test_club_after_bei_is_no_larger_town(nlp):
    assert places(nlp, "Das Spiel in Hamburg bei Hannover 96.").get("Hamburg") == "Hamburg"
