"""Date extractor on real German sentences: absolute dates, ranges, relative expressions,
holidays, clock times, tense, and the words and numbers that must not become dates."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest

from pipeline import load_nlp

TUESDAY = dt.date(2019, 10, 22)  # the Smart Country Convention's first day


@pytest.fixture(scope="module")
def nlp(dates_nlp):
    return dates_nlp


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
        ("Göppingen, den 4. März 2021", ["2021-03-04"]),
        ("Anmeldeschluss ist der 22. Okt. 2019.", ["2019-10-22"]),
        ("Der Bericht erschien im Oktober 2019 im Netz.", ["2019-10"]),
        ("Stand: 2019-10-22", ["2019-10-22"]),
        (
            "Das erste Reparaturcafé, das im März 2017 öffnete, zog vor allem Rentner an.",
            ["2017-03"],
        ),
        ("Im Herbst 2019 folgt die zweite Runde.", ["2019-FA"]),
        ("Im Jahr 2019 kamen mehr Gäste.", ["2019"]),
        ("Der Verein besteht seit 2015.", ["2015"]),
        ("Für das Jahr 2030 plant die Stadt einen Neubau.", ["2030"]),
        ("Im Jahr 2016 kamen 5.200 Aussteller.", ["2016"]),
        ("2016 kamen 5.200 Aussteller.", ["2016"]),
        ("Ein klares Plus gegenüber 2013 und 2014", ["2013", "2014"]),
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
        "Die Stadthalle Xlingen zählte 2014 genau 173 Buchungen. Zur Tagung reisten Anfang "
        "November gut 60 Bürgermeister an."
    )
    found = mentions(nlp, text, dt.date(2015, 2, 9))
    assert [m.value for m in found] == ["2014", "2014-11"]
    assert (found[1].start, found[1].end) == ("2014-11-01", "2014-11-10")


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
            "Dazu trafen sich vom 8. bis zum 10. August 2014 Modellbauer in der Werkhalle.",
            None,
            "2014-08-08/2014-08-10",
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
        # a bare first day after the last one lies in the month before
        ("Der Kurs lief vom 28. bis 3. März 2020.", None, "2020-02-28/2020-03-03"),
        ("Die Ferienspiele liefen vom 29. bis 2. Januar 2021.", None, "2020-12-29/2021-01-02"),
        (
            "Von Mittwoch, 13. März 2024, bis Freitag, 15. März 2024, tagt der "
            "Kreistag im Rathaus.",
            None,
            "2024-03-13/2024-03-15",
        ),
    ],
)
def test_ranges(nlp, text: str, reference: dt.date | None, expected: str) -> None:
    assert values(nlp, text, reference) == [expected]


def test_clock_range_on_a_weekday_fixes_the_day_for_later_times(nlp) -> None:
    text = (
        "Am kommenden Samstag von 9 bis 17 Uhr öffnet die Hochschule ihre Werkstätten. "
        "Um 9.15 Uhr wird der Rektor die Gäste begrüßen."
    )
    assert values(nlp, text, dt.date(2026, 4, 21)) == [
        "2026-04-25T09:00/2026-04-25T17:00",
        "2026-04-25T09:15",
    ]


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
        ("Die diesjährigen Handwerkertage sind zu Ende.", "2019"),
        ("In diesem Jahr geht es vor allem um Solardächer.", "2019"),
        ("Dieses Jahr zeigten etwa 730 Betriebe ihre Neuheiten.", "2019"),
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


@pytest.mark.parametrize(
    "text",
    ["Wir trainieren jeden  Montag in der Halle.", "Wir trainieren (jeden) Montag in der Halle."],
)
def test_word_before_weekday_read_across_spaces_and_brackets(nlp, text: str) -> None:
    """ "jeden Montag" recurs: no date, however the article is set off from the weekday."""
    assert values(nlp, text) == []
    assert values(nlp, text.replace("jeden", "am")) == ["2019-10-21"]  # the day before


def test_weekday_follows_tense(nlp) -> None:
    thursday = dt.date(2019, 10, 24)
    assert values(nlp, "Am Dienstag besuchten wir die Messe.", thursday) == ["2019-10-22"]
    assert values(nlp, "Am Dienstag werden wir die Messe besuchen.", thursday) == ["2019-10-29"]
    assert values(nlp, "Der ruhigste Tag der Schau war der Donnerstag.", dt.date(2022, 10, 1)) == [
        "2022-09-29"
    ]


def test_weekday_resolves_inside_the_stated_event_span(nlp) -> None:
    text = (
        "Dazu trafen sich vom 8. bis zum 10. August 2014 Modellbauer in der Werkhalle. Die "
        "Gruppen haben ihre Loks am Sonntagnachmittag vorgeführt."
    )
    assert values(nlp, text, dt.date(2014, 8, 8)) == ["2014-08-08/2014-08-10", "2014-08-10"]


def test_weekend_in_a_past_report(nlp) -> None:
    text = "Am Wochenende sei der Andrang groß gewesen, berichtete Kessler."
    assert values(nlp, text, dt.date(2018, 6, 17)) == ["2018-06-16/2018-06-17"]


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
    text = "Zuletzt fand das Schachturnier zwischen Weihnachten und Silvester statt."
    assert values(nlp, text, dt.date(2018, 1, 15)) == ["2017-12-25/2017-12-31"]


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
        # every kind of word of time_clock_words.tsv: fraction, direction, minutes
        ("Am 22.10.2019 geht es um dreiviertel neun los.", "2019-10-22T08:45"),
        ("Am 22.10.2019 geht es um zehn nach acht los.", "2019-10-22T08:10"),
        ("Am 22.10.2019 geht es um 5 Minuten vor acht los.", "2019-10-22T07:55"),
    ],
)
def test_clock_times_on_the_day_of_the_sentence(nlp, text: str, expected: str) -> None:
    assert values(nlp, text)[-1] == expected


def test_clock_times_take_the_day_the_preceding_text_fixes(nlp) -> None:
    text = (
        "Am Donnerstag, 14. März 2024, 11.00 Uhr, begrüßt die Landrätin die Gäste."
        "\n\nUm 11:15 Uhr fahren alle zum Hafen.\n\nAm Freitag, 15. März 2024, 9.00 "
        "Uhr, beginnt die Konferenz.\n\nUm 13:00 Uhr folgt die Pressekonferenz."
    )
    assert values(nlp, text, dt.date(2024, 3, 11)) == [
        "2024-03-14T11:00", "2024-03-14T11:15", "2024-03-15T09:00", "2024-03-15T13:00",
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
        "der Messe und die 24. Offenen Gartentage: Tag 1 stand im Zeichen von Industrie "
        "4.0 und Smart City 2030. Tel. 0221 2015-123, Telefon 030/123 456 78, Fax +49 (0)30 "
        "2019 4455. Es kamen 2000 Besucher, das Ticket kostet 19,90 Euro, der Katalog hat 350 "
        "Seiten. Die Bestzeit lag bei 33:47, zwei Tage und 24 Stunden dauerte das Fest. "
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
        ("Die Verhandlungsrunde findet am 28. und 29. April statt.", ["2020-04-28/2020-04-29"]),
        ("Gefeiert wird am 3. und 10. Mai.", ["2020-05-03", "2020-05-10"]),
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
    text = "Der Chor hat sich in den letzten fünf Jahren verdoppelt."
    assert values(nlp, text) == []  # a duration: gold-schema counts it as a figure
    anchored = load_nlp(extract=False)
    anchored.add_pipe("german_dates", config={"anchor_durations": True})
    assert values(anchored, text) == ["2014/2018"]


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


# Generalisation cases (new sentences; each covers one general rule).


def test_clock_range_into_the_night_ends_next_day(nlp) -> None:
    text = "Das Hoffest am 14.6.2025 dauerte von 19 Uhr bis 2 Uhr nachts."
    assert values(nlp, text) == ["2025-06-14", "2025-06-14T19:00/2025-06-15T02:00"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a daypart noun in the sentence
        ("Am 5.4.2024 begann das Treffen. Der Abend klang gegen halb zehn aus.", "T21:30"),
        # the order of clock times on the day: after 14 Uhr, "gegen acht" is the evening
        ("Am 5.4.2024 startete der Umzug um 14 Uhr. Gegen acht war alles vorbei.", "T20:00"),
        # the evening named before for the same day
        ("Am 5.4.2024 trafen sich alle am Abend im Saal. Um neun spielte die Band.", "T21:00"),
        ("Die Gäste ließen am 5.4.2024 den Tag gegen zehn mit Jazz ausklingen.", "T22:00"),
        # the order of clock times counts only a few hours on, not back across noon
        ("Am 5.4.2024 endete der Markt gegen zwölf. Um halb zwölf kam der Bus.", "T11:30"),
        ("Am 5.4.2024 ging es um zehn Uhr los und gegen acht Uhr abends war Schluss.", "T20:00"),
        # no evening cue: morning
        ("Am 5.4.2024 ging es um halb acht mit dem Bus los.", "T07:30"),
        ("Am 5.4.2024 gab es um neun ein Frühstück im Zelt.", "T09:00"),
    ],
)
def test_spoken_hours_read_as_evening_by_context(nlp, text: str, expected: str) -> None:
    assert values(nlp, text)[-1] == "2024-04-05" + expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Der Adventsmarkt läuft vom 6. bis 8. Dezember 2024 und hat täglich von 11 bis 20 "
            "Uhr geöffnet.",
            ["2024-12-06/2024-12-08", "T11:00/T20:00"],
        ),
        (
            "Die Ausstellung ist vom 2. bis 30. Mai 2024 zu sehen. Geöffnet ist von 9 bis 17 Uhr.",
            ["2024-05-02/2024-05-30", "T09:00/T17:00"],
        ),
        (
            "Am 3.5.2024 öffnet der Laden. Er ist dienstags bis freitags von 9 bis 13 Uhr offen.",
            ["2024-05-03", "T09:00/T13:00"],
        ),
        ("Am 3.5.2024 war Markt. Einlass war jeweils ab 19 Uhr.", ["2024-05-03", "T19:00"]),
        # a day named in the sentence itself keeps the times on it
        ("Am 3.5.2024 beginnen Vorträge jeweils um 10 Uhr.", ["2024-05-03", "2024-05-03T10:00"]),
    ],
)
def test_opening_hours_of_several_days_are_time_only(nlp, text, expected) -> None:
    assert values(nlp, text) == expected


def test_weekday_does_not_jump_into_a_later_paragraphs_span(nlp) -> None:
    text = (
        "Der Aufbau beginnt am Donnerstag.\n\nIm Nachbarort findet vom 6. bis 8. Dezember "
        "ein Markt statt."
    )
    found = values(nlp, text, dt.date(2024, 11, 26))
    assert found == ["2024-11-28", "2024-12-06/2024-12-08"]


def test_bare_number_word_hour_after_um_or_gegen(nlp) -> None:
    text = "Am 2.2.2024 standen wir lange an, bis um neun endlich die Türen aufgingen."
    assert values(nlp, text) == ["2024-02-02", "2024-02-02T09:00"]
    quantities = (
        "Die Miete stieg um zehn auf 60 Euro. Der Etat wurde um zwei erhöht. Die Messe wuchs "
        "um acht weitere Hallen. Um zehn Prozent sank der Preis."
    )
    assert values(nlp, quantities) == []


def test_clock_time_after_tomorrow_belongs_to_tomorrow(nlp) -> None:
    text = "Morgen ist schon der letzte Messetag. Um 14 Uhr will ich zur Podiumsdiskussion."
    assert values(nlp, text, dt.date(2024, 5, 4)) == ["2024-05-05", "2024-05-05T14:00"]


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # past clause: the most recent such month, even after a dateline of the new year
        (
            "Bonn, 10. Januar 2025. Im November stiegen die Buchungen deutlich.",
            dt.date(2025, 1, 10),
            "2024-11",
        ),
        # a later explicit year does not push a month a year ahead
        (
            "Das nächste Forum ist am 15. Januar 2026. Tickets gibt es ab Mitte März.",
            dt.date(2025, 1, 10),
            "2025-03",
        ),
        # a historical year in the text still counts
        (
            "Die Halle wurde 2018 gebaut. Im Mai kamen die ersten Gäste.",
            dt.date(2025, 1, 10),
            "2018-05",
        ),
    ],
)
def test_month_without_year_follows_tense_from_reference(nlp, text, reference, expected) -> None:
    assert values(nlp, text, reference)[-1] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Die Stadt stellte ihre Klimastrategie 2035 vor.",
        "Der Kongress stand unter dem Motto „Mobilität 2040“.",
        "Die Agenda 2030 der Vereinten Nationen war Thema.",
        "Ein Schaden von 2000 Euro entstand, 2024 Euro kostete die Reparatur.",
        "Mit 2023 Teilnehmern war es ein Rekord.",
    ],
)
def test_years_in_labels_and_amounts_are_no_dates(nlp, text: str) -> None:
    assert values(nlp, text) == []


def test_coordinated_consecutive_days_are_one_span(nlp) -> None:
    text = "Das Weinfest ist für den 14. und 15. Juni 2025 geplant."
    assert values(nlp, text) == ["2025-06-14/2025-06-15"]


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        (
            "Am ersten Augustwochenende feierte das Dorf.",
            dt.date(2024, 8, 20),
            ["2024-08-03/2024-08-04"],
        ),
        (
            "Am letzten Wochenende im September ist Kirmes.",
            dt.date(2024, 8, 20),
            ["2024-09-28/2024-09-29"],
        ),
        (
            "Die Messe beginnt am 23. Mai 2024. Am Vorabend gibt es einen Empfang.",
            dt.date(2024, 5, 1),
            ["2024-05-23", "2024-05-22"],
        ),
        ("Die Schau läuft noch bis zum 6. Januar.", dt.date(2024, 11, 20), ["2025-01-06"]),
        (
            "Die Saison 2023/24 war lang, im Sommer 2021 war es still.",
            dt.date(2024, 8, 20),
            ["2023/2024", "2021-SU"],
        ),
        ("In KW 42 wird umgebaut.", dt.date(2024, 8, 20), ["2024-W42"]),
        ("Die Eisbahn wird am Freitag eröffnet.", dt.date(2023, 11, 14), ["2023-11-17"]),
        ("Zum 2. Advent singt der Chor.", dt.date(2023, 11, 14), ["2023-12-10"]),
        (
            "Konzerte: Sa., 12.10.2024, und vom 17.–19.10.2024.",
            dt.date(2024, 8, 20),
            ["2024-10-12", "2024-10-17/2024-10-19"],
        ),
        ("Einlass ab 18 Uhr, Schluss bis 23 Uhr.", None, ["T18:00", "T23:00"]),
    ],
)
def test_more_real_report_forms(nlp, text, reference, expected) -> None:
    assert values(nlp, text, reference) == expected


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("Der Pegel ist binnen einer Stunde um 16 cm gestiegen.", None, []),
        ("Das Spiel elf gegen elf endete torlos.", None, []),
        ("Es ging um eine neue Halle.", None, []),
        # an apposition names the same day; "und" coordinates the next one
        (
            "Gestern, Dienstag, stellte er den Antrag.",
            dt.date(2010, 7, 7),
            ["2010-07-06", "2010-07-06"],
        ),  # fmt: skip
        (
            "Der Markt öffnet am Freitag und Samstag von 11 bis 22 Uhr.",
            dt.date(2023, 11, 14),
            ["2023-11-17", "2023-11-18T11:00/2023-11-18T22:00"],
        ),  # fmt: skip
        (
            "Am Samstag und Sonntag wird gefeiert.",
            dt.date(2023, 11, 14),
            ["2023-11-18/2023-11-19"],
        ),  # fmt: skip
        (
            "Am 22.6.2010 war Markt. An diesem Tag kamen viele. Der letzte Tag war ruhig.",
            dt.date(2010, 7, 4),
            ["2010-06-22", "2010-06-22"],
        ),  # fmt: skip
        (
            "Am 22.6.2010 fuhr die letzte Bahn nachts um 12.",
            dt.date(2010, 7, 4),
            ["2010-06-22", "2010-06-23T00:00"],
        ),  # fmt: skip
    ],
)
def test_neighbours_of_weekdays_and_bare_hours(nlp, text, reference, expected) -> None:
    assert values(nlp, text, reference) == expected


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # present tense: the coming day, unless the last one is much closer
        (
            "Die Straße ist voraussichtlich bis zum 15. Dezember gesperrt.",
            dt.date(2016, 3, 16),
            ["2016-12-15"],
        ),  # fmt: skip
        ("Die Schau läuft noch bis zum 7. Januar.", dt.date(2023, 11, 14), ["2024-01-07"]),
        (
            "Am 3. November öffnet die Schau, heute kommt der Minister.",
            dt.date(2023, 11, 14),
            ["2023-11-03", "2023-11-14"],
        ),  # fmt: skip
        # "gegen" after a date and a comma still opens the clock time
        (
            "Der Unfall geschah am Sonntag, 27.12.2015, gegen 12:50 Uhr.",
            dt.date(2016, 1, 4),
            ["2015-12-27T12:50"],
        ),  # fmt: skip
    ],
)
def test_present_tense_days_and_joined_times(nlp, text, reference, expected) -> None:
    assert values(nlp, text, reference) == expected


def test_specs_and_contexts_are_copied_with_known_fields_only() -> None:
    from pipeline.temporal.resolve import Context
    from pipeline.temporal.spec import TimeSpec

    assert TimeSpec(day=3).with_(month=5) == TimeSpec(day=3, month=5)
    with pytest.raises(TypeError, match="TimeSpec has no field"):
        TimeSpec(dya=3)
    with pytest.raises(TypeError, match="TimeSpec has no field"):
        TimeSpec(day=3).with_(dya=4)
    context = Context(dt.date(2024, 5, 1), None)
    assert context.but(reference=dt.date(2024, 6, 1)).reference == dt.date(2024, 6, 1)
    assert context.reference == dt.date(2024, 5, 1)
    with pytest.raises(TypeError, match="Context has no field"):
        context.but(referenc=None)
