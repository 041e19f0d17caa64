"""The Dask backend on a local cluster started here: the same bytes as one process and as
--workers 2."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="Dask is an optional extra: pip install '.[dask]'")

from distributed import LocalCluster  # noqa: E402

from pipeline.bench import build_corpus  # noqa: E402
from pipeline.dask_backend import DaskEngine  # noqa: E402
from pipeline.parallel import PoolEngine  # noqa: E402
from pipeline.run import run  # noqa: E402
from pipeline.tables import TABLES  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# Partitions and worker batches of 8 instead of 64 and 32: the same two partitions and two
# batches (one per worker) from 15 reports instead of 71.
BATCH = 8
DOCS = BATCH + 7


def table_bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.csv").read_bytes() for name in TABLES}


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local


def test_dask_workers_and_single_process_write_identical_tables(
    cluster: LocalCluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blank_nlp
) -> None:
    # Relative input paths, as users type them: the workers get absolute ones, the tables not.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(DaskEngine, "batch_size", BATCH)
    monkeypatch.setattr(PoolEngine, "batch_size", BATCH)
    build_corpus(ROOT / "corpus", DOCS, Path("reports"))
    reports = Path("reports")
    outs = {name: Path(name) for name in ("single", "pool", "dask")}
    run(reports, outs["single"], nlp=blank_nlp, quiet=True, cache=False)
    run(reports, outs["pool"], model="blank", quiet=True, cache=False, workers=2)
    summary = run(
        reports,
        outs["dask"],
        model="blank",
        quiet=True,
        cache=False,
        scheduler=cluster.scheduler_address,
    )
    assert summary.documents == DOCS
    single = table_bytes(outs["single"])
    assert table_bytes(outs["pool"]) == single
    assert table_bytes(outs["dask"]) == single
    assert b"reports/part-0000/" in single["documents"]
