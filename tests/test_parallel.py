"""The process pool: same tables as one process, results in input order, workers checked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.batch import Job
from pipeline.bench import build_corpus
from pipeline.nlp import model_label
from pipeline.parallel import (
    BATCH_SIZE,
    PoolEngine,
    SerialEngine,
    results_in_order,
    run_worker_batch,
)
from pipeline.run import run
from pipeline.tables import TABLES

ROOT = Path(__file__).resolve().parents[1]
# Enough reports for several batches, so that both workers get some.
DOCS = 3 * BATCH_SIZE + 5


def table_bytes(out: Path, fmt: str = "csv") -> dict[str, bytes]:
    return {name: (out / f"{name}.{fmt}").read_bytes() for name in TABLES}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus(ROOT / "corpus", DOCS, tmp_path_factory.mktemp("reports")).folder


@pytest.fixture(scope="module")
def single(reports: Path, tmp_path_factory: pytest.TempPathFactory, blank_nlp) -> Path:
    out = tmp_path_factory.mktemp("single")
    run(reports, out, nlp=blank_nlp, quiet=True, cache=False)
    return out


def test_two_workers_write_identical_tables(reports: Path, single: Path, tmp_path: Path) -> None:
    summary = run(reports, tmp_path, model="blank", quiet=True, cache=False, workers=2)
    assert summary.documents == DOCS
    assert table_bytes(tmp_path) == table_bytes(single)


def test_results_come_in_input_order(reports: Path, blank_nlp) -> None:
    paths = sorted(reports.rglob("*.txt"))[:5]
    jobs = [Job(p.stem, p) for p in reversed(paths)]
    order = [job.doc_id for job, _ in results_in_order(jobs, SerialEngine(blank_nlp))]
    assert order == [job.doc_id for job in jobs]


def test_worker_refuses_a_different_model(reports: Path) -> None:
    job = Job("x", next(reports.rglob("*.txt")))
    with pytest.raises(RuntimeError, match="same model"):
        run_worker_batch("blank", "some other model", [job])


def test_workers_must_be_positive(reports: Path, tmp_path: Path) -> None:
    from pipeline.run import UsageError

    with pytest.raises(UsageError, match="--workers"):
        run(reports, tmp_path, model="blank", quiet=True, workers=0)


# Run in a fresh interpreter: other tests leave threads behind (Dask's), and a process
# running other threads spawns its workers instead of forking them.
FORKED_RUN = """
import sys
from pathlib import Path
import pipeline.parallel
from pipeline.nlp import load_nlp
from pipeline.run import run

nlp = load_nlp("blank")
def no_loading(*args, **kwargs):
    raise AssertionError("a forked worker loaded a pipeline")
# Forked workers inherit this patch: a worker that loaded a pipeline would fail its batches.
pipeline.parallel.load_nlp = no_loading
summary = run(Path(sys.argv[1]), Path(sys.argv[2]), nlp=nlp, quiet=True, workers=2, cache=False)
print(summary.documents, summary.error)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork only on Linux")
def test_forked_workers_run_the_parents_pipeline_without_loading_one(
    reports: Path, single: Path, tmp_path: Path
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", FORKED_RUN, str(reports), str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert done.stdout.split() == [str(DOCS), "0"], done.stderr
    assert table_bytes(tmp_path) == table_bytes(single)


FORKED_RESTART = """
import os, signal, sys
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from pipeline.nlp import load_nlp, model_label
from pipeline.parallel import PoolEngine, results_in_order
from pipeline.run import plan_jobs

nlp = load_nlp("blank")
jobs = plan_jobs(Path(sys.argv[1]), {}, None)
engine = PoolEngine(2, "blank", model_label(nlp), nlp=nlp)
handle = engine.submit(jobs[:32])
for process in list(engine.executor._processes.values()):
    os.kill(process.pid, signal.SIGKILL)
try:
    handle.result()
except BrokenProcessPool:
    pass
statuses = {result.document["status"] for _, result in results_in_order(jobs, engine)}
print(engine.start_method, *sorted(statuses))
engine.close()
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork only on Linux")
def test_workers_forked_again_after_one_was_killed_lose_no_document(reports: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", FORKED_RESTART, str(reports)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    # the old pool's threads have ended before the new workers fork
    assert done.stdout.split() == ["fork", "ok"], done.stderr


def test_workers_are_spawned_without_the_parents_pipeline(blank_nlp) -> None:
    engine = PoolEngine(2, "blank", model_label(blank_nlp))
    try:
        assert engine.start_method == "spawn"
    finally:
        engine.close()
