"""The project's own marked event reports: the mark syntax, and the committed JSON-lines file
being exactly the conversion of the marked source, on spaCy's token boundaries."""

from __future__ import annotations

import re

import pytest

from pipeline.ner.corpora import AlignmentCount, read_event_reports
from pipeline.ner.own_reports import (
    JSONL_FILE,
    MARKED_FILE,
    parse_marked,
    read_marked_reports,
    to_jsonl,
)


def test_marks_become_character_offsets() -> None:
    text, entities = parse_marked(
        "Die Band [[Mondfähre|ORG]] spielt im [[Zollhaus Brenz|LOC]] auf."
    )
    assert text == "Die Band Mondfähre spielt im Zollhaus Brenz auf."
    assert [(text[e["start"] : e["end"]], e["label"]) for e in entities] == [
        ("Mondfähre", "ORG"),
        ("Zollhaus Brenz", "LOC"),
    ]


@pytest.mark.parametrize("bad", ["Das [[Fest|XYZ]] beginnt.", "Der [[ Verein|ORG]] lädt ein."])
def test_bad_marks_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="bad mark"):
        parse_marked(bad)


def test_committed_jsonl_is_the_marked_source_on_token_boundaries() -> None:
    reports = read_marked_reports(MARKED_FILE)
    # Edit the marked file, then run `python -m pipeline.ner.own_reports`.
    assert JSONL_FILE.read_text(encoding="utf-8") == to_jsonl(reports)
    counts = AlignmentCount()
    sentences = list(read_event_reports(JSONL_FILE, counts=counts))
    assert counts.spans == sum(len(r.entities) for r in reports)
    assert (counts.misaligned, counts.lost) == (0, 0)
    assert {s.doc_id.split(":", 1)[1] for s in sentences} == {r.id for r in reports}


def test_every_occurrence_of_a_marked_name_is_marked() -> None:
    # The convention of the shared event reports: a name marked once in a report is marked
    # wherever it stands as a whole word there; an unmarked twin teaches the model "no name".
    unmarked = []
    for report in read_marked_reports(MARKED_FILE):
        spans = [(e["start"], e["end"]) for e in report.entities]
        for name in {str(e["text"]) for e in report.entities}:
            pattern = r"(?<![\w-])" + re.escape(name) + r"(?![\w-])"
            for match in re.finditer(pattern, report.text):
                if not any(s <= match.start() and match.end() <= e for s, e in spans):
                    unmarked.append((report.id, name))
    assert unmarked == []
