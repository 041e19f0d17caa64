"""Shared fixtures: a tiny pipeline run in both formats, and the score report printed at the
end of every test session (dev set and corpus scores appear in CI output without -s)."""

from __future__ import annotations

import importlib.util
import traceback
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from pipeline.evaluate import Evaluation

TINY_REPORTS = {
    "messe-a": (
        "Die Fachmesse fand am 22. Oktober 2019 in Essen statt. Rund 12.700 Besucher kamen, "
        "dazu 320 Aussteller aus 20 Ländern.\n"
    ),
    "messe-b": "Am 5. März 2020 zählte die Ausstellung 4.300 Besucher.\n",
}

_SCORES = pytest.StashKey[list[tuple[str, str]]]()


ROOT = Path(__file__).resolve().parents[1]


def load_script(name: str) -> ModuleType:
    """A file of scripts/ as a module: the builders are not a package, their helpers are tested."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_reports(folder: Path, reports: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, text in reports.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return folder


def write_run(out: Path, rows: dict[str, list[dict[str, Any]]], fmt: str = "csv") -> Path:
    """A run folder with hand-made table rows (every table written, missing cells empty)."""
    from pipeline.write import TableSink

    out.mkdir(parents=True, exist_ok=True)
    with TableSink(out, fmt) as sink:
        for table, table_rows in rows.items():
            for row in table_rows:
                sink.write(table, row)
    return out


def run_cli(*args: str | Path) -> None:
    """``python -m pipeline ARGS`` in-process; fails the test on a non-zero exit code."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, [str(a) for a in args])
    crash = "".join(traceback.format_exception(*result.exc_info)) if result.exception else ""
    assert result.exit_code == 0, result.output + crash


@pytest.fixture(scope="session")
def make_run():
    """:func:`write_run`, for tests that need a run with known rows."""
    return write_run


@pytest.fixture(scope="session")
def tiny_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The pipeline run (blank model, rules only) over TINY_REPORTS, once per table format."""
    base = tmp_path_factory.mktemp("tiny")
    texts = write_reports(base / "texts", TINY_REPORTS)
    runs = {}
    for fmt in ("csv", "parquet"):
        runs[fmt] = base / fmt
        run_cli("run", texts, "--out", runs[fmt], "--format", fmt, "--model", "blank", "-q")
    return runs


# Loading a pipeline costs seconds (spaCy's lemma tables alone take most of them), so each
# configuration that many modules read is loaded once per session. Tests only read these
# pipelines: a test that adds a component or changes a setting loads its own.
@pytest.fixture(scope="session")
def default_nlp():
    """The pipeline ``run`` uses by default: the statistical model and every extractor."""
    from pipeline.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def blank_nlp():
    """Rules only: the blank German pipeline with every extractor."""
    from pipeline.nlp import load_nlp

    return load_nlp("blank")


@pytest.fixture(scope="session")
def dates_nlp():
    """The statistical model with only the date extractor, which raises instead of logging."""
    from pipeline.nlp import load_nlp

    nlp = load_nlp(extract=False)
    nlp.add_pipe("german_dates", config={"on_error": "raise"})
    return nlp


@pytest.fixture(scope="session")
def entities_nlp():
    """A blank pipeline with only the entity extractor (see ``test_entities.rules_only_nlp``)."""
    from test_entities import rules_only_nlp

    return rules_only_nlp()


@pytest.fixture
def record_scores(request: pytest.FixtureRequest):
    """Keep an evaluation's score table for the end-of-session summary."""
    from pipeline.evaluate import format_report

    def record(label: str, evaluation: Evaluation) -> None:
        request.config.stash[_SCORES].append((label, format_report(evaluation)))

    return record


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_SCORES] = []


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    for label, report in config.stash.get(_SCORES, []):
        terminalreporter.write_sep("=", f"scores: {label}")
        terminalreporter.write_line(report)
