"""The run manifest ``OUT/run.json``: which run the tables in a folder belong to.

A run removes the previous manifest before it changes anything else and writes its own last,
after every table is in place. So a folder whose manifest is missing holds no complete run
(a run is under way, was killed or failed), and a folder whose tables do not match their
manifest holds tables of different runs. Readers (:mod:`pipeline.read_tables`, ``query``,
``evaluate``) refuse both with a clear message.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.outfiles import write_atomically
from pipeline.refdate import reference_iso
from pipeline.tables import TABLES

MANIFEST = "run.json"
MANIFEST_VERSION = 1


class ManifestError(FileNotFoundError):
    """The folder holds no complete, consistent run."""


@dataclass(frozen=True, slots=True)
class TableFileInfo:
    file: str
    rows: int
    bytes: int


def package_version() -> str:
    from pipeline import version

    return version()


def invalidate(out_dir: Path) -> None:
    """Make the tables in ``out_dir`` stop looking current (before a run changes them)."""
    (out_dir / MANIFEST).unlink(missing_ok=True)


def _json_value(value: object) -> str:
    """A value JSON has no type for: a date (``--reference-date``) as ISO text, a month given
    alone as ``2024-04`` (given again, it is read as a month again), else its str."""
    return reference_iso(value) if isinstance(value, dt.date) else str(value)


def write_manifest(
    out_dir: Path, fmt: str, tables: dict[str, TableFileInfo], run: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Write ``run.json`` for tables already in place; returns what was written."""
    manifest = {
        "manifest_version": MANIFEST_VERSION,
        "run_id": uuid.uuid4().hex,
        "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "pipeline_version": package_version(),
        "format": fmt,
        **(run or {}),
        "tables": {
            name: {"file": t.file, "rows": t.rows, "bytes": t.bytes} for name, t in tables.items()
        },
    }
    text = json.dumps(manifest, indent=2, ensure_ascii=False, default=_json_value) + "\n"
    write_atomically(out_dir / MANIFEST, text.encode("utf-8"))
    return manifest


def read_manifest(out_dir: Path) -> dict[str, Any]:
    """The manifest of the run in ``out_dir``, checked against the table files there."""
    path = out_dir / MANIFEST
    if not path.is_file():
        tables = sorted(p.name for p in out_dir.glob("*") if p.stem in TABLES)
        if tables:
            raise ManifestError(
                f"incomplete run in {out_dir}: tables ({', '.join(tables)}) but no {MANIFEST}; "
                "a run into this folder is under way, was interrupted or failed, or was made by "
                "a version without run manifests: run it again"
            )
        raise ManifestError(f"no {MANIFEST} and no tables in {out_dir}: not a run folder")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        tables = manifest["tables"]
        fmt = manifest["format"]
        files = {name: (tables[name]["file"], int(tables[name]["bytes"])) for name in tables}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ManifestError(f"damaged {path}: {exc}; run the pipeline again") from exc
    problems = [f"table {name} missing from {MANIFEST}" for name in TABLES if name not in files]
    for file, size in files.values():
        table_path = out_dir / file
        if not table_path.is_file():
            problems.append(f"{file} missing")
        elif table_path.stat().st_size != size:
            problems.append(f"{file} is not the file run {manifest.get('run_id')} wrote")
    if problems:
        raise ManifestError(
            f"inconsistent run in {out_dir} ({fmt}): {'; '.join(problems)}; run the pipeline again"
        )
    return manifest
