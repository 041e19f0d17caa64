"""spaCy's tokenizer, kept linear on text without spaces.

The tokenizer strips prefixes and suffixes off a whitespace-free run one at a time, copying the
rest each time, so a run of n characters costs n² ("!?!?…" or a 100,000-character line of
glued words takes minutes). No word is that long: a longer run is cut into pieces of
``MAX_RUN`` characters, each tokenized on its own, and the tokens joined again without
spaces, so the Doc's text and offsets are the text's. Text without such runs is tokenized
exactly as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

MAX_RUN = 1_000
# only at the start of a run, so that a shorter run is given up on once, not at every letter
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_RUN + 1},}}")


def run_cuts(text: str) -> list[int]:
    """Offsets where ``text`` is cut: every ``MAX_RUN`` characters inside each longer run."""
    cuts: list[int] = []
    for m in _LONG_RUN.finditer(text):
        cuts.extend(range(m.start() + MAX_RUN, m.end(), MAX_RUN))
    return cuts


class BoundedTokenizer:
    """Wraps a spaCy tokenizer; everything but the call is the wrapped tokenizer's."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        cuts = run_cuts(text)
        if not cuts:
            return self.tokenizer(text)
        bounds = zip([0, *cuts], [*cuts, len(text)], strict=True)
        pieces = [self.tokenizer(text[start:end]) for start, end in bounds]
        return Doc.from_docs(pieces, ensure_whitespace=False)

    def __getattr__(self, name: str) -> Any:
        if name == "tokenizer":  # not set yet (while unpickling): no endless look-up
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def bound_tokenizer(nlp) -> None:
    """Make ``nlp`` tokenize long runs in pieces (once; a second call changes nothing)."""
    if not isinstance(nlp.tokenizer, BoundedTokenizer):
        nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
