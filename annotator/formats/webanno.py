"""WebAnno TSV 3 (INCEpTION's interchange format): reading.

Offsets in TSV 3 are UTF-16 code units (Java); they are converted to code points with
:class:`~annotator.core.text.Utf16Map`. The text is rebuilt from the ``#Text=`` lines the way
INCEpTION rebuilds it (a line break after each sentence, spaces to reach the next sentence's
first token), less the final line break the format adds.

- Span layers (``#T_SP``): each annotation is a span; its label is the layer's label feature
  (``value``, ``PosValue`` for POS…, see ``webanno_tsv.LABEL_FEATURES``), or the layer's name
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

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import GOLD
from annotator.core.records import Record, RelationRecord, SpanRecord
from annotator.core.text import Utf16Map
from annotator.formats.options import flag, note
from annotator.formats.reading import iter_lines
from annotator.formats.webanno_tsv import (
    ANY_ANNOTATION,
    CHAIN,
    FORMAT_PREFIX,
    RELATION,
    SPAN,
    TOKEN,
    Column,
    Layer,
    parse_layer,
    short_name,
    unescape_text,
    unescape_value,
)

CURATOR_FILES = ("curator", "CURATION_USER")
ENTITY_FEATURE = "identifier"  # NamedEntity's link to a knowledge base: the canonical entity
_STACK = re.compile(r"(?<!\\)\|")
_SLOT = re.compile(r"(?<!\\);")
_CHAIN = re.compile(r"^(?P<value>.*)(?<!\\)->(?P<chain>\d+)-(?P<element>\d+)$")
_UNIT = re.compile(r"^(\d+)-(\d+)(?:\.(\d+))?$")
_OFFSETS = re.compile(r"^(\d+)-(\d+)$")
_REFERENCE = re.compile(r"^(?P<unit>\d+-\d+(?:\.\d+)?)(?:\[(?P<source>\d+)_(?P<target>\d+)\])?$")
_SLOT_TARGET = re.compile(r"^(?P<unit>\d+-\d+(?:\.\d+)?)(?:\[(?P<id>\d+)\])?$")


def _disambiguated(value: str) -> tuple[str, int]:
    """``PER[3]`` → (``PER``, 3); a value without an id → (value, 0)."""
    if value.endswith("]") and not value.endswith("\\]") and "[" in value:
        head, _, tail = value.rpartition("[")
        if tail[:-1].isdigit():
            return head, int(tail[:-1])
    return value, 0


@dataclass
class _Link:
    """A slot of an annotation filled by another annotation (an event's argument)."""

    role: str
    unit: str
    ident: int
    target_type: str
    line: int


@dataclass(eq=False)
class _Annotation:
    layer: Layer
    begin: int  # UTF-16 units
    end: int
    line: int
    features: dict[str, str | None] = field(default_factory=dict)
    roles: dict[str, list[str | None]] = field(default_factory=dict)  # slot feature → roles
    links: list[_Link] = field(default_factory=list)
    key: str = ""


@dataclass(slots=True)
class _Unit:
    id: str
    begin: int
    end: int
    line: int
    annotations: dict[str, list[_Annotation]] = field(default_factory=dict)  # by layer type
    relations: dict[str, list[_Relation]] = field(default_factory=dict)


@dataclass
class _Relation:
    layer: Layer
    line: int
    unit: _Unit
    features: dict[str, str | None] = field(default_factory=dict)
    governor: tuple[str, int, int] | None = None  # source unit, source id, target id


class _TsvDocument:
    """One TSV file, read line by line into units, annotations and the text."""

    def __init__(self, path: Path, layers_wanted: tuple[str, ...]) -> None:
        self.path = path
        self.wanted = layers_wanted
        self.minor = 3
        self.layers: list[Layer] = []
        self.columns: list[Column] = []
        self.parts: list[str] = []
        self.length16 = 0
        self.units: dict[str, _Unit] = {}
        self.annotations: list[_Annotation] = []
        self.by_id: dict[int, _Annotation] = {}
        self.chains: dict[tuple[str, int, int], _Annotation] = {}
        self.relations: list[_Relation] = []
        self.current: _Unit | None = None
        self.reading_order: list[Column] = []

    def error(self, reason: str, line: int | None = None) -> InputError:
        return InputError(reason, file=self.path, line=line)

    def selected(self, layer: Layer) -> bool:
        return not self.wanted or layer.name in self.wanted or layer.type in self.wanted

    # -- lines -----------------------------------------------------------------------------

    def read(self, encoding: str) -> None:
        lines = iter_lines(self.path, encoding)
        number, first = next(lines, (1, ""))
        first = first.rstrip("\r\n")
        if not first.startswith(FORMAT_PREFIX):
            raise self.error("not a WebAnno TSV 3 file (the first line is not #FORMAT=…)", 1)
        version = first[len(FORMAT_PREFIX) :].strip()
        if not re.fullmatch(r"3\.\d+", version):
            raise self.error(f"WebAnno TSV {version} is not read; export TSV 3 (3.x)", 1)
        self.minor = int(version.split(".")[1])
        pending: list[str] | None = None  # the #Text lines of a sentence not placed yet
        in_header = True
        for number, raw in lines:
            line = raw.rstrip("\r\n")
            if in_header and line.startswith((SPAN, RELATION, CHAIN)):
                layer = parse_layer(line, len(self.columns))
                self.layers.append(layer)
                self.columns += layer.columns
                # a chain's type column names elements its link column creates: links first
                self.reading_order = sorted(self.columns, key=lambda c: c.kind == "chain_type")
                continue
            in_header = False
            if not line.strip() or line.startswith("#"):
                self.current = None  # a blank line or a header ends the sentence
                if line.startswith("#Text="):
                    pending = (pending or []) + [unescape_text(line[6:], self.minor)]
                continue
            if self.current is None and pending is None:
                raise self.error("a token line before its sentence's #Text= line", number)
            self._unit(line, number, pending if self.current is None else None)
            pending = None

    def _place_sentence(self, lines: list[str], begin: int, number: int) -> None:
        """Put a sentence's text where its first token begins (as INCEpTION does)."""
        if self.length16 > begin:
            if self.length16 != begin + 1 or not self.parts or not self.parts[-1].endswith("\n"):
                raise self.error(
                    f"the first token begins at {begin}, inside the previous sentence", number
                )
            self.parts[-1] = self.parts[-1][:-1]
            self.length16 -= 1
        elif self.length16 < begin:
            self.parts.append(" " * (begin - self.length16))
            self.length16 = begin
        text = "".join(f"{line}\n" for line in lines)
        self.parts.append(text)
        self.length16 += len(text.encode("utf-16-le")) // 2

    def _unit(self, line: str, number: int, sentence: list[str] | None) -> None:
        fields = line.split("\t")
        if len(fields) < 3 + len(self.columns):
            raise self.error(
                f"has {len(fields)} fields; a token needs 3 and one per column "
                f"({len(self.columns)} columns declared)",
                number,
            )
        unit_id, offsets = fields[0], _OFFSETS.match(fields[1])
        if not _UNIT.match(unit_id) or not offsets:
            raise self.error(f"not a token line: {line[:60]!r}", number)
        begin, end = int(offsets[1]), int(offsets[2])
        if sentence is not None:
            if "." in unit_id:
                raise self.error("a sentence starts with a sub-token", number)
            self._place_sentence(sentence, begin, number)
        unit = _Unit(unit_id, begin, end, number)
        if "." not in unit_id:
            self.current = unit
        self.units[unit_id] = unit
        for column in self.reading_order:
            value = fields[3 + column.index]
            if value == "_" or not self.selected(column.layer):
                continue
            for index, item in enumerate(_STACK.split(value)):
                self._value(unit, column, index, item, number)

    def _value(self, unit: _Unit, column: Column, index: int, item: str, number: int) -> None:
        layer = column.layer
        if layer.kind == "relation":
            self._relation_value(unit, column, index, item, number)
            return
        chain = _CHAIN.match(item) if column.kind == "chain_link" else None
        if column.kind == "slot_target":
            value, ident = item, 0
        elif chain:
            value, ident = chain["value"], 0
        else:
            value, ident = _disambiguated(item)
        annotation = self._annotation(unit, layer, index, ident, chain, number)
        if annotation is None:
            return
        if column.kind in ("feature", "chain_type", "chain_link"):
            annotation.features[column.feature] = (
                None if value in ("*", "_") else unescape_value(value)
            )
        elif column.kind == "slot_role":
            roles = [] if value == "_" else _SLOT.split(value)
            annotation.roles[column.feature] = [
                None if role == "*" else unescape_value(role) for role in roles
            ]
        elif column.kind == "slot_target":
            self._slot_targets(annotation, column, value, number)

    def _annotation(
        self,
        unit: _Unit,
        layer: Layer,
        index: int,
        ident: int,
        chain: re.Match[str] | None,
        number: int,
    ) -> _Annotation | None:
        stack = unit.annotations.setdefault(layer.type, [])
        if index < len(stack):
            return stack[index]
        found = None
        if chain:
            found = self.chains.get((layer.type, int(chain["chain"]), int(chain["element"])))
        elif ident:
            found = self.by_id.get(ident)
        if found is not None:
            found.end = unit.end
        elif layer.kind == "chain" and not chain:
            return None  # a chain's type column follows its link column
        else:
            found = _Annotation(layer, unit.begin, unit.end, number)
            self.annotations.append(found)
            if ident:
                self.by_id[ident] = found
            if chain:
                self.chains[(layer.type, int(chain["chain"]), int(chain["element"]))] = found
        stack.append(found)
        return found

    def _slot_targets(
        self, annotation: _Annotation, column: Column, value: str, number: int
    ) -> None:
        targets = [] if value in ("_", "*") else _SLOT.split(value)
        roles = annotation.roles.get(column.feature, [])
        if targets and len(targets) != len(roles):
            raise self.error(
                f"{column.layer.name}: {len(roles)} slot roles but {len(targets)} fillers", number
            )
        for role, target in zip(roles, targets, strict=False):
            if target in ("*", "_"):
                continue
            match = _SLOT_TARGET.match(target)
            if not match:
                raise self.error(
                    f"{column.layer.name}: cannot read the slot filler {target!r}", number
                )
            annotation.links.append(
                _Link(
                    role or column.feature,
                    match["unit"],
                    int(match["id"] or 0),
                    column.target,
                    number,
                )
            )

    def _relation_value(
        self, unit: _Unit, column: Column, index: int, item: str, number: int
    ) -> None:
        stack = unit.relations.setdefault(column.layer.type, [])
        if index < len(stack):
            relation = stack[index]
        else:
            relation = _Relation(column.layer, number, unit)
            self.relations.append(relation)
            stack.append(relation)
        if column.kind == "governor":
            match = _REFERENCE.match(item)
            if not match:
                raise self.error(f"{column.layer.name}: cannot read the governor {item!r}", number)
            relation.governor = (
                match["unit"],
                int(match["source"] or 0),
                int(match["target"] or 0),
            )
        else:
            relation.features[column.feature] = None if item in ("*", "_") else unescape_value(item)

    # -- the record ------------------------------------------------------------------------

    def text(self) -> str:
        text = "".join(self.parts)
        return text[:-1] if text.endswith("\n") else text

    def resolve(self, layer_type: str, unit_id: str, ident: int, number: int) -> _Annotation:
        """The annotation a reference names: by its id, else the only one at the unit."""
        if ident:
            if ident not in self.by_id:
                raise self.error(f"refers to the annotation [{ident}], which is not there", number)
            return self.by_id[ident]
        unit = self.units.get(unit_id)
        if unit is None:
            raise self.error(f"refers to the token {unit_id}, which is not there", number)
        if layer_type in (ANY_ANNOTATION, ""):
            found = [a for stack in unit.annotations.values() for a in stack]
        else:
            found = unit.annotations.get(layer_type, [])
        found = list(dict.fromkeys(found))
        if len(found) != 1:
            what = "no annotation" if not found else f"{len(found)} annotations"
            raise self.error(
                f"refers to {unit_id}, where there is {what} of {short_name(layer_type)}", number
            )
        return found[0]

    def record(self, name: str, layer: str | None, number: int, notes: list[str]) -> Record:
        text = self.text()
        units = Utf16Map(text)
        spans: list[SpanRecord] = []
        for count, annotation in enumerate(self.annotations, 1):
            annotation.key = f"a{count}"
            if annotation.begin >= annotation.end:
                raise self.error(
                    f"{annotation.layer.name}: a zero-width annotation at {annotation.begin}; "
                    "a span needs at least one character",
                    annotation.line,
                )
            try:
                start, end = units.from_utf16(annotation.begin), units.from_utf16(annotation.end)
            except ValueError as error:
                raise self.error(f"{annotation.layer.name}: {error}", annotation.line) from None
            if end > len(text):
                raise self.error(
                    f"{annotation.layer.name}: offsets {annotation.begin}-{annotation.end} "
                    f"(UTF-16) run past the text",
                    annotation.line,
                )
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

    def _span(self, annotation: _Annotation, start: int, end: int, layer: str | None) -> SpanRecord:
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
        chains: dict[tuple[str, int], list[tuple[int, _Annotation]]] = {}
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
    files = sorted(path.rglob("*.tsv"))
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
            document = _TsvDocument(file, wanted)
            document.read(encoding)
            seen_layers.update(n for layer in document.layers for n in (layer.name, layer.type))
            documents.append(document)
        same_text = len({document.text() for document in documents}) == 1
        by_annotator = same_text and (len(files) > 1 or (path.is_dir() and folder != path))
        for document in documents:
            number += 1
            name = folder.name if by_annotator else document.path.stem
            notes: list[str] = []
            yield document.record(name, _layer_of(document.path, by_annotator), number, notes)
            for message in notes:
                note(options, message)
    missing = [name for name in wanted if name not in seen_layers]
    if missing:
        note(options, f"no layer {', '.join(missing)} in the files (--webanno-layer)")
