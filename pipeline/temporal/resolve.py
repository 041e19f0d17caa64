"""Anchoring temporal expressions to the calendar: pure functions of an expression and its context.

Rules (HeidelTime's for news, adapted to event reports):
- a field the text leaves open comes from the context: the year of the nearest preceding explicit
  date, the day the preceding text fixes (for clock times), the event span the text states (for
  weekdays), else the reference date;
- a weekday, a month or a holiday without year points back from the reference date in a past
  clause, forward in a future clause, and to the nearest occurrence in the present (a report's
  present narrates its own days); ``prefer_future`` reads tenseless phrases as future;
- without a reference date relative expressions keep ``value=None``: they are listed, not guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any

from pipeline.temporal import calendar as cal
from pipeline.temporal.lexicon import lexicon
from pipeline.temporal.spec import Expression, TimeSpec, copy_with
from pipeline.temporal.tense import FUTURE, PAST, PRESENT

Span = tuple[dt.date, dt.date]


@dataclass(frozen=True)
class Context:
    reference: dt.date | None = None
    reference_time: dt.time | None = None  # when the reference is an instant
    # the clause's tense, or a function that reads it: most expressions never ask
    tense: str | Callable[[], str] = PRESENT
    prefer_future: bool = False
    year: int | None = None  # year of the nearest preceding explicit date
    day: dt.date | None = None  # the day the preceding text fixes
    spans: tuple[Span, ...] = field(default_factory=tuple)  # event spans, nearest first
    # "die letzten 3 Tage" as the period it names (Duckling) rather than a duration (a figure,
    # as gold-schema.md counts durations and "seit 20 Jahren")
    anchor_durations: bool = False

    def but(self, **changes: Any) -> Context:
        """This context with ``changes``: :func:`dataclasses.replace` without running
        ``__init__`` again (it checks nothing here), as the date extractor derives a few
        contexts for every expression."""
        return copy_with(self, _CONTEXT_FIELDS, changes)

    @property
    def clause_tense(self) -> str:
        return self.tense() if callable(self.tense) else self.tense

    @property
    def direction(self) -> str:
        tense = self.clause_tense
        if tense == PAST:
            return "past"
        if tense == FUTURE or self.prefer_future:
            return "future"
        return "nearest"


_CONTEXT_FIELDS = frozenset(f.name for f in fields(Context))


@dataclass(frozen=True)
class Resolution:
    value: str | None
    start: str | None
    end: str | None
    granularity: str | None
    relative: bool
    day: dt.date | None = None  # the single day it fixes, for later clock times


class Unresolvable(Exception):
    """The expression needs a reference the context does not have."""


class NotADate(Exception):
    """The context shows the phrase is no calendar reference ("in drei Tagen" as a duration)."""


@dataclass(frozen=True)
class _Result:
    first: dt.date | dt.datetime
    last: dt.date | dt.datetime
    value: str
    granularity: str
    relative: bool

    @property
    def day(self) -> dt.date | None:
        if not isinstance(self.first, dt.date):
            return None  # a clock time without its day
        first = self.first.date() if isinstance(self.first, dt.datetime) else self.first
        last = self.last.date() if isinstance(self.last, dt.datetime) else self.last
        return first if first == last and self.granularity in ("day", "minute") else None


PIVOT_YEARS_AHEAD = 10  # a two-digit year lies at most this far after the reference year


def full_years(expr: Expression, reference: dt.date | None) -> Expression:
    """Two-digit years ("1.9.39") in the century that puts them at most ten years after the
    reference year (past-leaning: "39" in a 2011 report is 1939, "24" in a 2024 report is 2024).
    Without a reference date the grammar's reading (00-49: 20xx) stays."""
    if reference is None:
        return expr

    def pivot(spec: TimeSpec | None) -> TimeSpec | None:
        if spec is None or not spec.two_digit_year or spec.year is None:
            return spec
        latest = reference.year + PIVOT_YEARS_AHEAD
        year = latest - (latest - spec.year % 100) % 100
        return spec.with_(year=year, two_digit_year=False)

    spec, end_spec = pivot(expr.spec), pivot(expr.end_spec)
    if spec is expr.spec and end_spec is expr.end_spec:
        return expr
    assert spec is not None
    return Expression(expr.start, expr.end, spec, end_spec)


def resolve(expr: Expression, ctx: Context) -> Resolution | None:
    """The calendar value of an expression; value None when it needs a missing reference."""
    expr = full_years(expr, ctx.reference)
    try:
        first = _resolve(expr.spec, ctx)
        if expr.end_spec is None:
            result = first
        else:
            anchor = first.last if isinstance(first.last, dt.date) else None
            last = _resolve(expr.end_spec, ctx, after=anchor)
            last = _past_midnight(first, last, expr.spec, expr.end_spec)
            result = _Result(
                first.first,
                last.last,
                f"{first.value}/{last.value}",
                first.granularity,
                first.relative or last.relative,
            )
    except Unresolvable:
        return Resolution(None, None, None, _granularity_hint(expr.spec), True)
    except (NotADate, ValueError):  # ValueError: a day the calendar lacks (31.02.)
        return None
    return Resolution(
        result.value,
        _iso(result.first) or None,  # empty for years before the common era
        _iso(result.last) or None,
        result.granularity,
        result.relative,
        result.day if expr.end_spec is None else None,
    )


def _past_midnight(first: _Result, last: _Result, spec: TimeSpec, end_spec: TimeSpec) -> _Result:
    """ "von 18 Uhr bis 1 Uhr nachts", "am Freitag von 20 bis 3 Uhr": an end clock time before
    the start, with no day of its own (or the start's day), is on the next day."""
    own_day = end_spec.fixes_day or end_spec.month is not None
    if own_day and _day_fields(end_spec) != _day_fields(spec):
        return last
    a, b = first.first, last.last
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime) and b < a:
        b += dt.timedelta(days=1)
        return _Result(b, b, _iso(b), last.granularity, last.relative)
    return last


def _day_fields(spec: TimeSpec) -> TimeSpec:
    return spec.with_(hour=None, minute=None, clock_words=False, daypart=None, open=None)


def _iso(value: dt.date | dt.datetime | str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.isoformat()


def _granularity_hint(spec: TimeSpec) -> str:
    if spec.hour is not None:
        return "minute"
    if spec.fixes_day:
        return "day"
    if spec.unit == "week" or spec.iso_week:
        return "week"
    if spec.season:
        return "season"
    if spec.month or spec.unit == "month":
        return "month"
    return "year"


def _need_reference(ctx: Context) -> dt.date:
    if ctx.reference is None:
        raise Unresolvable
    return ctx.reference


def _resolve(spec: TimeSpec, ctx: Context, after: dt.date | None = None) -> _Result:
    if spec.hour is not None:
        return _clock(spec, ctx, after)
    if spec.bc or spec.century is not None or spec.decade is not None:
        return _historic(spec, ctx)
    named = spec.month is not None or spec.season is not None
    if spec.from_focus and spec.unit == "year" and spec.offset is not None and named:
        year = (ctx.year or _need_reference(ctx).year) + spec.offset  # "im Juli desselben Jahres"
        spec = spec.with_(year=year, unit=None, offset=None, from_focus=False)
    if spec.holiday:
        first, last = _holiday(spec, ctx)
        if first != last:
            value = f"{first.isoformat()}/{last.isoformat()}"
            return _Result(first, last, value, "day", spec.year is None)
    if spec.fixes_day:
        day, relative = _day(spec, ctx, after)
        return _day_result(day, spec, relative)
    if spec.daypart:
        return _day_result(_context_day(ctx), spec, True)
    return _period(spec, ctx, after)


def _historic(spec: TimeSpec, ctx: Context) -> _Result:
    """Centuries ("18" for the 19th), decades ("193"), and years before the common era as TIMEX3
    writes them ("BC0490"; such years have no ISO first and last day here)."""
    if spec.century is not None:
        n = spec.century
        if spec.bc:
            return _Result("", "", f"BC{n - 1:02d}", "century", False)
        first = dt.date(max((n - 1) * 100, 1), 1, 1)
        first, last = cal.part_of((first, dt.date((n - 1) * 100 + 99, 12, 31)), spec.part)
        return _Result(first, last, f"{n - 1:02d}", "century", False)
    if spec.decade is not None:
        decade, relative = spec.decade, spec.decade < 10
        if relative:
            decade += _decade_century(spec.decade, ctx) * 10
        span = (dt.date(decade * 10, 1, 1), dt.date(decade * 10 + 9, 12, 31))
        first, last = cal.part_of(span, spec.part)
        return _Result(first, last, f"{decade:03d}", "decade", relative)
    assert spec.year is not None
    return _Result("", "", f"BC{spec.year:04d}", "year", False)


def _decade_century(decade: int, ctx: Context) -> int:
    """The century of "die Zwanzigerjahre": that of the year in focus, else the last one in
    which that decade lay wholly before the reference year."""
    if ctx.year is not None:
        return ctx.year // 100
    ref = _need_reference(ctx)
    century = ref.year // 100
    return century if century * 100 + decade * 10 + 9 < ref.year else century - 1


def _context_day(ctx: Context) -> dt.date:
    """The day a bare part of the day ("am Abend") belongs to: the one the text fixed last."""
    if ctx.day is not None:
        return ctx.day
    if ctx.reference_time is not None and ctx.reference is not None:
        return ctx.reference
    raise Unresolvable


def _day_result(day: dt.date, spec: TimeSpec, relative: bool) -> _Result:
    first: dt.date | dt.datetime = day
    last: dt.date | dt.datetime = day
    if spec.daypart:
        part = lexicon().dayparts[spec.daypart]
        first = dt.datetime.combine(day, dt.time(*part.start))
        last = dt.datetime.combine(day, dt.time(*part.end))
    return _Result(first, last, day.isoformat(), "day", relative)


def _clock(spec: TimeSpec, ctx: Context, after: dt.date | None) -> _Result:
    hour, minute = _hour(spec), spec.minute or 0
    relative = True
    if spec.fixes_day or spec.month is not None:
        day, relative = _day(spec.with_(hour=None, minute=None), ctx, after)
    elif after is not None:
        day = after
    elif ctx.day is not None:
        day = ctx.day
    elif ctx.reference_time is not None and ctx.reference is not None:
        day, hour = _next_clock(spec, hour, minute, ctx)
    else:
        text = f"T{hour:02d}:{minute:02d}"
        return _Result(text, text, text, "minute", False)
    moment = dt.datetime.combine(day, dt.time(hour, minute))
    if spec.daypart == "nacht" and spec.hour == 12:
        moment += dt.timedelta(days=1)  # "nachts um 12": the midnight that ends the day
    return _Result(moment, moment, _iso(moment), "minute", relative)


def _hour(spec: TimeSpec) -> int:
    hour = spec.hour or 0
    if spec.daypart == "nacht" and hour == 12:
        return 0  # "nachts um 12": midnight
    if spec.daypart and hour < 12:
        pm = lexicon().dayparts[spec.daypart].pm
        if pm == "1" or (pm == "noon" and hour < 6) or (pm == "late" and hour >= 6):
            hour += 12
    return hour


def _next_clock(spec: TimeSpec, hour: int, minute: int, ctx: Context) -> tuple[dt.date, int]:
    """Day and hour of a clock time without a day, read against a reference instant: the
    next such time under future preference; a 12-hour reading ("um 3") may mean 15:00."""
    day = ctx.reference
    assert day is not None and ctx.reference_time is not None
    if not ctx.prefer_future or spec.daypart:
        return day, hour
    hours = [hour, hour + 12] if spec.clock_words and hour < 12 else [hour]
    now = ctx.reference_time
    for candidate in hours:
        if dt.time(candidate % 24, minute) >= now:
            return day, candidate
    return day + dt.timedelta(days=1), hours[0]


def _context_year(spec: TimeSpec, ctx: Context) -> int | None:
    return spec.year if spec.year is not None else ctx.year


def _choose(candidates: list[dt.date], ref: dt.date, direction: str, strict: bool = False):
    """Pick the occurrence a direction implies among candidate days (sorted)."""
    if direction == "past":
        before = [c for c in candidates if c < ref or (c == ref and not strict)]
        return before[-1] if before else candidates[0]
    if direction == "future":
        later = [c for c in candidates if c > ref or (c == ref and not strict)]
        return later[0] if later else candidates[-1]
    return min(candidates, key=lambda c: (abs((c - ref).days), c < ref))


def _day(spec: TimeSpec, ctx: Context, after: dt.date | None = None) -> tuple[dt.date, bool]:
    """The calendar day a day-fixing spec names, and whether it was relative."""
    if spec.day is not None and spec.month is not None:
        if spec.year is None and after is not None:  # a range's end: on or after its start
            start = after.date() if isinstance(after, dt.datetime) else after
            day = dt.date(start.year, spec.month, spec.day)
            return (day if day >= start else day.replace(year=start.year + 1)), True
        return _dated(spec.year, spec.month, spec.day, ctx, spec.weekday), spec.year is None
    if spec.day is not None:
        ref = ctx.day or _need_reference(ctx)
        return _day_of_month(spec.day, ref, ctx), True
    if spec.holiday:
        return _holiday(spec, ctx)[0], spec.year is None
    if spec.nth_of in ("weekday", "day") and spec.month:
        return _nth(spec, ctx), spec.year is None
    if spec.relative_day is not None:
        return _need_reference(ctx) + dt.timedelta(days=spec.relative_day), True
    if spec.weekday is not None:
        return _weekday(spec, ctx, after), True
    if spec.unit == "day" and spec.offset is not None:
        if spec.from_focus and ctx.day is None:
            raise Unresolvable
        base = ctx.day or _need_reference(ctx)
        return base + dt.timedelta(days=spec.offset), True
    if spec.shift is not None:
        return _shifted(spec.shift, ctx), True
    raise Unresolvable


def _dated(
    year: int | None, month: int, day: int, ctx: Context, weekday: int | None = None
) -> dt.date:
    if year is not None:
        return dt.date(year, month, day)
    if _fitting_context_year(month, ctx) is not None:
        in_context = dt.date(ctx.year, month, day)
        if weekday is None or in_context.isoweekday() == weekday or ctx.reference is None:
            return in_context  # else: "Sa., 12.10.": the year in which the weekday fits
    ref = _need_reference(ctx)
    candidates = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidates.append(dt.date(y, month, day))
        except ValueError:
            continue
    if weekday is not None and any(c.isoweekday() == weekday for c in candidates):
        # "Sonntag, 10. Februar": the year in which the stated weekday fits
        candidates = [c for c in candidates if c.isoweekday() == weekday]
    if not candidates:
        raise Unresolvable
    if ctx.direction == "nearest":
        return _present_day(candidates, ref)
    return _choose(candidates, ref, ctx.direction)


def _present_day(candidates: list[dt.date], ref: dt.date) -> dt.date:
    """A day and month told in the present: the coming one ("läuft bis zum 7. Januar" in
    November, "findet am 15. Dezember statt" in March), unless the last one is much closer (a
    report's present narrating its own recent days: "am 3. November öffnete" on 14 November)."""
    ahead = [c for c in candidates if c >= ref]
    back = [c for c in candidates if c < ref]
    if not ahead or not back:
        return ahead[0] if ahead else back[-1]
    if (ref - back[-1]).days * 3 < (ahead[0] - ref).days:
        return back[-1]
    return ahead[0]


def _fitting_context_year(month: int, ctx: Context) -> int | None:
    """The year of the preceding explicit date, when a month without year fits it: the month in
    that year must lie in the clause's direction from the reference date (past: on or before it,
    any distance back, or the month after it; future: within the next twelve months; present:
    within a year either way; a year more than two years away is a period the text is about).
    Otherwise the month is the nearest one in that direction ("im Dezember" in a January report
    told in the past is last December, even after a dateline of the new year)."""
    if ctx.year is None or ctx.reference is None:
        return ctx.year
    ref = ctx.reference
    months = (ctx.year - ref.year) * 12 + month - ref.month
    direction = ctx.direction
    if months > 24 or (months < -24 and direction != "future"):
        return ctx.year  # the text is about a period of its own, years from the reference
    if direction == "past":
        fits = months <= 1  # the next month in a past clause is planned ("im April angemeldet")
    elif direction == "future":
        fits = 0 <= months <= 12
    else:
        fits = -12 <= months <= 12
    return ctx.year if fits else None


def _day_of_month(day: int, ref: dt.date, ctx: Context) -> dt.date:
    candidates = []
    for months in (-1, 0, 1):
        base = cal.add_months(ref.replace(day=1), months)
        try:
            candidates.append(base.replace(day=day))
        except ValueError:
            continue
    if ctx.direction == "nearest":
        same = [c for c in candidates if c.month == ref.month]
        return same[0] if same else candidates[0]
    return _choose(candidates, ref, ctx.direction)


def _holiday(spec: TimeSpec, ctx: Context) -> Span:
    rule = lexicon().holidays[spec.holiday].rule
    year = _context_year(spec, ctx)
    if year is not None:
        span = cal.holiday_span(rule, year)
        if span is None:
            raise Unresolvable
        return span
    ref = _need_reference(ctx)
    spans = [s for y in (ref.year - 1, ref.year, ref.year + 1) if (s := cal.holiday_span(rule, y))]
    starts = [s[0] for s in spans]
    chosen = _choose(starts, ref, ctx.direction)
    return spans[starts.index(chosen)]


def _nth(spec: TimeSpec, ctx: Context) -> dt.date:
    assert spec.month is not None and spec.nth is not None

    def in_year(year: int) -> dt.date | None:
        if spec.nth_of == "weekday" and spec.weekday:
            return cal.nth_weekday(year, spec.month, spec.weekday, spec.nth)
        first, last = cal.month_span(year, spec.month)
        if spec.nth == -1:
            return last
        return first + dt.timedelta(days=spec.nth - 1) if spec.nth <= last.day else None

    year = _context_year(spec, ctx)
    if year is not None:
        found = in_year(year)
        if found is None:
            raise Unresolvable
        return found
    ref = _need_reference(ctx)
    candidates = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := in_year(y))]
    return _choose(candidates, ref, "future" if ctx.direction == "nearest" else ctx.direction)


def _weekday(spec: TimeSpec, ctx: Context, after: dt.date | None) -> dt.date:
    weekday = spec.weekday
    assert weekday is not None
    if after is not None:
        return after + dt.timedelta(days=(weekday - after.isoweekday()) % 7)
    if spec.unit == "week" and spec.offset is not None:
        ref = _need_reference(ctx)
        monday = cal.week_span(ref)[0] + dt.timedelta(weeks=spec.offset)
        return monday + dt.timedelta(days=weekday - 1)
    if spec.shift is not None:
        target = _need_reference(ctx) + dt.timedelta(weeks=spec.shift[0])
        return cal.week_span(target)[0] + dt.timedelta(days=weekday - 1)
    if spec.weekday_offset is None:
        for first, last in ctx.spans:
            for i in range((last - first).days + 1):
                day = first + dt.timedelta(days=i)
                if day.isoweekday() == weekday:
                    return day
    ref = _need_reference(ctx)
    if spec.weekday_offset is None and _narrative_day(ctx):
        assert ctx.day is not None  # "Am 1. September 1939 ... Am Sonntag": that week's Sunday
        return ctx.day + dt.timedelta(days=(weekday - ctx.day.isoweekday()) % 7)
    ahead = (weekday - ref.isoweekday()) % 7
    next_on_or_after = ref + dt.timedelta(days=ahead)
    next_after = next_on_or_after + dt.timedelta(days=7 if ahead == 0 else 0)
    last_before = next_on_or_after - dt.timedelta(days=7)
    last_on_or_before = ref if ahead == 0 else last_before
    offset = spec.weekday_offset
    if offset == -1:
        return last_before
    if offset == -2:
        return last_before - dt.timedelta(days=7)
    if offset == 0:
        return next_on_or_after
    if offset is not None and offset > 0:
        return next_after + dt.timedelta(weeks=offset - 1)
    direction = ctx.direction
    if direction == "past":
        return last_on_or_before
    if direction == "future":
        return next_after if ctx.prefer_future else next_on_or_after
    return _choose([last_on_or_before, next_on_or_after], ref, "nearest")


NARRATIVE_DISTANCE = dt.timedelta(days=366)


def _narrative_day(ctx: Context) -> bool:
    """Whether the day in focus lies more than a year from the reference date: the text tells
    of another time, and weekdays count from that day rather than from the reference."""
    return (
        ctx.day is not None
        and ctx.reference is not None
        and abs(ctx.day - ctx.reference) > NARRATIVE_DISTANCE
    )


def _shifted(shift: tuple[float, str], ctx: Context) -> dt.date:
    amount, unit = shift
    if shift[0] > 0 and ctx.clause_tense == PAST:
        raise NotADate  # "in drei Tagen" in a past clause is a duration
    ref = _need_reference(ctx)
    if unit == "day":
        return ref + dt.timedelta(days=amount)
    if unit == "week":
        return ref + dt.timedelta(weeks=amount)
    if unit == "month":
        return cal.add_months(ref, int(amount))
    raise Unresolvable


def _period(spec: TimeSpec, ctx: Context, after: dt.date | None) -> _Result:
    if spec.count is not None:
        if not ctx.anchor_durations:
            raise NotADate
        return _counted_period(spec, ctx)
    if spec.shift is not None:
        return _shift_period(spec.shift, ctx)
    if spec.season:
        return _season(spec, ctx)
    if spec.quarter is not None or spec.unit == "quarter":
        return _quarter(spec, ctx)
    if spec.iso_week is not None:
        year = _context_year(spec, ctx) or _need_reference(ctx).year
        first, last = cal.iso_week_span(year, spec.iso_week)
        return _Result(first, last, f"{year}-W{spec.iso_week:02d}", "week", spec.year is None)
    if spec.nth_of == "week" and spec.month and spec.nth:
        return _nth_week(spec, ctx)
    if spec.nth_of == "weekend" and spec.month and spec.nth:
        saturday = _nth(spec.with_(nth_of="weekday", weekday=6), ctx)
        sunday = saturday + dt.timedelta(days=1)
        value = f"{saturday.isoformat()}/{sunday.isoformat()}"
        return _Result(saturday, sunday, value, "day", spec.year is None)
    if spec.month is not None:
        return _month(spec, ctx, after)
    if spec.unit == "weekend":
        return _weekend(spec, ctx)
    if spec.unit == "now":
        if ctx.reference_time is None:
            raise NotADate  # "jetzt" is a calendar reference only against a known instant
        moment = dt.datetime.combine(_need_reference(ctx), ctx.reference_time)
        return _Result(moment, moment, _iso(moment), "minute", True)
    if spec.from_focus and spec.unit == "year" and spec.offset is not None:
        year = (ctx.year or _need_reference(ctx).year) + spec.offset  # "im Jahr darauf"
        return _Result(dt.date(year, 1, 1), dt.date(year, 12, 31), str(year), "year", True)
    if spec.unit in ("week", "month", "year") and spec.offset is not None:
        return _relative_period(spec, ctx)
    if spec.year is not None:
        first, last = cal.part_of((dt.date(spec.year, 1, 1), dt.date(spec.year, 12, 31)), spec.part)
        return _Result(first, last, f"{spec.year:04d}", "year", False)
    raise Unresolvable


def _shift_period(shift: tuple[float, str], ctx: Context) -> _Result:
    amount, unit = shift
    if amount > 0 and ctx.clause_tense == PAST:
        raise NotADate
    ref = _need_reference(ctx)
    if unit == "year":
        year = ref.year + int(amount)
        return _Result(dt.date(year, 1, 1), dt.date(year, 12, 31), str(year), "year", True)
    if unit in ("hour", "minute", "second") and ctx.reference_time is not None:
        now = dt.datetime.combine(ref, ctx.reference_time)
        seconds = {"hour": 3600, "minute": 60, "second": 1}[unit] * amount
        moment = now + dt.timedelta(seconds=seconds)
        return _Result(moment, moment, _iso(moment), "minute", True)
    raise Unresolvable


def _season(spec: TimeSpec, ctx: Context) -> _Result:
    season = lexicon().seasons[spec.season]
    year = spec.year
    relative = year is None
    if year is None and spec.offset is not None:
        ref = _need_reference(ctx)
        current = next(
            (y for y in (ref.year - 1, ref.year) if _within(ref, cal.season_span(season, y))),
            None,
        )
        if current is None:
            current = ref.year if cal.season_span(season, ref.year)[0] > ref else ref.year + 1
        year = current + spec.offset
    elif year is None:
        year = ctx.year
        if year is None:
            ref = _need_reference(ctx)
            starts = [cal.season_span(season, y)[0] for y in (ref.year - 1, ref.year, ref.year + 1)]
            direction = ctx.direction if ctx.direction != "nearest" else "past"
            if any(_within(ref, cal.season_span(season, s.year)) for s in starts):
                year = next(s.year for s in starts if _within(ref, cal.season_span(season, s.year)))
            else:
                year = _choose(starts, ref, direction).year
    first, last = cal.part_of(cal.season_span(season, year), spec.part)
    return _Result(first, last, f"{year}-{season.code}", "season", relative)


def _within(day: dt.date, span: Span) -> bool:
    return span[0] <= day <= span[1]


def _quarter(spec: TimeSpec, ctx: Context) -> _Result:
    if spec.quarter is not None:
        year = _context_year(spec, ctx)
        if year is None:
            year = _need_reference(ctx).year
        quarter = spec.quarter
    else:
        ref = _need_reference(ctx)
        index = ref.year * 4 + (ref.month - 1) // 3 + (spec.offset or 0)
        year, quarter = index // 4, index % 4 + 1
    first, last = cal.quarter_span(year, quarter)
    return _Result(first, last, f"{year}-Q{quarter}", "quarter", spec.year is None)


def _nth_week(spec: TimeSpec, ctx: Context) -> _Result:
    assert spec.month is not None and spec.nth is not None
    year = _context_year(spec, ctx) or _need_reference(ctx).year
    first, last = cal.month_span(year, spec.month)
    mondays = [
        first + dt.timedelta(days=i)
        for i in range(last.day - 6)
        if (first + dt.timedelta(days=i)).isoweekday() == 1
    ]  # fmt: skip  (whole weeks)
    monday = mondays[-1] if spec.nth == -1 else mondays[spec.nth - 1]
    iso_year, week, _ = monday.isocalendar()
    return _Result(monday, monday + dt.timedelta(days=6), f"{iso_year}-W{week:02d}", "week",
                   spec.year is None)  # fmt: skip


def _month(spec: TimeSpec, ctx: Context, after: dt.date | None) -> _Result:
    month = spec.month
    assert month is not None
    year = spec.year
    relative = year is None
    if year is None and spec.offset is not None:
        ref = _need_reference(ctx)
        year = ref.year if month > ref.month else ref.year + 1
        year += max(spec.offset - 1, 0) if spec.offset > 0 else spec.offset
        if spec.offset < 0:
            year = ref.year if month < ref.month else ref.year - 1
            year += spec.offset + 1
    elif year is None and after is not None:
        year = after.year if month >= after.month else after.year + 1
    elif year is None and _fitting_context_year(month, ctx) is not None:
        year = ctx.year
    elif year is None:
        ref = _need_reference(ctx)
        if ctx.direction == "past":
            year = ref.year if month <= ref.month else ref.year - 1
        elif ctx.direction == "future" or spec.open == "before":  # "dauert bis in den März"
            year = ref.year if month >= ref.month else ref.year + 1
        else:
            year = ref.year
    first, last = cal.part_of(cal.month_span(year, month), spec.part)
    return _Result(first, last, f"{year}-{month:02d}", "month", relative)


def _weekend(spec: TimeSpec, ctx: Context) -> _Result:
    saturday: dt.date | None = None
    if spec.offset is None:
        for first, last in ctx.spans:
            days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
            weekend = [d for d in days if d.isoweekday() >= 6]
            if weekend:
                saturday = weekend[0] - dt.timedelta(days=weekend[0].isoweekday() - 6)
                break
    if saturday is None:
        ref = _need_reference(ctx)
        this = ref + dt.timedelta(days=6 - ref.isoweekday())  # Saturday of this week
        if spec.offset is not None:
            saturday = this + dt.timedelta(weeks=spec.offset)
        elif ctx.direction == "past" and ref.isoweekday() < 6:
            saturday = this - dt.timedelta(weeks=1)
        else:
            saturday = this
    sunday = saturday + dt.timedelta(days=1)
    return _Result(saturday, sunday, f"{saturday.isoformat()}/{sunday.isoformat()}", "day", True)


def _relative_period(spec: TimeSpec, ctx: Context) -> _Result:
    ref = _need_reference(ctx)
    offset = spec.offset or 0
    if spec.unit == "year":
        year = ref.year + offset
        first, last = cal.part_of((dt.date(year, 1, 1), dt.date(year, 12, 31)), spec.part)
        return _Result(first, last, str(year), "year", True)
    if spec.unit == "month":
        month_start = cal.add_months(ref.replace(day=1), offset)
        first, last = cal.part_of(cal.month_span(month_start.year, month_start.month), spec.part)
        return _Result(first, last, f"{month_start.year}-{month_start.month:02d}", "month", True)
    monday = cal.week_span(ref)[0] + dt.timedelta(weeks=offset)
    iso_year, week, _ = monday.isocalendar()
    first, last = cal.part_of((monday, monday + dt.timedelta(days=6)), spec.part)
    return _Result(first, last, f"{iso_year}-W{week:02d}", "week", True)


def _counted_period(spec: TimeSpec, ctx: Context) -> _Result:
    """The N units before or after the reference: "die letzten 2 Tage", "nächsten 3 Monaten"."""
    ref = _need_reference(ctx)
    n, unit, back = spec.count or 0, spec.unit, (spec.offset or 0) < 0
    if unit == "day":
        first = ref - dt.timedelta(days=n) if back else ref + dt.timedelta(days=1)
        last = first + dt.timedelta(days=n - 1)
        return _Result(first, last, f"{first.isoformat()}/{last.isoformat()}", "day", True)
    if unit == "week":
        monday = cal.week_span(ref)[0]
        first = monday - dt.timedelta(weeks=n) if back else monday + dt.timedelta(weeks=1)
        last = first + dt.timedelta(weeks=n, days=-1)
        value = f"{_iso_week(first)}/{_iso_week(last)}"
        return _Result(first, last, value, "week", True)
    if unit == "month":
        base = ref.replace(day=1)
        first = cal.add_months(base, -n if back else 1)
        last = cal.add_months(first, n) - dt.timedelta(days=1)
        return _Result(first, last, f"{first:%Y-%m}/{last:%Y-%m}", "month", True)
    if unit == "year":
        y1 = ref.year - n if back else ref.year + 1
        y2 = y1 + n - 1
        return _Result(dt.date(y1, 1, 1), dt.date(y2, 12, 31), f"{y1}/{y2}", "year", True)
    if ctx.reference_time is None or unit not in ("hour", "minute", "second"):
        raise Unresolvable
    now = dt.datetime.combine(ref, ctx.reference_time)
    step = {"hour": dt.timedelta(hours=1), "minute": dt.timedelta(minutes=1),
            "second": dt.timedelta(seconds=1)}[unit]  # fmt: skip
    if unit != "second":  # whole hours and minutes, as on a clock
        now = now.replace(second=0, microsecond=0, minute=0 if unit == "hour" else now.minute)
    first = now - n * step if back else now + step
    last = first + n * step - dt.timedelta(seconds=1 if unit == "second" else 60)
    if unit == "second":
        last = first + (n - 1) * step
    return _Result(first, last, f"{_iso(first)}/{_iso(last)}", "minute", True)


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
