"""Language data: word lists and normalisation tables, one folder per language.

Files are UTF-8 TSV with a header line; lines starting with ``#`` are comments. Code reads them
through :func:`load_tsv` so that every piece of German knowledge lives in ``lang/de/``.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from functools import cache
from importlib import resources
from pathlib import Path

DEFAULT_LANGUAGE = "de"
# No word of the lexicons is longer (the longest noun has 67 letters): a longer run of letters
# is read as no known word, not split into parts, which would cost time for nothing.
MAX_WORD_CHARS = 80
# Words for towns and administrative units ("Stadt", "Landkreis"), one kind per kind of unit: the
# entity and event rules that know such words all take them from this file.
ADMINISTRATIVE_UNITS_FILE = "administrative_units.tsv"
# The kinds whose word before a capitalised name always names the unit; "Markt" (market_town)
# is also the market square ("auf dem Markt Rosenheim").
UNIT_KINDS = ("municipality", "municipal_union", "district", "state")


def data_path(name: str, lang: str = DEFAULT_LANGUAGE) -> Path:
    return Path(str(resources.files("pipeline.lang").joinpath(lang, name)))


@cache
def load_tsv(name: str, lang: str = DEFAULT_LANGUAGE) -> tuple[dict[str, str], ...]:
    """Rows of ``lang/<lang>/<name>`` as dicts keyed by the header, comments skipped."""
    with data_path(name, lang).open(encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if line.strip() and not line.startswith("#"))
        return tuple(csv.DictReader(lines, delimiter="\t"))


@cache
def load_word_kinds(name: str, lang: str = DEFAULT_LANGUAGE) -> dict[str, tuple[str, ...]]:
    """The words of a ``kind<TAB>word`` file by kind, each kind's words in file order."""
    found: dict[str, list[str]] = defaultdict(list)
    for row in load_tsv(name, lang):
        found[row["kind"]].append(row["word"])
    return {kind: tuple(words) for kind, words in found.items()}


@cache
def load_word_set(name: str, kind: str, lang: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """The words of one kind of a ``kind<TAB>word`` file; a kind the file does not have is an
    error, not an empty set."""
    return frozenset(load_word_kinds(name, lang)[kind])


@cache
def administrative_words(*kinds: str, lang: str = DEFAULT_LANGUAGE) -> tuple[str, ...]:
    """The words of ``kinds`` of ``administrative_units.tsv``, kind after kind in the order
    given, each kind's words in file order; an unknown kind is an error."""
    found = load_word_kinds(ADMINISTRATIVE_UNITS_FILE, lang)
    return tuple(word for kind in kinds for word in found[kind])


@cache
def load_json(name: str, lang: str = DEFAULT_LANGUAGE):
    with data_path(name, lang).open(encoding="utf-8") as fh:
        return json.load(fh)


def load_words(name: str, lang: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """A one-word-per-line list (comments and blank lines skipped)."""
    text = data_path(name, lang).read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )
