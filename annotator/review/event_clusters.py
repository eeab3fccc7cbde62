"""Pairing the events exact matching left, cluster by cluster of overlapping triggers.

Two events can pair only when their triggers overlap, or when neither has one
(:func:`~annotator.review.events.pair_event_leftovers`), and each greedy step passes over a
pair only for an earlier pair sharing one of its events. So the events split into *clusters*
— triggers chained by overlaps, and the events without a trigger — that pair among
themselves exactly as they do all together. Most clusters hold one event of each layer on the
same word: that pair is the only one either event can make, and comparing the two decides
it; the steps' search runs on the other clusters alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from annotator.review.events import (
    EventForm,
    EventPairing,
    differing_in,
    fillers_agree,
    pair_event_leftovers,
)
from annotator.review.matching import Pair, Row

Cluster = tuple[list[int], list[int]]  # indices of the first layer's events, of the second's


def _clusters(first: Sequence[EventForm], second: Sequence[EventForm]) -> list[Cluster] | None:
    """The clusters, the events without a trigger first; None when a trigger is empty (it
    overlaps in one direction only: left to the steps)."""
    untriggered: Cluster = ([], [])
    triggers: dict[Row, Cluster] = {}  # two labels on one extent fall in one cluster below
    for side, forms in enumerate((first, second)):
        for index, (trigger, _, _) in enumerate(forms):
            if trigger is None:
                untriggered[side].append(index)
                continue
            cluster = triggers.get(trigger)
            if cluster is None:
                if trigger[0] >= trigger[1]:
                    return None
                cluster = triggers[trigger] = ([], [])
            cluster[side].append(index)
    clusters = [untriggered]
    reach = -1  # where the cluster being gathered ends
    for (start, end, _), events in sorted(triggers.items()):
        if start < reach:  # overlaps a trigger of the cluster
            cluster = clusters[-1]
            cluster[0].extend(events[0])
            cluster[1].extend(events[1])
            if end > reach:
                reach = end
        else:
            clusters.append(events)
            reach = end
    return clusters


def pair_by_cluster(first: Sequence[EventForm], second: Sequence[EventForm]) -> EventPairing:
    """:func:`~annotator.review.events.pair_event_leftovers`, cluster by cluster: the same
    pairs, what each differing pair disagrees on, and the same events left over (the lists in
    another order)."""
    clusters = _clusters(first, second) if first and second else None
    if clusters is None:
        return pair_event_leftovers(first, second)
    overlap: list[Pair] = []
    differing: list[Pair] = []
    kinds: list[tuple[str, ...]] = []
    unpaired_a: list[int] = []
    unpaired_b: list[int] = []
    for number, (events_a, events_b) in enumerate(clusters):
        if not events_a or not events_b:
            unpaired_a += events_a
            unpaired_b += events_b
        elif number and len(events_a) == 1 == len(events_b):  # triggers overlapping: a pair
            i, j = events_a[0], events_b[0]
            (trigger_a, kind_a, roles_a), (trigger_b, kind_b, roles_b) = first[i], second[j]
            same_kind, same_fillers = kind_a == kind_b, fillers_agree(roles_a, roles_b)
            if same_kind and same_fillers and trigger_a[2] == trigger_b[2]:
                overlap.append((i, j))
            else:
                differing.append((i, j))
                kinds.append(differing_in(same_kind, same_fillers))
        else:  # in the order of the layers, as the steps take ties
            events_a.sort()
            events_b.sort()
            rest = pair_event_leftovers([first[i] for i in events_a], [second[j] for j in events_b])
            overlap += [(events_a[i], events_b[j]) for i, j in rest.overlap]
            differing += [(events_a[i], events_b[j]) for i, j in rest.differing]
            kinds += rest.kinds
            unpaired_a += [events_a[i] for i in rest.unpaired_first]
            unpaired_b += [events_b[j] for j in rest.unpaired_second]
    return EventPairing([], overlap, differing, sorted(unpaired_a), sorted(unpaired_b), kinds)
