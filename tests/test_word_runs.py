"""The word runs the date grammar and the figures share, and the number words found in them."""

from __future__ import annotations

from pipeline.extractors.figures import _number_word_pattern, _number_word_spans
from pipeline.word_runs import word_runs


def test_runs_and_gaps_tile_the_text() -> None:
    text = "Am 3. Mai kamen 1.200 Gäste_innen (zweimal so viele)."
    parts, ends = word_runs(text)
    assert "".join(parts) == text
    assert parts[1::2] == [
        "Am",
        "3",
        "Mai",
        "kamen",
        "1",
        "200",
        "Gäste_innen",
        "zweimal",
        "so",
        "viele",
    ]
    assert text[ends[2] : ends[3]] == "3"
    assert word_runs(text)[0] is parts  # the date stage's cut, read again by the figures


def test_number_words_in_runs_are_those_of_the_whole_text() -> None:
    text = "Zwölf_Gäste, 3zwei Helfer und einundzwanzig Kinder; ELF Teams, keine Elfen."
    spans = _number_word_spans(text)
    assert spans == [m.span() for m in _number_word_pattern().finditer(text)]
    assert [text[s:e] for s, e in spans] == [
        "Zwölf",
        "zwei",
        "einundzwanzig",
        "ELF",
        "keine",
        "Elfen",
    ]
