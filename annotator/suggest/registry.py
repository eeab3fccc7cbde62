"""The recommenders on offer, in one place: ``annotator suggest --recommender`` and the
window's "Suggest from a layer" dialog both list what :data:`RECOMMENDERS` holds, so that a
new recommender (a transformer run on the annotator's machine, say) is one entry here.

Each entry says how to make the recommender from the project's known names (with their
labels) and whether spans stay clear of proclitics, how many spans the layer must hold
before it learns anything useful, and the words that name it to people (the window
translates them where its catalogue knows them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from annotator.core.suggestions import Recommender
from annotator.suggest.crf import CrfRecommender
from annotator.suggest.dictionary import DictionaryRecommender

ALL = "all"
ALL_TITLE = "all of them together"
MIN_SPANS = 20  # a learned model learns nothing useful from fewer

Names = Sequence[tuple[str, str]]  # (name, label)


@dataclass(frozen=True)
class RecommenderEntry:
    name: str  # what --recommender takes, and what each suggestion says made it
    title: str  # what the window's list shows
    make: Callable[[Names, bool], Recommender]  # (names, clitics outside) → untrained
    min_spans: int = 0  # 0: the project's names alone are enough to start


def _dictionary(names: Names, clitics_outside: bool) -> Recommender:
    dictionary = DictionaryRecommender(clitics_outside=clitics_outside)
    dictionary.add_names(names)
    return dictionary


def _crf(names: Names, clitics_outside: bool) -> Recommender:
    return CrfRecommender(names=names, clitics_outside=clitics_outside)


RECOMMENDERS: tuple[RecommenderEntry, ...] = (
    RecommenderEntry("dictionary", "dictionary of the layer's names", _dictionary),
    RecommenderEntry("crf", "learned model (CRF)", _crf, MIN_SPANS),
)


def choices() -> list[str]:
    """Every name ``--recommender`` takes: each recommender's, then ``all``."""
    return [entry.name for entry in RECOMMENDERS] + [ALL]


def chosen(which: str) -> list[RecommenderEntry]:
    """The entries ``which`` names (``all``: every one); empty when it names none."""
    return [entry for entry in RECOMMENDERS if which in (ALL, entry.name)]
