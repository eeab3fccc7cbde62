"""The status bar follows the session: where the document stands in the list, how many spans
the shown layer has, whether the last edit was saved, and who is annotating."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QMessageBox, QStatusBar

from annotator.ui.browsing import Browsing
from annotator.ui.language import figure
from annotator.ui.session import Session


class StatusBar(QObject):
    def __init__(self, session: Session, browsing: Browsing, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.session, self.browsing, self.bar = session, browsing, bar
        self.position = QLabel()
        self.spans = QLabel()
        self.saved = QLabel(self.tr("All changes saved"))
        self.who = QLabel()
        for label in (self.position, self.spans, self.saved, self.who):
            bar.addPermanentWidget(label)
        session.saved.connect(
            lambda time: self.saved.setText(self.tr("Saved %1").replace("%1", time))
        )
        session.failed.connect(self._failed)
        session.refused.connect(self._refused)
        session.message.connect(self._message)
        session.projectLost.connect(lambda _error: self.saved.setText(self.tr("Not saved!")))
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

    def _saved(self, time: str) -> None:
        self.saved.setText(self.tr("Saved %1").replace("%1", time))

    def _message(self, text: str, ms: int) -> None:
        if text:
            self.bar.showMessage(text, ms)
        else:
            self.bar.clearMessage()

    def _waiting(self, seconds: float) -> None:
        self.saved.setText(self.tr("Waiting to save…"))
        self.bar.showMessage(
            self.tr(
                "Waiting %1 s for another program to finish writing to the project (an "
                "import?); your edit is saved as soon as it has."
            ).replace("%1", figure(round(seconds))),
            2000,
        )

    def _refused(self, message: str) -> None:
        QMessageBox.warning(self.bar.window(), self.tr("The edit was not made"), message)

    def _failed(self, message: str) -> None:
        self.saved.setText(self.tr("Not saved!"))
        QMessageBox.warning(self.bar.window(), self.tr("The edit was not made"), message)

    def update(self) -> None:
        session = self.session
        row, total = self.browsing.position()
        here = figure(row + 1) if row is not None else "–"
        self.position.setText(f"{here} / {figure(total)}")
        count = len(session.spans)
        spans = self.tr("%1 span") if count == 1 else self.tr("%1 spans")
        text = spans.replace("%1", figure(count))
        if session.read_only:
            text += self.tr(" (%1's, read-only)").replace("%1", session.layer)
        self.spans.setText(text)
        self.who.setText(self.tr("Annotator: %1").replace("%1", session.annotator))
