"""spaCy's rule sentencizer, reading token arrays instead of a Token object per token.

spaCy's ``Sentencizer`` walks every token of a Doc as a Python ``Token`` (its text and
``is_punct`` read one property at a time), about a third of a microsecond per token: as much as
the date grammar's whole scan of the text. The rule is simple enough to run on the Doc's arrays:
a token that is neither punctuation nor a sentence-ending character starts a sentence when such
a character stands between it and the previous such token (and the first token starts one).
:class:`ArraySentencizer` sets the same ``SENT_START`` values as ``Sentencizer`` with its default
settings (1 for a start, -1 for every other token); a Doc that already has sentence marks is
left to ``Sentencizer`` itself, which keeps them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

# what a token is to the rule, by its word (ORTH): it ends a sentence, it is other punctuation,
# or it is a word (content) that may open a sentence
ENDS, PUNCT, CONTENT = 0, 1, 2
MAX_WORDS = 200_000  # words whose kind is kept; emptied when full, so memory stays flat


@Language.factory("array_sentencizer")
def make_array_sentencizer(nlp: Language, name: str) -> ArraySentencizer:
    return ArraySentencizer(nlp.vocab, name)


class ArraySentencizer:
    """``Sentencizer()`` (default punctuation, no overwrite) over token arrays."""

    def __init__(self, vocab: Vocab, name: str = "sentencizer") -> None:
        self.name = name
        self.vocab = vocab
        self.rules = Sentencizer(name)  # its punctuation, and the Docs it must handle itself
        self.kinds = _Kinds(vocab, frozenset(self.rules.punct_chars))

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        marks = doc.to_array([ORTH, SENT_START])
        if marks[1:, 1].any():  # sentence marks already set: Sentencizer keeps them
            return self.rules(doc)  # (a Doc's first token is always marked as a start)
        starts = sentence_starts(list(map(self.kinds.__getitem__, marks[:, 0].tolist())))
        doc.from_array([SENT_START], numpy.array(starts, dtype="int32").astype("uint64"))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 1000) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def sentence_starts(kinds: list[int]) -> list[int]:
    """``SENT_START`` of each token (1 or -1) from its kind, as ``Sentencizer.predict`` marks
    them: the first token, and each content token with a sentence end since the last one."""
    starts = [-1] * len(kinds)
    starts[0] = 1
    seen_end = False
    for i, kind in enumerate(kinds):
        if kind == ENDS:
            seen_end = True
        elif seen_end and kind == CONTENT:
            starts[i] = 1
            seen_end = False
    return starts


class _Kinds(dict):
    """Word (ORTH) -> kind, read from the vocabulary once per word: the text a token has and
    the ``is_punct`` flag it reads are its word's."""

    def __init__(self, vocab: Vocab, ends: frozenset[str]) -> None:
        super().__init__()
        self.vocab = vocab
        self.ends = ends

    def __missing__(self, orth: int) -> int:
        if len(self) >= MAX_WORDS:
            self.clear()
        lexeme = self.vocab[orth]
        kind = ENDS if lexeme.orth_ in self.ends else PUNCT if lexeme.is_punct else CONTENT
        self[orth] = kind
        return kind
