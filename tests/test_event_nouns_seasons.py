"""A season is a festival's name only after a festival's word ("Kultursommer"); the weather
and the seasons of life and of crises are none. Words and sentences written for this test."""

from __future__ import annotations

import pytest
from test_events import event_rows

from pipeline.events.lexicon import event_noun_base


@pytest.fixture(scope="module")
def nlp(default_nlp):
    return default_nlp


@pytest.mark.parametrize(
    "word",
    ["Dürresommer", "Regensommer", "Traumsommer", "Krisenwinter", "Corona-Winter",
     "Lebensherbst", "Schneewinter", "Spätsommer", "Hochsommer"],
)  # fmt: skip
def test_weather_and_life_seasons_are_no_event_nouns(word):
    assert event_noun_base(word) is None


@pytest.mark.parametrize(
    ("word", "base"),
    [("Jazzherbstes", "Jazzherbst"), ("Theatersommer", "Theatersommer"),
     ("Orgel-Sommer", "Orgel-Sommer"), ("Literaturherbst", "Literaturherbst"),
     ("Messefrühlings", "Messefrühling"), ("Festivalsommer", "Festivalsommer")],
)  # fmt: skip
def test_festival_seasons_are_event_nouns(word, base):
    assert event_noun_base(word) == base


def test_a_weather_season_does_not_push_out_the_festival(nlp):
    text = (
        "Nach dem Dürresommer 2023 kamen viele Familien zum Lindacher Erntedankfest, "
        "das am 1. Oktober 2023 auf dem Marktplatz gefeiert wurde."
    )
    assert [r["name"] for r in event_rows(nlp, text)] == ["Lindacher Erntedankfest"]
