"""Syncing the open hub's copy from the window: on demand (File ▸ Sync now), shortly after
opening, and every few minutes; never two at once, and never holding the window.

A sync runs in a worker thread on a connection of its own (:mod:`annotator.ui.tasks`); what
it brings is then shown the way another program's changes are (the session re-reads the
list and the shown layer). A password is asked only when the server wants one and the user
asked for the sync; it is kept, per hub, for as long as the window runs, never on disk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from annotator.ops import hub_window, syncing
from annotator.ops.hub_window import SyncAttempt
from annotator.ops.syncing import HubState
from annotator.ui.language import fill
from annotator.ui.report_words import sync_notes, sync_summary
from annotator.ui.session import Session
from annotator.ui.tasks import Outcome, Task

SYNC_EVERY_MS = 5 * 60 * 1000
FIRST_SYNC_MS = 3000  # after opening a hub's copy


class HubSync(QObject):
    changed = Signal()  # a sync started or ended (the status bar's label follows)
    synced = Signal(object)  # the SyncAttempt of the open project's latest sync

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.parent_widget = session, parent
        self.passwords: dict[str, str] = {}  # per hub URL, for this run of the window only
        self.task: Task | None = None
        self.last: SyncAttempt | None = None  # the open project's latest sync
        self.notes_box: QMessageBox | None = None  # the latest sync's notes, when it had any
        self.timer = QTimer(self)
        self.timer.setInterval(SYNC_EVERY_MS)
        self.timer.timeout.connect(self.start)
        self.first = QTimer(self)
        self.first.setSingleShot(True)
        self.first.setInterval(FIRST_SYNC_MS)
        self.first.timeout.connect(self.start)
        session.projectChanged.connect(self._project_changed)

    def state(self) -> HubState | None:
        """The open project's link to its hub (None: no project, or not a hub's copy)."""
        project = self.session.project
        return syncing.hub_state(project) if project is not None else None

    @property
    def running(self) -> bool:
        return self.task is not None

    def _project_changed(self) -> None:
        self.last = None
        self.timer.stop()
        self.first.stop()
        if self.state() is not None:
            self.timer.start()
            self.first.start()
        self.changed.emit()

    def stop(self) -> None:
        """Stop syncing (the window closes): a sync under way is let finish first."""
        self.timer.stop()
        self.first.stop()
        if self.task is not None:
            self.task.wait()

    def sync_now(self) -> bool:
        """Sync at the user's asking: a password is asked for if the server wants one."""
        return self.start(asking=True)

    def start(self, asking: bool = False, password: str | None = None) -> bool:
        """Start a sync in the background; False when none can start now."""
        state = self.state()
        if state is None:
            return False
        if self.task is not None:
            if asking:
                self.session.message.emit(self.tr("A sync is already running."), 3000)
            return False
        if password is None:
            password = self.passwords.get(state.url)
        folder = self.session.project.folder
        task = Task(
            folder, lambda project, _progress: hub_window.sync_attempt(project, password), self
        )
        task.finished.connect(lambda outcome: self._finished(task, folder, state, asking, outcome))
        self.task = task
        task.start()
        self.changed.emit()
        return True

    def _finished(
        self, task: Task, folder: Path, state: HubState, asking: bool, outcome: Outcome
    ) -> None:
        self.task = None
        task.deleteLater()
        project = self.session.project
        if project is None or project.folder != folder:  # another project was opened since
            self.changed.emit()
            return
        attempt = outcome.result if outcome.ok else SyncAttempt(problem=outcome.error or "")
        if attempt.wants_password:
            self.passwords.pop(state.url, None)
            if asking:
                password = self.ask_password(state, refused=attempt.password is not None)
                if password is not None and self.start(asking=True, password=password):
                    return
        elif attempt.ok and attempt.password is not None:
            self.passwords[state.url] = attempt.password
        self.last = attempt
        if attempt.ok:  # what it brought is shown as another program's changes are
            self.session.saving.look_for_changes()
        self.changed.emit()
        self.synced.emit(attempt)
        self._tell(attempt, asking)

    def ask_password(self, state: HubState, refused: bool = False) -> str | None:
        """The login's password for the hub, asked with the characters hidden; None if the
        user gave none."""
        said = (
            self.tr("The hub refused the password. Password of %1 for %2:")
            if refused
            else self.tr("The hub asks for a password. Password of %1 for %2:")
        )
        password, ok = QInputDialog.getText(
            self.parent_widget,
            self.tr("Hub password"),
            fill(said, state.login, state.url),
            QLineEdit.EchoMode.Password,
        )
        return password if ok and password else None

    def _tell(self, attempt: SyncAttempt, asking: bool) -> None:
        """The summary in the status bar; notes in a box when the user asked for the sync,
        or when others' work was replaced, kept aside or refused."""
        if attempt.report is None:
            said = self.tr("Not synced: %1")
            self.session.message.emit(said.replace("%1", attempt.problem or ""), 10000)
            return
        report = attempt.report
        self.session.message.emit(sync_summary(report), 10000)
        groups = ("replaced", "kept_here", "refused", "not_sent")
        notes = sync_notes(report, groups if asking else groups[:3])
        if notes:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Sync notes"),
                self.tr("The sync has notes:"),
                QMessageBox.StandardButton.Ok,
                self.parent_widget,
            )
            box.setInformativeText("\n\n".join(f"• {note}" for note in notes))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.setWindowModality(Qt.WindowModality.NonModal)  # the work goes on meanwhile
            box.show()
            self.notes_box = box
