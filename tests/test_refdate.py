"""Reference dates: front matter, metadata, datelines, option, in that order."""

import datetime as dt

import pytest

from pipeline.refdate import find_dateline, parse_date, resolve_reference_date


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
