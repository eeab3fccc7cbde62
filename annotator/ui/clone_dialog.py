"""File ▸ Clone from a hub…: the hub's URL, the password (optional, never stored) and a new
folder; the clone runs in the background and, once made, the copy opens in the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.ops import hub_window
from annotator.ui.tasks import BackgroundCall, Outcome

EXAMPLE_URL = "postgresql://NAME@HOST:5432/DATABASE"


class CloneDialog(QDialog):
    cloned = Signal(object, object, object)  # folder, password or None, SyncReport

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Clone from a hub"))
        self.setMinimumWidth(560)
        self.call: BackgroundCall | None = None
        column = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Make a project of your own from your team's hub: its documents, its schema, "
                "your assignments and the layers you may read. Work in it offline if need be; "
                "File ▸ Sync now sends your work and brings your colleagues'."
            )
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        form = QFormLayout()
        self.url = QLineEdit()
        self.url.setPlaceholderText(EXAMPLE_URL)
        self.url.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a URL reads left to right
        form.addRow(self.tr("Hub URL:"), self.url)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("optional: PGPASSWORD or ~/.pgpass may hold it"))
        self.password.setToolTip(self.tr("Used for this connection only; never stored."))
        form.addRow(self.tr("Password:"), self.password)
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("a new folder for your copy"))
        self.browse = QPushButton(self.tr("Browse…"))
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        form.addRow(self.tr("Folder:"), row)
        column.addLayout(form)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.clone_button = self.buttons.addButton(
            self.tr("Clone"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.clone_button.setDefault(True)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        column.addWidget(self.buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New folder for the hub's copy"))
        if path:
            self.folder.setText(path)

    def start(self) -> None:
        """Clone in the background; the dialog waits, the window goes on."""
        url, folder = self.url.text().strip(), self.folder.text().strip()
        if not url or not folder:
            self.status.setText(self.tr("Give the hub's URL and a folder for your copy."))
            return
        password = self.password.text() or None
        self._busy(True)
        self.status.setText(self.tr("Cloning %1…").replace("%1", url))
        self.call = BackgroundCall(lambda: hub_window.clone_into(url, folder, password), self)
        self.call.finished.connect(lambda outcome: self._finished(Path(folder), password, outcome))
        self.call.start()

    def _busy(self, on: bool) -> None:
        for widget in (self.url, self.password, self.folder, self.browse, self.buttons):
            widget.setEnabled(not on)

    def _finished(self, folder: Path, password: str | None, outcome: Outcome) -> None:
        self.call = None
        self._busy(False)
        if not outcome.ok:
            self.status.setText(outcome.error or "")
            return
        self.cloned.emit(folder, password, outcome.result)
        self.accept()

    def reject(self) -> None:
        if self.call is None:  # a clone under way is let finish
            super().reject()
