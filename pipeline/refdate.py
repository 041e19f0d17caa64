"""The reference date of a report: the day its relative expressions are anchored to.

Sources, in order of precedence: the file's front matter (``date:``), the metadata CSV, a
dateline in the report's first lines ("Münster, den 1. Oktober 2022", "14.03.2008, Essen",
"Stand 22.09.2023"), the ``--reference-date`` option.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from pipeline.lang import load_tsv

DATELINE_LINES = 5  # how many non-blank lines at the top may hold a dateline
DATELINE_MAX_CHARS = 100
DATELINE_CUES = ("den", "stand", "am", "vom", "datum", "veröffentlicht", "aktualisiert")


@cache
def _date_pattern() -> re.Pattern[str]:
    months = sorted({row["name"] for row in load_tsv("months.tsv")}, key=len, reverse=True)
    month_alt = "|".join(re.escape(m) for m in months)
    return re.compile(
        r"(?<![\w.])(?:"
        r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))"
        r"|(?P<nd>\d{1,2})\.(?P<nm>\d{1,2})\.(?P<ny>\d{4}|\d{2})"
        r"|(?P<wd>\d{1,2})\.\s?(?P<wm>" + month_alt + r")\.?\s+(?P<wy>\d{4})"
        r")(?![\w])",
        re.I,
    )


@cache
def _month_numbers() -> dict[str, int]:
    return {row["name"]: int(row["month"]) for row in load_tsv("months.tsv")}


def _full_year(year: str) -> int:
    value = int(year)
    if len(year) == 2:
        value += 2000 if value < 50 else 1900
    return value


def parse_date(text: str) -> dt.date | None:
    """An absolute calendar date written alone (ISO, 22.10.2019, 22. Oktober 2019)."""
    match = _date_pattern().search(text.strip())
    return _match_to_date(match) if match else None


def _match_to_date(m: re.Match[str]) -> dt.date | None:
    try:
        if m.group("iso"):
            return dt.date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        if m.group("nd"):
            return dt.date(_full_year(m.group("ny")), int(m.group("nm")), int(m.group("nd")))
        month = _month_numbers()[m.group("wm").lower()]
        return dt.date(int(m.group("wy")), month, int(m.group("wd")))
    except ValueError:  # 31.02. and the like
        return None


def find_dateline(text: str) -> dt.date | None:
    """A publication dateline among the first lines: the date starts or ends the line, or
    follows a cue word ("den", "Stand", "Veröffentlicht am")."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:DATELINE_LINES]
    for line in lines:
        if len(line) > DATELINE_MAX_CHARS:
            continue
        for m in _date_pattern().finditer(line):
            before = line[: m.start()].rstrip(" ,:-–|").lower()
            after = line[m.end() :].strip(" ,.:-–|")
            at_edge = not before or not after or after.startswith("(")
            cued = before.split()[-1:] and before.split()[-1] in DATELINE_CUES
            comma_place = not after or re.fullmatch(r"[A-ZÄÖÜ][\w .()/-]*", after) is not None
            if (at_edge and (comma_place or not before)) or cued:
                day = _match_to_date(m)
                if day:
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
