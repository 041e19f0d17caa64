"""Date extractor: German dates, clock times, ranges and relative expressions, resolved against
the report's reference date and its own context (see :mod:`pipeline.temporal`)."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import replace
from functools import partial

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extractors.base import Extractor
from pipeline.records import DateMention
from pipeline.temporal.grammar import find_expressions
from pipeline.temporal.resolve import Context, Resolution, resolve
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
        text = doc.text
        expressions = list(find_expressions(text))
        if not expressions:
            return []
        tenses = tense_map(doc)
        ctx = replace(
            _base_context(doc._.reference_date, self.prefer_future),
            anchor_durations=self.anchor_durations,
        )
        spans = _event_spans(expressions, ctx)
        found = []
        span_starts = [start for start, _ in spans]
        for expr in expressions:
            ctx = replace(
                ctx,
                tense=partial(tenses.tense_at, expr.start),
                spans=_nearest_spans(spans, span_starts, expr.start),
            )
            res = resolve(expr, ctx)
            if res is None:
                continue
            found.append(_mention(expr, res, text))
            ctx = _advance(ctx, expr, res)
        return found


def _base_context(reference: dt.date | None, prefer_future: bool) -> Context:
    if isinstance(reference, dt.datetime):
        return Context(reference.date(), reference.time(), prefer_future=prefer_future)
    return Context(reference, None, prefer_future=prefer_future)


def _event_spans(expressions: list[Expression], ctx: Context) -> list[tuple[int, tuple]]:
    """Day ranges the text states with explicit days: weekdays resolve inside them."""
    spans = []
    for expr in expressions:
        if expr.end_spec is None or expr.spec.day is None or expr.end_spec.day is None:
            continue
        res = resolve(expr, ctx)
        if res and res.value and res.granularity == "day" and res.start and res.end:
            first, last = dt.date.fromisoformat(res.start[:10]), dt.date.fromisoformat(res.end[:10])
            if 0 < (last - first).days <= 31:
                spans.append((expr.start, (first, last)))
    return spans


def _nearest_spans(spans: list[tuple[int, tuple]], starts: list[int], offset: int) -> tuple:
    """The event span stated last before an offset, then the first one after it."""
    i = bisect_right(starts, offset)
    before = [spans[i - 1][1]] if i > 0 else []
    after = [spans[i][1]] if i < len(spans) else []
    return tuple(before + after)


def _advance(ctx: Context, expr: Expression, res: Resolution) -> Context:
    """Context for the following text: the year and day this expression fixes explicitly
    (an open end such as "seit 2015" or "bis Donnerstag" fixes neither)."""
    year = next((s.year for s in (expr.end_spec, expr.spec) if s and s.year is not None), None)
    changes = {}
    if year is not None and expr.spec.open is None:
        changes["year"] = year
    if res.day is not None and expr.spec.open is None:
        changes["day"] = res.day
    return replace(ctx, **changes) if changes else ctx


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
