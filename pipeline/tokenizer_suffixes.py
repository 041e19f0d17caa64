"""The German suffixes the project's tokenizer splits off besides spaCy's own
(``lang/de/tokenizer_suffixes.txt``), for the pipeline and for the NER corpora alike, so that the
model is trained on the tokens it later reads."""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.util import compile_suffix_regex

from pipeline.lang import data_path

SUFFIXES_FILE = "tokenizer_suffixes.txt"


@cache
def german_suffixes() -> tuple[str, ...]:
    """The suffix patterns of ``lang/de/tokenizer_suffixes.txt``."""
    text = data_path(SUFFIXES_FILE).read_text(encoding="utf-8")
    return tuple(line for line in text.splitlines() if line.strip() and not line.startswith("#"))


def add_suffixes(nlp: Language) -> None:
    """Give ``nlp``'s tokenizer the project's suffixes after its own. They are part of the
    tokenizer's rules, so the cache's fingerprint, which covers those, changes with them."""
    suffixes = [*nlp.Defaults.suffixes, *german_suffixes()]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
