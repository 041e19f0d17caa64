"""Calendar arithmetic: holidays from their rules, seasons, weeks, months and parts of them."""

from __future__ import annotations

import calendar as _cal
import datetime as dt

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

from pipeline.temporal.lexicon import Season

Span = tuple[dt.date, dt.date]


def month_span(year: int, month: int) -> Span:
    return dt.date(year, month, 1), dt.date(year, month, _cal.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, _cal.monthrange(year, month + 1)[1]))


def week_span(day: dt.date) -> Span:
    monday = day - dt.timedelta(days=day.isoweekday() - 1)
    return monday, monday + dt.timedelta(days=6)


def iso_week_span(year: int, week: int) -> Span:
    monday = dt.date.fromisocalendar(year, week, 1)
    return monday, monday + dt.timedelta(days=6)


def quarter_span(year: int, quarter: int) -> Span:
    first = dt.date(year, 3 * quarter - 2, 1)
    return first, month_span(year, 3 * quarter)[1]


def season_span(season: Season, year: int) -> Span:
    """The season that starts in ``year`` (winter runs into the next year)."""
    end_year = year + 1 if season.end < season.start else year
    return dt.date(year, *season.start), dt.date(end_year, *season.end)


def part_of(span: Span, part: str | None) -> Span:
    """Anfang, Mitte, Ende: the first, middle and last third of a period."""
    if not part:
        return span
    first, last = span
    third = ((last - first).days + 1) // 3
    if part == "anfang":
        return first, first + dt.timedelta(days=third - 1)
    if part == "mitte":
        return first + dt.timedelta(days=third), last - dt.timedelta(days=third)
    return last - dt.timedelta(days=third - 1), last


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date | None:
    first, last = month_span(year, month)
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    matching = [d for d in days if d.isoweekday() == weekday]
    if nth == -1:
        return matching[-1]
    return matching[nth - 1] if 0 < nth <= len(matching) else None


def _advent_sunday(year: int, n: int) -> dt.date:
    """n-th Advent Sunday (1-4); 0 and below count further back (Totensonntag = 0)."""
    christmas = dt.date(year, 12, 25)
    fourth = christmas - dt.timedelta(days=christmas.isoweekday() % 7 or 7)
    return fourth - dt.timedelta(weeks=4 - n)


def _rule_date(rule: str, year: int) -> dt.date | None:
    kind, _, arg = rule.partition(":")
    if kind == "fixed":
        month, day = arg.split("-")
        return dt.date(year, int(month), int(day))
    if kind in ("easter", "orthodox"):
        method = EASTER_WESTERN if kind == "easter" else EASTER_ORTHODOX
        return easter(year, method) + dt.timedelta(days=int(arg))
    if kind == "nth":
        month, weekday, nth = (int(x) for x in arg.split(":"))
        return nth_weekday(year, month, weekday, nth)
    if kind == "advent":
        return _advent_sunday(year, int(arg))
    if kind == "before":
        date_part, weekday = arg.rsplit(":", 1)
        month, day = date_part.split("-")
        anchor = dt.date(year, int(month), int(day))
        back = (anchor.isoweekday() - int(weekday)) % 7 or 7
        return anchor - dt.timedelta(days=back)
    raise ValueError(f"unknown holiday rule {rule!r}")


def holiday_span(rule: str, year: int) -> Span | None:
    """First and last day of a holiday (one day, or a named period such as Advent)."""
    if rule.startswith("span:"):
        first_rule, last_rule = rule[5:].split(";")
        first, last = _rule_date(first_rule, year), _rule_date(last_rule, year)
        return (first, last) if first and last else None
    day = _rule_date(rule, year)
    return (day, day) if day else None
