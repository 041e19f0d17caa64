"""Date extractor (first version: absolute calendar dates only)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.base import Extractor
from pipeline.records import DateMention
from pipeline.refdate import _date_pattern, _match_to_date


@Language.factory("german_dates", default_config={"on_error": "record"})
def make_dates(nlp: Language, name: str, on_error: str) -> DateExtractor:
    return DateExtractor(nlp, name, on_error)


class DateExtractor(Extractor):
    attr = "dates"

    def extract(self, doc: Doc) -> list[DateMention]:
        found = []
        for m in _date_pattern().finditer(doc.text):
            day = _match_to_date(m)
            if day:
                iso = day.isoformat()
                found.append(
                    DateMention(m.start(), m.end(), m.group(0), iso, iso, iso, "day", False)
                )
        return found
