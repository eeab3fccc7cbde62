"""``python -m annotator.bench edits``: what one edit costs, and how much of it is the store
making sure the edit is really saved.

Before and after each commit the store compares the identity of the project's files with
those it opened (three ``stat`` calls each time, :mod:`annotator.store.files`), and it
takes the write lock in slices so that a waiting edit can be reported. The check is timed
on its own, and so is a transaction that writes nothing (the check twice, the lock taken in
slices, begun and committed), many times, against the edit itself (a span created: one
transaction, synced to disk).
"""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

from annotator.bench.synthetic import article
from annotator.core.schema import load_preset
from annotator.core.text import sha256_text
from annotator.ops import editing
from annotator.store.project import Project, now

EDITS = 300
CHECKS = 20_000


def _per_call(action, count: int) -> float:
    start = time.perf_counter()
    for _ in range(count):
        action()
    return (time.perf_counter() - start) / count


def run(work: Path, repeats: int) -> list[str]:
    folder = work / "edits-project"
    text = article(random.Random(7), 3000)
    with Project.create(folder, load_preset("conflict")) as project:
        with project.write():
            project.documents.add("edits", text, sha256_text(text), {}, now())
        words = [i for i, ch in enumerate(text) if not ch.isspace()]
        times = []
        for n in range(EDITS):
            start = time.perf_counter()
            editing.create_span(project, 1, "bench", "ACTOR", words[n], words[n] + 1)
            times.append(time.perf_counter() - start)
        files = min(_per_call(project.check_files, CHECKS) for _ in range(repeats))
        empty = min(_per_call(lambda: _nothing(project), CHECKS // 10) for _ in range(repeats))
    edit = statistics.median(times)
    return [
        f"  an edit (a span created, synced to disk): {edit * 1000:.2f} ms median of {EDITS}",
        f"  checking the project's files are its own: {files * 1e6:.1f} µs, twice per edit: "
        f"{2 * files / edit:.1%} of an edit",
        f"  a transaction that writes nothing, all checks included: {empty * 1e6:.0f} µs",
    ]


def _nothing(project: Project) -> None:
    with project.write():
        pass
