"""``python -m annotator.bench hub``: a team hub on a real PostgreSQL, as users meet it.

A throwaway cluster is started on a loopback port (:mod:`annotator.bench.cluster`); a lead's
project of synthetic articles (:mod:`annotator.bench.synthetic`) with two annotators'
layers on 5% of them each and gold on 1% becomes a hub (``annotator hub init``); then, each
command a process of its own, timed from its start to its exit:

- **clone**: ``annotator clone`` of the whole hub, against the floor of the same bytes moved
  (:mod:`annotator.store.hub.bare`: every document and layer read with one query each, the
  layers' JSON decoded, rows written by ``executemany`` into two plain tables);
- **sync of an hour's work**: 100 spans made in the clone across 10 documents, then
  ``annotator sync``, against the floor of one transaction writing the same layers and one
  reading what changed;
- **20 annotators at once**: twenty copies each with an hour's work, all synced at the same
  moment; every one must succeed, and each is timed.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from annotator.bench import cluster as clusters
from annotator.bench.cli import run_process
from annotator.bench.synthetic import article, spans
from annotator.core.schema import load_preset
from annotator.core.text import sha256_text
from annotator.hub import urls
from annotator.ops import editing, hub_setup
from annotator.ops.hub_content import content, fingerprint, read_layer
from annotator.store.hub import bare
from annotator.store.project import Project, now

CODERS = 20
HOUR_SPANS = 100  # an hour's work: spans made between two syncs
HOUR_DOCUMENTS = 10
CLONE_GOAL_S = 60
SYNC_GOAL_S = 1


def _annotator(*arguments: object) -> list[str]:
    return [sys.executable, "-m", "annotator", *(str(a) for a in arguments)]


def _floor(what: str, cluster: clusters.Cluster, *arguments: object) -> list[str]:
    """The floor's command (:mod:`annotator.store.hub.bare`), as coder1."""
    url = cluster.url("coder1", "coder1-pw", "bench")
    return [sys.executable, "-m", "annotator.store.hub.bare", what, url, *map(str, arguments)]


def make_source(folder: Path, size: int, seed: int = 11) -> Path:
    """A lead's project: ``size`` articles; coder1 and coder2 each coded 5% (25 spans an
    article), gold on 1%."""
    rng = random.Random(seed)
    time_ = now()
    project = Project.create(folder, load_preset("conflict"), "bench-hub")
    with project, project.write():
        rows = []
        for number in range(size):
            text = article(rng)
            document_id = project.documents.add(
                f"article-{number:06d}", text, sha256_text(text), {}, time_
            )
            share = number % 100
            layers = [
                ("coder1", 0 <= share < 5),
                ("coder2", 3 <= share < 8),
                ("gold", share == 4),
            ]
            for name, coded in layers:
                if coded:
                    rows += [
                        (document_id, name, label, start, end, text[start:end], {}, None)
                        for start, end, label in spans(rng, text, 25)
                    ]
            if len(rows) > 20_000:
                project.spans.add_many(rows, time_)
                rows = []
        project.spans.add_many(rows, time_)
    return folder


def _hour_of_work(folder: Path, login: str, rng: random.Random) -> list[tuple[str, dict, str]]:
    """Make an hour's work in a copy; returns its layers as the floor writes them."""
    made = []
    with Project.open(folder) as project:
        total = project.documents.count()
        for index in rng.sample(range(1, total + 1), HOUR_DOCUMENTS):
            document = project.documents.get(index)
            for start, end, label in spans(rng, document.text, HOUR_SPANS // HOUR_DOCUMENTS):
                if not project.spans.overlapping(index, login, start, end):
                    editing.create_span(project, index, login, label, start, end)
            entities = project.entities.names()
            here = read_layer(project, index, login)
            made.append(
                (document.sha256, content(document, here, entities), fingerprint(here, entities))
            )
    return made


def _as(folder: Path, login: str, url: str) -> None:
    """Make a copy of a clone someone else's (what their own clone would have made)."""
    with Project.open(folder) as project, project.write():
        project.set_meta("hub.login", login)
        project.set_meta("hub.url", urls.without_password(urls.as_login(url, login)))


def run(size: int, work: Path, repeats: int) -> Iterator[str]:
    cluster = clusters.start()
    try:
        yield from _run(cluster, size, work, repeats)
    finally:
        cluster.stop()


def _run(cluster: clusters.Cluster, size: int, work: Path, repeats: int) -> Iterator[str]:
    rng = random.Random(5)
    bare.create_database(cluster.url(), "bench")
    admin = cluster.url(db="bench")
    pgpass = work / "pgpass"
    people = ["lead", *(f"coder{i}" for i in range(1, CODERS + 1))]
    pgpass.write_text(
        "".join(f"127.0.0.1:{cluster.port}:bench:{p}:{p}-pw\n" for p in people)
        + f"127.0.0.1:{cluster.port}:bench:{clusters.ADMIN}:{clusters.ADMIN_PASSWORD}\n"
    )
    pgpass.chmod(0o600)
    os.environ["PGPASSFILE"] = str(pgpass)
    started = time.perf_counter()
    source = make_source(work / "source", size)
    yield f"  a lead's project of {size:,} articles made in {time.perf_counter() - started:.1f} s"
    seconds, _ = run_process(
        _annotator(
            "hub",
            "init",
            cluster.url(db="bench", password=None),
            "--from",
            source,
            "--lead",
            "lead",
            "--password",
            "lead-pw",
        )
    )
    yield f"  hub init: {seconds:.1f} s"
    for person in people[1:]:
        hub_setup.add_user(admin, person, "annotator", f"{person}-pw")
    clone_runs, floor_runs, peak = [], [], 0.0
    clone = work / "coder1"
    for _ in range(repeats):
        shutil.rmtree(clone, ignore_errors=True)
        seconds, memory = run_process(
            _annotator("clone", cluster.url("coder1", None, "bench"), clone)
        )
        clone_runs.append(seconds)
        peak = max(peak, memory)
        floor_file = work / "floor.sqlite"
        floor_file.unlink(missing_ok=True)
        floor_runs.append(run_process(_floor("clone", cluster, floor_file))[0])
    ratios = [c / f for c, f in zip(clone_runs, floor_runs, strict=True)]
    yield (
        f"  clone: {statistics.median(clone_runs):.1f} s (goal < {CLONE_GOAL_S} s), floor "
        f"{statistics.median(floor_runs):.1f} s, ratio {statistics.median(ratios):.2f}x; "
        f"peak memory {peak:.0f} MB"
    )
    sync_runs, floor_runs = [], []
    for _ in range(repeats):
        made = _hour_of_work(clone, "coder1", rng)
        with Project.open(clone) as project:
            mark = project.meta("hub.pulled")  # the floor reads what changed since, too
        sync_runs.append(run_process(_annotator("sync", clone))[0])
        layers_file = work / "layers.json"
        layers_file.write_text(json.dumps(made, ensure_ascii=False))
        floor_runs.append(run_process(_floor("sync", cluster, layers_file, mark))[0])
    ratios = [c / f for c, f in zip(sync_runs, floor_runs, strict=True)]
    yield (
        f"  sync of an hour's work ({HOUR_SPANS} spans in {HOUR_DOCUMENTS} documents): "
        f"{statistics.median(sync_runs):.2f} s (goal < {SYNC_GOAL_S} s), floor "
        f"{statistics.median(floor_runs):.2f} s, ratio {statistics.median(ratios):.2f}x"
    )
    copies = {}
    for person in people[1:]:
        copy = work / person
        if person != "coder1":
            shutil.copytree(clone, copy)
            _as(copy, person, admin)
        copies[person] = copy
        _hour_of_work(copy, person, rng)

    def one(person: str) -> tuple[str, float, int, str]:
        start = time.perf_counter()
        done = subprocess.run(_annotator("sync", copies[person]), capture_output=True, text=True)
        return person, time.perf_counter() - start, done.returncode, done.stderr.strip()

    started = time.perf_counter()
    with ThreadPoolExecutor(CODERS) as pool:
        results = list(pool.map(one, copies))
    wall = time.perf_counter() - started
    failed = [f"{p}: {e}" for p, _, code, e in results if code != 0]
    times = sorted(t for _, t, _, _ in results)
    yield (
        f"  {CODERS} annotators syncing an hour's work at once: {len(results) - len(failed)} "
        f"succeeded, {len(failed)} failed; each took {times[0]:.2f}-{times[-1]:.2f} s "
        f"(median {statistics.median(times):.2f} s), all done in {wall:.2f} s"
    )
    yield from (f"    {line}" for line in failed)
