"""A time limit on a piece of work in this process: ``with time_limit(seconds): ...``.

The limit counts the process's CPU time (an ``ITIMER_PROF`` timer and its ``SIGPROF``), not
the wall clock, so that a busy machine does not turn slow reports into errors and a run's
tables do not depend on the load. The signal interrupts pure-Python loops, which is where a
rule can be slow, and every spaCy component between two Python steps. Signals reach only the
main thread: elsewhere (a Dask worker's task thread) and on platforms without interval timers
the limit is not enforced, which :func:`enforceable` tells.

Python swallows an exception raised inside ``__del__`` or a garbage-collector callback (it only
reports it as "unraisable"). A limit that expires there would be lost and the work would run
on, so after the first expiry the timer keeps firing every :data:`REPEAT_SECONDS` until the
block is left.

The kernel looks at the timer only at its clock ticks (every 4 ms at 250 Hz), charging each tick
to the process then running. On a busy machine other processes' wake-ups cut the work into
slices between ticks, and a short block can run over its limit without the timer firing. So
the CPU time is read again when the block ends, and a block over its limit raises there: the
outcome is "over the limit or not", never the luck of the ticks. That reading is only as fine as
the process's CPU clock: Linux's counts nanoseconds, but a kernel that counts CPU time in whole
ticks (some sandboxes and emulators) can show 0 s for a block of a few milliseconds, and there
the limit holds to about a tick.

A signal may land as the timer is armed or while it is disarmed: the timer is armed inside the
block's ``try`` and the handler does nothing once the block is left, so the clean-up always runs
and no armed timer or handler outlives the block.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

REPEAT_SECONDS = 0.05


class TimeLimitExceeded(BaseException):
    """The work took longer than its limit.

    A ``BaseException``, so that an extractor's ``except Exception`` (which records a failure
    and goes on) cannot swallow it and run on past the limit."""

    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"timed out: analysis took longer than {seconds:g} s of CPU time (--doc-timeout)"
        )
        self.seconds = seconds


def enforceable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`TimeLimitExceeded` in the block once ``seconds`` have passed (no limit
    for ``None`` or 0, or where it cannot be enforced)."""
    if not seconds or seconds <= 0 or not enforceable():
        yield
        return

    running = [True]  # emptied as the block is left (a call, so no signal runs in between)

    def expire(signum, frame):
        if running:  # a signal during the clean-up must not skip it
            raise TimeLimitExceeded(seconds)

    previous = signal.signal(signal.SIGPROF, expire)
    try:  # armed inside: a signal as it is armed must not leave timer and handler behind
        started = time.process_time()
        signal.setitimer(signal.ITIMER_PROF, seconds, REPEAT_SECONDS)
        yield
        if time.process_time() - started > seconds:
            raise TimeLimitExceeded(seconds)
    finally:
        running.clear()
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


class CpuBudget:
    """One limit of ``seconds`` of CPU time shared by several blocks (a report's extractors,
    run one after the other with other reports' work in between): each block gets what the
    ones before it left, and one over it raises :class:`TimeLimitExceeded` for the whole
    budget."""

    __slots__ = ("seconds", "spent")

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.spent = 0.0

    @contextmanager
    def spend(self) -> Iterator[None]:
        if not self.seconds or self.seconds <= 0:
            yield
            return
        left = self.seconds - self.spent
        if left <= 0:
            raise TimeLimitExceeded(self.seconds)
        started = time.process_time()
        try:
            with time_limit(left):
                yield
        except TimeLimitExceeded:
            raise TimeLimitExceeded(self.seconds) from None
        finally:
            self.spent += time.process_time() - started
