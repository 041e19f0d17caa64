"""Word lists the figure extractor reads, loaded once from ``lang/de/``."""

from __future__ import annotations

import re
from functools import cache

from pipeline.lang import load_tsv, load_word_kinds, load_word_set, load_words

FIGURE_WORDS_FILE = "figure_words.tsv"


def figure_word_list(kind: str) -> tuple[str, ...]:
    """The words of one kind of ``figure_words.tsv`` in the file's order (endings tried in
    turn)."""
    return load_word_kinds(FIGURE_WORDS_FILE)[kind]


def figure_words(kind: str) -> frozenset[str]:
    """The words of one kind of ``figure_words.tsv`` (see its header), for membership tests."""
    return load_word_set(FIGURE_WORDS_FILE, kind)


@cache
def units_after() -> dict[str, str]:
    """Unit symbols and abbreviations after a number ("km" -> Kilometer, "%" -> Prozent)."""
    return {r["form"]: r["unit"] for r in load_tsv("units.tsv") if r["position"] != "before"}


@cache
def units_before() -> dict[str, str]:
    """Currency symbols before a number ("€ 15", "EUR 900")."""
    return {r["form"]: r["unit"] for r in load_tsv("units.tsv") if r["position"] != "after"}


@cache
def unit_pattern() -> re.Pattern[str]:
    """A unit symbol right at a position, ended by a non-letter ("4,5km", "83%", "20.000 m²")."""
    forms = sorted(units_after(), key=len, reverse=True)
    alternatives = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?:{alternatives})(?![^\W\d_])")


@cache
def adjective_pattern() -> re.Pattern[str]:
    """Number adjectives: "2-tägige", "zweijährigen", "fünfköpfige" (groups num, suffix)."""
    suffixes = sorted((r["suffix"] for r in load_tsv("figure_adjectives.tsv")), key=len)
    alternatives = "|".join(re.escape(s) for s in reversed(suffixes))
    return re.compile(rf"^(?P<num>.*?)-?(?P<suffix>{alternatives})(?:e[nrsm]?)?$", re.I)


@cache
def adjective_units() -> dict[str, str]:
    return {r["suffix"]: r["unit"] for r in load_tsv("figure_adjectives.tsv")}


@cache
def function_words() -> frozenset[str]:
    return load_words("figure_function_words.txt")


@cache
def count_statement_heads() -> tuple[str, ...]:
    return tuple(sorted(load_words("count_statement_heads.txt"), key=len, reverse=True))


@cache
def half_words() -> frozenset[str]:
    """Forms of "halb" ("eine halbe Million", "einer halben Stunde")."""
    return frozenset(r["word"] for r in load_tsv("fractions.tsv") if r["value"] == "0.5")


@cache
def anniversary_nouns() -> frozenset[str]:
    return load_words("anniversary_nouns.txt")


@cache
def label_words() -> frozenset[str]:
    return load_words("figure_labels.txt")


@cache
def calendar_words() -> frozenset[str]:
    """Month and weekday names, "Uhr", "Ende": a number before them is a date or time."""
    names = {r["name"] for r in load_tsv("months.tsv")} | {
        r["name"] for r in load_tsv("weekdays.tsv")
    }
    return frozenset(names | load_words("figure_time_words.txt"))
