"""Recognition of German temporal expressions in running text.

Two steps: regular patterns built from the word lists find *atoms* (a date, a clock time, a
weekday, a relative period …); :func:`combine` then joins neighbouring atoms into one expression
("Donnerstag, 24. Oktober 2019, 11.00 Uhr") and into ranges ("vom 22. bis 24. Oktober").
Every pattern is anchored on a word boundary and uses only bounded repetitions of fixed words,
so a megabyte of digits, dots or month names is scanned in linear time.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.numbers import parse_number_word
from pipeline.temporal.lexicon import Lexicon, lexicon
from pipeline.temporal.spec import Expression, TimeSpec

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


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _trie(words) -> str:
    """An alternation of words as a prefix tree, which the regex engine walks without
    backtracking through every word."""
    root: dict = {}
    for word in set(words):
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


def _inflected(stems) -> str:
    return "(?:" + _alt(stems) + ")(?:e|en|er|es|em)"


B = r"(?<![\wäöüß])"  # word start
E = r"(?![\wäöüß])"  # word end
D = r"(?:[12]\d|3[01]|0?[1-9])"
M = r"(?:1[0-2]|0?[1-9])"
Y4 = r"(?:19|20)\d{2}"  # a year standing alone
Y4_DATED = r"(?:1\d|20)\d{2}"  # a year after a day and month may be historical ("7. März 1888")
CONNECTOR = (
    r"(?:-|–|—|/|bis(?:\s+(?:zum|zur|einschließlich))?|und(?:\s+(?:dem|den))?|auf(?:\s+den)?)"
)
APPROX = r"(?:pünktlich|genau|so|etwa|ungefähr|circa|zirka|ca\.?)"
TIME_PREP = r"(?:um|gegen|ab|bis|nach|vor|von|seit|frühestens|spätestens)"
OPEN_WORDS = {"ab": "after", "nach": "after", "seit": "after", "frühestens": "after",
              "bis": "before", "vor": "before", "spätestens": "before"}  # fmt: skip


Builder = Callable[[re.Match[str], str], "Atom | None"]

# Which words can head each kind of expression, and how many words before the head the
# expression may start ("so ungefähr um 15 Uhr": 3): a pattern is only tried at those few word
# starts, so running text without temporal words costs one scan of its words.
TRIGGERS_BY_BUILDER: dict[str, dict[str, int]] = {
    "iso": {"year": 0}, "numeric_date": {"digit": 1}, "day_of_month": {"digit": 1},
    "word_date": {"digit": 1, "month": 2}, "month": {"month": 2}, "year": {"year": 3},
    "year_range": {"year": 0}, "season": {"season": 2}, "relative_day": {"relday": 0},
    "weekday": {"weekday": 2}, "weekday_abbreviation": {"digit": 2},
    "daypart": {"daypart": 2}, "clock": {"digit": 3, "um": 2},
    "clock_words": {"digit": 1, "clockword": 2, "um": 2}, "time_head": {"digit": 0},
    "day_head": {"digit": 0}, "shift": {"digit": 2, "unit": 4},
    "counted_period": {"unit": 4}, "relative_period": {"unit": 3},
    "relative_word": {"relword": 1}, "now": {"now": 1}, "quarter": {"quarter": 2, "digit": 1},
    "iso_week": {"quarter": 1, "digit": 1}, "nth": {"weekday": 2, "unit": 2, "month": 4},
    "holiday": {"holiday": 0, "digit": 0},
}  # fmt: skip
MAX_LOOKBACK = 4  # the longest lookback in TRIGGERS_BY_BUILDER
_WORD_RUN = re.compile(r"[\wäöüß]+")
_LAST_WORD = re.compile(r"([\wäöüß]+)\W*$")
_NEXT_WORD = re.compile(r"\s*(\S+)")
_INFLECTION = re.compile(r"(?:e|en|er|es|em)$")
_NUMBER_BEFORE = re.compile(r"(?:\d[ /-]?|[€$£]\s?|\(\s*)$")  # "0221 2015", "€ 2019"
_NUMBER_AFTER = re.compile(r"[ /-]?\d|\s*[%€$°]|\s*\)")  # "2015 123", "2019 %"
_CLOSING_PAREN = re.compile(r"\)\s*[.,;:]?")
_INDEFINITE = re.compile(r"(?:jede|eine)[nmrs]?$|(?:an\s+)?eine[nmrs]?$", re.I)
_CAPITALISED_NEXT = re.compile(r"\s+[A-ZÄÖÜ]")
_HOUR_H = re.compile(r"\dh", re.I)
_BLANKS = re.compile(r"\s+")
_HOLIDAY_SPLIT = re.compile(r"[\s.-]+")
_GAP_HEAD_RANGE = re.compile(rf"\s*(?:{CONNECTOR})?\s*", re.I)
_GAP_COORDINATED = re.compile(r"\s*(?:,|und|sowie|oder)\s*", re.I)
_COORDINATED_START = re.compile(r"(?:und|sowie|oder)\s", re.I)


@dataclass(frozen=True, eq=False)
class Patterns:
    lex: Lexicon
    rules: tuple[tuple[re.Pattern[str], Builder], ...]
    # kind -> rule indexes to try at the head word and at each word before it
    by_trigger: dict[str, tuple[frozenset[int], ...]]
    trigger_words: dict[str, tuple[str, ...]]
    trigger_prefixes: dict[str, str]  # word start -> kind ("sonntagnachmittag")
    prefix_pattern: re.Pattern[str]
    inflected_starter: re.Pattern[str]  # "letzten", "nächste", "dritter"
    trigger_pattern: re.Pattern[str]  # every word that can head an expression, in one scan


def _triggers(lex: Lexicon) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    kinds: dict[str, set[str]] = {}

    def add(words, kind: str) -> None:
        for word in words:
            kinds.setdefault(word, set()).add(kind)

    add(lex.months, "month")
    add(lex.weekdays, "weekday")
    add(lex.relative_days, "relday")
    add(lex.dayparts, "daypart")
    add(lex.seasons, "season")
    add((_HOLIDAY_SPLIT.split(name)[0] for name in lex.holidays), "holiday")
    add(lex.units_sg, "unit")
    add(lex.units_pl, "unit")
    add(lex.relative_words, "relword")
    add(("uhr", "halb", "viertel", "dreiviertel", "minuten"), "clockword")
    add(("um",), "um")
    add(("jetzt", "eben"), "now")
    add(("quartal", "quartals", "kw", "kalenderwoche"), "quarter")
    prefixes = dict.fromkeys(lex.weekdays, "weekday")
    prefixes.update(dict.fromkeys(lex.relative_prefixes, "relword"))
    prefixes.update(dict.fromkeys(lex.seasons, "season"))
    return {w: tuple(sorted(k)) for w, k in kinds.items()}, prefixes


def _pre(prefix_group: str) -> str:
    return rf"(?P<{prefix_group}>(?:(?:{APPROX}|{TIME_PREP})\s+|ca\.\s*){{1,4}})?"


@cache
def patterns() -> Patterns:
    lex = lexicon()
    month_full = _alt(m for m in lex.months if m not in lex.month_abbreviations)
    month_any = _alt(lex.months)
    weekday = _alt(lex.weekdays)
    weekday_abbr = _alt(lex.weekday_abbreviations)
    ordinal = _inflected(lex.ordinals)
    modifier = _inflected(lex.modifiers)
    dp_noun = _alt({p.name for p in lex.dayparts.values()})
    dp_any = _alt(lex.dayparts)
    dp_adverb = _alt(w for w, p in lex.dayparts.items() if w != p.name)
    dp_suffix = _alt(w for w in lex.dayparts if w != "morgen")  # "17 Uhr morgen" is tomorrow
    dp_day = _alt(p.name for p in lex.dayparts.values() if p.name not in ("früh", "nacht"))
    units_sg = _alt(lex.units_sg)
    units_pl = _alt(lex.units_pl)
    holiday = "|".join(
        re.escape(name).replace(r"\ ", r"\s+").replace(r"\-", r"[\s-]")
        for name in sorted(lex.holidays, key=len, reverse=True)
    )
    rel_words = _alt(lex.relative_words) + "|(?:" + _alt(lex.relative_prefixes) + r")[a-zäöü]*"
    seasons = _alt(lex.seasons)
    suffix = (
        rf"(?P<suf>\s+(?:(?P<dp>{dp_suffix})|am\s+(?P<dp2>{dp_noun})|in\s+der\s+(?P<dp3>früh|nacht))"
        rf"{E}|\s+(?P<late>frühestens|frühstens|spätestens|in\s+etwa){E})?"
    )
    approx_pre = rf"(?:{APPROX}\s+|ca\.\s*)"
    number = r"\d{1,2}|[a-zäöüß]+"

    def rx(text: str) -> re.Pattern[str]:
        return re.compile(text, re.I)

    p = _AtomBuilder(lex)
    rules = (
        (
            rx(
                rf"(?<![\w.-])(?P<y>{Y4_DATED})-(?P<m>{M})-(?P<d>{D})(?:T(?P<h>[01]\d|2[0-3]):"
                rf"(?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\w-])"
            ),
            p.iso,
        ),
        (
            rx(
                rf"(?<![\w.,:])(?<!\d[-/])(?:(?:am|der|den|dem)\s+)?(?P<d>{D})\.\s?(?P<m>{M})\."
                rf"(?:(?P<y>{Y4_DATED}|\d{{2}})|\s(?P<y2>{Y4_DATED}))?(?![\d])"
            ),
            p.numeric_date,
        ),
        (rx(rf"{B}(?:am|vom|zum)\s+(?P<d>{D})\.(?P<m>{M})(?![\d.,:])"), p.numeric_date),
        (rx(rf"{B}am\s+(?P<d>{D})(?:\.|ten){E}(?=\s*(?:$|[,;!?)]))"), p.day_of_month),
        (
            rx(
                rf"(?<![\w.]){B}(?:(?:am|der|den|dem)\s+)?(?:(?P<d>{D})(?:\.|te[nrs]?)?|(?P<dw>"
                rf"{ordinal}))\s*"
                rf"(?P<mon>{month_any}){E}\.?"
                rf"(?:,?\s*(?P<y>{Y4_DATED})(?!\d)|\s+(?P<y2>\d{{2}})(?=\s*(?:$|[,;)!?]|\.(?:\s|$))))?"
            ),
            p.word_date,
        ),
        (
            rx(
                rf"{B}(?P<mon>{month_any})\.?\s+(?P<d>{D})(?!\d|[.,:]\d)"
                rf"(?:\s*,?\s*(?P<y>{Y4})(?!\d))?(?=\s*(?:$|[,;.!?)\-–]|bis{E}))"
            ),
            p.word_date,
        ),
        (
            rx(
                rf"{B}(?:(?:(?P<part>anfang|mitte|ende)|(?P<mod>{modifier})|(?P<pre>im|seit|bis|ab"
                rf"|vom|von|zum|bis\s+zum|des|monat|und|oder|sowie))\s+)?(?P<mon>{month_full}|"
                rf"(?:{month_any})\.?(?=\s*{Y4_DATED}))(?:\s+(?P<y>{Y4_DATED})(?!\d))?{E}"
            ),
            p.month,
        ),
        (
            rx(
                rf"(?<![\w.,/:+-])(?:(?:(?P<pre>im\s+jahre?|des\s+jahres|für\s+das\s+jahr)|(?P<part>"
                rf"anfang|mitte|ende))\s+)?(?P<y>{Y4})(?!\w|[.,:]\d|-\w|\s*(?:/|-|–|bis)\s*"
                rf"(?:{Y4}|\d{{2}})(?!\d))"
            ),
            p.year,
        ),
        (
            rx(
                rf"(?<![\w.,/:+-])(?P<y>{Y4_DATED})\s*(?:/|-|–|bis)\s*(?P<y2>{Y4_DATED}|\d{{2}})"
                rf"(?!\w|[.,:]\d)"
            ),
            p.year_range,
        ),
        (
            rx(
                rf"{B}(?:(?:(?P<part>anfang|mitte|ende)(?:\s+des)?|(?P<mod>{modifier})|(?P<pre>im|"
                rf"des|zum|vom|bis\s+zum|seit\s+dem))\s+)?(?P<s>{seasons})(?:s|es)?"
                rf"(?:\s+(?P<y>{Y4})(?!\d))?{E}"
            ),
            p.season,
        ),
        (
            rx(
                rf"{B}(?P<rd>{_alt(lex.relative_days)}){E}(?:\s+(?:(?P<dp>{dp_noun})|zu\s+"
                rf"(?P<dp2>mittag|abend)){E})?"
            ),
            p.relative_day,
        ),
        (
            rx(
                rf"{B}(?:(?P<pre>am|an\s+diesem|(?:an\s+)?eine[nmrs]?|jede[nmrs]?|bis|ab|seit)\s+|(?P<mod>{modifier})"
                rf"\s+)?(?P<wd>{weekday})(?P<dpc>{dp_noun})?{E}(?:\s+(?P<dp>{dp_any}){E})?"
                r"(?P<after_next>\s+nach\s+dem\s+nächsten)?"
            ),
            p.weekday,
        ),
        (
            rx(rf"{B}(?P<wa>{weekday_abbr})\.?(?=\s*,?\s*(?:(?:den|der)\s+)?\d)"),
            p.weekday_abbreviation,
        ),
        (
            rx(
                rf"{B}(?:(?:am|gegen)\s+(?:(?:frühen|späten)\s+)?(?P<n>{dp_day})|in\s+der\s+"
                rf"(?P<n2>nacht|früh)|(?P<adv>{dp_adverb})){E}"
            ),
            p.daypart,
        ),
        (
            rx(
                rf"(?<![\w.,:]){_pre('pre')}(?P<h>[01]?\d|2[0-4])(?:[:.](?P<mi>[0-5]\d))?"
                rf"(?:\s*uhr|h)(?![a-zäöü])(?:\s*(?P<mi2>[0-5]?\d)(?![\d.,:]))?" + suffix
            ),
            p.clock,
        ),
        (
            rx(
                rf"(?<![\w.,:]){_pre('pre')}(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?h?"
                rf"(?![\d:]|[.,]\d|-[^\W\d])" + suffix
            ),
            p.clock,
        ),
        (
            rx(
                rf"{B}{_pre('pre')}(?:(?P<rel>halb|viertel\s+nach|viertel\s+vor|dreiviertel)|"
                rf"(?P<mn>{number})\s+(?:(?P<minw>minuten)\s+)?(?P<dir>nach|vor))\s+"
                rf"(?P<hw>{number})(?P<uhr>\s+uhr)?{E}" + suffix
            ),
            p.clock_words,
        ),
        (
            rx(
                rf"{B}(?P<pre>{approx_pre}{{0,2}}um\s+{approx_pre}?)(?P<h>{number})"
                rf"(?:[:.](?P<mi>[0-5]\d))?{E}"
                + suffix
                + r"(?(suf)|(?=\s*(?:$|[;!?)]|[.,](?!\d))))"
            ),
            p.clock,
        ),
        (
            rx(
                r"(?<![\w.,:])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?(?:\s*uhr|h)?"
                r"(?=\s*(?:-|–|bis|/|und)\s*(?:[01]?\d|2[0-4])(?:[:.][0-5]\d)?(?:\s*uhr|h))"
            ),
            p.time_head,
        ),
        (
            rx(
                rf"(?<![\w.,:])(?P<d>{D})(?:\.|te[nrs]?)?(?=\s*{CONNECTOR}\s*{D}(?:\.|te[nrs]?)?"
                rf"\s*(?:{M}\.|(?:{month_any}){E}))"
            ),
            p.day_head,
        ),
        (
            rx(
                rf"{B}(?P<dir>vor|in)\s+{approx_pre}?(?P<n>\d+(?:,\d+)?|einer?m?\s+halben|"
                rf"ein\s+paar|[a-zäöüß]+(?:\s+ein\s*halb)?)\s+(?P<unit>{units_pl}|{units_sg}){E}"
            ),
            p.shift,
        ),
        (
            rx(
                rf"{B}(?:(?:im|in\s+de[rmn]|am|an\s+de[rmn]|in\s+diese[rmn]|an\s+diese[rmn]|"
                rf"de[rmns])\s+)?(?P<mod>{modifier})\s+(?P<unit>{units_sg}){E}"
            ),
            p.relative_period,
        ),
        (
            rx(
                rf"{B}(?:(?:in\s+)?(?:den|die)\s+)?(?P<mod>{modifier})\s+{approx_pre}?"
                rf"(?P<n>\d+|ein\s+paar|paar|[a-zäöüß]+)\s+(?P<unit>{units_pl}){E}"
            ),
            p.counted_period,
        ),
        (
            rx(rf"{B}(?P<pre>am|übers|über\s+das|zum|an\s+diesem)\s+(?P<unit>wochenende){E}"),
            p.relative_period,
        ),
        (
            rx(
                rf"{B}(?P<part>anfang|mitte|ende)\s+(?:de[sr]\s+)?(?:(?P<mod>{modifier})\s+)?"
                rf"(?P<unit>woche|monats|jahres){E}"
            ),
            p.relative_period,
        ),
        (rx(rf"{B}(?:(?:im|zum|des|dem|das|vom)\s+)?(?P<w>{rel_words}){E}"), p.relative_word),
        (rx(rf"{B}(?:genau\s+|gerade\s+)?jetzt{E}|{B}gerade\s+eben{E}"), p.now),
        (
            rx(
                rf"{B}(?:(?:im|des|das|dem)\s+)?(?:(?P<q>[1-4])(?:\.|te[nrs]?)\s*|(?P<qw>"
                rf"{ordinal})\s+|(?P<mod>{modifier})\s+)quartals?(?:\s+(?P<y>{Y4}))?{E}"
            ),
            p.quarter,
        ),
        (rx(rf"(?<![\w/])Q(?P<q>[1-4])\s*[/-]?\s*(?P<y>{Y4}){E}"), p.quarter),
        (
            rx(
                rf"{B}(?:(?:KW|Kalenderwoche)\s*(?P<w>[1-5]?\d)|(?P<w2>[1-5]?\d)\.\s*"
                rf"(?:KW|Kalenderwoche))(?:\s*[/.]?\s*(?P<y>{Y4}))?(?!\d)"
            ),
            p.iso_week,
        ),
        (
            rx(
                rf"{B}(?:(?:am|der|die|den)\s+)?(?P<ord>{ordinal})\s+(?P<what>{weekday}|tag|woche)"
                rf"\s+(?:im|des)\s+(?P<mon>{month_full})(?:\s+(?P<y>{Y4}))?{E}"
            ),
            p.nth,
        ),
        (rx(rf"(?<![\w.])(?P<h>{holiday}){E}(?:\s+(?P<y>{Y4})(?!\d))?"), p.holiday),
    )
    by_trigger: dict[str, list[set[int]]] = {}
    for index, (_, build) in enumerate(rules):
        for kind, lookback in TRIGGERS_BY_BUILDER[build.__name__].items():
            per_distance = by_trigger.setdefault(kind, [set() for _ in range(MAX_LOOKBACK + 1)])
            for distance in range(lookback + 1):
                per_distance[distance].add(index)
    words, prefixes = _triggers(lex)
    return Patterns(
        lex,
        rules,
        {k: tuple(frozenset(d) for d in v if d) for k, v in by_trigger.items()},
        words,
        prefixes,
        re.compile(_alt(prefixes)),
        re.compile(f"{modifier}|{ordinal}"),
        re.compile(
            rf"{B}(?:\d[\wäöüß]*|{_trie(words)}{E}|{_trie(prefixes)}[\wäöüß]*|"
            rf"q[1-4]{E}|kw\d{{1,2}}{E})",
            re.I,
        ),
    )


def _year(text: str | None) -> int | None:
    if not text:
        return None
    text = text.lstrip("'")
    value = int(text)
    if len(text) == 2:
        value += 2000 if value < 50 else 1900
    return value


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
    m = _LAST_WORD.search(text[max(0, pos - 40) : pos])
    return m.group(1).lower() if m else ""


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text[pos : pos + 40])
    return m.group(1) if m else ""


def _open(pre: str | None) -> str | None:
    words = (pre or "").lower().split()
    for word in reversed(words):
        if word in OPEN_WORDS:
            return OPEN_WORDS[word]
    return None


class _AtomBuilder:
    """Turns a pattern match into an atom, or None when the context rules it out."""

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
        year = _year(m.groupdict().get("y") or m.groupdict().get("y2"))
        spec = TimeSpec(year=year, month=int(m["m"]), day=int(m["d"]))
        return Atom(m.start(), m.end(), spec, DAY)

    def word_date(self, m: re.Match[str], text: str) -> Atom | None:
        groups = m.groupdict()
        if groups.get("dw"):
            day = self._ordinal(groups["dw"])
            if not day or day < 1:
                return None
        else:
            day = int(m["d"])
        year = _year(groups.get("y") or groups.get("y2"))
        spec = TimeSpec(year=year, month=self._month(m["mon"]), day=day)
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
        )
        return Atom(m.start(), m.end(), spec, PERIOD)

    def year(self, m: re.Match[str], text: str) -> Atom | None:
        if not (m["pre"] or m["part"]) and not self._bare_year_ok(m, text):
            return None
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
        return self._time_atom(
            m,
            int(hour),
            int(minute) if minute else 0,
            clock_words=not digits_with_minutes and not groups.get("mi"),
        )

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
            minute = {"halb": -30, "viertel nach": 15, "viertel vor": -15, "dreiviertel": -15}[
                " ".join(rel)
            ]
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
            minute = int(count) if m["dir"].lower() == "nach" else -int(count)
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
        what = m["what"].lower()
        if nth is None:
            return None
        if what in self.lex.weekdays:
            spec = TimeSpec(weekday=self.lex.weekdays[what], nth_of="weekday")
        else:
            spec = TimeSpec(nth_of="day" if what == "tag" else "week")
        spec = spec.with_(nth=nth, month=self._month(m["mon"]), year=_year(m["y"]))
        return Atom(m.start(), m.end(), spec, DAY if spec.nth_of != "week" else PERIOD)

    def holiday(self, m: re.Match[str], text: str) -> Atom | None:
        name = _BLANKS.sub(" ", m["h"].lower())
        if name not in self.lex.holidays:
            name = name.replace(" ", "-")
        if name not in self.lex.holidays:
            return None
        spec = TimeSpec(holiday=name, year=_year(m["y"]))
        return Atom(m.start(), m.end(), spec, DAY)


_NOT_A_TIME_NUMBER = re.compile(r"[.,]\d{3}(?!\d)|,\d")  # 20.000, 1,5
_NOUN_AFTER = re.compile(r"\s+([A-ZÄÖÜ][a-zäöüß]+)")  # "60 Vorträge": a count
_QUARTER_OR_WEEK = re.compile(r"q[1-4]|kw\d{1,2}")


def _number_kinds(word: str, text: str, end: int) -> tuple[str, ...]:
    """Kinds a word with digits can head: a year, a day or clock number, or nothing (20.000,
    "60 Vorträge")."""
    if word.isdigit():
        if len(word) == 4:
            return ("year",) if 1000 <= int(word) <= 2099 else ()
        if len(word) > 2 or _NOT_A_TIME_NUMBER.match(text, end):
            return ()
        noun = _NOUN_AFTER.match(text, end)
        if noun and not _trigger_kinds(noun.group(1).lower()):
            return ()
        return ("digit",)
    if word[0].isdigit():
        return ("digit",)  # 15h, 17h10, 18uhr, 15ten
    return ("quarter",) if _QUARTER_OR_WEEK.fullmatch(word) else ()


@lru_cache(maxsize=65536)
def _trigger_kinds(word: str) -> tuple[str, ...]:
    """Kinds of expression a lower-case word without digits can head."""
    pats = patterns()
    kinds = pats.trigger_words.get(word)
    if kinds:
        return kinds
    m = pats.prefix_pattern.match(word)
    return (pats.trigger_prefixes[m.group(0)],) if m else ()


@lru_cache(maxsize=65536)
def _can_start(word: str) -> bool:
    """Whether a lower-case word may open an expression: a function word the patterns allow
    before their head ("am", "im Jahr", "so ungefähr um"), a number or a head word."""
    pats = patterns()
    return (
        word in pats.lex.context["opener"]
        or word[0].isdigit()
        or word in pats.lex.weekday_abbreviations
        or bool(_trigger_kinds(word))
        or pats.inflected_starter.fullmatch(word) is not None
    )


def _attempts(text: str, pats: Patterns) -> dict[int, set[int]]:
    """Rule indexes to try at each word start: at every head word and at the few words before
    it that may open the same expression."""
    attempts: dict[int, set[int]] = {}
    for head in pats.trigger_pattern.finditer(text):
        word = head.group(0).lower()
        kinds = _number_kinds(word, text, head.end()) if word[0].isdigit() else _trigger_kinds(word)
        if not kinds:
            continue
        before = [
            (m.start(), m.group(0).lower())
            for m in _WORD_RUN.finditer(text, max(0, head.start() - 60), head.start())
        ][-MAX_LOOKBACK:]
        for kind in kinds:
            for distance, rules in enumerate(pats.by_trigger.get(kind, ())):
                if distance == 0:
                    attempts.setdefault(head.start(), set()).update(rules)
                    continue
                if distance > len(before):
                    break
                start, prefix = before[-distance]
                if _can_start(prefix):
                    attempts.setdefault(start, set()).update(rules)
    return attempts


def find_atoms(text: str) -> list[Atom]:
    """All atoms, overlaps resolved in favour of the longest (then the earliest)."""
    pats = patterns()
    attempts = _attempts(text, pats)
    found: list[Atom] = []
    for start in sorted(attempts):
        for index in sorted(attempts[start]):
            pattern, build = pats.rules[index]
            m = pattern.match(text, start)
            if m is not None:
                atom = build(m, text)
                if atom is not None:
                    found.append(atom)
    return _longest_first(found)


def _longest_first(atoms: list[Atom]) -> list[Atom]:
    """Non-overlapping atoms, longer ones winning, in text order."""
    atoms = sorted(atoms, key=lambda a: (-(a.end - a.start), a.start))
    starts: list[int] = []  # sorted starts of taken atoms; ends[i] belongs to starts[i]
    ends: list[int] = []
    taken: list[Atom] = []
    for atom in atoms:
        i = bisect_left(starts, atom.start)
        if i < len(starts) and starts[i] < atom.end:
            continue  # a taken atom starts inside this one
        if i > 0 and ends[i - 1] > atom.start:
            continue  # the taken atom before reaches into this one
        starts.insert(i, atom.start)
        ends.insert(i, atom.end)
        taken.append(atom)
    return sorted(taken, key=lambda a: a.start)


# Gaps (text between two atoms) that let them combine.
_GAP_WEEKDAY_DATE = re.compile(r"\s*,?\s*(?:(?:den|der)\s+)?", re.I)
_GAP_DAY_TIME = re.compile(r"\s*,?\s*(?:um\s+)?", re.I)
_GAP_TIME_DAY = re.compile(r"\s*,?\s*(?:am\s+)?", re.I)
_GAP_DAYPART_DAY = re.compile(r"\s+(?:am\s+|des\s+)?", re.I)
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
    if merged is None:
        return None
    return Atom(a.start, b.end, merged, role)


def _range(a: Atom, b: Atom, text: str) -> Expression | None:
    if a.end_spec is not None or b.end_spec is not None:
        return None
    gap = text[a.end : b.start]
    lead = _LEADING_CONNECTOR.match(text, b.start, b.end)
    if lead:  # "bis Freitag", "bis 18 Uhr": the connector opens the second atom
        gap += lead.group(0)
    prefix = _RANGE_PREFIX.search(text[max(0, a.start - 20) : a.start])
    start = a.start - (len(prefix.group(0)) if prefix else 0)
    if a.role in (DAY_HEAD, TIME_HEAD):
        if not _GAP_HEAD_RANGE.fullmatch(gap):
            return None
    elif not _GAP_RANGE.fullmatch(gap):
        return None
    words = gap.lower().split()
    if "und" in words and not (prefix and "zwischen" in prefix.group(0).lower()):
        return None
    if "auf" in words and not (prefix and prefix.group(0).lower().startswith("vom")):
        return None  # "vom 14. auf den 15.": a night; "vom 3.5. auf 7.5. verschoben" is not
    if "/" in gap and a.role not in (DAY_HEAD, TIME_HEAD, TIME):
        return None
    pairs = {(DAY, DAY), (DAY_HEAD, DAY), (TIME, TIME), (TIME_HEAD, TIME), (YEAR, YEAR),
             (PERIOD, PERIOD), (PERIOD, YEAR), (YEAR, PERIOD)}  # fmt: skip
    if (a.role, b.role) not in pairs:
        return None
    first, last = a.spec, b.spec.with_(open=None)
    if a.role == DAY_HEAD:
        first = last.with_(day=first.day, weekday=None, hour=None, minute=None)
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


def _coordinated_day(a: Atom, b: Atom, text: str) -> Expression | None:
    """ "am 28. und 29. April": the first day of two named ones, completed from the second."""
    if a.role != DAY_HEAD or b.role != DAY or b.spec.month is None:
        return None
    if not _GAP_COORDINATED.fullmatch(text[a.end : b.start]):
        return None
    if _RANGE_PREFIX.search(text[max(0, a.start - 20) : a.start]):
        return None  # "zwischen dem 1. und 3. Mai" is a range
    return Expression(a.start, a.end, b.spec.with_(day=a.spec.day, weekday=None, hour=None))


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
        if a.needs_partner and i + 1 < len(joined):
            first = _coordinated_day(a, joined[i + 1], text)
            if first is not None:
                expressions.append(first)
        if not a.needs_partner:
            expressions.append(Expression(a.start, a.end, a.spec, a.end_spec))
        i += 1
    return expressions


def _share_years(expressions: list[Expression], text: str) -> list[Expression]:
    """ "im Mai oder Juni 2025", "am 3. Mai und 4. Juni 2025": the year written once, at the end,
    belongs to every coordinated month or day."""
    for i in range(len(expressions) - 2, -1, -1):
        a, b = expressions[i], expressions[i + 1]
        if a.spec.year is not None or a.end_spec is not None or a.spec.month is None:
            continue
        year = (b.spec if b.end_spec is None else b.end_spec).year
        gap = text[a.end : b.start]
        joined = _GAP_COORDINATED.fullmatch(gap) or (
            not gap.strip() and _COORDINATED_START.match(text, b.start)
        )
        if year is not None and joined:
            expressions[i] = Expression(a.start, a.end, a.spec.with_(year=year))
    return expressions


def find_expressions(text: str) -> Iterator[Expression]:
    """Temporal expressions in ``text``, in text order."""
    yield from _share_years(combine(find_atoms(text), text), text)
