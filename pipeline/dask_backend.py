"""Dask backend: the same batches on a Dask cluster, for corpora too big for one machine.

Needs the optional extra: ``pip install '.[dask]'``. ``run --scheduler ADDRESS`` uses
a running cluster (``tcp://host:8786``); ``run --scheduler local`` starts a local cluster of
``--workers`` processes, one thread each, for the duration of the run.

Every worker process loads the spaCy pipeline once, on its first partition
(:func:`pipeline.parallel.worker_nlp`), and keeps it. Workers read the report files
themselves, so on a real cluster the input folder must be on storage every worker sees under
the same absolute path, and every worker needs this package and the same spaCy model. The
results travel back to the parent, which writes the tables in input order: the same bytes as
a single-process run.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from typing import Any

from distributed import Client, LocalCluster

from pipeline.batch import DocumentResult, Job
from pipeline.parallel import QUEUED_PER_WORKER, run_worker_batch

LOCAL = "local"
# Files per task: large enough that scheduling costs nothing next to spaCy, small enough that
# every worker gets many tasks.
PARTITION_SIZE = 64


@dataclass(slots=True)
class _Partition:
    future: Any  # distributed.Future
    jobs: list[Job]

    def result(self) -> list[DocumentResult]:
        results = self.future.result()
        # Workers were sent absolute paths; the tables show the paths as the user gave them.
        for job, result in zip(self.jobs, results, strict=True):
            result.document["path"] = str(job.path)
        return results


class DaskEngine:
    batch_size = PARTITION_SIZE

    def __init__(
        self,
        scheduler: str,
        workers: int,
        model: str | None,
        expected_label: str,
        doc_timeout: float | None = None,
    ) -> None:
        self.model = model
        # Dask runs tasks in threads, where the time limit (a signal) cannot be enforced.
        self.doc_timeout = doc_timeout
        self.expected_label = expected_label
        self.cluster: LocalCluster | None = None
        # The scheduler of a local cluster runs in this process and logs every worker's
        # coming and going at INFO: keep the run's own log readable.
        self._logger = logging.getLogger("distributed")
        self._log_level = self._logger.level
        if scheduler == LOCAL:
            self._logger.setLevel(max(self._log_level, logging.WARNING))
            self.cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            self.client = Client(self.cluster)
        else:
            self.client = Client(scheduler)
        threads = sum(self.client.nthreads().values()) or 1
        self.capacity = threads * (1 + QUEUED_PER_WORKER)

    def submit(self, jobs: list[Job]) -> _Partition:
        remote = [dataclasses.replace(job, path=job.path.absolute()) for job in jobs]
        future = self.client.submit(
            run_worker_batch,
            self.model,
            self.expected_label,
            remote,
            self.doc_timeout,
            pure=False,
        )
        return _Partition(future, jobs)

    def close(self, cancel: bool = False) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        self._logger.setLevel(self._log_level)
