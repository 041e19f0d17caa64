"""The entity stage's index of kept candidates answers as a scan over all of them would."""

from __future__ import annotations

import random

from pipeline.entities.candidates import Candidate, SpanIndex


def scan(kept: list[Candidate], span: Candidate) -> list[int]:
    return sorted(id(k) for k in kept if span.overlaps(k))


def test_overlapping_matches_a_scan_over_every_candidate() -> None:
    rng = random.Random(7)
    for _ in range(200):
        kept: list[Candidate] = []
        index = SpanIndex()
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, 30)
            c = Candidate(start, start + rng.choice((1, 1, 1, 2, 3)), "PLACE")
            if not any(c.overlaps(k) for k in kept):
                kept.append(c)
                index.add(c)
        if kept and rng.random() < 0.5:  # one replaced by a longer one over it and its neighbour
            old = rng.choice(kept)
            new = Candidate(old.start, old.end + 1, "ORG")
            clashing = index.overlapping(new)
            kept = [k for k in kept if k not in clashing] + [new]
            index.replace(clashing, new)
        for start in range(0, 34):
            for length in (0, 1, 2, 4):
                span = Candidate(start, start + length, "ORG")
                assert sorted(map(id, index.overlapping(span))) == scan(kept, span)
        assert [id(c) for c in index.by_start()] == [
            id(c) for c in sorted(kept, key=lambda c: c.start)
        ]


def test_a_candidate_added_twice_is_kept_once() -> None:
    town = Candidate(3, 4, "PLACE", "Talheim")
    index = SpanIndex([town])
    index.add(town)
    assert index.overlapping(Candidate(3, 4, "ORG")) == [town]
    index.replace([town], Candidate(2, 4, "ORG", "Sportverein Talheim"))
    assert town not in index
