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
        last = words[-1].lower()
        return last.endswith(self.suffixes) and not last.endswith(self.org_heads)
