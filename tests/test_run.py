"""End to end: the run command over corpus/ and over a folder of bad inputs."""

from __future__ import annotations

import csv
import os
import random
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline.batch import CHUNK_CHARS
from pipeline.read_tables import load_tables
from pipeline.run import run

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
TABLE_NAMES = ("documents", "dates", "places", "organisations", "figures")
HUGE_CHARS = 3 * CHUNK_CHARS

CP1252_REPORT = (
    "Gießen, den 4. März 2022\n"
    "Die Gewerbeschau in der Hessenhalle öffnete am 3. März 2022 ihre Türen. Über 4.500 "
    "Besucherinnen und Besucher kamen, der Eintritt kostete 5 €. Rund 120 Aussteller "
    "präsentierten sich auf 3.000 Quadratmetern.\n"
)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONUTF8": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus-out")
    result = cli("run", "corpus/", "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    return out


def test_corpus_run_writes_five_tables(corpus_run: Path) -> None:
    for name in TABLE_NAMES:
        assert (corpus_run / f"{name}.csv").is_file()
    documents = read_csv(corpus_run / "documents.csv")
    files = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".md"))
    assert len(documents) == len(files)
    assert {d["status"] for d in documents} == {"ok"}
    assert all(int(d["tokens"]) > 50 and len(d["sha256"]) == 64 for d in documents)


def test_seed_visitor_figure(corpus_run: Path) -> None:
    figures = [f for f in read_csv(corpus_run / "figures.csv") if f["doc_id"] == "seed-sccon-2019"]
    visitors = [f for f in figures if "12.700" in f["text"]]
    assert visitors and visitors[0]["value"] == "12700"
    seed_text = (CORPUS / "seed-sccon-2019.txt").read_text(encoding="utf-8")
    row = visitors[0]
    assert seed_text[int(row["start_char"]) : int(row["end_char"])] == row["text"]


def test_rows_in_text_order_with_sentences(corpus_run: Path) -> None:
    for name in TABLE_NAMES[1:]:
        rows = read_csv(corpus_run / f"{name}.csv")
        keys = [(r["doc_id"], int(r["start_char"]), int(r["end_char"])) for r in rows]
        assert keys == sorted(keys), name
        assert all(int(r["sentence"]) >= 0 for r in rows)


def test_two_runs_are_byte_identical(corpus_run: Path, tmp_path: Path) -> None:
    result = cli("run", "corpus/", "--out", str(tmp_path), "--quiet")
    assert result.returncode == 0, result.stderr
    for name in TABLE_NAMES:
        assert (tmp_path / f"{name}.csv").read_bytes() == (corpus_run / f"{name}.csv").read_bytes()


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bad-inputs")
    (folder / "empty.txt").write_bytes(b"")
    rng = random.Random(7)
    (folder / "random.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    (folder / "noise.txt").write_bytes(bytes(rng.randrange(1, 256) for _ in range(4096)))
    (folder / "windows.txt").write_bytes(CP1252_REPORT.encode("cp1252"))
    (folder / "ignored.docx").write_bytes(b"PK\x03\x04 not a report")
    nested = folder / "2022" / "herbst"
    nested.mkdir(parents=True)
    (nested / "bericht.md").write_text("Am 3. Oktober 2022 kamen 300 Gäste.", encoding="utf-8")
    paragraph = (
        "Die Messe in Essen zählte am 12. März 2023 rund 12.700 Besucherinnen und "
        "Besucher und 150 Aussteller.\n\n"
    )
    # three pieces of the CHUNK_CHARS a long report is cut into (the pieces themselves are
    # tested in test_scale, test_streaming and test_reliability)
    (folder / "huge.txt").write_text(paragraph * (HUGE_CHARS // len(paragraph)), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def bad_run(
    bad_inputs: Path, tmp_path_factory: pytest.TempPathFactory, blank_nlp
) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("bad-out")
    summary = run(bad_inputs, out, nlp=blank_nlp, quiet=True)
    return out, summary


def test_bad_inputs_get_a_row_each(bad_run: tuple[Path, object]) -> None:
    out, summary = bad_run
    docs = {d["doc_id"]: d for d in read_csv(out / "documents.csv")}
    assert sorted(docs) == ["2022/herbst/bericht", "empty", "huge", "noise", "random", "windows"]
    assert docs["empty"]["status"] == "empty"
    assert docs["random"]["status"] == "error" and "binary" in docs["random"]["error"]
    assert docs["noise"]["status"] == "error" and docs["noise"]["error"]
    assert docs["windows"]["status"] == "ok"
    assert docs["huge"]["status"] == "ok" and int(docs["huge"]["chars"]) > 2 * CHUNK_CHARS
    assert docs["2022/herbst/bericht"]["status"] == "ok"
    assert summary.exit_code == 1


def test_cp1252_report_is_read(bad_run: tuple[Path, object]) -> None:
    out, _ = bad_run
    tables = load_tables(out)
    figures = tables["figures"][tables["figures"]["doc_id"] == "windows"]
    dates = tables["dates"][tables["dates"]["doc_id"] == "windows"]
    assert 4500 in set(figures["value"])
    assert "2022-03-03" in set(dates["value"])
    docs = tables["documents"].set_index("doc_id")
    assert pd.Timestamp(docs.loc["windows", "reference_date"]) == pd.Timestamp("2022-03-04")
    assert docs.loc["windows", "reference_date_source"] == "dateline"


def test_exit_codes_and_messages(tmp_path: Path) -> None:
    missing = cli("run", str(tmp_path / "nope"), "--out", str(tmp_path / "o"))
    assert missing.returncode == 2
    assert "does not exist" in missing.stderr and "Traceback" not in missing.stderr
    blocker = tmp_path / "file"
    blocker.write_text("x")
    unwritable = cli("run", "corpus/", "--out", str(blocker / "sub"))
    assert unwritable.returncode == 2 and "not writable" in unwritable.stderr
    bad_date = cli("run", "corpus/", "--out", str(tmp_path / "o"), "--reference-date", "May 5")
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "leer.txt").write_text("  \n")
    assert (
        cli("run", str(folder), "--out", str(tmp_path / "o2"), "-q", "--model", "blank").returncode
        == 1
    )


def test_metadata_and_front_matter(tmp_path: Path, blank_nlp) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Gestern kamen 200 Gäste in die Stadthalle.", encoding="utf-8")
    (folder / "b.md").write_text(
        "---\ndate: 2023-05-14\ntitle: Stadtfest\n---\nHeute war Fest.", encoding="utf-8"
    )
    meta = tmp_path / "meta.csv"
    meta.write_text(
        "doc_id,reference_date,publisher\na,2021-06-01,Stadt\nb,2020-01-01,Verein\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    run(folder, out, metadata_path=meta, nlp=blank_nlp, quiet=True)
    docs = {d["doc_id"]: d for d in read_csv(out / "documents.csv")}
    assert docs["a"]["reference_date"] == "2021-06-01"
    assert docs["a"]["reference_date_source"] == "metadata"
    assert docs["a"]["publisher"] == "Stadt"
    assert docs["b"]["reference_date"] == "2023-05-14"
    assert docs["b"]["reference_date_source"] == "front_matter"
    assert docs["b"]["title"] == "Stadtfest"


def test_parquet_tables_match_csv(tmp_path: Path, blank_nlp) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(CP1252_REPORT.encode("cp1252"))
    run(folder, tmp_path / "csv", nlp=blank_nlp, quiet=True)
    run(folder, tmp_path / "pq", nlp=blank_nlp, quiet=True, fmt="parquet")
    csv_tables = load_tables(tmp_path / "csv")
    pq_tables = load_tables(tmp_path / "pq")
    for name in TABLE_NAMES:
        assert (tmp_path / "pq" / f"{name}.parquet").is_file()
        assert len(csv_tables[name]) == len(pq_tables[name]), name
    assert list(csv_tables["figures"]["value"]) == list(pq_tables["figures"]["value"])


def test_failed_run_leaves_no_partial_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blank_nlp
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Am 3. Mai 2022 kamen 300 Gäste.", encoding="utf-8")
    out = tmp_path / "out"

    def boom(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("pipeline.run.write_result", boom)
    with pytest.raises(KeyboardInterrupt):
        run(folder, out, nlp=blank_nlp, quiet=True)
    # The lock file stays: removing it would let two runs hold the lock at once.
    leftovers = [p.name for p in out.iterdir() if p.is_file() and p.name != ".run.lock"]
    assert leftovers == [], "no table and no temporary file may remain"
