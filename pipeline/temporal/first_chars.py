"""Which characters a regular expression's match can begin with, read from its parsed form.

The date grammar tries dozens of patterns at every word start near a head word; most cannot
begin with the characters there ("am 3." is no place for a rule that starts with a digit, nor
"im Mai" for one that starts with "am" or "um"), and a set look-up is far cheaper than a failing
``match`` call. The answer is a superset (case variants, lookarounds and negated sets only widen
it), and it only covers :data:`CHECKED`: a character outside it is always tried.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from functools import cache, lru_cache

log = logging.getLogger("pipeline")

try:  # the parser behind re.compile; private, so any surprise means "no answer"
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - a Python without them
    sre = sre_parse = None

# Characters the answer speaks for: ASCII and German letters, whose case variants are plain
# lower()/upper() pairs (outside it, re.IGNORECASE knows rarer pairs such as "ſ" and "s").
CHECKED = frozenset(map(chr, range(128))) | frozenset("äöüÄÖÜß")
_CATEGORIES = {"DIGIT": r"\d", "SPACE": r"\s", "WORD": r"\w"}
# How many characters of a match :func:`beginnings` reads: two tell "am" from "um" and "im",
# where the first character alone lets most rules through; three would multiply the sets of
# the rules that begin with any two word characters.
PREFIX = 2

# The strings of up to ``length`` characters a match can begin with: one of ``length``
# characters is the start of longer matches too, a shorter one is a whole match ("" for an
# empty one).
Beginnings = frozenset[str]


class _Unknown(Exception):
    """A construct this reader does not follow: any character may come first."""


def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The characters of :data:`CHECKED` a match of ``pattern`` can begin with, or None when
    that is not known (the pattern may match the empty string, or uses an unread construct)."""
    begins = beginnings(pattern, 1)
    if begins is None:
        return None
    if "" in begins:
        log.debug("first characters unknown (may match nothing): %.60s", pattern.pattern)
        return None
    return begins


def beginnings(pattern: re.Pattern[str], length: int = PREFIX) -> Beginnings | None:
    """The beginnings of ``length`` characters of :data:`CHECKED` (and the whole matches that
    are shorter) of ``pattern``'s matches, or None when they are not known."""
    if sre_parse is None:
        log.debug("first characters unknown: this Python has no re._parser")
        return None
    try:
        begins = _sequence(_parsed(pattern), length)
    except (_Unknown, AttributeError, TypeError, ValueError) as exc:
        log.debug("first characters unknown (%s: %s): %.60s", type(exc).__name__, exc, pattern)
        return None
    if pattern.flags & re.IGNORECASE:
        begins = _case_variants(begins)
    return frozenset(b for b in begins if CHECKED.issuperset(b))


@lru_cache(maxsize=256)
def _parsed(pattern: re.Pattern[str]):
    """The parsed form of ``pattern``, read once: the date grammar asks for the first
    character and for the first two of each of its patterns (:func:`rules_by_first_char`,
    :func:`beginnings`), and parsing is most of the time it takes to build the grammar."""
    return sre_parse.parse(pattern.pattern, pattern.flags)


def may_begin(begins: Beginnings | None, head: str) -> bool:
    """Whether a match with these :func:`beginnings` may start where the text begins with
    ``head`` (its next :data:`PREFIX` characters, fewer at the text's end)."""
    if begins is None or not CHECKED.issuperset(head):
        return True
    return any(head[:n] in begins for n in range(len(head) + 1))


def rules_by_first_char(patterns: Iterable[re.Pattern[str]]) -> dict[str, frozenset[int]]:
    """For each character of :data:`CHECKED`, the indexes of the patterns that can begin with
    it (a pattern whose first characters are not known counts for every character)."""
    firsts = [first_chars(p) for p in patterns]
    unknown = sum(chars is None for chars in firsts)
    if unknown:
        # Same results, but each such pattern is tried at every word start: after a Python
        # upgrade changed re._parser this is why the date stage got slower.
        log.warning(
            "date grammar: the first characters of %d of %d patterns are unknown (re._parser "
            "missing or changed?); they are tried everywhere, which is slower",
            unknown,
            len(firsts),
        )
    return {
        c: frozenset(i for i, chars in enumerate(firsts) if chars is None or c in chars)
        for c in sorted(CHECKED)
    }


def _then(before: set[str], after: set[str], length: int) -> set[str]:
    """The beginnings of a match of one part followed by another."""
    out = {b for b in before if len(b) >= length}
    for b in before:
        if len(b) < length:
            out.update((b + a)[:length] for a in after)
    return out


def _sequence(items, length: int) -> set[str]:
    begins = {""}
    for op, av in items:
        if all(len(b) >= length for b in begins):
            break  # the rest cannot change the beginnings
        begins = _then(begins, _item(op, av, length), length)
    return begins


def _item(op, av, length: int) -> set[str]:
    if op is sre.LITERAL:
        return {chr(av)}
    if op is sre.NOT_LITERAL:
        return set(CHECKED) - {chr(av)}
    if op is sre.ANY:
        return set(CHECKED)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero width: the next item comes first
        return {""}
    if op is sre.IN:
        return _charset(av)
    if op is sre.BRANCH:
        return set().union(*(_sequence(alternative, length) for alternative in av[1]))
    if op is sre.SUBPATTERN:
        return _sequence(av[-1], length)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av, length)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return _repeat(*av, length)
    raise _Unknown(op)


def _repeat(low: int, high: int, body, length: int) -> set[str]:
    """The beginnings of ``low`` to ``high`` repetitions: the first ``low`` ones, then up to
    ``length`` more (past that, more repetitions only lengthen beginnings already full)."""
    once = _sequence(body, length)
    begins = {""}
    for _ in range(low):
        begins = _then(begins, once, length)
        if all(len(b) >= length for b in begins):
            return begins
    more, times = {""}, {""}
    for _ in range(min(length, high - low)):
        times = _then(times, once, length)
        more |= times
    return _then(begins, more, length)


def _case_variants(begins: set[str]) -> set[str]:
    """Every spelling re.IGNORECASE also matches, as far as :data:`CHECKED` goes."""
    out: set[str] = set()
    for b in begins:
        spellings = [""]
        for c in b:
            spellings = [s + v for s in spellings for v in _cases(c)]
        out.update(spellings)
    return out


@cache
def _cases(c: str) -> frozenset[str]:
    forms = {c, c.lower(), c.upper(), c.lower().upper(), c.upper().lower()}
    return frozenset(f for f in forms if len(f) == 1)


def _charset(items) -> set[str]:
    chars: set[str] = set()
    negate = False
    for op, av in items:
        if op is sre.NEGATE:
            negate = True
        elif op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE:
            chars |= {c for c in CHECKED if av[0] <= ord(c) <= av[1]}
        elif op is sre.CATEGORY:
            chars |= _category(str(av))
        else:
            raise _Unknown(op)
    return set(CHECKED) - chars if negate else chars


@cache
def _category(name: str) -> frozenset[str]:
    """The checked characters of \\d, \\s, \\w or their negations (CATEGORY_UNI_NOT_DIGIT …)."""
    kind = name.rsplit("_", 1)[-1]
    if kind not in _CATEGORIES:
        raise _Unknown(name)
    inside = frozenset(c for c in CHECKED if re.fullmatch(_CATEGORIES[kind], c))
    return CHECKED - inside if "_NOT_" in name else inside
