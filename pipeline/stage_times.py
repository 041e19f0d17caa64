"""Where a run's CPU time goes: each pipeline component and the work around it.

:func:`stage_times` takes the reports of a folder (``corpus/`` by default), each ``repeat``
times, and measures the CPU time (``time.process_time``) of every stage of a run separately,
on the same texts and the way a run calls it: reading and decoding the files and finding
their reference dates (``read``), the tokenizer, every pipeline component (the statistical ones
through their ``pipe`` in batches, as ``nlp.pipe`` calls them; the extractors document by
document, as :func:`pipeline.batch.process_batch` calls them), turning the facts into table
rows (``rows``) and writing the CSV tables (``write``). Model loading and each component's
first use (loading its word lists) are left out.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from pipeline.batch import DocumentResult, Job, PreparedReport, merged_result, prepare_report
from pipeline.collector import paced_collector
from pipeline.nlp import EXTRACTORS
from pipeline.parallel import BATCH_SIZE, first_use
from pipeline.read import discover_all
from pipeline.write import TableSink


@dataclass(frozen=True, slots=True)
class StageTime:
    stage: str
    cpu_seconds: float


class _Clock:
    def __init__(self) -> None:
        self.times: dict[str, float] = {}

    def measure(self, stage: str, work: Callable[[], object]) -> object:
        start = time.process_time()
        value = work()
        self.times[stage] = self.times.get(stage, 0.0) + time.process_time() - start
        return value


def stage_times(nlp: Language, folder: Path, repeat: int = 1) -> tuple[list[StageTime], int]:
    """CPU seconds per stage over the reports of ``folder`` taken ``repeat`` times, in run
    order, and the number of reports measured (reports of several pieces are left out). The
    reports go through in batches, as in a run, so memory stays that of a run."""
    from pipeline.run import write_result  # pipeline.run imports the engines, which import us

    first_use(nlp)
    jobs = [Job(f.doc_id, f.path) for f in discover_all(folder) if f.error is None] * repeat
    clock = _Clock()
    measured = 0
    with tempfile.TemporaryDirectory(prefix="pipeline-stages-") as tmp:
        sink = clock.measure("write", lambda: TableSink(Path(tmp)))
        for start in range(0, len(jobs), BATCH_SIZE):
            results = _batch_results(nlp, jobs[start : start + BATCH_SIZE], clock)
            measured += len(results)
            clock.measure("write", lambda r=results: [write_result(sink, x) for x in r])
        clock.measure("write", sink.commit)
    order = ["read", "tokenizer", *nlp.pipe_names, "rows", "write"]
    return [
        StageTime(stage, clock.times[stage]) for stage in order if stage in clock.times
    ], measured


@paced_collector()  # as process_batch runs, so that the stages cost what they cost in a run
def _batch_results(nlp: Language, jobs: list[Job], clock: _Clock) -> list[DocumentResult]:
    prepared: list[tuple[Job, PreparedReport]] = []
    for job in jobs:
        found = clock.measure("read", lambda job=job: prepare_report(nlp, job))
        if isinstance(found, PreparedReport) and len(found.bounds) == 1:
            prepared.append((job, found))
    docs = [
        clock.measure("tokenizer", lambda j=j, p=p: p.piece(nlp, j, 0, tables_only=True))
        for j, p in prepared
    ]
    rules = [(name, c) for name, c in nlp.pipeline if name in EXTRACTORS]
    for name, component in nlp.pipeline:
        if name in EXTRACTORS:
            continue
        if hasattr(component, "pipe"):
            docs = clock.measure(
                name, lambda c=component, d=docs: list(c.pipe(d, batch_size=BATCH_SIZE))
            )
        else:
            docs = [clock.measure(name, lambda c=component, d=d: c(d)) for d in docs]
    # the extractors report by report, each in turn, as a run calls them (what one leaves for
    # the next, such as the date grammar's word runs for the figures, is then at hand)
    for k, doc in enumerate(docs):
        for name, component in rules:
            doc = clock.measure(name, lambda c=component, d=doc: c(d))
        docs[k] = doc
    return [
        clock.measure("rows", lambda j=j, p=p, d=d: merged_result(nlp, j, [d], p.source))
        for (j, p), d in zip(prepared, docs, strict=True)
    ]


def format_stage_times(times: list[StageTime], reports: int, words: int | None = None) -> str:
    total = sum(t.cpu_seconds for t in times) or 1.0
    lines = [f"{'stage':22}{'CPU s':>9}{'share':>8}"]
    for t in times:
        lines.append(f"{t.stage:22}{t.cpu_seconds:>9.2f}{t.cpu_seconds / total:>8.1%}")
    lines.append(f"{'total':22}{total:>9.2f}{1:>8.1%}")
    lines.append(f"{reports:,} reports" + (f", {words:,} words" if words else ""))
    return "\n".join(lines)
