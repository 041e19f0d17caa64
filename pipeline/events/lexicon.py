"""The word lists of the event rules (``lang/de/event_*``), and matching of cue words on tokens."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from pipeline.lang import load_tsv, load_words

# Inflection endings tried off a word before its event ending is looked up ("Kongresses",
# "Messetagen", "Kirchentags"), longest first.
INFLECTION_ENDINGS = ("es", "en", "n", "s")


@dataclass(frozen=True, slots=True)
class Cue:
    words: tuple[str, ...]  # lower case; the last may end in "*" (any ending)

    def matches_word(self, i: int, word: str) -> bool:
        cue = self.words[i]
        if cue.endswith("*"):
            return word.startswith(cue[:-1])
        return word == cue

    def matches_at(self, doc: Doc, start: int) -> bool:
        """Whether the cue's words are the tokens from ``start`` on."""
        if start + len(self.words) > len(doc):
            return False
        return all(self.matches_word(k, doc[start + k].lower_) for k in range(len(self.words)))


@cache
def cues() -> dict[str, tuple[Cue, ...]]:
    """Cues by kind (see the header of ``event_cues.tsv``)."""
    found: dict[str, list[Cue]] = defaultdict(list)
    for row in load_tsv("event_cues.tsv"):
        found[row["kind"]].append(Cue(tuple(row["cue"].split())))
    return {kind: tuple(items) for kind, items in found.items()}


def cue_at(doc: Doc, i: int, kind: str) -> bool:
    """Whether a cue of ``kind`` starts at token ``i``."""
    return any(cue.matches_at(doc, i) for cue in cues().get(kind, ()))


def cue_in(doc: Doc, start: int, end: int, kind: str) -> bool:
    """Whether a cue of ``kind`` starts at a token in ``[start, end)``."""
    return any(cue_at(doc, i, kind) for i in range(max(start, 0), min(end, len(doc))))


def word_is_cue(word: str, kind: str) -> bool:
    """Whether one lower-case word is a one-word cue of ``kind``."""
    return any(len(c.words) == 1 and c.matches_word(0, word) for c in cues().get(kind, ()))


@cache
def event_endings() -> tuple[str, ...]:
    return tuple(sorted(load_words("event_nouns.txt"), key=len, reverse=True))


@cache
def generic_event_nouns() -> frozenset[str]:
    return load_words("event_generic_nouns.txt")


@cache
def not_events() -> frozenset[str]:
    return load_words("event_not_events.txt")


def event_noun_base(word: str) -> str | None:
    """The word without inflection when it is an event noun ("Kongresses" -> "Kongress",
    "Unternehmertage" -> "Unternehmertage"), else None. A day of an event ("Messetagen",
    "Festivaltag") and the words of ``event_not_events.txt`` are no event nouns."""
    if not word[:1].isupper() or not any(ch.isalpha() for ch in word):
        return None
    lower = word.lower()
    forms = [lower, *(lower[: -len(e)] for e in INFLECTION_ENDINGS if lower.endswith(e))]
    for form in forms:
        ending = next((e for e in event_endings() if form.endswith(e)), None)
        if ending is None or len(form) < 3 or any(form.endswith(n) for n in not_events()):
            continue
        if _is_event_day(form, ending):
            return None
        return word[: len(form)]
    return None


def _is_event_day(form: str, ending: str) -> bool:
    """ "Messetag", "Festivaltage", "Kongresswoche": a time of an event, not an event."""
    if ending not in ("tag", "tage", "woche", "wochen", "nacht"):
        return False
    first = form[: -len(ending)].rstrip("s-")
    return bool(first) and any(first.endswith(e) for e in event_endings())


def is_generic(base: str) -> bool:
    return base.lower() in generic_event_nouns()
