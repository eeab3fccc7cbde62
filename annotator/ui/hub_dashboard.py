"""File ▸ Hub status…: where each annotator of the hub stands — assigned, done, in progress,
untouched, when they last synced — read from the hub in the background."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.hub import urls
from annotator.ops import hub_window
from annotator.ops.hub_setup import HubStatus
from annotator.ui.hub_assigning import HubAssigning
from annotator.ui.hub_label import ago
from annotator.ui.language import figure, fill, listed, translate
from annotator.ui.tasks import BackgroundCall, Outcome

COLUMNS = (
    QT_TRANSLATE_NOOP("HubDashboard", "Annotator"),
    QT_TRANSLATE_NOOP("HubDashboard", "Assigned"),
    QT_TRANSLATE_NOOP("HubDashboard", "Done"),
    QT_TRANSLATE_NOOP("HubDashboard", "In progress"),
    QT_TRANSLATE_NOOP("HubDashboard", "Untouched"),
    QT_TRANSLATE_NOOP("HubDashboard", "Last sync"),
)


class HubDashboard(QDialog):
    """Not modal: it stays open beside the work, and Refresh reads the hub again."""

    def __init__(self, url: str, password: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url, self.password = url, password
        self.call: BackgroundCall | None = None
        self.outcome = ""  # what the lead's last assigning did, said once the table is read
        self.setWindowTitle(self.tr("Hub status"))
        self.resize(720, 360)
        column = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        column.addWidget(self.heading)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("HubDashboard", c) for c in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        column.addWidget(self.table, 1)
        self.assigning = HubAssigning(lambda: (self.url, self.password), self)
        self.assigning.said.connect(self._assigned)
        column.addWidget(self.assigning)
        self.status = QLabel()
        self.status.setWordWrap(True)
        column.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.refresh_button = buttons.addButton(
            self.tr("Refresh"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.refresh_button.clicked.connect(self.refresh)
        buttons.rejected.connect(self.close)
        column.addWidget(buttons)

    def refresh(self) -> None:
        """Read the hub's standing again, in the background."""
        if self.call is not None:
            return
        url, password = self.url, self.password
        self.status.setText(fill(self.tr("Reading %1…"), url))
        self.refresh_button.setEnabled(False)
        self.call = BackgroundCall(lambda: hub_window.hub_status(url, password), self)
        self.call.finished.connect(self._finished)
        self.call.start()

    def _finished(self, outcome: Outcome) -> None:
        self.call = None
        self.refresh_button.setEnabled(True)
        if not outcome.ok:
            self.status.setText(outcome.error or "")
            return
        self.show_status(outcome.result)
        self.status.setText(self.outcome or self.tr("Read from the hub just now."))
        self.outcome = ""

    def _assigned(self, said: str, changed: bool) -> None:
        if changed:  # the table is read again, and then says what was done
            self.refresh()
            self.outcome = said
        self.status.setText(said)

    def show_status(self, status: HubStatus) -> None:
        leads = [name for name, role in status.members if role == "lead"]
        annotators = [name for name, role in status.members if role != "lead"]
        lines = [  # each begins with the window's words, so it reads the window's way
            fill(self.tr("Hub: %1 (%2)"), status.name, status.hub),
            fill(self.tr("Leads: %1"), listed(leads) or "—"),
            fill(self.tr("Annotators: %1"), listed(annotators) or "—"),
        ]
        if status.blind:
            lines.append(self.tr("Blind: annotators see only their own layers."))
        self.assigning.show_members(status.members, urls.login(self.url))
        heading = "\n".join(lines)
        self.heading.setText(heading)
        self.table.setRowCount(len(status.standing))
        for row, standing in enumerate(status.standing):
            cells = [
                standing.annotator,
                figure(standing.assigned),
                figure(standing.done),
                figure(standing.in_progress),
                figure(standing.untouched),
                ago(standing.synced_at) if standing.synced_at else self.tr("never"),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if 0 < col < len(cells) - 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if col == len(cells) - 1 and standing.synced_at:
                    item.setToolTip(standing.synced_at)
                self.table.setItem(row, col, item)
