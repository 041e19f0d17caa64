"""The memo every word test of the extractors uses: one class, so that each test is bounded and
read in C the same way."""

from __future__ import annotations

from collections.abc import Callable
from itertools import filterfalse
from typing import Any


class WordValues(dict):
    """A pure function of one word, memoised in the dict itself (bounded: emptied when full):
    called for one word, a known word costs a dict look-up in C, about half an ``lru_cache``
    hit; only a new word calls ``compute``. Mapped over a document's tokens
    (``pipeline.entities.words.positions`` and ``values_of``) its values come from the word rows
    all mapped tests share; :meth:`hits` asks for a document's distinct words at once (the event
    rules)."""

    def __init__(self, compute: Callable[[str], Any], size: int = 65536) -> None:
        super().__init__()
        self.compute = compute
        self.size = size
        self.true: set[str] = set()  # the words whose value is true, for :meth:`hits`

    def __missing__(self, word: str) -> Any:
        if len(self) >= self.size:
            self.clear()
        value = self.compute(word)
        if value:  # before the value is kept: a run's time limit may stop it in between
            self.true.add(word)
        self[word] = value
        return value

    def clear(self) -> None:
        super().clear()
        self.true.clear()

    def hits(self, words: set[str]) -> dict[str, Any]:
        """The words of ``words`` whose value is true, with their value: the known words are
        picked out in C, only the new ones call ``compute``. When the new words would pass
        ``size`` the memo is emptied first and all of ``words`` asked again."""
        # not words.difference(self): for a dict subclass it walks the whole memo
        new = set(filterfalse(self.__contains__, words))
        if new:
            if len(self) + len(new) > self.size:
                self.clear()
                new = words
            for word in new:
                value = self.compute(word)
                if value:
                    self.true.add(word)
                self[word] = value
        return {word: self[word] for word in words & self.true}

    # called as the function it memoises, in C: dict.__getitem__ asks __missing__ for a new word
    __call__ = dict.__getitem__
