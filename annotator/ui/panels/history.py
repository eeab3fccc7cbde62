"""The audit trail of the selected span: who created, changed or deleted it, and when."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from annotator.ops.viewing import AuditEntry
from annotator.ui.language import translate


def _when(time: str) -> str:
    try:
        return datetime.fromisoformat(time).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return time


def _change(before: Any, after: Any) -> str:
    if isinstance(before, dict) and isinstance(after, dict):
        keys = [k for k in after if before.get(k) != after.get(k)] or list(after)
        return "; ".join(f"{k}: {before.get(k)!r} → {after.get(k)!r}" for k in keys)
    if after is not None and before is None:
        if isinstance(after, dict) and "label" in after:
            return f"{after.get('label')} «{after.get('text', '')}»"
        return str(after)
    if before is not None and after is None:
        if not isinstance(before, dict):
            return str(before)
        was = translate("HistoryPanel", "was %1").replace("%1", str(before.get("label")))
        return f"{was} «{before.get('text', '')}»"
    return ""


ACTIONS = {
    "create": QT_TRANSLATE_NOOP("HistoryPanel", "create"),
    "update": QT_TRANSLATE_NOOP("HistoryPanel", "update"),
    "delete": QT_TRANSLATE_NOOP("HistoryPanel", "delete"),
    "restore": QT_TRANSLATE_NOOP("HistoryPanel", "restore"),
    "link": QT_TRANSLATE_NOOP("HistoryPanel", "link"),
    "unlink": QT_TRANSLATE_NOOP("HistoryPanel", "unlink"),
    "status": QT_TRANSLATE_NOOP("HistoryPanel", "status"),
    "merge": QT_TRANSLATE_NOOP("HistoryPanel", "merge"),
    "accept": QT_TRANSLATE_NOOP("HistoryPanel", "accept"),
    "undo accept": QT_TRANSLATE_NOOP("HistoryPanel", "undo accept"),
    "accept agreed": QT_TRANSLATE_NOOP("HistoryPanel", "accept agreed"),
    "event create": QT_TRANSLATE_NOOP("HistoryPanel", "event create"),
    "event update": QT_TRANSLATE_NOOP("HistoryPanel", "event update"),
    "event delete": QT_TRANSLATE_NOOP("HistoryPanel", "event delete"),
    "event restore": QT_TRANSLATE_NOOP("HistoryPanel", "event restore"),
    "accept event": QT_TRANSLATE_NOOP("HistoryPanel", "accept event"),
    "undo accept event": QT_TRANSLATE_NOOP("HistoryPanel", "undo accept event"),
    "comment": QT_TRANSLATE_NOOP("HistoryPanel", "comment"),
    "resolve": QT_TRANSLATE_NOOP("HistoryPanel", "resolve"),
    "reopen": QT_TRANSLATE_NOOP("HistoryPanel", "reopen"),
    "place": QT_TRANSLATE_NOOP("HistoryPanel", "place"),
}


def _action(action: str) -> str:
    return translate("HistoryPanel", ACTIONS[action]) if action in ACTIONS else action


class HistoryPanel(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels(
            [
                translate("HistoryPanel", "When"),
                translate("HistoryPanel", "Who"),
                translate("HistoryPanel", "What"),
                translate("HistoryPanel", "Change"),
            ]
        )
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((140, 80, 70)):
            header.resizeSection(column, width)

    def show_entries(self, entries: list[AuditEntry]) -> None:
        self.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            values = (
                _when(entry.time),
                entry.annotator,
                _action(entry.action),
                _change(entry.before, entry.after),
            )
            for column, value in enumerate(values):
                self.setItem(row, column, QTableWidgetItem(value))
