"""Named events that start with a place ("Kieler Woche 2016", "Berlin Marathon"): the place
inside is the event's name, not where something happened, and the event is no organisation."""

from __future__ import annotations

from functools import cache, lru_cache
from itertools import compress

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Doc

from pipeline.entities.candidates import EVENT, Candidate
from pipeline.entities.gazetteer import Gazetteer
from pipeline.entities.words import (
    WordValues,
    common_nouns,
    entity_words,
    org_patterns,
    positions,
    span_of,
    token_texts,
    venue_patterns,
)

# English event words after a title ("Elbe Craft Beer Festival", "Hamburg Startup Week")
TITLE_EVENT_WORDS = entity_words("title_event_word")


@WordValues
def _is_fair_compound(text: str) -> bool:
    """ "Buchmesse", "Kunstmesse": a capitalised compound on "-messe"."""
    return text[:1].isupper() and text.lower().endswith("messe") and len(text) > 7


@lru_cache(maxsize=65536)
def is_event_word(word: str) -> bool:
    """A word on an event ending ("Pflegetag", "Fachmesse"), unless an organisation head
    longer than the ending closes it ("Städte|tag")."""
    lower = word.lower()
    ending = max((s for s in _event_suffixes() if lower.endswith(s)), key=len, default="")
    if not ending:
        return False
    return not any(lower.endswith(h) and len(h) > len(ending) for h in _org_heads())


@cache
def _event_suffixes() -> tuple[str, ...]:
    return tuple(venue_patterns()["event_suffixes"])


@cache
def _org_heads() -> tuple[str, ...]:
    return tuple(org_patterns()["adjective_heads"])


class EventFinder:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.after_city = frozenset(venue_patterns()["event_after_city"])
        self.words = frozenset(venue_patterns()["event_words"])

    def find(self, doc: Doc) -> list[Candidate]:
        out = []
        matches = self.gazetteer.matches(doc)
        for i in compress(range(len(matches)), matches):
            match = matches[i]
            if match.end >= len(doc):
                continue
            if doc[match.end].text not in self.after_city:
                continue
            end = match.end + 1
            if end < len(doc) and doc[end].text.isdigit() and len(doc[end].text) == 4:
                end += 1  # "Kieler Woche 2016"
            out.append(Candidate(i, end, EVENT, span_of(doc, i, end).text, "pattern"))
        return out + self._fair_names(doc) + self._titled_events(doc)

    def _fair_names(self, doc: Doc) -> list[Candidate]:
        """ "Buchmesse Ruhr", "Kunstmesse Rhein-Main": a fair compound and a name after it is
        the fair, no organisation."""
        out = []
        nouns = common_nouns()
        texts = token_texts(doc)
        for i in positions(texts, _is_fair_compound):
            if i >= len(doc) - 1:
                break
            nxt = texts[i + 1]
            if not nxt[:1].isupper() or nxt.lower() in STOP_WORDS:
                continue
            if nxt in nouns and self.gazetteer.lookup(nxt) is None:
                continue  # "Buchmesse Besucher"; but "Buchmesse Ruhr"
            out.append(Candidate(i, i + 2, EVENT, span_of(doc, i, i + 2).text, "pattern"))
        return out

    def _titled_events(self, doc: Doc) -> list[Candidate]:
        """ "Elbe Craft Beer Festival": a run of capitalised words before an English event
        word is the event's title (its words are no organisation)."""
        out = []
        for i in positions(token_texts(doc), TITLE_EVENT_WORDS.__contains__):
            if i < 2:
                continue
            start = i
            while (
                start > 0
                and i - start < 4
                and doc[start - 1].text[:1].isupper()
                and doc[start - 1].text.isalpha()
                and doc[start - 1].lower_ not in STOP_WORDS
                and not doc[start - 1].is_sent_start
            ):
                start -= 1
            if i - start >= 2:
                out.append(
                    Candidate(start, i + 1, EVENT, span_of(doc, start, i + 1).text, "pattern")
                )
        return out

    def is_event_name(self, words: list[str]) -> bool:
        """An NER span such as "Green Country Convention" or "Deutscher Pflegetag" names an
        event."""
        if any(w in self.words or w in self.after_city for w in words):
            return True
        # "Fachmesse Aquatherm", "Pflegetag": a word on an event ending, not "Städtetag"
        return any(is_event_word(w) for w in words if w[:1].isupper())
