"""The last source of a reference date: a full date of an occasion in the report's running text
(documents.reference_date_source ``text``), after every date a user or a dateline gives."""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
from pathlib import Path

import pytest

import pipeline.batch
import pipeline.read
import pipeline.refdate
from pipeline.batch import Job, process_batch
from pipeline.refdate import TEXT_DATE_CHARS, find_text_date, resolve_reference_date
from pipeline.run import run

# Invented reports: no dateline among the first lines, the occasion's day in the body.
BODY_DATE = (
    "Sommerfest im Ortsteil Lindenau\n"
    "Gute Stimmung trotz Regen\n\n"
    "Der Bürgerverein hatte eingeladen, und viele kamen. Am 6. Juli 2024 feierten rund 800 Gäste "
    "auf dem Dorfplatz. Schon am Freitag hatten Helfer die Zelte aufgebaut.\n"
)
ONLY_RANGES = (
    "Fachtagung Wasserbau\n\n"
    "Die Fachtagung fand vom 11. bis 13. September 2023 in der Stadthalle statt. Von 2019 bis "
    "2022 war sie in Nachbarorten zu Gast.\n"
)


def test_a_full_date_in_the_body_is_the_reference_when_nothing_else_gives_one() -> None:
    assert find_text_date(BODY_DATE) == dt.date(2024, 7, 6)
    assert resolve_reference_date({}, None, BODY_DATE, None) == (dt.date(2024, 7, 6), "text")


def test_a_range_gives_its_first_day_and_a_range_of_years_nothing() -> None:
    assert resolve_reference_date({}, None, ONLY_RANGES, None) == (dt.date(2023, 9, 11), "text")
    years_only = "Chronik\n\nVon 2019 bis 2022 wuchs der Markt, im Jahr 2023 kamen 5.000 Gäste."
    assert resolve_reference_date({}, None, years_only, None) == (None, "none")


def test_given_dates_datelines_and_the_option_come_first() -> None:
    dated = "Lindenau, 8. Juli 2024\n\n" + BODY_DATE
    option = dt.date(2020, 1, 1)
    assert resolve_reference_date({}, None, dated, None) == (dt.date(2024, 7, 8), "dateline")
    assert resolve_reference_date({}, "2024-07-09", BODY_DATE, None) == (
        dt.date(2024, 7, 9),
        "metadata",
    )
    assert resolve_reference_date({"date": "2024-07-10"}, None, BODY_DATE, None) == (
        dt.date(2024, 7, 10),
        "front_matter",
    )
    assert resolve_reference_date({}, None, BODY_DATE, option) == (option, "option")


def test_the_text_is_not_searched_when_a_date_is_given(monkeypatch) -> None:
    def fail(text: str) -> None:
        raise AssertionError("searched")

    monkeypatch.setattr(pipeline.refdate, "find_text_date", fail)
    dated = "Lindenau, 8. Juli 2024\n\n" + BODY_DATE
    assert resolve_reference_date({}, "2024-07-09", BODY_DATE, None)[1] == "metadata"
    assert resolve_reference_date({}, None, dated, None)[1] == "dateline"
    assert resolve_reference_date({}, None, BODY_DATE, dt.date(2020, 1, 1))[1] == "option"
    with pytest.raises(AssertionError, match="searched"):
        resolve_reference_date({}, None, BODY_DATE, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day announced for later: the report was written before it, and its year may be the
        # next edition's; the occasion of the report itself comes later in the text
        (
            "Die nächste Messe findet vom 2. bis 4. Mai 2025 statt.\n"
            "Am 4. Mai 2024 kamen 3.000 Besucher.",
            dt.date(2024, 5, 4),
        ),
        ("Gefeiert wird das Jubiläum dann am 14. November 2026 im Pfarrsaal.", None),
        ("Das Konzert soll am 3. Oktober 2025 in der Kirche beginnen.", None),
        # a day talked about, not one something happens on
        ("Der 3. März 1911 blieb allen in Erinnerung, sagt die Chronik.", None),
        ("Seit 1. März 2021 hat der Verein einen neuen Vorstand.", None),
        # a date alone on its line, as under a page's headline
        (
            "Ferienspiele im Jugendhaus\n\nDienstag, 6. August 2021, 16:45 Uhr\n\nDas Jugendhaus "
            "meldet volle Kurse.",
            dt.date(2021, 8, 6),
        ),
        ("Vereinsfest\nStand: 03.05.2022\nViele Gäste kamen.", dt.date(2022, 5, 3)),
        # the past sentence before an announcing one keeps its date; an abbreviation's point
        # before a year ends no sentence
        ("Die Schau öffnete am 3. Okt. 2024. Sie wird bis Ende Mai bleiben.", dt.date(2024, 10, 3)),
        (
            "Am 12. Mai 2023 eröffnete die Schau. Die nächste folgt im Herbst.",
            dt.date(2023, 5, 12),
        ),
    ],
)
def test_which_dates_name_the_reports_own_time(text: str, expected: dt.date | None) -> None:
    assert find_text_date(text) == expected


def test_only_the_start_of_the_text_is_read() -> None:
    filler = "Die Gäste kamen zahlreich und blieben lange auf dem Platz.\n"
    late = filler * (TEXT_DATE_CHARS // len(filler) + 1) + "Am 6. Juli 2024 war Markt.\n"
    assert find_text_date(late) is None
    assert find_text_date(filler * 10 + "Am 6. Juli 2024 war Markt.\n") == dt.date(2024, 7, 6)


def test_the_grammar_reads_only_lines_with_a_year(monkeypatch) -> None:
    read: list[str] = []
    grammar = pipeline.refdate.find_expressions
    monkeypatch.setattr(
        pipeline.refdate, "find_expressions", lambda line: read.append(line) or grammar(line)
    )
    text = (
        "Ein Titel ohne Zahl\nDer Markt am Samstag\nHier stehen 300 Buden.\n"
        "Der Markt wurde 1998 gegründet.\nAm 6. Juli 2024 war Markt.\nAm 7. Juli 2024 auch.\n"
    )
    assert find_text_date(text) == dt.date(2024, 7, 6)
    assert read == [
        "Der Markt wurde 1998 gegründet.",
        "Am 6. Juli 2024 war Markt.",
        "Am 7. Juli 2024 auch.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a look back first, the report's day after it: the latest year wins
        (
            "Seit der Eröffnung am 4. Mai 1998 wächst der Markt.\nAm 6. Juli 2024 war Markt.",
            dt.date(2024, 7, 6),
        ),
        # the first of the latest year's days
        ("Am 6. Juli 2024 war Markt.\nAm 2. Juli 2024 war Aufbau.", dt.date(2024, 7, 6)),
        # history and deadlines are no report's day
        ("Der Verein wurde am 12. Juni 1950 gegründet. Gestern feierte er.", None),
        ("Geboren wurde die Jubilarin am 4. Juli 1960 in Lindach.", None),
        ("Anmeldeschluss ist am 3. Mai 2024.", None),
        ("Die Gebühr ist am 1. März 2024 fällig.", None),
    ],
)
def test_latest_year_and_no_history_or_deadline(text: str, expected) -> None:
    assert find_text_date(text) == expected


def _tables(folder: Path, out: Path, nlp) -> dict[str, str]:
    run(folder, out, nlp=nlp, quiet=True, cache=False)
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob("*.csv"))}


def _documents(tables: dict[str, str]) -> dict[str, dict[str, str]]:
    return {r["doc_id"]: r for r in csv.DictReader(io.StringIO(tables["documents.csv"]))}


def test_a_run_anchors_relative_dates_on_the_text_date(tmp_path: Path, blank_nlp) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "fest.txt").write_text(BODY_DATE, encoding="utf-8")
    (folder / "ohne.txt").write_text("Am Samstag kamen 300 Gäste zum Markt.", encoding="utf-8")
    tables = _tables(folder, tmp_path / "out", blank_nlp)
    docs = _documents(tables)
    assert (docs["fest"]["reference_date"], docs["fest"]["reference_date_source"]) == (
        "2024-07-06",
        "text",
    )
    assert (docs["ohne"]["reference_date"], docs["ohne"]["reference_date_source"]) == ("", "none")
    dates = {
        (r["doc_id"], r["text"]): r["value"]
        for r in csv.DictReader(io.StringIO(tables["dates.csv"]))
    }
    # "am Freitag" in a past clause: the Friday before the Saturday of the occasion
    assert dates[("fest", "am Freitag")] == "2024-07-05"
    assert dates[("ohne", "Am Samstag")] == ""


def test_the_text_date_does_not_depend_on_pieces_or_streaming(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blank_nlp
) -> None:
    """The date stands far after the first piece: every piece, read whole or streamed, is
    anchored on it."""
    paragraph = "Am Samstag zählte der Markt in Lindenau rund 400 Gäste aus der Region.\n\n"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "lang.txt").write_text(
        "Wochenmarkt Lindenau\n\n"
        + paragraph * 40
        + "Am 6. Juli 2024 war Markt.\n\n"
        + paragraph * 40,
        encoding="utf-8",
    )
    (folder / "kurz.txt").write_text(BODY_DATE, encoding="utf-8")
    whole = _tables(folder, tmp_path / "whole", blank_nlp)
    monkeypatch.setattr(pipeline.batch, "CHUNK_CHARS", 700)
    monkeypatch.setattr(pipeline.read, "BLOCK_BYTES", 1_000)
    cut = _tables(folder, tmp_path / "cut", blank_nlp)  # read whole, analysed in pieces
    monkeypatch.setattr(pipeline.batch, "STREAM_BYTES", 2_000)
    streamed = _tables(folder, tmp_path / "streamed", blank_nlp)
    assert cut == whole and streamed == whole
    assert _documents(whole)["lang"]["reference_date_source"] == "text"
    values = [
        r["value"]
        for r in csv.DictReader(io.StringIO(whole["dates.csv"]))
        if r["doc_id"] == "lang" and r["text"] == "Am Samstag"
    ]
    assert len(values) == 80 and set(values) == {"2024-07-06"}


def test_the_run_counts_guessed_and_undated_reports_apart(caplog) -> None:
    from pipeline.batch import DocumentResult
    from pipeline.run import RunSummary

    summary = RunSummary()
    for source in ("none", "text", "text", "dateline", "metadata"):
        summary.add(DocumentResult({"status": "ok", "reference_date_source": source}, {}))
    with caplog.at_level(logging.INFO, logger="pipeline"):
        summary.warn_undated()
    assert [(r.levelno, r.getMessage()[:12]) for r in caplog.records] == [
        (logging.INFO, "2 of 5 docum"),
        (logging.WARNING, "1 of 5 docum"),
    ]
    assert "guessed from a date in their text" in caplog.records[0].getMessage()


def test_process_batch_gives_the_text_source(tmp_path: Path, blank_nlp) -> None:
    path = tmp_path / "fest.txt"
    path.write_text(ONLY_RANGES, encoding="utf-8")
    (result,) = process_batch(blank_nlp, [Job("fest", path)])
    assert result.document["reference_date"] == dt.date(2023, 9, 11)
    assert result.document["reference_date_source"] == "text"
