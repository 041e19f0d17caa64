"""Reliability of a run: time limits, bounded memory, truthful exit codes and manifest, the
output lock, clean-up on every exit path, every input file accounted for, spreadsheet-safe
CSV and file modes. Small inputs and the blank pipeline throughout; times are never compared
with a wall clock, only bounded so that a broken limit cannot hang the suite."""

from __future__ import annotations

import csv
import errno
import json
import logging
import os
import signal
import subprocess
import sys
import time
import weakref
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from filelock import FileLock
from spacy.language import Language
from typer.testing import CliRunner

import pipeline
import pipeline.batch
from pipeline.cli import app
from pipeline.manifest import MANIFEST
from pipeline.nlp import load_nlp, model_label
from pipeline.parallel import PoolEngine, results_in_order
from pipeline.read import discover_all
from pipeline.read_tables import RunNotFound, load_tables
from pipeline.run import LOCK_FILE, UsageError, plan_jobs, run
from pipeline.write import spreadsheet_safe

REPORT = "Am 3. Mai 2022 kamen rund 4.500 Besucher in die Stadthalle. Es gab 120 Stände.\n"
SLOW_MARKER = "Zeitlupenbericht"
TABLE_NAMES = ("documents", "dates", "places", "organisations", "figures")


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_texts(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def temp_files(out: Path) -> list[str]:
    return sorted(p.name for p in [*out.glob(".*.tmp"), *out.glob(".cache/.*.tmp")])


@Language.component("test_stall_on_marker")
def stall_on_marker(doc):
    """Loops (in Python, as a slow rule would) on a marked text; bounded so that a broken
    time limit fails the test instead of hanging it."""
    if SLOW_MARKER in doc.text:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            pass
    return doc


@pytest.fixture(scope="module")
def stalling_nlp() -> Language:
    nlp = load_nlp("blank")
    nlp.add_pipe("test_stall_on_marker", before="german_dates")
    return nlp


# --- 1. per-document time limit -------------------------------------------------------------


def test_a_document_over_the_time_limit_is_an_error_row_and_the_run_goes_on(
    tmp_path: Path, stalling_nlp: Language
) -> None:
    texts = {"a.txt": REPORT, "b.txt": f"{SLOW_MARKER}. {REPORT}", "c.txt": REPORT.upper()}
    folder = write_texts(tmp_path / "in", texts)
    started = time.monotonic()
    summary = run(folder, tmp_path / "out", nlp=stalling_nlp, quiet=True, doc_timeout=0.5)
    assert time.monotonic() - started < 50, "the stalled document was not interrupted"
    assert (summary.ok, summary.error) == (2, 1)
    documents = {d["doc_id"]: d for d in read_csv(tmp_path / "out" / "documents.csv")}
    assert documents["b"]["status"] == "error"
    assert "timed out" in documents["b"]["error"] and "--doc-timeout" in documents["b"]["error"]
    # The documents after the interrupted one come out as in a run without it.
    (folder / "b.txt").unlink()
    run(folder, tmp_path / "ref", nlp=stalling_nlp, quiet=True, cache=False)
    for table in TABLE_NAMES[1:]:
        got = read_csv(tmp_path / "out" / f"{table}.csv")
        assert got == read_csv(tmp_path / "ref" / f"{table}.csv"), table


def test_a_reports_extractors_share_its_time_limit(
    tmp_path: Path, blank_nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each extractor runs over the whole batch before the next one, yet a report's limit
    counts all its extractors: two that take 0.2 s each overrun a limit of 0.3 s."""

    def slow(extract):
        def on_marker(self, doc):
            if SLOW_MARKER in doc.text:
                end = time.process_time() + 0.2
                while time.process_time() < end:
                    pass
            return extract(self, doc)

        return on_marker

    for name in ("german_dates", "german_figures"):
        component = type(blank_nlp.get_pipe(name))
        monkeypatch.setattr(component, "extract", slow(component.extract))
    texts = {"a.txt": REPORT, "b.txt": f"{SLOW_MARKER}. {REPORT}", "c.txt": REPORT.upper()}
    folder = write_texts(tmp_path / "in", texts)
    summary = run(folder, tmp_path / "out", nlp=blank_nlp, quiet=True, doc_timeout=0.3)
    assert (summary.ok, summary.error) == (2, 1)
    documents = {d["doc_id"]: d for d in read_csv(tmp_path / "out" / "documents.csv")}
    assert "timed out" in documents["b"]["error"] and "0.3 s" in documents["b"]["error"]
    assert {d["doc_id"] for d in read_csv(tmp_path / "out" / "figures.csv")} == {"a", "c"}


# Run in a fresh interpreter: its workers are forked with this pipeline and its slow extractor.
# (Other tests leave threads behind, and a process running other threads spawns its workers,
# which load a pipeline of their own.)
SLOW_IN_WORKERS = """
import sys, time
from pathlib import Path
import pipeline.parallel
from pipeline.nlp import load_nlp
from pipeline.run import run

folder, out, marker = sys.argv[1:]
nlp = load_nlp("blank")
figures = type(nlp.get_pipe("german_figures"))
extract = figures.extract

def stall_on_marker(self, doc):
    # busy in Python until the limit stops it; bounded, so that a broken limit fails the test
    if marker in doc.text:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            pass
        print("a slow document was not interrupted", file=sys.stderr, flush=True)
    return extract(self, doc)

def no_loading(*args, **kwargs):
    raise AssertionError("a worker loaded a pipeline of its own, without the slow extractor")

figures.extract = stall_on_marker
pipeline.parallel.load_nlp = no_loading
summary = run(Path(folder), Path(out), nlp=nlp, quiet=True, workers=2, doc_timeout=0.2, cache=False)
print(summary.documents, summary.ok, summary.error, summary.exit_code)
"""


def test_time_limit_in_worker_processes(tmp_path: Path) -> None:
    # Two batches for two workers, two documents in each that run on until the limit stops
    # them: each is stopped in its worker, and every other document comes out whole. Only a
    # document far over its limit is over it on every machine: one that takes a few
    # milliseconds reads 0 s of CPU time where the kernel counts it in whole ticks, and so can
    # meet a limit "no document can meet" (a microsecond; 1 of 40 did once on a loaded CI
    # machine).
    slow = {"r03", "r17", "r34", "r38"}
    texts = {
        f"r{i:02d}.txt": (f"{SLOW_MARKER}. " if f"r{i:02d}" in slow else "") + REPORT
        for i in range(40)
    }
    folder = write_texts(tmp_path / "in", texts)
    done = subprocess.run(
        [sys.executable, "-c", SLOW_IN_WORKERS, str(folder), str(tmp_path / "out"), SLOW_MARKER],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    assert "not interrupted" not in done.stderr
    # documents, ok, error, exit code
    assert done.stdout.split() == ["40", "36", "4", "1"], done.stderr
    documents = {d["doc_id"]: d for d in read_csv(tmp_path / "out" / "documents.csv")}
    assert {doc_id for doc_id, d in documents.items() if d["status"] == "error"} == slow
    assert all("timed out" in documents[doc_id]["error"] for doc_id in slow)


# --- 2. memory bounded per document ---------------------------------------------------------


def test_a_long_report_goes_through_spacy_one_piece_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paragraph = REPORT + "\n"
    monkeypatch.setattr(pipeline.batch, "CHUNK_CHARS", 4 * len(paragraph) + 3)
    monkeypatch.setattr(pipeline.batch, "SPOOL_ROWS", 7)  # rows go through spool files
    folder = write_texts(tmp_path / "in", {"lang.txt": paragraph * 60})
    alive: weakref.WeakSet = weakref.WeakSet()
    most = 0

    @Language.component("test_count_live_docs")
    def count_live_docs(doc):
        nonlocal most
        alive.add(doc)
        most = max(most, len(alive))
        return doc

    nlp = load_nlp("blank")
    nlp.add_pipe("test_count_live_docs", first=True)
    run(folder, tmp_path / "out", nlp=nlp, quiet=True, cache=False)
    assert most <= 2, f"{most} pieces of one report alive at once"
    figures = read_csv(tmp_path / "out" / "figures.csv")
    text = (folder / "lang.txt").read_text(encoding="utf-8")
    assert len(figures) == 2 * 60
    assert all(text[int(f["start_char"]) : int(f["end_char"])] == f["text"] for f in figures)
    # Two sentences per paragraph, counted over the whole file.
    assert [int(f["sentence"]) for f in figures[-2:]] == [118, 119]
    assert temp_files(tmp_path / "out") == [], "spool files are deleted once written"


# The statistical model's memory grows with the text it holds at once; with pieces of 20,000
# characters (a fifth of the real size, to keep the test short) a report ten pieces long must
# need hardly more than one of a single piece. Holding all pieces at once (as before) doubled
# the peak here.
MEASURE = """
import resource, sys
from pathlib import Path
import pipeline
import pipeline.batch
from pipeline.run import run
pipeline.batch.CHUNK_CHARS = 20_000
folder = Path(sys.argv[1])
run(folder, folder.parent / (folder.name + "-out"), model="own", quiet=True, cache=False)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_memory_of_run(folder: Path) -> int:
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(folder)], capture_output=True, text=True, check=True
    )
    return int(result.stdout.split()[-1])


def test_peak_memory_hardly_grows_with_the_length_of_a_report(tmp_path: Path) -> None:
    paragraph = REPORT + "Die Veranstalter aus Kassel zählten Gäste aus zwölf Ländern.\n\n"
    peaks = {}
    for name, size in {"one piece": 20_000, "ten pieces": 200_000}.items():
        folder = write_texts(tmp_path / name, {"lang.txt": paragraph * (size // len(paragraph))})
        peaks[name] = peak_memory_of_run(folder)
    assert peaks["ten pieces"] / peaks["one piece"] < 1.2, peaks


# --- 3. exit codes, manifest, lock, clean-up, killed workers -------------------------------


def invoke(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_exit_codes_tell_ok_some_failed_and_run_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blank_nlp: Language
) -> None:
    folder = write_texts(tmp_path / "in", {"a.txt": REPORT})
    out = tmp_path / "out"
    assert run(folder, out, nlp=blank_nlp, quiet=True).exit_code == 0
    (folder / "leer.txt").write_text("  \n", encoding="utf-8")
    assert run(folder, out, nlp=blank_nlp, quiet=True).exit_code == 1
    assert len(load_tables(out)["documents"]) == 2  # tables complete with exit 1

    def disk_full(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("pipeline.run.write_result", disk_full)
    result = invoke("run", folder, "--out", out, "--model", "blank", "-q")
    assert result.exit_code == 2
    assert "run failed: No space left on device" in result.output
    assert "Traceback" not in result.output
    assert not (out / MANIFEST).exists()
    assert temp_files(out) == []
    with pytest.raises(RunNotFound, match="incomplete run"):
        load_tables(out)  # the earlier run's tables are still there, but not current
    query = invoke("query", "SELECT count(*) FROM documents", "--out", out)
    assert query.exit_code == 2 and "incomplete run" in query.output


def test_manifest_names_the_run_and_its_tables(tmp_path: Path, blank_nlp: Language) -> None:
    folder = write_texts(tmp_path / "in", {"a.txt": REPORT, "b.txt": REPORT})
    out = tmp_path / "out"
    run(folder, out, nlp=blank_nlp, quiet=True, doc_timeout=30)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert len(manifest["run_id"]) == 32 and manifest["format"] == "csv"
    assert manifest["input"] == str(folder) and manifest["options"]["doc_timeout"] == 30
    assert manifest["documents"] == {"total": 2, "ok": 2, "empty": 0, "error": 0}
    # The installed distribution's version, the same that --version prints.
    assert manifest["pipeline_version"] == pipeline.version() != "0+unknown"
    tables = load_tables(out)
    for name, entry in manifest["tables"].items():
        assert entry["rows"] == len(tables[name]), name
        assert entry["bytes"] == (out / entry["file"]).stat().st_size
    # The manifest is written after the tables.
    newest_table = max((out / e["file"]).stat().st_mtime_ns for e in manifest["tables"].values())
    assert (out / MANIFEST).stat().st_mtime_ns >= newest_table


def test_tables_of_two_runs_are_refused(tmp_path: Path, blank_nlp: Language) -> None:
    one = write_texts(tmp_path / "one", {"a.txt": REPORT})
    two = write_texts(tmp_path / "two", {"a.txt": REPORT, "b.txt": REPORT})
    run(one, tmp_path / "out1", nlp=blank_nlp, quiet=True)
    run(two, tmp_path / "out2", nlp=blank_nlp, quiet=True)
    (tmp_path / "out1" / "documents.csv").write_bytes(
        (tmp_path / "out2" / "documents.csv").read_bytes()
    )
    with pytest.raises(RunNotFound, match="inconsistent run.*documents.csv"):
        load_tables(tmp_path / "out1")
    (tmp_path / "out2" / MANIFEST).write_text("{not json", encoding="utf-8")
    with pytest.raises(RunNotFound, match="damaged"):
        load_tables(tmp_path / "out2")


def test_a_second_run_into_a_locked_folder_is_refused(tmp_path: Path, blank_nlp: Language) -> None:
    folder = write_texts(tmp_path / "in", {"a.txt": REPORT})
    out = tmp_path / "out"
    run(folder, out, nlp=blank_nlp, quiet=True)
    with FileLock(out / LOCK_FILE), pytest.raises(UsageError, match="another run is writing"):
        run(folder, out, nlp=blank_nlp, quiet=True, lock_wait=0.2)
    assert len(load_tables(out)["documents"]) == 1  # the refused run changed nothing


def test_sigterm_cleans_up_and_exits_2(tmp_path: Path) -> None:
    folder = write_texts(tmp_path / "in", {f"r{i:03d}.txt": REPORT * 20 for i in range(400)})
    out = tmp_path / "out"
    out.mkdir()
    (out / ".dates.killed9.tmp").write_text("left by a run killed with -9")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pipeline",
            "run",
            str(folder),
            "--out",
            str(out),
            "--model",
            "blank",
            "-q",
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not list(out.glob(".documents.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the run ended before it could be terminated"
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 2, stderr
    assert "terminated" in stderr
    assert temp_files(out) == [], "temporary files (and the stale one) must be gone"
    assert not (out / MANIFEST).exists()


def test_a_killed_worker_loses_no_documents(tmp_path: Path, blank_nlp: Language) -> None:
    folder = write_texts(tmp_path / "in", {f"r{i:02d}.txt": REPORT for i in range(40)})
    jobs = plan_jobs(folder, {}, None)
    engine = PoolEngine(2, "blank", model_label(blank_nlp))
    try:
        handle = engine.submit(jobs[:32])
        for process in list(engine.executor._processes.values()):
            os.kill(process.pid, signal.SIGKILL)
        with pytest.raises(BrokenProcessPool):
            handle.result()

        class Broken:  # the first batch, as a killed worker leaves it
            def result(self):
                raise BrokenProcessPool("killed")

        submit = engine.submit
        first = [True]

        def submit_once_broken(batch):
            if first[0]:
                first[0] = False
                return Broken()
            return submit(batch)

        engine.submit = submit_once_broken
        results = [r for _, r in results_in_order(jobs, engine)]
    finally:
        engine.close()
    assert [r.document["doc_id"] for r in results] == [j.doc_id for j in jobs]
    assert {r.document["status"] for r in results} == {"ok"}


def test_a_document_that_kills_its_worker_twice_is_an_error_row(
    tmp_path: Path, blank_nlp: Language
) -> None:
    folder = write_texts(tmp_path / "in", {"gut.txt": REPORT, "todlich.txt": REPORT})
    jobs = plan_jobs(folder, {}, None)
    engine = PoolEngine(1, "blank", model_label(blank_nlp))
    real_submit = engine._submit

    def submit(batch):
        if any(job.doc_id == "todlich" for job in batch):
            future: Future = Future()
            future.set_exception(BrokenProcessPool("worker killed"))
            return future
        return real_submit(batch)

    engine._submit = submit
    try:
        results = [r for _, r in results_in_order(jobs, engine)]
    finally:
        engine.close()
    status = {r.document["doc_id"]: (r.document["status"], r.document["error"]) for r in results}
    assert status["gut"] == ("ok", None)
    assert status["todlich"][0] == "error" and "died twice" in status["todlich"][1]


def test_a_damaged_cache_is_ignored_with_a_warning(
    tmp_path: Path, blank_nlp: Language, caplog: pytest.LogCaptureFixture
) -> None:
    folder = write_texts(tmp_path / "in", {f"r{i}.txt": REPORT * (i + 1) for i in range(30)})
    out = tmp_path / "out"
    run(folder, out, nlp=blank_nlp, quiet=True)
    before = {t: (out / f"{t}.csv").read_bytes() for t in TABLE_NAMES}
    cache_file = out / ".cache" / "results.sqlite"
    data = bytearray(cache_file.read_bytes())
    data[len(data) // 2 :] = b"\xff" * (len(data) - len(data) // 2)  # pages half overwritten
    cache_file.write_bytes(bytes(data))
    caplog.set_level(logging.WARNING, logger="pipeline")
    summary = run(folder, out, nlp=blank_nlp, quiet=True)
    assert summary.ok == 30
    assert "cache" in caplog.text
    assert {t: (out / f"{t}.csv").read_bytes() for t in TABLE_NAMES} == before


# --- 4. every file discovery sees gets a row ------------------------------------------------


def test_every_file_gets_a_documents_row(tmp_path: Path, blank_nlp: Language) -> None:
    root = write_texts(tmp_path / "in", {"gut.txt": REPORT, "x.txt": REPORT, "x.md": REPORT})
    outside = write_texts(tmp_path / "elsewhere", {"verlinkt.txt": REPORT})
    (root / "ordner").symlink_to(outside)  # a linked folder is followed
    (root / "schleife").symlink_to(root)  # a folder loop ends
    (root / "weg.txt").symlink_to(tmp_path / "missing.txt")
    (root / "kreis.txt").symlink_to(root / "kreis.txt")
    os.mkfifo(root / "fifo.txt")  # never opened: a FIFO would block the run
    summary = run(root, tmp_path / "out", nlp=blank_nlp, quiet=True)
    documents = {d["doc_id"]: d for d in read_csv(tmp_path / "out" / "documents.csv")}
    assert set(documents) == {"fifo", "gut", "kreis", "ordner/verlinkt", "weg", "x.md", "x.txt"}
    assert documents["ordner/verlinkt"]["status"] == "ok"
    assert documents["x.md"]["status"] == documents["x.txt"]["status"] == "ok"
    assert "dangling symbolic link" in documents["weg"]["error"]
    assert documents["kreis"]["error"] == "symbolic link loop"
    assert documents["fifo"]["error"] == "not a regular file (FIFO)"
    assert (summary.ok, summary.error) == (4, 3)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder: no unreadable folder")
def test_a_file_in_an_unreadable_folder_gets_a_row(tmp_path: Path) -> None:
    root = write_texts(tmp_path / "in", {"gut.txt": REPORT, "zu/geheim.txt": REPORT})
    (root / "zu").chmod(0o000)
    try:
        found = {f.doc_id: f.error for f in discover_all(root)}
    finally:
        (root / "zu").chmod(0o755)
    assert found["gut"] is None
    assert "unreadable folder" in found["zu"]


def test_odd_metadata_gives_warnings_never_a_traceback(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, blank_nlp: Language
) -> None:
    folder = write_texts(tmp_path / "in", {"a.txt": REPORT, "b.txt": REPORT})
    metadata = tmp_path / "meta.csv"
    metadata.write_bytes(
        "doc_id,reference_date,tokens,ort\n"
        "a,2022-05-04,viele,Gießen\n"
        "a,2022-05-05,,Köln\n"
        "b,4. Mai,,Hamm,zu viel\n"
        "c,2022-01-01,,Bonn\n".encode("latin-1")
    )
    caplog.set_level(logging.WARNING, logger="pipeline")
    for fmt in ("csv", "parquet"):
        summary = run(folder, tmp_path / fmt, metadata, nlp=blank_nlp, quiet=True, fmt=fmt)
        assert summary.ok == 2
    warnings = caplog.text
    for expected in (
        "not UTF-8",
        "tokens",
        "again",
        "reference_date ignored",
        "extra ones dropped",
        "no report",
    ):
        assert expected in warnings, expected
    documents = load_tables(tmp_path / "parquet")["documents"].set_index("doc_id")
    assert documents.loc["a", "ort"] == "Gießen"  # latin-1 read right, first row kept
    assert str(documents.loc["a", "reference_date"].date()) == "2022-05-04"
    assert documents.loc["b", "reference_date_source"] != "metadata"
    assert documents.loc["a", "tokens"] > 10  # the pipeline's count, not the metadata's


# --- 5. spreadsheet-safe CSV -----------------------------------------------------------------


def test_spreadsheet_safe_cells() -> None:
    for cell in ("=SUMME(A1)", "+49 30", "-Rabatt", "@Messe", "\tx", "\rx"):
        assert spreadsheet_safe(cell) == "'" + cell
    for cell in ("Messe", "", "'=schon", "12 = 12"):
        assert spreadsheet_safe(cell) == cell


def test_csv_safe_is_opt_in_and_numbers_stay_numbers(tmp_path: Path, blank_nlp: Language) -> None:
    text = '---\ntitle: =HYPERLINK("http://x")\n---\n' + REPORT
    folder = write_texts(tmp_path / "in", {"a.txt": text})
    run(folder, tmp_path / "plain", nlp=blank_nlp, quiet=True)
    run(folder, tmp_path / "safe", nlp=blank_nlp, quiet=True, csv_safe=True)
    plain = read_csv(tmp_path / "plain" / "documents.csv")[0]
    safe = read_csv(tmp_path / "safe" / "documents.csv")[0]
    assert plain["title"] == '=HYPERLINK("http://x")'
    assert safe["title"] == "'" + plain["title"]
    assert safe["chars"] == plain["chars"]
    for table in TABLE_NAMES[1:]:  # nothing else starts like a formula here
        assert (tmp_path / "safe" / f"{table}.csv").read_bytes() == (
            tmp_path / "plain" / f"{table}.csv"
        ).read_bytes()


# --- 6. file modes follow the umask -----------------------------------------------------------


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_tables_and_cache_follow_the_umask(tmp_path: Path, umask: int, blank_nlp: Language) -> None:
    folder = write_texts(tmp_path / "in", {"a.txt": REPORT})
    previous = os.umask(umask)
    try:
        run(folder, tmp_path / "out", nlp=blank_nlp, quiet=True)
    finally:
        os.umask(previous)
    written = [*(tmp_path / "out").glob("*.csv"), tmp_path / "out" / MANIFEST]
    written.append(tmp_path / "out" / ".cache" / "results.sqlite")
    for path in written:
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask, path.name
