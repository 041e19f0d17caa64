"""No pathological input: 1 MB of digits, dots, month names and clock-time/number-like junk
costs each stage about ten times what 100 KB costs (near-linear), not a hundred times.

Times are compared with each other, never with an absolute limit; the blank pipeline keeps the
statistical components (linear by construction) out, so the rule-based stages are measured.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.batch import Job, _result, prepare_data
from pipeline.nlp import load_nlp

SMALL_CHARS = 100_000
LARGE_CHARS = 990_000  # "1 MB", just under spaCy's default max_length of 1,000,000
# Linear growth is 9.9x; quadratic would be ~98x. Small stages are floored so that timer
# noise on a millisecond cannot fail the test.
MAX_GROWTH = 30
FLOOR_SECONDS = 0.02
JUNK = [
    "1.2.3.4.5",
    "1.2.3.4.5 Uhr",
    "12 700",
    "800,5",
    "12.700.000",
    "3.",
    "31.12.",
    "24.10.2019",
    "2019",
    "10:30",
    "Uhr",
    "März",
    "Oktober",
    "Mai",
    "Jan.",
    "1.",
    ".",
    "..",
    "12",
    "5,5.5,5",
    "0,",
    "bis",
    "–",
]


def junk_text(chars: int, seed: int = 8) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < chars:
        piece = rng.choice(JUNK) + rng.choice([" ", " ", " ", "", "\n", ". "])
        parts.append(piece)
        size += len(piece)
    return "".join(parts)[:chars]


def stage_times(nlp, text: str, report: Callable[[str, float], None] | None = None):
    """Seconds per stage for one document: read (decode, normalise, reference date,
    tokenizer), every pipeline component, the table rows; ``report`` hears each as it ends."""
    times: dict[str, float] = {}

    def timed(name: str, call: Callable, *args):
        start = time.perf_counter()
        value = call(*args)
        times[name] = time.perf_counter() - start
        if report:
            report(name, times[name])
        return value

    job = Job("junk", Path("junk.txt"))
    doc, source, done = timed("read+tokenizer", prepare_data, nlp, job, text.encode("utf-8"))
    assert done is None, done
    for name, component in nlp.pipeline:
        doc = timed(name, component, doc)
    assert not doc._.extract_errors, doc._.extract_errors
    timed("rows", _result, nlp, job, doc, source)
    return times


def _print_stage(name: str, seconds: float) -> None:
    print(name, seconds, flush=True)


# The 1 MB document runs in a child process with a time budget, so a quadratic stage fails
# the test in minutes instead of running for an hour; its output names the finished stages.
CHILD = f"""
import sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
from test_pathological import LARGE_CHARS, SMALL_CHARS, _print_stage, junk_text, stage_times
from pipeline.nlp import load_nlp
nlp = load_nlp("blank")
stage_times(nlp, junk_text(SMALL_CHARS))
print("start", 0, flush=True)
stage_times(nlp, junk_text(LARGE_CHARS), _print_stage)
"""
CHILD_START_SECONDS = 120  # interpreter, spaCy and the extractors' tables on a busy machine


@pytest.mark.slow
def test_one_megabyte_of_junk_costs_near_linear_time() -> None:
    nlp = load_nlp("blank")
    small = junk_text(SMALL_CHARS)
    stage_times(nlp, small)  # warm caches and lazy tables
    runs = [stage_times(nlp, small) for _ in range(3)]
    budget = {name: MAX_GROWTH * max(min(r[name] for r in runs), FLOOR_SECONDS) for name in runs[0]}
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD],
            capture_output=True,
            text=True,
            timeout=CHILD_START_SECONDS + sum(budget.values()),
        )
        output, finished = done.stdout, True
        assert done.returncode == 0, done.stderr[-2000:]
    except subprocess.TimeoutExpired as exc:  # its output comes as bytes, whatever text= says
        partial = exc.stdout or b""
        output = partial.decode() if isinstance(partial, bytes) else partial
        finished = False
    large = {
        name: float(seconds)
        for name, seconds in (line.split() for line in output.splitlines() if line.strip())
    }
    assert "start" in large, f"the child did not even start within {CHILD_START_SECONDS}s"
    slow = {
        name: f"{budget[name] / MAX_GROWTH:.3f}s for 100 KB, {large[name]:.3f}s for 1 MB"
        for name in budget
        if name in large and large[name] > budget[name]
    }
    if not finished:
        running = next(name for name in budget if name not in large)
        slow[running] = (
            f"still running after {sum(budget.values()):.0f}s (budget {budget[running]:.1f}s)"
        )
    assert not slow, f"super-linear stages: {slow}"
