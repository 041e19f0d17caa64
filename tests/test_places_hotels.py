"""Hotels of a chain (venue_patterns.json hotel_brands): the chain's name with a town, with a
hotel's own name before "Hotel", or with a longer brand, in sentences written for this test.
Rules only."""

from __future__ import annotations

import pytest
from test_entities import places


@pytest.fixture(scope="module")
def nlp(entities_nlp):
    return entities_nlp


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Der Verband tagte im Hilton Frankfurt.", "Hilton Frankfurt"),
        ("Die Jury übernachtete im Novotel München City.", "Novotel München City"),
        ("Die Gäste schliefen im Motel One Leipzig.", "Motel One Leipzig"),
        (
            "Die Mannschaft wohnte im Best Western Plus Hotel Erfurt.",
            "Best Western Plus Hotel Erfurt",
        ),
        ("Das Galadinner war im Sheraton Carlton Hotel.", "Sheraton Carlton Hotel"),
        (
            "Die Preisverleihung war im Maritim proArte Hotel Berlin.",
            "Maritim proArte Hotel Berlin",
        ),
    ],
)
def test_chain_hotel(nlp, text, name):
    assert name in places(nlp, text)


def test_chain_and_town_without_a_locative_is_no_hotel(nlp):
    # the chain's company, not a building: the town alone stays a place
    assert "Hilton Frankfurt" not in places(nlp, "Hilton Frankfurt meldet ein gutes Jahr.")


def test_words_after_a_chain_without_a_hotel_word_are_no_hotel(nlp):
    assert not places(nlp, "Die Tagung war im Maritim Sommer Programm.")
