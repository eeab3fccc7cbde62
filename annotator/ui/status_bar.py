"""The status bar follows the session: where the document stands in the list, how many spans
the shown layer has, whether the last edit was saved, and who is annotating."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QMessageBox, QStatusBar

from annotator.ui.browsing import Browsing
from annotator.ui.session import Session


class StatusBar(QObject):
    def __init__(self, session: Session, browsing: Browsing, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.session, self.browsing, self.bar = session, browsing, bar
        self.position = QLabel()
        self.spans = QLabel()
        self.saved = QLabel("All changes saved")
        self.who = QLabel()
        for label in (self.position, self.spans, self.saved, self.who):
            bar.addPermanentWidget(label)
        session.saved.connect(lambda time: self.saved.setText(f"Saved {time}"))
        session.failed.connect(self._failed)
        session.refused.connect(self._refused)
        session.message.connect(self._message)
        session.projectLost.connect(lambda _error: self.saved.setText("Not saved!"))
        session.waiting.connect(self._waiting)
        for signal in (
            session.documentShown,
            session.layerChanged,
            session.projectChanged,
            session.changedElsewhere,
        ):
            signal.connect(self.update)
        session.spansChanged.connect(lambda _change: self.update())
        session.documentChanged.connect(lambda _id: self.update())

    def _message(self, text: str, ms: int) -> None:
        if text:
            self.bar.showMessage(text, ms)
        else:
            self.bar.clearMessage()

    def _waiting(self, seconds: float) -> None:
        self.saved.setText("Waiting to save…")
        self.bar.showMessage(
            f"Waiting {seconds:.0f} s for another program to finish writing to the project (an "
            "import?); your edit is saved as soon as it has.",
            2000,
        )

    def _refused(self, message: str) -> None:
        QMessageBox.warning(self.bar.window(), "The edit was not made", message)

    def _failed(self, message: str) -> None:
        self.saved.setText("Not saved!")
        QMessageBox.warning(self.bar.window(), "The edit was not made", message)

    def update(self) -> None:
        session = self.session
        row, total = self.browsing.position()
        self.position.setText(f"{row + 1} / {total}" if row is not None else f"– / {total}")
        count = len(session.spans)
        layer = f" ({session.layer}'s, read-only)" if session.read_only else ""
        self.spans.setText(f"{count} span{'s' * (count != 1)}{layer}")
        self.who.setText(f"Annotator: {session.annotator}")
