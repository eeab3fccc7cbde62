"""The status bar's word on the hub, for a hub's copy only: "synced 2 min ago", "syncing…",
or "offline: 14 changes waiting" when the last sync could not reach the server; hovering it
says which hub, as whom. A project that is no hub's copy shows nothing."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from annotator.ui.hub_sync import HubSync
from annotator.ui.language import figure, fill, translate

REFRESH_MS = 30_000


def ago(when: str | None, now: datetime | None = None) -> str:
    """How long ago an ISO time was, as a person says it ("2 min ago"); "" for None."""
    if not when:
        return ""
    try:
        then = datetime.fromisoformat(when)
    except ValueError:
        return when
    if then.tzinfo is None:
        then = then.replace(tzinfo=UTC)
    seconds = ((now or datetime.now(UTC)) - then).total_seconds()
    minutes, hours = int(seconds // 60), int(seconds // 3600)
    if minutes < 1:
        return translate("HubLabel", "just now")
    if hours < 1:
        return fill(translate("HubLabel", "%1 min ago"), figure(minutes))
    if hours < 24:
        return fill(translate("HubLabel", "%1 h ago"), figure(hours))
    days = hours // 24
    if days == 1:
        return translate("HubLabel", "1 day ago")
    return fill(translate("HubLabel", "%1 days ago"), figure(days))


class HubLabel(QLabel):
    def __init__(self, sync: HubSync, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sync = sync
        self.clock = QTimer(self)
        self.clock.setInterval(REFRESH_MS)
        self.clock.timeout.connect(self.update_text)
        sync.changed.connect(self.update_text)
        sync.session.saved.connect(lambda _time: self.update_text())  # one more change waits
        self.update_text()

    def update_text(self) -> None:
        state = self.sync.state()
        self.setVisible(state is not None)
        if state is None:
            self.clock.stop()
            self.setText("")
            self.setToolTip("")
            return
        if not self.clock.isActive():
            self.clock.start()
        last = self.sync.last
        tip = fill(self.tr("Hub: %1\nLogin: %2"), state.url, state.login)
        if self.sync.running:
            text = self.tr("syncing…")
        elif last is not None and not last.ok:
            text = self._not_synced(last.offline, last.wants_password, state.waiting)
            tip += "\n\n" + (last.problem or "")
        elif state.synced_at is None:
            text = self.tr("not synced yet")
        else:
            text = fill(self.tr("synced %1"), ago(state.synced_at))
            if state.waiting:
                tip += "\n" + self._waiting(state.waiting)
        self.setText(text)
        self.setToolTip(tip)

    def _not_synced(self, offline: bool, password: bool, waiting: int) -> str:
        if password:
            return self.tr("not synced: the hub wants a password (File ▸ Sync now)")
        said = self.tr("offline: %1") if offline else self.tr("not synced: %1")
        return fill(said, self._waiting(waiting))

    def _waiting(self, count: int) -> str:
        if count == 0:
            return self.tr("nothing waiting")
        if count == 1:
            return self.tr("1 change waiting")
        return fill(self.tr("%1 changes waiting"), figure(count))
