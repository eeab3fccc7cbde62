"""Pairing the spans of two layers of one document, each span used at most once.

Every comparison (disagreements, span F1, the confusion matrix, events, adjudication) pairs
spans the same way, in steps; each step only sees the spans earlier steps left unpaired:

1. *exact*: same start, end and label (duplicates pair in text order);
2. *boundary*: same label, overlapping characters, different extent;
3. *relabelled*: same start and end, different label;
4. *crossed*: overlapping characters, different label and extent.

Steps 2 and 4 are greedy: candidate pairs are taken largest shared character count first,
then earliest start, each span at most once. Candidates come from one sweep over spans
sorted by start, so a document costs O(n log n) plus the number of overlapping pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar


class Extent(Protocol):
    """Anything with an extent and a label: a Span, or a span from a file."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def label(self) -> str: ...


S = TypeVar("S", bound=Extent)
Pair = tuple[int, int]  # (index in the first layer, index in the second)


def overlapping_pairs(
    first: Sequence[Extent],
    second: Sequence[Extent],
    free_first: Sequence[int] | None = None,
    free_second: Sequence[int] | None = None,
) -> list[Pair]:
    """Index pairs of spans that share at least one character (a sweep over starts)."""
    a_indices = range(len(first)) if free_first is None else free_first
    b_indices = range(len(second)) if free_second is None else free_second
    events = sorted(
        [(first[i].start, 0, i) for i in a_indices] + [(second[j].start, 1, j) for j in b_indices]
    )
    active: tuple[list[int], list[int]] = ([], [])
    layers = (first, second)
    pairs = []
    for start, side, index in events:
        other = 1 - side
        # spans that ended at or before this start can overlap nothing from here on
        active[other][:] = [k for k in active[other] if layers[other][k].end > start]
        for k in active[other]:
            pairs.append((index, k) if side == 0 else (k, index))
        active[side].append(index)
    return pairs


def _shared(a: Extent, b: Extent) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def _by_key(
    first: Sequence[Extent],
    second: Sequence[Extent],
    free_a: set[int],
    free_b: set[int],
    key: Callable[[Extent], tuple],
) -> list[Pair]:
    if not free_a or not free_b:
        return []
    waiting: dict[tuple, list[int]] = defaultdict(list)
    for i in sorted(free_a, reverse=True):
        waiting[key(first[i])].append(i)
    pairs = []
    for j in sorted(free_b):
        candidates = waiting.get(key(second[j]))
        if candidates:
            pairs.append((candidates.pop(), j))
    return pairs


def _greedy(
    first: Sequence[Extent],
    second: Sequence[Extent],
    free_a: set[int],
    free_b: set[int],
    accept: Callable[[Extent, Extent], bool],
) -> list[Pair]:
    if not free_a or not free_b:
        return []
    candidates = sorted(
        (-_shared(first[i], second[j]), first[i].start, second[j].start, i, j)
        for i, j in overlapping_pairs(first, second, sorted(free_a), sorted(free_b))
        if accept(first[i], second[j])
    )
    pairs = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for *_, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    return pairs


def _exact_key(span: Extent) -> tuple:
    return (span.start, span.end, span.label)


def _extent_key(span: Extent) -> tuple:
    return (span.start, span.end)


def _same_label(a: Extent, b: Extent) -> bool:
    return a.label == b.label


def _other_label(a: Extent, b: Extent) -> bool:
    return a.label != b.label


@dataclass(frozen=True)
class Pairing:
    """How the spans of two layers pair up; indices into the two sequences compared."""

    exact: list[Pair]
    boundary: list[Pair]
    relabelled: list[Pair]
    crossed: list[Pair]
    unpaired_first: list[int]
    unpaired_second: list[int]

    @property
    def same_label(self) -> list[Pair]:
        """The one-to-one overlap matching: exact pairs, then boundary pairs."""
        return self.exact + self.boundary


def pair_spans(first: Sequence[Extent], second: Sequence[Extent], *, steps: int = 4) -> Pairing:
    """Pair two layers' spans in the steps of the module documentation (the first ``steps``)."""
    if not first or not second:
        return Pairing([], [], [], [], list(range(len(first))), list(range(len(second))))
    free_a, free_b = set(range(len(first))), set(range(len(second)))
    found: list[list[Pair]] = []
    step_functions = (
        lambda: _by_key(first, second, free_a, free_b, _exact_key),
        lambda: _greedy(first, second, free_a, free_b, _same_label),
        lambda: _by_key(first, second, free_a, free_b, _extent_key),
        lambda: _greedy(first, second, free_a, free_b, _other_label),
    )
    for number, step in enumerate(step_functions):
        pairs = step() if number < steps else []
        for i, j in pairs:
            free_a.discard(i)
            free_b.discard(j)
        found.append(pairs)
    return Pairing(*found, sorted(free_a), sorted(free_b))


def exact_matches(first: Sequence[Extent], second: Sequence[Extent]) -> int:
    """How many spans pair exactly (same start, end and label), one to one."""
    counts: dict[tuple, int] = defaultdict(int)
    for span in first:
        counts[_exact_key(span)] += 1
    matched = 0
    for span in second:
        key = _exact_key(span)
        if counts[key]:
            counts[key] -= 1
            matched += 1
    return matched
