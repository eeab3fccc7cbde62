"""``python -m annotator.bench kills``: ``kill -9`` at random moments of imports and edits, and
what each kill left.

Each round copies a small closed project (20 articles) and, in turn, either

- runs ``annotator import`` of 3,000 more articles with their spans, in a process of its own,
  and kills it with SIGKILL at a random moment between its start and a little past the time
  a whole import takes. The project must then hold exactly what it held before, or exactly
  what a whole import gives (every table compared row by row, the times of day left out); or
- runs a burst of nearly 4,000 edits (spans created, relabelled and deleted, one transaction
  each) in a process of its own (``python -m annotator.bench.kills edit FOLDER``) that
  prints a line as each edit returns, and kills it at a random moment between its start
  and a little past the time a whole burst takes. The project must hold the spans of every
  edit that returned, and of the one in flight either nothing or all of it.

After every kill ``check`` must find the project whole; after a burst, the project must take
the next edit. Kills that come after the process has ended are not counted. The report gives the
rounds, the kills counted (and how many came once the process had begun writing: the others
met it starting), and how many left the project before, after, or otherwise (which must be
none).
"""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.bench.synthetic import article, records
from annotator.core.schema import load_preset
from annotator.core.text import sha256_text
from annotator.ops import editing
from annotator.ops.checking import check
from annotator.store.project import DATABASE, Project, now
from annotator.store.rows import rows_without_moments

BASE_ARTICLES = 20
IMPORTED_ARTICLES = 3000
LABELS = ("ACTOR", "LOCATION", "EVENT")
EDIT_TEXT_SEED = 11


@dataclass
class Tally:
    """What the kills of one kind left."""

    kills: int = 0
    before: int = 0
    after: int = 0
    finished_first: int = 0  # the process had ended before the kill came
    broken: list[str] = field(default_factory=list)
    took: float = 0.0  # how long the process takes when it is not killed
    writing: int = 0  # kills that came once it had begun writing

    def line(self, what: str) -> str:
        whole = f" (a whole one takes {self.took:.1f} s)"
        writing = f", {self.writing} after it had begun writing"
        return (
            f"  {what}{whole}: {self.kills} kill -9s counted{writing} ({self.finished_first} "
            f"more came after the process had ended); the project as before: {self.before}, "
            f"as after: {self.after}, otherwise: {len(self.broken)}"
        )


def content(folder: Path) -> list[tuple]:
    return rows_without_moments(folder / DATABASE)


def _annotator(*arguments: object) -> list[str]:
    return [sys.executable, "-m", "annotator", *(str(a) for a in arguments)]


def _base(folder: Path) -> Path:
    with Project.create(folder, load_preset("conflict")) as project, project.write():
        for record in records(BASE_ARTICLES, seed=3):
            text = record["text"]
            project.documents.add(record["name"], text, sha256_text(text), {}, now())
    return folder


def _copy(base: Path, folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(base, folder)
    return folder


def _whole(folder: Path) -> str | None:
    """What ``check`` finds wrong, or None."""
    report = check(folder)
    if report.findings:
        return "; ".join(finding.describe() for finding in report.findings[:3])
    return None


def _kill_at(command: list[str], delay: float) -> tuple[subprocess.Popen, bool]:
    """Start ``command``, SIGKILL it after ``delay`` seconds; whether it was still running."""
    child = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    time.sleep(delay)
    running = child.poll() is None
    child.send_signal(signal.SIGKILL)
    child.wait()
    return child, running


def imports(work: Path, rounds: int, rng: random.Random) -> Tally:
    corpus = work / "more.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for record in records(IMPORTED_ARTICLES, seed=5):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    base = _base(work / "import-base")
    before = content(base)
    reference = _copy(base, work / "import-whole")
    started = time.perf_counter()
    command = _annotator("import", reference, corpus, "--annotator", "bench")
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    took = time.perf_counter() - started
    after = content(reference)
    again = _copy(base, work / "import-again")
    subprocess.run(
        _annotator("import", again, corpus, "--annotator", "bench"),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    if content(again) != after or after == before:
        raise RuntimeError("two whole imports do not leave the same rows: nothing to compare with")
    tally = Tally(took=took)
    for number in range(rounds):
        folder = _copy(base, work / "import-killed")
        command = _annotator("import", folder, corpus, "--annotator", "bench")
        _, running = _kill_at(command, rng.uniform(0, took * 1.1))
        if not running:
            tally.finished_first += 1
            continue
        tally.kills += 1
        log = folder / f"{DATABASE}-wal"
        if log.exists() and log.stat().st_size > 0:
            tally.writing += 1
        problem = _whole(folder)  # opens it first: what the killed process left is recovered
        left = content(folder)
        if left == before and problem is None:
            tally.before += 1
        elif left == after and problem is None:
            tally.after += 1
        else:
            what = problem or "neither the project before nor after the import"
            tally.broken.append(f"import round {number}: {what}")
    return tally


def _edit_text() -> str:
    return article(random.Random(EDIT_TEXT_SEED), 3000)


def _words(text: str) -> list[tuple[int, int]]:
    """The places edits mark: every character that is not a space, each apart."""
    return [(i, i + 1) for i, ch in enumerate(text) if not ch.isspace()]


def _edits() -> Iterator[tuple[str, int]]:
    """The burst's edits in order: ("create", n), then now and then ("relabel", n) and
    ("delete", n) of the span just made."""
    for n in range(len(_words(_edit_text()))):
        yield "create", n
        if n % 3 == 1:
            yield "relabel", n
        if n % 5 == 4:
            yield "delete", n


def _state(done: int, words: list[tuple[int, int]]) -> set[tuple[int, int, str]]:
    """The spans the first ``done`` edits leave: (start, end, label)."""
    spans: dict[int, str] = {}
    for kind, n in list(_edits())[:done]:
        if kind == "create":
            spans[n] = LABELS[n % 3]
        elif kind == "relabel":
            spans[n] = "LOCATION"
        else:
            del spans[n]
    return {(*words[n], label) for n, label in spans.items()}


def edit(folder: str) -> None:
    """The burst, run by the process the benchmark kills: prints ``done N`` after each edit."""
    with Project.open(folder) as project:
        words = _words(project.documents.get(1).text)
        made: dict[int, int] = {}
        for count, (kind, n) in enumerate(_edits(), 1):
            if kind == "create":
                start, end = words[n]
                span = editing.create_span(project, 1, "bench", LABELS[n % 3], start, end)
                made[n] = span.id
            elif kind == "relabel":
                editing.update_span(project, made[n], "bench", label="LOCATION")
            else:
                editing.delete_span(project, made[n], "bench")
            print("done", count, flush=True)


def _spans(folder: Path) -> set[tuple[int, int, str]]:
    with Project.open(folder) as project:
        return {(s.start, s.end, s.label) for s in project.spans.for_document(1, "bench")}


def _burst(folder: Path) -> list[str]:
    return [sys.executable, "-m", "annotator.bench.kills", "edit", str(folder)]


def edit_bursts(work: Path, rounds: int, rng: random.Random) -> Tally:
    base = work / "edit-base"
    text = _edit_text()
    with Project.create(base, load_preset("conflict")) as project, project.write():
        project.documents.add("edits", text, sha256_text(text), {}, now())
    words = _words(text)
    started = time.perf_counter()
    subprocess.run(_burst(_copy(base, work / "edit-whole")), check=True, stdout=subprocess.DEVNULL)
    tally = Tally(took=time.perf_counter() - started)
    for number in range(rounds):
        folder = _copy(base, work / "edit-killed")
        child, running = _kill_at(_burst(folder), rng.uniform(0, tally.took * 1.1))
        if not running:
            tally.finished_first += 1
            continue
        tally.kills += 1
        assert child.stdout is not None
        lines = child.stdout.read().decode().split()
        done = max((int(w) for w in lines[1::2]), default=0)
        if done:
            tally.writing += 1
        problem = _whole(folder)
        left = _spans(folder)
        if left == _state(done, words) and problem is None:
            tally.before += 1  # the edit in flight left nothing
        elif left == _state(done + 1, words) and problem is None:
            tally.after += 1  # the edit in flight is all there
        else:
            what = problem or f"spans other than those of {done} or {done + 1} edits"
            tally.broken.append(f"edit round {number}: {what}")
        with Project.open(folder) as project:  # it takes the next edit
            editing.create_span(project, 1, "bench", "ACTOR", *words[-1])
    return tally


def run(work: Path, rounds: int, seed: int = 2026) -> list[str]:
    """``rounds`` killed imports and ``rounds`` killed bursts of edits."""
    rng = random.Random(seed)
    started = time.perf_counter()
    tallies = {"imports": imports(work, rounds, rng), "edits": edit_bursts(work, rounds, rng)}
    took = time.perf_counter() - started
    lines = [f"kill -9 at random moments, {rounds} rounds of each (seed {seed}, {took:.0f} s):"]
    lines += [tally.line(what) for what, tally in tallies.items()]
    broken = [b for tally in tallies.values() for b in tally.broken]
    lines += [f"  NOT BEFORE OR AFTER: {b}" for b in broken[:10]]
    return lines


if __name__ == "__main__":
    if sys.argv[1:2] == ["edit"]:
        edit(sys.argv[2])
