"""The dictionary recommender: the names the project already knows, found again.

Names come from the spans of a layer (each with the labels it was given), from canonical
entities and from a gazetteer (:meth:`DictionaryRecommender.add_names`). A name found in a
text is suggested with the label it was given most; its score is the share of that label
among the name's labels times the share of the name's occurrences in the training texts
that the layer marked (a word that is a name only now and then scores low). A (name, label)
the annotator ruled out (:meth:`DictionaryRecommender.veto`) is offered with the name's next
label instead, or not at all.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from annotator.core.suggestions import LabelledDocument, Suggestion, suggestion
from annotator.suggest.name_matching import FoundName, NameMatcher, name_key

NAME = "dictionary"
LISTED_WEIGHT = 1.0  # one vote for a label, from a gazetteer entry or a canonical entity


class DictionaryRecommender:
    name = NAME

    def __init__(self, *, clitics_outside: bool = True) -> None:
        self.clitics_outside = clitics_outside
        self.votes: dict[str, Counter[str]] = defaultdict(Counter)
        self.found: Counter[str] = Counter()  # occurrences in the training texts
        self.marked: Counter[str] = Counter()  # of which the layer marked
        self.vetoed: frozenset[tuple[str, str]] = frozenset()  # (key, label) ruled out
        self._matcher: NameMatcher | None = None

    def add_names(self, names: Iterable[tuple[str, str]]) -> None:
        """Names with their labels (a gazetteer, canonical entities), one vote each."""
        for name, label in names:
            key = name_key(name)
            if key:
                self.votes[key][label] += LISTED_WEIGHT
        self._matcher = None

    def train(self, documents: Sequence[LabelledDocument]) -> None:
        """Learn the names the documents' spans mark, and how often each is marked."""
        for document in documents:
            for span in document.spans:
                key = name_key(document.text[span.start : span.end])
                if key:
                    self.votes[key][span.label] += 1
        self._matcher = None
        matcher = self.matcher()
        for document in documents:
            marked = {(s.start, s.end) for s in document.spans}
            for match in matcher.find(document.text):
                self.found[match.key] += 1
                if (match.start, match.end) in marked:
                    self.marked[match.key] += 1

    def veto(self, pairs: Iterable[tuple[str, str]]) -> None:
        """(key, label) pairs not to suggest: the name's next label is suggested instead."""
        self.vetoed = frozenset(pairs)

    def matcher(self) -> NameMatcher:
        if self._matcher is None:
            self._matcher = NameMatcher(self.votes, clitics_outside=self.clitics_outside)
        return self._matcher

    def matches(self, text: str) -> list[tuple[FoundName, str, float]]:
        """Each name found with the label it would be suggested with, and its score."""
        found = []
        for match in self.matcher().find(text):
            labels = self.votes[match.key]
            allowed = [(n, v) for n, v in labels.most_common() if (match.key, n) not in self.vetoed]
            if not allowed:
                continue
            label, votes = allowed[0]
            share = votes / sum(labels.values())
            seen = self.found[match.key]
            marked = (self.marked[match.key] + 1) / (seen + 1) if seen else 1.0
            found.append((match, label, share * marked))
        return found

    def suggest(self, text: str) -> list[Suggestion]:
        return [
            suggestion(text, match.start, match.end, label, NAME, score)
            for match, label, score in self.matches(text)
        ]

    def __len__(self) -> int:
        return len(self.votes)
