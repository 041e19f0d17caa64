"""Event extractor: one record per event the report is about, built from what the date,
entity and figure extractors found on the same Doc (add it after them).

The rules are in ``pipeline/events`` (which event, its days, places, organisers and totals),
the word lists in ``lang/de/event_*``. Records go to ``doc._.events``; the first mention of
each event's name to ``doc.spans["events"]``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.events.build import build_events
from pipeline.extractors.base import Extractor
from pipeline.extractors.entities import lemma_lookup


@Language.factory("german_events", default_config={"on_error": "record"})
def make_events(nlp: Language, name: str, on_error: str) -> EventExtractor:
    return EventExtractor(nlp, name, on_error)


class EventExtractor(Extractor):
    attr = "events"

    def __init__(self, nlp: Language, name: str, on_error: str = "record") -> None:
        super().__init__(nlp, name, on_error)
        # the lemma table tells declined adjectives in names ("des Großen Preises")
        self.lemma = lemma_lookup(nlp)

    def extract(self, doc: Doc) -> list:
        return build_events(doc, self.lemma)
