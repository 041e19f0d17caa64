"""The tense of a clause, from word forms and lookup lemmas (the pipeline has no POS tagger).

A weekday or a date without a year is anchored by tense: past points back from the reference
date, future forward, present to the nearest (a report's present usually narrates its own days).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache, lru_cache

from spacy.tokens import Doc, Span, Token

from pipeline.doc_layout import doc_layout
from pipeline.temporal.lexicon import lexicon

PAST, PRESENT, FUTURE = "past", "present", "future"


@cache
def _preterite_forms() -> frozenset[str]:
    stems = lexicon().tense.get("preterite_stem", frozenset())
    return frozenset(s + end for s in stems for end in ("", "en", "st", "t", "e"))


def _is_verb_lemma(lemma: str) -> bool:
    return lemma.islower() and lemma.endswith(("en", "ern", "eln"))


def _is_weak_preterite(word: str, lemma: str) -> bool:
    if word == lemma or not _is_verb_lemma(lemma):
        return False
    lemma_stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
    for ending in lexicon().tense["weak_preterite_ending"]:
        if word.endswith(ending) and word[: -len(ending)].endswith(lemma_stem):
            return True
    return False


def _is_strong_preterite(word: str, lemma: str) -> bool:
    """A listed preterite form, alone or after a separable prefix ("stattfanden")."""
    forms = _preterite_forms()
    if word in forms:
        return True
    if word == lemma or not _is_verb_lemma(lemma):
        return False
    return any(word[i:] in forms for i in range(2, len(word) - 2))


def is_participle(word: str, lemma: str) -> bool:
    if word == lemma or not _is_verb_lemma(lemma) or not word.endswith(("t", "en")):
        return False
    return "ge" in word[:8] or word.endswith("iert")


def _takes_sein(lemma: str) -> bool:
    return any(lemma.endswith(verb) for verb in lexicon().tense.get("sein_verb", ()))


@lru_cache(maxsize=65536)
def _reading(word: str, lemma: str) -> tuple[bool, str | None]:
    """What a word says about its clause's tense, whatever the clause: whether it is a
    participle, and its cue (FUTURE, PAST, "perfect" for an auxiliary of the perfect,
    "perfect_sein" for one of "sein", or None). Memoised: a report repeats its verb forms,
    and the preterite tests read every ending of a word."""
    cues = lexicon().tense
    participle = is_participle(word, lemma)
    if word in cues.get("future", ()):
        return participle, FUTURE
    if word in cues.get("past", ()):
        return participle, PAST
    if word in cues.get("perfect", ()):
        return participle, "perfect"
    if word in cues.get("perfect_sein", ()):
        return participle, "perfect_sein"
    if _is_weak_preterite(word, lemma) or _is_strong_preterite(word, lemma):
        return participle, PAST
    return participle, None


def _cue(cue: str | None, participles: tuple[str, ...]) -> str | None:
    """The tense a word's cue (:func:`_reading`) gives in a clause with these participles."""
    if cue == "perfect":
        return PAST if participles else None
    if cue == "perfect_sein":
        return PAST if any(_takes_sein(p) for p in participles) else None
    return cue


def sentence_cues(sent: Span) -> tuple[tuple[int, str], ...]:
    """(offset, tense) of every tense cue in a sentence."""
    words = []
    for t in sent:
        word = _WORDS.get((t.orth, t.lemma)) or _word(t)
        if word[0] or t.is_sent_start:
            words.append((t.idx, word[1], word[2]))
    participles = tuple(lemma for _, lemma, (participle, _) in words if participle)
    found = []
    for idx, _, (_, word_cue) in words:
        cue = _cue(word_cue, participles) if word_cue else None
        if cue:
            found.append((idx, cue))
    return tuple(found)


_MAX_WORDS = 65536  # emptied when full, so that memory stays flat
# what sentence_cues reads of a word: is_lower, the lemma in lower case, its _reading
_Word = tuple[bool, str, tuple[bool, str | None]]
# by the word's and the lemma's ids in the string store: a report repeats its words, and a
# look-up by two ints costs less than reading the token's strings
_WORDS: dict[tuple[int, int], _Word] = {}


def _word(token: Token) -> _Word:
    """What :func:`sentence_cues` reads of a token (memoised by its word and lemma): whether
    it is in lower case, its lemma in lower case (its lower-case form when it has none) and
    its :func:`_reading`."""
    if len(_WORDS) >= _MAX_WORDS:
        _WORDS.clear()
    lemma = (token.lemma_ or token.lower_).lower()
    word = _WORDS[token.orth, token.lemma] = (
        token.is_lower,
        lemma,
        _reading(token.lower_, lemma),
    )
    return word


class TenseMap:
    """Tense at a character offset: the cue nearest to it in its sentence (present if none).
    Sentences are read on demand, since most hold no temporal expression."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._layout = doc_layout(doc)
        self._cues: dict[int, tuple[tuple[int, str], ...]] = {}

    def _sentence_index(self, offset: int) -> int:
        return max(bisect_right(self._layout.sentence_starts, offset) - 1, 0)

    def sentence_start(self, offset: int) -> int:
        """Character offset where the sentence holding ``offset`` starts."""
        starts = self._layout.sentence_starts
        return starts[self._sentence_index(offset)] if starts else 0

    def sentence_end(self, offset: int) -> int:
        """Character offset where the sentence holding ``offset`` ends."""
        ends = self._layout.sentence_ends
        return ends[self._sentence_index(offset)] if ends else len(self._layout.text)

    def tense_at(self, offset: int) -> str:
        index = self._sentence_index(offset)
        if index not in self._cues:
            tokens = self._layout.sentence_tokens
            end = tokens[index + 1] if index + 1 < len(tokens) else len(self._doc)
            self._cues[index] = sentence_cues(self._doc[tokens[index] : end])
        cues = self._cues[index]
        if not cues:
            return PRESENT
        return min(cues, key=lambda cue: abs(cue[0] - offset))[1]


def tense_map(doc: Doc) -> TenseMap:
    return TenseMap(doc)
