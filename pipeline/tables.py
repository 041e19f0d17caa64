"""The output contract: table names, their columns and column types, in order.

One tidy long table per fact type, one row per mention. The README documents every column; a
column's meaning never changes silently.
"""

from __future__ import annotations

# pandas dtypes used when tables are loaded (pipeline.load_tables) and written as Parquet.
MENTION_COLUMNS: dict[str, str] = {
    "doc_id": "string",
    "start_char": "Int64",
    "end_char": "Int64",
    "sentence": "Int64",
    "text": "string",
}

TABLES: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": "string",
        "path": "string",
        "status": "string",
        "error": "string",
        "chars": "Int64",
        "tokens": "Int64",
        "sentences": "Int64",
        "reference_date": "date",
        "reference_date_source": "string",
        "model": "string",
        "sha256": "string",
    },
    "dates": {
        **MENTION_COLUMNS,
        "value": "string",
        "start": "string",
        "end": "string",
        "granularity": "string",
        "relative": "boolean",
    },
    "places": {
        **MENTION_COLUMNS,
        "name": "string",
        "kind": "string",
        "country_code": "string",
        "geonames_id": "Int64",
        "latitude": "Float64",
        "longitude": "Float64",
        "source": "string",
    },
    "organisations": {
        **MENTION_COLUMNS,
        "name": "string",
        "acronym": "string",
        "legal_form": "string",
        "source": "string",
    },
    "figures": {
        **MENTION_COLUMNS,
        "value": "Float64",
        "unit": "string",
        "qualifier": "string",
        "category": "string",
    },
    # One row per event the report is about (not per mention); the offsets are those of the
    # first mention of its name, empty for a descriptive name.
    "events": {
        "doc_id": "string",
        "event": "Int64",
        "name": "string",
        "year": "Int64",
        "start": "string",
        "end": "string",
        "city": "string",
        "venue": "string",
        "organisers": "string",
        "visitors": "Float64",
        "visitors_qualifier": "string",
        "exhibitors": "Float64",
        "exhibitors_qualifier": "string",
        "participants": "Float64",
        "participants_qualifier": "string",
        "start_char": "Int64",
        "end_char": "Int64",
    },
}

# Tables of mentions: one row per mention, with MENTION_COLUMNS.
FACT_TABLES = ("dates", "places", "organisations", "figures")
# Tables of records built from the mentions: one row per record (an event), no sentence/text.
RECORD_TABLES = ("events",)
# Every table a document's result fills besides documents.
RESULT_TABLES = (*FACT_TABLES, *RECORD_TABLES)


def columns(table: str) -> list[str]:
    return list(TABLES[table])
