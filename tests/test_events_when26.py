"""Event days and places: a page dated to its month alone ("2024-03") pins no weekday, a day
written with its month still counts; a month given with the event's own name beats a day said
of it later; a weekend said to end it is its last day only; streets, a town's centre and
where people come from are no city or venue. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import pipeline
from pipeline.events.places import no_town
from pipeline.records import PlaceMention
from pipeline.refdate import month_only, parse_user_date, reference_iso


@pytest.fixture(scope="module")
def nlp(default_nlp):
    return default_nlp


def event_row(nlp, text: str, reference_date: str) -> pd.Series:
    events = pipeline.extract(text, nlp=nlp, reference_date=reference_date)["events"]
    assert len(events) == 1
    return events.iloc[0]


def event_days(nlp, text: str, reference_date: str) -> tuple[str | None, str | None, int | None]:
    row = event_row(nlp, text, reference_date)
    year = None if pd.isna(row["year"]) else int(row["year"])
    start = None if pd.isna(row["start"]) else str(row["start"])
    end = None if pd.isna(row["end"]) else str(row["end"])
    return start, end, year


def field(row: pd.Series, name: str) -> str | None:
    return None if pd.isna(row[name]) else str(row[name])


KITE_DAYS = (
    "Bei böigem Wind ließen Familien am Samstag und Sonntag beim Drachenfest in Adorf "
    "ihre Drachen steigen."
)


def test_a_weekday_on_a_page_dated_to_its_month_gives_no_day(nlp) -> None:
    assert event_days(nlp, KITE_DAYS, "2024-03") == (None, None, 2024)


def test_a_weekday_on_a_page_dated_to_its_day_gives_the_day(nlp) -> None:
    assert event_days(nlp, KITE_DAYS, "2024-03-11") == ("2024-03-09", "2024-03-10", 2024)


def test_a_day_written_with_its_month_is_kept(nlp) -> None:
    text = "Beim Drachenfest in Adorf am Samstag, 9. März, stiegen 200 Drachen in den Himmel."
    assert event_days(nlp, text, "2024-03") == ("2024-03-09", "2024-03-09", 2024)


def test_a_day_in_another_month_does_not_date_the_event(nlp) -> None:
    # the deadline of a raffle named in passing, not the fair's day: its year is a guess
    text = (
        "Am Sonntag zog die Modellbahnbörse in Adorf viele Sammler an. "
        "Lose für die Tombola gibt es noch bis zum 14. Juni im Rathaus."
    )
    assert event_days(nlp, text, "2024-03") == (None, None, 2024)


def test_a_month_reference_keeps_that_it_is_one() -> None:
    day = parse_user_date("2024-03")
    assert day == dt.date(2024, 3, 1) and month_only(day)
    assert not month_only(parse_user_date("2024-03-01"))
    assert not month_only(day.replace(day=5))


def test_a_holiday_on_a_page_dated_to_its_month_gives_its_day(nlp) -> None:
    # the year alone fixes a holiday, unlike "am Samstag"
    text = "Am Pfingstmontag feierte der Musikverein Adorf sein Sommerfest auf dem Festplatz."
    assert event_days(nlp, text, "2024-06") == ("2024-05-20", "2024-05-20", 2024)


def test_a_holiday_in_another_month_than_the_page_still_dates_the_event(nlp) -> None:
    text = (
        "Der Ostermarkt in Adorf zog viele Familien an. "
        "Schon an Ostern drängten sich Besucher zwischen den Ständen."
    )
    assert event_days(nlp, text, "2024-06") == ("2024-03-31", "2024-03-31", 2024)


def test_a_day_reckoned_from_a_month_reference_is_a_plain_day() -> None:
    month = parse_user_date("2024-03")
    for day in (month + dt.timedelta(days=9), dt.timedelta(days=9) + month):
        assert day == dt.date(2024, 3, 10) and not month_only(day)
    assert not month_only(month - dt.timedelta(days=1))
    assert month - dt.date(2024, 2, 1) == dt.timedelta(days=29)
    assert reference_iso(month + dt.timedelta(days=0)) == "2024-03-01"
    assert (reference_iso(month), reference_iso(dt.date(2024, 3, 1))) == ("2024-03", "2024-03-01")


def test_a_month_reference_given_as_an_object_stays_a_month(nlp) -> None:
    # the same weekday text as above: no Saturday is read against the month alone
    month = parse_user_date("2024-03")
    doc = nlp("Am Samstag feierte Adorf.")
    doc._.reference_date = month
    assert month_only(doc._.reference_date)
    events = pipeline.extract(KITE_DAYS, nlp=nlp, reference_date=month)["events"]
    assert events["start"].isna().all()


def test_the_manifest_records_a_month_reference_as_a_month(tmp_path) -> None:
    import json

    from pipeline.manifest import MANIFEST, write_manifest

    options = {"reference_date": parse_user_date("2024-03"), "day": dt.date(2024, 3, 5)}
    write_manifest(tmp_path, "csv", {}, {"options": options})
    written = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))["options"]
    assert written == {"reference_date": "2024-03", "day": "2024-03-05"}
    assert month_only(parse_user_date(written["reference_date"]))


@pytest.mark.parametrize("street", ["Straße", "Allee", "Gasse", "Ring"])
def test_a_street_named_after_a_town_is_not_the_events_city(nlp, street: str) -> None:
    text = (
        "Beim Kürbisfest am Sonntag drängten sich die Besucher zwischen den Ständen "
        f"in der Reutlinger {street}. Die Kinder schnitzten Fratzen."
    )
    assert field(event_row(nlp, text, "2024-10-07"), "city") is None


def test_a_town_adjective_before_a_hall_still_names_the_city(nlp) -> None:
    text = "Beim Kürbisfest am Sonntag drängten sich die Besucher in der Reutlinger Stadthalle."
    assert field(event_row(nlp, text, "2024-10-07"), "city") == "Reutlingen"


def test_a_street_the_event_is_held_in_is_not_its_town() -> None:
    def place(name: str, kind: str) -> PlaceMention:
        return PlaceMention(0, len(name), name, name, kind, source="ner")

    assert no_town(place("Lindenstraße", "other"))
    assert no_town(place("Mühlheimer Straße", "other"))
    assert no_town(place("Kastanienallee", "other"))
    # a town, and a hall, stay candidates
    assert not no_town(place("Reutlingen", "city"))
    assert not no_town(place("Stadthalle Reutlingen", "other"))


@pytest.mark.parametrize("area", ["der Region", "dem Kreis"])
def test_a_town_people_come_from_after_an_area_is_not_the_city(nlp, area: str) -> None:
    text = (
        "Rund 40 Drehorgelspieler erwartet der Heimatverein am Samstag in Tübingen. "
        f"Zu den Drehorgeltagen reisen sogar Spieler aus {area} Reutlingen an."
    )
    assert field(event_row(nlp, text, "2024-05-13"), "city") == "Tübingen"


def test_a_weekend_said_to_end_the_event_gives_its_last_day_only(nlp) -> None:
    text = "Die Tübinger Kunstmesse endete am Wochenende mit 5000 Besuchern."
    assert event_days(nlp, text, "2024-05-13") == (None, "2024-05-12", 2024)


def test_a_span_written_out_with_its_end_stays_whole(nlp) -> None:
    text = "Die Tübinger Kunstmesse vom 10. bis 12. Mai endete mit 5000 Besuchern."
    assert event_days(nlp, text, "2024-05-13") == ("2024-05-10", "2024-05-12", 2024)


def test_an_end_day_with_the_first_day_named_keeps_both(nlp) -> None:
    text = (
        "Die Tübinger Kunstmesse öffnete am Freitag ihre Tore. Am Sonntag endete "
        "die Kunstmesse mit 5000 Besuchern."
    )
    assert event_days(nlp, text, "2024-05-13") == ("2024-05-10", "2024-05-12", 2024)


def test_a_month_with_the_events_name_beats_a_day_said_of_it_later(nlp) -> None:
    text = (
        "Der Talheimer Bauernmarkt lief Mitte Mai bei bestem Wetter. "
        "Am Dienstag zog der Gemeinderat eine Bilanz zum Markt."
    )
    assert event_days(nlp, text, "2024-07-10") == ("2024-05", "2024-05", 2024)


def test_a_day_in_the_month_given_with_the_name_stays(nlp) -> None:
    text = (
        "Der Talheimer Bauernmarkt lief Mitte Mai bei bestem Wetter. "
        "Am Samstag, dem 18. Mai, kamen 3000 Gäste zum Markt."
    )
    start, _, _ = event_days(nlp, text, "2024-05-22")
    assert start == "2024-05-18"


@pytest.mark.parametrize("centre", ["Zentrum", "Stadtzentrum", "Ortskern"])
def test_a_towns_centre_is_no_venue(nlp, centre: str) -> None:
    text = f"Beim Frühlingsmarkt am Samstag drängten sich Tausende im Reutlinger {centre}."
    row = event_row(nlp, text, "2024-05-13")
    assert field(row, "venue") is None
    assert field(row, "city") == "Reutlingen"  # the centre is still in the town


def test_a_month_reference_option_has_a_cache_key_of_its_own() -> None:
    from pathlib import Path

    from pipeline.batch import Job
    from pipeline.cache import entry_key

    def key(reference: str | None) -> str:
        day = parse_user_date(reference) if reference else None
        return entry_key("0" * 64, Job("a", Path("a.txt"), default_reference_date=day))

    assert len({key("2024-03"), key("2024-03-01"), key(None)}) == 3
    assert key("2024-03") == key("2024-03")
