"""Review over a project: agreement figures, one document's disagreements, everyone's progress.

The window and the command line call these; the figures themselves are computed by the pure
functions of ``annotator/review/`` on documents streamed from the project.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD, AnnotatedDocument, Status
from annotator.ops.progress import Progress, counted
from annotator.review.agreement import Agreement, AgreementMeasure
from annotator.review.diff import Disagreement, disagreements
from annotator.review.event_review import (
    EventDisagreementSummary,
    event_disagreements,
    summarise,
)
from annotator.store.project import Project
from annotator.store.streams import iter_layers


def layers(project: Project) -> list[str]:
    """Annotators whose layers can be compared: everyone but gold."""
    return [name for name in project.annotators() if name != GOLD]


def _check(known: Sequence[str], annotators: Sequence[str]) -> None:
    unknown = [name for name in annotators if name not in known]
    if unknown:
        raise AnnotatorError(
            f"no annotations by {', '.join(unknown)} in this project "
            f"(annotators: {', '.join(known) or 'none yet'})"
        )
    if len(set(annotators)) < 2:
        raise AnnotatorError("agreement needs at least two annotators")


def agreement(
    project: Project,
    annotators: Sequence[str] | None = None,
    progress: Progress | None = None,
) -> Agreement:
    """Agreement between annotators (default: every layer but gold) over the whole project.

    ``progress(documents read, documents in the project)`` may raise
    :class:`~annotator.core.errors.Cancelled` to stop; agreement writes nothing.
    """
    known = project.annotators()  # reads every span's layer: once
    names = list(annotators) if annotators else [name for name in known if name != GOLD]
    _check(known, names)
    total = project.documents.count() if progress is not None else None
    measuring = AgreementMeasure(project.schema, names)
    for document in counted(iter_layers(project), total, progress):
        measuring.add_layers(*document)
    return measuring.result()


def _document(project: Project, document_id: int) -> AnnotatedDocument:
    document = project.documents.get(document_id)
    if document is None:
        raise AnnotatorError(f"document {document_id} does not exist")
    return AnnotatedDocument(
        document,
        project.spans.for_document(document_id),
        project.relations.for_document(document_id),
        project.progress.for_document(document_id),
        events=project.events.for_document(document_id),
    )


def _compared(annotated: AnnotatedDocument, annotators: Sequence[str] | None) -> list[str]:
    """The layers to compare: those given, or every layer there but gold."""
    if annotators:
        return list(annotators)
    present = {s.annotator for s in annotated.spans} | {e.annotator for e in annotated.events}
    return sorted(present - {GOLD})


def document_disagreements(
    project: Project, document_id: int, annotators: Sequence[str] | None = None
) -> list[Disagreement]:
    """Where the layers of one document disagree — spans and events — in text order (for the
    review screen). Without ``annotators``, every layer there but gold is compared."""
    annotated = _document(project, document_id)
    names = _compared(annotated, annotators)
    if len(names) < 2:
        return []
    return disagreements(annotated, names, project.schema)


def described_disagreements(
    project: Project, document_id: int, annotators: Sequence[str] | None = None
) -> list[tuple[Disagreement, EventDisagreementSummary | None]]:
    """:func:`document_disagreements`, each event disagreement with its summary (what the
    events are and what differs, with a description in words); a span disagreement has
    none. One reading of the document gives both."""
    annotated = _document(project, document_id)
    names = _compared(annotated, annotators)
    if len(names) < 2:
        return []
    found = disagreements(annotated, names, project.schema)
    named = {id(s.disagreement): s for s in summarise(found, annotated, project.schema)}
    return [(item, named.get(id(item))) for item in found]


def document_event_disagreements(
    project: Project, document_id: int, annotators: Sequence[str] | None = None
) -> list[EventDisagreementSummary]:
    """Where the layers of one document disagree on events, in text order, each with its
    kind, the event of each side and a short description (for the review screen's list of
    events). Without ``annotators``, every layer there but gold is compared."""
    annotated = _document(project, document_id)
    names = _compared(annotated, annotators)
    if len(names) < 2:
        return []
    return event_disagreements(annotated, names, project.schema)


def progress(project: Project) -> dict[str, dict[str, int]]:
    """Documents done and in progress per annotator (in progress: a status set, or spans)."""
    explicit: dict[str, dict[int, str]] = {}
    for document_id, annotator, status in project.progress.iter_all():
        explicit.setdefault(annotator, {})[document_id] = status
    counts: dict[str, dict[str, int]] = {}
    for annotator in project.annotators():
        statuses = explicit.get(annotator, {})
        tally = Counter(statuses.values())
        with_spans = project.spans.documents_with_layer(annotator)
        tally[Status.IN_PROGRESS] += sum(1 for d in with_spans if d not in statuses)
        counts[annotator] = {
            Status.DONE: tally[Status.DONE],
            Status.IN_PROGRESS: tally[Status.IN_PROGRESS],
        }
    return counts
