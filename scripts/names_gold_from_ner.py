"""Turn the marked event reports into texts and places/organisations gold for `evaluate`.

The NER corpus ``shared/data/ner/event-reports`` marks every LOC and ORG mention of real event
reports. Its held-out reports (``pipeline.ner.corpora.is_held_out``) were never trained on, so
running the whole pipeline on them and scoring the places and organisations tables is the
closest measure we have of how names hold up on reports nobody tuned on:

    .venv/bin/python scripts/names_gold_from_ner.py --out /tmp/ho
    .venv/bin/python -m pipeline run /tmp/ho/texts --metadata /tmp/ho/manifest.csv --out /tmp/ho/out
    .venv/bin/python -m pipeline evaluate --gold /tmp/ho/gold --out /tmp/ho/out

The score is approximate, read only its places and organisations rows: gold names are the
mentions as written, so a correct nominative name ("Musikverein X") misses a gold mention that
only occurs inflected ("des Musikvereins X"); only a trailing genitive -s is folded (the two
forms become one gold entry with an alias). Dates, figures and events gold are left empty.
The output folder must be outside the project: the reports may not be copied into it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.ner.corpora import is_held_out  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ner" / "event-reports" / "event_reports_ner.jsonl"
GOLD_KEYS = {"LOC": "places", "ORG": "organisations"}


def name_key(text: str) -> str:
    """The gold-schema's name normalisation: NFKC, casefold, ß -> ss, letters and digits only."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("ß", "ss")
    return re.sub(r"[\W_]", "", folded)


def gold_entries(mentions: list[dict], label: str) -> list[dict]:
    """One gold entry per distinct mention of the label; a form that differs from an earlier
    one only by a final "s" (a genitive) joins it as an alias."""
    entries: dict[str, dict] = {}
    for mention in mentions:
        if mention["label"] != label:
            continue
        key = name_key(mention["text"])
        base = next((k for k in entries if key == k + "s" or k == key + "s"), None)
        if base is not None:
            if mention["text"] not in entries[base]["aliases"]:
                entries[base]["aliases"].append(mention["text"])
        elif key and key not in entries:
            entries[key] = {"text": mention["text"], "name": mention["text"], "aliases": []}
    return list(entries.values())


def gold_document(report: dict) -> dict:
    gold = {"id": report["id"], "dates": [], "figures": [], "events": []}
    for label, key in GOLD_KEYS.items():
        gold[key] = gold_entries(report["entities"], label)
    return gold


def write_set(reports: list[dict], out: Path) -> int:
    (out / "texts").mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    rows = ["doc_id,reference_date"]
    for report in reports:
        (out / "texts" / f"{report['id']}.txt").write_text(report["text"], encoding="utf-8")
        gold = json.dumps(gold_document(report), ensure_ascii=False, indent=1)
        (out / "gold" / f"{report['id']}.json").write_text(gold, encoding="utf-8")
        rows.append(f"{report['id']},")
    (out / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return len(reports)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="event_reports_ner.jsonl")
    parser.add_argument("--out", type=Path, required=True, help="folder outside the project")
    parser.add_argument(
        "--split", choices=("held-out", "training"), default="held-out",
        help="the reports no model was trained on (default) or the training reports",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if not args.data.is_file():
        parser.error(f"{args.data} not found (it is in shared/data/ner/event-reports)")
    out = args.out.resolve()
    if out == ROOT or ROOT in out.parents:
        parser.error("--out must be outside the project: the reports may not be copied into it")
    want_held_out = args.split == "held-out"
    with args.data.open(encoding="utf-8") as lines:
        reports = [json.loads(line) for line in lines if line.strip()]
    chosen = [r for r in reports if is_held_out(r["id"]) == want_held_out]
    count = write_set(chosen, out)
    print(f"{count} {args.split} reports written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
