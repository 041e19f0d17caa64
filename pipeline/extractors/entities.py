"""Places and organisations: rule layers from data, combined with the statistical NER.

Layers (pipeline/entities/): persons (kept out of both tables), gazetteer places, venue
patterns, organisation patterns, named events, the NER's LOC/ORG/PER spans when the loaded
pipeline has an NER. Overlaps are resolved by :func:`pipeline.entities.candidates.resolve`
(rules first, longest span wins); acronyms and short forms are then linked so that every
mention of one entity carries one canonical name.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.entities.affiliations import extend_bracketed_affiliations
from pipeline.entities.candidates import (
    CITY,
    COUNTRY,
    DISTRICT,
    GAZETTEER_SOURCE,
    NER_SOURCE,
    ORG,
    PERSON,
    PERSON_LABELS,
    PLACE,
    REGION,
    STATE,
    VENUE,
    Candidate,
    resolve,
)
from pipeline.entities.canonical import LemmaLookup
from pipeline.entities.coordination import extend_coordinations
from pipeline.entities.districts import DistrictFinder
from pipeline.entities.events import EventFinder
from pipeline.entities.gazetteer import MEMO_KEY, PlaceFinder, load_gazetteer, town_part_heads
from pipeline.entities.linking import link
from pipeline.entities.ner import NerCandidates
from pipeline.entities.organisations import (
    AGENT_PREPOSITIONS,
    PLACE_LABELS,
    OrganisationFinder,
    towns_of_authorities,
)
from pipeline.entities.persons import find_persons, is_title_word
from pipeline.entities.venues import VenueFinder
from pipeline.entities.words import (
    LIST_JOINERS,
    DocWords,
    ent_bounds,
    entity_word_list,
    fold,
    role_suffixes,
    span_of,
)
from pipeline.extensions import set_facts
from pipeline.extractors.base import Extractor
from pipeline.records import OrganisationMention, PlaceMention

# "Bremens": a town in the genitive
TOWN_GENITIVE_ENDING = entity_word_list("town_genitive_ending")[0]


@Language.factory("german_entities", default_config={"on_error": "record"})
def make_entities(nlp: Language, name: str, on_error: str) -> EntityExtractor:
    return EntityExtractor(nlp, name, on_error)


def lemma_lookup(nlp: Language) -> LemmaLookup | None:
    """The lookup lemmatizer's table as a function (None when the pipeline has none)."""
    if "lemmatizer" not in nlp.pipe_names:
        return None
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    except (KeyError, AttributeError, ValueError):
        return None
    # the table hashes every word it is asked for; the layers ask for the same words often
    return lru_cache(maxsize=65536)(lambda word: table.get(word))


class EntityExtractor(Extractor):
    attr = "places"

    def __init__(self, nlp: Language, name: str, on_error: str = "record") -> None:
        super().__init__(nlp, name, on_error)
        lemma = lemma_lookup(nlp)
        self.lemma = lemma
        gazetteer = load_gazetteer()
        self.gazetteer = gazetteer
        self.places = PlaceFinder(gazetteer)
        self.organisations = OrganisationFinder(nlp, gazetteer, lemma)
        self.venues = VenueFinder(gazetteer, lemma, self.organisations.lemma_values)
        self.events = EventFinder(gazetteer)
        self.districts = DistrictFinder(gazetteer, lemma)
        self.ner = NerCandidates(gazetteer, self.venues, self.events, lemma)

    def store(self, doc: Doc, found: list) -> None:
        set_facts(doc, "places", [m for m in found if isinstance(m, PlaceMention)])
        set_facts(doc, "organisations", [m for m in found if isinstance(m, OrganisationMention)])

    def extract(self, doc: Doc) -> list:
        try:
            words = DocWords(doc)  # the tokens read once for all layers and the mentions
            return [mention(words, c) for c in self.candidates(words) if c.label in (PLACE, ORG)]
        finally:
            doc.user_data.pop(MEMO_KEY, None)

    def candidates(self, doc: Doc | DocWords) -> list[Candidate]:
        if not isinstance(doc, DocWords):
            doc = DocWords(doc)  # the tokens read once for all layers
        ner = self.ner.find(doc)
        ner_places = {t for c in ner if c.label == PLACE for t in range(c.start, c.end)}
        # the model's own reading, before its spans are checked: it confirms a square or park
        # named like a common noun ("über dem Schlossberg")
        read_as_place = {
            t
            for start, end, label in ent_bounds(doc)
            if label in PLACE_LABELS
            for t in range(start, end)
        }

        def is_place_name(i: int) -> bool:
            # "Jonas" is no inflected "Jona": only a name written as the place counts
            match = self.gazetteer.match_at(doc, i)
            return match is not None and fold(match.name) == fold(span_of(doc, i, match.end).text)

        found = [
            *find_persons(doc, is_place_name),
            *self.places.find(doc, ner_places),
            *self.venues.find(doc, read_as_place),
            *self.districts.find(doc),
            *self.organisations.find(doc),
            *self.events.find(doc),
            *ner,
        ]
        found = without_person_offices(doc, without_person_places(doc, found))
        found = companies_after_roles(doc, found)
        found = towns_of_authorities(found)
        found = outside_model_events(doc, found, self.events)
        kept = buildings_after_locatives(doc, resolve(found), self.venues)
        kept = extend_bracketed_affiliations(doc, kept)
        for _ in range(2):  # chains: "A, B und C"
            extended = extend_coordinations(doc, kept, self.lemma)
            unchanged = len(extended) == len(kept) and {id(c) for c in extended} == {
                id(c) for c in kept
            }
            kept = extended
            if unchanged:
                break  # the same candidates again: a second pass would find nothing either
        return link(doc, kept)


EVENT_LABELS = frozenset({"EVT", "EVENT"})
# places a named event may contain as part of its name ("Hannover Messe", "Kieler Woche")
TOWN_KINDS = frozenset({CITY, COUNTRY, STATE, REGION, DISTRICT})


def outside_model_events(doc: Doc, found: list[Candidate], events: EventFinder) -> list[Candidate]:
    """The model's named events (EVT) are no places or organisations: its EVT spans never
    enter the tables, and a rule candidate inside one is dropped when it is a town in the
    event's name ("Hannover" in "Hannover Messe"; not after a town's noun inside the span:
    "Partnerstadt Kalisz") or itself reads as an event ("Messe Ried",
    "Fachmesse Aquatherm"). A venue or an organisation name the rules found by its own
    pattern ("Günther-Klotz-Anlage", "Deutscher Landkreistag"), or a venue the gazetteer
    lists ("Congress Center Leipzig"), stays: the model's event boundaries are less sure than
    these patterns."""
    spans = [(start, end) for start, end, label in ent_bounds(doc) if label in EVENT_LABELS]
    if not spans:
        return found

    def inside_event(c: Candidate) -> bool:
        for start, end in spans:
            if not (start <= c.start and c.end <= end):
                continue
            if (
                c.label == PLACE
                and c.kind in TOWN_KINDS
                and end - start > c.end - c.start
                and not _genitive_town(doc, c)
                and not (c.start > start and doc[c.start - 1].text in town_part_heads())
            ):
                return True
            if (
                c.label in (PLACE, ORG)
                and not (c.kind == VENUE and c.source == GAZETTEER_SOURCE)
                and events.is_event_name([t.text for t in span_of(doc, c.start, c.end)])
            ):
                return True
        return False

    return [c for c in found if not inside_event(c)]


def _genitive_town(doc: Doc, c: Candidate) -> bool:
    """A town in the genitive ("Bremens", "in Kölns Altstadt") owns what follows it: an
    event's name takes the town as it is ("Bremen Marathon") or its adjective."""
    text, ending = doc[c.end - 1].text, TOWN_GENITIVE_ENDING
    return (
        text.endswith(ending)
        and not c.name.endswith(ending)
        and text[: -len(ending)] == c.name.split()[-1]
    )


def companies_after_roles(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """A venue's name the model reads as an organisation, after a role noun and "von", is the
    company the person works for ("Geschäftsführer von Lindner Forum"), not a place."""
    venues = [c for c in found if c.label == PLACE and c.kind == VENUE and c.source != NER_SOURCE]
    if not venues:
        return found
    model_orgs = {(start, end) for start, end, label in ent_bounds(doc) if label == "ORG"}
    roles = role_suffixes()
    companies = {
        id(c)
        for c in venues
        if (c.start, c.end) in model_orgs
        and c.start >= 2
        and doc[c.start - 1].lower_ in AGENT_PREPOSITIONS
        and doc[c.start - 2].lower_.endswith(roles)
    }
    if not companies:
        return found
    return [
        replace(c, label=ORG, kind=None, country_code=None) if id(c) in companies else c
        for c in found
    ]


def buildings_after_locatives(
    doc: Doc, kept: list[Candidate], venues: VenueFinder
) -> list[Candidate]:
    """An organisation the rules name on a school's or academy's word that the model reads as
    a place, after a place preposition, is also the building it is in ("eingeladen in die
    Bayerische Lindenakademie": the academy invites, its house is where the guests go); where
    the model reads a body, or no preposition comes before, it is the organisation alone ("die
    Lindenakademie bietet Kurse an")."""
    orgs = [c for c in kept if c.label == ORG and c.source != NER_SOURCE]
    if not orgs:
        return kept
    model_places = {(start, end) for start, end, label in ent_bounds(doc) if label in PLACE_LABELS}
    buildings = [
        replace(c, label=PLACE, kind=VENUE, acronym=None, legal_form=None, inner_places=[])
        for c in orgs
        if (c.start, c.end) in model_places and venues.is_locative_building(doc, c.start, c.end)
    ]
    return sorted([*kept, *buildings], key=lambda c: c.start) if buildings else kept


def without_person_places(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """Drop a town that opens a person's name in the model's reading ("Nancy Faeser", "Florenz
    Müller"): a place name at the start of a longer PER span (or of a place span the NER layer
    reads as a person), followed by a capitalised word."""
    person_starts = {
        start: end
        for start, end, label in ent_bounds(doc)
        if label in PERSON_LABELS and end - start > 1
    }
    # the model's places that the NER layer reads as a person ("Sofia Wicki")
    person_starts.update(
        (c.start, c.end)
        for c in found
        if c.label == PERSON and c.source == NER_SOURCE and c.length > 1
    )
    return [
        c
        for c in found
        if not (
            c.label == PLACE
            and c.source != NER_SOURCE
            and c.kind not in (VENUE, DISTRICT)
            and person_starts.get(c.start, 0) > c.end
            and doc[c.end].text[:1].isupper()
        )
    ]


def without_person_offices(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """Drop an organisation that is a person's office: a council or chamber whose name is also
    the title of its members ("alt Bundesrat Eva Roth", "der Zürcher Kantonsrat und
    Nationalrat Max Huber") right before a person's name, or before a list of such titles
    that ends on one. "Der Bundesrat beschloss" stays the body. The model's place spans there
    are no place either."""
    person_starts = {c.start for c in found if c.label == PERSON}
    if not person_starts:
        return found

    def office(c: Candidate) -> bool:
        if not (c.label == ORG or (c.label == PLACE and c.source == NER_SOURCE)):
            return False
        if not is_title_word(doc[c.end - 1].text):
            return False
        k = c.end
        while k + 1 < len(doc) and doc[k].lower_ in LIST_JOINERS and is_title_word(doc[k + 1].text):
            k += 2
        return k in person_starts

    return [c for c in found if not office(c)]


def mention(words: DocWords, c: Candidate) -> PlaceMention | OrganisationMention:
    # offsets from the token columns: no Span built
    start_char, end_char = words.char_bounds(c.start, c.end)
    text = words.text[start_char:end_char]
    if c.label == PLACE:
        return PlaceMention(
            start_char,
            end_char,
            text,
            c.name,
            c.kind,
            c.country_code,
            c.geonames_id,
            c.latitude,
            c.longitude,
            c.source,
        )
    return OrganisationMention(
        start_char, end_char, text, c.name, c.acronym, c.legal_form, c.source
    )
