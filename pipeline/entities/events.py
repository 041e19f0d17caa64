"""Named events that start with a place ("Hannover Messe 2017", "Berlin Marathon"): the place
inside is the event's name, not where something happened, and the event is no organisation."""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.entities.candidates import EVENT, Candidate
from pipeline.entities.gazetteer import Gazetteer
from pipeline.entities.words import org_patterns, venue_patterns


class EventFinder:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.after_city = frozenset(venue_patterns()["event_after_city"])
        self.words = frozenset(venue_patterns()["event_words"])
        self.suffixes = tuple(venue_patterns()["event_suffixes"])
        self.org_heads = tuple(org_patterns()["adjective_heads"])

    def find(self, doc: Doc) -> list[Candidate]:
        out = []
        for i in range(len(doc)):
            match = self.gazetteer.match_at(doc, i)
            if match is None or match.end >= len(doc):
                continue
            if doc[match.end].text not in self.after_city:
                continue
            end = match.end + 1
            if end < len(doc) and doc[end].text.isdigit() and len(doc[end].text) == 4:
                end += 1  # "Hannover Messe 2017"
            out.append(Candidate(i, end, EVENT, doc[i:end].text, "pattern"))
        return out

    def is_event_name(self, words: list[str]) -> bool:
        """An NER span such as "Smart Country Convention" or "Deutscher Pflegetag" names an
        event."""
        if any(w in self.words or w in self.after_city for w in words):
            return True
        # "Kongressmesse Intergeo", "Pflegetag": a word on an event ending, not "Städtetag"
        return any(self._event_word(w) for w in words if w[:1].isupper())

    def _event_word(self, word: str) -> bool:
        lower = word.lower()
        ending = max((s for s in self.suffixes if lower.endswith(s)), key=len, default="")
        if not ending:
            return False
        # an organisation head longer than the event ending wins ("Städte|tag")
        return not any(lower.endswith(h) and len(h) > len(ending) for h in self.org_heads)
