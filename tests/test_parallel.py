"""The process pool: same tables as one process, results in input order, workers checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.batch import Job
from pipeline.bench import build_corpus
from pipeline.parallel import BATCH_SIZE, SerialEngine, results_in_order, run_worker_batch
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
