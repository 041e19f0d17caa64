"""Which dates are the event's first and last day: not the page's dateline, not the next
edition, not a deadline.

In order: "nach vier Tagen … gestern zu Ende" (an end day and a length); a range ("vom 22. bis
24. Oktober") where the event is named or in the lead; else the days mentioned around the
first day given where the event is named, within an event's usual length; else the month
given where the event is named ("Anfang Dezember").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from operator import methodcaller

from pipeline.events.context import CLAUSE_MARKS, DocContext
from pipeline.events.lexicon import cue_words, event_noun_base, word_is_cue
from pipeline.lang import load_tsv
from pipeline.quotation_marks import QUOTATION_PAIRS
from pipeline.records import DateMention, FigureMention
from pipeline.refdate import MONTH_CHARS, month_only, reference_iso
from pipeline.temporal.calendar import holiday_span
from pipeline.temporal.lexicon import lexicon

MAX_EVENT_DAYS = 31  # a longer range is no event's span ("Januar bis März")
MAX_SEASON_DAYS = 62  # a market or exhibition open "bis zum 30. Dezember"
DAYS_BEFORE_ANCHOR = 4  # how far the event's days reach around the first day named with it
DAYS_AFTER_ANCHOR = 14
CUE_WINDOW_BEFORE = 8  # tokens before a date searched for next-edition and deadline cues
CUE_WINDOW_AFTER = 6
DATELINE_MAX_WORDS = 3  # words besides the date on a line that only dates the page
DATELINE_EXTRA_CHARS = 40  # characters besides the date on a line that only dates the page
DAY_UNIT = "Tag"
ON_WORDS = ("am ",)
HOLIDAY_MIN_CHARS = 6  # holiday names this long open an event's name ("Rosenmontag|szug")
RANGE_MARKS = ("bis", "-", "–")  # an explicit span, not "am Samstag und Sonntag"
NIGHT_HOURS = re.compile(r"^\d{4}-\d{2}-\d{2}T0[0-4]:")
DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")
# a day of the month written ("9. März", "09.03."; not a clock time "10.30 Uhr")
WRITTEN_DAY = re.compile(r"\b\d{1,2}\.\s*(?:\d{1,2}\.|[^\W\d_])")
# the words of a line as str.split() cuts them, found one after the other
NOT_SPACE = re.compile(r"\S+")
SHORT_YEAR = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{2}\b")  # "1.5.19" (not a time "10.30")
QUOTE_REACH = 60  # tokens looked back for an opening quotation mark
FOUNDED_REACH = 12  # tokens between a founding verb and its date at most


@dataclass(frozen=True, slots=True)
class Day:
    """A date mention reduced to the days it covers."""

    first: dt.date
    last: dt.date
    token: int
    mention: DateMention

    @property
    def is_range(self) -> bool:
        return self.first != self.last


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text and len(text) >= 10 else None
    except ValueError:
        return None


def _inside(d: DateMention, spans: list[tuple[dt.date, dt.date]]) -> bool:
    """Whether the days of a date lie within one of ``spans``."""
    first, last = _day(d.start), _day(d.end)
    return (
        first is not None and last is not None and any(a <= first and last <= b for a, b in spans)
    )


_GROUP = methodcaller("group")


class DateChooser:
    def __init__(
        self,
        ctx: DocContext,
        dates: list[DateMention],
        other_editions: set[int],
        founding: bool = False,
        mention_tokens: frozenset[int] = frozenset(),
        named_in: frozenset[int] = frozenset(),
    ):
        self.ctx = ctx
        self.mention_tokens = mention_tokens  # the tokens of the event's names
        self.named_in = named_in  # the sentences that name it by a name of its own
        self.doc = ctx.doc
        self.other_editions = other_editions  # sentences about another edition
        self.founding = founding  # the event is a founding: its founding verb dates it
        self.all_dates = dates
        usable = [d for d in dates if d.value and not self.excluded(d)]
        if month_only(self.doc._.reference_date):
            # "am Samstag" on a page dated to its month alone: which Saturday is unknown (read
            # against the month's first day it would fall in the month before); "Samstag, 9.
            # März" writes its day, and the year alone fixes a holiday ("am Pfingstmontag")
            usable = [d for d in usable if not self.weekday_alone(d) or names_holiday(d)]
        founded = self.founded_days(dates)
        if founded:
            # "des Abends" read against the founding day is that day's evening: history too
            usable = [d for d in usable if not (d.relative and (d.start or "")[:10] in founded)]
        others = self.other_edition_spans(dates)
        if others:
            # "Am Sonntag ging das Fest zu Ende … Das nächste Fest findet vom 5. bis 7. Juni
            # 2026 statt": without a reference date the date stage reads a weekday inside the
            # span the text writes out, here the next edition's: a day of that edition too
            usable = [d for d in usable if not (d.relative and _inside(d, others))]
        restated = self.restated(usable)
        self.usable = [d for d in usable if id(d) not in restated]
        self.stated_length: int | None = None  # the event's length in days, where stated
        self.anchors: set[int] = set()
        self._days: list[Day] | None = None
        self._end_days: tuple[frozenset[int], list[Day]] | None = None

    @staticmethod
    def weekday_alone(d: DateMention) -> bool:
        """A day read against the reference date alone ("am Samstag", "gestern"): no day of
        the month written."""
        return (
            d.relative
            and DAY_VALUE.match(d.value or "") is not None
            and not (WRITTEN_DAY.search(d.text))
        )

    def other_edition_spans(self, dates: list[DateMention]) -> list[tuple[dt.date, dt.date]]:
        """The spans (first and last day) of the dates written out that belong to another
        edition or a deadline (not a dateline: the page's day is the report's own)."""
        out = []
        for d in dates:
            first, last = _day(d.start), _day(d.end)
            if d.relative or first is None or last is None:
                continue
            token = self.ctx.token_at(d.start_char)
            if self.ctx.sentence_of(token) in self.other_editions or (
                not self.is_dateline(d) and self.cued(d, token)
            ):
                out.append((first, last))
        return out

    def sentences_of_day(self, day: str) -> set[int]:
        """The sentences of the usable dates that begin on ``day`` (ISO)."""
        return {
            self.ctx.sentence_of(self.ctx.token_at(d.start_char))
            for d in self.usable
            if (d.start or "")[:10] == day
        }

    def restated(self, dates: list[DateMention]) -> set[int]:
        """ "am Freitagabend (21. März)": a day the text restates in brackets right after
        it is the bracket's day (the weekday was read against the reference date); the ids of
        the dates so restated."""
        text = self.ctx.text
        ordered = sorted(dates, key=lambda d: d.start_char)
        return {
            id(a)
            for a, b in zip(ordered, ordered[1:], strict=False)
            if text[a.end_char : b.start_char].strip() == "(" and a.value != b.value
        }

    def excluded(self, d: DateMention) -> bool:
        token = self.ctx.token_at(d.start_char)
        if self.ctx.sentence_of(token) in self.other_editions:
            return True
        # the rest depends on the date alone: asked again by every event's row
        key = ("date_excluded", d.start_char, d.text)
        if self.ctx.memoised(key, lambda: self._dateline_or_cued(d, token)):
            return True
        return not self.founding and self.is_founded(d)

    def _dateline_or_cued(self, d: DateMention, token: int) -> bool:
        return self.is_dateline(d) or self.cued(d, token)

    def cued(self, d: DateMention, token: int) -> bool:
        """Whether a next-edition or deadline cue stands near the date (``token``: its first)."""
        key = ("date_cued", d.start_char, d.text)
        return self.ctx.memoised(key, lambda: self._cued(token))

    def _cued(self, token: int) -> bool:
        window = (token - CUE_WINDOW_BEFORE, token + CUE_WINDOW_AFTER)
        return self.ctx.cues.within(*window, "next_edition") or self.ctx.cues.within(
            *window, "deadline"
        )

    def founded_days(self, dates: list[DateMention]) -> set[str]:
        """The days (ISO) of the dates that a founding verb marks (see ``is_founded``)."""
        if self.founding or not self.ctx.cues.starts_of("founded"):
            return set()
        return {
            (d.start or "")[:10] for d in dates if d.value and not d.relative and self.is_founded(d)
        }

    def is_founded(self, d: DateMention) -> bool:
        """ "Die Firma wurde am 2. März 1911 in Talheim gegründet", "Gegründet wurde
        der Verein am 3. Mai 1950": the day an organisation began, the date nearest to a
        founding verb in its sentence (not "Am 10. Juni feierte der TSV, gegründet 1950")."""
        if not self.ctx.cues.starts_of("founded"):
            return False  # most reports name no founding
        founded = self.ctx.memoised(("founded_dates",), self._founded_dates)
        return d.start_char in founded

    def _founded_dates(self) -> frozenset[int]:
        """The start characters of the dates a founding verb marks: read once per Doc."""
        ctx = self.ctx
        spans = [
            (ctx.token_at(d.start_char), ctx.token_at(d.end_char - 1) + 1, d.start_char)
            for d in self.all_dates
        ]
        out = set()
        for cue in ctx.cues.starts_of("founded"):
            sentence = ctx.sentence_of(cue)
            near = [
                (start - cue if cue < start else cue - end + 1, char)
                for start, end, char in spans
                if ctx.sentence_of(start) == sentence
            ]
            if near:
                distance, char = min(near)
                if distance <= FOUNDED_REACH:
                    out.add(char)
        return frozenset(out)

    def is_dateline(self, d: DateMention) -> bool:
        """ "Münster, den 1. Oktober 2022", "Veröffentlicht am 24.07.2016 | Anfahrt …": a line
        that dates the page; a line that names an event with its date is none."""
        key = ("date_dateline", d.start_char, d.text)
        return self.ctx.memoised(key, lambda: self._is_dateline(d))

    def _is_dateline(self, d: DateMention) -> bool:
        line = self.ctx.line_of(d.start_char)
        rest = line.replace(d.text, " ")
        # cut as far as read: a long line (a paragraph) needs its first word only
        words = (w.strip(",.:;|()") for w in map(_GROUP, NOT_SPACE.finditer(rest)))
        words = (w for w in words if any(ch.isalpha() for ch in w))
        first = next(words, None)
        cued = first is not None and word_is_cue(first.lower(), "dateline")
        if not cued and len(line) >= len(d.text) + DATELINE_EXTRA_CHARS:
            return False  # a long line (a paragraph) is no dateline: no need to read its words
        others = list(words)
        if first is not None and any(event_noun_base(w) for w in (first, *others)):
            return False
        return cued or len(others) + (first is not None) <= DATELINE_MAX_WORDS

    def days(self) -> list[Day]:
        """The days of the usable dates (read once per chooser)."""
        if self._days is None:
            self._days = self._read_days()
        return self._days

    def _read_days(self) -> list[Day]:
        out = []
        for d in self.usable:
            if not DAY_VALUE.match(d.value or ""):
                continue  # "Anfang Dezember" covers days but gives a month
            first, last = _day(d.start), _day(d.end)
            if first is None or last is None or (last - first).days >= MAX_EVENT_DAYS:
                continue
            if NIGHT_HOURS.match(d.end or ""):
                # "bis 1 Uhr nachts": the night of the day before
                last = max(first, last - dt.timedelta(days=1))
                first = min(first, last)
            out.append(Day(first, last, self.ctx.token_at(d.start_char), d))
        return out

    def choose(
        self, anchors: set[int], figures: list[FigureMention]
    ) -> tuple[str | None, str | None]:
        """First and last day (ISO), or a month, or (None, None); ``anchors`` are the
        sentences that name the event."""
        self.anchors = anchors
        first, last = self._choose(figures)
        first, last = self.back_from_end(first, last)
        return self.end_alone(first, last)

    def end_alone(self, first: str | None, last: str | None) -> tuple[str | None, str | None]:
        """ "Die Kunstmesse endete am Wochenende": the only days found are a weekday or
        weekend said to end the event, and no length is stated: its last day is known, its
        first is not ("endete am 24. und 25. Mai" writes out the whole span)."""
        if first is None or last is None or not DAY_VALUE.fullmatch(first) or self.stated_length:
            return first, last
        ends = [d for d in self.end_days() if self.weekday_alone(d.mention)]
        if any(d.first.isoformat() == first and d.last.isoformat() == last for d in ends):
            return None, last
        return first, last

    def back_from_end(self, first: str | None, last: str | None) -> tuple[str | None, str | None]:
        """ "Drei Tage lang feierte Talheim sein Stadtfest. Am Sonntag ging es zu Ende": one
        day found, said to end the event, and a length stated where it is named: the days
        before it that the length covers."""
        length = self.stated_length
        if not length or length < 2 or first is None or first != last or len(first) != 10:
            return first, last
        if not any(d.last.isoformat() == last for d in self.end_days()):
            return first, last
        start = dt.date.fromisoformat(last) - dt.timedelta(days=length - 1)
        return start.isoformat(), last

    def _choose(self, figures: list[FigureMention]) -> tuple[str | None, str | None]:
        anchors = self.anchors
        days = self.days()
        self.stated_length = self.length_in(anchors, figures)
        found = self.from_length(days, figures)
        if found:
            return found
        ranges = [d for d in days if d.is_range]
        in_anchor = [d for d in ranges if self.ctx.sentence_of(d.token) in anchors]
        lead = [d for d in ranges if self.ctx.in_lead(d.token)]
        anchored_days = [d for d in days if self.ctx.sentence_of(d.token) in anchors]
        for choice in (in_anchor, lead):
            if choice:
                return self.ended_on(*self.from_range(choice[0], days))
        month_instead = self.month_over_day(anchored_days[0]) if anchored_days else None
        if month_instead:
            return month_instead, month_instead
        if anchored_days:
            if self.held_on(anchored_days[0]):
                return anchored_days[0].first.isoformat(), anchored_days[0].last.isoformat()
            return self.ended_on(*self.around_anchor(anchored_days[0], days))
        month = self.month(anchors)
        if month[0]:
            return month
        # days given nowhere near the event's name: only those that date themselves
        ranges = [d for d in ranges if self.dated_alone(d)]
        if ranges:
            return self.from_range(ranges[0], days)
        days = [d for d in days if self.dated_alone(d)]
        if days and not self.in_quote(days[0]):
            return self.around_anchor(days[0], days)
        return None, None

    def named_sentences(self) -> set[int]:
        """The sentences that name the event by a name of its own (not "das Fest")."""
        return self.named_in & self.anchors

    def month_over_day(self, day: Day) -> str | None:
        """ "Der Talheimer Bauernmarkt lief Mitte Mai … Am Dienstag zog der Gemeinderat
        Bilanz zum Markt": a month given where the event is named by its own name, and the first
        day found only where a bare noun refers to it, in another month: the day is when
        something was said of the event, the month is when it was held: that month (ISO),
        else None."""
        named = self.named_sentences()
        if self.ctx.sentence_of(day.token) in named:
            return None
        month = self.month(named)[0]
        return month if month is not None and day.first.isoformat()[:MONTH_CHARS] != month else None

    def ended_on(self, first: str | None, last: str | None) -> tuple[str | None, str | None]:
        """ "Mit der Preisverleihung endete der Wettbewerb am Samstag": a day inside the span,
        in a sentence that names the event and says it ended, is its last day (a weekend or
        the days named around it may reach further)."""
        if first is None or last is None or first == last:
            return first, last
        ends = [
            d.last.isoformat()
            for d in self.end_days()
            if not d.is_range and first <= d.first.isoformat() < last
        ]
        return (first, min(ends)) if ends else (first, last)

    def end_days(self) -> list[Day]:
        """The days said to end the event: the day nearest to each end cue in a clause with
        the cue and the event's name, or in a sentence that refers to it without its name ("Am
        Samstag endete das Turnier"; "Am Freitag ging es los, am Sonntag endete das Fest": the
        Sunday; "Am Sonntag ging es zu Ende"; not "Am Samstag endete das Konzert, das Fest
        lief bis Sonntag"), unless a span in the sentence reaches further. Read once per
        chooser and anchors."""
        key = frozenset(self.anchors)
        if self._end_days is None or self._end_days[0] != key:
            self._end_days = (key, self._read_end_days())
        return self._end_days[1]

    def _read_end_days(self) -> list[Day]:
        days = self.days()
        out = []
        for cue in self.ctx.cues.starts_of("end"):
            sentence = self.ctx.sentence_of(cue)
            if sentence not in self.anchors:
                continue
            low, high = self.clause_of(cue)
            first, last = self.ctx.sentence_bounds(sentence)
            if self.mention_tokens.isdisjoint(range(low, high)) and not (
                self.mention_tokens.isdisjoint(range(first, last))
            ):
                continue  # the event is named in another clause: this one's end is another's
            in_sentence = [d for d in days if self.ctx.sentence_of(d.token) == sentence]
            near = [d for d in in_sentence if low <= d.token < high]
            if not near:
                continue
            day = min(near, key=lambda d: abs(d.token - cue))
            if not any(d.is_range and d.last > day.last for d in in_sentence):
                out.append(day)
        return out

    def clause_of(self, token: int) -> tuple[int, int]:
        """The token range of the clause of ``token`` in its sentence; a comma inside a date
        or closing one ("am Sonntag, 4. Mai, endete") joins it to the clause."""
        low, high = self.ctx.sentence_span(token)
        in_dates = self.ctx.memoised(("date_tokens",), self._date_tokens)
        words = self.ctx.words

        def breaks(i: int) -> bool:
            return words[i] in CLAUSE_MARKS and i not in in_dates and i - 1 not in in_dates

        start = token
        while start > low and not breaks(start - 1):
            start -= 1
        end = token
        while end < high and not breaks(end):
            end += 1
        return start, end

    def _date_tokens(self) -> frozenset[int]:
        """The tokens inside the dates of the Doc: read once per Doc."""
        ctx = self.ctx
        return frozenset(
            k
            for d in self.all_dates
            for k in range(ctx.token_at(d.start_char), ctx.token_at(d.end_char - 1) + 1)
        )

    def dated_alone(self, day: Day) -> bool:
        """ "Am stärksten besucht war der 3. Mai": a day whose year the date stage took from
        another date in the text (a year compared, an era: not the reference date's year)
        dates nothing; one that writes its year, one read against the reference date and one
        in the title or lead do."""
        d = day.mention
        year = (d.value or "")[:4]
        reference = self.doc._.reference_date
        if (
            month_only(reference)
            and d.relative
            and (d.value or "")[:MONTH_CHARS] != reference_iso(reference)
            and not names_holiday(d)
        ):
            # "bis zum 12. August" on a page dated to June alone: its year is a guess
            return False
        if (not d.relative and year in d.text) or SHORT_YEAR.search(d.text):
            return True
        if self.ctx.in_title(d.start_char) or self.ctx.in_lead(day.token):
            return True
        return reference is not None and (
            not d.relative or (year.isdigit() and abs(int(year) - reference.year) <= 1)
        )

    def in_quote(self, day: Day) -> bool:
        """ "„Wie sich der Platz heute präsentiert …“": a day in a quotation is the speaker's
        time, no statement of the event's day."""
        start, _ = self.ctx.sentence_span(day.token)
        # the sentence splitter may leave an opening mark at the end of the sentence before
        before = self.ctx.words[max(start - 1, day.token - QUOTE_REACH, 0) : day.token]
        return any(
            before.count(opening) > before.count(closing) for opening, closing in QUOTATION_PAIRS
        )

    def held_on(self, day: Day) -> bool:
        """ "Der Halbmarathon fand am 25. August statt": the one day its sentence gives."""
        start, end = self.ctx.sentence_span(day.token)
        others = [
            d
            for d in self.usable
            if start <= self.ctx.token_at(d.start_char) < end and d is not day.mention
        ]
        text = day.mention.text.lower()
        return (
            text.startswith(ON_WORDS)
            and not any(_day(d.start) for d in others)
            and self.ctx.cues.within(start, end, "held")
        )

    def from_range(self, day: Day, days: list[Day]) -> tuple[str | None, str | None]:
        """ "vom 22. bis 24. Oktober" is the span; "am Samstag und Sonntag" may be a part of
        it, with the days named around it."""
        text = day.mention.text.lower()
        if any(mark in text for mark in RANGE_MARKS):
            return day.first.isoformat(), day.last.isoformat()
        return self.around_anchor(day, days)

    def length_in(self, anchors: set[int], figures: list[FigureMention]) -> int | None:
        """A number of days given where the event is named ("nach zwei tollen Tagen")."""
        for f in figures:
            token = self.ctx.token_at(f.start_char)
            whole = float(f.value).is_integer() and 1 <= f.value < MAX_EVENT_DAYS
            # "nach zwei Tagen", "an allen drei Tagen", "drei Tage lang"; not "zwei Tage
            # vorher" (a time before it)
            after = self.ctx.token_at(f.end_char - 1) + 1
            stated = (token > 0 and self.ctx.cues.at(token - 1, "length")) or (
                after < len(self.ctx.words) and self.ctx.cues.at(after, "length_after")
            )
            # where the event is named or in the lead ("Die zehnte Messe … Nach zwei Tagen …")
            told = self.ctx.sentence_of(token) in anchors or self.ctx.in_lead(token)
            if f.unit == DAY_UNIT and whole and stated and told:
                return int(f.value)
        return None

    def from_length(self, days: list[Day], figures: list[FigureMention]) -> tuple[str, str] | None:
        """ "Nach drei Tagen … ging die Schau gestern (am 12. Mai) zu Ende": the end day
        and the length give the first day."""
        for f in figures:
            if f.unit != DAY_UNIT or not float(f.value).is_integer() or f.value < 1:
                continue
            start, end = self.ctx.sentence_span(self.ctx.token_at(f.start_char))
            if not self.ctx.cues.within(start, end, "end"):
                continue
            ends = [d.last for d in days if start <= d.token < end]
            if ends:
                last = max(ends)
                first = last - dt.timedelta(days=int(f.value) - 1)
                return first.isoformat(), last.isoformat()
        return None

    def around_anchor(self, anchor: Day, days: list[Day]) -> tuple[str | None, str]:
        """The days within an event's usual length around the anchor day: before it any day
        named (unless the anchor opens the event), after it those named with the event; a
        last day given with "bis" and nothing before it leaves the first day unknown."""
        opens = any(
            self.ctx.cues.within(*self.ctx.sentence_span(d.token), "start")
            for d in days
            if d.first == anchor.first and self.ctx.sentence_of(d.token) in self.anchors
        )
        low = anchor.first - dt.timedelta(days=0 if opens else DAYS_BEFORE_ANCHOR)
        high = anchor.last + dt.timedelta(days=DAYS_AFTER_ANCHOR)
        near = [
            d
            for d in days
            if low <= d.first
            and d.last <= high
            and (d.last <= anchor.last or self.ctx.sentence_of(d.token) in self.anchors)
        ]
        near += self.until_days(anchor, days)
        first, last = self.within_length(near)
        if self.is_until(anchor) and first == anchor.first:
            return None, last.isoformat()
        return first.isoformat(), last.isoformat()

    def until_days(self, anchor: Day, days: list[Day]) -> list[Day]:
        """ "Bis zum 30. Dezember werden Buden stehen": a last day given with "bis" where the
        event is named or in the sentence after."""
        around = self.anchors | {s + 1 for s in self.anchors}
        return [
            d
            for d in days
            if self.is_until(d)
            and d.last >= anchor.last
            and (d.last - anchor.first).days <= MAX_SEASON_DAYS
            and self.ctx.sentence_of(d.token) in around
        ]

    def within_length(self, near: list[Day]) -> tuple[dt.date, dt.date]:
        """ "Nach zwei tollen Tagen … am Montagvormittag Aufräumarbeiten": where the text gives
        the event's length in days and more days are named, the stretch of that length that
        most of them fall in (the earliest on a tie)."""
        first = min(d.first for d in near)
        last = max(d.last for d in near)
        length = self.stated_length
        if not length or (last - first).days < length:
            return first, last
        best = None
        for d in sorted(near, key=lambda d: d.first):
            end = d.first + dt.timedelta(days=length - 1)
            inside = sum(d.first <= n.first and n.last <= end for n in near)
            if best is None or inside > best[0]:
                best = (inside, d.first, end)
        return best[1], best[2]

    def is_until(self, day: Day) -> bool:
        text = day.mention.text.lower()
        before = self.ctx.lowers[max(day.token - 2, 0) : day.token]
        if before[-1:] and word_is_cue(before[-1], "until_article"):
            before = before[:-1]  # "bis zum 30. Dezember"
        until = cue_words("until")
        return text.startswith(until) or (bool(before) and before[-1] in until)

    def month(self, anchors: set[int]) -> tuple[str | None, str | None]:
        for d in self.usable:
            value = d.value or ""
            token = self.ctx.token_at(d.start_char)
            # "2023-12"; not a season ("2023-FA", "im Herbst")
            month = len(value) == MONTH_CHARS and value[4] == "-" and value[5:].isdigit()
            if month and self.ctx.sentence_of(token) in anchors:
                return value, value
        return None, None


def names_holiday(d: DateMention) -> bool:
    """ "am Pfingstmontag", "an Ostern": a date that is a holiday named in its text, its days
    those of the holiday in its year; the year alone fixes such a day, whatever the reference
    date's day of the month."""
    first, last = _day(d.start), _day(d.end)
    if first is None or last is None:
        return False
    text = " ".join(d.text.lower().replace("-", " ").split())
    return any(
        name in text and holiday_span(holiday.rule, first.year) == (first, last)
        for name, holiday in lexicon().holidays.items()
    )


def holiday_in_name(name: str, year: int | None) -> str | None:
    """ "Rosenmontagszug", "Silvesterlauf": an event named after a one-day holiday is held on
    it (ISO day), when the text gives no day but the year."""
    if year is None:
        return None
    word = name.split()[0].lower() if name.split() else ""
    for row in load_tsv("time_holidays.tsv"):
        key = row["name"]
        if " " in key or len(key) < HOLIDAY_MIN_CHARS or not word.startswith(key):
            continue
        if word == key or row["rule"].startswith("span:"):
            continue
        span = holiday_span(row["rule"], year)
        if span and span[0] == span[1]:
            return span[0].isoformat()
    return None
