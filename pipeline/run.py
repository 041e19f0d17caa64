"""Orchestration: read → nlp → extract → write for a folder of reports.

The unit of work is a batch of files: :func:`process_batch` turns it into finished table rows
(:class:`DocumentResult`), so the same function serves a single process, a process pool and a
cluster backend, and the tables come out identical whichever runs it: the parent writes every
result in input order (:func:`pipeline.parallel.results_in_order`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock, Timeout
from spacy.language import Language
from tqdm import tqdm

from pipeline.batch import (
    FRONT_MATTER_COLUMNS,
    DocumentResult,
    Job,
    document_row,
    mention_rows,
    prepare_data,
    process_batch,
)
from pipeline.cache import CACHE_DIR, ResultCache, pipeline_fingerprint
from pipeline.collector import paced_collector
from pipeline.manifest import invalidate
from pipeline.nlp import load_nlp, model_label
from pipeline.outfiles import remove_stale_temps
from pipeline.parallel import BATCH_SIZE, Engine, PoolEngine, SerialEngine, results_in_order
from pipeline.read import discover_all
from pipeline.refdate import parse_user_date
from pipeline.tables import RESULT_TABLES, TABLES
from pipeline.write import TableSink

__all__ = [
    "BATCH_SIZE",
    "DocumentResult",
    "Job",
    "RunSummary",
    "Terminated",
    "UsageError",
    "document_row",
    "mention_rows",
    "prepare_data",
    "process_batch",
    "run",
]

log = logging.getLogger("pipeline")


class UsageError(Exception):
    """Unusable arguments, or an output folder another run holds (exit code 2)."""


class Terminated(BaseException):
    """The run got SIGTERM; raised like KeyboardInterrupt so that clean-up runs."""


# Generous: a report of 100,000 characters takes a few seconds.
DEFAULT_DOC_TIMEOUT = 120.0
LOCK_FILE = ".run.lock"
LOCK_WAIT = 5.0  # seconds a second run into the same folder waits for the first
METADATA_COLUMNS = ("doc_id", "reference_date", *FRONT_MATTER_COLUMNS)
EXTRA_FIELDS = "\0extra"  # where csv.DictReader puts fields beyond the header


@dataclass(slots=True)
class RunSummary:
    documents: int = 0
    ok: int = 0
    empty: int = 0
    error: int = 0
    cached: int = 0  # documents whose rows came from the cache of the previous run
    undated: int = 0  # documents without a reference date: their relative dates have no value
    guessed: int = 0  # documents whose reference date is a date read in their text
    facts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RESULT_TABLES, 0))

    def add(self, result: DocumentResult) -> None:
        self.documents += 1
        status = result.document["status"]
        setattr(self, status, getattr(self, status) + 1)
        source = result.document.get("reference_date_source")
        if source == "none":
            self.undated += 1
        elif source == "text":
            self.guessed += 1
        for table, rows in result.facts.items():
            self.facts[table] += len(rows)

    def warn_undated(self) -> None:
        if self.guessed:
            log.info(
                "%d of %d documents have a reference date guessed from a date in their text "
                "(no front matter date, metadata row, dateline or --reference-date; their "
                "documents.reference_date_source is 'text')",
                self.guessed,
                self.documents,
            )
        if self.undated:
            log.warning(
                "%d of %d documents have no reference date (no front matter date, metadata "
                "row, dateline, --reference-date or full date of an occasion in the text): "
                "their relative dates are listed without a value (their "
                "documents.reference_date_source is 'none')",
                self.undated,
                self.documents,
            )

    @property
    def exit_code(self) -> int:
        return 0 if self.ok == self.documents else 1


def read_metadata(path: Path) -> tuple[dict[str, dict[str, str]], list[str]]:
    """Rows of the metadata CSV by doc_id, and its extra column names.

    Odd files give a warning and are read as far as they make sense (not UTF-8: read as
    cp1252; a row with more fields than the header: extra fields dropped; a doc_id twice: its
    first row used; a reference date that is not YYYY-MM-DD: ignored; a column named like a
    documents column: ignored). A file that is not CSV at all is a usage error."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read metadata file {path}: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        log.warning("metadata file %s is not UTF-8: read as cp1252 (Windows Western)", path)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), restkey=EXTRA_FIELDS)
        fields = [f for f in reader.fieldnames or [] if f is not None]
        if "doc_id" not in fields:
            raise UsageError(f"metadata file {path} has no 'doc_id' column")
        ignored = [c for c in fields if c in TABLES["documents"] and c not in METADATA_COLUMNS]
        if ignored:
            log.warning(
                "metadata file %s: column(s) %s have the name of a documents column: ignored",
                path,
                ", ".join(ignored),
            )
        rows: dict[str, dict[str, str]] = {}
        for row in reader:
            _add_metadata_row(path, reader.line_num, row, ignored, rows)
    except csv.Error as exc:
        raise UsageError(f"metadata file {path} is not a readable CSV: {exc}") from exc
    extra = [
        c for c in fields if c not in ("doc_id", "reference_date", *FRONT_MATTER_COLUMNS, *ignored)
    ]
    return rows, extra


def _add_metadata_row(
    path: Path, line: int, row: dict, ignored: list[str], rows: dict[str, dict[str, str]]
) -> None:
    if row.pop(EXTRA_FIELDS, None):
        log.warning(
            "metadata file %s line %d: more fields than columns; extra ones dropped", path, line
        )
    doc_id = (row.get("doc_id") or "").strip()
    if not doc_id:
        log.warning("metadata file %s line %d: no doc_id; row ignored", path, line)
        return
    if doc_id in rows:
        log.warning("metadata file %s line %d: doc_id %r again; first row kept", path, line, doc_id)
        return
    clean = {k: (v or "") for k, v in row.items() if k not in ignored}
    clean["doc_id"] = doc_id
    date = clean.get("reference_date", "").strip()
    if date:
        try:
            parse_user_date(date)
        except ValueError as exc:
            log.warning("metadata file %s line %d: reference_date ignored: %s", path, line, exc)
            clean["reference_date"] = ""
    rows[doc_id] = clean


def plan_jobs(
    input_dir: Path, metadata: dict[str, dict[str, str]], reference_date: dt.date | None
) -> list[Job]:
    found = discover_all(input_dir)
    unknown = sorted(set(metadata) - {f.doc_id for f in found})
    if unknown:
        log.warning(
            "metadata names %d doc_id(s) with no report file: %s%s",
            len(unknown),
            ", ".join(unknown[:5]),
            ", ..." if len(unknown) > 5 else "",
        )
    return [
        Job(f.doc_id, f.path, metadata.get(f.doc_id, {}), reference_date, f.error) for f in found
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


@contextmanager
def output_lock(out_dir: Path, wait: float) -> Iterator[None]:
    """Hold the output folder's lock; a second run waits ``wait`` seconds, then refuses."""
    lock = FileLock(out_dir / LOCK_FILE)
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        raise UsageError(
            f"another run is writing to {out_dir} (it holds {out_dir / LOCK_FILE}); "
            "wait for it to finish or choose another --out"
        ) from None
    try:
        yield
    finally:
        lock.release()


@contextmanager
def terminate_as_exception() -> Iterator[None]:
    """SIGTERM raises :class:`Terminated` here, so that clean-up runs as for Ctrl-C."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum, frame):
        raise Terminated("terminated (SIGTERM)")

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run(
    input_dir: Path,
    out_dir: Path,
    metadata_path: Path | None = None,
    reference_date: str | dt.date | None = None,
    model: str | None = None,
    fmt: str = "csv",
    quiet: bool = False,
    nlp: Language | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    cache: bool = True,
    doc_timeout: float | None = DEFAULT_DOC_TIMEOUT,
    csv_safe: bool = False,
    lock_wait: float = LOCK_WAIT,
) -> RunSummary:
    """Process every report below ``input_dir`` and write the six tables to ``out_dir``.

    ``workers`` > 1 runs the pipeline in that many processes; ``scheduler`` (a Dask scheduler
    address, or ``"local"`` for a local cluster of ``workers`` processes) on a Dask cluster.
    With ``cache`` (the default) documents unchanged since the last run into ``out_dir`` are
    not processed again (:mod:`pipeline.cache`). The tables are the same in every case.
    A report whose analysis takes longer than ``doc_timeout`` seconds (per piece of
    100,000 characters; 0 or None: no limit) becomes an ``error`` row.

    The run holds a lock on ``out_dir`` and removes the previous run's manifest before
    anything else, so if it fails (any exception) no tables there look current; the new
    manifest is written last.
    """
    check_arguments(input_dir, out_dir)
    with output_lock(out_dir, lock_wait), terminate_as_exception():
        invalidate(out_dir)
        for folder in (out_dir, out_dir / CACHE_DIR):
            remove_stale_temps(folder)
        options = _checked_options(workers, reference_date, doc_timeout)
        metadata, extra_columns = read_metadata(metadata_path) if metadata_path else ({}, [])
        jobs = plan_jobs(input_dir, metadata, options["reference_date"])
        # Loaded here even when workers do the work: it fails early on a missing model,
        # names the model the workers must match, and fingerprints the cache.
        if nlp is None:
            nlp = load_nlp(model)
        run_info = {
            "input": str(input_dir),
            "metadata": str(metadata_path) if metadata_path else None,
            "model": model_label(nlp),
            "options": {
                **options,
                "format": fmt,
                "workers": workers,
                "scheduler": scheduler,
                "cache": cache,
                "csv_safe": csv_safe,
            },
        }
        try:
            sink = TableSink(
                out_dir, fmt, [*FRONT_MATTER_COLUMNS, *extra_columns], run_info, csv_safe
            )
            return _process(
                jobs, nlp, model, sink, out_dir, quiet, workers, scheduler, cache, doc_timeout
            )
        except BaseException:
            # Whatever failed, and wherever a signal struck: under the lock every temporary
            # file in the folder is this run's (tables, cache, spooled rows).
            for folder in (out_dir, out_dir / CACHE_DIR):
                remove_stale_temps(folder)
            invalidate(out_dir)  # even if the signal came after the manifest was written
            raise


def _checked_options(
    workers: int, reference_date: str | dt.date | None, doc_timeout: float | None
) -> dict[str, object]:
    if workers < 1:
        raise UsageError(f"--workers must be at least 1, not {workers}")
    if doc_timeout is not None and doc_timeout < 0:
        raise UsageError(f"--doc-timeout must be 0 (no limit) or more, not {doc_timeout}")
    if isinstance(reference_date, str):
        try:
            reference_date = parse_user_date(reference_date)
        except ValueError as exc:
            raise UsageError(f"--reference-date: {exc}") from exc
    return {"reference_date": reference_date, "doc_timeout": doc_timeout or 0}


class Progress(tqdm):
    """The run's progress bar, without tqdm's monitor thread: workers are forked from this
    process only while it runs no other thread (:func:`pipeline.parallel.can_fork`)."""

    monitor_interval = 0


@paced_collector()  # writing and caching the rows allocate as much as analysing them
def _process(
    jobs: list[Job],
    nlp: Language,
    model: str | None,
    sink: TableSink,
    out_dir: Path,
    quiet: bool,
    workers: int,
    scheduler: str | None,
    cache: bool,
    doc_timeout: float | None,
) -> RunSummary:
    summary = RunSummary()
    result_cache = None
    engine = None
    progress = Progress(
        total=len(jobs), unit="doc", disable=quiet or None, file=sys.stderr, desc="reports"
    )
    try:
        engine = open_engine(nlp, model, workers, scheduler, len(jobs), doc_timeout, out_dir)
        result_cache = ResultCache(out_dir, pipeline_fingerprint(nlp)) if cache else None
        for _, result in results_in_order(jobs, engine, result_cache):
            write_result(sink, result)
            summary.add(result)
            progress.update()
        if result_cache:
            result_cache.commit()
            summary.cached = result_cache.hits
        sink.run_info["documents"] = {
            "total": summary.documents,
            "ok": summary.ok,
            "empty": summary.empty,
            "error": summary.error,
        }
        sink.commit()
    except BaseException:
        sink.abort()
        if result_cache:
            result_cache.abort()
        if engine is not None:
            engine.close(cancel=True)
            engine = None
        raise
    finally:
        progress.close()
        if engine is not None:
            engine.close()
    summary.warn_undated()
    if summary.cached:
        log.info(
            "%d of %d documents unchanged: rows reused from the cache",
            summary.cached,
            summary.documents,
        )
    return summary


def open_engine(
    nlp: Language,
    model: str | None,
    workers: int,
    scheduler: str | None,
    n_jobs: int,
    doc_timeout: float | None = None,
    spool_dir: Path | None = None,
) -> Engine:
    """This process, a pool of ``workers`` processes, or a Dask cluster."""
    # Workers that do not inherit our pipeline load it themselves: name it explicitly, as
    # they may not share our environment (a Dask cluster).
    worker_model = model or os.environ.get("PIPELINE_MODEL") or None
    if scheduler:
        try:
            from pipeline.dask_backend import DaskEngine
        except ImportError as exc:
            raise UsageError(f"--scheduler needs Dask: pip install '.[dask]' ({exc})") from exc
        return DaskEngine(scheduler, workers, worker_model, model_label(nlp), doc_timeout)
    batches = -(-n_jobs // BATCH_SIZE)
    if workers > 1 and batches > 1:
        return PoolEngine(
            min(workers, batches), worker_model, model_label(nlp), doc_timeout, spool_dir, nlp
        )
    return SerialEngine(nlp, doc_timeout, spool_dir)


def write_result(sink: TableSink, result: DocumentResult) -> None:
    sink.write("documents", result.document)
    for table, rows in result.facts.items():
        sink.write_all(table, rows)
    result.release()
