"""What rejecting a suggestion teaches.

A name rejected with a label, and not accepted with it since, is not suggested with that
label again, by any recommender, in any document: one rejection is enough, since an
annotator who said no once should not have to say it fifty times. Names are compared as the
dictionary compares them (normalised, proclitics before an article left out: «والجيش» is
«الجيش»). The latest word wins: the name comes back once the annotator accepts it with that
label, or marks it with that label in their own layer, after rejecting it (marks made before
the rejection do not undo it). Instead of a label rejected, the dictionary offers the name's
next label, if the layer gave it another.

Rejections are evidence too, when the recommenders are trained again: each sentence holding
a rejected suggestion, in a document the layer learned from has not annotated, is learned as
the annotator left it — the rejected words outside any name, the annotator's own spans there
with their labels, every other word outside. The CRF learns the rejected words as no name
there; the dictionary counts the name as an occurrence left unmarked, which lowers its score.
(Where the layer learned from did annotate the document, its spans say what the words are.)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from annotator.core.suggestions import LabelledDocument, LabelledSpan, Suggestion
from annotator.core.tokens import sentences, tokenize
from annotator.store.project import Project
from annotator.suggest.name_matching import name_key

Vetoes = frozenset[tuple[str, str]]  # (a name's key, a label)


def vetoed(project: Project, annotators: list[str] | None) -> Vetoes:
    """The (name, label) pairs the annotators (None: anyone) last said no to: rejected, and
    neither accepted nor marked by them since."""
    latest: dict[tuple[str, str, bool], str] = {}
    for text, label, accepted, when in project.verdicts.latest_judgements(annotators):
        key = (name_key(text), label, accepted)
        latest[key] = max(when, latest.get(key, ""))
    return frozenset(
        (name, label)
        for (name, label, accepted), when in latest.items()
        if not accepted and when > latest.get((name, label, True), "")
    )


def without_vetoed(found: Iterable[Suggestion], vetoes: Vetoes) -> list[Suggestion]:
    return [s for s in found if (name_key(s.text), s.label) not in vetoes]


def evidence(
    project: Project, annotators: list[str] | None, learned_documents: set[int]
) -> list[LabelledDocument]:
    """The sentences holding a rejected suggestion, outside the documents learned from, as
    labelled text: the annotator's spans there, every other word outside."""
    labels = set(project.schema.label_ids)
    by_document: dict[tuple[int, str], list[tuple[int, int]]] = defaultdict(list)
    for verdict in project.verdicts.rejected(annotators):
        if verdict.document_id not in learned_documents:
            by_document[verdict.document_id, verdict.annotator].append((verdict.start, verdict.end))
    found = []
    for (document_id, annotator), rejected in by_document.items():
        document = project.documents.get(document_id)
        if document is None:
            continue
        text = document.text
        spans = [s for s in project.spans.for_document(document_id, annotator) if s.label in labels]
        for sentence in sentences(text, tokenize(text)):
            first, last = sentence[0].start, sentence[-1].end
            if not any(first <= start and end <= last for start, end in rejected):
                continue
            inside = tuple(
                LabelledSpan(s.start - first, s.end - first, s.label)
                for s in spans
                if first <= s.start and s.end <= last
            )
            found.append(LabelledDocument(text[first:last], inside))
    return found


def judges(layer: str, every_layer: str) -> list[str] | None:
    """Whose verdicts count when learning from ``layer``: that annotator's, or anyone's when
    learning from every layer."""
    return None if layer == every_layer else [layer]
