"""Date extractor: German dates, clock times, ranges and relative expressions, resolved against
the report's reference date and its own context (see :mod:`pipeline.temporal`)."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache, partial

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.doc_layout import doc_text
from pipeline.extractors.base import Extractor
from pipeline.records import DateMention
from pipeline.temporal.grammar import find_expressions
from pipeline.temporal.lexicon import lexicon
from pipeline.temporal.resolve import Context, Resolution, full_years, resolve
from pipeline.temporal.spec import Expression
from pipeline.temporal.tense import tense_map


@Language.factory(
    "german_dates",
    default_config={"on_error": "record", "prefer_future": False, "anchor_durations": False},
)
def make_dates(
    nlp: Language, name: str, on_error: str, prefer_future: bool, anchor_durations: bool
) -> DateExtractor:
    return DateExtractor(nlp, name, on_error, prefer_future, anchor_durations)


class DateExtractor(Extractor):
    """``prefer_future`` reads tenseless phrases as future (Duckling's convention for isolated
    phrases); reports keep it off, so their present tense points to the nearest day.
    ``anchor_durations`` reads "die letzten 3 Tage" as that period (Duckling) instead of a
    duration, which gold-schema.md counts as a figure."""

    attr = "dates"

    def __init__(
        self,
        nlp: Language,
        name: str,
        on_error: str = "record",
        prefer_future: bool = False,
        anchor_durations: bool = False,
    ) -> None:
        super().__init__(nlp, name, on_error)
        self.prefer_future = prefer_future
        self.anchor_durations = anchor_durations

    def extract(self, doc: Doc) -> list[DateMention]:
        text = doc_text(doc)
        ctx = _base_context(doc._.reference_date, self.prefer_future).but(
            anchor_durations=self.anchor_durations
        )
        expressions = [full_years(e, ctx.reference) for e in find_expressions(text)]
        if not expressions:
            return []
        tenses = tense_map(doc)
        spans = _event_spans(expressions, ctx)
        found = []
        span_starts = [start for start, _ in spans]
        focus = _Focus()
        day_fixed_at = -1  # where the text last named a single day
        previous: tuple[Expression, Resolution] | None = None
        for expr in expressions:
            ctx = ctx.but(
                tense=partial(tenses.tense_at, expr.start),
                spans=_in_focus(_nearest_spans(spans, span_starts, expr.start, text), ctx),
            )
            own = ctx
            if previous and _coordinated_weekday(expr, previous[0], previous[1], text):
                day = previous[1].day  # "am Freitag und Samstag": the Saturday after that Friday
                own = ctx.but(spans=((day, day + dt.timedelta(days=6)),))
            sentence = (tenses.sentence_start(expr.start), tenses.sentence_end(expr.start))
            if day_fixed_at < sentence[0] and _recurring_time(expr, text, sentence[0]):
                own = ctx.but(day=None, reference_time=None)
            if _spoken_hour(expr, text) and _evening(expr, text, sentence, ctx.day, focus):
                expr = replace(expr, spec=expr.spec.with_(daypart="abend"))
            elif _after_midnight(expr, focus, own.day):
                assert own.day is not None  # "Freitagabend ... um 02:30": early on Saturday
                own = own.but(day=own.day + dt.timedelta(days=1))
            res = resolve(expr, own)
            if res is None:
                continue
            found.append(_mention(expr, res, text))
            previous = (expr, res)
            focus = _focus(focus, expr, res, ctx.day)
            if res.day is not None and expr.spec.open is None and not expr.spec.from_focus:
                day_fixed_at = expr.start
            ctx = _advance(ctx, expr, res)
        return found


def _base_context(reference: dt.date | None, prefer_future: bool) -> Context:
    if isinstance(reference, dt.datetime):
        return Context(reference.date(), reference.time(), prefer_future=prefer_future)
    return Context(reference, None, prefer_future=prefer_future)


def _event_spans(expressions: list[Expression], ctx: Context) -> list[tuple[int, tuple]]:
    """Day ranges the text states with explicit days: weekdays resolve inside them. A range
    without a year takes the last year written before it."""
    spans = []
    for expr in expressions:
        year = next((s.year for s in (expr.end_spec, expr.spec) if s and s.year), None)
        if year is not None and expr.spec.open is None and not expr.spec.bc:
            ctx = ctx.but(year=year)
        if expr.end_spec is None or expr.spec.day is None or expr.end_spec.day is None:
            continue
        res = resolve(expr, ctx)
        if res and res.value and res.granularity == "day" and res.start and res.end:
            first, last = dt.date.fromisoformat(res.start[:10]), dt.date.fromisoformat(res.end[:10])
            if 0 < (last - first).days <= 31:
                spans.append((expr.start, (first, last)))
    return spans


def _nearest_spans(
    spans: list[tuple[int, tuple]], starts: list[int], offset: int, text: str
) -> tuple:
    """The event span stated last before an offset, then the first one after it in the same
    paragraph (a span in a later paragraph may belong to another event)."""
    i = bisect_right(starts, offset)
    before = [spans[i - 1][1]] if i > 0 else []
    after = []
    if i < len(spans) and "\n\n" not in text[offset : starts[i]]:
        after = [spans[i][1]]
    return tuple(before + after)


def _in_focus(spans: tuple, ctx: Context) -> tuple:
    """Event spans the text has not moved away from: a day in focus outside a span ends it."""
    return tuple(span for span in spans if ctx.day is None or span[0] <= ctx.day <= span[1])


CUE_WINDOW = 200  # characters around a clock time searched for cue words (keeps the scan linear)
_COORDINATION = re.compile(r"\s*,?\s*(?:und|oder|sowie)\s+(?:am\s+)?", re.I)


def _coordinated_weekday(expr: Expression, prev: Expression, res: Resolution, text: str) -> bool:
    """A weekday right after a resolved weekday, joined by "und" ("Gestern, Dienstag," is an
    apposition: the same day)."""
    spec = expr.spec
    if res.day is None or spec.weekday is None or spec.day is not None or prev.spec.weekday is None:
        return False
    if spec.weekday_offset is not None or spec.unit is not None or spec.shift is not None:
        return False
    if spec.weekday < prev.spec.weekday:
        return False  # "am Samstag und am Donnerstag": the second counts from the reference
    return _COORDINATION.fullmatch(text, prev.end, expr.start) is not None


@dataclass(frozen=True)
class _Focus:
    """What the text said last about the day in focus: whether its afternoon or evening was
    named, and the latest clock time on it."""

    day: dt.date | None = None
    late: bool = False  # "am Abend", "nachmittags", "um 20 Uhr abends"
    night: bool = False  # "am Abend", "Freitagabend", "nachts"
    hour: int | None = None


@cache
def _pm_dayparts() -> frozenset[str]:
    """The parts of the day after noon ("nachmittag", "abend", "nacht"): those whose hours below
    12 are read as afternoon or evening hours (time_dayparts.tsv)."""
    return frozenset(p.name for p in lexicon().dayparts.values() if p.pm in ("1", "late"))


def _focus(focus: _Focus, expr: Expression, res: Resolution, day: dt.date | None) -> _Focus:
    day = res.day or day
    if day != focus.day:
        focus = _Focus(day)
    if expr.spec.daypart in _pm_dayparts():
        focus = replace(focus, late=True, night=expr.spec.daypart != "nachmittag")
    if res.granularity == "minute" and res.value and not res.value.startswith("T"):
        focus = replace(focus, hour=int(res.value[11:13]))
    return focus


NIGHT_ENDS = 6  # a clock hour before this, after the evening of the day in focus: the next day


def _after_midnight(expr: Expression, focus: _Focus, day: dt.date | None) -> bool:
    """A clock time in the small hours ("um 02:30") without a day of its own, told after the
    evening or a late clock time of the day in focus: it is on the next day."""
    spec = expr.spec
    if day is None or focus.day != day or spec.hour is None or not 0 <= spec.hour < NIGHT_ENDS:
        return False
    if spec.fixes_day or spec.month is not None or spec.daypart in ("morgen", "früh"):
        return False
    return focus.night or (focus.hour is not None and focus.hour >= 18)


def _spoken_hour(expr: Expression, text: str) -> bool:
    """A clock hour below 12 said without "Uhr" or minutes digits ("gegen halb neun", "um
    zehn"): twelve-hour speech, morning or evening by context."""
    spec = expr.spec
    if expr.end_spec is not None or spec.hour is None or spec.daypart or not 1 <= spec.hour < 12:
        return False
    return _CLOCK_WRITTEN.search(text, expr.start, expr.end) is None


_CLOCK_WRITTEN = re.compile(r"uhr|\d[:.]\d|\dh", re.I)


def _evening(
    expr: Expression, text: str, sentence: tuple[int, int], day: dt.date | None, focus: _Focus
) -> bool:
    """Evening by the nearest daypart word in the sentence ("Der Abend endete gegen halb neun",
    "ließen den Tag ausklingen"), else by the afternoon or evening named for the same day, else
    by the order of clock times (after a 15 Uhr item, "halb neun" is 20:30)."""
    cues = [
        (min(abs(m.start() - expr.start), abs(m.end() - expr.end)), m.lastgroup == "pm")
        for m in _daypart_cue().finditer(
            text, max(sentence[0], expr.start - CUE_WINDOW), min(sentence[1], expr.end + CUE_WINDOW)
        )
        if not expr.start <= m.start() < expr.end
    ]
    if cues:
        return min(cues)[1]
    if focus.day is None or focus.day != day:
        return False
    if focus.late:
        return True
    if focus.hour is None or not 12 <= focus.hour < 20:
        return False
    hour = expr.spec.hour or 0
    return hour < focus.hour and 0 < hour + 12 - focus.hour <= 8  # a few hours later


@cache
def _daypart_cue() -> re.Pattern[str]:
    context = lexicon().context

    def alt(role: str) -> str:
        return "|".join(re.escape(w) for w in sorted(context.get(role, ()), key=len, reverse=True))

    return re.compile(
        rf"(?<![\wäöüß])(?:(?P<pm>{alt('evening_cue')})|(?P<am>{alt('morning_cue')}))[\wäöüß]*",
        re.I,
    )


def _recurring_time(expr: Expression, text: str, sentence_start: int) -> bool:
    """A clock time without a day of its own in a sentence that makes it recur ("täglich von 10
    bis 18 Uhr", "montags bis samstags", "jeweils ab 19 Uhr"): opening hours, time only (unless
    the sentence names a day first: the caller checks)."""
    spec = expr.spec
    if spec.hour is None or spec.fixes_day or spec.month is not None:
        return False
    start = max(sentence_start, expr.start - CUE_WINDOW)
    return _daily_cue().search(text, start, expr.end) is not None


@cache
def _daily_cue() -> re.Pattern[str]:
    lex = lexicon()
    words = set(lex.context.get("daily_cue", ()))
    words.update(f"{day}s" for day in lex.weekdays)  # "montags", "sonnabends"
    alternatives = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\wäöüß])(?:{alternatives})(?![\wäöüß])", re.I)


def _advance(ctx: Context, expr: Expression, res: Resolution) -> Context:
    """Context for the following text: the year and day this expression fixes explicitly
    (an open end such as "seit 2015" or "bis Donnerstag" fixes neither). After a span of several
    days ("vom 1. bis 3. Dezember") no single day is in focus: later clock times are time only."""
    year = next((s.year for s in (expr.end_spec, expr.spec) if s and s.year is not None), None)
    changes: dict = {}
    if expr.spec.bc:
        year = None  # "490 v. Chr." puts no year of the calendar in focus
    elif expr.spec.from_focus and expr.spec.unit == "year" and res.value:
        year = int(res.value[:4])  # "zwei Jahre später": the text moves on to that year
    if year is not None and expr.spec.open is None:
        changes["year"] = year
        if ctx.day is not None and ctx.day.year != year and res.granularity != "year":
            # "im September 1984": the day of another year is past ("des Jahres 2010" alone
            # may just qualify a name)
            changes["day"] = None
    if expr.spec.from_focus and (expr.spec.offset or 0) > 0 and res.day is not None:
        changes["day"] = res.day  # "tags darauf", "am nächsten Morgen": the story moves on
    elif expr.spec.from_focus:
        pass  # "am Vorabend", "am selben Tag": the day in focus stays in focus
    elif res.day is not None and expr.spec.open is None:
        changes["day"] = res.day
    elif _within_one_day(res) and expr.spec.open is None:
        # "am kommenden Samstag von 10 bis 16 Uhr": the clock range fixes its day too
        changes["day"] = dt.date.fromisoformat(res.start[:10])
    elif _several_days(res) and expr.spec.open is None:
        changes["day"] = None
    return ctx.but(**changes) if changes else ctx


def _within_one_day(res: Resolution) -> bool:
    return (
        res.value is not None
        and res.granularity == "minute"
        and bool(res.start and res.end)
        and len(res.start) > 10
        and res.start[:10] == res.end[:10]
        and not res.start.startswith("T")
    )


def _several_days(res: Resolution) -> bool:
    return (
        res.value is not None
        and res.granularity == "day"
        and bool(res.start and res.end)
        and res.start[:10] != res.end[:10]
    )


def _mention(expr: Expression, res: Resolution, text: str) -> DateMention:
    return DateMention(
        expr.start,
        expr.end,
        text[expr.start : expr.end],
        res.value,
        res.start,
        res.end,
        res.granularity,
        res.relative,
    )
