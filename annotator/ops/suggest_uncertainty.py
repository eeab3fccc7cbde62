"""The documents the learned model is least sure of, first: what to annotate next so that it
learns most (active learning).

A document's uncertainty is the mean, over its sentences, of one minus the probability the
CRF gives its most likely tagging (:meth:`annotator.suggest.crf.CrfRecommender.uncertainty`).
Only documents the annotator has not annotated are listed (no span in their layer, no status
but new). Scores are measured a page of documents at a time, in the background, and kept in
a cache beside the project (:mod:`annotator.store.uncertainty`) under the model's
fingerprint: the corpus is never held in memory, and a model trained again measures anew.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from annotator.core.suggestions import Recommender
from annotator.ops.progress import Progress
from annotator.store.project import Project
from annotator.store.uncertainty import UncertaintyScores

PAGE = 200  # documents measured, then saved, at a time


class Uncertain(Protocol):
    """A recommender that can say how unsure it is of a text."""

    def uncertainty(self, text: str) -> float: ...

    def fingerprint(self) -> str: ...

    def copy(self) -> Uncertain: ...


def scorer(recommenders: Sequence[Recommender]) -> Uncertain | None:
    """The first recommender that can measure uncertainty (the learned model), if any."""
    for recommender in recommenders:
        if callable(getattr(recommender, "uncertainty", None)):
            return recommender  # type: ignore[return-value]
    return None


def measure(
    project: Project, model: Uncertain, annotator: str, progress: Progress | None = None
) -> int:
    """Measure every document the annotator has not annotated and ``model`` has not measured,
    a page at a time (each page saved before the next: a cancelled run keeps them); returns
    how many were measured. ``model`` is used in this thread only: pass a copy."""
    key = model.fingerprint()
    done = last = 0
    with UncertaintyScores(project) as scores:
        total = scores.unmeasured_count(key, annotator)
        if progress is not None:
            progress(0, total)
        while page := scores.unmeasured(key, annotator, PAGE, after=last):
            scores.save(key, [(i, sha256, model.uncertainty(text)) for i, sha256, text in page])
            done += len(page)
            last = page[-1][0]
            if progress is not None:
                progress(done, max(total, done))
    return done


def order(project: Project, model: str, annotator: str) -> list[int]:
    """Ids of the documents the annotator has not annotated, most uncertain first under the
    model of fingerprint ``model``; those not measured yet last, in import order."""
    with UncertaintyScores(project) as scores:
        return scores.order(model, annotator)


def rows(project: Project, model: str, ids: Sequence[int]) -> dict[int, tuple[str, float | None]]:
    """Name and uncertainty (None: not measured yet) of each of the documents."""
    with UncertaintyScores(project) as scores:
        return scores.rows(model, ids)
