"""The regular patterns of the German date grammar, built once from the word lists, and the
index of which words can head which pattern (so each pattern is tried at few places only)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from pipeline.temporal.atoms import Atom, AtomBuilder
from pipeline.temporal.first_chars import Beginnings, beginnings, rules_by_first_char
from pipeline.temporal.lexicon import Lexicon, lexicon
from pipeline.word_trie import trie_pattern


def _alt(words) -> str:
    """The words as one alternative, written as a prefix tree (:func:`trie_pattern`): where none
    of them stands, the engine tests one branch per character instead of every word (most of
    the grammar's attempts fail). Two words that match at one place are a word and its prefix,
    and the tree tries the longer first, as a list of the words by length would."""
    return trie_pattern(words)


def _phrases(phrases) -> str:
    """:func:`_alt` of phrases whose words any run of blanks separates."""
    return _alt(phrases).replace(r"\ ", r"\s+")


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

Builder = Callable[[re.Match[str], str], "Atom | None"]

# Which words can head each kind of expression, and how many words before the head the
# expression may start ("so ungefähr um 15 Uhr": 3): a pattern is only tried at those few word
# starts, so running text without temporal words costs one scan of its words.
TRIGGERS_BY_BUILDER: dict[str, dict[str, int]] = {
    "iso": {"year": 0}, "numeric_date": {"digit": 1}, "day_of_month": {"digit": 1},
    "word_date": {"digit": 1, "month": 2}, "month": {"month": 3}, "year": {"year": 3},
    "year_range": {"year": 0}, "season": {"season": 2}, "relative_day": {"relday": 0},
    "weekday": {"weekday": 2}, "weekday_abbreviation": {"digit": 2},
    "daypart": {"daypart": 2}, "clock": {"digit": 3, "um": 2},
    "clock_words": {"clock_digit": 2, "clockword": 2, "um": 2}, "time_head": {"digit": 0},
    "day_head": {"digit": 0}, "shift": {"digit": 2, "unit": 4},
    "counted_period": {"unit": 4}, "relative_period": {"unit": 3},
    "relative_word": {"relword": 1}, "now": {"now": 1}, "quarter": {"quarter": 2, "digit": 1},
    "iso_week": {"quarter": 1, "digit": 1}, "nth": {"weekday": 2, "unit": 2, "month": 4},
    "holiday": {"holiday": 0, "digit": 0}, "eve": {"eve": 1}, "month_pair": {"month": 1},
    "era_year": {"era": 3}, "century": {"century": 4}, "decade": {"decade": 3},
    "anaphor": {"anaphor": 0}, "later": {"later": 3},
}  # fmt: skip
# "clock_digit": a number beside "nach", "vor" or "Minuten" ("10 nach 8", "5 Minuten vor
# acht"), the only place where clock words hold a number whose words ("halb", "Uhr", "um") do
# not head them (grammar._number_kinds)
MAX_LOOKBACK = 4  # the longest lookback in TRIGGERS_BY_BUILDER
_HOLIDAY_SPLIT = re.compile(r"[\s.-]+")


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
    era_after: re.Pattern[str]  # an era marker after a number ("490 v. Chr.")
    # character -> indexes of the rules that can begin with it (characters not listed: all)
    rules_by_first_char: dict[str, frozenset[int]]
    # per rule, the first two characters its matches can begin with (None: not known)
    rule_beginnings: tuple[Beginnings | None, ...]
    # the clock words after a count of minutes ("10 nach 8", "5 Minuten vor 8") and before an
    # hour ("nach 8"): the grammar's "clock_digit" test reads them
    clock_words_after: frozenset[str]
    clock_words_before: frozenset[str]


def _triggers(lex: Lexicon) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    kinds: dict[str, set[str]] = {}

    def add(words, kind: str) -> None:
        for word in words:
            kinds.setdefault(word, set()).add(kind)

    add(lex.months, "month")
    add((f"{m}wochenende" for m in lex.months if m not in lex.month_abbreviations), "month")
    add(lex.weekdays, "weekday")
    add(lex.relative_days, "relday")
    add(lex.dayparts, "daypart")
    add(lex.seasons, "season")
    add((_HOLIDAY_SPLIT.split(name)[0] for name in lex.holidays), "holiday")
    add(lex.units_sg, "unit")
    add(lex.units_pl, "unit")
    add(lex.relative_words, "relword")
    add((phrase.split()[0] for phrase in lex.clock_fractions), "clockword")
    add(lex.clock_minute_words, "clockword")
    # "Uhr" heads nothing of its own, but stays a word that may open an expression: the clock
    # words it ends ("halb 8 Uhr", "10 nach 8 Uhr") begin beyond its lookback or with a head
    # word of theirs ("halb", a number beside "nach"), and where it stands for a number ("Uhr
    # nach 8", "zehn nach Uhr") the builder refuses them
    add(("uhr",), "uhr")
    add(("um", "gegen"), "um")
    add(("jetzt", "eben"), "now")
    add(lex.context.get("eve_word", ()), "eve")
    add(("quartal", "quartals", "kw", "kalenderwoche"), "quarter")
    add(("jahrhundert", "jahrhunderts", "jahrhunderte", "jh"), "century")
    add((phrase.split()[0] for phrase in lex.anaphora), "anaphor")
    add(lex.context.get("later_word", ()), "later")
    add(lex.context.get("earlier_word", ()), "later")
    prefixes = dict.fromkeys(lex.weekdays, "weekday")
    prefixes.update(dict.fromkeys(lex.relative_prefixes, "relword"))
    prefixes.update(dict.fromkeys(lex.seasons, "season"))
    prefixes.update(dict.fromkeys(lex.decades, "decade"))
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
    eve_words = _alt(lex.context.get("eve_word", ()))
    number = r"\d{1,2}|[a-zäöüß]+"
    clock_fractions = _phrases(lex.clock_fractions)
    clock_minutes = _alt(lex.clock_minute_words)
    clock_directions = _alt(lex.clock_directions)
    eras = "|".join(
        re.escape(form).replace(r"\.\ ", r"\.\s*").replace(r"\ ", r"\s+").replace(r"\.", r"\.")
        for form in sorted(lex.eras, key=len, reverse=True)
    )
    decades = _alt(lex.decades)
    anaphora = _phrases(lex.anaphora)
    later_words = _alt(
        lex.context.get("later_word", set()) | lex.context.get("earlier_word", set())
    )

    def rx(text: str) -> re.Pattern[str]:
        return re.compile(text, re.I)

    p = AtomBuilder(lex)
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
                rf"|vom|von|zum|bis\s+zum|(?:bis\s+)?in\s+den|des|monat|und|oder|sowie))\s+)?(?P<mon>"
                rf"{month_full}|"
                rf"(?:{month_any})\.?(?=\s*{Y4_DATED}))(?:\s+(?P<y>{Y4_DATED})(?!\d))?{E}"
            ),
            p.month,
        ),
        (
            rx(
                rf"{B}(?:im\s+)?(?P<mon>{month_any})\.?\s*(?:/|-|–)\s*(?P<mon2>{month_any})\.?\s*"
                rf"(?P<y>{Y4_DATED})(?!\d)"
            ),
            p.month_pair,
        ),
        (
            rx(
                rf"(?<![\w.,/:+-])(?:(?P<part>anfang|mitte|ende)\s+(?:des\s+jahres\s+)?|(?P<pre>im\s+"
                rf"jahre?|des\s+jahres|für\s+das\s+jahr|anno)\s+)?(?P<y>{Y4_DATED})(?!\w|[.,:]\d|-\w|"
                rf"\s*(?:/|-|–|bis)\s*(?:{Y4_DATED}|\d{{2}})(?!\d)|\s*(?:{eras}))"
            ),
            p.year,
        ),
        (
            rx(
                rf"{B}(?P<pre>(?:im|um\s+das|das)\s+jahre?|anno)\s+(?P<y>[1-9]\d{{2}})(?![\w.,:/-]|"
                rf"\s*(?:{eras}))(?P<part>)"
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
                rf"{B}{_pre('pre')}(?:(?P<rel>{clock_fractions})|"
                rf"(?P<mn>{number})\s+(?:(?P<minw>{clock_minutes})\s+)?"
                rf"(?P<dir>{clock_directions}))\s+"
                rf"(?P<hw>{number})(?P<uhr>\s+uhr)?{E}" + suffix
            ),
            p.clock_words,
        ),
        (
            rx(
                rf"{B}(?P<pre>{approx_pre}{{0,2}}(?:um|gegen)\s+{approx_pre}?)(?P<h>{number})"
                rf"(?:[:.](?P<mi>[0-5]\d))?(?:\s+uhr)?{E}"
                + suffix
                + r"(?(suf)|(?=\s*(?:$|[;!?)]|[.,](?!\d))|\s+[a-zäöüß]))"
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
        # before the relative periods: "des folgenden Jahres" counts from the year in focus
        (rx(rf"{B}(?P<a>{anaphora}){E}"), p.anaphor),
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
                rf"{B}(?:(?:am|an\s+dem|der|die|das|den)\s+)?(?P<ord>{ordinal})\s+(?:(?P<what>"
                rf"{weekday}|tag|woche|wochenende)\s+(?:im|des)\s+(?P<mon>{month_full})|(?P<mon2>"
                rf"{month_full})-?(?P<what2>wochenende))(?:\s+(?P<y>{Y4}))?{E}"
            ),
            p.nth,
        ),
        (rx(rf"(?<![\w.])(?P<h>{holiday}){E}(?:\s+(?P<y>{Y4})(?!\d))?"), p.holiday),
        (rx(rf"{B}(?:am|zum|vom|bis\s+zum|seit\s+dem)\s+(?P<w>{eve_words}){E}"), p.eve),
        (
            rx(
                rf"(?<![\w.,/:+-])(?:(?:im\s+jahre?|um|anno|ca\.|etwa|seit|bis|ab)\s+)?"
                rf"(?P<y>\d{{1,4}})\s*(?P<era>{eras})(?![\wäöüß])"
            ),
            p.era_year,
        ),
        (
            rx(
                rf"{B}(?:(?P<part>anfang|beginn|mitte|ende)\s+)?(?:(?:im|des|das|dem|ins|seit\s+dem|"
                rf"bis\s+ins)\s+)?(?:(?P<n>\d{{1,2}})\.\s*|(?P<nw>{ordinal})\s+)(?:jahrhunderts?|"
                rf"jh\.)(?:\s*(?P<era>{eras}))?(?![\wäöüß])"
            ),
            p.century,
        ),
        (
            rx(
                rf"{B}(?:(?P<part>anfang|mitte|ende)\s+)?(?:(?:in\s+|seit\s+|bis\s+in\s+)?(?P<art>"
                rf"den|die|der)\s+)?(?:(?P<c>1\d|20)?(?P<d>\d)0er|(?P<dw>{decades}))(?:(?P<jahre>"
                rf"\s*-?\s*jahren?|jahren?)|n)?{E}"
            ),
            p.decade,
        ),
        (
            rx(
                rf"{B}(?P<n>\d{{1,3}}|ein(?:e[nm]?)?|[a-zäöüß]+)\s+(?P<unit>{units_pl}|{units_sg})\s+"
                rf"(?P<dir>{later_words}){E}"
            ),
            p.later,
        ),
    )
    by_trigger: dict[str, list[set[int]]] = {}
    for index, (_, build) in enumerate(rules):
        for kind, lookback in TRIGGERS_BY_BUILDER[build.__name__].items():
            per_distance = by_trigger.setdefault(kind, [set() for _ in range(MAX_LOOKBACK + 1)])
            for distance in range(lookback + 1):
                per_distance[distance].add(index)
    words, prefixes = _triggers(lex)
    not_runs = sorted(w for w in [*words, *prefixes] if not re.fullmatch(r"\w+", w))
    if not_runs:  # the grammar finds head words among word runs (grammar._attempts)
        raise ValueError(f"head words of the date grammar must be single words: {not_runs}")
    return Patterns(
        lex,
        rules,
        {k: tuple(frozenset(d) for d in v if d) for k, v in by_trigger.items()},
        words,
        prefixes,
        re.compile(_alt(prefixes)),
        re.compile(f"{modifier}|{ordinal}"),
        re.compile(
            rf"{B}(?:\d[\wäöüß]*|{trie_pattern(words)}{E}|{trie_pattern(prefixes)}[\wäöüß]*|"
            rf"q[1-4]{E}|kw\d{{1,2}}{E})",
            re.I,
        ),
        re.compile(rf"\s*(?:{eras})", re.I),
        rules_by_first_char(pattern for pattern, _ in rules),
        tuple(beginnings(pattern) for pattern, _ in rules),
        frozenset({*lex.clock_directions, *lex.clock_minute_words}),
        frozenset(lex.clock_directions),
    )
