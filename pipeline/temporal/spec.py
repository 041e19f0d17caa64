"""What a temporal expression says, before it is anchored to a calendar."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, TypedDict, TypeVar, Unpack, get_type_hints

F = TypeVar("F")


def check_fields(obj: object, known: frozenset[str], values: Mapping[str, Any]) -> None:
    unknown = values.keys() - known
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field(s) {sorted(unknown)}")


def copy_with(obj: F, known: frozenset[str], changes: Mapping[str, Any]) -> F:
    """A frozen dataclass ``obj`` with ``changes``, made without running ``__init__`` (which
    checks nothing here): :func:`dataclasses.replace` passes every field anew, and the date
    stage derives a few specs and contexts for every expression."""
    check_fields(obj, known, changes)
    changed = object.__new__(type(obj))
    vars(changed).update(vars(obj), **changes)
    return changed


class SpecFields(TypedDict, total=False):
    """The keyword arguments of :class:`TimeSpec` and :meth:`TimeSpec.with_`: its fields, each
    optional (a type checker reads them here, as the spec's own ``__init__`` takes ``**values``;
    the module checks at import that they match the fields)."""

    year: int | None
    month: int | None
    day: int | None
    weekday: int | None
    weekday_offset: int | None
    hour: int | None
    minute: int | None
    clock_words: bool
    daypart: str | None
    relative_day: int | None
    unit: str | None
    offset: int | None
    shift: tuple[float, str] | None
    count: int | None
    season: str | None
    quarter: int | None
    iso_week: int | None
    part: str | None
    holiday: str | None
    nth: int | None
    nth_of: str | None
    open: str | None
    from_focus: bool
    two_digit_year: bool
    bc: bool
    century: int | None
    decade: int | None


@dataclass(frozen=True, init=False)
class TimeSpec:
    """The fields a German temporal expression fixes; everything else is left open (None).

    Absolute parts (year, month, day, hour, minute) are read from the text; relative parts are
    anchored later by :mod:`pipeline.temporal.resolve`.

    A spec stores only the fields it is given, by keyword; the others are the class's defaults.
    The grammar makes one or more specs per expression, and a frozen dataclass's own
    ``__init__`` sets each of these 27 fields with a call of its own (about five times as long
    as the rest of making a spec).
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # ISO weekday, Monday = 1
    weekday_offset: int | None = None  # letzten -1, diesen 0, nächsten 1, übernächsten 2
    hour: int | None = None
    minute: int | None = None
    clock_words: bool = False  # hour read without H:MM digits ("um 3", "halb vier")
    daypart: str | None = None  # key in time_dayparts.tsv
    relative_day: int | None = None  # heute 0, gestern -1, morgen 1
    unit: str | None = None  # relative period: day, week, weekend, month, quarter, year
    offset: int | None = None  # its offset from the reference (None: the one the tense implies)
    shift: tuple[float, str] | None = None  # "vor 2 Wochen": (-2, "week")
    count: int | None = None  # "die letzten 3 Tage": unit day, offset -1, count 3
    season: str | None = None  # key in time_seasons.tsv
    quarter: int | None = None
    iso_week: int | None = None
    part: str | None = None  # anfang, mitte, ende
    holiday: str | None = None  # name in time_holidays.tsv
    nth: int | None = None  # "dritter Dienstag im September": 3 (-1 = last)
    nth_of: str | None = None  # weekday, day, week
    open: str | None = None  # before ("bis 11 Uhr"), after ("ab 14 Uhr")
    from_focus: bool = False  # counted from the day the text is about ("am Vorabend"), never
    # from the reference date alone
    two_digit_year: bool = False  # "1.9.39": the century comes from the reference date
    bc: bool = False  # "490 v. Chr.": year (or century) before the common era
    century: int | None = None  # "im 19. Jahrhundert": 19 (the TIMEX value is "18")
    decade: int | None = None  # "1930er Jahre": 193; "Zwanzigerjahre": 2 (century open)

    def __init__(self, **values: Unpack[SpecFields]) -> None:
        check_fields(self, _SPEC_FIELDS, values)
        vars(self).update(values)  # past the frozen __setattr__, in one call

    def with_(self, **changes: Unpack[SpecFields]) -> TimeSpec:
        """This spec with ``changes`` (as :func:`dataclasses.replace`, which passes every field
        anew: the resolver derives a few specs per expression)."""
        return copy_with(self, _SPEC_FIELDS, changes)

    @property
    def fixes_day(self) -> bool:
        """Whether the expression names one calendar day (possibly relative)."""
        return (
            self.day is not None
            or self.weekday is not None
            or self.relative_day is not None
            or (self.holiday is not None)
            or (self.nth_of in ("weekday", "day"))
            or (self.unit == "day" and self.offset is not None and self.count is None)
            or (self.shift is not None and self.shift[1] in ("day", "week", "month"))
        )

    def merge(self, other: TimeSpec) -> TimeSpec:
        """Fields of ``other`` fill the fields this spec leaves open."""
        changes = {
            name: getattr(other, name)
            for name in _SPEC_NAMES
            if getattr(self, name) in (None, False) and getattr(other, name) not in (None, False)
        }
        return copy_with(self, _SPEC_FIELDS, changes)


_SPEC_NAMES = tuple(f.name for f in fields(TimeSpec))
_SPEC_FIELDS = frozenset(_SPEC_NAMES)
# A field added to the spec but not to its keyword arguments (or typed apart) fails here.
if get_type_hints(SpecFields) != get_type_hints(TimeSpec):
    raise TypeError("SpecFields must list TimeSpec's fields with their types")


@dataclass(frozen=True, slots=True)
class Expression:
    """A temporal expression found in text: its span, and a single spec or a range."""

    start: int
    end: int
    spec: TimeSpec
    end_spec: TimeSpec | None = None  # set for ranges ("vom 22. bis 24. Oktober")
