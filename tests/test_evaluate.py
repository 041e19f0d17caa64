"""Every matching rule of gold-schema.md, on hand-made gold and predictions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate import (
    Evaluation,
    evaluate,
    normalise_name,
    normalise_unit,
    units_agree,
)
from pipeline.tables import FACT_TABLES, TABLES


def tables(rows: dict[str, list[dict[str, Any]]]) -> dict[str, pd.DataFrame]:
    """Prediction tables with the run's columns from short row dicts."""
    return {name: pd.DataFrame(rows.get(name, []), columns=list(TABLES[name])) for name in TABLES}


def dates(doc_id: str, *values: str) -> list[dict[str, Any]]:
    return [{"doc_id": doc_id, "value": v} for v in values]


def names(doc_id: str, *values: str) -> list[dict[str, Any]]:
    return [{"doc_id": doc_id, "name": v} for v in values]


def figures(doc_id: str, *values: tuple[float, str, str]) -> list[dict[str, Any]]:
    return [{"doc_id": doc_id, "value": v, "unit": u, "qualifier": q} for v, u, q in values]


def gold_doc(doc_id: str = "d1", **facts: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": doc_id, **{fact: facts.get(fact, []) for fact in FACT_TABLES}}


def score(result: Evaluation, fact: str) -> tuple[int, int, int]:
    s = result.scores[fact]
    return s.tp, s.fp, s.fn


def test_names_normalised_by_nfkc_casefold_sharp_s_and_letters_digits_only():
    assert normalise_name("Gießen") == normalise_name("GIESSEN") == "giessen"
    assert normalise_name("Bitkom e.V.") == "bitkomev"
    assert normalise_name("Städte- und Gemeindebund") == "städteundgemeindebund"
    assert normalise_name("ﬁrma ２０") == "firma20"  # NFKC: ligature and full-width digits


def test_place_matches_name_text_or_alias_after_normalisation():
    gold = gold_doc(
        places=[
            {"text": "City Cube", "name": "CityCube Berlin", "aliases": ["City Cube"]},
            {"text": "in Gießen", "name": "Gießen"},
            {"text": "Litauens", "name": "Litauen"},
        ]
    )
    preds = names("d1", "CITY-CUBE", "GIESSEN", "in Gießen", "Litauens", "Lettland")
    # "in Gießen" equals the gold text, but Gießen is matched already: one-to-one.
    assert score(evaluate({"d1": gold}, tables({"places": preds})), "places") == (3, 2, 0)


def test_optional_entries_count_neither_way():
    gold = gold_doc(
        organisations=[
            {"text": "Bitkom", "name": "Bitkom e.V.", "aliases": ["Bitkom"]},
            {"text": "Messe Frankfurt", "name": "Messe Frankfurt", "optional": True},
            {"text": "Smart Country Convention", "name": "SCC", "optional": True},
        ]
    )
    preds = tables({"organisations": names("d1", "Bitkom", "Messe Frankfurt")})
    result = evaluate({"d1": gold}, preds)
    # The optional hit is no true positive, no false positive; the optional miss no miss.
    assert score(result, "organisations") == (1, 0, 0)
    assert result.scores["organisations"].precision == 1.0


def test_one_to_one_two_predictions_for_one_gold_entry():
    gold = gold_doc(
        organisations=[{"text": "BMI", "name": "Bundesministerium des Innern", "aliases": ["BMI"]}],
        dates=[
            {"text": "bis Donnerstag", "value": "2019-10-24", "aliases": ["2019-10-22/2019-10-24"]}
        ],
    )
    preds = tables(
        {
            "organisations": names("d1", "BMI", "Bundesministerium des Innern"),
            "dates": dates("d1", "2019-10-22/2019-10-24", "2019-10-24"),
        }
    )
    result = evaluate({"d1": gold}, preds)
    assert score(result, "organisations") == (1, 1, 0)
    assert score(result, "dates") == (1, 1, 0)


def test_one_to_one_also_for_optional_entries():
    gold = gold_doc(places=[{"text": "Messe", "name": "Messe Essen", "aliases": ["Messe"]}])
    gold["places"][0]["optional"] = True
    preds = tables({"places": names("d1", "Messe", "Messe Essen")})
    assert score(evaluate({"d1": gold}, preds), "places") == (0, 1, 0)


def test_matching_is_maximal_not_greedy():
    # The first prediction matches both entries; taking the first entry for it would leave
    # the second prediction unmatched.
    gold = gold_doc(
        dates=[
            {"text": "24.", "value": "2019-10-24", "aliases": ["2019-10-22/2019-10-24"]},
            {"text": "22.-24.", "value": "2019-10-22/2019-10-24"},
        ]
    )
    preds = tables({"dates": dates("d1", "2019-10-22/2019-10-24", "2019-10-24")})
    assert score(evaluate({"d1": gold}, preds), "dates") == (2, 0, 0)


def test_required_entries_win_over_optional_ones():
    # "Essen" can be the required place or the optional venue alias; "Grugahalle" only the
    # venue. Best: Essen -> required (recall), Grugahalle -> optional (no false positive).
    gold = gold_doc(
        places=[
            {"text": "Grugahalle", "name": "Grugahalle", "aliases": ["Essen"], "optional": True},
            {"text": "Essen", "name": "Essen"},
        ]
    )
    preds = tables({"places": names("d1", "Essen", "Grugahalle")})
    assert score(evaluate({"d1": gold}, preds), "places") == (1, 0, 0)


def test_dates_match_value_or_alias_exactly():
    gold = gold_doc(
        dates=[
            {"text": "um 15 Uhr", "value": "2019-10-23T15:00", "aliases": ["T15:00"]},
            {"text": "2019", "value": "2019"},
            {"text": "Oktober", "value": "2019-10"},
        ]
    )
    preds = tables({"dates": dates("d1", "T15:00", "2019-10-22", "2019-10", "2019-10")})
    # Duplicate mentions are one fact; a day is not its month or year.
    assert score(evaluate({"d1": gold}, preds), "dates") == (2, 1, 1)


def test_unit_normalisation_strips_one_ending_from_long_words_only():
    assert normalise_unit("Besucherinnen") == "besucher"
    assert normalise_unit("Messehallen") == normalise_unit("Messehalle") == "messehall"
    assert normalise_unit("Stunden") == "stund"
    assert normalise_unit("Leute") == "leute"  # five letters: kept whole
    assert normalise_unit("Quadrat-Meter") == "quadratmeter"


@pytest.mark.parametrize(
    ("predicted", "gold", "agree"),
    [
        ("Besucherinnen", "Besucher", True),  # ending
        ("besuchern", "Besucher", True),  # case, ending
        ("Firmen", "Firma", True),  # firm is a prefix of firma
        ("Fachbesucher", "Besucher", True),  # suffix
        ("Leuten", "Leute", True),  # leut is a prefix of leute
        ("Tage", "Tag", False),  # no ending off a four-letter word, affixes need four letters
        ("Gäste", "Gast", False),  # umlaut plurals are beyond the rule
        ("Euro", "Prozent", False),
        ("", "Besucher", False),
    ],
)
def test_units_agree(predicted: str, gold: str, agree: bool):
    assert units_agree(predicted, gold) is agree


def test_figures_match_value_and_unit_and_score_qualifiers_on_matches():
    gold = gold_doc(
        figures=[
            {
                "text": "rund 12.700 Besucher",
                "value": 12700,
                "unit": "Besucher",
                "qualifier": "approx",
            },
            {"text": "1,5 Millionen Euro", "value": 1500000, "unit": "Euro"},  # exact
            {"text": "4,1 Millionen Euro", "value": 4100000, "unit": "Euro", "qualifier": "exact"},
            {"text": "drei Tage", "value": 3, "unit": "Tag"},
            {
                "text": "20 Länder",
                "value": 20,
                "unit": "Land",
                "qualifier": "exact",
                "optional": True,
            },
        ]
    )
    preds = tables(
        {
            "figures": figures(
                "d1",
                (12700, "Besucherinnen", "exact"),
                (12700, "Besucher", "approx"),  # same fact again: the first qualifier counts
                (1.5 * 1e6, "Euro", "exact"),
                (4.1 * 1e6, "Euro", "exact"),  # 4099999.9999999995: equal as a number
                (3, "Tage", "exact"),  # the unit rule says no
                (20, "Land", "exact"),  # optional
            )
        }
    )
    result = evaluate({"d1": gold}, preds)
    assert score(result, "figures") == (3, 1, 1)
    assert (result.qualifier_correct, result.qualifier_matched) == (2, 3)
    assert result.as_dict()["figure_qualifiers"] == {"accuracy": 0.6667, "matched": 3}


def test_gold_document_without_predictions_misses_all_required_entries():
    gold = {
        "d1": gold_doc("d1", dates=[{"text": "2019", "value": "2019"}]),
        "d2": gold_doc(
            "d2",
            places=[
                {"text": "Ulm", "name": "Ulm"},
                {"text": "Ort", "name": "Ort", "optional": True},
            ],
            dates=[{"text": "2020", "value": "2020"}],
        ),
    }
    preds = tables({"dates": dates("d1", "2019") + dates("other", "2020")})
    result = evaluate(gold, preds)
    assert score(result, "dates") == (1, 0, 1)  # predictions for unknown documents are ignored
    assert score(result, "places") == (0, 0, 1)
    assert [d.predicted for d in result.documents] == [True, False]
    assert result.documents[1].misses["places"] == ["Ulm (Ulm)"]


def test_scores_are_micro_averaged_over_documents():
    gold = {
        "d1": gold_doc("d1", dates=[{"text": "2019", "value": "2019"}]),
        "d2": gold_doc("d2", dates=[{"text": f"{y}", "value": f"{y}"} for y in range(2000, 2004)]),
    }
    preds = tables({"dates": dates("d1", "2019") + dates("d2", "2000", "1999")})
    s = evaluate(gold, preds).scores["dates"]
    assert (s.tp, s.fp, s.fn) == (2, 1, 3)
    assert (s.precision, s.recall) == pytest.approx((2 / 3, 2 / 5))
    assert s.f1 == pytest.approx(2 * (2 / 3) * (2 / 5) / (2 / 3 + 2 / 5))


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_evaluate_command_json_and_per_doc(tmp_path: Path, fmt: str, make_run):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    gold = gold_doc(
        "report-1",
        places=[{"text": "Essen", "name": "Essen"}, {"text": "Ulm", "name": "Ulm"}],
        figures=[
            {"text": "300 Aussteller", "value": 300, "unit": "Aussteller", "qualifier": "exact"}
        ],
    )
    (gold_dir / "report-1.json").write_text(json.dumps(gold), encoding="utf-8")
    # A run over a folder with sub-folders names the document by its relative path.
    doc = "fairs/report-1"
    out = make_run(
        tmp_path / "run",
        {
            "documents": [{"doc_id": doc, "status": "ok"}],
            "places": names(doc, "Essen", "Köln"),
            "figures": figures(doc, (300, "Aussteller", "exact"), (300, "Aussteller", "approx")),
        },
        fmt,
    )
    runner = CliRunner()
    result = runner.invoke(app, ["evaluate", "--gold", str(gold_dir), "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert set(scores) == {*FACT_TABLES, "figure_qualifiers", "events"}
    assert scores["places"] == dict(precision=0.5, recall=0.5, f1=0.5, tp=1, fp=1, fn=1)
    assert scores["figure_qualifiers"] == {"accuracy": 1.0, "matched": 1}

    result = runner.invoke(
        app, ["evaluate", "--gold", str(gold_dir), "--out", str(out), "--per-doc"]
    )
    assert result.exit_code == 0, result.output
    assert "miss places: Ulm (Ulm)" in result.output
    assert "false positive places: Köln" in result.output

    args = ["evaluate", "--gold", str(gold_dir), "--out", str(out), "--json", "--per-doc"]
    documents = json.loads(runner.invoke(app, args).output)["documents"]
    assert documents["report-1"]["misses"]["places"] == ["Ulm (Ulm)"]
    assert documents["report-1"]["false_positives"]["places"] == ["Köln"]


def test_evaluate_command_without_run_exits_2(tmp_path: Path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "a.json").write_text(json.dumps(gold_doc("a")), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["evaluate", "--gold", str(gold_dir), "--out", str(tmp_path / "none")]
    )
    assert result.exit_code == 2
    assert "does not exist" in result.output
