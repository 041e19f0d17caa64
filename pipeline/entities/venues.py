"""Venues by pattern (venue_patterns.json): where an event took place.

- a head word and a name: "Schloss Elmau", "Messe und Congress Centrum Halle Münsterland",
  "Museum für Naturkunde", "Sternwarte Wilhelm Foerster";
- a hyphenated compound on a venue word: "Günther-Klotz-Anlage", "DDR-Museum";
- capitalised adjectives before a venue word: "Alte Nationalgalerie", "Kleiner Markt";
- a city adjective before a generic venue: "Stuttgarter Literaturhaus" -> "Literaturhaus
  Stuttgart" (the form the same report uses elsewhere);
- a compound of a place and a venue word: "Westfalenhallen".
Known venues with their own names ("CityCube", "Estrel") come from the gazetteer.
"""

from __future__ import annotations

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Doc

from pipeline.entities.candidates import PLACE, Candidate
from pipeline.entities.canonical import (
    LemmaLookup,
    canonical_span,
    head_noun,
    is_adjective,
)
from pipeline.entities.gazetteer import Gazetteer, PlaceEntry, is_line_start
from pipeline.entities.words import common_nouns, is_capitalised, venue_patterns

MAX_NAME_WORDS = 3
MAX_ADJECTIVES = 3


class VenueFinder:
    def __init__(self, gazetteer: Gazetteer, lemma: LemmaLookup | None = None) -> None:
        p = venue_patterns()
        self.gazetteer = gazetteer
        self.lemma = lemma
        self.heads = frozenset(p["heads"])
        self.takes_complement = frozenset(p["takes_complement"])
        self.complement_words = frozenset(p["complement_words"])
        self.joiners = frozenset(p["joiners"])
        self.suffixes = tuple(sorted(p["suffixes"], key=len, reverse=True))
        self.adjective_suffixes = tuple(p["adjective_suffixes"])
        self.generic = frozenset(p["generic"])
        self.not_names = frozenset(p["not_names"])
        self.heads_after_name = frozenset(p["heads_after_name"])
        self.nouns = common_nouns()

    def find(self, doc: Doc) -> list[Candidate]:
        found: list[Candidate] = []
        for i in range(len(doc)):
            for finder in (
                self._name_and_head,
                self._head_and_name,
                self._adjectives_and_head,
                self._city_adjective,
                self._compound,
            ):
                cand = finder(doc, i)
                if cand is not None:
                    found.append(cand)
                    break
        return found

    # -- patterns ------------------------------------------------------------------------
    def _head_and_name(self, doc: Doc, i: int) -> Candidate | None:
        if doc[i].text not in self.heads:
            return None
        j = i + 1
        while j < len(doc):  # "Messe und Congress Centrum Halle ..."
            if doc[j].text in self.heads:
                j += 1
            elif doc[j].text in self.joiners and j + 1 < len(doc) and doc[j + 1].text in self.heads:
                j += 2
            else:
                break
        # after two head words a common noun is a name too ("Congress Center Rosengarten")
        end = self._name_after(doc, j, allow_nouns=j - i >= 2)
        if end is None and doc[j - 1].text in self.takes_complement:
            end = self._complement_after(doc, j)
        if end is None:
            return None
        return self._venue(doc, i, end, "pattern")

    def _name_and_head(self, doc: Doc, i: int) -> Candidate | None:
        """ "Porsche Museum", "Lanxess Arena": a name that is no common word and a venue word."""
        j = i
        while j < len(doc) and j - i < 2 and self._is_name_word(doc[j].text):
            j += 1
        if j == i or j >= len(doc) or doc[j].text not in self.heads_after_name:
            return None
        if i > 0 and self._is_name_word(doc[i - 1].text):
            return None  # the name starts earlier
        if self.gazetteer.match_at(doc, i) is not None or doc[i].is_sent_start:
            return None  # "Hamburg Museum": a place, or a capital that says nothing
        return self._venue(doc, i, j + 1, "pattern")

    def _name_after(self, doc: Doc, j: int, allow_nouns: bool = False) -> int | None:
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
        ):
            end += 1
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
        if i > 0 and is_adjective(doc[i - 1].text, self.lemma):
            return None  # the run starts earlier
        k = i
        while k < len(doc) and k - i < MAX_ADJECTIVES and is_adjective(doc[k].text, self.lemma):
            k += 1
        if k == i or k >= len(doc):
            return None
        head = doc[k].text
        if not is_capitalised(head) or not head.lower().endswith(self.adjective_suffixes):
            return None
        # sentence-initial capitals say nothing; two adjectives still make a name
        if (is_line_start(doc, i) or doc[i].is_sent_start) and k - i < 2:
            return None
        return self._venue(doc, i, k + 1, "pattern")

    def _city_adjective(self, doc: Doc, i: int) -> Candidate | None:
        """ "Stuttgarter Literaturhaus" -> "Literaturhaus Stuttgart"."""
        if i + 1 >= len(doc):
            return None
        entry = self.city_of_adjective(doc[i].text)
        if entry is None:
            return None
        head = doc[i + 1].text
        base = head_noun(head)
        nominative = base[0] if base else head
        if nominative not in self.generic:
            return None
        return Candidate(
            i,
            i + 2,
            PLACE,
            f"{nominative} {entry.name}",
            "pattern",
            kind="venue",
            country_code=entry.country_code,
        )

    def city_of_adjective(self, word: str) -> PlaceEntry | None:
        if not is_capitalised(word) or not word.endswith("er") or len(word) < 5:
            return None
        for base in (word[:-2], word[:-1], word[:-2] + "en", word[:-3] + "en"):
            found = self.gazetteer.lookup(base)
            if found is not None and found[0].kind == "city":
                return found[0]
        return None

    def _compound(self, doc: Doc, i: int) -> Candidate | None:
        text = doc[i].text
        if not is_capitalised(text) or not text.lower().endswith(self.suffixes):
            return None
        if "-" in text:
            # "Günther-Klotz-Anlage", "DDR-Museum"; not "Musik-Downloadmarkt", "AWo-Kindergarten"
            parts = text.split("-")
            if len(parts[0]) < 2 or parts[-1].lower() not in self.suffixes:
                return None
            return self._venue(doc, i, i + 1, "pattern")
        for suffix in self.suffixes:  # "Westfalenhallen": a place and a venue word
            if text.lower().endswith(suffix):
                found = self.gazetteer.lookup(text[: len(text) - len(suffix)])
                if found is not None and not found[0].ambiguous:
                    return self._venue(doc, i, i + 1, "pattern")
                break
        return None

    def _venue(self, doc: Doc, start: int, end: int, source: str) -> Candidate:
        name = canonical_span(doc[start:end], self.lemma)
        # a place in the venue's name gives its country ("Halle Münsterland", "Messe Essen")
        inside = (self.gazetteer.match_at(doc, k) for k in range(start, end))
        country = next((m.entry.country_code for m in inside if m and m.end <= end), None)
        return Candidate(start, end, PLACE, name, source, kind="venue", country_code=country)
