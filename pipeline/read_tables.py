"""Load a run's output tables as typed pandas frames (CSV or Parquet, whichever is there)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.tables import TABLES


def table_path(out_dir: Path, name: str) -> Path:
    for ext in ("parquet", "csv"):
        path = out_dir / f"{name}.{ext}"
        if path.is_file():
            return path
    raise FileNotFoundError(f"no {name}.csv or {name}.parquet in {out_dir}")


def _typed(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    for column, dtype in TABLES[name].items():
        if column not in frame:
            continue
        if dtype == "date":
            frame[column] = pd.to_datetime(frame[column], errors="coerce").dt.date
        elif dtype == "boolean" and not pd.api.types.is_bool_dtype(frame[column]):
            mapped = frame[column].astype(object).map({"true": True, "false": False})
            frame[column] = mapped.astype("boolean")
        elif dtype in ("Int64", "Float64"):
            frame[column] = pd.to_numeric(frame[column]).astype(dtype)
        else:
            frame[column] = frame[column].astype(dtype)
    return frame


def load_table(out_dir: str | Path, name: str) -> pd.DataFrame:
    path = table_path(Path(out_dir), name)
    if path.suffix == ".parquet":
        frame = pd.read_parquet(path)
    else:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    return _typed(frame, name)


def load_tables(out_dir: str | Path) -> dict[str, pd.DataFrame]:
    """All five tables of a run, keyed by table name, with typed columns."""
    return {name: load_table(out_dir, name) for name in TABLES}
