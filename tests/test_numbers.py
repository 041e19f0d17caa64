"""Reading German numbers and durations: digits, number words, whole numeral phrases."""

from __future__ import annotations

import pytest

from pipeline.numbers import parse_digits, parse_number, parse_number_word, parse_numeral
from pipeline.quantities.durations import parse_duration


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.700", 12700),
        ("1.234.567", 1234567),
        ("1,5", 1.5),
        ("12 700", 12700),
        ("12\u00a0700", 12700),
        ("12\u202f700", 12700),
        ("12700", 12700),
        (",77", 0.77),
        ("1.000.000,00", 1000000),
        ("4'750", 4750),
        ("1’250’000", 1250000),
    ],
)
def test_digits_in_german_notation(text: str, expected: float) -> None:
    assert parse_digits(text) == expected


@pytest.mark.parametrize(
    "text", ["4.0", "1.5", "2.3.1", "31:11", "12.70", "abc", "", "5'30", "12'5000"]
)
def test_not_german_digits(text: str) -> None:
    assert parse_digits(text) is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("eins", 1),
        ("dreizehn", 13),
        ("neunundneunzig", 99),
        ("hundert", 100),
        ("tausend", 1000),
        ("zwölftausendsiebenhundert", 12700),
        ("Dreiunddreißig", 33),
        ("dreissig", 30),
        # text2num misses these; the word table and the -einhalb rule read them
        ("eineinhalb", 1.5),
        ("anderthalb", 1.5),
        ("zweieinhalb", 2.5),
        ("dreiundzwanzigeinhalb", 23.5),
        ("dutzend", 12),
    ],
)
def test_number_words(word: str, expected: float) -> None:
    assert parse_number_word(word) == expected


@pytest.mark.parametrize("word", ["zehnten", "dritte", "mehrere", "viele", "Tausende", "halb"])
def test_ordinals_and_vague_words_are_no_numbers(word: str) -> None:
    assert parse_number_word(word) is None


def test_parse_number_takes_digits_or_words() -> None:
    assert parse_number("12.700") == 12700
    assert parse_number("sieben") == 7
    assert parse_number("Besucher") is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("drei Millionen", 3_000_000),
        ("eine Million", 1_000_000),
        ("5 tausend", 5000),
        ("1 komma 1", 1.1),
        ("100K", 100_000),
        ("1,2M", 1_200_000),
        ("minus 1.200.000", -1_200_000),
        (
            "einunddreißig Millionen zweihundertsechsundfünfzigtausendsiebenhunderteinundzwanzig",
            31_256_721,
        ),
    ],
)
def test_numeral_phrases(phrase: str, expected: float) -> None:
    assert parse_numeral(phrase) == expected


def test_numeral_phrase_with_a_noun_is_no_number() -> None:
    assert parse_numeral("drei Besucher") is None


@pytest.mark.parametrize(
    ("phrase", "seconds"),
    [
        ("zwei Tage", 2 * 86400),
        ("24 Stunden", 24 * 3600),
        ("eine halbe Stunde", 1800),
        ("einer Viertelstunde", 900),
        ("dreiviertel Stunde", 2700),
        ("1,5 Stunden", 5400),
        ("5 und eine halbe Minuten", 330),
        ("90min", 5400),
        ("1 Jahr, 2 Tage, 3 Stunden und 4 Sekunden", 31_719_604),
    ],
)
def test_durations(phrase: str, seconds: float) -> None:
    assert parse_duration(phrase) == seconds


def test_duration_needs_a_unit() -> None:
    assert parse_duration("zwei") is None
    assert parse_duration("zwei Besucher") is None
