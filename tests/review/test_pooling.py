"""What the measure adds up per group of documents and per pair, and turns into figures at
the end, equals the figures added up the plain way: every pair of every document paired
whole (:func:`pair_spans`), its tokens labelled on their own (:func:`token_labels`)."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import Status
from annotator.core.schema import load_preset
from annotator.review.agreement import measure
from annotator.review.matching import pair_spans
from annotator.review.scores import Counts, krippendorff_alpha
from annotator.review.token_labels import token_labels
from tests.review.layers import document, span

CONFLICT = load_preset("conflict")
NAMES = ("A", "B", "C", "D")
TEXT = "قال مصدر إن وحدات من الجيش خاضت اشتباكات عنيفة في منطقة الثردات بريف دير الزور"
WORDS = [
    (m, m + len(w))
    for m, w in zip(
        [i for i, c in enumerate(TEXT) if c != " " and (i == 0 or TEXT[i - 1] == " ")],
        TEXT.split(),
        strict=True,
    )
]


@st.composite
def documents(draw):
    found = []
    for number in range(1, draw(st.integers(1, 4)) + 1):
        spans, status = [], {}
        for name in NAMES:
            if draw(st.booleans()):
                status[name] = Status.DONE
            for _ in range(draw(st.integers(0, 5))):
                first = draw(st.integers(0, len(WORDS) - 1))
                last = draw(st.integers(first, min(first + 2, len(WORDS) - 1)))
                label = draw(st.sampled_from(["ACTOR", "LOCATION", "EVENT"]))
                spans.append(span(name, label, TEXT, WORDS[first][0], WORDS[last][1]))
        found.append(document(TEXT, spans, status=status, document_id=number, name=str(number)))
    return found


def _layers(doc) -> dict:
    layers = {name: [s for s in doc.spans if s.annotator == name] for name in NAMES}
    for spans in layers.values():
        spans.sort(key=lambda s: (s.start, -s.end, s.label, s.id))
    return {n: s for n, s in layers.items() if s or doc.status.get(n) == Status.DONE}


@settings(max_examples=150, deadline=None)
@given(documents())
def test_pooled_figures_are_the_sum_of_every_document_and_pair(docs):
    result = measure(docs, CONFLICT)
    expected: dict = {}
    units = []
    for doc in docs:
        layers = _layers(doc)
        names = sorted(layers)
        if len(names) < 2:
            continue
        labelled = token_labels(TEXT, layers)
        units += [list(values) for values in zip(*labelled.labels.values(), strict=True)]
        units += [["O"] * len(names)] * labelled.outside
        for x, first in enumerate(names):
            for second in names[x + 1 :]:
                a, b = layers[first], layers[second]
                p = pair_spans(a, b)
                figures = expected.setdefault((first, second), Counter())
                figures["documents"] += 1
                figures["exact"] += len(p.exact)
                figures["overlap"] += len(p.exact) + len(p.boundary)
                figures["sizes", 0] += len(a)
                figures["sizes", 1] += len(b)
                for i, _ in p.exact:
                    figures["confusion", a[i].label, a[i].label] += 1
                    figures["exact", a[i].label] += 1
                    figures["overlap", a[i].label] += 1
                for i, _ in p.boundary:
                    figures["overlap", a[i].label] += 1
                for i, j in p.boundary + p.relabelled + p.crossed:
                    figures["confusion", a[i].label, b[j].label] += 1
                for i in p.unpaired_first:
                    figures["confusion", a[i].label, None] += 1
                for j in p.unpaired_second:
                    figures["confusion", None, b[j].label] += 1
                for s in a:
                    figures["size", s.label, 0] += 1
                for s in b:
                    figures["size", s.label, 1] += 1
                pairs = zip(labelled.labels[first], labelled.labels[second], strict=True)
                for cell in [*pairs, *[("O", "O")] * labelled.outside]:
                    figures["tokens", *cell] += 1
    assert sorted(p.annotators for p in result.pairs) == sorted(expected)
    for pair in result.pairs:
        figures = expected[pair.annotators]
        sizes = (figures["sizes", 0], figures["sizes", 1])
        assert pair.documents == figures["documents"]
        assert pair.exact == Counts(figures["exact"], *sizes)
        assert pair.overlap == Counts(figures["overlap"], *sizes)
        for label, counts in pair.by_label.items():
            label_sizes = (figures["size", label, 0], figures["size", label, 1])
            assert counts.exact == Counts(figures["exact", label], *label_sizes)
            assert counts.overlap == Counts(figures["overlap", label], *label_sizes)
        labels = {k[1] for k in figures if k[0] == "size"}
        assert set(pair.by_label) == labels
        confusion = {k[1:]: n for k, n in figures.items() if k[0] == "confusion"}
        assert dict(pair.confusion) == confusion
        tokens = {k[1:]: n for k, n in figures.items() if k[0] == "tokens"}
        assert {k: n for k, n in pair.tokens.items() if n} == tokens
    assert result.tokens == len(units)
    assert result.alpha == krippendorff_alpha(units)
