"""``annotator stats``: what a project holds, per label and per annotator."""

from __future__ import annotations

from typing import Any

from annotator.store.project import Project


def stats(project: Project) -> dict[str, Any]:
    spans_by_label = project.spans.count_by("label")
    return {
        "project": project.name,
        "schema": project.schema.name,
        "documents": project.documents.count(),
        "annotators": project.annotators(),
        "spans": project.spans.count(),
        "spans_per_label": {
            **{label: spans_by_label.get(label, 0) for label in project.schema.label_ids},
            **{k: v for k, v in spans_by_label.items() if k not in project.schema.label_ids},
        },
        "spans_per_annotator": project.spans.count_by("annotator"),
        "events": project.events.count(),
        "events_per_type": project.events.count_by_type(),
        "events_per_annotator": project.events.count_by_annotator(),
        "documents_done": project.progress.done_counts(),
    }


def format_stats(data: dict[str, Any]) -> str:
    lines = [
        f"Project {data['project']} (schema {data['schema']})",
        f"  documents   {data['documents']}",
        f"  spans       {data['spans']}",
        f"  events      {data['events']}",
        f"  annotators  {', '.join(data['annotators']) or '(none yet)'}",
        "",
        "Spans per label:",
    ]
    width = max((len(k) for k in data["spans_per_label"]), default=0)
    lines += [f"  {label:<{width}}  {n}" for label, n in data["spans_per_label"].items()]
    if data["events_per_type"]:
        lines += ["", "Events per type:"]
        width = max(len(k) for k in data["events_per_type"])
        lines += [f"  {kind:<{width}}  {n}" for kind, n in data["events_per_type"].items()]
    lines += ["", "Per annotator:          spans   events   documents done"]
    for annotator in data["annotators"]:
        spans = data["spans_per_annotator"].get(annotator, 0)
        events = data["events_per_annotator"].get(annotator, 0)
        done = data["documents_done"].get(annotator, 0)
        lines.append(
            f"  {annotator:<20}  {spans:>6}   {events:>6}   {done:>6} / {data['documents']}"
        )
    return "\n".join(lines)
