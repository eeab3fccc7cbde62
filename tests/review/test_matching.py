"""Pairing spans: the sweep finds every overlapping pair, each span pairs once."""

from __future__ import annotations

import random

from annotator.review.matching import overlapping_pairs, pair_spans
from tests.review.layers import span

TEXT = "x" * 200


def test_the_sweep_finds_exactly_the_overlapping_pairs():
    rng = random.Random(7)
    for _ in range(50):
        spans = []
        for name in ("A", "B"):
            for _ in range(rng.randrange(0, 12)):
                start = rng.randrange(0, 190)
                spans.append(span(name, "ACTOR", TEXT, start, start + rng.randrange(1, 10)))
        first = [s for s in spans if s.annotator == "A"]
        second = [s for s in spans if s.annotator == "B"]
        brute = {
            (i, j)
            for i, a in enumerate(first)
            for j, b in enumerate(second)
            if a.start < b.end and b.start < a.end
        }
        assert set(overlapping_pairs(first, second)) == brute


def test_each_span_pairs_at_most_once_and_the_larger_overlap_wins():
    a = [span("A", "ACTOR", TEXT, 0, 10)]
    b = [span("B", "ACTOR", TEXT, 8, 20), span("B", "ACTOR", TEXT, 2, 9)]
    pairing = pair_spans(a, b)
    assert pairing.boundary == [(0, 1)]
    assert pairing.unpaired_second == [0]


def test_duplicates_pair_one_to_one():
    a = [span("A", "ACTOR", TEXT, 0, 5), span("A", "ACTOR", TEXT, 0, 5)]
    b = [span("B", "ACTOR", TEXT, 0, 5)]
    pairing = pair_spans(a, b)
    assert len(pairing.exact) == 1 and len(pairing.unpaired_first) == 1
