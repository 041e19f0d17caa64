"""Read a whole German duration phrase into seconds ("1 Jahr, 2 Tage und 4 Sekunden",
"eine halbe Stunde", "einer Viertelstunde", "5 und eine halbe Minuten", "3/4 Stunde")."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from pipeline.lang import load_tsv
from pipeline.numbers import finite_float, parse_numeral, read_number_word
from pipeline.quantities.qualifiers import qualifier_words

_SPLIT = re.compile(r"(?<=\d)(?=[^\W\d_])|,(?!\d)")  # "90min" -> "90 min", commas apart
_FRACTION = re.compile(r"^(\d+)/(\d+)$")


@cache
def _units() -> dict[str, Decimal]:
    return {row["form"]: Decimal(row["seconds"]) for row in load_tsv("duration_units.tsv")}


@cache
def _fractions() -> dict[str, Decimal]:
    return {row["word"]: Decimal(row["value"]) for row in load_tsv("fractions.tsv")}


def _unit_seconds(word: str) -> Decimal | None:
    """Seconds of a unit word, including fraction compounds ("viertelstunde" = 900)."""
    units = _units()
    if word in units:
        return units[word]
    for prefix, value in sorted(_fractions().items(), key=lambda kv: -len(kv[0])):
        rest = word[len(prefix) :]
        if word.startswith(prefix) and rest in units:
            return value * units[rest]
    return None


def _number(word: str) -> Decimal | None:
    m = _FRACTION.match(word)
    if m and int(m.group(2)):
        return Decimal(m.group(1)) / Decimal(m.group(2))
    value = parse_numeral(word)
    return None if value is None else Decimal(str(value))


def parse_duration(text: str) -> float | None:
    """Seconds of a duration phrase, or None if any word is neither number nor unit."""
    words = _SPLIT.sub(" ", text.lower()).replace("/ ", "/").split()
    ignore = qualifier_words()
    total = Decimal(0)
    pending: Decimal | None = None
    seen_unit = False
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if word == "und" or word in ignore:
            continue
        seconds = _unit_seconds(word)
        if seconds is not None:
            total += (pending if pending is not None else Decimal(1)) * seconds
            pending, seen_unit = None, True
            continue
        fraction = _fractions().get(word)
        if fraction is not None:
            prev = read_number_word(words[i - 1]) if i else None
            if pending is not None and not (prev and prev.kind == "article"):
                pending *= fraction  # "drei viertel stunden"
            else:
                pending = (pending or Decimal(0)) + fraction  # "5 und eine halbe"
            continue
        found = read_number_word(word)
        if found and found.kind == "article" and nxt in _fractions():
            continue  # "eine halbe Stunde": the article carries no count
        value = _number(word)
        if value is None:
            return None
        pending = value if pending is None else pending + value
    if pending is not None or not seen_unit:
        return None
    return finite_float(total)
