"""The bench command's corpus and report, and the core package without the Dask extra."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.bench import build_corpus
from pipeline.read import discover, parse_source
from pipeline.refdate import parse_iso

ROOT = Path(__file__).resolve().parents[1]


def test_bench_corpus_cycles_examples_into_distinct_reports(tmp_path: Path) -> None:
    examples = discover(ROOT / "corpus")
    docs = 2 * len(examples) + 1
    corpus = build_corpus(ROOT / "corpus", docs, tmp_path)
    files = discover(tmp_path)
    assert len(files) == corpus.docs == docs
    first, second = files[0].read_bytes(), files[len(examples)].read_bytes()
    assert first == examples[0].read_bytes()  # the first cycle is the examples themselves
    assert len(second) == len(first) and second != first  # later ones: numbers shifted
    assert len({f.read_bytes() for f in files}) == docs
    assert corpus.words > 0


def test_bench_corpus_keeps_calendar_dates_valid(tmp_path: Path) -> None:
    """Later cycles shift years, not days and months: "2023-10-22" may become "2027-10-22",
    never "2027-14-26", so every front matter date still reads as a calendar date."""

    def front_matter_days(folder: Path) -> list[tuple[int, int]]:
        values = [parse_source(p.read_bytes()).front_matter.get("date") for p in discover(folder)]
        return [(d.month, d.day) for d in map(parse_iso, filter(None, values))]

    examples = front_matter_days(ROOT / "corpus")
    assert examples, "the examples should include a report with a front matter date"
    build_corpus(ROOT / "corpus", 5 * len(discover(ROOT / "corpus")), tmp_path)
    generated = front_matter_days(tmp_path)
    assert len(generated) == 5 * len(examples)
    assert set(generated) == set(examples)


def test_bench_prints_speeds_ratio_and_memory() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "bench", "--docs", "4", "--model", "blank"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert "base pipeline (nlp.pipe)" in done.stdout
    assert "full run / base pipeline speed:" in done.stdout
    assert "peak RSS MB" in done.stdout


def test_core_runs_without_dask(tmp_path: Path) -> None:
    # As if the extra were not installed: importing dask or distributed fails.
    code = (
        "import sys; sys.modules['dask'] = sys.modules['distributed'] = None\n"
        "from pathlib import Path\n"
        "import pipeline.cli\n"
        "from pipeline.run import UsageError, run\n"
        f"folder = Path({str(tmp_path)!r})\n"
        "(folder / 'a.txt').write_text('Am 3. Mai 2022 kamen 300 Gäste.', encoding='utf-8')\n"
        "try:\n"
        "    run(folder, folder / 'out', model='blank', quiet=True, scheduler='local')\n"
        "except UsageError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "pip install '.[dask]'" in done.stdout


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_workers_option_on_the_command_line(tmp_path: Path, fmt: str) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    folder = tmp_path / "in"
    build_corpus(ROOT / "corpus", 3, folder)
    args = ["run", str(folder), "--out", str(tmp_path / "out"), "--model", "blank", "-q"]
    result = CliRunner().invoke(app, [*args, "--workers", "2", "--no-cache", "--format", fmt])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / f"figures.{fmt}").is_file()
    assert not (tmp_path / "out" / ".cache").exists()


def test_long_text_is_analysed_in_pieces_with_the_same_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blank_nlp
) -> None:
    import pipeline.batch
    from pipeline.batch import Job, process_batch

    paragraph = "Die Messe in Essen zählte am 12. März 2023 rund 12.700 Besucher.\n\n"
    path = tmp_path / "long.txt"
    path.write_text(paragraph * 40, encoding="utf-8")
    (whole,) = process_batch(blank_nlp, [Job("long", path)])
    monkeypatch.setattr(pipeline.batch, "CHUNK_CHARS", 5 * len(paragraph) + 3)
    (pieces,) = process_batch(blank_nlp, [Job("long", path)])
    assert pieces.document == whole.document
    assert pieces.facts == whole.facts
    assert len(pieces.facts["figures"]) >= 40
    assert pieces.facts["figures"][-1]["sentence"] >= 39  # counted over the whole text


def test_bench_profile_prints_a_row_per_component() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "bench", "--profile", "--docs", "3", "--model", "blank"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    for stage in ("read", "tokenizer", "german_dates", "german_figures", "rows", "write"):
        assert f"\n{stage} " in done.stdout
    assert "3 reports" in done.stdout
