"""A year ending a sentence is split from its full stop, so the sentence ends there; ordinals
and grouped numbers keep theirs."""

from __future__ import annotations

import pytest
import spacy

from pipeline.tokenizer_suffixes import ORDINAL_YEARS, german_tokens


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.blank("de")
    german_tokens(nlp)
    nlp.add_pipe("sentencizer")
    return nlp


def test_a_year_at_a_sentence_end_ends_the_sentence(nlp) -> None:
    doc = nlp("Der Markt kehrt im Sommer 2027. Dann wird er größer.")
    assert [t.text for t in doc][5:7] == ["2027", "."]
    assert [s.text for s in doc.sents] == [
        "Der Markt kehrt im Sommer 2027.",
        "Dann wird er größer.",
    ]


def test_a_written_date_at_a_sentence_end_too(nlp) -> None:
    doc = nlp("Eröffnet wird am 14.03.2026. Der Eintritt ist frei.")
    assert "14.03.2026" in [t.text for t in doc]
    assert len(list(doc.sents)) == 2


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Am 3. Mai beginnt das Fest.", "3."),
        ("Der 2.000. Gast bekam Blumen.", "2.000."),
        ("Die Losnummer 12026. gewann.", "12026."),
        # a four-digit ordinal after an article or a fused one
        ("Am Mittag kam der 2000. Gast zum Stand.", "2000."),
        ("Sie gratulierte zum 1900. Mal.", "1900."),
    ],
)
def test_ordinals_and_other_numbers_keep_their_stop(nlp, text: str, kept: str) -> None:
    doc = nlp(text)
    assert kept in [t.text for t in doc]
    assert len(list(doc.sents)) == 1


def test_spacys_german_tokenizer_alone_keeps_the_stop_on_a_year() -> None:
    # why the rule exists: without it the two sentences are one
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    assert len(list(nlp("Der Markt kehrt im Sommer 2027. Dann wird er größer.").sents)) == 1


def test_a_second_call_adds_nothing(nlp) -> None:
    pattern = nlp.tokenizer.suffix_search.__self__.pattern
    german_tokens(nlp)
    assert nlp.tokenizer.suffix_search.__self__.pattern == pattern
    assert nlp.pipe_names.count(ORDINAL_YEARS) == 1


def test_the_pipeline_loads_with_them() -> None:
    from pipeline.nlp import load_nlp

    nlp = load_nlp("blank", extract=False)
    assert [t.text for t in nlp("seit 1998.")] == ["seit", "1998", "."]
    assert nlp.pipe_names[0] == ORDINAL_YEARS
