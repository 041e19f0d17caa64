"""The date grammar's shortcuts give what trying every rule everywhere would give."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from pipeline.temporal.atoms import Atom
from pipeline.temporal.first_chars import (
    CHECKED,
    beginnings,
    first_chars,
    may_begin,
    rules_by_first_char,
)
from pipeline.temporal.grammar import find_atoms
from pipeline.temporal.patterns import patterns
from pipeline.temporal.spec import TimeSpec


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (re.compile(r"(?<![\w.])(?:am|vom)\s+\d"), set("av")),
        (re.compile(r"(?:am|vom)\s+\d", re.I), set("aAvV")),
        (re.compile(r"(?:ca\.\s*)?\d{1,2}"), set("c0123456789")),
        (re.compile(r"[^\W\d_]+"), {c for c in CHECKED if c.isalpha()}),
    ],
)
def test_first_chars_of_patterns(pattern: re.Pattern[str], expected: set[str]) -> None:
    assert first_chars(pattern) == expected


@pytest.mark.parametrize("pattern", [r"(?:am\s+)?", r"\b", r"(?P<x>a)?(?(x)b|c)"])
def test_first_chars_unknown_when_a_match_may_be_empty_or_is_not_read(pattern: str) -> None:
    assert first_chars(re.compile(pattern)) is None


def test_every_grammar_rule_has_known_first_chars() -> None:
    """Fails when a Python upgrade changes re._parser so that the shortcut no longer works."""
    assert all(first_chars(pattern) is not None for pattern, _ in patterns().rules)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # an optional part, a repetition that may be empty, a one-character whole match
        (re.compile(r"x?y*z"), {"xy", "xz", "yy", "yz", "z"}),
        (re.compile(r"(?:ab){2,}c"), {"ab"}),
        (re.compile(r"(?<!\w)(?:am|um)\s", re.I), {"am", "aM", "Am", "AM", "um", "uM", "Um", "UM"}),
        (re.compile(r"[12](?:\.|te)?"), {"1", "2", "1.", "2.", "1t", "2t"}),
    ],
)
def test_beginnings_of_patterns(pattern: re.Pattern[str], expected: set[str]) -> None:
    assert beginnings(pattern, 2) == expected


def test_may_begin_reads_the_second_character() -> None:
    opener = beginnings(re.compile(r"(?:am|um)\s+\d", re.I))
    assert may_begin(opener, "Am") and may_begin(opener, "um")
    assert not may_begin(opener, "im") and not may_begin(opener, "an")
    assert may_begin(opener, "a\u2009")  # a character the reader does not speak for: tried
    day = beginnings(re.compile(r"\d{1,2}"))
    assert may_begin(day, "7.") and may_begin(day, "7")  # a one-digit day, at the text's end too
    assert not may_begin(day, "x7")
    assert may_begin(None, "zz")  # beginnings not known: always tried


def test_every_grammar_rule_has_known_beginnings() -> None:
    assert all(b is not None and "" not in b for b in patterns().rule_beginnings)


def test_unknown_first_chars_are_reported(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("WARNING", logger="pipeline"):
        by_char = rules_by_first_char([re.compile(r"am\s"), re.compile(r"\b\d*")])
    assert by_char["a"] == {0, 1} and by_char["7"] == {1}
    assert "1 of 2 patterns" in caplog.text


def _longest_first(atoms: list[Atom]) -> list[Atom]:
    """Non-overlapping atoms, longer ones winning (then the earlier, then the one found
    first), in text order: the choice made after building every atom."""
    taken: list[Atom] = []
    for atom in sorted(atoms, key=lambda a: (a.start - a.end, a.start)):
        if all(atom.end <= t.start or t.end <= atom.start for t in taken):
            taken.append(atom)
    return sorted(taken, key=lambda a: a.start)


def _every_rule_everywhere(text: str) -> list[Atom]:
    """The atoms found by trying every rule at every word start and building every match."""
    found = []
    for start in sorted({m.start() for m in re.finditer(r"\w+", text)}):
        for pattern, build in patterns().rules:
            m = pattern.match(text, start)
            atom = build(m, text) if m else None
            if atom is not None:
                assert (atom.start, atom.end) == m.span()  # find_atoms builds only the winners
                found.append(atom)
    return _longest_first(found)


@pytest.mark.parametrize(
    "text",
    [
        "Die Tagung läuft vom 3. bis 5. Mai 2024, der Einlass ist am Freitag so ungefähr um 9 Uhr.",
        "Sie ist am kommenden Samstag von 10 bis 16 Uhr geöffnet, also in ungefähr zwei Wochen.",
        # decades in digits: only such a word opens the decade rule, not every number
        "Seit Anfang der 80er Jahre, bis in die 1990ern und Ende der 70erjahre kamen 12 Gäste.",
        # a lookback window cutting a long word before the head
        "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt 12 Uhr",
        # matches that lose to longer ones ("14. März" inside "am Freitag, 14. März 2025") and
        # a match its builder refuses ("2000 Besucher" is no year)
        "Am Freitag, 14. März 2025, ab 18.30 Uhr kamen 2000 Besucher, im März 2024 waren es 900.",
        # clock words: a number beside "nach", "vor" or "Minuten" heads them, "Uhr" does not
        "Der Bus fährt 10 nach 8, zehn nach 9 Uhr, 5 Minuten vor 12 und etwa halb 8 Uhr ab.",
        "Treffpunkt ist so gegen viertel vor 7, Abfahrt dreiviertel 8 Uhr, Rückkehr 20 vor acht.",
    ],
)
def test_head_words_open_the_rules_that_can_match(text: str) -> None:
    atoms = find_atoms(text)
    assert atoms
    assert atoms == _every_rule_everywhere(text)


def test_spec_with_changes_as_dataclasses_replace() -> None:
    spec = TimeSpec(year=2024, month=5, day=3, hour=10, minute=30, open="after")
    changed = spec.with_(hour=None, minute=None, daypart="abend")
    assert changed == replace(spec, hour=None, minute=None, daypart="abend")
    assert changed.year == 2024 and changed.hour is None and spec.hour == 10
    assert spec.merge(TimeSpec(year=1999, weekday=5)) == replace(spec, weekday=5)
    with pytest.raises(TypeError):
        spec.with_(no_such_field=1)
    # a field not given is the default, as if given: equal specs, equal hashes
    assert TimeSpec(day=3) == TimeSpec(day=3, month=None, bc=False)
    assert hash(TimeSpec(day=3)) == hash(TimeSpec(day=3, month=None, bc=False))
    assert TimeSpec(day=3) != TimeSpec(day=3, bc=True)
    with pytest.raises(TypeError):
        TimeSpec(no_such_field=1)
