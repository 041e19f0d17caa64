"""Sentences and lookup lemmas for pipelines that have neither (the own model, the blank one),
set for a whole Doc at once.

spaCy's ``sentencizer`` and its ``lemmatizer`` in lookup mode walk the Doc token by token in
Python (a Token object, a string decode and a test or table look-up per token: together about 3%
of a run). The components here give exactly their results from a memo of each word's value by its
ORTH id, mapped over the Doc's ORTH column in C and written back with one ``Doc.from_array``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy
from spacy.attrs import LEMMA, ORTH, SENT_START
from spacy.language import Language
from spacy.lookups import Lookups, load_lookups
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.memo import WordValues

LOOKUP_TABLE = "lemma_lookup"
MEMO_SIZE = 131072  # distinct words; a run's vocabulary grows with its reports, the memo does not

# what a word is to the sentencizer: a word, a sentence's final punctuation, other punctuation
WORD, FINAL, PUNCT = 0, 1, 2
# spaCy's sentencizer starts a sentence at a word after a final mark (its ``seen_period``), with
# any punctuation in between; the first token starts one too
STARTING_WORD = re.compile(b"%c[%c%c]*%c" % (FINAL, FINAL, PUNCT, WORD))
START, NOT_START = 1, 2**64 - 1  # Token.sent_start 1 and -1 as Doc.to_array gives them


class OrthValues(WordValues):
    """The project's word memo (:class:`pipeline.memo.WordValues`) keyed by ORTH id, so that a
    Doc's values are one ``map`` of ``__getitem__`` in C over its ORTH ids."""

    def of(self, orths: numpy.ndarray, dtype: type) -> numpy.ndarray:
        """The values of a Doc's ORTH column ``orths`` (of ``Doc.to_array``)."""
        return numpy.fromiter(map(self.__getitem__, orths.tolist()), dtype=dtype, count=len(orths))


class LookupLemmas:
    """spaCy's ``lemmatizer`` in ``lookup`` mode, the same lemmas: the ``lemma_lookup`` table of
    spacy-lookups-data, the token's text where it has no entry, only tokens whose lemma is unset.
    ``lookups`` holds the table, as spaCy's component does, so the extractors that read the
    table from the ``lemmatizer`` pipe share it."""

    def __init__(self, vocab: Vocab, name: str = "lemmatizer", lookups: Lookups | None = None):
        self.vocab = vocab
        self.name = name
        if lookups is None:
            lookups = load_lookups(lang=vocab.lang, tables=[LOOKUP_TABLE])
        self.lookups = lookups
        self.table = lookups.get_table(LOOKUP_TABLE)
        self.lemma_ids = OrthValues(self._lemma_id, MEMO_SIZE)

    def _lemma_id(self, orth: int) -> int:
        strings = self.vocab.strings
        text = strings[orth]
        # permanent, not transient: the memo's id outlives a memory zone it was first seen in
        return strings.add(self.table.get(text, text), allow_transient=False)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        given = doc.to_array([ORTH, LEMMA])
        lemmas = self.lemma_ids.of(given[:, 0], numpy.uint64)
        unset = given[:, 1] == 0
        if not unset.all():  # spaCy's rule: a lemma set before (a retokenizer, a rule) stays
            lemmas = numpy.where(unset, lemmas, given[:, 1])
        doc.from_array([LEMMA], lemmas)
        return doc

    def initialize(self, *args: object, **kwargs: object) -> None:
        """Nothing to load: the table is read when the component is made (spaCy's component
        reads it here; ``nlp.initialize()`` calls this)."""


class PunctSentences:
    """spaCy's ``sentencizer``, the same sentences: a sentence starts at the first token after a
    sentence's final punctuation mark (``punct_chars``) that is no punctuation itself; only
    tokens whose sentence start is unset are set, unless ``overwrite``."""

    def __init__(
        self,
        vocab: Vocab,
        name: str = "sentencizer",
        punct_chars: Iterable[str] | None = None,
        overwrite: bool = False,
    ) -> None:
        self.vocab = vocab
        self.name = name
        self.punct_chars = set(punct_chars or Sentencizer.default_punct_chars)
        self.overwrite = overwrite
        self.kinds = OrthValues(self._kind, MEMO_SIZE)

    def _kind(self, orth: int) -> int:
        lexeme = self.vocab[orth]
        if lexeme.orth_ in self.punct_chars:
            return FINAL
        return PUNCT if lexeme.is_punct else WORD

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        given = doc.to_array([ORTH, SENT_START])
        # the kinds as one byte each, so that a regex in C finds the starts
        kinds = bytes(map(self.kinds.__getitem__, given[:, 0].tolist()))
        values = numpy.full(len(doc), NOT_START, dtype=numpy.uint64)
        values[0] = START
        values[[m.end() - 1 for m in STARTING_WORD.finditer(kinds)]] = START
        if not self.overwrite and given[:, 1].any():
            values = numpy.where(given[:, 1] == 0, values, given[:, 1])
        doc.from_array([SENT_START], values)
        return doc


@Language.factory("german_lemmas")
def make_lemmas(nlp: Language, name: str) -> LookupLemmas:
    return LookupLemmas(nlp.vocab, name)


@Language.factory(
    "german_sentences",
    default_config={"punct_chars": None, "overwrite": False},
)
def make_sentences(
    nlp: Language, name: str, punct_chars: list[str] | None, overwrite: bool
) -> PunctSentences:
    return PunctSentences(nlp.vocab, name, punct_chars, overwrite)
