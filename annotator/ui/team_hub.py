"""The team hub in the window: File ▸ Clone from a hub…, Sync now and Hub status…, the
status bar's word on the hub, and syncing in the background (:mod:`annotator.ui.hub_sync`).
Sync now and Hub status are there only for a hub's copy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from annotator.ops.sync_report import SyncReport
from annotator.ui import project_actions
from annotator.ui.clone_dialog import CloneDialog
from annotator.ui.hub_dashboard import HubDashboard
from annotator.ui.hub_label import HubLabel
from annotator.ui.hub_sync import HubSync
from annotator.ui.language import figure, fill
from annotator.ui.session import Session

SYNC_KEY = "Ctrl+Shift+S"


class TeamHub(QObject):
    def __init__(self, session: Session, window: QMainWindow, file_menu: QMenu) -> None:
        super().__init__(window)
        self.session, self.window = session, window
        self.sync = HubSync(session, window)
        self.label = HubLabel(self.sync)
        window.statusBar().addPermanentWidget(self.label)
        self.clone_dialog: CloneDialog | None = None
        self.dashboard: HubDashboard | None = None
        self.clone_action = self._action(self.tr("&Clone from a hub…"), self.clone)
        self.sync_action = self._action(self.tr("S&ync now"), self.sync.sync_now, SYNC_KEY)
        self.status_action = self._action(self.tr("&Hub status…"), self.show_status)
        self._place(file_menu)
        session.projectChanged.connect(self._enable)
        self._enable()

    def _action(self, text: str, slot, shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        self.window.addAction(action)  # its shortcut works wherever the focus is
        return action

    def _place(self, menu: QMenu) -> None:
        """In the File menu, a group of their own after Open recent."""
        actions = menu.actions()
        recent = next((a for a in actions if a.menu() is not None), None)
        index = actions.index(recent) + 1 if recent is not None else len(actions)
        if index >= len(actions):
            menu.addSeparator()
            menu.addActions([self.clone_action, self.sync_action, self.status_action])
            return
        menu.insertSeparator(actions[index])
        menu.insertActions(
            actions[index], [self.clone_action, self.sync_action, self.status_action]
        )

    def _enable(self) -> None:
        linked = self.sync.state() is not None
        self.sync_action.setEnabled(linked)
        self.status_action.setEnabled(linked)

    def clone(self) -> CloneDialog:
        """Ask for a hub and a folder; the copy opens once it is made."""
        dialog = CloneDialog(self.window)
        dialog.cloned.connect(self._cloned)
        self.clone_dialog = dialog
        dialog.open()
        return dialog

    def _cloned(self, folder: Path, password: str | None, report: SyncReport) -> None:
        if not project_actions.open_folder(self.window, self.session, folder):
            return
        state = self.sync.state()
        if password and state is not None:  # for this run of the window only
            self.sync.passwords[state.url] = password
        said = fill(
            self.tr("Cloned %1 as %2: %3 documents, %4 layers."),
            report.hub,
            report.login,
            figure(report.pulled_documents),
            figure(report.pulled),
        )
        self.session.message.emit(said, 10000)

    def show_status(self) -> HubDashboard | None:
        """The hub's standing per annotator, in a window beside the work."""
        state = self.sync.state()
        if state is None:
            return None
        if self.dashboard is None or self.dashboard.url != state.url:
            if self.dashboard is not None and self.dashboard.call is None:
                self.dashboard.deleteLater()
            self.dashboard = HubDashboard(state.url, None, self.window)
        self.dashboard.password = self.sync.passwords.get(state.url)
        self.dashboard.show()
        self.dashboard.raise_()
        self.dashboard.refresh()
        return self.dashboard

    def stop(self) -> None:
        """The window closes: background work is let finish."""
        self.sync.stop()
        for dialog in (self.clone_dialog, self.dashboard):
            if dialog is not None and dialog.call is not None:
                dialog.call.wait()
        if self.dashboard is not None and self.dashboard.assigning.call is not None:
            self.dashboard.assigning.call.wait()
