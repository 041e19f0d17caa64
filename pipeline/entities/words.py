"""Small word-level helpers shared by the entity layers: folding, capitalisation, word lists."""

from __future__ import annotations

import unicodedata
from functools import cache

from pipeline.lang import load_json, load_tsv, load_words

# GeoNames' small-town table writes umlauts as plain vowels ("Munster"), so names are compared
# folded: lower case, umlauts and accents dropped, ß -> ss, one space between words.
_FOLD = str.maketrans({"ß": "ss", "ẞ": "ss", "-": " ", "‐": " ", "–": " "})


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def has_upper(word: str) -> bool:
    return any(ch.isupper() for ch in word)


def is_acronym(word: str) -> bool:
    """IHK, CCH, E.G.E., VfB, TuS: mostly capitals, short, no lower-case run of three."""
    letters = [ch for ch in word if ch.isalpha()]
    if not 2 <= len(letters) <= 6 or not word[0].isupper():
        return False
    upper = sum(ch.isupper() for ch in letters)
    return upper >= 2 and upper * 2 >= len(letters)


@cache
def noun_genders() -> dict[str, str]:
    """Lemma of a common noun -> gender (m, f, n; empty when Wiktionary gives several)."""
    return {row["noun"]: row["gender"] for row in load_tsv("common_nouns.tsv")}


@cache
def common_nouns() -> frozenset[str]:
    return frozenset(noun_genders())


@cache
def first_names() -> frozenset[str]:
    return load_words("first_names.txt")


@cache
def person_titles() -> tuple[frozenset[str], tuple[str, ...]]:
    """Whole-word titles and title endings (lines "-minister")."""
    words = load_words("person_titles.txt")
    return (
        frozenset(w for w in words if not w.startswith("-")),
        tuple(w[1:] for w in words if w.startswith("-")),
    )


@cache
def venue_patterns() -> dict:
    return load_json("venue_patterns.json")


@cache
def org_patterns() -> dict:
    return load_json("org_patterns.json")
