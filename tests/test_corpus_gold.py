"""The project corpus (corpus/) and its gold files (corpus/gold/) agree with gold-schema.md.

Checks: every report has exactly one gold file with its id and vice versa; every gold file has
the schema's keys and value types, the qualifier vocabulary and TIMEX3-style values; every
entry's ``text`` occurs in the report as the pipeline reads it (front matter stripped, cp1252
decoded); a weekday written right before a calendar date agrees with the calendar and with gold.
The checker functions are tested on broken input too, so that they demonstrably can fail.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from pipeline.read import discover, doc_id_for, parse_source

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLD_DIR = CORPUS / "gold"
OWN_SOURCE = "written for the project corpus"

TOP_KEYS = {
    "id",
    "source",
    "published",
    "reference_date",
    "dates",
    "places",
    "organisations",
    "figures",
    "events",
}
EVENT_KEYS = {
    *("name", "aliases", "year", "start", "end", "city", "venue", "organisers"),
    *("visitors", "exhibitors", "participants", "notes", "optional"),
}
EVENT_TOTALS = ("visitors", "exhibitors", "participants")
DATE_KEYS = {"text", "value", "aliases", "optional"}
NAME_KEYS = {"text", "name", "aliases", "optional"}
FIGURE_KEYS = {"text", "value", "unit", "qualifier", "optional"}
QUALIFIERS = {"exact", "approx", "more_than", "less_than", "at_least", "at_most", "almost"}

# TIMEX3-style values: year, month, day, optional clock time, season; time only; ranges of these.
_POINT = (
    r"(?:\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])"
    r"(?:T(?:[01]\d|2[0-3]):[0-5]\d)?)?|-(?:SP|SU|FA|WI))?"
    r"|T(?:[01]\d|2[0-3]):[0-5]\d)"
)
DATE_VALUE = re.compile(rf"{_POINT}(?:/{_POINT})?")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
PUBLISHED = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")

WEEKDAYS = {
    "montag": 0,
    "dienstag": 1,
    "mittwoch": 2,
    "donnerstag": 3,
    "freitag": 4,
    "samstag": 5,
    "sonnabend": 5,
    "sonntag": 6,
}
MONTHS = {
    "januar": 1,
    "jänner": 1,
    "februar": 2,
    "feber": 2,
    "märz": 3,
    "april": 4,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "dezember": 12,
}
# "Donnerstag, 23. November 2023", "Totensonntag, dem 26. November", "Freitag, 17.11.2023"
WEEKDAY_DATE = re.compile(
    r"(?P<wd>\w*?(?:" + "|".join(WEEKDAYS) + r"))\b,?\s+(?:(?:den|dem)\s+)?"
    r"(?P<day>\d{1,2})\.\s*(?:(?P<num>\d{1,2})\.(?P<ny>\d{4})?|(?P<mon>"
    + "|".join(MONTHS)
    + r")(?:\s+(?P<my>\d{4}))?)",
    re.I,
)


# --- loading ------------------------------------------------------------------------------


@cache
def corpus_docs() -> dict[str, Path]:
    return {doc_id_for(CORPUS, p): p for p in discover(CORPUS)}


@cache
def gold_files() -> dict[str, dict[str, Any]]:
    """Gold files by file name; each must hold a JSON object."""
    return {
        p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD_DIR.glob("*.json"))
    }


@cache
def gold_by_id() -> dict[str, dict[str, Any]]:
    return {g["id"]: g for g in gold_files().values()}


@cache
def report_text(doc_id: str) -> str:
    return parse_source(corpus_docs()[doc_id].read_bytes()).text


def gold_file_name(doc_id: str) -> str:
    """Gold files are flat: corpus/2023/x.txt -> gold/2023__x.json with id "2023/x"."""
    return doc_id.replace("/", "__") + ".json"


# --- checkers (pure functions, tested below on broken input) -------------------------------


def schema_errors(gold: dict[str, Any]) -> list[str]:
    errors: list[str] = []
    if set(gold) != TOP_KEYS:
        errors.append(f"top-level keys {sorted(set(gold) ^ TOP_KEYS)} differ from the schema")
    if not isinstance(gold.get("id"), str) or not gold.get("id"):
        errors.append("id must be a non-empty string")
    if not isinstance(gold.get("source"), str) or not gold.get("source"):
        errors.append("source must be a non-empty string")
    published = gold.get("published")
    if published is not None and not (
        isinstance(published, str) and PUBLISHED.fullmatch(published)
    ):
        errors.append(f"published {published!r} is neither null nor YYYY[-MM[-DD]]")
    ref = gold.get("reference_date")
    if ref is not None:
        if not (isinstance(ref, str) and ISO_DAY.fullmatch(ref)):
            errors.append(f"reference_date {ref!r} is neither null nor YYYY-MM-DD")
        else:
            try:
                dt.date.fromisoformat(ref)
            except ValueError:
                errors.append(f"reference_date {ref!r} is no calendar day")
    for fact, keys in (
        ("dates", DATE_KEYS),
        ("places", NAME_KEYS),
        ("organisations", NAME_KEYS),
        ("figures", FIGURE_KEYS),
    ):
        entries = gold.get(fact)
        if not isinstance(entries, list):
            errors.append(f"{fact} must be a list")
            continue
        for i, entry in enumerate(entries):
            where = f"{fact}[{i}]"
            if not isinstance(entry, dict):
                errors.append(f"{where} is not an object")
                continue
            errors += [f"{where}: {e}" for e in _entry_errors(fact, entry, keys)]
    events = gold.get("events")
    if not isinstance(events, list):
        errors.append("events must be a list")
        events = []
    for i, event in enumerate(events):
        errors += [f"events[{i}]: {e}" for e in _event_errors(event, gold)]
    errors += _duplicate_errors(gold)
    return errors


def _event_errors(event: Any, gold: dict[str, Any]) -> list[str]:
    """An event record as gold-schema.md's "events" section has it: its places and
    organisers are names of the gold's places and organisations."""
    if not isinstance(event, dict):
        return ["is not an object"]
    errors = [f"unknown key {k!r}" for k in sorted(set(event) - EVENT_KEYS)]
    if not isinstance(event.get("name"), str) or not event.get("name", "").strip():
        errors.append("name must be a non-empty string")
    if event.get("year") is not None and not isinstance(event.get("year"), int):
        errors.append("year must be an integer or null")
    for key in ("start", "end"):
        value = event.get(key)
        if value is not None and not (isinstance(value, str) and DATE_VALUE.fullmatch(value)):
            errors.append(f"{key} {value!r} is not an ISO day, month or year")
    names = {
        fact: {e.get("name") for e in gold.get(fact) or [] if isinstance(e, dict)}
        for fact in ("places", "organisations")
    }
    for key in ("city", "venue"):
        # a city may be named only inside a venue's name ("Messe Stuttgart")
        if event.get(key) is not None and not any(event[key] in n for n in names["places"]):
            errors.append(f"{key} {event[key]!r} is no place name of the gold")
    for organiser in event.get("organisers") or []:
        if organiser not in names["organisations"]:
            errors.append(f"organiser {organiser!r} is no organisation name of the gold")
    for key in EVENT_TOTALS:
        total = event.get(key)
        if total is None:
            continue
        value = total.get("value") if isinstance(total, dict) else None
        if isinstance(value, bool) or not isinstance(value, int | float):
            errors.append(f"{key} must be null or have a numeric value")
        elif total.get("qualifier") not in QUALIFIERS:
            errors.append(f"{key} qualifier {total.get('qualifier')!r} not in the vocabulary")
    return errors


def _entry_errors(fact: str, entry: dict[str, Any], keys: set[str]) -> list[str]:
    errors = []
    if not set(entry) <= keys:
        errors.append(f"unknown keys {sorted(set(entry) - keys)}")
    if not isinstance(entry.get("text"), str) or not entry.get("text", "").strip():
        errors.append("text must be a non-empty string")
    if "optional" in entry and not isinstance(entry["optional"], bool):
        errors.append("optional must be true or false")
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        errors.append("aliases must be a list of non-empty strings")
        aliases = []
    if fact == "dates":
        for value in [entry.get("value"), *aliases]:
            if not (isinstance(value, str) and DATE_VALUE.fullmatch(value)):
                errors.append(f"date value {value!r} is not TIMEX3-style ISO")
            else:
                errors += _calendar_errors(value)
    elif fact in ("places", "organisations"):
        if not isinstance(entry.get("name"), str) or not entry.get("name", "").strip():
            errors.append("name must be a non-empty string")
    else:
        value = entry.get("value")
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            errors.append(f"figure value {value!r} is not a non-negative number")
        unit = entry.get("unit")
        if not isinstance(unit, str) or not unit.strip() or unit != unit.strip():
            errors.append(f"unit {unit!r} must be a non-empty trimmed string")
        if entry.get("qualifier") not in QUALIFIERS:
            errors.append(f"qualifier {entry.get('qualifier')!r} not in {sorted(QUALIFIERS)}")
    return errors


def _calendar_errors(value: str) -> list[str]:
    errors = []
    for day in ISO_DAY.findall(value):
        try:
            dt.date.fromisoformat(day)
        except ValueError:
            errors.append(f"{day} in {value!r} is no calendar day")
    return errors


def _duplicate_errors(gold: dict[str, Any]) -> list[str]:
    """Once per distinct value / name / (value, unit), as the schema asks."""
    errors = []
    keyed = {
        "dates": lambda e: e.get("value"),
        "places": lambda e: e.get("name"),
        "organisations": lambda e: e.get("name"),
        "figures": lambda e: (e.get("value"), e.get("unit")),
    }
    for fact, key in keyed.items():
        entries = gold.get(fact)
        if not isinstance(entries, list):
            continue
        seen: set[Any] = set()
        for entry in entries:
            if not isinstance(entry, dict):
                continue
            k = key(entry)
            if k in seen:
                errors.append(f"{fact}: {k!r} listed twice")
            seen.add(k)
    return errors


def missing_texts(gold: dict[str, Any], text: str) -> list[str]:
    """Entry texts that do not occur in the report text."""
    return [
        f"{fact}: {entry['text']!r}"
        for fact in ("dates", "places", "organisations", "figures")
        for entry in gold.get(fact, [])
        if entry.get("text") not in text
    ]


def _gold_days(gold: dict[str, Any]) -> set[dt.date]:
    days = set()
    for entry in gold.get("dates", []):
        for value in (entry["value"], *entry.get("aliases", [])):
            for day in ISO_DAY.findall(value):
                days.add(dt.date.fromisoformat(day))
    return days


def weekday_errors(gold: dict[str, Any], text: str) -> list[str]:
    """A weekday right before a date must be that date's weekday, and gold must hold the date.

    Without a year in the text the date is looked up in gold by day and month.
    """
    errors = []
    days = _gold_days(gold)
    for m in WEEKDAY_DATE.finditer(text):
        weekday = WEEKDAYS[next(w for w in WEEKDAYS if m["wd"].lower().endswith(w))]
        day = int(m["day"])
        month = int(m["num"]) if m["num"] else MONTHS[m["mon"].lower()]
        year_text = m["ny"] or m["my"]
        candidates = [d for d in days if (d.month, d.day) == (month, day)]
        if year_text:
            try:
                written = dt.date(int(year_text), month, day)
            except ValueError:
                errors.append(f"{m[0]!r}: no such calendar day")
                continue
            if written.weekday() != weekday:
                errors.append(f"{m[0]!r}: {written} is a {written:%A}")
            candidates = [d for d in candidates if d.year == written.year]
        if not candidates:
            errors.append(f"{m[0]!r}: no gold date value with that day")
        errors += [
            f"{m[0]!r}: gold has {d} which is a {d:%A}"
            for d in candidates
            if d.weekday() != weekday
        ]
    return errors


def unresolvable_date_errors(gold: dict[str, Any]) -> list[str]:
    """Without a reference date, relative expressions are left out: every required date is a
    time only or states its year in its own text."""
    if gold.get("reference_date") is not None:
        return []
    return [
        f"{entry['text']!r} -> {entry['value']} needs a reference date"
        for entry in gold.get("dates", [])
        if not entry.get("optional")
        and not entry["value"].startswith("T")
        and not re.search(r"\b\d{4}\b", entry["text"])
    ]


# --- the corpus -----------------------------------------------------------------------------


def test_corpus_and_gold_pair_up() -> None:
    docs = set(corpus_docs())
    assert docs, "no reports in corpus/"
    ids = [g.get("id") for g in gold_files().values()]
    assert len(ids) == len(set(ids)), "two gold files share an id"
    assert docs - set(ids) == set(), "reports without a gold file"
    assert set(ids) - docs == set(), "gold files without a report"
    for name, gold in gold_files().items():
        assert name == gold_file_name(gold["id"]), f"{name} should be {gold_file_name(gold['id'])}"


def test_no_gold_subfolders_and_no_stray_reports() -> None:
    assert not [p for p in GOLD_DIR.iterdir() if p.is_dir()], "gold files must stay flat"
    assert not [p for p in GOLD_DIR.rglob("*") if p.suffix.lower() in (".txt", ".md")]


@pytest.mark.parametrize("name", sorted(gold_files()))
def test_gold_follows_schema(name: str) -> None:
    assert schema_errors(gold_files()[name]) == []


@pytest.mark.parametrize("doc_id", sorted(corpus_docs()))
def test_gold_texts_occur_in_report(doc_id: str) -> None:
    assert missing_texts(gold_by_id()[doc_id], report_text(doc_id)) == []


@pytest.mark.parametrize("doc_id", sorted(corpus_docs()))
def test_weekdays_before_dates_agree_with_gold(doc_id: str) -> None:
    assert weekday_errors(gold_by_id()[doc_id], report_text(doc_id)) == []


@pytest.mark.parametrize("doc_id", sorted(corpus_docs()))
def test_no_relative_dates_without_reference_date(doc_id: str) -> None:
    assert unresolvable_date_errors(gold_by_id()[doc_id]) == []


@pytest.mark.parametrize("doc_id", sorted(corpus_docs()))
def test_reference_date_agrees_with_front_matter_and_dateline(doc_id: str) -> None:
    from pipeline.refdate import find_dateline

    source = parse_source(corpus_docs()[doc_id].read_bytes())
    ref = gold_by_id()[doc_id]["reference_date"]
    if source.front_matter.get("date"):
        assert ref == source.front_matter["date"]
    elif (dateline := find_dateline(source.text)) is not None:
        assert ref == dateline.isoformat()


@pytest.mark.parametrize("doc_id", sorted(corpus_docs()))
def test_reports_decode_cleanly(doc_id: str) -> None:
    text = report_text(doc_id)
    assert "\ufffd" not in text
    assert not re.search(r"Ã[\x80-\xbf¼¶¤Ÿ–—]|â‚¬", text), "mojibake: decoded with the wrong codec"


def test_corpus_has_the_required_variety() -> None:
    """Front matter, a cp1252 file, a nested report, a report without reference date."""
    paths = corpus_docs()
    golds = gold_by_id()
    assert any(parse_source(p.read_bytes()).front_matter.get("date") for p in paths.values())
    assert any("/" in doc_id for doc_id in paths)
    assert any(g["reference_date"] is None for g in golds.values())
    cp1252 = [p for p in paths.values() if _is_cp1252_not_utf8(p.read_bytes())]
    assert cp1252, "no report saved in cp1252"
    for path in cp1252:
        text = parse_source(path.read_bytes()).text
        assert "€" in text and "ß" in text and re.search("[äöüÄÖÜ]", text)
    own = [d for d, g in golds.items() if g["source"] == OWN_SOURCE]
    assert len(own) >= 9


def _is_cp1252_not_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


@pytest.mark.parametrize(
    "doc_id", sorted(d for d, g in gold_by_id().items() if g["source"] == OWN_SOURCE)
)
def test_own_reports_have_the_agreed_length(doc_id: str) -> None:
    assert 150 <= len(report_text(doc_id).split()) <= 420


# --- the checkers can fail ---------------------------------------------------------------------

GOOD = {
    "id": "x",
    "source": OWN_SOURCE,
    "published": "2019-10-22",
    "reference_date": "2019-10-22",
    "dates": [{"text": "Dienstag, 22. Oktober 2019", "value": "2019-10-22"}],
    "places": [{"text": "Berlin", "name": "Berlin", "aliases": []}],
    "organisations": [{"text": "Bitkom e.V.", "name": "Bitkom e.V.", "aliases": ["Bitkom"]}],
    "figures": [{"text": "rund 12 Stände", "value": 12, "unit": "Stand", "qualifier": "approx"}],
    "events": [
        {
            "name": "Bitkom-Tag",
            "aliases": [],
            "year": 2019,
            "start": "2019-10-22",
            "end": "2019-10-22",
            "city": "Berlin",
            "venue": None,
            "organisers": ["Bitkom e.V."],
            "visitors": None,
            "exhibitors": {"value": 12, "qualifier": "approx"},
            "participants": None,
        }
    ],
}
GOOD_TEXT = "Am Dienstag, 22. Oktober 2019 zeigte Bitkom e.V. in Berlin rund 12 Stände."


def _broken(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    gold = copy.deepcopy(GOOD)
    target = gold
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return gold


def test_checkers_accept_good_gold() -> None:
    assert schema_errors(GOOD) == []
    assert missing_texts(GOOD, GOOD_TEXT) == []
    assert weekday_errors(GOOD, GOOD_TEXT) == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("figures",), KeyError),
        (("extra",), []),
        (("published",), "22.10.2019"),
        (("reference_date",), "2019-02-30"),
        (("dates", 0, "value"), "22.10.2019"),
        (("dates", 0, "value"), "2019-10-22T25:00"),
        (("dates", 0, "aliases"), ["2019-13"]),
        (("places", 0, "name"), ""),
        (("organisations", 0, "aliases"), "Bitkom"),
        (("figures", 0, "qualifier"), "rund"),
        (("figures", 0, "unit"), ""),
        (("figures", 0, "value"), "12"),
        (("figures", 0, "optional"), "yes"),
        (("figures", 0, "note"), "?"),
        (("events",), KeyError),
        (("events", 0, "start"), "22.10.2019"),
        (("events", 0, "city"), "Hamburg"),
        (("events", 0, "organisers"), ["Messe Essen GmbH"]),
        (("events", 0, "exhibitors"), {"value": "12", "qualifier": "approx"}),
        (("events", 0, "edition"), 3),
    ],
)
def test_schema_errors_catch_broken_gold(path: tuple[Any, ...], value: Any) -> None:
    assert schema_errors(_broken(path, value))


def test_duplicates_are_caught() -> None:
    gold = copy.deepcopy(GOOD)
    gold["figures"].append(dict(gold["figures"][0], text="12 Stände"))
    assert schema_errors(gold)


def test_missing_texts_are_caught() -> None:
    assert missing_texts(_broken(("places", 0, "text"), "Hamburg"), GOOD_TEXT)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Am Mittwoch, 22. Oktober 2019 zeigte Bitkom e.V. in Berlin rund 12 Stände.", None),
        (GOOD_TEXT, "2019-10-23"),  # gold lacks the day the text names
        ("Am Dienstag, dem 23.10. zeigte Bitkom e.V. in Berlin rund 12 Stände.", "2019-10-23"),
    ],
)
def test_weekday_errors_are_caught(text: str, value: str | None) -> None:
    gold = _broken(("dates", 0, "value"), value) if value else GOOD
    assert weekday_errors(gold, text)


def test_relative_dates_without_reference_date_are_caught() -> None:
    gold = _broken(("reference_date",), None)
    gold["dates"].append({"text": "am Mittwoch", "value": "2019-10-23"})
    assert unresolvable_date_errors(gold)
    assert not unresolvable_date_errors(_broken(("reference_date",), None))
