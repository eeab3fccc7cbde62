"""One MAE / MAI XML file as a record.

``<Task><TEXT><![CDATA[…]]></TEXT><TAGS>…</TAGS></Task>``: each tag in ``TAGS`` with
``spans="start~end"`` (or MAE 0.x's ``start``/``end``) is an extent tag, read as a span whose
label is the tag's name and whose other attributes are its attributes; one with
``<role>ID`` attributes is a link tag. A link with ``fromID``/``toID`` is a relation whose
role is the tag's name (its other attributes are not kept, and the report says so); a link
with other arguments (``arg0ID``…, ``agentID``…) is an event of the tag's type with those
roles, and with no trigger.

Offsets count code points of the CDATA text after XML's line-end normalisation, as the
parser gives it; where a file's tags name their text (``text="…"``) and only UTF-16 units
make them agree (a file written by a tool counting Java ``char``s), the file is read in
UTF-16 units and the report says so. Tags MAE cannot give a span are kept out and listed:
non-consuming tags (``-1~-1``) and links to them. Several ranges (``0~4,9~12``) become the
one range covering them, as our spans are contiguous, and the report lists them. Where the
``text`` attribute and the offsets disagree, the offsets win and the report lists the tags.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.records import EventRecord, Record, RelationRecord, SpanRecord
from annotator.core.text import Utf16Map
from annotator.formats.mae.dtd import DEFAULT_ARGUMENTS, RESERVED, TaskDefinition

_RANGE = re.compile(r"^\s*(-?\d{1,18})\s*~\s*(-?\d{1,18})\s*$")
_ENTITY = re.compile(rb"<!ENTITY", re.I)
NOT_CONSUMING = (-1, -1)


def parse(data: bytes, path: Path) -> ET.Element:
    """The root element of a MAE file; broken XML is an error naming the file and place."""
    if _ENTITY.search(data[:4096]) or b"<!DOCTYPE" in data:
        raise InputError("declares a DOCTYPE or entities, which MAE files never do", file=path)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise InputError(f"not well-formed XML ({error})", file=path) from None
    except (LookupError, ValueError) as error:  # an encoding Python's XML parser cannot read
        said = f"its XML declaration names an encoding that cannot be read ({error})"
        raise InputError(said, file=path) from None
    if root.find("TEXT") is None:
        raise InputError(
            f"not a MAE file: the root element <{root.tag}> holds no <TEXT>", file=path
        )
    return root


def is_mae(data: bytes) -> bool:
    """Whether XML looks like MAE's: a root holding ``<TEXT>`` and then ``<TAGS>``."""
    head = data[:65536]
    return b"<TEXT" in head and b"<TAGS" in data


@dataclass
class ExtentTag:
    tag: str
    id: str
    start: int
    end: int
    ranges: int
    claimed: str | None
    attributes: dict[str, Any]


@dataclass
class MaeDocument:
    """The tags of one file, read and checked; :meth:`record` makes the record."""

    path: Path
    root: ET.Element
    task: TaskDefinition
    layer: str | None
    text: str = ""
    extents: dict[str, ExtentTag] = field(default_factory=dict)
    links: list[ET.Element] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # ids of non-consuming tags
    notes: list[str] = field(default_factory=list)

    def error(self, element: ET.Element, reason: str) -> InputError:
        ident = element.get("id")
        return InputError(
            f"<{element.tag}{f' id={ident!r}' if ident else ''}>: {reason}", file=self.path
        )

    def read(self) -> None:
        text_element = self.root.find("TEXT")
        assert text_element is not None
        if len(text_element):
            raise self.error(text_element, "holds elements; MAE's text is CDATA only")
        self.text = text_element.text or ""
        seen: set[str] = set()
        tags = self.root.find("TAGS")
        for element in tags if tags is not None else ():
            if not isinstance(element.tag, str):
                continue
            if len(element):
                raise self.error(element, "holds other elements; MAE's tags are empty elements")
            ident = element.get("id")
            if not ident:
                raise self.error(element, "has no id")
            if ident in seen:
                raise self.error(element, "uses an id another tag already has")
            seen.add(ident)
            if self._is_link(element):
                self.links.append(element)
            else:
                self._extent(element)
        self._check_units()

    def _is_link(self, element: ET.Element) -> bool:
        definition = self.task.tags.get(element.tag)
        if definition is not None:
            return definition.link
        return "spans" not in element.attrib and "start" not in element.attrib

    def _ranges(self, element: ET.Element) -> list[tuple[int, int]]:
        if "spans" in element.attrib:
            parts = (element.get("spans") or "").split(",")
        else:
            parts = [f"{element.get('start', '-1')}~{element.get('end', '-1')}"]
        ranges = []
        for part in parts:
            if not part.strip():
                continue
            match = _RANGE.match(part)
            if match is None:
                raise self.error(element, f"spans {part!r} is not start~end")
            ranges.append((int(match.group(1)), int(match.group(2))))
        return ranges

    def _extent(self, element: ET.Element) -> None:
        ranges = [r for r in self._ranges(element) if r != NOT_CONSUMING]
        ident = element.get("id", "")
        if not ranges:
            self.skipped.append(ident)
            return
        for start, end in ranges:
            if not 0 <= start <= end:
                raise self.error(element, f"the range {start}~{end} runs backwards")
        start, end = min(r[0] for r in ranges), max(r[1] for r in ranges)
        if start == end:
            self.skipped.append(ident)
            return
        attributes = {
            name: value
            for name, value in element.attrib.items()
            if name not in RESERVED and value != ""
        }
        claimed = element.get("text")
        self.extents[ident] = ExtentTag(
            element.tag, ident, start, end, len(ranges), claimed, attributes
        )

    def _check_units(self) -> None:
        """Offsets in code points, unless only UTF-16 units make the tags' texts agree."""
        units = Utf16Map(self.text)
        if units.utf16_length != len(self.text) and not self._agree(self.text):
            try:
                moved = {
                    ident: (units.from_utf16(e.start), units.from_utf16(e.end))
                    for ident, e in self.extents.items()
                    if e.end <= units.utf16_length
                }
            except ValueError:
                moved = {}
            if len(moved) == len(self.extents):
                before = {ident: (e.start, e.end) for ident, e in self.extents.items()}
                for ident, (start, end) in moved.items():
                    self.extents[ident].start, self.extents[ident].end = start, end
                if self._agree(self.text):
                    self.notes.append("offsets read as UTF-16 units: only they fit the texts")
                else:
                    for ident, (start, end) in before.items():
                        self.extents[ident].start, self.extents[ident].end = start, end
        for extent in self.extents.values():
            if extent.end > len(self.text):
                raise InputError(
                    f"<{extent.tag} id={extent.id!r}>: the range {extent.start}~{extent.end} "
                    f"lies outside the text ({len(self.text)} characters)",
                    file=self.path,
                )

    def _agree(self, text: str) -> bool:
        return all(
            e.claimed in (None, "") or e.ranges > 1 or text[e.start : e.end] == e.claimed
            for e in self.extents.values()
        )

    def record(self, name: str, number: int) -> Record:
        spans = [
            SpanRecord(e.start, e.end, e.tag, annotator=self.layer, attributes=e.attributes,
                       key=e.id)
            for e in self.extents.values()
        ]  # fmt: skip
        relations: list[RelationRecord] = []
        events: list[EventRecord] = []
        for element in self.links:
            self._link(element, relations, events)
        self._report()
        return Record(
            text=self.text, name=name, spans=spans, relations=relations,
            events=events or None, number=number, file=str(self.path),
        )  # fmt: skip

    def arguments(self, element: ET.Element) -> list[tuple[str, str]]:
        definition = self.task.tags.get(element.tag)
        if definition is not None:
            roles = definition.arguments
        else:
            roles = [n[:-2] for n in element.attrib if n.endswith("ID") and n != "ID"]
        return [(role, element.get(f"{role}ID", "")) for role in roles]

    def link_attributes(self, element: ET.Element) -> dict[str, str]:
        """A link's attributes other than its arguments (``<role>ID``, ``<role>Text``)."""
        roles = {f"{role}{end}" for role, _ in self.arguments(element) for end in ("ID", "Text")}
        return {n: v for n, v in element.attrib.items() if n not in roles | RESERVED and v != ""}

    def _link(
        self, element: ET.Element, relations: list[RelationRecord], events: list[EventRecord]
    ) -> None:
        ident = element.get("id", "")
        arguments = []
        for role, target in self.arguments(element):
            if not target:
                continue
            if target in self.skipped:
                self.notes.append(f"{element.tag} {ident}: its {role} is a tag with no extent")
                continue
            known = target in self.extents or any(link.get("id") == target for link in self.links)
            if not known:
                raise self.error(element, f"its {role}ID {target!r} is no tag of the file")
            arguments.append((role, target))
        attributes = self.link_attributes(element)
        if tuple(r for r, _ in self.arguments(element)) == DEFAULT_ARGUMENTS:
            if len(arguments) < 2:
                return
            for _role, target in arguments:
                if target not in self.extents:
                    raise self.error(element, f"links {target!r}, a link, not an extent tag")
            relations.append(
                RelationRecord(arguments[0][1], arguments[1][1], element.tag, self.layer)
            )
            if attributes:
                self.notes.append(
                    f"attributes of {element.tag} links are not kept (a link has a role only):"
                    f" {', '.join(sorted(attributes))}"
                )
            return
        events.append(EventRecord(element.tag, None, arguments, attributes, self.layer, key=ident))

    def _report(self) -> None:
        if self.skipped:
            self.notes.append(
                f"non-consuming tags (no extent) not imported: {', '.join(self.skipped)}"
            )
        several = [e.id for e in self.extents.values() if e.ranges > 1]
        if several:
            self.notes.append(
                f"tags of several ranges became the one range covering them: {', '.join(several)}"
            )
        differ = [
            f"{e.id} says {e.claimed!r}, its offsets hold {self.text[e.start : e.end]!r}"
            for e in self.extents.values()
            if e.claimed not in (None, "") and e.ranges == 1
            and self.text[e.start : e.end] != e.claimed
        ]  # fmt: skip
        if differ:
            self.notes.append(f"text attributes that the offsets contradict (offsets kept): "
                              f"{'; '.join(differ)}")  # fmt: skip
