"""``python -m pipeline query``: SQL over a run's CSV or Parquet tables, and the README's
example questions with their answers."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.query import run_query
from pipeline.read_tables import load_tables
from pipeline.tables import TABLES

README = Path(__file__).resolve().parents[1] / "README.md"
FORMATS = ("csv", "parquet")

# Three reports and a failed file, with facts chosen so every example has a known answer.
KNOWN_ROWS: dict[str, list[dict[str, Any]]] = {
    "documents": [
        {"doc_id": "fair-2018", "status": "ok", "reference_date": dt.date(2018, 9, 20)},
        {"doc_id": "fair-2019", "status": "ok", "reference_date": dt.date(2019, 9, 19)},
        {"doc_id": "expo-2019", "status": "ok", "reference_date": dt.date(2019, 3, 1)},
        {"doc_id": "broken", "status": "error", "error": "binary file (contains NUL bytes)"},
    ],
    "figures": [
        {"doc_id": "fair-2018", "value": 12700.0, "unit": "Besucher", "category": "visitors"},
        {"doc_id": "fair-2018", "value": 320.0, "unit": "Aussteller", "category": "exhibitors"},
        {"doc_id": "fair-2019", "value": 13500.0, "unit": "Besucher", "category": "visitors"},
        {"doc_id": "fair-2019", "value": 4300.0, "unit": "Fachbesucher", "category": "visitors"},
        {"doc_id": "expo-2019", "value": 5000.0, "unit": "Besucher", "category": "visitors"},
        {"doc_id": "expo-2019", "value": 3.0, "unit": "Tag"},
    ],
    "places": [
        {"doc_id": "fair-2018", "name": "Essen", "kind": "city"},
        {"doc_id": "fair-2018", "name": "Grugahalle", "kind": "venue"},
        {"doc_id": "fair-2019", "name": "Essen", "kind": "city"},
        {"doc_id": "fair-2019", "name": "Deutschland", "kind": "country"},
        {"doc_id": "expo-2019", "name": "Berlin", "kind": "city"},
    ],
    "organisations": [
        {"doc_id": "fair-2018", "name": "Messe Essen GmbH"},
        {"doc_id": "fair-2019", "name": "Messe Essen GmbH"},
        {"doc_id": "fair-2019", "name": "Bitkom e.V."},
        {"doc_id": "expo-2019", "name": "Bitkom e.V."},
    ],
    "dates": [
        {"doc_id": "fair-2018", "value": "2018-09-18/2018-09-20", "start": "2018-09-18"},
        {"doc_id": "fair-2018", "value": "2018-09", "start": "2018-09-01"},
        {"doc_id": "fair-2019", "value": "2019-09-17", "start": "2019-09-17"},
        {"doc_id": "fair-2019", "value": "2019-09-19T15:00", "start": "2019-09-19T15:00"},
        {"doc_id": "expo-2019", "value": "2019-03-01", "start": "2019-03-01"},
        {"doc_id": "expo-2019", "value": "T10:00", "start": None},
    ],
    "events": [
        {"doc_id": "fair-2018", "event": 1, "name": "Ruhrmesse", "year": 2018, "visitors": 12700.0},
        {"doc_id": "fair-2019", "event": 1, "name": "Ruhrmesse", "year": 2019, "visitors": 13500.0},
        {"doc_id": "expo-2019", "event": 1, "name": "Digitalexpo", "year": 2019},
    ],
}

# The README's examples: question, SQL, answer on KNOWN_ROWS.
EXAMPLES = {
    "visitors per report and year": (
        """
        SELECT year(d.reference_date) AS year, f.doc_id, max(f.value) AS visitors
        FROM figures AS f JOIN documents AS d USING (doc_id)
        WHERE f.category = 'visitors'
        GROUP BY ALL
        ORDER BY year, f.doc_id
        """,
        [(2018, "fair-2018", 12700.0), (2019, "expo-2019", 5000.0), (2019, "fair-2019", 13500.0)],
    ),
    "organisations with the cities of their reports": (
        """
        SELECT o.name AS organisation, string_agg(DISTINCT p.name, ', ' ORDER BY p.name) AS cities
        FROM organisations AS o JOIN places AS p USING (doc_id)
        WHERE p.kind = 'city'
        GROUP BY o.name
        ORDER BY o.name
        """,
        [("Bitkom e.V.", "Berlin, Essen"), ("Messe Essen GmbH", "Essen")],
    ),
    "dates per month": (
        """
        SELECT strftime(try_cast(start AS TIMESTAMP), '%Y-%m') AS month, count(*) AS dates
        FROM dates
        WHERE month IS NOT NULL
        GROUP BY month
        ORDER BY month
        """,
        [("2018-09", 2), ("2019-03", 1), ("2019-09", 2)],
    ),
    "organisations in the most reports": (
        """
        SELECT name, count(DISTINCT doc_id) AS reports
        FROM organisations
        GROUP BY name
        ORDER BY reports DESC, name
        """,
        [("Bitkom e.V.", 2), ("Messe Essen GmbH", 2)],
    ),
    "visitors per event and year": (
        """
        SELECT name, year, visitors, visitors_qualifier, doc_id
        FROM events
        WHERE visitors IS NOT NULL
        ORDER BY name, year
        """,
        [
            ("Ruhrmesse", 2018, 12700.0, None, "fair-2018"),
            ("Ruhrmesse", 2019, 13500.0, None, "fair-2019"),
        ],
    ),
    "documents that failed": (
        "SELECT doc_id, error FROM documents WHERE status <> 'ok'",
        [("broken", "binary file (contains NUL bytes)")],
    ),
}


@pytest.fixture(scope="module")
def known_runs(tmp_path_factory: pytest.TempPathFactory, make_run) -> dict[str, Path]:
    return {
        fmt: make_run(tmp_path_factory.mktemp(f"known-{fmt}"), KNOWN_ROWS, fmt) for fmt in FORMATS
    }


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("question", EXAMPLES)
def test_example_questions(known_runs: dict[str, Path], fmt: str, question: str):
    sql, answer = EXAMPLES[question]
    assert run_query(sql, known_runs[fmt]).rows == answer


def readme_sql_blocks() -> list[str]:
    if not README.is_file():
        return []
    return re.findall(r"```sql\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def test_readme_sql_examples_run(known_runs: dict[str, Path]):
    blocks = readme_sql_blocks()
    if not blocks:
        pytest.skip("README.md has no ```sql examples yet")
    for sql in blocks:
        assert run_query(sql, known_runs["csv"]).rows, f"README example answers nothing:\n{sql}"


@pytest.mark.parametrize("fmt", FORMATS)
def test_views_hold_every_row_with_contract_types(tiny_runs: dict[str, Path], fmt: str):
    out = tiny_runs[fmt]
    frames = load_tables(out)
    for table in TABLES:
        assert run_query(f"SELECT count(*) FROM {table}", out).rows == [(len(frames[table]),)]
    types = run_query(
        "SELECT typeof(value), typeof(start_char), typeof(category) FROM figures LIMIT 1", out
    ).rows
    assert types == [("DOUBLE", "BIGINT", "VARCHAR")]
    documents = run_query(
        "SELECT typeof(reference_date), count(*), count(error) FROM documents GROUP BY ALL", out
    ).rows
    # No document failed: the empty error cells are NULL, not ''.
    assert documents == [("DATE", len(frames["documents"]), 0)]


def test_csv_and_parquet_answer_alike(tiny_runs: dict[str, Path]):
    sql = "SELECT * FROM {} ORDER BY ALL"
    for table in TABLES:
        csv_rows = run_query(sql.format(table), tiny_runs["csv"]).rows
        assert csv_rows == run_query(sql.format(table), tiny_runs["parquet"]).rows


@pytest.mark.parametrize("fmt", FORMATS)
def test_query_finds_the_stated_facts(tiny_runs: dict[str, Path], fmt: str):
    out = tiny_runs[fmt]
    days = run_query("SELECT doc_id, value FROM dates WHERE granularity = 'day'", out).rows
    assert ("messe-a", "2019-10-22") in days
    visitors = run_query(
        "SELECT doc_id, value FROM figures WHERE unit = 'Besucher' ORDER BY doc_id", out
    ).rows
    assert visitors == [("messe-a", 12700.0), ("messe-b", 4300.0)]


def invoke(*args: str | Path):
    return CliRunner().invoke(app, ["query", *map(str, args)])


def test_command_formats(known_runs: dict[str, Path]):
    sql = "SELECT doc_id, value, unit FROM figures WHERE value > 10000 ORDER BY value"
    out = known_runs["parquet"]
    result = invoke(sql, "--out", out, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert (
        result.output == "doc_id,value,unit\nfair-2018,12700,Besucher\nfair-2019,13500,Besucher\n"
    )
    result = invoke(sql, "--out", out, "--format", "json")
    assert json.loads(result.output) == [
        {"doc_id": "fair-2018", "value": 12700.0, "unit": "Besucher"},
        {"doc_id": "fair-2019", "value": 13500.0, "unit": "Besucher"},
    ]
    result = invoke("SELECT doc_id, reference_date, error FROM documents LIMIT 1", "--out", out)
    lines = result.output.splitlines()
    assert lines[0].split() == ["doc_id", "reference_date", "error"]
    assert lines[2].split() == ["fair-2018", "2018-09-20", "NULL"]
    assert lines[-1] == "(1 row)"


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("SELEC 1", "Parser Error"),
        ("SELECT nothing FROM figures", "Binder Error"),
        ("SELECT * FROM visitors", "Catalog Error"),
    ],
)
def test_bad_query_exits_2_with_duckdbs_message(known_runs: dict[str, Path], sql, message):
    result = invoke(sql, "--out", known_runs["csv"])
    assert result.exit_code == 2
    assert f"error: {message}" in result.output
    assert "Traceback" not in result.output


def test_missing_run_folder_exits_2(tmp_path: Path):
    result = invoke("SELECT 1", "--out", tmp_path / "no-run")
    assert result.exit_code == 2
    assert "does not exist" in result.output
    result = invoke("SELECT 1", "--out", tmp_path)
    assert result.exit_code == 2
    assert "not a run folder" in result.output


def test_run_query_raises_duckdb_errors(known_runs: dict[str, Path]):
    with pytest.raises(duckdb.Error):
        run_query("SELECT * FROM nowhere", known_runs["csv"])
