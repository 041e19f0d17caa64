"""What every extractor component shares: a failure is recorded on the doc, not raised, so
that one odd report cannot stop a run over a million (``on_error="raise"`` to debug)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extensions import register_extensions, set_facts


class Extractor:
    attr: str = ""  # the fact type the component fills (doc.spans key and Doc extension)

    def __init__(self, nlp: Language, name: str, on_error: str = "record") -> None:
        if on_error not in ("record", "raise"):
            raise ValueError(f"on_error must be 'record' or 'raise', not {on_error!r}")
        register_extensions()
        self.name = name
        self.on_error = on_error

    def __call__(self, doc: Doc) -> Doc:
        try:
            self.store(doc, self.extract(doc))
        except Exception as exc:
            if self.on_error == "raise":
                raise
            self.store(doc, [])
            errors = list(doc._.extract_errors or [])
            errors.append(f"{self.name}: {type(exc).__name__}: {exc}".splitlines()[0])
            doc._.extract_errors = errors
        return doc

    def extract(self, doc: Doc) -> list:
        raise NotImplementedError

    def store(self, doc: Doc, found: list) -> None:
        set_facts(doc, self.attr, found)
