"""Write stage: stream rows into the output tables, each committed atomically at the end.

Rows go to a temporary file beside the target as they come (nothing accumulates per document);
``commit`` renames every table into place and then writes the run manifest (``run.json``,
:mod:`pipeline.manifest`), so an interrupted run leaves no half-written table and readers never
take tables of different runs for one run. ``abort`` (any failure) removes the temporary files.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.manifest import TableFileInfo, invalidate, write_manifest
from pipeline.outfiles import create_temp
from pipeline.tables import TABLES

FORMATS = ("csv", "parquet")
# Cells a spreadsheet reads as a formula (or as the start of one, after a tab or return).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PARQUET_BATCH_ROWS = 10_000
ARROW_TYPES = {
    "string": pa.string(),
    "Int64": pa.int64(),
    "Float64": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
}


def format_cell(value: Any) -> str:
    """CSV text of one cell: empty for unknown, integers without '.0', ISO dates, true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def spreadsheet_safe(cell: str) -> str:
    """A text cell a spreadsheet shows as text: one starting like a formula gets a leading
    apostrophe (the OWASP advice on CSV injection); every other cell is left as it is."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def csv_cell(value: Any, safe: bool = False) -> str:
    text = format_cell(value)
    # Only text values: a negative number stays a number.
    return spreadsheet_safe(text) if safe and isinstance(value, str) else text


# Values the csv module writes as format_cell does (None as an empty field): passed as they are.
_VERBATIM_TYPES = frozenset({str, int, type(None)})


def csv_row(row: dict[str, Any], columns: Iterable[str], safe: bool = False) -> list[Any]:
    """The cells of one row for csv.writer, in ``columns`` order (:func:`csv_cell` for
    each, without the call where the csv module writes the value the same way)."""
    if safe:
        return [csv_cell(value, safe) for value in map(row.get, columns)]
    return [
        value if type(value) in _VERBATIM_TYPES else csv_cell(value)
        for value in map(row.get, columns)
    ]


class _TableFile:
    def __init__(
        self, out_dir: Path, name: str, columns: dict[str, str], fmt: str, csv_safe: bool = False
    ) -> None:
        self.target = out_dir / f"{name}.{fmt}"
        self.columns = columns
        self.fmt = fmt
        self.csv_safe = csv_safe
        self.rows = 0
        fd, self.tmp = create_temp(out_dir, name)
        if fmt == "csv":
            self.fh = os.fdopen(fd, "w", encoding="utf-8", newline="")
            self.writer = csv.writer(self.fh, lineterminator="\n")
            self.writer.writerow(list(columns))
        else:
            os.close(fd)
            fields = [pa.field(c, ARROW_TYPES.get(t, pa.string())) for c, t in columns.items()]
            self.schema = pa.schema(fields)
            self.parquet = pq.ParquetWriter(self.tmp, self.schema)
            self.buffer: list[dict[str, Any]] = []

    def write(self, row: dict[str, Any]) -> None:
        self.rows += 1
        if self.fmt == "csv":
            self.writer.writerow(csv_row(row, self.columns, self.csv_safe))
            return
        self.buffer.append(row)
        if len(self.buffer) >= PARQUET_BATCH_ROWS:
            self._flush()

    def write_all(self, rows: Iterable[dict[str, Any]]) -> None:
        if self.fmt == "csv":
            self.writer.writerows(self._counted_csv_rows(rows))
            return
        for row in rows:
            self.write(row)

    def _counted_csv_rows(self, rows: Iterable[dict[str, Any]]) -> Iterator[list[Any]]:
        for row in rows:
            self.rows += 1
            yield csv_row(row, self.columns, self.csv_safe)

    def _flush(self) -> None:
        data = {c: [r.get(c) for r in self.buffer] for c in self.columns}
        self.parquet.write_table(pa.table(data, schema=self.schema))
        self.buffer = []

    def close(self) -> None:
        if self.fmt == "csv":
            self.fh.close()
        else:
            self._flush()
            self.parquet.close()

    def finish(self) -> None:
        """Flush and close the temporary file (a full disk shows here, before any rename)."""
        self.close()

    def commit(self) -> TableFileInfo:
        os.replace(self.tmp, self.target)
        return TableFileInfo(self.target.name, self.rows, self.target.stat().st_size)

    def abort(self) -> None:
        try:
            with contextlib.suppress(Exception):  # a full disk fails the flush: still clean up
                self.close()
        finally:
            self.tmp.unlink(missing_ok=True)


class TableSink:
    """The output tables of one run (every table :data:`pipeline.tables.TABLES` defines).

    ``run_info`` goes into the run manifest; ``csv_safe`` neutralises text cells a spreadsheet
    would read as a formula (:func:`spreadsheet_safe`)."""

    def __init__(
        self,
        out_dir: Path,
        fmt: str = "csv",
        extra_document_columns: list[str] = (),
        run_info: dict[str, Any] | None = None,
        csv_safe: bool = False,
    ):
        if fmt not in FORMATS:
            raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")
        self.out_dir = out_dir
        self.fmt = fmt
        self.run_info = run_info
        self.files: dict[str, _TableFile] = {}
        try:
            for name, columns in TABLES.items():
                if name == "documents":
                    extra = {c: "string" for c in extra_document_columns if c not in columns}
                    columns = {**columns, **extra}
                self.files[name] = _TableFile(out_dir, name, columns, fmt, csv_safe)
        except BaseException:
            self.abort()
            raise

    def write(self, table: str, row: dict[str, Any]) -> None:
        self.files[table].write(row)

    def write_all(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        """Write every row of ``rows`` to ``table``, in order."""
        self.files[table].write_all(rows)

    def commit(self) -> dict[str, Any]:
        """Put every table in place, then write the manifest naming them; returns it."""
        for f in self.files.values():
            f.finish()
        invalidate(self.out_dir)  # between the renames the folder holds two runs' tables
        infos = {name: f.commit() for name, f in self.files.items()}
        return write_manifest(self.out_dir, self.fmt, infos, self.run_info)

    def abort(self) -> None:
        for f in self.files.values():
            f.abort()

    def __enter__(self) -> TableSink:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()
