"""Duckling's German numeral and duration corpora through our number and duration reading.

A numeral phrase counts as reproduced when :func:`pipeline.numbers.parse_numeral` reads the
whole phrase to Duckling's value; a duration phrase when
:func:`pipeline.quantities.durations.parse_duration` gives the same number of seconds (a year is
365 days and a month 30, as in Duckling). The share is printed; at least 95 % must be reproduced.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.numbers import parse_numeral
from pipeline.quantities.durations import parse_duration

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "data" / "time" / "duckling-de" / "duckling_de_corpus.jsonl"
REQUIRED_SHARE = 0.95
SECONDS = {
    "Second": 1,
    "Minute": 60,
    "Hour": 3600,
    "Day": 86400,
    "Week": 604800,
    "Month": 2592000,
    "Year": 31536000,
}


def _phrases(dimension: str) -> list[dict]:
    if not CORPUS.is_file():
        pytest.skip(f"Duckling corpus not found at {CORPUS}")
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if r["dimension"] == dimension and not r["negative"]]


def _reproduced(row: dict) -> bool:
    expected = row["expected"]
    if row["dimension"] == "numeral":
        value = parse_numeral(row["phrase"])
        return value is not None and abs(value - expected["value"]) < 1e-6
    seconds = parse_duration(row["phrase"])
    return seconds is not None and seconds == expected["value"] * SECONDS[expected["unit"]]


@pytest.mark.parametrize("dimension", ["numeral", "duration"])
def test_duckling_share(dimension: str) -> None:
    rows = _phrases(dimension)
    assert rows, f"no {dimension} phrases in {CORPUS}"
    missed = [r["phrase"] for r in rows if not _reproduced(r)]
    share = 1 - len(missed) / len(rows)
    print(
        f"\nDuckling {dimension}: {len(rows) - len(missed)}/{len(rows)} = {share:.1%} "
        f"reproduced; missed: {missed}"
    )
    assert share >= REQUIRED_SHARE, missed
