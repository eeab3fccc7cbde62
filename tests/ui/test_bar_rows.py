"""The rows of the nesting bars under the text, for any set of spans: a span's bar is below
the bars of every span it encloses and apart from those of spans it crosses."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import Span
from annotator.ui.span_bars import rows


@st.composite
def span_sets(draw) -> list[Span]:
    extents = draw(st.lists(st.tuples(st.integers(0, 80), st.integers(1, 30)), max_size=40))
    return [Span(n, 1, "a", "X", start, start + length, "") for n, (start, length) in
            enumerate(extents, 1)]  # fmt: skip


def encloses(outer: Span, inner: Span) -> bool:
    """``outer`` holds ``inner``: longer, or of the same extent and made later."""
    inside = outer.start <= inner.start and inner.end <= outer.end
    shorter = inner.end - inner.start < outer.end - outer.start
    return inside and (shorter or inner.id < outer.id)


def overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


@settings(max_examples=400, deadline=None)
@given(span_sets())
def test_each_bar_is_below_what_it_encloses_and_apart_from_what_it_crosses(spans):
    placed = rows(spans)
    assert placed.keys() == {s.id for s in spans}
    for a in spans:
        for b in spans:
            if a is b or not overlap(a, b):
                continue
            if encloses(a, b):
                assert placed[a.id] > placed[b.id], (a, b)
            elif not encloses(b, a):  # they cross
                assert placed[a.id] != placed[b.id], (a, b)
        # no deeper than the spans it meets make it
        assert placed[a.id] <= sum(overlap(a, b) for b in spans if b is not a)


def test_words_side_by_side_share_the_first_row_and_a_span_over_them_all_goes_below():
    words = [Span(n, 1, "a", "X", 6 * n, 6 * n + 5, "") for n in range(1, 5001)]
    whole = Span(9999, 1, "a", "X", 0, 6 * 5001, "")
    placed = rows([*words, whole])
    assert {placed[w.id] for w in words} == {0}
    assert placed[whole.id] == 1
