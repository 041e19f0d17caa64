"""Orchestration: read → nlp → extract → write for a folder of reports.

The unit of work is a batch of files: :func:`process_batch` turns it into finished table rows
(:class:`DocumentResult`), so the same function serves a single process, a process pool and a
cluster backend, and the tables come out identical whichever runs it.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import logging
import sys
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from tqdm import tqdm

from pipeline.nlp import load_nlp, model_label
from pipeline.read import (
    ReadError,
    SourceText,
    discover,
    doc_id_for,
    parse_source,
    read_bytes,
    sha256,
)
from pipeline.refdate import parse_iso, resolve_reference_date
from pipeline.tables import FACT_TABLES
from pipeline.write import TableSink

log = logging.getLogger("pipeline")

BATCH_SIZE = 32
FRONT_MATTER_COLUMNS = ("title", "source")


class UsageError(Exception):
    """Unusable arguments (exit code 2)."""


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


@dataclass(slots=True)
class RunSummary:
    documents: int = 0
    ok: int = 0
    empty: int = 0
    error: int = 0
    facts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FACT_TABLES, 0))

    def add(self, result: DocumentResult) -> None:
        self.documents += 1
        status = result.document["status"]
        setattr(self, status, getattr(self, status) + 1)
        for table, rows in result.facts.items():
            self.facts[table] += len(rows)

    @property
    def exit_code(self) -> int:
        return 0 if self.ok == self.documents else 1


def read_metadata(path: Path) -> tuple[dict[str, dict[str, str]], list[str]]:
    """Rows of the metadata CSV by doc_id, and its extra column names."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            fields = reader.fieldnames or []
            if "doc_id" not in fields:
                raise UsageError(f"metadata file {path} has no 'doc_id' column")
            rows = {row["doc_id"]: {k: (v or "") for k, v in row.items()} for row in reader}
    except OSError as exc:
        raise UsageError(f"cannot read metadata file {path}: {exc.strerror or exc}") from exc
    extra = [c for c in fields if c not in ("doc_id", "reference_date", *FRONT_MATTER_COLUMNS)]
    return rows, extra


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
    base = doc.user_data.pop("pipeline_base_row")
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


def mention_rows(
    doc_id: str, mentions: Iterable[Any], source: SourceText, sentence_starts: list[int]
) -> list[dict[str, Any]]:
    rows = []
    for mention in sorted(mentions, key=lambda m: (m.start_char, m.end_char)):
        row = dataclasses.asdict(mention)
        row["start_char"], row["end_char"] = source.original_span(
            mention.start_char, mention.end_char
        )
        row["sentence"] = max(bisect_right(sentence_starts, mention.start_char) - 1, 0)
        rows.append({"doc_id": doc_id, **row})
    return rows


def process_batch(nlp: Language, jobs: list[Job]) -> list[DocumentResult]:
    """Run a batch of files through the pipeline; a document that breaks spaCy itself is
    retried alone and reported as an error, the others are kept."""
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


def batched(items: list[Job], size: int) -> Iterator[list[Job]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def plan_jobs(
    input_dir: Path, metadata: dict[str, dict[str, str]], reference_date: dt.date | None
) -> list[Job]:
    return [
        Job(
            doc_id_for(input_dir, path),
            path,
            metadata.get(doc_id_for(input_dir, path), {}),
            reference_date,
        )
        for path in discover(input_dir)
    ]


def check_arguments(input_dir: Path, out_dir: Path) -> None:
    if not input_dir.is_dir():
        raise UsageError(f"input folder {input_dir} does not exist or is not a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise UsageError(f"output folder {out_dir} is not writable: {exc.strerror or exc}") from exc


def run(
    input_dir: Path,
    out_dir: Path,
    metadata_path: Path | None = None,
    reference_date: str | dt.date | None = None,
    model: str | None = None,
    fmt: str = "csv",
    quiet: bool = False,
    nlp: Language | None = None,
) -> RunSummary:
    """Process every report below ``input_dir`` and write the five tables to ``out_dir``."""
    check_arguments(input_dir, out_dir)
    if isinstance(reference_date, str):
        try:
            reference_date = parse_iso(reference_date)
        except ValueError as exc:
            raise UsageError(
                f"--reference-date must be YYYY-MM-DD, not {reference_date!r}"
            ) from exc
    metadata, extra_columns = read_metadata(metadata_path) if metadata_path else ({}, [])
    jobs = plan_jobs(input_dir, metadata, reference_date)
    if nlp is None:
        nlp = load_nlp(model)
    summary = RunSummary()
    progress = tqdm(
        total=len(jobs), unit="doc", disable=quiet or None, file=sys.stderr, desc="reports"
    )
    with TableSink(out_dir, fmt, [*FRONT_MATTER_COLUMNS, *extra_columns]) as sink:
        for batch in batched(jobs, BATCH_SIZE):
            for result in process_batch(nlp, batch):
                write_result(sink, result)
                summary.add(result)
            progress.update(len(batch))
    progress.close()
    return summary


def write_result(sink: TableSink, result: DocumentResult) -> None:
    sink.write("documents", result.document)
    for table, rows in result.facts.items():
        for row in rows:
            sink.write(table, row)
