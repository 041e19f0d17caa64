"""The events stage's cue look-ups answer as a plain scan over the cue list would: they test a
new word in C (set look-ups, ``str.startswith`` over a tuple) instead of a Python loop over every
cue, and these checks keep the two in step over every cue word and variants of it."""

from __future__ import annotations

import pytest

from pipeline.events import lexicon
from pipeline.events.lexicon import cue_sizes, cue_sizes_before, cues, word_is_cue

SENTENCES = [
    "am Samstag lud der Heimatverein im Namen der Gemeinde in der Festhalle zum Lichterfest ein",
    "organisiert wurde die Messe von der Kammer gemeinsam mit dem Verband in Zusammenarbeit mit",
    "wir von der Feuerwehr und im Auftrag des Landkreises veranstalten auf Einladung der Stadt",
]


def scanned_word_is_cue(word: str, kind: str) -> bool:
    for cue in cues()[kind]:
        if len(cue.words) != 1:
            continue
        first = cue.words[0]
        if (first.endswith("*") and word.startswith(first[:-1])) or word == first:
            return True
    return False


def scanned_cues_opening(word: str) -> list[tuple[str, object]]:
    found = []
    for kind, items in cues().items():
        if kind in lexicon.WORD_KINDS:
            continue
        for cue in items:
            first = cue.words[0]
            if (first.endswith("*") and word.startswith(first[:-1])) or word == first:
                found.append((kind, cue))
    return found


def variants() -> set[str]:
    """Every word of every cue, with and without its "*", and near misses of each."""
    words: set[str] = set()
    for items in cues().values():
        for cue in items:
            for word in cue.words:
                stem = word.rstrip("*")
                words |= {stem, stem + "s", stem + "en", stem[:-1], "x" + stem, stem + "-fest"}
    return {w for w in words if w}


@pytest.fixture(scope="module")
def words() -> set[str]:
    return variants()


def test_one_word_cues_as_a_scan_finds_them(words: set[str]) -> None:
    for kind in cues():
        assert {w for w in words if word_is_cue(w, kind)} == {
            w for w in words if scanned_word_is_cue(w, kind)
        }, kind


def test_cues_opening_a_word_as_a_scan_finds_them(words: set[str]) -> None:
    for word in words:
        got = sorted(id(c) for _, c in lexicon._cues_opening(word))
        assert got == sorted(id(c) for _, c in scanned_cues_opening(word)), word


def test_cue_sizes_before_every_token_as_a_scan_finds_them() -> None:
    for sentence in SENTENCES:
        lowers = sentence.split()
        for kind in cues():
            for token in range(len(lowers) + 1):
                scanned = [
                    n
                    for n in cue_sizes(kind)
                    if token - n >= 0
                    and any(c.words == tuple(lowers[token - n : token]) for c in cues()[kind])
                ]
                assert cue_sizes_before(lowers, token, kind) == scanned, (kind, token)
