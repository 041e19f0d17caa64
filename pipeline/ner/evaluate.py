"""Strict span scores of an NER pipeline on gold sentences, per label."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.evaluate import Score
from pipeline.ner.corpora import Sentence, tags_to_spans
from pipeline.ner.labels import LABELS


@dataclass
class LabelScore(Score):
    """The scorer's counts, reported with NER's short keys (p, r, f) in scores.json."""

    def as_dict(self) -> dict[str, float]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "p": self.precision,
            "r": self.recall,
            "f": self.f1,
        }


def annotate(nlp: Language, sentences: Iterable[Sentence]) -> Iterable[Doc]:
    """Run the pipeline on the gold tokens: scores then measure NER, not tokenisation."""
    docs = (Doc(nlp.vocab, words=s.words) for s in sentences)
    return nlp.pipe(docs, batch_size=256)


def score_spans(nlp: Language, sentences: list[Sentence]) -> dict[str, LabelScore]:
    """Exact-match (strict) span precision/recall/F1 per label and over all labels ("ALL")."""
    scores = {label: LabelScore() for label in (*LABELS, "ALL")}
    for sentence, doc in zip(sentences, annotate(nlp, sentences), strict=True):
        gold = set(tags_to_spans(sentence.tags))
        pred = {(e.start, e.end, e.label_) for e in doc.ents if e.label_ in LABELS}
        for label in LABELS:
            g = {s for s in gold if s[2] == label}
            p = {s for s in pred if s[2] == label}
            scores[label].tp += len(g & p)
            scores[label].fp += len(p - g)
            scores[label].fn += len(g - p)
    for label in LABELS:
        for attr in ("tp", "fp", "fn"):
            setattr(
                scores["ALL"], attr, getattr(scores["ALL"], attr) + getattr(scores[label], attr)
            )
    return scores


def words_per_second(nlp: Language, texts: list[str], repeats: int = 3) -> float:
    """Throughput of tokenising + the whole pipeline on raw texts, per CPU core.

    Counts process CPU time, not wall time: the machine is shared, and wall time would
    measure the neighbours' load rather than the model.
    """
    n_words = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for _doc in nlp.pipe(texts, batch_size=256):
            pass
        best = min(best, time.process_time() - start)
    return n_words / best


def format_scores(scores: dict[str, LabelScore]) -> str:
    return "  ".join(f"{label} {s.f1:.3f}" for label, s in scores.items())
