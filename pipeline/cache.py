"""Incremental runs: every document's finished table rows, kept in the output folder and reused
while nothing that shapes them has changed.

A document's rows are reused when its file's bytes (sha256), its job (doc_id, path, metadata
row, ``--reference-date``) and the pipeline fingerprint are unchanged. The fingerprint covers
this package's code and language data, the versions of the libraries it depends on, and the
spaCy pipeline's config, weights and lookup tables, so a code, dependency or model change
invalidates the whole cache. Failed documents are never cached: the next run retries them.

Storage is one SQLite file, ``OUT/.cache/results.sqlite``. Each run writes a fresh one holding
exactly this run's documents and swaps it in after the tables are committed, so the cache
never outgrows the corpus and an interrupted run leaves the previous one in place.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import importlib.metadata
import json
import logging
import marshal
import os
import re
import sqlite3
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.lookups import Lookups
from srsly import msgpack
from srsly.msgpack._packer import Packer

from pipeline import DISTRIBUTION
from pipeline.batch import DocumentResult, Job
from pipeline.outfiles import create_temp
from pipeline.read import ReadError
from pipeline.read import file_sha256 as file_digest
from pipeline.refdate import reference_iso

log = logging.getLogger("pipeline")

CACHE_DIR = ".cache"
CACHE_FILE = "results.sqlite"
CACHE_FORMAT = "3"  # bump when the stored payload changes shape
CACHEABLE_STATUSES = ("ok", "empty")
PACKAGE_DIR = Path(__file__).parent
# Shipped models are covered by the spaCy pipeline's own bytes; compiled files are derived.
UNHASHED_PARTS = {"models", "__pycache__"}
_ROWS = "rows"  # a table's rows stored as they are (see encode_result)
# Payloads of this run waiting for one INSERT of many: a statement per report costs more
# than the rows it stores.
INSERT_BATCH = 64


def pipeline_fingerprint(nlp: Language) -> str:
    """What the rows of a document depend on besides its file and job: code, libraries,
    pipeline. The vocabulary is left out: it grows as documents are processed."""
    digest = hashlib.sha256()
    digest.update(CACHE_FORMAT.encode())
    digest.update(_code_digest().encode())
    digest.update(json.dumps(_dependency_versions(), sort_keys=True).encode())
    for part in _pipeline_parts(nlp):
        digest.update(part)
    return digest.hexdigest()


def _pipeline_parts(nlp: Language) -> Iterator[bytes]:
    """The spaCy pipeline's config, meta, tokenizer rules, weights and lookup tables.

    Not ``nlp.to_bytes()``: it serialises some settings from sets, in an order that changes
    from one interpreter to the next.
    """
    yield nlp.config.to_str().encode()
    yield json.dumps(nlp.meta, sort_keys=True, default=str).encode()
    yield nlp.tokenizer.to_bytes(exclude=["vocab"])
    for name, component in nlp.pipeline:
        yield name.encode()
        model = getattr(component, "model", None)  # trained weights
        if hasattr(model, "to_bytes"):
            yield model.to_bytes()
        lookups = getattr(component, "lookups", None)  # lemma tables
        if isinstance(lookups, Lookups):
            yield from _lookups_parts(lookups)
        elif hasattr(lookups, "to_bytes"):
            yield lookups.to_bytes()
        labels = getattr(component, "labels", None)
        if labels:
            yield json.dumps(sorted(labels)).encode()


def _lookups_parts(lookups: Lookups) -> Iterator[bytes]:
    """The lookup tables' names and contents.

    Not ``Lookups.to_bytes()``: it copies every table through the table's own ``__getitem__``
    (a Python call per entry, some 0.1 s for a lemma table of 350,000 words) before packing
    it. The keys and values read through ``dict`` are the same, in the order they were
    loaded, and ``marshal`` (version 2: no back-references, so equal tables give equal bytes)
    packs them in C. A table marshal cannot pack goes the way of ``to_bytes``.
    """
    for name in lookups.tables:
        table = lookups.get_table(name)
        yield name.encode()
        try:
            yield marshal.dumps(list(dict.keys(table)), 2)
            yield marshal.dumps(list(dict.values(table)), 2)
        except ValueError:  # a value of a type marshal does not know
            yield table.to_bytes()


@cache
def _code_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        relative = path.relative_to(PACKAGE_DIR)
        if path.is_file() and not UNHASHED_PARTS.intersection(relative.parts):
            digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@cache
def _dependency_versions() -> dict[str, str]:
    try:
        requirements = importlib.metadata.requires(DISTRIBUTION) or []
    except importlib.metadata.PackageNotFoundError:
        requirements = []
    versions = {}
    for requirement in requirements:
        if "extra ==" in requirement:
            continue
        name = re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0]
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "missing"
    return versions


def entry_key(file_sha256: str, job: Job) -> str:
    """The cache key of one document: its content and everything about its job."""
    context = [
        file_sha256,
        job.doc_id,
        str(job.path),
        sorted(job.metadata.items()),
        # a month given without its day ("2024-04", refdate.MonthDate) is not its first day
        reference_iso(job.default_reference_date) if job.default_reference_date else None,
    ]
    return hashlib.sha256(json.dumps(context).encode()).hexdigest()


def encode_result(result: DocumentResult, packer: Packer | None = None) -> bytes:
    """A document's rows packed with MessagePack (spaCy's own, from srsly: packed in C, three
    times as fast as JSON, and unpacking builds nothing but plain values). A table whose
    rows all have the same columns, ``doc_id`` first and equal to the document's, is stored as
    ``[columns, [values, ...]]`` without the ``doc_id``: the column names and the id would
    otherwise be most of the payload and of the time spent packing it. Other tables are
    stored as ``{"rows": [row, ...]}``. TypeError or ValueError for a value that cannot be
    packed."""
    doc_id = result.document.get("doc_id")
    facts = {}
    for table, rows in result.facts.items():
        compact = _compact_rows(doc_id, rows)
        facts[table] = compact if compact is not None else {_ROWS: list(rows)}
    try:
        return (packer or new_packer()).pack([result.document, facts])
    except OverflowError as exc:  # an integer of more than 64 bits
        raise ValueError(str(exc)) from exc


def _compact_rows(doc_id: Any, rows: list[dict[str, Any]]) -> list[Any] | None:
    """``[columns without doc_id, [values without doc_id, ...]]``, or None when the rows do
    not all have the same columns starting with this document's ``doc_id``."""
    columns: tuple[str, ...] | None = None
    values = []
    for row in rows:
        if columns is None:
            columns = tuple(row)
            if columns[:1] != ("doc_id",):
                return None
        elif tuple(row) != columns:
            return None
        cells = list(row.values())
        if cells[0] != doc_id:
            return None
        values.append(cells[1:])
    return [columns[1:] if columns else [], values]


def decode_result(payload: bytes) -> DocumentResult:
    """The rows :func:`encode_result` packed. ValueError, TypeError or KeyError for a payload
    that is not one."""
    try:
        # With object_pairs_hook srsly skips looking up its registered decoders (numpy
        # arrays), a scan of the installed packages' entry points on every call.
        document, stored = msgpack.unpackb(
            payload, raw=False, ext_hook=_unpack_ext, object_pairs_hook=dict
        )
    except msgpack.UnpackException as exc:  # the few unpacking errors that are not ValueError
        raise ValueError(f"unreadable cache payload: {exc!r}") from exc
    if not isinstance(document, dict) or not isinstance(stored, dict):
        raise ValueError("cache payload of another shape")
    doc_id = document.get("doc_id")
    facts = {}
    for table, rows in stored.items():
        if isinstance(rows, dict):
            facts[table] = rows[_ROWS]
        else:
            facts[table] = _expanded_rows(doc_id, *rows)
    return DocumentResult(document, facts)


def _expanded_rows(doc_id: Any, columns: list[str], values: list[list[Any]]) -> list[dict]:
    """The rows :func:`_compact_rows` stored, ``doc_id`` first again (ValueError for a row of
    another length than its columns)."""
    keys = ("doc_id", *columns)
    return [dict(zip(keys, (doc_id, *row), strict=True)) for row in values]


# MessagePack extension types: dates and timestamps as their ISO text.
_DATE_EXT = 1
_DATETIME_EXT = 2


def _pack_value(value: Any) -> msgpack.ExtType:
    if isinstance(value, dt.datetime):
        return msgpack.ExtType(_DATETIME_EXT, value.isoformat().encode())
    if isinstance(value, dt.date):
        return msgpack.ExtType(_DATE_EXT, value.isoformat().encode())
    raise TypeError(f"cannot cache a value of type {type(value).__name__}")


def _unpack_ext(code: int, data: bytes) -> dt.date:
    if code == _DATE_EXT:
        return dt.date.fromisoformat(data.decode())
    if code == _DATETIME_EXT:
        return dt.datetime.fromisoformat(data.decode())
    raise ValueError(f"unknown MessagePack extension type {code} in the cache")


def new_packer() -> Packer:
    """A packer of plain values, dates and timestamps. Not srsly's ``msgpack.Packer``: that
    one first tries the encoders registered with srsly (numpy values), whose output
    :func:`decode_result` does not turn back into the value; here such a value raises
    TypeError and the report is not cached. One per cache: a packer reuses its buffer, so
    two runs in two threads must not share one."""
    return Packer(default=_pack_value, use_bin_type=True)


class ResultCache:
    """The previous run's rows (read-only) and this run's (written to a temporary file)."""

    def __init__(self, out_dir: Path, fingerprint: str) -> None:
        self.dir = out_dir / CACHE_DIR
        self.dir.mkdir(parents=True, exist_ok=True)
        self.target = self.dir / CACHE_FILE
        self.fingerprint = fingerprint
        self.previous = self._open_previous()
        fd, self.tmp = create_temp(self.dir, "results")
        os.close(fd)
        self.packer = new_packer()
        self.current = sqlite3.connect(self.tmp)
        # A private temporary file, renamed into place only when complete: no journal needed.
        self.current.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);"
            "CREATE TABLE results (key TEXT PRIMARY KEY, payload BLOB NOT NULL);"
        )
        self.current.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fingerprint,))
        self.pending: list[tuple[str, bytes]] = []  # rows of this run not yet inserted
        self.hits = 0

    def _open_previous(self) -> sqlite3.Connection | None:
        if not self.target.is_file():
            return None
        try:
            # A URI needs an absolute path; --out is often relative ("outputs").
            db = sqlite3.connect(f"{self.target.absolute().as_uri()}?mode=ro", uri=True)
            row = db.execute("SELECT value FROM meta WHERE name = 'fingerprint'").fetchone()
        except sqlite3.DatabaseError as exc:
            log.warning("ignoring unreadable cache %s: %s", self.target, exc)
            return None
        if row is None or row[0] != self.fingerprint:
            log.info("pipeline code, libraries or model changed: cache not reused")
            db.close()
            return None
        return db

    def lookup(self, job: Job) -> str | None:
        """The key of this document's cached rows, if the previous run left valid ones."""
        if self.previous is None or job.error:
            return None  # nothing to reuse: do not read the file twice
        try:
            key = entry_key(file_digest(job.path), job)
            found = self.previous.execute("SELECT 1 FROM results WHERE key = ?", (key,))
            return key if found.fetchone() else None
        except ReadError:
            return None
        except sqlite3.DatabaseError as exc:
            self._drop_previous(exc)
            return None

    def load(self, key: str) -> DocumentResult | None:
        """Cached rows found by :meth:`lookup`, carried over into this run's cache; None if
        the cache file turns out to be damaged (the document is then computed)."""
        if self.previous is None:
            return None
        try:
            (payload,) = self.previous.execute(
                "SELECT payload FROM results WHERE key = ?", (key,)
            ).fetchone()
            result = decode_result(payload)
        except (sqlite3.DatabaseError, ValueError, TypeError, KeyError) as exc:
            self._drop_previous(exc)
            return None
        self._insert(key, payload)
        self.hits += 1
        return result

    def _drop_previous(self, exc: Exception) -> None:
        log.warning("ignoring damaged cache %s: %s", self.target, exc)
        if self.previous is not None:
            self.previous.close()
        self.previous = None

    def store(self, job: Job, result: DocumentResult) -> None:
        digest = result.document.get("sha256")
        if any(getattr(rows, "spilled", False) for rows in result.facts.values()):
            return  # too many rows to hold at once: such a report is analysed every run
        if result.document["status"] in CACHEABLE_STATUSES and digest:
            try:
                payload = encode_result(result, self.packer)
            except (TypeError, ValueError) as exc:  # not cached: computed again next time
                log.warning("document %s not cached: %s", job.doc_id, exc)
                return
            self._insert(entry_key(digest, job), payload)

    def _insert(self, key: str, payload: bytes) -> None:
        self.pending.append((key, payload))
        if len(self.pending) >= INSERT_BATCH:
            self._flush()

    def _flush(self) -> None:
        self.current.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", self.pending)
        self.pending = []

    def commit(self) -> None:
        self._flush()
        self.current.commit()
        self._close()
        os.replace(self.tmp, self.target)

    def abort(self) -> None:
        try:
            with contextlib.suppress(sqlite3.Error):
                self._close()
        finally:
            self.tmp.unlink(missing_ok=True)

    def _close(self) -> None:
        self.current.close()
        if self.previous is not None:
            self.previous.close()
