"""Organisation names the events stage missed for want of the entity stage: a club's name in
the genitive after a town's adjective, a town's authority named as the doer of a passive, a
service club's full name. Sentences written for this test; rules only unless the model's
reading is given."""

from __future__ import annotations

import pytest
from test_entities_general import with_model_ents

from pipeline.entities.canonical import nominative_name


@pytest.fixture(scope="module")
def nlp(entities_nlp):
    return entities_nlp


def _orgs(doc) -> dict[str, str]:
    return {m.text: m.name for m in doc._.organisations}


def _places(doc) -> set[str]:
    return {m.name for m in doc._.places}


# -- a head in the genitive after a town's adjective, which takes no case ----------------------
@pytest.mark.parametrize(
    ("words", "nominative"),
    [
        (["des", "Tannheimer", "Schachklubs"], ["Tannheimer", "Schachklub"]),
        (["des", "Weilbacher", "Musikvereins"], ["Weilbacher", "Musikverein"]),
        (["Tannheimer", "Kegelklub"], ["Tannheimer", "Kegelklub"]),
        (["Weilbacher", "Verkehrsbetriebe"], ["Weilbacher", "Verkehrsbetriebe"]),
    ],
)
def test_head_after_a_town_adjective_in_nominative(words, nominative):
    assert nominative_name(words) == nominative


# -- a town's word after a passive participle and its doer's preposition: the authority -------
@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Ausgerichtet durch die Gemeinde Tannheim fand das Dorffest statt.", "Gemeinde Tannheim"),
        ("Das Fest wurde unterstützt durch die Stadt Weilbach.", "Stadt Weilbach"),
        ("Der Lauf wird getragen von der Gemeinde Tannheim.", "Gemeinde Tannheim"),
    ],
)
def test_town_as_doer_of_a_passive_is_the_authority(nlp, text, body):
    town = body.split()[1]
    doc = with_model_ents(nlp, text, [(town, "LOC")])
    assert body in _orgs(doc).values()


@pytest.mark.parametrize(
    "text",
    [
        "Der Festumzug zog durch die Stadt Tannheim.",
        "Die Radler fuhren durch die Gemeinde Weilbach.",
    ],
)
def test_way_through_a_town_stays_a_place(nlp, text):
    town = text.rstrip(".").split()[-1]
    doc = with_model_ents(nlp, text, [(town, "LOC")])
    assert not any(town in name for name in _orgs(doc).values())
    assert town in _places(doc)


# -- a quoted name between the noun and the town's genitive: the noun is the quoted name's ----
@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Das „Bürgercafé“ der Stadt Tannheim bot Kuchen an.", "Stadt Tannheim"),
        (
            "Der „Kleine Musiksommer“ der Gemeinde Weilbach lockte viele Gäste.",
            "Gemeinde Weilbach",
        ),
    ],
)
def test_town_authority_after_a_quoted_name(nlp, text, body):
    town = body.split()[1]
    doc = with_model_ents(nlp, text, [(town, "LOC")])
    assert body in _orgs(doc).values()


def test_town_after_a_quoted_name_of_its_part_stays_a_place(nlp):
    text = "Viele Gäste kamen in die „Altstadt“ der Stadt Tannheim."
    doc = with_model_ents(nlp, text, [("Tannheim", "LOC")])
    assert "Tannheim" in _places(doc)


# -- a service club with its town and its own name -----------------------------------------------
@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        (
            "Der Lions Club Tannheim Goldene Aue spendete dem Kindergarten 500 Euro.",
            "Lions Club Tannheim Goldene Aue",
            "Lions Club Tannheim Goldene Aue",
        ),
        (
            "Der Präsident des Rotary-Clubs Weilbach übergab den Scheck.",
            "Rotary-Clubs Weilbach",
            "Rotary-Club Weilbach",
        ),
        (
            "Am Samstag hat der Lions Club Tannheim Spenden gesammelt.",
            "Lions Club Tannheim",
            "Lions Club Tannheim",
        ),
        (
            "Der Lionsclub Weilbach lädt zum Benefizkonzert ein.",
            "Lionsclub Weilbach",
            "Lionsclub Weilbach",
        ),
        # a club after a town's adjective: its head in the nominative
        (
            "Klaus Meier als Vorsitzender des Tannheimer Schachklubs begrüßte die Spieler.",
            "Tannheimer Schachklubs",
            "Tannheimer Schachklub",
        ),
        (
            "Der Vorstand des Weilbacher Kegelklubs lud zum Turnier ein.",
            "Weilbacher Kegelklubs",
            "Weilbacher Kegelklub",
        ),
    ],
)
def test_club_named_in_full_and_in_the_nominative(nlp, text, mention, name):
    assert _orgs(nlp(text)).get(mention) == name


def test_service_club_name_longer_than_the_model_reads(nlp):
    text = "Der Lions Club Tannheim Goldene Aue spendete dem Kindergarten 500 Euro."
    doc = with_model_ents(nlp, text, [("Lions Club", "ORG")])
    assert set(_orgs(doc).values()) == {"Lions Club Tannheim Goldene Aue"}


def test_service_club_without_a_name_is_left_to_the_model(nlp):
    assert _orgs(nlp("Sie ist seit Jahren im Lions Club aktiv.")) == {}
