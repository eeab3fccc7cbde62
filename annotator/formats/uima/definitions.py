"""The label definitions our own XMI carries, for an import that adds the labels it lacks.

Our export (``formats.uima.export``) writes a span with attributes as ``webanno.custom.Span``
and an event as ``webanno.custom.Event`` hosting one ``EventArgumentsLink`` per argument; the
label is the ``value`` feature, each attribute a feature typed in ``TypeSystem.xml``. Read
back, the label of an Event is an event label whose roles are the roles its links hold (a role
that one event holds twice takes many), and the features a label's annotations carry are its
attributes: Integer features whole numbers, Boolean ones yes/no, the rest text. Other layers
define nothing: their labels' kinds are told from their names, as for every format.

The files are looked through (without cassis) before the first record is read, since an
import adds a label to the schema when it first meets it, and its definition must then be
whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cassis import TypeSystem

from annotator.formats.uima import typesystem
from annotator.formats.uima.typesystem import EVENT, LINK, PLACE, SPAN, XMI_ID
from annotator.formats.webanno.tsv import short_name

NOT_ATTRIBUTES = PLACE | {"value", "arguments"}
LINK_FEATURE = "arguments"  # the role of a link that names none, as the reader has it
ATTRIBUTE_TYPES = {
    "uima.cas.Boolean": "boolean",
    "uima.cas.Integer": "integer",
    "uima.cas.Long": "integer",
    "uima.cas.Short": "integer",
    "uima.cas.Byte": "integer",
}


@dataclass
class _Label:
    event: bool = False
    roles: dict[str, bool] = field(default_factory=dict)  # role → many, in the order met
    attributes: dict[str, str] = field(default_factory=dict)  # name → type, in the order met

    def definition(self, name: str) -> dict[str, Any]:
        """Schema JSON, as ``formats.options.define_label`` takes it."""
        out: dict[str, Any] = {
            "id": name,
            "attributes": [{"name": a, "type": kind} for a, kind in self.attributes.items()],
        }
        if self.event:
            out["kind"] = "event"
            out["roles"] = [
                {"name": role, "types": ["*"], "many": many} for role, many in self.roles.items()
            ]
        return out


class Definitions:
    """The labels of our span and event layers over the files of one import."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.labels: dict[str, _Label] = {}
        self._types: dict[Path, TypeSystem] = {}

    def scan(self, xmi: Path) -> None:
        types = self._declared(xmi)
        roles: dict[str, str] = {}  # a link's xmi:id → its role
        events: list[tuple[_Label, list[str]]] = []
        for element in typesystem.elements(xmi):
            kind = typesystem.type_name(element.tag)
            if kind == LINK and element.get("target") is not None:
                roles[element.get(XMI_ID, "")] = element.get("role") or LINK_FEATURE
            if kind not in (SPAN, EVENT):
                continue
            label = self.labels.setdefault(element.get("value") or short_name(kind), _Label())
            for name in element.attrib:
                if name not in NOT_ATTRIBUTES and name not in label.attributes:
                    label.attributes[name] = _attribute_type(types, kind, name)
            if kind == EVENT:
                label.event = True
                events.append((label, element.get("arguments", "").split()))
        for label, links in events:
            held = [roles[link] for link in links if link in roles]
            for role in held:
                label.roles[role] = label.roles.get(role, False) or held.count(role) > 1

    def definitions(self) -> list[dict[str, Any]]:
        return [label.definition(name) for name, label in self.labels.items()]

    def _declared(self, xmi: Path) -> TypeSystem | None:
        found = typesystem.beside(xmi, self.root)
        if found is None:
            return None
        if found not in self._types:
            self._types[found] = typesystem.declared(found)
        return self._types[found]


def _attribute_type(types: TypeSystem | None, kind: str, name: str) -> str:
    if types is None or not types.contains_type(kind):
        return "text"
    feature = types.get_type(kind).get_feature(name)
    return ATTRIBUTE_TYPES.get(feature.rangeType.name, "text") if feature else "text"
