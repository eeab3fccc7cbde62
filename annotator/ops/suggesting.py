"""Suggestions for a project's articles, learned from one of its layers.

What ``annotator suggest`` and (later) the window share: read the layer to learn from
(one annotator's, ``gold``, or ``all`` of them), train the recommenders asked for, then
suggest spans for the documents that layer has not annotated (or for all); write them as
JSONL or into a layer to review like any other (one transaction: all or nothing), or
measure them by cross-validation over the layer's documents. What the layer's annotator
rejected teaches them too (:mod:`annotator.ops.suggest_rejections`).

``--into`` writes only into a layer that holds no spans yet, or one that earlier suggestions
were written into (the project keeps their names): never into gold, the layer learned from,
or a layer that holds an annotator's own work.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD, Document
from annotator.core.suggestions import (
    LabelledDocument,
    LabelledSpan,
    Recommender,
    Suggestion,
    combined,
)
from annotator.formats.writing import atomic_file
from annotator.ops.suggest_names import Names, entity_names, gazetteer_names
from annotator.ops.suggest_rejections import (
    Vetoes,
    evidence,
    judges,
    vetoed,
    without_vetoed,
)
from annotator.store.project import Project, now
from annotator.suggest import registry
from annotator.suggest.evaluation import Evaluation, cross_validate

ALL = registry.ALL
DOCUMENTS = ("unannotated", ALL)
MIN_DOCUMENTS_TO_EVALUATE = 2
SUGGESTION_LAYERS = "suggestion layers"  # meta: the layers ``--into`` made, as JSON


class SuggestError(AnnotatorError):
    """Suggestions that cannot be made as asked: the message says why and what to do;
    ``command_line`` is what to type instead, for the command line to add."""

    def __init__(self, message: str, command_line: str = "") -> None:
        super().__init__(message)
        self.command_line = command_line


def choices() -> list[str]:
    """What ``--recommender`` takes: the registry's recommenders, and ``all``."""
    return registry.choices()


def offered() -> list[tuple[str, str]]:
    """(name, English title) of each choice, ``all`` first, as the window lists them."""
    return [(ALL, registry.ALL_TITLE)] + [(e.name, e.title) for e in registry.RECOMMENDERS]


@dataclass
class Learned:
    """What was learned from: the layer's annotated documents, as recommenders read them."""

    layer: str
    document_ids: list[int]
    documents: list[LabelledDocument]
    names: Names  # canonical entities and gazetteer entries, with labels

    @property
    def spans(self) -> int:
        return sum(len(d.spans) for d in self.documents)


@dataclass
class SuggestReport:
    documents: int = 0
    suggestions: Counter[str] = field(default_factory=Counter)  # per recommender
    written: int = 0  # into a layer (those already there are not written again)
    seconds_training: float = 0.0


def learn_from(
    project: Project, layer: str, extra_names: Sequence[tuple[str, str]] = ()
) -> Learned:
    """The spans of ``layer`` (``all``: of every layer but those suggestions were written
    into), checked against the schema."""
    layers = project.annotators()
    if layer != ALL and layer not in layers:
        known = ", ".join(layers) if layers else "none yet"
        raise SuggestError(f"the project has no layer «{layer}» (its layers: {known}; or «all»)")
    schema_labels = set(project.schema.label_ids)
    by_document: dict[int, set[tuple[int, int, str]]] = {}
    tied: dict[int, Counter[str]] = {}
    missing: Counter[str] = Counter()
    machine_made = set(suggestion_layers(project)) if layer == ALL else set()
    for span in project.spans.iter_all(None if layer == ALL else layer):
        if span.annotator in machine_made:
            continue
        if span.label not in schema_labels:
            missing[span.label] += 1
            continue
        by_document.setdefault(span.document_id, set()).add((span.start, span.end, span.label))
        if span.entity_id is not None:
            tied.setdefault(span.entity_id, Counter())[span.label] += 1
    if missing:
        listed = ", ".join(f"{label} ({count})" for label, count in missing.most_common())
        raise SuggestError(
            f"layer «{layer}» has spans whose labels the schema lacks: {listed}; add them to "
            "the schema or rename them before learning from it"
        )
    documents = []
    for document_id in sorted(by_document):
        document = project.documents.get(document_id)
        if document is None:
            continue
        spans = tuple(LabelledSpan(*key) for key in sorted(by_document[document_id]))
        documents.append(LabelledDocument(document.text, spans))
    names = entity_names(project, tied) + gazetteer_names(project) + list(extra_names)
    return Learned(layer, sorted(by_document), documents, names)


def _check_enough(learned: Learned, which: str) -> None:
    needed = max((entry.min_spans for entry in _entries(which)), default=0)
    documents = len(learned.documents)
    held = (
        f"layer «{learned.layer}» holds {learned.spans} span{'s' * (learned.spans != 1)} in "
        f"{documents} document{'s' * (documents != 1)}"
    )
    if needed == 0:
        if not (learned.spans or learned.names):
            raise SuggestError(
                f"{held}, and the project knows no names (canonical entities, a gazetteer): "
                "the dictionary has nothing to find; annotate some names first, or give it a "
                "list of names",
                "--names FILE, or annotator places --import",
            )
        return
    if learned.spans < needed:
        raise SuggestError(
            f"{held}; learning needs at least {needed}: annotate more, or suggest with the "
            "dictionary alone",
            "--recommender dictionary",
        )


def _entries(which: str) -> list[registry.RecommenderEntry]:
    entries = registry.chosen(which)
    if not entries:
        raise SuggestError(f"no recommender «{which}»; choose one of {', '.join(choices())}")
    return entries


def recommenders(learned: Learned, which: str, clitics_outside: bool) -> list[Recommender]:
    """Fresh recommenders of the kind asked for (``all``: every one), not yet trained."""
    return [entry.make(learned.names, clitics_outside) for entry in _entries(which)]


def trained(
    project: Project,
    learned: Learned,
    which: str,
    rejected: Sequence[LabelledDocument] = (),
) -> list[Recommender]:
    """Recommenders trained on the layer's documents and on ``rejected``: the sentences
    that hold rejected suggestions (:func:`annotator.ops.suggest_rejections.evidence`)."""
    _check_enough(learned, which)
    made = recommenders(learned, which, project.schema.clitics == "exclude")
    for recommender in made:
        recommender.train([*learned.documents, *rejected])
    return made


def judged(project: Project, learned: Learned, which: str) -> tuple[list[Recommender], Vetoes]:
    """Recommenders trained on the layer and on the rejections its annotator (everyone's,
    for every layer) made, and the names they must no longer suggest."""
    annotators = judges(learned.layer, ALL)
    rejected = evidence(project, annotators, set(learned.document_ids))
    made = trained(project, learned, which, rejected)
    return made, vetoed(project, annotators)


def documents_to_suggest(project: Project, learned: Learned, documents: str) -> Iterator[Document]:
    if documents not in DOCUMENTS:
        raise SuggestError(f"--documents is one of {', '.join(DOCUMENTS)}, not «{documents}»")
    annotated = set(learned.document_ids)
    for document in project.documents.iter_all():
        if documents == ALL or document.id not in annotated:
            yield document


def suggestions_for(
    made: list[Recommender], text: str, vetoes: Vetoes = frozenset()
) -> list[Suggestion]:
    """Every recommender's suggestions for one text, in text order, none that ``vetoes``
    rules out (a recommender that can offer another label instead is told them)."""
    found = []
    for recommender in made:
        veto = getattr(recommender, "veto", None)
        if veto is not None:
            veto(vetoes)
        found += recommender.suggest(text)
    found = without_vetoed(found, vetoes) if vetoes else found
    return sorted(found, key=lambda s: (s.start, s.end, s.label, s.recommender))


def suggest_to_file(
    project: Project,
    layer: str,
    out: str | Path,
    *,
    which: str = ALL,
    documents: str = "unannotated",
    extra_names: Sequence[tuple[str, str]] = (),
) -> SuggestReport:
    """Write a JSONL file: one line a document (id, name, sha256, text, suggestions)."""
    learned = learn_from(project, layer, extra_names)
    report = SuggestReport()
    began = time.perf_counter()
    made, vetoes = judged(project, learned, which)
    report.seconds_training = time.perf_counter() - began
    with atomic_file(Path(out)) as stream:
        for document in documents_to_suggest(project, learned, documents):
            found = suggestions_for(made, document.text, vetoes)
            report.documents += 1
            report.suggestions.update(s.recommender for s in found)
            line = {
                "id": document.id,
                "name": document.name,
                "sha256": document.sha256,
                "text": document.text,
                "suggestions": [_as_json(s) for s in found],
            }
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
    return report


def _as_json(found: Suggestion) -> dict:
    return {
        "label": found.label,
        "start": found.start,
        "end": found.end,
        "text": found.text,
        "recommender": found.recommender,
        "score": found.score,
    }


def suggest_into_layer(
    project: Project,
    layer: str,
    into: str,
    *,
    which: str = ALL,
    documents: str = "unannotated",
    extra_names: Sequence[tuple[str, str]] = (),
) -> SuggestReport:
    """Write the suggestions as spans of layer ``into``, in one transaction; where
    suggestions overlap, the higher score's stays; spans already there are not doubled."""
    _check_into(project, layer, into)
    learned = learn_from(project, layer, extra_names)
    report = SuggestReport()
    began = time.perf_counter()
    made, vetoes = judged(project, learned, which)
    report.seconds_training = time.perf_counter() - began
    time_now = now()
    with project.write():
        made_layers = suggestion_layers(project)
        if into not in made_layers:
            project.set_meta(SUGGESTION_LAYERS, json.dumps([*made_layers, into]))
        for document in documents_to_suggest(project, learned, documents):
            found = combined(suggestions_for(made, document.text, vetoes))
            report.documents += 1
            report.suggestions.update(s.recommender for s in found)
            there = project.spans.keys(document.id, into)
            rows = [
                (document.id, into, s.label, s.start, s.end, s.text, {}, None)
                for s in found
                if s.key() not in there
            ]
            project.spans.add_many(rows, time_now)
            report.written += len(rows)
        project.audit.record(
            time_now,
            into,
            "suggest",
            None,
            None,
            after={"learned from": layer, "recommender": which, "spans": report.written},
        )
    return report


def suggestion_layers(project: Project) -> list[str]:
    """The layers ``--into`` has written suggestions into."""
    return json.loads(project.meta(SUGGESTION_LAYERS) or "[]")


def _check_into(project: Project, layer: str, into: str) -> None:
    """Suggestions go into an empty layer or one made for them: never gold, never the layer
    learned from, never a layer that holds someone's own work."""
    if into == GOLD:
        raise SuggestError("the gold layer is written only by adjudication; choose another layer")
    instead = f"--into {layer if layer != ALL else 'suggested'}-suggested"
    made = suggestion_layers(project)
    if into == layer or (layer == ALL and into in project.annotators() and into not in made):
        raise SuggestError(
            f"suggestions go into a layer of their own, not «{into}», which they learn from",
            instead,
        )
    held = project.spans.count(into)
    if held and into not in made:
        raise SuggestError(
            f"layer «{into}» already holds {held} span{'s' * (held != 1)} of its own "
            "annotator's work; suggestions go into an empty layer, or one that earlier "
            "suggestions were written into",
            f"--into {into}-suggested",
        )


def evaluate(
    project: Project,
    layer: str,
    *,
    which: str = ALL,
    folds: int = 5,
    extra_names: Sequence[tuple[str, str]] = (),
) -> Evaluation:
    """Cross-validated scores of the recommenders, by document, and a learning curve."""
    learned = learn_from(project, layer, extra_names)
    _check_enough(learned, which)
    if len(learned.documents) < MIN_DOCUMENTS_TO_EVALUATE:
        count = len(learned.documents)
        raise SuggestError(
            f"layer «{layer}» has annotated {count} document{'s' * (count != 1)}; evaluating "
            f"needs at least {MIN_DOCUMENTS_TO_EVALUATE}, as documents are held out in turn"
        )
    clitics_outside = project.schema.clitics == "exclude"
    return cross_validate(
        learned.documents,
        lambda: recommenders(learned, which, clitics_outside),
        folds=min(folds, len(learned.documents)),
    )
