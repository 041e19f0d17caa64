"""Ask a run's tables questions in SQL: an in-process DuckDB with one view per table.

The views read the run's files directly (nothing is copied or loaded first). CSV files are read
with the column types of :data:`pipeline.tables.TABLES`, so empty cells are NULL, numbers are
numeric and dates are dates, exactly as in the Parquet output.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from pipeline.read_tables import table_paths
from pipeline.tables import TABLES
from pipeline.write import format_cell

OUTPUT_FORMATS = ("table", "csv", "json")
DUCKDB_TYPES = {
    "string": "VARCHAR",
    "Int64": "BIGINT",
    "Float64": "DOUBLE",
    "boolean": "BOOLEAN",
    "date": "DATE",
}


@dataclass(frozen=True, slots=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def csv_columns(path: Path, table: str) -> dict[str, str]:
    """DuckDB types of a CSV table's columns, in file order; columns outside the contract
    (metadata and front matter in documents) are text."""
    with path.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh), [])
    types = TABLES[table]
    return {column: DUCKDB_TYPES.get(types.get(column, "string"), "VARCHAR") for column in header}


def view_sql(table: str, path: Path) -> str:
    """The ``CREATE VIEW`` statement that exposes one table file under the table's name."""
    if path.suffix == ".parquet":
        source = f"read_parquet({_literal(str(path))})"
    else:
        columns = ", ".join(
            f"{_literal(c)}: {_literal(t)}" for c, t in csv_columns(path, table).items()
        )
        # No sniffing: the writer's dialect is fixed, and guessing types is what we avoid.
        source = (
            f"read_csv({_literal(str(path))}, header = true, auto_detect = false, "
            f"delim = ',', quote = '\"', escape = '\"', columns = {{{columns}}})"
        )
    return f'CREATE VIEW "{table}" AS SELECT * FROM {source}'


def connect(out_dir: str | Path = "outputs") -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with the run's tables registered as views."""
    con = duckdb.connect(":memory:")
    for table, path in table_paths(out_dir).items():
        con.execute(view_sql(table, path.resolve()))
    return con


def run_query(sql: str, out_dir: str | Path = "outputs") -> QueryResult:
    """Run one SQL statement over the run in ``out_dir``. Raises ``duckdb.Error`` for a bad
    query and :class:`pipeline.read_tables.RunNotFound` when there is no run."""
    with connect(out_dir) as con:
        cursor = con.execute(sql)
        if cursor.description is None:  # a statement without a result set
            return QueryResult([], [])
        return QueryResult([d[0] for d in cursor.description], cursor.fetchall())


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, bytes | bytearray):
        return value.hex()
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _text_table(result: QueryResult) -> str:
    cells = [[("NULL" if v is None else format_cell(v)) for v in row] for row in result.rows]
    widths = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(result.columns)]
    # Numbers are right-aligned, everything else left-aligned.
    numeric = [
        all(_is_number(row[i]) or row[i] is None for row in result.rows)
        and any(row[i] is not None for row in result.rows)
        for i in range(len(result.columns))
    ]

    def line(values: list[str]) -> str:
        return "  ".join(
            v.rjust(w) if num else v.ljust(w)
            for v, w, num in zip(values, widths, numeric, strict=True)
        ).rstrip()

    lines = [line(result.columns), line(["-" * w for w in widths])]
    lines += [line(row) for row in cells]
    lines.append(f"({len(result.rows)} row{'' if len(result.rows) == 1 else 's'})")
    return "\n".join(lines)


def _csv_text(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([format_cell(v) for v in row] for row in result.rows)
    return buffer.getvalue().rstrip("\n")


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result as an aligned text table, CSV (like the run's tables) or JSON records."""
    if fmt == "csv":
        return _csv_text(result)
    if fmt == "json":
        records = [
            {c: _json_value(v) for c, v in zip(result.columns, row, strict=True)}
            for row in result.rows
        ]
        return json.dumps(records, ensure_ascii=False, indent=2)
    if fmt == "table":
        return _text_table(result)
    raise ValueError(f"format must be one of {OUTPUT_FORMATS}, not {fmt!r}")
