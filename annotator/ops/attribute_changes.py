"""Schema changes to a label's attributes and their values, carried into the spans' values.

Values live in each span's JSON attributes; renaming an attribute moves them, removing one
(or withdrawing a value) clears them — refused while spans use them unless forced. See
:mod:`annotator.ops.schema_changes` for what every change guarantees.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from annotator.core.errors import SchemaError
from annotator.core.schema import ATTRIBUTE_TYPES, Attribute, Label, Schema
from annotator.ops.schema_changes import (
    InUseError,
    SchemaChange,
    apply_change,
    find_label,
    identifier,
    plural,
    with_label,
)
from annotator.store.project import Project


def _attribute(label: Label, name: str) -> Attribute:
    attribute = label.attribute(name)
    if attribute is None:
        known = ", ".join(a.name for a in label.attributes) or "none"
        raise SchemaError(f"{label.id} has no attribute {name!r} (attributes: {known})")
    return attribute


def _check_dependency(label: Label, attribute: Attribute) -> None:
    """A sub-type's values are listed under values of a choice attribute of the same label."""
    if attribute.values_by and not attribute.depends_on:
        raise SchemaError(f"{attribute.name}: values listed by another value need 'depends_on'")
    if not attribute.depends_on:
        return
    parent = label.attribute(attribute.depends_on)
    if parent is None or parent.type != "choice" or parent.name == attribute.name:
        raise SchemaError(
            f"{attribute.name} can depend only on another choice attribute of {label.id}; "
            f"{attribute.depends_on!r} is not one"
        )
    unknown = [v for v in attribute.values_by if v not in parent.choices()]
    if unknown:
        raise SchemaError(f"{unknown[0]!r} is not a value of {parent.name}")


def coded(project: Project, label_id: str):
    """Where a label's attributes are kept: on its events for an event label (its spans are
    their triggers), on its spans for any other."""
    label = project.schema.label(label_id)
    return project.events if label is not None and label.kind == "event" else project.spans


def counted(project: Project, label_id: str, n: int) -> str:
    """``n`` of what carries the label's attributes: "3 events", "1 span"."""
    label = project.schema.label(label_id)
    return plural(n, "event" if label is not None and label.kind == "event" else "span")


def _misfits(project: Project, label_id: str, attribute: Attribute) -> int:
    """Spans holding a value for the attribute that it would not accept."""
    return sum(
        1
        for _, values in coded(project, label_id).attribute_values(label_id, attribute.name)
        if values.get(attribute.name) not in (None, "")
        and attribute.problem(values[attribute.name], values)
    )


def _with_attribute(schema: Schema, label: Label, attributes: tuple[Attribute, ...]) -> Schema:
    return with_label(schema, replace(label, attributes=attributes))


def add_attribute(
    project: Project, annotator: str, label_id: str, attribute: Attribute
) -> SchemaChange:
    def edit(schema: Schema, time: str) -> tuple[Schema, str, Any, Any]:
        label = find_label(schema, label_id)
        added = replace(attribute, name=identifier(attribute.name, "attribute name"))
        if label.attribute(added.name) is not None:
            raise SchemaError(f"{label_id} already has an attribute {added.name}")
        if added.type not in ATTRIBUTE_TYPES:
            raise SchemaError(f"an attribute's type is one of {', '.join(ATTRIBUTE_TYPES)}")
        _check_dependency(label, added)
        misfits = _misfits(project, label_id, added)
        if misfits:
            raise InUseError(
                f"{label_id} has {counted(project, label_id, misfits)} with a value named "
                f"{added.name} "
                "that this attribute would not accept",
                misfits,
            )
        message = f"Added attribute {added.name} to {label_id}."
        waiting = coded(project, label_id).count_label(label_id) if added.required else 0
        if waiting:
            message += f" It is required: {counted(project, label_id, waiting)} need a value."
        after = {"label": label_id, **added.to_json()}
        return _with_attribute(schema, label, (*label.attributes, added)), message, None, after

    return apply_change(project, annotator, "add attribute", edit)


def rename_attribute(
    project: Project, annotator: str, label_id: str, old: str, new: str
) -> SchemaChange:
    """Give an attribute another name; the values spans hold move to the new name."""

    def edit(schema: Schema, time: str) -> tuple[Schema, str, Any, Any]:
        label = find_label(schema, label_id)
        _attribute(label, old)
        name = identifier(new, "attribute name")
        if name == old:
            return schema, "Nothing to rename.", None, None
        if label.attribute(name) is not None:
            raise SchemaError(f"{label_id} already has an attribute {name}")
        clash = coded(project, label_id).count_with_attributes(label_id, {name: None})
        if clash:
            raise InUseError(
                f"{label_id} has {counted(project, label_id, clash)} with a value named {name} "
                "outside the "
                "schema; choose another name",
                clash,
            )
        attributes = tuple(
            replace(a, name=name)
            if a.name == old
            else replace(a, depends_on=name)
            if a.depends_on == old
            else a
            for a in label.attributes
        )
        moved = coded(project, label_id).rename_attribute(label_id, old, name, time)
        message = (
            f"Renamed {label_id}'s attribute {old} to {name}; {plural(moved, 'value')} follow."
        )
        before, after = (
            {"label": label_id, "attribute": old},
            {"label": label_id, "attribute": name},
        )
        return _with_attribute(schema, label, attributes), message, before, after

    return apply_change(project, annotator, "rename attribute", edit)


def update_attribute(
    project: Project,
    annotator: str,
    label_id: str,
    name: str,
    *,
    required: bool | None = None,
    bounds: tuple[int | None, int | None] | None = None,
) -> SchemaChange:
    """Make an attribute required or optional, or set a number's (minimum, maximum)."""

    def edit(schema: Schema, time: str) -> tuple[Schema, str, Any, Any]:
        label = find_label(schema, label_id)
        attribute = _attribute(label, name)
        updated = attribute
        if required is not None:
            updated = replace(updated, required=required)
        if bounds is not None:
            if attribute.type != "integer":
                raise SchemaError(f"only whole-number attributes have bounds; {name} is not one")
            low, high = bounds
            if low is not None and high is not None and low > high:
                raise SchemaError(f"{name}: the minimum {low} is above the maximum {high}")
            updated = replace(updated, minimum=low, maximum=high)
            misfits = _misfits(project, label_id, updated)
            if misfits:
                raise InUseError(
                    f"{label_id} has {counted(project, label_id, misfits)} with {name} outside "
                    f"{low if low is not None else '…'}–{high if high is not None else '…'}",
                    misfits,
                )
        if updated == attribute:
            return schema, "Nothing changed.", None, None
        attributes = tuple(updated if a.name == name else a for a in label.attributes)
        fields = [
            k
            for k in ("required", "minimum", "maximum")
            if getattr(attribute, k) != getattr(updated, k)
        ]
        before = {
            "label": label_id,
            "attribute": name,
            **{k: getattr(attribute, k) for k in fields},
        }
        after = {"label": label_id, "attribute": name, **{k: getattr(updated, k) for k in fields}}
        message = f"Changed {label_id}'s attribute {name}."
        return _with_attribute(schema, label, attributes), message, before, after

    return apply_change(project, annotator, "change attribute", edit)


def remove_attribute(
    project: Project, annotator: str, label_id: str, name: str, *, force: bool = False
) -> SchemaChange:
    """Remove an attribute; refused while spans hold values for it unless ``force`` clears them."""

    def edit(schema: Schema, time: str) -> tuple[Schema, str, Any, Any]:
        label = find_label(schema, label_id)
        attribute = _attribute(label, name)
        dependents = [a.name for a in label.attributes if a.depends_on == name]
        if dependents:
            raise SchemaError(f"{dependents[0]} depends on {name}; remove {dependents[0]} first")
        used = coded(project, label_id).count_with_attributes(label_id, {name: None})
        if used and not force:
            raise InUseError(
                f"{label_id} has {counted(project, label_id, used)} with a value for {name}; "
                "removing the attribute clears them",
                used,
            )
        coded(project, label_id).clear_attributes(label_id, (name,), {name: None}, time)
        attributes = tuple(a for a in label.attributes if a.name != name)
        message = f"Removed {label_id}'s attribute {name}" + (
            f" and its value from {counted(project, label_id, used)}." if used else "."
        )
        before = {"label": label_id, "attribute": name, "spans": used}
        after = {"label": label_id, "attribute": None, "spans": 0}
        before["definition"] = attribute.to_json()
        return _with_attribute(schema, label, attributes), message, before, after

    return apply_change(project, annotator, "remove attribute", edit)


def _choice(label: Label, name: str) -> Attribute:
    attribute = _attribute(label, name)
    if attribute.type != "choice":
        raise SchemaError(
            f"only choice attributes have a list of values; {name} is {attribute.type}"
        )
    return attribute


def add_choice_value(
    project: Project,
    annotator: str,
    label_id: str,
    name: str,
    value: str,
    *,
    under: str | None = None,
) -> SchemaChange:
    """Offer one more value; a sub-type's value goes ``under`` a value of its type."""

    def edit(schema: Schema, time: str) -> tuple[Schema, str, Any, Any]:
        label = find_label(schema, label_id)
        attribute = _choice(label, name)
        new = value.strip()
        if not new:
            raise SchemaError("a value cannot be empty")
        if attribute.values_by:
            parent = label.attribute(attribute.depends_on or "")
            if under is None or parent is None or under not in parent.choices():
                raise SchemaError(
                    f"{name} lists its values under each value of {attribute.depends_on}: "
                    f"say under which one (not {under!r})"
                )
            group = attribute.values_by.get(under, ())
            if new in group:
                raise SchemaError(f"{new!r} is already a value of {name} under {under}")
            updated = replace(attribute, values_by={**attribute.values_by, under: (*group, new)})
        else:
            if under is not None:
                raise SchemaError(f"{name} does not depend on another attribute")
            if new in attribute.values:
                raise SchemaError(f"{new!r} is already a value of {name}")
            updated = replace(attribute, values=(*attribute.values, new))
        attributes = tuple(updated if a.name == name else a for a in label.attributes)
        where = f" under {under}" if under else ""
        message = f"Added {new!r} to {label_id}'s {name}{where}."
        before = {"label": label_id, "attribute": name, "under": under, "value": None}
        after = {**before, "value": new}
        return _with_attribute(schema, label, attributes), message, before, after

    return apply_change(project, annotator, "add value", edit)


def remove_choice_value(
    project: Project,
    annotator: str,
    label_id: str,
    name: str,
    value: str,
    *,
    under: str | None = None,
    force: bool = False,
) -> SchemaChange:
    """Withdraw a value; refused while spans use it unless ``force`` clears it from them.

    Clearing a type's value clears the sub-type chosen under it too, and the sub-types
    listed under a removed type go with it.
    """

    def edit(schema: Schema, time: str) -> tuple[Schema, str, Any, Any]:
        label = find_label(schema, label_id)
        attribute = _choice(label, name)
        group = under
        if attribute.values_by:
            groups = [p for p, values in attribute.values_by.items() if value in values]
            if group is None and len(groups) == 1:
                group = groups[0]
            if group not in groups:
                raise SchemaError(f"{value!r} is not a value of {name} under {group!r}")
            kept = tuple(v for v in attribute.values_by[group] if v != value)
            updated = replace(attribute, values_by={**attribute.values_by, group: kept})
            match: dict[str, str | None] = {name: value, attribute.depends_on or "": group}
        else:
            if value not in attribute.values:
                raise SchemaError(f"{value!r} is not a value of {name}")
            if len(attribute.values) == 1:
                raise SchemaError(f"{value!r} is the only value of {name}; remove the attribute")
            updated = replace(attribute, values=tuple(v for v in attribute.values if v != value))
            match = {name: value}
        children = [a for a in label.attributes if a.depends_on == name]
        used = coded(project, label_id).count_with_attributes(label_id, match)
        if used and not force:
            raise InUseError(
                f"{label_id} has {counted(project, label_id, used)} coded {name} = {value!r}; "
                "recode them first, or remove the value and clear it from them",
                used,
            )
        cleared = (name, *(child.name for child in children))
        coded(project, label_id).clear_attributes(label_id, cleared, match, time)
        attributes = tuple(
            updated
            if a.name == name
            else replace(a, values_by={k: v for k, v in a.values_by.items() if k != value})
            if a in children
            else a
            for a in label.attributes
        )
        message = f"Removed {value!r} from {label_id}'s {name}" + (
            f"; cleared {' and '.join(cleared)} on {counted(project, label_id, used)}."
            if used
            else "."
        )
        before = {"label": label_id, "attribute": name, "under": group, "value": value}
        before, after = {**before, "spans": used}, {**before, "value": None, "spans": 0}
        return _with_attribute(schema, label, attributes), message, before, after

    return apply_change(project, annotator, "remove value", edit)
