"""One batch of files through read → nlp → extract, into finished table rows.

:func:`process_batch` is the unit of work of every backend (one process, the process pool, a
Dask cluster): it takes picklable :class:`Job` records and returns picklable
:class:`DocumentResult` rows, one per job and in the same order, so the tables come out
identical whichever backend ran it.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import weakref
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.collector import paced_collector
from pipeline.doc_layout import doc_layout, remember_text
from pipeline.extensions import CHUNK_START, FACT_TYPES, TABLES_ONLY, field_names, get_facts
from pipeline.nlp import EXTRACTORS, model_label
from pipeline.outfiles import create_temp
from pipeline.read import ReadError, SourceText, parse_source, read_bytes, sha256
from pipeline.refdate import resolve_reference_date
from pipeline.stream import LongReport, piece_end, scan
from pipeline.tables import FACT_TABLES, RECORD_TABLES
from pipeline.timelimit import CpuBudget, TimeLimitExceeded, time_limit

FRONT_MATTER_COLUMNS = ("title", "source")
# Longer texts are analysed in pieces of at most this many characters (see chunk_bounds):
# spaCy refuses texts over nlp.max_length, a statistical model's memory grows with the text,
# and a rule that is slightly worse than linear stays cheap on a piece. Reports are rarely
# longer, and a piece is long enough (some 40 pages) for every rule's context.
CHUNK_CHARS = 100_000
BASE_ROW = "pipeline_base_row"  # Doc.user_data of the first piece: the documents row so far
# Rows of one table of a long report kept in memory before they go to its spool file.
SPOOL_ROWS = 10_000
# Files larger than this are read piece by piece (pipeline.stream), never whole: a file of at
# most this many bytes has at most as many characters, so it is always one piece.
STREAM_BYTES = CHUNK_CHARS


@dataclass(frozen=True, slots=True)
class Job:
    doc_id: str
    path: Path
    metadata: dict[str, str] = field(default_factory=dict)
    default_reference_date: dt.date | None = None
    # Why the file cannot be read, when discovery already knows (dangling link, FIFO, ...).
    error: str | None = None


class SpooledRows:
    """The rows of one table of a long report: past :data:`SPOOL_ROWS` they go to a temporary
    file in the output folder, so that neither the process analysing the report nor the one
    writing the tables holds them all. Iterating reads them back in order; :meth:`discard`
    deletes the file once they are written."""

    def __init__(self, folder: Path, table: str) -> None:
        self.folder = folder
        self.table = table
        self.path: Path | None = None
        self.count = 0
        self.buffer: list[dict[str, Any]] = []

    def extend(self, rows: list[dict[str, Any]]) -> None:
        self.buffer += rows
        self.count += len(rows)
        if len(self.buffer) >= SPOOL_ROWS:
            self._spill()

    def _spill(self) -> None:
        if self.path is None:
            fd, self.path = create_temp(self.folder, f"rows-{self.table}")
            os.close(fd)
        with self.path.open("ab") as fh:
            pickle.dump(self.buffer, fh, protocol=pickle.HIGHEST_PROTOCOL)
        self.buffer = []

    @property
    def spilled(self) -> bool:
        return self.path is not None

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[dict[str, Any]]:
        if self.path is not None:
            with self.path.open("rb") as fh:
                while True:
                    try:
                        chunk = pickle.load(fh)
                    except EOFError:
                        break
                    yield from chunk
        yield from self.buffer

    def discard(self) -> None:
        if self.path is not None:
            self.path.unlink(missing_ok=True)


@dataclass(slots=True)
class DocumentResult:
    document: dict[str, Any]
    facts: dict[str, list[dict[str, Any]] | SpooledRows]

    @property
    def ok(self) -> bool:
        return self.document["status"] == "ok"

    def release(self) -> None:
        """Delete the spool files of rows that have been written."""
        for rows in self.facts.values():
            if isinstance(rows, SpooledRows):
                rows.discard()


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


@dataclass(slots=True)
class PreparedReport:
    """A readable report, not yet analysed: its text and where it is cut into pieces."""

    source: SourceText
    base: dict[str, Any]  # the documents row so far
    reference_date: dt.date | None
    bounds: list[tuple[int, int]]

    def piece(self, nlp: Language, job: Job, index: int, *, tables_only: bool) -> Doc:
        """The Doc of piece ``index``, made for a run's tables unless ``tables_only`` is False
        (:func:`_piece_doc`)."""
        start, end = self.bounds[index]
        doc = _piece_doc(nlp, job, self.source.text[start:end], self.reference_date, tables_only)
        doc.user_data[CHUNK_START] = start
        if index == 0:
            doc.user_data[BASE_ROW] = self.base
        return doc

    def pieces(self, nlp: Language, job: Job) -> Iterator[tuple[Doc, SourceText]]:
        """Each piece's Doc, made when it is needed, with the text its offsets point into."""
        for index in range(len(self.bounds)):
            yield self.piece(nlp, job, index, tables_only=True), self.source

    def finished(self, rows: _ReportRows, nlp: Language) -> DocumentResult:
        return rows.result(nlp)


@dataclass(slots=True)
class _Streamed:
    """A report too long to be read at once (:class:`pipeline.stream.LongReport`): each piece
    is read when it is analysed, with the file offsets of its own characters only."""

    report: LongReport
    sha256: str
    reference: tuple[dt.date | None, str]

    def pieces(self, nlp: Language, job: Job) -> Iterator[tuple[Doc, SourceText]]:
        for source in self.report.pieces():
            yield _piece_doc(nlp, job, source.text, self.reference[0], tables_only=True), source

    def finished(self, rows: _ReportRows, nlp: Language) -> DocumentResult:
        """The report's rows; its documents row only now, as its length is known at the end."""
        report = self.report
        base = _base_row(self.sha256, report.chars, self.reference, report.front_matter)
        if report.blank:
            rows.discard()
            return DocumentResult(_empty_row(rows.job, base), {})
        return rows.result(nlp, base)


def _piece_doc(
    nlp: Language, job: Job, text: str, reference_date: dt.date | None, tables_only: bool
) -> Doc:
    """An unprocessed Doc of ``text``; with ``tables_only`` the extractors store its facts
    without mention spans (:data:`pipeline.extensions.TABLES_ONLY`): a run turns the facts into
    rows and drops the Doc, while a Doc handed to a caller keeps ``doc.spans``."""
    doc = nlp.make_doc(text)
    remember_text(doc, text)
    doc._.doc_id = job.doc_id
    doc._.reference_date = reference_date
    if tables_only:
        doc.user_data[TABLES_ONLY] = True
    return doc


def prepare_report(nlp: Language, job: Job) -> PreparedReport | _Streamed | DocumentResult:
    """Read one file (a long one only its start), or a finished result for a bad or empty
    file."""
    if job.error:
        return DocumentResult(document_row(job, "error", job.error), {})
    limit = min(CHUNK_CHARS, nlp.max_length)
    try:
        if _size(job.path) > STREAM_BYTES:
            return _streamed(job, limit)
        data = read_bytes(job.path)
    except ReadError as exc:
        return DocumentResult(document_row(job, "error", str(exc)), {})
    return _prepared(job, data, limit)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return -1  # reading it says what is wrong


def _streamed(job: Job, limit: int) -> PreparedReport | _Streamed | DocumentResult:
    scanned = scan(job.path)
    try:
        report = LongReport(job.path, scanned, limit)
    except ReadError as exc:
        return DocumentResult(document_row(job, "error", str(exc), sha256=scanned.sha256), {})
    whole = report.whole()
    if whole is not None:
        return _prepared_source(job, scanned.sha256, whole, limit)
    reference = _reference(job, report.front_matter, report.take_head())
    return _Streamed(report, scanned.sha256, reference)


def prepare_data(
    nlp: Language, job: Job, data: bytes
) -> tuple[Doc | None, SourceText | None, DocumentResult | None]:
    """A report's bytes as one unprocessed Doc, or a finished result for bad or empty data."""
    prepared = _prepared(job, data, None)
    if isinstance(prepared, DocumentResult):
        return None, None, prepared
    return prepared.piece(nlp, job, 0, tables_only=False), prepared.source, None


def _prepared(job: Job, data: bytes, chunk_chars: int | None) -> PreparedReport | DocumentResult:
    digest = sha256(data)
    try:
        source = parse_source(data)
    except ReadError as exc:
        return DocumentResult(document_row(job, "error", str(exc), sha256=digest), {})
    del data  # a long report's bytes are not needed while its pieces are analysed
    return _prepared_source(job, digest, source, chunk_chars)


def _prepared_source(
    job: Job, digest: str, source: SourceText, chunk_chars: int | None
) -> PreparedReport | DocumentResult:
    reference = _reference(job, source.front_matter, source.text)
    base = _base_row(digest, len(source.text), reference, source.front_matter)
    if not source.text.strip():
        return DocumentResult(_empty_row(job, base), {})
    bounds = chunk_bounds(source.text, chunk_chars) if chunk_chars else [(0, len(source.text))]
    return PreparedReport(source, base, reference[0], bounds)


def _reference(job: Job, front_matter: dict[str, str], text: str) -> tuple[dt.date | None, str]:
    """The reference date and its source; ``text`` need only hold the report's first lines."""
    return resolve_reference_date(
        front_matter,
        job.metadata.get("reference_date"),
        text,
        job.default_reference_date,
        where=str(job.path),
    )


def _base_row(
    digest: str, chars: int, reference: tuple[dt.date | None, str], front_matter: dict[str, str]
) -> dict[str, Any]:
    """The documents row's columns known from reading the file."""
    extra = {c: front_matter[c] for c in FRONT_MATTER_COLUMNS if front_matter.get(c)}
    return {
        "sha256": digest,
        "chars": chars,
        "reference_date": reference[0],
        "reference_date_source": reference[1],
        **extra,
    }


def _empty_row(job: Job, base: dict[str, Any]) -> dict[str, Any]:
    return document_row(job, "empty", "no text", tokens=0, sentences=0, **base)


def chunk_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """Pieces of at most ``limit`` characters, cut where :func:`pipeline.stream.piece_end`
    says."""
    bounds = []
    start = 0
    while len(text) - start > limit:
        end = piece_end(text, start, limit)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def _result(nlp: Language, job: Job, doc: Doc, source: SourceText) -> DocumentResult:
    return merged_result(nlp, job, [doc], source)


def merged_result(nlp: Language, job: Job, docs: list[Doc], source: SourceText) -> DocumentResult:
    """The rows of one report from its processed piece(s)."""
    rows = _ReportRows(job)
    for doc in docs:
        rows.add(doc, source)
    return rows.result(nlp)


class _ReportRows:
    """The rows of one report, collected piece by piece (a piece's Doc can go as soon as it is
    added), with offsets and sentence numbers counted over the whole text."""

    def __init__(self, job: Job, spool_dir: Path | None = None) -> None:
        self.job = job
        self.facts: dict[str, Any] = {
            table: SpooledRows(spool_dir, table) if spool_dir else [] for table in FACT_TABLES
        }
        self.facts.update({table: [] for table in RECORD_TABLES})
        self.errors: list[str] = []
        self.tokens = 0
        self.sentences = 0
        self.base: dict[str, Any] = {}

    def add(self, doc: Doc, source: SourceText) -> None:
        """Take a processed piece's rows; ``source`` is the text its offsets point into (the
        whole text, the piece starting at ``CHUNK_START``, or the piece alone)."""
        offset = doc.user_data.get(CHUNK_START, 0)
        self.base = doc.user_data.get(BASE_ROW, self.base)
        starts = [offset + start for start in doc_layout(doc).sentence_starts]
        stored = doc._.facts or {}
        for table in FACT_TABLES:
            self.facts[table].extend(
                field_rows(
                    self.job.doc_id,
                    stored_fields(stored, table),
                    source,
                    starts,
                    offset,
                    self.sentences,
                )
            )
        for table in RECORD_TABLES:
            # records describe the whole report: the first piece that has any gives them
            if not self.facts[table]:
                self.facts[table] = record_rows(
                    self.job.doc_id, get_facts(doc, table) or [], source, offset
                )
        self.errors += [e for e in doc._.extract_errors or [] if e not in self.errors]
        self.tokens += len(doc)
        self.sentences += len(starts)

    def records_done(self, nlp: Language) -> list[str]:
        """Components whose records the report already has from an earlier piece: the first
        piece that has any gives them, so later pieces need not compute them."""
        return [
            name
            for name, component in nlp.pipeline
            if getattr(component, "attr", None) in RECORD_TABLES and self.facts[component.attr]
        ]

    def result(self, nlp: Language, base: dict[str, Any] | None = None) -> DocumentResult:
        row = document_row(
            self.job,
            "error" if self.errors else "ok",
            "; ".join(self.errors) if self.errors else None,
            tokens=self.tokens,
            sentences=self.sentences,
            model=_model_label(nlp),
            **(self.base if base is None else base),
        )
        return DocumentResult(row, self.facts)

    def discard(self) -> None:
        DocumentResult({}, self.facts).release()


# The model label of each pipeline a run has used: ``nlp.meta`` builds a new dict (with the
# labels of every component) on each read, some 30 µs, and the label is the same for every report.
_MODEL_LABELS: weakref.WeakKeyDictionary[Language, str] = weakref.WeakKeyDictionary()


def _model_label(nlp: Language) -> str:
    label = _MODEL_LABELS.get(nlp)
    if label is None:
        label = _MODEL_LABELS[nlp] = model_label(nlp)
    return label


@cache
def _fields_of(record_type: type) -> Callable[[Any], dict[str, Any]]:
    """``record -> {field: value, …}``: the fields read in C by one ``attrgetter`` (records
    are flat, so this shallow copy equals ``dataclasses.asdict``)."""
    names = field_names(record_type)
    values = attrgetter(*names) if len(names) > 1 else lambda r: (getattr(r, names[0]),)
    return lambda record: dict(zip(names, values(record), strict=True))


def stored_fields(facts: dict[str, list[dict[str, Any]]], table: str) -> list[dict[str, Any]]:
    """The fields of a Doc's mentions of one fact type, as its records give them, from the
    Doc's stored facts (``doc._.facts``). The extractors store rows made from their records, so
    these are the stored rows themselves (not changed; nothing is rebuilt); a row stored in
    another form (a dict set by hand, with fields left out or in another order) is read through
    its record, as ``doc._.TABLE`` would read it."""
    rows = facts.get(table)
    if not rows:
        return []
    record = FACT_TYPES[table].record
    names = field_names(record)
    return [row if tuple(row) == names else _fields_of(record)(record(**row)) for row in rows]


def mention_rows(
    doc_id: str,
    mentions: Iterable[Any],
    source: SourceText,
    sentence_starts: list[int],
    offset: int = 0,
    sentences_before: int = 0,
) -> list[dict[str, Any]]:
    """Table rows of one Doc's mentions (records); ``offset`` is where the Doc starts in the
    text, ``sentence_starts`` are its sentences' starts in the text, ``sentences_before`` the
    number of sentences of the text before them."""
    fields = [_fields_of(type(mention))(mention) for mention in mentions]
    return field_rows(doc_id, fields, source, sentence_starts, offset, sentences_before)


def field_rows(
    doc_id: str,
    fields: Iterable[dict[str, Any]],
    source: SourceText,
    sentence_starts: list[int],
    offset: int = 0,
    sentences_before: int = 0,
) -> list[dict[str, Any]]:
    """:func:`mention_rows` of mentions given by their fields (:func:`stored_fields`): a
    report's rows are copies of the rows its Doc stores, with the report's id first and the
    offsets and sentence number counted in the whole text."""
    rows = []
    original_span = source.original_span
    for mention in sorted(fields, key=_char_span):
        row = {"doc_id": doc_id, **mention}
        start = offset + mention["start_char"]
        row["start_char"], row["end_char"] = original_span(start, offset + mention["end_char"])
        row["sentence"] = sentences_before + max(bisect_right(sentence_starts, start) - 1, 0)
        rows.append(row)
    return rows


_char_span = itemgetter("start_char", "end_char")


def record_rows(
    doc_id: str, records: Iterable[Any], source: SourceText, offset: int = 0
) -> list[dict[str, Any]]:
    """Table rows of one Doc's records (events); their offsets, where set, mapped like those
    of mentions."""
    rows = []
    for record in records:
        row = {name: getattr(record, name) for name in field_names(type(record))}
        if row.get("start_char") is not None and row.get("end_char") is not None:
            span = offset + row["start_char"], offset + row["end_char"]
            row["start_char"], row["end_char"] = source.original_span(*span)
        rows.append({"doc_id": doc_id, **row})
    return rows


@paced_collector()
def process_batch(
    nlp: Language,
    jobs: list[Job],
    doc_timeout: float | None = None,
    spool_dir: Path | None = None,
) -> list[DocumentResult]:
    """Run a batch of files through the pipeline, one result per job in job order.

    Reports of one piece go through ``nlp.pipe`` together; a longer report is analysed piece
    by piece, each piece's Doc dropped once its rows are taken, and a file of more than
    :data:`STREAM_BYTES` is read piece by piece too (:mod:`pipeline.stream`), so memory does
    not grow with its length. A report that breaks spaCy itself, or takes longer than
    ``doc_timeout`` seconds (per piece), becomes an ``error`` row; the others are kept. With
    ``spool_dir`` the rows of a long report go to temporary files there
    (:class:`SpooledRows`).

    The results hold plain Python values only, never a Doc or Token, so they can be pickled
    to another process and nothing of the batch stays alive once they are written. The
    garbage collector keeps the batch pace of :mod:`pipeline.collector` meanwhile.
    """
    results: list[DocumentResult | None] = [None] * len(jobs)
    single: list[tuple[int, PreparedReport]] = []
    for i, job in enumerate(jobs):
        prepared = prepare_report(nlp, job)
        if isinstance(prepared, DocumentResult):
            results[i] = prepared
        elif isinstance(prepared, PreparedReport) and len(prepared.bounds) == 1:
            single.append((i, prepared))
        else:
            results[i] = _guarded(_streamed_result, nlp, job, prepared, doc_timeout, spool_dir)
        del prepared
    if single:
        try:
            reports = [(jobs[i], prepared) for i, prepared in single]
            for (i, _), result in zip(
                single, _analysed_together(nlp, reports, doc_timeout), strict=True
            ):
                results[i] = result
        except (Exception, TimeLimitExceeded):
            # The model stage failed or overran on some text: each report alone, so that
            # only the bad one is lost.
            for i, prepared in single:
                results[i] = _guarded(_streamed_result, nlp, jobs[i], prepared, doc_timeout)
    return [r for r in results if r is not None]


def _analysed_together(
    nlp: Language, reports: list[tuple[Job, PreparedReport]], doc_timeout: float | None
) -> list[DocumentResult]:
    """Single-piece reports: the statistical components batched over all of them, then each
    rule-based extractor over all of them before the next one, so that its code and word lists
    stay in the processor's caches across the batch (report by report, the four extractors
    pushed each other out: a run of 2,000 reports took about 3% more CPU time). A report's
    extractors share one time limit; a report that fails or overruns becomes an error row and
    the next extractors skip it."""
    docs = [prepared.piece(nlp, job, 0, tables_only=True) for job, prepared in reports]
    rules = [name for name, _ in nlp.pipeline if name in EXTRACTORS]
    # The statistical stage is linear in the text: its limit is only a backstop.
    with time_limit(doc_timeout * len(docs) if doc_timeout else None):
        docs = list(nlp.pipe(docs, disable=rules))
    budgets = [CpuBudget(doc_timeout) for _ in docs]
    failed: list[DocumentResult | None] = [None] * len(docs)
    for name in rules:
        component = nlp.get_pipe(name)
        for i, (job, _) in enumerate(reports):
            if failed[i] is not None:
                continue
            try:
                with budgets[i].spend():
                    docs[i] = component(docs[i])
            except (Exception, TimeLimitExceeded) as exc:
                failed[i] = _error_result(job, exc)
    return [
        failed[i] or _guarded(_merged, nlp, job, prepared, docs[i])
        for i, (job, prepared) in enumerate(reports)
    ]


def _merged(nlp: Language, job: Job, prepared: PreparedReport, doc: Doc) -> DocumentResult:
    return merged_result(nlp, job, [doc], prepared.source)


def _streamed_result(
    nlp: Language,
    job: Job,
    prepared: PreparedReport | _Streamed,
    doc_timeout: float | None,
    spool_dir: Path | None = None,
) -> DocumentResult:
    rows = _ReportRows(job, spool_dir)
    try:
        for doc, source in prepared.pieces(nlp, job):
            with time_limit(doc_timeout):
                doc = nlp(doc, disable=rows.records_done(nlp))
            rows.add(doc, source)
            del doc
    except BaseException:
        rows.discard()  # spool files of a report that is lost
        raise
    return prepared.finished(rows, nlp)


def _guarded(
    work: Callable[..., DocumentResult], nlp: Language, job: Job, *args: Any
) -> DocumentResult:
    """``work(nlp, job, *args)``, or an error row for the report when the pipeline itself
    failed or ran out of time on it."""
    try:
        return work(nlp, job, *args)
    except (Exception, TimeLimitExceeded) as exc:
        return _error_result(job, exc)


def _error_result(job: Job, exc: BaseException) -> DocumentResult:
    """The error row of a report the pipeline failed on or ran out of time on."""
    msg = str(exc) if isinstance(exc, TimeLimitExceeded) else f"{type(exc).__name__}: {exc}"
    return DocumentResult(document_row(job, "error", msg.splitlines()[0]), {})
