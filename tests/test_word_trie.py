"""Word lists compiled as prefix trees match what the plain alternation matches."""

from __future__ import annotations

import re

from pipeline.word_trie import trie_pattern

WORDS = ["ein", "eins", "einhundert", "elf", "zwei", "zwölf", "acht", "achtzig"]


def test_trie_matches_exactly_the_words() -> None:
    whole = re.compile(rf"(?:{trie_pattern(WORDS)})\Z")
    assert all(whole.match(w) for w in WORDS)
    assert not any(whole.match(w) for w in ["", "e", "ei", "zw", "einhunder", "achtzi", "zehn"])


def test_trie_takes_the_longest_word_first() -> None:
    pattern = re.compile(trie_pattern(WORDS))
    plain = re.compile("|".join(sorted(WORDS, key=len, reverse=True)))
    text = "einhundertelf achtzig einsam zwölfte"
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
