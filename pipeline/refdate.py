"""The reference date of a report: the day its relative expressions are anchored to.

Sources, in order of precedence: the file's front matter (``date:``), the metadata CSV, a
dateline in the report's first lines ("Münster, den 1. Oktober 2022", "14.03.2008, Essen",
"Stand 22.09.2023", "Hannover, 14. April 2024 – Die Messe …"), the ``--reference-date`` option,
and last a guess: a full date in the running text that names the day of an occasion ("am 11.
Oktober 2025 eröffnete …", "vom 3. bis 5. Mai 2024") in a sentence that announces nothing
later and tells no history or deadline, the first of the latest year (:func:`find_text_date`).

Dates a user gives (front matter, metadata CSV, option) are read with dateparser in any common
German or English form; running text never goes through dateparser (it reads "die" and "mit" as
weekdays there), only through the project's own grammar.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from functools import cache

from pipeline.lang import load_word_kinds, load_word_set
from pipeline.temporal.grammar import find_expressions
from pipeline.temporal.lexicon import lexicon

log = logging.getLogger("pipeline")

DATELINE_LINES = 5  # how many non-blank lines at the top may hold a dateline
DATELINE_MAX_CHARS = 100


# A year is written in digits (the grammar reads every year with int() from a group of \d), so
# a text without one holds no full date: most lines at the top of a report (titles) are passed
# over without running the grammar.
_DIGIT = re.compile(r"\d")


def _absolute_dates(text: str, ranges: bool = False) -> Iterator[tuple[int, int, dt.date]]:
    """Calendar dates written in full (day, month and year) in ``text``, with their spans,
    read by the date extractor's own grammar; with ``ranges`` also a range's first day."""
    if _DIGIT.search(text) is None:
        return
    for expr in find_expressions(text):
        spec = expr.spec
        if (expr.end_spec is not None and not ranges) or None in (spec.year, spec.month, spec.day):
            continue
        try:
            yield expr.start, expr.end, dt.date(spec.year, spec.month, spec.day)
        except ValueError:  # 31.02. and the like
            continue


def parse_date(text: str) -> dt.date | None:
    """An absolute calendar date written alone (ISO, 22.10.2019, 22. Oktober 2019)."""
    return next((day for _, _, day in _absolute_dates(text.strip())), None)


_TEXT_AFTER_DATELINE = re.compile(r"\s+[–—-]{1,2}\s+")


def _dateline_candidates(line: str) -> list[str]:
    """The line, and the part before a dash that opens the text on the same line ("Hannover,
    14. April 2024 – Die Deutsche Messe AG …")."""
    m = _TEXT_AFTER_DATELINE.search(line, 0, DATELINE_MAX_CHARS)
    head = [line[: m.start()]] if m else []
    return head + ([line] if len(line) <= DATELINE_MAX_CHARS else [])


def find_dateline(text: str) -> dt.date | None:
    """A publication dateline among the first lines: the date starts or ends the line (or the
    part of it before a dash), or follows a cue word ("den", "Stand", "Veröffentlicht am")."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:DATELINE_LINES]
    for line in (c for full in lines for c in _dateline_candidates(full)):
        for start, end, day in _absolute_dates(line):
            before = line[:start].rstrip(" ,:-–|").lower()
            after = line[end:].strip(" ,.:-–|")
            at_edge = not before or not after or after.startswith("(")
            # the grammar may take the cue into the date itself ("den 1. Oktober 2022")
            words = [*before.split()[-1:], line[start:end].split()[0].lower()]
            cue = any(w in _dateline_cues() for w in words)
            comma_place = not after or re.fullmatch(r"[A-ZÄÖÜ][\w .()/-]*", after) is not None
            if (at_edge and (comma_place or not before)) or cue:
                return day
    return None


class MonthDate(dt.date):
    """The first day of a month given without its day ("2017-03", a page that dates itself
    to the month): a date like any other for reckoning, but which Saturday "am Samstag" was
    cannot be read against it (:func:`month_only`)."""

    __slots__ = ()

    def plain(self) -> dt.date:
        """The month's first day as a plain date."""
        return dt.date(self.year, self.month, self.day)

    def replace(self, *args: int, **kwargs: int) -> dt.date:
        """A day set in the month is a day: a plain date."""
        return self.plain().replace(*args, **kwargs)

    # A day reckoned from the month ("ref + 9 days", as the resolver does) is a day: a plain
    # date, so that nothing derived from it is cut back to its month (reference_iso).
    def __add__(self, other: dt.timedelta) -> dt.date:
        return self.plain() + other

    __radd__ = __add__

    def __sub__(self, other):  # type: ignore[override]  # less a date: a timedelta
        return self.plain() - other


def month_only(day: dt.date | None) -> bool:
    """Whether a reference date gives its month but not its day."""
    return isinstance(day, MonthDate)


MONTH_CHARS = len("2017-03")  # an ISO month without its day


def reference_iso(day: dt.date) -> str:
    """A reference date as ISO text: ``2024-04`` for a month given without its day
    (:class:`MonthDate`), else the day's (or timestamp's) own ISO form; :func:`parse_iso`
    reads the month back."""
    return day.isoformat()[:MONTH_CHARS] if month_only(day) else day.isoformat()


def parse_iso(value: str) -> dt.date:
    """Strict YYYY-MM-DD, or a partial YYYY-MM (first day of the month, a :class:`MonthDate`)."""
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return MonthDate(int(value[:4]), int(value[5:]), 1)
    return dt.date.fromisoformat(value)


def resolve_reference_date(
    front_matter: dict[str, str],
    metadata_value: str | None,
    text: str,
    default: dt.date | None,
    where: str = "",
) -> tuple[dt.date | None, str]:
    """Return the reference date and the name of its source (``none`` when there is none).

    ``where`` names the report in the warnings: an unreadable front matter or metadata date
    (the next source is used), and a report left without any reference date."""
    label = where or "report"
    given = (
        ("front_matter", front_matter.get("date"), "front matter 'date:'"),
        ("metadata", metadata_value, "metadata CSV 'reference_date' in its row"),
    )
    for source, value, what in given:
        if not value:
            continue
        try:
            return parse_user_date(value), source
        except ValueError as exc:
            log.warning("%s: %s: %s", label, what, exc)
    day = find_dateline(text)
    if day:
        return day, "dateline"
    if default:
        return default, "option"
    day = find_text_date(text)
    if day:
        return day, "text"
    # One line per report would bury a large run's other warnings: the run warns once with
    # the count (pipeline.run); documents.reference_date_source names the reports.
    log.debug(
        "%s: no reference date (no front matter date, metadata row, dateline, "
        "--reference-date or full date of an occasion in the text): relative dates are "
        "listed without a value",
        label,
    )
    return None, "none"


# How far into the text a date of the report's own time is looked for: the start of a report
# tells of its occasion, and a streamed long report has read at least this much before its
# first piece (pipeline.stream), so the guess never depends on how a report is read or cut.
TEXT_DATE_CHARS = 10_000
# A line can hold a full date only where it writes a year in digits: four of them, or a
# numeric date with a two-digit year ("3.5.24"); other lines are passed over without the grammar.
_YEAR_IN_DIGITS = re.compile(r"\d{4}|\d\.\d{1,2}\.\d{2}(?!\d)")
# Where a sentence ends inside a line: after a word's last letter or a year (a date's "3." is
# no end), before a capital or an opening quote ("am 3. Okt. 2024" goes on).
_SENTENCE_END = re.compile(r"(?:(?<=[^\W\d_])|(?<=\d{4}))[.!?][\"“”»«]?\s+(?=[A-ZÄÖÜ„\"“»«(])")
_WORD = re.compile(r"[^\W\d_]+")
REFERENCE_WORDS = "reference_date_words.tsv"


@cache
def _dateline_cues() -> frozenset[str]:
    return load_word_set(REFERENCE_WORDS, "dateline_cue")


@cache
def _text_date_words() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """The occasion words; the words that keep a date from being the report's day (announcing,
    history, deadline) with the future auxiliaries; such words' prefixes."""
    kinds = load_word_kinds(REFERENCE_WORDS)
    announcing = (*kinds["announcement"], *kinds["not_the_day"])
    words = frozenset(w for w in announcing if not w.endswith("*")) | lexicon().tense["future"]
    prefixes = tuple(w[:-1] for w in announcing if w.endswith("*"))
    return frozenset(kinds["occasion"]), words, prefixes


def _sentences_with_a_year(text: str) -> Iterator[tuple[str, bool]]:
    """The sentences of ``text`` that write a year in digits, and whether each is a line of
    its own; a line without such a year is not split."""
    for line in text.splitlines():
        if _YEAR_IN_DIGITS.search(line) is None:
            continue
        begin = 0
        for m in [*_SENTENCE_END.finditer(line), None]:
            stop = len(line) if m is None else m.start()
            sentence = line[begin:stop]
            if _YEAR_IN_DIGITS.search(sentence):
                yield sentence, begin == 0 and m is None
            if m is not None:
                begin = m.end()


def _names_an_occasion(sentence: str, start: int, end: int, own_line: bool) -> bool:
    """ "am 3. Mai 2024", "vom 3. bis 5. Mai 2024", or the date alone on its line."""
    before = _WORD.findall(sentence[:start])[-1:]
    opening = _WORD.findall(sentence[start:end])[:1]
    occasion = _text_date_words()[0]
    if any(w.lower() in occasion for w in before + opening):
        return True
    return own_line and not _WORD.search(sentence[:start] + sentence[end:])


def _announces(sentence: str) -> bool:
    _, words, prefixes = _text_date_words()
    return any(w in words or w.startswith(prefixes) for w in _WORD.findall(sentence.lower()))


def find_text_date(text: str) -> dt.date | None:
    """A guess at the report's own day from its running text: among the first
    :data:`TEXT_DATE_CHARS` characters, the dates that write day, month and year (a range's
    first day) and name an occasion ("am 11. Oktober 2025", "vom 3. bis 5. Mai 2024", or stand
    alone on their line), in a sentence that announces nothing later ("Die nächste Messe findet
    vom … statt", "Gefeiert wird dann am 14. November 2026": the report was written before such
    a day, maybe a year before) and tells no history or deadline ("am 12. Juni 1950
    gegründet", "Anmeldeschluss ist am …"); of these, the first of the latest year: a report
    looks back ("Seit der Eröffnung am 4. Mai 1998 …") more often than it is about an old day.
    A day talked about ("Der 3. März 1911 blieb allen in Erinnerung") names no occasion.

    The grammar reads only the sentences that write a year in digits."""
    found: dt.date | None = None
    for sentence, own_line in _sentences_with_a_year(text[:TEXT_DATE_CHARS]):
        for start, end, day in _absolute_dates(sentence, ranges=True):
            if found is not None and day.year <= found.year:
                continue
            if _names_an_occasion(sentence, start, end, own_line) and not _announces(sentence):
                found = day
    return found


_ISO_START = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]|$)")


def parse_user_date(value: str) -> dt.date:
    """A date a user wrote: ISO (``2024-04-14``, a timestamp, or ``2024-04`` for its first day)
    or any common German or English form ("14. April 2024", "14.04.24", "April 14, 2024").
    ValueError with a message naming the value when it is none."""
    text = value.strip()
    try:
        if _ISO_START.match(text) or re.fullmatch(r"\d{4}-\d{2}", text):
            return parse_iso(text[:10])
    except ValueError:
        pass  # "2024-02-30": say so below
    found = _user_date_parser().get_date_data(text).date_obj if text else None
    if found is None:
        raise ValueError(
            f"cannot read {value!r} as a calendar date with day, month and year, or a "
            "month alone (YYYY-MM-DD, YYYY-MM, or e.g. 14.04.2024, 14. April 2024, "
            "April 14, 2024)"
        )
    return found.date()


@cache
def _user_date_parser():
    """One dateparser instance: German and English, day before month for numeric dates, a
    full date required, and nothing read relative to today (no "gestern", no clock of the
    machine): the same input always gives the same date."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["de", "en"],
        settings={
            "DATE_ORDER": "DMY",
            "PREFER_DAY_OF_MONTH": "first",
            "STRICT_PARSING": True,
            "PARSERS": ["custom-formats", "absolute-time"],
            "RELATIVE_BASE": dt.datetime(2000, 1, 1),
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
