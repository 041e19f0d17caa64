"""Write stage: stream rows into the output tables, each committed atomically at the end.

Rows go to a temporary file beside the target as they come (nothing accumulates per document);
``commit`` renames every table into place, so an interrupted run leaves the previous tables
untouched and no half-written one.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.tables import TABLES

FORMATS = ("csv", "parquet")
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


class _TableFile:
    def __init__(self, out_dir: Path, name: str, columns: dict[str, str], fmt: str) -> None:
        self.target = out_dir / f"{name}.{fmt}"
        self.columns = columns
        self.fmt = fmt
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out_dir)
        self.tmp = Path(tmp)
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
        if self.fmt == "csv":
            self.writer.writerow([format_cell(row.get(c)) for c in self.columns])
            return
        self.buffer.append(row)
        if len(self.buffer) >= PARQUET_BATCH_ROWS:
            self._flush()

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

    def commit(self) -> None:
        self.close()
        os.replace(self.tmp, self.target)

    def abort(self) -> None:
        try:
            self.close()
        finally:
            self.tmp.unlink(missing_ok=True)


class TableSink:
    """The output tables of one run (every table of the contract)."""

    def __init__(self, out_dir: Path, fmt: str = "csv", extra_document_columns: list[str] = ()):
        if fmt not in FORMATS:
            raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")
        self.files: dict[str, _TableFile] = {}
        for name, columns in TABLES.items():
            if name == "documents":
                columns = {**columns, **{c: "string" for c in extra_document_columns}}
            self.files[name] = _TableFile(out_dir, name, columns, fmt)

    def write(self, table: str, row: dict[str, Any]) -> None:
        self.files[table].write(row)

    def commit(self) -> None:
        for f in self.files.values():
            f.commit()

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
