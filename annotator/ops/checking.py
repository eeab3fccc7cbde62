"""``annotator check``: is the project whole, does every span still point at its text, does
every event keep to the schema's rules, and which spans still lack the coding the schema
requires?

The project is read through (:func:`annotator.store.inspection.inspect`): SQLite's integrity
check, every text against its SHA-256, every span against its text, every value as UTF-8 and
JSON, every link. It never stops at what it finds, however damaged the file: it lists it, and
when the file is damaged names the newest backup that is whole. A whole project's events are
then held to the rules every edit and import applies
(:func:`annotator.core.events.event_problems`: a type of the schema, roles it declares filled
by spans of the kinds they take, no role twice that takes one, the trigger in none): an event
that breaks them (made by an older version, or before the schema changed) is listed with its
document, and what is wrong.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.core.events import Filler, event_problems
from annotator.core.required import event_coding, self_coded_labels
from annotator.core.schema import Schema
from annotator.store import backups
from annotator.store.findings import Finding, ProjectDamaged, only_damage
from annotator.store.inspection import Progress, inspect
from annotator.store.project import DATABASE, Project, database_path

__all__ = ["CheckReport", "Gap", "ProjectDamaged", "check", "coding_gaps", "event_breaks"]


@dataclass(frozen=True)
class Gap:
    """A span whose coding the schema requires is missing or wrong."""

    document: str  # the document's name
    annotator: str
    label: str
    text: str
    start: int
    end: int
    missing: tuple[str, ...]

    def describe(self) -> str:
        where = f"«{self.text}» ({self.start}–{self.end})" if self.text else "(no trigger word)"
        return (
            f"«{self.document}», {self.annotator}: {self.label} {where}: {'; '.join(self.missing)}"
        )


def coding_gaps(project: Project) -> Iterator[Gap]:
    """Every span and event, in every layer, whose required coding is missing or does not
    fit (an event's coding is its own; its trigger's text and offsets say where it is: see
    :mod:`annotator.core.required`)."""
    schema = project.schema
    names: dict[int, str] = {}

    def name(document_id: int) -> str:
        if document_id not in names:
            names[document_id] = project.documents.name(document_id) or "?"
        return names[document_id]

    for span in project.spans.iter_labelled(self_coded_labels(schema)):
        missing = schema.missing(span.label, span.attributes)
        if missing:
            where = (span.text, span.start, span.end)
            yield Gap(name(span.document_id), span.annotator, span.label, *where, tuple(missing))
    for event in project.events.iter_all():
        coded = event_coding(schema, event) is not None
        missing = schema.missing(event.label, event.attributes) if coded else []
        if missing:
            trigger = project.spans.get(event.trigger) if event.trigger is not None else None
            where = (trigger.text, trigger.start, trigger.end) if trigger else ("", 0, 0)
            document = name(event.document_id)
            yield Gap(document, event.annotator, event.label, *where, tuple(missing))


Filling = tuple[str, Hashable, str | None]  # (role, ("span" or "event", id), filler's label)


def event_breaks(project: Project) -> Iterator[Finding]:
    """Every event that breaks the schema's rules for events, as a finding of its document
    (not damage: the event is as it was written). Events are read as rows with the labels of
    the spans they name, and the rules run once per shape of event (:func:`_shape`); an event
    whose shape breaks them is told in words, with its spans' text."""
    schema = project.schema
    broken: dict[tuple, bool] = {}
    layers = project.spans.iter_layers()
    spans = next(layers, None)
    for document_id, events in project.events.iter_rows():
        while spans is not None and spans[0] < document_id:
            spans = next(layers, None)
        labels: dict[int | None, str] = {}
        if spans is not None and spans[0] == document_id:
            labels = {row[3]: row[2] for rows in spans[1].values() for row in rows}
        types = {event[2]: event[3] for event in events}
        for _, annotator, event_id, label, trigger, _, arguments in events:
            fillings: list[Filling] = [
                (role, ("span", span), labels.get(span))
                if span is not None
                else (role, ("event", other), types.get(other))
                for role, span, other in arguments
            ]
            shape = _shape(label, labels.get(trigger), trigger, fillings)
            if shape not in broken:
                broken[shape] = bool(_problems(schema, label, trigger, labels, fillings, {}))
            if broken[shape]:
                texts = _texts(project, trigger, fillings)
                problems = _problems(schema, label, trigger, labels, fillings, texts)
                word = texts.get(("span", trigger))
                where = f"«{word}»" if word is not None else "no trigger word"
                what = f"event {event_id} ({label}, {annotator}, {where}): {'; '.join(problems)}"
                name = project.documents.name(document_id)
                yield Finding("events", what, document_id, name, damage=False)


def _shape(
    label: str, trigger_label: str | None, trigger: int | None, fillings: list[Filling]
) -> tuple:
    """All the rules read of an event: its type, its trigger's label, and each argument's
    role and filler's label, with which fillers are one span (or the trigger) — not ids."""
    first: dict[Hashable, int] = {("span", trigger): -1} if trigger is not None else {}
    return (
        label,
        trigger_label,
        *((role, kind, first.setdefault(key, len(first))) for role, key, kind in fillings),
    )


def _problems(
    schema: Schema,
    label: str,
    trigger: int | None,
    labels: dict[int | None, str],
    fillings: list[Filling],
    texts: dict[Hashable, str],
) -> list[str]:
    """:func:`event_problems` of an event; ``texts`` gives the words of its spans to name."""
    made = None
    if trigger is not None:
        key = ("span", trigger)
        made = Filler(key, labels.get(trigger, "?"), texts.get(key, ""))
    fillers = [
        (role, Filler(key, kind or "?", texts.get(key, f"event {key[1]}")))
        for role, key, kind in fillings
    ]
    return event_problems(schema, label, made, fillers)


def _texts(project: Project, trigger: int | None, fillings: list[Filling]) -> dict[Hashable, str]:
    """The words of an event's trigger and argument spans, by ("span", id)."""
    ids = [trigger, *(key[1] for _, key, _ in fillings if key[0] == "span")]
    spans = (project.spans.get(span_id) for span_id in ids if span_id is not None)
    return {("span", span.id): span.text for span in spans if span is not None}


@dataclass
class CheckReport:
    findings: list[Finding] = field(default_factory=list)
    documents: int = 0
    spans: int = 0
    events: int = 0
    gaps: list[Gap] = field(default_factory=list)  # spans not fully coded (work to finish)
    restore: backups.Backup | None = None  # the newest whole backup, when the file is damaged

    @property
    def damaged(self) -> bool:
        return bool(only_damage(self.findings))


def check(path: str | Path, progress: Progress | None = None) -> CheckReport:
    """Read the project at ``path`` through; see the module documentation."""
    database = database_path(path)
    if not database.exists():
        raise ProjectError(f"{path}: no project here (expected {database})")
    report = CheckReport(findings=inspect(database, progress=progress))
    if report.damaged:
        report.restore = backups.newest_sound(database.parent)
        return report
    with Project.open(database) as project:
        report.documents = project.documents.count()
        report.spans = project.spans.count()
        report.events = project.events.count()
        report.findings += event_breaks(project)
        report.gaps = list(coding_gaps(project))
    return report


def problems(project: Project) -> list[str]:
    """Everything wrong with an open project, in words; an empty list means it is sound."""
    return [finding.describe() for finding in inspect(project.folder / DATABASE)]
