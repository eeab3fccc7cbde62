"""Pairing spans: the sweep finds every overlapping pair, each span pairs once."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.review.matching import Pairing, overlapping, overlapping_pairs, pair_spans, sweep
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


# The steps written out as docs/review.md states them, one by one over every pair of spans:
# what pair_spans (which pairs exact spans through a dict and compares only the rest) must
# give, pair for pair.


def _shared(a, b) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def reference_pairing(first, second, steps: int) -> Pairing:
    free_a, free_b = list(range(len(first))), list(range(len(second)))
    found = []

    def take(pairs):
        for i, j in pairs:
            free_a.remove(i)
            free_b.remove(j)
        found.append(pairs)

    def by_key(key):
        """Each free span of the second layer, in order, takes the first free one alike."""
        pairs: list[tuple[int, int]] = []
        for j in free_b:
            taken = {i for i, _ in pairs}
            alike = [i for i in free_a if i not in taken and key(first[i]) == key(second[j])]
            if alike:
                pairs.append((alike[0], j))
        return pairs

    def greedy(accept):
        candidates = sorted(
            (-_shared(first[i], second[j]), first[i].start, second[j].start, i, j)
            for i in free_a
            for j in free_b
            if _shared(first[i], second[j]) > 0 and accept(first[i], second[j])
        )
        pairs, used_a, used_b = [], set(), set()
        for *_, i, j in candidates:
            if i not in used_a and j not in used_b:
                used_a.add(i)
                used_b.add(j)
                pairs.append((i, j))
        return pairs

    step_functions = (
        lambda: by_key(lambda s: (s.start, s.end, s.label)),
        lambda: greedy(lambda a, b: a.label == b.label),
        lambda: by_key(lambda s: (s.start, s.end)),
        lambda: greedy(lambda a, b: a.label != b.label),
    )
    for number, step in enumerate(step_functions):
        take(step() if number < steps else [])
    return Pairing(*found, sorted(free_a), sorted(free_b))


def _layer(name: str, draws: list[tuple[int, int, str]]):
    return [span(name, label, TEXT, start, start + length) for start, length, label in draws]


# few places and lengths, so that spans often repeat, nest, share an extent or a start
SPANS = st.lists(
    st.tuples(
        st.integers(0, 12), st.integers(1, 4), st.sampled_from(["ACTOR", "EVENT", "LOCATION"])
    ),
    max_size=14,
)


@settings(max_examples=400, deadline=None)
@given(SPANS, SPANS, st.integers(1, 4), st.booleans())
def test_pairing_is_the_steps_as_written(a, b, steps, in_text_order):
    first, second = _layer("A", a), _layer("B", b)
    if in_text_order:
        first.sort(key=lambda s: (s.start, -s.end, s.label))
        second.sort(key=lambda s: (s.start, -s.end, s.label))
    assert pair_spans(first, second, steps=steps) == reference_pairing(first, second, steps)


BOUNDS = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 6)), max_size=12)


@settings(max_examples=300, deadline=None)
@given(BOUNDS, BOUNDS)
def test_comparing_two_by_two_finds_what_the_sweep_finds(a, b):
    """Empty extents too: both tests must agree on what is met where."""
    first = [(start, start + length) for start, length in a]
    second = [(start, start + length) for start, length in b]
    found = overlapping(first, second)
    assert len(found) == len(set(found))
    assert set(found) == set(sweep(first, second))
