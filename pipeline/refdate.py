"""The reference date of a report: the day its relative expressions are anchored to.

Sources, in order of precedence: the file's front matter (``date:``), the metadata CSV, a
dateline in the report's first lines ("Münster, den 1. Oktober 2022", "14.03.2008, Essen",
"Stand 22.09.2023"), the ``--reference-date`` option.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from pipeline.temporal.grammar import find_expressions

DATELINE_LINES = 5  # how many non-blank lines at the top may hold a dateline
DATELINE_MAX_CHARS = 100
DATELINE_CUES = ("den", "stand", "am", "vom", "datum", "veröffentlicht", "aktualisiert")


def _absolute_dates(text: str) -> Iterator[tuple[int, int, dt.date]]:
    """Calendar dates written in full (day, month and year) in ``text``, with their spans,
    read by the date extractor's own grammar."""
    for expr in find_expressions(text):
        spec = expr.spec
        if expr.end_spec is not None or None in (spec.year, spec.month, spec.day):
            continue
        try:
            yield expr.start, expr.end, dt.date(spec.year, spec.month, spec.day)
        except ValueError:  # 31.02. and the like
            continue


def parse_date(text: str) -> dt.date | None:
    """An absolute calendar date written alone (ISO, 22.10.2019, 22. Oktober 2019)."""
    return next((day for _, _, day in _absolute_dates(text.strip())), None)


def find_dateline(text: str) -> dt.date | None:
    """A publication dateline among the first lines: the date starts or ends the line, or
    follows a cue word ("den", "Stand", "Veröffentlicht am")."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:DATELINE_LINES]
    for line in lines:
        if len(line) > DATELINE_MAX_CHARS:
            continue
        for start, end, day in _absolute_dates(line):
            before = line[:start].rstrip(" ,:-–|").lower()
            after = line[end:].strip(" ,.:-–|")
            at_edge = not before or not after or after.startswith("(")
            # the grammar may take the cue into the date itself ("den 1. Oktober 2022")
            words = [*before.split()[-1:], line[start:end].split()[0].lower()]
            cue = any(w in DATELINE_CUES for w in words)
            comma_place = not after or re.fullmatch(r"[A-ZÄÖÜ][\w .()/-]*", after) is not None
            if (at_edge and (comma_place or not before)) or cue:
                return day
    return None


def parse_iso(value: str) -> dt.date:
    """Strict YYYY-MM-DD, or a partial YYYY-MM (first day of the month)."""
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}", value):
        value += "-01"
    return dt.date.fromisoformat(value)


def resolve_reference_date(
    front_matter: dict[str, str],
    metadata_value: str | None,
    text: str,
    default: dt.date | None,
) -> tuple[dt.date | None, str]:
    """Return the reference date and the name of its source (``none`` when there is none)."""
    if front_matter.get("date"):
        day = _lenient(front_matter["date"])
        if day:
            return day, "front_matter"
    if metadata_value:
        day = _lenient(metadata_value)
        if day:
            return day, "metadata"
    day = find_dateline(text)
    if day:
        return day, "dateline"
    if default:
        return default, "option"
    return None, "none"


def _lenient(value: str) -> dt.date | None:
    try:
        return parse_iso(value[:10] if re.match(r"\d{4}-\d{2}-\d{2}", value) else value)
    except ValueError:
        return parse_date(value)
