"""Custom attributes on ``Doc`` and ``Span`` that carry a report's context and its facts.

Everything a Doc stores is plain data (dicts, lists, strings, numbers, booleans, None), so a
processed Doc survives ``Doc.to_bytes()``, ``DocBin(store_user_data=True)`` and
``nlp.pipe(n_process=N)``:

- ``doc.spans[KEY]`` (KEY ``dates``, ``places``, ``organisations``, ``figures``): one span per
  mention, in text order, labelled ``DATE``, ``PLACE``, ``ORG`` or ``FIGURE``. ``span.kb_id_``
  is the normalised identity where there is one (ISO value of a date, canonical name of a
  place or organisation) and ``span._.fact`` the mention's full record as a dict. (Not on the
  Docs a run makes for its tables alone: :data:`TABLES_ONLY`.)
- ``doc._.facts``: ``{KEY: [record as dict, …]}``, the store behind the attributes below
  (read-only: write with :func:`set_facts`).
- ``doc._.dates`` / ``places`` / ``organisations`` / ``figures``: the same mentions as the
  dataclasses of :mod:`pipeline.records`, rebuilt from ``doc._.facts`` when needed (after
  deserialisation; otherwise the records a component stored).
- ``doc._.reference_date``: a ``datetime.date`` or ``datetime.datetime`` (anything else is a
  ``TypeError``), stored as its ISO string.

A component stores its mentions with :func:`set_facts`; a new fact type is declared once with
:func:`register_fact`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import weakref
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, partial
from typing import Any

from spacy.tokens import Doc, Span, SpanGroup

from pipeline.records import (
    DateMention,
    EventRecord,
    FigureMention,
    OrganisationMention,
    PlaceMention,
)
from pipeline.refdate import MONTH_CHARS, parse_iso, reference_iso

DOC_EXTENSIONS: dict[str, object] = {
    "doc_id": None,
    "facts": None,  # dict[str, list[dict]]: every fact type's records as plain dicts
    "extract_errors": None,  # list[str]: extractor failures, one line each
}
REFERENCE_KEY = "pipeline_reference_date"  # Doc.user_data: the reference date, ISO
CHUNK_START = "pipeline_chunk_start"  # Doc.user_data: where the piece starts in the text
# Doc.user_data: True on a Doc analysed for a run's tables only (pipeline.batch), whose facts
# become rows and which is then dropped. Nothing reads its mention spans, so set_facts stores
# the facts without them: a Span per mention (doc.char_span) and a SpanGroup per fact type
# cost some 0.08 ms per report of the bench's, as much as the run's reading of its file.
# The flag travels with user_data (Doc.to_bytes, DocBin): never set it on a Doc a user gets.
TABLES_ONLY = "pipeline_tables_only"


@dataclass(frozen=True, slots=True)
class FactType:
    key: str  # doc.spans key, doc._ attribute and table name
    record: type  # dataclass of pipeline.records
    label: str  # label of the spans
    kb_field: str | None = None  # the record field shown as span.kb_id_


FACT_TYPES: dict[str, FactType] = {}
# The records behind a Doc's stored rows, by fact type, while the Doc lives: components and the
# table writer read the same facts several times, and rebuilding tens of thousands of records
# per read would cost more than finding them. Valid while ``doc._.facts[key]`` is that list.
_RECORDS: weakref.WeakKeyDictionary[Doc, dict[str, tuple[list, list]]] = weakref.WeakKeyDictionary()


def register_fact(key: str, record: type, label: str, kb_field: str | None = None) -> None:
    """Declare a fact type: ``doc._.KEY`` then reads and writes ``record`` instances, and
    :func:`set_facts` accepts the key. Records must be flat dataclasses of plain values."""
    FACT_TYPES[key] = FactType(key, record, label, kb_field)
    if not Doc.has_extension(key):
        Doc.set_extension(
            key, getter=partial(get_facts, key=key), setter=partial(_set_attribute, key=key)
        )


def set_facts(doc: Doc, key: str, records: Iterable[Any]) -> None:
    """Store one fact type's mentions on ``doc``: as plain dicts in ``doc._.facts[key]`` and
    as spans in ``doc.spans[key]``. ``records`` are dataclass instances or dicts with at
    least ``start_char`` and ``end_char`` (offsets into ``doc.text``)."""
    fact = FACT_TYPES[key]
    records = list(records)
    rows = [_plain(r) for r in records]
    doc._.facts = {**(doc._.facts or {}), key: rows}
    if all(type(r) is fact.record for r in records):
        _RECORDS.setdefault(doc, {})[key] = (rows, records)
    if doc.user_data.get(TABLES_ONLY):
        return  # no spans: see TABLES_ONLY
    # One span at a time: each Span object is freed once its group holds it; tens of thousands
    # kept alive at once would be promoted by the garbage collector and make later full
    # collections more frequent.
    group = SpanGroup(doc, name=key)
    for span in _spans(doc, fact, rows):
        group.append(span)
    doc.spans[key] = group


def _spans(doc: Doc, fact: FactType, rows: list[dict[str, Any]]) -> Iterator[Span]:
    for row in rows:
        if row["start_char"] is None:  # an event with a descriptive name the text does not write
            continue
        kb_id = row.get(fact.kb_field) if fact.kb_field else None
        span = doc.char_span(
            row["start_char"],
            row["end_char"],
            label=fact.label,
            kb_id=str(kb_id or ""),
            alignment_mode="expand",
        )
        if span is not None:  # None: an empty mention, which covers no token
            yield span


def get_facts(doc: Doc, key: str) -> list | None:
    """``doc._.KEY``: the stored mentions as records, None when no component stored any."""
    rows = (doc._.facts or {}).get(key)
    if rows is None:
        return None
    known = _RECORDS.get(doc, {}).get(key)
    if known is None or known[0] is not rows or len(known[1]) != len(rows):
        record = FACT_TYPES[key].record
        known = (rows, [record(**row) for row in rows])
        _RECORDS.setdefault(doc, {})[key] = known
    return list(known[1])


def _set_attribute(doc: Doc, value: Iterable[Any] | None, key: str) -> None:
    if value is None:
        doc._.facts = {k: v for k, v in (doc._.facts or {}).items() if k != key}
        if key in doc.spans:
            del doc.spans[key]
    else:
        set_facts(doc, key, value)


def _plain(record: Any) -> dict[str, Any]:
    if isinstance(record, Mapping):
        return dict(record)
    # Records are flat: a shallow copy is dataclasses.asdict without its deep copies.
    return {name: getattr(record, name) for name in field_names(type(record))}


@cache
def field_names(record_type: type) -> tuple[str, ...]:
    # dataclasses.fields() rebuilds its tuple on every call; a run asks once per record.
    return tuple(f.name for f in dataclasses.fields(record_type))


def span_fact(span: Span) -> dict[str, Any] | None:
    """``span._.fact``: the record of a mention span of ``doc.spans`` as a dict (a copy)."""
    key = next((f.key for f in FACT_TYPES.values() if f.label == span.label_), None)
    rows = (span.doc._.facts or {}).get(key, []) if key else []
    for row in rows:
        start, end = row["start_char"], row["end_char"]
        if start is None:
            continue
        if span.start_char <= start and end <= span.end_char:
            found = span.doc.char_span(start, end, alignment_mode="expand")
            if found is not None and (found.start, found.end) == (span.start, span.end):
                return dict(row)
    return None


def get_reference_date(doc: Doc) -> dt.date | None:
    value = doc.user_data.get(REFERENCE_KEY)
    if value is None:
        return None
    if len(value) == MONTH_CHARS:  # "2017-03": a month without its day
        return parse_iso(value)
    return dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)


def set_reference_date(doc: Doc, value: dt.date | None) -> None:
    if value is not None and not isinstance(value, dt.date):
        raise TypeError(
            "doc._.reference_date must be a datetime.date or datetime.datetime (or None), "
            f"not {type(value).__name__} {value!r}; for text use datetime.date.fromisoformat()"
        )
    if value is None:
        doc.user_data.pop(REFERENCE_KEY, None)
    else:
        # a month given without its day keeps that it is one (refdate.MonthDate)
        doc.user_data[REFERENCE_KEY] = reference_iso(value)


def register_extensions() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Doc.has_extension("reference_date"):
        Doc.set_extension("reference_date", getter=get_reference_date, setter=set_reference_date)
    if not Span.has_extension("fact"):
        Span.set_extension("fact", getter=span_fact)
    for fact in (
        FactType("dates", DateMention, "DATE", "value"),
        FactType("places", PlaceMention, "PLACE", "name"),
        FactType("organisations", OrganisationMention, "ORG", "name"),
        FactType("figures", FigureMention, "FIGURE"),
        FactType("events", EventRecord, "EVENT", "name"),
    ):
        if fact.key not in FACT_TYPES:
            register_fact(fact.key, fact.record, fact.label, fact.kb_field)


register_extensions()
