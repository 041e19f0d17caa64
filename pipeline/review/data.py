"""What the review pages show, per report: its document row, the file text, every mention with
its normalised value, the event records and, with gold facts, the scorer's verdict on each."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.evaluate import (
    Gold,
    describe_gold,
    distinct_predictions,
    load_gold,
    match_fact,
    prediction_key,
    resolve_doc_ids,
)
from pipeline.read import ReadError, decode, read_bytes, sha256
from pipeline.read_tables import load_tables, run_format
from pipeline.tables import FACT_TABLES

EVENTS = "events"
MARKED_TABLES = (*FACT_TABLES, EVENTS)
# Columns that make up the value a mention is shown with; the others are details.
SUMMARY_COLUMNS = {
    "dates": ("value",),
    "places": ("name",),
    "organisations": ("name",),
    "figures": ("value", "unit"),
    EVENTS: ("name", "year"),
}
HIDDEN_COLUMNS = {"doc_id", "start_char", "end_char", "sentence", "text"}
# Gold verdicts on a row, from the scorer's matching of the row's distinct fact.
HIT, OPTIONAL, FALSE, UNSCORED = "hit", "optional", "false", "unscored"


@dataclass
class Mention:
    table: str
    index: int  # row number within the report's rows of that table
    start: int | None
    end: int | None
    text: str
    value: str
    details: list[tuple[str, str]]
    gold: str | None = None  # HIT, OPTIONAL, FALSE, UNSCORED; None without gold for it


@dataclass
class Miss:
    """A required gold entry the run did not match."""

    table: str
    label: str
    text: str
    start: int | None  # where the gold text first occurs in the file, if it does


@dataclass
class Report:
    doc_id: str
    document: dict[str, str]
    mentions: list[Mention]
    events: list[dict[str, str]]
    text: str | None = None
    text_path: Path | None = None
    problems: list[str] = field(default_factory=list)
    gold_id: str | None = None
    misses: list[Miss] = field(default_factory=list)

    def count(self, table: str) -> int:
        return sum(1 for m in self.mentions if m.table == table)

    def gold_count(self, verdict: str) -> int:
        return sum(1 for m in self.mentions if m.gold == verdict)


def show(value: Any) -> str:
    """A cell as text: empty when missing, whole floats without ``.0``."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value)


def load_run(out_dir: Path) -> dict[str, pd.DataFrame]:
    """The run's tables; ``events`` too when the run folder has that table."""
    tables = load_tables(out_dir)
    if EVENTS not in tables:
        path = out_dir / f"{EVENTS}.{run_format(out_dir)}"
        if path.is_file():
            tables[EVENTS] = _untyped(path)
    return tables


def _untyped(path: Path) -> pd.DataFrame:
    # A table outside this version's output contract: cells are shown as text.
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])


def text_candidates(
    path_cell: str, doc_id: str, out_dir: Path, texts_dir: Path | None
) -> list[Path]:
    """Where a report's file may be: under ``texts_dir`` by doc_id; ``documents.path`` as is
    (relative paths are as the run's INPUT_DIR was given, so relative to where the run was
    started: tried from here and from the run folder's parents)."""
    path = Path(path_cell)
    found = []
    if texts_dir is not None:
        found += [texts_dir / f"{doc_id}{path.suffix}", texts_dir / path.name]
    if path.is_absolute():
        return [*found, path]
    return [*found, path, *(parent / path for parent in out_dir.resolve().parents)]


def read_text(report: Report, out_dir: Path, texts_dir: Path | None) -> None:
    """Decode the report's file as the run did, so that the offsets point into it."""
    path_cell = report.document.get("path", "")
    if not path_cell:
        report.problems.append("documents.path is empty: the text cannot be shown")
        return
    path = next(
        (p for p in text_candidates(path_cell, report.doc_id, out_dir, texts_dir) if p.is_file()),
        None,
    )
    if path is None:
        report.problems.append(f"text not found: {path_cell} (moved or deleted? pass --texts DIR)")
        return
    try:
        data = read_bytes(path)
        report.text, _ = decode(data)
    except ReadError as exc:
        report.problems.append(f"text unreadable: {path}: {exc}")
        return
    report.text_path = path
    if report.document.get("sha256") and sha256(data) != report.document["sha256"]:
        report.problems.append(f"{path} changed since the run: the marks may be off")
    beyond = [m for m in report.mentions if m.end is not None and m.end > len(report.text)]
    if beyond:
        report.problems.append(f"{len(beyond)} mentions lie beyond the end of the text")


def _mentions(table: str, frame: pd.DataFrame | None) -> list[Mention]:
    if frame is None:
        return []
    # The value's own columns are left out of the details: the value shows them.
    shown = [c for c in frame.columns if c not in {*HIDDEN_COLUMNS, *SUMMARY_COLUMNS[table]}]
    mentions = []
    for i, row in enumerate(frame.to_dict("records")):
        start, end = show(row.get("start_char")), show(row.get("end_char"))
        value = " ".join(v for v in (show(row.get(c)) for c in SUMMARY_COLUMNS[table]) if v)
        mentions.append(
            Mention(
                table,
                i,
                int(start) if start else None,
                int(end) if end else None,
                show(row.get("text")),
                value,
                [(c, show(row[c])) for c in shown if show(row[c])],
            )
        )
    return mentions


def judge(report: Report, gold: Gold, frames: dict[str, pd.DataFrame | None]) -> None:
    """Give each mention the scorer's verdict on its distinct fact and list the misses."""
    for fact in FACT_TABLES:
        golds = gold.get(fact) or []
        frame = frames.get(fact)
        preds = distinct_predictions(fact, frame)
        match = match_fact(fact, golds, preds)
        verdicts = {
            pred.key: HIT if p in match.hits else FALSE if match.is_false(p) else OPTIONAL
            for p, pred in enumerate(preds)
        }
        rows = [] if frame is None else list(frame.itertuples(index=False))
        mentions = [m for m in report.mentions if m.table == fact]
        for mention, row in zip(mentions, rows, strict=True):
            pred = prediction_key(fact, row)
            mention.gold = UNSCORED if pred is None else verdicts[pred.key]
        for g in match.missed:
            entry = golds[g]
            report.misses.append(
                Miss(fact, describe_gold(fact, entry), entry.get("text") or "", None)
            )


def locate_misses(report: Report) -> None:
    """Where a missed gold entry's text first occurs in the file (gold gives no offsets)."""
    if report.text is None:
        return
    for miss in report.misses:
        found = report.text.find(miss.text) if miss.text else -1
        miss.start = found if found >= 0 else None


def _by_doc(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {str(k): v for k, v in frame.groupby("doc_id", sort=False)}


def build_reports(
    out_dir: Path, gold_dir: Path | None = None, texts_dir: Path | None = None
) -> tuple[list[Report], bool]:
    """Every report of the run in ``out_dir``, in the documents table's order, and whether the
    run has an events table."""
    tables = load_run(out_dir)
    by_doc = {t: _by_doc(tables[t]) for t in MARKED_TABLES if t in tables}
    documents = tables["documents"]
    gold = load_gold(gold_dir) if gold_dir is not None else {}
    gold_for = {run: g for g, run in resolve_doc_ids(gold, documents["doc_id"].astype(str)).items()}
    reports = []
    for document in documents.to_dict("records"):
        doc_id = str(document["doc_id"])
        frames = {t: by_doc[t].get(doc_id) for t in by_doc}
        report = Report(
            doc_id,
            {k: show(v) for k, v in document.items()},
            [m for t in MARKED_TABLES for m in _mentions(t, frames.get(t))],
            [_record(row) for row in _rows(frames.get(EVENTS))],
        )
        read_text(report, out_dir, texts_dir)
        if doc_id in gold_for:
            report.gold_id = gold_for[doc_id]
            judge(report, gold[report.gold_id], frames)
            locate_misses(report)
        elif gold:
            report.problems.append("no gold file for this report")
        reports.append(report)
    return reports, EVENTS in tables


def _rows(frame: pd.DataFrame | None) -> Iterable[dict[str, Any]]:
    return [] if frame is None else frame.to_dict("records")


def _record(row: dict[str, Any]) -> dict[str, str]:
    return {k: show(v) for k, v in row.items() if k not in HIDDEN_COLUMNS}
