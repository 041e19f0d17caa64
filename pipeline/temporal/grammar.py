"""Recognition of German temporal expressions in running text.

The patterns (:mod:`.patterns`) are tried only at the few word starts before a word that can
head an expression, each match becomes an atom (:mod:`.atoms`), and neighbouring atoms are joined
into expressions and ranges (:mod:`.combine`). Patterns are anchored on word boundaries and use
only bounded repetitions of fixed words, so a megabyte of digits, dots or month names is scanned
in linear time.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress

from pipeline.memo import WordValues
from pipeline.numbers import parse_number_word
from pipeline.temporal.atoms import Atom
from pipeline.temporal.combine import combine, share_years
from pipeline.temporal.first_chars import PREFIX, may_begin
from pipeline.temporal.patterns import MAX_LOOKBACK, Builder, Patterns, patterns
from pipeline.temporal.spec import Expression
from pipeline.word_runs import word_runs

LOOKBACK_CHARS = 60  # how far before a head word the words that may open its expression are read
_NOT_A_TIME_NUMBER = re.compile(r"[.,]\d{3}(?!\d)|,\d")  # 20.000, 1,5
_NOUN_AFTER = re.compile(r"\s+([A-ZÄÖÜ][a-zäöüß]+)")  # "60 Vorträge": a count
_QUARTER_OR_WEEK = re.compile(r"q[1-4]|kw\d{1,2}")
_YEAR_WORD_BEFORE = re.compile(r"(?:jahre?|anno)\s+$", re.I)
# A decade in digits is one word run ("80er", "1980ern", "80erjahre"): only such a run, not
# every number, can head a decade ("Anfang der 80er Jahre").
_DECADE_RUN = re.compile(r"(?:1\d|20)?\d0er(?:n|jahren?)?")


def _number_kinds(word: str, text: str, end: int) -> tuple[str, ...]:
    """Kinds a word with digits can head: a year, a day or clock number, or nothing (20.000,
    "60 Vorträge")."""
    if word.isdecimal() and patterns().era_after.match(text, end):
        return ("era", "digit")  # "490 v. Chr.", "5. Jh. v. Chr."
    if word.isdecimal():  # not isdigit: "559²" has a digit int() cannot read
        if len(word) == 3 and _YEAR_WORD_BEFORE.search(text, max(0, end - 20), end - 3):
            return ("year",)  # "im Jahre 800"
        if len(word) == 4:
            return ("year",) if 1000 <= int(word) <= 2099 else ()
        if len(word) > 2 or _NOT_A_TIME_NUMBER.match(text, end):
            return ()
        noun = _NOUN_AFTER.match(text, end)
        if noun and not _trigger_kinds(noun.group(1).lower()):
            return ()
        return ("digit",)
    if word[0].isdigit():  # 15h, 17h10, 18uhr, 15ten
        return ("digit", "decade") if _DECADE_RUN.fullmatch(word) else ("digit",)
    return ("quarter",) if _QUARTER_OR_WEEK.fullmatch(word) else ()


@lru_cache(maxsize=65536)
def _trigger_kinds(word: str) -> tuple[str, ...]:
    """Kinds of expression a lower-case word without digits can head."""
    pats = patterns()
    kinds = pats.trigger_words.get(word)
    if kinds:
        return kinds
    m = pats.prefix_pattern.match(word)
    return (pats.trigger_prefixes[m.group(0)],) if m else ()


@lru_cache(maxsize=65536)
def _can_start(word: str) -> bool:
    """Whether a lower-case word may open an expression: a function word the patterns allow
    before their head ("am", "im Jahr", "so ungefähr um"), a number or a head word."""
    pats = patterns()
    return (
        word in pats.lex.context["opener"]
        or word[0].isdigit()
        or word in pats.lex.weekday_abbreviations
        or bool(_trigger_kinds(word))
        or pats.inflected_starter.fullmatch(word) is not None
        or parse_number_word(word) is not None  # "zwanzig nach drei", "vor zwei Wochen"
    )


def _attempts(text: str) -> dict[int, frozenset[int]]:
    """Rule indexes to try at each word start: at every head word and at the few words before
    it that may open the same expression. The text is cut into its word runs and the gaps
    between them in C (``split``, ``accumulate``), every run gets its memoised plan
    (:data:`_PLANS`, by ``map``), and only the head words (a run of about six) take
    Python steps: a head word is a whole run, and the runs before it are at hand by index."""
    pats = patterns()
    attempts: dict[int, frozenset[int]] = {}
    parts, ends = word_runs(text)  # gap, run, gap, ...; run i spans ends[2i]..ends[2i+1]
    plans = list(map(_PLANS.__getitem__, parts[1::2]))
    for head in compress(range(len(plans)), plans):
        at_distance = plans[head]
        start = ends[2 * head]
        if at_distance.__class__ is str:  # a number: what it heads depends on the text around
            kinds = _number_kinds(at_distance, text, ends[2 * head + 1])
            if "digit" in kinds and _beside_clock_word(pats, parts, 2 * head + 1):
                kinds = (*kinds, "clock_digit")
            if not kinds:
                continue
            at_distance = _rules_at_distance(kinds)
            if not at_distance:
                continue
        _add_rules(attempts, start, at_distance[0])
        # the words before the head that may open its expression: the last MAX_LOOKBACK runs
        # in the LOOKBACK_CHARS before it (a run the window cuts counts from the window's start)
        window = start - LOOKBACK_CHARS
        for distance in range(1, min(len(at_distance), MAX_LOOKBACK + 1, head + 1)):
            run = 2 * (head - distance)
            prefix_start, prefix_end = ends[run], ends[run + 1]
            if prefix_end <= window:
                break
            if prefix_start < window:
                opens = _can_start(text[window:prefix_end].lower())
                prefix_start = window
            else:
                opens = _RUN_CAN_START[parts[run + 1]]
            if opens:
                _add_rules(attempts, prefix_start, at_distance[distance])
    return attempts


_ASCII_DIGITS = frozenset("0123456789")


def _beside_clock_word(pats: Patterns, parts: list[str], run: int) -> bool:
    """Whether the number ``parts[run]`` (of :func:`word_runs`) may be a number of clock
    words: the word run after it is "nach", "vor" or "Minuten", or the one before it "nach" or
    "vor", with only blanks between (as the clock words pattern has them)."""
    return (
        run + 2 < len(parts)
        and parts[run + 2].lower() in pats.clock_words_after
        and parts[run + 1].isspace()
    ) or (
        run >= 2 and parts[run - 2].lower() in pats.clock_words_before and parts[run - 1].isspace()
    )


def _add_rules(attempts: dict[int, frozenset[int]], start: int, rules: frozenset[int]) -> None:
    """Most starts get the rules of one head only: they keep the memoised frozenset itself, so
    :func:`_rules_to_try` finds it by its cached hash."""
    known = attempts.get(start)
    attempts[start] = rules if known is None or known is rules else known | rules


def _plan_of_run(run: str) -> tuple[frozenset[int], ...] | str | None:
    """What a word run heads, as far as the run alone tells: None when it heads nothing, the
    rules it opens at each distance (:func:`_rules_at_distance`) for a word, and for a number
    its lower-case form (what a number heads depends on the text around it:
    :func:`_number_kinds`)."""
    head = _head_of_run(run)
    if head is None or head[0].isdigit():
        return head
    kinds = _trigger_kinds(head)
    return _rules_at_distance(kinds) if kinds else None


def _run_can_start(run: str) -> bool:
    """:func:`_can_start` of a whole word run as written."""
    return _can_start(run.lower())


# The two tests every word run of a text meets, memoised by run and read in C (a dict look-up,
# about a third of an ``lru_cache`` hit when mapped over a report's some 300 runs); emptied
# when full, so memory stays flat.
_PLANS = WordValues(_plan_of_run)
_RUN_CAN_START = WordValues(_run_can_start)


def _head_of_run(run: str) -> str | None:
    """The word run in lower case when it can head an expression (a number, or a word the
    trigger pattern takes whole), else None."""
    return run.lower() if run[0] in _ASCII_DIGITS else _head_word(run)


def _head_word(run: str) -> str | None:
    """The word run in lower case when it can head an expression, else None. The trigger
    pattern matches whole word runs only (its words are word runs: see
    :func:`pipeline.temporal.patterns.patterns`), so matching the run alone is matching it in
    the text."""
    return run.lower() if patterns().trigger_pattern.fullmatch(run) else None


@lru_cache(maxsize=1024)
def _rules_at_distance(kinds: tuple[str, ...]) -> tuple[frozenset[int], ...]:
    """The rules a head of these kinds opens at itself (index 0) and at each word before it."""
    pats = patterns()
    per_kind = [pats.by_trigger.get(kind, ()) for kind in kinds]
    longest = max((len(rules) for rules in per_kind), default=0)
    return tuple(
        frozenset().union(*(rules[d] for rules in per_kind if d < len(rules)))
        for d in range(longest)
    )


def find_atoms(text: str) -> list[Atom]:
    """All atoms, overlaps resolved in favour of the longest (then the earliest)."""
    pats = patterns()
    attempts = _attempts(text)
    matches: list[tuple[re.Match[str], Builder]] = []
    for start in sorted(attempts):
        for index in _rules_to_try(attempts[start], text[start : start + PREFIX]):
            pattern, build = pats.rules[index]
            m = pattern.match(text, start)
            if m is not None:
                matches.append((m, build))
    return _longest_built(matches, text)


@lru_cache(maxsize=65536)
def _rules_to_try(rules: frozenset[int], head: str) -> tuple[int, ...]:
    """The rules, in rule order, that may match at a start where the text begins with
    ``head`` (its first :data:`PREFIX` characters): the first character picks the rules from
    an index, the second passes over those that cannot go on with it ("im" for a rule that
    opens with "am" or "um")."""
    pats = patterns()
    possible = pats.rules_by_first_char.get(head[0])
    rules = rules if possible is None else rules & possible
    return tuple(i for i in sorted(rules) if may_begin(pats.rule_beginnings[i], head))


def _longest_built(matches: list[tuple[re.Match[str], Builder]], text: str) -> list[Atom]:
    """The atoms of the non-overlapping matches, longer ones winning (then the earlier, then
    the rule tried first), in text order. A match is built into its atom only when no atom
    taken before overlaps it: about half the matches lose to a longer one, and building an
    atom (the words around it, its spec) costs more than matching. A builder's atom spans its
    match, and a match whose builder refuses it (None) is passed over as if it had not
    matched, so this takes what building every match first and then choosing would take."""
    order = sorted(range(len(matches)), key=lambda i: _longest_key(matches[i][0]))
    starts: list[int] = []  # sorted starts of taken atoms; ends[i] belongs to starts[i]
    ends: list[int] = []
    taken: list[Atom] = []
    for i in order:
        m, build = matches[i]
        start, end = m.span()
        k = bisect_left(starts, start)
        if k < len(starts) and starts[k] < end:
            continue  # a taken atom starts inside this one
        if k > 0 and ends[k - 1] > start:
            continue  # the taken atom before reaches into this one
        atom = build(m, text)
        if atom is None:
            continue
        starts.insert(k, start)
        ends.insert(k, end)
        taken.append(atom)
    return sorted(taken, key=lambda a: a.start)


def _longest_key(m: re.Match[str]) -> tuple[int, int]:
    start, end = m.span()
    return (start - end, start)


# Gaps (text between two atoms) that let them combine.


def find_expressions(text: str) -> Iterator[Expression]:
    """Temporal expressions in ``text``, in text order."""
    yield from share_years(combine(find_atoms(text), text), text)
