"""Pure functions that read German numbers: digits in German notation and number words.

Shared by the figure and date extractors. Word knowledge (irregular words, fractions, case
forms of "ein") lives in ``lang/de/number_words.tsv``; text2num composes the regular words.
"""

from __future__ import annotations

import re
from functools import cache

from text_to_num import text2num

from pipeline.lang import load_tsv

# 12.700 / 1.234.567 / 12 700 (any space) / 1,5 / 12700 / 1.5 (English decimal only if not a
# thousands group).
_DIGITS = re.compile(r"^(?:\d{1,3}(?:[. \u00a0\u202f\u2009]\d{3})+|\d+)(?:,\d+)?$")


@cache
def _word_table() -> dict[str, float]:
    return {row["word"]: float(row["value"]) for row in load_tsv("number_words.tsv")}


def parse_digits(text: str) -> float | None:
    """``12.700`` -> 12700, ``1,5`` -> 1.5, ``12 700`` -> 12700; None if not a number."""
    text = text.strip()
    if not _DIGITS.match(text):
        return None
    integer, _, fraction = text.partition(",")
    integer = re.sub(r"[. \u00a0\u202f\u2009]", "", integer)
    return float(f"{integer}.{fraction}" if fraction else integer)


def parse_number_word(word: str) -> float | None:
    """A German number word (``drei``, ``zwölftausendsiebenhundert``, ``eineinhalb``) or None."""
    word = word.strip().lower()
    if not word or not word.isalpha():
        return None
    table = _word_table()
    if word in table:
        return table[word]
    try:
        return float(text2num(word, "de"))
    except ValueError:
        return None


def parse_number(text: str) -> float | None:
    """Digits or a number word."""
    value = parse_digits(text)
    return value if value is not None else parse_number_word(text)
