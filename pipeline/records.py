"""Records the extractors put on ``Doc._`` and the writers turn into table rows.

Offsets (``start_char``/``end_char``) are character offsets into ``doc.text``. The writer maps
them back to the decoded input file and adds ``doc_id`` and ``sentence``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DateMention:
    start_char: int
    end_char: int
    text: str
    value: str | None  # TIMEX3-style ISO value, None when it cannot be resolved
    start: str | None  # first day or minute covered, ISO
    end: str | None  # last day or minute covered, ISO
    granularity: str | None  # year, season, month, week, day, minute
    relative: bool


@dataclass(frozen=True, slots=True)
class FigureMention:
    start_char: int
    end_char: int
    text: str
    value: float
    unit: str | None
    qualifier: str  # exact, approx, more_than, less_than, at_least, at_most, almost
    category: str | None


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start_char: int
    end_char: int
    text: str
    name: str
    kind: str | None = None  # country, state, region, city, district, venue, other
    country_code: str | None = None
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    source: str | None = None  # which layer found it: ner, gazetteer, pattern, …


@dataclass(frozen=True, slots=True)
class OrganisationMention:
    start_char: int
    end_char: int
    text: str
    name: str
    acronym: str | None = None
    legal_form: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One event a report is about (not one mention): built from the other extractors'
    mentions. ``start_char``/``end_char`` are the first mention of its name, None for a
    descriptive name the text does not write."""

    event: int  # 1, 2, … within the report
    name: str
    year: int | None = None
    start: str | None = None  # ISO day, or month or year where that is all the text gives
    end: str | None = None
    city: str | None = None
    venue: str | None = None
    organisers: str | None = None  # canonical organisation names joined by "; "
    visitors: float | None = None
    visitors_qualifier: str | None = None
    exhibitors: float | None = None
    exhibitors_qualifier: str | None = None
    participants: float | None = None
    participants_qualifier: str | None = None
    start_char: int | None = None
    end_char: int | None = None
