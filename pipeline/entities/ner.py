"""The statistical NER's LOC, ORG and PER spans, checked before they are used.

The project's model is moderate (F1 ~0.6), so a span must look like a name: a lone common noun
("Messe", "Hauptstadt"), a city adjective ("Hamburger") or an event name is dropped; a LOC
that the gazetteer knows takes the gazetteer's name and data. A lone unknown word needs a
place context: a town's preposition ("in", "aus", "nach") or, for what takes an article (a
venue, a landscape), a definite locative ("im", "auf der", "aus dem"); a compound of common
nouns counts only on a place ending ("-quartier", "-küste") with such a context.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from pipeline.entities.candidates import (
    NER_SOURCE,
    ORG,
    OTHER,
    PERSON,
    PERSON_LABELS,
    PLACE,
    REGION,
    VENUE,
    Candidate,
)
from pipeline.entities.canonical import LemmaLookup, canonical_span, is_adjective
from pipeline.entities.events import EventFinder
from pipeline.entities.everyday import is_everyday_word
from pipeline.entities.gazetteer import (
    Gazetteer,
    before_surname,
    city_of_adjective,
    has_definite_place_context,
    has_place_context,
    in_company_name,
    is_club_name,
    is_common_word,
    is_noble_surname,
    is_small_foreign_town,
    place_candidate,
    town_part_heads,
)
from pipeline.entities.org_evidence import (
    event_acronyms,
    event_headed,
    has_org_evidence,
    is_headed_organisation,
    is_org_head,
    legal_form_words,
    named_by_context,
)
from pipeline.entities.organisations import AGENT_PREPOSITIONS
from pipeline.entities.persons import person_starts
from pipeline.entities.venues import VenueFinder
from pipeline.entities.words import (
    ARTICLES,
    GENITIVE_ARTICLES,
    TOWN_ADJECTIVE_ENDING,
    DocWords,
    WordSpan,
    common_nouns,
    ent_bounds,
    entity_word_list,
    entity_words,
    first_names,
    is_acronym,
    is_capitalised,
    is_noun_compound,
    is_noun_form,
    is_regional_adjective,
    noun_genders,
    org_patterns,
    person_titles,
    span_of,
    span_texts,
    token_texts,
    venue_patterns,
)
from pipeline.extensions import CHUNK_START
from pipeline.quotation_marks import OPENING as OPENING_QUOTES

EDITION_NOUNS = entity_words("edition_noun")
LABELS = {"LOC": PLACE, "GPE": PLACE, "ORG": ORG, "PER": PERSON, "PERSON": PERSON}
# a landscape, a river or a mountain takes the article a town does not ("aus dem Harz")
LANDSCAPE_KINDS = frozenset({REGION, OTHER})
MIN_VERB = 5  # the shortest infinitive taken as the end of a nominalised verb ("-laufen")


class NerCandidates:
    def __init__(
        self,
        gazetteer: Gazetteer,
        venues: VenueFinder,
        events: EventFinder,
        lemma: LemmaLookup | None = None,
    ) -> None:
        self.gazetteer = gazetteer
        self.venues = venues
        self.events = events
        self.lemma = lemma
        self._is_common_noun = lru_cache(maxsize=65536)(self._is_common_noun)  # type: ignore[method-assign]
        # the word tests of a name, asked again for every span of the same words
        self._name_words = lru_cache(maxsize=65536)(self._name_words)  # type: ignore[method-assign]
        self._name_part_word = lru_cache(maxsize=65536)(self._name_part_word)  # type: ignore[method-assign]
        self._place_compound_word = lru_cache(maxsize=65536)(self._place_compound_word)  # type: ignore[method-assign]
        self._activity_word = lru_cache(maxsize=65536)(self._activity_word)  # type: ignore[method-assign]
        self.place_suffixes = tuple(venue_patterns()["model_place_suffixes"])
        self.venue_suffixes = tuple(venue_patterns()["suffixes"])
        self.landmarks = frozenset(venue_patterns()["landmark_nouns"])
        # "den Ortsteil Brauhain", "die Kolonie X": a town's word names the word after it
        self.part_heads = town_part_heads()
        self.nouns = common_nouns()
        self.role_suffixes = tuple(org_patterns()["role_suffixes"])
        self.venue_heads = frozenset(venue_patterns()["heads_after_name"])
        low, high = org_patterns()["event_years"]
        self.event_years = range(low, high + 1)
        self.street_suffixes = tuple(org_patterns()["street_suffixes"])
        self.directions = frozenset(org_patterns()["direction_words"])
        self.org_heads = tuple(org_patterns()["adjective_heads"])
        # heads that make a hyphenated compound a name of its own ("Max-Planck-Gesellschaft",
        # "DDR-Museum", "Rhein-Sieg-Kreis")
        self.name_heads = (
            *self.org_heads,
            *org_patterns()["complement_heads"],
            *org_patterns()["compound_suffixes"],
            *venue_patterns()["suffixes"],
            "kreis",
        )

    def find(self, doc: Doc) -> list[Candidate]:
        out = []
        bounds = ent_bounds(doc)  # the entities' tokens, no Span built
        spans = [(LABELS.get(label), _trim(doc, start, end, label)) for start, end, label in bounds]
        events = {span.text for _, span in spans if span is not None and self._before_year(span)}
        person_ends = {end for _, end, label in bounds if label in PERSON_LABELS}
        event_short_names = event_acronyms(token_texts(doc))
        # most reports quote no motto: then no span is inside one (see _in_motto)
        quotes_motto = _quotes_motto(token_texts(doc))
        for label, span in spans:
            if label is None or span is None:
                continue
            if label == PLACE and self._state_after_name(span):
                span = span_of(doc, span.start, span.start + 1)  # "in Lindwil Trubel"
            if label == PERSON and self._body_as_person(span):
                label = ORG  # "im Vorstand des Ortsvereins Velvornhof": no person opens on a club
            if label != PERSON and (
                (events and span.text in events) or self._is_street(span, label)
            ):
                continue  # "AQUA RUHR 2023" names a fair; "Wilhelm-Greil-Straße 7" an address
            if label == ORG and span.text in event_short_names:
                continue  # "das Kerbacher Jugendchorfest (KJF)": the event's short name
            if label == ORG and self._role_and_person(span):
                continue  # "Ex-Bandleader Tom Keller": a role noun and a person
            if label == ORG and _title_before_title(span):
                continue  # "PD Dr. Tom Keller": an academic title's acronym
            if (
                label == ORG
                and not has_org_evidence(
                    span, not (self._is_place_name(span) or self._person_noun_before(span))
                )
                and not _affiliation(span, person_ends)
                and not self._seat_after(span)
            ):
                continue  # a band, a motto, a description: the model alone is too unsure
            if label == ORG and event_headed(span_texts(span)):
                continue  # "die Deutsche Seniorenmeisterschaft Ü60": an event
            if label == ORG and _edition_of(span):
                continue  # "die 4. Auflage der „Velvorner Nacht“": an event's name
            if label == ORG and self._people_before_name(span):
                continue  # "der Bremer Rapper Kalte Suppe": people, then their name
            if label != PERSON and quotes_motto and _in_motto(span, doc):
                continue  # "unter dem Leitthema „Smart Work – Shaping Tomorrow“"
            if label == PERSON:
                out.append(Candidate(span.start, span.end, PERSON, span.text, NER_SOURCE))
                continue
            if label == PLACE and (
                _counted(doc, span.start)
                or in_company_name(doc, span.start, span.end)
                or is_noble_surname(doc, span.start, span.end)
                or city_of_adjective(self.gazetteer, span.text) is not None
                or is_club_name(doc, span.start, span.end, self.gazetteer)
            ):
                # "in 40 Kapellen": things counted; "Muster (Schweiz) AG": a company; "der
                # Luzerner": a town's adjective alone names its people; "vom RV Lindenhöhe":
                # a club
                continue
            if label == PLACE:
                match = self.gazetteer.match_at(doc, span.start)
                if match is not None and match.end == span.end:
                    if before_surname(doc, match, self.gazetteer):
                        continue  # "Verona Lindner": a person the model reads only in part
                    # a word, or a neighbour's small town named like a foreign first name
                    word_like = match.entry.ambiguous and (
                        is_common_word(match.name) or is_small_foreign_town(match.entry)
                    )
                    if (
                        not word_like
                        or has_place_context(doc, span.start, span.end)
                        or (
                            match.entry.kind in LANDSCAPE_KINDS
                            and has_definite_place_context(doc, span.start)
                        )
                    ):
                        out.append(place_candidate(match, NER_SOURCE))
                    elif self._building_named_like_town(doc, span):
                        out.append(
                            Candidate(
                                span.start, span.end, PLACE, span.text, NER_SOURCE, kind=VENUE
                            )
                        )
                    continue
            if label == PLACE and len(span) == 1 and self._town_epithet(span[0].text):
                continue  # "in die Weserstadt": the town the report names, called by its river
            if label == PLACE and self._first_name_and_surname(doc, span):
                # "Sofia Wicki": a person; the town of that first name goes with the model's span
                out.append(Candidate(span.start, span.end, PERSON, span.text, NER_SOURCE))
                continue
            if (
                self._name_inside_compound(span)
                and not (label == PLACE and self._place_compound(doc, span))
                and not (label == ORG and _persons_company(span, person_ends))
            ):
                continue  # "ACME-Mitgliederversammlung": a name inside a compound is none
            if not self._looks_like_name(span) and not (
                (label == PLACE and self._place_compound(doc, span))
                or (label == PLACE and self._stated_venue(doc, span))
                or (label == PLACE and self._place_and_direction(doc, span))
                or (
                    label == ORG
                    and (
                        self._headed_name(span_texts(span))
                        or self._defined_body(span)
                        or self._named_by_context(span)
                        or self._lower_case_brand(span)
                        or _persons_company(span, person_ends)
                    )
                )
            ):
                continue
            if label == PLACE and span[-1].like_num and not _numbered_name(span):
                continue  # "KM 4", "Halle 5": a marker or a hall number, no place
            if (
                label == PLACE
                and len(span) == 1
                and not has_place_context(doc, span.start, span.end)
                and not (
                    has_definite_place_context(doc, span.start)
                    and not self._activity_word(span[0].text)
                    and not self._everyday_noun(span[0].text)
                )
                and not (span.start > 0 and doc[span.start - 1].text in self.part_heads)
                and not self.venues.after_venue_statement(doc, span.start)
                and not self._named_place_compound(span[0].text)
                and not _capitals_line(doc, span)
            ):
                continue  # "Creating", "Elmau 2": a lone unknown word needs "in", "im" ...
            if label == ORG:
                span = self._with_head_before(self._with_head_after(span))
            name = canonical_span(span, self.lemma)
            if label == PLACE:
                name = self._after_place_name(doc, span, name)
            if label == ORG and span[-1].text in self.venue_heads:
                label = PLACE  # "Porsche Museum": the museum is where things happen
            kind = None
            if label == PLACE:  # only a place has a kind: no venue test for others
                venue = span[-1].text in self.venue_heads or self.venues.after_venue_statement(
                    doc, span.start
                )
                kind = VENUE if venue else OTHER
            out.append(Candidate(span.start, span.end, label, name, NER_SOURCE, kind=kind))
        return out

    def _state_after_name(self, span: Span) -> bool:
        """A model place of a name and a common noun that names no place, building, landmark or
        direction ("gab es in Lindwil Trubel"): the noun is the sentence's, the name
        the place ("Lüneburger Heide", "im Goldenen Hirsch", "Lindwil Nord" stay whole)."""
        if len(span) != 2:
            return False
        name, noun = span[0].text, span[1].text
        lower = noun.lower()
        return (
            is_capitalised(name)
            and name.isalpha()
            and not name.endswith(TOWN_ADJECTIVE_ENDING)  # a town's: "Lüneburger Heide"
            and not is_adjective(name, self.lemma)  # an inn's name: "im Goldenen Hirsch"
            and not self._is_common_noun(name)
            and noun.isalpha()
            and self._is_common_noun(noun)
            and noun not in self.landmarks
            and noun not in self.directions  # "Lindwil Nord": a town's part or a new town
            and not lower.endswith(self.place_suffixes)
            and not lower.endswith(self.venue_suffixes)
        )

    def _role_and_person(self, span: Span) -> bool:
        """A role noun and a person's name ("Ex-Bandleader Tom Keller")."""
        first = span[0].text.split("-")[-1]
        if not (self._is_role_noun(first) or first.lower().endswith(PERSON_ROLE_ENDINGS)):
            return False  # most spans: their words after the first are not read
        rest = [t.text for t in span[1:] if not t.is_punct and not t.is_space]
        return bool(rest) and (
            rest[0] in first_names()
            or (
                len(rest) == 2
                and all(is_capitalised(w) and not self._is_common_noun(w) for w in rest)
            )
        )

    def _body_as_person(self, span: Span) -> bool:
        """The model's person opens on a compound on an organisation head and a name follows
        ("Ortsvereins Velvornhof"): a body and its name."""
        first = span[0].text
        return (
            len(span) > 1
            and len(first) > 6
            and first.isalpha()
            and is_capitalised(first)
            and is_org_head(first)
            and not self._is_role_noun(first)
        )

    def _with_head_before(self, span: Span) -> Span:
        """A compound on an organisation head right before the model's name of adjectives and
        nouns opens it ("der Interessengemeinschaft Saubere Flüsse"): the model read
        the head as a common noun."""
        doc = span.doc
        k = span.start - 1
        if k < 1 or len(span) < 2:
            return span
        head = doc[k].text
        if not (is_capitalised(head) and head.isalpha() and len(head) > 6 and is_org_head(head)):
            return span
        if self._is_role_noun(head) or self.events.is_event_name([head]):
            return span
        if is_adjective(head, self.lemma):
            return span  # "Allgemeinen": an adjective only ends on a head's letters
        if not is_adjective(span[0].text, self.lemma) or not is_capitalised(span[0].text):
            return span
        return span_of(doc, k, span.end)

    def _with_head_after(self, span: Span) -> Span:
        """The model's name and an organisation head right after it, with a founding year
        ("St. Georg Schützenverein 1520"): the head word belongs to the name."""
        doc = span.doc
        k = span.end
        if k >= len(doc) or not is_capitalised(doc[k].text) or not doc[k].text.isalpha():
            return span
        if not is_org_head(doc[k].text) or self.events.is_event_name([doc[k].text]):
            return span
        end = k + 1
        if end < len(doc) and doc[end].text.isdigit() and len(doc[end].text) == 4:
            end += 1
        if end < len(doc) and is_capitalised(doc[end].text):
            return span  # a longer name or a new one: where it ends is unclear
        return span_of(doc, span.start, end)

    def _seat_after(self, span: Span) -> bool:
        """A town between commas right after the span is a company's seat in a list of
        exhibitors or suppliers ("Kranzl, Rosenheim, und ..."): the span is the company."""
        doc = span.doc
        k = span.end
        if k + 2 >= len(doc) or doc[k].text != ",":
            return False
        match = self.gazetteer.match_at(doc, k + 1)
        return (
            match is not None
            and match.end < len(doc)
            and doc[match.end].text in (",", ")")
            and span[0].text not in first_names()
        )

    def _person_noun_before(self, span: Span) -> bool:
        """A noun for a person before a name ("vom Schweden Larsson", "die Sängerin Roth"):
        "vom" then introduces a person, no organisation."""
        first = span[0].text.split("-")[-1]
        return (
            len(span) > 1
            and first.endswith(PERSON_NOUN_ENDINGS)
            and noun_genders().get(first) in ("m", "f")
            and city_of_adjective(self.gazetteer, span[0].text) is None
        )

    def _is_place_name(self, span: Span) -> bool:
        """The whole span is a place the gazetteer knows ("Europa", "Polen"): "von Europa"
        is no evidence of an organisation, only a word inside the name would be."""
        match = self.gazetteer.match_at(span.doc, span.start)
        return match is not None and match.end == span.end

    def _people_before_name(self, span: Span) -> bool:
        """A city adjective and a people noun on "-er" in apposition before a name ("die
        Bremer Rapper Kalte Suppe"); not "Berliner Philharmoniker" (an ensemble)."""
        doc = span.doc
        if len(span) != 2 or span.end >= len(doc) or not doc[span.end].text[:1].isupper():
            return False
        last = span[-1].text
        if not last.endswith("er") or last.lower().endswith(self.org_heads):
            return False
        return city_of_adjective(self.gazetteer, span[0].text) is not None

    def _before_year(self, span: Span) -> bool:
        """A name right before a year is an event's edition ("AQUA RUHR 2023", "IFA 2019")."""
        doc = span.doc
        if span.end >= len(doc):
            return False
        nxt = doc[span.end].text
        return len(nxt) == 4 and nxt.isdigit() and int(nxt) in self.event_years

    def _is_street(self, span: Span, label: str) -> bool:
        """A street is no organisation; with a house number it is an address, no place."""
        last = span[-1].text.lower()
        if not last.endswith(self.street_suffixes) or len(last) <= 5:
            return False
        if label == ORG and is_org_head(span[-1].text):
            return False  # "Velvorn Engineering": an organisation's head, though on "-ring"
        doc = span.doc
        return label == ORG or (span.end < len(doc) and doc[span.end].text[:1].isdigit())

    def _name_inside_compound(self, span: Span) -> bool:
        """One word of two hyphenated parts whose last is a common noun that heads no name of
        its own: the name is only a part of the compound ("Berlin-Besuch")."""
        parts = span[0].text.split("-")
        if len(span) != 1 or len(parts) != 2:
            return False  # "Hans-Sachs-Schule": a person's name before the noun makes a name
        last = parts[-1]
        return (
            len(last) > 3
            and is_capitalised(last)
            and self._is_common_noun(last)
            and not last.lower().endswith(self.name_heads)
        )

    def _looks_like_name(self, span: Span) -> bool:
        """A name has a word that is neither a common noun nor a known place ("Partnerland
        Polen", "Mädchen-Gruppe", "Termine" are none) and ends on no role noun ("Deutsche
        Messe-Vorstandsmitglied"); event names ("Green Country Convention") are left out."""
        if not self._name_words(span_texts(span)):
            return False
        return any(self._is_name_part(span.doc, t) for t in span)

    def _defined_body(self, span: Span) -> bool:
        """One compound on an organisation head that an acronym in brackets follows, or that a
        state's adjective precedes, is a body's name ("die Hochschulrektorenkonferenz (HRK)",
        "im hessischen Landtag"), though the lexicon knows the word."""
        doc = span.doc
        e = span.end
        if len(span) != 1 or not is_org_head(span[0].text):
            return False
        defined = (
            e + 2 < len(doc)
            and doc[e].text == "("
            and doc[e + 2].text == ")"
            and is_acronym(doc[e + 1].text)
        )
        before = doc[span.start - 1].text if span.start > 0 else ""
        regional = is_regional_adjective(before)
        return (defined or regional) and self._name_words((span[0].text,), headed=True)

    def _named_by_context(self, span: Span) -> bool:
        """Everyday words that quotes or a preceding noun make a name (see
        :func:`named_by_context`); an event's name or a role noun stays none."""
        return self._name_words(span_texts(span)) and named_by_context(span)

    def _lower_case_brand(self, span: Span) -> bool:
        """A brand or a web address written in lower case ("von kranzl", "laut
        velvorn-news.de"): every word unknown to the lexicon in any word class, so no
        lower-case word of a sentence the model took for a name."""
        return span[0].text[:1].islower() and all(
            len(t.text) > 2 and t.lower_ not in STOP_WORDS and not self._lexicon_word(t.text)
            for t in span
        )

    def _lexicon_word(self, word: str) -> bool:
        lemma = self.lemma(word) if self.lemma is not None else None
        return (
            bool(lemma)
            or word in self.venues.lemma_values()
            or self._is_common_noun(word[:1].upper() + word[1:])
        )

    def _headed_name(self, words: tuple[str, ...]) -> bool:
        """An ORG span of common nouns and places that an organisation head names ("Messe
        Dornbirn"): the model read it as a name, the head agrees. (A type word before the span
        is evidence of an organisation, not of a name: "die Band Nachtfalter" stays out, as
        everyday words after a type word are too often no name.)"""
        return self._name_words(words, headed=True) and is_headed_organisation(words)

    def _name_words(self, words: tuple[str, ...], headed: bool = False) -> bool:
        """What :meth:`_looks_like_name` asks of the span's words alone, before its parts.
        ``headed``: an organisation head that is no event word closing the span outweighs an
        event word inside it ("Lindau Convention Bureau" is no convention)."""
        if not is_capitalised(words[0]) and not any(ch.isupper() for ch in words[0]):
            return False
        if any("_" in w for w in words):
            return False  # "Preis03.12.19_Hr": a file or image name, no name of a thing
        if self.events.is_event_name(list(words)) and not (
            headed and is_org_head(words[-1]) and not self.events.is_event_name([words[-1]])
        ):
            return False
        if self._is_role_noun(words[-1].split("-")[-1]):
            return False
        return not (len(words) == 1 and self.venues.city_of_adjective(words[0]) is not None)

    def _is_name_part(self, doc: Doc, token) -> bool:
        """``doc``: the token's doc as the layers read it (DocWords: its place matches are
        memoised with the other layers')."""
        # the place match last: it depends on the words after the token, the rest on its text
        return self._name_part_word(token.text) and self.gazetteer.match_at(doc, token.i) is None

    def _name_part_word(self, text: str) -> bool:
        """A word that may be part of a name by its text alone (no place match checked)."""
        if not any(ch.isalpha() for ch in text) or text.lower() in STOP_WORDS:
            return False
        parts = [part for part in text.split("-") if part]
        if len(parts) > 1 and parts[0] in first_names():
            return True  # "Hans-Sachs-Schule": named after a person
        return not all(self._is_common_noun(part) for part in parts)

    def _place_compound(self, doc: Doc, span: Span) -> bool:
        """One compound the model reads as a place, on a place ending, that the lexicon does
        not list as a whole ("im Museumsquartier", "an der Elfenbeinküste", "auf der
        Tanz-Bühne"; not "Landkreisen", "in der Erde"), after a place preposition."""
        if len(span) != 1:
            return False
        word = span[0].text
        if not self._place_compound_word(word):
            # a town the gazetteer lacks, named like a compound ("nach Lindenbach"): only
            # a town's context, which takes no article
            return self._unlisted_compound(word) and has_place_context(
                doc, span.start, span.end, weak_ok=False
            )
        return has_place_context(doc, span.start, span.end) or has_definite_place_context(
            doc, span.start
        )

    def _first_name_and_surname(self, doc: Doc, span: Span) -> bool:
        """A first name and one capitalised word that no lexicon, gazetteer or place ending
        knows: a person's name the model read as a place ("Lena Wicki")."""
        if len(span) != 2 or span[0].text not in first_names():
            return False
        last = span[1].text
        return (
            is_capitalised(last)
            and last.isalpha()
            and not self._lexicon_word(last)
            and not last.lower().endswith((*self.name_heads, *self.place_suffixes))
            and self.gazetteer.match_at(doc, span.start + 1) is None
        )

    def _place_and_direction(self, doc: Doc, span: Span) -> bool:
        """A known place and a compass word the model reads as one name ("Frankfurt Süd",
        "Ulm West"): the part of the town or the municipality named after it."""
        match = self.gazetteer.match_at(doc, span.start)
        return match is not None and match.end == span.end - 1 and span[-1].text in self.directions

    def _unlisted_compound(self, word: str) -> bool:
        """A capitalised word the lexicon lacks as a whole, so that only the compound test
        made it a common noun ("Lindenbach"; not "Handarbeit", "Wiesen")."""
        return is_capitalised(word) and word.isalpha() and not self._is_lexicon_noun(word)

    def _is_lexicon_noun(self, word: str) -> bool:
        if is_noun_form(word) or word in self.nouns:
            return True
        lemma = self.lemma(word) if self.lemma is not None else None
        return bool(lemma) and lemma in self.nouns

    def _after_place_name(self, doc: Doc, span: Span, name: str) -> str:
        """A span that opens with a known place keeps that place's name and adds the rest as
        written ("Alpthal SZ", not a lemma of "Alpthal")."""
        match = self.gazetteer.match_at(doc, span.start)
        if match is None or match.end >= span.end:
            return name
        rest = span_of(doc, match.end, span.end).text
        space = doc[match.end - 1].whitespace_
        return f"{match.name}{space}{rest}"

    def _activity_word(self, word: str) -> bool:
        """A verb made a noun ("im Seilspringen", "zum Bogenschießen"): its ending is an
        infinitive of the lemma table, so after "im" it names what is done, not where."""
        lower = word.lower()
        if not lower.endswith("en") or len(lower) < 6 or lower.endswith(self.place_suffixes):
            return False  # "Rosengarten": a place word whose end reads as a verb ("arten")
        verbs = self.venues.lemma_values()
        return any(
            lower[k:] in verbs and lower[k:].islower() for k in range(0, len(lower) - MIN_VERB + 1)
        )

    def _building_named_like_town(self, doc: Doc, span: Span) -> bool:
        """A compound on a building's word after a definite locative, which a town does not
        take ("die Lesung im Einhaus"): the building, though a town is named so."""
        word = span[0].text
        lower = word.lower()
        return (
            len(span) == 1
            and any(lower.endswith(s) and len(lower) - len(s) >= 3 for s in self.venues.suffixes)
            and has_definite_place_context(doc, span.start)
        )

    def _named_place_compound(self, word: str) -> bool:
        """A name joined by a hyphen to a compound on a place ending ("Lindner-Großplanetarium",
        "Kessler-Festsaal"): named after its founder or sponsor, a place without a preposition
        as the venue patterns' hyphenated names are ("Hans-Sachs-Anlage")."""
        parts = word.split("-")
        return (
            len(parts) == 2
            and len(parts[0]) > 2
            and is_capitalised(parts[0])
            and is_capitalised(parts[1])
            and parts[1].lower().endswith(self.place_suffixes)
            and not self._is_common_noun(parts[0])
        )

    def _stated_venue(self, doc: Doc, span: Span) -> bool:
        """One capitalised word that is no common noun after a statement of where something
        takes place ("Tagungsort ist die LINDEXPO"): the venue, though its name reads like
        an event's."""
        word = span[0].text
        return (
            len(span) == 1
            and word[:1].isupper()
            and not self._is_common_noun(word[:1] + word[1:].lower())
            and self.venues.after_venue_statement(doc, span.start)
        )

    def _town_epithet(self, word: str) -> bool:
        """ "Weserstadt", "Mainmetropole": a place and a town's word in one word the gazetteer
        does not list (it lists "Neckarstadt", a district) calls a town by its river or land."""
        lower = word.lower()
        ending = next((e for e in TOWN_EPITHET_ENDINGS if lower.endswith(e)), None)
        if ending is None or not word.isalpha():
            return False
        found = self.gazetteer.lookup(word[: len(word) - len(ending)])
        return found is not None and found[0].kind in LANDSCAPE_KINDS  # no "Linden|stadt"

    def _everyday_noun(self, word: str) -> bool:
        """A word of everyday German on no place ending ("im Nu", "im Übrigen"): after
        "im" it says when or how, not where; a venue's name is rare in running text."""
        return is_everyday_word(word) and not word.lower().endswith(self.place_suffixes)

    def _place_compound_word(self, word: str) -> bool:
        """ "Museumsquartier", "Stufen-Kino": by its text alone (see :meth:`_place_compound`)."""
        lower = word.lower()
        return (
            is_capitalised(word)
            and all(part.isalpha() for part in word.split("-"))
            and lower.endswith(self.place_suffixes)
            and not any(len(lower) - len(s) < 3 for s in self.place_suffixes if lower.endswith(s))
            and not is_noun_form(word)
        )

    def _is_common_noun(self, word: str) -> bool:
        """A noun of the lexicon, inflected ("Kreuzungen") or as a compound of nouns
        ("Trinkwasserleitungen", "Unternehmenskommunikation")."""
        if word in self.nouns:
            return True
        lemma = self.lemma(word) if self.lemma is not None else None
        return (bool(lemma) and lemma in self.nouns) or (
            is_capitalised(word) and word.isalpha() and is_noun_compound(word)
        )

    def _is_role_noun(self, word: str) -> bool:
        return word.lower().endswith(self.role_suffixes)


# nouns before a quoted motto or a work's title ("das Spiel „Pixel Garden – Ernte ist alles“")
MOTTO_NOUNS = entity_words("motto_noun")
OBJECT_ARTICLES = entity_words("object_article")
MAX_ABBREVIATION = 4  # "Ltd .", "Corp .": a split legal form keeps its full stop
NOMINATIVE_ARTICLES = entity_words("nominative_article")
QUANTIFIERS = entity_words("quantifier")
TOWN_EPITHET_ENDINGS = entity_word_list("town_epithet_ending")
BODY_TITLE_ENDINGS = entity_word_list("body_title_ending")  # a title and a body ("Stadtrat")
PERSON_NOUN_ENDINGS = entity_word_list("person_noun_ending")
# person nouns before a name ("Ex-Bandleader Tom Keller", "Sängerin Lena Meyer")
PERSON_ROLE_ENDINGS = entity_word_list("person_role_ending")
MAX_MOTTO_WORDS = 10


def _in_motto(span: Span, doc: Doc | None = None) -> bool:
    """A span inside the quoted motto or title after "Motto", "Leitthema", "Titel": the
    nearest quotation mark to its left (within a few words) follows a motto noun. ``doc``:
    the span's doc as the entity layers read it (DocWords)."""
    texts = token_texts(span.doc if doc is None else doc)
    k = span.start - 1
    while k > 0 and span.start - k < MAX_MOTTO_WORDS and texts[k] not in OPENING_QUOTES:
        k -= 1
    if k < 1 or texts[k] not in OPENING_QUOTES:
        return False
    return texts[k - 1] in MOTTO_NOUNS or (
        k >= 2 and texts[k - 1] == ":" and texts[k - 2] in MOTTO_NOUNS
    )


def _quotes_motto(texts: list[str]) -> bool:
    """Whether a quotation mark follows a motto noun anywhere in the doc (see
    :func:`_in_motto`, which finds none where this is false)."""
    if OPENING_QUOTES.isdisjoint(texts):
        return False
    for k in compress(range(len(texts)), map(OPENING_QUOTES.__contains__, texts)):
        if k >= 1 and (
            texts[k - 1] in MOTTO_NOUNS
            or (k >= 2 and texts[k - 1] == ":" and texts[k - 2] in MOTTO_NOUNS)
        ):
            return True
    return False


def _affiliation(span: Span, person_ends: set[int]) -> bool:
    """A name in brackets right after a person's name is where the person works ("Eva Roth
    (Kranzl Möbel)"), an organisation."""
    doc = span.doc
    return (
        span.start >= 2
        and span.end < len(doc)
        and doc[span.start - 1].text == "("
        and doc[span.end].text == ")"
        and span.start - 1 in person_ends
    )


def _persons_company(span: Span, person_ends: set[int]) -> bool:
    """A name after a person's name and "von" is where the person works ("Jana Fink von
    Brenner-Technik"): a company named by a compound, not a part of one."""
    return (
        span.start >= 2
        and span.doc[span.start - 1].lower_ in AGENT_PREPOSITIONS
        and span.start - 1 in person_ends
    )


def _edition_of(span: Span) -> bool:
    """An edition noun and a genitive article before the span (an opening quote between),
    and no organisation head or legal form in it: the name of an event's edition."""
    doc, k = span.doc, span.start - 1
    if k >= 0 and doc[k].text in OPENING_QUOTES:
        k -= 1
    return (
        k >= 1
        and doc[k].lower_ in GENITIVE_ARTICLES
        and doc[k - 1].lower_ in EDITION_NOUNS
        and not any(t.text in legal_form_words() or is_org_head(t.text) for t in span)
    )


def _title_before_title(span: Span) -> bool:
    """An acronym right before a person's title ("PD Dr.", "MdL Prof.") is a title too; after
    an article it is a body the person belongs to ("der ÖGKV Prof. Tom Keller")."""
    doc = span.doc
    return (
        len(span) == 1
        and not (span.start > 0 and doc[span.start - 1].lower_ in ARTICLES)
        and is_acronym(span[0].text)
        and span.end < len(doc)
        and doc[span.end].text in person_titles()[0]
    )


def _counted(doc: Doc, start: int) -> bool:
    """A number before the word that is no postal code: the word is a counted noun."""
    if start < 1:
        return False
    prev = doc[start - 1]
    return bool(prev.like_num) and not (prev.text.isdigit() and len(prev.text) in (4, 5))


def _person_at(doc: Doc, k: int, end: int) -> bool:
    """A person's name starts at k; at the end of the span the surname may be a word that is
    also a function word ("Lea Anders", "Tom Doch")."""
    if person_starts(doc, k):
        return True
    return k + 2 == end and doc[k].text in first_names() and is_capitalised(doc[k + 1].text)


def _opening_role(texts: list[str], k: int) -> bool:
    """ "Direktorin Volkshochschule", "Geschäftsführer Stadtwerke Lindau": a person's title
    without an article before a capitalised word is the person's role in the body, no part
    of its name; a title ending that also names a body ("Gemeinderat") stays."""
    words, endings = person_titles()
    word, lower = texts[k], texts[k].lower()
    if not is_capitalised(texts[k + 1]) or lower.endswith(BODY_TITLE_ENDINGS):
        return False
    return word in words or lower.endswith(endings)


def _trim(doc: Doc | DocWords, start: int, end: int, label: str) -> Span | WordSpan | None:
    """Drop leading articles and trailing punctuation the model included in its entity
    ``start:end`` of ``label``, and a person's name after an organisation or venue
    ("Schauspielhaus Lea Brandt")."""
    words = doc  # a DocWords is the list of its Words: no call per word
    texts = token_texts(doc)
    # plain loops, not next() over a generator: a span has a few words, and making the
    # generator cost more than testing them
    if label not in ("PER", "PERSON"):
        names = first_names()  # a person starts on a first name
        for k in range(start + 1, end):
            if texts[k] in names and _person_at(doc, k, end):
                end = k
                break
    # "TSV Lindau (8 Teilnehmer": a bracket the span opens but does not close is no part of it
    for k in range(start + 1, end):
        if texts[k] == "(" and ")" not in texts[k:end]:
            end = k
            break
    if label == "ORG":  # "SV Lindach den Favoriten": the name ends before an object
        for k in range(start + 1, end):
            if texts[k] in OBJECT_ARTICLES:
                end = k
                break
    # a line break ends a heading: the model sometimes runs a name into the next line
    for k in range(start + 1, end):
        if "\n" in words[k - 1].whitespace_ or words[k].is_space:
            end = k
            break
    while start < end and (
        words[start].is_punct
        or words[start].lower_ in NOMINATIVE_ARTICLES
        or (label == "ORG" and words[start].lower_ in QUANTIFIERS)
        or (label == "ORG" and end - start > 1 and _opening_role(texts, start))
    ):
        start += 1
    while end > start and (
        (words[end - 1].is_punct and words[end - 1].text not in (".", ")"))
        or (
            words[end - 1].text.isalpha()
            and words[end - 1].text.islower()
            and end - 1 > start
            and not words[start].text.islower()  # "kranzl logistik": a name all in lower case
        )
    ):
        end -= 1  # "St. Gallen am", "Green Towns made": a lower-case word the model took along
    if (
        label == "ORG"
        and end - start > 1
        and texts[end - 1] == "."
        and texts[end - 2].isalpha()
        and len(texts[end - 2]) > MAX_ABBREVIATION
    ):
        end -= 1  # "des Vereins." at a sentence's end: the full stop is no abbreviation's
    if label not in ("PER", "PERSON"):
        titles = person_titles()[0]
        while end - start > 1 and words[end - 1].text in titles:
            end -= 1  # "ÖGKV Prof." of "ÖGKV Prof. Tom Keller": the person's title
    return span_of(doc, start, end) if end > start else None


def _capitals_line(doc: Doc, span: Span) -> bool:
    """A name in capitals alone on the report's first line ("LINDWIL-SÜD" above the text): the
    place the report comes from, a dateline of its own. Not the first line of a later piece of
    a long report (``CHUNK_START``)."""
    word = span[0].text
    return (
        span.start == 0
        and not doc.user_data.get(CHUNK_START)
        and word.isupper()
        and len(word) > 3
        and ("\n" in span[-1].whitespace_ or (span.end < len(doc) and doc[span.end].is_space))
    )


def _numbered_name(span: Span) -> bool:
    """ "Kindergarten Birkenhof 3": a house's own name and the small number that tells it from
    others of that name, no marker or hall number ("KM 4", "Halle 5"): a head, a capitalised
    name word and one or two digits."""
    number, word = span[-1].text, span[-2].text if len(span) >= 3 else ""
    return (
        number.isdigit()
        and len(number) <= 2
        and len(word) > 2
        and word.isalpha()
        and is_capitalised(word)
    )
