"""The qualifier of a figure from the words before its number ("über 12.700" -> more_than).

Phrases and their qualifiers live in ``lang/de/qualifiers.tsv``; the verbs and nouns near which
"über" is a preposition ("informieren sich über 3.000 Angebote") in
``lang/de/uber_governors.txt``.
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
_GOVERNOR_BEFORE = 3  # words before "über" that may govern it
_GOVERNOR_AFTER = 6  # words after the number ("um sich über 3.000 Angebote zu informieren")
_CLAUSE_END = re.compile(r"[.,;:!?()\n–]")
_PREPOSITIONS = frozenset(
    "von mit auf bei für aus zu an nach vor in um gegen seit durch ab zwischen".split()
)
_CLAUSE_STARTS = frozenset(".,;:!?(–-„“\"=")


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
    return tuple(load_words("uber_governors.txt"))


def _governed_uber(before: list[str], after: str) -> bool:
    """Whether "über" is a preposition: right after a number ("164 über 4,5 km") or near a
    verb or noun that governs it."""
    if not before or before[-1] in _CLAUSE_STARTS:
        return False  # "Über 500 Gäste freuten sich …": a fronted quantity
    if before[-1].lower() in _PREPOSITIONS:
        return False  # "von über 2000 Verletzten", "auf über 20.000 qm"
    if before[-1][:1].isdigit():
        return True
    clause = _CLAUSE_END.split(after, maxsplit=1)[0].split()[:_GOVERNOR_AFTER]
    if "über" in clause:  # "… Gäste freuten sich über das Wetter": that "über" is governed
        clause = clause[: clause.index("über")]
    words = [w.lower() for w in before[-_GOVERNOR_BEFORE:] + clause]
    return any(w.startswith(_uber_governors()) for w in words)


def find_qualifier(text: str, start: int, end: int | None = None) -> Qualifier:
    """Qualifier of the number at ``start`` (its figure ending at ``end``): the longest phrase
    ending right before it."""
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
        if key[-1] in _PREPOSITION_UBER and size == 1:
            after = text[end if end is not None else start : start + _WINDOW * 2]
            if _governed_uber([m.group() for m in words[:-1]], after):
                return Qualifier(EXACT, start)  # "informieren sich über 3.000 Angebote"
        return Qualifier(qualifier, window_start + tail[0].start())
    return Qualifier(EXACT, start)
