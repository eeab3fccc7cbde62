"""python -m annotator.bench [window] [corpus] [cli] [floors] [startup] [edits] [suggest] [hub]
[kills].

``window``: a 100,000-character document with 5,000 spans, opened, painted and annotated.
``corpus``: import, export, search and launch on synthetic corpora (``--sizes``), and
agreement over 10,000 articles by three annotators; see :mod:`annotator.bench.corpus`.
``cli``: ``annotator import`` and ``export`` run as a user runs them, against the bare
minimum of the same work (:mod:`annotator.bench.cli`). ``floors``: what building and
writing an import's rows takes, for tables of several shapes (:mod:`annotator.bench.floors`).
``startup``: how long commands take to start and end (:mod:`annotator.bench.startup`).
``edits``: what an edit costs, and the store's checks in it (:mod:`annotator.bench.edits`).
``suggest``: suggestions' quality, speed and memory on Arabic news NER
(:mod:`annotator.bench.suggest`).
``hub``: clone, sync and twenty annotators syncing at once with a real PostgreSQL hub of the
largest of ``--sizes`` articles (:mod:`annotator.bench.hub`).
``kills``: ``kill -9`` at random moments of ``--rounds`` imports and as many bursts of edits,
and whether each left the project exactly as before or after (:mod:`annotator.bench.kills`).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

from annotator.store.baseline import sqlite_version


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "memory unknown"


def machine() -> str:
    return (
        f"{_cpu()}, {os.cpu_count()} cores, {_memory()}, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, SQLite {sqlite_version()}"
    )


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"sizes are numbers, e.g. 10000,100000: {text}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("give at least one size of 1 or more")
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m annotator.bench", description=__doc__)
    parser.add_argument(
        "what",
        nargs="*",
        default=["window"],
        choices=[
            "window",
            "corpus",
            "cli",
            "floors",
            "startup",
            "edits",
            "suggest",
            "hub",
            "kills",
        ],
    )
    parser.add_argument(
        "--sizes", type=_sizes, default=[10_000, 100_000], help="corpus sizes (10000,100000)"
    )
    parser.add_argument("--repeats", type=int, default=3, help="runs of each timing (3)")
    parser.add_argument(
        "--rounds", type=int, default=100, help="kills: killed imports, and edit bursts (100)"
    )
    parser.add_argument(
        "--work",
        type=Path,
        help="folder for the corpora, made if it does not exist (default: a temporary one)",
    )
    args = parser.parse_args(argv)
    if args.work is not None:
        if args.work.exists() and not args.work.is_dir():
            parser.error(f"--work {args.work}: is a file, not a folder")
        try:
            args.work.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            parser.error(f"--work {args.work}: cannot be made ({error.strerror})")
    print(f"machine: {machine()}", flush=True)
    repeats = max(1, args.repeats)
    for what in ("corpus", "cli", "floors", "startup", "edits", "suggest", "hub", "kills"):
        if what in args.what:
            work = Path(tempfile.mkdtemp(prefix="annotator-bench-", dir=args.work))
            try:
                if what == "kills":
                    from annotator.bench import kills

                    for line in kills.run(work, max(1, args.rounds)):
                        print(line, flush=True)
                    continue
                _measure(what, work, repeats, args.sizes)
            finally:
                shutil.rmtree(work, ignore_errors=True)
    if "window" in args.what:
        from annotator.bench import window as benchmark

        print(benchmark.report(benchmark.run()), flush=True)
    return 0


def _measure(what: str, work: Path, repeats: int, sizes: list[int]) -> None:
    if what == "corpus":
        from annotator.bench import corpus

        corpus.run(sizes, work, repeats)
        return
    if what == "hub":
        from annotator.bench import hub

        print(f"a team hub of {max(sizes):,} articles on PostgreSQL:", flush=True)
        for line in hub.run(max(sizes), work, repeats):
            print(line, flush=True)
        return
    if what == "suggest":
        from annotator.bench import suggest

        suggest.run(work)
        return
    if what == "cli":
        from annotator.bench import cli

        print("import and export from the command line, each a process of its own:", flush=True)
        for line in cli.run(sizes, work, repeats):
            print(line, flush=True)
        return
    if what == "floors":
        from annotator.bench import floors

        for line in floors.run(sizes, work, repeats):
            print(line, flush=True)
        return
    if what == "startup":
        from annotator.bench import startup as measured

        print("start-up, each command in a process of its own:", flush=True)
    else:
        from annotator.bench import edits as measured

        print("edits:", flush=True)
    for line in measured.run(work, repeats):
        print(line, flush=True)


if __name__ == "__main__":
    sys.exit(main())
