"""Label triples read as events in one step give what reading links as events gives."""

from __future__ import annotations

import random

from annotator.core.records import (
    PreparedSpan,
    fold_role_links,
    fold_unlinked,
    prepare_events,
)
from annotator.core.schema import load_preset

SCHEMA = load_preset("conflict")
LABELS = [label.id for label in SCHEMA.labels]


def test_each_event_span_becomes_the_same_event_either_way():
    rng = random.Random(3)
    for _ in range(200):
        spans = [
            PreparedSpan(
                start,
                start + rng.randint(1, 5),
                rng.choice(LABELS),
                "نص",
                rng.choice(["amal", "badr"]),
                {"note": "x"} if rng.random() < 0.3 else {},
                None,
                None,
                {"model": "m"} if rng.random() < 0.1 else None,
            )
            for start in sorted(rng.sample(range(200), rng.randint(0, 12)))
        ]
        kept, events, relations = fold_role_links(spans, [], SCHEMA)
        expected = prepare_events(events, kept, SCHEMA, "default")
        assert fold_unlinked(spans, SCHEMA) == (kept, expected)
        assert relations == []
