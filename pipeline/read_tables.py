"""Load a run's output tables as typed pandas frames (CSV or Parquet, whichever the run wrote).

Types follow :data:`pipeline.tables.TABLES`: ``date`` columns become ``datetime64[us]``, integers
the nullable ``Int64``, numbers ``Float64``, flags ``boolean`` and text ``string``, with empty
CSV cells as missing values. Columns outside the contract (the documents table's metadata and
front-matter columns) are text.

The dates table gets two typed columns after its own: ``start_datetime`` and ``end_datetime``,
``start``/``end`` as ``datetime64[us]`` (a day as its midnight). A clock time of an unknown day
(``T15:00``) is no point in time: missing there, its time stays in ``start``/``end``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.manifest import ManifestError, read_manifest
from pipeline.tables import TABLES

# One resolution whatever the source: CSV text and Parquet dates would otherwise differ.
DATE_DTYPE = "datetime64[us]"
# Columns added when a table is loaded: name -> the text column it types.
TIMESTAMP_COLUMNS: dict[str, dict[str, str]] = {
    "dates": {"start_datetime": "start", "end_datetime": "end"},
}
TIME_ONLY_PREFIX = "T"  # "T15:00": a clock time without a day


class RunNotFound(FileNotFoundError):
    """The folder holds no complete, consistent run (see :mod:`pipeline.manifest`)."""


def run_format(out_dir: Path) -> str:
    """The format of the run in ``out_dir``, as its manifest records it."""
    return _checked_manifest(Path(out_dir))["format"]


def _checked_manifest(out_dir: Path) -> dict:
    if not out_dir.is_dir():
        raise RunNotFound(
            f"run folder {out_dir} does not exist "
            f"(create it with: python -m pipeline run INPUT --out {out_dir})"
        )
    try:
        return read_manifest(out_dir)
    except ManifestError as exc:
        raise RunNotFound(str(exc)) from None


def table_paths(out_dir: str | Path) -> dict[str, Path]:
    """Every table file of the run in ``out_dir``, by table name, once its manifest
    (``run.json``) shows that the files are the complete tables of one run."""
    out_dir = Path(out_dir)
    tables = _checked_manifest(out_dir)["tables"]
    return {name: out_dir / tables[name]["file"] for name in TABLES}


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
    for column, source in TIMESTAMP_COLUMNS.get(name, {}).items():
        frame[column] = _timestamps(frame[source])
    return frame


def _timestamps(values: pd.Series) -> pd.Series:
    """ISO days and minutes as timestamps; time-only and empty values as missing."""
    text = values.astype("string")
    text = text.where(~text.str.startswith(TIME_ONLY_PREFIX).fillna(False))
    return pd.to_datetime(text, format="ISO8601").astype(DATE_DTYPE)


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
