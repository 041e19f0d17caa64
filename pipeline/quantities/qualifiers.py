"""The qualifier of a figure from the words before its number ("über 12.700" -> more_than).

Phrases and their qualifiers live in ``lang/de/qualifiers.tsv``; the verbs and nouns near which
"über" or "unter" is a preposition ("informieren sich über 3.000 Angebote", "eine Umfrage unter
1.200 Beschäftigten") in ``lang/de/preposition_governors.tsv``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from pipeline.lang import load_tsv
from pipeline.memo import WordValues
from pipeline.quantities.lexicon import figure_words

EXACT = "exact"
_WINDOW = 60  # characters before the number that can hold a qualifier
# Words (with an abbreviation dot) and the symbols ~ ≈ > < ≥ ≤ and "=".
_WORD = re.compile(r"[~≈><≥≤=]|[^\W\d_]+\.?|\d[\d.,]*|[^\s\w]")
_GOVERNOR_BEFORE = 5  # words before "über" that may govern it ("Eine Studie der Uni … unter")
_GOVERNOR_AFTER = 6  # words after the number ("um sich über 3.000 Angebote zu informieren")
_CLAUSE_END = re.compile(r"[.,;:!?()\n–]")
_PREPOSITIONS = figure_words("preposition")
_CLAUSE_STARTS = frozenset('.,;:!?(–-„“"=')


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
def _last_words() -> frozenset[str]:
    return frozenset(phrase[-1] for phrase in _phrases())


@cache
def qualifier_words() -> frozenset[str]:
    """Every single word of a qualifying phrase ("zirka", "genau", …)."""
    return frozenset(w for phrase in _phrases() for w in phrase)


@cache
def _governors() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Preposition -> (word beginnings, word endings) that govern it."""
    found: dict[str, tuple[list[str], list[str]]] = {}
    for row in load_tsv("preposition_governors.tsv"):
        prefixes, suffixes = found.setdefault(row["preposition"], ([], []))
        (prefixes if row["match"] == "prefix" else suffixes).append(row["word"])
    return {p: (tuple(pre), tuple(suf)) for p, (pre, suf) in found.items()}


def _governed(preposition: str, before: list[str], after: str) -> bool:
    """Whether "über"/"unter" is a preposition: right after a number ("164 über 4,5 km") or
    near a verb or noun that governs it ("verfügt über", "Hauptlauf über", "Umfrage unter")."""
    for i in range(len(before) - 1, -1, -1):  # only the words of the current sentence
        if before[i] in _CLAUSE_STARTS or before[i].endswith("."):
            before = before[i + 1 :]
            break
    if not before:
        return False  # "Über 500 Gäste freuten sich …": a fronted quantity
    if before[-1].lower() in _PREPOSITIONS:
        return False  # "von über 2000 Verletzten", "auf über 20.000 qm"
    if before[-1][:1].isdigit():
        return True
    clause = _CLAUSE_END.split(after, maxsplit=1)[0].split()[:_GOVERNOR_AFTER]
    if preposition in clause:  # "… Gäste freuten sich über das Wetter": that one is governed
        clause = clause[: clause.index(preposition)]
    prefixes, suffixes = _governors()[preposition]
    words = [w.lower() for w in before[-_GOVERNOR_BEFORE:] + clause]
    return any(w.startswith(prefixes) or w.endswith(suffixes) for w in words)


def _last_word(before: str) -> str | None:
    """The last word ``_WORD`` finds in ``before``, in lower case, when only spaces follow it;
    else None. No word holds a space and none starts with one, so the words of the last
    spaceless stretch are those a search of the whole text finds there: only that stretch is
    read (most numbers have no qualifier, and finding every word before each of them cost more
    than the rest of the test)."""
    stretch = before.rsplit(None, 1)
    return _STRETCH_LAST_WORD[stretch[-1]] if stretch else None


def _stretch_last_word(stretch: str) -> str | None:
    """The last word ``_WORD`` finds in a stretch without spaces, in lower case, when it ends
    the stretch; else None."""
    last = None
    for last in _WORD.finditer(stretch):  # noqa: B007 (the last one)
        pass
    if last is None or last.end() != len(stretch):
        return None
    return last.group().lower()


# memoised by stretch: the words before numbers recur ("rund", "über", "Besucher,")
_STRETCH_LAST_WORD = WordValues(_stretch_last_word)


def find_qualifier(text: str, start: int, end: int | None = None) -> Qualifier:
    """Qualifier of the number at ``start`` (its figure ending at ``end``): the longest phrase
    ending right before it."""
    window_start = max(0, start - _WINDOW)
    before = text[window_start:start]
    if "\n" in before:  # a qualifier does not stand on the line above its number
        window_start += before.rindex("\n") + 1
        before = text[window_start:start]
    if _last_word(before) not in _last_words():
        return Qualifier(EXACT, start)  # most numbers: no phrase can end here
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
        if size == 1 and key[0] in _governors():
            after = text[end if end is not None else start : start + _WINDOW * 2]
            if _governed(key[0], [m.group() for m in words[:-1]], after):
                return Qualifier(EXACT, start)  # "informieren sich über 3.000 Angebote"
        return Qualifier(qualifier, window_start + tail[0].start())
    return Qualifier(EXACT, start)
