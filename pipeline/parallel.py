"""Backends that run :func:`~pipeline.batch.process_batch`, and the ordered stream of results.

An engine takes batches of jobs and hands back a handle per batch (``handle.result()`` is the
batch's results). :func:`results_in_order` feeds an engine while keeping a bounded number of
batches in flight, merges in documents the cache already holds, and yields every result in
input order, so the parent writes the same tables whichever engine computed them and memory
does not grow with the corpus.

Engines here: :class:`SerialEngine` (this process) and :class:`PoolEngine` (worker processes,
each loading the pipeline once). :mod:`pipeline.dask_backend` adds a Dask cluster.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from spacy.language import Language

from pipeline.batch import DocumentResult, Job, document_row, process_batch
from pipeline.cache import ResultCache
from pipeline.nlp import load_nlp, model_label

log = logging.getLogger("pipeline")

BATCH_SIZE = 32
WARM_UP_TEXT = (
    "Am 2. Mai 2020 kamen rund 4.500 Besucherinnen und Besucher in die Stadthalle von Berlin; "
    "der Verein Beispielburg e.V. zählte 120 Aussteller auf 3.000 Quadratmetern."
)
# Batches each worker may have queued beyond the one it runs, so it never waits for the parent.
QUEUED_PER_WORKER = 2
# Batches kept waiting behind an unfinished one before the parent blocks on it.
MAX_WAITING_BATCHES = 256


class Handle(Protocol):
    def result(self) -> list[DocumentResult]: ...


class Engine(Protocol):
    batch_size: int
    capacity: int  # batches in flight at most

    def submit(self, jobs: list[Job]) -> Handle: ...

    def close(self, cancel: bool = False) -> None:
        """Release the workers; ``cancel``: the run failed, stop without finishing work."""


@dataclass(frozen=True, slots=True)
class Done:
    value: list[DocumentResult]

    def result(self) -> list[DocumentResult]:
        return self.value


class SerialEngine:
    """Everything in this process, one batch at a time."""

    batch_size = BATCH_SIZE
    capacity = 1

    def __init__(
        self, nlp: Language, doc_timeout: float | None = None, spool_dir: Path | None = None
    ) -> None:
        self.nlp = nlp
        self.doc_timeout = doc_timeout
        self.spool_dir = spool_dir
        if doc_timeout:
            first_use(nlp)

    def submit(self, jobs: list[Job]) -> Done:
        return Done(process_batch(self.nlp, jobs, self.doc_timeout, self.spool_dir))

    def close(self, cancel: bool = False) -> None:
        pass


class PoolEngine:
    """A pool of worker processes, each with its own spaCy pipeline, running batches.

    Given the parent's loaded pipeline (``nlp``) on Linux, and while the parent runs no other
    thread, workers are forked from the parent and start with its pipeline in memory: loading
    one again costs each worker about 3 s before its first batch, which on 2,000 reports and
    two workers was a seventh of the run. Otherwise workers are spawned and load the pipeline
    themselves: a fresh interpreter is safe whatever threads the parent runs, and fork is not
    safe on macOS and absent on Windows. When a worker dies (killed, out of memory) the pool
    is replaced and the documents of every batch it broke are run again, one by one
    (:meth:`retry`); a document that kills a worker again becomes an error row.
    """

    batch_size = BATCH_SIZE

    def __init__(
        self,
        workers: int,
        model: str | None,
        expected_label: str,
        doc_timeout: float | None = None,
        spool_dir: Path | None = None,
        nlp: Language | None = None,
    ) -> None:
        self.workers = workers
        self.model = model
        self.expected_label = expected_label
        self.doc_timeout = doc_timeout
        # Workers run on this machine: the parent reads the rows they spool.
        self.spool_dir = spool_dir.absolute() if spool_dir else None
        self.capacity = workers * (1 + QUEUED_PER_WORKER)
        self.start_method = "spawn"  # or "fork": decided at each start (_start)
        self.parent_nlp = nlp if nlp is not None and can_fork() else None
        if self.parent_nlp is not None:
            # Loaded once, frozen here: the forked workers share these pages instead of
            # each touching (and so copying) them in their own first use.
            first_use(self.parent_nlp)
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # Asked at every start: a pool replaced after a worker died may find threads of the
        # old pool still running, and then spawns.
        if self.parent_nlp is not None and can_fork():
            self.start_method = "fork"  # a forked worker's arguments are inherited, not pickled
            initializer, initargs = adopt_pipeline, (self.model, self.parent_nlp)
        else:
            self.start_method = "spawn"
            initializer, initargs = warm_up, (self.model,)
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context(self.start_method),
            initializer=initializer,
            initargs=initargs,
        )

    def submit(self, jobs: list[Job]) -> Handle:
        try:
            return self._submit(jobs)
        except BrokenProcessPool:
            self._restart()
            return self._submit(jobs)

    def _submit(self, jobs: list[Job]) -> Handle:
        return self.executor.submit(
            run_worker_batch,
            self.model,
            self.expected_label,
            jobs,
            self.doc_timeout,
            self.spool_dir,
        )

    def _restart(self) -> None:
        log.warning("a worker process died: starting new workers")
        # wait: a broken pool's threads end at once, and new workers fork only without them
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start()

    def retry(self, jobs: list[Job]) -> list[DocumentResult]:
        """The documents of a batch a dying worker took with it, each run alone once more."""
        results = []
        for job in jobs:
            try:
                results += self.submit([job]).result()
            except BrokenProcessPool:
                reason = "worker process died twice on this document (killed, out of memory?)"
                results.append(DocumentResult(document_row(job, "error", reason), {}))
        return results

    def close(self, cancel: bool = False) -> None:
        if cancel:  # a failed run: stop the workers now rather than let them finish batches
            for process in list(getattr(self.executor, "_processes", {}).values()):
                with contextlib.suppress(Exception):
                    process.terminate()
        self.executor.shutdown(wait=True, cancel_futures=True)


# Worker side: one pipeline per process and model, shared by the batches it runs.
_pipelines: dict[str | None, Language] = {}
_load_lock = threading.Lock()
_run_lock = threading.Lock()  # a spaCy pipeline is not safe to run from two threads at once


def worker_nlp(model: str | None) -> Language:
    with _load_lock:
        if model not in _pipelines:
            _pipelines[model] = load_nlp(model)
        return _pipelines[model]


def can_fork() -> bool:
    """Whether workers may be forked from this process: on Linux only, and only while no
    other thread runs here, since a fork copies locks another thread may be holding."""
    return (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    )


def adopt_pipeline(model: str | None, nlp: Language) -> None:
    """A forked worker runs its batches with the pipeline it inherited from the parent."""
    # The parent may have been running inside a handler that turns SIGTERM into an
    # exception; a worker told to stop must stop, as a spawned one does.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    with _load_lock:
        _pipelines[model] = nlp


def warm_up(model: str | None) -> None:
    """Load the pipeline while the parent plans; a failure shows again in the first batch."""
    with contextlib.suppress(Exception):
        first_use(worker_nlp(model))


def first_use(nlp: Language) -> None:
    """Analyse a short text outside any time limit: components load their data on first use,
    which must neither count against the first report's limit nor be cut short by it.

    The model, vocabulary and word lists loaded by now live as long as the process: frozen,
    the garbage collector stops walking them again in every full collection (about 1% of a
    long run's CPU time). Once per process only: a frozen object is never collected, so a
    process that runs again and again would keep the garbage pending at every later call.
    (:func:`pipeline.nlp.load_nlp` has already told the allocator to keep freed memory for the
    next batch: :mod:`pipeline.allocator`.)"""
    nlp(WARM_UP_TEXT)
    global _frozen
    if not _frozen:
        gc.freeze()
        _frozen = True


_frozen = False  # whether first_use has frozen the objects loaded so far


def run_worker_batch(
    model: str | None,
    expected_label: str,
    jobs: list[Job],
    doc_timeout: float | None = None,
    spool_dir: Path | None = None,
) -> list[DocumentResult]:
    nlp = worker_nlp(model)
    if model_label(nlp) != expected_label:
        raise RuntimeError(
            f"worker loaded the spaCy pipeline '{model_label(nlp)}', the run uses "
            f"'{expected_label}': install the same model on every worker or pass --model"
        )
    with _run_lock:
        return process_batch(nlp, jobs, doc_timeout, spool_dir)


@dataclass(slots=True)
class _Unit:
    jobs: list[Job]
    cached: list[str | None]  # cache key per job; None: to be processed
    handle: Handle | None  # None when every job is cached


def results_in_order(
    jobs: list[Job], engine: Engine, cache: ResultCache | None = None
) -> Iterator[tuple[Job, DocumentResult]]:
    """Every job's result, in input order: cached ones from ``cache``, the others computed by
    ``engine`` (and stored in ``cache``), with at most ``engine.capacity`` batches in flight."""
    window: deque[_Unit] = deque()
    in_flight = 0
    for start in range(0, len(jobs), engine.batch_size):
        batch = jobs[start : start + engine.batch_size]
        cached = [cache.lookup(job) for job in batch] if cache else [None] * len(batch)
        todo = [job for job, key in zip(batch, cached, strict=True) if key is None]
        window.append(_Unit(batch, cached, engine.submit(todo) if todo else None))
        in_flight += bool(todo)
        while window and (
            window[0].handle is None
            or in_flight >= engine.capacity
            or len(window) > engine.capacity + MAX_WAITING_BATCHES
        ):
            unit = window.popleft()
            in_flight -= unit.handle is not None
            yield from _merge(unit, engine, cache)
    while window:
        yield from _merge(window.popleft(), engine, cache)


def _merge(
    unit: _Unit, engine: Engine, cache: ResultCache | None
) -> Iterator[tuple[Job, DocumentResult]]:
    todo = [job for job, key in zip(unit.jobs, unit.cached, strict=True) if key is None]
    computed = iter(_computed(unit, engine, todo))
    for job, key in zip(unit.jobs, unit.cached, strict=True):
        result = next(computed) if key is None else cache.load(key)
        if result is None:  # the cache could not give back what it promised: compute it
            result = engine.submit([job]).result()[0]
        elif key is None and cache:
            cache.store(job, result)
        yield job, result


def _computed(unit: _Unit, engine: Engine, todo: list[Job]) -> list[DocumentResult]:
    if unit.handle is None:
        return []
    try:
        return unit.handle.result()
    except BrokenProcessPool:
        retry = getattr(engine, "retry", None)
        if retry is None:
            raise
        return retry(todo)
