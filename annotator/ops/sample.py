"""The sample project a new user opens: short fictional articles, coded by two colleagues,
partly adjudicated, with a few examples in the new user's own layer.

The articles and every layer are our JSONL (``projects/sample/articles.jsonl``), read by the
importer like any file; spans without an annotator are the new user's examples, and each
event span with its links is an event. A second event on a trigger that has one already, and
an event with no trigger word (``projects/sample/events.jsonl``), are coded the way an
annotator codes them, by the event editing operations. The gold layer is made the way a lead
makes it — by the adjudication operations, following the decisions in
``projects/sample/adjudication.jsonl`` — so that it carries true provenance. See
``projects/sample/README.md``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.model import Argument
from annotator.core.records import Record
from annotator.core.schema import load_preset
from annotator.formats import native
from annotator.ops import adjudicating, event_adjudicating, event_editing
from annotator.ops.importing import Importer
from annotator.shipped import SAMPLE_NAME, sample_sources
from annotator.store.project import DATABASE, Project

COLLEAGUES = ("huda", "omar")


def ensure_sample(folder: Path, annotator: str) -> Path:
    """Create the sample project in ``folder`` unless it is there. It is built beside the
    folder and moved into place when complete, so a start that fails leaves no half-sample."""
    if (folder / DATABASE).exists():
        return folder
    building = folder.with_name(folder.name + ".building")
    if building.exists():
        shutil.rmtree(building)  # what an interrupted earlier start left
    sources = sample_sources()
    articles = sources / "articles.jsonl"
    events = sources / "events.jsonl"
    decisions = sources / "adjudication.jsonl"
    project = Project.create(building, load_preset("conflict"), SAMPLE_NAME)
    with project, project.write():
        importer = Importer(project, annotator)
        importer.add_all(_records(articles, annotator), articles)
        _code_events(project, _lines(events), annotator)
        _adjudicate(project, _decisions(decisions, annotator))
    if folder.exists():
        try:
            folder.rmdir()
        except OSError as error:
            raise AnnotatorError(
                f"{folder} holds files but no project; move them away to get the sample project"
            ) from error
    building.rename(folder)
    return folder


def colleague_name(colleague: str, annotator: str) -> str:
    """A colleague's layer name, made distinct when the new user has the same name."""
    return f"{colleague}-sample" if colleague == annotator else colleague


def _records(path: Path, annotator: str) -> Iterator[Record]:
    """The sample's documents, the colleagues renamed if one shares the user's name."""
    for record in native.read_jsonl(path):
        for item in (*record.spans, *record.relations):
            if item.annotator is not None:
                item.annotator = colleague_name(item.annotator, annotator)
        record.status = {colleague_name(k, annotator): v for k, v in record.status.items()}
        yield record


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]


def _document_ids(project: Project) -> dict[str, int]:
    return {document.name: document.id for document in project.documents.iter_all()}


def _code_events(project: Project, events: list[dict[str, Any]], annotator: str) -> None:
    """The further events of the sample, each on spans of its layer given by extent (an
    event with no trigger word has ``"trigger": null``)."""
    ids = _document_ids(project)
    for item in events:
        document_id = ids[item["document"]]
        layer = colleague_name(item["annotator"], annotator) if item["annotator"] else annotator
        spans = project.spans.keys(document_id, layer)

        def span(at: dict[str, Any], spans: dict = spans) -> int:
            return spans[at["start"], at["end"], at["label"]]

        trigger = item["trigger"]
        event_editing.create_event(
            project,
            document_id,
            layer,
            item["label"],
            None if trigger is None else span(trigger),
            [Argument(argument["role"], span(argument)) for argument in item["arguments"]],
            item["attributes"],
        )


def _decisions(path: Path, annotator: str) -> list[dict[str, Any]]:
    decisions = _lines(path)
    for decision in decisions:
        decision["agreed_by"] = [colleague_name(n, annotator) for n in decision["agreed_by"]]
        for choice in (*decision["accept"], *decision["accept_events"]):
            choice["annotator"] = colleague_name(choice["annotator"], annotator)
    return decisions


def _adjudicate(project: Project, decisions: list[dict[str, Any]]) -> None:
    """Gold for the decided documents: what both colleagues agree on, then the version of
    each disputed span and event the adjudicator chose."""
    ids = _document_ids(project)
    for decision in decisions:
        document_id = ids[decision["document"]]
        adjudicator = decision["adjudicator"]
        adjudicating.accept_agreed(
            project, adjudicator, decision["agreed_by"], documents=[document_id]
        )
        for choice in decision["accept"]:
            layer = project.spans.keys(document_id, choice["annotator"])
            span_id = layer[choice["start"], choice["end"], choice["label"]]
            adjudicating.accept(project, span_id, adjudicator)
        for choice in decision["accept_events"]:
            trigger = choice["trigger"]
            layer = project.spans.keys(document_id, choice["annotator"])
            span_id = layer[trigger["start"], trigger["end"], trigger["label"]]
            for event in project.events.on_trigger(span_id):
                event_adjudicating.accept_event(project, event.id, adjudicator)
