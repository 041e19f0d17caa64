"""scripts/names_gold_from_ner.py: marked reports (here invented ones) become texts, a manifest and
places/organisations gold that `evaluate` scores a run against."""

from __future__ import annotations

import json
from itertools import count
from pathlib import Path

import pytest

from pipeline.evaluate import evaluate_run
from pipeline.ner.corpora import is_held_out
from pipeline.run import run
from tests.conftest import load_script

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def script():
    return load_script("names_gold_from_ner")


def first_id(held_out: bool) -> str:
    return next(f"t{i}" for i in count() if is_held_out(f"t{i}") == held_out)


def marked(report_id: str, text: str, names: list[tuple[str, str]]) -> dict:
    entities, start = [], 0
    for name, label in names:
        start = text.index(name, start)
        entities.append({"start": start, "end": start + len(name), "label": label, "text": name})
        start += len(name)
    return {"id": report_id, "source": "", "text": text, "entities": entities}


HELD_OUT_TEXT = (
    "Der Musikverein Talheim lud zum Frühlingskonzert in die Stadthalle Talheim. Viele Gäste "
    "kamen aus Oberbach, auch der Bürgermeister Oberbachs."
)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    reports = [
        marked(
            first_id(held_out=True),
            HELD_OUT_TEXT,
            [
                ("Musikverein Talheim", "ORG"),
                ("Stadthalle Talheim", "LOC"),
                ("Oberbach", "LOC"),
                ("Oberbachs", "LOC"),
            ],
        ),
        marked(
            first_id(held_out=False), "Die Kirmes in Unterbach war voll.", [("Unterbach", "LOC")]
        ),
    ]
    path = tmp_path / "reports.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in reports), encoding="utf-8")
    return path


def test_a_final_genitive_s_is_an_alias_and_an_inner_one_is_not(script):
    mentions = [
        {"label": "LOC", "text": "Oberbach"},
        {"label": "LOC", "text": "Oberbachs"},
        {"label": "ORG", "text": "Musikverein Talheim"},
        {"label": "ORG", "text": "Musikvereins Talheim"},
    ]
    assert script.gold_entries(mentions, "LOC") == [
        {"text": "Oberbach", "name": "Oberbach", "aliases": ["Oberbachs"]}
    ]
    # the scorer is approximate: an inflected head inside a name stays a gold entry of its own
    assert [e["name"] for e in script.gold_entries(mentions, "ORG")] == [
        "Musikverein Talheim",
        "Musikvereins Talheim",
    ]


def test_the_split_chooses_the_reports(script, corpus, tmp_path):
    held = tmp_path / "held"
    assert script.main(["--data", str(corpus), "--out", str(held)]) == 0
    assert sorted(p.stem for p in (held / "texts").iterdir()) == [first_id(held_out=True)]
    assert (held / "manifest.csv").read_text().splitlines() == [
        "doc_id,reference_date", f"{first_id(held_out=True)},"
    ]  # fmt: skip
    train = tmp_path / "train"
    assert script.main(["--data", str(corpus), "--out", str(train), "--split", "training"]) == 0
    assert sorted(p.stem for p in (train / "gold").iterdir()) == [first_id(held_out=False)]


def test_an_output_inside_the_project_is_refused(script, corpus):
    with pytest.raises(SystemExit):
        script.main(["--data", str(corpus), "--out", str(ROOT / "outputs" / "names")])
    assert not (ROOT / "outputs" / "names").exists()


def test_a_run_scores_against_the_gold(script, corpus, tmp_path, default_nlp):
    held = tmp_path / "held"
    script.main(["--data", str(corpus), "--out", str(held)])
    out = tmp_path / "run"
    run(held / "texts", out, metadata_path=held / "manifest.csv", nlp=default_nlp, quiet=True)
    scores = evaluate_run(held / "gold", out).scores
    # three gold names in all (the genitive is an alias); the run finds the club and a place
    assert scores["places"].tp + scores["places"].fn == 2
    assert (scores["organisations"].tp, scores["organisations"].fn) == (1, 0)
    assert scores["places"].tp >= 1
