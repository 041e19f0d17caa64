"""German date and time vocabulary, read once from the language data files."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from pipeline.lang import load_tsv


@dataclass(frozen=True)
class Holiday:
    key: str
    rule: str


@dataclass(frozen=True)
class DayPart:
    name: str
    start: tuple[int, int]
    end: tuple[int, int]
    pm: str  # "0", "1", "noon", "late": how an hour below 12 is read


@dataclass(frozen=True)
class Season:
    code: str
    start: tuple[int, int]  # month, day
    end: tuple[int, int]


@dataclass(frozen=True)
class Anaphor:
    unit: str  # day or year
    offset: int
    daypart: str | None


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]  # every name and abbreviation
    month_abbreviations: frozenset[str]
    weekdays: dict[str, int]  # full names
    weekday_abbreviations: dict[str, int]
    relative_days: dict[str, int]
    modifiers: dict[str, int]  # adjective stem -> offset
    units_sg: dict[str, str]
    units_pl: dict[str, str]
    relative_words: dict[str, tuple[str, int]]  # exact word -> (unit, offset)
    relative_prefixes: dict[str, tuple[str, int]]  # word stem (any ending) -> (unit, offset)
    dayparts: dict[str, DayPart]  # noun and adverb forms
    seasons: dict[str, Season]
    ordinals: dict[str, int]
    holidays: dict[str, Holiday]
    tense: dict[str, frozenset[str]]
    context: dict[str, frozenset[str]]
    anaphora: dict[str, Anaphor]  # "am selben tag", "im jahr darauf"
    decades: dict[str, int]  # "zwanziger" -> 2
    eras: dict[str, str]  # "v. chr." -> bc
    place_holidays: frozenset[str]  # holiday names that are also place names ("corpus christi")
    # the spoken clock: "halb" -> -30, "viertel nach" -> 15; "nach" -> 1, "vor" -> -1; "minuten"
    clock_fractions: dict[str, int]
    clock_directions: dict[str, int]
    clock_minute_words: frozenset[str]


def _hm(text: str) -> tuple[int, int]:
    hour, minute = text.split(":")
    return int(hour), int(minute)


def _md(text: str) -> tuple[int, int]:
    month, day = text.split("-")
    return int(month), int(day)


def _grouped(name: str, key: str, group: str) -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for row in load_tsv(name):
        groups[row[group]].add(row[key])
    return {k: frozenset(v) for k, v in groups.items()}


@cache
def lexicon() -> Lexicon:
    months, month_abbr = {}, set()
    for row in load_tsv("months.tsv"):
        months[row["name"]] = int(row["month"])
        if row.get("abbreviation") == "1":
            month_abbr.add(row["name"])
    weekdays, weekday_abbr = {}, {}
    for row in load_tsv("weekdays.tsv"):
        target = weekday_abbr if row["abbreviation"] == "1" else weekdays
        target[row["name"]] = int(row["weekday"])
    units_sg, units_pl = {}, {}
    for row in load_tsv("time_units.tsv"):
        (units_sg if row["number"] == "sg" else units_pl)[row["form"]] = row["unit"]
    rel_words, rel_prefixes = {}, {}
    for row in load_tsv("time_relative_words.tsv"):
        entry = (row["unit"], int(row["offset"]))
        if row["word"].endswith("*"):
            rel_prefixes[row["word"].rstrip("*")] = entry
        else:
            rel_words[row["word"]] = entry
    dayparts = {}
    for row in load_tsv("time_dayparts.tsv"):
        part = DayPart(row["name"], _hm(row["start"]), _hm(row["end"]), row["pm"])
        dayparts[row["name"]] = part
        dayparts[row["adverb"]] = part
    return Lexicon(
        months=months,
        month_abbreviations=frozenset(month_abbr),
        weekdays=weekdays,
        weekday_abbreviations=weekday_abbr,
        relative_days={r["word"]: int(r["offset"]) for r in load_tsv("time_relative_days.tsv")},
        modifiers={r["stem"]: int(r["offset"]) for r in load_tsv("time_modifiers.tsv")},
        units_sg=units_sg,
        units_pl=units_pl,
        relative_words=rel_words,
        relative_prefixes=rel_prefixes,
        dayparts=dayparts,
        seasons={
            r["name"]: Season(r["code"], _md(r["start"]), _md(r["end"]))
            for r in load_tsv("time_seasons.tsv")
        },
        ordinals={r["stem"]: int(r["value"]) for r in load_tsv("time_ordinals.tsv")},
        holidays={r["name"]: Holiday(r["key"], r["rule"]) for r in load_tsv("time_holidays.tsv")},
        tense=_grouped("time_tense_cues.tsv", "form", "kind"),
        context=_grouped("time_context_words.tsv", "word", "role"),
        anaphora={
            r["phrase"]: Anaphor(r["unit"], int(r["offset"]), r["daypart"] or None)
            for r in load_tsv("time_anaphora.tsv")
        },
        decades={r["word"]: int(r["decade"]) for r in load_tsv("time_decades.tsv")},
        eras={r["form"]: r["era"] for r in load_tsv("time_eras.tsv")},
        place_holidays=_place_holidays(),
        clock_fractions=_clock_words("fraction"),
        clock_directions=_clock_words("direction"),
        clock_minute_words=frozenset(
            r["word"] for r in load_tsv("time_clock_words.tsv") if r["kind"] == "minutes"
        ),
    )


def _clock_words(kind: str) -> dict[str, int]:
    """The words of ``kind`` with their minutes (a row without them is an error)."""
    return {
        r["word"]: int(r["minutes"]) for r in load_tsv("time_clock_words.tsv") if r["kind"] == kind
    }


def _place_holidays() -> frozenset[str]:
    places = {row["variant"].lower() for row in load_tsv("places_gazetteer.tsv")}
    return frozenset(r["name"] for r in load_tsv("time_holidays.tsv") if r["name"] in places)
