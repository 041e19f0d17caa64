"""Dates in narrative text: the year and day in focus, anaphora, historic years (before the
common era, centuries, decades), two-digit years, and a hand-checked chronicle of our own."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest

from pipeline.refdate import find_dateline

DATA = Path(__file__).parent / "data"
REFERENCE = dt.date(2011, 5, 10)  # a Tuesday
REQUIRED_NARRATIVE_SHARE = 0.95


@pytest.fixture(scope="module")
def nlp(dates_nlp):
    return dates_nlp


def found(nlp, text: str, reference: dt.date | None = REFERENCE) -> list[tuple[str, str | None]]:
    doc = nlp.make_doc(text)
    doc._.reference_date = reference
    return [(m.text, m.value) for m in nlp(doc)._.dates]


def values(nlp, text: str, reference: dt.date | None = REFERENCE) -> list[str | None]:
    return [value for _, value in found(nlp, text, reference)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Im Jahr 1985 begann alles. Am 27. September eröffnete die erste Schau.",
         ["1985", "1985-09-27"]),
        ("Die Gründung war 1962. Am 3. März zog der Verein ins Rathaus.", ["1962", "1962-03-03"]),
        # the reference year in focus: a past clause puts no day after the reference date
        ("Im Jahr 2011 lief es gut. Am 27. September eröffnete die Schau.",
         ["2011", "2010-09-27"]),
    ],
)  # fmt: skip
def test_day_and_month_take_the_year_in_focus(nlp, text, expected) -> None:
    assert values(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("Die Halle brannte am 1.9.39 ab.", REFERENCE, "1939-09-01"),
        ("Die Halle öffnet am 14.04.24 wieder.", dt.date(2024, 3, 1), "2024-04-14"),
        ("Der Anbau stammt vom 3. Mai 15.", REFERENCE, "2015-05-03"),
        ("Die Messe vom 12.10.98 war gut besucht.", dt.date(2019, 1, 1), "1998-10-12"),
    ],
)
def test_two_digit_years_lean_to_the_past(nlp, text, reference, expected) -> None:
    assert values(nlp, text, reference) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ende des Jahres 1939 war die Halle zerstört.", ("Ende des Jahres 1939", "1939")),
        ("Anfang des Jahres 1950 kehrten die Händler zurück.", ("Anfang des Jahres 1950", "1950")),
        ("Mitte 1946 gründete sich der Verein neu.", ("Mitte 1946", "1946")),
        ("Ende März 1950 war der Umbau fertig.", ("Ende März 1950", "1950-03")),
    ],
)
def test_part_of_a_named_year_is_one_expression(nlp, text, expected) -> None:
    assert found(nlp, text) == [expected]


def test_part_of_a_year_covers_its_third(nlp) -> None:
    doc = nlp.make_doc("Ende des Jahres 1939 war alles anders.")
    doc._.reference_date = REFERENCE
    (mention,) = nlp(doc)._.dates
    assert (mention.start, mention.end) == ("1939-09-02", "1939-12-31")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Schlacht fand 490 v. Chr. statt.", ("490 v. Chr.", "BC0490")),
        ("Die Siedlung entstand um 1200 vor Christus.", ("um 1200 vor Christus", "BC1200")),
        ("Der Stein stammt aus dem Jahr 120 n. Chr.", ("120 n. Chr.", "0120")),
        ("Im 5. Jh. v. Chr. blühte der Handel.", ("Im 5. Jh. v. Chr.", "BC04")),
    ],
)
def test_years_of_the_eras(nlp, text, expected) -> None:
    assert found(nlp, text)[-1] == expected


def test_bc_year_has_no_calendar_days_and_sets_no_focus(nlp) -> None:
    doc = nlp.make_doc("Schon 490 v. Chr. gab es Fackeln. Am 3. Mai 2010 gab es Laternen.")
    doc._.reference_date = REFERENCE
    first, second = nlp(doc)._.dates
    assert (first.value, first.start, first.end) == ("BC0490", None, None)
    assert second.value == "2010-05-03"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Im 19. Jahrhundert war hier ein Viehmarkt.", "18"),
        ("Anfang des 20. Jahrhunderts kam die Bahn.", "19"),
        ("Im neunzehnten Jahrhundert wuchs der Ort.", "18"),
        ("Das Fest ist ein Kind des 21. Jahrhunderts.", "20"),
    ],
)
def test_centuries(nlp, text, expected) -> None:
    assert values(nlp, text) == [expected]


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("In den 1930er Jahren wuchs die Messe.", REFERENCE, "193"),
        ("Seit den 1990er-Jahren kommen Gäste aus Polen.", REFERENCE, "199"),
        ("Der Stil der Zwanzigerjahre kehrt zurück.", dt.date(2024, 6, 1), "192"),
        ("In den zwanziger Jahren war der Markt klein.", REFERENCE, "192"),
        ("Erst in den 80er Jahren kam der Aufschwung.", REFERENCE, "198"),
        ("Die Zehnerjahre brachten viele Umbrüche.", dt.date(2024, 6, 1), "201"),
    ],
)
def test_decades(nlp, text, reference, expected) -> None:
    assert values(nlp, text, reference) == [expected]


def test_decade_without_century_takes_the_century_in_focus(nlp) -> None:
    text = "Im Jahr 1875 kam die Bahn. In den Achtzigerjahren folgte die Post."
    assert values(nlp, text) == ["1875", "188"]


@pytest.mark.parametrize(
    "text",
    [
        "Die Delegation reiste nach Corpus Christi in Texas.",
        "Eine Gruppe aus Corpus Christi besuchte das Fest.",
        "Der Bürgermeister von Corpus Christi, Texas, sprach zuerst.",
        "Ein Gast aus Sankt Martin (Pfalz) brachte Wein mit.",
    ],
)
def test_holiday_names_used_as_places_are_no_dates(nlp, text) -> None:
    assert values(nlp, text) == []


def test_holiday_names_still_are_holidays_without_place_context(nlp) -> None:
    assert values(nlp, "An Corpus Christi 2012 zog die Prozession durch den Ort.") == ["2012-06-07"]


def test_anaphora_count_from_the_day_in_focus(nlp) -> None:
    text = (
        "Am 3. Mai 1990 wurde die Halle eröffnet. An diesem Tag kamen 500 Gäste. Am selben Tag "
        "regnete es. Am Vorabend hatte es ein Fest gegeben. Am nächsten Morgen war alles "
        "vorbei. Tags darauf reisten die Gäste ab."
    )
    assert values(nlp, text) == [
        "1990-05-03", "1990-05-03", "1990-05-03", "1990-05-02", "1990-05-04", "1990-05-05",
    ]  # fmt: skip


def test_anaphora_without_a_day_in_focus_stay_unresolved(nlp) -> None:
    assert values(nlp, "Am selben Tag regnete es.") == [None]


def test_years_later_count_from_the_year_in_focus(nlp) -> None:
    text = (
        "Am 4. Juli 1950 war Eröffnung, drei Tage zuvor gab es ein Konzert. Zwei Jahre später "
        "kam der Umbau. Im Jahr darauf schloss die Halle."
    )
    assert values(nlp, text) == ["1950-07-04", "1950-07-01", "1952", "1953"]


def test_weekdays_in_a_narrative_follow_the_day_in_focus(nlp) -> None:
    text = "Am 1. September 1939 begann es. Am Sonntag erklärten sie den Krieg."
    assert values(nlp, text) == ["1939-09-01", "1939-09-03"]


def test_second_weekday_is_counted_from_the_reference_date(nlp) -> None:
    # a past report (reference Tuesday 10 May): Saturday 7 May, then Thursday 5 May, not the
    # Thursday after that Saturday (12 May, after the reference date)
    assert values(nlp, "Am Samstag und am Donnerstag kamen Gäste.") == [
        "2011-05-07",
        "2011-05-05",
    ]


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("Die Messe lief vom 7.-9.11. in Köln.", dt.date(2011, 11, 8), "2011-11-07/2011-11-09"),
        ("Die Tage vom 28.12. bis 2.1. waren ruhig.", dt.date(2012, 1, 5), "2011-12-28/2012-01-02"),
        ("Vom 8.-10.9. feierte die Stadt 1967 ihr Fest.", REFERENCE, "1967-09-08/1967-09-10"),
    ],
)
def test_range_without_year_has_one_year(nlp, text, reference, expected) -> None:
    assert values(nlp, text, reference)[0] == expected


def test_small_hours_after_an_evening_are_the_next_day(nlp) -> None:
    text = "Am Freitagabend ging es los, um 02:30 war Schluss."
    assert values(nlp, text) == ["2011-05-06", "2011-05-07T02:30"]
    text = "Um 22 Uhr am Samstag begann das Konzert, um 1:15 Uhr endete es."
    assert values(nlp, text) == ["2011-05-07T22:00", "2011-05-08T01:15"]


def test_clock_range_past_midnight_on_a_named_day_ends_next_day(nlp) -> None:
    text = "Am Freitag von 20 bis 3 Uhr wird gefeiert."
    assert values(nlp, text) == ["2011-05-13T20:00/2011-05-14T03:00"]


@pytest.mark.parametrize(
    "text",
    [
        "Es kamen 2500 Gäste, davon 1900 aus der Region.",
        "Unter den Gästen waren 3000 Kinder, darunter 1950 aus Schulen.",
        "In drei Tagen wurden 4000 Karten verkauft.",
        "In nur zwei Tagen waren alle Stände vergeben.",
    ],
)
def test_counts_and_durations_are_no_dates(nlp, text) -> None:
    assert values(nlp, text) == []


def test_superscript_digits_keep_the_other_dates(nlp) -> None:
    text = "Die Halle misst 559² Meter. Am 3. Mai 2010 war Eröffnung."
    assert values(nlp, text) == ["2010-05-03"]


def test_narrative_chronicle_reproduces_hand_checked_values(nlp) -> None:
    text = (DATA / "narrative_de.txt").read_text(encoding="utf-8")
    gold = json.loads((DATA / "narrative_de.json").read_text(encoding="utf-8"))
    reference = find_dateline(text)
    assert reference is not None and reference.isoformat() == gold["reference_date"]
    expected = Counter((d["text"], d["value"]) for d in gold["dates"])
    predicted = Counter(found(nlp, text, reference))
    hits = sum((expected & predicted).values())
    share = hits / sum(expected.values())
    extra = predicted - expected
    print(f"\nnarrative chronicle: {hits}/{sum(expected.values())} = {share:.1%} right values, "
          f"{sum(extra.values())} other mentions")  # fmt: skip
    for (mention, value), _ in (expected - predicted).items():
        print(f"  missed: {mention!r} = {value}")
    assert share >= REQUIRED_NARRATIVE_SHARE
    assert sum(extra.values()) <= 3


def test_month_or_season_of_the_year_in_focus(nlp) -> None:
    text = (
        "Im Frühjahr 1940 begann der Umbau. Im Juli desselben Jahres war er fertig. Im Januar "
        "des folgenden Jahres zog die Bibliothek ein, im Herbst desselben Jahres das Archiv."
    )
    assert found(nlp, text) == [
        ("Im Frühjahr 1940", "1940-SP"),
        ("Im Juli desselben Jahres", "1940-07"),
        ("Im Januar des folgenden Jahres", "1941-01"),
        ("im Herbst desselben Jahres", "1941-FA"),
    ]


def test_a_day_of_another_year_leaves_the_focus(nlp) -> None:
    text = (
        "Am 3. Mai 1990 war Eröffnung. Im Januar des folgenden Jahres kam der Umbau. Zwei Tage "
        "später war Ruhe."
    )
    assert values(nlp, text) == ["1990-05-03", "1991-01", None]


def test_night_before_a_date(nlp) -> None:
    text = "In der Nacht zum 22. Juni 1941 brannte der Speicher."
    assert found(nlp, text) == [("In der Nacht zum 22. Juni 1941", "1941-06-22")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Ausstellung lief im Mai/Juni 2018 in Köln.",
            ("im Mai/Juni 2018", "2018-05/2018-06"),
        ),
        ("Es war im Dezember/Januar 2021 kalt.", ("im Dezember/Januar 2021", "2020-12/2021-01")),
        ("Die Baustelle bleibt bis in den März.", ("bis in den März", "2012-03")),
    ],
)
def test_month_pairs_and_open_months(nlp, text, expected) -> None:
    assert found(nlp, text, dt.date(2011, 11, 3)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Im Jahre 800 wurde die Kapelle geweiht.", [("Im Jahre 800", "0800")]),
        ("Um das Jahr 950 entstand die Burg.", [("Um das Jahr 950", "0950")]),
        ("Anno 1648 endete der Krieg.", [("Anno 1648", "1648")]),
        ("Bis 1871 gehörte der Ort zu Hessen.", [("1871", "1871")]),
        ("Das Museum zählt im Jahr 300 Besucher.", []),
        ("Es gibt 1500 weitere Plätze.", []),
    ],
)
def test_older_years_need_a_word_that_makes_them_years(nlp, text, expected) -> None:
    assert found(nlp, text) == expected


def test_range_end_without_year_after_a_start_with_a_daypart(nlp) -> None:
    text = "Am Abend des 3. Mai 2011 bis 5. Mai war die Halle offen."
    assert values(nlp, text) == ["2011-05-03/2011-05-05"]
