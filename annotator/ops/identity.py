"""Who is annotating: one name for the window and the command line.

The name the window asks for at its first start is kept in a small file in the user's
configuration folder, so that ``annotator import`` without ``--annotator`` credits the same
person the window does. Until a name is chosen, the operating system's user name stands in.
``ANNOTATOR_CONFIG_HOME`` names another folder (for tests, or a machine several people share).
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import sys
import tempfile
from pathlib import Path

from annotator.core.errors import ProjectError

FILE = "identity.json"


def config_folder() -> Path:
    """Where the name is kept: the platform's place for a user's configuration."""
    chosen = os.environ.get("ANNOTATOR_CONFIG_HOME")
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / "annotator"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "annotator"
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "annotator"


def configured_name() -> str | None:
    """The name chosen in the window (or with :func:`remember_name`), if any."""
    try:
        data = json.loads((config_folder() / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    name = data.get("annotator") if isinstance(data, dict) else None
    return name.strip() if isinstance(name, str) and name.strip() else None


def system_name() -> str:
    try:
        return getpass.getuser() or "annotator"
    except (KeyError, OSError):
        return "annotator"


def current_name() -> str:
    """Whom an edit or import is credited to when no name is given."""
    return configured_name() or system_name()


def remember_name(name: str) -> None:
    """Keep ``name`` for the window and the command line (written whole or not at all)."""
    folder = config_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".identity-", suffix=".part")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump({"annotator": name.strip()}, stream, ensure_ascii=False)
        os.replace(temporary, folder / FILE)
    except OSError as error:
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(temporary)
        raise ProjectError(
            f"{folder / FILE}: cannot keep the annotator's name ({error})"
        ) from error
