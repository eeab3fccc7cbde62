"""Reading the lines of a WebAnno TSV 3 file: its layers, tokens, annotations and text.

This is the file as INCEpTION's reader sees it (units, stacked and multi-unit annotations,
slot links, relations, chain elements; offsets still in UTF-16 units); ``webanno`` turns it
into a record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.text import Utf16Map
from annotator.formats.reading import iter_lines
from annotator.formats.webanno.tsv import (
    ANY_ANNOTATION,
    CHAIN,
    FORMAT_PREFIX,
    RELATION,
    SPAN,
    Column,
    TsvLayer,
    parse_layer,
    short_name,
    unescape_text,
    unescape_value,
)

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
class SlotLink:
    """A slot of an annotation filled by another annotation (an event's argument)."""

    role: str
    unit: str
    ident: int
    target_type: str
    line: int


@dataclass(eq=False)
class Annotation:
    layer: TsvLayer
    begin: int  # UTF-16 units
    end: int
    line: int
    features: dict[str, str | None] = field(default_factory=dict)
    roles: dict[str, list[str | None]] = field(default_factory=dict)  # slot feature → roles
    links: list[SlotLink] = field(default_factory=list)
    key: str = ""


@dataclass(slots=True)
class Unit:
    id: str
    begin: int
    end: int
    line: int
    text: str  # the token as the line gives it, to hold against the #Text= lines
    annotations: dict[str, list[Annotation]] = field(default_factory=dict)  # by layer type
    relations: dict[str, list[TsvRelation]] = field(default_factory=dict)


@dataclass
class TsvRelation:
    layer: TsvLayer
    line: int
    unit: Unit
    features: dict[str, str | None] = field(default_factory=dict)
    governor: tuple[str, int, int] | None = None  # source unit, source id, target id


class TsvFile:
    """One TSV file, read line by line into units, annotations and the text."""

    def __init__(self, path: Path, layers_wanted: tuple[str, ...]) -> None:
        self.path = path
        self.wanted = layers_wanted
        self.minor = 3
        self.layers: list[TsvLayer] = []
        self.columns: list[Column] = []
        self.parts: list[str] = []
        self.length16 = 0
        self.units: dict[str, Unit] = {}
        self.annotations: list[Annotation] = []
        self.by_id: dict[int, Annotation] = {}
        self.chains: dict[tuple[str, int, int], Annotation] = {}
        self.relations: list[TsvRelation] = []
        self.current: Unit | None = None
        self.reading_order: list[Column] = []

    def error(self, reason: str, line: int | None = None) -> InputError:
        return InputError(reason, file=self.path, line=line)

    def selected(self, layer: TsvLayer) -> bool:
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
                try:
                    layer = parse_layer(line, len(self.columns))
                except ValueError as error:
                    raise self.error(str(error), number) from None
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
        unit = Unit(unit_id, begin, end, number, unescape_text(fields[2], self.minor))
        if "." not in unit_id:
            self.current = unit
        if unit_id in self.units:
            raise self.error(
                f"the token id {unit_id} is used twice (first on line "
                f"{self.units[unit_id].line}); references to it would be ambiguous",
                number,
            )
        self.units[unit_id] = unit
        for column in self.reading_order:
            value = fields[3 + column.index]
            if value == "_" or not self.selected(column.layer):
                continue
            for index, item in enumerate(_STACK.split(value)):
                self._value(unit, column, index, item, number)

    def _value(self, unit: Unit, column: Column, index: int, item: str, number: int) -> None:
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
        unit: Unit,
        layer: TsvLayer,
        index: int,
        ident: int,
        chain: re.Match[str] | None,
        number: int,
    ) -> Annotation | None:
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
            found = Annotation(layer, unit.begin, unit.end, number)
            self.annotations.append(found)
            if ident:
                self.by_id[ident] = found
            if chain:
                self.chains[(layer.type, int(chain["chain"]), int(chain["element"]))] = found
        stack.append(found)
        return found

    def _slot_targets(
        self, annotation: Annotation, column: Column, value: str, number: int
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
                SlotLink(
                    role or column.feature,
                    match["unit"],
                    int(match["id"] or 0),
                    column.target,
                    number,
                )
            )

    def _relation_value(
        self, unit: Unit, column: Column, index: int, item: str, number: int
    ) -> None:
        stack = unit.relations.setdefault(column.layer.type, [])
        if index < len(stack):
            relation = stack[index]
        else:
            relation = TsvRelation(column.layer, number, unit)
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

    def text(self) -> str:
        text = "".join(self.parts)
        return text[:-1] if text.endswith("\n") else text

    def check_tokens(self, text: str, units: Utf16Map) -> None:
        """Each token's text is the text at its offsets: a file whose tokens disagree with
        its ``#Text=`` lines would put every annotation on other characters."""
        for unit in self.units.values():
            if not unit.begin <= unit.end <= units.utf16_length:
                raise self.error(
                    f"token {unit.id}: offsets {unit.begin}-{unit.end} (UTF-16) run past the "
                    "text of the #Text= lines",
                    unit.line,
                )
            try:
                start, end = units.from_utf16(unit.begin), units.from_utf16(unit.end)
            except ValueError as error:
                raise self.error(f"token {unit.id}: {error}", unit.line) from None
            if text[start:end] != unit.text:
                raise self.error(
                    f"token {unit.id} is {unit.text!r} but the #Text= lines have "
                    f"{text[start:end]!r} at {unit.begin}-{unit.end}",
                    unit.line,
                )

    def resolve(self, layer_type: str, unit_id: str, ident: int, number: int) -> Annotation:
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
