"""Venues by pattern (venue_patterns.json): where an event took place.

- a head word and a name: "Schloss Wolfsbrunn", "Messe und Kongress Centrum Tannheim",
  "Museum für Völkerkunde", "Sternwarte Johann Kepler";
- a hyphenated compound on a venue word: "Hans-Sachs-Anlage", "DDR-Museum";
- capitalised adjectives before a venue word: "Neue Stadtgalerie", "Großer Anger";
- a city adjective before a generic venue: "Kölner Literaturhaus" -> "Literaturhaus
  Stuttgart" when the same report uses that form, else as written ("Wiener Stadthalle");
- a compound of a place and a venue word: "Westfalenhallen";
- a compound venue word with a place or an "am/im" complement: "Stadtmuseum Kassel",
  "Kongresshalle am Zoo", "Naturkundemuseum im Ottoneum", "Hotel Grauer Bär"; with one
  quoted name word the name is the place ("Schulhaus «Birkenried»" -> "Birkenried");
- a town's name before "Oval" (heads_after_place): "Talheim Oval", not the town;
- one word on a square/park/hall ending that is no common noun, after a place preposition:
  "auf dem Hansaplatz", "in die Rheingoldhalle"; Latinate names ("des Fridericianums");
- an inn or hotel named with one noun ("Gasthof Krone"), a chain's hotel ("im Dorint Hotel"),
  a compound venue word with one name word of its own ("Schlosspark Lindenau"), a building
  named after a person ("Karl Weber-Haus") and its owner in the genitive ("X-Halle der
  Rheinmesse"); capitalised adjectives before "Meer" or "See" make a landscape.
Known venues with their own names ("CityCube", "RuhrCongress") come from the gazetteer.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from itertools import compress, product

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Doc

from pipeline.entities.candidates import CITY, COUNTRY, DISTRICT, PLACE, VENUE, Candidate
from pipeline.entities.canonical import (
    STRONG_NOMINATIVE,
    LemmaLookup,
    adjective_stem,
    canonical_span,
    head_noun,
    hyphen_adjective,
    is_adjective,
)
from pipeline.entities.gazetteer import (
    Gazetteer,
    PlaceEntry,
    city_of_adjective,
    has_definite_place_context,
    is_line_start,
)
from pipeline.entities.persons import is_title, person_starts
from pipeline.entities.words import (
    ARTICLES,
    GENITIVE_ARTICLES,
    LIST_JOINERS,
    TOWN_CENTRES,
    TRUNCATION_JOINERS,
    WordValues,
    common_nouns,
    entity_word_list,
    entity_words,
    first_names,
    is_capitalised,
    is_generic_compound,
    is_noun_compound,
    is_noun_form,
    org_patterns,
    positions,
    span_of,
    token_texts,
    values_of,
    venue_patterns,
)
from pipeline.quotation_marks import NAME_PAIRS
from pipeline.temporal.tense import is_participle

MAX_NAME_WORDS = 3
# a definite article, alone or in a preposition: the one landmark of the town
DEFINITE = ARTICLES | entity_words("fused_article")
COMPLEMENT_LOCATIVE = entity_words("complement_locative")
VENUE_STATEMENTS = entity_words("venue_statement")
INDEFINITE_ARTICLES = entity_words("indefinite_article")
COPULAS = entity_words("copula")
# "" first: the name and the venue word written together without a linker
NAME_LINKERS = ("", *entity_word_list("name_linker"))
MAX_ADJECTIVES = 3
# a landmark compound after a town's adjective is longer than its ending alone ("Halle")
MIN_LANDMARK_HEAD = 5
# letters before a landmark ending in a noun that merely ends on its letters ("Simula|tor")
MIN_HEAD_STEM = 3
MAX_QUOTED_WORDS = 5  # words of a quoted name before its hyphenated venue word
# the opening marks of a quoted name, by its closing mark
OPENING_MARKS = frozenset(o for o, _ in NAME_PAIRS)
_OPENINGS_OF = {
    closing: frozenset(o for o, c in NAME_PAIRS if c == closing) for _, closing in NAME_PAIRS
}


def _ends_on_word(text: str, suffix: str) -> bool:
    """Whether a compound's landmark ending is its last word: the longest noun of the lexicon
    the word ends on is the ending itself or a compound on it ("Schloss|berg"), not a noun
    that only ends on its letters ("Brand|simulator", no "-tor")."""
    nouns = common_nouns()
    for k in range(1, len(text) - len(suffix) - MIN_HEAD_STEM + 1):
        tail = text[k:].capitalize()
        if tail in nouns:
            stem = tail[: -len(suffix)]
            return is_noun_form(stem) or is_noun_compound(stem)
    return True


class VenueFinder:
    def __init__(
        self,
        gazetteer: Gazetteer,
        lemma: LemmaLookup | None = None,
        lemma_values: Callable[[], frozenset[str]] | None = None,
    ) -> None:
        p = venue_patterns()
        self.lemma_values = lemma_values or frozenset
        self.gazetteer = gazetteer
        self.lemma = lemma
        self.heads = frozenset(p["heads"])
        self.takes_complement = frozenset(p["takes_complement"])
        self.noun_name_heads = frozenset(p["noun_name_heads"])
        self.chain_heads = frozenset(p["chain_heads"])
        self.named_only = frozenset(p["named_only_suffixes"])
        self.landscape_suffixes = tuple(p["landscape_suffixes"])
        self.institutions = frozenset(p["institution_compounds"])
        self.complement_words = frozenset(p["complement_words"])
        self.joiners = frozenset(p["joiners"])
        self.suffixes = tuple(sorted(p["suffixes"], key=len, reverse=True))
        self.adjective_suffixes = tuple(p["adjective_suffixes"])
        self.generic = frozenset(p["generic"])
        self.not_names = frozenset(p["not_names"])
        self.heads_after_name = frozenset(p["heads_after_name"])
        self.heads_after_place = frozenset(p["heads_after_place"])
        self.event_word_endings = tuple(w.lower() for w in p["event_words"])
        self._ner_places: set[int] = set()
        self.name_suffixes = tuple(sorted(p["name_compound_suffixes"], key=len, reverse=True))
        self.latin_suffixes = tuple(p["latin_suffixes"])
        self.compound_heads = tuple(p["compound_heads"])
        self.landmarks = frozenset(p["landmark_nouns"])
        self.context_words = frozenset(p["context_words"])
        self.generic_prefixes = tuple(p["generic_prefixes"])
        self.generic_needs_context = frozenset(p["generic_needs_context"])
        self.fair_name_heads = frozenset(p["fair_name_heads"])
        self.locative_buildings = tuple(p["locative_building_suffixes"])
        self.nouns = common_nouns()
        self.civic_landmarks = frozenset(p["civic_landmarks"])
        self.complement_heads = frozenset(p["complement_heads"])
        self.adjective_landmarks = tuple(p["adjective_landmark_suffixes"])
        self.saint_suffixes = frozenset(p["saint_suffixes"])
        self.lexicon_only = frozenset(p["lexicon_only_suffixes"])
        self.context_free = frozenset(p["context_free_suffixes"])
        self.landscape_infixes = tuple(p["landscape_infixes"])
        # longest first: "höfen" before "höfe"
        self.plural_suffixes = dict(
            sorted(p["plural_name_suffixes"].items(), key=lambda kv: len(kv[0]), reverse=True)
        )
        self.plural_articles = frozenset(p["plural_articles"])
        # the sign's noun as written -> its nominative and gender ("Löwen" -> "Löwe", m)
        self.inn_prepositions = frozenset(p["inn_prepositions"])
        self.inn_signs = {word: tuple(pair) for word, pair in p["inn_signs"].items()}
        self.inn_articles = {g: frozenset(words) for g, words in p["inn_articles"].items()}
        self.inn_directional = frozenset(p["inn_directional"])
        # longest first: "Radisson Blu" before "Radisson"
        self.hotel_brands = sorted(
            (tuple(b.split()) for b in p["hotel_brands"]), key=len, reverse=True
        )
        self.brand_openings = frozenset(words[0] for words in self.hotel_brands)
        self.hotel_locations = frozenset(p["hotel_locations"])
        self.directions = frozenset(org_patterns()["direction_words"])
        # the first word of each legal form ("GmbH", "e."): a firm, no venue
        self.legal_forms = frozenset(form.split()[0] for form, _ in org_patterns()["legal_forms"])
        # word predicates asked for every token: memoised per finder
        self._finders_at = WordValues(self._finders_at)  # type: ignore[method-assign]
        # one bound method, so that find() can tell it in a word's finders by identity
        self._name_and_head_finder = self._name_and_head
        for name in ("_adjective", "_is_name_word"):
            setattr(self, name, lru_cache(maxsize=65536)(getattr(self, name)))

    def find(self, doc: Doc, ner_places: set[int] | None = None) -> list[Candidate]:
        self._ner_places = ner_places or set()
        found: list[Candidate] = []
        texts = token_texts(doc)
        finders = values_of(texts, self._finders_at)
        before_head = self._before_heads_after_name(texts)
        for i in compress(range(len(texts)), finders):
            at = finders[i]
            if at[0] is self._name_and_head_finder and i not in before_head:
                at = at[1:]  # no venue word one or two words after the name: no such venue
            for finder in at:
                cand = finder(doc, i)
                if cand is not None:
                    cand = self._with_truncated_first(doc, texts, cand)
                    found.append(self._with_hotel_brand(doc, texts, cand))
                    break
        found += self._brand_hotels(doc, texts, found)
        return found + self._statement_venues(doc, texts, found)

    def _statement_venues(
        self, doc: Doc, texts: list[str], found: list[Candidate]
    ) -> list[Candidate]:
        """ "Tagungsort ist die Lindexpo", "Spielort war das Lindenwerk": the name a venue
        statement (a noun of where, a copula, an article) gives is a venue, where no other
        pattern named it and it is no known place, common noun, person or firm."""
        taken = {t for c in found for t in range(c.start, c.end)}
        out = []
        for k in positions(texts, self._is_venue_statement):
            j = k + 1
            if j >= len(texts) or texts[j].lower() not in COPULAS:
                continue
            j += 1
            if j < len(texts) and texts[j].lower() in ARTICLES:
                j += 1
            end = self._statement_name_end(doc, j)
            if end is not None and taken.isdisjoint(range(j, end)):
                out.append(self._venue(doc, j, end, "pattern"))
        return out

    @staticmethod
    def _is_venue_statement(word: str) -> bool:
        return word.lower() in VENUE_STATEMENTS

    def _statement_name_end(self, doc: Doc, j: int) -> int | None:
        """End of the name words after a venue statement: one to three words that are no
        common noun, not a known place (a town: the event's city), person or legal form."""
        if j >= len(doc) or self.gazetteer.match_at(doc, j) is not None or person_starts(doc, j):
            return None
        end = j
        while (
            end < len(doc)
            and end - j < MAX_NAME_WORDS
            and self._is_name_word(doc[end].text)
            and not self._is_noun(doc[end].text)
        ):
            end += 1
        if end == j or (end < len(doc) and doc[end].text in self.legal_forms):
            return None
        if any(
            doc[k].text in self.legal_forms or doc[k].text in first_names() for k in range(j, end)
        ):
            return None
        return end

    def _before_heads_after_name(self, texts: list[str]) -> set[int]:
        """The tokens one or two words before a venue word that follows a name ("Porsche
        Museum"): where :meth:`_name_and_head` may find one. Found once per report in C, since
        most name words stand before none (the pattern was asked at each of them)."""
        heads = positions(texts, self.heads_after_name.__contains__)
        return {k - distance for k in heads for distance in (1, 2)}

    def _with_truncated_first(self, doc: Doc, texts: list[str], cand: Candidate) -> Candidate:
        """ "Spielzeug- und Puppenmuseum": a first part that shares the venue word belongs
        to the name."""
        k = cand.start
        if k < 2 or texts[k - 1] not in TRUNCATION_JOINERS or not texts[k - 2].endswith("-"):
            return cand
        if not is_capitalised(texts[k - 2]) or len(texts[k - 2]) < 3:
            return cand
        return self._venue(doc, k - 2, cand.end, "pattern")

    def _brand_hotels(self, doc: Doc, texts: list[str], found: list[Candidate]) -> list[Candidate]:
        """A chain's name and a hotel word with no name of its own ("im Dorint Hotel"): the
        chain's hotel in the report's town."""
        taken = {t for c in found for t in range(c.start, c.end)}
        out = []
        for i in positions(texts, self.brand_openings.__contains__):
            for words in self.hotel_brands:  # longest first
                end = i + len(words)
                if end >= len(texts) or tuple(texts[i:end]) != words or end in taken:
                    continue
                town_end = self._brand_town_end(doc, texts, end)
                hotel = end  # the hotel's own name may stand before "Hotel" ("Sheraton Carlton")
                while hotel < min(end + 2, len(texts) - 1) and self._hotel_name_word(texts[hotel]):
                    hotel += 1
                if texts[hotel].lower().endswith("hotel") and is_capitalised(texts[hotel]):
                    out.append(self._venue(doc, i, hotel + 1, "pattern"))
                    taken.update(range(i, hotel + 1))
                elif town_end is not None and has_definite_place_context(doc, i):
                    # "im Hilton Frankfurt", "im Novotel München City": the chain's hotel there
                    out.append(self._venue(doc, i, town_end, "pattern"))
                    taken.update(range(i, town_end))
                elif self._bare_brand(doc, texts, i, end):
                    out.append(self._venue(doc, i, end, "pattern"))
                    taken.update(range(i, end))
                break
        return out

    def _brand_town_end(self, doc: Doc, texts: list[str], j: int) -> int | None:
        """End of a town no word could be (and of a location word after it: "City",
        "Airport") that follows a chain's name at ``j``."""
        match = self.gazetteer.match_at(doc, j)
        if match is None or match.entry.kind != "city" or match.entry.ambiguous:
            return None
        end = match.end
        if end < len(texts) and texts[end] in self.hotel_locations:
            end += 1
        return end

    def _bare_brand(self, doc: Doc, texts: list[str], i: int, end: int) -> bool:
        """A chain's name alone after a definite locative ("im Dorint", "vom Hilton aus"):
        the chain's hotel, unless a name runs on after it or the name is also a word."""
        return (
            has_definite_place_context(doc, i)
            and not is_capitalised(texts[end])
            and not any(self._is_noun(w) or w.lower() in STOP_WORDS for w in texts[i:end])
        )

    def _finders_at(self, text: str) -> tuple[Callable[[Doc, int], Candidate | None], ...]:
        """The patterns that can start on a word (none on most words)."""
        # every pattern starts on a capitalised word, a head or a hyphenated name
        if not (text[:1].isupper() or "-" in text or text in self.heads):
            return ()
        return self._finders_for(text)

    def _finders_for(self, text: str) -> tuple[Callable[[Doc, int], Candidate | None], ...]:
        """The patterns that can start on a word, in their order: each one's own first test
        of the word, decided once per word rather than once per token."""
        lower = text.lower()
        capitalised = is_capitalised(text)
        latin = (text[:-1] if lower.endswith(("eums", "anums")) else text).lower()
        head = head_noun(text)
        named = (lower[:-1] if lower.endswith("sees") else lower).endswith(
            self.name_suffixes
        ) or lower.endswith(tuple(self.plural_suffixes))
        tests = (
            (self._name_and_head_finder, self._is_name_word(text)),
            (
                self._head_and_name,
                text in self.heads
                or text in self.chain_heads
                or (capitalised and "-" not in text and lower.endswith(self.compound_heads)),
            ),
            (self._square_of, text in self.complement_heads),
            (self._adjectives_and_head, self._adjective(text)),
            (self._city_adjective, self.city_of_adjective(text) is not None),
            (self._small_town_landmark, self._small_town_adjective(text)),
            (
                self._compound,
                (capitalised or ("-" in text and is_capitalised(text.split("-")[-1])))
                and (
                    lower.endswith(self.suffixes)
                    or ("-" in text and lower.endswith(self.locative_buildings))
                ),
            ),
            (
                self._named_compound,
                capitalised
                and "-" not in text
                and text.isalpha()
                and len(text) >= 6
                and (
                    latin.endswith(self.latin_suffixes)
                    or (head[0] if head else text) in self.civic_landmarks
                    or named
                ),
            ),
        )
        return tuple(finder for finder, possible in tests if possible)

    # -- patterns ------------------------------------------------------------------------
    def _head_and_name(self, doc: Doc, i: int) -> Candidate | None:
        if doc[i].text in self.chain_heads:
            if i + 1 >= len(doc) or doc[i + 1].text not in self.heads:
                return None
        elif doc[i].text not in self.heads:
            return self._compound_head(doc, i)
        j = i + 1
        while j < len(doc):  # "Messe und Kongress Centrum Tannheim"
            if doc[j].text in self.heads:
                j += 1
            elif doc[j].text in self.joiners and j + 1 < len(doc) and doc[j + 1].text in self.heads:
                j += 2
            else:
                break
        # "ein Haus der Begegnung": a kind of house, no name ("das Haus der Geschichte")
        indefinite = i > 0 and doc[i - 1].lower_ in INDEFINITE_ARTICLES
        # after two head words a common noun is a name too ("Congress Center Rosengarten")
        end = self._name_after(doc, j, allow_nouns=j - i >= 2, person_ends=self._genitive(doc, i))
        if end is None and doc[j - 1].text in self.noun_name_heads:
            end = self._noun_name(doc, j)
        if end is None and doc[j - 1].text in self.takes_complement and not indefinite:
            end = self._complement_after(doc, j)
        if end is None and not self._adjective_named(doc, i):
            end = self._am_complement(doc, j)
        if end is None:
            return None
        if (
            j == i + 1
            and doc[i].text in self.fair_name_heads
            and self.gazetteer.match_at(doc, j) is None
            and not self._venue_context(doc, i)
        ):
            return None  # "die Messe Foire Centrale": a fair's name
        if (
            j == i + 1
            and doc[i].lower_ in self.event_word_endings
            and self._country_at(doc, j, end)
        ):
            return None  # "beim Export Forum Kanada": a meeting about a country, no building
        return self._venue(doc, i, end, "pattern")

    def _country_at(self, doc: Doc, start: int, end: int) -> bool:
        match = self.gazetteer.match_at(doc, start)
        return match is not None and match.end == end and match.entry.kind == COUNTRY

    def _square_of(self, doc: Doc, i: int) -> Candidate | None:
        """ "auf dem Platz der Republik", "vom „Platz der Lindenschützen“": a square or
        promenade named by a genitive of capitalised words after a place preposition (the
        head alone takes no name: "Platz 3" is a rank)."""
        k = i - 1 if i > 0 and doc[i - 1].text in OPENING_MARKS else i
        if not self._venue_context(doc, k):
            return None
        end = self._complement_after(doc, i + 1)
        if end is None or doc[i + 1].lower_ not in GENITIVE_ARTICLES:
            return None
        return self._venue(doc, i, end, "pattern")

    def _compound_head(self, doc: Doc, i: int) -> Candidate | None:
        """ "Stadtmuseum Kassel", "Grimmwelt Kassel", "Kongresshalle am Zoo",
        "Naturkundemuseum im Ottoneum": a compound on a venue word with a place name or an
        "am/im" complement after it (not after its own adjectives)."""
        text = doc[i].text
        if (
            not is_capitalised(text)
            or "-" in text
            or not text.lower().endswith(self.compound_heads)
        ):
            return None
        if i + 1 >= len(doc):
            return None
        end = None if self._adjective_named(doc, i) else self._am_complement(doc, i + 1)
        if (
            end is None
            and text not in self.institutions
            and self.gazetteer.match_at(doc, i + 1) is None
        ):
            end = self._own_name(doc, i + 1)
            if end is None and self._quoted_name(doc, text, i + 1):
                return self._venue(doc, i + 2, i + 3, "pattern")  # the quoted name is the place
        if end is None:
            match = self.gazetteer.match_at(doc, i + 1)
            if match is None or match.entry.kind not in (CITY, DISTRICT):
                return None
            if match.end < len(doc) and doc[match.end].like_num:
                return None
            end = match.end
        return self._venue(doc, i, end, "pattern")

    def _adjective_named(self, doc: Doc, i: int) -> bool:
        """A venue word after its own capitalised adjectives ("das Historische
        Stadtmuseum im Lindenkloster"): the adjectives make its name, and "am", "im" after it
        say in which building or where it is, a place of its own, not part of the name."""
        return i > 0 and is_capitalised(doc[i - 1].text) and self._adjective(doc[i - 1].text)

    def _noun_name(self, doc: Doc, j: int) -> int | None:
        """End of an inn's or hotel's name that is one common noun in its dictionary form
        ("Gasthof Krone", "Restaurant Eiche"), not a plural or a case form ("Hotel Gäste")."""
        if j >= len(doc) or doc[j].text not in self.nouns or doc[j].text in self.not_names:
            return None
        if j + 1 < len(doc) and is_capitalised(doc[j + 1].text):
            return None  # "Hotel Zimmer Preise": a run of nouns, no name
        return j + 1

    def _am_complement(self, doc: Doc, j: int) -> int | None:
        """End of "am Zoo", "im Ottoneum", "am Schiffbauerdamm" after a venue word: a name or a
        landmark noun, not "am Montag" or "im Rahmen"."""
        if j + 1 >= len(doc) or doc[j].lower_ not in COMPLEMENT_LOCATIVE:
            return None
        word = doc[j + 1].text
        if not is_capitalised(word) or word.lower() in STOP_WORDS:
            return None
        match = self.gazetteer.match_at(doc, j + 1)
        if match is not None:  # "am Rhein"; not "im RuhrCongress": a venue of its own
            return None if match.entry.kind == VENUE else match.end
        if word in self.landmarks:
            return j + 2
        if is_noun_form(word) or (self.lemma is not None and self.lemma(word) not in (None, word)):
            return None
        return j + 2

    def _name_and_head(self, doc: Doc, i: int) -> Candidate | None:
        """ "Porsche Museum", "Lanxess Arena": a name that is no common word and a venue word."""
        after = token_texts(doc)[i + 1 : i + 3]  # one or two name words, then the venue word
        if self.heads_after_name.isdisjoint(after):  # in C: asked at most capitalised words
            return None
        j = i
        while j < len(doc) and j - i < 2 and self._is_name_word(doc[j].text):
            j += 1
        if j == i or j >= len(doc) or doc[j].text not in self.heads_after_name:
            return None
        if i > 0 and self._is_name_word(doc[i - 1].text):
            return None  # the name starts earlier
        if doc[i].is_sent_start or (
            self.gazetteer.match_at(doc, i) is not None
            and doc[j].text not in self.heads_after_place
        ):
            return None  # "Hamburg Museum": a place, or a capital that says nothing
        return self._venue(doc, i, j + 1, "pattern")

    @staticmethod
    def _genitive(doc: Doc, i: int) -> bool:
        """ "der Kurator der Kunsthalle Jonas Sommer": a venue in a genitive after a noun,
        where a person's name may follow in apposition."""
        return i >= 2 and doc[i - 1].lower_ in GENITIVE_ARTICLES and is_capitalised(doc[i - 2].text)

    def _name_after(
        self, doc: Doc, j: int, allow_nouns: bool = False, person_ends: bool = False
    ) -> int | None:
        if j >= len(doc):
            return None
        match = self.gazetteer.match_at(doc, j)
        if match is not None:
            return match.end
        end = j
        while (
            end < len(doc)
            and end - j < MAX_NAME_WORDS
            and self._is_name_word(doc[end].text, allow_nouns)
            and not (person_ends and person_starts(doc, end))
        ):
            end += 1
        if (
            end > j
            and end < len(doc)
            and is_adjective(doc[end - 1].text, self.lemma)
            and is_capitalised(doc[end].text)
            and doc[end].text not in self.not_names
            and doc[end].lower_ not in STOP_WORDS
        ):
            end += 1  # "Hotel Grauer Bär", "Gasthof Goldener Hirsch"
        return end if end > j else None

    def _is_name_word(self, text: str, allow_nouns: bool = False) -> bool:
        return (
            is_capitalised(text)
            and any(ch.isalpha() for ch in text)
            and text.lower() not in STOP_WORDS
            and (allow_nouns or text not in self.nouns)
            and text not in self.not_names
            and text not in self.heads
        )

    def _complement_after(self, doc: Doc, j: int) -> int | None:
        """'für Naturkunde', 'für Film und Fernsehen', 'der Bildenden Künste'."""
        if j + 1 >= len(doc) or doc[j].lower_ not in self.complement_words:
            return None
        end = j + 1
        while end < len(doc) and is_capitalised(doc[end].text):
            end += 1
            if (
                end + 1 < len(doc)
                and doc[end].lower_ == "und"
                and is_capitalised(doc[end + 1].text)
            ):
                end += 1
        return end if end > j + 1 else None

    def _adjectives_and_head(self, doc: Doc, i: int) -> Candidate | None:
        if i > 0 and self._adjective(doc[i - 1].text):
            return None  # the run starts earlier
        k = i
        while k < len(doc) and k - i < MAX_ADJECTIVES and self._adjective(doc[k].text):
            k += 1
        if k == i or k >= len(doc):
            return None
        head = doc[k].text
        if k == i + 1 and self._inn_sign(doc, i, head):
            return self._inn(doc, i)
        if not is_capitalised(head) or not head.lower().endswith(self.adjective_suffixes):
            return None
        landscape = head.lower().endswith(self.landscape_suffixes)
        if landscape and head.lower() not in self.landscape_suffixes:
            return None  # "Bodensee" is a name of its own, the adjective no part of it
        # sentence-initial capitals say nothing; two adjectives still make a name
        if (is_line_start(doc, i) or doc[i].is_sent_start) and k - i < 2:
            return None
        end = k + 1
        match = self.gazetteer.match_at(doc, end)
        if match is not None and match.entry.kind == "city" and not match.entry.ambiguous:
            end = match.end  # "Deutsche Oper Berlin", "Alte Oper Frankfurt"
        cand = self._venue(doc, i, end, "pattern")
        if landscape:
            cand.kind = "other"  # "Schwarzes Meer": a landscape, no venue
        return cand

    def _inn_sign(self, doc: Doc, i: int, head: str) -> bool:
        """ "im Grünen Hecht", "zum Weißen Rössl", "in der Alten Krone": an inn named after
        its sign, one capitalised adjective and the sign's noun, after a preposition that
        leads to an inn (``inn_prepositions``) with the definite article of the sign's gender
        in the singular (``inn_articles``); not "unter der Britischen Krone", not "bei den
        Roten Falken" (a plural). "zu" after a noun or a participle completes that word
        ("die Ausstellung zur Weißen Rose", "nominiert zum Goldenen Bären"): no inn."""
        if head not in self.inn_signs or i == 0:
            return False
        article = doc[i - 1].lower_
        if article not in self.inn_articles[self.inn_signs[head][1]]:
            return False
        k = i - 1 if article in self.inn_prepositions else i - 2
        if k < 0 or doc[k].lower_ not in self.inn_prepositions:
            return False
        return not (doc[k].lower_ in self.inn_directional and self._governs(doc, k - 1))

    def _governs(self, doc: Doc, j: int) -> bool:
        """Whether word ``j`` takes the "zu" after it: a participle ("ernannt zur") or a
        common noun ("Ausstellung zur") other than a venue's head ("Gasthof zur"); a
        capital at a sentence's start says nothing."""
        if j < 0 or doc[j].is_sent_start:
            return False
        word = doc[j].text
        if is_capitalised(word):
            return word not in self.heads and is_noun_compound(word)
        lemma = self.lemma(word) if self.lemma is not None else None
        return lemma is not None and is_participle(word, lemma)

    def _inn(self, doc: Doc, i: int) -> Candidate | None:
        """The inn of a sign in the nominative ("im Goldenen Löwen" -> "Goldener Löwe"): the
        sign's own nominative and gender decline the adjective, since most signs are nouns
        the dictionary lacks or declines weakly."""
        nominative, gender = self.inn_signs[doc[i + 1].text]
        stem = adjective_stem(doc[i].text, self.lemma)
        if stem is None:
            return None
        cand = self._venue(doc, i, i + 2, "pattern")
        cand.name = f"{stem}{STRONG_NOMINATIVE[gender]} {nominative}"
        return cand

    def _adjective(self, text: str) -> bool:
        """An adjective, hyphenated ones included ("Ökologisch-Botanischen Garten")."""
        return is_adjective(text, self.lemma) or hyphen_adjective(text, self.lemma)

    def _city_adjective(self, doc: Doc, i: int) -> Candidate | None:
        """ "Kölner Literaturhaus" -> "Literaturhaus Köln"."""
        if i + 1 >= len(doc):
            return None
        entry = self.city_of_adjective(doc[i].text)
        if entry is None:
            return None
        head = doc[i + 1].text
        base = head_noun(head)
        nominative = base[0] if base else head
        if is_capitalised(head) and nominative.lower() in self.landscape_suffixes:
            # "am Schweriner See", "am Ufer des Zeller Sees": the lake of the town, named as
            # written, where the sentence puts something at it or names a part of it
            if not (
                self._venue_context(doc, i) or (i > 0 and doc[i - 1].lower_ in GENITIVE_ARTICLES)
            ):
                return None
            name = f"{doc[i].text} {nominative}"
            return Candidate(i, i + 2, PLACE, name, "pattern", kind="other")
        if nominative not in self.generic:
            return self._adjective_landmark(doc, i, head)
        if nominative in self.generic_needs_context and not self._venue_context(doc, i):
            return None  # "die Dresdner Philharmonie spielte": the orchestra
        # the plain form when the report uses it too, else the name as written ("Wiener
        # Stadthalle")
        plain = f"{nominative} {entry.name}"
        name = plain if plain in doc.text else f"{doc[i].text} {nominative}"
        return Candidate(
            i,
            i + 2,
            PLACE,
            name,
            "pattern",
            kind=VENUE,
            country_code=entry.country_code,
        )

    def _adjective_landmark(self, doc: Doc, i: int, head: str) -> Candidate | None:
        """ "in den Ulmer Messehallen", "auf dem Ulmer Schlossberg": a town's adjective before
        a compound on a building's or landmark's ending, after a place preposition, names that
        one building or height of the town, as written (no generic head to name it by)."""
        if not (is_capitalised(head) and head.isalpha() and len(head) > MIN_LANDMARK_HEAD):
            return None
        lower = head.lower()
        if lower in self.suffixes or not lower.endswith(self.adjective_landmarks):
            return None  # "im Ulmer Haus": no compound, "im Ulmer Stadtrat": no building
        if lower in TOWN_CENTRES:
            return None  # "im Ulmer Stadtzentrum": the town's centre, not one building
        if not self._venue_context(doc, i):
            return None
        return Candidate(i, i + 2, PLACE, f"{doc[i].text} {head}", "pattern", kind=VENUE)

    def _small_town_adjective(self, word: str) -> bool:
        """The adjective of a small town named like a word ("Zuger"), which only a sure
        pattern reads as the town's."""
        return (
            not is_noun_form(word)
            and self.city_of_adjective(word) is None
            and city_of_adjective(self.gazetteer, word, strict=False) is not None
        )

    def _small_town_landmark(self, doc: Doc, i: int) -> Candidate | None:
        """ "in den Zuger Messehallen": the landmark pattern is sure enough for the
        adjective of a small town or one named like a word, but where the compound names a
        square or landmark by itself ("auf dem Zuger Zeughausplatz") that name is found alone
        (the adjective may be an inhabitant's word, not a part of the name)."""
        if i + 1 >= len(doc) or doc[i + 1].text.lower().endswith(self.name_suffixes):
            return None
        return self._adjective_landmark(doc, i, doc[i + 1].text)

    def city_of_adjective(self, word: str) -> PlaceEntry | None:
        return city_of_adjective(self.gazetteer, word)

    def _compound(self, doc: Doc, i: int) -> Candidate | None:
        text = doc[i].text
        if self._locative_building(doc, i):
            return self._venue(doc, i, i + 1, "pattern")
        hyphenated_name = "-" in text and is_capitalised(text.split("-")[-1])
        if not (is_capitalised(text) or hyphenated_name) or not text.lower().endswith(
            self.suffixes
        ):
            return None
        if "-" in text:
            # "Hans-Sachs-Anlage", "DDR-Museum"; not "Musik-Downloadmarkt", "AWo-Kindergarten"
            parts = text.split("-")
            if len(parts[0]) < 2 or parts[-1].lower() not in self.suffixes:
                return None
            if parts[-1].lower() in self.named_only and self._is_noun(parts[0]):
                return None  # "Firmen-Gelände"
            # a first name before it belongs to the name ("Lise Meitner-Zentrum")
            start = i - 1 if i > 0 and doc[i - 1].text in first_names() else i
            start = self._quote_opening(doc, i, parts[0]) or start
            return self._venue(doc, start, self._owner_end(doc, i + 1), "pattern")
        for suffix in self.suffixes:  # "Westfalenhallen": a place and a venue word
            if text.lower().endswith(suffix):
                found = self.gazetteer.lookup(text[: len(text) - len(suffix)])
                if found is not None and not found[0].ambiguous:
                    return self._venue(doc, i, i + 1, "pattern")
                if self._landscape_named(text[: len(text) - len(suffix)]):
                    return self._venue(doc, i, i + 1, "pattern")
                break
        return None

    @staticmethod
    def _quote_opening(doc: Doc, i: int, first: str) -> int | None:
        """The opening mark of a quoted name that the venue word joins with a hyphen
        ("die „Lindner Sparkasse“-Arena"): the whole quoted name belongs to the venue's."""
        openings = _OPENINGS_OF.get(first[-1:])
        if not openings:
            return None
        for k in range(i - 1, max(i - MAX_QUOTED_WORDS - 1, -1), -1):
            if "\n" in doc[k].whitespace_ or doc[k].is_space:
                return None
            if doc[k].text in openings:
                return k
        return None

    def _locative_building(self, doc: Doc, i: int) -> bool:
        """ "in der Lessing-Schule": a school named with hyphens after a person or place, after
        a place preposition, is the building (elsewhere the school acts: an organisation)."""
        parts = doc[i].text.split("-")
        return (
            len(parts) > 1
            and all(len(p) > 1 and p[:1].isupper() for p in parts)
            and parts[-1].lower() in self.locative_buildings
            and self._venue_context(doc, i)
        )

    def _landscape_named(self, first: str) -> bool:
        """A named valley or land before the venue word ("Murrtal|halle", "Sauerland|halle"):
        the name before the landscape word is no common noun, nor is the whole word."""
        lower = first.lower()
        for infix in self.landscape_infixes:
            name = first[: len(first) - len(infix)]
            if lower.endswith(infix) and len(name) >= 3 and name.isalpha():
                return not (self._is_noun(name) or self._is_noun(first) or name in self.nouns)
        return False

    def _own_name(self, doc: Doc, j: int) -> int | None:
        """End of one name word of the venue's own after a compound venue word ("Schlosspark
        Lindenau", "Sportpark Ronhof"): no common noun, no person, and the name ends there."""
        word = doc[j].text
        if not self._is_name_word(word) or self._is_noun(word) or word in first_names():
            return None
        if j + 1 < len(doc) and is_capitalised(doc[j + 1].text):
            return None  # "Stadtmuseum Kurator Weber": a longer run is no name of the venue
        if not word.isalpha() or word.isupper():
            return None
        return j + 1

    def _quoted_name(self, doc: Doc, text: str, j: int) -> bool:
        """One name word in quotes after a compound building word ("Schulhaus «Birkenried»"):
        the building's own name; not after a word that also names an event format
        ("Diskussionsforum „X“")."""
        if j + 2 >= len(doc) or not doc[j].is_quote or not doc[j + 2].is_quote:
            return False
        if text.lower().endswith(self.event_word_endings):
            return False
        word = doc[j + 1].text
        return is_capitalised(word) and word.isalpha() and word.lower() not in STOP_WORDS

    def _is_noun(self, word: str) -> bool:
        """A common noun in any form ("Firmen", "Schulen")."""
        lemma = self.lemma(word) if self.lemma is not None else None
        return is_noun_form(word) or (bool(lemma) and lemma in self.nouns)

    def _owner_end(self, doc: Doc, j: int) -> int:
        """End of a venue's owner in the genitive after it, when that is a name of its own
        ("Kongresshaus der Velvorn-Messe"; not "der Stadt", "der Universität")."""
        if j + 1 >= len(doc) or doc[j].lower_ not in GENITIVE_ARTICLES:
            return j
        word = doc[j + 1].text
        if not self._is_name_word(word) or self._is_noun(word):
            return j
        if self.gazetteer.match_at(doc, j + 1) is not None or person_starts(doc, j + 1):
            return j
        if j + 2 < len(doc) and is_capitalised(doc[j + 2].text):
            return j  # a longer name: left to the organisation patterns
        return j + 2

    def _named_compound(self, doc: Doc, i: int) -> Candidate | None:
        """ "auf dem Hansaplatz", "in die Rheingoldhalle", "des Fridericianums": one capitalised
        word on a square, park, hall or landmark ending that is no common noun ("Marktplatz"
        is one), after a place preposition or coordinated with such a place; Latinate building
        names ("Ottoneum") need no context. Not before a number ("Messeplatz 1": an address)."""
        text = doc[i].text
        if not is_capitalised(text) or "-" in text or not text.isalpha() or len(text) < 6:
            return None
        if i + 1 < len(doc) and (doc[i + 1].like_num or doc[i + 1].text[:1].isdigit()):
            return None
        lower = text.lower()
        base = text[:-1] if lower.endswith(("eums", "anums")) else text
        if base.lower().endswith(self.latin_suffixes):
            if is_noun_form(base) or (i > 0 and is_line_start(doc, i) and doc[i].is_sent_start):
                return None
            return self._named(doc, i, base)
        if is_title(doc[i]):
            return None  # "über den Stadtbrandinspektor": a person's title, no "-tor"
        civic = self._civic_landmark(doc, i)
        if civic is not None:
            return self._named(doc, i, civic)
        if lower.endswith("sees"):  # "des Pfaffensees"
            text, lower = text[:-1], lower[:-1]
        suffix = (
            next((x for x in self.name_suffixes if lower.endswith(x)), None)
            if lower.endswith(self.name_suffixes)
            else None
        )
        name = text
        if suffix is None:
            suffix, name = self._plural_name(doc, i, text)
        if suffix is None or len(text) - len(suffix) < 3 or text.startswith(self.generic_prefixes):
            return None
        if not _ends_on_word(text, suffix):
            return None  # "Flugsimulator": no gate
        # a common noun ("Schlossberg") or a compound on an everyday word ("Wildpark",
        # "Quellenpark") is a name only when the NER reads it so, or when a saint names it
        # ("Martinskirche"); a lake or an area is one unless the lexicon lists the word
        if suffix in self.lexicon_only:
            generic = is_noun_form(text)
        else:
            generic = (
                is_noun_form(text)
                or (self.lemma is not None and self.lemma(text) not in (None, text))
                or is_generic_compound(
                    text, suffix, self.lemma_values(), self._is_place_word, nouns=False
                )
            )
        # the model's reading confirms the word only where it ends on it: in "vom Kindergarten
        # Birkenhof 3" it reads a longer name, of which the word is the head
        confirmed = i in self._ner_places and i + 1 not in self._ner_places
        if generic and not confirmed and not self._saint_name(text, suffix):
            return None
        if self.gazetteer.match_at(doc, i) is not None:
            return None
        if not (suffix in self.context_free and not doc[i].is_sent_start) and not (
            self._venue_context(doc, i)
        ):
            return None
        if self._direction_after(doc, i + 1):  # "im Lindenpark Nord": its northern part
            return self._venue(doc, i, i + 2, "pattern")
        return self._named(doc, i, name)

    def _plural_name(self, doc: Doc, i: int, text: str) -> tuple[str | None, str]:
        """ "auf den Birkenhöfen", "in den Lindenterrassen": a compound on a plural landmark
        ending after a plural article; its ending and its name in the nominative plural
        ("Birkenhöfe")."""
        if i == 0 or doc[i - 1].lower_ not in self.plural_articles:
            return None, text
        lower = text.lower()
        for ending, nominative in self.plural_suffixes.items():  # longest first
            if lower.endswith(ending):
                return ending, text[: len(text) - len(ending)] + nominative
        return None, text

    def _direction_after(self, doc: Doc, j: int) -> bool:
        """A compass word after a venue's name that ends the name there ("Lindenpark Süd")."""
        return (
            j < len(doc)
            and doc[j].text in self.directions
            and doc[j - 1].whitespace_ != ""
            and (j + 1 >= len(doc) or not is_capitalised(doc[j + 1].text))
        )

    def _civic_landmark(self, doc: Doc, i: int) -> str | None:
        """ "auf dem Marktplatz", "in der Festhalle": the one square or hall of its kind in
        the town, after a place preposition and an article, or after an article where the
        model reads it as a place (not "einen Marktplatz")."""
        text = doc[i].text
        base = head_noun(text)
        name = base[0] if base else text
        if name not in self.civic_landmarks or i < 2:
            return None
        if doc[i - 1].lower_ not in DEFINITE:
            return None
        # the model reads the word alone as a place: a place also without a preposition
        # ("wie sich der Marktplatz heute zeigt")
        confirmed = i in self._ner_places and i + 1 not in self._ner_places
        return name if confirmed or self._venue_context(doc, i) else None

    def _saint_name(self, text: str, suffix: str) -> bool:
        """ "Martinskirche", "Mariensäule", "Thomaskirche": a first name before the ending."""
        if suffix not in self.saint_suffixes:
            return False
        prefix = text[: len(text) - len(suffix)]
        names = first_names()
        return any(
            prefix.endswith(linker) and prefix[: len(prefix) - len(linker)] in names
            for linker in NAME_LINKERS
        )

    def _is_place_word(self, word: str) -> bool:
        return self.gazetteer.lookup(word[:1].upper() + word[1:]) is not None

    def is_locative_building(self, doc: Doc, start: int, end: int) -> bool:
        """A school or academy named with its adjectives after a place preposition ("in die
        Bayerische Lindenakademie"): its last word on a building's ending, the words before
        in a venue's context."""
        return doc[end - 1].text.lower().endswith(self.locative_buildings) and self._venue_context(
            doc, start
        )

    @staticmethod
    def after_venue_statement(doc: Doc, i: int) -> bool:
        """A noun that says where something takes place, a copula and an article before the
        name ("Tagungsort ist die Lindexpo")."""
        k = i - 1
        if k >= 0 and doc[k].lower_ in ARTICLES:
            k -= 1
        return k >= 1 and doc[k].lower_ in COPULAS and doc[k - 1].lower_ in VENUE_STATEMENTS

    def _venue_context(self, doc: Doc, i: int) -> bool:
        k = i - 1
        if k >= 2 and doc[k].lower_ in TRUNCATION_JOINERS and doc[k - 1].text.endswith("-"):
            k -= 2  # "ins Spielzeug- und Puppenmuseum"
        if k >= 0 and doc[k].lower_ in ARTICLES:
            k -= 1
        if k < 0:
            return False
        if doc[k].lower_ in self.context_words:
            return True
        if doc[k].lower_ in COPULAS and k >= 1 and doc[k - 1].lower_ in VENUE_STATEMENTS:
            return True  # "Austragungsort ist die Festhalle"
        # "zwischen Münsterplatz und Augustinerplatz"
        return (
            doc[k].lower_ in LIST_JOINERS
            and k >= 1
            and doc[k - 1].text.lower().endswith(self.name_suffixes)
            and is_capitalised(doc[k - 1].text)
        )

    def _with_hotel_brand(self, doc: Doc, texts: list[str], cand: Candidate) -> Candidate:
        """A hotel chain's name before a hotel belongs to the hotel's name ("Maritim Hotel
        Bonn"): the chain may run several hotels in one town."""
        if not texts[cand.start].lower().endswith("hotel"):
            return cand
        # the hotel's own name may stand between ("Sheraton Carlton Hotel")
        gap = cand.start
        while gap > 0 and cand.start - gap < 2 and self._hotel_name_word(texts[gap - 1]):
            gap -= 1
        for words, name_start in product(self.hotel_brands, range(gap, cand.start + 1)):
            start = name_start - len(words)
            if start >= 0 and tuple(texts[start:name_start]) == words:
                brand = " ".join(texts[start : cand.start])
                return Candidate(
                    start,
                    cand.end,
                    PLACE,
                    f"{brand} {cand.name}",
                    cand.source,
                    kind=cand.kind,
                    country_code=cand.country_code,
                )
        return cand

    def _hotel_name_word(self, word: str) -> bool:
        """A word of a hotel's own name between the chain and "Hotel" ("Carlton", "proArte",
        "Plus"): a capitalised word or one written in mixed case; only a chain's name before
        it makes it one."""
        if word.lower().endswith("hotel") or not word.isalpha():
            return False
        mixed = word[:1].islower() and any(ch.isupper() for ch in word[1:])
        return mixed or self._is_name_word(word, allow_nouns=True)

    def _named(self, doc: Doc, i: int, name: str) -> Candidate:
        cand = self._venue(doc, i, i + 1, "pattern")
        if name != doc[i].text:
            cand.name = name
        return cand

    def _venue(self, doc: Doc, start: int, end: int, source: str) -> Candidate:
        name = canonical_span(span_of(doc, start, end), self.lemma)
        # a place in the venue's name gives its country ("Halle Emsland", "Messe Essen")
        inside = (self.gazetteer.match_at(doc, k) for k in range(start, end))
        country = next((m.entry.country_code for m in inside if m and m.end <= end), None)
        return Candidate(start, end, PLACE, name, source, kind=VENUE, country_code=country)
