"""A backup in the window's words: when it was made, why, and what it holds."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from annotator.ops import backing_up
from annotator.ops.backing_up import Backup
from annotator.ui.language import figure, fill, translate

REASONS = {
    backing_up.AUTO: QT_TRANSLATE_NOOP("backups", "automatic"),
    backing_up.MANUAL: QT_TRANSLATE_NOOP("backups", "made by hand"),
    backing_up.BEFORE_RESTORE: QT_TRANSLATE_NOOP("backups", "before a restore"),
    backing_up.BEFORE_UPGRADE: QT_TRANSLATE_NOOP("backups", "before an upgrade"),
    backing_up.RESCUED: QT_TRANSLATE_NOOP("backups", "what the window still held"),
}


def backup_words(backup: Backup, short: bool = False) -> str:
    """``2026-03-02 14:05:11 — made by hand: 5 documents, 82 spans`` (the time is the
    computer's); ``short``: the time and why only."""
    when = backup.time.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    why = translate("backups", REASONS[backup.reason]) if backup.reason in REASONS else ""
    said = f"{when} — {why}" if why else when
    if short:
        return said
    holds = translate("backups", "%1 documents, %2 spans")
    said = f"{said}: {fill(holds, figure(backup.documents), figure(backup.spans))}"
    if backup.damage:
        said += " — " + translate("backups", "DAMAGED")
    return said
