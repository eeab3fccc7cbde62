"""Events as records, and the rules every path that makes one shares.

An event is a record of its own in an annotator's layer: a type (a label of kind event), an
optional trigger span (any number of events may share one: «اشتباكات عنيفة في الثردات
والميادين» is two events on one word), its arguments — role → span, in order, a role repeated
where the schema says ``many`` — and its attributes (ACLED's date, type, sub-type,
fatalities…). Spans stay spans: a trigger is a span, usually of the event's own label.

The window's edits, every importer, merge and adjudication check an event with
:func:`event_problems` before it is written.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from annotator.core.roles import second_role
from annotator.core.schema import Schema


@dataclass(frozen=True)
class Filler:
    """A span as the rules see it: its id (in a project) or key (in a file), label and text."""

    key: Hashable
    label: str
    text: str


def event_problems(
    schema: Schema,
    label: str,
    trigger: Filler | None,
    arguments: Sequence[tuple[str, Filler]],
) -> list[str]:
    """What is wrong with an event of type ``label`` on ``trigger`` with ``arguments``
    (role, filler) in order; empty when it may be made."""
    event_label = schema.label(label)
    if event_label is None:
        return [f"the event type {label} is not in the project's schema"]
    if event_label.kind != "event":
        article = "an" if event_label.kind[:1] in "aeiou" else "a"
        return [f"{label} is {article} {event_label.kind} label, not an event type"]
    problems = []
    filled: list[tuple[str, Hashable]] = []
    for role_name, filler in arguments:
        role = event_label.role(role_name)
        if role is None:
            declared = ", ".join(r.name for r in event_label.roles) or "none"
            problems.append(f"{label} has no role {role_name} (its roles: {declared})")
            continue
        if trigger is not None and filler.key == trigger.key:
            problems.append(f"«{filler.text}» is the event's trigger; it cannot be its {role_name}")
            continue
        kind = getattr(schema.label(filler.label), "kind", None)
        if role.kinds and kind not in role.kinds:
            problems.append(
                f"the role {role_name} of {label} takes {' or '.join(role.kinds)} spans, "
                f"not {filler.label} «{filler.text}»"
            )
            continue
        if not role.many and any(other == role_name for other, _ in filled):
            problems.append(f"{label} has one {role_name}; «{filler.text}» would be a second")
            continue
        twice = second_role(event_label, filled, role_name, filler.key)
        if twice is not None:
            problems.append(twice.reason(filler.text))
            continue
        filled.append((role_name, filler.key))
    return problems


def event_title(label: str, attributes: dict) -> str:
    """An event as a coder names it: its coded type and sub-type (ACLED's), else its label."""
    coded = [attributes.get(key) for key in ("event_type", "sub_event_type")]
    return " · ".join(str(value) for value in coded if value) or label
