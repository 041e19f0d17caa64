"""Pretrain the NER's tok2vec on raw German text (``spacy pretrain``, character objective).

Why: the labelled corpora are small next to the running text available below the data folder.
spaCy's pretraining teaches the tok2vec to predict the first and last characters of each word
from its context, so the layer starts stage-1 training with some knowledge of German context.

Layout of the output folder::

    raw_text.jsonl      one sentence a line: {"text": ...} (corpora: their tokens joined by spaces)
    vectors/            the static vectors the tok2vec was pretrained with (train-ner --vectors)
    config.cfg          the training config with the [pretraining] block filled in
    weights/model{N}.bin  the tok2vec weights after epoch N (train-ner --init-tok2vec)
    pretrain.json       settings, raw-text counts, time

The tok2vec must be the one the NER trains later: the same config (``pipeline/ner/config.cfg``),
the same static vectors and the same overrides, or spaCy cannot load the weights.
"""

from __future__ import annotations

import gzip
import json
import logging
import random
import re
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import spacy
import srsly
from spacy.language import DEFAULT_CONFIG_PRETRAIN_PATH
from spacy.training.pretrain import pretrain as spacy_pretrain
from spacy.util import dot_to_dict
from thinc.api import Config

from pipeline.ner.corpora import Corpus, load_corpora
from pipeline.ner.vectors import learn_vectors

log = logging.getLogger("pipeline.ner")

DEFAULT_CONFIG = Path(__file__).with_name("config.cfg")
DEWIKI_FILE = Path("dewiki-articles-raw") / "dewiki_531_articles.jsonl.gz"
# Corpora whose raw sentences are capped: the legal corpus alone has more sentences than all
# news corpora together and would make the tok2vec a reader of court decisions.
RAW_CAPS: dict[str, int] = {"german-ler": 10_000}
# The source glued paragraphs together without a space ("entwickelt.Obgleich"): split there.
_GLUED_PARAGRAPH = re.compile(r"([a-zäöüß0-9)])\.([A-ZÄÖÜ][a-zäöü])")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ\"„])")


@dataclass
class PretrainSettings:
    data_dir: Path
    out_dir: Path
    exclude: list[str] = field(default_factory=list)
    epochs: int = 3
    seed: int = 0
    config: Path = DEFAULT_CONFIG
    # The same ``section.key`` overrides the later train-ner run gets (e.g. a wider tok2vec).
    overrides: dict[str, object] = field(default_factory=dict)
    caps: dict[str, int] = field(default_factory=lambda: dict(RAW_CAPS))
    # Learn static vectors from the corpora (as train-ner does) and pretrain with them.
    vectors: bool = True


def dewiki_sentences(path: Path) -> Iterator[str]:
    """Sentences of the raw Wikipedia articles (plain prose, no annotation)."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                text = _GLUED_PARAGRAPH.sub(r"\1. \2", json.loads(line)["text"])
                yield from (s.strip() for s in _SENTENCE_BREAK.split(text) if s.strip())


def capped(corpus: Corpus, cap: int | None, rng: random.Random) -> list[list[str]]:
    """The corpus' sentences (words only), a random ``cap`` of them when it has more."""
    words = [s.words for s in corpus.sentences]
    return rng.sample(words, cap) if cap is not None and len(words) > cap else words


def raw_text_records(
    corpora: list[Corpus], dewiki: Iterable[str], caps: dict[str, int], rng: random.Random
) -> tuple[list[dict[str, object]], dict[str, int]]:
    """JSON-lines records for spaCy's JsonlCorpus and the number of sentences per source.

    The corpora come from ``load_corpora``, which never returns the held-out event reports.
    """
    records: list[dict[str, object]] = []
    counts: Counter[str] = Counter()
    for corpus in corpora:
        for words in capped(corpus, caps.get(corpus.name), rng):
            # spaCy's JsonlCorpus reads "text" only; the German tokenizer splits the joined
            # tokens again as it splits them when the model runs.
            records.append({"text": " ".join(words)})
            counts[corpus.name] += 1
    for sentence in dewiki:
        records.append({"text": sentence})
        counts["dewiki"] += 1
    rng.shuffle(records)
    return records, dict(counts)


def with_pretraining(config: Config, raw_text: Path | None = None) -> Config:
    """``config`` with spaCy's default [pretraining] block (character objective) merged in.

    train-ner needs the block too when it loads pretrained weights: spaCy finds the layer to
    fill through ``pretraining.component``.
    """
    defaults = spacy.util.load_config(DEFAULT_CONFIG_PRETRAIN_PATH)
    merged = Config().from_str(config.to_str(interpolate=False), interpolate=False)
    # An empty [pretraining] block would make spaCy skip the weights without a word.
    merged["pretraining"] = {**defaults["pretraining"], **merged.get("pretraining", {})}
    merged.setdefault("corpora", {})["pretrain"] = dict(defaults["corpora"]["pretrain"])
    merged["paths"]["raw_text"] = str(raw_text) if raw_text is not None else None
    return merged


def pretrain_tok2vec(settings: PretrainSettings) -> Path:
    """Write the raw text, learn the vectors, run ``spacy pretrain``; return the weights folder."""
    started = time.perf_counter()
    out = settings.out_dir
    rng = random.Random(settings.seed)
    corpora = load_corpora(settings.data_dir, settings.exclude)
    if not corpora:
        raise ValueError(f"no NER corpora found below {settings.data_dir}")
    dewiki_path = settings.data_dir / DEWIKI_FILE
    dewiki = dewiki_sentences(dewiki_path) if dewiki_path.is_file() else iter(())
    records, counts = raw_text_records(corpora, dewiki, settings.caps, rng)
    out.mkdir(parents=True, exist_ok=True)
    raw_text = out / "raw_text.jsonl"
    srsly.write_jsonl(raw_text, records)
    log.info("raw text: %s sentences", counts)
    overrides: dict[str, object] = {
        "paths.raw_text": str(raw_text),
        "system.seed": settings.seed,
        "pretraining.max_epochs": settings.epochs,
        **settings.overrides,
    }
    if settings.vectors:
        # The same vectors train-ner would learn: every sentence of the labelled corpora.
        sentences = (s.words for c in corpora for s in c.sentences)
        overrides.update(learn_vectors(sentences, out / "vectors", settings.seed))
    config = with_pretraining(spacy.util.load_config(settings.config), raw_text)
    config = config.merge(dot_to_dict(overrides))
    config.to_disk(out / "config.cfg")
    weights = out / "weights"
    weights.mkdir(parents=True, exist_ok=True)
    spacy_pretrain(config.interpolate(), weights, silent=False)
    report = {
        "settings": {k: str(v) for k, v in asdict(settings).items()},
        "raw_text_sentences": counts,
        "raw_text_words": sum(len(str(r["text"]).split()) for r in records),
        "pretrain_seconds": round(time.perf_counter() - started),
    }
    (out / "pretrain.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    return weights
