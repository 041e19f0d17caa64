"""No pathological input: 500 KB of digits, dots, month names and clock-time/number-like junk
costs each stage about twenty times what 25 KB costs (near-linear), not 400 times; each
kind of odd text (one endless word, long lists of names, punctuation without spaces, ...)
costs eight times as much at eight times the length; values stay finite and offsets right.

CPU times are compared with each other, never with an absolute limit; the blank pipeline keeps the
statistical components (linear by construction) out, so the rule-based stages are measured.
"""

from __future__ import annotations

import math
import random
import subprocess
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.api import extract
from pipeline.batch import Job, _result, prepare_data
from pipeline.entities.words import is_noun_compound
from pipeline.lang import MAX_WORD_CHARS
from pipeline.long_runs import MAX_RUN
from pipeline.numbers import finite_float, parse_digits, parse_numeral
from pipeline.timelimit import TimeLimitExceeded, time_limit

# What catches a super-linear stage is the large size: its budget is three times the linear
# cost at that size, whatever the small size is, so the small text is only as long as a
# measurement above timer noise needs. (Reports over spaCy's 1,000,000-character guard are
# tested in test_streaming.)
SMALL_CHARS = 25_000
LARGE_CHARS = 500_000
# Linear growth is 20x; quadratic would be 400x. Small stages are floored so that timer
# noise on a millisecond cannot fail the test.
MAX_GROWTH = 60
FLOOR_SECONDS = 0.02
JUNK = [
    "1.2.3.4.5",
    "1.2.3.4.5 Uhr",
    "12 700",
    "800,5",
    "12.700.000",
    "3.",
    "31.12.",
    "24.10.2019",
    "2019",
    "10:30",
    "Uhr",
    "März",
    "Oktober",
    "Mai",
    "Jan.",
    "1.",
    ".",
    "..",
    "12",
    "5,5.5,5",
    "0,",
    "bis",
    "–",
]


def junk_text(chars: int, seed: int = 8) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < chars:
        piece = rng.choice(JUNK) + rng.choice([" ", " ", " ", "", "\n", ". "])
        parts.append(piece)
        size += len(piece)
    return "".join(parts)[:chars]


def stage_times(nlp, text: str, report: Callable[[str, float], None] | None = None):
    """CPU seconds of this process per stage for one document: read (decode, normalise,
    reference date, tokenizer), every pipeline component, the table rows; ``report`` hears
    each as it ends. CPU time, not the wall clock: on a loaded machine the wall clock of one
    process grows with the others' work, not with the text."""
    times: dict[str, float] = {}

    def timed(name: str, call: Callable, *args):
        start = time.process_time()
        value = call(*args)
        times[name] = time.process_time() - start
        if report:
            report(name, times[name])
        return value

    job = Job("junk", Path("junk.txt"))
    doc, source, done = timed("read+tokenizer", prepare_data, nlp, job, text.encode("utf-8"))
    assert done is None, done
    for name, component in nlp.pipeline:
        doc = timed(name, component, doc)
    assert not doc._.extract_errors, doc._.extract_errors
    timed("rows", _result, nlp, job, doc, source)
    return times


def _print_stage(name: str, seconds: float) -> None:
    print(name, seconds, flush=True)


# The large document runs in a child process under a CPU-time budget (the run's own limit), so
# a quadratic stage fails the test in minutes instead of running for an hour; its output names
# the finished stages.
CHILD = f"""
import sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
from test_pathological import LARGE_CHARS, SMALL_CHARS, _print_stage, junk_text, stage_times
from pipeline.nlp import load_nlp
from pipeline.timelimit import TimeLimitExceeded, time_limit
nlp = load_nlp("blank")
stage_times(nlp, junk_text(SMALL_CHARS))
print("start", 0, flush=True)
try:
    with time_limit(float(sys.argv[1])):
        stage_times(nlp, junk_text(LARGE_CHARS), _print_stage)
except TimeLimitExceeded:
    pass
"""
CHILD_START_SECONDS = 120  # interpreter, spaCy and the extractors' tables on a busy machine
# Only a backstop in case the CPU limit fails: a child on a machine loaded 8 deep on 2 cores
# gets a quarter of a core, so its wall clock may run four times its CPU time.
WALL_PER_CPU_SECOND = 10


@pytest.mark.slow
def test_twenty_times_more_junk_costs_near_linear_time(blank_nlp) -> None:
    small = junk_text(SMALL_CHARS)
    stage_times(blank_nlp, small)  # warm caches and lazy tables
    runs = [stage_times(blank_nlp, small) for _ in range(3)]
    budget = {name: MAX_GROWTH * max(min(r[name] for r in runs), FLOOR_SECONDS) for name in runs[0]}
    cpu_budget = sum(budget.values())
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(cpu_budget)],
            capture_output=True,
            text=True,
            timeout=CHILD_START_SECONDS + WALL_PER_CPU_SECOND * cpu_budget,
        )
        output = done.stdout
        assert done.returncode == 0, done.stderr[-2000:]
    except subprocess.TimeoutExpired as exc:  # its output comes as bytes, whatever text= says
        partial = exc.stdout or b""
        output = partial.decode() if isinstance(partial, bytes) else partial
    large = {
        name: float(seconds)
        for name, seconds in (line.split() for line in output.splitlines() if line.strip())
    }
    assert "start" in large, f"the child did not even start within {CHILD_START_SECONDS}s"
    slow = {
        name: f"{budget[name] / MAX_GROWTH:.3f}s small, {large[name]:.3f}s large"
        for name in budget
        if name in large and large[name] > budget[name]
    }
    running = next((name for name in budget if name not in large), None)
    if running:
        slow[running] = f"unfinished after {cpu_budget:.0f}s CPU (budget {budget[running]:.1f}s)"
    assert not slow, f"super-linear stages: {slow}"


# -- one kind of text at two sizes ------------------------------------------------------------
# Each kind is made eight times longer; a stage linear in the text costs eight times as much,
# a quadratic one 64 times. CPU time of this process is compared (other processes on a shared
# machine do not count), and the larger text runs under a CPU budget so a hang fails quickly.

GROWTH = 8
SHORT_CHARS = 4_000
LINEAR_SLACK = 2.5  # allowed: 2.5 x linear growth; quadratic growth would be 8 x linear
SHORT_FLOOR_SECONDS = 0.05


def _filled(unit: Callable[[random.Random], str]) -> Callable[[int], str]:
    def text(chars: int) -> str:
        rng = random.Random(chars)
        parts, size = [], 0
        while size < chars:
            parts.append(unit(rng))
            size += len(parts[-1])
        return "".join(parts)[:chars]

    return text


def _letters(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyzäöüß") for _ in range(n))


def _long_word(chars: int) -> str:
    # a capitalised word after an organisation and "und": read as the next conjunct of a list
    rng = random.Random(chars)
    return f"Die Messe Essen GmbH und Ab{_letters(rng, chars)} kamen nach Essen."


def _long_counted_noun(chars: int) -> str:
    # a capitalised word after a number: read as the counted noun of a figure
    rng = random.Random(chars)
    return f"Es kamen 12 Ab{_letters(rng, chars)} nach Essen."


TOWNS = ["Essen", "Bochum", "Stadt Dortmund", "Messe Essen", "IHK", "Landkreis Kassel"]
PATHOLOGICAL_KINDS = {
    "one long capitalised word": _long_word,
    "a number before one long word": _long_counted_noun,
    "a list of towns and bodies": _filled(
        lambda rng: rng.choice(TOWNS) + rng.choice([", ", " und ", " sowie "])
    ),
    "one town repeated": _filled(lambda rng: "Bochum "),
    "titles and names": _filled(
        lambda rng: rng.choice(["Dr. ", "Prof. ", "Frau ", "Herr ", "Anna ", "Schulze ", "Rat "])
    ),
    "capitalised words": _filled(lambda rng: _letters(rng, rng.randint(3, 9)).capitalize() + " "),
    "punctuation without spaces": _filled(lambda rng: rng.choice(".,;:!?-–()\"„“'/&")),
    "glued words and numbers": _filled(
        lambda rng: rng.choice(["abc", "Mai", "2019", ".", ",", "-", ":", "Uhr", "12"])
    ),
    "number words": _filled(
        lambda rng: rng.choice(["drei ", "tausend ", "Millionen ", "und ", "Komma ", "zwanzig "])
    ),
    "dates and clock times": _filled(
        lambda rng: rng.choice(["am ", "3. ", "Mai ", "bis ", "2019 ", "von ", "10 ", "Uhr ", "– "])
    ),
    "figures and qualifiers": _filled(
        lambda rng: rng.choice(["über ", "rund ", "12 ", "Besucher ", "und ", "Euro ", "mehr "])
    ),
}


def cpu_seconds(nlp, text: str) -> float:
    """CPU time of this process to read, analyse and tabulate ``text`` as one report."""
    job = Job("kind", Path("kind.txt"))
    start = time.process_time()
    doc, source, done = prepare_data(nlp, job, text.encode("utf-8"))
    assert done is None, done
    doc = nlp(doc)
    assert not doc._.extract_errors, doc._.extract_errors
    _result(nlp, job, doc, source)
    return time.process_time() - start


# The time limit may expire inside a garbage-collector callback, where Python only reports it
# as unraisable; it fires again right after (pipeline.timelimit), so the report is noise.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("kind", PATHOLOGICAL_KINDS)
def test_each_kind_of_pathological_text_costs_linear_time(default_nlp, kind: str) -> None:
    make = PATHOLOGICAL_KINDS[kind]
    # each short text is another draw (the length seeds it): the long text's words are new to
    # the word memos, so the short ones must be too, or a memo hit is compared with a miss
    shorts = [make(SHORT_CHARS - k) for k in range(4)]
    short, long = shorts[1], make(SHORT_CHARS * GROWTH)
    cpu_seconds(default_nlp, shorts[0])  # warm lazy tables
    short_seconds = max(
        min(cpu_seconds(default_nlp, text) for text in shorts[1:]), SHORT_FLOOR_SECONDS
    )
    budget = LINEAR_SLACK * GROWTH * short_seconds * len(long) / (GROWTH * len(short))
    long_seconds = float("inf")
    for _ in range(2):  # a second try: on a loaded machine one measurement can be an outlier
        try:
            with time_limit(budget):  # the run's own CPU-time limit stops a hang in seconds
                long_seconds = min(long_seconds, cpu_seconds(default_nlp, long))
        except TimeLimitExceeded:
            pass
        if long_seconds <= budget:
            break
    assert long_seconds <= budget, (
        f"{kind}: {short_seconds:.3f}s for {len(short)} characters, "
        f"{long_seconds:.3f}s for {len(long)} (linear would be about {short_seconds * GROWTH:.2f}s)"
    )


# -- words, numbers and offsets -----------------------------------------------------------------


def test_long_words_are_no_noun_compounds_and_cost_no_time() -> None:
    assert is_noun_compound("Trinkwasserleitungen")
    assert is_noun_compound("Museumscard")  # a noun, a linking -s and any word
    assert not is_noun_compound("Hansaplatz")  # a part no dictionary knows
    # the bound: a compound of 80 letters is read, a longer run of letters is not
    assert is_noun_compound("Messe" * (MAX_WORD_CHARS // 5))
    assert not is_noun_compound("Messe" * (MAX_WORD_CHARS // 5 + 1))
    start = time.process_time()
    is_noun_compound("Ab" + "c" * 10_000)
    assert time.process_time() - start < cpu_seconds_of_one_compound() * 50


def cpu_seconds_of_one_compound() -> float:
    """What deciding one 80-letter word costs, the most a word may cost."""
    is_noun_compound.cache_clear()
    start = time.process_time()
    is_noun_compound("Messe" * (MAX_WORD_CHARS // 5 - 1) + "platz")
    return max(time.process_time() - start, 0.001)


def test_numbers_beyond_float_range_give_no_value() -> None:
    assert parse_digits("9" * 308) == float("9" * 308)
    assert parse_digits("9" * 309) is None
    assert parse_numeral("1" + "0" * 400) is None
    assert finite_float(Decimal("1e400")) is None


@pytest.mark.parametrize(
    "huge",
    ["9" * 400, "1" + ".000" * 110, "9" * 400 + ",5", "9" * 305 + " Millionen"],
)
def test_a_number_too_large_for_a_float_gives_no_figure(default_nlp, huge: str) -> None:
    text = f"Zum Fest kamen 800 Gäste und {huge} Besucher."
    figures = extract(text, nlp=default_nlp)["figures"]
    assert list(figures["value"]) == [800]
    assert all(math.isfinite(v) for v in figures["value"])


def test_a_range_with_an_end_too_large_gives_no_figure(default_nlp) -> None:
    figures = extract(f"Es kamen zwischen 500 und {'9' * 400} Besucher.", nlp=default_nlp)
    assert figures["figures"].empty


@pytest.mark.parametrize("bom", ["\ufeff", "\ufeff\ufeff"])
def test_offsets_count_a_leading_byte_order_mark(default_nlp, bom: str) -> None:
    plain = "Am 3. Mai 2019 kamen 500 Besucher in die Grugahalle nach Essen."
    with_bom = extract(bom + plain, nlp=default_nlp)
    without = extract(plain, nlp=default_nlp)
    for table in ("dates", "places", "figures"):
        rows = with_bom[table]
        assert not rows.empty, table
        for _, row in rows.iterrows():
            assert (bom + plain)[row["start_char"] : row["end_char"]] == row["text"]
        assert list(rows["start_char"]) == [s + len(bom) for s in without[table]["start_char"]]


def test_a_long_run_without_spaces_keeps_its_text_and_offsets(default_nlp) -> None:
    run = "".join(random.Random(3).choice("abc.,;!?-1") for _ in range(2 * MAX_RUN + 500))
    text = f"Am 3. Mai {run} kamen 500 Besucher."
    doc = default_nlp.make_doc(text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)
    assert max(len(t) for t in doc) <= MAX_RUN
    # text without such runs is tokenized exactly as spaCy's own tokenizer does it
    plain = "Die Messe (rund 500 Aussteller!) öffnet am 3.5.2019 um 10:30 Uhr."
    assert [t.text for t in default_nlp.make_doc(plain)] == [
        t.text for t in default_nlp.tokenizer.tokenizer(plain)
    ]
