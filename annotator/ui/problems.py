"""What a span's or event's coding still lacks or has wrong, in the window's language (the
schema's own messages, in core, are English for the command line)."""

from __future__ import annotations

from typing import Any

from annotator.core.schema import Label
from annotator.ui.language import translate


def attribute_problem(attribute, value: Any, attributes: dict[str, Any]) -> str | None:
    """Why ``value`` does not fit ``attribute``, said to the coder, or None."""
    english = attribute.problem(value, attributes)
    if english is None:
        return None
    name = attribute.name
    if value is None or value == "":
        text = translate("problems", "'%1' is required")
    elif attribute.type == "choice":
        text = translate("problems", "'%1' must be one of %2; got %3")
        text = text.replace("%2", "، ".join(attribute.choices(attributes)) or "—")
    elif attribute.type == "integer":
        text = translate("problems", "'%1' must be a whole number in its range; got %3")
    elif attribute.type == "boolean":
        text = translate("problems", "'%1' must be yes or no; got %3")
    elif attribute.type == "date":
        text = translate("problems", "'%1' must be a date YYYY-MM-DD (or YYYY-MM, YYYY); got %3")
    else:
        text = translate("problems", "'%1' must be text; got %3")
    return text.replace("%1", name).replace("%3", repr(value))


def coding_problems(label: Label | None, attributes: dict[str, Any]) -> list[str]:
    """Every problem of a span's attributes under its label (none for an unknown label)."""
    if label is None:
        return []
    found = (attribute_problem(a, attributes.get(a.name), attributes) for a in label.attributes)
    return [problem for problem in found if problem]
