"""Landmarks, parks, halls and churches named by a compound of everyday words, and towns named
like a word after "von" and a town's noun, in sentences written for this test. Rules only."""

from __future__ import annotations

import pytest
from test_entities import places
from test_entities_general import with_model_ents


@pytest.fixture(scope="module")
def nlp(entities_nlp):
    return entities_nlp


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Der Frühjahrsmarkt fand im Rosengarten statt.", "Rosengarten"),
        ("Die Blaskapelle spielte am Sonntag im Volksgarten.", "Volksgarten"),
        ("Der Kurorchesterabend war im Kursaal.", "Kursaal"),
        ("Das Weihnachtsoratorium erklang in der Klosterkirche.", "Klosterkirche"),
        ("Die Andacht zum Jubiläum war in der Universitätskirche.", "Universitätskirche"),
    ],
)
def test_civic_landmark_after_a_definite_locative(nlp, text, name):
    assert name in places(nlp, text)


def test_civic_landmark_without_article_is_no_place(nlp):
    assert "Rosengarten" not in places(nlp, "Sie pflanzte einen Rosengarten hinter dem Haus.")


def test_monument_named_after_a_person(nlp):
    assert "Hermannsdenkmal" in places(nlp, "Die Wandergruppe rastete am Hermannsdenkmal.")


def test_generic_monument_is_no_place(nlp):
    assert not places(nlp, "Vor dem Denkmal legten die Schüler Blumen nieder.")


@pytest.mark.parametrize(
    "text",
    ["Die Regatta begann im Hafen von Kiel.", "Der Bürgermeister von Kiel eröffnete den Markt."],
)
def test_town_named_like_a_word_after_von_and_a_town_noun(nlp, text):
    assert places(nlp, text) == {"Kiel": "Kiel"}


def test_von_after_another_noun_is_no_place_context(nlp):
    assert "Kiel" not in places(nlp, "Das Boot hatte einen Kiel von sechs Metern.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Die Ruderer trainierten am Schweriner See.", "Schweriner See"),
        ("Am Ufer des Schweriner Sees standen die Zelte.", "Schweriner See"),
    ],
)
def test_lake_named_by_a_town_adjective(nlp, text, name):
    assert name in places(nlp, text).values()


def test_town_adjective_and_lake_without_context_is_no_place(nlp):
    assert not places(nlp, "Ein Schweriner See-Blick wäre schön.")


@pytest.mark.parametrize(
    ("text", "river"),
    [
        ("Das Sommerfest fand direkt an der Saar statt.", "Saar"),
        ("Die Schlauchboote fuhren auf der Aare flussabwärts.", "Aare"),
        ("Die Radtour führte entlang der Altmühl.", "Altmühl"),
    ],
)
def test_river(nlp, text, river):
    assert river in places(nlp, text)


def test_river_named_like_a_word_needs_more_than_an_article(nlp):
    assert "Leine" not in places(nlp, "Der Hund lief brav an der Leine.")


@pytest.mark.parametrize(
    ("text", "event", "place", "kept"),
    [
        # the model's event spans are less sure than a venue the gazetteer lists
        (
            "Das Treffen der Zahnärzte fand im Kongress Palais Kassel statt.",
            "Kongress Palais Kassel",
            "Kongress Palais Kassel",
            True,
        ),
        # "Partnerstadt" names the town, whatever span the model reads as an event
        ("Die Partnerstadt Tarnów schickte eine Abordnung.", "Partnerstadt Tarnów", "Tarnów", True),
        # an unlisted event name is no venue, a town inside an event's name no place
        ("Die Besucher lobten den Velvorn Kongress sehr.", "Velvorn Kongress", None, False),
        ("Zum Velvorn Ulm Marathon kamen viele Läufer.", "Velvorn Ulm Marathon", "Ulm", False),
    ],
)
def test_places_inside_a_model_event(nlp, text, event, place, kept):
    doc = with_model_ents(nlp, text, [(event, "EVT")])
    found = {p.text for p in doc._.places} | {p.name for p in doc._.places}
    if place is None:
        assert not found
    else:
        assert (place in found) is kept


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Das Derby war im Signal Iduna Park ausverkauft.", "Signal Iduna Park"),
        ("Die Fans feierten im Westfalenstadion.", "Signal Iduna Park"),
        ("Das Finale lief im Deutsche Bank Park.", "Deutsche Bank Park"),
    ],
)
def test_listed_stadium(nlp, text, name):
    assert name in places(nlp, text).values()
