"""The per-stage profile (``bench --profile``) and the shared Doc layout it relies on."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from pipeline.bench import build_corpus
from pipeline.doc_layout import doc_layout, doc_text, remember_text
from pipeline.nlp import EXTRACTORS
from pipeline.stage_times import format_stage_times, stage_times

ROOT = Path(__file__).resolve().parents[1]

TEXTS = [
    "Die Messe öffnete am 3. Mai 2022. Rund 4.500 Gäste kamen!  Am Sonntag war Schluss.",
    "  Einleitung ohne Punkt\n\nDer Verein zählte 120 Mitglieder. Zwei davon kamen aus Köln.",
    "Ein Satz",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_layout_is_what_spacy_gives(blank_nlp, text: str) -> None:
    doc = blank_nlp(text)
    sents = list(doc.sents)
    layout = doc_layout(doc)
    assert layout.text == doc.text == text
    assert layout.sentence_tokens == [s.start for s in sents]
    assert layout.sentence_starts == [s.start_char for s in sents]
    assert layout.sentence_ends == [s.end_char for s in sents]


def test_layout_without_sentence_marks_is_one_sentence() -> None:
    doc = spacy.blank("de")("Erster Satz. Zweiter Satz.")
    assert not doc.has_annotation("SENT_START")
    assert doc_layout(doc).sentence_starts == [0]
    assert doc_layout(doc).sentence_ends == [len(doc.text)]


def test_remembered_text_is_used(blank_nlp) -> None:
    doc = blank_nlp.make_doc("Am 1. Juni.")
    remember_text(doc, "Am 1. Juni.")
    assert doc_text(doc) == "Am 1. Juni."
    other = blank_nlp.make_doc("Am 2. Juni.")
    assert doc_text(other) == "Am 2. Juni."  # not remembered: built from the tokens


def test_stage_times_cover_every_component_and_the_run_around_them(
    tmp_path: Path, blank_nlp
) -> None:
    corpus = build_corpus(ROOT / "corpus", 6, tmp_path)
    times, measured = stage_times(blank_nlp, corpus.folder)
    stages = [t.stage for t in times]
    assert stages[:2] == ["read", "tokenizer"]
    assert stages[-2:] == ["rows", "write"]
    assert set(EXTRACTORS) <= set(stages) and set(blank_nlp.pipe_names) <= set(stages)
    assert measured == 6
    assert sum(t.cpu_seconds for t in times) > 0
    report = format_stage_times(times, measured, corpus.words)
    assert "german_dates" in report and "6 reports" in report
