"""Pure functions that read German numbers: digits in German notation and number words.

Shared by the figure and date extractors. Word knowledge (irregular words, forms of "ein",
multipliers such as "Mio." and "Millionen") lives in ``lang/de/*.tsv``; text2num composes the
regular words ("zwölftausendsiebenhundert").
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from typing import NamedTuple

from text_to_num import text2num

from pipeline.lang import load_tsv, load_words

# 12.700 / 1.234.567 / 12 700 / 2'300 (Swiss) / 1,5 / 12700 / ,77. A dot followed by fewer or
# more than three digits is not German notation ("1.5", "4.0"), so such strings are not numbers.
_DIGITS = re.compile(r"^(?:\d{1,3}(?:[. '’\u00a0\u202f\u2009]\d{3})+|\d+)?(?:,\d+)?$")
_GROUP_SEPARATORS = re.compile(r"[. '’\u00a0\u202f\u2009]")
_SUFFIXED = re.compile(r"^(?P<digits>[\d.,]+)(?P<suffix>[a-z])$", re.IGNORECASE)
_EINHALB = "einhalb"


class NumberWord(NamedTuple):
    value: float
    kind: str  # cardinal, article ("ein"-forms), zero ("kein"-forms)


@cache
def _word_table() -> dict[str, NumberWord]:
    return {
        row["word"]: NumberWord(float(row["value"]), row["kind"])
        for row in load_tsv("number_words.tsv")
    }


@cache
def _multipliers() -> dict[str, tuple[Decimal, bool]]:
    return {
        row["form"]: (Decimal(row["factor"]), row["alone"] == "1")
        for row in load_tsv("multipliers.tsv")
    }


@cache
def _suffix_factors() -> dict[str, Decimal]:
    return {row["suffix"]: Decimal(row["factor"]) for row in load_tsv("number_suffixes.tsv")}


@cache
def number_word_starts() -> tuple[str, ...]:
    """Beginnings a number word can have (a cheap filter before a full parse)."""
    return tuple(sorted(load_words("number_morphemes.txt"), key=len, reverse=True))


def _digits_decimal(text: str) -> Decimal | None:
    text = text.strip()
    if not text or not _DIGITS.match(text):
        return None
    integer, _, fraction = text.partition(",")
    integer = _GROUP_SEPARATORS.sub("", integer) or "0"
    return Decimal(f"{integer}.{fraction}" if fraction else integer)


def finite_float(value: Decimal) -> float | None:
    """``value`` as a float, or None when it is too large for one (309 digits and more): no
    report counts that much, and a table must never hold ``inf``."""
    number = float(value)
    return number if math.isfinite(number) else None


def parse_digits(text: str) -> float | None:
    """``12.700`` -> 12700, ``1,5`` -> 1.5, ``12 700`` -> 12700, ``,77`` -> 0.77; else None."""
    value = _digits_decimal(text)
    return None if value is None else finite_float(value)


@lru_cache(maxsize=65536)
def read_number_word(word: str) -> NumberWord | None:
    """A German number word with its kind (``eine`` is an article-form numeral), or None."""
    word = word.strip().lower()
    if not word or not word.isalpha() or not word.startswith(number_word_starts()):
        return None
    table = _word_table()
    if word in table:
        return table[word]
    if word.endswith(_EINHALB) and len(word) > len(_EINHALB):
        # "dreiundzwanzigeinhalb"; "eineinhalb" itself is in the table
        head = read_number_word(word[: -len(_EINHALB)])
        return NumberWord(head.value + 0.5, "cardinal") if head else None
    multiplier = _multipliers().get(word)
    if multiplier and multiplier[1]:
        return NumberWord(float(multiplier[0]), "cardinal")
    try:
        return NumberWord(float(text2num(word, "de")), "cardinal")
    except ValueError:
        return None


def parse_number_word(word: str) -> float | None:
    """A German number word (``drei``, ``zwölftausendsiebenhundert``, ``eineinhalb``) or None."""
    found = read_number_word(word)
    return found.value if found else None


def multiplier(word: str) -> Decimal | None:
    """The factor of a multiplier word or abbreviation ("Mio." -> 1e6, "Millionen" -> 1e6)."""
    found = _multipliers().get(word.lower())
    return found[0] if found else None


def _word_decimal(word: str) -> Decimal | None:
    value = _digits_decimal(word)
    if value is not None:
        return value
    m = _SUFFIXED.match(word)
    if m:
        factor = _suffix_factors().get(m.group("suffix").lower())
        base = _digits_decimal(m.group("digits"))
        if factor is not None and base is not None:
            return base * factor
    found = read_number_word(word)
    return Decimal(str(found.value)) if found else None


def _compose(words: list[str]) -> Decimal | None:
    """Sum of a sequence of numbers and multipliers in descending order of magnitude:
    "einunddreißig Millionen zweihundertsechsundfünfzigtausend" -> 31256000."""
    total = Decimal(0)
    current: Decimal | None = None
    for word in words:
        if word.lower() == "und":
            continue
        found = _multipliers().get(word.lower())
        if found:
            factor, alone = found
            if current is None and not alone:
                return None
            current = (current if current is not None else Decimal(1)) * factor
            if factor >= 1000:
                total += current
                current = None
            continue
        value = _word_decimal(word)
        if value is None:
            return None
        current = value if current is None else current + value
    if current is None and total == 0:
        return None
    return total + (current or 0)


def _fraction_digits(words: list[str]) -> str | None:
    """Digits after "Komma": "fünfzehn" -> "15", "1 5" -> "15"."""
    out = []
    for word in words:
        if word.isdigit():
            out.append(word)
            continue
        value = parse_number_word(word)
        if value is None or value != int(value):
            return None
        out.append(str(int(value)))
    return "".join(out) or None


def parse_numeral(text: str) -> float | None:
    """A whole phrase read as one number: "drei Millionen", "5 tausend", "1 komma 1", "100K",
    "minus 1.200.000", "einunddreißig Millionen zweihundert…"; None if any word is no number."""
    words = text.split()
    if not words:
        return None
    sign = 1
    if words[0].lower() in ("minus", "negativ", "-"):
        sign, words = -1, words[1:]
    elif words[0].startswith("-") and len(words[0]) > 1:
        sign, words = -1, [words[0][1:], *words[1:]]
    lower = [w.lower() for w in words]
    try:
        if "komma" in lower:
            cut = lower.index("komma")
            integer = _compose(words[:cut])
            fraction = _fraction_digits(words[cut + 1 :])
            if integer is None or fraction is None:
                return None
            value = integer + Decimal(f"0.{fraction}")
        else:
            value = _compose(words)
    except InvalidOperation:
        return None
    return None if value is None else finite_float(sign * value)


def parse_number(text: str) -> float | None:
    """Digits or a number word."""
    value = parse_digits(text)
    return value if value is not None else parse_number_word(text)
