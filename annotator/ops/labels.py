"""Labels from elsewhere: renaming a file's labels on the way in, or adding them to the schema.

``--map-label PERS=PER`` renames a label as records are read. ``--add-labels`` adds the labels
a file uses and the schema lacks; a reader may offer their definitions (brat's
``annotation.conf`` gives events with roles and attributes with values), otherwise a label's
kind is guessed from its name. The schema is changed inside the import's transaction, so a
failed import leaves it as it was. Attribute values that files write as text ("12", "true")
are given the type the schema says.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from annotator.core import schema as schema_module
from annotator.core.errors import InputError, SchemaError
from annotator.core.records import Record
from annotator.core.schema import KINDS, Schema
from annotator.core.validation import tag_problem
from annotator.shipped import resource
from annotator.store.project import Project

_SPEC = re.compile(r"^\s*(?P<old>[^=]+?)\s*=\s*(?P<new>[^=]+?)\s*$")
_INTEGER = re.compile(r"^-?\d+$")


def parse_label_map(specs: Iterable[str]) -> dict[str, str]:
    """``["PERS=PER", "GPE=LOC"]`` as a mapping; a malformed or contradictory one is refused."""
    mapping: dict[str, str] = {}
    for spec in specs:
        match = _SPEC.match(spec)
        if not match:
            raise InputError(f"--map-label {spec!r}: write it as OLD=NEW, e.g. PERS=PER")
        old, new = match["old"], match["new"]
        if mapping.get(old, new) != new:
            raise InputError(f"--map-label: {old} is mapped to both {mapping[old]} and {new}")
        mapping[old] = new
    return mapping


@cache
def _kind_names() -> dict[str, str]:
    text = resource("label_kinds.json").read_text("utf-8")
    data = json.loads(text)
    return {name: kind for kind in KINDS if kind in data for name in data[kind]}


def guess_kind(label: str) -> str:
    """The kind of a label known only by its name: PER → actor, GPE → location, else other."""
    return _kind_names().get(re.sub(r"[^a-z]", "", label.lower()), "other")


class LabelPolicy:
    """Applies ``--map-label`` and ``--add-labels`` to the records of one import."""

    def __init__(
        self,
        project: Project | None,
        mapping: dict[str, str],
        add: bool,
        schema: Schema | None = None,
    ) -> None:
        """``schema`` instead of a project: labels renamed and typed, none added (records
        checked away from the project, see :mod:`annotator.ops.import_process`)."""
        if project is None and (schema is None or add):
            raise ValueError("labels are added to a project's schema")
        self.project = project
        self.mapping = mapping
        self.add = add
        self.added: list[str] = []
        self._schema = schema

    @property
    def schema(self) -> Schema:
        if self._schema is not None:
            return self._schema
        assert self.project is not None
        return self.project.schema

    def apply(self, record: Record, definitions: dict[str, dict[str, Any]]) -> None:
        """Rename the record's labels; with ``add``, put the ones still unknown in the schema;
        then read attribute values the way the schema types them."""
        events = record.events or []
        if self.mapping:
            for item in (*record.spans, *events):
                item.label = self.mapping.get(item.label, item.label)
        if self.add:
            known = set(self.schema.label_ids)
            missing = []
            for item in (*record.spans, *events):
                if item.label not in known and item.label not in missing:
                    problem = tag_problem(item.label)
                    if problem:
                        raise InputError(
                            f"the label {item.label!r} cannot be added to the schema: it "
                            f"{problem}; rename it on the way in with --map-label OLD=NEW",
                            line=item.line,
                        )
                    missing.append(item.label)
            if missing:
                self._add(missing, definitions)
        for item in (*record.spans, *events):
            if item.attributes:
                self._fit(item.label, item.attributes)

    def _fit(self, label_id: str, attributes: dict[str, Any]) -> None:
        """Text files carry numbers and yes/no as text ("12", "true"): give them their type."""
        label = self.schema.label(label_id)
        if label is None:
            return
        for attribute in label.attributes:
            value = attributes.get(attribute.name)
            if not isinstance(value, str):
                continue
            if attribute.type == "integer" and _INTEGER.match(value):
                attributes[attribute.name] = int(value)
            elif attribute.type == "boolean" and value.lower() in ("true", "false"):
                attributes[attribute.name] = value.lower() == "true"

    def _add(self, labels: list[str], definitions: dict[str, dict[str, Any]]) -> None:
        schema = self.schema
        data = schema.to_json()
        keys = {label.key for label in schema.labels if label.key}
        for label in labels:
            index = len(data["labels"])
            free = [k for k in "123456789" if k not in keys]
            key = free[0] if index < 9 and free else ""
            keys.add(key)
            data["labels"].append(self._definition(label, definitions, key))
        try:
            extended = schema_module.from_json(data)
        except SchemaError as error:
            raise InputError(f"cannot add the file's labels to the schema: {error}") from None
        assert self.project is not None  # add is refused without one
        self.project.set_schema(extended)
        self.added.extend(labels)

    def _kind_of(self, label: str, definitions: dict[str, dict[str, Any]]) -> str:
        existing = self.schema.label(label)
        if existing is not None:
            return existing.kind
        definition = definitions.get(label) or {}
        return definition.get("kind") or guess_kind(label)

    def _role_kinds(self, types: list[str], definitions: dict[str, dict[str, Any]]) -> list[str]:
        """Kinds of span a role takes, from the label ids or kinds it names ("*": any)."""
        kinds = set()
        for name in types:
            if name == "*":
                return []
            if name in KINDS and name not in definitions and self.schema.label(name) is None:
                kinds.add(name)
            else:
                kinds.add(self._kind_of(self.mapping.get(name, name), definitions))
        return sorted(kinds)

    def _definition(
        self, label: str, definitions: dict[str, dict[str, Any]], key: str
    ) -> dict[str, Any]:
        """Schema JSON for a new label: from the file's definition if it has one, else a guess."""
        definition = definitions.get(label) or {}
        kind = definition.get("kind") or guess_kind(label)
        roles = []
        for role in definition.get("roles", []):
            kinds = self._role_kinds(role.get("types") or ["*"], definitions)
            roles.append({"name": role["name"], "kinds": kinds, "many": bool(role.get("many"))})
        out: dict[str, Any] = {
            "id": label,
            "kind": "event" if roles else kind,
            "names": {"en": label},
            "key": key,
            "description": definition.get("description", ""),
            "attributes": definition.get("attributes", []),
        }
        if roles:
            out["roles"] = roles
            out["share_fillers"] = True  # the file's own links decide, as its tool allowed them
        return out
