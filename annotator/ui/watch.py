"""Timers that look after an open project: another program's changes are looked for every
second and a half, and other computers are told now and then that this window still has it."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.ops import opening
from annotator.ops.opening import OpenedInWindow

WATCH_MS = 1500


class ProjectWatch(QObject):
    tick = Signal()  # time to look for changes made elsewhere

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.opened: OpenedInWindow | None = None
        self.looking = QTimer(self)
        self.looking.setInterval(WATCH_MS)
        self.looking.timeout.connect(self.tick)
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(opening.KEEP_ALIVE_SECONDS * 1000)
        self.heartbeat.timeout.connect(lambda: self.opened and self.opened.keep_alive())

    def start(self, opened: OpenedInWindow) -> None:
        self.opened = opened
        self.looking.start()
        self.heartbeat.start()

    def stop(self) -> None:
        self.looking.stop()
        self.heartbeat.stop()
        self.opened = None

    def set_interval(self, ms: int) -> None:
        self.looking.setInterval(ms)

    def active(self) -> bool:
        return self.looking.isActive()

    def pause(self) -> None:
        self.looking.stop()

    def resume(self) -> None:
        self.looking.start()
