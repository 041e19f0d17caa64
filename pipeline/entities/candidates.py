"""Candidate spans proposed by the layers, and how overlapping candidates are resolved."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from pipeline.entities.words import is_acronym, org_place_heads

PLACE = "PLACE"
ORG = "ORG"
PERSON = "PERSON"
# the model labels of a person: the own model says PER, spaCy's German models PER, others PERSON
PERSON_LABELS = frozenset({"PER", "PERSON"})
EVENT = "EVENT"

# Layers that come from rules and data; the statistical NER only fills what they leave open.
NER_SOURCE = "ner"
GAZETTEER_SOURCE = "gazetteer"

# Kinds of a place (the `kind` column of the places table)
COUNTRY = "country"
STATE = "state"
REGION = "region"
CITY = "city"
DISTRICT = "district"
VENUE = "venue"
OTHER = "other"


@dataclass(slots=True)
class Candidate:
    start: int  # token index
    end: int  # token index, exclusive
    label: str  # PLACE, ORG, PERSON, EVENT
    name: str = ""
    source: str = ""
    kind: str | None = None  # places: country, state, region, city, district, venue, other
    country_code: str | None = None
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    legal_form: str | None = None
    acronym: str | None = None
    # token ranges inside this candidate that are places in their own right ("Senat der Freien
    # und Hansestadt Hamburg": the genitive attribute names a place the text talks about)
    inner_places: list[tuple[int, int]] = field(default_factory=list)
    # the name follows a type word that is no part of it ("die Firma Velox", "das Studio
    # Kranzl"): a model span that only adds that word does not replace it
    after_type_word: bool = False

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Candidate) -> bool:
        return self.start <= other.start and other.end <= self.end


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Keep a consistent set of spans.

    Precedence: rule layers before the statistical NER; among rules the longer span wins, so a
    venue or organisation name hides the place inside it ("Messe München GmbH", "CityCube
    Berlin") and an event hides its city ("Hannover Messe"). A place inside a name survives
    when the name marks it as a place of its own (``inner_places``). An NER span may replace
    rule places and organisation patterns it strictly contains when it is an organisation
    ("Hellwig Pharma Deutschland", "Bundesverband mittelständische Holzbetriebe"), nothing
    else: an NER place around a rule place ("Gastland Ungarn") loses.
    """
    rules = [c for c in candidates if c.source != NER_SOURCE]
    ner = [c for c in candidates if c.source == NER_SOURCE]
    kept = SpanIndex()
    for cand in sorted(rules, key=lambda c: (-c.length, -_priority(c), c.start)):
        if all(_inner_place(k, cand) for k in kept.overlapping(cand)):
            kept.add(cand)
    for cand in sorted(ner, key=lambda c: (-c.length, c.start)):
        clashing = kept.overlapping(cand)
        if not clashing:
            kept.add(cand)
        elif cand.label == ORG and all(
            cand.contains(k)
            and k.length < cand.length
            and (_replaceable(k) or _branch_of(cand, k))
            and not (k.after_type_word and (cand.start, cand.end) == (k.start - 1, k.end))
            for k in clashing
        ):
            kept.replace(clashing, cand)
        elif _qualified_place(cand, clashing):
            rule = clashing[0]
            if rule.kind == VENUE:  # "Marienkirche Oberdorf": still the venue
                cand.kind, cand.country_code = rule.kind, rule.country_code
            kept.replace(clashing, cand)
    return kept.by_start()


class SpanIndex:
    """Candidates in the order added, also by the tokens they cover, so that the ones
    overlapping a span are found in time proportional to its length rather than to the number
    of candidates (a list of a thousand towns must not cost a million comparisons)."""

    def __init__(self, candidates: list[Candidate] | None = None) -> None:
        self._in_order: dict[int, Candidate] = {}  # by identity; dicts keep insertion order
        self._by_token: dict[int, list[Candidate]] = {}
        for c in candidates or ():
            self.add(c)

    @staticmethod
    def _tokens(c: Candidate) -> range:
        return range(c.start, max(c.end, c.start + 1))  # an empty span still has a place

    def __contains__(self, c: Candidate) -> bool:
        return id(c) in self._in_order

    def add(self, c: Candidate) -> None:
        if id(c) in self._in_order:
            return  # once per token list: overlapping reads a one-token list as it is
        self._in_order[id(c)] = c
        if c.end - c.start <= 1:  # most candidates are one word: no range to walk
            self._by_token.setdefault(c.start, []).append(c)
            return
        for t in range(c.start, c.end):
            self._by_token.setdefault(t, []).append(c)

    def replace(self, old: list[Candidate], new: Candidate) -> None:
        """Drop ``old`` and add ``new`` after all the others."""
        for c in old:
            del self._in_order[id(c)]
            for t in self._tokens(c):
                self._by_token[t] = [k for k in self._by_token[t] if k is not c]
        self.add(new)

    def overlapping(self, span: Candidate) -> list[Candidate]:
        by_token = self._by_token
        start, end = span.start, span.end
        if end - start <= 1:
            # one token: its list holds each candidate once, in the order added
            at = by_token.get(start)
            if not at:
                return []  # most spans overlap nothing kept
            return [k for k in at if start < k.end and k.start < end]
        found = {id(k): k for t in range(start, end) for k in by_token.get(t, ())}
        if not found:
            return []
        # span.overlaps(k), without a call per candidate
        return [k for k in found.values() if start < k.end and k.start < end]

    def by_start(self) -> list[Candidate]:
        """The candidates in text order (in the order added where they start together)."""
        return sorted(self._in_order.values(), key=lambda c: c.start)


# words the model may add after a rule place to name it fully ("Frankfurt Süd", "Rue du Canal")
MAX_QUALIFIER_WORDS = 2


def _qualified_place(ner: Candidate, clashing: list[Candidate]) -> bool:
    """An NER place that opens with the one rule place it overlaps and continues it with a
    few words that passed the NER filter as a name ("Alpthal SZ", "Auenpark Nord", "Rue du
    Canal"): the longer name is the place. Not a name run on into the next sentence or a
    list: at most two more words."""
    if ner.label != PLACE or len(clashing) != 1:
        return False
    k = clashing[0]
    return (
        k.label == PLACE and k.start == ner.start and k.end < ner.end <= k.end + MAX_QUALIFIER_WORDS
    )


def _priority(c: Candidate) -> int:
    """Tie-break between spans of equal length: a person or a name pattern over a bare place
    ("Dr. Albers" is no town, "CCH" the venue rather than a place name)."""
    if c.label == ORG:
        return 5 if c.source in ("legal_form", "known") else 4
    if c.label in (EVENT, PERSON):
        return 3
    return 2 if c.kind in (VENUE, DISTRICT) else 1


def _replaceable(inner: Candidate) -> bool:
    """A rule span an NER organisation around it replaces: a place ("Hellwig Pharma
    Deutschland"), or an organisation pattern that stopped early at a word it does not know
    ("Bundesverband" of "Bundesverband mittelständische Holzbetriebe", "KLV-Landesverband" of
    "KLV-Landesverband Ost"); a legal form, a known name or an authority's head and place
    close a name for certain."""
    if inner.label == PLACE:
        return inner.kind != VENUE
    return (
        inner.label == ORG
        and inner.source not in ("legal_form", "known")
        and inner.name.split(" ", 1)[0] not in _place_heads()
    )


def _branch_of(outer: Candidate, inner: Candidate) -> bool:
    """An acronym right before a town's or a district's authority in the model's one name:
    the body's branch there ("DRK Landkreis Celle"), not the authority."""
    head = inner.name.split(" ", 1)[0]
    return (
        inner.label == ORG
        and (outer.start, outer.end) == (inner.start - 1, inner.end)
        and head in _place_heads()
        and is_acronym(outer.name.split(" ", 1)[0])
    )


@cache
def _place_heads() -> frozenset[str]:
    """Heads of a town's or district's authority ("Stadt X", "Landkreis X"): complete names,
    which an NER span around them extends by an office of theirs ("Amt für Sport der Stadt X")."""
    return frozenset(org_place_heads())


def _inner_place(outer: Candidate, inner: Candidate) -> bool:
    return inner.label == PLACE and any(
        s <= inner.start and inner.end <= e for s, e in outer.inner_places
    )
