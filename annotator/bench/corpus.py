"""``python -m annotator.bench corpus``: the figures of a large project, each beside its goal.

For each size, a synthetic corpus (:mod:`annotator.bench.synthetic`) is written as JSONL and:

- imported, alternately with the same rows written by bare ``sqlite3``
  (:func:`annotator.store.baseline.raw_import`), so that both see the same machine load;
- exported to JSONL, alternately with a bare read plus ``json.dumps`` per document;
- indexed for search (once), then searched for Arabic words written another way than in the
  text (hamza, alef maqsura, a proclitic), and for a phrase;
- opened in a window in a process of its own (:func:`annotator.bench.window.launch`).

Agreement is measured once, over 10,000 articles marked by three annotators, with their
events. Timings are
medians of ``repeats`` runs; ratios are medians of the ratios of runs made side by side.
"""

from __future__ import annotations

import itertools
import json
import random
import shutil
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from annotator.bench.coded_events import coded
from annotator.bench.synthetic import colleague, records
from annotator.core.schema import load_preset
from annotator.ops import reviewing
from annotator.ops.exporting import export
from annotator.ops.importing import Importer, import_files
from annotator.ops.searching import CorpusSearch
from annotator.store import backups
from annotator.store.baseline import raw_export, raw_import
from annotator.store.project import Project

ANNOTATOR = "bench"
AGREEMENT_DOCUMENTS = 10_000
AGREEMENT_ANNOTATORS = ("amal", "badr", "carim")
# (what is typed, what the text has): each differs from the text in a way search must fold
QUERIES = (
    ("اليات", "آليات"),  # alef madda
    ("الى", "إلى"),  # hamza below, alef maqsura
    ("قري", "قرى"),  # alef maqsura typed as ya
    ("افشال", "بإفشال"),  # a proclitic and a hamza
    ("دير الزور", "دير الزور"),  # a phrase of two words
)


@dataclass
class Paired:
    """Runs of ours and of the baseline, made alternately."""

    ours: list[float] = field(default_factory=list)
    raw: list[float] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return statistics.median(o / r for o, r in zip(self.ours, self.raw, strict=True))

    def line(self, what: str, baseline: str) -> str:
        ratios = " ".join(f"{o / r:.2f}" for o, r in zip(self.ours, self.raw, strict=True))
        return (
            f"  {what:<8}{statistics.median(self.ours):8.2f} s   {baseline} "
            f"{statistics.median(self.raw):.2f} s   ratio {self.ratio:.2f}x (goal <= 1.5x; "
            f"runs: {ratios})"
        )


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def write_corpus(path: Path, size: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for record in records(size):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _say(line: str) -> None:
    print(line, flush=True)


@contextmanager
def _project(folder: Path) -> Iterator[Project]:
    _remove(folder)
    with Project.create(folder, load_preset("conflict")) as project:
        yield project


def measure_import(corpus: Path, work: Path, repeats: int) -> tuple[Paired, Path]:
    """Import ``repeats`` times beside the bare baseline; returns the last project's folder."""
    paired = Paired()
    folder = work / "project"
    for _ in range(repeats):
        _remove(work / "raw.sqlite")
        paired.raw.append(_timed(lambda: raw_import(corpus, work / "raw.sqlite", ANNOTATOR)))
        _remove(work / "raw.sqlite")
        with _project(folder) as project:
            paired.ours.append(
                _timed(lambda project=project: import_files(project, [corpus], annotator=ANNOTATOR))
            )
    return paired, folder


def measure_export(folder: Path, work: Path, repeats: int) -> Paired:
    paired = Paired()
    out = work / "export.jsonl"
    for _ in range(repeats):
        paired.raw.append(_timed(lambda: raw_export(folder / "project.sqlite", out)))
        out.unlink()
        with Project.open(folder) as project:
            paired.ours.append(_timed(lambda project=project: export(project, "jsonl", out)))
        out.unlink()
    return paired


def measure_search(folder: Path, repeats: int) -> list[str]:
    lines = []
    with Project.open(folder) as project:
        with CorpusSearch(project) as searching:
            documents = project.documents.count()
            built = _timed(searching.update)
            lines.append(
                f"  search index built in {built:.1f} s, once "
                f"({built / documents * 1000:.2f} ms per article; later searches index only "
                "new articles)"
            )
            for typed, found in QUERIES:
                times, results = [], None
                for _ in range(max(repeats, 5)):
                    start = time.perf_counter()
                    results = searching.search(typed)
                    times.append(time.perf_counter() - start)
                hit = results.hits[0] if results and results.hits else None
                shown = hit.matches[0].text if hit else "nothing"
                count = f"{results.documents:,} articles" if results else ""
                lines.append(
                    f"  search «{typed}» (text: «{found}», found: «{shown}»): "
                    f"{statistics.median(times) * 1000:6.1f} ms median, first 20 of {count} "
                    "(goal < 100 ms)"
                )
        first = []
        for _ in range(max(repeats, 3)):
            start = time.perf_counter()
            with CorpusSearch(project) as searching:
                searching.search(QUERIES[0][0])
            first.append(time.perf_counter() - start)
        lines.append(
            f"  first search of a new connection (compares the whole index with the project): "
            f"{statistics.median(first) * 1000:.1f} ms median"
        )
    return lines


def measure_launch(folder: Path, repeats: int) -> list[str]:
    from annotator.bench import window as benchmark

    first = benchmark.launch(folder)
    backups.create(folder)  # from now on the window finds nothing new to back up
    runs = [benchmark.launch(folder) for _ in range(repeats)]
    launch = statistics.median(run["launch_s"] for run in runs)
    peak = max(run["peak_mb"] for run in [*runs, first])
    return [
        f"  launch to a window listing {runs[0]['rows']:,} articles and answering events: "
        f"{launch:.2f} s median (goal < 1 s; runs: "
        + " ".join(f"{run['launch_s']:.2f}" for run in runs)
        + f"); first launch after the import, an automatic backup starting in the background: "
        f"{first['launch_s']:.2f} s",
        f"  peak memory of that process: {peak:.0f} MB (goal < 400 MB)",
    ]


def measure_agreement(corpus: Path, work: Path, repeats: int) -> str:
    """Agreement over the first 10,000 articles, marked by three annotators, their events
    coded as records (:mod:`annotator.bench.coded_events`)."""
    rng, slips = random.Random(5), random.Random(6)
    with corpus.open(encoding="utf-8") as lines:
        base = [json.loads(line) for line in itertools.islice(lines, AGREEMENT_DOCUMENTS)]
    with _project(work / "agreement") as project:
        for number, name in enumerate(AGREEMENT_ANNOTATORS):
            marked = (
                coded(record) if number == 0 else coded(colleague(record, rng), slips)
                for record in base
            )
            with project.write():
                Importer(project, name).add_all(marked, work / f"{name}.jsonl")
        times = [_timed(lambda: reviewing.agreement(project)) for _ in range(repeats)]
        result = reviewing.agreement(project)
    _remove(work / "agreement")
    pair = result.pairs[0]
    events = pair.events
    return (
        f"agreement over {len(base):,} articles x {len(AGREEMENT_ANNOTATORS)} annotators, "
        f"events included: {statistics.median(times):.2f} s median (goal < 5 s; runs: "
        + " ".join(f"{t:.2f}" for t in times)
        + f"); {' / '.join(pair.annotators)} span exact F1 {pair.exact.f1:.3f}, "
        f"{events['exact'].reference:,} and {events['exact'].candidate:,} events, "
        f"event exact F1 {events['exact'].f1:.3f}, overlap F1 {events['overlap'].f1:.3f}"
    )


def run(sizes: list[int], work: Path, repeats: int) -> None:
    """Print every figure as it is measured (a run at 100,000 articles takes many minutes)."""
    agreement_source = None
    for size in sizes:
        corpus = work / f"corpus-{size}.jsonl"
        seconds = _timed(lambda corpus=corpus, size=size: write_corpus(corpus, size))
        megabytes = corpus.stat().st_size / 1e6
        _say(
            f"corpus of {size:,} articles (~2,500 characters, ~25 spans each, some emoji): "
            f"{megabytes:,.0f} MB of JSONL, generated in {seconds:.0f} s"
        )
        imported, folder = measure_import(corpus, work, repeats)
        _say(imported.line("import", "raw sqlite3 executemany"))
        _say(measure_export(folder, work, repeats).line("export", "raw read + json.dumps"))
        for line in measure_search(folder, repeats):
            _say(line)
        for line in measure_launch(folder, repeats):
            _say(line)
        _remove(folder)
        if size >= AGREEMENT_DOCUMENTS and agreement_source is None:
            agreement_source = corpus
        else:
            corpus.unlink()
    if agreement_source is not None:
        _say(measure_agreement(agreement_source, work, repeats))
        agreement_source.unlink()
