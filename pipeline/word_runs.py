"""A text cut into its runs of word characters, shared by the date grammar and the figures.

Both read every word run of a report: the date grammar to find the words that can head a date,
the figures to find number words. Cutting the text is done in C (``re.split``) and costs a
tenth of the date stage; the figures stage runs right after it on the same text, so the last
text's runs are kept for it (one report's worth of strings: memory stays flat).
"""

from __future__ import annotations

import re
from itertools import accumulate

WORD_RUN = re.compile(r"[\wäöüß]+")
_SPLIT = re.compile(rf"({WORD_RUN.pattern})")

# the text last cut, its parts and their ends: one tuple, replaced whole, so that a thread
# never reads one text's parts with another's ends
_last: list[tuple[str | None, list[str], list[int]]] = [(None, [], [])]


def word_runs(text: str) -> tuple[list[str], list[int]]:
    """``(parts, ends)``: the text as gap, run, gap, run, ..., gap (run ``i`` is
    ``parts[2 * i + 1]`` and spans ``ends[2 * i]`` to ``ends[2 * i + 1]``), and the running
    ends of the parts. Callers must not change the lists."""
    cut, parts, ends = _last[0]
    if cut is not text:
        parts = _SPLIT.split(text)
        ends = list(accumulate(map(len, parts)))
        _last[0] = (text, parts, ends)
    return parts, ends
