"""Lookup lemmas for a whole Doc at once, for pipelines without a lemmatizer of their own.

spaCy's lemmatizer in lookup mode sets ``token.lemma_`` token by token in Python (a table look-up,
a one-item list and a string-store add per token: about 2% of a run). :class:`LookupLemmas` gives
exactly its lemmas (the same ``lemma_lookup`` table from spacy-lookups-data, the token's text where
the table has no entry, only tokens whose lemma is unset) from a memo of ORTH ids to LEMMA ids,
written into the Doc with one ``Doc.from_array``.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, ORTH
from spacy.language import Language
from spacy.lookups import Lookups, load_lookups
from spacy.tokens import Doc
from spacy.vocab import Vocab

LOOKUP_TABLE = "lemma_lookup"
MEMO_SIZE = 131072  # distinct words; a run's vocabulary grows with its reports, the memo does not


class LemmaIds(dict):
    """ORTH id -> LEMMA id, filled on first sight of a word (bounded: emptied when full), so that a
    Doc's lemmas are one ``map`` of ``__getitem__`` in C over its ORTH ids."""

    def __init__(self, vocab: Vocab, table: dict, size: int = MEMO_SIZE) -> None:
        super().__init__()
        self.strings = vocab.strings
        self.table = table
        self.size = size

    def __missing__(self, orth: int) -> int:
        if len(self) >= self.size:
            self.clear()
        text = self.strings[orth]
        # permanent, not transient: the id outlives a memory zone it was first seen in
        lemma = self.strings.add(self.table.get(text, text), allow_transient=False)
        self[orth] = lemma
        return lemma


class LookupLemmas:
    """The lemmatizer of the pipelines without one (spaCy's ``lemmatizer`` in ``lookup`` mode, the
    same lemmas). ``lookups`` holds the table, as spaCy's component does, so the extractors that
    read the table from the ``lemmatizer`` pipe share it."""

    def __init__(self, vocab: Vocab, name: str = "lemmatizer", lookups: Lookups | None = None):
        self.vocab = vocab
        self.name = name
        if lookups is None:
            lookups = load_lookups(lang=vocab.lang, tables=[LOOKUP_TABLE])
        self.lookups = lookups
        self.lemma_ids = LemmaIds(vocab, lookups.get_table(LOOKUP_TABLE))

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        given = doc.to_array([ORTH, LEMMA])
        lemmas = numpy.fromiter(
            map(self.lemma_ids.__getitem__, given[:, 0].tolist()),
            dtype=numpy.uint64,
            count=len(doc),
        )
        unset = given[:, 1] == 0
        if not unset.all():  # spaCy's rule: a lemma set before (a retokenizer, a rule) stays
            lemmas = numpy.where(unset, lemmas, given[:, 1])
        doc.from_array([LEMMA], lemmas)
        return doc

    def initialize(self, *args: object, **kwargs: object) -> None:
        """Nothing to load: the table is read when the component is made (spaCy's component
        reads it here; ``nlp.initialize()`` calls this)."""


@Language.factory("german_lemmas")
def make_lemmas(nlp: Language, name: str) -> LookupLemmas:
    return LookupLemmas(nlp.vocab, name)
