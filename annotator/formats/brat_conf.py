"""brat's ``annotation.conf``: read as label definitions, and written from a project's schema.

Read: ``[entities]`` become labels (kind guessed from the name), ``[events]`` event labels
with their roles (``Role?`` one at most, ``Role*``/``Role+``/``Role{2}`` many; ``<EVENT>``
takes events, ``<ENTITY>`` and ``<ANY>`` any span), ``[attributes]`` attributes of the labels
their ``Arg:`` names (binary ones are yes/no, ``Value:a|b`` a choice). Macros
(``<POG>=Person|Organization``) are expanded; types marked ``!`` are not labels.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from annotator.core.schema import Schema

SECTIONS = ("entities", "relations", "events", "attributes")
_MACRO = re.compile(r"^(<[^>]+>)\s*=\s*(.+)$")
_ROLE = re.compile(r"^(?P<name>[^?*+{]+)(?P<count>[?*+]|\{\d+(?:-\d*)?\})?$")


@dataclass
class BratConfiguration:
    """What an ``annotation.conf`` declares, as label definitions for the schema."""

    definitions: dict[str, dict[str, Any]] = field(default_factory=dict)
    relations: list[str] = field(default_factory=list)
    event_roles: dict[str, set[str]] = field(default_factory=dict)


def _many(count: str | None) -> bool:
    if count in ("*", "+"):
        return True
    if count and count.startswith("{"):
        bounds = count[1:-1].split("-")
        upper = bounds[-1]
        return not upper or int(upper) > 1
    return False


def _types(spec: str, macros: dict[str, str]) -> list[str]:
    types = []
    for name in spec.split("|"):
        name = name.strip()
        expanded = macros.get(name)
        if expanded is not None:
            types += _types(expanded, macros)
        elif name == "<EVENT>":
            types.append("event")
        elif name in ("<ENTITY>", "<ANY>"):
            types.append("*")
        elif name:
            types.append(name)
    return types


def _arguments(rest: str) -> list[tuple[str, str]]:
    pairs = []
    for part in rest.split(","):
        part = part.strip()
        if ":" in part:
            key, value = part.split(":", 1)
            pairs.append((key.strip(), value.strip()))
    return pairs


def parse(text: str) -> BratConfiguration:
    conf = BratConfiguration()
    macros: dict[str, str] = {}
    section = None
    entities: list[str] = []
    events: list[str] = []
    attributes: list[tuple[str, list[tuple[str, str]]]] = []
    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        header = re.fullmatch(r"\[(\w+)\]", stripped)
        if header:
            section = header.group(1)
            continue
        macro = _MACRO.match(stripped)
        if macro:
            macros[macro.group(1)] = macro.group(2).strip()
            continue
        name, _, rest = stripped.replace("\t", " ").partition(" ")
        if name.startswith("!") or name.startswith("<"):
            continue
        if section == "entities":
            entities.append(name)
            conf.definitions.setdefault(name, {"id": name})
        elif section == "relations":
            conf.relations.append(name)
        elif section == "events":
            roles = []
            for role, type_spec in _arguments(rest):
                match = _ROLE.match(role)
                if not match:
                    continue
                roles.append(
                    {
                        "name": match["name"],
                        "types": _types(type_spec, macros),
                        "many": _many(match["count"]),
                    }
                )
            events.append(name)
            conf.event_roles[name] = {role["name"] for role in roles}
            conf.definitions[name] = {"id": name, "kind": "event", "roles": roles}
        elif section == "attributes":
            attributes.append((name, _arguments(rest)))
    for name, arguments in attributes:
        settings = dict(arguments)
        values = [v.strip() for v in settings.get("Value", "").split("|") if v.strip()]
        attribute = (
            {"name": name, "type": "choice", "values": values}
            if values
            else {"name": name, "type": "boolean"}
        )
        for target in _types(settings.get("Arg", "<ENTITY>"), macros):
            labels = {"event": events, "*": entities}.get(target, [target])
            for label in labels:
                definition = conf.definitions.get(label)
                if definition is not None:
                    definition.setdefault("attributes", []).append(attribute)
    return conf


# -- writing ---------------------------------------------------------------------------


def type_name(label: str) -> str:
    """A label as a brat type: brat splits its lines at white space."""
    return re.sub(r"\s+", "_", label.strip())


def render(schema: Schema, relation_types: dict[str, tuple[set[str], set[str]]]) -> str:
    """An ``annotation.conf`` for the schema, plus the relation types the export used."""
    events = [label for label in schema.labels if label.kind == "event"]
    others = [label for label in schema.labels if label.kind != "event"]
    by_kind: dict[str, list[str]] = {}
    for label in schema.labels:
        by_kind.setdefault(label.kind, []).append(type_name(label.id))
    everything = "|".join(type_name(label.id) for label in schema.labels)
    lines = [f"# Written by annotator from the schema {schema.name!r} {schema.version}", ""]
    lines += ["[entities]", "", *(type_name(label.id) for label in others), ""]
    lines += ["[relations]", ""]
    for role, (sources, targets) in sorted(relation_types.items()):
        lines.append(
            f"{type_name(role)}\tArg1:{'|'.join(sorted(sources))}, Arg2:{'|'.join(sorted(targets))}"
        )
    lines += ["<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "", "[events]", ""]
    for label in events:
        arguments = []
        for role in label.roles:
            types = [t for kind in role.kinds for t in by_kind.get(kind, [])]
            arguments.append(
                f"{type_name(role.name)}{'*' if role.many else '?'}:{'|'.join(types) or everything}"
            )
        lines.append(f"{type_name(label.id)}\t{', '.join(arguments)}".rstrip())
    lines += ["", "[attributes]", ""]
    lines += list(_attribute_lines(schema.labels))
    return "\n".join(lines) + "\n"


def _attribute_lines(labels: Iterable[Any]) -> Iterable[str]:
    owners: dict[str, list[str]] = {}
    declared: dict[str, Any] = {}
    for label in labels:
        for attribute in label.attributes:
            owners.setdefault(attribute.name, []).append(type_name(label.id))
            declared.setdefault(attribute.name, attribute)
    for name, attribute in declared.items():
        arg = "|".join(owners[name])
        values = list(attribute.choices())
        if attribute.type == "integer" and attribute.minimum is not None:
            top = attribute.maximum
            if top is not None and top - attribute.minimum <= 20:
                values = [str(v) for v in range(attribute.minimum, top + 1)]
        if attribute.type == "boolean":
            yield f"{type_name(name)}\tArg:{arg}"
        elif values:
            yield f"{type_name(name)}\tArg:{arg}, Value:{'|'.join(values)}"
        else:
            yield f"# {name} ({attribute.type}) takes free values, which brat cannot list"
