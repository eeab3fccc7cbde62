"""python -m annotator.bench.gazetteer [--places N] — a gazetteer's import and lookups timed.

Writes a synthetic GeoNames file of N places (a name, an ASCII name, four to eight alternate
names of which two are in Arabic script, random coordinates, classes and populations), imports
it into a new project and times name lookups: exact names, two-letter beginnings (the most
keys a lookup can meet), and names found only by their last word. Prints the figures.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from annotator.core.schema import load_preset
from annotator.ops.gazetteer import import_gazetteer
from annotator.ops.places import candidates
from annotator.store.project import DATABASE, Project

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
LATIN = "abdefghiklmnoqrstuwyz"
CLASSES = "PPPPAHTSLSV"


def _word(rng: random.Random, letters: str) -> str:
    return "".join(rng.choice(letters) for _ in range(rng.randint(3, 7)))


def _name(rng: random.Random, letters: str) -> str:
    return " ".join(_word(rng, letters) for _ in range(rng.randint(1, 3)))


def write_file(path: Path, places: int, seed: int = 1) -> list[str]:
    """The file, and the Arabic names of every thousandth place (to look up)."""
    rng = random.Random(seed)
    sample = []
    with path.open("w", encoding="utf-8") as out:
        for number in range(1, places + 1):
            latin = _name(rng, LATIN).title()
            arabic = ["ال" + _name(rng, ARABIC), _name(rng, ARABIC)]
            alternates = [*(_name(rng, LATIN) for _ in range(rng.randint(2, 6))), *arabic]
            if number % 1000 == 0:
                sample.append(arabic[0])
            fields = [
                str(number),
                latin,
                latin,
                ",".join(alternates),
                f"{rng.uniform(-90, 90):.5f}",
                f"{rng.uniform(-180, 180):.5f}",
                rng.choice(CLASSES),
                "PPL",
                rng.choice(("SY", "IQ", "LB", "JO")),
                "",
                "01",
                "",
                "",
                "",
                str(int(rng.paretovariate(1.2) * 100)),
                "",
                "300",
                "Asia/Damascus",
                "2024-01-01",
            ]
            out.write("\t".join(fields) + "\n")
    return sample


def _timed(lookups: list[str], project: Project, rounds: int = 3) -> tuple[float, float]:
    """Median and slowest lookup, in milliseconds."""
    times = []
    for _ in range(rounds):
        for name in lookups:
            started = time.perf_counter()
            candidates(project, name)
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m annotator.bench.gazetteer")
    parser.add_argument("--places", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "synthetic.txt"
        started = time.monotonic()
        sample = write_file(source, args.places)
        print(f"wrote {args.places:,} places, {source.stat().st_size / 1e6:.0f} MB, "
              f"in {time.monotonic() - started:.1f} s")  # fmt: skip
        database = Path(folder) / "project" / DATABASE
        with Project.create(database.parent, load_preset("conflict")) as project:
            empty = database.stat().st_size
            report = import_gazetteer(project, source)
        grown = database.stat().st_size - empty  # closed: the log is in the database now
        print(
            f"import: {report.places:,} places, {report.names:,} name keys in "
            f"{report.seconds:.1f} s ({report.places / report.seconds:,.0f} places/s); "
            f"the project grew by {grown / 1e6:.0f} MB"
        )
        with Project.open(database.parent) as project:
            rng = random.Random(2)
            cases = {
                "exact Arabic name": sample,
                "two-letter beginning": [name[:2] for name in sample],
                "last word only": ["قرية " + name for name in sample[:50]],
                "nothing matches": ["ظظظظظظ" + name for name in sample[:50]],
                "Latin, any case": [_name(rng, LATIN).upper() for _ in sample[:50]],
            }
            for what, lookups in cases.items():
                median, slowest = _timed(lookups, project)
                print(f"lookup, {what}: median {median:.2f} ms, slowest {slowest:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
