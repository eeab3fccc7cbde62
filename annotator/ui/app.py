"""Starting the window."""

from __future__ import annotations

import sys


def run(project: str | None, annotator: str | None) -> int:
    print("The annotation window is not built yet; use the command line for now.", file=sys.stderr)
    return 2
