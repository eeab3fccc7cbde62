"""``python -m annotator.bench cli``: import and export as a user runs them, against the floor.

For each size a synthetic corpus (:mod:`annotator.bench.synthetic`) is written as JSONL;
then, each in a process of its own, timed from its start to its exit:

- ``annotator import PROJECT CORPUS`` into a project just made by ``annotator new``
  (not timed), alternately with the bare minimum (:mod:`annotator.store.bare`: ``json.loads``
  and ``executemany`` into one documents table and one spans table with one index);
- ``annotator export PROJECT --format jsonl``, alternately with the bare read and
  ``json.dumps`` per document of the bare database.

Figures are medians of ``repeats`` runs; ratios are medians of the ratios of runs made side
by side; peak memory is the largest ``ru_maxrss`` of our processes.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.bench.corpus import write_corpus

ANNOTATOR = "bench"
MEMORY_GOAL_MB = 400
RATIO_GOAL = 1.5


@dataclass
class Runs:
    """Runs of the command line and of the bare minimum, made alternately."""

    ours: list[float] = field(default_factory=list)
    bare: list[float] = field(default_factory=list)
    peak_mb: float = 0.0

    def line(self, what: str) -> str:
        ratios = [o / b for o, b in zip(self.ours, self.bare, strict=True)]
        return (
            f"  {what:<7} annotator {statistics.median(self.ours):7.2f} s   bare "
            f"{statistics.median(self.bare):6.2f} s   ratio {statistics.median(ratios):.2f}x "
            f"(goal <= {RATIO_GOAL}x; runs: {' '.join(f'{r:.2f}' for r in ratios)})   "
            f"peak memory {self.peak_mb:.0f} MB (goal < {MEMORY_GOAL_MB} MB)"
        )


def run_process(command: list[str]) -> tuple[float, float]:
    """Run ``command`` to its end; (seconds from start to exit, its peak memory in MB)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    errors = child.stderr.read().decode(errors="replace") if child.stderr else ""
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({child.returncode}): {errors}")
    return seconds, usage.ru_maxrss / 1024


def _annotator(*arguments: object) -> list[str]:
    return [sys.executable, "-m", "annotator", *(str(a) for a in arguments)]


def _bare(*arguments: object) -> list[str]:
    return [sys.executable, "-m", "annotator.store.bare", *(str(a) for a in arguments)]


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def measure_import(corpus: Path, work: Path, repeats: int) -> Runs:
    """Leaves the last project in ``work/project`` and the bare database in ``work/bare.sqlite``."""
    runs = Runs()
    project, bare = work / "project", work / "bare.sqlite"
    for _ in range(repeats):
        _remove(bare)
        runs.bare.append(run_process(_bare("import", corpus, bare))[0])
        _remove(project)
        subprocess.run(
            _annotator("new", project, "--schema", "conflict"), check=True, capture_output=True
        )
        seconds, peak = run_process(_annotator("import", project, corpus, "--annotator", ANNOTATOR))
        runs.ours.append(seconds)
        runs.peak_mb = max(runs.peak_mb, peak)
    return runs


def measure_export(work: Path, repeats: int) -> Runs:
    runs = Runs()
    out = work / "export.jsonl"
    for _ in range(repeats):
        runs.bare.append(run_process(_bare("export", work / "bare.sqlite", out))[0])
        out.unlink()
        seconds, peak = run_process(
            _annotator("export", work / "project", "--format", "jsonl", "--out", out)
        )
        runs.ours.append(seconds)
        runs.peak_mb = max(runs.peak_mb, peak)
        out.unlink()
    return runs


def run(sizes: list[int], work: Path, repeats: int) -> Iterator[str]:
    """Lines of figures, each given as soon as it is measured."""
    for size in sizes:
        corpus = write_corpus(work / f"cli-{size}.jsonl", size)
        yield f"corpus of {size:,} articles: {corpus.stat().st_size / 1e6:,.0f} MB of JSONL"
        yield measure_import(corpus, work, repeats).line("import")
        yield measure_export(work, repeats).line("export")
        _remove(work / "project")
        _remove(work / "bare.sqlite")
        corpus.unlink()
