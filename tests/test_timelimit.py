"""The CPU-time limit of ``--doc-timeout`` (pipeline/timelimit.py)."""

from __future__ import annotations

import signal
import time

import pytest

from pipeline.timelimit import CpuBudget, TimeLimitExceeded, enforceable, time_limit

pytestmark = pytest.mark.skipif(not enforceable(), reason="no interval timers on this platform")


def burn_cpu(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


class SlowToCollect:
    """An object whose finaliser is busy: a limit that expires in it is swallowed by Python."""

    def __del__(self) -> None:
        burn_cpu(0.3)


def test_the_limit_stops_busy_work() -> None:
    start = time.process_time()
    with pytest.raises(TimeLimitExceeded, match="--doc-timeout"), time_limit(0.1):
        burn_cpu(3.0)
    assert time.process_time() - start < 1.0


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_limit_that_expires_inside_a_finaliser_still_ends_the_work() -> None:
    start = time.process_time()
    with pytest.raises(TimeLimitExceeded), time_limit(0.05):
        SlowToCollect()  # collected at once; the limit expires in its __del__
        burn_cpu(3.0)
    assert time.process_time() - start < 1.5


def test_no_limit_after_the_block() -> None:
    with time_limit(0.05):
        pass
    burn_cpu(0.2)  # would raise if the timer were still armed


def test_a_block_over_its_limit_fails_even_when_the_timer_never_fired(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The kernel checks the timer only at its clock ticks; on a busy machine a short block can
    # run between them and end over its limit unnoticed. A timer that never fires stands in.
    monkeypatch.setattr(signal, "setitimer", lambda *args: (0.0, 0.0))
    with pytest.raises(TimeLimitExceeded, match="--doc-timeout"), time_limit(0.01):
        burn_cpu(0.03)


def test_a_signal_as_the_timer_is_armed_leaves_no_handler_behind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = signal.getsignal(signal.SIGPROF)

    def fires_when_armed(which: int, seconds: float, interval: float = 0.0) -> tuple:
        if seconds:  # the handler runs before the arming call has returned
            signal.getsignal(signal.SIGPROF)(signal.SIGPROF, None)
        return (0.0, 0.0)

    monkeypatch.setattr(signal, "setitimer", fires_when_armed)
    with pytest.raises(TimeLimitExceeded), time_limit(0.05):
        pass
    assert signal.getsignal(signal.SIGPROF) is before


def test_a_signal_while_the_timer_is_disarmed_leaves_no_handler_behind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = signal.getsignal(signal.SIGPROF)
    setitimer = signal.setitimer

    def fires_when_disarmed(which: int, seconds: float, interval: float = 0.0) -> tuple:
        if not seconds:  # the limit expires just as the block is left
            signal.getsignal(signal.SIGPROF)(signal.SIGPROF, None)
        return setitimer(which, seconds, interval)

    monkeypatch.setattr(signal, "setitimer", fires_when_disarmed)
    with time_limit(5.0):
        pass
    assert signal.getsignal(signal.SIGPROF) is before
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_blocks_of_one_budget_share_its_seconds() -> None:
    budget = CpuBudget(0.3)
    with budget.spend():
        burn_cpu(0.2)
    start = time.process_time()
    # the second block has only what the first left: about 0.1 s, not 0.3
    with pytest.raises(TimeLimitExceeded, match=r"0\.3 s of CPU time"), budget.spend():
        burn_cpu(3.0)
    assert time.process_time() - start < 0.25
    with pytest.raises(TimeLimitExceeded), budget.spend():  # spent: refused at once
        pass


def test_a_budget_without_seconds_limits_nothing() -> None:
    budget = CpuBudget(None)
    with budget.spend():
        burn_cpu(0.05)
    assert budget.spent == 0.0
