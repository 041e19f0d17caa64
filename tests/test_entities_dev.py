"""The seed report yields its eleven places and five organisations under the canonical names of
its gold file (by the scoring rules of gold-schema.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluate import normalise_name

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = "seed-sccon-2019"


def _gold_keys(entry: dict) -> set[str]:
    names = (entry["name"], entry.get("text", ""), *entry.get("aliases", []))
    return {normalise_name(n) for n in names if n}


@pytest.fixture(scope="module")
def seed(entities_nlp):
    text_path = SHARED / "dev" / "texts" / f"{SEED}.txt"
    if not text_path.is_file():
        pytest.skip(f"shared dev set not found at {SHARED / 'dev'}")
    gold = json.loads((SHARED / "dev" / "gold" / f"{SEED}.json").read_text(encoding="utf-8"))
    return entities_nlp(text_path.read_text(encoding="utf-8")), gold


@pytest.mark.parametrize("fact", ["places", "organisations"])
def test_seed_report_facts_match_gold(seed, fact):
    doc, gold = seed
    predicted = {normalise_name(m.name) for m in doc._.get(fact)}
    required = [g for g in gold[fact] if not g.get("optional")]
    optional = set().union(*(_gold_keys(g) for g in gold[fact] if g.get("optional")))
    for entry in required:
        assert predicted & _gold_keys(entry), f"missing {entry['name']}"
    # one prediction per gold entry, nothing else but optional entries
    matched = {p for p in predicted if any(p in _gold_keys(g) for g in required)}
    assert len(matched) == len(required) == {"places": 11, "organisations": 5}[fact]
    assert predicted - matched <= optional


def test_seed_report_one_name_per_entity(seed):
    doc, _ = seed
    by_text = {m.text: m.name for m in doc._.organisations}
    assert by_text["Bitkom"] == by_text["Bitkom e.V."] == "Bitkom e.V."
    assert by_text["Deutschen Städtetag"] == "Deutscher Städtetag"
    assert {m.name for m in doc._.places if m.text == "City Cube"} == {"CityCube Berlin"}
