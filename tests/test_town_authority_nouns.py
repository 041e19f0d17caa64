"""A town's word in the genitive after a noun: the authority after a noun of its office,
meeting, prize or help or a person's role, the town itself after any other noun, whatever the
model reads. Sentences written for this test; the model's reading is given."""

from __future__ import annotations

import pytest
from test_entities_general import with_model_ents
from test_entities_org_precision import org_names


@pytest.fixture(scope="module")
def nlp(entities_nlp):
    return entities_nlp


@pytest.mark.parametrize(
    "text",
    [
        "Die Felder der Gemeinde Weilbach standen unter Wasser.",
        "Durch die Wälder der Gemeinde Weilbach führt ein Pfad.",
        "Die Kinder der Stadt Weilbach malten Bilder.",
        "Die Sehenswürdigkeiten der Stadt Weilbach lockten Gäste.",
    ],
)
def test_town_after_other_nouns_is_the_town(nlp, text):
    doc = with_model_ents(nlp, text, [("Weilbach", "LOC")])
    assert not any("Weilbach" in name for name in org_names(doc))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Den Kulturpreis der Stadt Weilbach erhielt ein Chor.", "Stadt Weilbach"),
        ("Die Einwohnerversammlung der Gemeinde Weilbach tagte im Mai.", "Gemeinde Weilbach"),
        ("Die Sprecherin der Stadt Weilbach bestätigte den Termin.", "Stadt Weilbach"),
        ("Mit Unterstützung der Gemeinde Weilbach wurde gebaut.", "Gemeinde Weilbach"),
    ],
)
def test_town_after_a_noun_of_its_office_or_prize_is_the_authority(nlp, text, name):
    doc = with_model_ents(nlp, text, [("Weilbach", "LOC")])
    assert name in org_names(doc)
