"""``python -m annotator.bench startup``: how long a command takes from launch to its end.

Each command runs in a process of its own, as a user runs it (``python -m annotator``), on a
small project made in the work folder; the figure is the median of ``repeats`` runs, beside
Python's own start (``python -c pass``) for scale. The goal is under 0.3 s for
``annotator --help`` and ``annotator stats``: no command imports the window, the charts, the
review code or the formats unless it uses them.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from annotator.bench.corpus import write_corpus
from annotator.core.schema import load_preset
from annotator.ops.importing import import_files
from annotator.store.project import Project

GOAL_S = 0.3
ARTICLES = 200  # in the project that stats and check read


def _project(work: Path) -> Path:
    folder = work / "startup-project"
    if not folder.exists():
        corpus = write_corpus(work / "startup.jsonl", ARTICLES)
        with Project.create(folder, load_preset("conflict")) as project:
            import_files(project, [corpus], annotator="bench")
        corpus.unlink()
    return folder


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)
    return time.perf_counter() - start


def run(work: Path, repeats: int) -> list[str]:
    folder = _project(work)
    python = sys.executable
    runs = (  # what, the command, whether it has the goal
        ("python -c pass (Python alone)", [python, "-c", "pass"], False),
        ("annotator --help", [python, "-m", "annotator", "--help"], True),
        (
            f"annotator stats ({ARTICLES} articles)",
            [python, "-m", "annotator", "stats", folder],
            True,
        ),
        ("annotator export --help", [python, "-m", "annotator", "export", "--help"], False),
    )
    lines = []
    for what, command, has_goal in runs:
        command = [str(part) for part in command]
        _timed(command)  # the first run fills the disk cache
        times = [_timed(command) for _ in range(repeats)]
        goal = f" (goal < {GOAL_S} s)" if has_goal else ""
        lines.append(
            f"  {what:<36} {statistics.median(times):.3f} s median{goal}; runs: "
            + " ".join(f"{t:.3f}" for t in times)
        )
    return lines
