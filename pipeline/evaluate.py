"""Score a run's tables against gold files, by the rules of ``gold-schema.md``.

Per document, over distinct facts, micro-averaged over all documents. Matching is one-to-one;
optional gold entries count neither way: a prediction matched to one is neither a hit nor a
false positive, and missing one costs no recall.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.tables import FACT_TABLES

# One of these is stripped from a unit word longer than five letters; "innen" before "en"
# and "en" before "n" so that the longest ending goes.
UNIT_ENDINGS = ("innen", "en", "n", "e", "s")
UNIT_STRIP_MIN_LETTERS = 6
UNIT_AFFIX_MIN_LETTERS = 4
NAME_FACTS = ("places", "organisations")

Gold = dict[str, Any]


def normalise_name(text: str) -> str:
    """NFKC, casefold, ß→ss, then letters and digits only."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("ß", "ss")
    return "".join(ch for ch in text if ch.isalnum())


def normalise_unit(unit: str) -> str:
    """Lower case, letters only, one plural/feminine ending off a word of six letters or more."""
    word = "".join(ch for ch in unit.lower() if ch.isalpha())
    if len(word) >= UNIT_STRIP_MIN_LETTERS:
        for ending in UNIT_ENDINGS:
            if word.endswith(ending):
                return word[: -len(ending)]
    return word


def units_agree(a: str, b: str) -> bool:
    return normalised_units_agree(normalise_unit(a or ""), normalise_unit(b or ""))


def normalised_units_agree(a: str, b: str) -> bool:
    # Normalising twice could strip a second ending ("Personen" -> "person" -> "perso").
    if a == b:
        return True
    if min(len(a), len(b)) >= UNIT_AFFIX_MIN_LETTERS:
        return a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a)
    return False


def values_equal(a: float, b: float) -> bool:
    # Tolerance only for binary floating point ("4,1 Millionen" = 4.1 * 1e6 = 4099999.9999…).
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def _name_keys(entry: Gold) -> set[str]:
    raw = (entry.get("name"), entry.get("text"), *entry.get("aliases", []))
    return {key for key in (normalise_name(x) for x in raw if x) if key}


def _date_keys(entry: Gold) -> set[str]:
    return {entry["value"], *entry.get("aliases", [])}


def matches(fact: str, pred: Any, gold: Gold) -> bool:
    """Whether one distinct prediction (see :func:`prediction_key`) matches one gold entry."""
    if fact == "dates":
        return pred in _date_keys(gold)
    if fact in NAME_FACTS:
        return pred in _name_keys(gold)
    value, unit = pred  # the unit is normalised already
    gold_unit = normalise_unit(gold.get("unit") or "")
    return values_equal(value, gold["value"]) and normalised_units_agree(unit, gold_unit)


def one_to_one(edges: list[list[int]], required: set[int]) -> dict[int, int]:
    """Maximum one-to-one matching, prediction index -> gold index, that first matches as many
    ``required`` gold entries as possible and then as many entries overall as possible.

    Augmenting paths never unmatch a matched vertex, so extending the required-only matching
    with the optional entries keeps every required match (recall) while letting the optional
    entries absorb as many of the remaining predictions as possible (precision).
    """
    gold_to_pred: dict[int, int] = {}

    def augment(p: int, allowed: Callable[[int], bool], seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen or not allowed(g):
                continue
            seen.add(g)
            if g not in gold_to_pred or augment(gold_to_pred[g], allowed, seen):
                gold_to_pred[g] = p
                return True
        return False

    for allowed in (required.__contains__, lambda g: True):
        matched = set(gold_to_pred.values())
        for p in range(len(edges)):
            if p not in matched:
                augment(p, allowed, set())
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

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

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
    """One gold document's result, for error analysis."""

    doc_id: str
    predicted: bool  # whether the run has any row for this document
    scores: dict[str, Score] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=dict)
    false_positives: dict[str, list[str]] = field(default_factory=dict)
    qualifier_errors: list[str] = field(default_factory=list)
    qualifier_correct: int = 0
    qualifier_matched: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "predicted": self.predicted,
            "misses": self.misses,
            "false_positives": self.false_positives,
            "qualifier_errors": self.qualifier_errors,
        }


@dataclass
class Evaluation:
    documents: list[DocReport]
    events: EventScores | None = None
    scores: dict[str, Score] = field(init=False)
    qualifier_correct: int = field(init=False)
    qualifier_matched: int = field(init=False)

    def __post_init__(self) -> None:
        self.scores = {fact: Score() for fact in FACT_TABLES}
        for doc in self.documents:
            for fact, score in doc.scores.items():
                self.scores[fact].add(score)
        self.qualifier_correct = sum(d.qualifier_correct for d in self.documents)
        self.qualifier_matched = sum(d.qualifier_matched for d in self.documents)

    @property
    def qualifier_accuracy(self) -> float:
        return self.qualifier_correct / self.qualifier_matched if self.qualifier_matched else 0.0

    def as_dict(self, per_doc: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {fact: s.as_dict() for fact, s in self.scores.items()}
        out["figure_qualifiers"] = {
            "accuracy": round(self.qualifier_accuracy, 4),
            "matched": self.qualifier_matched,
        }
        if self.events is not None:
            out["events"] = self.events.as_dict(per_doc)
        if per_doc:
            out["documents"] = {d.doc_id: d.as_dict() for d in self.documents}
        return out


@dataclass(frozen=True)
class Prediction:
    key: Hashable  # what is matched: date value, normalised name, (value, normalised unit)
    label: str  # how it is shown in error listings
    qualifier: str | None = None


def _cell(value: Any) -> Any:
    return None if value is None or value is pd.NA or value != value else value


def prediction_key(fact: str, row: Any) -> Prediction | None:
    """The distinct fact a table row states, or None when the row states none."""
    if fact == "dates":
        value = _cell(row.value)
        return Prediction(value, value) if value else None
    if fact in NAME_FACTS:
        name = _cell(row.name)
        return Prediction(normalise_name(name), name) if name else None
    value, unit = _cell(row.value), _cell(row.unit) or ""
    if value is None:
        return None
    qualifier = _cell(getattr(row, "qualifier", None))
    return Prediction((float(value), normalise_unit(unit)), f"{value:g} {unit}", qualifier)


def distinct_predictions(fact: str, frame: pd.DataFrame | None) -> list[Prediction]:
    """A document's distinct facts in table order; the first mention's qualifier is kept."""
    if frame is None:
        return []
    seen: dict[Hashable, Prediction] = {}
    for row in frame.itertuples(index=False):
        pred = prediction_key(fact, row)
        if pred is not None and pred.key not in seen:
            seen[pred.key] = pred
    return list(seen.values())


def describe_gold(fact: str, entry: Gold) -> str:
    """A gold entry as error listings show it: its value and the text it was written as."""
    shown = f"{entry['value']:g} {entry.get('unit')}" if fact == "figures" else None
    shown = shown or entry.get("value") or entry.get("name")
    return f"{shown} ({entry.get('text')})"


@dataclass(frozen=True)
class FactMatch:
    """One document's distinct predictions of one fact type matched to its gold entries."""

    pairs: dict[int, int]  # prediction index -> gold index, optional gold entries included
    required: frozenset[int]  # indices of the required gold entries

    @property
    def hits(self) -> dict[int, int]:
        return {p: g for p, g in self.pairs.items() if g in self.required}

    def is_false(self, p: int) -> bool:
        """Whether prediction ``p`` matched no gold entry (a false positive)."""
        return p not in self.pairs

    @property
    def missed(self) -> list[int]:
        """Required gold entries no prediction matched, in gold order."""
        return sorted(self.required - set(self.pairs.values()))


def match_fact(fact: str, golds: list[Gold], preds: list[Prediction]) -> FactMatch:
    """The scorer's one-to-one matching of one document's predictions of one fact type."""
    edges = [[g for g, gold in enumerate(golds) if matches(fact, p.key, gold)] for p in preds]
    required = frozenset(g for g, gold in enumerate(golds) if not gold.get("optional"))
    return FactMatch(one_to_one(edges, set(required)), required)


def score_fact(fact: str, golds: list[Gold], preds: list[Prediction], report: DocReport) -> None:
    """Match one document's predictions of one fact type and record the result in ``report``."""
    match = match_fact(fact, golds, preds)
    hits = match.hits
    false_positives = [pred for p, pred in enumerate(preds) if match.is_false(p)]
    missed = [golds[g] for g in match.missed]
    report.scores[fact] = Score(len(hits), len(false_positives), len(missed))
    report.misses[fact] = [describe_gold(fact, g) for g in missed]
    report.false_positives[fact] = [p.label for p in false_positives]
    if fact != "figures":
        return
    for p, g in hits.items():
        expected = golds[g].get("qualifier") or "exact"
        report.qualifier_matched += 1
        if preds[p].qualifier == expected:
            report.qualifier_correct += 1
        else:
            report.qualifier_errors.append(
                f"{preds[p].label}: predicted {preds[p].qualifier}, gold {expected}"
            )


def score_document(
    doc_id: str, gold: Gold, predicted: dict[str, pd.DataFrame | None], in_run: bool = True
) -> DocReport:
    report = DocReport(doc_id, predicted=in_run)
    for fact in FACT_TABLES:
        preds = distinct_predictions(fact, predicted.get(fact))
        score_fact(fact, gold.get(fact) or [], preds, report)
    return report


def load_gold(gold_dir: Path) -> dict[str, Gold]:
    """Gold documents by id (the file's ``id``, else its name without ``.json``)."""
    gold = {}
    for path in sorted(gold_dir.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"gold file {path} is not readable JSON: {exc}") from exc
        doc_id = data.get("id") or path.stem
        if doc_id in gold:
            raise ValueError(f"gold file {path}: id {doc_id!r} is used by another gold file")
        gold[doc_id] = data
    if not gold:
        raise FileNotFoundError(f"no gold *.json files in {gold_dir}")
    return gold


def resolve_doc_ids(gold_ids: Iterable[str], run_ids: Iterable[str]) -> dict[str, str]:
    """Gold id -> the run's doc_id: equal, else the one run doc_id ending in ``/<gold id>``
    (a run over a folder with sub-folders names its documents by their relative path)."""
    run_ids = set(run_ids)
    resolved = {}
    for gold_id in gold_ids:
        if gold_id in run_ids:
            resolved[gold_id] = gold_id
            continue
        candidates = [r for r in run_ids if r.endswith(f"/{gold_id}")]
        if len(candidates) == 1:
            resolved[gold_id] = candidates[0]
    return resolved


def evaluate(gold: dict[str, Gold], tables: dict[str, pd.DataFrame]) -> Evaluation:
    """Score every gold document; one without predictions misses all its required entries."""
    by_doc = {
        fact: {str(k): v for k, v in tables[fact].groupby("doc_id", sort=False)}
        for fact in FACT_TABLES
        if fact in tables
    }
    run_ids: set[str] = set().union(*(frames.keys() for frames in by_doc.values()))
    if "documents" in tables:
        run_ids |= set(tables["documents"]["doc_id"].dropna().astype(str))
    doc_ids = resolve_doc_ids(gold, run_ids)
    reports = []
    for gold_id, entry in gold.items():
        run_id = doc_ids.get(gold_id)
        predicted = {fact: by_doc.get(fact, {}).get(run_id) for fact in FACT_TABLES}
        reports.append(score_document(gold_id, entry, predicted, in_run=run_id is not None))
    return Evaluation(reports, evaluate_events(gold, tables, doc_ids))


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
    if result.events is not None:
        lines.extend(format_event_scores(result.events))
    missing = [d.doc_id for d in result.documents if not d.predicted]
    if missing:
        lines.append(f"gold documents absent from the run: {', '.join(missing)}")
    if per_doc:
        for doc in result.documents:
            lines.append(format_document(doc))
            problems = result.events.problems.get(doc.doc_id, []) if result.events else []
            lines.extend(f"  event {item}" for item in problems)
    return "\n".join(lines)


def format_document(doc: DocReport) -> str:
    lines = [f"\n## {doc.doc_id}" + ("" if doc.predicted else " (not in the run)")]
    for fact in FACT_TABLES:
        lines.extend(f"  miss {fact}: {item}" for item in doc.misses.get(fact, []))
        fps = doc.false_positives.get(fact, [])
        lines.extend(f"  false positive {fact}: {item}" for item in fps)
    lines.extend(f"  qualifier: {item}" for item in doc.qualifier_errors)
    return "\n".join(lines)


def evaluate_run(gold_dir: Path, out_dir: Path) -> Evaluation:
    from pipeline.read_tables import load_tables

    return evaluate(load_gold(gold_dir), load_tables(out_dir))


# Events (gold-schema.md, "events"): events matched one-to-one by name, then their fields.
EVENT_FIELDS = (
    "year",
    "start",
    "end",
    "city",
    "venue",
    "organisers",
    "visitors",
    "exhibitors",
    "participants",
)
EVENT_FIGURES = ("visitors", "exhibitors", "participants")
EVENT_NAME_MIN_CHARS = 4  # names this long may match by one containing the other
ORGANISER_SEPARATOR = "; "


@dataclass
class EventScores:
    events: Score = field(default_factory=Score)
    fields: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in EVENT_FIELDS})
    problems: dict[str, list[str]] = field(default_factory=dict)  # doc_id -> what went wrong

    @property
    def all_fields(self) -> Score:
        total = Score()
        for score in self.fields.values():
            total.add(score)
        return total

    def as_dict(self, per_doc: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "events": self.events.as_dict(),
            "all_fields": self.all_fields.as_dict(),
            "fields": {name: s.as_dict() for name, s in self.fields.items()},
        }
        if per_doc:
            out["documents"] = self.problems
        return out


def event_name_keys(event: Gold) -> set[str]:
    raw = (event.get("name"), *event.get("aliases", []))
    return {key for key in (normalise_name(x) for x in raw if x) if key}


def event_names_match(predicted: str, gold: Gold) -> bool:
    """Equal to the name or an alias, or one containing the other (both 4+ characters)."""
    pred = normalise_name(predicted or "")
    for key in event_name_keys(gold):
        if pred == key:
            return True
        if min(len(pred), len(key)) >= EVENT_NAME_MIN_CHARS and (pred in key or key in pred):
            return True
    return False


def _name_forms(name: str, entries: list[Gold]) -> set[str]:
    """A gold place or organisation name with the text and aliases of its gold entry."""
    key = normalise_name(name)
    forms = {key}
    for entry in entries:
        if key in _name_keys(entry):
            forms |= _name_keys(entry)
    return forms


def _figure_value(value: Any) -> float | None:
    if isinstance(value, dict):
        value = value.get("value")
    value = _cell(value)
    return None if value is None else float(value)


def gold_event_values(event: Gold, doc: Gold) -> dict[str, list[Any]]:
    """Each field's gold values (organisers: one per organiser; others: none or one); names
    as sets of their accepted forms."""
    places, orgs = doc.get("places") or [], doc.get("organisations") or []
    values: dict[str, list[Any]] = {}
    for name in EVENT_FIELDS:
        raw = event.get(name)
        if name == "organisers":
            values[name] = [_name_forms(o, orgs) for o in raw or [] if o]
        elif name in ("city", "venue"):
            values[name] = [_name_forms(raw, places)] if raw else []
        elif name in EVENT_FIGURES:
            value = _figure_value(raw)
            values[name] = [] if value is None else [value]
        else:
            values[name] = [] if raw is None else [str(raw)]
    return values


def predicted_event_values(row: dict[str, Any]) -> dict[str, list[Any]]:
    values: dict[str, list[Any]] = {}
    for name in EVENT_FIELDS:
        raw = _cell(row.get(name))
        if name == "organisers":
            values[name] = [normalise_name(o) for o in (raw or "").split(ORGANISER_SEPARATOR) if o]
        elif name in ("city", "venue"):
            values[name] = [normalise_name(raw)] if raw else []
        elif name in EVENT_FIGURES:
            values[name] = [] if raw is None else [float(raw)]
        elif name == "year":
            values[name] = [] if raw is None else [str(int(raw))]
        else:
            values[name] = [] if raw is None else [str(raw)]
    return values


def _value_agrees(name: str, pred: Any, gold: Any) -> bool:
    if name in ("city", "venue", "organisers"):
        return pred in gold
    if name in EVENT_FIGURES:
        return values_equal(pred, gold)
    return pred == gold


def score_event_fields(
    pred: dict[str, list[Any]], gold: dict[str, list[Any]], scores: EventScores
) -> list[str]:
    """Add one event pair's field counts (either side may be empty); returns the disagreements."""
    wrong = []
    for name in EVENT_FIELDS:
        p_values, g_values = pred.get(name, []), gold.get(name, [])
        left = list(g_values)
        hits = 0
        for p in p_values:
            match = next((g for g in left if _value_agrees(name, p, g)), None)
            if match is not None:
                left.remove(match)
                hits += 1
        score = Score(hits, len(p_values) - hits, len(g_values) - hits)
        scores.fields[name].add(score)
        if score.fp or score.fn:
            shown = [sorted(g)[0] if isinstance(g, set) else g for g in g_values]
            wrong.append(f"{name}: predicted {p_values}, gold {shown}")
    return wrong


def score_document_events(
    doc_id: str, gold: Gold, rows: pd.DataFrame | None, scores: EventScores
) -> None:
    golds = [e for e in gold.get("events") or []]
    preds = [] if rows is None else rows.to_dict("records")
    edges = [
        [g for g, event in enumerate(golds) if event_names_match(_cell(p.get("name")), event)]
        for p in preds
    ]
    required = {g for g, event in enumerate(golds) if not event.get("optional")}
    pairs = one_to_one(edges, required)
    problems = []
    hits = {p: g for p, g in pairs.items() if g in required}
    scores.events.add(Score(len(hits), len(preds) - len(pairs), len(required) - len(hits)))
    for p, row in enumerate(preds):
        pred_values = predicted_event_values(row)
        if p in pairs and pairs[p] not in required:
            continue  # an optional event counts neither way, nor do its fields
        if p in pairs:
            gold_values = gold_event_values(golds[pairs[p]], gold)
            for wrong in score_event_fields(pred_values, gold_values, scores):
                problems.append(f"{row.get('name')}: {wrong}")
        else:
            score_event_fields(pred_values, {}, scores)
            problems.append(f"false positive event: {row.get('name')}")
    for g in sorted(required - set(pairs.values())):
        score_event_fields({}, gold_event_values(golds[g], gold), scores)
        problems.append(f"missed event: {golds[g].get('name')}")
    scores.problems[doc_id] = problems


def evaluate_events(
    gold: dict[str, Gold], tables: dict[str, pd.DataFrame], doc_ids: dict[str, str]
) -> EventScores:
    """Event and field scores over the gold documents (``doc_ids``: gold id -> run doc_id)."""
    scores = EventScores()
    frame = tables.get("events")
    by_doc = {} if frame is None else {str(k): v for k, v in frame.groupby("doc_id", sort=False)}
    for gold_id, entry in gold.items():
        score_document_events(gold_id, entry, by_doc.get(doc_ids.get(gold_id, "")), scores)
    return scores


def format_event_scores(scores: EventScores) -> list[str]:
    lines = []
    for label, s in (("events", scores.events), ("event fields", scores.all_fields)):
        lines.append(
            f"{label:<15}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>8.3f}"
            f"{s.tp:>6}{s.fp:>6}{s.fn:>6}"
        )
    for name, s in scores.fields.items():
        lines.append(
            f"  {name:<13}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>8.3f}"
            f"{s.tp:>6}{s.fp:>6}{s.fn:>6}"
        )
    return lines
