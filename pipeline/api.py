"""Extract the facts of one text from Python, as the same typed tables a run writes."""

from __future__ import annotations

import datetime as dt
import logging
from functools import cache
from pathlib import Path

import pandas as pd
from spacy.language import Language

from pipeline.batch import FRONT_MATTER_COLUMNS, DocumentResult, Job, _result, prepare_data
from pipeline.nlp import load_nlp
from pipeline.read_tables import typed_frame
from pipeline.refdate import parse_iso, reference_iso
from pipeline.tables import TABLES

BOM = "\ufeff"
log = logging.getLogger("pipeline")


@cache
def _default_nlp() -> Language:
    # Loading a pipeline takes seconds; a script calling extract() in a loop loads it once.
    return load_nlp()


def _reference(value: str | dt.date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        value = parse_iso(value)  # ValueError for anything but YYYY-MM-DD or YYYY-MM
    # a month without its day stays one (refdate.MonthDate): no weekday is read against it
    return reference_iso(value)


def result_frames(result: DocumentResult) -> dict[str, pd.DataFrame]:
    """One processed document as the six tables, typed like :func:`pipeline.load_tables`."""
    frames = {}
    for name in TABLES:
        rows = [result.document] if name == "documents" else result.facts.get(name, [])
        columns = list(TABLES[name])
        if name == "documents":  # as in a run: front-matter columns always, then metadata
            extra = [*FRONT_MATTER_COLUMNS, *result.document]
            columns += [c for c in dict.fromkeys(extra) if c not in TABLES[name]]
        frames[name] = typed_frame(pd.DataFrame(rows, columns=columns), name)
    return frames


def extract(
    text: str,
    reference_date: str | dt.date | None = None,
    nlp: Language | None = None,
    doc_id: str = "text",
) -> dict[str, pd.DataFrame]:
    """The dates, places, organisations, figures and events of one report text.

    Returns the tables a run writes (documents, dates, places, organisations, figures,
    events) for this one text, with the same columns and types; offsets point into ``text``.
    ``reference_date`` (YYYY-MM-DD, YYYY-MM for a page dated to its month, or a date)
    anchors relative expressions such as "gestern"; without it the text's dateline is used
    when it has one, else a full date of an occasion in the text
    (:func:`pipeline.refdate.find_text_date`). ``nlp`` is a pipeline from
    :func:`pipeline.load_nlp`; by default the default pipeline is loaded once and reused.
    """
    reference = _reference(reference_date)
    nlp = nlp if nlp is not None else _default_nlp()
    job = Job(doc_id, Path(doc_id), {"reference_date": reference} if reference else {})
    doc, source, done = prepare_data(nlp, job, text.encode("utf-8"))
    if source is not None and text.startswith(BOM):
        # decoded like a file, the leading BOM is dropped; the string as given still has it
        source.offsets = [offset + len(BOM) for offset in source.offsets]
    result = done if done is not None else _result(nlp, job, nlp(doc), source)
    result.document["path"] = None  # a string has no file
    if result.document["status"] == "error":
        # A run reports failures in its summary and exit code; a caller of extract() would
        # otherwise see only an empty table.
        log.warning("%s: %s (documents.error)", doc_id, result.document["error"])
    return result_frames(result)


__all__ = ["extract", "result_frames"]
