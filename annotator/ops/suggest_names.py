"""Names with labels for the dictionary recommender: the project's canonical entities, its
gazetteer, and a list the user gives (``name<TAB>label`` a line, or a GeoNames file).

A GeoNames file is read by :mod:`annotator.formats.geonames` (the reader ``annotator places
--import`` uses); its places' Arabic names are suggested with the schema's location label.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.places import is_arabic_script
from annotator.core.schema import Schema
from annotator.formats import geonames
from annotator.formats.reading import check_encoding
from annotator.store.gazetteer import Gazetteer
from annotator.store.project import Project

Names = list[tuple[str, str]]  # (name, label)


def location_label(schema: Schema) -> str | None:
    """The label a gazetteer's places are suggested with: the first of kind location."""
    return next((label.id for label in schema.labels if label.kind == "location"), None)


def gazetteer_names(project: Project) -> Names:
    label = location_label(project.schema)
    if label is None:
        return []
    return [(name, label) for name in Gazetteer(project.db).arabic_names()]


def entity_names(project: Project, tied: dict[int, Counter[str]]) -> Names:
    """Canonical entities' names, each with the label most spans tied to it have (``tied``:
    entity id → labels), else the one label of its kind the schema has."""
    by_kind: dict[str, list[str]] = {}
    for label in project.schema.labels:
        by_kind.setdefault(label.kind, []).append(label.id)
    names = []
    for kind, labels in by_kind.items():
        for entity, _ in project.entities.of_kind(kind):
            if entity.id in tied:
                names.append((entity.name, tied[entity.id].most_common(1)[0][0]))
            elif len(labels) == 1:
                names.append((entity.name, labels[0]))
    return names


def names_file(path: str | Path, schema: Schema, encoding: str = "utf-8") -> Names:
    """Names from a file: GeoNames' nineteen tab-separated columns, or ``name<TAB>label``."""
    path = Path(path)
    encoding = check_encoding(encoding)
    if not path.is_file():
        raise InputError("no such file", file=path)
    if _is_geonames(path, encoding):
        label = location_label(schema)
        if label is None:
            raise InputError(
                "a gazetteer of places needs a location label in the schema", file=path
            )
        return [
            (name, label)
            for line in geonames.read(path, encoding)
            for name in line.names
            if is_arabic_script(name)
        ]
    return list(_listed(path, encoding, set(schema.label_ids)))


def _is_geonames(path: Path, encoding: str) -> bool:
    if path.suffix.lower() == ".zip":
        return True
    with path.open(encoding=encoding, errors="replace") as stream:
        first = stream.readline()
    return first.count("\t") == len(geonames.FIELDS) - 1


def _listed(path: Path, encoding: str, labels: set[str]) -> Iterable[tuple[str, str]]:
    try:
        lines = path.read_text(encoding=encoding).lstrip("\ufeff").splitlines()
    except UnicodeDecodeError as error:
        raise InputError(f"not {encoding} text (byte {error.start})", file=path) from None
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        name, tab, label = line.partition("\t")
        if not tab or not name.strip() or not label.strip():
            raise InputError("expected a name, a tab, then a label", file=path, line=number)
        if label.strip() not in labels:
            raise InputError(
                f"label «{label.strip()}» is not in the schema ({', '.join(sorted(labels))})",
                file=path,
                line=number,
            )
        yield name.strip(), label.strip()
