"""Suggestions in the window: trained on a layer, shown for one document where that layer
holds nothing yet, accepted (as spans of the layer) or rejected by the annotator.

Every verdict is kept in the project (:mod:`annotator.store.verdicts`): a rejected
suggestion is not made again for its document, nor its name with that label anywhere until
the annotator accepts or marks it (:mod:`annotator.ops.suggest_rejections`), the learned model
trains on rejections, and each recommender's precision is what the annotator accepted of what
it proposed. A suggestion accepted with another label counts as wrong for its recommender.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from annotator.core.model import Span
from annotator.core.suggestions import Recommender, Suggestion, combined
from annotator.ops import editing, event_editing
from annotator.ops.suggest_rejections import Vetoes, evidence, vetoed, without_vetoed
from annotator.ops.suggesting import ALL, learn_from, offered, suggestions_for, trained
from annotator.store.project import Project, now


@dataclass(frozen=True)
class Model:
    """Recommenders trained on a layer, how many spans that layer held then, and how many
    suggestions the annotator had rejected."""

    layer: str
    which: str
    recommenders: list[Recommender]
    spans: int
    rejections: int = 0


@dataclass(frozen=True)
class AcceptedSuggestions:
    spans: list[Span]
    verdicts: list[int]
    events: list[int | None] = field(default_factory=list)  # the event made on an event word


@dataclass(frozen=True)
class Precision:
    recommender: str
    accepted: int
    rejected: int

    @property
    def precision(self) -> float | None:
        judged = self.accepted + self.rejected
        return self.accepted / judged if judged else None


def train(project: Project, layer: str, which: str, annotator: str) -> Model:
    """Train on ``layer`` and on the sentences where ``annotator`` rejected suggestions."""
    learned = learn_from(project, layer)
    rejected = evidence(project, [annotator], set(learned.document_ids))
    made = trained(project, learned, which, rejected)
    return Model(layer, which, made, learned.spans, project.verdicts.rejections(annotator))


__all__ = ["ALL", "offered"]


def rejections(project: Project, annotator: str) -> int:
    """How many suggestions the annotator has rejected, to tell when enough new ones call
    for retraining."""
    return project.verdicts.rejections(annotator)


def vetoes(project: Project, annotator: str) -> Vetoes:
    """The names the annotator last rejected with a label (see
    :mod:`annotator.ops.suggest_rejections`)."""
    return vetoed(project, [annotator])


def layer_spans(project: Project, layer: str | None) -> int:
    """How many spans a layer (None: every layer) holds, to tell when enough new ones call
    for retraining."""
    return project.spans.count(layer)


def suggested(model: Model, text: str, ruled_out: Vetoes = frozenset()) -> list[Suggestion]:
    """Every recommender's suggestions for a text, none ``ruled_out``; where two overlap,
    the surer stays."""
    return combined(suggestions_for(model.recommenders, text, ruled_out))


def still_open(
    project: Project,
    document_id: int,
    annotator: str,
    spans: Sequence[Span],
    found,
    ruled_out: Vetoes = frozenset(),
) -> list[Suggestion]:
    """The suggestions to show: none over a span of the layer, none already judged, no name
    ``ruled_out``."""
    judged = {
        (v.start, v.end, v.label) for v in project.verdicts.for_document(document_id, annotator)
    }
    return [
        s
        for s in without_vetoed(found, ruled_out)
        if s.key() not in judged and all(s.end <= t.start or t.end <= s.start for t in spans)
    ]


def accept(
    project: Project,
    document_id: int,
    layer: str,
    chosen: Sequence[tuple[Suggestion, str]],
    by: str,
    span_ids: Sequence[int | None] = (),
    event_ids: Sequence[int | None] = (),
) -> AcceptedSuggestions:
    """Make spans of the suggestions, each with the label chosen, in one transaction
    (``span_ids``, ``event_ids``: the ids they had before an undo). A word accepted with an
    event label gets its event, as a word marked with one in the window does."""
    ids = list(span_ids) or [None] * len(chosen)
    given = list(event_ids) or [None] * len(chosen)
    spans, verdicts, events = [], [], []
    time = now()
    with project.write():
        for (found, label), span_id, event_id in zip(chosen, ids, given, strict=True):
            span = editing.create_span(
                project, document_id, layer, label, found.start, found.end, span_id=span_id, by=by
            )
            spans.append(span)
            kind = getattr(project.schema.label(label), "kind", None)
            if kind == "event":
                event = event_editing.create_event(
                    project, document_id, layer, label, span.id, event_id=event_id, by=by
                )
                events.append(event.id)
            else:
                events.append(None)
            verdicts.append(_judge(project, document_id, by, found, label == found.label, time))
    return AcceptedSuggestions(spans, verdicts, events)


def undo_accept(project: Project, accepted: AcceptedSuggestions, by: str) -> None:
    with project.write():
        for span in accepted.spans:
            editing.delete_span(project, span.id, by)
        project.verdicts.remove(accepted.verdicts)


def reject(project: Project, document_id: int, annotator: str, found: Suggestion) -> int:
    with project.write():
        return _judge(project, document_id, annotator, found, False, now())


def undo_reject(project: Project, verdict: int) -> None:
    with project.write():
        project.verdicts.remove([verdict])


def _judge(
    project: Project, document_id: int, annotator: str, found: Suggestion, right: bool, time: str
) -> int:
    return project.verdicts.add(
        document_id,
        annotator,
        found.label,
        found.start,
        found.end,
        found.text,
        found.recommender,
        right,
        time,
    )


def precision(project: Project, annotator: str) -> list[Precision]:
    """Each recommender's share of suggestions the annotator accepted as they were."""
    tally = project.verdicts.tally(annotator)
    return [Precision(name, accepted, rejected) for name, (accepted, rejected) in tally.items()]
