"""From corpora to training data: document-level dev split, mixing weights, DocBin files."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from pipeline.ner.corpora import EVENT_REPORTS, Corpus, Sentence


@dataclass(frozen=True)
class Mix:
    """How many training sentences a corpus may contribute.

    ``max_sentences`` caps big corpora so no single domain dominates the model;
    ``empty_share`` caps the share of sentences without any entity, which in LER and the
    historical newspapers are the large majority and teach little.
    """

    max_sentences: int
    empty_share: float = 0.3
    # The in-domain corpus is small: its sentences enter the training data this many times
    # (each copy is augmented on its own, so the copies differ in their names).
    repeat: int = 1


# Caps chosen so that news-like text (GermEval, SmartData, MobIE) gets most of the general
# sentences and the historical (OCR) and legal domains, whose conventions and spelling are
# furthest from event reports, a smaller share; the event reports count six times over.
MIXES: dict[str, Mix] = {
    "germeval2014": Mix(3000, empty_share=0.5),
    "smartdata": Mix(8000, empty_share=0.4),
    "mobie": Mix(6000, empty_share=0.3),
    "german-ler": Mix(1500, empty_share=0.2),
    "europeana": Mix(1500, empty_share=0.3),
    "hipe-newseye": Mix(1500, empty_share=0.3),
    "hipe-sonar": Mix(500, empty_share=0.3),
    "event-reports": Mix(100_000, empty_share=0.3, repeat=6),
}
DEFAULT_MIX = Mix(5000)


@dataclass
class Split:
    train: list[Sentence]
    dev: list[Sentence]


def split_by_document(corpus: Corpus, dev_share: float, rng: random.Random) -> Split:
    """Put whole documents into dev so that near-duplicate sentences cannot leak across."""
    docs = corpus.documents
    rng.shuffle(docs)
    n_dev = round(len(docs) * dev_share)
    if dev_share > 0 and len(docs) > 1:
        n_dev = max(1, n_dev)
    dev_docs = set(docs[:n_dev])
    return Split(
        [s for s in corpus.sentences if s.doc_id not in dev_docs],
        [s for s in corpus.sentences if s.doc_id in dev_docs],
    )


def mix(sentences: list[Sentence], weights: Mix, rng: random.Random) -> list[Sentence]:
    """Subsample to ``weights``: all entity sentences fit first, empty ones fill up their share."""
    full = [s for s in sentences if s.has_entities]
    empty = [s for s in sentences if not s.has_entities]
    rng.shuffle(full)
    rng.shuffle(empty)
    n_empty_max = int(weights.max_sentences * weights.empty_share)
    n_full = min(len(full), weights.max_sentences - min(len(empty), n_empty_max))
    n_empty = min(
        len(empty), n_empty_max, round(n_full * weights.empty_share / (1 - weights.empty_share))
    )
    return full[:n_full] + empty[:n_empty]


def weights_for(name: str, general_scale: float = 1.0, domain_repeat: int | None = None) -> Mix:
    """The corpus' mix, the general corpora scaled by ``general_scale`` (fine-tuning keeps only
    a little general text so the model does not forget it) and the domain repeat overridden."""
    weights = MIXES.get(name, DEFAULT_MIX)
    if name == EVENT_REPORTS:
        return replace(weights, repeat=weights.repeat if domain_repeat is None else domain_repeat)
    return replace(weights, max_sentences=max(1, round(weights.max_sentences * general_scale)))


def build_splits(
    corpora: list[Corpus],
    dev_share: float,
    rng: random.Random,
    general_scale: float = 1.0,
    domain_repeat: int | None = None,
    dev_corpora: frozenset[str] = frozenset(),
) -> Split:
    """Mix the corpora into train and a document-level dev split.

    ``dev_corpora`` (when given) limits the dev split to those corpora, e.g. the event
    reports alone, so that the checkpoint is chosen by in-domain accuracy; the other
    corpora then go into training whole.
    """
    train: list[Sentence] = []
    dev: list[Sentence] = []
    for corpus in corpora:
        share = dev_share if not dev_corpora or corpus.name in dev_corpora else 0.0
        split = split_by_document(corpus, share, rng)
        weights = weights_for(corpus.name, general_scale, domain_repeat)
        train += mix(split.train, weights, rng) * weights.repeat
        # Dev keeps the same proportions as train so its score reflects the mixture.
        dev_cap = Mix(max(1, round(weights.max_sentences * dev_share)), weights.empty_share)
        dev += mix(split.dev, dev_cap, rng)
    rng.shuffle(train)
    return Split(train, dev)


def to_doc(vocab: Vocab, sentence: Sentence) -> Doc:
    doc = Doc(vocab, words=sentence.words, ents=sentence.tags)
    # One sentence per Doc: mark it so a senter (if configured) learns the boundary.
    for i, token in enumerate(doc):
        token.is_sent_start = i == 0
    return doc


def write_docbin(sentences: list[Sentence], path: Path, vocab: Vocab | None = None) -> int:
    vocab = vocab or Vocab()
    docbin = DocBin(store_user_data=False)
    for sentence in sentences:
        docbin.add(to_doc(vocab, sentence))
    path.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(path)
    return len(docbin)
