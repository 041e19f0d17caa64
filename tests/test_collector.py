"""A batch runs at the garbage collector's batch pace, and the caller's pace comes back."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest
from spacy.language import Language

from pipeline.batch import Job, process_batch
from pipeline.collector import YOUNG_THRESHOLD, paced_collector


@pytest.fixture
def default_pace():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_pace_holds_inside_and_is_restored_after(default_pace) -> None:
    with paced_collector():
        assert gc.get_threshold() == (YOUNG_THRESHOLD, 10, 10)
        with paced_collector():  # nested: still the batch pace
            assert gc.get_threshold()[0] == YOUNG_THRESHOLD
        assert gc.get_threshold()[0] == YOUNG_THRESHOLD
    assert gc.get_threshold() == (700, 10, 10)


def test_pace_is_restored_when_the_batch_fails(default_pace) -> None:
    with pytest.raises(RuntimeError), paced_collector():
        raise RuntimeError("broken report")
    assert gc.get_threshold() == (700, 10, 10)


def test_a_slower_pace_of_the_caller_is_kept() -> None:
    before = gc.get_threshold()
    gc.set_threshold(50_000, 10, 10)
    try:
        with paced_collector():
            assert gc.get_threshold()[0] == 50_000
    finally:
        gc.set_threshold(*before)


def test_threads_restore_the_pace_only_when_the_last_batch_ends(default_pace) -> None:
    first_in, second_done = threading.Event(), threading.Event()
    seen: list[int] = []

    def long_batch() -> None:
        with paced_collector():
            first_in.set()
            second_done.wait(10)
            seen.append(gc.get_threshold()[0])

    worker = threading.Thread(target=long_batch)
    worker.start()
    first_in.wait(10)
    with paced_collector():
        pass
    second_done.set()
    worker.join(10)
    assert seen == [YOUNG_THRESHOLD]  # the short batch did not put the default back early
    assert gc.get_threshold() == (700, 10, 10)


def test_process_batch_analyses_at_the_batch_pace(
    tmp_path: Path, default_pace, blank_nlp: Language
) -> None:
    seen: list[int] = []

    @Language.component("record_gc_pace")
    def record(doc):
        seen.append(gc.get_threshold()[0])
        return doc

    nlp = blank_nlp
    nlp.add_pipe("record_gc_pace")
    try:
        path = tmp_path / "fest.txt"
        path.write_text("Das Stadtfest in Kleinau begann am 3. Mai 2024.", encoding="utf-8")
        (result,) = process_batch(nlp, [Job("fest", path)])
    finally:
        nlp.remove_pipe("record_gc_pace")
    assert result.document["status"] == "ok"
    assert seen == [YOUNG_THRESHOLD]
    assert gc.get_threshold() == (700, 10, 10)


def test_collection_switched_off_by_the_caller_stays_off() -> None:
    before = gc.get_threshold()
    gc.set_threshold(0, 10, 10)
    try:
        with paced_collector():
            assert gc.get_threshold()[0] == 0
        assert gc.get_threshold()[0] == 0
    finally:
        gc.set_threshold(*before)
