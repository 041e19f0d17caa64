"""Load a run's output tables as typed pandas frames (CSV or Parquet, whichever the run wrote).

Types follow :data:`pipeline.tables.TABLES`: ``date`` columns become ``datetime64[us]``, integers
the nullable ``Int64``, numbers ``Float64``, flags ``boolean`` and text ``string``, with empty
CSV cells as missing values. Columns outside the contract (the documents table's metadata and
front-matter columns) are text.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.tables import TABLES

FORMATS = ("parquet", "csv")
# One resolution whatever the source: CSV text and Parquet dates would otherwise differ.
DATE_DTYPE = "datetime64[us]"


class RunNotFound(FileNotFoundError):
    """The folder holds no tables of a run."""


def run_format(out_dir: Path) -> str:
    """The format of the run in ``out_dir``: that of its newest documents table (a folder may
    hold an older run in the other format)."""
    if not out_dir.is_dir():
        raise RunNotFound(
            f"run folder {out_dir} does not exist "
            f"(create it with: python -m pipeline run INPUT --out {out_dir})"
        )
    found = [out_dir / f"documents.{fmt}" for fmt in FORMATS]
    found = [p for p in found if p.is_file()]
    if not found:
        raise RunNotFound(f"no documents.csv or documents.parquet in {out_dir}: not a run folder")
    return max(found, key=lambda p: p.stat().st_mtime).suffix[1:]


def table_paths(out_dir: str | Path) -> dict[str, Path]:
    """Every table file of the run in ``out_dir``, by table name."""
    out_dir = Path(out_dir)
    fmt = run_format(out_dir)
    paths = {name: out_dir / f"{name}.{fmt}" for name in TABLES}
    missing = [p.name for p in paths.values() if not p.is_file()]
    if missing:
        raise RunNotFound(f"incomplete run in {out_dir}: {', '.join(missing)} missing")
    return paths


def typed_frame(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Cast the columns of one table, as read from CSV (all text) or Parquet, to their types."""
    types = TABLES[name]
    for column in frame.columns:
        dtype = types.get(column, "string")
        values = frame[column]
        if dtype == "date":
            frame[column] = pd.to_datetime(values, errors="coerce").astype(DATE_DTYPE)
        elif dtype == "boolean":
            frame[column] = values.astype(object).map(_flag).astype("boolean")
        elif dtype in ("Int64", "Float64"):
            frame[column] = pd.to_numeric(values).astype(dtype)
        else:
            frame[column] = values.astype(dtype)
    return frame


def _flag(value: object) -> bool | None:
    if isinstance(value, bool):  # Parquet, or numpy's bool_
        return value
    return {"true": True, "false": False}.get(value) if isinstance(value, str) else None


def _read(path: Path) -> pd.DataFrame:
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    # Every cell as text first: an empty cell is missing, and nothing is guessed.
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])


def load_table(out_dir: str | Path, name: str) -> pd.DataFrame:
    """One table of the run in ``out_dir``, typed."""
    if name not in TABLES:
        raise KeyError(f"no table {name!r}; tables: {', '.join(TABLES)}")
    return typed_frame(_read(table_paths(out_dir)[name]), name)


def load_tables(out_dir: str | Path = "outputs") -> dict[str, pd.DataFrame]:
    """All six tables of a run (documents, dates, places, organisations, figures, events),
    keyed by table name, with typed columns."""
    return {name: typed_frame(_read(path), name) for name, path in table_paths(out_dir).items()}
