"""The learned recommender: a CRF (CRFsuite) over the words of each sentence.

Words are the project's tokens (:func:`annotator.core.tokens.tokenize`), sentences its
sentences; a span's words are tagged B-/I- with its label. A span that starts after a
proclitic inside its first word («ب|حلب») is tagged ``B-LOC@1``: the suggestion then starts
after the word's first proclitic, so the CRF learns the layer's own clitic convention.

The dictionary's verdict on each word is a feature. Learned from the same documents it
would be right on every training word, and the CRF would trust it blindly; so while
training, each half of the documents gets its dictionary features from a dictionary of the
other half, as the CRF will meet new text.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence

import pycrfsuite

from annotator.core.suggestions import LabelledDocument, Suggestion, suggestion
from annotator.core.tokens import Token, proclitic_prefixes, sentences, tokenize
from annotator.suggest.dictionary import DictionaryRecommender
from annotator.suggest.features import sentence_features

NAME = "crf"
OUTSIDE = "O"
PARAMETERS = {"c1": 0.1, "c2": 0.02, "max_iterations": 90, "feature.possible_transitions": True}


class CrfRecommender:
    name = NAME

    def __init__(
        self, *, names: Sequence[tuple[str, str]] = (), clitics_outside: bool = True
    ) -> None:
        self.names = list(names)  # gazetteer and canonical names, for the dictionary feature
        self.clitics_outside = clitics_outside
        self.dictionary = self._dictionary([])
        self.tagger: pycrfsuite.Tagger | None = None
        self.model: bytes | None = None  # CRFsuite's model file, held in memory
        self.skipped = 0  # spans that start or end inside a word (not after a proclitic)

    def _dictionary(self, documents: Sequence[LabelledDocument]) -> DictionaryRecommender:
        dictionary = DictionaryRecommender(clitics_outside=self.clitics_outside)
        dictionary.add_names(self.names)
        dictionary.train(documents)
        return dictionary

    def train(self, documents: Sequence[LabelledDocument]) -> None:
        trainer = pycrfsuite.Trainer(verbose=False)
        trainer.set_params(PARAMETERS)
        halves = (documents[0::2], documents[1::2])
        self.skipped = 0
        for half, other in ((halves[0], halves[1]), (halves[1], halves[0])):
            dictionary = self._dictionary(other)
            for document in half:
                for tokens in _sentences(document.text):
                    tags = self._tags(document, tokens)
                    trainer.append(self._features(document.text, tokens, dictionary), tags)
        self.dictionary = self._dictionary(documents)
        handle, path = tempfile.mkstemp(suffix=".crfsuite")
        os.close(handle)
        try:
            trainer.train(path)
            with open(path, "rb") as model:
                self._open(model.read())
        finally:
            os.unlink(path)

    def _open(self, model: bytes) -> None:
        self.model = model
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open_inmemory(model)

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
        self, text: str, tokens: list[Token], dictionary: DictionaryRecommender
    ) -> list[list[str]]:
        found = [OUTSIDE] * len(tokens)
        for match, label, _ in dictionary.matches(text[tokens[0].start : tokens[-1].end]):
            begin, end = match.start + tokens[0].start, match.end + tokens[0].start
            covered = [i for i, t in enumerate(tokens) if t.start < end and begin < t.end]
            for i in covered:
                found[i] = ("B-" if i == covered[0] else "I-") + label
        return sentence_features([t.text for t in tokens], found)

    def suggest(self, text: str) -> list[Suggestion]:
        if self.tagger is None:
            return []
        found = []
        for tokens in _sentences(text):
            features = self._features(text, tokens, self.dictionary)
            tags = self.tagger.tag(features)
            marginals = [self.tagger.marginal(tag, i) for i, tag in enumerate(tags)]
            found.extend(_spans(text, tokens, tags, marginals))
        return found


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
