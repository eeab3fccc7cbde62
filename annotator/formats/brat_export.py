"""Writing brat standoff: a folder of ``.txt``/``.ann`` pairs and an ``annotation.conf``.

One layer (or none) gives a flat folder; several layers give one sub-folder per annotator,
each with its own copy of the texts (brat has no layers), and documents nobody annotated at
the top. Spans of event labels are written as ``E`` events with their links as arguments
(a role repeated in one event is numbered ``role``, ``role2``… as brat does); other links are
``R`` relations. Attributes are ``A`` lines (``true`` as a binary attribute), the attribute
``note`` a ``#`` note, ``normalization`` and canonical entities ``N`` lines, ``equivalence``
``*`` lines, and spans sharing ``fragment_of`` one discontinuous ``T``. Offsets are code
points into the ``.txt``, which is the stored text (LF line ends, no byte-order mark).
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.core.model import AnnotatedDocument, Relation, Span
from annotator.formats.brat_conf import render, type_name
from annotator.formats.writing import atomic_directory

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_SPECIAL = ("fragment_of", "note", "normalization", "equivalence")
NAME_BYTES = 255  # the longest file name ext4, APFS, NTFS and others take, in UTF-8 bytes
EXTENSION_ROOM = 8  # for the ".ann" or ".tsv" a writer adds to a name


def _clean(text: str) -> str:
    """brat keeps one annotation per line: tabs and line breaks become spaces."""
    return re.sub(r"[\t\r\n]", " ", text)


def _within(name: str, size: int) -> str:
    """The longest start of ``name`` whose UTF-8 form has at most ``size`` bytes."""
    encoded = name.encode("utf-8")
    if len(encoded) <= size:
        return name
    return encoded[:size].decode("utf-8", "ignore").rstrip(" .")


def file_name(name: str, used: set[str], fallback: str) -> str:
    """A file name for a document or a layer: safe on every system, short enough for its file
    system with the longest extension a writer adds, and not used yet.

    Names are cut to :data:`NAME_BYTES` less :data:`EXTENSION_ROOM` bytes of UTF-8 (an
    Arabic letter is two, so a long headline is cut near 120 letters); two names that are
    the same once cut are told apart by ``-2``, ``-3``…
    """
    size = NAME_BYTES - EXTENSION_ROOM
    base = _within(_UNSAFE.sub("_", name).strip(" ."), size) or fallback
    candidate, number = base, 1
    while candidate.lower() in used:
        number += 1
        ending = f"-{number}"
        candidate = _within(base, size - len(ending)) + ending
    used.add(candidate.lower())
    return candidate


def _values(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


class _BratLayer:
    """The ``.ann`` lines of one annotator's spans and links on one document."""

    def __init__(self, spans: list[Span], relations: list[Relation], kinds: dict[str, str]):
        self.spans = sorted(spans, key=lambda s: (s.start, s.end, s.id))
        self.relations = relations
        self.kinds = kinds
        self.lines: list[str] = []
        self.tid: dict[int, str] = {}  # span id → T id
        self.heads: list[Span] = []  # one span per T (the first fragment)
        self.head_of: dict[int, Span] = {}  # span id → the first fragment of its T

    def ref(self, span_id: int, eids: dict[int, str]) -> str:
        """How the ``.ann`` names a span: its event when it triggers one, else its T."""
        return eids.get(self.head_of[span_id].id) or self.tid[span_id]

    def render(
        self, entities: dict[int, str], relation_types: dict[str, tuple[set[str], set[str]]]
    ) -> str:
        self._text_bound()
        labels = {span.id: span.label for span in self.spans}
        eids: dict[int, str] = {}  # head span id → E id
        for head in self.heads:
            if self.kinds.get(head.label) == "event":
                eids[head.id] = f"E{len(eids) + 1}"
        self._events(eids)
        self._relations(eids, labels, relation_types)
        self._attributes(eids, entities)
        return "".join(f"{line}\n" for line in self.lines)

    def _text_bound(self) -> None:
        groups: dict[str, list[Span]] = defaultdict(list)
        for span in self.spans:
            fragment = span.attributes.get("fragment_of")
            if isinstance(fragment, str):
                groups[fragment].append(span)
        for span in self.spans:
            if span.id in self.tid:
                continue
            fragment = span.attributes.get("fragment_of")
            members = groups[fragment] if isinstance(fragment, str) else [span]
            tid = f"T{len(self.heads) + 1}"
            for member in members:
                self.tid[member.id] = tid
                self.head_of[member.id] = span
            self.heads.append(span)
            places = ";".join(f"{m.start} {m.end}" for m in members)
            text = " ".join(_clean(m.text) for m in members)
            self.lines.append(f"{tid}\t{type_name(span.label)} {places}\t{text}")

    def _events(self, eids: dict[int, str]) -> None:
        arguments: dict[int, list[Relation]] = defaultdict(list)
        for relation in self.relations:
            head = self.head_of[relation.source]
            if head.id in eids:
                arguments[head.id].append(relation)
        for head in self.heads:
            if head.id not in eids:
                continue
            parts = [f"{type_name(head.label)}:{self.tid[head.id]}"]
            seen: dict[str, int] = defaultdict(int)
            for relation in arguments[head.id]:
                seen[relation.role] += 1
                count = seen[relation.role]
                role = type_name(relation.role) + (str(count) if count > 1 else "")
                parts.append(f"{role}:{self.ref(relation.target, eids)}")
            self.lines.append(f"{eids[head.id]}\t{' '.join(parts)}")

    def _relations(
        self,
        eids: dict[int, str],
        labels: dict[int, str],
        relation_types: dict[str, tuple[set[str], set[str]]],
    ) -> None:
        count = 0
        for relation in self.relations:
            if self.head_of[relation.source].id in eids:
                continue
            count += 1
            sources, targets = relation_types.setdefault(relation.role, (set(), set()))
            sources.add(type_name(labels[relation.source]))
            targets.add(type_name(labels[relation.target]))
            self.lines.append(
                f"R{count}\t{type_name(relation.role)} Arg1:{self.ref(relation.source, eids)} "
                f"Arg2:{self.ref(relation.target, eids)}"
            )

    def _attributes(self, eids: dict[int, str], entities: dict[int, str]) -> None:
        counts: dict[str, int] = defaultdict(int)
        equivalences: dict[str, list[str]] = defaultdict(list)

        def add(kind: str, body: str) -> None:
            counts[kind] += 1
            self.lines.append(f"{kind}{counts[kind]}\t{body}")

        for head in self.heads:
            target = self.ref(head.id, eids)
            for name, value in head.attributes.items():
                if name in _SPECIAL or value is False or value is None or value == "":
                    continue
                if value is True:
                    add("A", f"{type_name(name)} {target}")
                    continue
                text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                add("A", f"{type_name(name)} {target} {_clean(text)}")
            if head.attributes.get("note"):
                add("#", f"AnnotatorNotes {target}\t{_clean(str(head.attributes['note']))}")
            name = entities.get(head.entity_id, "") if head.entity_id is not None else ""
            references = [str(r) for r in _values(head.attributes.get("normalization") or [])]
            if not references and head.entity_id is not None:
                references = [f"entity:{head.entity_id}"]
            for reference in references:
                kind, _, ref = reference.rpartition(" ")
                add("N", f"{kind or 'Reference'} {target} {ref}\t{_clean(name)}")
            for group in _values(head.attributes.get("equivalence") or []):
                equivalences[str(group)].append(target)
        for group, members in equivalences.items():
            kind = group.rpartition(" ")[0] or group
            self.lines.append(f"*\t{type_name(kind)} {' '.join(members)}")


def write(out: Path, documents: Iterable[AnnotatedDocument], context: Any) -> None:
    """A folder of ``.txt``/``.ann`` pairs (per annotator when there are several layers)."""
    kinds = {label.id: label.kind for label in context.schema.labels}
    relation_types: dict[str, tuple[set[str], set[str]]] = {}
    with atomic_directory(Path(out)) as folder:
        used: set[str] = set()
        layer_folders: dict[str, Path] = {}
        for item in documents:
            document = item.document
            name = file_name(document.name, used, f"document-{document.id}")
            spans: dict[str, list[Span]] = defaultdict(list)
            relations: dict[str, list[Relation]] = defaultdict(list)
            for span in item.spans:
                spans[span.annotator].append(span)
            for relation in item.relations:
                relations[relation.annotator].append(relation)
            if not spans:
                _pair(folder, name, document.text, "")
            for annotator in sorted(spans):
                if annotator not in layer_folders:
                    taken = {p.name.lower() for p in layer_folders.values()}
                    layer_folders[annotator] = folder / file_name(annotator, taken, "layer")
                    layer_folders[annotator].mkdir()
                layer = _BratLayer(spans[annotator], relations[annotator], kinds)
                ann = layer.render(context.entities, relation_types)
                _pair(layer_folders[annotator], name, document.text, ann)
        if len(layer_folders) == 1:
            (only,) = layer_folders.values()
            for path in sorted(only.iterdir()):
                os.replace(path, folder / path.name)
            only.rmdir()
        (folder / "annotation.conf").write_text(
            render(context.schema, relation_types), encoding="utf-8"
        )
    spaced = sorted({name for name in [*kinds, *relation_types] if type_name(name) != name})
    if spaced and hasattr(context, "notes"):
        context.notes.append(
            f"brat names cannot hold spaces: written with underscores: {', '.join(spaced)}"
        )


def _pair(folder: Path, name: str, text: str, ann: str) -> None:
    (folder / f"{name}.txt").write_text(text, encoding="utf-8", newline="\n")
    (folder / f"{name}.ann").write_text(ann, encoding="utf-8", newline="\n")
