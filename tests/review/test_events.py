"""Agreement on events as whole records, on random layers: what the measure counts is what
docs/review.md defines, written out pair by pair."""

from __future__ import annotations

from itertools import permutations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import Status
from annotator.core.schema import load_preset
from annotator.review.agreement import measure
from annotator.review.events import EventRules, event_rows, pair_events, role_agrees
from tests.review.layers import document, event, span

CONFLICT = load_preset("conflict")
TYPING = ("event_type", "sub_event_type")
TEXT = "x" * 80


def _row(s) -> tuple[int, int, str]:
    return (s.start, s.end, s.label)


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _form(e, spans):
    trigger = _row(spans[e.trigger]) if e.trigger is not None else None
    kind = (e.label, *(e.attributes.get(n) for n in TYPING))
    roles = {(a.role, _row(spans[a.span])) for a in e.arguments}
    return trigger, kind, roles


def _role_agrees(mine: list, theirs: list) -> bool:
    """Some one-to-one pairing of the fillers has every pair of one label and overlapping."""
    if len(mine) != len(theirs):
        return False
    return any(
        all(x[2] == y[2] and _overlap(x, y) for x, y in zip(mine, order, strict=True))
        for order in permutations(theirs)
    )


def _agree_by_overlap(a, b) -> bool:
    (ta, ka, ra), (tb, kb, rb) = a, b
    if ka != kb or (ta is None) != (tb is None):
        return False
    if ta is not None and (ta[2] != tb[2] or not _overlap(ta, tb)):
        return False
    roles = {role for role, _ in ra | rb}
    return all(
        _role_agrees(
            sorted(row for r, row in ra if r == role), sorted(row for r, row in rb if r == role)
        )
        for role in roles
    )


def reference(first: list, second: list) -> tuple[int, int]:
    """(exact, overlap) agreed events: equal forms pair first, each event of the second layer
    taking the first free equal one; then the rest greedily, the pair whose triggers share
    most characters first, then by the triggers' starts, then in order."""
    free_a, free_b = list(range(len(first))), list(range(len(second)))
    exact = 0
    for j in range(len(second)):
        i = next((i for i in free_a if first[i] == second[j]), None)
        if i is not None:
            free_a.remove(i)
            free_b.remove(j)
            exact += 1
    candidates = []
    for x, i in enumerate(free_a):
        for y, j in enumerate(free_b):
            if _agree_by_overlap(first[i], second[j]):
                ta, tb = first[i][0], second[j][0]
                order = (0, -1, -1)
                if ta is not None:
                    order = (max(ta[0], tb[0]) - min(ta[1], tb[1]), ta[0], tb[0])
                candidates.append((*order, x, y))
    used_a, used_b = set(), set()
    for *_, x, y in sorted(candidates):
        if x not in used_a and y not in used_b:
            used_a.add(x)
            used_b.add(y)
    return exact, exact + len(used_a)


@st.composite
def layer(draw, name: str):
    """A layer's spans and events: events on a few triggers (several on one, some on none),
    of a few types, with actors (nested now and then) and places as their arguments."""

    def spans_of(label: str, starts: list[int]) -> list:
        places = draw(st.lists(st.sampled_from(starts), max_size=3, unique=True))
        return [span(name, label, TEXT, s, s + draw(st.integers(1, 6))) for s in places]

    triggers = spans_of("EVENT", [0, 1, 2, 4, 20])
    actors = spans_of("ACTOR", [40, 41, 44, 45])
    places = spans_of("LOCATION", [60, 62, 70])
    events = []
    for _ in range(draw(st.integers(0, 6))):
        trigger = draw(st.sampled_from([None, *triggers]))
        typing = draw(st.sampled_from([{}, {"event_type": "Battles"}, {"event_type": "Riots"}]))
        arguments = []
        if actors and draw(st.booleans()):
            for actor in draw(st.lists(st.sampled_from(actors), max_size=3, unique_by=id)):
                arguments.append((draw(st.sampled_from(["actor1", "actor2"])), actor))
        if places and draw(st.booleans()):
            arguments.append(("location", draw(st.sampled_from(places))))
        events.append(event(name, "EVENT", trigger, arguments, **typing))
    return triggers + actors + places, events


@settings(max_examples=1000, deadline=None)
@given(layer("A"), layer("B"))
def test_agreed_events_are_the_definitions(a, b):
    (spans_a, events_a), (spans_b, events_b) = a, b
    done = {"A": Status.DONE, "B": Status.DONE}
    both = document(TEXT, spans_a + spans_b, status=done, events=events_a + events_b)
    pair = measure([both], CONFLICT).pair("A", "B")
    by_id = {s.id: s for s in spans_a + spans_b}
    forms_a = [_form(e, by_id) for e in events_a]
    forms_b = [_form(e, by_id) for e in events_b]
    exact, overlap = reference(forms_a, forms_b)
    assert pair.events["exact"].matched == exact
    assert pair.events["overlap"].matched == overlap
    assert (pair.events["exact"].reference, pair.events["exact"].candidate) == (
        len(events_a),
        len(events_b),
    )


@settings(max_examples=300, deadline=None)
@given(layer("A"), layer("B"))
def test_events_pair_one_to_one_and_each_is_paired_or_left_over(a, b):
    (spans_a, events_a), (spans_b, events_b) = a, b
    rules = EventRules(CONFLICT)
    rows = {s.id: _row(s) for s in spans_a + spans_b}
    forms_a = rules.forms(event_rows(events_a), rows)
    forms_b = rules.forms(event_rows(events_b), rows)
    pairing = pair_events(forms_a, forms_b)
    pairs = pairing.exact + pairing.overlap + pairing.differing
    firsts = [i for i, _ in pairs] + pairing.unpaired_first
    seconds = [j for _, j in pairs] + pairing.unpaired_second
    assert sorted(firsts) == list(range(len(events_a)))
    assert sorted(seconds) == list(range(len(events_b)))
    for i, j in pairing.exact:
        assert forms_a[i] == forms_b[j]
    for i, j in pairing.differing:  # the same event: triggers overlapping, or neither has one
        ta, tb = forms_a[i].trigger, forms_b[j].trigger
        assert (ta is None and tb is None) or (ta and tb and _overlap(ta, tb))
    # an event left over has no partner it agrees with among the events left over
    by_id = {s.id: s for s in spans_a + spans_b}
    for i in pairing.unpaired_first:
        for j in pairing.unpaired_second:
            assert not _agree_by_overlap(_form(events_a[i], by_id), _form(events_b[j], by_id))


@settings(max_examples=200, deadline=None)
@given(layer("A"))
def test_a_layer_agrees_with_itself_whatever_its_order(a):
    spans, events = a
    copied = [span("B", s.label, TEXT, s.start, s.end) for s in spans]
    ids = {s.id: c for s, c in zip(spans, copied, strict=True)}
    copy = [
        event(
            "B",
            e.label,
            ids[e.trigger] if e.trigger is not None else None,
            [(arg.role, ids[arg.span]) for arg in reversed(e.arguments)],
            **e.attributes,
        )
        for e in reversed(events)
    ]
    done = {"A": Status.DONE, "B": Status.DONE}
    pair = measure(
        [document(TEXT, spans + copied, status=done, events=events + copy)], CONFLICT
    ).pair("A", "B")
    assert pair.events["exact"].matched == pair.events["overlap"].matched == len(events)
    assert sum(pair.event_disagreements.values()) == 0


rows = st.lists(
    st.builds(
        lambda start, length, label: (start, start + length, label),
        st.integers(0, 10),
        st.integers(1, 5),
        st.sampled_from(["ACTOR", "LOCATION"]),
    ),
    max_size=4,
    unique=True,
)


@settings(max_examples=1000, deadline=None)
@given(rows, rows)
def test_a_roles_fillers_agree_when_some_one_to_one_pairing_fits(mine, theirs):
    assert role_agrees(sorted(mine), sorted(theirs)) == _role_agrees(mine, theirs)


@st.composite
def triggered(draw, name: str):
    """Events that differ only in their triggers, which overlap a lot (and several events on
    one trigger)."""
    triggers = [
        span(name, "EVENT", TEXT, s, s + draw(st.integers(1, 6)))
        for s in draw(st.lists(st.integers(0, 8), max_size=4, unique=True))
    ]
    if not triggers:
        return [], []
    events = [
        event(name, "EVENT", draw(st.sampled_from(triggers)))
        for _ in range(draw(st.integers(0, 5)))
    ]
    return triggers, events


@settings(max_examples=1000, deadline=None)
@given(triggered("A"), triggered("B"))
def test_events_on_overlapping_triggers_pair_the_largest_shared_first(a, b):
    (spans_a, events_a), (spans_b, events_b) = a, b
    done = {"A": Status.DONE, "B": Status.DONE}
    both = document(TEXT, spans_a + spans_b, status=done, events=events_a + events_b)
    pair = measure([both], CONFLICT).pair("A", "B")
    by_id = {s.id: s for s in spans_a + spans_b}
    expected = reference([_form(e, by_id) for e in events_a], [_form(e, by_id) for e in events_b])
    assert (pair.events["exact"].matched, pair.events["overlap"].matched) == expected
