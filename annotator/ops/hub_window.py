"""What the window asks of a hub, on top of the operations the command line uses: a sync
that says how it went instead of raising (reached or not, a password wanted or not), the
hub's standing read with the password kept for the session, and a clone that leaves no
half-made project behind when it fails."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError, ProjectError
from annotator.hub import urls
from annotator.ops import hub_setup, syncing
from annotator.ops.hub_setup import HubStatus
from annotator.ops.sync_report import SyncReport
from annotator.store.hub.server import HubUnreachable
from annotator.store.project import Project


@dataclass(frozen=True)
class SyncAttempt:
    """How one sync went: its report, or why there is none."""

    report: SyncReport | None = None
    problem: str | None = None  # one line for the user when it failed
    offline: bool = False  # the hub could not be reached: nothing was sent or received
    wants_password: bool = False  # the server asked for a password, or refused the one given
    password: str | None = field(default=None, repr=False)  # the one used (kept by the window)

    @property
    def ok(self) -> bool:
        return self.report is not None


def asks_for_password(error: AnnotatorError, shown: str = "") -> bool:
    """The server turned the connection down for want of a (right) password: libpq says
    "no password supplied", the server "password authentication failed"."""
    return "password" in str(error).replace(shown, "").lower()


def sync_attempt(project: Project, password: str | None = None) -> SyncAttempt:
    """Sync as :func:`syncing.sync` does; an error comes back as the attempt's problem."""
    try:
        return SyncAttempt(syncing.sync(project, password), password=password)
    except HubUnreachable as error:
        wanted = asks_for_password(error, project.meta("hub.url") or "")
        return SyncAttempt(None, str(error), not wanted, wanted, password)
    except AnnotatorError as error:
        return SyncAttempt(None, str(error), password=password)


def hub_status(url: str, password: str | None = None) -> HubStatus:
    """Where everyone stands on the hub at ``url`` (a project's, without its password)."""
    return hub_setup.status(urls.with_password(url, password))


def assign_documents(
    url: str, password: str | None, annotators: list[str], per_document: int
) -> int:
    """Deal the documents no one has to ``annotators`` in turn, ``per_document`` each
    (:func:`hub_setup.assign`); how many assignments are new."""
    return hub_setup.assign(urls.with_password(url, password), annotators, per_document)


def end_assignments(url: str, password: str | None, annotators: list[str]) -> hub_setup.Unassigned:
    """End the annotators' assignments to documents they have not begun."""
    return hub_setup.unassign(urls.with_password(url, password), annotators)


def clone_into(url: str, folder: str | Path, password: str | None = None) -> SyncReport:
    """Clone the hub into a new or empty folder; when the clone fails, what it made there is
    removed, so that trying again (with the right password, say) starts afresh."""
    target = Path(folder)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ProjectError(f"{target}: not empty; choose a new folder for the hub's copy")
    made = not target.exists()
    try:
        return hub_setup.clone(url, target, password)
    except BaseException:
        if made:
            shutil.rmtree(target, ignore_errors=True)
        elif target.is_dir():
            for child in target.iterdir():
                if child.is_dir():
                    shutil.rmtree(child, ignore_errors=True)
                else:
                    child.unlink(missing_ok=True)
        raise
