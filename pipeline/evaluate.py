"""Score a run's tables against gold files, by the rules of ``gold-schema.md``.

Per document over distinct facts, micro-averaged; one-to-one matching; optional gold entries
count neither way (a prediction that matches one is neither a hit nor a false positive).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.tables import FACT_TABLES

UNIT_ENDINGS = ("innen", "en", "n", "e", "s")


def normalise_name(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("ß", "ss")
    return "".join(ch for ch in text if ch.isalnum())


def normalise_unit(unit: str) -> str:
    word = "".join(ch for ch in unit.lower() if ch.isalpha())
    if len(word) > 5:
        for ending in UNIT_ENDINGS:
            if word.endswith(ending):
                return word[: -len(ending)]
    return word


def units_agree(a: str, b: str) -> bool:
    a, b = normalise_unit(a or ""), normalise_unit(b or "")
    if a == b:
        return True
    if len(a) >= 4 and len(b) >= 4:
        return a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a)
    return False


def _date_keys(entry: dict[str, Any]) -> set[str]:
    return {entry["value"], *entry.get("aliases", [])}


def _name_keys(entry: dict[str, Any]) -> set[str]:
    return {
        normalise_name(x)
        for x in (entry["name"], entry.get("text", ""), *entry.get("aliases", []))
        if x
    }


def matches(fact: str, pred: Any, gold: dict[str, Any]) -> bool:
    if fact == "dates":
        return pred in _date_keys(gold)
    if fact in ("places", "organisations"):
        return normalise_name(pred) in _name_keys(gold)
    value, unit = pred
    return float(gold["value"]) == float(value) and units_agree(unit, gold.get("unit", ""))


def max_matching(
    preds: list[Any], golds: list[dict[str, Any]], ok: Callable[[Any, dict[str, Any]], bool]
) -> dict[int, int]:
    """Maximum one-to-one matching (augmenting paths); returns pred index -> gold index."""
    edges = [[g for g, gold in enumerate(golds) if ok(p, gold)] for p in preds]
    gold_to_pred: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in gold_to_pred or augment(gold_to_pred[g], seen):
                gold_to_pred[g] = p
                return True
        return False

    for p in range(len(preds)):
        augment(p, set())
    return {p: g for g, p in gold_to_pred.items()}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class DocReport:
    doc_id: str
    misses: dict[str, list[str]] = field(default_factory=dict)
    false_positives: dict[str, list[str]] = field(default_factory=dict)
    qualifier_errors: list[str] = field(default_factory=list)


@dataclass
class Evaluation:
    scores: dict[str, Score]
    qualifier_correct: int
    qualifier_matched: int
    documents: list[DocReport]

    @property
    def qualifier_accuracy(self) -> float:
        return self.qualifier_correct / self.qualifier_matched if self.qualifier_matched else 0.0

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {fact: s.as_dict() for fact, s in self.scores.items()}
        out["figure_qualifiers"] = {
            "accuracy": round(self.qualifier_accuracy, 4),
            "matched": self.qualifier_matched,
        }
        return out


def distinct_predictions(fact: str, frame: pd.DataFrame) -> tuple[list[Any], dict[Any, str]]:
    """Distinct facts of one document in text order, and the first qualifier of each figure."""
    preds: list[Any] = []
    qualifiers: dict[Any, str] = {}
    for row in frame.itertuples(index=False):
        if fact == "dates":
            key = row.value
        elif fact in ("places", "organisations"):
            key = row.name
        else:
            key = (float(row.value), row.unit if isinstance(row.unit, str) else "")
        if key is None or (isinstance(key, float) and pd.isna(key)) or key is pd.NA:
            continue
        if fact in ("places", "organisations"):
            if any(normalise_name(key) == normalise_name(p) for p in preds):
                continue
        elif key in preds:
            continue
        preds.append(key)
        if fact == "figures":
            qualifiers[key] = row.qualifier
    return preds, qualifiers


def _describe(fact: str, item: Any) -> str:
    if fact == "figures" and isinstance(item, tuple):
        return f"{item[0]:g} {item[1]}"
    if isinstance(item, dict):
        if fact == "figures":
            return f"{item['value']:g} {item.get('unit')} ({item.get('text')})"
        return f"{item.get('value') or item.get('name')} ({item.get('text')})"
    return str(item)


def score_document(
    doc_id: str,
    gold: dict[str, Any],
    predicted: dict[str, pd.DataFrame],
    totals: dict[str, Score],
    qual: list[int],
) -> DocReport:
    report = DocReport(doc_id)
    for fact in FACT_TABLES:
        frame = predicted.get(fact)
        preds, qualifiers = distinct_predictions(fact, frame) if frame is not None else ([], {})
        required = [g for g in gold.get(fact, []) if not g.get("optional")]
        optional = [g for g in gold.get(fact, []) if g.get("optional")]
        pairs = max_matching(preds, required, lambda p, g, f=fact: matches(f, p, g))
        unmatched = [p for i, p in enumerate(preds) if i not in pairs]
        fps = [p for p in unmatched if not any(matches(fact, p, g) for g in optional)]
        missed = [g for j, g in enumerate(required) if j not in set(pairs.values())]
        totals[fact].tp += len(pairs)
        totals[fact].fp += len(fps)
        totals[fact].fn += len(missed)
        report.misses[fact] = [_describe(fact, g) for g in missed]
        report.false_positives[fact] = [_describe(fact, p) for p in fps]
        if fact == "figures":
            for p, g in pairs.items():
                qual[1] += 1
                if qualifiers.get(preds[p]) == required[g].get("qualifier", "exact"):
                    qual[0] += 1
                else:
                    report.qualifier_errors.append(
                        f"{_describe(fact, preds[p])}: {qualifiers.get(preds[p])} "
                        f"!= {required[g].get('qualifier')}"
                    )
    return report


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    gold = {}
    for path in sorted(gold_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        gold[data.get("id") or path.stem] = data
    if not gold:
        raise FileNotFoundError(f"no gold *.json files in {gold_dir}")
    return gold


def evaluate(gold: dict[str, dict[str, Any]], tables: dict[str, pd.DataFrame]) -> Evaluation:
    totals = {fact: Score() for fact in FACT_TABLES}
    qual = [0, 0]
    reports = []
    by_doc = {fact: dict(tuple(tables[fact].groupby("doc_id", sort=False))) for fact in FACT_TABLES}
    for doc_id, entry in gold.items():
        predicted = {fact: by_doc[fact].get(doc_id) for fact in FACT_TABLES}
        reports.append(score_document(doc_id, entry, predicted, totals, qual))
    return Evaluation(totals, qual[0], qual[1], reports)


def format_report(result: Evaluation, per_doc: bool = False) -> str:
    lines = [f"{'fact':<15}{'precision':>10}{'recall':>10}{'f1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for fact, s in result.scores.items():
        lines.append(
            f"{fact:<15}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>8.3f}"
            f"{s.tp:>6}{s.fp:>6}{s.fn:>6}"
        )
    lines.append(
        f"figure qualifier accuracy: {result.qualifier_accuracy:.3f} "
        f"on {result.qualifier_matched} matched figures"
    )
    if per_doc:
        for doc in result.documents:
            lines.append(f"\n## {doc.doc_id}")
            for fact in FACT_TABLES:
                for item in doc.misses.get(fact, []):
                    lines.append(f"  miss {fact}: {item}")
                for item in doc.false_positives.get(fact, []):
                    lines.append(f"  false positive {fact}: {item}")
            for item in doc.qualifier_errors:
                lines.append(f"  qualifier: {item}")
    return "\n".join(lines)


def evaluate_run(gold_dir: Path, out_dir: Path) -> Evaluation:
    from pipeline.read_tables import load_tables

    return evaluate(load_gold(gold_dir), load_tables(out_dir))


def iter_misses(result: Evaluation) -> Iterable[tuple[str, str, str]]:
    for doc in result.documents:
        for fact, items in doc.misses.items():
            for item in items:
                yield doc.doc_id, fact, item
