"""NLP stage: choose and load the spaCy pipeline, then add the project's extractors.

Order of choice: the ``model`` argument, the ``PIPELINE_MODEL`` environment variable,
``de_core_news_sm`` when installed, the project's own German NER pipeline shipped in
``pipeline/models/``, and, while no such model is shipped, a blank German pipeline. Nothing is
downloaded.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import is_package

import pipeline.array_components  # noqa: F401  (registers the sentence and lemma factories)
import pipeline.extractors  # noqa: F401  (registers the extractor factories)
from pipeline.allocator import keep_freed_memory
from pipeline.extensions import register_extensions
from pipeline.long_runs import bound_tokenizer
from pipeline.tokenizer_suffixes import german_tokens

log = logging.getLogger("pipeline")

PREFERRED_PACKAGE = "de_core_news_sm"
OWN_MODEL_DIR = Path(__file__).parent / "models" / "de_event_ner"
# Aliases accepted by --model besides package names and paths.
OWN_MODEL_ALIAS = "own"
BLANK_ALIAS = "blank"
MAX_CHARS_WITHOUT_PARSER = 20_000_000
EXTRACTORS = ("german_dates", "german_entities", "german_figures", "german_events")


class ModelNotFound(Exception):
    """The requested spaCy pipeline is neither an installed package nor a model folder."""


def load_nlp(model: str | None = None, extract: bool = True) -> Language:
    """Load the German spaCy pipeline, with the project's extractors unless ``extract=False``."""
    register_extensions()
    requested = model or os.environ.get("PIPELINE_MODEL") or None
    if requested:
        nlp, label = _load_requested(requested)
    elif is_package(PREFERRED_PACKAGE):
        nlp, label = _load_package(PREFERRED_PACKAGE)
    elif _own_model_available():
        nlp, label = _load_own()
    else:
        nlp, label = _load_blank()
    _ensure_sentences_and_lemmas(nlp)
    german_tokens(nlp)
    bound_tokenizer(nlp)
    if "parser" not in nlp.pipe_names:
        # spaCy's 1M-character guard protects the parser's memory; without a parser memory
        # grows linearly, so long reports are analysed whole.
        nlp.max_length = MAX_CHARS_WITHOUT_PARSER
    nlp.meta["pipeline_model"] = label
    log.info("spaCy pipeline in use: %s", label)
    if extract:
        for name in EXTRACTORS:
            nlp.add_pipe(name, name=name)
    # once per process, for every engine (serial, pool worker, Dask worker) and API user: a
    # pipeline run batch by batch would otherwise map and zero its freed arrays again each time
    keep_freed_memory()
    return nlp


def model_label(nlp: Language) -> str:
    return str(nlp.meta.get("pipeline_model") or f"{nlp.meta.get('name')}")


def _own_model_available() -> bool:
    return (OWN_MODEL_DIR / "config.cfg").is_file()


def _load_requested(name: str) -> tuple[Language, str]:
    if name == BLANK_ALIAS:
        return _load_blank()
    if name == OWN_MODEL_ALIAS:
        if not _own_model_available():
            raise ModelNotFound(f"the project's own model is not installed at {OWN_MODEL_DIR}")
        return _load_own()
    path = Path(name)
    if path.is_dir() and (path / "config.cfg").is_file():
        nlp = spacy.load(path)
        return (
            nlp,
            f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')} ({path})",
        )
    if is_package(name):
        return _load_package(name)
    raise ModelNotFound(
        f"spaCy pipeline {name!r} is not installed and is not a model folder "
        f"(use a package name, a folder with config.cfg, '{OWN_MODEL_ALIAS}' or '{BLANK_ALIAS}')"
    )


def _load_package(name: str) -> tuple[Language, str]:
    nlp = spacy.load(name)
    return nlp, f"{name} {nlp.meta.get('version')}"


def _load_own() -> tuple[Language, str]:
    nlp = spacy.load(OWN_MODEL_DIR)
    return nlp, f"own German NER pipeline {nlp.meta.get('name')} {nlp.meta.get('version')}"


def _load_blank() -> tuple[Language, str]:
    nlp = spacy.blank("de")
    return nlp, "blank German pipeline (rules only, no statistical NER)"


def _ensure_sentences_and_lemmas(nlp: Language) -> None:
    """Pipelines without a parser get rule-based sentences; without a lemmatizer, lookup lemmas:
    spaCy's sentencizer's and lookup lemmatizer's, set for the whole Doc at once
    (:mod:`pipeline.array_components`), under spaCy's names."""
    has_sents = any(n in nlp.pipe_names for n in ("parser", "senter", "sentencizer"))
    if not has_sents:
        nlp.add_pipe("german_sentences", name="sentencizer", first=True)
    if "lemmatizer" not in nlp.pipe_names:
        nlp.add_pipe("german_lemmas", name="lemmatizer")
