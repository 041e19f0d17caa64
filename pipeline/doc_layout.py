"""A Doc's text and sentence bounds, computed once per Doc and shared by every reader.

spaCy builds ``doc.text`` anew from the tokens on every read, and ``doc.sents`` makes a Token
and a Span per token and sentence; components and the table writer each need both. Here they
are read from token arrays once and kept while the Doc lives (nothing is stored on the Doc, so
its serialisation is unchanged).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from spacy.attrs import IDX, LENGTH, ORTH, SENT_START, SPACY
from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class DocLayout:
    text: str
    # one entry per sentence of ``doc.sents`` (the whole Doc when it has no sentence marks)
    sentence_tokens: list[int]  # token index where each sentence starts
    sentence_starts: list[int]  # character offset of its first token
    sentence_ends: list[int]  # character offset after its last token (``Span.end_char``)


_LAYOUTS: weakref.WeakKeyDictionary[Doc, DocLayout] = weakref.WeakKeyDictionary()
_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def remember_text(doc: Doc, text: str) -> None:
    """Record the text ``doc`` was made from (spaCy's tokenization keeps it exactly), so that
    it need not be rebuilt from the tokens."""
    _TEXTS[doc] = text


def doc_text(doc: Doc) -> str:
    """``doc.text``, built at most once per Doc."""
    text = _TEXTS.get(doc)
    if text is None:
        # from the string store: Doc.text would build a Token per token
        strings = doc.vocab.strings
        text = _TEXTS[doc] = (
            "".join(
                strings[orth] + (" " if space else "")
                for orth, space in doc.to_array([ORTH, SPACY]).tolist()
            )
            if len(doc)
            else ""
        )
    return text


def doc_layout(doc: Doc) -> DocLayout:
    """The text and sentence bounds of ``doc``, as ``doc.text`` and ``doc.sents`` give them."""
    layout = _LAYOUTS.get(doc)
    if layout is None or layout.sentence_ends[-1:] != _last_end(doc):
        layout = _LAYOUTS[doc] = _layout(doc)
    return layout


def _last_end(doc: Doc) -> list[int]:
    """Where the last token ends: a cheap check that the tokens are those the layout read."""
    if not len(doc):
        return []
    last = doc[-1]
    return [last.idx + len(last)]


def _layout(doc: Doc) -> DocLayout:
    text = doc_text(doc)
    n = len(doc)
    if not n:
        return DocLayout(text, [], [], [])
    arr = doc.to_array([SENT_START, IDX, LENGTH])
    if doc.has_annotation("SENT_START"):
        # doc.sents: a sentence starts at token 0 and at every later token marked as a start
        tokens = [0, *(int(i) + 1 for i in (arr[1:, 0] == 1).nonzero()[0])]
    else:
        tokens = [0]
    idx, length = arr[:, 1].tolist(), arr[:, 2].tolist()
    starts = [idx[t] for t in tokens]
    ends = [idx[end - 1] + length[end - 1] for end in [*tokens[1:], n]]
    return DocLayout(text, tokens, starts, ends)
