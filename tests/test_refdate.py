"""Reference dates: front matter, metadata, datelines, option, in that order."""

import datetime as dt
import logging

import pytest

from pipeline.refdate import find_dateline, parse_date, parse_user_date, resolve_reference_date
from pipeline.temporal.grammar import find_expressions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Neustart gelungen\nMünster, den 1. Oktober 2022\nNach vier Tagen", dt.date(2022, 10, 1)),
        ("14.03.2008, Essen\nDie Messe schloss", dt.date(2008, 3, 14)),
        ("Stand 22.09.2023, 22:30 Uhr\nText", dt.date(2023, 9, 22)),
        ("Fest\nVeröffentlicht am 24.07.2016 | Lesedauer: 2 Minuten", dt.date(2016, 7, 24)),
        ("Titel\n\n21. Oktober 2019\n\nBayern ist Vorsitzland", dt.date(2019, 10, 21)),
    ],
)
def test_datelines(text: str, expected: dt.date) -> None:
    assert find_dateline(text) == expected


def test_no_dateline_in_running_text() -> None:
    text = (
        "Am 22.10.2019 waren wir mit einem kleinen Team von drei Leuten in Berlin unterwegs, "
        "um uns auf der Messe einen Eindruck zu verschaffen."
    )
    assert find_dateline(text) is None


def test_precedence() -> None:
    text = "Essen, den 12. März 2023\nDie Messe"
    option = dt.date(2020, 1, 1)
    assert resolve_reference_date({"date": "2023-05-14"}, "2022-01-02", text, option) == (
        dt.date(2023, 5, 14),
        "front_matter",
    )
    assert resolve_reference_date({}, "2022-01-02", text, option) == (
        dt.date(2022, 1, 2),
        "metadata",
    )
    assert resolve_reference_date({}, "", text, option) == (dt.date(2023, 3, 12), "dateline")
    assert resolve_reference_date({}, None, "Kein Datum hier", option) == (option, "option")
    assert resolve_reference_date({}, None, "Kein Datum hier", None) == (None, "none")


def test_partial_metadata_date_is_first_of_month() -> None:
    assert resolve_reference_date({}, "2017-03", "", None) == (dt.date(2017, 3, 1), "metadata")


def test_invalid_calendar_date_is_ignored() -> None:
    assert parse_date("31.02.2020") is None


def test_dateline_sharing_its_line_with_the_text() -> None:
    text = (
        "Hannover, 14. April 2024 – Die Deutsche Messe AG meldet für ihre Frühjahrsmesse mehr "
        "Aussteller als im Vorjahr und rechnet mit deutlich mehr Fachbesuchern aus Übersee.\n"
    )
    assert find_dateline(text) == dt.date(2024, 4, 14)
    assert find_dateline("Köln, 3.5.2023 - Der Verband lädt ein.") == dt.date(2023, 5, 3)


@pytest.mark.parametrize(
    "value", ["14. April 2024", "14.04.24", "April 14, 2024", "2024-04-14", "14.4.2024"]
)
def test_user_dates_in_common_forms(value: str) -> None:
    assert parse_user_date(value) == dt.date(2024, 4, 14)


@pytest.mark.parametrize("value", ["irgendwann", "gestern", "Montag", "31.02.2020", "mit"])
def test_user_dates_that_are_none_fail_with_the_value_named(value: str) -> None:
    with pytest.raises(ValueError, match=repr(value)):
        parse_user_date(value)


def test_iso_shaped_user_dates_day_before_month_still_read() -> None:
    assert parse_user_date("2024-14-04") == dt.date(2024, 4, 14)  # dateparser: YYYY-DD-MM


def test_unreadable_given_dates_warn_and_fall_through(caplog) -> None:
    text = "Essen, den 12. März 2023\nDie Messe"
    with caplog.at_level(logging.WARNING, logger="pipeline"):
        got = resolve_reference_date({"date": "bald"}, "später", text, None, where="a/b.txt")
    assert got == (dt.date(2023, 3, 12), "dateline")
    assert "a/b.txt: front matter 'date:'" in caplog.text and "'bald'" in caplog.text
    assert "metadata CSV 'reference_date'" in caplog.text and "'später'" in caplog.text


def test_report_without_reference_date_is_named_in_the_debug_log(caplog) -> None:
    with caplog.at_level(logging.DEBUG, logger="pipeline"):
        assert resolve_reference_date({}, None, "Kein Datum", None, where="x.txt") == (
            None,
            "none",
        )
    assert [
        (r.levelno, r.getMessage().startswith("x.txt: no reference date")) for r in caplog.records
    ] == [(logging.DEBUG, True)]


def test_a_run_warns_once_with_the_count_of_undated_reports(caplog) -> None:
    from pipeline.batch import DocumentResult
    from pipeline.run import RunSummary

    summary = RunSummary()
    for source in ("none", "dateline", "none", "metadata"):
        summary.add(DocumentResult({"status": "ok", "reference_date_source": source}, {}))
    with caplog.at_level(logging.INFO, logger="pipeline"):
        summary.warn_undated()
        RunSummary().warn_undated()  # nothing to say
    assert [r.getMessage() for r in caplog.records] == [
        "2 of 4 documents have no reference date (no front matter date, metadata row, dateline, "
        "--reference-date or full date of an occasion in the text): their relative dates are "
        "listed without a value (their documents.reference_date_source is 'none')"
    ]
    assert [r.levelno for r in caplog.records] == [logging.WARNING]


def test_bad_reference_date_option_exits_2(tmp_path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    (tmp_path / "in").mkdir()
    result = CliRunner().invoke(
        app,
        ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--reference-date", "bald"],
    )
    assert result.exit_code == 2
    assert "--reference-date" in result.output and "'bald'" in result.output


@pytest.mark.parametrize(
    "text",
    [
        "am vierzehnten April zweitausendvierundzwanzig",
        "zu Ostern im Jahre zweitausend",
        "Anfang Mai letzten Jahres",
        "im Sommer des vergangenen Jahres, am ersten Juni",
    ],
)
def test_the_grammar_reads_years_from_digits_only(text: str) -> None:
    """What lets the dateline search pass over lines without a digit: no full date there."""
    assert all(e.spec.year is None for e in find_expressions(text))


def test_dateline_after_titles_without_digits() -> None:
    text = "Stadtfest in Neustadt\nDie Altstadt feiert\nNeustadt, 3. Mai 2025\nDer Text beginnt."
    assert find_dateline(text) == dt.date(2025, 5, 3)
