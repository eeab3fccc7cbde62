"""``python -m annotator.bench floors``: what writing an import's rows takes, for the bare
minimum's tables, the project's, and leaner shapes of them (:mod:`annotator.store.floors`), on
the synthetic corpus already decoded in memory.

Each shape is written ``repeats`` times, in turn with the others; the figures are medians, and
each is given as a multiple of the bare minimum's tables and of the project's tables with
events (what an import writes).
"""

from __future__ import annotations

import gc
import json
import statistics
from collections.abc import Iterator
from pathlib import Path

from annotator.bench.corpus import write_corpus
from annotator.store import floors


def _remove(database: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)


def run(sizes: list[int], work: Path, repeats: int) -> Iterator[str]:
    for size in sizes:
        corpus = write_corpus(work / f"floors-{size}.jsonl", size)
        with corpus.open(encoding="utf-8") as lines:
            records = [json.loads(line) for line in lines]
        corpus.unlink()
        times: dict[str, list[float]] = {shape.name: [] for shape in floors.SHAPES}
        database = work / "floor.sqlite"
        gc.freeze()  # the records held are not the collector's to walk at every turn
        try:
            for _ in range(repeats):
                for shape in floors.SHAPES:
                    _remove(database)
                    times[shape.name].append(floors.write(shape, records, database))
        finally:
            gc.unfreeze()
        _remove(database)
        medians = {name: statistics.median(seconds) for name, seconds in times.items()}
        bare = medians[floors.SHAPES[0].name]
        ours = medians[floors.SHAPES[2].name]
        yield f"{size:,} articles, already in memory; their rows built and written, and committed:"
        for name, seconds in medians.items():
            yield (
                f"  {name}: {seconds:.2f} s, {seconds / bare:.2f}x the bare minimum's tables, "
                f"{seconds / ours:.2f}x the project's with events"
            )
