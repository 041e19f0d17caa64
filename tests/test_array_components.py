"""Sentences and lookup lemmas for pipelines without them: spaCy's sentencizer's and lookup
lemmatizer's, set for a whole Doc at once."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.pipeline import Lemmatizer, Sentencizer

from pipeline.array_components import LookupLemmas, PunctSentences

SENTENCES = (
    "Ende. (Neu eröffnet.) „Wirklich?!“ Weiter geht es … mit dem Fest!!! Dann: Schluss",
    "... Nach drei Punkten. Und ?! noch ein Satz ohne Ende",
    "Die Kinder spielten am Samstag in den Gärten der Häuser, während die Eltern Kuchen aßen.",
    "Rund 250 Besucherinnen und Besucher kamen zum 3. Frühlingsfest nach Neustadt-Süd.",
    "Der Verein „Grüne Wiesen e.V.“ lud ein; gesungen wurde bis 23:30 Uhr!",
    "Hanna-Lotte Brauckmeier gewann den Wettbewerb mit 12,5 Punkten vor den Gästen.",
)


@pytest.fixture(scope="module")
def blank_de() -> spacy.language.Language:
    nlp = spacy.blank("de")
    nlp.add_pipe("german_lemmas", name="lemmatizer")
    return nlp


@pytest.fixture(scope="module")
def spacy_lemmatizer(blank_de: spacy.language.Language) -> Lemmatizer:
    lemmatizer = Lemmatizer(blank_de.vocab, None, mode="lookup")
    lemmatizer.initialize()
    return lemmatizer


@pytest.fixture(scope="module")
def sentences_blank() -> spacy.language.Language:
    nlp = spacy.blank("de")
    nlp.add_pipe("german_sentences", name="sentencizer")
    return nlp


@pytest.mark.parametrize("text", SENTENCES)
def test_same_sentences_as_spacys_sentencizer(
    sentences_blank: spacy.language.Language, text: str
) -> None:
    ours = sentences_blank(text)
    theirs = Sentencizer()(sentences_blank.make_doc(text))
    assert [t.is_sent_start for t in ours] == [t.is_sent_start for t in theirs]
    assert [s.text for s in ours.sents] == [s.text for s in theirs.sents]


def test_a_sentence_starts_at_the_first_word_after_a_final_mark(
    sentences_blank: spacy.language.Language,
) -> None:
    doc = sentences_blank("Das Fest endet. „Schön!“ sagte sie. (Bis bald.) Ende")
    # punctuation after the mark stays with its sentence, as spaCy's sentencizer has it
    assert [s.text for s in doc.sents] == [
        "Das Fest endet. „",
        "Schön!“",
        "sagte sie. (",
        "Bis bald.)",
        "Ende",
    ]


def test_a_sentence_start_set_before_stays_unless_overwritten(
    sentences_blank: spacy.language.Language,
) -> None:
    for overwrite, expected in ((False, True), (True, False)):
        doc = sentences_blank.make_doc("Das Fest endet heute")
        doc[2].is_sent_start = True
        PunctSentences(sentences_blank.vocab, overwrite=overwrite)(doc)
        assert doc[2].is_sent_start is expected
        assert doc[0].is_sent_start and doc[1].is_sent_start is False


def test_own_final_marks(sentences_blank: spacy.language.Language) -> None:
    doc = PunctSentences(sentences_blank.vocab, punct_chars=[";"])(
        sentences_blank.make_doc("Eins; zwei. Drei")
    )
    assert [s.text for s in doc.sents] == ["Eins;", "zwei. Drei"]


@pytest.mark.parametrize("text", SENTENCES)
def test_same_lemmas_as_spacys_lookup_lemmatizer(
    blank_de: spacy.language.Language, spacy_lemmatizer: Lemmatizer, text: str
) -> None:
    ours = blank_de(text)
    theirs = spacy_lemmatizer(blank_de.make_doc(text))
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
    assert [t.lemma for t in ours] == [t.lemma for t in theirs]


def test_table_lemmas_and_the_text_where_the_table_has_none(
    blank_de: spacy.language.Language,
) -> None:
    doc = blank_de("Die Kinder spielten mit Brauckmeiers")
    assert [t.lemma_ for t in doc] == ["der", "Kind", "spielen", "mit", "Brauckmeiers"]


def test_a_lemma_set_before_stays(blank_de: spacy.language.Language) -> None:
    doc = blank_de.make_doc("Die Kinder spielten")
    doc[1].lemma_ = "Kinderschar"
    blank_de.get_pipe("lemmatizer")(doc)
    assert [t.lemma_ for t in doc] == ["der", "Kinderschar", "spielen"]


def test_empty_doc(blank_de: spacy.language.Language, sentences_blank) -> None:
    assert len(blank_de("")) == 0
    assert len(sentences_blank("")) == 0


def test_memo_is_bounded(blank_de: spacy.language.Language) -> None:
    lemmas = LookupLemmas(blank_de.vocab, lookups=blank_de.get_pipe("lemmatizer").lookups)
    lemmas.lemma_ids.size = 3  # emptied on the fourth new word
    doc = lemmas(blank_de.make_doc("Die Kinder spielten in den Gärten"))
    assert len(lemmas.lemma_ids) <= 3
    assert [t.lemma_ for t in doc] == ["der", "Kind", "spielen", "in", "der", "Garten"]


def test_a_saved_pipeline_loads_with_spacy_load(
    blank_de: spacy.language.Language, tmp_path: Path
) -> None:
    blank_de.to_disk(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    assert isinstance(loaded.get_pipe("lemmatizer"), LookupLemmas)
    assert [t.lemma_ for t in loaded("Die Gärten")] == ["der", "Garten"]


def test_load_nlp_uses_them_without_a_parser_or_lemmatizer_of_the_model() -> None:
    from pipeline.nlp import load_nlp

    nlp = load_nlp("blank", extract=False)
    # only the tokens' own fix comes before it (pipeline.tokenizer_suffixes)
    assert nlp.pipe_names[:2] == ["german_ordinal_years", "sentencizer"]
    assert isinstance(nlp.get_pipe("sentencizer"), PunctSentences)
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, LookupLemmas)
    # the extractors read the table from the pipe, as from spaCy's lemmatizer
    assert lemmatizer.lookups.get_table("lemma_lookup").get("Gärten") == "Garten"
