"""Names that generalise beyond the dev reports, each class with sentences written for this
test: regions named after a town ("Paderborner Land"), one-word bodies on an organisation
head, German names of border towns."""

from __future__ import annotations

import pytest
from test_entities import orgs, places, rules_only_nlp


@pytest.fixture(scope="module")
def nlp():
    return rules_only_nlp()


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
