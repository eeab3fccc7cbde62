"""The Qt binding in use must not drop references to None in QSyntaxHighlighter.setFormat.

PySide6 6.12.0 does: every call frees one reference to None, and a long document painted
with spans crashes the interpreter ("deallocating None"). pyproject.toml keeps that release
out; this test fails if a binding with the fault comes back.
"""

import sys

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument


class Painter(QSyntaxHighlighter):
    def highlightBlock(self, text: str) -> None:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(200, 30, 30, 70))
        for _ in range(20):
            self.setFormat(0, 1, fmt)


def test_set_format_keeps_none_alive(qapp):
    document = QTextDocument()
    document.setPlainText("سطر\n" * 20)
    painter = Painter(document)
    before = sys.getrefcount(None)
    painter.rehighlight()  # 400 calls of setFormat: few enough to fail, not to crash
    assert sys.getrefcount(None) - before > -100
