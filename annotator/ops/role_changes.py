"""Schema changes to an event label's roles, carried into the role links that use them.

See :mod:`annotator.ops.schema_changes` for what every change guarantees.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from annotator.core.errors import SchemaError
from annotator.core.schema import Label, Role, Schema
from annotator.ops.schema_changes import (
    InUseError,
    SchemaChange,
    apply_change,
    check_kinds,
    find_label,
    identifier,
    plural,
    with_label,
)
from annotator.store.project import Project


def _role(label: Label, name: str) -> Role:
    role = label.role(name)
    if role is None:
        known = ", ".join(r.name for r in label.roles) or "none"
        raise SchemaError(f"{label.id} has no role {name!r} (roles: {known})")
    return role


def _event(schema: Schema, label_id: str) -> Label:
    label = find_label(schema, label_id)
    if label.kind != "event":
        raise SchemaError(f"only event labels have roles; {label_id} is an {label.kind} label")
    return label


def add_role(project: Project, annotator: str, label_id: str, role: Role) -> SchemaChange:
    def edit(schema: Schema, time: str) -> tuple[Schema, str, Any, Any]:
        label = _event(schema, label_id)
        added = Role(identifier(role.name, "role name"), check_kinds(role.kinds), role.many)
        if label.role(added.name) is not None:
            raise SchemaError(f"{label_id} already has a role {added.name}")
        updated = replace(label, roles=(*label.roles, added))
        after = {"label": label_id, **added.to_json()}
        return with_label(schema, updated), f"Added role {added.name} to {label_id}.", None, after

    return apply_change(project, annotator, "add role", edit)


def update_role(
    project: Project,
    annotator: str,
    label_id: str,
    name: str,
    *,
    new_name: str | None = None,
    kinds: tuple[str, ...] | list[str] | None = None,
    many: bool | None = None,
) -> SchemaChange:
    """Rename a role (its links follow), or change what may fill it and how many times."""

    def edit(schema: Schema, time: str) -> tuple[Schema, str, Any, Any]:
        label = _event(schema, label_id)
        role = _role(label, name)
        updated = role
        if new_name is not None and new_name.strip() != name:
            renamed = identifier(new_name, "role name")
            if label.role(renamed) is not None:
                raise SchemaError(f"{label_id} already has a role {renamed}")
            updated = replace(updated, name=renamed)
        if kinds is not None:
            updated = replace(updated, kinds=check_kinds(tuple(kinds)))
            if updated.kinds:
                broken = sum(
                    n
                    for argument, n in project.events.role_argument_labels(label_id, name).items()
                    if (schema.label(argument) is None)
                    or schema.label(argument).kind not in updated.kinds
                )
                if broken:
                    raise InUseError(
                        f"{label_id}'s {name} has {plural(broken, 'link')} to spans that are not "
                        f"{' or '.join(updated.kinds)}; unlink them first",
                        broken,
                    )
        if many is not None:
            updated = replace(updated, many=many)
            several = 0 if many else project.events.with_several(label_id, name)
            if several:
                raise InUseError(
                    f"{label_id} has {plural(several, 'event')} with more than one {name}; "
                    "unlink the extra ones first",
                    several,
                )
        if updated == role:
            return schema, "Nothing changed.", None, None
        roles = tuple(updated if r.name == name else r for r in label.roles)
        message = f"Changed {label_id}'s role {name}."
        if updated.name != name:
            moved = project.events.rename_role(label_id, name, updated.name)
            message = f"Renamed {label_id}'s role {name} to {updated.name}; "
            message += f"{plural(moved, 'link')} follow."
        fields = [k for k in ("kinds", "many") if getattr(role, k) != getattr(updated, k)]
        before = {
            "label": label_id,
            "role": role.name,
            **{k: role.to_json().get(k) for k in fields},
        }
        after = {"label": label_id, "role": updated.name}
        after.update({k: updated.to_json().get(k) for k in fields})
        return with_label(schema, replace(label, roles=roles)), message, before, after

    return apply_change(project, annotator, "change role", edit)


def remove_role(
    project: Project, annotator: str, label_id: str, name: str, *, force: bool = False
) -> SchemaChange:
    """Remove a role; refused while links use it unless ``force`` removes them too."""

    def edit(schema: Schema, time: str) -> tuple[Schema, str, Any, Any]:
        label = _event(schema, label_id)
        role = _role(label, name)
        used = project.events.role_fillers(label_id).get(name, 0)
        if used and not force:
            raise InUseError(
                f"{label_id}'s role {name} is used by {plural(used, 'link')}; "
                "removing the role removes them",
                used,
            )
        project.events.delete_role(label_id, name)
        roles = tuple(r for r in label.roles if r.name != name)
        message = f"Removed {label_id}'s role {name}" + (
            f" and {plural(used, 'link')}." if used else "."
        )
        before = {"label": label_id, "role": name, "links": used, "definition": role.to_json()}
        after = {"label": label_id, "role": None, "links": 0}
        return with_label(schema, replace(label, roles=roles)), message, before, after

    return apply_change(project, annotator, "remove role", edit)
