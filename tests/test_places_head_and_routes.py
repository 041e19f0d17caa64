"""Two limits of the place rules for a report's first lines and for surnames named after
towns: the head of a report is its first lines only, and a route is no surname. Sentences
written for this test; rules only (no statistical model)."""

from __future__ import annotations

import pytest
from test_entities import places


@pytest.fixture(scope="module")
def nlp(entities_nlp):
    return entities_nlp


WRAPPED = "Das Dorf wählt einen neuen Rat, und die Wahlhelfer zählen bis spät am Abend.\n"
LONG = (
    "Am Ende stand fest, wer in den Rat einzieht, und alle Beteiligten lobten den ruhigen "
    "Ablauf der Wahl im Ort.\n"
)


def test_capitals_line_far_down_hard_wrapped_text_is_no_dateline(nlp):
    # every line short until a long one comes late: the lines above it are body, no head
    text = "Wahlabend\n\n" + WRAPPED * 10 + "LINDWIL-SÜD\n" + LONG
    assert places(nlp, text) == {}


def test_capitals_line_in_the_first_lines_is_a_dateline(nlp):
    text = "Wahlabend\n\nLINDWIL-SÜD\n\n" + LONG
    assert places(nlp, text) == {"LINDWIL-SÜD": "Lindwil-Süd"}


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        ("Am Samstag radelte Thomas von Ulm nach Lindau.", {"Ulm", "Lindau"}),
        ("Danach lief Peter von Kassel bis nach Göttingen.", {"Kassel", "Göttingen"}),
    ],
)
def test_town_a_route_starts_from_is_no_surname(nlp, text, towns):
    assert set(places(nlp, text).values()) == towns


def test_noble_surname_without_a_route_stays_a_person(nlp):
    assert places(nlp, "Es sprach Hans-Peter von Lindau über die Pläne.") == {}
