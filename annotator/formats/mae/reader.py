"""MAE / MAI XML: a file, or a folder of them, as records.

The task's DTD gives the labels an import adds (``--add-labels``): the ``.dtd`` beside the
files (or in a folder above them, up to the one imported) whose ``<!ENTITY name>`` is the
files' root element, or the only ``.dtd`` there. Without one, the tags found are the labels,
with the attributes they carry.

Files of one folder that hold the same text and whose names differ after the last ``_`` are
one document's annotators (MAE's IAA layout: ``doc1_a1.xml``, ``doc1_a2.xml``…): the
document is ``doc1``, the layers ``a1``, ``a2``… A file MAI (or MAE's adjudication) wrote is
the gold layer: its name ends in ``gold``, ``goldstandard``, ``adjudicated`` or ``mai``. A
file alone is a document of the import's annotator layer (or gold, named so).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import GOLD
from annotator.core.records import Record
from annotator.formats.mae import dtd
from annotator.formats.mae.document import MaeDocument, parse
from annotator.formats.options import define_label, note
from annotator.formats.reading import files_in, refuse_link

_GOLD = re.compile(r"(gold|goldstandard|gold_standard|adjudicated|mai)$", re.I)
_SEPARATORS = "_-. "


def _read_bytes(path: Path) -> bytes:
    refuse_link(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", file=path) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", file=path) from None
    except OSError as error:
        raise InputError(f"cannot be opened ({error.strerror})", file=path) from None


def find_task(folder: Path, root: Path, task_name: str) -> dtd.TaskDefinition:
    """The DTD of ``task_name`` in ``folder`` or a folder above it up to ``root``."""
    while True:
        candidates = sorted(folder.glob("*.dtd"))
        tasks = []
        for candidate in candidates:
            text = _read_bytes(candidate).decode("utf-8", "replace")
            tasks.append(dtd.parse(text, candidate))
        named = [t for t in tasks if t.name == task_name]
        if named:
            return named[0]
        if len(tasks) == 1 and tasks[0].name is None:
            return tasks[0]
        if folder == root or folder.parent == folder or root not in folder.parents:
            return dtd.TaskDefinition()
        folder = folder.parent


def _found_labels(document: MaeDocument) -> list[dict[str, Any]]:
    """Label definitions from the tags a file holds, for a task without its DTD."""
    labels: dict[str, dict[str, Any]] = {}
    for extent in document.extents.values():
        label = labels.setdefault(extent.tag, {"id": extent.tag, "attributes": []})
        names = {a["name"] for a in label["attributes"]}
        for name in extent.attributes:
            if name not in names:
                label["attributes"].append({"name": name, "type": "text"})
    for link in document.links:
        roles = [role for role, _ in document.arguments(link)]
        if tuple(roles) == dtd.DEFAULT_ARGUMENTS or link.tag in labels:
            continue
        labels[link.tag] = {
            "id": link.tag,
            "kind": "event",
            "roles": [{"name": role, "types": ["*"], "many": False} for role in roles],
            "attributes": [
                {"name": name, "type": "text"} for name in document.link_attributes(link)
            ],
        }
    return list(labels.values())


def _document_name(stem: str) -> str:
    """``doc1_a3`` → ``doc1``: the part before the annotator's (MAE's IAA naming)."""
    return stem.rsplit("_", 1)[0] if "_" in stem.strip("_") else stem


def _layer(stem: str, shared: str) -> str:
    if _GOLD.search(stem):
        return GOLD
    return stem[len(shared) :].lstrip(_SEPARATORS) or stem


def read(
    path: Path, encoding: str = "utf-8", options: dict[str, Any] | None = None
) -> Iterator[Record]:
    """Records of a MAE XML file, or of every ``.xml`` under a folder (``encoding`` is
    unused: XML names its own)."""
    root_folder = path if path.is_dir() else path.parent
    files = files_in(path, ".xml") if path.is_dir() else [path]
    if path.is_dir() and not files:
        raise InputError("no MAE .xml files in this folder", file=path)
    documents: list[MaeDocument] = []
    tasks: dict[tuple[Path, str], dtd.TaskDefinition] = {}
    for file in files:
        element = parse(_read_bytes(file), file)
        place = (file.parent, element.tag)
        if place not in tasks:
            tasks[place] = find_task(file.parent, root_folder, element.tag)
        document = MaeDocument(file, element, tasks[place], None)
        document.read()
        documents.append(document)
    for task in {id(t): t for t in tasks.values()}.values():
        for tag in task.tags:
            definition = task.label(tag)
            if definition is not None:
                define_label(options, definition)
    groups: dict[tuple[Path, str, str], list[MaeDocument]] = {}
    for document in documents:
        place = (document.path.parent, document.text, _document_name(document.path.stem))
        groups.setdefault(place, []).append(document)
        if not document.task.tags:
            for definition in _found_labels(document):
                define_label(options, definition)
    number = 0
    for group in groups.values():
        stem = group[0].path.stem
        shared = _document_name(stem) if len(group) > 1 else stem
        for document in group:
            number += 1
            if len(group) > 1 or _GOLD.search(document.path.stem):
                document.layer = _layer(document.path.stem, shared)
            name = shared if len(group) > 1 else document.path.stem
            yield document.record(name, number)
            for message in document.notes:
                where = f"{document.path.name}: " if path.is_dir() else ""
                note(options, where + message)
