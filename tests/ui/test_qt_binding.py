"""The Qt binding in use must survive a long document painted with spans.

PySide6 6.12.0 drops a reference to None on every QSyntaxHighlighter.setFormat call: painting
enough spans frees None and the interpreter aborts ("deallocating None"). pyproject.toml keeps
that release out; this test paints more formats than None has references, in a process of
its own, and fails if the painting does not come through.
"""

import os
import subprocess
import sys
import textwrap

PAINT = textwrap.dedent(
    """
    import sys
    from PySide6.QtGui import QColor, QGuiApplication, QSyntaxHighlighter, QTextCharFormat
    from PySide6.QtGui import QTextDocument

    class Painter(QSyntaxHighlighter):
        def highlightBlock(self, text):
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(200, 30, 30, 70))
            for start in range(100):
                self.setFormat(start, 1, fmt)

    app = QGuiApplication([])
    document = QTextDocument()
    document.setPlainText(("سطر " * 30 + "\\n") * 3000)
    painter = Painter(document)
    painter.rehighlight()
    block = document.lastBlock().previous()
    print("painted", sum(piece.length for piece in block.layout().formats()), flush=True)
    """
)


def test_painting_more_spans_than_none_has_references_comes_through():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PAINT], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["painted", "100"]  # 300,000 set; a line's 100 characters kept
