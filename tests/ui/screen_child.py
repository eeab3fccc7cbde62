"""The window on a real X server, photographed: ``python -m tests.ui.screen_child PROJECT OUT``.

It opens the project's first document, photographs the text area from the screen, presses
Page Down as a user would, and photographs it again (``OUT/first.png``, ``OUT/next.png``).
The pixels come from the X server (Xvfb in the tests), not from Qt's own rendering.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings


def main(folder: str, out: str) -> int:
    app = QApplication(sys.argv[:1])
    window = MainWindow(Settings(Path(tempfile.mkdtemp()) / "settings.ini"), "samira")
    window.open_project(Path(folder))
    window.resize(1280, 800)
    window.show()
    window.activateWindow()

    def photograph(name: str) -> None:
        viewport = window.text_view.viewport()
        corner = viewport.mapToGlobal(QPoint(0, 0))
        screen = app.primaryScreen()
        picture = screen.grabWindow(0, corner.x(), corner.y(), viewport.width(), viewport.height())
        picture.save(str(Path(out) / f"{name}.png"))
        print(name, window.session.document.name, len(window.session.spans), flush=True)

    def first() -> None:
        photograph("first")
        QTest.keyClick(window.text_view, Qt.Key.Key_PageDown)
        QTimer.singleShot(400, second)

    def second() -> None:
        photograph("next")
        app.quit()

    QTimer.singleShot(800, first)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
