"""The Label Studio labelling config that accepts every result our tasks hold.

Label Studio checks each result against the project's config: its ``from_name`` must be a
control of the result's type (``labels`` → ``<Labels>``, ``choices`` → ``<Choices>``,
``number`` → ``<Number>``, ``textarea`` → ``<TextArea>``), per-region results need
``perRegion="true"``, and labels and choices must be among the control's values. The config is
built from the schema: a ``<Labels>`` with every label, a ``<Relations>`` with every role, and
one per-region control for each attribute name.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import quoteattr

from annotator.core.schema import Attribute, Schema

TEXT = "text"  # the <Text> object every result points at
LABELS = "label"  # the <Labels> control of the span labels


def result_type(attribute: Attribute | None, value: Any) -> str:
    """The Label Studio result type an attribute's value is written as."""
    if isinstance(value, bool):
        return "choices"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "choices"
    if attribute is None or (isinstance(value, str) and attribute.type in ("integer", "boolean")):
        return "textarea"
    return {"choice": "choices", "boolean": "choices", "integer": "number"}.get(
        attribute.type, "textarea"
    )


def control_name(name: str, kind: str, kinds: dict[str, set[str]]) -> str:
    """An attribute's control: its own name, or ``name:kind`` when the schema gives the name
    values of another type, or of several (a control has one type)."""
    return name if kinds.get(name, {kind}) == {kind} else f"{name}:{kind}"


def attribute_kinds(schema: Schema) -> dict[str, set[str]]:
    kinds: dict[str, set[str]] = {}
    for label in schema.labels:
        for attribute in label.attributes:
            kinds.setdefault(attribute.name, set()).add(result_type(attribute, None))
    return kinds


def config(
    schema: Schema, seen: dict[tuple[str, str], set[str]], multiple: set[str] | None = None
) -> str:
    """The config's XML; ``seen`` adds what the tasks hold beyond the schema: per control
    (name, type), the labels, roles or choices written; ``multiple`` names the choice
    controls a region answered with several values."""
    labels = [label.id for label in schema.labels]
    roles = sorted({role.name for label in schema.labels for role in label.roles})
    kinds = attribute_kinds(schema)
    controls: dict[tuple[str, str], set[str]] = {}
    for label in schema.labels:
        for attribute in label.attributes:
            kind = result_type(attribute, None)
            values = set(attribute.choices()) if attribute.type == "choice" else set()
            if attribute.type == "boolean":
                values = {"true", "false"}
            key = (control_name(attribute.name, kind, kinds), kind)
            controls.setdefault(key, set()).update(values)
    for key, values in seen.items():
        if key[0] == LABELS:
            labels += sorted(values - set(labels))
        elif key[0] == "relation":
            roles = sorted(set(roles) | values)
        else:
            controls.setdefault(key, set()).update(values)
    lines = ["<View>", f"  <Labels name={quoteattr(LABELS)} toName={quoteattr(TEXT)}>"]
    lines += [f"    <Label value={quoteattr(label)}/>" for label in labels]
    lines += ["  </Labels>", f'  <Text name={quoteattr(TEXT)} value="$text"/>']
    if roles:
        lines += ["  <Relations>"]
        lines += [f"    <Relation value={quoteattr(role)}/>" for role in roles]
        lines += ["  </Relations>"]
    for (name, kind), values in sorted(controls.items()):
        lines += _control(name, kind, values, name in (multiple or set()))
    lines.append("</View>")
    return "\n".join(lines) + "\n"


def _control(name: str, kind: str, values: Iterable[str], multiple: bool) -> list[str]:
    common = f'name={quoteattr(name)} toName={quoteattr(TEXT)} perRegion="true"'
    if kind == "choices":
        choice = "multiple" if multiple else "single"
        head = f'  <Choices {common} choice="{choice}" showInline="true">'
        return [
            head,
            *(f"    <Choice value={quoteattr(v)}/>" for v in sorted(values)),
            "  </Choices>",
        ]
    if kind == "number":
        return [f"  <Number {common}/>"]
    return [f'  <TextArea {common} editable="true"/>']
