"""Custom attributes on ``Doc`` that carry a report's context and the extracted facts."""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS: dict[str, object] = {
    "doc_id": None,
    "reference_date": None,  # datetime.date the relative expressions are anchored to
    "dates": None,  # list[DateMention]
    "figures": None,  # list[FigureMention]
    "places": None,  # list[PlaceMention]
    "organisations": None,  # list[OrganisationMention]
    "events": None,  # list[EventRecord]: the events the report is about
    "extract_errors": None,  # list[str]: extractor failures, one line each
}


def register_extensions() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
