"""Joining atoms: one expression for neighbours that belong together ("Donnerstag, 24. Oktober
2019, 11.00 Uhr"), ranges ("vom 22. bis 24. Oktober", "10 bis 18 Uhr") and coordinated dates
("am 28. und 29. April", "im Mai oder Juni 2025")."""

from __future__ import annotations

import re

from pipeline.temporal.atoms import (
    DAY,
    DAY_HEAD,
    DAYPART,
    PERIOD,
    SHIFT,
    TIME,
    TIME_HEAD,
    WEEK,
    YEAR,
    Atom,
)
from pipeline.temporal.patterns import CONNECTOR
from pipeline.temporal.spec import Expression, TimeSpec

_GAP_HEAD_RANGE = re.compile(rf"\s*(?:{CONNECTOR})?\s*", re.I)
_GAP_COORDINATED = re.compile(r"\s*(?:,|und|sowie|oder)\s*", re.I)
_COORDINATED_START = re.compile(r"(?:und|sowie|oder)\s", re.I)
_GAP_WEEKDAY_DATE = re.compile(r"\s*,?\s*(?:(?:den|der)\s+)?", re.I)
_GAP_DAY_TIME = re.compile(r"\s*,?\s*(?:um\s+)?", re.I)
_GAP_TIME_DAY = re.compile(r"\s*,?\s*(?:am\s+)?", re.I)
_GAP_DAYPART_DAY = re.compile(r"\s+(?:am\s+|des\s+|zum\s+)?", re.I)
_GAP_WEEKDAY_WEEK = re.compile(r"\s+(?:der\s+)?", re.I)
_GAP_SPACE = re.compile(r"\s*")
_GAP_RANGE = re.compile(rf"\s*,?\s*{CONNECTOR}\s*", re.I)
_LEADING_CONNECTOR = re.compile(r"bis(?:\s+(?:zum|zur|einschließlich))?\s+", re.I)
_RANGE_PREFIX = re.compile(r"(?:vom|von|zwischen(?:\s+dem)?|ab\s+dem)\s*$", re.I)


def _join(a: Atom, b: Atom, text: str) -> Atom | None:
    """One atom for two neighbours that form one expression, or None."""
    gap = text[a.end : b.start]
    sa, sb = a.spec, b.spec

    def fits(rx: re.Pattern[str]) -> bool:
        return rx.fullmatch(gap) is not None

    merged: TimeSpec | None = None
    role = DAY
    date_like = sa.day is not None or sa.holiday is not None
    if a.role == DAY and b.role == DAY and fits(_GAP_WEEKDAY_DATE):
        if sa.weekday is not None and sa.day is None and sb.day is not None and sb.weekday is None:
            merged = sb.merge(sa)
    elif a.role == DAY and b.role == DAYPART and fits(_GAP_SPACE) and not sa.daypart:
        merged = sa.with_(daypart=sb.daypart)
    elif a.role == DAYPART and b.role == DAY and fits(_GAP_DAYPART_DAY) and not sb.daypart:
        merged = sb.with_(daypart=sa.daypart)
    elif a.role == DAY and b.role == WEEK and fits(_GAP_WEEKDAY_WEEK) and not date_like:
        if sa.weekday is not None and sa.weekday_offset is None:
            merged = sa.with_(unit="week", offset=sb.offset)
    elif a.role == DAY and b.role == SHIFT and fits(_GAP_SPACE) and sa.weekday is not None:
        if sb.shift and sb.shift[1] == "week" and sa.day is None:
            merged = sa.with_(shift=sb.shift)
    elif a.role == DAY and b.role == TIME and fits(_GAP_DAY_TIME):
        merged = sb.merge(sa)
        if b.end_spec is not None:
            return Atom(a.start, b.end, merged, DAY, end_spec=b.end_spec.merge(sa))
    elif a.role == TIME and b.role == DAY and fits(_GAP_TIME_DAY):
        merged = sa.merge(sb)
        if a.end_spec is not None:
            return Atom(a.start, b.end, merged, DAY, end_spec=a.end_spec.merge(sb))
    elif a.role == DAYPART and b.role == TIME and fits(_GAP_SPACE) and not sb.daypart:
        merged, role = sb.with_(daypart=sa.daypart), TIME
    elif _of_the_year_in_focus(sa, sb) and fits(_GAP_SPACE):
        # "im Juli desselben Jahres", "am 3. Mai des folgenden Jahres"
        merged, role = sa.with_(unit="year", offset=sb.offset, from_focus=True), a.role
    if merged is None:
        return None
    return Atom(a.start, b.end, merged, role)


def _of_the_year_in_focus(a: TimeSpec, b: TimeSpec) -> bool:
    """A month, season or day without year, then "desselben Jahres", "des folgenden Jahres"."""
    named = a.month is not None or a.season is not None
    anaphor = b.from_focus and b.unit == "year" and b.offset is not None
    return named and anaphor and a.year is None and a.unit is None and a.offset is None


# the roles of the two ends a range may join
_RANGE_PAIRS = frozenset(
    {
        (DAY, DAY),
        (DAY_HEAD, DAY),
        (TIME, TIME),
        (TIME_HEAD, TIME),
        (YEAR, YEAR),
        (PERIOD, PERIOD),
        (PERIOD, YEAR),
        (YEAR, PERIOD),
    }
)


def _range(a: Atom, b: Atom, text: str) -> Expression | None:
    # the tests that need no text first: most neighbours are no range ("am Freitag um 18 Uhr")
    if a.end_spec is not None or b.end_spec is not None or (a.role, b.role) not in _RANGE_PAIRS:
        return None
    gap = text[a.end : b.start]
    lead = _LEADING_CONNECTOR.match(text, b.start, b.end)
    if lead:  # "bis Freitag", "bis 18 Uhr": the connector opens the second atom
        gap += lead.group(0)
    if a.role in (DAY_HEAD, TIME_HEAD):
        if not _GAP_HEAD_RANGE.fullmatch(gap):
            return None
    elif not _GAP_RANGE.fullmatch(gap):
        return None
    prefix = _RANGE_PREFIX.search(text[max(0, a.start - 20) : a.start])
    start = a.start - (len(prefix.group(0)) if prefix else 0)
    words = gap.lower().split()
    if "und" in words and not (prefix and "zwischen" in prefix.group(0).lower()):
        return None
    if "auf" in words and not (prefix and prefix.group(0).lower().startswith("vom")):
        return None  # "vom 14. auf den 15.": a night; "vom 3.5. auf 7.5. verschoben" is not
    if "/" in gap and a.role not in (DAY_HEAD, TIME_HEAD, TIME):
        return None
    first, last = a.spec, b.spec.with_(open=None)
    if a.role == DAY_HEAD:
        first = _month_before_if_later(
            last.with_(day=first.day, weekday=None, hour=None, minute=None), last
        )
    elif a.role in (DAY, PERIOD) and first.year is None and first.month is not None:
        first = first.with_(year=last.year)
        if first.day is not None and first.month is None:
            first = first.with_(month=last.month)
    if a.role == PERIOD and first.month is not None and last.month is None:
        return None
    if a.role in (TIME, TIME_HEAD):
        first = first.merge(last.with_(hour=None, minute=None, clock_words=False, open=None))
        first = first.with_(open=None)
    return Expression(start, b.end, first.with_(open=None), last)


def _month_before_if_later(first: TimeSpec, last: TimeSpec) -> TimeSpec:
    """ "vom 28. bis 3. März": a bare first day after the last one lies in the month before,
    the only reading in which the range does not end before it starts."""
    if first.day is None or last.day is None or last.month is None or first.day <= last.day:
        return first
    if last.month > 1:
        return first.with_(month=last.month - 1)
    if last.year is not None:
        return first.with_(month=12, year=last.year - 1)
    return first


def _coordinated_day(a: Atom, b: Atom, text: str) -> Expression | None:
    """ "am 28. und 29. April": the first day of two named ones, completed from the second."""
    if a.role != DAY_HEAD or b.role != DAY or b.spec.month is None:
        return None
    if not _GAP_COORDINATED.fullmatch(text[a.end : b.start]):
        return None
    if _RANGE_PREFIX.search(text[max(0, a.start - 20) : a.start]):
        return None  # "zwischen dem 1. und 3. Mai" is a range
    return Expression(a.start, a.end, b.spec.with_(day=a.spec.day, weekday=None, hour=None))


def _weekday_pair(a: Atom, b: Atom, text: str) -> bool:
    """Two bare weekdays in a row joined by "und" ("am Samstag und Sonntag")."""
    if a.role != DAY or b.role != DAY or a.end_spec is not None or b.end_spec is not None:
        return False
    sa, sb = a.spec, b.spec
    if sa.weekday is None or sb.weekday is None:
        return False
    bare = TimeSpec(weekday=sa.weekday)
    if sa != bare or sb.with_(open=None) != bare.with_(weekday=sb.weekday):
        return False
    return (
        sb.weekday == sa.weekday % 7 + 1 and _GAP_AND.fullmatch(text[a.end : b.start]) is not None
    )


_GAP_AND = re.compile(r"\s+und\s+(?:am\s+)?", re.I)


def _next_day(first: TimeSpec, second: TimeSpec) -> bool:
    """Whether two coordinated day specs of one month name consecutive days, without clock times."""
    if first.day is None or second.day is None or first.month != second.month:
        return False
    return second.day == first.day + 1 and first.hour is None and second.hour is None


def _time_ranges(atoms: list[Atom], text: str) -> list[Atom]:
    """Clock-time ranges ("9:30 - 11:00") first, so that a day can join the whole range."""
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if a.role in (TIME, TIME_HEAD) and i + 1 < len(atoms) and atoms[i + 1].role == TIME:
            rng = _range(a, atoms[i + 1], text)
            if rng is not None:
                out.append(Atom(rng.start, rng.end, rng.spec, TIME, end_spec=rng.end_spec))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def combine(atoms: list[Atom], text: str) -> list[Expression]:
    """Join neighbouring atoms into single expressions, then into ranges."""
    joined: list[Atom] = []
    for atom in _time_ranges(atoms, text):
        while joined:
            merged = _join(joined[-1], atom, text)
            if merged is None:
                break
            atom = merged
            joined.pop()
        joined.append(atom)
    expressions: list[Expression] = []
    i = 0
    while i < len(joined):
        a = joined[i]
        if i + 1 < len(joined):
            rng = _range(a, joined[i + 1], text)
            if rng is not None:
                expressions.append(rng)
                i += 2
                continue
        if i + 1 < len(joined) and _weekday_pair(a, joined[i + 1], text):
            b = joined[i + 1]  # "am Freitag und Samstag": one span, as a range
            expressions.append(Expression(a.start, b.end, a.spec, b.spec.with_(open=None)))
            i += 2
            continue
        if a.needs_partner and i + 1 < len(joined):
            first = _coordinated_day(a, joined[i + 1], text)
            b = joined[i + 1]
            if first is not None and _next_day(first.spec, b.spec) and b.end_spec is None:
                # "am 8. und 9. März": two days in a row are one span, as gold-schema's range
                expressions.append(Expression(first.start, b.end, first.spec, b.spec))
                i += 2
                continue
            if first is not None:
                expressions.append(first)
        if not a.needs_partner:
            expressions.append(Expression(a.start, a.end, a.spec, a.end_spec))
        i += 1
    return expressions


def share_years(expressions: list[Expression], text: str) -> list[Expression]:
    """ "im Mai oder Juni 2025", "am 3. Mai und 4. Juni 2025": the year written once, at the end,
    belongs to every coordinated month or day; "Vom 8.-10.9. feierte die Stadt 1967 ihr Fest":
    a bare year a few words after a day without one, in the same clause, is its year."""
    for i in range(len(expressions) - 2, -1, -1):
        a, b = expressions[i], expressions[i + 1]
        if a.spec.year is not None or a.spec.month is None:
            continue
        gap = text[a.end : b.start]
        if _year_later_in_clause(a, b, gap):
            year = b.spec.year
            end = a.end_spec.with_(year=year) if a.end_spec else None
            expressions[i] = Expression(a.start, a.end, a.spec.with_(year=year), end)
            continue
        if a.end_spec is not None:
            continue
        year = (b.spec if b.end_spec is None else b.end_spec).year
        joined = _GAP_COORDINATED.fullmatch(gap) or (
            not gap.strip() and _COORDINATED_START.match(text, b.start)
        )
        if year is not None and joined:
            expressions[i] = Expression(a.start, a.end, a.spec.with_(year=year))
    return expressions


_CLAUSE_WORDS = re.compile(r"\s+(?:[\wäöüß]+\s+){0,3}")
YEAR_ONLY = TimeSpec()


def _year_later_in_clause(a: Expression, b: Expression, gap: str) -> bool:
    """A day and month without year, then a bare year a few words later in the same clause."""
    spec = a.spec
    if spec.day is None or spec.month is None or b.end_spec is not None or b.spec.year is None:
        return False
    if a.end_spec is not None and a.end_spec.year is not None:
        return False
    bare = b.spec.with_(year=None, open=None) == YEAR_ONLY
    return bare and _CLAUSE_WORDS.fullmatch(gap) is not None
