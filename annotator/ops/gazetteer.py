"""Importing a gazetteer into a project: GeoNames' files, streamed, in one transaction.

The import is all-or-nothing: a bad line anywhere in the file (or a cancel) leaves the
project as it was. Places are written in batches as the file streams, so a country's file
takes seconds and memory stays flat whatever the file's size. A place already in the
gazetteer (the same GeoNames id, from an earlier import) is replaced, so importing a newer
download of the same file updates it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.places import GazetteerPlace, name_key
from annotator.formats import geonames
from annotator.ops.progress import Progress
from annotator.store.gazetteer import Gazetteer
from annotator.store.project import Project, now

BATCH = 5_000  # places written at a time


@dataclass
class GazetteerReport:
    file: str
    places: int = 0  # kept and written
    added: int = 0
    replaced: int = 0  # already there from an earlier import
    left_out: int = 0  # places of the file outside --country / --classes
    names: int = 0  # name keys written
    seconds: float = 0.0

    def summary(self) -> str:
        parts = [f"{self.places:,} places ({self.added:,} new, {self.replaced:,} updated)"]
        if self.left_out:
            parts.append(f"{self.left_out:,} left out by the filters")
        return "; ".join(parts)


def codes(text: str | Iterable[str] | None, what: str, length: int) -> frozenset[str] | None:
    """Country codes (two letters) or feature classes (one) as given on a command line:
    ``SY,IQ`` or ``P A``; None for no filter."""
    if text is None:
        return None
    given = text.replace(",", " ").split() if isinstance(text, str) else list(text)
    found = frozenset(code.strip().upper() for code in given if code.strip())
    wrong = sorted(c for c in found if len(c) != length or not c.isascii() or not c.isalpha())
    if wrong or not found:
        example = "SY,IQ" if length == 2 else "P,A"
        raise InputError(f"{what}: «{', '.join(wrong) or text}» is not a list like {example}")
    return found


def _filter(
    countries: frozenset[str] | None, classes: frozenset[str] | None
) -> Callable[[GazetteerPlace], bool] | None:
    if countries is None and classes is None:
        return None

    def keep(place: GazetteerPlace) -> bool:
        return (countries is None or place.country in countries) and (
            classes is None or place.feature_class in classes
        )

    return keep


def import_gazetteer(
    project: Project,
    path: str | Path,
    *,
    countries: frozenset[str] | None = None,
    classes: frozenset[str] | None = None,
    encoding: str = "utf-8",
    progress: Progress | None = None,
) -> GazetteerReport:
    """Add the places of a GeoNames file (those of ``countries`` and feature ``classes``
    only, when given) to the project's gazetteer.

    ``progress(bytes read, bytes in the file)`` is called as the file streams; raising
    :class:`~annotator.core.errors.Cancelled` there stops the import with nothing written.
    """
    path = Path(path)
    started = time.monotonic()
    report = GazetteerReport(file=path.name)
    keep = _filter(countries, classes)
    seen = 0

    def kept(place: GazetteerPlace) -> bool:
        nonlocal seen
        seen += 1
        return keep is None or keep(place)

    gazetteer = Gazetteer(project.db)
    with project.write(), gazetteer.importing():
        batch: list[tuple[GazetteerPlace, set[str]]] = []
        for line in geonames.read(path, encoding, kept, progress):
            batch.append((line.place, {name_key(name) for name in line.names}))
            if len(batch) >= BATCH:
                _write(gazetteer, batch, report)
                batch = []
        _write(gazetteer, batch, report)
        report.left_out = seen - report.places
        if not report.places:
            raise InputError(_nothing_kept(seen, countries, classes), file=path)
        gazetteer.add_source(
            {
                "file": path.name,
                "places": report.places,
                "countries": sorted(countries) if countries else None,
                "classes": sorted(classes) if classes else None,
                "imported": now(),
            }
        )
    report.seconds = time.monotonic() - started
    return report


def _write(
    gazetteer: Gazetteer, batch: list[tuple[GazetteerPlace, set[str]]], report: GazetteerReport
) -> None:
    if not batch:
        return
    added, replaced = gazetteer.add(batch)
    report.places += len(batch)
    report.added += added
    report.replaced += replaced
    report.names += sum(len(keys) for _, keys in batch)


def _nothing_kept(
    seen: int, countries: frozenset[str] | None, classes: frozenset[str] | None
) -> str:
    if not seen:
        return "holds no places (an empty file?); the project is unchanged"
    wanted = []
    if countries:
        wanted.append(f"in {', '.join(sorted(countries))}")
    if classes:
        wanted.append(f"of feature class {', '.join(sorted(classes))}")
    return (
        f"none of its {seen:,} places is {' and '.join(wanted)}; the project is unchanged "
        "(check --country and --classes)"
    )
