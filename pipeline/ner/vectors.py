"""Small static word vectors from the corpora's own text (PPMI + truncated SVD, numpy only).

Why: no openly licensed German vectors can be downloaded here, and the labelled subsample the
NER model trains on is a fraction of the running text available. Vectors learnt from all of it
(the whole legal corpus included) tell the model which words occur in similar contexts — e.g.
that an unseen town name behaves like the town names it has seen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import spacy


@dataclass(frozen=True)
class VectorSettings:
    vocab_size: int = 20000
    dims: int = 96
    window: int = 2
    min_count: int = 3
    seed: int = 0
    # Context distribution smoothing (Levy et al. 2015): dampens very frequent contexts.
    alpha: float = 0.75


def cooccurrence(sentences: Iterable[list[str]], index: dict[str, int], window: int) -> np.ndarray:
    """Symmetric word-context counts within ``window`` tokens, weighted 1/distance."""
    size = len(index)
    counts = np.zeros((size, size), dtype=np.float32)
    pairs: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
    weights: list[np.ndarray] = [np.zeros(0, dtype=np.float32)]
    for words in sentences:
        ids = np.array([index.get(w, -1) for w in words], dtype=np.int64)
        for d in range(1, window + 1):
            a, b = ids[:-d], ids[d:]
            keep = (a >= 0) & (b >= 0)
            pairs.append(a[keep] * size + b[keep])
            weights.append(np.full(int(keep.sum()), 1.0 / d, dtype=np.float32))
    # Sorting the pair keys once is far faster than scattered in-place adds.
    keys, inverse = np.unique(np.concatenate(pairs), return_inverse=True)
    summed = np.bincount(inverse, weights=np.concatenate(weights)).astype(np.float32)
    counts[keys // size, keys % size] = summed
    return counts + counts.T


def ppmi(counts: np.ndarray, alpha: float) -> np.ndarray:
    total = counts.sum()
    rows = counts.sum(axis=1, keepdims=True)
    cols = counts.sum(axis=0, keepdims=True) ** alpha
    cols = cols / cols.sum() * total
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(counts * total / (rows * cols))
    pmi[~np.isfinite(pmi)] = 0.0
    return np.maximum(pmi, 0.0, out=pmi)


def truncated_svd(matrix: np.ndarray, dims: int, seed: int, iterations: int = 3) -> np.ndarray:
    """Randomised SVD (Halko et al.): word vectors U * sqrt(S) of the top ``dims`` components."""
    rng = np.random.default_rng(seed)
    probe = rng.standard_normal((matrix.shape[1], dims + 10)).astype(np.float32)
    basis, _ = np.linalg.qr(matrix @ probe)
    for _ in range(iterations):
        basis, _ = np.linalg.qr(matrix @ (matrix.T @ basis))
    small = basis.T @ matrix
    u_small, s, _ = np.linalg.svd(small, full_matrices=False)
    u = basis @ u_small[:, :dims]
    return (u * np.sqrt(s[:dims])).astype(np.float32)


def train_vectors(
    sentences: list[list[str]], settings: VectorSettings
) -> tuple[list[str], np.ndarray]:
    freq = Counter(w for words in sentences for w in words)
    words = [w for w, c in freq.most_common(settings.vocab_size) if c >= settings.min_count]
    index = {w: i for i, w in enumerate(words)}
    matrix = ppmi(cooccurrence(sentences, index, settings.window), settings.alpha)
    # Tiny corpora (test runs) have fewer words than dimensions.
    vectors = truncated_svd(matrix, min(settings.dims, len(words) // 2), settings.seed)
    # Unit length: frequent words would otherwise dominate the projection layer.
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-8
    return words, vectors


def save_vectors(words: list[str], vectors: np.ndarray, path: Path) -> Path:
    """A blank German pipeline holding only the vectors: what ``[initialize] vectors`` loads."""
    nlp = spacy.blank("de")
    for word, vector in zip(words, vectors, strict=True):
        nlp.vocab.set_vector(word, vector)
    nlp.to_disk(path)
    return path


def static_vectors_overrides(path: Path) -> dict[str, object]:
    """The config overrides that make the tok2vec read the vectors table at ``path``."""
    return {
        "paths.vectors": str(path),
        "components.tok2vec.model.embed.include_static_vectors": True,
    }


def learn_vectors(sentences: Iterable[list[str]], path: Path, seed: int) -> dict[str, object]:
    """Learn static vectors from ``sentences`` (word lists), save them at ``path`` and return
    the config overrides that use them."""
    words, vectors = train_vectors(list(sentences), VectorSettings(seed=seed))
    save_vectors(words, vectors, path)
    return static_vectors_overrides(path)
