"""The qualifier of a figure from the words before its number ("über 12.700" -> more_than).

Phrases and their qualifiers live in ``lang/de/qualifiers.tsv``; the words after which "über"
is a preposition ("informieren sich über 3.000 Angebote") in ``lang/de/uber_verbs.txt``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from pipeline.lang import load_tsv, load_words

EXACT = "exact"
_WINDOW = 60  # characters before the number that can hold a qualifier
# Words (with an abbreviation dot) and the symbols ~ ≈ > < ≥ ≤ and "=".
_WORD = re.compile(r"[~≈><≥≤=]|[^\W\d_]+\.?|\d[\d.,]*|[^\s\w]")
_PREPOSITION_UBER = ("über",)


class Qualifier(NamedTuple):
    qualifier: str
    start: int  # character offset where the qualifying phrase begins


@cache
def _phrases() -> dict[tuple[str, ...], str]:
    return {tuple(row["phrase"].split()): row["qualifier"] for row in load_tsv("qualifiers.tsv")}


@cache
def _longest() -> int:
    return max(len(p) for p in _phrases())


@cache
def qualifier_words() -> frozenset[str]:
    """Every single word of a qualifying phrase ("zirka", "genau", …)."""
    return frozenset(w for phrase in _phrases() for w in phrase)


@cache
def _uber_governors() -> tuple[str, ...]:
    return tuple(load_words("uber_verbs.txt"))


def _governs_uber(word: str) -> bool:
    word = word.lower()
    return word[:1].isdigit() or word.startswith(_uber_governors())


def find_qualifier(text: str, start: int) -> Qualifier:
    """Qualifier of the number starting at ``start``: the longest phrase ending right before it."""
    window_start = max(0, start - _WINDOW)
    before = text[window_start:start]
    if "\n" in before:  # a qualifier does not stand on the line above its number
        window_start += before.rindex("\n") + 1
        before = text[window_start:start]
    words = list(_WORD.finditer(before))
    if not words or before[words[-1].end() :].strip():
        return Qualifier(EXACT, start)
    phrases = _phrases()
    for size in range(min(_longest(), len(words)), 0, -1):
        tail = words[-size:]
        key = tuple(m.group().lower() for m in tail)
        qualifier = phrases.get(key)
        if qualifier is None:
            continue
        if key[-1] in _PREPOSITION_UBER and size == 1 and len(words) > size:
            if _governs_uber(words[-size - 1].group()):
                return Qualifier(EXACT, start)  # "informieren sich über 3.000 Angebote"
        return Qualifier(qualifier, window_start + tail[0].start())
    return Qualifier(EXACT, start)
