"""Syncing a project with its hub: send what was done here, bring what others did.

A sync first **pushes**: the layers written here that are this login's to send (its own; a
lead's also gold), new documents and the schema (a lead's), each in one transaction on the
hub, keyed by document and layer, so a push repeated after an interruption writes nothing
twice. Only then does it forget those changes here, each only if nothing was written to it
meanwhile. It then **pulls**, in one transaction here and from one consistent view of the
hub: the schema, new documents, every layer the hub changed since the last pull that this
login may read, and assignments. A layer edited here and not yet sent is never overwritten
by a pull: it is sent at the next sync (the later write wins, the earlier is kept in the
hub's history). Killed at any point, a sync leaves both sides whole; the next one finishes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.model import GOLD
from annotator.core.schema import from_json as schema_from_json
from annotator.core.text import sha256_text
from annotator.formats import jsondecode
from annotator.hub import urls
from annotator.ops.hub_content import content, fingerprint, read_layer
from annotator.ops.hub_layers import LayerTaker
from annotator.ops.hub_talk import apply_talk, talk_content
from annotator.ops.importing import default_annotator
from annotator.ops.sync_report import SyncNote, SyncReport
from annotator.store import hub_link
from annotator.store.hub.server import Hub
from annotator.store.project import Project, now


class NotLinked(AnnotatorError):
    """The project was not cloned from a hub."""


def canonical_schema(project: Project) -> str:
    return json.dumps(project.schema.to_json(), ensure_ascii=False, sort_keys=True)


def linked_hub(project: Project, password: str | None = None) -> tuple[Hub, str]:
    url = project.meta("hub.url")
    if url is None:
        raise NotLinked(
            f"{project.folder}: this project is not a hub's copy; "
            "clone one with: annotator clone URL FOLDER"
        )
    login = project.meta("hub.login") or urls.login(url) or default_annotator()
    return Hub.connect(urls.with_password(url, password), urls.without_password(url)), login


def sync(project: Project, password: str | None = None) -> SyncReport:
    """Push this login's changes, then pull everyone else's."""
    hub, login = linked_hub(project, password)
    with project.write():
        hub_link.link(project, {})  # triggers a later version added, on a copy made before
    with hub:
        report = SyncReport(hub.shown, login)
        lead = hub.is_lead()
        push(project, hub, login, lead, report)
        pull(project, hub, login, lead, report)
        hub.record_sync(report.pushed_layers, report.pulled)
    return report


def _mine(annotator: str, login: str, lead: bool) -> bool:
    return annotator == login or (lead and annotator == GOLD)


def push(project: Project, hub: Hub, login: str, lead: bool, report: SyncReport) -> None:
    entities = project.entities.names()
    known = hub_link.known(project)
    layers, versions, documents, others, talk = [], {}, [], set(), []
    with project.reading():
        schema_here = canonical_schema(project)
        for document_id, annotator, version in hub_link.changes(project):
            if annotator == hub_link.DOCUMENT:
                if lead:
                    document = project.documents.get(document_id)
                    if document is not None:
                        documents.append(document)
                        versions[document_id, annotator] = version
                continue
            if annotator == hub_link.TALK:
                document = project.documents.get(document_id)
                if document is not None:
                    talk.append((document, talk_content(project, document_id, login)))
                    versions[document_id, annotator] = version
                continue
            if not _mine(annotator, login, lead):
                others.add(annotator)
                versions[document_id, annotator] = version  # said once, then forgotten
                continue
            document = project.documents.get(document_id)
            if document is None:
                continue
            here = read_layer(project, document_id, annotator)
            base = known.get((document_id, annotator), (0, ""))[0]
            layers.append(
                (
                    document,
                    annotator,
                    content(document, here, entities),
                    fingerprint(here, entities),
                    base,
                )
            )
            versions[document_id, annotator] = version
    if documents:
        report.pushed_documents = hub.put_documents(
            (d.sha256, d.name, d.meta, d.text) for d in documents
        )
    elif not lead and (waiting := hub_link.changed_count(project, ())):
        report.notes.append(SyncNote("documents_stay", (str(waiting),)))
    if schema_here != project.meta("hub.schema"):
        if lead:
            hub.put_setting("schema", schema_here)
            report.pushed_schema = True
        else:
            report.notes.append(SyncNote("schema_gives_way"))
    shas = [d.sha256 for d, *_ in layers] + [d.sha256 for d, _ in talk]
    on_hub = hub.documents_present(shas) if shas else set()
    report.pushed_comments = hub.put_discussions(
        (d.sha256, body) for d, body in talk if d.sha256 in on_hub
    )
    for document, _ in talk:
        if document.sha256 not in on_hub:
            versions.pop((document.id, hub_link.TALK), None)  # sent once the hub has it
    sendable = [item for item in layers if item[0].sha256 in on_hub]
    for document, annotator, *_ in layers:
        if document.sha256 not in on_hub:
            versions.pop((document.id, annotator), None)
            report.notes.append(SyncNote("layer_stays", (document.name,)))
    puts = hub.put_layers(
        (d.sha256, annotator, body, print_, base) for d, annotator, body, print_, base in sendable
    )
    by_sha = {d.sha256: d for d, *_ in sendable}
    remembered = []
    for put, (document, annotator, _, print_, _) in zip(puts, sendable, strict=True):
        remembered.append((document.id, annotator, put.revision, print_))
        if put.replaced_by is not None and put.replaced_by != login:
            name = by_sha[put.document].name
            at = (put.replaced_at or "")[:16]
            report.notes.append(SyncNote("replaced", (annotator, name, put.replaced_by, at)))
    report.pushed_layers = sum(put.written for put in puts)
    if others:
        report.notes.append(SyncNote("others_stay", (", ".join(sorted(others)),)))
    with project.write():
        hub_link.forget(project, [(d, a, v) for (d, a), v in versions.items()])
        hub_link.remember(project, remembered)
        if report.pushed_schema:
            project.set_meta("hub.schema", schema_here)


def pull(project: Project, hub: Hub, login: str, lead: bool, report: SyncReport) -> None:
    mark = int(project.meta("hub.pulled") or 0)
    with hub.snapshot() as snapshot, project.write():
        settings = snapshot.settings()
        latest = snapshot.latest()
        layer_mark = mark if project.meta("hub.blind") == settings.get("blind") else 0
        hub_link.suspend(project)  # what a pull writes came from the hub: nothing to send
        _pull_schema(project, settings, report)
        for batch in snapshot.documents_since(mark):
            _add_documents(project, batch, report)
        dirty = {(d, a) for d, a, _ in hub_link.changes(project) if _mine(a, login, lead)}
        known = hub_link.known(project)
        taker = LayerTaker(project, login, report)
        applied, remembered = [], []
        for batch in snapshot.layers_since(layer_mark):
            for row in batch:
                document_id = project.documents.id_for_sha256(row.document)
                if document_id is None:
                    continue
                key = (document_id, row.annotator)
                if key in dirty:
                    document = project.documents.name(document_id)
                    said = (row.annotator, document or "", row.written_by)
                    report.notes.append(SyncNote("kept_here", said))
                    continue
                if known.get(key, (None,))[0] == row.revision:
                    continue
                if not taker.take(document_id, row):
                    remembered.append((document_id, row.annotator, row.revision, ""))
                    continue
                applied.append(key)
                remembered.append((document_id, row.annotator, row.revision, row.fingerprint))
        taker.finish()
        for batch in snapshot.discussions_since(layer_mark):
            for sha256, author, text, _ in batch:
                _pull_talk(project, sha256, author, text, report)
        assignments = snapshot.assignments_since(layer_mark)  # visible as layers are
        rows = []
        for sha256, annotator, active, _ in assignments:
            document_id = project.documents.id_for_sha256(sha256)
            if document_id is not None:
                rows.append((document_id, annotator, active))
        hub_link.set_assignments(project, rows)
        report.assignments = len(rows)
        hub_link.remember(project, remembered)
        hub_link.forget_layers(project, applied)
        hub_link.link(project, {})  # the triggers back, in the same transaction
        project.set_meta("hub.pulled", str(max(latest, mark)))
        project.set_meta("hub.blind", settings.get("blind", "no"))
        project.set_meta("hub.synced", now())


def _pull_talk(project: Project, sha256: str, author: str, text: str, report: SyncReport) -> None:
    document_id = project.documents.id_for_sha256(sha256)
    if document_id is None:
        return
    waiting = hub_link.version(project, document_id, hub_link.TALK)
    try:
        report.pulled_comments += apply_talk(project, document_id, author, text)
    except InputError as error:
        name = project.documents.name(document_id)
        report.notes.append(SyncNote("bad_comments", (author, name or "", str(error))))
        return
    if waiting is None:  # the marks are the pull's own; comments made here stay marked
        hub_link.forget_layers(project, [(document_id, hub_link.TALK)])


def _pull_schema(project: Project, settings: dict[str, str], report: SyncReport) -> None:
    """Make this project's schema the hub's (a lead's own was sent just before)."""
    text = settings.get("schema")
    if text is None:
        return
    try:
        theirs = schema_from_json(jsondecode.loads(text))
    except (ValueError, AnnotatorError) as error:
        report.notes.append(SyncNote("bad_schema", (str(error),)))
        return
    said = json.dumps(theirs.to_json(), ensure_ascii=False, sort_keys=True)
    if said != canonical_schema(project):
        project.set_schema(theirs)
        report.pulled_schema = True
    project.set_meta("hub.schema", said)


def _add_documents(project: Project, batch, report: SyncReport) -> None:
    added = []
    time = now()
    for row in batch:
        if project.documents.id_for_sha256(row.sha256) is not None:
            continue
        if not isinstance(row.text, str) or sha256_text(row.text) != row.sha256:
            report.notes.append(SyncNote("bad_text", (row.name,)))
            continue
        try:
            meta = jsondecode.loads(row.meta)
        except InputError as error:
            report.notes.append(SyncNote("bad_meta", (row.name, str(error))))
            continue
        if not isinstance(meta, dict):
            meta = {}
        document_id = project.documents.add(row.name, row.text, row.sha256, meta, time)
        added.append((document_id, hub_link.DOCUMENT))
    hub_link.forget_layers(project, added)
    report.pulled_documents += len(added)


@dataclass(frozen=True)
class HubState:
    """What the window shows of a project's link to its hub."""

    url: str  # without a password
    login: str
    synced_at: str | None  # when the last pull finished (ISO time, UTC), None before any
    waiting: int  # changes made here that the next sync sends


def hub_state(project: Project) -> HubState | None:
    """The project's link to its hub, or None when it is not a hub's copy."""
    url = project.meta("hub.url")
    if url is None:
        return None
    login = project.meta("hub.login") or ""
    lead_layers = (login, GOLD)  # gold counts only for a lead; an annotator never writes it
    return HubState(
        url, login, project.meta("hub.synced"), hub_link.changed_count(project, lead_layers)
    )


def own_layer(project: Project, name: str) -> str:
    """Whose layer ``name`` writes in this project: in a hub's copy, the hub login's (what a
    sync sends); elsewhere ``name`` itself."""
    return project.meta("hub.login") or name


def assigned_to(project: Project, annotator: str) -> set[int]:
    """The documents the hub assigns to ``annotator`` (none when not a hub's copy)."""
    return hub_link.assigned(project, annotator)
