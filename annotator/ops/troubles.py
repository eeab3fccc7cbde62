"""What sort of trouble an error is, for the window to say the common ones in its own words
before the details (which stay as the core wrote them, naming files, fields and values).

Most troubles with a project are :class:`ProjectError`; which one is told by its type where
it has one of its own, else by the words the store uses for it. A refusal of a file's
content (a bad record, an unknown label) is none of these: it is said as it comes."""

from __future__ import annotations

from annotator.core.errors import AnnotatorError, InputError, ProjectError, SchemaError
from annotator.store.findings import DamagedValue, ProjectDamaged

CANNOT_OPEN = "cannot open"  # no project there, not a project, of a newer version
IN_USE = "in use"  # another window, computer or program has the project
DAMAGED = "damaged"  # the database no longer holds what was written
UNREADABLE = "unreadable"  # a file that is missing, a folder, or cannot be read

_IN_USE = (
    "open in a window on another computer",
    "the project is open elsewhere",
    "by another program",
    "left to the other computer",
    "program has it open",
    "program may have it open",
)
_CANNOT_OPEN = (
    "no project here",
    "not an annotator project",
    "not a project database",
    "written by a newer version",
)
_UNREADABLE = (
    "no such file",
    "is a folder, not a file",
    "cannot be opened (",
    "cannot be read",
    "cannot read the schema file",
)


def kind(error: BaseException, doing: str = "") -> str:
    """One of the kinds above, or ``doing`` when none says more (``CANNOT_OPEN`` while a
    project is being opened), else "" (said as it comes)."""
    if isinstance(error, ProjectDamaged | DamagedValue):
        return DAMAGED
    text = str(error)
    if isinstance(error, ProjectError):
        if any(words in text for words in _IN_USE):
            return IN_USE
        if any(words in text for words in _CANNOT_OPEN):
            return CANNOT_OPEN
    if isinstance(error, InputError) and error.reason.startswith(_UNREADABLE):
        return UNREADABLE
    if isinstance(error, SchemaError) and _UNREADABLE[-1] in text:
        return UNREADABLE
    return doing if isinstance(error, AnnotatorError) else ""
