"""Pretraining of the NER's tok2vec (pretrain-ner) and its weights in train-ner (--init-tok2vec)."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import spacy
import srsly
from spacy.training.pretrain import get_tok2vec_ref
from spacy.util import dot_to_dict
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.ner.corpora import Corpus, Sentence, is_held_out
from pipeline.ner.pretrain import (
    DEFAULT_CONFIG,
    capped,
    dewiki_sentences,
    raw_text_records,
    with_pretraining,
)

# Invented sentences only.
SENTENCES = [
    "Die Stadtwerke Hellbach laden am Samstag zum Tag der offenen Tür in Hellbach ein .",
    "Bürgermeisterin Anna Kessler eröffnet den Markt auf dem Lindenplatz .",
    "Der Turnverein Oberau feiert sein Jubiläum mit einem Sportfest .",
    "Im Kulturhaus Brenning spielt das Ensemble Nordwind am Freitagabend .",
    "Die Firma Wendler Metallbau stellt auf der Messe in Köln neue Maschinen vor .",
    "Rund dreihundert Gäste kamen zum Sommerfest des Heimatvereins nach Falkenried .",
]

TAGS = {"Hellbach": "B-LOC", "Kessler": "B-PER", "Oberau": "B-LOC", "Köln": "B-LOC"}


def report_ids(held_out: bool, n: int) -> list[str]:
    ids = (f"t{i}" for i in range(10_000))
    return [i for i in ids if is_held_out(i) == held_out][:n]


def tiny_data(root: Path) -> Path:
    """A data folder with a GermEval file, event reports (one held out) and dewiki text."""
    germeval = root / "germeval2014" / "NER-de-train.tsv"
    germeval.parent.mkdir(parents=True)
    lines = []
    for n, sentence in enumerate(SENTENCES * 5):
        lines.append(f"#\thttp://example.org/{n}\t[2020-01-01]")
        lines += [f"{i + 1}\t{w}\t{TAGS.get(w, 'O')}\tO" for i, w in enumerate(sentence.split())]
        lines.append("")
    germeval.write_text("\n".join(lines) + "\n", encoding="utf-8")
    reports = root / "event-reports" / "event_reports_ner.jsonl"
    reports.parent.mkdir(parents=True)
    train_id, held_id = report_ids(False, 1)[0], report_ids(True, 1)[0]
    records = [
        {"id": train_id, "text": "Der Chor Abendklang singt in Hellbach.", "entities": []},
        {"id": held_id, "text": "Die Gärtnerei Quellmoos zeigt Rosen.", "entities": []},
    ]
    reports.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    dewiki = root / "dewiki-articles-raw" / "dewiki_531_articles.jsonl.gz"
    dewiki.parent.mkdir(parents=True)
    article = {"id": 0, "text": "Der Wald ist groß.Er liegt im Norden. Viele Bäume wachsen dort."}
    with gzip.open(dewiki, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(article) + "\n")
    return root


def test_dewiki_glued_paragraphs_are_split(tmp_path: Path) -> None:
    data = tiny_data(tmp_path / "data")
    sentences = list(
        dewiki_sentences(data / "dewiki-articles-raw" / "dewiki_531_articles.jsonl.gz")
    )
    assert sentences == ["Der Wald ist groß.", "Er liegt im Norden.", "Viele Bäume wachsen dort."]


def test_raw_text_caps_a_corpus_and_keeps_the_tokens() -> None:
    ler = Corpus("german-ler", [Sentence(["Satz", str(i)], ["O", "O"], "d") for i in range(50)])
    news = Corpus(
        "germeval2014", [Sentence(s.split(), ["O"] * len(s.split()), "d") for s in SENTENCES]
    )
    records, counts = raw_text_records(
        [ler, news], ["Ein Satz aus dem Lexikon."], {"german-ler": 10}, random.Random(0)
    )
    assert counts == {"german-ler": 10, "germeval2014": len(SENTENCES), "dewiki": 1}
    assert {"text": SENTENCES[0]} in records
    assert {"text": "Ein Satz aus dem Lexikon."} in records
    assert len(capped(ler, None, random.Random(0))) == 50


def test_init_tok2vec_is_loaded_only_with_the_pretraining_block(tmp_path: Path) -> None:
    """spaCy skips init_tok2vec silently when [pretraining] is empty: the block must be there."""
    config = spacy.util.load_config(DEFAULT_CONFIG).merge(
        dot_to_dict(
            {
                "components.tok2vec.model.encode.width": 32,
                "components.tok2vec.model.encode.depth": 1,
            }
        )
    )
    source = spacy.util.load_model_from_config(with_pretraining(config), auto_fill=True)
    source.initialize()
    weights = get_tok2vec_ref(source, with_pretraining(config)["pretraining"]).to_bytes()
    path = tmp_path / "model0.bin"
    path.write_bytes(weights)
    for block, expected in ((True, True), (False, False)):
        cfg = with_pretraining(config) if block else config
        cfg = cfg.merge(dot_to_dict({"paths.init_tok2vec": str(path)}))
        nlp = spacy.util.load_model_from_config(cfg, auto_fill=True)
        nlp.initialize()
        loaded = nlp.get_pipe("tok2vec").model.to_bytes() == weights
        assert loaded is expected


def test_pretrain_then_train_commands(tmp_path: Path) -> None:
    data = tiny_data(tmp_path / "data")
    out = tmp_path / "pt"
    small = ["--set", "components.tok2vec.model.encode.width=32"]
    result = CliRunner().invoke(
        app, ["pretrain-ner", "--data", str(data), "--out", str(out), "--epochs", "1", *small]
    )
    assert result.exit_code == 0, result.output
    raw = " ".join(r["text"] for r in srsly.read_jsonl(out / "raw_text.jsonl"))
    assert "Abendklang" in raw and "Bäume" in raw
    assert "Quellmoos" not in raw  # the held-out report
    assert (out / "weights" / "model0.bin").is_file()
    result = CliRunner().invoke(
        app,
        [
            "train-ner", "--data", str(data), "--out", str(tmp_path / "ner"),
            "--max-sentences", "40", "--epochs", "1", "--dev-share", "0", *small,
            "--init-tok2vec", str(out / "weights" / "model0.bin"),
            "--vectors-dir", str(out / "vectors"),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    meta = json.loads((tmp_path / "ner" / "model" / "meta.json").read_text(encoding="utf-8"))
    assert meta["notes"]["init_tok2vec"].endswith("model0.bin")
