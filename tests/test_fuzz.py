"""Generated text through the real pipeline and every extractor: whatever the text, the report
is analysed in time proportional to its length, every offset points at its mention, and every
value is well formed.

Texts mix German words, numbers in every notation, dates and clock times, punctuation, runs of
capitalised words, long words and arbitrary Unicode. The seed is fixed (``derandomize``) and the
number of examples bounded, so the test is repeatable and takes well under a minute.
"""

from __future__ import annotations

import math
import re
import time

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from pipeline.api import extract
from pipeline.read import normalise

MAX_EXAMPLES = 150
FACT_TABLES = ("dates", "places", "organisations", "figures")
# Time is compared with prose of the same pipeline in the same process: a generated text may
# cost this many times what prose of its length costs. Short texts are given the time of
# FLOOR_CHARS characters, so that a fixed cost per call does not count as slowness.
SLOWER_THAN_PROSE = 15
FLOOR_CHARS = 3_000

PROSE = (
    "Am Dienstag, dem 22. Oktober 2019, öffnete die Fachmesse in der Grugahalle in Essen. "
    "Rund 12.700 Besucherinnen und Besucher kamen bis Donnerstag, dazu 320 Aussteller aus 20 "
    "Ländern. Die Messe Essen GmbH und die IHK zu Essen zogen eine gute Bilanz: Der Umsatz "
    "stieg um 3,5 Prozent auf 1,2 Millionen Euro. Nächstes Jahr findet die Messe vom 5. bis "
    "7. Mai 2020 statt, geöffnet ist täglich von 9 bis 18 Uhr.\n"
)

WORDS = [
    "die", "der", "und", "mit", "in", "am", "bis", "vom", "zum", "über", "rund", "etwa", "mehr",
    "als", "knapp", "Messe", "Besucher", "Besucherinnen", "Aussteller", "Euro", "Prozent",
    "Stadt", "Halle", "Verein", "GmbH", "e.V.", "AG", "Stiftung", "Verband", "Essen", "Berlin",
    "Köln", "München", "Bad", "Sankt", "Dr.", "Prof.", "Frau", "Herr", "Uhr", "Tage", "Jahr",
    "Januar", "Mai", "Oktober", "Montag", "Freitag", "gestern", "heute", "Woche", "drei",
    "zwölf", "tausend", "Millionen", "Mio.", "zweieinhalb", "Hälfte", "Quadratmeter",
]  # fmt: skip
PUNCTUATION = list(".,;:!?-–—()[]\"'„“«»/&%§+*#@") + ["...", " - ", "\n", "\n\n", "\t"]
NUMBERS = st.one_of(
    st.integers(0, 10**12).map(str),
    st.integers(0, 10**9).map(lambda n: f"{n:,}".replace(",", ".")),  # 12.700
    st.decimals(0, 10**6, places=2).map(lambda d: str(d).replace(".", ",")),  # 1,5
    st.integers(1, 400).map(lambda n: "9" * n),  # up to and beyond the range of a float
    st.from_regex(r"[0-9][0-9.,:/'-]{0,12}", fullmatch=True),
)
DATES = st.one_of(
    st.builds("{}.{}.{}".format, st.integers(0, 40), st.integers(0, 14), st.integers(0, 2100)),
    st.builds("{}. {}".format, st.integers(0, 40), st.sampled_from(["Mai", "Oktober", "Jan."])),
    st.builds("{}:{:02d} Uhr".format, st.integers(0, 30), st.integers(0, 70)),
    st.builds(
        "von {} bis {} Uhr".format, st.integers(0, 25), st.integers(0, 25)
    ),  # clock ranges, also past midnight
    st.builds("{}–{}. {} {}".format, *[st.integers(0, 35)] * 2, st.just("März"), st.just("2019")),
)
CAPITALISED_RUN = st.lists(
    st.from_regex(r"[A-ZÄÖÜ][a-zäöüß]{1,12}", fullmatch=True), min_size=2, max_size=12
).map(" ".join)
LONG_WORD = st.builds(
    "{}{}".format,
    st.sampled_from(["Ab", "Messe", "ab", "X"]),
    st.text("abcdefghijkläöüß", min_size=50, max_size=2_000),
)
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(PUNCTUATION),
    NUMBERS,
    DATES,
    CAPITALISED_RUN,
    LONG_WORD,
    st.text(max_size=20),  # any Unicode but lone surrogates: combining marks, BOMs, emoji
)
TEXTS = st.builds(
    "{}{}".format,
    st.sampled_from(["", "", "", "\ufeff"]),  # sometimes a leading byte-order mark
    st.lists(
        st.tuples(PIECES, st.sampled_from([" ", " ", " ", "", "\n", ", ", ". "])).map("".join),
        max_size=80,
    ).map("".join),
)

ISO_PART = re.compile(
    r"(?:BC)?\d{2,4}(?:-(?:\d{2}|Q[1-4]|W\d{2}|SP|SU|FA|WI))?(?:-\d{2})?(?:T\d{2}:\d{2})?"
    r"|T\d{2}:\d{2}"
)
ISO_DAY_OR_MINUTE = re.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?|T\d{2}:\d{2}")


@pytest.fixture(scope="module")
def nlp(default_nlp):
    return default_nlp


@pytest.fixture(scope="module")
def prose_seconds_per_char(nlp) -> float:
    text = PROSE * (FLOOR_CHARS // len(PROSE) + 1)
    extract(text, reference_date="2019-10-24", nlp=nlp)  # warm caches and lazy tables
    return min(cpu_seconds(nlp, text) for _ in range(3)) / len(text)


def cpu_seconds(nlp, text: str) -> float:
    start = time.process_time()
    extract(text, reference_date="2019-10-24", nlp=nlp)
    return time.process_time() - start


def check_offsets(text: str, frames) -> None:
    for table in FACT_TABLES:
        for row in frames[table].itertuples():
            assert 0 <= row.start_char <= row.end_char <= len(text), (table, row)
            written = text[row.start_char : row.end_char]
            # the mention is the text as written, up to the documented normalisation
            assert normalise(written)[0] == row.text, (table, written, row.text)


def check_values(frames) -> None:
    for value in frames["figures"]["value"]:
        assert value is not None and math.isfinite(value), value
    for row in frames["dates"].to_dict("records"):
        if isinstance(row["value"], str):
            assert all(ISO_PART.fullmatch(part) for part in row["value"].split("/")), row
        for bound in (row["start"], row["end"]):
            assert not isinstance(bound, str) or ISO_DAY_OR_MINUTE.fullmatch(bound), row
        if "/" not in str(row["value"]):
            assert not ends_before_start(row), row


def ends_before_start(row) -> bool:
    start, end = row["start"], row["end"]
    if not (isinstance(start, str) and isinstance(end, str)):
        return False
    if start.startswith("T") and end.startswith("T"):
        return False  # clock times without a day: "von 22 bis 2 Uhr" ends after midnight
    common = min(len(start), len(end))  # a day and a minute compare on the day
    return start[:common] > end[:common]


SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,  # time is checked against prose below, not against the wall clock
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    database=None,
)


@SETTINGS
@given(text=TEXTS)
def test_generated_text_is_read_in_linear_time_with_valid_offsets_and_values(
    nlp, prose_seconds_per_char: float, text: str
) -> None:
    start = time.process_time()
    frames = extract(text, reference_date="2019-10-24", nlp=nlp)
    seconds = time.process_time() - start
    budget = SLOWER_THAN_PROSE * prose_seconds_per_char * max(len(text), FLOOR_CHARS)
    assert seconds <= budget, f"{seconds:.2f}s for {len(text)} characters (budget {budget:.2f}s)"
    document = frames["documents"].iloc[0]
    # a NUL character makes the text binary data, refused as a file would be
    assert document["status"] in ("ok", "empty") or "\x00" in text, document["error"]
    check_offsets(text, frames)
    check_values(frames)


@settings(SETTINGS, max_examples=MAX_EXAMPLES // 4, phases=[Phase.explicit, Phase.generate])
@example(text="Das Fest lief am Freitag von 20 bis 3 Uhr.")
@example(text="Die Ausstellung lief vom 5. bis 3. Mai 2019.")
@example(text="Die Party ging von 22 bis 2 Uhr.")
@given(text=TEXTS)
def test_generated_date_ranges_do_not_end_before_they_start(nlp, text: str) -> None:
    frames = extract(text, reference_date="2019-10-24", nlp=nlp)
    reversed_ranges = [r for r in frames["dates"].to_dict("records") if ends_before_start(r)]
    assert not reversed_ranges, reversed_ranges
