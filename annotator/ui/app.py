"""Starting the window: system checks, the annotator's name, the project or the sample."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from annotator.ops import identity
from annotator.ui.platform import missing_libraries


def data_folder() -> Path:
    from PySide6.QtCore import QStandardPaths

    shared = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(shared) / "annotator" if shared else Path.home() / ".annotator"


def run(project: str | None, annotator: str | None, language: str | None = None) -> int:
    missing = missing_libraries()
    if missing:
        print(missing, file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication, QInputDialog

    from annotator.core.errors import AnnotatorError
    from annotator.ops.sample import ensure_sample
    from annotator.ui import language as languages
    from annotator.ui.icons import icon
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("annotator")
    app.setOrganizationName("annotator")
    app.setWindowIcon(icon("annotator"))
    settings = Settings()
    if language:
        settings.language = language
    chosen = languages.choose(language, settings.language)
    languages.install(app, chosen, settings.digits)  # the translators belong to the app
    name = annotator or settings.annotator
    if not name:
        name, ok = QInputDialog.getText(
            None,
            languages.translate("app", "Welcome to annotator"),
            languages.translate("app", "Your name, as it will appear on your annotations:"),
            text=identity.system_name(),
        )
        name = name.strip() if ok and name.strip() else identity.system_name()
    try:
        settings.annotator = name
        folder = Path(project) if project else ensure_sample(data_folder() / "sample-project", name)
        window = MainWindow(settings, name)
        window.open_project(folder)
    except AnnotatorError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    window.show()
    if os.environ.get("ANNOTATOR_QUIT_AFTER_SHOW"):
        from PySide6.QtCore import QTimer

        QTimer.singleShot(int(os.environ["ANNOTATOR_QUIT_AFTER_SHOW"]), app.quit)
    return app.exec()
