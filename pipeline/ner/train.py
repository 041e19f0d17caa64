"""Train the project's German NER pipeline: corpora -> DocBin -> ``spacy train`` -> scores.

Layout of the output folder::

    corpus/{train,dev}.spacy   the mixed, augmented training data and the document-level dev split
    training/model-{best,last} spaCy's training output
    model/                     the final pipeline with meta (what gets shipped)
    scores.json                dev-split scores, held-out GermEval scores, speed
"""

from __future__ import annotations

import json
import logging
import random
import shutil
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import spacy
from spacy.cli.train import train as spacy_train

from pipeline.ner.augment import augment, build_pools, vary_copies
from pipeline.ner.corpora import (
    Corpus,
    Sentence,
    held_out_event_reports,
    left_out_event_reports,
    load_corpora,
    read_germeval,
    tags_to_spans,
)
from pipeline.ner.dataset import build_splits, write_docbin
from pipeline.ner.evaluate import format_scores, score_spans, words_per_second
from pipeline.ner.labels import LABELS
from pipeline.ner.pretrain import with_pretraining
from pipeline.ner.vectors import learn_vectors, static_vectors_overrides

log = logging.getLogger("pipeline.ner")

DEFAULT_CONFIG = Path(__file__).with_name("config.cfg")
SHIPPED_MODEL_DIR = Path(__file__).parents[1] / "models" / "de_event_ner"
GERMEVAL_FILE = Path("germeval2014") / "NER-de-dev.tsv"
EVENT_REPORTS_FILE = Path("event-reports") / "event_reports_ner.jsonl"
MODEL_VERSION = "0.2.0"

SOURCES = [
    {
        "name": "GermEval 2014 NER (dev)",
        "url": "https://sites.google.com/site/germeval2014ner/",
        "license": "CC BY 4.0",
        "author": "D. Benikova, C. Biemann, M. Reznicek (NoSta-D, LREC 2014)",
    },
    {
        "name": "DFKI SmartData v1",
        "url": "https://github.com/DFKI-NLP/smartdata-corpus",
        "license": "CC BY 4.0",
        "author": "Schiersch et al., LREC 2018",
    },
    {
        "name": "DFKI MobIE",
        "url": "https://github.com/DFKI-NLP/MobIE",
        "license": "CC BY 4.0",
        "author": "Hennig et al., KONVENS 2021",
    },
    {
        "name": "German Legal Entity Recognition (LER)",
        "url": "https://github.com/elenanereiss/Legal-Entity-Recognition",
        "license": "CC BY 4.0",
        "author": "Leitner, Rehm, Moreno-Schneider 2019",
    },
    {
        "name": "Europeana Newspapers NER (German)",
        "url": "https://github.com/EuropeanaNewspapers/ner-corpora",
        "license": "CC0 1.0",
        "author": "Europeana Newspapers project",
    },
    {
        "name": "event-reports (shared/data/ner/event-reports)",
        "url": "excerpts of public German web pages; each record keeps its page address",
        "license": "texts belong to their publishers; used for training and evaluation only "
        "(text and data mining), not redistributed",
        "author": "annotated by hand for this project",
    },
    {
        "name": "HIPE-2022 NewsEye and SoNAR German (dev)",
        "url": "https://github.com/hipe-eval/HIPE-2022-data",
        "license": "CC BY 4.0",
        "author": "Ehrmann et al. (HIPE-2022); NewsEye; SoNAR (IDH)",
    },
]


@dataclass
class TrainSettings:
    data_dir: Path
    out_dir: Path
    exclude: list[str] = field(default_factory=list)
    max_sentences: int | None = None
    epochs: int = 3
    seed: int = 0
    dev_share: float = 0.1
    # Corpora the dev split (checkpoint choice) is taken from; empty means every corpus.
    dev_corpora: list[str] = field(default_factory=list)
    augment_share: float = 0.5
    # Share of one-word substitutes turned into non-entity compounds ("SPD-Chef").
    part_rate: float = 0.0
    # Add the hand-written list of well-known organisations to the replacement names.
    well_known_orgs: bool = True
    vectors: bool = True
    config: Path = DEFAULT_CONFIG
    # Extra ``section.key`` config overrides, e.g. a wider tok2vec for an experiment.
    overrides: dict[str, object] = field(default_factory=dict)
    # Fine-tuning: start from this trained pipeline (its tok2vec, ner and static vectors)
    # instead of a blank one; new labels (EVT) are added to its ner first.
    base: Path | None = None
    # Share of each general corpus' usual cap that goes into the data (fine-tuning keeps a
    # little general text against forgetting) and how often the event reports go in.
    general_scale: float = 1.0
    domain_repeat: int | None = None
    # Training-split event reports kept out of this run (scored as ``event_reports_left_out``)
    # and more in-domain files in the event reports' format (``pipeline/ner/data``).
    leave_out_ids: list[str] = field(default_factory=list)
    extra_reports: list[Path] = field(default_factory=list)
    # Pretrained tok2vec weights (``pretrain-ner``: weights/model{N}.bin) to start from, and
    # a saved vectors table to use instead of learning one (the pretraining's ``vectors``:
    # the weights were learnt with it, and a control run without weights can share it).
    init_tok2vec: Path | None = None
    vectors_dir: Path | None = None


@dataclass
class TrainResult:
    model_dir: Path
    scores: dict[str, object]


def read_corpora(settings: TrainSettings) -> list[Corpus]:
    corpora = load_corpora(
        settings.data_dir, settings.exclude, settings.leave_out_ids, settings.extra_reports
    )
    if not corpora:
        raise ValueError(f"no NER corpora found below {settings.data_dir}")
    return corpora


def prepare_data(
    settings: TrainSettings, corpora: list[Corpus]
) -> tuple[list[Sentence], list[Sentence]]:
    """Split, mix and augment; everything random flows from ``settings.seed``."""
    rng = random.Random(settings.seed)
    split = build_splits(
        corpora,
        settings.dev_share,
        rng,
        settings.general_scale,
        settings.domain_repeat,
        frozenset(settings.dev_corpora),
    )
    train = list(split.train)
    if settings.augment_share > 0:
        unique = list({id(s): s for s in train}.values())
        pools = build_pools(unique, rng, settings.well_known_orgs)
        train = vary_copies(train, pools, rng)
        train += augment(unique, pools, settings.augment_share, rng, settings.part_rate)
        rng.shuffle(train)
    dev = split.dev
    if not dev:
        # Nothing held out (final model on all data): spaCy still wants a dev set to report
        # on, so it gets a sample of the training data; its scores are then optimistic.
        dev = rng.sample(train, min(1000, len(train)))
    if settings.max_sentences:
        train = train[: settings.max_sentences]
        dev = dev[: max(20, settings.max_sentences // 5)]
    return train, dev


def describe(sentences: list[Sentence]) -> dict[str, dict[str, int]]:
    """Sentences and entities per corpus: logged and kept in scores.json for the model card."""
    table: dict[str, Counter] = {}
    for s in sentences:
        counts = table.setdefault(s.corpus, Counter())
        counts["sentences"] += 1
        counts["words"] += len(s.words)
        counts.update(label for _, _, label in tags_to_spans(s.tags))
    return {name: dict(c) for name, c in sorted(table.items())}


def train_ner(settings: TrainSettings) -> TrainResult:
    started = time.perf_counter()
    out = settings.out_dir
    corpora = read_corpora(settings)
    train, dev = prepare_data(settings, corpora)
    write_docbin(train, out / "corpus" / "train.spacy")
    write_docbin(dev, out / "corpus" / "dev.spacy")
    log.info("training data: %s", describe(train))
    overrides = {
        "paths.train": str(out / "corpus" / "train.spacy"),
        "paths.dev": str(out / "corpus" / "dev.spacy"),
        "training.max_epochs": settings.epochs,
        "system.seed": settings.seed,
        **settings.overrides,
    }
    config = settings.config
    if settings.base is not None:
        config = _fine_tuning_config(settings.base, settings.config, out)
        overrides["paths.vectors"] = str(out / "base")
    elif settings.vectors_dir is not None:
        overrides.update(static_vectors_overrides(settings.vectors_dir))
    elif settings.vectors:
        # Quick runs (--max-sentences) learn vectors from their own few sentences only.
        text = train if settings.max_sentences else [s for c in corpora for s in c.sentences]
        overrides.update(learn_vectors((s.words for s in text), out / "vectors", settings.seed))
    if settings.init_tok2vec is not None:
        config = _pretrained_config(config, out)
        overrides["paths.init_tok2vec"] = str(settings.init_tok2vec)
    spacy_train(config, out / "training", use_gpu=-1, overrides=overrides)
    # Without a held-out dev split "best" would mean best on training data: take the last.
    chosen = "model-best" if settings.dev_share > 0 else "model-last"
    nlp = spacy.load(out / "training" / chosen)
    train_seconds = time.perf_counter() - started
    scores = score_model(nlp, settings, train, dev)
    scores["train_seconds"] = round(train_seconds)
    _set_meta(nlp, settings, scores)
    model_dir = out / "model"
    if model_dir.exists():
        shutil.rmtree(model_dir)
    nlp.to_disk(model_dir)
    (out / "scores.json").write_text(json.dumps(scores, indent=2), encoding="utf-8")
    return TrainResult(model_dir, scores)


def score_model(
    nlp: spacy.language.Language,
    settings: TrainSettings,
    train: list[Sentence],
    dev: list[Sentence],
) -> dict[str, object]:
    """Dev-split scores, GermEval scores (held out or not, and labelled as such), speed."""
    dev_scores = score_spans(nlp, dev)
    log.info("dev split: %s", format_scores(dev_scores))
    scores: dict[str, object] = {
        "settings": {k: str(v) for k, v in asdict(settings).items()},
        "train_data": describe(train),
        "dev_split": {k: v.as_dict() for k, v in dev_scores.items()},
    }
    event_reports = settings.data_dir / EVENT_REPORTS_FILE
    if event_reports.is_file():
        held_out_scores = score_spans(nlp, held_out_event_reports(event_reports))
        scores["event_reports_held_out"] = {k: v.as_dict() for k, v in held_out_scores.items()}
        log.info("event reports, held out: %s", format_scores(held_out_scores))
        if settings.leave_out_ids:
            left_out = score_spans(
                nlp, left_out_event_reports(event_reports, settings.leave_out_ids)
            )
            scores["event_reports_left_out"] = {k: v.as_dict() for k, v in left_out.items()}
            log.info("event reports, left out: %s", format_scores(left_out))
    germeval = settings.data_dir / GERMEVAL_FILE
    if germeval.is_file():
        gold = list(read_germeval(germeval))
        held_out = "germeval2014" in settings.exclude
        key = "germeval_dev_held_out" if held_out else "germeval_dev_seen_in_training"
        germeval_scores = score_spans(nlp, gold)
        scores[key] = {k: v.as_dict() for k, v in germeval_scores.items()}
        log.info("%s: %s", key, format_scores(germeval_scores))
        texts = [" ".join(s.words) for s in gold]
        scores["words_per_second"] = round(words_per_second(nlp, texts))
    return scores


def _fine_tuning_config(base: Path, config_path: Path, out: Path) -> Path:
    """A config whose tok2vec and ner are sourced from ``base``, with all ``LABELS`` added.

    spaCy does not re-initialise sourced components, so labels the base model lacks are added
    (and its output layer resized) here, on a copy of the base in ``out/base``.
    """
    nlp = spacy.load(base)
    ner = nlp.get_pipe("ner")
    for label in LABELS:
        if label not in ner.labels:
            ner.add_label(label)
    nlp.to_disk(out / "base")
    config = spacy.util.load_config(config_path)
    for name in ("tok2vec", "ner"):
        config["components"][name] = {"source": str(out / "base")}
    path = out / "config.cfg"
    config.to_disk(path)
    return path


def _pretrained_config(config_path: Path, out: Path) -> Path:
    """The config with the [pretraining] block that tells spaCy where the weights go."""
    config = with_pretraining(spacy.util.load_config(config_path))
    path = out / "config_init_tok2vec.cfg"
    config.to_disk(path)
    return path


def install_model(model_dir: Path, target: Path = SHIPPED_MODEL_DIR) -> None:
    """Replace the shipped model's files, keeping its hand-written README (the model card)."""
    target.mkdir(parents=True, exist_ok=True)
    for item in target.iterdir():
        if item.name == "README.md":
            continue
        if item.is_dir():
            shutil.rmtree(item)
        else:
            item.unlink()
    shutil.copytree(model_dir, target, dirs_exist_ok=True)


def _set_meta(
    nlp: spacy.language.Language, settings: TrainSettings, scores: dict[str, object]
) -> None:
    # spaCy's own "performance" is measured on the dev set, which for a model trained on
    # everything is a sample of its training data: replace it by what was measured here.
    nlp.meta["performance"] = {
        key: {label: round(s["f"], 3) for label, s in value.items()}
        for key, value in scores.items()
        if key in ("germeval_dev_held_out", "event_reports_held_out", "event_reports_left_out")
        or (key == "dev_split" and settings.dev_share > 0)
    }
    nlp.meta["performance"]["note"] = (
        "strict span F1; event_reports_held_out: the held-out 20 % of the event reports, "
        "never trained on; more in the README"
    )
    nlp.meta.update(
        {
            "name": "de_event_ner",
            "version": MODEL_VERSION,
            "description": "German named entities (PER, LOC, ORG, EVT) for event reports; "
            "tok2vec + ner trained on openly licensed corpora by `python -m pipeline train-ner`.",
            "author": "pipeline project",
            "license": "CC BY 4.0",
            "sources": SOURCES,
            "labels": {"ner": list(LABELS)},
            "notes": {
                "excluded_corpora": settings.exclude,
                "seed": settings.seed,
                "epochs": settings.epochs,
                "base": str(settings.base) if settings.base else None,
                "general_scale": settings.general_scale,
                "domain_repeat": settings.domain_repeat,
                "left_out_reports": settings.leave_out_ids,
                "extra_reports": [p.name for p in settings.extra_reports],
                "init_tok2vec": str(settings.init_tok2vec) if settings.init_tok2vec else None,
            },
        }
    )
