"""Changing the label schema of a project that already has annotations.

Each change is one transaction: the stored schema, the spans and links it carries along and
an audit entry are written together, or — refused or failed — nothing is. A change that
would leave annotations the schema no longer allows (a kind that breaks role links, a value
still in use) is refused with a count; where clearing the annotations is a sensible answer,
``force=True`` does that instead. The schema is re-read inside the transaction, so a change
made meanwhile by another window is built upon, not overwritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from annotator.core import schema as schema_module
from annotator.core.errors import SchemaError
from annotator.core.schema import KINDS, Label, Schema
from annotator.store.project import Project, now

_FREE_KEYS = "123456789abcdefghijklmnopqrstuvwxyz"
_ID = re.compile(r"^\S+$")


class InUseError(SchemaError):
    """A change refused because annotations use what it would remove; ``count`` says how many."""

    def __init__(self, message: str, count: int) -> None:
        super().__init__(message)
        self.count = count


@dataclass(frozen=True)
class Usage:
    """What a label carries: its spans and events in every layer, and the role links from or
    to them."""

    spans: int
    links: int
    events: int = 0

    def describe(self) -> str:
        parts = [plural(self.spans, "span")]
        if self.events:
            parts.append(plural(self.events, "event"))
        if self.links:
            parts.append(plural(self.links, "role link"))
        return " and ".join([", ".join(parts[:-1]), parts[-1]]) if len(parts) > 1 else parts[0]


@dataclass(frozen=True)
class SchemaChange:
    """The schema after a change and what the change did, in words for a status line."""

    schema: Schema
    message: str
    changed: bool = True


# What an edit returns: the new schema, a message, and the audit entry's before and after
# (dicts with the same keys where both exist, so the audit table reads "key: old → new").
Edit = Callable[[Schema, str], tuple[Schema, str, Any, Any]]


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def apply_change(project: Project, annotator: str, action: str, edit: Edit) -> SchemaChange:
    """Run one edit in one transaction; on any error the project and its cache are untouched."""
    time = now()
    try:
        with project.write():
            project.forget_cached_schema()
            original = project.schema
            schema, message, before, after = edit(original, time)
            if schema is original:
                return SchemaChange(original, message, changed=False)
            checked = schema_module.from_json(schema.to_json())
            project.set_schema(checked)
            project.audit.record(time, annotator, f"schema: {action}", None, None, before, after)
    except BaseException:
        project.forget_cached_schema()
        raise
    return SchemaChange(checked, message)


# -- checks ----------------------------------------------------------------------------------


def find_label(schema: Schema, label_id: str) -> Label:
    label = schema.label(label_id)
    if label is None:
        raise SchemaError(f"there is no label {label_id} (labels: {', '.join(schema.label_ids)})")
    return label


def identifier(value: str, what: str) -> str:
    """A label id, attribute or role name: no spaces, since exports use it as a tag or column."""
    value = value.strip()
    if not _ID.match(value):
        raise SchemaError(f"a {what} cannot be empty or contain spaces; got {value!r}")
    return value


def _check_key(schema: Schema, key: str, label_id: str) -> str:
    key = key.strip()
    if len(key) > 1:
        raise SchemaError(f"a label's key is one character (pressed over the text); got {key!r}")
    owner = schema.label_for_key(key) if key else None
    if owner is not None and owner.id != label_id:
        raise SchemaError(f"key {key} is already the key of {owner.id} ({owner.name()})")
    return key


def check_kinds(kinds: tuple[str, ...]) -> tuple[str, ...]:
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise SchemaError(f"unknown kind {unknown[0]!r}; kinds are {', '.join(KINDS)}")
    return tuple(dict.fromkeys(kinds))


def with_label(schema: Schema, label: Label, old_id: str | None = None) -> Schema:
    old_id = old_id or label.id
    return schema.with_labels(tuple(label if x.id == old_id else x for x in schema.labels))


# -- the guideline version -------------------------------------------------------------------


def set_version(project: Project, annotator: str, version: str) -> SchemaChange:
    """Name the guideline version the annotations follow (written into every export)."""
    version = version.strip()
    if not version:
        raise SchemaError("the guideline version cannot be empty")

    def edit(schema: Schema, time: str) -> tuple[Schema, str, Any, Any]:
        message = f"Guideline version is now {version}."
        return schema.with_version(version), message, schema.version, version

    return apply_change(project, annotator, "version", edit)


# -- labels ----------------------------------------------------------------------------------


def fresh_label(schema: Schema, kind: str = "other") -> Label:
    """A label to add: an unused id and key, and the next colour of the palette."""
    taken = set(schema.label_ids)
    number = 1
    while f"LABEL_{number}" in taken:
        number += 1
    used = {label.key for label in schema.labels}
    key = next((k for k in _FREE_KEYS if k not in used), "")
    data = schema.to_json()
    data["labels"].append({"id": f"LABEL_{number}", "kind": kind, "key": key})
    return schema_module.from_json(data).labels[-1]


def add_label(project: Project, annotator: str, label: Label) -> SchemaChange:
    def edit(schema: Schema, time: str) -> tuple[Schema, str, Any, Any]:
        label_id = identifier(label.id, "label id")
        if schema.label(label_id) is not None:
            raise SchemaError(f"there is already a label {label_id}")
        added = replace(label, id=label_id, key=_check_key(schema, label.key, label_id))
        message = f"Added label {label_id}."
        return schema.with_labels((*schema.labels, added)), message, None, added.to_json()

    return apply_change(project, annotator, "add label", edit)


def rename_label(project: Project, annotator: str, old: str, new: str) -> SchemaChange:
    """Give a label another id; its spans in every layer follow."""

    def edit(schema: Schema, time: str) -> tuple[Schema, str, Any, Any]:
        label = find_label(schema, old)
        label_id = identifier(new, "label id")
        if label_id == old:
            return schema, "Nothing to rename.", None, None
        if schema.label(label_id) is not None:
            raise SchemaError(f"there is already a label {label_id}")
        moved = project.spans.rename_label(old, label_id, time)
        events = project.events.rename_label(old, label_id, time)
        message = f"Renamed label {old} to {label_id}; {plural(moved, 'span')} follow."
        if events:
            message = message[: -len(" follow.")] + f" and {plural(events, 'event')} follow."
        return with_label(schema, replace(label, id=label_id), old), message, old, label_id

    return apply_change(project, annotator, "rename label", edit)


def update_label(
    project: Project,
    annotator: str,
    label_id: str,
    *,
    names: dict[str, str] | None = None,
    color: str | None = None,
    key: str | None = None,
    description: str | None = None,
    examples: tuple[str, ...] | list[str] | None = None,
    kind: str | None = None,
) -> SchemaChange:
    """Change what a label looks like and says; a kind change must not break role links."""

    def edit(schema: Schema, time: str) -> tuple[Schema, str, Any, Any]:
        label = find_label(schema, label_id)
        changes: dict[str, Any] = {}
        if names is not None:
            changes["names"] = {lang: n.strip() for lang, n in names.items() if n.strip()}
        if color is not None:
            changes["color"] = color.strip()
        if key is not None:
            changes["key"] = _check_key(schema, key, label_id)
            if not changes["key"] and schema.labels.index(label) < 9:
                raise SchemaError(f"{label_id} needs a key: each of the first nine labels has one")
        if description is not None:
            changes["description"] = description.strip()
        if examples is not None:
            changes["examples"] = tuple(e.strip() for e in examples if e.strip())
        if kind is not None and kind != label.kind:
            changes["kind"] = _checked_kind(project, schema, label, kind)
            if kind != "event":
                changes["roles"] = ()
        changes = {k: v for k, v in changes.items() if getattr(label, k) != v}
        if not changes:
            return schema, "Nothing changed.", None, None
        updated = replace(label, **changes)
        before = {"label": label_id, **{k: label.to_json().get(k, []) for k in changes}}
        after = {"label": label_id, **{k: updated.to_json().get(k, []) for k in changes}}
        fields = ", ".join(sorted(changes))
        return with_label(schema, updated), f"Changed {label_id}: {fields}.", before, after

    return apply_change(project, annotator, "change label", edit)


def _checked_kind(project: Project, schema: Schema, label: Label, kind: str) -> str:
    """Refuse a kind under which existing role links from or to the label's spans break."""
    if kind not in KINDS:
        raise SchemaError(f"unknown kind {kind!r}; kinds are {', '.join(KINDS)}")
    broken: list[str] = []
    total = 0
    if kind != "event" and project.events.count_label(label.id):
        events = project.events.count_label(label.id)
        raise InUseError(
            f"cannot make {label.id} a label of kind {kind}: {plural(events, 'event')} "
            f"{'is' if events == 1 else 'are'} of this type; delete them first",
            events,
        )
    for (event_label, role_name), n in project.events.filled_by_label(label.id).items():
        event = schema.label(event_label)
        role = event.role(role_name) if event else None
        if role is not None and role.kinds and kind not in role.kinds:
            broken.append(f"{role_name} of {event_label}: {n}")
            total += n
    if kind != "event":
        for role_name, n in project.events.role_fillers(label.id).items():
            broken.append(f"its {role_name}: {n}")
            total += n
    if total:
        raise InUseError(
            f"cannot make {label.id} a {kind} label: {plural(total, 'role link')} "
            f"would break ({'; '.join(broken)}); unlink them first",
            total,
        )
    return kind


def label_usage(project: Project, label_id: str) -> Usage:
    """What deleting a label would take away: ask the user with this before deleting."""
    find_label(project.schema, label_id)
    return _usage(project, label_id)


def _usage(project: Project, label_id: str) -> Usage:
    return Usage(
        project.spans.count_label(label_id),
        project.events.count_arguments_of_label(label_id),
        project.events.count_label(label_id),
    )


def delete_label(project: Project, annotator: str, label_id: str) -> SchemaChange:
    """Remove a label, with its spans in every layer and their role links."""

    def edit(schema: Schema, time: str) -> tuple[Schema, str, Any, Any]:
        label = find_label(schema, label_id)
        if len(schema.labels) == 1:
            raise SchemaError(f"{label_id} is the only label; a schema needs at least one")
        usage = _usage(project, label_id)
        project.events.delete_label(label_id)
        project.spans.delete_label(label_id)  # links, events and threads follow by foreign key
        remaining = tuple(x for x in schema.labels if x.id != label_id)
        message = f"Deleted label {label_id} with {usage.describe()}."
        before = {
            "label": label_id,
            "spans": usage.spans,
            "events": usage.events,
            "links": usage.links,
        }
        before["definition"] = label.to_json()
        after = {"label": None, "spans": 0, "events": 0, "links": 0}
        return schema.with_labels(remaining), message, before, after

    return apply_change(project, annotator, "delete label", edit)
