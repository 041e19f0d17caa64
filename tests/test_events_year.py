"""The edition's year of a report that dates nothing: the year it compares the edition with is
the one before it. Sentences written for these tests."""

from __future__ import annotations

import pandas as pd
import pytest

import pipeline


@pytest.fixture(scope="module")
def nlp(default_nlp):
    return default_nlp


def event_year(nlp, text: str, reference_date: str | None = None):
    events = pipeline.extract(text, nlp=nlp, reference_date=reference_date)["events"]
    assert len(events) == 1
    year = events["year"].iloc[0]
    return None if pd.isna(year) else int(year)


OPENING = "Das Lindenfest in Adorf lockte am Samstag 3000 Besucher an"


@pytest.mark.parametrize(
    "comparison",
    [
        ", deutlich mehr als 2024.",
        ". Gegenüber 2024 ist das ein Plus von zehn Prozent.",
        ". Im Vergleich zu 2024 kamen weniger Familien.",
        ", 200 mehr als im Vorjahr 2024.",
    ],
)
def test_the_year_compared_with_is_the_one_before(nlp, comparison: str) -> None:
    assert event_year(nlp, OPENING + comparison) == 2025


@pytest.mark.parametrize(
    "other",
    [
        # "als" without a comparative opens a time clause
        ". Als 2019 die Halle brannte, fiel es aus.",
        # a count, not a year
        " und mehr als 2024 Gäste am Sonntag.",
        # the next edition's year dates nothing here (the gold leaves it empty)
        ". Die nächste Auflage folgt am 9. Juni 2027.",
        # two comparisons that disagree
        ", mehr als 2024. Gegenüber 2019 ist das ein Plus.",
    ],
)
def test_no_year_without_a_comparison_all_agree_on(nlp, other: str) -> None:
    assert event_year(nlp, OPENING + other) is None


def test_an_amount_right_after_a_comparative_is_no_year(nlp) -> None:
    # no figure before it in its sentence: "mehr als 2000" counts people
    text = "Zum Lindenfest in Adorf kamen am Samstag mehr als 2000, so der Verein."
    assert event_year(nlp, text) is None


def test_the_reference_date_outweighs_a_comparison(nlp) -> None:
    assert event_year(nlp, OPENING + ", mehr als 2024.", "2026-06-01") == 2026
