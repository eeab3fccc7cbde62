"""The Qt binding in use must survive a long document painted with spans.

PySide6 6.12.0 drops a reference to None on every QSyntaxHighlighter.setFormat call: painting
enough spans frees None and the interpreter aborts ("deallocating None"). pyproject.toml keeps
that release out, and the binding installed must be one its pin allows. Where None's
references are counted (Python before 3.12), a process of its own also paints more formats
than None has references, and fails if the painting does not come through.
"""

import os
import subprocess
import sys
import textwrap
import tomllib
from importlib import metadata
from pathlib import Path

import PySide6
import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
FREES_NONE = "6.12.0"

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


def binding_pin() -> Requirement:
    """The project's requirement on the Qt binding, as pyproject.toml states it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = [Requirement(line) for line in project["dependencies"]]
    (pin,) = [pin for pin in pins if pin.name.lower().startswith("pyside6")]
    return pin


def test_the_installed_binding_is_a_release_the_pin_allows():
    pin = binding_pin()
    installed = metadata.version(pin.name)
    assert PySide6.__version__ == installed, "the binding imported is not the one installed"
    assert not pin.specifier.contains(FREES_NONE, prereleases=True), f"{pin} lets {FREES_NONE} in"
    assert pin.specifier.contains(installed, prereleases=True), (
        f"PySide6 {installed} is installed; pyproject.toml keeps it out ({pin})"
    )


@pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="None is immortal from Python 3.12: references dropped from it cannot free it, so "
    "the binding's fault cannot crash this paint (the pin test above still guards it)",
)
def test_painting_more_spans_than_none_has_references_comes_through():
    """Only where None's references are counted (Python before 3.12) can a binding that
    drops them abort this paint; from 3.12 it is skipped, never passed unchecked."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PAINT], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["painted", "100"]  # 300,000 set; a line's 100 characters kept
