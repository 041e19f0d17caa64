"""Places and organisations (first version: the statistical NER's LOC and ORG spans)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.base import Extractor
from pipeline.records import OrganisationMention, PlaceMention


@Language.factory("german_entities", default_config={"on_error": "record"})
def make_entities(nlp: Language, name: str, on_error: str) -> EntityExtractor:
    return EntityExtractor(nlp, name, on_error)


class EntityExtractor(Extractor):
    attr = "places"

    def __call__(self, doc: Doc) -> Doc:
        doc = super().__call__(doc)
        places = doc._.places or []
        doc._.organisations = [p for p in places if isinstance(p, OrganisationMention)]
        doc._.places = [p for p in places if isinstance(p, PlaceMention)]
        return doc

    def extract(self, doc: Doc) -> list:
        found: list = []
        for ent in doc.ents:
            if ent.label_ == "LOC":
                found.append(
                    PlaceMention(ent.start_char, ent.end_char, ent.text, ent.text, source="ner")
                )
            elif ent.label_ == "ORG":
                found.append(
                    OrganisationMention(
                        ent.start_char, ent.end_char, ent.text, ent.text, source="ner"
                    )
                )
        return found
