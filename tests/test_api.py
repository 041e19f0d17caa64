"""The Python API: ``pipeline.load_tables``, ``pipeline.extract``, lazy ``import pipeline``."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import pipeline
from pipeline.tables import TABLES

EXPECTED_DTYPES = {
    "string": pd.api.types.is_string_dtype,
    "Int64": lambda s: s.dtype == "Int64",
    "Float64": lambda s: s.dtype == "Float64",
    "boolean": lambda s: s.dtype == "boolean",
    "date": pd.api.types.is_datetime64_any_dtype,
}


def assert_typed(frames: dict[str, pd.DataFrame]) -> None:
    assert set(frames) == set(TABLES)
    for table, columns in TABLES.items():
        frame = frames[table]
        assert list(frame.columns[: len(columns)]) == list(columns), table
        for column, dtype in columns.items():
            assert EXPECTED_DTYPES[dtype](frame[column]), f"{table}.{column}: {frame[column].dtype}"


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_load_tables_returns_typed_frames(tiny_runs: dict[str, Path], fmt: str):
    frames = pipeline.load_tables(tiny_runs[fmt])
    assert_typed(frames)
    documents = frames["documents"].set_index("doc_id")
    assert sorted(documents.index) == ["messe-a", "messe-b"]
    assert documents["error"].isna().all()  # empty cells are missing, not ''
    assert (documents["chars"] > 0).all()
    figures = frames["figures"]
    assert figures.loc[figures["unit"] == "Besucher", "value"].sum() == 12700 + 4300


def test_load_tables_alike_from_csv_and_parquet(tiny_runs: dict[str, Path]):
    csv, parquet = (pipeline.load_tables(tiny_runs[fmt]) for fmt in ("csv", "parquet"))
    for table in TABLES:
        columns = list(TABLES[table])  # the documents' path differs between the runs' folders
        pd.testing.assert_frame_equal(csv[table][columns], parquet[table][columns])


def test_load_tables_without_a_run(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="not a run folder"):
        pipeline.load_tables(tmp_path)


def test_extract_one_text(blank_nlp):
    text = "Gestern, am 22. Oktober 2019, kamen rund 12.700 Besucher zur Messe."
    frames = pipeline.extract(text, reference_date="2019-10-23", nlp=blank_nlp)
    assert_typed(frames)
    document = frames["documents"].iloc[0]
    assert (document["doc_id"], document["status"]) == ("text", "ok")
    assert document["reference_date"] == pd.Timestamp("2019-10-23")
    assert "2019-10-22" in set(frames["dates"]["value"])
    figures = frames["figures"]
    assert list(figures.loc[figures["unit"] == "Besucher", "value"]) == [12700]
    for frame in (frames["dates"], frames["figures"]):
        assert (frame["doc_id"] == "text").all()
        for row in frame.itertuples():  # offsets point into the given text
            assert text[row.start_char : row.end_char] == row.text


def test_extract_offsets_point_into_the_text_as_given(blank_nlp):
    # The extractors see "Rund 12.700 Besucher …"; the offsets count the soft hyphen and
    # no-break spaces of the text as given.
    text = "Rund\u00a012.700\u00a0Besu\u00adcher kamen am 22. Oktober 2019."
    frames = pipeline.extract(text, nlp=blank_nlp, doc_id="nbsp")
    figures = frames["figures"]
    row = figures[figures["value"] == 12700].iloc[0]
    given = text[row["start_char"] : row["end_char"]]
    assert given.replace("\u00ad", "").replace("\u00a0", " ") == row["text"]
    assert "Besu\u00adcher" in given
    assert frames["documents"]["doc_id"].tolist() == ["nbsp"]


def test_extract_empty_text_gives_empty_tables(blank_nlp):
    frames = pipeline.extract("   \n", nlp=blank_nlp)
    assert frames["documents"]["status"].tolist() == ["empty"]
    assert all(frames[t].empty for t in ("dates", "places", "organisations", "figures"))


def test_extract_warns_when_an_extractor_fails(blank_nlp, monkeypatch, caplog):
    def fail(self, doc):
        raise RuntimeError("kaputt")

    monkeypatch.setattr(type(blank_nlp.get_pipe("german_figures")), "extract", fail)
    with caplog.at_level(logging.WARNING, logger="pipeline"):
        frames = pipeline.extract("Rund 500 Gäste kamen am 3. Mai 2024.", nlp=blank_nlp)
    assert frames["documents"]["status"].tolist() == ["error"]
    assert frames["figures"].empty and not frames["dates"].empty
    assert [r.getMessage() for r in caplog.records] == [
        "text: german_figures: RuntimeError: kaputt (documents.error)"
    ]


def test_extract_rejects_a_malformed_reference_date(blank_nlp):
    with pytest.raises(ValueError):
        pipeline.extract("Am Dienstag.", reference_date="22.10.2019", nlp=blank_nlp)


def test_import_pipeline_loads_no_heavy_modules():
    code = (
        "import sys, pipeline; "
        "print(sorted(m for m in ('spacy', 'pandas', 'duckdb') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert {"extract", "load_tables", "load_nlp"} <= set(dir(pipeline))
    with pytest.raises(AttributeError):
        _ = pipeline.no_such_name
