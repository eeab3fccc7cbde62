"""``annotator check``: is the project whole and does every span still point at its text?"""

from __future__ import annotations

from annotator.core.text import sha256_text
from annotator.store.project import Project
from annotator.store.streams import iter_annotated


def problems(project: Project) -> list[str]:
    """Everything wrong with a project, in words; an empty list means it is sound."""
    found = project.integrity_problems()
    if found:
        return found  # a damaged file: the checks below would only repeat it
    labels = set(project.schema.label_ids)
    for item in iter_annotated(project):
        document, text = item.document, item.document.text
        where = f"document {document.id} ({document.name})"
        if sha256_text(text) != document.sha256:
            found.append(f"{where}: its text no longer matches its SHA-256")
        for span in item.spans:
            span_where = f"{where}, span {span.id} ({span.label}, {span.annotator})"
            if not 0 <= span.start < span.end <= len(text):
                found.append(
                    f"{span_where}: offsets {span.start}-{span.end} are outside the text "
                    f"({len(text)} characters)"
                )
            elif text[span.start : span.end] != span.text:
                found.append(
                    f"{span_where}: stored text {span.text!r} differs from the text at its "
                    f"offsets {text[span.start : span.end]!r}"
                )
            if span.label not in labels:
                found.append(f"{span_where}: label {span.label} is not in the schema")
    for relation_id, reason in project.relations.dangling():
        found.append(f"relation {relation_id}: {reason}")
    return found
