"""Incremental runs: unchanged reports come from OUT/.cache, the tables stay identical to a
fresh run, and anything that shapes the rows invalidates what it should."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.batch import DocumentResult, Job
from pipeline.bench import build_corpus
from pipeline.cache import decode_result, encode_result, entry_key, pipeline_fingerprint
from pipeline.nlp import load_nlp
from pipeline.run import run
from pipeline.tables import TABLES

ROOT = Path(__file__).resolve().parents[1]
DOCS = 40  # more than one batch, so that --workers 2 really starts workers


def table_bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.csv").read_bytes() for name in TABLES}


@pytest.fixture(scope="module")
def nlp(blank_nlp):
    return blank_nlp


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    folder = build_corpus(ROOT / "corpus", DOCS, tmp_path / "reports").folder
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")  # an error: never cached
    (folder / "blank.txt").write_text("  \n", encoding="utf-8")  # empty: cached
    return folder


def processed_ids(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the doc_id of every job that reaches the pipeline."""
    import pipeline.parallel

    seen: list[str] = []
    real = pipeline.parallel.process_batch

    def spy(nlp, jobs, *args):
        seen.extend(job.doc_id for job in jobs)
        return real(nlp, jobs, *args)

    monkeypatch.setattr(pipeline.parallel, "process_batch", spy)
    return seen


def test_rerun_processes_only_the_changed_file(
    reports: Path, tmp_path: Path, nlp, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    first = run(reports, out, quiet=True, nlp=nlp)
    assert first.cached == 0
    assert (out / ".cache" / "results.sqlite").is_file()
    before = table_bytes(out)

    seen = processed_ids(monkeypatch)
    again = run(reports, out, quiet=True, nlp=nlp)
    assert seen == ["broken"]  # failed documents are retried, all others reused
    assert again.cached == again.documents - 1
    assert table_bytes(out) == before

    changed = sorted(reports.rglob("*.txt"))[3]
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nAm 1. Mai 2024 kamen 250 Gäste.\n",
        encoding="utf-8",
    )
    seen.clear()
    third = run(reports, out, quiet=True, nlp=nlp)
    changed_id = changed.relative_to(reports).with_suffix("").as_posix()
    assert sorted(seen) == sorted(["broken", changed_id])
    assert third.cached == third.documents - 2

    fresh = tmp_path / "fresh"
    run(reports, fresh, quiet=True, nlp=nlp, cache=False)
    assert table_bytes(out) == table_bytes(fresh)
    assert not (fresh / ".cache").exists()


def test_cache_is_shared_by_workers_and_single_process(reports: Path, tmp_path: Path, nlp) -> None:
    out = tmp_path / "out"
    run(reports, out, model="blank", quiet=True, workers=2)
    before = table_bytes(out)
    again = run(reports, out, quiet=True, nlp=nlp)
    assert again.cached == again.documents - 1
    assert table_bytes(out) == before


def test_pipeline_change_invalidates_everything(reports: Path, tmp_path: Path, nlp) -> None:
    out = tmp_path / "out"
    run(reports, out, quiet=True, nlp=nlp)
    other = load_nlp("blank")
    other.remove_pipe("sentencizer")  # the same component with another setting
    other.add_pipe("sentencizer", first=True, config={"punct_chars": ["."]})
    assert pipeline_fingerprint(other) != pipeline_fingerprint(nlp)
    assert run(reports, out, quiet=True, nlp=other).cached == 0


def test_job_context_is_part_of_the_key() -> None:
    job = Job("a", Path("in/a.txt"))
    keys = {
        entry_key("0" * 64, job),
        entry_key("1" * 64, job),
        entry_key("0" * 64, Job("a", Path("in/a.txt"), {"reference_date": "2024-01-01"})),
        entry_key("0" * 64, Job("a", Path("in/a.txt"), {}, dt.date(2024, 1, 1))),
        entry_key("0" * 64, Job("a", Path("other/a.txt"))),
    }
    assert len(keys) == 5


def test_fingerprint_is_stable_across_interpreters() -> None:
    # Sets serialise in a per-interpreter order: the fingerprint must not depend on it.
    code = (
        "from pipeline.nlp import load_nlp; from pipeline.cache import pipeline_fingerprint; "
        "print(pipeline_fingerprint(load_nlp('blank')))"
    )
    prints = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(prints) == 1


def test_cached_rows_round_trip_exactly() -> None:
    result = DocumentResult(
        {"doc_id": "a", "reference_date": dt.date(2019, 10, 22), "error": None, "chars": 12},
        {"figures": [{"value": 12700.0, "unit": "Besucher", "relative": False, "x": 0.1}]},
    )
    back = decode_result(encode_result(result))
    assert back.document == result.document and back.facts == result.facts
    assert type(back.document["reference_date"]) is dt.date
    assert type(back.facts["figures"][0]["value"]) is float


def test_cached_rows_of_one_shape_round_trip_exactly() -> None:
    # Rows of one table with the same columns and the document's doc_id are stored compactly;
    # a table whose rows differ in their columns or doc_id is stored row by row.
    place = {"doc_id": "a", "start_char": 3, "end_char": 9, "name": "Musterstadt", "lat": 5.0}
    result = DocumentResult(
        {"doc_id": "a", "reference_date": None, "status": "ok"},
        {
            "places": [place, {**place, "start_char": 20, "end_char": 26, "lat": None}],
            "dates": [{"doc_id": "a", "value": dt.date(2024, 5, 1)}, {"doc_id": "b", "value": 1}],
            "figures": [{"doc_id": "a", "value": 2.5}, {"value": 3.0, "doc_id": "a"}],
            "events": [],
        },
    )
    payload = encode_result(result)
    assert payload.count(b"Musterstadt") == 2 and payload.count(b"start_char") == 1
    back = decode_result(payload)
    assert back.document == result.document
    assert back.facts == result.facts
    # the same columns in the same order, as the tables are written in the order of the rows
    assert [list(row) for row in back.facts["places"]] == [list(place)] * 2
    assert [list(row) for row in back.facts["figures"]] == [
        ["doc_id", "value"],
        ["value", "doc_id"],
    ]
    assert type(back.facts["dates"][0]["value"]) is dt.date


@pytest.mark.parametrize("payload", [b"", b"\xc1", b"\x92\x01\x02", b"not a payload"])
def test_a_damaged_payload_is_computed_again(
    reports: Path, tmp_path: Path, nlp, payload: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    run(reports, out, quiet=True, nlp=nlp)
    before = table_bytes(out)
    with sqlite3.connect(out / ".cache" / "results.sqlite") as db:
        db.execute("UPDATE results SET payload = ? WHERE rowid = 1", (payload,))
    db.close()
    seen = processed_ids(monkeypatch)
    again = run(reports, out, quiet=True, nlp=nlp)
    assert "broken" in seen and len(seen) > 1  # the damaged entry's document among them
    assert again.ok + again.empty + again.error == again.documents
    assert table_bytes(out) == before


def test_fingerprint_covers_the_lemma_table(nlp) -> None:
    other = load_nlp("blank")
    table = other.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    key = next(iter(table.keys()))
    before = pipeline_fingerprint(other)
    table[key] = table[key] + "x"
    assert pipeline_fingerprint(other) != before
    assert pipeline_fingerprint(load_nlp("blank")) == before == pipeline_fingerprint(nlp)


def test_interrupted_run_keeps_the_previous_cache(
    reports: Path, tmp_path: Path, nlp, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    run(reports, out, quiet=True, nlp=nlp)
    saved = tmp_path / "saved.sqlite"
    shutil.copy(out / ".cache" / "results.sqlite", saved)

    def boom(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("pipeline.run.write_result", boom)
    with pytest.raises(KeyboardInterrupt):
        run(reports, out, quiet=True, nlp=nlp)
    assert (out / ".cache" / "results.sqlite").read_bytes() == saved.read_bytes()
    assert [p.name for p in (out / ".cache").iterdir()] == ["results.sqlite"]


def test_a_value_the_cache_cannot_read_back_is_refused_not_packed() -> None:
    # srsly's own packer would pack a numpy number in a form that comes back as a dict
    numpy = pytest.importorskip("numpy")
    result = DocumentResult(
        {"doc_id": "a"}, {"figures": [{"doc_id": "a", "value": numpy.int64(7)}]}
    )
    with pytest.raises(TypeError):
        encode_result(result)
