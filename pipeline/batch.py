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
from pipeline.tables import FACT_TABLES, RECORD_TABLES, RESULT_TABLES

FRONT_MATTER_COLUMNS = ("title", "source")
# Longer texts are analysed in pieces of at most this many characters (see chunk_bounds):
# spaCy refuses texts over nlp.max_length, a statistical model's memory grows with the text,
# and a rule that is slightly worse than linear stays cheap on a piece. Reports are rarely
# longer, and a piece is long enough (some 40 pages) for every rule's context.
CHUNK_CHARS = 100_000
CHUNK_START = "pipeline_chunk_start"  # Doc.user_data: where the piece starts in the text
BASE_ROW = "pipeline_base_row"  # Doc.user_data of the first piece: the documents row so far


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


def _prepare(nlp: Language, job: Job) -> tuple[list[Doc], SourceText | None, DocumentResult | None]:
    """Read one file into unprocessed Docs (one per piece of a long text), or a finished
    result for a bad or empty file."""
    try:
        data = read_bytes(job.path)
    except ReadError as exc:
        return [], None, DocumentResult(document_row(job, "error", str(exc)), {})
    return _documents(nlp, job, data, min(CHUNK_CHARS, nlp.max_length))


def prepare_data(
    nlp: Language, job: Job, data: bytes
) -> tuple[Doc | None, SourceText | None, DocumentResult | None]:
    """A report's bytes as one unprocessed Doc, or a finished result for bad or empty data."""
    docs, source, done = _documents(nlp, job, data, None)
    return (docs[0] if docs else None), source, done


def _documents(
    nlp: Language, job: Job, data: bytes, chunk_chars: int | None
) -> tuple[list[Doc], SourceText | None, DocumentResult | None]:
    digest = sha256(data)
    try:
        source = parse_source(data)
    except ReadError as exc:
        return [], None, DocumentResult(document_row(job, "error", str(exc), sha256=digest), {})
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
        return [], None, DocumentResult(row, {})
    bounds = chunk_bounds(source.text, chunk_chars) if chunk_chars else [(0, len(source.text))]
    docs = []
    for start, end in bounds:
        doc = nlp.make_doc(source.text[start:end])
        doc._.doc_id = job.doc_id
        doc._.reference_date = ref
        doc.user_data[CHUNK_START] = start
        docs.append(doc)
    docs[0].user_data[BASE_ROW] = base
    return docs, source, None


def chunk_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """Pieces of at most ``limit`` characters, cut in their second half at a paragraph break,
    else a line break, a sentence end or a space, so that no word is split and the pieces
    tokenize and split into sentences as the whole text does. A line break opens the next
    piece (as in the whole text, where it starts the next sentence); a space closes its piece
    (as the trailing whitespace of the word before)."""
    bounds = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        for separator, cut_after in (("\n\n", 0), ("\n", 0), (". ", 2), (" ", 1)):
            found = text.rfind(separator, start + limit // 2, end - cut_after)
            if found != -1:
                end = found + cut_after
                break
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def _result(nlp: Language, job: Job, doc: Doc, source: SourceText) -> DocumentResult:
    return _merged_result(nlp, job, [doc], source)


def _merged_result(nlp: Language, job: Job, docs: list[Doc], source: SourceText) -> DocumentResult:
    """The rows of one report from its processed piece(s), offsets and sentences counted
    over the whole text."""
    sentence_starts: list[int] = []
    for doc in docs:
        offset = doc.user_data.get(CHUNK_START, 0)
        if doc.has_annotation("SENT_START"):
            sentence_starts += [offset + s.start_char for s in doc.sents]
        else:
            sentence_starts.append(offset)
    facts: dict[str, list[dict[str, Any]]] = {table: [] for table in RESULT_TABLES}
    errors: list[str] = []
    for doc in docs:
        offset = doc.user_data.get(CHUNK_START, 0)
        for table in FACT_TABLES:
            facts[table] += mention_rows(
                job.doc_id, doc._.get(table) or [], source, sentence_starts, offset
            )
        for table in RECORD_TABLES:
            # records describe the whole report: the first piece that has any gives them
            if not facts[table]:
                facts[table] = record_rows(job.doc_id, doc._.get(table) or [], source, offset)
        errors += [e for e in doc._.extract_errors or [] if e not in errors]
    row = document_row(
        job,
        "error" if errors else "ok",
        "; ".join(errors) if errors else None,
        tokens=sum(len(doc) for doc in docs),
        sentences=len(sentence_starts),
        model=model_label(nlp),
        **docs[0].user_data[BASE_ROW],
    )
    return DocumentResult(row, facts)


@cache
def _field_names(record_type: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(record_type))


def mention_rows(
    doc_id: str,
    mentions: Iterable[Any],
    source: SourceText,
    sentence_starts: list[int],
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Table rows of one Doc's mentions; ``offset`` is where the Doc starts in the text."""
    rows = []
    for mention in sorted(mentions, key=lambda m: (m.start_char, m.end_char)):
        # Records are flat, so a shallow copy equals dataclasses.asdict at a fraction of its cost.
        row = {name: getattr(mention, name) for name in _field_names(type(mention))}
        start = offset + mention.start_char
        row["start_char"], row["end_char"] = source.original_span(start, offset + mention.end_char)
        row["sentence"] = max(bisect_right(sentence_starts, start) - 1, 0)
        rows.append({"doc_id": doc_id, **row})
    return rows


def record_rows(
    doc_id: str, records: Iterable[Any], source: SourceText, offset: int = 0
) -> list[dict[str, Any]]:
    """Table rows of one Doc's records (events); their offsets, where set, mapped like those
    of mentions."""
    rows = []
    for record in records:
        row = {name: getattr(record, name) for name in _field_names(type(record))}
        if row.get("start_char") is not None and row.get("end_char") is not None:
            span = offset + row["start_char"], offset + row["end_char"]
            row["start_char"], row["end_char"] = source.original_span(*span)
        rows.append({"doc_id": doc_id, **row})
    return rows


def process_batch(nlp: Language, jobs: list[Job]) -> list[DocumentResult]:
    """Run a batch of files through the pipeline; a document that breaks spaCy itself is
    retried alone and reported as an error, the others are kept.

    The results hold plain Python values only, never a Doc or Token, so they can be pickled
    to another process and nothing of the batch stays alive once they are written.
    """
    results: list[DocumentResult | None] = [None] * len(jobs)
    pending: list[tuple[int, list[Doc], SourceText]] = []
    for i, job in enumerate(jobs):
        docs, source, done = _prepare(nlp, job)
        if done is not None:
            results[i] = done
        else:
            pending.append((i, docs, source))
    try:
        processed = iter(list(nlp.pipe(doc for _, docs, _ in pending for doc in docs)))
        for i, docs, source in pending:
            pieces = [next(processed) for _ in docs]
            results[i] = _merged_result(nlp, jobs[i], pieces, source)
    except Exception:
        for i, docs, source in pending:
            try:
                results[i] = _merged_result(nlp, jobs[i], [nlp(doc) for doc in docs], source)
            except Exception as exc:  # the pipeline itself failed on this text
                msg = f"{type(exc).__name__}: {exc}".splitlines()[0]
                results[i] = DocumentResult(document_row(jobs[i], "error", msg), {})
    return [r for r in results if r is not None]
