"""Pairing the spans of two layers of one document, each span used at most once.

Every comparison (disagreements, span F1, the confusion matrix, events, adjudication) pairs
spans the same way, in steps; each step only sees the spans earlier steps left unpaired:

1. *exact*: same start, end and label (duplicates pair in text order);
2. *boundary*: same label, overlapping characters, different extent;
3. *relabelled*: same start and end, different label;
4. *crossed*: overlapping characters, different label and extent.

Steps 2 and 4 are greedy: candidate pairs are taken largest shared character count first,
then earliest start, each span at most once. Exact pairs are found through a dict (agreement:
a set intersection), and only the spans they leave are looked at for overlapping candidates,
once for both greedy steps: swept in order of start, or, when only a few are left (as
usual), compared two by two. A document costs O(n log n) plus the number of overlapping pairs.

The work is done on ``(start, end, label)`` rows, which is all pairing looks at; agreement
passes its rows straight to :func:`pair_leftovers`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple, Protocol


class Extent(Protocol):
    """Anything with an extent and a label: a Span, or a span from a file."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def label(self) -> str: ...


Pair = tuple[int, int]  # (index in the first layer, index in the second)
Row = tuple[int, int, str]  # (start, end, label) of a span
# a span as agreement reads it: (start, end, label, id, attributes or None)
SpanRow = tuple[int, int, str, int, Mapping[str, Any] | None]
Bounds = Sequence[tuple[Any, ...]]  # items that begin with (start, end)


def rows_of(spans: Sequence[Extent]) -> list[Row]:
    return [(span.start, span.end, span.label) for span in spans]


def sweep(first: Bounds, second: Bounds) -> list[Pair]:
    """Index pairs of items (start, end, …) that share at least one character.

    Items are visited by start; each keeps a list of the other side's items still open, so
    the cost is a sort plus the pairs found. The pairs come in the order the sweep meets them.
    """
    events = sorted(
        [(item[0], 0, i) for i, item in enumerate(first)]
        + [(item[0], 1, j) for j, item in enumerate(second)]
    )
    open_first: list[int] = []
    open_second: list[int] = []
    pairs: list[Pair] = []
    for start, side, index in events:
        if side == 0:
            if open_second:
                # what ended at or before this start can overlap nothing from here on
                open_second[:] = [j for j in open_second if second[j][1] > start]
                pairs += [(index, j) for j in open_second]
            open_first.append(index)
        else:
            if open_first:
                open_first[:] = [i for i in open_first if first[i][1] > start]
                pairs += [(i, index) for i in open_first]
            open_second.append(index)
    return pairs


_FEW = 144  # comparisons up to which comparing every pair is cheaper than sorting to sweep


def overlapping(first: Bounds, second: Bounds) -> list[Pair]:
    """The pairs :func:`sweep` finds, in no particular order.

    Few items (what exact matching leaves of two layers, usually) are simply compared two by
    two, with the sweep's own test: the one met first (earlier start; at the same start, the
    first side's) must end after the other starts.
    """
    if len(first) * len(second) > _FEW:
        return sweep(first, second)
    return [
        (i, j)
        for i, a in enumerate(first)
        for j, b in enumerate(second)
        if a[0] <= b[0] < a[1] or b[0] < a[0] < b[1]
    ]


def overlapping_pairs(first: Sequence[Extent], second: Sequence[Extent]) -> list[Pair]:
    """Index pairs of spans that share at least one character (a sweep over starts)."""
    return sweep(rows_of(first), rows_of(second))


class Pairing(NamedTuple):
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


# a pair of overlapping spans as the greedy steps take them: (−shared characters, first's
# start, second's start, i, j), then whether the labels are the same (never compared: i and
# j already tell every candidate apart)
Candidate = tuple[int, int, int, int, int, bool]


def _candidates(first: Sequence[Row], second: Sequence[Row]) -> list[Candidate]:
    """The overlapping pairs, in the order the greedy steps take them."""
    if len(first) * len(second) > _FEW:
        found = []
        for i, j in sweep(first, second):
            a_start, a_end, a_label = first[i]
            b_start, b_end, b_label = second[j]
            shared = min(a_end, b_end) - max(a_start, b_start)
            found.append((-shared, a_start, b_start, i, j, a_label == b_label))
    else:  # as in :func:`overlapping`
        found = [
            (max(a_start, b_start) - min(a_end, b_end), a_start, b_start, i, j, a_label == b_label)
            for i, (a_start, a_end, a_label) in enumerate(first)
            for j, (b_start, b_end, b_label) in enumerate(second)
            if a_start <= b_start < a_end or b_start < a_start < b_end
        ]
    found.sort()
    return found


def _greedy(
    candidates: list[Candidate], same: bool, free_a: list[bool], free_b: list[bool]
) -> list[Pair]:
    """The candidates with the same labels (or different ones), taken while both are free."""
    pairs = []
    for _, _, _, i, j, alike in candidates:
        if alike is same and free_a[i] and free_b[j]:
            free_a[i] = free_b[j] = False
            pairs.append((i, j))
    return pairs


def _same_extent(
    first: Sequence[Row], second: Sequence[Row], free_a: list[bool], free_b: list[bool]
) -> list[Pair]:
    """Step 3: each free span of the second layer, in order, takes the first free one of the
    first layer with the same start and end."""
    left_b = [j for j, free in enumerate(free_b) if free]
    if not left_b:
        return []
    waiting: dict[tuple[int, int], list[int]] = {}
    for i in range(len(first) - 1, -1, -1):
        if free_a[i]:
            waiting.setdefault(first[i][:2], []).append(i)
    pairs = []
    if waiting:
        for j in left_b:
            candidates = waiting.get(second[j][:2])
            if candidates:
                i = candidates.pop()
                free_a[i] = free_b[j] = False
                pairs.append((i, j))
    return pairs


def pair_leftovers(first: Sequence[Row], second: Sequence[Row], steps: int = 4) -> Pairing:
    """Steps 2 to ``steps`` on rows that pair in no exact step (no row is in both layers).

    Returns a Pairing whose ``exact`` is empty; indices are into ``first`` and ``second``.
    """
    free_a, free_b = [True] * len(first), [True] * len(second)
    boundary: list[Pair] = []
    relabelled: list[Pair] = []
    crossed: list[Pair] = []
    if first and second and steps >= 2:
        candidates = _candidates(first, second)
        boundary = _greedy(candidates, True, free_a, free_b)
        if steps >= 3:
            relabelled = _same_extent(first, second, free_a, free_b)
        if steps >= 4:
            crossed = _greedy(candidates, False, free_a, free_b)
    return Pairing(
        [],
        boundary,
        relabelled,
        crossed,
        [i for i, free in enumerate(free_a) if free],
        [j for j, free in enumerate(free_b) if free],
    )


def pair_rows(first: Sequence[Row], second: Sequence[Row], *, steps: int = 4) -> Pairing:
    """Pair two layers' rows in the steps of the module documentation (the first ``steps``)."""
    exact: list[Pair] = []
    if first and second:
        # each span of the second layer, in order, takes the first unpaired identical one
        waiting: dict[Row, list[int]] = {}
        for i in range(len(first) - 1, -1, -1):
            waiting.setdefault(first[i], []).append(i)
        for j, row in enumerate(second):
            candidates = waiting.get(row)
            if candidates:
                exact.append((candidates.pop(), j))
    taken_a = {i for i, _ in exact}
    taken_b = {j for _, j in exact}
    left_a = [i for i in range(len(first)) if i not in taken_a]
    left_b = [j for j in range(len(second)) if j not in taken_b]
    rest = pair_leftovers([first[i] for i in left_a], [second[j] for j in left_b], steps)
    return Pairing(
        exact,
        *(
            [(left_a[i], left_b[j]) for i, j in pairs]
            for pairs in (rest.boundary, rest.relabelled, rest.crossed)
        ),
        [left_a[i] for i in rest.unpaired_first],
        [left_b[j] for j in rest.unpaired_second],
    )


def pair_spans(first: Sequence[Extent], second: Sequence[Extent], *, steps: int = 4) -> Pairing:
    """Pair two layers' spans in the steps of the module documentation (the first ``steps``)."""
    return pair_rows(rows_of(first), rows_of(second), steps=steps)
