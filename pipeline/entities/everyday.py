"""Whether a word is an everyday word of German, asked of frequency data
(``lang/de/everyday_words.txt``, built from wordfreq by scripts/build_everyday_words.py)
instead of hand lists: a name no reader meets daily ("BKGV", "Weltbäckerbund") is rare in
running text, a generic word ("KI", "Förderverein") is not."""

from __future__ import annotations

from functools import cache

from pipeline.lang import load_words


@cache
def everyday_words() -> frozenset[str]:
    return load_words("everyday_words.txt")


def is_everyday_word(word: str) -> bool:
    """At least about once per million words of running German (case ignored; "ß" read as
    "ss", which is how the frequency list writes it: "Anschließend")."""
    return word.lower().replace("ß", "ss") in everyday_words()
