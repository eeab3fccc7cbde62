"""The label schema of a project: labels, their attributes and, for events, their roles.

A schema is plain JSON (see ``resources/schemas/``); the same structure is stored in the
project and written as ``labels`` in every export.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from annotator.core import jsondecode
from annotator.core.errors import InputError, SchemaError
from annotator.core.validation import described, name_problem, value_fault
from annotator.shipped import resource

KINDS = ("actor", "location", "event", "other")
ATTRIBUTE_TYPES = ("choice", "text", "integer", "date", "boolean")
PRESETS = ("conflict", "ner", "ace")
_PALETTE = (
    "#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4",
    "#42d4f4", "#f032e6", "#9a6324", "#469990", "#808000",
)  # fmt: skip
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Attribute:
    name: str
    type: str = "text"
    values: tuple[str, ...] = ()
    required: bool = False
    depends_on: str | None = None  # a choice attribute whose value narrows this one's values
    values_by: dict[str, tuple[str, ...]] = field(default_factory=dict)
    minimum: int | None = None
    maximum: int | None = None

    def choices(self, attributes: dict[str, Any] | None = None) -> tuple[str, ...]:
        """The values offered, given the span's other attributes (a sub-type under its type)."""
        if self.depends_on and self.values_by:
            parent = (attributes or {}).get(self.depends_on)
            if parent in self.values_by:
                return self.values_by[parent]
            return tuple(v for values in self.values_by.values() for v in values)
        return self.values

    def problem(self, value: Any, attributes: dict[str, Any] | None = None) -> str | None:
        """Why ``value`` is not acceptable for this attribute, or None."""
        if value is None or value == "":
            return f"'{self.name}' is required" if self.required else None
        if self.type == "choice":
            allowed = self.choices(attributes)
            if value not in allowed:
                return f"'{self.name}' must be one of {', '.join(allowed)}; got {value!r}"
        elif self.type == "integer":
            if isinstance(value, bool) or not isinstance(value, int):
                return f"'{self.name}' must be a whole number; got {value!r}"
            if self.minimum is not None and value < self.minimum:
                return f"'{self.name}' must be at least {self.minimum}; got {value}"
            if self.maximum is not None and value > self.maximum:
                return f"'{self.name}' must be at most {self.maximum}; got {value}"
        elif self.type == "boolean":
            if not isinstance(value, bool):
                return f"'{self.name}' must be true or false; got {value!r}"
        elif self.type == "date":
            if not isinstance(value, str) or not _DATE.match(value):
                return f"'{self.name}' must be a date YYYY-MM-DD (or YYYY-MM, YYYY); got {value!r}"
        elif not isinstance(value, str):
            return f"'{self.name}' must be text; got {value!r}"
        return None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.values:
            out["values"] = list(self.values)
        if self.required:
            out["required"] = True
        if self.depends_on:
            out["depends_on"] = self.depends_on
        if self.values_by:
            out["values_by"] = {k: list(v) for k, v in self.values_by.items()}
        if self.minimum is not None:
            out["minimum"] = self.minimum
        if self.maximum is not None:
            out["maximum"] = self.maximum
        return out


@dataclass(frozen=True)
class Role:
    """An argument slot of an event label: which kinds of span may fill it, and how many."""

    name: str
    kinds: tuple[str, ...] = ()
    many: bool = False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "kinds": list(self.kinds)}
        if self.many:
            out["many"] = True
        return out


@dataclass(frozen=True)
class Label:
    id: str
    kind: str = "other"
    names: dict[str, str] = field(default_factory=dict)
    color: str = "#808080"
    key: str = ""
    description: str = ""
    examples: tuple[str, ...] = ()
    attributes: tuple[Attribute, ...] = ()
    roles: tuple[Role, ...] = ()
    share_fillers: bool = False  # one span may fill several roles of one event (see core/roles)

    def name(self, language: str = "en") -> str:
        return self.names.get(language) or self.names.get("en") or self.id

    def attribute(self, name: str) -> Attribute | None:
        return next((a for a in self.attributes if a.name == name), None)

    def role(self, name: str) -> Role | None:
        return next((r for r in self.roles if r.name == name), None)

    def attribute_problems(self, attributes: dict[str, Any]) -> list[str]:
        """Everything wrong with a span's attributes, required ones left empty included."""
        problems = []
        for attribute in self.attributes:
            problem = attribute.problem(attributes.get(attribute.name), attributes)
            if problem:
                problems.append(problem)
        return problems

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "names": dict(self.names),
            "color": self.color,
            "key": self.key,
            "description": self.description,
            "examples": list(self.examples),
            "attributes": [a.to_json() for a in self.attributes],
        }
        if self.roles:
            out["roles"] = [r.to_json() for r in self.roles]
        if self.share_fillers and self.kind == "event":
            out["share_fillers"] = True
        return out


@dataclass(frozen=True)
class Schema:
    name: str
    labels: tuple[Label, ...]
    version: str = "1"
    description: str = ""
    clitics: str = "exclude"  # whether word snapping leaves Arabic proclitics out of spans

    def label(self, label_id: str) -> Label | None:
        return next((label for label in self.labels if label.id == label_id), None)

    @property
    def label_ids(self) -> tuple[str, ...]:
        return tuple(label.id for label in self.labels)

    @property
    def coded_labels(self) -> frozenset[str]:
        """Labels whose spans have required attributes (or values that must fit)."""
        return frozenset(label.id for label in self.labels if label.attributes)

    def missing(self, label_id: str, attributes: dict[str, Any]) -> list[str]:
        """What a span of this label still lacks or has wrong in its attributes (nothing for
        a label the schema does not have)."""
        label = self.label(label_id)
        return label.attribute_problems(attributes) if label else []

    def label_for_key(self, key: str) -> Label | None:
        return next((label for label in self.labels if label.key == key), None)

    def with_labels(self, labels: tuple[Label, ...]) -> Schema:
        return from_json({**self.to_json(), "labels": [label.to_json() for label in labels]})

    def with_version(self, version: str) -> Schema:
        return replace(self, version=version)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "description": self.description,
            "clitics": self.clitics,
            "labels": [label.to_json() for label in self.labels],
        }


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SchemaError(f"{where}: expected a list of strings")
    return tuple(value)


def _list(data: dict[str, Any], key: str, where: str) -> list[Any]:
    """``data[key]``, a list (absent or null: an empty one)."""
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise SchemaError(f"{where}: field '{key}' must be a list, got {described(value)}")
    return value


def _text(data: dict[str, Any], key: str, where: str, default: str = "") -> str:
    value = data.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise SchemaError(f"{where}: field '{key}' must be text, got {described(value)}")
    return value


def _flag(data: dict[str, Any], key: str, where: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise SchemaError(f"{where}: field '{key}' must be true or false, got {described(value)}")
    return value


def _whole(data: dict[str, Any], key: str, where: str) -> int | None:
    value = data.get(key)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise SchemaError(f"{where}: field '{key}' must be a whole number, got {described(value)}")
    return value


def _name(data: Any, where: str, what: str) -> str:
    """The ``name`` (or a label's ``id``) of a part of the schema, checked as every name is."""
    key = "id" if what == "label" else "name"
    value = data.get(key) if isinstance(data, dict) else None
    if value is None or (isinstance(value, str) and not value.strip()):
        raise SchemaError(f"{where}: needs {'an' if key == 'id' else 'a'} '{key}'")
    problem = name_problem(value, what)
    if problem:
        raise SchemaError(f"{where}: field '{key}' {problem}")
    return value


def _attribute(data: Any, where: str) -> Attribute:
    name = _name(data, where, "attribute name")
    where = f"{where} '{name}'"
    kind = data.get("type", "text")
    if kind not in ATTRIBUTE_TYPES:
        raise SchemaError(f"{where}: type must be one of {', '.join(ATTRIBUTE_TYPES)}")
    values_by = data.get("values_by") or {}
    if not isinstance(values_by, dict):
        raise SchemaError(f"{where}: 'values_by' must map a value to a list of values")
    depends_on = data.get("depends_on")
    if depends_on is not None and not isinstance(depends_on, str):
        raise SchemaError(
            f"{where}: field 'depends_on' must be text (an attribute's name), got "
            f"{described(depends_on)}"
        )
    attribute = Attribute(
        name=name,
        type=kind,
        values=_strings(data.get("values", []), where),
        required=_flag(data, "required", where),
        depends_on=depends_on,
        values_by={k: _strings(v, f"{where} values_by {k}") for k, v in values_by.items()},
        minimum=_whole(data, "minimum", where),
        maximum=_whole(data, "maximum", where),
    )
    if kind == "choice" and not attribute.values and not attribute.values_by:
        raise SchemaError(f"{where}: a choice attribute needs 'values'")
    return attribute


def _role(data: Any, where: str) -> Role:
    name = _name(data, f"{where}: a role", "role")
    kinds = _strings(data.get("kinds", []), f"{where} role {name}")
    for k in kinds:
        if k not in KINDS:
            raise SchemaError(f"{where} role {name}: unknown kind {k!r}")
    return Role(name, kinds, _flag(data, "many", f"{where} role {name}"))


def _label(data: Any, index: int) -> Label:
    label_id = _name(data, f"label {index + 1}", "label")
    where = f"label {label_id}"
    kind = data.get("kind", "other")
    if kind not in KINDS:
        raise SchemaError(f"{where}: kind must be one of {', '.join(KINDS)}")
    color = data.get("color") or _PALETTE[index % len(_PALETTE)]
    if not isinstance(color, str) or not _COLOR.match(color):
        raise SchemaError(f"{where}: colour must look like #1f77b4; got {color!r}")
    names = data.get("names") or {}
    if not isinstance(names, dict) or not all(isinstance(v, str) for v in names.values()):
        raise SchemaError(f"{where}: 'names' must map a language code to a name")
    key = data.get("key") or (str(index + 1) if index < 9 else "")
    if isinstance(key, bool) or not isinstance(key, str | int):
        raise SchemaError(f"{where}: field 'key' must be text, got {described(key)}")
    attributes = tuple(
        _attribute(a, f"{where} attribute") for a in _list(data, "attributes", where)
    )
    roles = [_role(role, where) for role in _list(data, "roles", where)]
    if roles and kind != "event":
        raise SchemaError(f"{where}: only event labels have roles")
    share_fillers = data.get("share_fillers", False)
    if not isinstance(share_fillers, bool):
        raise SchemaError(f"{where}: 'share_fillers' must be true or false")
    if share_fillers and kind != "event":
        raise SchemaError(f"{where}: 'share_fillers' is for event labels, whose roles it is about")
    return Label(
        id=label_id,
        kind=kind,
        names=dict(names),
        color=color,
        key=str(key),
        description=_text(data, "description", where),
        examples=_strings(data.get("examples", []), where),
        attributes=attributes,
        roles=tuple(roles),
        share_fillers=share_fillers,
    )


def from_json(data: Any) -> Schema:
    """Build and check a schema from its JSON form: every string of it text a project can
    hold, every name one a label, role or attribute may have, every field of its kind."""
    if not isinstance(data, dict):
        raise SchemaError("a schema is a JSON object with 'labels'")
    fault = value_fault(data, "")
    if fault is not None:
        place, problem = fault
        raise SchemaError(f"field '{place}': {problem}" if place else f"the schema: {problem}")
    raw_labels = data.get("labels")
    if not isinstance(raw_labels, list) or not raw_labels:
        raise SchemaError("a schema needs a non-empty list 'labels'")
    labels = tuple(_label(item, i) for i, item in enumerate(raw_labels))
    seen: set[str] = set()
    keys: set[str] = set()
    for label in labels:
        if label.id in seen:
            raise SchemaError(f"label {label.id} is defined twice")
        seen.add(label.id)
        if label.key:
            if label.key in keys:
                raise SchemaError(f"label {label.id}: key {label.key} is already used")
            keys.add(label.key)
    clitics = data.get("clitics", "exclude")
    if clitics not in ("exclude", "include"):
        raise SchemaError("'clitics' must be 'exclude' or 'include'")
    version = data.get("version", "1")
    if isinstance(version, bool) or not isinstance(version, str | int):
        raise SchemaError(f"field 'version' must be text, got {described(version)}")
    return Schema(
        name=_text(data, "name", "the schema", "custom"),
        labels=labels,
        version=str(version),
        description=_text(data, "description", "the schema"),
        clitics=clitics,
    )


def load_preset(name: str) -> Schema:
    if name not in PRESETS:
        raise SchemaError(f"unknown schema preset {name!r}; choose {', '.join(PRESETS)}")
    text = resource(f"schemas/{name}.json").read_text("utf-8")
    return from_json(json.loads(text))


def load_file(path: str | Path) -> Schema:
    """A schema file, refused with the file, the line or field, and what is wrong."""
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise SchemaError(f"{path}: cannot read the schema file ({error.strerror})") from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise SchemaError(
            f"{path}: line {line}: cannot be read as utf-8: byte 0x{raw[error.start]:02x} at "
            f"byte {error.start}; a schema file is UTF-8 text"
        ) from None
    try:
        data = jsondecode.loads(text)
    except InputError as error:
        raise SchemaError(f"{path}: line {error.line}: {error.reason}") from None
    except json.JSONDecodeError as error:
        raise SchemaError(f"{path}: line {error.lineno}: not valid JSON ({error.msg})") from error
    try:
        return from_json(data)
    except SchemaError as error:
        raise SchemaError(f"{path}: {error}") from error


def resolve(spec: str) -> Schema:
    """A preset name or the path of a schema file, as given to ``annotator new --schema``."""
    return load_preset(spec) if spec in PRESETS else load_file(spec)
