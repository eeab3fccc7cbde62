"""``python -m annotator.bench cli``: import and export as a user runs them, against the floor.

For each size a synthetic corpus (:mod:`annotator.bench.synthetic`) is written as JSONL;
then, each in a process of its own, timed from its start to its exit, in turn:

- the bare minimum (:mod:`annotator.store.bare`): ``json.loads`` and ``executemany`` into
  one documents table and one spans table with one index; for export, a plain read and
  ``json.dumps`` per document;
- the same rows written into (and read from) a project's own tables, with their indexes,
  by bare ``sqlite3`` (:mod:`annotator.store.baseline`): what the project's tables cost,
  apart from the program;
- ``annotator import PROJECT CORPUS``, into a project just made by ``annotator new`` (not
  timed), and ``annotator export PROJECT --format jsonl``.

Then the same articles with their events coded as a coder would (type, sub-type, actors and
place as arguments; :mod:`annotator.bench.coded_events`), in our own JSONL, imported and
exported by the command line, each run beside the bare minimum's run on the plain corpus.

Figures are medians of ``repeats`` runs; ratios are medians of the ratios of runs made side
by side; peak memory is the largest ``ru_maxrss`` of the command's processes.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.bench import synthetic
from annotator.bench.coded_events import coded
from annotator.bench.corpus import write_corpus

ANNOTATOR = "bench"
MEMORY_GOAL_MB = 400
RATIO_GOAL = 1.5


@dataclass
class Runs:
    """Runs of the command line, the bare minimum and the same-tables baseline, in turn."""

    ours: list[float] = field(default_factory=list)
    bare: list[float] = field(default_factory=list)
    tables: list[float] = field(default_factory=list)
    peak_mb: float = 0.0

    def ratio(self, floor: list[float]) -> tuple[float, str]:
        ratios = [o / b for o, b in zip(self.ours, floor, strict=True)]
        return statistics.median(ratios), " ".join(f"{r:.2f}" for r in ratios)

    def lines(self, what: str) -> list[str]:
        bare, bare_runs = self.ratio(self.bare)
        tables, table_runs = self.ratio(self.tables)
        return [
            f"  {what}: annotator {statistics.median(self.ours):.2f} s, bare minimum "
            f"{statistics.median(self.bare):.2f} s, the project's tables by bare sqlite3 "
            f"{statistics.median(self.tables):.2f} s; peak memory {self.peak_mb:.0f} MB "
            f"(goal < {MEMORY_GOAL_MB} MB)",
            f"    annotator / bare minimum {bare:.2f}x (goal <= {RATIO_GOAL}x; runs: {bare_runs})",
            f"    annotator / same tables  {tables:.2f}x (runs: {table_runs})",
        ]


def run_process(command: list[str]) -> tuple[float, float]:
    """Run ``command`` to its end; (seconds from start to exit, its peak memory in MB)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    errors = child.stderr.read().decode(errors="replace") if child.stderr else ""
    if child.stderr:
        child.stderr.close()
    if code != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({code}): {errors}")
    return seconds, usage.ru_maxrss / 1024


def _annotator(*arguments: object) -> list[str]:
    return [sys.executable, "-m", "annotator", *(str(a) for a in arguments)]


def _module(module: str, *arguments: object) -> list[str]:
    return [sys.executable, "-m", module, *(str(a) for a in arguments)]


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def measure_import(corpus: Path, work: Path, repeats: int) -> Runs:
    """Leaves the last project in ``work/project``, the floors' databases beside it."""
    runs = Runs()
    project, bare, tables = work / "project", work / "bare.sqlite", work / "tables.sqlite"
    for _ in range(repeats):
        _remove(bare)
        runs.bare.append(run_process(_module("annotator.store.bare", "import", corpus, bare))[0])
        _remove(tables)
        command = _module("annotator.store.baseline", "import", corpus, tables)
        runs.tables.append(run_process(command)[0])
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
        command = _module("annotator.store.bare", "export", work / "bare.sqlite", out)
        runs.bare.append(run_process(command)[0])
        out.unlink()
        command = _module("annotator.store.baseline", "export", work / "tables.sqlite", out)
        runs.tables.append(run_process(command)[0])
        out.unlink()
        seconds, peak = run_process(
            _annotator("export", work / "project", "--format", "jsonl", "--out", out)
        )
        runs.ours.append(seconds)
        runs.peak_mb = max(runs.peak_mb, peak)
        out.unlink()
    return runs


def write_coded_corpus(path: Path, size: int) -> Path:
    """The corpus's articles in our own JSONL with their events coded as a coder would
    (:mod:`annotator.bench.coded_events`): type and sub-type, actors and place as arguments."""
    with path.open("w", encoding="utf-8") as stream:
        for record in synthetic.records(size):
            coded_record = coded(record)
            line = {
                "name": coded_record.name,
                "text": coded_record.text,
                "annotations": [
                    {"start": s.start, "end": s.end, "label": s.label}
                    | ({"id": s.key} if s.key is not None else {})
                    for s in coded_record.spans
                ],
                "events": [
                    {
                        "type": e.label,
                        "trigger": e.trigger,
                        "arguments": [{"role": role, "span": key} for role, key in e.arguments],
                        "attributes": e.attributes,
                    }
                    for e in coded_record.events
                ],
            }
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
    return path


def measure_coded(plain: Path, coded_corpus: Path, work: Path, repeats: int) -> list[str]:
    """Import and export of the coded corpus, each run beside the bare minimum's run on the
    plain corpus of the same articles and spans (the bare minimum has no events to keep)."""
    imports, exports = Runs(), Runs()
    project, bare, out = work / "coded", work / "bare.sqlite", work / "export.jsonl"
    for _ in range(repeats):
        _remove(bare)
        imports.bare.append(run_process(_module("annotator.store.bare", "import", plain, bare))[0])
        _remove(project)
        subprocess.run(
            _annotator("new", project, "--schema", "conflict"), check=True, capture_output=True
        )
        seconds, peak = run_process(
            _annotator("import", project, coded_corpus, "--annotator", ANNOTATOR)
        )
        imports.ours.append(seconds)
        imports.peak_mb = max(imports.peak_mb, peak)
        exports.bare.append(run_process(_module("annotator.store.bare", "export", bare, out))[0])
        out.unlink()
        seconds, peak = run_process(
            _annotator("export", project, "--format", "jsonl", "--out", out)
        )
        exports.ours.append(seconds)
        exports.peak_mb = max(exports.peak_mb, peak)
        out.unlink()
    _remove(project)
    _remove(bare)
    lines = []
    for what, runs in (("import", imports), ("export", exports)):
        ratio, ratio_runs = runs.ratio(runs.bare)
        lines.append(
            f"  {what} with events coded: annotator {statistics.median(runs.ours):.2f} s, "
            f"bare minimum (no events) {statistics.median(runs.bare):.2f} s, {ratio:.2f}x "
            f"(runs: {ratio_runs}); peak memory {runs.peak_mb:.0f} MB"
        )
    return lines


def run(sizes: list[int], work: Path, repeats: int) -> Iterator[str]:
    """Lines of figures, each given as soon as it is measured."""
    for size in sizes:
        corpus = write_corpus(work / f"cli-{size}.jsonl", size)
        yield f"corpus of {size:,} articles: {corpus.stat().st_size / 1e6:,.0f} MB of JSONL"
        yield from measure_import(corpus, work, repeats).lines("import")
        yield from measure_export(work, repeats).lines("export")
        for path in ("project", "bare.sqlite", "tables.sqlite"):
            _remove(work / path)
        coded_corpus = write_coded_corpus(work / f"cli-{size}-coded.jsonl", size)
        yield (
            f"the same articles with their events coded (arguments and attributes): "
            f"{coded_corpus.stat().st_size / 1e6:,.0f} MB of JSONL"
        )
        yield from measure_coded(corpus, coded_corpus, work, repeats)
        coded_corpus.unlink()
        corpus.unlink()
