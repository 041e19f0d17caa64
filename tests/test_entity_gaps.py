"""Organisation names the events stage missed for want of the entity stage: a club's name in
the genitive after a town's adjective, a town's authority named as the doer of a passive, a
service club's full name. Sentences written for this test; rules only unless the model's
reading is given."""

from __future__ import annotations

import pytest

from pipeline.entities.canonical import nominative_name


@pytest.fixture(scope="module")
def nlp(entities_nlp):
    return entities_nlp


def _orgs(doc) -> dict[str, str]:
    return {m.text: m.name for m in doc._.organisations}


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


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
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
def test_club_after_a_town_adjective_named_in_nominative(nlp, text, mention, name):
    assert _orgs(nlp(text)).get(mention) == name
