"""Which characters a regular expression's match can begin with, read from its parsed form.

The date grammar tries dozens of patterns at every word start near a head word; most cannot
begin with the character there ("am 3." is no place for a rule that starts with a digit), and
a set look-up is far cheaper than a failing ``match`` call. The answer is a superset (case
variants, lookarounds and negated sets only widen it), and it only covers :data:`CHECKED`: a
character outside it is always tried.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from functools import cache

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

First = tuple[frozenset[str] | None, bool]  # (characters, None: any; may it match nothing)


class _Unknown(Exception):
    """A construct this reader does not follow: any character may come first."""


def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The characters of :data:`CHECKED` a match of ``pattern`` can begin with, or None when
    that is not known (the pattern may match the empty string, or uses an unread construct)."""
    if sre_parse is None:
        log.debug("first characters unknown: this Python has no re._parser")
        return None
    try:
        chars, empty = _sequence(sre_parse.parse(pattern.pattern, pattern.flags))
    except (_Unknown, AttributeError, TypeError, ValueError) as exc:
        log.debug("first characters unknown (%s: %s): %.60s", type(exc).__name__, exc, pattern)
        return None
    if empty:
        log.debug("first characters unknown (may match nothing): %.60s", pattern.pattern)
        return None
    if pattern.flags & re.IGNORECASE:
        chars = chars | {c.lower() for c in chars} | {c.upper() for c in chars}
    return frozenset(chars & CHECKED)


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


def _sequence(items) -> tuple[set[str], bool]:
    chars: set[str] = set()
    for op, av in items:
        first, empty = _item(op, av)
        chars |= first
        if not empty:
            return chars, False
    return chars, True


def _item(op, av) -> tuple[set[str], bool]:
    if op is sre.LITERAL:
        return {chr(av)}, False
    if op is sre.NOT_LITERAL:
        return set(CHECKED) - {chr(av)}, False
    if op is sre.ANY:
        return set(CHECKED), False
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero width: the next item comes first
        return set(), True
    if op is sre.IN:
        return _charset(av), False
    if op is sre.BRANCH:
        chars, empty = set(), False
        for alternative in av[1]:
            first, alt_empty = _sequence(alternative)
            chars |= first
            empty = empty or alt_empty
        return chars, empty
    if op is sre.SUBPATTERN:
        return _sequence(av[-1])
    if op is sre.ATOMIC_GROUP:
        return _sequence(av)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _, body = av
        chars, empty = _sequence(body)
        return chars, empty or low == 0
    raise _Unknown(op)


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
