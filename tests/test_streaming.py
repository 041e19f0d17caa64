"""A long report is read piece by piece (pipeline.stream): the same pieces, offsets, encoding
and front matter as the whole text read at once, and a run's memory not growing with it."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

import pipeline.batch
import pipeline.read
from pipeline.batch import chunk_bounds
from pipeline.read import ReadError, parse_source
from pipeline.stream import LongReport, scan

# Our own sentences, with what normalisation touches: combining accents, soft hyphens,
# non-breaking and thin spaces, Windows line ends, typographic quotes.
PARAGRAPH = (
    "Die Fachmesse in Ko\u0308ln zählte am 3. Mai 2021 rund 8.400 Besucher\u00a0und 210 "
    "Aussteller. Der Veran\u00adstalter, die Messe\u2009GmbH, sprach von einem „guten "
    "Jahr“.\r\nAm zweiten Tag kamen über 2.000 Gäste zur Eröffnung im Saal Café Schön.\r\n\r\n"
)
FRONT = "---\ntitle: Ein langer Bericht\ndate: 2021-05-04\n---\n"


def _same_as_whole(path: Path, limit: int) -> None:
    """The streamed reading of ``path`` equals the whole file read at once and cut."""
    data = path.read_bytes()
    try:
        source = parse_source(data)
    except ReadError as exc:
        with pytest.raises(ReadError) as streamed:
            LongReport(path, scan(path), limit)
        assert str(streamed.value) == str(exc)
        return
    report = LongReport(path, scan(path), limit)
    assert source.text.startswith(report.take_head())
    assert report.front_matter == source.front_matter
    assert report.encoding == source.encoding
    whole = report.whole()
    bounds = chunk_bounds(source.text, limit)
    if whole is not None:
        assert len(bounds) == 1
        assert (whole.text, list(whole.offsets)) == (source.text, list(source.offsets))
        return
    pieces = list(report.pieces())
    assert [(p.text, list(p.offsets)) for p in pieces] == [
        (source.text[start:end], list(source.offsets[start : end + 1])) for start, end in bounds
    ]
    assert report.chars == len(source.text)


CASES = {
    "utf-8": (FRONT + PARAGRAPH * 30).encode("utf-8"),
    "utf-8 with BOM": ("\ufeff" + PARAGRAPH * 30).encode("utf-8"),
    "utf-16 with BOM": ("\ufeff" + PARAGRAPH * 30).encode("utf-16-le"),
    "utf-16 without BOM": (PARAGRAPH * 30).encode("utf-16-be"),
    "cp1252": (PARAGRAPH.replace("o\u0308", "ö").replace("\u2009", " ") * 30).encode("cp1252"),
    "detected": ("Søren og Åse så på øen. " * 200).encode("cp1252"),
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00" * 500,
    "front matter never closed": ("---\ntitle: x\n" + PARAGRAPH * 30).encode("utf-8"),
    "front matter closed late": (
        "--- \r\ntitle: x\r\n----\r\n" + PARAGRAPH * 5 + "---\t\r\n" + PARAGRAPH * 20
    ).encode("utf-8"),
    "a rule, not front matter": ("----\n" + PARAGRAPH * 30).encode("utf-8"),
    "lone carriage returns": (PARAGRAPH.replace("\r\n", "\r") * 30).encode("utf-8"),
    "one long line": ("Eine Zeile ohne Ende mit 12 Wörtern und mehr " * 120).encode("utf-8"),
}


@pytest.mark.parametrize("block", [5, 64, 4096])
@pytest.mark.parametrize("case", sorted(CASES))
def test_streamed_pieces_equal_the_whole_text_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str, block: int
) -> None:
    monkeypatch.setattr(pipeline.read, "BLOCK_BYTES", block)
    path = tmp_path / "bericht.txt"
    path.write_bytes(CASES[case])
    for limit in (400, 1_000, 10**6):
        _same_as_whole(path, limit)


def _tables(folder: Path, out: Path, nlp) -> dict[str, str]:
    from pipeline.run import run

    run(folder, out, nlp=nlp, quiet=True, cache=False)
    return {t.name: t.read_text(encoding="utf-8") for t in sorted(out.glob("*.csv"))}


@pytest.fixture(scope="module")
def own_nlp():
    from pipeline.nlp import load_nlp

    return load_nlp("own")


def test_a_streamed_report_gives_the_tables_of_one_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, own_nlp
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "lang.txt").write_bytes(
        (FRONT + PARAGRAPH * 40).encode("utf-8")
    )  # some 9,000 characters, 40 pieces of at most 600
    (folder / "kurz.txt").write_text(PARAGRAPH, encoding="utf-8")
    # the reference date from a dateline, the first lines being read before the first piece
    (folder / "datiert.txt").write_text("Mainz, 7. Juni 2022\n\n" + PARAGRAPH * 20, "utf-8")
    monkeypatch.setattr(pipeline.batch, "CHUNK_CHARS", 600)
    monkeypatch.setattr(pipeline.read, "BLOCK_BYTES", 1_000)
    monkeypatch.setattr(pipeline.batch, "STREAM_BYTES", 10**9)  # read whole, then cut
    whole = _tables(folder, tmp_path / "whole", own_nlp)
    monkeypatch.setattr(pipeline.batch, "STREAM_BYTES", 2_000)
    streamed = _tables(folder, tmp_path / "streamed", own_nlp)
    assert streamed == whole
    assert whole["figures.csv"].count("lang,") >= 100
    documents = {r["doc_id"]: r for r in csv.DictReader(io.StringIO(streamed["documents.csv"]))}
    assert documents["datiert"]["reference_date"] == "2022-06-07"
    assert documents["datiert"]["reference_date_source"] == "dateline"
    assert documents["lang"]["title"] == "Ein langer Bericht"

    text = (folder / "lang.txt").read_bytes().decode("utf-8")  # line ends as in the file
    for table in ("dates", "places", "organisations", "figures"):
        with (tmp_path / "streamed" / f"{table}.csv").open(encoding="utf-8") as fh:
            rows = [r for r in csv.DictReader(fh) if r["doc_id"] == "lang"]
        for row in rows:
            mention = text[int(row["start_char"]) : int(row["end_char"])]
            assert _normalised(mention) == row["text"], (table, row)


def _normalised(text: str) -> str:
    return parse_source(text.encode("utf-8")).text


# Peak memory of a run in a fresh process. The spaCy pipeline is a blank one without the
# extractors, so that the test measures the read and piece stages in a few seconds (the README
# gives the figures with the statistical model and the extractors).
MEASURE = """
import resource, sys
from pathlib import Path
from pipeline.nlp import load_nlp
from pipeline.run import run
folder = Path(sys.argv[1])
nlp = load_nlp("blank", extract=False)
run(folder, folder.parent / (folder.name + "-out"), nlp=nlp, quiet=True, cache=False)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _peak_kb(folder: Path) -> int:
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(folder)], capture_output=True, text=True, check=True
    )
    return int(done.stdout.split()[-1])


def test_memory_of_a_long_report_does_not_grow_with_its_length(tmp_path: Path) -> None:
    paragraph = PARAGRAPH.replace("\r\n", "\n")
    sizes = {"short": 100_000, "long": 4_000_000}
    for name, size in sizes.items():
        folder = tmp_path / name
        folder.mkdir()
        (folder / "bericht.txt").write_text(
            paragraph * (size // len(paragraph.encode("utf-8")) + 1), encoding="utf-8"
        )
    short, long = _peak_kb(tmp_path / "short"), _peak_kb(tmp_path / "long")
    assert long <= 1.5 * short, f"peak {long} kB for 4 MB, {short} kB for 100 kB"
    # Read whole (as before), the long report's text and offset map raised the peak by some
    # 8 bytes per character here: a ratio of 1.1, lost in the pipeline's own memory at this
    # size, but 2 at 50 MB. Read piece by piece, the peak does not grow at all.
    extra_chars = sizes["long"] - sizes["short"]
    assert (long - short) * 1024 < 2 * extra_chars, f"peak {long} kB for 4 MB, {short} kB"
