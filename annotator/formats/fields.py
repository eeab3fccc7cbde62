"""Reading one field of a JSON record as the kind a record needs, or saying why it cannot be.

The JSON readers (ours, doccano, Label Studio, Prodigy, spaCy) share these, so that a field
of the wrong kind gets the same words whatever the format: the field, and what it holds.
Deeper checks (nesting, number range, surrogates) are the record check's
(``core.validation``), made once every format has become records.
"""

from __future__ import annotations

from typing import Any

from annotator.core.errors import InputError
from annotator.core.validation import described


def listed(obj: dict[str, Any], field: str, where: str = "") -> list[Any]:
    """The list under ``field``; an absent or null field (or an empty value) is no items."""
    value = obj.get(field)
    if isinstance(value, list):
        return value
    if value is None or value in ("", 0, False, {}):
        return []
    prefix = f"{where}: " if where else ""
    raise InputError(f"{prefix}field '{field}' must be a list, got {described(value)}")


def identifier(value: Any, where: str, field: str) -> str:
    """An id as the file gives it (a number or text), as text."""
    if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
        return str(value)
    raise InputError(f"{where}: field '{field}' must be a number or text, got {described(value)}")


def optional_text(value: Any, where: str, field: str) -> str | None:
    """Text, a number written as text, or None; anything else is refused."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    prefix = f"{where}: " if where else ""
    raise InputError(f"{prefix}field '{field}' must be text, got {described(value)}")


def text(value: Any, where: str, field: str) -> str:
    """Text; anything else is refused."""
    if isinstance(value, str):
        return value
    prefix = f"{where}: " if where else ""
    raise InputError(f"{prefix}field '{field}' must be text, got {described(value)}")
