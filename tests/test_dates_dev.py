"""The date extractor on the dev reports, scored by gold-schema.md's rules for dates: distinct
predicted values against gold values and aliases, one-to-one, optional entries neutral."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from pipeline.refdate import parse_iso

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "dev"
REQUIRED_F1 = 0.90


def _references() -> dict[str, str]:
    with (DEV / "manifest.csv").open(encoding="utf-8") as fh:
        return {row["doc_id"]: row["reference_date"] for row in csv.DictReader(fh)}


def _match(preds: list[str], golds: list[dict]) -> int:
    """Size of a maximum one-to-one matching of predicted values to gold entries."""
    owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g, gold in enumerate(golds):
            if g in seen or preds[p] not in {gold["value"], *gold.get("aliases", [])}:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    for p in range(len(preds)):
        augment(p, set())
    return len(owner)


def test_dev_reports_dates_f1(dates_nlp) -> None:
    if not (DEV / "gold").is_dir():
        pytest.skip(f"dev set not found at {DEV} (shared data folder absent)")
    refs = _references()
    tp = n_pred = n_gold = 0
    misses = []
    for gold_path in sorted((DEV / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc_id = gold_path.stem
        doc = dates_nlp.make_doc((DEV / "texts" / f"{doc_id}.txt").read_text(encoding="utf-8"))
        doc._.reference_date = parse_iso(refs[doc_id]) if refs.get(doc_id) else None
        preds = sorted({m.value for m in dates_nlp(doc)._.dates if m.value})
        optional = [g for g in gold["dates"] if g.get("optional")]
        required = [g for g in gold["dates"] if not g.get("optional")]
        neutral = {p for p in preds if any(p in {g["value"], *g.get("aliases", [])}
                                           for g in optional)}  # fmt: skip
        scored = [p for p in preds if p not in neutral or _match([p], required)]
        hits = _match(scored, required)
        tp, n_pred, n_gold = tp + hits, n_pred + len(scored), n_gold + len(required)
        if hits < max(len(scored), len(required)):
            misses.append((doc_id, scored, [g["value"] for g in required]))
    precision, recall = tp / n_pred, tp / n_gold
    f1 = 2 * precision * recall / (precision + recall)
    print(f"\ndev dates: P={precision:.3f} R={recall:.3f} F1={f1:.3f} ({tp} of {n_gold} gold)")
    for doc_id, predicted, wanted in misses:
        print(f"  {doc_id}: predicted {predicted}, gold {wanted}")
    assert f1 >= REQUIRED_F1
