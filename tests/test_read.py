"""Read stage: discovery, decoding, front matter and normalisation with offset mapping."""

from pathlib import Path

import pytest

from pipeline.read import (
    ReadError,
    decode,
    discover,
    doc_id_for,
    normalise,
    parse_source,
    split_front_matter,
)


def test_discover_recursive_sorted_and_filtered(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("b", encoding="utf-8")
    (tmp_path / "2019").mkdir()
    (tmp_path / "2019" / "messe-bericht.md").write_text("m", encoding="utf-8")
    (tmp_path / "a.TXT").write_text("a", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    ids = [doc_id_for(tmp_path, p) for p in discover(tmp_path)]
    assert ids == ["2019/messe-bericht", "a", "b"]


def test_decode_utf8_with_bom_and_cp1252() -> None:
    text = "Größte Messe für 15 € in Köln"
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8")) == (text, "utf-8")
    decoded, encoding = decode(
        (
            "Die Besucherinnen und Besucher zahlten 15 € Eintritt in der "
            "Stadthalle Gießen, für Übernachtungen 90 €."
        ).encode("cp1252")
    )
    assert "15 € Eintritt" in decoded and "Gießen" in decoded and "Übernachtungen" in decoded
    assert encoding != "utf-8"


def test_decode_rejects_binary() -> None:
    with pytest.raises(ReadError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_normalise_maps_offsets_back_to_the_file() -> None:
    raw = (
        "Ver\u00adanstal\u00adtung am 22.\u00a0Oktober mit 12\u202f700 Gäste"  # soft hyphens, nbsp
    )
    raw += " und Cafe\u0301"  # e + combining acute -> é under NFC
    text, offsets = normalise(raw)
    assert text.startswith("Veranstaltung am 22. Oktober mit 12 700 Gäste")
    assert text.endswith("Café")
    start = text.index("Oktober")
    assert raw[offsets[start] : offsets[start] + 7] == "Oktober"
    assert len(offsets) == len(text) + 1


def test_front_matter_is_read_and_skipped() -> None:
    raw = '---\ndate: 2023-05-14\ntitle: "Stadtfest"\nsource: Pressestelle\n---\nDas Fest begann.'
    fields, body = split_front_matter(raw)
    assert fields == {"date": "2023-05-14", "title": "Stadtfest", "source": "Pressestelle"}
    source = parse_source(raw.encode("utf-8"))
    assert source.text == "Das Fest begann."
    assert raw[source.offsets[0] :].startswith("Das Fest")
