"""The array sentencizer marks the sentence starts spaCy's rule sentencizer marks."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import SENT_START
from spacy.pipeline import Sentencizer

from pipeline.sentences import CONTENT, ENDS, PUNCT, ArraySentencizer, sentence_starts

TEXTS = [
    "Das Stadtfest beginnt am Freitag. Es endet am Sonntag!",
    "„Wir freuen uns.“ Der Bürgermeister eröffnete das Fest … und dann?! Musik.",
    "Kommt alle!!! Eintritt frei (ab 18 Uhr). Parken: am Markt.\n\nNeuer Absatz hier",
    "z. B. die Altstadt, d. h. der Marktplatz. Ende",
    "... drei Punkte am Anfang. Und ein Satz ohne Punkt",
    "Frage？ Antwort。 Noch ein Satz",
    "",
    ".",
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("de")


@pytest.mark.parametrize("text", TEXTS)
def test_same_sentence_starts_as_spacy(nlp, text: str) -> None:
    doc = nlp.make_doc(text)
    expected = Sentencizer()(doc.copy())
    found = ArraySentencizer(nlp.vocab)(doc.copy())
    assert found.to_array([SENT_START]).tolist() == expected.to_array([SENT_START]).tolist()
    assert found.to_bytes() == expected.to_bytes()


def test_sentences_of_a_report(nlp) -> None:
    doc = ArraySentencizer(nlp.vocab)(nlp.make_doc("Das Fest beginnt. Kommt alle!“ Es endet"))
    # punctuation after a sentence end stays with it, as spaCy's rule has it
    assert [s.text for s in doc.sents] == ["Das Fest beginnt.", "Kommt alle!“", "Es endet"]


def test_marks_already_set_are_kept(nlp) -> None:
    doc = nlp.make_doc("Eins zwei. Drei vier. Fünf")
    doc[3].is_sent_start = False  # "Drei" continues the sentence
    doc[4].is_sent_start = True  # "vier" starts one
    found = ArraySentencizer(nlp.vocab)(doc.copy())
    expected = Sentencizer()(doc)
    assert found.to_array([SENT_START]).tolist() == expected.to_array([SENT_START]).tolist()
    assert [s.text for s in found.sents] == ["Eins zwei. Drei", "vier.", "Fünf"]


def test_sentence_starts_rule() -> None:
    # a word, an end, a closing quote (punctuation), a word, a word, an end, an end, a word
    kinds = [CONTENT, ENDS, PUNCT, CONTENT, CONTENT, ENDS, ENDS, CONTENT]
    assert sentence_starts(kinds) == [1, -1, -1, 1, -1, -1, -1, 1]
    assert sentence_starts([ENDS, CONTENT]) == [1, 1]
