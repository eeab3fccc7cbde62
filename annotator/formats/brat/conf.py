"""brat's ``annotation.conf``: read as label definitions, and written from a project's schema.

Read: ``[entities]`` become labels (kind guessed from the name), ``[events]`` event labels
with their roles (``Role?`` one at most, ``Role*``/``Role+``/``Role{2}`` many; ``<EVENT>``
takes events, ``<ENTITY>`` and ``<ANY>`` any span), ``[attributes]`` attributes of the labels
their ``Arg:`` names (binary ones are yes/no, ``Value:a|b`` a choice). Macros
(``<POG>=Person|Organization``) are expanded; types marked ``!`` are not labels. The names and
values an export of ours had to change for brat (:mod:`annotator.formats.brat.names`) are read
back from its comments.

Written so that brat's own configuration reader takes every line as meant: names in brat's
storage form, roles that do not end in a digit, ``?`` or ``*`` after each role, every
attribute the files use declared once, for every type it is used on, with every value it
takes (a value of a choice whether used or not, a free value when the export uses it; an
attribute whose values differ by type declared once per type under a name of its own, see
:mod:`annotator.formats.brat.names`), relation types with the types they join, and the
equivalence types (``*`` lines) as symmetric-transitive relations.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from annotator.core.schema import Attribute, Schema
from annotator.formats.brat.names import ARC, ATTRIBUTE, TYPE, BratNames

SECTIONS = ("entities", "relations", "events", "attributes")
_MACRO = re.compile(r"^(<[^>]+>)\s*=\s*(.+)$")
_ROLE = re.compile(r"^(?P<name>[^?*+{]+)(?P<count>[?*+]|\{\d+(?:-\d*)?\})?$")
SMALL_RANGE = 20  # whole-number attributes with at most this many values have them listed


@dataclass
class BratConfiguration:
    """What an ``annotation.conf`` declares, as label definitions for the schema."""

    definitions: dict[str, dict[str, Any]] = field(default_factory=dict)  # by our label id
    event_roles: dict[str, set[str]] = field(default_factory=dict)  # brat's names, for numbering
    names: BratNames = field(default_factory=BratNames)


def _many(count: str | None) -> bool:
    if count in ("*", "+"):
        return True
    if count and count.startswith("{"):
        bounds = count[1:-1].split("-")
        upper = bounds[-1]
        return not upper or int(upper) > 1
    return False


def _types(spec: str, macros: dict[str, str], names: BratNames) -> list[str]:
    types = []
    for name in spec.split("|"):
        name = name.strip()
        expanded = macros.get(name)
        if expanded is not None:
            types += _types(expanded, macros, names)
        elif name == "<EVENT>":
            types.append("event")
        elif name in ("<ENTITY>", "<ANY>"):
            types.append("*")
        elif name:
            types.append(names.ours(TYPE, name))
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
    names = conf.names
    lines = text.splitlines()
    for raw in lines:
        names.read_comment(raw)
    macros: dict[str, str] = {}
    section = None
    entities: list[str] = []
    events: list[str] = []
    attributes: list[tuple[str, list[tuple[str, str]]]] = []
    for raw in lines:
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
            label = names.ours(TYPE, name)
            entities.append(label)
            conf.definitions.setdefault(label, {"id": label})
        elif section == "events":
            roles, stored = [], set()
            for role, type_spec in _arguments(rest):
                match = _ROLE.match(role)
                if not match:
                    continue
                stored.add(match["name"])
                roles.append(
                    {
                        "name": names.ours(ARC, match["name"]),
                        "types": _types(type_spec, macros, names),
                        "many": _many(match["count"]),
                    }
                )
            label = names.ours(TYPE, name)
            events.append(label)
            conf.event_roles[name] = stored
            conf.definitions[label] = {"id": label, "kind": "event", "roles": roles}
        elif section == "attributes":
            attributes.append((name, _arguments(rest)))
    for name, arguments in attributes:
        settings = dict(arguments)
        values = [
            str(names.our_value(name, v.strip()))
            for v in settings.get("Value", "").split("|")
            if v.strip()
        ]
        ours = names.ours(ATTRIBUTE, name)
        attribute = (
            {"name": ours, "type": "choice", "values": values}
            if values
            else {"name": ours, "type": "boolean"}
        )
        for target in _types(settings.get("Arg", "<ENTITY>"), macros, names):
            labels = {"event": events, "*": entities}.get(target, [target])
            for label in labels:
                definition = conf.definitions.get(label)
                if definition is not None:
                    definition.setdefault("attributes", []).append(attribute)
    return conf


# -- writing ---------------------------------------------------------------------------


@dataclass
class BratUse:
    """What an export wrote, for the ``annotation.conf`` to declare: types, roles, relation
    types and attributes in brat's names, attributes with their values as written."""

    names: BratNames = field(default_factory=BratNames)
    relations: dict[str, tuple[set[str], set[str]]] = field(default_factory=dict)
    equivalences: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    arguments: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    attributes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # → types
    values: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    binary: set[str] = field(default_factory=set)  # attributes written without a value
    typed: dict[str, str] = field(default_factory=dict)  # the schema's attribute → its type

    def relation(self, kind: str, source: str, target: str) -> None:
        sources, targets = self.relations.setdefault(kind, (set(), set()))
        sources.add(source)
        targets.add(target)

    def attribute(self, name: str, owner: str, value: Any) -> tuple[str, str | None]:
        """Note an attribute written on an annotation of type ``owner``: its name and its
        value as brat writes them (None for a binary one)."""
        stored = self.names.attribute(name, owner)
        self.attributes[stored].add(owner)
        if value is True and self.typed.get(name, "boolean") == "boolean":
            self.binary.add(stored)
            return stored, None
        written = self.names.value(name, value, owner)
        if written not in self.values[stored]:
            self.values[stored].append(written)
        return stored, written


@dataclass
class Declaration:
    """One attribute line of ``annotation.conf``: the project's attribute, its type, the
    brat types it is declared for and the values it offers (the project's). ``owner`` is
    the one type of an attribute of its own (:meth:`BratNames.own_attribute`)."""

    name: str
    kind: str | None
    types: list[str] = field(default_factory=list)
    values: list[Any] = field(default_factory=list)
    owner: str | None = None


def _offered(attribute: Attribute) -> list[Any]:
    """The values an attribute offers: its choices, or a small range of whole numbers."""
    values: list[Any] = list(attribute.choices())
    bottom, top = attribute.minimum, attribute.maximum
    if attribute.type == "integer" and bottom is not None and top is not None:
        values = list(range(bottom, top + 1)) if top - bottom <= SMALL_RANGE else []
    return values


def _split(schema: Schema) -> set[str]:
    """The attributes whose labels offer different values (or take different types of
    value): each label gets a declaration of its own."""
    seen: dict[str, set[tuple[Any, ...]]] = defaultdict(set)
    for label in schema.labels:
        for attribute in label.attributes:
            offered = json.dumps(_offered(attribute), ensure_ascii=False)
            seen[attribute.name].add((attribute.type, offered))
    return {name for name, kinds in seen.items() if len(kinds) > 1}


def prepare(schema: Schema, use: BratUse) -> None:
    """Name the schema's labels, roles, attributes and choices before anything is written,
    names brat keeps as they are first."""
    names = use.names
    names.declare(TYPE, [label.id for label in schema.labels])
    names.declare(ARC, list(dict.fromkeys(r.name for label in schema.labels for r in label.roles)))
    declared = list(dict.fromkeys(a.name for label in schema.labels for a in label.attributes))
    names.declare(ATTRIBUTE, declared)
    split = _split(schema)
    for label in schema.labels:
        for attribute in label.attributes:
            use.typed.setdefault(attribute.name, attribute.type)
            if attribute.name in split:
                names.own_attribute(attribute.name, names.type(label.id))
    for declaration in declarations(schema, names).values():
        names.declare_values(declaration.name, declaration.values, declaration.owner)


def declarations(schema: Schema, names: BratNames) -> dict[str, Declaration]:
    """The schema's attributes as ``annotation.conf`` declares them, by brat's name: each
    with the types that take it and every value one of them offers."""
    found: dict[str, Declaration] = {}
    for label in schema.labels:
        owner = names.type(label.id)
        for attribute in label.attributes:
            stored = names.attribute(attribute.name, owner)
            declaration = found.get(stored)
            if declaration is None:
                own = owner if stored != names.attribute(attribute.name) else None
                declaration = Declaration(attribute.name, attribute.type, owner=own)
                found[stored] = declaration
            declaration.types.append(owner)
            for value in _offered(attribute):
                if value not in declaration.values:
                    declaration.values.append(value)
    first: dict[str, int] = {}  # an attribute's declarations of each type go together
    for declaration in found.values():
        first.setdefault(declaration.name, len(first))
    return dict(sorted(found.items(), key=lambda item: first[item[1].name]))


def render(schema: Schema, use: BratUse) -> str:
    """An ``annotation.conf`` for the schema and for what the export wrote."""
    names = use.names
    events = [label for label in schema.labels if label.kind == "event"]
    others = [label for label in schema.labels if label.kind != "event"]
    by_kind: dict[str, list[str]] = defaultdict(list)
    for label in schema.labels:
        by_kind[label.kind].append(names.type(label.id))
    lines = [f"# Written by annotator from the schema {schema.name!r} {schema.version}", ""]
    lines += ["[entities]", "", *(names.type(label.id) for label in others), ""]
    lines += ["[relations]", ""]
    for kind, (sources, targets) in sorted(use.relations.items()):
        lines.append(f"{kind}\tArg1:{'|'.join(sorted(sources))}, Arg2:{'|'.join(sorted(targets))}")
    for kind, members in sorted(use.equivalences.items()):
        joined = "|".join(sorted(members))
        lines.append(f"{kind}\tArg1:{joined}, Arg2:{joined}, <REL-TYPE>:symmetric-transitive")
    lines += ["<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "", "[events]", ""]
    used = dict(use.arguments)
    for label in events:
        event = names.type(label.id)
        arguments = []
        for role in label.roles:
            arc = names.arc(role.name)
            types = [t for kind in role.kinds for t in by_kind.get(kind, [])]
            types += sorted(used.pop((event, arc), set()) - set(types))
            arguments.append(f"{arc}{'*' if role.many else '?'}:{'|'.join(types) or '<ANY>'}")
        for (owner, arc), types in sorted(used.items()):
            if owner == event:  # a role the schema no longer has, still in the files
                arguments.append(f"{arc}*:{'|'.join(sorted(types))}")
        lines.append(f"{event}\t{', '.join(arguments)}".rstrip())
    lines += ["", "[attributes]", ""]
    lines += list(_attribute_lines(schema, use))
    return "\n".join([*names.comments(), *lines]) + "\n"


def _attribute_lines(schema: Schema, use: BratUse) -> list[str]:
    names = use.names
    found = declarations(schema, names)
    for stored, types in use.attributes.items():
        declaration = found.get(stored)
        if declaration is None:  # an attribute the schema does not have, still in the files
            declaration = found[stored] = Declaration(names.ours(ATTRIBUTE, stored), None)
        declaration.types += sorted(types - set(declaration.types))
    lines = []
    for stored, declaration in found.items():
        arg, kind = "|".join(declaration.types), declaration.kind
        values = [names.value(declaration.name, v, declaration.owner) for v in declaration.values]
        values += [v for v in use.values.get(stored, []) if v not in values]
        if kind == "boolean" or (stored in use.binary and not values):
            lines.append(f"{stored}\tArg:{arg}")
        elif values:
            lines.append(f"{stored}\tArg:{arg}, Value:{'|'.join(values)}")
        else:
            lines.append(f"# {stored} ({kind}) takes free values; none in these files")
    return lines
