"""Token labels for kappa and alpha: the tokenizer's tokens, the innermost span, or O."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.tokens import tokenize
from annotator.review.token_labels import Tokens, token_labels
from tests.conftest import CORPUS, corpus_file
from tests.review.layers import at, span


def _real_texts() -> list[str]:
    seed = corpus_file("seed", "article.txt")
    texts = [seed.read_text(encoding="utf-8")]
    texts.append(corpus_file("mae", "samples", "emoji.txt").read_text(encoding="utf-8"))
    texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("ant-news/articles/*/*"))]
    for path in sorted(CORPUS.glob("idrisi-r-ar/gold-random-json/*/*.jsonl")):
        texts += [
            json.loads(line)["text"]
            for line in path.read_text(encoding="utf-8").split("\n")
            if line
        ]
    return texts


def test_counting_by_chunks_gives_the_tokenizers_tokens_on_real_text():
    """News articles with NBSP, tweets with emoji, ZWJ and bidi marks, MAE's emoji list."""
    tokens = Tokens()
    texts = [*_real_texts(), "👨\u200d👩\u200d👧 x\u200d  y 😀\u200d z"]
    assert len(texts) > 1000
    for text in texts:
        expected = [(t.start, t.end) for t in tokenize(text, split_clitics=True)]
        assert tokens.count(text) == len(expected)
        starts, ends = tokens.near(text, [(0, len(text))])
        assert list(zip(starts, ends, strict=True)) == expected


def test_tokens_take_the_innermost_span_and_clitics_are_split():
    text = "قالت قوات سوريا الديمقراطية والجيش في بدير الزور"
    forces = span("A", "ACTOR", text, *at(text, "قوات سوريا الديمقراطية"))
    syria = span("A", "LOCATION", text, *at(text, "سوريا"))
    army = span("A", "ACTOR", text, *at(text, "الجيش"))  # inside «والجيش»
    place = span("A", "LOCATION", text, *at(text, "دير الزور"))  # starts inside «بدير»
    labelled = token_labels(text, {"A": [forces, syria, army, place]})
    words = [text[s:e] for s, e in labelled.tokens]
    by_word = dict(zip(words, labelled.labels["A"], strict=True))
    assert by_word["قوات"] == "ACTOR"
    assert by_word["سوريا"] == "LOCATION"  # the shorter, inner span wins
    assert by_word["و"] == "O" and by_word["الجيش"] == "ACTOR"  # و|الجيش split
    assert by_word["بدير"] == "LOCATION"  # «بدير» is not cut: it shares characters with the span
    assert labelled.total == len(tokenize(text, split_clitics=True))


@pytest.mark.parametrize("layer", [[], None])
def test_a_layer_with_no_span_is_all_o(layer):
    text = "نص بلا أي وسم"
    labelled = token_labels(text, {"A": layer or []})
    assert labelled.tokens == [] and labelled.outside == 4


# Random texts made of what makes tokenising hard (clitics, punctuation glued to words,
# numbers, emoji joined by ZWJ, a ZWJ before white space, NBSP, bidi marks, line breaks) and
# random spans anywhere in them, whole words or not: the labels must be the definition's.
PIECES = [
    "والجيش",
    "بدير",
    "الزور",
    "قوات",
    "سوريا.",
    "«قسد»",
    "2,359",
    "٣٤",
    "👨\u200d👩\u200d👧",
    "😀\u200d",
    "x\u200d",
    "\u200fكلمة",
    "لل",
    "U.N.",
]
SEPARATORS = [" ", "  ", "\n", "\u00a0", " \n "]


@st.composite
def texts_and_layers(draw):
    words = draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12))
    text = words[0]
    for word in words[1:]:
        text += draw(st.sampled_from(SEPARATORS)) + word
    layers = {}
    for name in ("A", "B", "C")[: draw(st.integers(1, 3))]:
        layer = []
        for _ in range(draw(st.integers(0, 6))):
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start + 1, len(text)))
            layer.append(span(name, draw(st.sampled_from(["ACTOR", "EVENT"])), text, start, end))
        layers[name] = layer
    return text, layers


def _by_definition(token, spans) -> str:
    touching = [s for s in spans if s.start < token.end and token.start < s.end]
    if not touching:
        return "O"
    return min(touching, key=lambda s: (s.end - s.start, s.start, s.label)).label


@settings(max_examples=300, deadline=None)
@given(texts_and_layers())
def test_each_token_has_the_label_of_the_definition(drawn):
    text, layers = drawn
    every = tokenize(text, split_clitics=True)
    labelled = token_labels(text, layers, Tokens())
    assert labelled.total == len(every)
    near = dict(zip(labelled.tokens, range(len(labelled.tokens)), strict=True))
    assert set(near) <= {(t.start, t.end) for t in every}
    for token in every:
        k = near.get((token.start, token.end))
        for name, spans in layers.items():
            given_label = "O" if k is None else labelled.labels[name][k]
            assert given_label == _by_definition(token, spans), (token, name)
