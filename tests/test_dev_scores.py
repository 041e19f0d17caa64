"""Run the pipeline (default model) on the reports with gold facts and score it.

The scores are printed in the session summary (see tests/conftest.py), so CI output shows
them. The assertions are sanity bounds that hold whatever the extractors do: the scores move
as the extractors improve.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from pipeline.evaluate import Evaluation, distinct_predictions, evaluate, load_gold
from pipeline.read_tables import load_tables
from pipeline.run import run
from pipeline.tables import FACT_TABLES

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "dev"
CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def score_folder(
    texts: Path, gold_dir: Path, manifest: Path, out: Path, record: Callable[..., None], label: str
) -> Evaluation:
    """Run the pipeline over ``texts``, record its scores, check they are sane."""
    gold = load_gold(gold_dir)
    summary = run(texts, out, manifest, quiet=True)
    tables = load_tables(out)
    missing = set(gold) - set(tables["documents"]["doc_id"])
    assert not missing, f"gold documents without a report in {texts}: {sorted(missing)}"
    result = evaluate(gold, tables)
    model = tables["documents"]["model"].dropna()
    record(f"{label}, {len(gold)} reports ({model.iloc[0] if len(model) else 'no model'})", result)
    failed = tables["documents"].loc[tables["documents"]["status"] == "error", ["doc_id", "error"]]
    assert summary.error == 0, f"documents that failed:\n{failed.to_string(index=False)}"
    assert_sane(result, gold, tables)
    return result


def assert_sane(
    result: Evaluation, gold: dict[str, dict[str, Any]], tables: dict[str, pd.DataFrame]
) -> None:
    """Bounds any extractor output satisfies: every gold document scored, every required
    entry a hit or a miss, no more hits and false positives than distinct predictions."""
    assert [d.doc_id for d in result.documents] == list(gold)
    assert all(d.predicted for d in result.documents)
    for fact in FACT_TABLES:
        score = result.scores[fact]
        for value in (score.precision, score.recall, score.f1):
            assert 0.0 <= value <= 1.0
        required = sum(not e.get("optional") for doc in gold.values() for e in doc.get(fact, []))
        assert score.tp + score.fn == required, fact
        frame = tables[fact][tables[fact]["doc_id"].isin(list(gold))]
        distinct = sum(len(distinct_predictions(fact, g)) for _, g in frame.groupby("doc_id"))
        assert score.tp + score.fp <= distinct, fact
    assert result.qualifier_matched == result.scores["figures"].tp
    assert 0.0 <= result.qualifier_accuracy <= 1.0


def test_dev_set_scores(tmp_path: Path, record_scores):
    if not (DEV / "gold").is_dir():
        pytest.skip(f"no dev set at {DEV} (the shared folder is absent)")
    texts, gold, manifest = DEV / "texts", DEV / "gold", DEV / "manifest.csv"
    score_folder(texts, gold, manifest, tmp_path / "dev", record_scores, "dev set")


def gold_manifest(gold: dict[str, dict[str, Any]], path: Path) -> Path:
    """doc_id,reference_date from the gold files; a partial date is its month's first day."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["doc_id", "reference_date"])
        for doc_id, entry in gold.items():
            ref = entry.get("reference_date") or ""
            writer.writerow([doc_id, f"{ref}-01" if len(ref) == 7 else ref])
    return path


def test_corpus_scores(tmp_path: Path, record_scores):
    gold_dir = CORPUS / "gold"
    if not any(gold_dir.glob("*.json")):
        pytest.skip(f"no gold files in {gold_dir} yet")
    manifest = gold_manifest(load_gold(gold_dir), tmp_path / "manifest.csv")
    score_folder(CORPUS, gold_dir, manifest, tmp_path / "corpus", record_scores, "project corpus")
