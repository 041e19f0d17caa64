"""One batch of files through read → nlp → extract, into finished table rows.

:func:`process_batch` is the unit of work of every backend (one process, the process pool, a
Dask cluster): it takes picklable :class:`Job` records and returns picklable
:class:`DocumentResult` rows, one per job and in the same order, so the tables come out
identical whichever backend ran it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp import model_label
from pipeline.read import ReadError, SourceText, parse_source, read_bytes, sha256
from pipeline.refdate import resolve_reference_date
from pipeline.tables import FACT_TABLES

FRONT_MATTER_COLUMNS = ("title", "source")


@dataclass(frozen=True, slots=True)
class Job:
    doc_id: str
    path: Path
    metadata: dict[str, str] = field(default_factory=dict)
    default_reference_date: dt.date | None = None


@dataclass(slots=True)
class DocumentResult:
    document: dict[str, Any]
    facts: dict[str, list[dict[str, Any]]]

    @property
    def ok(self) -> bool:
        return self.document["status"] == "ok"


def document_row(job: Job, status: str, error: str | None = None, **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "doc_id": job.doc_id,
        "path": str(job.path),
        "status": status,
        "error": error,
        **values,
    }
    for column, value in job.metadata.items():
        if column not in ("doc_id", "reference_date") and column not in row:
            row[column] = value or None
    return row


def _prepare(
    nlp: Language, job: Job
) -> tuple[Doc | None, SourceText | None, DocumentResult | None]:
    """Read one file into an unprocessed Doc, or a finished result for a bad or empty file."""
    try:
        data = read_bytes(job.path)
    except ReadError as exc:
        return None, None, DocumentResult(document_row(job, "error", str(exc)), {})
    return prepare_data(nlp, job, data)


def prepare_data(
    nlp: Language, job: Job, data: bytes
) -> tuple[Doc | None, SourceText | None, DocumentResult | None]:
    """A report's bytes as an unprocessed Doc, or a finished result for bad or empty data."""
    digest = sha256(data)
    try:
        source = parse_source(data)
    except ReadError as exc:
        return None, None, DocumentResult(document_row(job, "error", str(exc), sha256=digest), {})
    ref, ref_source = resolve_reference_date(
        source.front_matter,
        job.metadata.get("reference_date"),
        source.text,
        job.default_reference_date,
    )
    extra = {c: source.front_matter[c] for c in FRONT_MATTER_COLUMNS if source.front_matter.get(c)}
    base = {
        "sha256": digest,
        "chars": len(source.text),
        "reference_date": ref,
        "reference_date_source": ref_source,
        **extra,
    }
    if not source.text.strip():
        row = document_row(job, "empty", "no text", tokens=0, sentences=0, **base)
        return None, None, DocumentResult(row, {})
    doc = nlp.make_doc(source.text)
    doc._.doc_id = job.doc_id
    doc._.reference_date = ref
    doc.user_data["pipeline_base_row"] = base
    return doc, source, None


def _result(nlp: Language, job: Job, doc: Doc, source: SourceText) -> DocumentResult:
    base = doc.user_data["pipeline_base_row"]
    sentence_starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    facts = {
        table: mention_rows(job.doc_id, doc._.get(table) or [], source, sentence_starts)
        for table in FACT_TABLES
    }
    errors = doc._.extract_errors
    row = document_row(
        job,
        "error" if errors else "ok",
        "; ".join(errors) if errors else None,
        tokens=len(doc),
        sentences=len(sentence_starts),
        model=model_label(nlp),
        **base,
    )
    return DocumentResult(row, facts)


@cache
def _field_names(record_type: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(record_type))


def mention_rows(
    doc_id: str, mentions: Iterable[Any], source: SourceText, sentence_starts: list[int]
) -> list[dict[str, Any]]:
    rows = []
    for mention in sorted(mentions, key=lambda m: (m.start_char, m.end_char)):
        # Records are flat, so a shallow copy equals dataclasses.asdict at a fraction of its cost.
        row = {name: getattr(mention, name) for name in _field_names(type(mention))}
        row["start_char"], row["end_char"] = source.original_span(
            mention.start_char, mention.end_char
        )
        row["sentence"] = max(bisect_right(sentence_starts, mention.start_char) - 1, 0)
        rows.append({"doc_id": doc_id, **row})
    return rows


def process_batch(nlp: Language, jobs: list[Job]) -> list[DocumentResult]:
    """Run a batch of files through the pipeline; a document that breaks spaCy itself is
    retried alone and reported as an error, the others are kept.

    The results hold plain Python values only, never a Doc or Token, so they can be pickled
    to another process and nothing of the batch stays alive once they are written.
    """
    results: list[DocumentResult | None] = [None] * len(jobs)
    pending: list[tuple[int, Doc, SourceText]] = []
    for i, job in enumerate(jobs):
        doc, source, done = _prepare(nlp, job)
        if done is not None:
            results[i] = done
        else:
            pending.append((i, doc, source))
    try:
        processed = list(nlp.pipe(doc for _, doc, _ in pending))
        for (i, _, source), doc in zip(pending, processed, strict=True):
            results[i] = _result(nlp, jobs[i], doc, source)
    except Exception:
        for i, doc, source in pending:
            try:
                results[i] = _result(nlp, jobs[i], nlp(doc), source)
            except Exception as exc:  # the pipeline itself failed on this text
                msg = f"{type(exc).__name__}: {exc}".splitlines()[0]
                results[i] = DocumentResult(document_row(jobs[i], "error", msg), {})
    return [r for r in results if r is not None]
