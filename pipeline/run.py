"""Orchestration: read → nlp → extract → write for a folder of reports.

The unit of work is a batch of files: :func:`process_batch` turns it into finished table rows
(:class:`DocumentResult`), so the same function serves a single process, a process pool and a
cluster backend, and the tables come out identical whichever runs it: the parent writes every
result in input order (:func:`pipeline.parallel.results_in_order`).
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

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
from pipeline.cache import ResultCache, pipeline_fingerprint
from pipeline.nlp import load_nlp, model_label
from pipeline.parallel import BATCH_SIZE, Engine, PoolEngine, SerialEngine, results_in_order
from pipeline.read import discover, doc_id_for
from pipeline.refdate import parse_iso
from pipeline.tables import RESULT_TABLES
from pipeline.write import TableSink

__all__ = [
    "BATCH_SIZE",
    "DocumentResult",
    "Job",
    "RunSummary",
    "UsageError",
    "document_row",
    "mention_rows",
    "prepare_data",
    "process_batch",
    "run",
]

log = logging.getLogger("pipeline")


class UsageError(Exception):
    """Unusable arguments (exit code 2)."""


@dataclass(slots=True)
class RunSummary:
    documents: int = 0
    ok: int = 0
    empty: int = 0
    error: int = 0
    cached: int = 0  # documents whose rows came from the cache of the previous run
    facts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RESULT_TABLES, 0))

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
    workers: int = 1,
    scheduler: str | None = None,
    cache: bool = True,
) -> RunSummary:
    """Process every report below ``input_dir`` and write the six tables to ``out_dir``.

    ``workers`` > 1 runs the pipeline in that many processes; ``scheduler`` (a Dask scheduler
    address, or ``"local"`` for a local cluster of ``workers`` processes) on a Dask cluster.
    With ``cache`` (the default) documents unchanged since the last run into ``out_dir`` are
    not processed again (:mod:`pipeline.cache`). The tables are the same in every case.
    """
    check_arguments(input_dir, out_dir)
    if workers < 1:
        raise UsageError(f"--workers must be at least 1, not {workers}")
    if isinstance(reference_date, str):
        try:
            reference_date = parse_iso(reference_date)
        except ValueError as exc:
            raise UsageError(
                f"--reference-date must be YYYY-MM-DD, not {reference_date!r}"
            ) from exc
    metadata, extra_columns = read_metadata(metadata_path) if metadata_path else ({}, [])
    jobs = plan_jobs(input_dir, metadata, reference_date)
    # Loaded here even when workers do the work: it fails early on a missing model, names the
    # model the workers must match, and fingerprints the cache.
    if nlp is None:
        nlp = load_nlp(model)
    summary = RunSummary()
    engine = open_engine(nlp, model, workers, scheduler, len(jobs))
    progress = tqdm(
        total=len(jobs), unit="doc", disable=quiet or None, file=sys.stderr, desc="reports"
    )
    result_cache = None
    try:
        result_cache = ResultCache(out_dir, pipeline_fingerprint(nlp)) if cache else None
        with TableSink(out_dir, fmt, [*FRONT_MATTER_COLUMNS, *extra_columns]) as sink:
            for _, result in results_in_order(jobs, engine, result_cache):
                write_result(sink, result)
                summary.add(result)
                progress.update()
        if result_cache:
            result_cache.commit()
            summary.cached = result_cache.hits
    except BaseException:
        if result_cache:
            result_cache.abort()
        raise
    finally:
        progress.close()
        engine.close()
    if summary.cached:
        log.info(
            "%d of %d documents unchanged: rows reused from the cache",
            summary.cached,
            summary.documents,
        )
    return summary


def open_engine(
    nlp: Language, model: str | None, workers: int, scheduler: str | None, n_jobs: int
) -> Engine:
    """This process, a pool of ``workers`` processes, or a Dask cluster."""
    # Workers load the pipeline themselves: name it explicitly, as they may not share our
    # environment.
    worker_model = model or os.environ.get("PIPELINE_MODEL") or None
    if scheduler:
        try:
            from pipeline.dask_backend import DaskEngine
        except ImportError as exc:
            raise UsageError(
                f"--scheduler needs Dask: pip install 'pipeline[dask]' ({exc})"
            ) from exc
        return DaskEngine(scheduler, workers, worker_model, model_label(nlp))
    batches = -(-n_jobs // BATCH_SIZE)
    if workers > 1 and batches > 1:
        return PoolEngine(min(workers, batches), worker_model, model_label(nlp))
    return SerialEngine(nlp)


def write_result(sink: TableSink, result: DocumentResult) -> None:
    sink.write("documents", result.document)
    for table, rows in result.facts.items():
        for row in rows:
            sink.write(table, row)
