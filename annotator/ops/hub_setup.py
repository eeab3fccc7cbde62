"""Making a hub from a project, its people and assignments, cloning it, and where everyone stands.

``init`` runs with a URL whose login may create tables and roles (the database's owner, or
an administrator of a managed server). Everything it writes — the tables and policies, the
lead's login, the project's documents and layers — goes in one transaction: a failed init
leaves the database as it was. The project it came from becomes the lead's copy of the hub.
"""

from __future__ import annotations

import csv
import itertools
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.model import GOLD
from annotator.core.schema import from_json as schema_from_json
from annotator.core.validation import name_problem
from annotator.hub import urls
from annotator.ops.hub_content import content, fingerprint
from annotator.ops.merge_layer import Here
from annotator.ops.sync_report import SyncReport
from annotator.ops.syncing import canonical_schema, pull
from annotator.store import hub_link
from annotator.store.hub.server import Hub, Standing
from annotator.store.hub.tables import HUB_FORMAT
from annotator.store.project import Project, now
from annotator.store.streams import iter_annotated

ROLES = ("annotator", "lead")
LAYER_BATCH = 500


class HubSetupError(AnnotatorError):
    """What was asked of a hub cannot be done; nothing was changed."""


def _connect(url: str) -> Hub:
    return Hub.connect(url, urls.without_password(url))


def _group_names(database: str) -> tuple[str, str]:
    base = database[:48]
    return f"{base}_leads", f"{base}_annotators"


def _checked_name(name: str, groups: Sequence[str] = ()) -> str:
    problem = name_problem(name, "login name")
    if problem:
        raise HubSetupError(problem)
    if name == GOLD or name in groups or not name.strip():
        raise HubSetupError(f"«{name}» cannot be a login: it names a layer or a group of the hub")
    return name


@dataclass
class InitReport:
    hub: str
    lead: str
    documents: int
    layers: int
    lead_owns: bool = False  # the lead is the login that made the hub: the owner of its tables


def init(
    url: str,
    project: Project,
    lead: str,
    password: str | None = None,
    blind: bool = False,
) -> InitReport:
    """Make a hub in the URL's database from ``project``; the project becomes the lead's copy."""
    with _connect(url) as hub:
        too_old = hub.too_old()
        if too_old:
            raise HubSetupError(too_old)
        if hub.is_hub():
            raise HubSetupError(f"{hub.shown} already holds a hub; nothing was changed")
        leads, annotators = _group_names(hub.database())
        _checked_name(lead, (leads, annotators))
        settings = {
            "name": project.name,
            "schema": canonical_schema(project),
            "blind": "yes" if blind else "no",
            "created": now(),
        }
        entities = project.entities.names()
        remembered = []
        layers = 0
        with hub.transaction(writing=True), project.reading():
            hub.create(leads, annotators, settings)
            hub.add_login(lead, leads, annotators, password)
            documents = hub.put_documents(
                (d.sha256, d.name, d.meta, d.text) for d in project.documents.iter_all()
            )
            batch: list[tuple] = []
            for item in iter_annotated(project):
                for annotator, here in _layers_of(item).items():
                    batch.append((item.document, annotator, here))
                if len(batch) >= LAYER_BATCH:
                    layers += _put(hub, batch, entities, remembered)
                    batch = []
            layers += _put(hub, batch, entities, remembered)
            latest = hub.latest()
        with project.write():
            hub_link.link(
                project,
                {
                    "hub.url": urls.without_password(urls.as_login(url, lead)),
                    "hub.login": lead,
                    "hub.schema": settings["schema"],
                    "hub.blind": settings["blind"],
                    "hub.pulled": str(latest),
                    "hub.synced": now(),
                },
            )
            hub_link.remember(project, remembered)
        return InitReport(hub.shown, lead, documents, layers, lead == hub.login())


def _layers_of(item) -> dict[str, Here]:
    names = {s.annotator for s in item.spans} | {e.annotator for e in item.events}
    names |= set(item.status)
    return {
        name: Here(
            [s for s in item.spans if s.annotator == name],
            [r for r in item.relations if r.annotator == name],
            [e for e in item.events if e.annotator == name],
            item.status.get(name),
        )
        for name in sorted(names)
    }


def _put(hub: Hub, batch: list[tuple], entities: dict[int, str], remembered: list) -> int:
    if not batch:
        return 0
    rows = [
        (document.sha256, name, content(document, here, entities), fingerprint(here, entities), 0)
        for document, name, here in batch
    ]
    puts = hub.put_layers(rows)
    for (document, name, _), (_, _, _, print_, _), put in zip(batch, rows, puts, strict=True):
        remembered.append((document.id, name, put.revision, print_))
    return len(puts)


def add_user(url: str, name: str, role: str, password: str | None = None) -> bool:
    """Give ``name`` a login on the hub as an annotator or a lead; True when the login is new."""
    if role not in ROLES:
        raise HubSetupError(f"--role must be one of {', '.join(ROLES)}, not «{role}»")
    with _connect(url) as hub:
        settings = _hub_settings(hub)
        leads, annotators = settings["leads"], settings["annotators"]
        _checked_name(name, (leads, annotators))
        group, other = (leads, annotators) if role == "lead" else (annotators, leads)
        return hub.add_login(name, group, other, password)


def remove_user(url: str, name: str) -> bool:
    """Take ``name`` off the hub: from now on their login reads and writes nothing there.
    Their layers, comments and history stay. False when they were not on it."""
    with _connect(url) as hub:
        settings = _hub_settings(hub)
        return hub.remove_login(name, (settings["leads"], settings["annotators"]))


def _hub_settings(hub: Hub) -> dict[str, str]:
    if not hub.is_hub():
        raise HubSetupError(
            f"{hub.shown} holds no hub; a lead makes one with: annotator hub init URL --from "
            "PROJECT --lead NAME"
        )
    settings = hub.settings()
    if int(settings.get("format", "0")) > HUB_FORMAT:
        raise HubSetupError(
            f"{hub.shown} was made by a newer version of annotator (hub format "
            f"{settings['format']}); update annotator to use it"
        )
    return settings


@dataclass
class HubStatus:
    hub: str
    name: str
    blind: bool
    members: list[tuple[str, str]]
    standing: list[Standing]


def set_blind(url: str, blind: bool) -> bool:
    """Make the hub blind (annotators read only their own layers) or not, as a lead;
    returns whether it was blind before. Copies take the change at their next sync."""
    with _connect(url) as hub:
        settings = _hub_settings(hub)
        if not hub.is_lead():
            raise HubSetupError(f"only a lead of {hub.shown} can make it blind or not")
        hub.put_setting("blind", "yes" if blind else "no")
        return settings.get("blind") == "yes"


def status(url: str) -> HubStatus:
    with _connect(url) as hub:
        settings = _hub_settings(hub)
        return HubStatus(
            hub.shown,
            settings.get("name", ""),
            settings.get("blind") == "yes",
            hub.members(),
            hub.standing(),
        )


def assign(
    url: str,
    annotators: Sequence[str] = (),
    per_document: int = 1,
    from_file: Path | None = None,
) -> int:
    """Assign documents: each document no one has yet to ``per_document`` of ``annotators``
    in turn (round robin, in the order the hub received the documents), or as a CSV/TSV file
    of (document name or SHA-256, annotator) lines says. Returns how many assignments are
    new."""
    with _connect(url) as hub:
        _hub_settings(hub)
        documents = hub.document_names()
        if from_file is not None:
            pairs = _pairs_from_file(from_file, documents)
        else:
            if not annotators:
                raise HubSetupError("name the annotators to assign to, or give a file")
            if not 1 <= per_document <= len(annotators):
                raise HubSetupError(
                    f"--per-document must be between 1 and the {len(annotators)} annotators"
                )
            for name in annotators:
                _checked_name(name)
            taken = hub.assigned_documents()
            cycle = itertools.cycle(annotators)
            pairs = [
                (sha256, next(cycle))
                for sha256, _ in documents
                if sha256 not in taken
                for _ in range(per_document)
            ]
        return hub.assign(pairs)


@dataclass
class Unassigned:
    removed: int
    kept_started: int  # assignments left because the annotator had begun the document


def unassign(
    url: str,
    annotators: Sequence[str] = (),
    from_file: Path | None = None,
    started_too: bool = False,
) -> Unassigned:
    """End assignments: those a CSV/TSV file lists, or the annotators' own — the documents
    they have not begun, or all with ``started_too``. Their layers stay; the documents leave
    their lists' top at their next sync."""
    with _connect(url) as hub:
        _hub_settings(hub)
        if from_file is not None:
            return Unassigned(hub.unassign(_pairs_from_file(from_file, hub.document_names())), 0)
        if not annotators:
            raise HubSetupError("name the annotators whose assignments end, or give a file")
        held = hub.assignments_of([_checked_name(name) for name in annotators])
        pairs = [(d, a) for d, a, started in held if started_too or not started]
        return Unassigned(hub.unassign(pairs), len(held) - len(pairs))


def _pairs_from_file(path: Path, documents: list[tuple[str, str]]) -> list[tuple[str, str]]:
    by_name: dict[str, list[str]] = defaultdict(list)
    for sha256, name in documents:
        by_name[name].append(sha256)
    shas = {sha256 for sha256, _ in documents}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot be read ({error})", file=path) from None
    dialect = "excel-tab" if "\t" in text.split("\n", 1)[0] else "excel"
    pairs = []
    for number, row in enumerate(csv.reader(text.splitlines(), dialect), 1):
        if not row or not "".join(row).strip():
            continue
        if len(row) != 2:
            raise InputError("expected two fields: document, annotator", file=path, line=number)
        document, annotator = (field.strip() for field in row)
        found = [document] if document in shas else by_name.get(document, [])
        if not found:
            raise InputError(f"the hub has no document «{document}»", file=path, line=number)
        if len(found) > 1:
            raise InputError(
                f"{len(found)} documents on the hub are named «{document}»; give its SHA-256",
                file=path,
                line=number,
            )
        pairs.append((found[0], _checked_name(annotator)))
    return pairs


def clone(url: str, folder: str | Path, password: str | None = None) -> SyncReport:
    """A new local project holding what the hub lets this login read, linked to the hub."""
    target = Path(folder)
    with Hub.connect(urls.with_password(url, password), urls.without_password(url)) as hub:
        settings = _hub_settings(hub)
        login = hub.login()
        lead = hub.is_lead()
        try:
            schema = schema_from_json(json.loads(settings["schema"]))
        except (KeyError, ValueError) as error:
            raise HubSetupError(f"{hub.shown}: the hub's schema cannot be read ({error})") from None
        project = Project.create(target, schema, settings.get("name"))
        try:
            with project.write():
                hub_link.link(
                    project,
                    {
                        "hub.url": urls.without_password(urls.as_login(url, login)),
                        "hub.login": login,
                        "hub.pulled": "0",
                    },
                )
            report = SyncReport(hub.shown, login)
            pull(project, hub, login, lead, report)
            hub.record_sync(0, report.pulled)
        finally:
            project.close()
    return report
