"""Figure extractor (first version: digits in German notation and the word after them)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.base import Extractor
from pipeline.records import FigureMention

NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?![\w.,]\d)")


@Language.factory("german_figures", default_config={"on_error": "record"})
def make_figures(nlp: Language, name: str, on_error: str) -> FigureExtractor:
    return FigureExtractor(nlp, name, on_error)


class FigureExtractor(Extractor):
    attr = "figures"

    def extract(self, doc: Doc) -> list[FigureMention]:
        found = []
        for m in NUMBER.finditer(doc.text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or span.end >= len(doc):
                continue
            noun = doc[span.end]
            if not noun.text[:1].isupper() or not noun.is_alpha:
                continue
            value = float(m.group(1).replace(".", "") + ("." + m.group(2) if m.group(2) else ""))
            found.append(
                FigureMention(
                    m.start(),
                    noun.idx + len(noun),
                    doc.text[m.start() : noun.idx + len(noun)],
                    value,
                    noun.lemma_ or noun.text,
                    "exact",
                    None,
                )
            )
        return found
