"""What an import passes to a reader besides the path, and what a reader hands back.

Readers that take options accept ``options`` as a keyword: a small dict holding the user's
format flags (``predictions``, ``all_answers``, ``text_field``, ``webanno_layer``…) and
entries the reader fills for the import: ``notes`` (what was kept in another form or left
out, for the import's report), ``hints`` (advice for when the file's labels are unknown) and
``labels`` (label definitions the files carry, such as brat's ``annotation.conf``, used when
unknown labels are added to the schema).
"""

from __future__ import annotations

from typing import Any

NOTES = "notes"
HINTS = "hints"
LABELS = "labels"


def new_options(flags: dict[str, Any] | None = None) -> dict[str, Any]:
    """Options for one import: the user's flags and empty notes, hints and label definitions."""
    return {**(flags or {}), NOTES: [], HINTS: [], LABELS: {}}


def flag(options: dict[str, Any] | None, name: str, default: Any = None) -> Any:
    if not options:
        return default
    value = options.get(name)
    return default if value is None else value


def note(options: dict[str, Any] | None, message: str) -> None:
    """Tell the import's report something the user should know (kept elsewhere, skipped…)."""
    if options is not None and message not in options.setdefault(NOTES, []):
        options[NOTES].append(message)


def hint(options: dict[str, Any] | None, message: str) -> None:
    """Advice the import adds to its error when the file's labels are not in the schema."""
    if options is not None and message not in options.setdefault(HINTS, []):
        options[HINTS].append(message)


def define_label(options: dict[str, Any] | None, definition: dict[str, Any]) -> None:
    """Offer a label definition (schema JSON) for when an import adds unknown labels."""
    if options is not None:
        options.setdefault(LABELS, {}).setdefault(definition["id"], definition)
