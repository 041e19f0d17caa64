"""The project's own event reports for NER training: written with inline name marks, turned
into the JSON-lines format of the shared event reports (``read_event_reports`` reads both).

The marked source (``data/own_event_reports.txt``) is what people edit: a report starts with a
line ``### <id> | <kind>``, and a name is written ``[[Stadtwerke Lindau|ORG]]``. Run
``python -m pipeline.ner.own_reports`` after editing it to rewrite the JSON-lines file.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from pipeline.ner.labels import LABELS

DATA = Path(__file__).with_name("data")
MARKED_FILE = DATA / "own_event_reports.txt"
JSONL_FILE = DATA / "own_event_reports.jsonl"

_MARK = re.compile(r"\[\[([^\[\]|]+)\|([A-Z]+)\]\]")
_HEADER = re.compile(r"^### (\S+) \| (.+)$")


@dataclass
class OwnReport:
    id: str
    kind: str
    text: str
    entities: list[dict[str, object]]

    def as_record(self) -> dict[str, object]:
        return {
            "id": self.id,
            "source": f"own: {self.kind}",
            "text": self.text,
            "entities": self.entities,
        }


def parse_marked(marked: str) -> tuple[str, list[dict[str, object]]]:
    """Plain text and character-offset entities of a text with ``[[name|LABEL]]`` marks."""
    parts: list[str] = []
    entities: list[dict[str, object]] = []
    length = 0
    last = 0
    for match in _MARK.finditer(marked):
        name, label = match.group(1), match.group(2)
        if label not in LABELS or name != name.strip():
            raise ValueError(f"bad mark {match.group(0)!r}")
        before = marked[last : match.start()]
        parts += [before, name]
        start = length + len(before)
        entities.append({"start": start, "end": start + len(name), "label": label, "text": name})
        length = start + len(name)
        last = match.end()
    parts.append(marked[last:])
    text = "".join(parts)
    if "[[" in text or "]]" in text:
        raise ValueError(f"unclosed mark in {text[:60]!r}")
    return text, entities


def read_marked_reports(path: Path = MARKED_FILE) -> list[OwnReport]:
    reports: list[OwnReport] = []
    header: re.Match[str] | None = None
    body: list[str] = []

    def flush() -> None:
        if header is not None:
            text, entities = parse_marked("\n".join(body).strip())
            reports.append(OwnReport(header.group(1), header.group(2), text, entities))

    for line in path.read_text(encoding="utf-8").splitlines():
        match = _HEADER.match(line)
        if match:
            flush()
            header, body = match, []
        elif header is not None:
            body.append(line)
    flush()
    ids = [r.id for r in reports]
    if len(set(ids)) != len(ids):
        raise ValueError("duplicate report ids in the marked reports")
    return reports


def to_jsonl(reports: list[OwnReport]) -> str:
    return "".join(json.dumps(r.as_record(), ensure_ascii=False) + "\n" for r in reports)


def main() -> None:
    reports = read_marked_reports()
    JSONL_FILE.write_text(to_jsonl(reports), encoding="utf-8")
    sys.stderr.write(f"{len(reports)} reports -> {JSONL_FILE}\n")


if __name__ == "__main__":
    main()
