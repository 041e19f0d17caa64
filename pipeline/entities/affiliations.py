"""A person's affiliation in brackets: "Eva Roth (Akademie für Lehrer in Schule und Beruf,
Berlin)". The bracket holds the body's whole name, at most followed by its town, so an
organisation that opens the bracket and stops early at a word its rule does not take ("in")
runs on to the bracket's end or to the comma before the town."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from pipeline.entities.candidates import ORG, PERSON, PLACE, Candidate
from pipeline.entities.words import entity_words, is_capitalised, span_of

# an affiliation longer than this is a sentence in brackets, no name
MAX_ADDED_WORDS = 6
BRACKET_NAME_WORDS = entity_words("bracket_name_word")


def extend_bracketed_affiliations(doc: Doc, kept: list[Candidate]) -> list[Candidate]:
    person_ends = {c.end for c in kept if c.label == PERSON}
    if not person_ends:
        return kept
    starts = {c.start: c for c in kept}
    return [_extended(doc, c, starts) if c.start - 1 in person_ends else c for c in kept]


def _extended(doc: Doc, c: Candidate, starts: dict[int, Candidate]) -> Candidate:
    if c.label != ORG or c.start < 1 or doc[c.start - 1].text != "(":
        return c
    if c.legal_form:
        return c  # "(Velvorn AG Ulm und Mitglied des Vorstands)": the legal form closes it
    end = _name_end(doc, c.end, starts)
    if end is None or end == c.end:
        return c
    added = span_of(doc, c.end, end).text
    return replace(c, end=end, name=f"{c.name}{doc[c.end - 1].whitespace_}{added}")


def _name_end(doc: Doc, k: int, starts: dict[int, Candidate]) -> int | None:
    """Where the name ends: the closing bracket, or a comma before a town and the closing
    bracket; None when a word on the way is no name word or another name starts there."""
    j = k
    while j < len(doc) and j - k <= MAX_ADDED_WORDS:
        text = doc[j].text
        if text == ")":
            return j
        if text == ",":
            town = starts.get(j + 1)
            if (
                town is not None
                and town.label == PLACE
                and town.end < len(doc)
                and doc[town.end].text == ")"
            ):
                return j
            return None
        if j in starts or not (is_capitalised(text) or text in BRACKET_NAME_WORDS):
            return None
        j += 1
    return None
