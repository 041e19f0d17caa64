"""A report's table rows are copies of the rows its Doc stores, counted in the whole text."""

from __future__ import annotations

import dataclasses

import spacy

from pipeline.batch import field_rows, mention_rows, stored_fields
from pipeline.read import parse_source
from pipeline.records import DateMention, PlaceMention

TEXT = "Am 3. Mai 2025 feiert Neustadt sein Stadtfest.\nDie Gäste kommen aus Altdorf."


def _doc():
    return spacy.blank("de")(TEXT)


def test_stored_rows_are_the_fields_of_the_records() -> None:
    doc = _doc()
    day = DateMention(3, 14, "3. Mai 2025", "2025-05-03", "2025-05-03", "2025-05-03", "day", False)
    doc._.dates = [day]
    fields = stored_fields(doc._.facts, "dates")
    assert fields == [dataclasses.asdict(day)]
    assert fields[0] is doc._.facts["dates"][0]  # no copy: the rows are read as stored
    assert stored_fields(doc._.facts, "figures") == []


def test_a_row_set_by_hand_is_read_through_its_record() -> None:
    doc = _doc()
    # fields in another order, the optional ones left out: read as doc._.places reads it
    doc._.places = [{"name": "Altdorf", "text": "Altdorf", "end_char": 76, "start_char": 69}]
    (fields,) = stored_fields(doc._.facts, "places")
    assert list(fields) == [f.name for f in dataclasses.fields(PlaceMention)]
    assert fields == dataclasses.asdict(doc._.places[0])


def test_rows_from_stored_fields_equal_rows_from_records() -> None:
    doc = _doc()
    doc._.places = [
        PlaceMention(69, 76, "Altdorf", "Altdorf", "city"),
        PlaceMention(22, 30, "Neustadt", "Neustadt", "city"),
    ]
    source = parse_source(b"---\ndate: 2025-04-01\n---\n" + TEXT.encode())
    sentence_starts = [0, 47]
    from_records = mention_rows("r1", doc._.places, source, sentence_starts, sentences_before=2)
    from_fields = field_rows(
        "r1", stored_fields(doc._.facts, "places"), source, sentence_starts, sentences_before=2
    )
    assert from_fields == from_records
    assert [list(row) for row in from_fields] == [list(row) for row in from_records]
    first, second = from_fields
    assert (first["text"], first["sentence"], second["sentence"]) == ("Neustadt", 2, 3)
    assert first["start_char"] == 22 + source.offsets[0]  # counted in the file, front matter too
