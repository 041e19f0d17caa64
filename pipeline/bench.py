"""Benchmark: how fast and how big a full run is next to the spaCy pipeline alone.

:func:`bench` builds a corpus of N reports by cycling over the example reports in ``corpus/``
and measures, each in a fresh process, the base pipeline (``load_nlp(extract=False)`` over
``nlp.pipe`` on the already-decoded texts) and the full :func:`pipeline.run.run` (read,
extract, write, cache) on the same files, optionally also with worker processes. Model loading
and the components' first use (:func:`pipeline.parallel.first_use`: word lists and patterns load
on the first call) are left out of the timings; spawned worker processes start, and load their
model, inside them.
:func:`profile` splits a run's CPU time by pipeline component and stage instead.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.read import discover, parse_source
from pipeline.stage_times import StageTime, format_stage_times, stage_times

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "corpus"
# Runs of one or two digits are days, months, hours and minutes as often as counts: shifted, they
# would make impossible dates and times ("2031-20-22", "45. April", "27:61 Uhr") that no real
# report carries. Only the longer runs (years, larger figures) are shifted.
SHIFTED_DIGITS = re.compile(rb"\d{3,}")
FILES_PER_FOLDER = 1000


@dataclass(frozen=True, slots=True)
class Corpus:
    folder: Path
    docs: int
    words: int
    examples: int


@dataclass(frozen=True, slots=True)
class Measurement:
    label: str
    model: str
    seconds: float  # wall clock, model loading excluded
    cpu_seconds: float  # user CPU of the process and its finished children
    peak_rss_mb: float  # largest resident set of the process or any one child

    def words_per_second(self, words: int) -> float:
        return words / self.seconds if self.seconds else float("inf")


def build_corpus(examples_dir: Path, docs: int, folder: Path) -> Corpus:
    """``docs`` reports in ``folder``: report i is example i mod k with every number of three
    or more digits (years, larger figures) shifted by its cycle i div k, so all reports differ
    (new strings for spaCy's vocabulary, new hashes for the cache) while keeping the examples'
    sizes, layout, encodings and calendar dates valid (the same day and month in another
    year)."""
    examples = discover(examples_dir)
    if not examples:
        raise ValueError(f"no example reports (*.txt, *.md) in {examples_dir}")
    sources = [(path, path.read_bytes()) for path in examples]
    words = 0
    for i in range(docs):
        path, data = sources[i % len(sources)]
        cycle = i // len(sources)
        if cycle:
            data = SHIFTED_DIGITS.sub(lambda m, c=cycle: _shift(m.group(0), c), data)
        target = folder / f"part-{i // FILES_PER_FOLDER:04d}" / f"{i:07d}-{path.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        words += len(parse_source(data).text.split())
    return Corpus(folder, docs, words, len(sources))


def _shift(digits: bytes, by: int) -> bytes:
    width = len(digits)
    return str((int(digits) + by) % 10**width).zfill(width).encode()


def bench(
    docs: int = 1000,
    workers: int = 1,
    repeat: int = 1,
    model: str | None = None,
    examples_dir: Path = EXAMPLES_DIR,
    echo: Callable[[str], None] = print,
) -> dict[str, Measurement]:
    """Measure base and full runs (and a run with ``workers`` processes when > 1); each is
    repeated ``repeat`` times, interleaved, and its fastest repetition kept."""
    with tempfile.TemporaryDirectory(prefix="pipeline-bench-") as tmp:
        corpus = build_corpus(examples_dir, docs, Path(tmp) / "reports")
        echo(
            f"corpus: {corpus.docs:,} reports, {corpus.words:,} words "
            f"(cycled from {corpus.examples} examples in {examples_dir})"
        )
        modes = ["base", "full"] + (["workers"] if workers > 1 else [])
        best: dict[str, Measurement] = {}
        for round_ in range(repeat):
            for mode in modes:
                out = Path(tmp) / f"out-{mode}-{round_}"
                found = _measure_in_child(mode, corpus.folder, out, model, workers)
                kept = best.get(mode)
                if kept is None or found.seconds < kept.seconds:
                    best[mode] = Measurement(
                        found.label,
                        found.model,
                        found.seconds,
                        found.cpu_seconds,
                        max(found.peak_rss_mb, kept.peak_rss_mb if kept else 0),
                    )
        echo(format_report(best, corpus, workers))
        return best


def profile(
    docs: int = 1000,
    model: str | None = None,
    examples_dir: Path = EXAMPLES_DIR,
    echo: Callable[[str], None] = print,
) -> list[StageTime]:
    """CPU time per pipeline component and per stage of a run around them (read, tokenizer,
    rows, write) over a corpus built as for :func:`bench`, measured in this process
    (:func:`pipeline.stage_times.stage_times`)."""
    from pipeline.nlp import load_nlp, model_label

    with tempfile.TemporaryDirectory(prefix="pipeline-profile-") as tmp:
        corpus = build_corpus(examples_dir, docs, Path(tmp) / "reports")
        echo(
            f"corpus: {corpus.docs:,} reports, {corpus.words:,} words "
            f"(cycled from {corpus.examples} examples in {examples_dir})"
        )
        nlp = load_nlp(model)
        log = logging.getLogger("pipeline")
        level = log.level
        log.setLevel(logging.ERROR)  # reports without a reference date are expected here
        try:
            times, measured = stage_times(nlp, corpus.folder)
        finally:
            log.setLevel(level)
        echo(f"model: {model_label(nlp)}")
        echo(format_stage_times(times, measured, corpus.words))
        return times


def format_report(results: dict[str, Measurement], corpus: Corpus, workers: int) -> str:
    lines = [
        f"model: {results['base'].model}",
        f"{'':28}{'words/s':>10}{'wall s':>9}{'user CPU s':>12}{'peak RSS MB':>13}",
    ]
    for m in results.values():
        lines.append(
            f"{m.label:28}{m.words_per_second(corpus.words):>10,.0f}{m.seconds:>9.1f}"
            f"{m.cpu_seconds:>12.1f}{m.peak_rss_mb:>13.0f}"
        )
    base, full = results["base"], results["full"]
    # CPU time too: on a shared machine the wall clock measures the neighbours as well.
    lines.append(
        f"full run / base pipeline speed: {base.seconds / full.seconds:.2f} "
        f"(by CPU time: {base.cpu_seconds / full.cpu_seconds:.2f})"
    )
    if "workers" in results:
        pool = results["workers"]
        lines.append(
            f"speed-up with {workers} workers: {full.seconds / pool.seconds:.2f}x "
            f"(CPU time {pool.cpu_seconds / full.cpu_seconds:.2f}x that of one process)"
        )
    return "\n".join(lines)


def _measure_in_child(
    mode: str, folder: Path, out: Path, model: str | None, workers: int
) -> Measurement:
    command = [sys.executable, "-m", "pipeline.bench", mode, str(folder), str(out)]
    command += [model or "", str(workers)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"bench {mode} failed:\n{done.stderr[-2000:]}")
    return Measurement(**json.loads(done.stdout.strip().splitlines()[-1]))


def _child(mode: str, folder: Path, out: Path, model: str | None, workers: int) -> Measurement:
    """One measurement, in this (fresh) process."""
    from pipeline.nlp import load_nlp, model_label
    from pipeline.parallel import BATCH_SIZE, first_use
    from pipeline.run import run

    nlp = load_nlp(model, extract=mode != "base")
    # Loading is not timed, and the components' word lists and patterns load on first use:
    # both pipelines analyse the warm-up text first, as --profile does, so that neither
    # measurement carries a one-off cost that a long run pays once.
    first_use(nlp)
    if mode == "base":
        texts = [parse_source(path.read_bytes()).text for path in discover(folder)]
        start, cpu = time.perf_counter(), _cpu()
        for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):  # batches as a run makes them
            pass
        label = "base pipeline (nlp.pipe)"
    else:
        start, cpu = time.perf_counter(), _cpu()
        run(
            folder,
            out,
            model=model,
            quiet=True,
            nlp=nlp,
            workers=workers if mode == "workers" else 1,
        )
        label = "full run" if mode == "full" else f"full run, {workers} workers"
    seconds, cpu_seconds = time.perf_counter() - start, _cpu() - cpu
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return Measurement(label, model_label(nlp), seconds, cpu_seconds, max(own, children) / 1024)


def _cpu() -> float:
    return (
        resource.getrusage(resource.RUSAGE_SELF).ru_utime
        + resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    )


if __name__ == "__main__":
    _mode, _folder, _out, _model, _workers = sys.argv[1:6]
    _found = _child(_mode, Path(_folder), Path(_out), _model or None, int(_workers))
    print(json.dumps(dataclasses.asdict(_found)))
