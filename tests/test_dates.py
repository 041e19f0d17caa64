"""Date extractor on real German sentences: absolute dates, ranges, relative expressions,
holidays, clock times, tense, and the words and numbers that must not become dates."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest

from pipeline import load_nlp

TUESDAY = dt.date(2019, 10, 22)  # the Smart Country Convention's first day


@pytest.fixture(scope="module")
def nlp():
    nlp = load_nlp(extract=False)
    nlp.add_pipe("german_dates", config={"on_error": "raise"})
    return nlp


def mentions(nlp, text: str, reference: dt.date | None = TUESDAY):
    doc = nlp.make_doc(text)
    doc._.reference_date = reference
    return nlp(doc)._.dates


def values(nlp, text: str, reference: dt.date | None = TUESDAY) -> list[str | None]:
    return [m.value for m in mentions(nlp, text, reference)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Messe öffnete am 22.10.2019 ihre Tore.", ["2019-10-22"]),
        ("Die Messe öffnete am 22.10.19 ihre Tore.", ["2019-10-22"]),
        ("Münster, den 1. Oktober 2022", ["2022-10-01"]),
        ("Anmeldeschluss ist der 22. Okt. 2019.", ["2019-10-22"]),
        ("Der Bericht erschien im Oktober 2019 im Netz.", ["2019-10"]),
        ("Stand: 2019-10-22", ["2019-10-22"]),
        (
            "Die erste Jobbörse, die im Februar 2016 stattfand, richtete sich an Geflüchtete.",
            ["2016-02"],
        ),
        ("Im Herbst 2019 folgt die zweite Runde.", ["2019-FA"]),
        ("Im Jahr 2019 kamen mehr Gäste.", ["2019"]),
        ("Der Verein besteht seit 2015.", ["2015"]),
        ("Für das Jahr 2030 plant die Stadt einen Neubau.", ["2030"]),
        ("Im Jahr 2016 kamen 5.200 Aussteller.", ["2016"]),
        ("2016 kamen 5.200 Aussteller.", ["2016"]),
        ("Deutliche Steigerung gegenüber 2015 und 2016", ["2015", "2016"]),
        ("2014 waren es 50.000 Gäste.", ["2014"]),
        ("Das Museum (2000 Besucher) war voll.", []),
        ("Es kamen 2000 Besucher und rund 2019 Gäste.", []),
    ],
)
def test_absolute_dates(nlp, text: str, expected: list[str]) -> None:
    assert values(nlp, text) == expected


def test_month_covers_its_days(nlp) -> None:
    (month,) = mentions(nlp, "Der Bericht erschien im Oktober 2019.")
    assert (month.start, month.end, month.granularity, month.relative) == (
        "2019-10-01", "2019-10-31", "month", False,
    )  # fmt: skip


def test_partial_date_takes_year_from_context(nlp) -> None:
    text = "Die Messe startete am 12.04.2018 in Essen. Am 3.5. folgte die Bilanz."
    assert values(nlp, text) == ["2018-04-12", "2018-05-03"]
    assert values(nlp, "Am 3.5. folgte die Bilanz.", dt.date(2017, 6, 1)) == ["2017-05-03"]


def test_part_of_month_takes_year_of_preceding_date(nlp) -> None:
    text = (
        "Das CCH verbuchte 2016 insgesamt 226 Veranstaltungen. Zum Kongress kamen Anfang "
        "Dezember mehr als 40 Außenminister."
    )
    found = mentions(nlp, text, dt.date(2017, 1, 26))
    assert [m.value for m in found] == ["2016", "2016-12"]
    assert (found[1].start, found[1].end) == ("2016-12-01", "2016-12-10")


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        (
            "Die Smart Country Convention findet vom 22.–24. Oktober 2019 statt.",
            TUESDAY,
            "2019-10-22/2019-10-24",
        ),
        ("Die Tage der offenen Tür sind am 7.-9.11. geplant.", TUESDAY, "2019-11-07/2019-11-09"),
        ("Die Messe läuft vom 22. bis 24.10. in Berlin.", TUESDAY, "2019-10-22/2019-10-24"),
        (
            "Dafür kamen vom 19. bis zum 21. Juli 2013 Programmierer zusammen.",
            None,
            "2013-07-19/2013-07-21",
        ),
        (
            "Die Ausstellung ist vom 22. Oktober bis 3. November 2019 zu sehen.",
            TUESDAY,
            "2019-10-22/2019-11-03",
        ),
        (
            "Das Fest fand zwischen dem 1. und 3. Mai statt.",
            dt.date(2019, 6, 1),
            "2019-05-01/2019-05-03",
        ),
        ("Die Konferenz läuft von Dienstag bis Donnerstag.", TUESDAY, "2019-10-22/2019-10-24"),
        (
            "Von Donnerstag, 24. Oktober 2019, bis Freitag, 25. Oktober 2019, lädt der "
            "Ministerpräsident ein.",
            None,
            "2019-10-24/2019-10-25",
        ),
    ],
)
def test_ranges(nlp, text: str, reference: dt.date | None, expected: str) -> None:
    assert values(nlp, text, reference) == [expected]


def test_clock_time_range_on_the_stated_day(nlp) -> None:
    text = "Am 22.10.2019 ist die Messe von 10 bis 18 Uhr geöffnet."
    assert values(nlp, text) == ["2019-10-22", "2019-10-22T10:00/2019-10-22T18:00"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Heute beginnt die Messe.", "2019-10-22"),
        ("Gestern wurde die Halle aufgebaut.", "2019-10-21"),
        ("Vorgestern kamen die ersten Aussteller.", "2019-10-20"),
        ("Morgen beginnt der zweite Messetag.", "2019-10-23"),
        ("Übermorgen endet die Messe.", "2019-10-24"),
        ("Am Dienstagmorgen geht es los.", "2019-10-22"),
        ("Vergangenen Dienstag war die Halle noch leer.", "2019-10-15"),
        ("Letzten Dienstag war die Halle noch leer.", "2019-10-15"),
        ("Kommenden Dienstag geht es weiter.", "2019-10-29"),
        ("Nächsten Dienstag geht es weiter.", "2019-10-29"),
        ("Letzte Woche wurde aufgebaut.", "2019-W42"),
        ("Nächste Woche wird abgebaut.", "2019-W44"),
        ("Im vergangenen Jahr kamen weniger Gäste.", "2018"),
        ("Das ist mehr als im Vorjahr.", "2018"),
        ("Die diesjährigen Unternehmertage sind zu Ende.", "2019"),
        ("In diesem Jahr stehen mobile Anwendungen im Fokus.", "2019"),
        ("Dieses Jahr stellten rund 6.500 Firmen aus.", "2019"),
        ("Vor zwei Wochen wurde der Vertrag unterschrieben.", "2019-10-08"),
        ("Die Lange Nacht wurde vor zwanzig Jahren erfunden.", "1999"),
        ("In drei Tagen beginnt der Aufbau.", "2019-10-25"),
    ],
)
def test_relative_expressions(nlp, text: str, expected: str) -> None:
    assert values(nlp, text) == [expected]


def test_dienstag_morgen_is_tuesday_morning_not_tomorrow(nlp) -> None:
    found = mentions(nlp, "Am Dienstag morgen geht es um halb sieben Richtung Berlin.")
    assert [m.value for m in found] == ["2019-10-22", "2019-10-22T06:30"]
    assert found[0].start.startswith("2019-10-22T")  # the morning window


def test_weekday_follows_tense(nlp) -> None:
    thursday = dt.date(2019, 10, 24)
    assert values(nlp, "Am Dienstag besuchten wir die Messe.", thursday) == ["2019-10-22"]
    assert values(nlp, "Am Dienstag werden wir die Messe besuchen.", thursday) == ["2019-10-29"]
    assert values(nlp, "Stärkster Messetag war der Donnerstag.", dt.date(2022, 10, 1)) == [
        "2022-09-29"
    ]


def test_weekday_resolves_inside_the_stated_event_span(nlp) -> None:
    text = (
        "Dafür kamen vom 19. bis zum 21. Juli 2013 Programmierer zusammen. Die Teams haben "
        "ihre Prototypen am Sonntagnachmittag vorgestellt."
    )
    assert values(nlp, text, dt.date(2013, 7, 19)) == ["2013-07-19/2013-07-21", "2013-07-21"]


def test_weekend_in_a_past_report(nlp) -> None:
    text = "Am Wochenende habe das Wetter wieder mitgespielt, sagte Wacker."
    assert values(nlp, text, dt.date(2016, 7, 24)) == ["2016-07-23/2016-07-24"]


def test_duration_in_past_clause_is_no_date(nlp) -> None:
    assert values(nlp, "In drei Tagen entwickelten die Teams eine App.") == []
    assert values(nlp, "Der Verein ist seit 20 Jahren aktiv.") == []


@pytest.mark.parametrize(
    ("text", "name", "year"),
    [
        ("An Ostern 2019 blieb die Halle geschlossen.", "Ostermontag", 2019),
        ("Pfingstmontag 2020 ist die Messe zu.", "Pfingstmontag", 2020),
        ("Christi Himmelfahrt 2018 fiel auf einen Donnerstag.", "Christi Himmelfahrt", 2018),
        ("Am Tag der Deutschen Einheit 2021 war Ruhetag.", "Tag der Deutschen Einheit", 2021),
        ("Karfreitag 2024 bleibt die Messe zu.", "Karfreitag", 2024),
    ],
)
def test_holidays_agree_with_the_holidays_library(nlp, text, name, year) -> None:
    official = {n: d for d, n in holidays.Germany(years=year, language="de").items()}
    (value,) = values(nlp, text)
    expected = official[name]
    if name == "Ostermontag":  # "Ostern" is Easter Sunday, the day before
        expected -= dt.timedelta(days=1)
    assert value == expected.isoformat()


def test_holidays_without_year_follow_tense(nlp) -> None:
    assert values(nlp, "Weihnachten feiern wir in Berlin.") == ["2019-12-25"]
    assert values(nlp, "Silvester war die Halle voll.", dt.date(2020, 1, 10)) == ["2019-12-31"]
    assert values(nlp, "Im Advent 2019 öffnet der Markt.") == ["2019-12-01/2019-12-24"]
    text = "Letzte Veranstaltung war der Congress zwischen Weihnachten und Silvester."
    assert values(nlp, text, dt.date(2017, 1, 26)) == ["2016-12-25/2016-12-31"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Am 22.10.2019 beginnt um 15 Uhr der Vortrag.", "2019-10-22T15:00"),
        ("Am 22.10.2019 beginnt um 15.30 Uhr der Vortrag.", "2019-10-22T15:30"),
        ("Am 22.10.2019 beginnt um 15:30 der Vortrag.", "2019-10-22T15:30"),
        ("Am 22.10.2019 geht es um 9 Uhr morgens los.", "2019-10-22T09:00"),
        ("Am 22.10.2019 geht es um 8 Uhr abends los.", "2019-10-22T20:00"),
        ("Am 22.10.2019 geht es um halb sieben los.", "2019-10-22T06:30"),
        ("Am 22.10.2019 geht es um Viertel nach acht los.", "2019-10-22T08:15"),
        ("Am 22.10.2019 geht es gegen Viertel vor zehn los.", "2019-10-22T09:45"),
    ],
)
def test_clock_times_on_the_day_of_the_sentence(nlp, text: str, expected: str) -> None:
    assert values(nlp, text)[-1] == expected


def test_clock_times_take_the_day_the_preceding_text_fixes(nlp) -> None:
    text = (
        "Am Donnerstag, 24. Oktober 2019, 11.00 Uhr, begrüßt der Ministerpräsident die Gäste."
        "\n\nUm 11:15 Uhr fahren alle auf die Zugspitze.\n\nAm Freitag, 25. Oktober 2019, 9.00 "
        "Uhr, beginnt die Konferenz.\n\nUm 13:00 Uhr folgt die Pressekonferenz."
    )
    assert values(nlp, text, dt.date(2019, 10, 21)) == [
        "2019-10-24T11:00", "2019-10-24T11:15", "2019-10-25T09:00", "2019-10-25T13:00",
    ]  # fmt: skip


def test_combined_weekday_date_time_is_one_mention(nlp) -> None:
    found = mentions(nlp, "Am Donnerstag, 24. Oktober 2019, 11.00 Uhr, begrüßt er die Gäste.")
    assert len(found) == 1
    assert (found[0].value, found[0].granularity) == ("2019-10-24T11:00", "minute")


def test_time_without_day_is_time_only(nlp) -> None:
    assert values(nlp, "Um 15 Uhr geht es wieder Richtung Zug.", None) == ["T15:00"]


def test_open_end_does_not_move_the_day_of_later_times(nlp) -> None:
    text = (
        "Am Dienstag morgen geht es los. Dort findet bis Donnerstag die Messe statt. "
        "Um 15 Uhr geht es wieder Richtung Zug."
    )
    assert values(nlp, text) == ["2019-10-22", "2019-10-24", "2019-10-22T15:00"]


def test_without_reference_relative_dates_are_listed_unresolved(nlp) -> None:
    found = mentions(nlp, "Am Dienstag kamen wir an, gestern fuhren wir zurück.", None)
    assert [(m.text, m.value, m.relative) for m in found] == [
        ("Am Dienstag", None, True), ("gestern", None, True),
    ]  # fmt: skip
    assert values(nlp, "Die Messe endete am 25. August 2012.", None) == ["2012-08-25"]


def test_words_and_numbers_that_are_no_dates(nlp) -> None:
    text = (
        "Die Gäste kamen mit Don Camillo und Sam, die mit dem Zug anreisten. Die 13. Auflage "
        "der Messe und die 30. Langen Nacht der Museen: Tag 1 stand im Zeichen von Industrie "
        "4.0 und Smart City 2030. Tel. 0221 2015-123, Telefon 030/123 456 78, Fax +49 (0)30 "
        "2019 4455. Es kamen 2000 Besucher, das Ticket kostet 19,90 Euro, der Katalog hat 350 "
        "Seiten. Die Bestzeit lag bei 31:11, zwei Tage und 24 Stunden dauerte das Fest. "
        "Mi und Do sind Kürzel, die Version 2.1. ist neu."
    )
    assert mentions(nlp, text) == []


def test_scan_is_linear_on_pathological_input(nlp) -> None:
    text = ("1.2.3.4.5.6.7.8.9.0." * 3000) + ("Oktober Mai Juni " * 3000) + ("2019 " * 3000)
    found = mentions(nlp, text)
    assert all(m.value is None or m.value[:2] in ("19", "20", "T") for m in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Verhandlungsrunde findet am 28. und 29. April statt.", ["2020-04-28", "2020-04-29"]),
        ("Stand 22.09.2023, 22:30 Uhr", ["2023-09-22T22:30"]),
        ("Veröffentlicht: 2016-01-04T08:00:00+01:00", ["2016-01-04T08:00"]),
        ("« am: 25.02.2016, 15:21:52 »", ["2016-02-25T15:21"]),
        ("In der Saison 2015/16 spielte der Verein oben mit.", ["2015/2016"]),
        ("Am 7. März 1888 wurde die Kirche geweiht.", ["1888-03-07"]),
    ],
)
def test_more_written_forms(nlp, text: str, expected: list[str]) -> None:
    assert values(nlp, text, dt.date(2020, 3, 1)) == expected


def test_counted_periods_are_durations_unless_anchored(nlp) -> None:
    text = "In den letzten drei Jahren wuchs die Messe stark."
    assert values(nlp, text) == []  # a duration: gold-schema counts it as a figure
    anchored = load_nlp(extract=False)
    anchored.add_pipe("german_dates", config={"anchor_durations": True})
    assert values(anchored, text) == ["2016/2018"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Im Mai oder Juni 2025 folgt die nächste Runde.", ["2025-05", "2025-06"]),
        ("Am 3. Mai und 4. Juni 2025 wird gefeiert.", ["2025-05-03", "2025-06-04"]),
        (
            "Die Straße war am 2.3.2020 zwischen 8 und 9 Uhr gesperrt.",
            ["2020-03-02T08:00/2020-03-02T09:00"],
        ),
        ("Peter und August Müller kamen zur Messe.", []),
    ],
)
def test_coordinated_dates(nlp, text: str, expected: list[str]) -> None:
    assert values(nlp, text, dt.date(2020, 3, 1)) == expected
