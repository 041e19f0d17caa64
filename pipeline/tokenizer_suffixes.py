"""The German tokens the project's pipelines share besides spaCy's: the suffixes of
``lang/de/tokenizer_suffixes.txt`` split off, and a four-digit ordinal after an article kept
whole. Used for the pipeline and the NER corpora alike, so that the model is trained on the
tokens it later reads."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import numpy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.lang import data_path, load_word_set

SUFFIXES_FILE = "tokenizer_suffixes.txt"
ORDINAL_YEARS = "german_ordinal_years"
# words after which a number with a full stop counts ("den 2000. Besucher", "zum 1900. Mal")
ORDINAL_OPENERS = ("article", "fused_article")
ENTITY_WORDS_FILE = "entity_words.tsv"
YEAR_DIGITS = 4
FULL_STOP = "."


@cache
def german_suffixes() -> tuple[str, ...]:
    """The suffix patterns of ``lang/de/tokenizer_suffixes.txt``."""
    text = data_path(SUFFIXES_FILE).read_text(encoding="utf-8")
    return tuple(line for line in text.splitlines() if line.strip() and not line.startswith("#"))


def german_tokens(nlp: Language) -> None:
    """Give ``nlp`` the project's suffixes after its tokenizer's own (a second call adds
    nothing) and, first in the pipeline, the component that keeps an ordinal's full stop.
    The suffixes are part of the tokenizer's rules and the component of the pipeline's, so the
    cache's fingerprint, which covers both, changes with them."""
    search = nlp.tokenizer.suffix_search
    current = search.__self__.pattern if search is not None else ""
    added = [f"{p}$" for p in german_suffixes()]
    if current.endswith("|".join(added)):
        return
    nlp.tokenizer.suffix_search = re.compile("|".join(filter(None, (current, *added)))).search
    if ORDINAL_YEARS not in nlp.pipe_names:
        nlp.add_pipe(ORDINAL_YEARS, first=True)


@cache
def ordinal_openers() -> frozenset[str]:
    return frozenset().union(*(load_word_set(ENTITY_WORDS_FILE, k) for k in ORDINAL_OPENERS))


@Language.factory(ORDINAL_YEARS)
def make_ordinal_years(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return keep_ordinal_years


def keep_ordinal_years(doc: Doc) -> Doc:
    """ "den 2000. Besucher": the suffix rule split the full stop off a four-digit number as a
    year's at a sentence's end; after an article it is an ordinal's, and the number and its stop
    are one token again (no sentence ends there). Only the full stops are looked at, found in
    the Doc's ORTH column in C: a loop over every token would cost more than the rule is worth."""
    if len(doc) < 3:
        return doc
    stops = numpy.flatnonzero(doc.to_array(ORTH) == doc.vocab.strings[FULL_STOP])
    openers = ordinal_openers()
    found = [
        i - 1
        for i in stops.tolist()
        if i >= 2
        and not doc[i - 1].whitespace_
        and len(doc[i - 1].text) == YEAR_DIGITS
        and doc[i - 1].text.isdigit()
        and doc[i - 2].lower_ in openers
    ]
    if found:
        with doc.retokenize() as retokenizer:
            for i in found:
                retokenizer.merge(doc[i : i + 2])
    return doc
