"""Writing a project's documents and annotations out, streamed, to files that appear whole.

Options common to every format: one annotator's layer or all, only the documents that
annotator marked done, labels left out, and a train/dev/test split by document (then the
output is a folder with one file per part). Training formats (CoNLL, spaCy, Hugging Face)
take exactly one layer and route the parts themselves in one pass; other formats are
written once per part. Documents stream one at a time whatever the project's size.

An export never writes part of a damaged project as if it were all of it. It reads one state
of the project (a read transaction), checks before it starts that counts which agree in a
whole project do agree, and counts what it streamed (documents, spans, links, events and
their arguments) against them
when it ends; damage SQLite reports while it reads (a damaged page, a text that is not UTF-8
any more) stops it. Each case is refused with what is damaged and the backup to restore,
and no file is left (the output is renamed into place only once complete). These cost a few
hundredths of a second on 100,000 articles; ``annotator check`` reads everything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import GOLD, AnnotatedDocument
from annotator.core.splits import SplitPlan, parse_split, plan_split
from annotator.formats.registry import FORMATS, ExportContext, Format, writable
from annotator.formats.training import LEFT_OUT
from annotator.formats.writing import atomic_directory
from annotator.ops.progress import Progress
from annotator.store.findings import Finding
from annotator.store.project import Project
from annotator.store.streams import iter_annotated

DOING = "export it"


@dataclass
class ExportReport:
    documents: int = 0
    spans: int = 0
    relations: int = 0
    events: int = 0
    layer: str | None = None
    left_out: int = 0  # spans that did not fit a training format, dropped as asked
    parts: dict[str, int] = field(default_factory=dict)  # documents per part of a split
    notes: list[str] = field(default_factory=list)  # spans left out, layers without spans…


def header(project: Project) -> dict[str, Any]:
    """The project-level fields of our JSON export."""
    schema = project.schema
    return {
        "project": project.name,
        "exported": datetime.now(UTC).isoformat(timespec="seconds"),
        "schema": {
            "name": schema.name,
            "version": schema.version,
            "description": schema.description,
            "clitics": schema.clitics,
        },
        "labels": [label.to_json() for label in schema.labels],
    }


def _layer(project: Project, form: Format, annotator: str | None) -> str | None:
    """The layer to write: the one asked for; for training formats and formats whose records
    name no annotator (doccano), else the only one."""
    if annotator is not None or not (form.training or form.one_layer):
        return annotator
    layers = sorted(project.spans.count_by("annotator"))
    if len(layers) > 1:
        raise InputError(
            f"{form.name} holds one annotator's spans, and this project has {len(layers)} "
            f"layers ({', '.join(layers)}): choose one with --annotator NAME "
            "(--annotator gold for the adjudicated layer)"
        )
    return layers[0] if layers else None


def _check_labels(project: Project, labels: Iterable[str]) -> tuple[str, ...]:
    labels = tuple(labels)
    known = project.schema.label_ids
    unknown = [label for label in labels if label not in known]
    if unknown:
        raise InputError(
            f"cannot leave out {', '.join(unknown)}: not a label of the schema "
            f"(labels: {', '.join(known)})"
        )
    return labels


class _Stream:
    """The documents to write, filtered, counted and reported as they pass."""

    def __init__(
        self,
        project: Project,
        layer: str | None,
        done: set[int] | None,
        excluded: tuple[str, ...],
        total: int,
        progress: Progress | None,
        report: ExportReport,
    ) -> None:
        self.project, self.layer, self.done, self.excluded = project, layer, done, excluded
        self.total, self.progress, self.report = total, progress, report
        self.written = 0
        self.without_spans = 0
        self.gaps: list[str] = []  # spans and events of finished work that lack required coding
        self.span_gaps = self.event_gaps = 0
        self.expected = (
            project.documents.count(),
            project.spans.count(layer),
            project.relations.count(layer),
            project.events.count(layer),
            project.events.count_arguments(layer),
        )

    def documents(self, part: Callable[[int], bool] | None = None) -> Iterator[AnnotatedDocument]:
        documents = spans = relations = events = arguments = 0  # read, before it is filtered
        for item in iter_annotated(self.project, self.layer):
            documents += 1
            spans += len(item.spans)
            relations += len(item.relations)
            events += len(item.events)
            arguments += sum(len(event.arguments) for event in item.events)
            document_id = item.document.id
            if self.done is not None and document_id not in self.done:
                continue
            if part is not None and not part(document_id):
                continue
            if self.excluded:
                item = self._without_excluded(item)
            if self.finished:
                self._look_for_gaps(item)
            self.report.documents += 1
            self.report.spans += len(item.spans)
            self.report.relations += len(item.relations)
            self.report.events += len(item.events)
            self.without_spans += not item.spans
            self.written += 1
            if self.progress is not None:
                self.progress(self.written, self.total)
            yield item
        self._check((documents, spans, relations, events, arguments))

    @property
    def finished(self) -> bool:
        """Whether the work written is meant to be finished: done documents, or gold."""
        return self.done is not None or self.layer == GOLD

    def _look_for_gaps(self, item: AnnotatedDocument) -> None:
        """Spans of entity labels and events whose required coding is missing (an event
        label's coding is on its events, not on the spans that trigger them)."""
        schema = self.project.schema
        coded = schema.coded_labels
        events = self.event_labels
        name = item.document.name
        for span in item.spans:
            if span.label in coded and span.label not in events:
                missing = schema.missing(span.label, span.attributes)
                if missing:
                    self.span_gaps += 1
                    self.gaps.append(
                        f"«{name}»: {span.label} «{span.text}» ({span.start}–{span.end}): "
                        f"{'; '.join(missing)}"
                    )
        triggers = {span.id: span for span in item.spans}
        for event in item.events:
            if event.label in coded:
                missing = schema.missing(event.label, event.attributes)
                if missing:
                    trigger = triggers.get(event.trigger) if event.trigger is not None else None
                    self.event_gaps += 1
                    where = (
                        f"«{trigger.text}» ({trigger.start}–{trigger.end})"
                        if trigger is not None
                        else f"event {event.id} (no trigger)"
                    )
                    self.gaps.append(f"«{name}»: {event.label} {where}: {'; '.join(missing)}")

    @property
    def event_labels(self) -> frozenset[str]:
        return frozenset(label.id for label in self.project.schema.labels if label.kind == "event")

    def _check(self, read: tuple[int, ...]) -> None:
        """What was streamed must be what the project holds, or part of it was left out."""
        missing = [
            Finding(table, f"the export read {got} of its {wanted} {table}")
            for table, got, wanted in zip(
                ("documents", "spans", "relations", "events", "arguments"),
                read,
                self.expected,
                strict=True,
            )
            if got != wanted
        ]
        if missing:
            self.project.refuse(DOING, missing)

    def _without_excluded(self, item: AnnotatedDocument) -> AnnotatedDocument:
        """The document less the excluded labels' spans and events, the links that touch
        them, the events whose trigger went, and the arguments they filled."""
        spans = [span for span in item.spans if span.label not in self.excluded]
        kept = {span.id for span in spans}
        relations = [r for r in item.relations if r.source in kept and r.target in kept]
        events = [
            e
            for e in item.events
            if e.label not in self.excluded and (e.trigger is None or e.trigger in kept)
        ]
        while True:  # an event that fills a role of another goes before it is looked at
            ids = {e.id for e in events}
            trimmed = [
                replace(
                    e,
                    arguments=tuple(
                        a
                        for a in e.arguments
                        if (a.span in kept if a.span is not None else a.event in ids)
                    ),
                )
                for e in events
            ]
            if trimmed == events:
                break
            events = trimmed
        return replace(item, spans=spans, relations=relations, events=events)


def export(
    project: Project,
    fmt: str,
    out: str | Path,
    annotator: str | None = None,
    options: dict[str, Any] | None = None,
    *,
    only_done: bool = False,
    exclude_labels: Iterable[str] = (),
    split: str | None = None,
    seed: int = 0,
    progress: Progress | None = None,
) -> ExportReport:
    """Write the project (or one layer of it) as ``fmt``; see the module documentation.

    ``progress(documents written, documents to write)`` is called after each document; raising
    :class:`~annotator.core.errors.Cancelled` there stops the export and leaves no output (an
    existing file at ``out`` stays as it was).
    """
    if fmt not in writable():
        raise InputError(f"cannot export as {fmt!r}; choose one of {', '.join(writable())}")
    with project.refusing_damage(DOING), project.reading():
        project.check_counts(DOING)
        report = _export(
            project,
            FORMATS[fmt],
            Path(out),
            annotator,
            options,
            only_done,
            exclude_labels,
            split,
            seed,
            progress,
        )
    return report


def _export(
    project: Project,
    form: Format,
    out: Path,
    annotator: str | None,
    options: dict[str, Any] | None,
    only_done: bool,
    exclude_labels: Iterable[str],
    split: str | None,
    seed: int,
    progress: Progress | None,
) -> ExportReport:
    excluded = _check_labels(project, exclude_labels)
    parts = parse_split(split) if split else None
    layer = _layer(project, form, annotator)
    done = None
    if only_done:
        if layer is None:
            known = ", ".join(project.annotators()) or "none yet"
            raise InputError(
                "--only-done needs the annotator whose finished documents to write: "
                f"give --annotator NAME (annotators: {known})"
            )
        done = project.progress.done_documents(layer)
    total = len(done) if done is not None else project.documents.count()
    plan = None
    if parts is not None:
        plan = plan_split(
            parts,
            seed,
            (
                (document_id, sha256)
                for document_id, _, sha256, _ in project.documents.iter_sha256()
                if done is None or document_id in done
            ),
        )
    report = ExportReport(layer=layer, parts=plan.counts() if plan else {})
    context = ExportContext(
        project=project.name,
        schema=project.schema,
        header=header(project),
        entities=project.entities.names(),
        coordinates=project.entities.coordinates(),
        options={
            **(options or {}),
            "layer": layer,
            "exclude_labels": excluded,
            "split": plan if form.training else None,
        },
    )
    stream = _Stream(project, layer, done, excluded, total, progress, report)
    if plan is not None and not form.training:
        _write_parts(form, Path(out), stream, plan, context)
    else:
        form.write(Path(out), stream.documents(), context)
    report.notes = list(context.notes)
    report.left_out = sum(1 for note in report.notes if note.startswith(LEFT_OUT))
    report.spans -= report.left_out
    if plan is not None:
        report.notes += [
            f"the {name} part has no documents" for name, n in report.parts.items() if not n
        ]
    if stream.gaps:
        work = "gold" if layer == GOLD else f"{layer}'s documents marked done"
        counted = [
            f"{n} {what}{'s' * (n != 1)}"
            for n, what in ((stream.span_gaps, "span"), (stream.event_gaps, "event"))
            if n
        ]
        verb = "lacks" if len(stream.gaps) == 1 else "lack"
        report.notes.append(
            f"warning: {' and '.join(counted)} of {work} {verb} required coding, "
            f"e.g. {stream.gaps[0]} (annotator check lists them all)"
        )
    if not form.events and report.events:
        report.notes.append(
            f"{report.events} event{'s' * (report.events != 1)} not written: {form.name} holds "
            "spans only (their triggers and arguments are written as spans)"
        )
        report.events = 0
    if not form.relations and report.relations:
        report.notes.append(
            f"{report.relations} relation{'s' * (report.relations != 1)} not written: "
            f"{form.name} holds no relations"
        )
        report.relations = 0
    if form.training and layer is not None and stream.without_spans and not only_done:
        report.notes.append(
            f"{stream.without_spans} of {report.documents} documents have no spans in "
            f"{layer}'s layer and were written with every token outside an entity "
            "(--only-done writes only the documents marked done)"
        )
    return report


def _write_parts(
    form: Format, out: Path, stream: _Stream, plan: SplitPlan, context: ExportContext
) -> None:
    """One file per part, each written by the format's own writer, in one folder."""
    suffix = form.extensions[0] if form.extensions else ""
    with atomic_directory(out) as folder:
        for name in plan.names:
            form.write(
                folder / f"{name}{suffix}",
                stream.documents(lambda document_id, name=name: plan.of(document_id) == name),
                context,
            )
