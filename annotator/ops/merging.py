"""Bringing a colleague's work into this project: their layers join ours.

The source is a colleague's project (its folder or its ``project.sqlite``) or one of our
exports (``.json``, ``.jsonl``; in an annotator/1 file each span of an event label is read as
one event, its links its arguments). Documents match by the SHA-256 of their text, labels by
id. For each matched document, each layer the source has there (spans, events or a status)
*replaces* that layer here: spans are added, changed (same extent and label, other
attributes; the span keeps its id, so threads and gold provenance still point at it) or
removed, and so are events (same type, trigger and arguments in order: kept under their id,
their attributes brought up to date; see :mod:`annotator.ops.merge_events`); the report
counts each. Merging the same colleague again therefore updates their layer instead of
duplicating it.

A layer is never overwritten without saying so. Each merge records a fingerprint of what it
left in each layer of each document (:mod:`annotator.ops.merge_layer`: spans, links, events
and status); if the layer here no longer matches it (someone edited it here since), or the
layer exists here but never came by merge (the same annotator name annotated in both places),
the merge refuses, naming the layer and documents, unless that annotator is given in
``overwrite``. The gold layer is never merged. Whatever the project cannot take — documents it
does not have (unless ``add_documents``), labels its schema lacks, links whose spans are
missing, events its schema's rules refuse — is counted in the report, and with ``strict`` the
merge refuses instead. Everything happens in one transaction: a failed merge leaves the
project exactly as it was.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD, Span, Status
from annotator.core.records import PreparedSpan, in_making_order
from annotator.core.text import sha256_text
from annotator.ops.discussing import add_threads
from annotator.ops.importing import default_annotator
from annotator.ops.merge_events import checked_events, replace_events
from annotator.ops.merge_layer import Here, Layer
from annotator.ops.merge_report import LayerReport, MergeReport
from annotator.ops.merge_sources import Incoming, is_project, read_file, read_project
from annotator.ops.progress import Progress, counted
from annotator.store.damage import refusing_damage
from annotator.store.findings import DamagedValue
from annotator.store.project import Project, database_path, now

DOING = "merge into it"
READING = "merge from it"


class MergeConflict(AnnotatorError):
    """The source would overwrite work done here."""


class Merger:
    """Writes incoming documents into a project (inside the caller's transaction)."""

    def __init__(
        self,
        project: Project,
        report: MergeReport,
        *,
        add_documents: bool,
        overwrite: Sequence[str],
        annotators: Sequence[str] | None,
        by: str,
        gold: bool = False,
    ) -> None:
        self.project = project
        self.gold = gold  # whether the gold layer comes too (from a hub, never from a merge)
        self.report = report
        self.add_documents = add_documents
        self.overwrite = set(overwrite)
        self.annotators = set(annotators) if annotators else None
        self.by = by
        self.time = now()
        self.kinds = {label.id: label.kind for label in project.schema.labels}
        self.entity_names = project.entities.names()
        self.conflicts: dict[str, list[str]] = defaultdict(list)

    def _wanted(self, annotator: str) -> bool:
        """Whether the layer is asked for (the callers leave gold out first)."""
        if self.annotators is not None and annotator not in self.annotators:
            self.report.layers_left_out.add(annotator)
            return False
        return True

    def _layers(self, incoming: Incoming, document: str) -> dict[str, Layer]:
        record = incoming.record
        layers: dict[str, Layer] = defaultdict(Layer)
        owner: dict[str, str] = {}
        for span in record.spans:
            if span.annotator == GOLD and not self.gold:
                self.report.gold_left_out += 1
            elif self._wanted(span.annotator):
                layers[span.annotator].spans.append(span)
                if span.key is not None:
                    owner[span.key] = span.annotator
        for relation in record.relations:
            name = owner.get(relation.source)
            if name is not None and owner.get(relation.target) == name:
                layers[name].relations.append(relation)  # others: of a layer left out
        by_layer = defaultdict(list)
        for event in in_making_order(record.events):
            if event.annotator == GOLD and not self.gold:
                self.report.gold_events_left_out += 1
            elif self._wanted(event.annotator):
                by_layer[event.annotator].append(event)
        for name, events in by_layer.items():
            spans = {s.key: s for s in layers[name].spans if s.key is not None}
            layers[name].events = checked_events(
                events, spans, self.project.schema, self.report, document
            )
        for name, status in record.status.items():
            if (name != GOLD or self.gold) and self._wanted(name):
                layers[name].status = status
        return dict(layers)

    def merge(self, incoming: Incoming) -> None:
        record = incoming.record
        project = self.project
        document_id = project.documents.id_for_sha256(record.sha256)
        if document_id is None:
            if not self.add_documents:
                self.report.documents_missing.append(record.name)
                return
            document_id = project.documents.add(
                record.name, record.text, record.sha256, record.meta, self.time
            )
            self.report.documents_added += 1
        else:
            self.report.documents_matched += 1
        name = project.documents.name(document_id) or record.name
        span_ids: dict[str, int] = {}
        for annotator, layer in sorted(self._layers(incoming, name).items()):
            span_ids.update(self._merge_layer(document_id, name, annotator, layer))
        if incoming.threads:
            spans = {span_id: project.spans.get(span_id) for span_id in span_ids.values()}
            added = add_threads(project, document_id, incoming.threads, span_ids, spans)
            self.report.threads_added += added[0]
            self.report.comments_added += added[1]

    def _here(self, document_id: int, annotator: str) -> Here:
        project = self.project
        return Here(
            project.spans.for_document(document_id, annotator),
            project.relations.for_document(document_id, annotator),
            project.events.for_document(document_id, annotator),
            project.progress.get(document_id, annotator),
        )

    def _edited_here(self, document_id: int, annotator: str, here: Here, fingerprint: str) -> bool:
        """Whether the layer here is not what the last merge left in it (or never came by
        merge). A merge recorded before events were records is compared as it was made."""
        if not here.exists:
            return False
        merged = self.project.merged_layers.fingerprint(document_id, annotator)
        if merged is None:
            return True
        if merged == fingerprint:
            return False
        return merged != here.as_layer(self.entity_names).fingerprint_before_events()

    def _merge_layer(
        self, document_id: int, document_name: str, annotator: str, layer: Layer
    ) -> dict[str, int]:
        """Replace one layer of one document with the source's; returns source key → our id."""
        here = self._here(document_id, annotator)
        ours = here.as_layer(self.entity_names).fingerprint()
        theirs = layer.fingerprint()
        report = self.report.layers.setdefault(annotator, LayerReport())
        merges = self.project.merged_layers
        if ours == theirs:
            report.unchanged += 1
            merges.record(document_id, annotator, theirs, self.report.source, self.time)
            return _keys_to_ids(layer.spans, here.spans)
        if self._edited_here(document_id, annotator, here, ours):
            if annotator not in self.overwrite:
                self.conflicts[annotator].append(document_name)
                return {}
            report.overwritten.append(document_name)
        ids = self._replace(document_id, annotator, layer, here, report)
        report.documents += 1
        merges.record(document_id, annotator, theirs, self.report.source, self.time)
        self.project.audit.record(
            self.time,
            self.by,
            "merge",
            document_id,
            None,
            after={"source": self.report.source, "layer": annotator},
        )
        return ids

    def _entity(self, span: PreparedSpan) -> int | None:
        if not span.entity:
            return None
        entity_id = self.project.entities.ensure(self.kinds[span.label], span.entity)
        self.entity_names[entity_id] = span.entity
        return entity_id

    def _replace(
        self,
        document_id: int,
        annotator: str,
        layer: Layer,
        here: Here,
        report: LayerReport,
    ) -> dict[str, int]:
        project = self.project
        waiting: dict[tuple[int, int, str], list[Span]] = defaultdict(list)
        for span in here.spans:
            waiting[span.start, span.end, span.label].append(span)
        ids: dict[str, int] = {}
        kept: set[int] = set()
        for span in layer.spans:
            entity_id = self._entity(span)
            same = waiting.get((span.start, span.end, span.label))
            if same:
                mine = same.pop(0)
                if (mine.attributes, mine.entity_id) != (span.attributes, entity_id):
                    project.spans.update(
                        mine.id, self.time, attributes=span.attributes, entity_id=entity_id
                    )
                    report.spans_changed += 1
                span_id = mine.id
                kept.add(span_id)
            else:
                span_id = project.spans.add(
                    document_id,
                    annotator,
                    span.label,
                    span.start,
                    span.end,
                    span.text,
                    span.attributes,
                    entity_id=entity_id,
                    provenance=span.provenance,
                    time=self.time,
                )
                report.spans_added += 1
            if span.key is not None:
                ids[span.key] = span_id
        for span in here.spans:
            if span.id not in kept:
                project.spans.delete(span.id)  # its links and the events on it go with it
                report.spans_removed += 1
        wanted = {(ids[r.source], ids[r.target], r.role) for r in layer.relations}
        for relation in here.relations:
            if relation.source in kept and relation.target in kept:
                key = (relation.source, relation.target, relation.role)
                if key in wanted:
                    wanted.discard(key)
                else:
                    project.relations.delete(relation.id)
                    report.relations_removed += 1
            else:
                report.relations_removed += 1
        for source, target, role in sorted(wanted):
            project.relations.add(document_id, annotator, source, target, role, time=self.time)
            report.relations_added += 1
        replace_events(
            project, document_id, annotator, layer.events, ids, here.events, report, self.time
        )
        if layer.status != here.status:
            project.progress.set(document_id, annotator, layer.status or Status.NEW, self.time)
        return ids

    def raise_conflicts(self) -> None:
        if not self.conflicts:
            return
        lines = []
        for annotator, documents in sorted(self.conflicts.items()):
            shown = ", ".join(f"«{name}»" for name in documents[:5])
            more = f" and {len(documents) - 5} more" if len(documents) > 5 else ""
            lines.append(
                f"{annotator}'s layer here differs from what the last merge brought "
                f"(or was made here) in {len(documents)} documents: {shown}{more}"
            )
        names = " ".join(f"--overwrite {name}" for name in sorted(self.conflicts))
        raise MergeConflict(
            "; ".join(lines)
            + f". Merging would overwrite that work. Nothing was merged. Give {names} to "
            "replace it with the source's version, or merge only other layers with --annotators."
        )


def _keys_to_ids(incoming: list[PreparedSpan], spans: list[Span]) -> dict[str, int]:
    """Source key → our span id for a layer that is already as in the source."""
    waiting: dict[tuple[int, int, str], list[int]] = defaultdict(list)
    for span in spans:
        waiting[span.start, span.end, span.label].append(span.id)
    ids = {}
    for span in incoming:
        same = waiting.get((span.start, span.end, span.label))
        if same and span.key is not None:
            ids[span.key] = same.pop(0)
    return ids


def merge(
    project: Project,
    source: str | Path,
    *,
    add_documents: bool = False,
    overwrite: Sequence[str] = (),
    annotators: Sequence[str] | None = None,
    strict: bool = False,
    annotator: str | None = None,
    encoding: str = "utf-8",
    by: str | None = None,
    progress: Progress | None = None,
) -> MergeReport:
    """Merge a colleague's project or export into ``project`` in one transaction.

    ``annotator`` names the layer of spans a file does not attribute; ``by`` is who merges
    (for the audit trail). ``progress(documents merged, documents in the source or None)``
    is called inside the transaction: raising :class:`~annotator.core.errors.Cancelled`
    there leaves the project as it was.
    """
    path = Path(source)
    if not path.exists():
        raise AnnotatorError(f"{source}: no such project or file")
    if GOLD in overwrite:
        raise AnnotatorError("the gold layer is never overwritten by a merge")
    report = MergeReport(str(source))
    schema = project.schema
    labels = set(schema.label_ids)
    merger = Merger(
        project,
        report,
        add_documents=add_documents,
        overwrite=overwrite,
        annotators=annotators,
        by=by or default_annotator(),
    )
    total = None
    if is_project(path):
        with Project.open(path) as theirs:
            theirs.check_counts(READING)
            total = theirs.documents.count()
    with project.refusing_damage(DOING):
        project.check_counts(DOING)
        with project.write():
            if is_project(path):
                documents = _read_whole(path, read_project(path, project, labels, report.unmatched))
            else:
                documents = read_file(path, schema, annotator, encoding, report.unmatched)
            for incoming in counted(documents, total, progress):
                merger.merge(incoming)
            merger.raise_conflicts()
            if strict and report.problems():
                raise MergeConflict(
                    "nothing was merged: " + "; ".join(report.problems()) + " (--strict)"
                )
    return report


def _read_whole(source: Path, documents: Iterator[Incoming]) -> Iterator[Incoming]:
    """A colleague's documents, each text checked against its hash (a damaged text must not
    spread to this project); damage met in their project is said of their project."""
    with refusing_damage(database_path(source).parent, READING):
        for incoming in documents:
            record = incoming.record
            if sha256_text(record.text) != record.sha256:
                raise DamagedValue(f"{record.name}: its text no longer matches its SHA-256")
            yield incoming
