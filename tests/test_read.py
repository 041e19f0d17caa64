"""Read stage: discovery, decoding, front matter and normalisation with offset mapping."""

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
    ],
)
def test_decode_utf16_with_or_without_bom(encoding: str, bom: bytes) -> None:
    text = "Über 800 Gäste feierten am 3. Mai in Gießen – bei 12 °C.\r\nDanke!"
    assert decode(bom + text.encode(encoding)) == (text, encoding)
    source = parse_source(bom + text.encode(encoding))
    start = source.text.index("Gießen")
    assert source.original_span(start, start + 6) == (
        text.index("Gießen"),
        text.index("Gießen") + 6,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Schöne Grüße aus Köln – Ihre Bärbel Müß",  # 39 bytes
        "ÄÖÜäöüß",
        "Maßnahmen für Ältere: „Öffnungszeiten“ …",
    ],
)
def test_decode_short_cp1252_as_cp1252(text: str) -> None:
    assert decode(text.encode("cp1252")) == (text, "cp1252")


def test_decode_rejects_random_bytes_with_nul_in_pairs() -> None:
    # NUL bytes on both sides of the pairs: neither UTF-16 nor text
    with pytest.raises(ReadError, match="binary"):
        decode(bytes(range(256)) * 4)


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


def _normalised_cluster_by_cluster(raw: str) -> tuple[str, list[int]]:
    """The definition normalise() implements, one starter-plus-marks cluster at a time."""
    out, offsets, i = [], [], 0
    while i < len(raw):
        j = i + 1
        while j < len(raw) and unicodedata.combining(raw[j]):
            j += 1
        cluster = raw[i:j]
        if raw[i] in "\u00ad\u200b\u200c\u200d\u2060\ufeff":
            cluster = ""  # the character alone; marks after it are clusters of their own
            j = i + 1
        elif raw[i] in "\u00a0\u2009\u202f\u3000":
            cluster = " " + cluster[1:]
        elif raw[i] == "\r":
            cluster = "" if j < len(raw) and raw[j] == "\n" else "\n"
        cluster = unicodedata.normalize("NFC", cluster)
        out.append(cluster)
        offsets += [i] * len(cluster)
        i = j
    return "".join(out), [*offsets, len(raw)]


@settings(max_examples=300, derandomize=True, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            list("aäÄßz Z\r\n\t.-9")
            + ["\u0308", "\u0301", "\u00ad", "\u200b", "\u00a0"]
            + ["\u2009", "\ufeff", "\u212b", "\u1100", "\u1161", "\u00e9", "\u3000"]
        ),
        max_size=40,
    ).map("".join)
)
def test_normalise_equals_its_cluster_by_cluster_definition(raw: str) -> None:
    text, offsets = normalise(raw)
    assert (text, list(offsets)) == _normalised_cluster_by_cluster(raw)


def test_front_matter_is_read_and_skipped() -> None:
    raw = '---\ndate: 2023-05-14\ntitle: "Stadtfest"\nsource: Pressestelle\n---\nDas Fest begann.'
    fields, body = split_front_matter(raw)
    assert fields == {"date": "2023-05-14", "title": "Stadtfest", "source": "Pressestelle"}
    source = parse_source(raw.encode("utf-8"))
    assert source.text == "Das Fest begann."
    assert raw[source.offsets[0] :].startswith("Das Fest")
