"""WebAnno TSV 3 (INCEpTION's interchange format): reading.

Offsets in TSV 3 are UTF-16 code units (Java); they are converted to code points with
:class:`~annotator.core.text.Utf16Map`. The text is rebuilt from the ``#Text=`` lines the way
INCEpTION rebuilds it (a line break after each sentence, spaces to reach the next sentence's
first token), less the final line break the format adds.

- Span layers (``#T_SP``): each annotation is a span; its label is the layer's label feature
  (``value``, ``PosValue`` for POS…, see ``webanno.tsv.LABEL_FEATURES``), or the layer's name
  when that feature is empty (``*``); other features become attributes, except a
  NamedEntity's ``identifier``, which names the span's canonical entity. Stacked (``|``),
  multi-token and sub-token annotations (``[n]`` ids, ``1-2.1`` units) are followed.
- Slot features (``ROLE_…``, INCEpTION's event roles) become relations from the host span to
  each filler, the slot's role being the role (or the feature's name when it has none).
- Relation layers (``#T_RL``) become relations from governor to dependent, the label feature
  being the role; other relation features cannot be kept and are listed in the report.
- Chains (``#T_CH``) become spans (label: ``referenceType``) linked in chain order
  (role: ``referenceRelation``).

Refused, with the line: zero-width annotations (a span needs a character), relations
between plain tokens (no span to join), references that resolve to nothing or to more than
one annotation. ``--webanno-layer NamedEntity`` imports only the layers named.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import GOLD
from annotator.core.records import Record, RelationRecord, SpanRecord
from annotator.core.text import Utf16Map
from annotator.formats.options import flag, note
from annotator.formats.reading import files_in
from annotator.formats.webanno.parse import Annotation, TsvFile
from annotator.formats.webanno.tsv import TOKEN

CURATOR_FILES = ("curator", "CURATION_USER")
ENTITY_FEATURE = "identifier"  # NamedEntity's link to a knowledge base: the canonical entity


class _Builder:
    """Turns a read TSV file into a record: spans in code points, links, relations, chains."""

    def __init__(self, tsv: TsvFile) -> None:
        self.tsv = tsv
        self.annotations = tsv.annotations
        self.relations = tsv.relations
        self.chains = tsv.chains
        self.error = tsv.error
        self.resolve = tsv.resolve

    def record(self, name: str, layer: str | None, number: int, notes: list[str]) -> Record:
        text = self.tsv.text()
        units = Utf16Map(text)
        self.tsv.check_tokens(text, units)
        spans: list[SpanRecord] = []
        for count, annotation in enumerate(self.annotations, 1):
            annotation.key = f"a{count}"
            if annotation.begin >= annotation.end:
                raise self.error(
                    f"{annotation.layer.name}: a zero-width annotation at {annotation.begin}; "
                    "a span needs at least one character",
                    annotation.line,
                )
            # the tokens' offsets, checked above, are the annotation's
            start, end = units.from_utf16(annotation.begin), units.from_utf16(annotation.end)
            spans.append(self._span(annotation, start, end, layer))
        self._check_stacking(spans, notes)
        relations = self._links(layer) + self._relations(layer, notes) + self._chains(layer)
        return Record(text=text, name=name, spans=spans, relations=relations, number=number)

    def _check_stacking(self, spans: list[SpanRecord], notes: list[str]) -> None:
        """A layer keeps one span per place and label: identical stacked ones become one."""
        seen: dict[tuple[int, int, str], SpanRecord] = {}
        lines = {a.key: a.line for a in self.annotations}
        merged = 0
        for span in spans:
            identity = (span.start, span.end, span.label)
            first = seen.setdefault(identity, span)
            if first is span:
                continue
            if first.attributes != span.attributes:
                raise self.error(
                    f"two {span.label} annotations cover the same text with different features "
                    f"({first.attributes} and {span.attributes}); a layer keeps one span per "
                    "place and label",
                    lines[span.key or ""],
                )
            merged += 1
        if merged:
            notes.append(f"{merged} identical stacked annotations became one span each")

    def _span(self, annotation: Annotation, start: int, end: int, layer: str | None) -> SpanRecord:
        kind = annotation.layer
        feature = "referenceType" if kind.kind == "chain" else kind.label_feature
        label = annotation.features.get(feature) if feature else None
        entity = annotation.features.get(ENTITY_FEATURE) if kind.name == "NamedEntity" else None
        attributes: dict[str, Any] = {
            name: value
            for name, value in annotation.features.items()
            if value is not None
            and name not in (feature, "referenceRelation")
            and not (entity and name == ENTITY_FEATURE)
        }
        return SpanRecord(
            start,
            end,
            label or kind.name,
            annotator=layer,
            attributes=attributes,
            key=annotation.key,
            entity=entity,
            line=annotation.line,
        )

    def _links(self, layer: str | None) -> list[RelationRecord]:
        relations = []
        for annotation in self.annotations:
            for link in annotation.links:
                target = self.resolve(link.target_type, link.unit, link.ident, link.line)
                relations.append(RelationRecord(annotation.key, target.key, link.role, layer))
        return relations

    def _relations(self, layer: str | None, notes: list[str]) -> list[RelationRecord]:
        relations = []
        dropped: set[str] = set()
        for relation in self.relations:
            kind = relation.layer
            base = next(c.target for c in kind.columns if c.kind == "governor")
            if base == TOKEN:
                raise self.error(
                    f"{kind.name} relations join plain tokens, which are not spans here",
                    relation.line,
                )
            if relation.governor is None:
                raise self.error(f"{kind.name}: a relation without its governor", relation.line)
            unit_id, source_id, target_id = relation.governor
            source = self.resolve(base, unit_id, source_id, relation.line)
            target = self.resolve(base, relation.unit.id, target_id, relation.line)
            feature = kind.label_feature
            role = relation.features.get(feature) if feature else None
            dropped.update(f for f, v in relation.features.items() if f != feature and v)
            relations.append(RelationRecord(source.key, target.key, role or kind.name, layer))
        if dropped:
            notes.append(
                f"relation features other than the role are not kept: {', '.join(sorted(dropped))}"
            )
        return relations

    def _chains(self, layer: str | None) -> list[RelationRecord]:
        relations = []
        chains: dict[tuple[str, int], list[tuple[int, Annotation]]] = {}
        for (type_name, chain, element), annotation in self.chains.items():
            chains.setdefault((type_name, chain), []).append((element, annotation))
        for _, elements in sorted(chains.items(), key=lambda item: item[0]):
            elements.sort(key=lambda pair: pair[0])
            for (_, first), (_, second) in pairwise(elements):
                role = first.features.get("referenceRelation") or first.layer.name
                relations.append(RelationRecord(first.key, second.key, role, layer))
        return relations


def _groups(path: Path) -> list[tuple[Path, list[Path]]]:
    """The TSV files to read, by the folder holding them."""
    if not path.is_dir():
        return [(path.parent, [path])]
    files = files_in(path, ".tsv")
    if not files:
        raise InputError("no WebAnno .tsv files in this folder", file=path)
    groups: dict[Path, list[Path]] = {}
    for file in files:
        groups.setdefault(file.parent, []).append(file)
    return list(groups.items())


def _layer_of(file: Path, by_annotator: bool) -> str | None:
    if file.stem in CURATOR_FILES:
        return GOLD
    return file.stem if by_annotator else None


def read(
    path: Path, encoding: str = "utf-8", options: dict[str, Any] | None = None
) -> Iterator[Record]:
    """Records of a TSV file, or of every TSV file under a folder.

    The files of one folder are one document's annotators (INCEpTION's
    ``<document>/<annotator>.tsv``) when they hold the same text and are several, or sit in a
    sub-folder of the one imported: each is then the layer named by the file, and the
    document is named after the folder. Otherwise each file is a document of its own, in
    the import's annotator layer. ``curator.tsv`` and ``CURATION_USER.tsv`` are the gold layer.
    """
    wanted = tuple(flag(options, "webanno_layer", ()) or ())
    number = 0
    seen_layers: set[str] = set()
    for folder, files in _groups(path):
        documents = []
        for file in files:
            document = TsvFile(file, wanted)
            document.read(encoding)
            seen_layers.update(n for layer in document.layers for n in (layer.name, layer.type))
            documents.append(document)
        same_text = len({document.text() for document in documents}) == 1
        by_annotator = same_text and (len(files) > 1 or (path.is_dir() and folder != path))
        for document in documents:
            number += 1
            name = folder.name if by_annotator else document.path.stem
            notes: list[str] = []
            layer = _layer_of(document.path, by_annotator)
            yield _Builder(document).record(name, layer, number, notes)
            for message in notes:
                note(options, message)
    missing = [name for name in wanted if name not in seen_layers]
    if missing:
        note(options, f"no layer {', '.join(missing)} in the files (--webanno-layer)")
