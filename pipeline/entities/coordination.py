"""Enumerations: a name coordinated with an organisation or a venue is most likely one too.

"wie die Brenner Holding und Sanofi Aventis Deutschland": the second conjunct is an
organisation, and "Ingelheim" and "Deutschland" inside it are no places of the report;
"das Deutsche Technikmuseum (8200), das Stadtforum (5100)": "Kulturforum" is a venue.
"""

from __future__ import annotations

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Doc

from pipeline.entities.candidates import NER_SOURCE, ORG, PLACE, VENUE, Candidate, SpanIndex
from pipeline.entities.canonical import LemmaLookup, canonical_span, is_adjective
from pipeline.entities.persons import person_starts, title_end
from pipeline.entities.words import (
    ARTICLES,
    LIST_JOINERS,
    common_nouns,
    entity_words,
    first_names,
    is_capitalised,
    is_noun_compound,
    org_patterns,
    role_suffixes,
    span_of,
    venue_patterns,
)

MAX_CONJUNCT = 4
MAX_BRACKET = 5
# "Lea Brandt von der pixelkram Studios UG": a person followed by their affiliation
AFFILIATION = entity_words("affiliation") | {"("}
ADJECTIVE_JOINERS = entity_words("adjective_joiner")


def _is_lead(c: Candidate) -> bool:
    return c.source != NER_SOURCE and (c.label == ORG or (c.label == PLACE and c.kind == VENUE))


def _skip_bracket(doc: Doc, j: int) -> int:
    """Index after a short bracket such as "(9100)" at j, else j."""
    if j < len(doc) and doc[j].text == "(":
        for k in range(j + 1, min(len(doc), j + MAX_BRACKET)):
            if doc[k].text == ")":
                return k + 1
    return j


def _conjunct_after(doc: Doc, j: int) -> tuple[int, int] | None:
    j = _skip_bracket(doc, j)
    if j >= len(doc) or doc[j].lower_ not in LIST_JOINERS:
        return None
    j += 1
    while j < len(doc) and doc[j].lower_ in ARTICLES:
        j += 1
    start = j
    while (
        j < len(doc)
        and j - start < MAX_CONJUNCT
        and is_capitalised(doc[j].text)
        and doc[j].lower_ not in STOP_WORDS
        and any(ch.isalpha() for ch in doc[j].text)
    ):
        j += 1
    return (start, j) if j > start else None


def _shared_heads(doc: Doc, kept: list[Candidate], lemma: LemmaLookup | None) -> list[Candidate]:
    """ "des Fränkischen und Thüringer Sängerbundes": two adjectives share the head of an
    organisation name, so the first adjective names a second organisation ("Fränkischer
    Sängerbund"), declined like the first word of the name found."""
    out = []
    for lead in kept:
        k = lead.start - 2
        if (
            lead.label != ORG
            or lead.length < 2
            or k < 0
            or doc[k + 1].text not in ADJECTIVE_JOINERS
        ):
            continue
        first, other = doc[lead.start].text, doc[k].text
        if not (is_adjective(first, lemma) and is_adjective(other, lemma)):
            continue
        if not (is_capitalised(other) and lead.name.startswith(first[:-1])):
            continue
        stem = _common_prefix(first, lead.name.split()[0])
        if len(stem) < 3 or not other.endswith(first[len(stem) :]):
            continue
        declined = other[: len(other) - len(first) + len(stem)] + lead.name.split()[0][len(stem) :]
        name = " ".join([declined, *lead.name.split()[1:]])
        out.append(Candidate(k, k + 1, ORG, name, "coordination"))
    return out


def _abbreviated_title(doc: Doc, start: int) -> bool:
    """A word with a full stop, its own or split off, before a first name ("Bgm. Eva Roth")."""
    k = start + 1 if doc[start].text.endswith(".") else start + 2
    return (
        k < len(doc)
        and (k == start + 1 or doc[start + 1].text == ".")
        and doc[k].text in first_names()
    )


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def extend_coordinations(
    doc: Doc, kept: list[Candidate], lemma: LemmaLookup | None = None
) -> list[Candidate]:
    nouns = common_nouns()
    venue_words = tuple(venue_patterns()["suffixes"])
    streets = tuple(org_patterns()["street_suffixes"])
    roles = role_suffixes()
    result = SpanIndex(kept)
    for cand in _shared_heads(doc, kept, lemma):
        if not result.overlapping(cand):
            result.add(cand)
    for lead in sorted(kept, key=lambda c: c.start):
        if not _is_lead(lead) or lead not in result:
            continue
        span = _conjunct_after(doc, lead.end)
        if span is None:
            continue
        start, end = span
        while end - start > 1 and doc[start].text.lower().endswith(roles):
            start += 1  # "sowie die Lieferanten Kranzl": a role noun before the name
        while end - start > 1 and is_adjective(doc[end - 1].text, lemma):
            end -= 1  # "..., Barfußgässchen Spannendes und Kurioses": a name ends on no adjective
        after = doc[end].lower_ if end < len(doc) else ""
        if doc[start].text in first_names() or (lead.label == ORG and after in AFFILIATION):
            continue  # "..., Lin Wei von ...": a person listed with an organisation
        if _abbreviated_title(doc, start):
            continue  # "..., Bgm. Eva Roth": an abbreviated title before a person
        if doc[end - 1].text.lower().endswith(streets):
            continue  # "..., Wilhelm-Greil-Straße 7": an address
        if any(title_end(doc, t) > t or person_starts(doc, t) for t in range(start, end)):
            continue  # "..., Prof. DDr. Eva Roth", "sowie die Journalistin Eva Roth": a person
        if end - start == 1 and doc[start].text.lower().endswith(roles):
            continue  # "der Kranzl GmbH und Velvorn-Vorsitzende": a person's role
        inside = result.overlapping(Candidate(start, end, lead.label))
        if any(
            c.start < start or c.end > end or c.label != PLACE or c.kind == VENUE for c in inside
        ):
            continue  # already something else, or only partly inside
        covered = {t for c in inside for t in range(c.start, c.end)}
        words = [doc[t].text for t in range(start, end)]
        unknown = [
            doc[t].text
            for t in range(start, end)
            if t not in covered
            and doc[t].text not in nouns
            and not (lemma is not None and lemma(doc[t].text) in nouns)  # "Gäste"
            and not (doc[t].text.isalpha() and is_noun_compound(doc[t].text))
            and len(doc[t].text) > 2
            and doc[t].text.replace("-", "").isalpha()  # not "und Co."
        ]
        if lead.label == ORG:
            if not unknown:
                continue  # "Messe Düsseldorf GmbH, Düsseldorf": a place after an organisation
            kind = None
        else:
            if not (unknown or words[-1].lower().endswith(venue_words)) or inside:
                continue
            kind = VENUE
        new = Candidate(
            start,
            end,
            lead.label,
            canonical_span(span_of(doc, start, end), lemma),
            "coordination",
            kind=kind,
        )
        result.replace(inside, new)
    return result.by_start()
