"""Districts: "im Landkreis Göttingen", "im Stadtteil Kreuzberg", "im Rhein-Sieg-Kreis"; also
the state with its word ("im Land Brandenburg") and the country round a town ("im Altenburger
Land").

After a locative preposition a district head and a place name are a place of kind district;
without one, "der Landkreis Göttingen lädt ein" is the authority (see organisations.py).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from pipeline.entities.candidates import CITY, DISTRICT, PLACE, VENUE, Candidate
from pipeline.entities.canonical import before_attributive_adjectives
from pipeline.entities.gazetteer import Gazetteer, city_of_adjective, town_part_heads
from pipeline.entities.unknown_names import place_name_end
from pipeline.entities.words import (
    WordValues,
    common_nouns,
    entity_words,
    is_capitalised,
    positions,
    span_of,
    token_texts,
)
from pipeline.lang import administrative_words, load_json

ARTICLES = entity_words("oblique_article")
TOWN_LINKERS = entity_words("town_linker")


class DistrictFinder:
    def __init__(self, gazetteer: Gazetteer, lemma=None) -> None:
        p = load_json("district_patterns.json")
        self.lemma = lemma
        self.gazetteer = gazetteer
        self.named_heads = frozenset(
            (*p["named_heads"], *administrative_words("district", "municipal_union"))
        )
        self.part_heads = town_part_heads()
        self.endings = tuple(p["compound_endings"])
        self.locatives = frozenset(p["locatives"])
        self.region_nouns: dict[str, str] = p["region_nouns"]
        self.state_heads = frozenset((*p["state_heads"], *administrative_words("state")))
        self.area_heads = frozenset(p["area_heads"])
        self.district_part_heads = frozenset(p["district_part_heads"])
        # asked for every token: memoised per finder
        self._named_compound = lru_cache(maxsize=65536)(self._named_compound)  # type: ignore[method-assign]
        self._may_open = WordValues(self._may_open)  # type: ignore[method-assign]

    def find(self, doc: Doc) -> list[Candidate]:
        out = []
        texts = token_texts(doc)
        for i in positions(texts, self._may_open):  # most words open no pattern below
            text = texts[i]
            if "-" in text and is_capitalised(text) and text.lower().endswith(self.endings):
                out.append(self._district(doc, i, i + 1, text))
                continue
            if self._named_compound(text):  # "Vogelsbergkreis", "Hohenlohekreis"
                out.append(self._district(doc, i, i + 1, text))
                continue
            if "-" in text and self._foreign_town(doc, i):  # "Partnerstadt Digne-les-Bains"
                cand = self._district(doc, i, i + 1, text)
                cand.kind, cand.country_code = "city", None
                out.append(cand)
                continue
            if "-" in text:
                joined = self._joined_places(doc, i)
                if joined is not None:  # "Bodensee-Oberschwaben", "Hamburg-Altona"
                    out.append(joined)
                    continue
            if text in self.region_nouns and self._town_adjective_before(doc, i):
                noun = self.region_nouns[text]
                cand = self._district(doc, i - 1, i + 1, f"{doc[i - 1].text} {noun}")
                cand.kind = "region"
                out.append(cand)
                continue
            if text in self.state_heads and self._after_locative(doc, i):
                state = self._state_after(doc, i)
                if state is not None:  # "im Land Brandenburg": the state, named with its word
                    out.append(state)
                    continue
            if text in self.area_heads:
                area = self._area_after(doc, i)
                if area is not None:
                    out.append(area)
                continue
            if text not in self.named_heads and text not in self.part_heads:
                continue
            if not self._after_locative(doc, i):
                continue
            match = self.gazetteer.match_at(doc, i + 1)
            if match is None:
                end = place_name_end(doc, i + 1, self.gazetteer, self.lemma)
                if end is None and self._towns_joined(doc, i + 1):
                    end = i + 2  # "im Landkreis Lindau-Bogen": two towns, one a word
                if end is None:
                    continue
                name = span_of(doc, i + 1, end).text
                if text in self.named_heads:  # "im Landkreis Rottal-Inn"
                    out.append(self._district(doc, i, end, f"{text} {name}"))
                else:  # "in der Gemeinde Aichwald": a town the gazetteer does not list
                    cand = self._district(doc, i + 1, end, name)
                    cand.kind, cand.country_code = "city", None
                    out.append(cand)
                continue
            if text in self.named_heads:  # "Landkreis Göttingen": the district's own name
                out.append(self._district(doc, i, match.end, f"{text} {match.name}"))
            else:  # "Stadtteil Kreuzberg", "Stadt Mannheim": the place itself
                cand = self._district(doc, i, match.end, match.name)
                e = match.entry
                cand.kind = DISTRICT if text in self.district_part_heads else e.kind
                cand.country_code, cand.geonames_id = e.country_code, e.geonames_id
                cand.latitude, cand.longitude = e.latitude, e.longitude
                cand.start = i + 1
                out.append(cand)
        return out

    def _may_open(self, text: str) -> bool:
        """Whether one of the patterns of :meth:`find` can start at a word, by its text."""
        return (
            "-" in text
            or self._named_compound(text)
            or text in self.region_nouns
            or text in self.state_heads
            or text in self.area_heads
            or text in self.named_heads
            or text in self.part_heads
        )

    def _foreign_town(self, doc: Doc, i: int) -> bool:
        """A hyphenated town name with a linking word ("Digne-les-Bains", "Villeneuve-sur-
        Lot", "Frankfurt-am-Main") after a place word ("Partnerstadt", "aus", "in")."""
        parts = doc[i].text.split("-")
        if len(parts) < 3 or not parts[0][:1].isupper() or not parts[-1][:1].isupper():
            return False
        if not any(p in TOWN_LINKERS for p in parts[1:-1]):
            return False
        if self.gazetteer.match_at(doc, i) is not None or i == 0:
            return False
        before = doc[i - 1]
        return before.lower_ in self.locatives or before.text in self.part_heads

    def _joined_places(self, doc: Doc, i: int) -> Candidate | None:
        """Known places joined by hyphens into one word the gazetteer lacks as a whole: the
        region they span ("Donau-Iller", "Bodensee-Oberschwaben") or a town's part
        ("Hamburg-Altona"). Every part a place written as such, none a word that is also
        something else (ambiguous in the gazetteer)."""
        text = doc[i].text
        parts = text.split("-")
        if not 2 <= len(parts) <= 3 or self.gazetteer.match_at(doc, i) is not None:
            return None
        entries = []
        for part in parts:
            if len(part) < 3 or not is_capitalised(part) or not part.isalpha():
                return None
            found = self.gazetteer.lookup(part)
            if found is None or found[1] != part or found[0].ambiguous:
                return None
            entries.append(found[0])
        cand = self._district(doc, i, i + 1, text)
        if any(e.kind != "city" for e in entries):
            cand.kind = "region"
        cand.country_code = entries[0].country_code
        return cand

    def _towns_joined(self, doc: Doc, j: int) -> bool:
        """A hyphenated name after a district or town word with a town among its parts
        ("Kreis Siegen-Wittgenstein", "Landkreis Lindau-Bogen"): the head says it is a place,
        so a town named like a word ("Siegen", "Bogen") is a name here."""
        if j >= len(doc):
            return False
        parts = doc[j].text.split("-")
        if not 2 <= len(parts) <= 3:
            return False
        if not all(len(p) >= 3 and is_capitalised(p) and p.isalpha() for p in parts):
            return False
        found = [self.gazetteer.lookup(p) for p in parts]
        return any(
            f is not None and f[1] == p and f[0].kind == CITY
            for f, p in zip(found, parts, strict=True)
        )

    def _named_compound(self, text: str) -> bool:
        """One word on a district ending whose first part is a name, not an everyday word
        ("Hohenlohekreis", "Enzkreis"; not "Arbeitskreis", "Freundeskreis", "Landkreis")."""
        if not is_capitalised(text) or not text.isalpha() or text in common_nouns():
            return False
        ending = next((e for e in self.endings if text.lower().endswith(e)), None)
        if ending is None or len(text) - len(ending) < 3:
            return False
        first = text[: -len(ending)]
        for stem in (first, first[:-1] if first.endswith("s") else first):
            if stem in common_nouns() or stem.capitalize() in common_nouns():
                return False
            if self.lemma is not None and self.lemma(stem.capitalize()):
                return False
        return first[-1] not in "s" or self.gazetteer.lookup(first) is not None

    def _town_adjective_before(self, doc: Doc, i: int) -> bool:
        """A town's adjective before a region noun: "Paderborner Land" is the country round
        Paderborn, not the state it lies in. The capitalised noun after it makes the pattern
        sure enough for towns whose name is also a word ("Altenburger Land")."""
        return (
            i > 0 and city_of_adjective(self.gazetteer, doc[i - 1].text, strict=False) is not None
        )

    def _state_after(self, doc: Doc, i: int) -> Candidate | None:
        match = self.gazetteer.match_at(doc, i + 1)
        if match is None or match.entry.kind != "state":
            return None
        e = match.entry
        return Candidate(
            i,
            match.end,
            PLACE,
            match.name,
            "pattern",
            kind=e.kind,
            country_code=e.country_code,
            geonames_id=e.geonames_id,
            latitude=e.latitude,
            longitude=e.longitude,
        )

    def _area_after(self, doc: Doc, i: int) -> Candidate | None:
        """The built-up area a head word announces ("im Neubaugebiet Lindenhöhe"): the head
        says what the name is, so no locative is needed; the mention keeps the head, the name
        is the area's own, or with the head where it is a town's name ("Gewerbegebiet
        Talheim": the estate, not the town)."""
        end = place_name_end(doc, i + 1, self.gazetteer, self.lemma)
        if end is None:
            return None
        match = self.gazetteer.match_at(doc, i + 1)
        named_after_town = match is not None and match.end == end
        cand = self._district(doc, i, end, span_of(doc, i if named_after_town else i + 1, end).text)
        cand.country_code = None  # the head word does not say which country
        if named_after_town:  # "im Gewerbegebiet Talheim": a ground, not the town
            cand.kind = VENUE
        return cand

    def _after_locative(self, doc: Doc, i: int) -> bool:
        k = before_attributive_adjectives(doc, i, self.lemma)  # "aus dem ganzen Kreis X"
        while k >= 0 and doc[k].lower_ in ARTICLES:
            k -= 1
        return k >= 0 and doc[k].lower_ in self.locatives

    def _district(self, doc: Doc, start: int, end: int, name: str) -> Candidate:
        return Candidate(start, end, PLACE, name, "pattern", kind=DISTRICT, country_code="DE")
