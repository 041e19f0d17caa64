"""Event records (``german_events``, the ``events`` table, event scores): one class of rule per
test, on sentences written for these tests; the seed report's row; the dev-set event scores."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import pipeline
from pipeline.evaluate import evaluate, event_names_match, load_gold
from pipeline.events.lexicon import WordValues, cue_sizes_before, event_noun_base
from pipeline.events.organisers import is_plain_noun
from pipeline.read_tables import load_tables
from pipeline.run import run
from pipeline.tables import TABLES

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
DEV = ROOT.parent / "shared" / "dev"


@pytest.fixture(scope="module")
def nlp(default_nlp):
    return default_nlp


def event_rows(nlp, text: str, reference_date: str | None = None) -> list[dict[str, Any]]:
    frame = pipeline.extract(text, reference_date=reference_date, nlp=nlp)["events"]
    return [
        {k: (None if pd.isna(v) else v) for k, v in row.items()} for row in frame.to_dict("records")
    ]


def only_event(nlp, text: str, reference_date: str | None = None) -> dict[str, Any]:
    rows = event_rows(nlp, text, reference_date)
    assert len(rows) == 1, rows
    return rows[0]


def test_cues_of_one_or_more_words_right_before_a_token():
    words = ["wir", "trafen", "uns", "in", "der", "alten", "halle", "und", "dann", "im", "saal"]
    assert cue_sizes_before(words, 6, "venue_locative") == []  # "der alten" is no locative
    assert cue_sizes_before(words, 5, "venue_locative") == [2]  # "in der"
    assert cue_sizes_before(words, 10, "venue_locative") == [1]  # "im"
    assert cue_sizes_before(words, 0, "venue_locative") == []


def test_event_nouns_and_days_of_events():
    assert event_noun_base("Kongresses") == "Kongress"
    assert event_noun_base("Handwerkertage") == "Handwerkertage"
    assert event_noun_base("Kirchentags") == "Kirchentag"
    assert event_noun_base("Messetagen") is None  # a day of a fair
    assert event_noun_base("Montag") is None
    assert event_noun_base("Verlauf") is None
    # a not-event's plural is no event noun with a shorter ending ("Etagen" is no "Etag")
    assert event_noun_base("Chefetagen") is None
    assert event_noun_base("Reportagen") is None
    assert event_noun_base("Stadtfesten") == "Stadtfest"
    assert event_noun_base("Neujahrsempfangs") == "Neujahrsempfang"  # a reception
    assert event_noun_base("Handyempfang") is None  # a signal
    assert event_noun_base("messe") is None  # not a noun


def test_a_reception_is_an_event_but_bare_empfang_is_none(nlp):
    text = (
        "Rund 400 Gäste kamen am Freitag zum Neujahrsempfang der Stadtwerke Hameln ins "
        "Rathaus. Oberbürgermeister Klaus Berg lobte die Zusammenarbeit."
    )
    event = only_event(nlp, text, "2024-01-15")
    fields = (event["name"], event["start"], event["city"])
    assert fields == ("Neujahrsempfang", "2024-01-12", "Hameln")
    # "in Empfang nehmen" and the reception desk are no events
    text = (
        "Die Delegation aus Lyon wurde im Rathaus in Empfang genommen. "
        "Am Empfang gibt es Stadtpläne."
    )
    assert event_rows(nlp, text, "2024-01-15") == []


def test_a_count_in_an_als_clause_after_the_last_year_is_last_years(nlp):
    text = (
        "Die Baumesse Ostholstein ging am Sonntag in Eutin zu Ende. Es kamen 4.100 Besucher. "
        "Das war weniger als im Vorjahr, als noch 5.200 Besucher gezählt wurden."
    )
    assert only_event(nlp, text, "2024-03-11")["visitors"] == 4100


def test_a_number_adjective_sizes_one_group_and_is_no_total(nlp):
    text = (
        "Das Sommerfest in Wusterhausen war gut besucht. Aus der Partnerstadt kamen auch "
        "zwei Familien und eine zwölfköpfige Delegation."
    )
    assert only_event(nlp, text, "2024-05-12")["visitors"] is None


def test_organiser_named_by_role_not_a_supporter(nlp):
    text = (
        "Fachmesse Holzbau: Bilanz nach drei Tagen\n\n"
        "Die Fachmesse Holzbau Nord ist am Samstag in Kiel zu Ende gegangen. Veranstalter der "
        "Messe ist die Nordmesse GmbH, die Stadt Kiel unterstützte sie. Rund 8.000 Besucher "
        "kamen in die Hallen."
    )
    event = only_event(nlp, text, "2024-03-10")
    assert event["organisers"] == "Nordmesse GmbH"
    assert (event["start"], event["end"]) == ("2024-03-07", "2024-03-09")  # Saturday and 3 days
    assert (event["visitors"], event["visitors_qualifier"]) == (8000, "approx")


def test_organiser_of_the_events_genitive(nlp):
    text = (
        "Am 3. Mai 2023 fand in Leipzig die Jahrestagung des Verbands Sächsischer Imker e.V. "
        "statt. Mehr als 300 Teilnehmer diskutierten über Bienengesundheit."
    )
    event = only_event(nlp, text)
    assert event["organisers"] == "Verband Sächsischer Imker e.V."
    assert (event["start"], event["end"]) == ("2023-05-03", "2023-05-03")
    assert (event["participants"], event["participants_qualifier"]) == (300, "more_than")


def test_venue_and_city_are_told_apart(nlp):
    text = (
        "Vom 12. bis 14. September 2023 fand der Deutsche Bädertag im Congress Center Leipzig "
        "statt. Die Stadt Leipzig begrüßte 900 Teilnehmer."
    )
    event = only_event(nlp, text)
    assert event["name"] == "Deutscher Bädertag"  # "der Deutsche …": the name on its own
    assert (event["city"], event["venue"]) == ("Leipzig", "Congress Center Leipzig")
    assert (event["year"], event["start"], event["end"]) == (2023, "2023-09-12", "2023-09-14")
    assert event["participants"] == 900


def test_total_not_previous_year_nor_one_day(nlp):
    text = (
        "Die Ostseemesse in Rostock hat ihre Tore geschlossen. Insgesamt kamen 45.000 Besucher, "
        "im Vorjahr waren es noch 52.000 Besucher. Am ersten Tag zählte die Messe 12.000 "
        "Besucher. 410 Aussteller zeigten ihre Produkte."
    )
    event = only_event(nlp, text, "2023-05-21")
    assert event["name"] == "Ostseemesse"
    assert event["visitors"] == 45000
    assert event["exhibitors"] == 410


def test_a_count_of_the_past_year_is_no_total(nlp):
    text = (
        "Zum Frühjahrstreffen in Talheim reisten diesmal 480 Teilnehmer an, während im "
        "vergangenen Jahr 520 Teilnehmer dabei waren."
    )
    assert only_event(nlp, text, "2023-05-21")["participants"] == 480


def test_difference_is_no_total(nlp):
    text = (
        "Das Weinfest in Landau verzeichnete am Wochenende rund 30.000 Gäste und damit rund "
        "5.000 weniger als im Jahr zuvor."
    )
    event = only_event(nlp, text, "2022-08-29")
    assert (event["visitors"], event["visitors_qualifier"]) == (30000, "approx")


def test_next_editions_date_and_deadline_excluded(nlp):
    text = (
        "Der Harzer Brockenlauf fand vom 2. bis 4. Juni 2023 in Wernigerode statt. Der nächste "
        "Harzer Brockenlauf findet vom 7. bis 9. Juni 2024 statt, Anmeldeschluss ist der "
        "1. Mai 2024."
    )
    event = only_event(nlp, text)
    assert event["name"] == "Harzer Brockenlauf"
    assert (event["start"], event["end"], event["year"]) == ("2023-06-02", "2023-06-04", 2023)
    assert event["city"] == "Wernigerode"


def test_a_weekday_read_inside_the_next_editions_span_is_no_day_of_this_one(nlp):
    # the date stage reads "Sonntagnachmittag" inside the one span written out, the next
    # edition's
    text = (
        "Mit einem großen Umzug ist am Sonntagnachmittag das 12. Talheimer Trachtenfest zu Ende "
        "gegangen. Rund 20.000 Besucher kamen an drei Tagen. Das nächste Talheimer Trachtenfest "
        "findet vom 5. bis 7. Juni 2026 in Oberau statt."
    )
    event = only_event(nlp, text)
    assert (event["start"], event["end"], event["year"]) == (None, None, None)
    # the report's day still gives the year
    event = only_event(nlp, text, "2025-06-10")
    assert (event["start"], event["end"], event["year"]) == (None, None, 2025)


@pytest.mark.parametrize(
    ("history", "days"),
    [
        # the founding day after the date in its clause, and an evening read against it
        (
            "Der Redner erinnerte an den 3. März 1950, als Karl Muster seine Firma in Talheim "
            "gründete. Am Abend wurde viel gelacht.",
            (None, None),
        ),
        # the founding verb right before the date
        ("Gegründet wurde der Verein am 3. März 1950.", (None, None)),
        # the founding verb is the later date's: the event's own day stays
        (
            "Am 10. Juni 2023 feierte der Verein, gegründet 1950, im Festzelt.",
            ("2023-06-10", "2023-06-10"),
        ),
    ],
)
def test_a_founding_day_is_no_days_of_the_anniversary(nlp, history: str, days):
    text = "Das Firmenjubiläum der Muster GmbH in Talheim war ein voller Erfolg. " + history
    event = only_event(nlp, text)
    assert (event["start"], event["end"]) == days


def test_a_founding_assembly_is_dated_by_its_founding_verb(nlp):
    text = (
        "Die Gründungsversammlung des Fördervereins in Talheim war gut besucht. Am 3. März 2023 "
        "wurde der Verein im Gasthaus Krone gegründet."
    )
    event = only_event(nlp, text)
    assert (event["start"], event["year"]) == ("2023-03-03", 2023)


def test_descriptive_name_where_the_report_names_none(nlp):
    text = (
        "Die Messe in Freiburg war an beiden Tagen gut besucht. Am Samstag drängten sich die "
        "Gäste in den Gängen der Messe."
    )
    event = only_event(nlp, text, "2023-04-17")
    assert event["name"] == "Messe Freiburg"
    assert event["start_char"] is None and event["end_char"] is None


def test_one_row_per_event_of_a_report_on_several(nlp):
    text = (
        "Adventsmärkte im Landkreis\n\n"
        "Der Lindenberger Christkindlmarkt öffnet am 29. November auf dem Marktplatz in "
        "Lindenberg. Rund 40 Buden stehen dort bis zum 1. Dezember. Der Veranstalter, der "
        "Gewerbeverein Lindenberg, erwartet 5.000 Besucher.\n\n"
        "Der Sonthofer Weihnachtsmarkt beginnt eine Woche später, am 6. Dezember, im Kurpark in "
        "Sonthofen. Die Stadt rechnet mit 3.000 Gästen."
    )
    rows = event_rows(nlp, text, "2019-11-20")
    assert [(r["event"], r["name"]) for r in rows] == [
        (1, "Lindenberger Christkindlmarkt"),
        (2, "Sonthofer Weihnachtsmarkt"),
    ]
    first, second = rows
    assert (first["start"], first["end"], first["city"]) == (
        "2019-11-29",
        "2019-12-01",
        "Lindenberg",
    )
    assert (first["organisers"], first["visitors"]) == ("Gewerbeverein Lindenberg", 5000)
    assert (second["start"], second["end"], second["city"]) == (
        "2019-12-06",
        "2019-12-06",
        "Sonthofen",
    )
    # its own paragraph's total, not the first market's organiser
    assert (second["organisers"], second["visitors"]) == (None, 3000)


def test_a_race_of_the_programme_is_no_row_of_its_own(nlp):
    text = (
        "Der Kieler Hafenlauf fand am Sonntag, 12. Mai, zum zehnten Mal statt. 1.200 Läufer "
        "gingen an den Start. Am Samstag davor fand bereits der Bambinilauf statt."
    )
    event = only_event(nlp, text, "2019-05-13")
    assert (event["name"], event["start"]) == ("Kieler Hafenlauf", "2019-05-12")


def test_events_named_by_a_time_of_day_and_words_that_only_end_so():
    assert event_noun_base("Seniorennachmittag") == "Seniorennachmittag"
    assert event_noun_base("Galaabend") == "Galaabend"
    assert event_noun_base("Einwohnerversammlung") == "Einwohnerversammlung"
    assert event_noun_base("Sonntagnachmittag") is None
    assert event_noun_base("Vorabend") is None
    assert event_noun_base("Nachmittag") is None
    assert event_noun_base("Endmontage") is None  # no "-tage" of an event


def test_name_in_the_nominative_after_an_adjective_and_a_quote(nlp):
    text = (
        "Tausende kamen zur „Kurzen Nacht der Chöre“ in Kiel. In der gestrigen „Kurzen Nacht "
        "der Chöre“ sangen 40 Gruppen."
    )
    assert only_event(nlp, text, "2021-09-12")["name"] == "Kurze Nacht der Chöre"


BURGHER_EVENING = (
    "Bürgerabend in Xlingen\n\n"
    "Am Freitag hatten die Organisatoren das Landesamt für Straßenbau angefragt, über Radwege "
    "zu sprechen. Der Bürgerabend der Gemeinde Oberxlingen fand im Goldenen Hirsch statt."
)


def test_role_nouns_object_is_no_organiser(nlp):
    event = only_event(nlp, BURGHER_EVENING, "2021-09-12")
    assert event["organisers"] == "Gemeinde Oberxlingen"


def test_place_after_a_preposition_with_article_is_a_venue(nlp):
    event = only_event(nlp, BURGHER_EVENING, "2021-09-12")
    assert event["venue"] == "Goldener Hirsch"
    assert event["city"] != "Goldener Hirsch"


SENIORS_AFTERNOON = (
    "Zum Seniorennachmittag hat die Gemeinde Oberxlingen am Samstag in den Bürgersaal "
    "eingeladen. Rund 90 Bürgerinnen und Bürger kamen."
)


def test_municipality_gives_the_city(nlp):
    event = only_event(nlp, SENIORS_AFTERNOON, "2021-09-12")
    assert (event["name"], event["city"]) == ("Seniorennachmittag", "Oberxlingen")


def test_municipality_named_elsewhere_gives_the_city_where_nothing_else_does(nlp):
    text = (
        "Das Winzerfest lockte am Wochenende viele Gäste an. Ein Sprecher der Stadt "
        "Unterxlingen sagte am Montag, der Platz sei am Samstag voll gewesen."
    )
    assert only_event(nlp, text, "2021-09-13")["city"] == "Unterxlingen"


def test_people_who_came_are_visitors(nlp):
    event = only_event(nlp, SENIORS_AFTERNOON, "2021-09-12")
    assert (event["visitors"], event["visitors_qualifier"]) == (90, "approx")


def test_organiser_before_a_far_participle(nlp):
    text = (
        "Am Samstag hat der Heimatverein Oberxlingen nach langer Pause wieder alle Mitglieder "
        "und Freunde aus dem ganzen Ort zum Herbstfest auf dem Dorfplatz eingeladen."
    )
    assert only_event(nlp, text, "2021-09-13")["organisers"] == "Heimatverein Oberxlingen"


def test_count_per_day_is_no_total(nlp):
    text = (
        "Seit der Eröffnung am Freitag kamen zum Herbstvolksfest in Ulm im Durchschnitt "
        "20.000 Besucher pro Tag."
    )
    assert only_event(nlp, text, "2021-09-12")["visitors"] is None


def test_organiser_in_a_relative_clause(nlp):
    text = (
        "Der Kreisverband Ostholstein (KVO), der das Sommerfest in Eutin seit zehn Jahren "
        "gemeinsam mit vielen Helfern organisiert, zog Bilanz. Das Sommerfest fand am 4. Juli "
        "statt."
    )
    assert only_event(nlp, text, "2021-09-12")["organisers"] == "Kreisverband Ostholstein"


def test_no_event_no_row(nlp):
    text = "Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr beschlossen."
    assert event_rows(nlp, text, "2023-04-17") == []


def test_a_report_that_is_only_its_title_gives_its_event(nlp):
    # No sentence stands under the title: the rules must not look for one.
    doc = nlp("2. Ostholsteiner Fachmesse Holzbau\n")
    assert not doc._.extract_errors, doc._.extract_errors
    assert [e.name for e in doc._.events] == ["Ostholsteiner Fachmesse Holzbau"]


def test_events_on_the_doc_and_in_spans(nlp):
    text = "Der Kieler Hafenlauf fand am 6. Mai 2023 statt. 1.200 Läufer waren am Start."
    doc = nlp.make_doc(text)
    doc._.reference_date = dt.date(2023, 5, 8)
    doc = nlp(doc)
    (record,) = doc._.events
    assert record.name == "Kieler Hafenlauf"
    assert record.participants == 1200
    assert [s.text for s in doc.spans["events"]] == ["Kieler Hafenlauf"]
    assert text[record.start_char : record.end_char] == "Kieler Hafenlauf"


def test_seed_report_gives_its_row(tmp_path: Path):
    """The issue's acceptance check, on the project's own seed report."""
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "seed-sccon-2019.txt").write_bytes((CORPUS / "seed-sccon-2019.txt").read_bytes())
    run(texts, tmp_path / "out", CORPUS / "metadata.csv", quiet=True)
    rows = load_tables(tmp_path / "out")["events"]
    assert list(rows.columns) == list(TABLES["events"])
    assert len(rows) == 1
    row = rows.iloc[0]
    assert row["name"] == "Smart Country Convention"
    assert row["year"] == 2019
    assert (row["start"], row["end"]) == ("2019-10-22", "2019-10-24")
    assert (row["city"], row["venue"]) == ("Berlin", "CityCube Berlin")
    assert row["organisers"] == "Bitkom e.V."
    assert (row["visitors"], row["visitors_qualifier"]) == (12700, "more_than")
    assert (row["exhibitors"], row["exhibitors_qualifier"]) == (150, "exact")
    assert pd.isna(row["participants"])
    text = (CORPUS / "seed-sccon-2019.txt").read_text(encoding="utf-8")
    assert text[row["start_char"] : row["end_char"]] == "Smart Country Convention"


def test_event_names_match_by_alias_or_containment():
    gold = {"name": "Kurze Nacht der Chöre", "aliases": ["Chornacht"]}
    assert event_names_match("Kurze Nacht der Chöre 2015", gold)
    assert event_names_match("Chornacht", gold)
    assert not event_names_match("Cho", gold)  # contained, but shorter than four characters
    assert not event_names_match("Kirmes", gold)


def _event(doc_id: str, **values: Any) -> dict[str, Any]:
    return {"doc_id": doc_id, "event": 1, **values}


def test_event_scores_count_events_and_fields(tmp_path: Path, make_run):
    gold = {
        "id": "r1",
        "places": [{"text": "City Cube", "name": "CityCube Berlin", "aliases": ["City Cube"]}],
        "organisations": [{"text": "Bitkom", "name": "Bitkom e.V.", "aliases": ["Bitkom"]}],
        "events": [
            {
                "name": "Smart Country Convention",
                "aliases": ["SCCON"],
                "year": 2019,
                "start": "2019-10-22",
                "end": "2019-10-24",
                "city": "Berlin",
                "venue": "CityCube Berlin",
                "organisers": ["Bitkom e.V."],
                "visitors": {"value": 12700, "qualifier": "more_than"},
                "exhibitors": None,
                "participants": None,
            }
        ],
    }
    out = make_run(
        tmp_path / "run",
        {
            "documents": [{"doc_id": "r1", "status": "ok"}],
            "events": [
                _event(
                    "r1",
                    name="SCCON",
                    year=2019,
                    start="2019-10-21",  # wrong
                    end="2019-10-24",
                    venue="City Cube",  # an alias of the gold place
                    organisers="Bitkom; Fraunhofer IESE",  # one right, one wrong
                    visitors=12700.0,
                    exhibitors=150.0,  # not in gold
                ),
                {"doc_id": "r1", "event": 2, "name": "Tag der offenen Tür", "year": 2019},
            ],
        },
    )
    scores = evaluate({"r1": gold}, load_tables(out)).events
    assert (scores.events.tp, scores.events.fp, scores.events.fn) == (1, 1, 0)
    fields = scores.fields
    assert (fields["start"].tp, fields["start"].fp, fields["start"].fn) == (0, 1, 1)
    assert (fields["venue"].tp, fields["city"].fn) == (1, 1)
    assert (fields["organisers"].tp, fields["organisers"].fp) == (1, 1)
    assert (fields["exhibitors"].fp, fields["visitors"].tp) == (1, 1)
    assert fields["year"].fp == 1  # the unmatched event's year
    total = scores.all_fields
    assert (total.tp, total.fp, total.fn) == (5, 4, 2)


def test_an_optional_event_and_its_fields_count_neither_way(tmp_path: Path, make_run):
    gold = {
        "id": "r1",
        "events": [
            {"name": "Tag der offenen Tür", "year": 2019, "city": "Celle", "optional": True}
        ],
    }
    out = make_run(
        tmp_path / "run",
        {
            "documents": [{"doc_id": "r1", "status": "ok"}],
            "events": [{"doc_id": "r1", "event": 1, "name": "Tag der offenen Tür", "year": 2018}],
        },
    )
    scores = evaluate({"r1": gold}, load_tables(out)).events
    assert (scores.events.tp, scores.events.fp, scores.events.fn) == (0, 0, 0)
    total = scores.all_fields
    assert (total.tp, total.fp, total.fn) == (0, 0, 0)


def test_dev_event_scores(tmp_path: Path, record_scores):
    """The dev set's event scores (printed at the end of the session); the bounds hold
    whatever the rules do."""
    if not (DEV / "gold").is_dir():
        pytest.skip(f"no dev set at {DEV} (the shared folder is absent)")
    gold = load_gold(DEV / "gold")
    run(DEV / "texts", tmp_path / "dev", DEV / "manifest.csv", quiet=True)
    result = evaluate(gold, load_tables(tmp_path / "dev"))
    record_scores(f"events, dev set, {len(gold)} reports", result)
    events = result.events
    required = sum(not e.get("optional") for doc in gold.values() for e in doc.get("events") or [])
    assert events.events.tp + events.events.fn == required
    assert 0.0 <= events.all_fields.f1 <= 1.0
    assert json.dumps(result.as_dict())  # the JSON output holds the event scores


def test_cue_index_finds_cues_of_one_and_more_words():
    from pipeline.events.lexicon import CueIndex

    words = [
        "Laut",
        "den",
        "Veranstaltern",
        "kamen",
        "mehr",
        "Gäste",
        "als",
        "im",
        "Jahr",
        "zuvor",
        ".",
    ]
    index = CueIndex([w.lower() for w in words])
    assert index.at(2, "organiser_role")  # "veranstalter*" with an ending
    assert not index.at(1, "organiser_role")
    assert index.at(7, "past")  # "im jahr zuvor": three words from here
    assert not index.at(8, "past")
    assert index.within(0, 8, "past") and not index.within(8, 11, "past")
    assert index.within(-5, 3, "organiser_role")  # a window reaching before the text
    assert not index.at(0, "no such kind")


def test_cue_index_lists_a_token_once_where_two_cues_of_a_kind_start():
    from pipeline.events.lexicon import CueIndex

    # "vorjahres" is a cue of the past twice: "vorjahr*" and "vorjahres*"
    index = CueIndex(
        ["die", "zahl", "des", "vorjahres", "wurde", "im", "jahr", "zuvor", "erreicht"]
    )
    assert index.starts["past"] == [3, 5]
    assert index.starts_of("past") == frozenset({3, 5})
    assert index.starts_of("no such kind") == frozenset()
    assert index.any_starts(["no such kind", "past"]) and not index.any_starts(["no such kind"])


def test_long_report_events_from_its_first_piece_only(tmp_path: Path, monkeypatch):
    import pipeline.batch
    from pipeline.batch import Job, process_batch
    from pipeline.extractors.events import EventExtractor
    from pipeline.nlp import load_nlp

    paragraph = (
        "Die Fachmesse Holzbau Nord in Kiel zählte am 12. März 2023 rund 9.000 Besucher.\n\n"
    )
    path = tmp_path / "long.txt"
    path.write_text(paragraph * 30, encoding="utf-8")
    nlp = load_nlp("blank")
    (whole,) = process_batch(nlp, [Job("long", path)])
    calls = []
    original = EventExtractor.extract
    monkeypatch.setattr(
        EventExtractor, "extract", lambda self, doc: calls.append(doc) or original(self, doc)
    )
    monkeypatch.setattr(pipeline.batch, "CHUNK_CHARS", 5 * len(paragraph) + 3)
    (pieces,) = process_batch(nlp, [Job("long", path)])
    assert pieces.facts["events"] == whole.facts["events"]
    assert pieces.facts["events"][0]["visitors"] == 9000
    assert len(calls) == 1  # the later pieces are not analysed for events


def test_organisers_read_after_role_nouns_where_no_organisation_was_found(nlp):
    text = (
        "Weinlesefest Oberbach\n\n"
        "Das Weinlesefest Oberbach lockte am Wochenende 3.000 Besucher. Ausrichter waren erneut "
        "die Weinfreunde Oberbach und der Sportclub Blau-Gelb."
    )
    assert only_event(nlp, text)["organisers"] == "Weinfreunde Oberbach; Sportclub Blau-Gelb"
    text = (
        "Herbstmarkt in Oberbach\n\n"
        "Der Herbstmarkt fand am 3. Oktober 2020 statt. Veranstalter des Marktes ist der "
        "Gewerbeverein Oberbach."
    )
    assert only_event(nlp, text)["organisers"] == "Gewerbeverein Oberbach"
    # a short form of an organisation named in full elsewhere gets its canonical name
    text = (
        "Herbstmarkt in Oberbach\n\n"
        "Der Herbstmarkt fand am 3. Oktober 2020 statt. Veranstalter des Marktes ist die "
        "Kulturgemeinschaft. Der Kulturgemeinschaft Oberbach e.V. dankte der Bürgermeister."
    )
    assert only_event(nlp, text)["organisers"] == "Kulturgemeinschaft Oberbach e.V."
    # a person is no organisation, nor is a dictionary word
    text = (
        "Stadtlauf Kleinheim\n\n"
        "Der Stadtlauf Kleinheim fand am 5. Mai 2022 statt. Veranstalter ist Peter Maier. Die "
        "Organisatoren von Broschüren und Umfragen waren zufrieden."
    )
    assert only_event(nlp, text)["organisers"] is None


def test_ner_event_spans_of_dictionary_words_or_places_are_no_event(nlp):
    from spacy.tokens import Span

    text = (
        "Mittagspause in Kiel\n\n"
        "Nach der Mittagspause eröffnete die Fachmesse Holzbau Nord in Kiel. Rund 8.000 "
        "Besucher kamen nach der Mittagspause in die Halle."
    )
    doc = nlp(text)
    # the NER sometimes marks a time word or a place as an event: mark them so here
    marked = [Span(doc, t.i, t.i + 1, "EVT") for t in doc if t.text in ("Mittagspause", "Kiel")]
    keep = [e for e in doc.ents if not any(e.start <= m.start < e.end for m in marked)]
    doc.ents = [*keep, *marked]
    doc = nlp.get_pipe("german_events")(doc)
    assert [e.name for e in doc._.events] == ["Fachmesse Holzbau Nord"]


@pytest.mark.parametrize(
    ("counts", "total"),
    [
        # a part named after the total, with "darunter", is no reason to drop the total
        (
            "Bis Samstagabend zählten die Veranstalter 18.000 Besucher. Insgesamt kamen 26.500 "
            "Besucher, darunter 30.000 Fachbesucher aus dem Ausland.",
            26500,
        ),
        # the total over a larger count of one day
        (
            "Allein am Eröffnungstag kamen 31.000 Besucher, an den drei Tagen insgesamt 29.000 "
            "Besucher.",
            29000,
        ),
        # the final count over a larger early one
        ("Nach vorläufigen Zahlen kamen 30.000 Besucher. Am Ende waren es 28.400 Besucher.", 28400),
    ],
)
def test_total_is_the_final_count_of_the_whole_edition(nlp, counts: str, total: int):
    text = (
        f"Gartenmesse Nordheim\n\nDie Gartenmesse Nordheim ging am 12. Mai 2019 zu Ende. {counts}"
    )
    assert only_event(nlp, text)["visitors"] == total


@pytest.mark.parametrize(
    ("photos", "year"),
    [
        # without a day or a date of the report, another year in the sentence is no guess
        ("Fotos von den Ausflügen 2022 und 2023", None),
        ("Fotos vom Ausflug 2022", None),
        # the year written after the event's name is the edition's
        ("zum Herbstfest 2022 Fotos", 2022),
    ],
)
def test_a_year_dates_the_event_only_when_it_is_the_editions(nlp, photos: str, year: int | None):
    text = (
        "Zum Herbstfest hatte der Heimatverein Oberxlingen eingeladen. Beim Herbstfest zeigte "
        f"der Vorsitzende {photos}."
    )
    assert only_event(nlp, text)["year"] == year


@pytest.mark.parametrize(
    "announcement",
    [
        "Im kommenden Jahr soll das 12. Oberxlinger Weinfest am 6. September 2024 beginnen.",
        "Der Termin für 2024 steht bereits fest: vom 4. bis 6. September.",
    ],
)
def test_date_announced_in_a_report_with_totals_is_the_next_editions(nlp, announcement: str):
    text = (
        "Das Oberxlinger Weinfest war wieder ein Publikumsmagnet. Rund 20.000 Gäste kamen. "
        + announcement
    )
    event = only_event(nlp, text)
    assert (event["year"], event["start"], event["end"]) == (None, None, None)
    assert event["visitors"] == 20000


def test_date_announced_without_totals_is_the_events_own(nlp):
    text = "Das Oberxlinger Weinfest beginnt am 6. September auf dem Marktplatz."
    event = only_event(nlp, text, "2024-08-01")
    assert (event["start"], event["end"]) == ("2024-09-06", "2024-09-06")


@pytest.mark.parametrize(
    ("address", "city"),
    [
        ("im Hotel Sonnenhof ein (Hauptstraße 2, 87561 Oberstdorf).", "Oberstdorf"),
        # an address in a sentence without the venue is no hint
        ("im Hotel Sonnenhof ein. Anmeldung: Hauptstraße 2, 87561 Oberstdorf.", None),
    ],
)
def test_town_of_the_venues_postal_address_is_the_city(nlp, address: str, city: str | None):
    text = (
        "Der Imkertag fand am 3. Mai im Hotel Sonnenhof statt. Viele Gäste waren dabei. "
        f"Die Gäste trafen am Morgen {address}"
    )
    event = only_event(nlp, text, "2023-05-04")
    assert (event["venue"], event["city"]) == ("Hotel Sonnenhof", city)


@pytest.mark.parametrize(
    ("text", "name", "visitors"),
    [
        (
            "Zum 50-jährigen Jubiläum öffnete die Holzbau Oberxlingen GmbH am Samstag ihre "
            "Werkstatt. Rund 800 Besucher kamen. Das Jubiläum wurde mit Musik gefeiert.",
            "Jubiläum",
            800,
        ),
        (
            "Mit einem Festumzug beging die Feuerwehr Oberxlingen am Sonntag ihr "
            "Vereinsjubiläum. Das Vereinsjubiläum lockte 3.000 Gäste an.",
            "Vereinsjubiläum",
            3000,
        ),
    ],
)
def test_an_anniversary_is_an_event(nlp, text: str, name: str, visitors: int):
    event = only_event(nlp, text, "2023-05-08")
    assert (event["name"], event["visitors"]) == (name, visitors)


def test_a_bare_event_noun_named_once_in_passing_is_no_event(nlp):
    text = (
        "Der Chor probt jeden Dienstag im Gemeindehaus. Die Sänger freuen sich über neue "
        "Stimmen. Noten bringt jeder selbst mit. Im Herbst wird dieses Jubiläum gefeiert."
    )
    assert event_rows(nlp, text, "2023-05-08") == []


def test_a_season_is_no_month_of_the_event(nlp):
    event = only_event(nlp, "Das Oberxlinger Weinfest beginnt im Herbst.", "2023-05-08")
    assert (event["start"], event["end"]) == (None, None)


def test_length_given_in_the_lead_bounds_the_days(nlp):
    text = (
        "Der Oberxlinger Frühjahrsmarkt hat wieder viele Gäste angelockt. Nach zwei schönen "
        "Tagen ziehen die Händler zufrieden Bilanz. Schon der Samstag war gut besucht. Auch am "
        "Sonntag kamen viele. Am Montagvormittag bauten die Helfer den Frühjahrsmarkt ab."
    )
    event = only_event(nlp, text, "2023-05-08")
    assert (event["start"], event["end"]) == ("2023-05-06", "2023-05-07")


@pytest.mark.parametrize(
    ("opening", "venue"),
    [
        ("Vor dem Oberxlinger Weinfest gab es am Vorabend im Schloss Oberxlingen", None),
        ("Das Oberxlinger Weinfest begann im Schloss Oberxlingen", "Schloss Oberxlingen"),
    ],
)
def test_venue_of_a_sentence_about_what_came_before_the_event(nlp, opening: str, venue):
    text = f"{opening} mit einem Empfang. Rund 5.000 Gäste kamen am Wochenende."
    assert only_event(nlp, text, "2023-09-04")["venue"] == venue


@pytest.mark.parametrize(
    ("text", "organiser"),
    [
        (
            "Zum 100-jährigen Bestehen des Musikvereins Oberxlingen fand am Samstag ein "
            "Festabend in der Turnhalle statt. Rund 400 Gäste kamen.",
            "Musikverein Oberxlingen",
        ),
        (
            "50 Jahre TSV Oberxlingen\n\nMit einem Sportfest feierte der Verein am Sonntag. "
            "Rund 900 Besucher kamen auf den Sportplatz.",
            "TSV Oberxlingen",
        ),
        # a name with its acronym is one organiser: not its bare head ("Bundesverband") and
        # not the acronym as a second one
        (
            "Die Fachtagung Holz fand am Freitag in Kiel statt. Organisiert wurde sie vom "
            "Bundesverband mittelständischer Sägewerke (BVMS) in Kiel. Rund 80 Gäste kamen.",
            "Bundesverband mittelständischer Sägewerke",
        ),
    ],
)
def test_organisers_named_by_an_anniversary_or_an_acronym(nlp, text: str, organiser: str):
    assert only_event(nlp, text, "2023-05-08")["organisers"] == organiser


@pytest.mark.parametrize(
    ("closing", "organiser"),
    [
        ("sangen wir vom Gesangverein Oberxlingen eine Zugabe", "Gesangverein Oberxlingen"),
        ("dankten wir dem Gesangverein Oberxlingen für die Zugabe", None),
    ],
)
def test_authors_of_a_clubs_own_report_host_its_event(nlp, closing: str, organiser):
    text = (
        "Unser Frühjahrskonzert am 4. März in der Stadtkirche war ein voller Erfolg. Rund 300 "
        f"Zuhörer kamen. Zum Schluss {closing}."
    )
    assert only_event(nlp, text, "2023-03-08")["organisers"] == organiser


@pytest.mark.parametrize(
    ("sentence", "city"),
    [
        ("Die Gartenmesse Grünzeit öffnete am Freitag in der Karlsruher Gartenhalle.", "Karlsruhe"),
        # a town adjective that is not where the event is held
        ("Die Gartenmesse Grünzeit öffnete am Freitag. Viele Karlsruher Familien kamen.", None),
    ],
)
def test_town_adjective_after_a_preposition_with_article_gives_the_city(nlp, sentence, city):
    assert only_event(nlp, sentence, "2023-05-08")["city"] == city


@pytest.mark.parametrize(
    ("sentence", "visitors"),
    [
        ("Die Türen der Museen öffneten sich 9.000 Mal.", 9000),
        ("Über 300 Rentnerinnen und Rentner folgten der Einladung.", 300),
        ("Gerne haben 200 Bürgerinnen und Bürger das Angebot wahrgenommen.", 200),
        # people who helped did not visit
        ("Über 300 Helferinnen und Helfer arbeiteten mit.", None),
    ],
)
def test_visits_counted_as_times_and_people_who_followed_the_invitation(nlp, sentence, visitors):
    text = f"Die Oberxlinger Museumsnacht war ein Erfolg. {sentence}"
    assert only_event(nlp, text, "2023-05-08")["visitors"] == visitors


def test_an_opening_is_an_event_only_with_what_it_opens_in_its_name(nlp):
    text = "Zur Ausstellungseröffnung in der Galerie Oberxlingen kamen am Freitag 120 Gäste."
    event = only_event(nlp, text, "2023-05-08")
    assert (event["name"], event["start"], event["visitors"]) == (
        "Ausstellungseröffnung",
        "2023-05-05",
        120,
    )
    # a bare "Eröffnung" and the day of one are no event's name
    day = "Das Gewerbegebiet wurde am 2. Mai eröffnet. Am Tag der Eröffnung kamen 20 Firmen."
    assert event_rows(nlp, day, "2023-05-08") == []


@pytest.mark.parametrize(
    ("sentence", "venue"),
    [
        (
            "Am Freitag wurde zur Jahrestagung des Vereins für Ortsgeschichte in das Gymnasium "
            "Oberxlingen eingeladen.",
            "Gymnasium Oberxlingen",
        ),
        # an organisation that invites, not a building the event is in
        ("Am Freitag lud das Gymnasium Oberxlingen zur Jahrestagung der Schülerzeitung ein.", None),
    ],
)
def test_organisation_after_a_preposition_with_article_is_the_venue(nlp, sentence, venue):
    assert only_event(nlp, sentence + " Rund 80 Gäste kamen.", "2023-05-08")["venue"] == venue


@pytest.mark.parametrize(
    ("body", "venue"),
    [
        (
            "Im großen Saal war am Donnerstag kein Platz mehr frei: der Landrat überreichte im "
            "Schloss Oberxlingen die Ehrennadeln des Kreises. Viele Gäste waren gekommen.",
            "Schloss Oberxlingen",
        ),
        # a place named later, away from the event, is not its venue
        (
            "Der Landrat überreichte am Donnerstag die Ehrennadeln des Kreises. Viele Gäste waren "
            "gekommen. Danach gab es Sekt im Schloss Oberxlingen.",
            None,
        ),
    ],
)
def test_venue_in_the_first_sentence_under_the_title(nlp, body: str, venue):
    closing = "Die Musikschule begleitete den Festakt."
    text = f"Ehrung für Ehrenamtliche\n\nOberxlingen – {body} {closing}"
    assert only_event(nlp, text, "2023-05-08")["venue"] == venue


@pytest.mark.parametrize(
    ("quote", "day"),
    [
        ("„Wie sich der Dorfplatz heute zeigt, das ist schön“, sagte der Landrat.", None),
        ("Der Landrat sagte heute, der Dorfplatz sei schön.", "2023-05-08"),
    ],
)
def test_a_day_only_in_a_quotation_is_not_the_events(nlp, quote: str, day):
    text = (
        "Das Oberxlinger Dorffest war gut besucht. Viele Vereine machten mit. Die "
        f"Kapelle spielte. Es gab Kuchen. {quote}"
    )
    assert only_event(nlp, text, "2023-05-08")["start"] == day


@pytest.mark.parametrize(
    ("name", "plain"),
    [
        ("Bundesverband", True),
        ("Verein", True),
        ("Bundesverband Holz", False),
        ("Oberxlingen", False),
    ],
)
def test_a_single_dictionary_noun_is_no_organiser_name(name: str, plain: bool):
    # beside a named organiser such a head alone (a name cut short) is dropped
    assert is_plain_noun(name) is plain


def test_word_memo_asks_each_word_once_and_forgets_when_full():
    asked: list[str] = []

    def noun_base(word: str) -> str | None:
        asked.append(word)
        return event_noun_base(word)

    memo = WordValues(noun_base, size=3)
    assert memo.hits({"Sommerfest", "wir", "Kongresses"}) == {
        "Sommerfest": "Sommerfest",
        "Kongresses": "Kongress",
    }
    assert memo.hits({"Sommerfest", "wir"}) == {"Sommerfest": "Sommerfest"}
    assert sorted(asked) == ["Kongresses", "Sommerfest", "wir"]  # known words not asked again
    # a new word past the size clears the memo: the document's words are all asked again
    assert memo.hits({"Sommerfest", "Turnier"}) == {
        "Sommerfest": "Sommerfest",
        "Turnier": "Turnier",
    }
    assert len(memo) == 2 and asked.count("Sommerfest") == 2


def test_cue_openings_read_from_the_docs_word_rows_are_the_words_own():
    """CueIndex finds the same cues from the shared word rows (a Doc's read texts) as from
    the lower-case words alone."""
    import spacy

    from pipeline.entities.words import read_doc
    from pipeline.events.lexicon import CueIndex

    doc = spacy.blank("de")(
        "Im Vorjahr kamen zur Messe in Talheim mehr Besucher als im Jahr zuvor. "
        "Veranstalter ist die Stadt, Aussteller kamen aus ganz Europa."
    )
    read = read_doc(doc)
    lowers = [t.lower_ for t in doc]
    from_rows, alone = CueIndex(lowers, read.texts), CueIndex(lowers)
    assert from_rows.starts == alone.starts
    assert from_rows.starts["past"]  # the test has cues to find


def test_a_close_race_is_an_idiom_not_an_event(nlp):
    assert event_noun_base("Kopf-an-Kopf-Rennen") is None
    assert event_noun_base("Radrennen") == "Radrennen"
    text = "Das Kopf-an-Kopf-Rennen um Platz eins entschied Hans Muster für sich."
    assert event_rows(nlp, text) == []
    raced = "Beim Talheimer Radrennen setzte sich Hans Muster am Ende knapp durch."
    assert [r["name"] for r in event_rows(nlp, raced)] == ["Talheimer Radrennen"]


def test_an_event_is_an_event_noun(nlp):
    assert event_noun_base("Firmenevents") == "Firmenevent"
    assert event_noun_base("Eventlocation") is None  # not the word's end
    rows = event_rows(nlp, "Beim Oberbacher Charity-Event kamen am Samstag 4.000 Euro zusammen.")
    assert [r["name"] for r in rows] == ["Oberbacher Charity-Event"]


def test_an_open_tournament_is_an_event_but_not_alone_nor_words_ending_so(nlp):
    assert event_noun_base("Schach-Open") == "Schach-Open"
    for word in ("Mikroskopen", "Biotopen", "Tropen", "Antilopen"):
        assert event_noun_base(word) is None
    text = (
        "Am Sonntag lockte das 12. Kerbacher Open 80 Tischtennisspieler in die Turnhalle. "
        "Gewonnen hat das Kerbacher Open ein Gast aus Ulm."
    )
    assert [r["name"] for r in event_rows(nlp, text)] == ["Kerbacher Open"]
    # a bare "Open" names no event
    assert event_rows(nlp, "Die Firma Muster setzt seit Jahren auf Open Source.") == []


def test_an_event_noun_after_a_short_lower_case_prefix(nlp):
    from pipeline.events.naming import _capitalised_noun_base

    assert _capitalised_noun_base("jfw-Laternenlauf") == "jfw-Laternenlauf"
    assert _capitalised_noun_base("e-Sport-Turniers") == "e-Sport-Turnier"
    assert _capitalised_noun_base("e-Bikes") is None  # no event noun
    assert _capitalised_noun_base("sommerfest") is None  # not capitalised anywhere
    assert _capitalised_noun_base("verbands-Sommerfest") is None  # a long lower-case word
    text = (
        "Regen beim jfw-Laternenlauf\n\nTrotz Nieselregen liefen in Talheim 300 Kinder "
        "beim jfw-Laternenlauf mit."
    )
    assert [r["name"] for r in event_rows(nlp, text)] == ["jfw-Laternenlauf"]


def test_a_season_festival_is_an_event_but_a_season_is_none(nlp):
    assert event_noun_base("Kultursommers") == "Kultursommer"
    assert event_noun_base("Musikherbst") == "Musikherbst"
    for word in ("Spätherbst", "Hochsommer", "Hitzesommer", "Vorfrühling"):
        assert event_noun_base(word) is None
    # the days or a night of a season are an event, those of a fair are its days
    assert event_noun_base("Herbsttage") == "Herbsttage"
    assert event_noun_base("Sommernacht") == "Sommernacht"
    assert event_noun_base("Messetage") is None
    text = "Der Talheimer Kultursommer lockte in diesem Jahr 5.000 Besucher an."
    assert [r["name"] for r in event_rows(nlp, text)] == ["Talheimer Kultursommer"]
    # a bare season names no event, also in the title
    season = "Ein heißer Sommer\n\nDer Sommer lockte 3.000 Badegäste ins Freibad."
    assert event_rows(nlp, season) == []


def test_the_day_the_event_is_said_to_end_is_its_last(nlp):
    text = (
        "Am vergangenen Wochenende maßen sich 40 Schachspieler beim Talheimer Schachturnier. "
        "Gespielt wurde ab Freitagnachmittag. Mit der Preisverleihung am Samstagabend endete "
        "das Turnier."
    )
    event = only_event(nlp, text, "2024-11-26")
    assert (event["start"], event["end"]) == ("2024-11-22", "2024-11-23")
    # without the end said, the weekend reaches to Sunday
    event = only_event(nlp, text.replace("endete das Turnier", "ging es weiter"), "2024-11-26")
    assert (event["start"], event["end"]) == ("2024-11-22", "2024-11-24")


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # the day nearest to the end cue ends it, not every day of its sentence
        (
            "Das Talheimer Stadtfest ist vorbei. Am Freitagabend ging es los, am Sonntag endete "
            "das Fest. Rund 20.000 Besucher kamen.",
            ("2023-06-09", "2023-06-11"),
        ),
        # a length stated where it is named reaches back from the day it ended
        (
            "Drei Tage lang feierte Talheim sein Stadtfest. Am Sonntag ging es mit einem Umzug "
            "zu Ende. Rund 20.000 Besucher kamen.",
            ("2023-06-09", "2023-06-11"),
        ),
        (
            "Gestern ging das Talheimer Stadtfest zu Ende. Vier Tage lang feierten 20.000 "
            "Besucher.",
            ("2023-06-08", "2023-06-11"),
        ),
        # a day said once, with no end said, is the one day
        (
            "Das Talheimer Stadtfest am Samstag war ein voller Erfolg. Drei Tage lang hatten "
            "Helfer aufgebaut.",
            ("2023-06-10", "2023-06-10"),
        ),
    ],
)
def test_the_end_day_and_a_stated_length_give_the_days(nlp, text: str, days):
    event = only_event(nlp, text, "2023-06-12")
    assert (event["start"], event["end"]) == days


def test_an_end_cue_about_something_else_in_the_events_sentence_ends_nothing(nlp):
    # the concert ended on Saturday; the festival ran on to Sunday
    text = (
        "Das Stadtfest begann am Freitag, 2. Mai 2025, mit dem Fassanstich. Am Samstag endete "
        "das Konzert der Stadtkapelle, das Stadtfest lief bis Sonntag, 4. Mai 2025."
    )
    row = only_event(nlp, text, reference_date="2025-05-05")
    assert (row["start"], row["end"]) == ("2025-05-02", "2025-05-04")
