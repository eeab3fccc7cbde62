"""How fast the window opens a long document and answers a label key
(``python -m annotator.bench window``), and how fast it starts on a large project
(:func:`launch`, used by ``python -m annotator.bench corpus``).

Goals: a 100,000-character document with 5,000 spans opens and paints in well under a
second; creating a span responds within one frame (~16 ms), and so do making an event and
linking an argument once the document holds 500 events; from launch to a window that
lists a 100,000-article project and answers events, under a second and 400 MB.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from annotator.bench import window_events
from annotator.bench.synthetic import article, spans
from annotator.core.schema import load_preset
from annotator.formats import native
from annotator.ops.importing import Importer
from annotator.store.project import Project


def _long_document(folder: Path, characters: int, span_count: int) -> Path:
    rng = random.Random(3)
    text = article(rng, characters)[:characters]
    path = folder / "long.jsonl"
    import json

    path.write_text(
        json.dumps({"name": "long", "text": text, "label": spans(rng, text, span_count)},
                   ensure_ascii=False) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    with Project.create(folder / "project", load_preset("conflict")) as project:
        importer = Importer(project, "bench")
        with project.write():
            importer.add_all(native.read_jsonl(path), path)
    return folder / "project"


def run(characters: int = 100_000, span_count: int = 5_000, repeats: int = 5) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication, QTextEdit

    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import Settings

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="annotator-bench-"))
    project_folder = _long_document(folder, characters, span_count)
    window = MainWindow(Settings(folder / "settings.ini"), "bench")
    window.resize(1400, 900)
    window.show()
    window.open_project(project_folder)
    app.processEvents()
    text = window.session.text

    def paint() -> None:
        app.processEvents()  # the paint events the edit queued (Qt repaints what changed)
        # and the widgets let go of, which an event loop deletes at its next turn
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    opening = []
    for _ in range(repeats):
        window.text_view.show_document("", [], {})
        app.processEvents()
        start = time.perf_counter()
        window.session.show_document(1)
        paint()
        opening.append(time.perf_counter() - start)

    plain = QTextEdit()
    plain.resize(window.text_view.size())
    plain.show()
    baseline = []
    for _ in range(repeats):
        plain.clear()
        app.processEvents()
        start = time.perf_counter()
        plain.setPlainText(text)
        plain.viewport().repaint()
        app.processEvents()
        baseline.append(time.perf_counter() - start)

    rng = random.Random(11)
    creating = []
    view = window.text_view
    for _ in range(30):
        start_offset = rng.randrange(0, len(text) - 20)
        cursor = view.textCursor()
        cursor.setPosition(view.positions.qt(start_offset))
        cursor.setPosition(view.positions.qt(start_offset + 12), QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        paint()  # the selection is on screen before the key is pressed, as for a user
        start = time.perf_counter()
        window.annotating.apply_label("ACTOR")
        paint()
        creating.append(time.perf_counter() - start)
    spans_shown = len(view.spans)
    with_events = window_events.run(window, paint, project_folder)
    window.close()
    shutil.rmtree(folder, ignore_errors=True)
    return {
        "characters": len(text),
        "spans": spans_shown,
        "open_and_paint_s": statistics.median(opening),
        "plain_text_edit_s": statistics.median(baseline),
        "create_span_ms": statistics.median(creating) * 1000,
        "create_span_worst_ms": max(creating) * 1000,
        **with_events,
    }


def report(figures: dict) -> str:
    ratio = figures["open_and_paint_s"] / figures["plain_text_edit_s"]
    return (
        f"window: a document of {figures['characters']:,} characters with "
        f"{figures['spans']:,} spans\n"
        f"  open and paint      {figures['open_and_paint_s'] * 1000:8.1f} ms  (goal < 1000 ms; "
        f"{ratio:.1f}x a bare QTextEdit showing the same text, "
        f"{figures['plain_text_edit_s'] * 1000:.1f} ms)\n"
        f"  create a span       {figures['create_span_ms']:8.1f} ms  median, "
        f"{figures['create_span_worst_ms']:.1f} ms worst of 30 (goal ~16 ms, one frame)\n"
        + window_events.report(figures)
    )


# -- from launch to a responsive window, in a process of its own ----------------------------


def launch(folder: Path) -> dict:
    """Start a window on the project at ``folder`` in a new process; returns the seconds from
    starting the process to a window that lists documents and has answered an event, and
    the process's peak resident memory (Linux: ``ru_maxrss``)."""
    scratch = Path(tempfile.mkdtemp(prefix="annotator-launch-"))
    settings = scratch / "settings.ini"
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    command = [sys.executable, "-m", "annotator.bench.window", "launch", str(folder), str(settings)]
    started = time.time()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, env=env, text=True)
    output = child.stdout.read() if child.stdout else ""
    _, status, usage = os.wait4(child.pid, 0)
    shutil.rmtree(scratch, ignore_errors=True)
    child.returncode = os.waitstatus_to_exitcode(status)
    ready = [line.split()[1] for line in output.splitlines() if line.startswith("ready ")]
    if child.returncode != 0 or not ready:
        raise RuntimeError(f"the window did not start (exit {child.returncode}): {output}")
    rows = next(int(line.split()[1]) for line in output.splitlines() if line.startswith("rows "))
    return {"launch_s": float(ready[0]) - started, "peak_mb": usage.ru_maxrss / 1024, "rows": rows}


def _launched(folder: Path, settings_file: Path) -> int:
    """The child of :func:`launch`: the window as the app opens it, on its own settings file.

    Prints ``ready TIME`` once the document list shows rows and an event posted after that
    has been handled, then quits.
    """
    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtWidgets import QApplication

    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import Settings

    app = QApplication([sys.argv[0]])
    window = MainWindow(Settings(settings_file), "bench")
    window.open_project(folder)
    window.show()
    view = window.documents.view

    def answered() -> None:
        print(f"rows {view.model().rowCount()}", flush=True)
        print(f"ready {time.time():.6f}", flush=True)
        app.quit()

    def listed() -> None:
        if view.model() is not None and view.indexAt(QPoint(4, 4)).isValid():
            QTimer.singleShot(0, answered)  # the round trip: an event posted now, handled next
        else:
            QTimer.singleShot(5, listed)

    QTimer.singleShot(0, listed)
    code = app.exec()
    window.close()
    return code


if __name__ == "__main__" and len(sys.argv) == 4 and sys.argv[1] == "launch":
    sys.exit(_launched(Path(sys.argv[2]), Path(sys.argv[3])))
