"""Venues the place rules name without the model: inns named after their sign, landmark
compounds in the plural, and compound venue words
on "-kino" and "-anlage" with a name of their own. Sentences written for this test; rules only."""

from __future__ import annotations

import pytest
from test_entities import places

from tests.test_events import only_event


@pytest.fixture(scope="module")
def nlp(entities_nlp):
    return entities_nlp


@pytest.mark.parametrize(
    ("text", "written", "name"),
    [
        ("Die Versammlung fand im Grünen Hecht statt.", "Grünen Hecht", "Grüner Hecht"),
        ("Der Stammtisch traf sich zum Weißen Rössl.", "Weißen Rössl", "Weißes Rössl"),
        ("Die Sänger kehrten im Schwarzen Löwen ein.", "Schwarzen Löwen", "Schwarzer Löwe"),
        ("Der Vorstand tagte in der Alten Krone.", "Alten Krone", "Alte Krone"),
    ],
)
def test_inn_named_after_its_sign(nlp, text, written, name):
    assert places(nlp, text).get(written) == name


@pytest.mark.parametrize(
    "text",
    [
        "Der Grüne Hecht ist ein seltener Fisch.",  # no place preposition
        "Sie malte einen Goldenen Hirsch auf das Schild.",  # no definite locative
        "Die Kinder spielten im Roten Sand.",  # no sign of an inn
        "Die Insel stand lange unter der Britischen Krone.",  # no way to an inn
    ],
)
def test_sign_without_an_inns_context_is_no_place(nlp, text):
    assert places(nlp, text) == {}


@pytest.mark.parametrize(
    ("text", "written", "name"),
    [
        ("Der Chor übernachtete beim Goldenen Hirschen.", "Goldenen Hirschen", "Goldener Hirsch"),
        ("Die Gäste saßen bei der Roten Linde.", "Roten Linde", "Rote Linde"),
        ("Der Vorstand lud ins Weiße Lamm ein.", "Weiße Lamm", "Weißes Lamm"),
        ("Der Zug ging abends zur Blauen Traube.", "Blauen Traube", "Blaue Traube"),
        ("Die Feier war im Gasthof zum Grünen Hecht.", "Grünen Hecht", "Grüner Hecht"),
    ],
)
def test_inn_article_agrees_with_its_sign(nlp, text, written, name):
    assert places(nlp, text).get(written) == name


@pytest.mark.parametrize(
    ("text", "inn"),
    [
        # a plural: the article fits no sign in the singular
        ("Die Spende ging bei den Grauen Falken ein.", "Grauer Falke"),
        ("Er war lange bei den Blauen Falken aktiv.", "Blauer Falke"),
        # a feminine article before a masculine sign
        ("Das Lied von der Weißen Hirschen kennt jeder.", "Weißer Hirsch"),
        # "zu" completes the noun or the participle before it
        ("Die Ausstellung zur Blauen Linde zeigt alte Fotos.", "Blaue Linde"),
        ("Der Film wurde nominiert zum Silbernen Bären.", "Silberner Bär"),
        ("Sie hielt einen Vortrag zum Roten Hahn.", "Roter Hahn"),
    ],
)
def test_sign_in_another_use_is_no_inn(nlp, text, inn):
    assert inn not in places(nlp, text).values()


@pytest.mark.parametrize(
    ("text", "written", "name"),
    [
        ("Das Reitturnier fand auf den Wendelhöfen statt.", "Wendelhöfen", "Wendelhöfe"),
        ("Die Kirmes fand auf den Ostrawiesen statt.", "Ostrawiesen", "Ostrawiesen"),
        ("Das Abendessen fand in den Kastanienterrassen statt.", None, None),
        ("Der Empfang war in den Moltke-Terrassen.", "Moltke-Terrassen", "Moltke-Terrassen"),
    ],
)
def test_plural_landmark_after_a_plural_article(nlp, text, written, name):
    found = places(nlp, text)
    if written is None:  # a compound of everyday words: a name only where the model says so
        assert found == {}
    else:
        assert found.get(written) == name


def test_plural_ending_without_a_plural_article_is_no_place(nlp):
    assert places(nlp, "Die Wendelhöfen liegen hinter dem Wald.") == {}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Die Filmtage fanden im Kino Lindenlicht statt.", "Kino Lindenlicht"),
        ("Das Springturnier fand auf der Reitanlage Talhof statt.", "Reitanlage Talhof"),
    ],
)
def test_cinema_and_grounds_with_a_name_of_their_own(nlp, text, name):
    assert name in places(nlp, text).values()


def test_inn_is_the_events_venue(default_nlp):
    event = only_event(default_nlp, "Der Handwerkertag fand am 3. März im Grünen Hecht statt.")
    assert event["venue"] == "Grüner Hecht"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Die Fachtagung begann am Freitag. Tagungsort ist die LINDEXPO.", "LINDEXPO"),
        ("Das Turnier begann früh. Spielort war das Kesselhaus Talheim.", "Kesselhaus Talheim"),
    ],
)
def test_name_after_a_venue_statement(nlp, text, name):
    assert name in places(nlp, text).values()


@pytest.mark.parametrize(
    "text",
    [
        "Der Infotag begann am Freitag. Veranstaltungsort ist die Lindner GmbH.",
        "Die Wanderung begann am Freitag. Treffpunkt ist Hans Weber.",
        "Der Lauf begann am Freitag. Treffpunkt ist der Parkplatz.",
    ],
)
def test_firm_person_or_common_noun_after_a_venue_statement_is_no_venue(nlp, text):
    assert places(nlp, text) == {}
