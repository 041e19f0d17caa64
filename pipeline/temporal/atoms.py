"""Atoms: what a single pattern match says (a date, a clock time, a weekday, a relative period),
or None when the words around it show it is no date ("2000 Besucher", "am Morgen")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.numbers import parse_number_word
from pipeline.quotation_marks import CLOSING
from pipeline.temporal.lexicon import Lexicon, lexicon
from pipeline.temporal.spec import TimeSpec

# Roles decide which atoms may combine.
DAY, TIME, DAYPART, PERIOD, YEAR, WEEK, SHIFT, DAY_HEAD, TIME_HEAD = (
    "day", "time", "daypart", "period", "year", "week", "shift", "day_head", "time_head",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Atom:
    start: int
    end: int
    spec: TimeSpec
    role: str
    needs_partner: bool = False  # kept only when combined ("Mo," before a date, "22." in "22.-24.")
    end_spec: TimeSpec | None = None  # a range read as one atom ("2015/16")


# the last word of a text and the non-word characters after it, in the text reversed
_LAST_WORD_REVERSED = re.compile(r"\W*([\wäöüß]+)")
_NEXT_WORD = re.compile(r"\s*(\S+)")
_INFLECTION = re.compile(r"(?:e|en|er|es|em)$")
_NUMBER_BEFORE = re.compile(r"(?:\d[ /-]?|[€$£]\s?|\(\s*)$")  # "0221 2015", "€ 2019"
_NUMBER_AFTER = re.compile(r"[ /-]?\d|\s*[%€$°]|\s*\)")  # "2015 123", "2019 %"
_CLOSING_PAREN = re.compile(r"\)\s*[.,;:]?")
_INDEFINITE = re.compile(r"(?:jede|eine)[nmrs]?$|(?:an\s+)?eine[nmrs]?$", re.I)
_CAPITALISED_NEXT = re.compile(r"\s+[A-ZÄÖÜ]")
_HOUR_H = re.compile(r"\dh", re.I)
_BLANKS = re.compile(r"\s+")
_PLACE_AFTER = re.compile(r"\s*(?:,\s*|\s+in\s+|\s*\(\s*)[A-ZÄÖÜ]")
_WORD_BEFORE = re.compile(r"(?<![\w.,:])([\wäöüß]+)[ \t]+$")
_ARTICLE = re.compile(r"ein(?:e[mnrs]?)?", re.I)
# a closing quotation mark, or the typographic apostrophe some reports close a title with
_CLOSING_QUOTE = re.compile(f"[{re.escape(''.join(sorted(CLOSING | {'’'})))}]")
_CAPITALISED_BEFORE = re.compile(r"[A-ZÄÖÜ][\wäöüß.&-]*\s+$")
_TWO_WORDS = re.compile(r"\s+([\wäöüß]+)(\s*[.,;:!?]?)\s*([\wäöüß]*)")
_DAY_BY_DAY = re.compile(
    r"(?:am|an\s+dem)\s+(?:nächst|folgend|vorig|vorherig)|(?:an\s+)?diese[mn]?\s", re.I
)


def _year(text: str | None) -> int | None:
    if not text:
        return None
    text = text.lstrip("'")
    value = int(text)
    if len(text) == 2:
        value += 2000 if value < 50 else 1900
    return value


def _short(year: str | None) -> bool:
    return year is not None and len(year.lstrip("'")) == 2


def _number(text: str) -> float | None:
    text = text.strip().lower()
    if text.replace(",", "").isdigit():
        return float(text.replace(",", "."))
    if "halb" in text:
        whole = text.replace("halben", "").replace("halb", "").replace(" ein", "").strip()
        base = 0.0 if whole in ("ein", "eine", "einer", "einem", "") else parse_number_word(whole)
        return None if base is None else base + 0.5
    if text == "ein paar":
        return 2.0
    return parse_number_word(text)


def _previous_word(text: str, pos: int) -> str:
    # the last word of the 40 characters before ``pos``, read backwards: a search forwards
    # for a word with only non-word characters after it tries (and backtracks through) every
    # word of the window
    m = _LAST_WORD_REVERSED.match(text[max(0, pos - 40) : pos][::-1])
    return m.group(1)[::-1].lower() if m else ""


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text[pos : pos + 40])
    return m.group(1) if m else ""


@cache
def _open_words() -> dict[str, str]:
    """Word before a date -> the side the span is open to ("ab 2015": after)."""
    context = lexicon().context
    return dict.fromkeys(context["open_after"], "after") | dict.fromkeys(
        context["open_before"], "before"
    )


def _open(pre: str | None) -> str | None:
    words = (pre or "").lower().split()
    open_words = _open_words()
    for word in reversed(words):
        if word in open_words:
            return open_words[word]
    return None


class AtomBuilder:
    """Turns a pattern match into an atom, or None when the context rules it out. An atom spans
    its match exactly: the grammar chooses among overlapping matches before it builds any
    (:func:`pipeline.temporal.grammar.find_atoms`)."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.ctx = lex.context

    def _modifier(self, text: str | None) -> int | None:
        if not text:
            return None
        stem = _INFLECTION.sub("", text.lower())
        return self.lex.modifiers.get(stem)

    def _month(self, text: str) -> int:
        return self.lex.months[text.lower().rstrip(".")]

    def iso(self, m: re.Match[str], text: str) -> Atom | None:
        spec = TimeSpec(year=int(m["y"]), month=int(m["m"]), day=int(m["d"]))
        if m["h"]:  # an ISO timestamp: its clock time as written (the zone is dropped)
            spec = spec.with_(hour=int(m["h"]), minute=int(m["mi"]))
        return Atom(m.start(), m.end(), spec, DAY)

    def numeric_date(self, m: re.Match[str], text: str) -> Atom | None:
        if _previous_word(text, m.start()) in self.ctx["name_word"]:
            return None
        written = m.groupdict().get("y") or m.groupdict().get("y2")
        spec = TimeSpec(
            year=_year(written), month=int(m["m"]), day=int(m["d"]), two_digit_year=_short(written)
        )
        return Atom(m.start(), m.end(), spec, DAY)

    def word_date(self, m: re.Match[str], text: str) -> Atom | None:
        groups = m.groupdict()
        if groups.get("dw"):
            day = self._ordinal(groups["dw"])
            if not day or day < 1:
                return None
        else:
            day = int(m["d"])
        written = groups.get("y") or groups.get("y2")
        spec = TimeSpec(
            year=_year(written),
            month=self._month(m["mon"]),
            day=day,
            two_digit_year=_short(written),
        )
        return Atom(m.start(), m.end(), spec, DAY)

    def _ordinal(self, word: str) -> int | None:
        stem = _INFLECTION.sub("", word.lower())
        return self.lex.ordinals.get(stem)

    def month(self, m: re.Match[str], text: str) -> Atom | None:
        year = _year(m["y"])
        cue = m["part"] or m["mod"] or m["pre"]
        if year is None and not cue:
            return None  # a bare "August" may be a first name
        coordinated = (m["pre"] or "").lower() in ("und", "oder", "sowie")
        if coordinated and year is None and _CAPITALISED_NEXT.match(text, m.end()):
            return None  # "Peter und August Müller"
        spec = TimeSpec(
            year=year,
            month=self._month(m["mon"]),
            part=m["part"].lower() if m["part"] else None,
            offset=self._modifier(m["mod"]),
            unit="month_name" if m["mod"] else None,
            open=_open(m["pre"]) if year is None else None,  # "bis in den März": ahead
        )
        return Atom(m.start(), m.end(), spec, PERIOD)

    def month_pair(self, m: re.Match[str], text: str) -> Atom | None:
        """ "Mai/Juni 2018", "Dezember/Januar 2021": two months, the year written once at the
        end (belonging to the second)."""
        first, second, year = self._month(m["mon"]), self._month(m["mon2"]), int(m["y"])
        if first == second:
            return None
        start_year = year if first < second else year - 1
        spec, end = TimeSpec(year=start_year, month=first), TimeSpec(year=year, month=second)
        return Atom(m.start(), m.end(), spec, PERIOD, end_spec=end)

    def year(self, m: re.Match[str], text: str) -> Atom | None:
        cued = m["pre"] or m["part"]
        if not cued and not self._bare_year_ok(m, text):
            return None
        if len(m["y"]) < 4 and _CAPITALISED_NEXT.match(text, m.end()):
            return None  # "im Jahr 300 Besucher": a count per year
        if (
            not cued
            and int(m["y"]) < 1900
            and _previous_word(text, m.start())
            not in (self.ctx["year_cue"] | self.ctx["historic_year_cue"])
        ):
            return None  # "1500 weitere Plätze": an older year needs a word that makes it one
        spec = TimeSpec(
            year=int(m["y"]),
            part=m["part"].lower() if m["part"] else None,
            open=_open(_previous_word(text, m.start())),  # "seit 2015": no year in focus
        )
        return Atom(m.start(), m.end(), spec, YEAR)

    def _bare_year_ok(self, m: re.Match[str], text: str) -> bool:
        """A four-digit number is a year unless its neighbours make it a quantity or a name."""
        before = text[max(0, m.start() - 40) : m.start()]
        previous = _previous_word(text, m.start())
        if previous in self.ctx["figure_cue"] or previous in self.ctx["name_word"]:
            return False
        if previous.endswith(tuple(self.ctx.get("label_head", ()))):
            return False  # "Tourismusstrategie 2030", "Klimaschutzprogramm 2045": a target label
        if _CLOSING_QUOTE.match(text, m.end()) and _CAPITALISED_BEFORE.search(before):
            return False  # „Saison 2030“: the year ends a quoted title
        if _NUMBER_BEFORE.search(before) and not before.endswith("("):
            return False
        after = text[m.end() : m.end() + 40]
        if _NUMBER_AFTER.match(after) and not _CLOSING_PAREN.match(after):
            return False
        nxt = _next_word(text, m.end()).strip('.,;:!?)»«"“”')
        if nxt.lower() in self.ctx["unit"]:
            return False
        if nxt[:1].isupper() and previous not in self.ctx["year_cue"]:
            word = nxt.lower()
            if word not in self.lex.months and word not in self.lex.weekdays:
                return False  # "2000 Besucher"
        return True

    def year_range(self, m: re.Match[str], text: str) -> Atom | None:
        first = int(m["y"])
        second = int(m["y2"]) if len(m["y2"]) == 4 else first // 100 * 100 + int(m["y2"])
        if not 0 < second - first <= 50:
            return None
        return Atom(m.start(), m.end(), TimeSpec(year=first), YEAR, end_spec=TimeSpec(year=second))

    def season(self, m: re.Match[str], text: str) -> Atom | None:
        year = _year(m["y"])
        if year is None and not (m["part"] or m["mod"] or m["pre"]):
            return None
        spec = TimeSpec(
            year=year,
            season=m["s"].lower(),
            part=m["part"].lower() if m["part"] else None,
            offset=self._modifier(m["mod"]),
        )
        return Atom(m.start(), m.end(), spec, PERIOD)

    def relative_day(self, m: re.Match[str], text: str) -> Atom | None:
        word = m["rd"]
        if word.lower() == "morgen":
            previous = _previous_word(text, m.start())
            before = text[max(0, m.start() - 20) : m.start()].rstrip(" \t")
            at_sentence_start = not before or before[-1] in ".!?:\n"
            if previous in self.ctx["noun_article"] or (
                word[0].isupper() and not at_sentence_start
            ):
                return None  # "am Morgen", "Guten Morgen": the noun
        if word.lower() == "heute" and _previous_word(text, m.start()) in self.ctx.get(
            "nowadays_cue", ()
        ):
            return None  # "noch heute bestehend": nowadays
        dp = (m["dp"] or m["dp2"] or "").lower() or None
        spec = TimeSpec(relative_day=self.lex.relative_days[word.lower()], daypart=dp)
        return Atom(m.start(), m.end(), spec, DAY)

    def weekday(self, m: re.Match[str], text: str) -> Atom | None:
        article = m["pre"] or _previous_word(text, m.start())
        if _INDEFINITE.match(article):
            return None  # "jeden Montag" recurs, "an einem Montag" is any Monday
        dp = (m["dpc"] or m["dp"] or "").lower() or None
        spec = TimeSpec(
            weekday=self.lex.weekdays[m["wd"].lower()],
            weekday_offset=2 if m["after_next"] else self._modifier(m["mod"]),
            daypart=self.lex.dayparts[dp].name if dp else None,
            open=_open(m["pre"]),
        )
        return Atom(m.start(), m.end(), spec, DAY)

    def weekday_abbreviation(self, m: re.Match[str], text: str) -> Atom | None:
        spec = TimeSpec(weekday=self.lex.weekday_abbreviations[m["wa"].lower()])
        return Atom(m.start(), m.end(), spec, DAY, needs_partner=True)

    def daypart(self, m: re.Match[str], text: str) -> Atom | None:
        word = (m["n"] or m["n2"] or m["adv"]).lower()
        return Atom(m.start(), m.end(), TimeSpec(daypart=self.lex.dayparts[word].name), DAYPART)

    def clock(self, m: re.Match[str], text: str) -> Atom | None:
        groups = m.groupdict()
        if _ARTICLE.fullmatch(m["h"]):
            return None  # "um eine neue Art": an article, not "um eins"
        if m.group(0)[:5].lower() == "gegen" and self._after_number(text, m.start()):
            return None  # "elf gegen elf", "3 gegen 2": a score or a match-up
        hour = _number(m["h"])
        if hour is None or hour != int(hour) or not 0 <= hour <= 24:
            return None
        minute = groups.get("mi") or groups.get("mi2")
        if groups.get("mi2") and _CAPITALISED_NEXT.match(text, m.end("mi2")):
            return None  # "15 Uhr 20 Besucher": the 20 counts something
        digits_with_minutes = bool(groups.get("mi")) and ":" in m.group(0)
        is_bare = "uhr" not in m.group(0).lower() and not _HOUR_H.search(m.group(0))
        result_word = _previous_word(text, m.start()) in self.ctx["result_word"]
        if is_bare and groups.get("mi") and not groups.get("pre") and result_word:
            return None  # "bei 31:11", "in 19:45": a race result
        if is_bare and not digits_with_minutes and not self._bare_hour_ok(m, text):
            return None
        return self._time_atom(
            m,
            int(hour),
            int(minute) if minute else 0,
            clock_words=not digits_with_minutes and not groups.get("mi"),
        )

    @staticmethod
    def _after_number(text: str, pos: int) -> bool:
        """Whether a small number stands right before ``pos`` ("elf gegen", "3 gegen")."""
        m = _WORD_BEFORE.search(text[max(0, pos - 20) : pos])
        if m is None:
            return False
        word = m.group(1)
        return len(word) <= 2 if word.isdigit() else _number(word) is not None

    def _bare_hour_ok(self, m: re.Match[str], text: str) -> bool:
        """ "um zehn endlich": a bare hour after "um" followed by a word is a clock time unless
        the words show a quantity ("um zehn auf 20", "um zwei erhöht", "um zehn weitere Stände")."""
        words = _TWO_WORDS.match(text, m.end())
        if words is None:
            return True  # end of the clause
        word, stop, following = words.group(1), words.group(2).strip(), words.group(3)
        if not word.islower():
            return False  # "um zehn Prozent"
        if word in self.ctx["not_after_hour"] or word in self.ctx["unit"]:
            return False  # "um zehn auf 20", "um 16 cm gestiegen"
        participle = word.startswith("ge") and len(word) > 5 or word.endswith(("iert", "ert"))
        if participle or (stop and word.endswith("t") and len(word) > 4):
            return False  # a participle: "um zwei gesenkt", "um drei verringert", "erhöht."
        return not (following[:1].isupper() and _INFLECTION.search(word))

    def _time_atom(self, m: re.Match[str], hour: int, minute: int, clock_words: bool) -> Atom:
        dp = m["dp"] or m["dp2"] or m["dp3"]
        pre = m.groupdict().get("pre")
        late = (m["late"] or "").lower()
        open_ = _open(pre) or ("after" if late.startswith("früh") else None)
        open_ = "before" if late.startswith("spät") else open_
        spec = TimeSpec(
            hour=hour % 24,
            minute=minute,
            clock_words=clock_words,
            daypart=self.lex.dayparts[dp.lower()].name if dp else None,
            open=open_,
        )
        return Atom(m.start(), m.end(), spec, TIME)

    def clock_words(self, m: re.Match[str], text: str) -> Atom | None:
        hour = _number(m["hw"])
        if hour is None or hour != int(hour) or not 0 <= hour <= 24:
            return None
        hour = int(hour)
        rel = (m["rel"] or "").lower().split()
        if rel:
            minute = self.lex.clock_fractions[" ".join(rel)]
        else:
            count = _number(m["mn"])
            has_cue = m["pre"] and "um" in m["pre"].lower().split()
            # "zwanzig nach 3" alone: only the five-minute steps of the spoken clock
            spoken = count in (5, 10, 20, 25) and hour <= 12 and not m["mn"].isdigit()
            if count is None or not 0 < count < 60:
                return None
            if not (has_cue or m["minw"] or m["uhr"] or spoken):
                return None
            if _CAPITALISED_NEXT.match(text, m.end()):
                return None  # "zehn nach drei Tagen"
            minute = int(count) * self.lex.clock_directions[m["dir"].lower()]
        if minute < 0:
            hour, minute = (hour - 1) % 24, 60 + minute
        return self._time_atom(m, hour, minute, clock_words=True)

    def time_head(self, m: re.Match[str], text: str) -> Atom | None:
        spec = TimeSpec(hour=int(m["h"]), minute=int(m["mi"] or 0), clock_words=not m["mi"])
        return Atom(m.start(), m.end(), spec, TIME_HEAD, needs_partner=True)

    def day_of_month(self, m: re.Match[str], text: str) -> Atom | None:
        return Atom(m.start(), m.end(), TimeSpec(day=int(m["d"])), DAY)

    def day_head(self, m: re.Match[str], text: str) -> Atom | None:
        return Atom(m.start(), m.end(), TimeSpec(day=int(m["d"])), DAY_HEAD, needs_partner=True)

    def shift(self, m: re.Match[str], text: str) -> Atom | None:
        amount = _number(m["n"])
        if amount is None or amount <= 0:
            return None
        unit_word = m["unit"].lower()
        unit = self.lex.units_pl.get(unit_word) or self.lex.units_sg[unit_word]
        if unit in ("weekend", "quarter"):
            return None
        sign = -1 if m["dir"].lower() == "vor" else 1
        spec = TimeSpec(shift=(sign * amount, unit))
        return Atom(m.start(), m.end(), spec, SHIFT)

    def relative_period(self, m: re.Match[str], text: str) -> Atom | None:
        groups = m.groupdict()
        unit_word = m["unit"].lower()
        unit = self.lex.units_sg.get(unit_word)
        if unit in (None, "second", "minute", "hour"):
            return None
        offset = self._modifier(groups.get("mod"))
        if unit == "day" and not _DAY_BY_DAY.match(m.group(0)):
            return None  # "der letzte Tag" of a fair; "am nächsten Tag" counts on from a day
        part = groups.get("part")
        if part and offset is None:
            offset = 0
        spec = TimeSpec(unit=unit, offset=offset, part=part.lower() if part else None)
        return Atom(m.start(), m.end(), spec, WEEK if unit == "week" else PERIOD)

    def counted_period(self, m: re.Match[str], text: str) -> Atom | None:
        count = 2.0 if "paar" in m["n"].lower() else _number(m["n"])
        offset = self._modifier(m["mod"])
        if count is None or count < 1 or count != int(count) or offset not in (-1, 1):
            return None
        unit = self.lex.units_pl[m["unit"].lower()]
        spec = TimeSpec(unit=unit, offset=offset, count=int(count))
        return Atom(m.start(), m.end(), spec, PERIOD)

    def relative_word(self, m: re.Match[str], text: str) -> Atom | None:
        word = m["w"].lower()
        entry = self.lex.relative_words.get(word)
        if entry is None:
            entry = next(
                (v for k, v in self.lex.relative_prefixes.items() if word.startswith(k)), None
            )
        if entry is None:
            return None
        unit, offset = entry
        return Atom(m.start(), m.end(), TimeSpec(unit=unit, offset=offset), PERIOD)

    def now(self, m: re.Match[str], text: str) -> Atom | None:
        return Atom(m.start(), m.end(), TimeSpec(unit="now"), PERIOD)

    def quarter(self, m: re.Match[str], text: str) -> Atom | None:
        groups = m.groupdict()
        number = int(groups["q"]) if groups.get("q") else None
        if groups.get("qw"):
            number = self._ordinal(groups["qw"])
        offset = self._modifier(groups.get("mod"))
        if number is None and offset is None or number is not None and not 1 <= number <= 4:
            return None
        spec = TimeSpec(
            year=_year(groups.get("y")),
            quarter=number,
            unit="quarter",
            offset=offset if number is None else None,
        )
        return Atom(m.start(), m.end(), spec, PERIOD)

    def iso_week(self, m: re.Match[str], text: str) -> Atom | None:
        week = int(m["w"] or m["w2"])
        if not 1 <= week <= 53:
            return None
        return Atom(m.start(), m.end(), TimeSpec(year=_year(m["y"]), iso_week=week), PERIOD)

    def nth(self, m: re.Match[str], text: str) -> Atom | None:
        nth = self._ordinal(m["ord"])
        what = (m["what"] or m["what2"]).lower()
        if nth is None:
            return None
        if what in self.lex.weekdays:
            spec = TimeSpec(weekday=self.lex.weekdays[what], nth_of="weekday")
        elif what == "wochenende":  # "am ersten Oktoberwochenende"
            spec = TimeSpec(nth_of="weekend")
        else:
            spec = TimeSpec(nth_of="day" if what == "tag" else "week")
        spec = spec.with_(nth=nth, month=self._month(m["mon"] or m["mon2"]), year=_year(m["y"]))
        return Atom(m.start(), m.end(), spec, DAY if spec.nth_of in ("weekday", "day") else PERIOD)

    def eve(self, m: re.Match[str], text: str) -> Atom | None:
        """ "am Vorabend", "am Vortag", "am Folgetag": a day counted from the day in focus."""
        word = m["w"].lower()
        offset = 1 if word.startswith("folge") else -1
        daypart = "abend" if word == "vorabend" else None
        spec = TimeSpec(unit="day", offset=offset, from_focus=True, daypart=daypart)
        return Atom(m.start(), m.end(), spec, DAY)

    def holiday(self, m: re.Match[str], text: str) -> Atom | None:
        if self._place_context(m, text):
            return None
        name = _BLANKS.sub(" ", m["h"].lower())
        if name not in self.lex.holidays:
            name = name.replace(" ", "-")
        if name not in self.lex.holidays:
            return None
        spec = TimeSpec(holiday=name, year=_year(m["y"]))
        return Atom(m.start(), m.end(), spec, DAY)

    def era_year(self, m: re.Match[str], text: str) -> Atom | None:
        """ "490 v. Chr.", "im Jahr 9 n. Chr." """
        year = int(m["y"])
        if year < 1:
            return None
        bc = self.lex.eras[_BLANKS.sub(" ", m["era"].lower())] == "bc"
        return Atom(m.start(), m.end(), TimeSpec(year=year, bc=bc), YEAR)

    def century(self, m: re.Match[str], text: str) -> Atom | None:
        """ "im 19. Jahrhundert", "Anfang des zwanzigsten Jahrhunderts", "im 5. Jh. v. Chr." """
        number = int(m["n"]) if m["n"] else self._ordinal(m["nw"])
        if not number or not 1 <= number <= 21:
            return None
        era = m["era"] and self.lex.eras[_BLANKS.sub(" ", m["era"].lower())]
        spec = TimeSpec(
            century=number, bc=era == "bc", part=m["part"].lower() if m["part"] else None
        )
        return Atom(m.start(), m.end(), spec, PERIOD)

    def decade(self, m: re.Match[str], text: str) -> Atom | None:
        """ "in den 1930er Jahren", "der Zwanzigerjahre", "Anfang der 90er" """
        if m["c"]:
            decade = int(m["c"]) * 10 + int(m["d"])
        elif m["d"]:
            decade = int(m["d"])
        else:
            decade = self.lex.decades[m["dw"].lower()]
        if not (m["jahre"] or m["art"] or m["part"]):
            return None  # "ein Zwanziger": a banknote; a decade needs "Jahre" or an article
        spec = TimeSpec(decade=decade, part=m["part"].lower() if m["part"] else None)
        return Atom(m.start(), m.end(), spec, PERIOD)

    def anaphor(self, m: re.Match[str], text: str) -> Atom | None:
        """ "am selben Tag", "tags darauf", "im Jahr darauf": counted from the day or year in
        focus."""
        entry = self.lex.anaphora[_BLANKS.sub(" ", m["a"].lower())]
        spec = TimeSpec(
            unit=entry.unit, offset=entry.offset, from_focus=True, daypart=entry.daypart
        )
        return Atom(m.start(), m.end(), spec, DAY if entry.unit == "day" else PERIOD)

    def later(self, m: re.Match[str], text: str) -> Atom | None:
        """ "zwei Jahre später", "drei Tage zuvor": a shift from the day or year in focus."""
        amount = _number(m["n"])
        unit = self.lex.units_pl.get(m["unit"].lower()) or self.lex.units_sg.get(m["unit"].lower())
        if amount is None or amount != int(amount) or amount < 1 or unit not in ("day", "year"):
            return None
        sign = 1 if m["dir"].lower() in self.ctx["later_word"] else -1
        spec = TimeSpec(unit=unit, offset=sign * int(amount), from_focus=True)
        return Atom(m.start(), m.end(), spec, DAY if unit == "day" else PERIOD)

    def _place_context(self, m: re.Match[str], text: str) -> bool:
        """A holiday name that is also a place name, after "in"/"aus"/"nach" or before a place
        marker (", Texas", "(Texas)", "in Texas"): the place."""
        if _BLANKS.sub(" ", m["h"].lower()) not in self.lex.place_holidays:
            return False
        if _previous_word(text, m.start()) in self.ctx["place_preposition"]:
            return True
        return _PLACE_AFTER.match(text, m.end()) is not None
