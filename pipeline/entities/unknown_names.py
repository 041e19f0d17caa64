"""A place name the gazetteer does not know, after a head word that announces one ("Landkreis
Rottal-Inn", "Gemeinde Aichwald", "Stadt Neuweiler"): small towns and districts are many, the
gazetteer lists towns from 1,000 inhabitants on, and the head says what the next word is."""

from __future__ import annotations

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Doc

from pipeline.entities.canonical import LemmaLookup, is_adjective
from pipeline.entities.gazetteer import Gazetteer
from pipeline.entities.words import first_names, is_capitalised, is_noun_form


def place_name_end(doc: Doc, j: int, gazetteer: Gazetteer, lemma: LemmaLookup | None) -> int | None:
    """End of the place name at token j after a head word: the gazetteer's match, else one
    capitalised word (hyphenated parts allowed) that is no common noun, adjective, function
    word or first name, and that no further capitalised word continues."""
    if j >= len(doc):
        return None
    match = gazetteer.match_at(doc, j)
    if match is not None:
        return match.end
    text = doc[j].text
    parts = text.split("-")
    if not is_capitalised(text) or not all(p.isalpha() for p in parts) or len(text) < 3:
        return None
    if text.lower() in STOP_WORDS or text in first_names() or text.isupper():
        return None
    if any(is_noun_form(p) for p in parts if is_capitalised(p)) or is_adjective(text, lemma):
        return None
    if lemma is not None and lemma(text) not in (None, text):
        return None  # an inflected everyday word
    nxt = doc[j + 1].text if j + 1 < len(doc) else ""
    if is_capitalised(nxt) and nxt not in first_names():
        return None  # "Gemeinde Aichwald Bürgermeister ...": where the name ends is unclear
    return j + 1
