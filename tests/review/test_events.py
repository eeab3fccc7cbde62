"""Event agreement on random layers is what docs/review.md defines, written out pair by pair."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import Status
from annotator.core.schema import load_preset
from annotator.review.agreement import measure
from annotator.review.events import EventRules
from annotator.review.matching import pair_spans
from tests.review.layers import document, span

CONFLICT = load_preset("conflict")
TYPING = EventRules(CONFLICT).typing
TEXT = "x" * 80


def _shared(a, b) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def _roles(events, links) -> dict:
    roles: dict = {}
    for source, target, role in links:
        roles.setdefault(source.id, {}).setdefault(role, []).append(target)
    return roles


def _same_fillers(mine: dict, theirs: dict, exact: bool) -> bool:
    for role in mine.keys() | theirs.keys():
        a, b = mine.get(role, []), theirs.get(role, [])
        if len(a) != len(b):
            return False
        if exact:
            if sorted((s.start, s.end, s.label) for s in a) != sorted(
                (s.start, s.end, s.label) for s in b
            ):
                return False
        elif len(pair_spans(a, b, steps=2).same_label) != len(a):
            return False
    return True


def reference(first, second, links_a, links_b, exact: bool) -> int:
    """Agreed events: triggers matching (exactly, or by overlap), the same typing attributes,
    the same fillers; one to one, the largest shared trigger first."""
    order = lambda s: (s.start, -s.end, s.label, s.id)  # noqa: E731
    a_events = sorted((s for s in first if s.label in TYPING), key=order)
    b_events = sorted((s for s in second if s.label in TYPING), key=order)
    roles_a, roles_b = _roles(a_events, links_a), _roles(b_events, links_b)
    candidates = []
    for i, a in enumerate(a_events):
        for j, b in enumerate(b_events):
            if _shared(a, b) <= 0 or a.label != b.label:
                continue
            if exact and (a.start, a.end) != (b.start, b.end):
                continue
            if any(a.attributes.get(n) != b.attributes.get(n) for n in TYPING[a.label]):
                continue
            if _same_fillers(roles_a.get(a.id, {}), roles_b.get(b.id, {}), exact):
                candidates.append((-_shared(a, b), a.start, b.start, i, j))
    used_a, used_b = set(), set()
    for *_, i, j in sorted(candidates):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
    return len(used_a)


@st.composite
def layer(draw, name: str):
    """Events (some typed, some nested or repeated) with actors linked to some of them."""
    spans, links = [], []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.sampled_from([0, 2, 4, 20]))
        typing = draw(st.sampled_from([{}, {"event_type": "Battles"}, {"event_type": "Riots"}]))
        event = span(name, "EVENT", TEXT, start, start + draw(st.sampled_from([2, 3, 6])), **typing)
        spans.append(event)
        for _ in range(draw(st.integers(0, 2))):
            actor_start = draw(st.sampled_from([40, 44, 50]))
            actor = span(name, "ACTOR", TEXT, actor_start, actor_start + draw(st.integers(1, 6)))
            spans.append(actor)
            links.append((event, actor, draw(st.sampled_from(["actor1", "actor2"]))))
    return spans, links


@settings(max_examples=500, deadline=None)
@given(layer("A"), layer("B"))
def test_agreed_events_are_the_definitions(a, b):
    (first, links_a), (second, links_b) = a, b
    done = {"A": Status.DONE, "B": Status.DONE}
    both = document(TEXT, first + second, links_a + links_b, status=done)
    pair = measure([both], CONFLICT).pair("A", "B")
    for mode, exact in (("exact", True), ("overlap", False)):
        assert pair.events[mode].matched == reference(first, second, links_a, links_b, exact)
    assert pair.events["exact"].reference == sum(1 for s in first if s.label == "EVENT")
