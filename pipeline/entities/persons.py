"""Person names, found only to keep them out of the place and organisation tables: a town-named
surname ("Jonas Brandt", "so Brandt") is no place."""

from __future__ import annotations

from functools import cache, lru_cache

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from pipeline.entities.candidates import PERSON, Candidate
from pipeline.entities.org_evidence import context_words, is_org_head, legal_form_words
from pipeline.entities.words import (
    WordValues,
    entity_words,
    first_names,
    is_capitalised,
    person_titles,
    positions,
    span_of,
    token_texts,
    venue_patterns,
)

MAX_NAME_WORDS = 4
NAME_PARTICLES = entity_words("name_particle")


def is_title(token: Token) -> bool:
    return is_title_word(token.text)


@lru_cache(maxsize=65536)
def is_title_word(text: str) -> bool:
    words, endings = person_titles()
    if text in words:
        return True
    return is_capitalised(text) and text.lower().endswith(endings)


@WordValues
def _may_open_person(text: str) -> bool:
    return is_title_word(text) or text in first_names() or is_title_word(text + ".")


def title_end(doc: Doc, i: int) -> int:
    """The token after a title at i, or i when none starts there. An abbreviated title the
    tokenizer splits from its period ("Mag", ".") counts with the period."""
    if is_title(doc[i]):
        return i + 1
    if i + 1 < len(doc) and doc[i + 1].text == "." and is_title_word(doc[i].text + "."):
        return i + 2
    return i


def _is_name_word(token: Token) -> bool:
    text = token.text
    return (
        is_capitalised(text)
        and text.lower() not in STOP_WORDS
        and any(ch.isalpha() for ch in text)
        and not text.isupper()
    )


def person_starts(doc: Doc, k: int) -> bool:
    """A first name and a capitalised word at k start a person ("... Rottal-Inn Michael Huber",
    "Kunsthalle Maria Sommer"): a name run before them ends there."""
    return (
        doc[k].text in first_names()
        and k + 1 < len(doc)
        and is_capitalised(doc[k + 1].text)
        and doc[k + 1].lower_ not in STOP_WORDS
    )


def _name_end(doc: Doc, start: int) -> int:
    """End of a run of name words from ``start`` (particles inside: "Ursula von der Leyen")."""
    end = start
    while end < len(doc) and end - start < MAX_NAME_WORDS:
        tok = doc[end]
        if _is_name_word(tok) or (
            tok.lower_ in NAME_PARTICLES
            and end > start
            and end + 1 < len(doc)
            and _is_name_word(doc[end + 1])
            # "Ursula von der Leyen", but "Mia Wong von Microsoft": after a surname the
            # particle opens an affiliation
            and all(t.text in first_names() for t in span_of(doc, start, end))
        ):
            end += 1
        else:
            break
    return end


def _names_a_venue(word: str) -> bool:
    """A hyphenated last word on a venue ending ("Schrödinger-Zentrum", "Kuntner-Platz")."""
    parts = word.split("-")
    return len(parts) > 1 and parts[-1].lower() in venue_suffixes()


@cache
def venue_suffixes() -> frozenset[str]:
    return frozenset(venue_patterns()["suffixes"])


def find_persons(doc: Doc, is_place_name) -> list[Candidate]:
    """Persons after a title ("Dr. Anna Keller", "Außenministerin Ana Maria Kovač"),
    after a first name ("Lea Brandt"), and later mentions of their surnames.

    ``is_place_name(i)`` tells whether a place name starts at token i: after a title other
    than Herr/Frau/Dr. a place is no surname ("Weltmeister Deutschland"), and a first name
    that is also a place ("Paris") opens no person.
    """
    found: list[Candidate] = []
    names = first_names()
    titles = person_titles()[0]
    texts = token_texts(doc)
    resume = 0  # the token after the last person found
    # no title, no first name: no person starts there
    for i in positions(texts, _may_open_person):
        if i < resume:
            continue
        tok = doc[i]
        start = None
        j = title_end(doc, i)
        if j > i:
            while j < len(doc) and (after := title_end(doc, j)) > j:
                j = after
            # "Herr Weimar" is a person, "Weltmeister Deutschland" is not
            personal = any(
                doc[k].text in titles or doc[k].text + "." in titles for k in range(i, j)
            )
            if (
                j < len(doc)
                and _is_name_word(doc[j])
                and (personal or doc[j].text in names or not is_place_name(j))
                # "Präsidentin Handelskammer Oberrhein": a role before a body, no person
                and (personal or doc[j].text in names or not is_org_head(doc[j].text))
            ):
                start = j
        elif (
            tok.text in names
            and i + 1 < len(doc)
            and _is_name_word(doc[i + 1])
            and not is_place_name(i)  # "Paris", "Florenz" are first names too
            # "der Firma Lorenz Fliesenbau": only a name follows the noun, a company's
            and not (i > 0 and texts[i - 1].lower() in context_words("name_nouns"))
        ):
            start = i
        if start is None:
            continue
        end = max(_name_end(doc, start), start + 1)
        if any(_names_a_venue(texts[k]) for k in range(start + 1, end)):
            continue  # "Lise Meitner-Zentrum": a building named after a person
        found.append(Candidate(start, end, PERSON, span_of(doc, start, end).text, "pattern"))
        resume = max(end, i + 1)
    # "Georg Brunner AG" names a company: a later "Brunner" is the company, not a person
    forms = legal_form_words()
    surnames = {
        doc[c.end - 1].text for c in found if c.end >= len(doc) or texts[c.end] not in forms
    }
    covered = {t for c in found for t in range(c.start, c.end)}
    if surnames:
        for k in positions(texts, surnames.__contains__):  # the scan in C
            if k not in covered:
                found.append(Candidate(k, k + 1, PERSON, texts[k], "surname"))
    return found
