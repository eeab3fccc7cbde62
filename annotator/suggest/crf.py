"""The learned recommender: a CRF (CRFsuite) over the words of each sentence.

Words are the project's tokens (:func:`annotator.core.tokens.tokenize`), sentences its
sentences; a span's words are tagged B-/I- with its label. A span that starts after a
proclitic inside its first word («ب|حلب») is tagged ``B-LOC@1``: the suggestion then starts
after the word's first proclitic, so the CRF learns the layer's own clitic convention.

The dictionary's verdict on each word is a feature, and so are the labels of the names each
bare word was seen in (:func:`annotator.suggest.features.name_words`). Names also repeat
within an article («جاك شيراك» … «شيراك»): a first pass, two small CRFs on the words alone
each trained on half the documents, tags the whole text, and the labels it gave each bare
word anywhere in the document are features of the main pass. Learned from the same documents
all these would be right on every training word, and the CRF would trust them blindly; so
while training, each half of the documents gets them from the names and the first-pass
model of the other half, as the CRF will meet new text.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator, Sequence

import pycrfsuite

from annotator.core.suggestions import LabelledDocument, Suggestion, suggestion
from annotator.core.tokens import Token, proclitic_prefixes, sentences, tokenize
from annotator.suggest.dictionary import DictionaryRecommender
from annotator.suggest.features import NameWords, name_words, sentence_features, stem

NAME = "crf"
OUTSIDE = "O"
PARAMETERS = {"c1": 0.02, "c2": 0.02, "max_iterations": 90, "feature.possible_transitions": True}
FIRST_PASS = {**PARAMETERS, "max_iterations": 50}

Sequences = Iterator[tuple[list[list[str]], list[str]]]  # (features, tags) of each sentence


class CrfRecommender:
    name = NAME

    def __init__(
        self, *, names: Sequence[tuple[str, str]] = (), clitics_outside: bool = True
    ) -> None:
        self.names = list(names)  # gazetteer and canonical names, for the dictionary feature
        self.clitics_outside = clitics_outside
        self.dictionary = self._dictionary([])
        self.known: NameWords = name_words(self.names)
        self.tagger: pycrfsuite.Tagger | None = None
        self.model: bytes | None = None  # CRFsuite's model file, held in memory
        self.first_pass: list[bytes] = []  # the first pass's models (two, one a half)
        self._first: list[pycrfsuite.Tagger] = []
        self.skipped = 0  # spans that start or end inside a word (not after a proclitic)

    def _dictionary(self, documents: Sequence[LabelledDocument]) -> DictionaryRecommender:
        dictionary = DictionaryRecommender(clitics_outside=self.clitics_outside)
        dictionary.add_names(self.names)
        dictionary.train(documents)
        return dictionary

    def _name_words(self, documents: Sequence[LabelledDocument]) -> NameWords:
        spans = [(d.text[s.start : s.end], s.label) for d in documents for s in d.spans]
        return name_words([*self.names, *spans])

    def train(self, documents: Sequence[LabelledDocument]) -> None:
        halves = (documents[0::2], documents[1::2])
        first_pass = [_trained(self._plain(half), FIRST_PASS) for half in halves]
        first = [[_tagger(model)] if model else [] for model in first_pass]
        self.skipped = 0  # counted in the main pass
        self.dictionary = self._dictionary(documents)
        self.known = self._name_words(documents)
        main = _trained(self._main(halves, first), PARAMETERS)
        self._open(main, [model for model in first_pass if model])

    def _plain(self, documents: Sequence[LabelledDocument]) -> Sequences:
        """The first pass's sentences: the words alone, with their tags."""
        for document in documents:
            for tokens in _sentences(document.text):
                yield _words_only(tokens), self._tags(document, tokens)

    def _main(
        self,
        halves: tuple[Sequence[LabelledDocument], ...],
        first: list[list[pycrfsuite.Tagger]],
    ) -> Sequences:
        """The main pass's sentences, each half with what the other half knows."""
        for half, other, other_pass in (
            (halves[0], halves[1], first[1]),
            (halves[1], halves[0], first[0]),
        ):
            dictionary, known = self._dictionary(other), self._name_words(other)
            for document in half:
                text = document.text
                hinted = _hints(text, other_pass)
                for tokens in _sentences(text):
                    features = self._features(text, tokens, dictionary, known, hinted)
                    yield features, self._tags(document, tokens)

    def _open(self, model: bytes, first_pass: list[bytes]) -> None:
        self.model, self.first_pass = model or None, first_pass
        self.tagger = _tagger(model) if model else None
        self._first = [_tagger(m) for m in first_pass]

    def _tags(self, document: LabelledDocument, tokens: list[Token]) -> list[str]:
        tags = [OUTSIDE] * len(tokens)
        first, last = tokens[0].start, tokens[-1].end
        inside = [s for s in document.spans if first <= s.start and s.end <= last]
        for span in sorted(inside, key=lambda s: (s.start - s.end, s.start)):  # outer first
            covered = [i for i, t in enumerate(tokens) if t.start < span.end and span.start < t.end]
            if not covered or any(tags[i] != OUTSIDE for i in covered):
                continue
            head = tokens[covered[0]]
            cut = span.start - head.start
            mark = ""
            if cut > 0:
                cuts = proclitic_prefixes(head.text)
                if cut not in cuts:
                    self.skipped += 1
                    continue
                mark = f"@{cuts.index(cut) + 1}"
            tags[covered[0]] = f"B-{span.label}{mark}"
            for i in covered[1:]:
                tags[i] = f"I-{span.label}"
        return tags

    def _features(
        self,
        text: str,
        tokens: list[Token],
        dictionary: DictionaryRecommender,
        known: NameWords,
        hinted: NameWords,
    ) -> list[list[str]]:
        found = [OUTSIDE] * len(tokens)
        for match, label, _ in dictionary.matches(text[tokens[0].start : tokens[-1].end]):
            begin, end = match.start + tokens[0].start, match.end + tokens[0].start
            covered = [i for i, t in enumerate(tokens) if t.start < end and begin < t.end]
            for i in covered:
                found[i] = ("B-" if i == covered[0] else "I-") + label
        return sentence_features([t.text for t in tokens], found, known, hinted)

    def _tagged(self, text: str) -> list[tuple[list[Token], list[list[str]]]]:
        """Each sentence's tokens and its features for the main pass."""
        hinted = _hints(text, self._first)
        return [
            (tokens, self._features(text, tokens, self.dictionary, self.known, hinted))
            for tokens in _sentences(text)
        ]

    def suggest(self, text: str) -> list[Suggestion]:
        if self.tagger is None:
            return []
        found = []
        for tokens, features in self._tagged(text):
            tags = self.tagger.tag(features)
            marginals = [self.tagger.marginal(tag, i) for i, tag in enumerate(tags)]
            found.extend(_spans(text, tokens, tags, marginals))
        return found

    def uncertainty(self, text: str) -> float:
        """How unsure the model is of a text, 0 to 1: the mean, over its sentences, of one
        minus the probability it gives its most likely tagging of the sentence (the share of
        sentences it expects to get wrong somewhere). 0 for a text without words."""
        if self.tagger is None:
            return 0.0
        doubts = []
        for _tokens, features in self._tagged(text):
            self.tagger.set(features)
            doubts.append(1.0 - self.tagger.probability(self.tagger.tag()))
        return sum(doubts) / len(doubts) if doubts else 0.0

    def fingerprint(self) -> str:
        """Names the trained model: the same training gives the same model, and the same
        fingerprint."""
        return hashlib.sha256(self.model or b"").hexdigest()[:16]

    def copy(self) -> CrfRecommender:
        """The same trained model with taggers of its own, for another thread."""
        other = CrfRecommender(names=self.names, clitics_outside=self.clitics_outside)
        other.dictionary, other.known = self.dictionary, self.known
        self.dictionary.matcher()  # built once, here, not by two threads at once
        if self.model is not None:
            other._open(self.model, self.first_pass)
        return other


def _trained(sequences: Sequences, parameters: dict) -> bytes:
    """A CRF trained on the sequences, as CRFsuite's model file (empty when there were
    none). The sequences go to CRFsuite one by one: their features are never all held in
    Python at once."""
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(parameters)
    count = 0
    for features, tags in sequences:
        trainer.append(features, tags)
        count += 1
    if not count:
        return b""
    handle, path = tempfile.mkstemp(suffix=".crfsuite")
    os.close(handle)
    try:
        trainer.train(path)
        with open(path, "rb") as model:
            return model.read()
    finally:
        os.unlink(path)


def _tagger(model: bytes) -> pycrfsuite.Tagger:
    """A tagger over a model held in memory (the bytes must live as long as it does)."""
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(model)
    return tagger


def _words_only(tokens: list[Token]) -> list[list[str]]:
    return sentence_features([t.text for t in tokens], [OUTSIDE] * len(tokens))


def _hints(text: str, taggers: Sequence[pycrfsuite.Tagger]) -> NameWords:
    """Each bare word of the text with the labels the first pass gave it anywhere there."""
    found: dict[str, set[str]] = {}
    for tokens in _sentences(text):
        features = _words_only(tokens)
        for tagger in taggers:
            for token, tag in zip(tokens, tagger.tag(features), strict=True):
                if tag != OUTSIDE:
                    label = tag.partition("-")[2].partition("@")[0]
                    found.setdefault(stem(token.text), set()).add(label)
    return {key: frozenset(labels) for key, labels in found.items()}


def _sentences(text: str) -> list[list[Token]]:
    return sentences(text, tokenize(text))


def _spans(
    text: str, tokens: list[Token], tags: list[str], marginals: list[float]
) -> list[Suggestion]:
    """The suggestions a sentence's tags make; an I- after another label starts a span."""
    spans = []
    current: tuple[int, int, str, list[float]] | None = None  # start, end, label, marginals

    def close() -> None:
        if current is not None:
            start, end, label, scores = current
            spans.append(suggestion(text, start, end, label, NAME, sum(scores) / len(scores)))

    for token, tag, marginal in zip(tokens, tags, marginals, strict=True):
        if tag == OUTSIDE:
            close()
            current = None
            continue
        kind, _, rest = tag.partition("-")
        label, _, mark = rest.partition("@")
        if kind == "I" and current is not None and current[2] == label:
            current = (current[0], token.end, label, [*current[3], marginal])
            continue
        close()
        start = token.start
        if mark:
            cuts = proclitic_prefixes(token.text)
            start += cuts[min(int(mark), len(cuts)) - 1] if cuts else 0
        current = (start, token.end, label, [marginal])
    close()
    return spans
