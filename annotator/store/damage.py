"""A damaged project met while working on it: one refusal, never a traceback or half a result.

Reading a large project through before every export or import would cost seconds (see
:mod:`annotator.store.inspection`), so the operations that read or add (export, import,
merge, search, stats, agreement, the audit trail) instead:

- compare a few counts that cost milliseconds and must agree in a whole project — documents
  and texts, and rows counted through the tables and through their indexes
  (:func:`counts_disagree`); an export also counts what it streamed against them;
- turn what SQLite raises when it meets damage ("database disk image is malformed", a text
  that is not UTF-8 any more) and values that no longer parse into :class:`ProjectDamaged`
  (:func:`refusing_damage`), after reading the project through to name what is damaged and
  finding the newest backup that is whole. This happens only once something is wrong.

A refused export leaves no file, a refused import or merge is rolled back, a refused backup
leaves nothing in ``backups/``. ``annotator check`` reads everything (:func:`inspect`).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from annotator.core.errors import AnnotatorError, ProjectError
from annotator.store import files
from annotator.store.backups import DATABASE, damaged_project
from annotator.store.connection import Database
from annotator.store.findings import DamagedValue, Finding, is_damage

# Counted twice, each way through another tree of the file: a whole project gives equal pairs.
_COUNTS = (
    ("documents", "SELECT count(*) FROM documents", "SELECT count(*) FROM documents NOT INDEXED"),
    ("texts", "SELECT count(*) FROM documents", "SELECT count(*) FROM texts"),
    ("spans", "SELECT count(*) FROM spans", "SELECT count(*) FROM spans NOT INDEXED"),
)


def counts_disagree(db: Database) -> list[Finding]:
    """Counts of a whole project that do not agree (about 0.1 s at 100,000 articles)."""
    found = []
    for table, first, second in _COUNTS:
        one, other = db.execute(first).fetchone()[0], db.execute(second).fetchone()[0]
        if one != other:
            what = (
                f"{other} texts for {one} documents"
                if table == "texts"
                else f"{one} rows counted through its indexes, {other} in the table itself"
            )
            found.append(Finding(table, what))
    return found


def check_counts(db: Database, folder: Path, doing: str) -> None:
    """Refuse to go on (:class:`ProjectDamaged`) when the project's counts do not agree."""
    with refusing_damage(folder, doing):
        found = counts_disagree(db)
    if found:
        raise damaged_project(folder, doing, noticed=found)


@contextlib.contextmanager
def refusing_damage(folder: str | Path, doing: str) -> Iterator[None]:
    """Turn damage met inside into :class:`ProjectDamaged`, and SQLite's other complaints
    (a lock held too long, a disk error) into a message.

    Damage can also show as a value of the wrong type or one that no longer parses, failing
    anywhere in the code that uses it: any other error is checked against the project read
    through, and goes on as it is when the project is whole.
    """
    folder = Path(folder)
    try:
        yield
    except DamagedValue as error:
        raise damaged_project(folder, doing, noticed=[Finding("database", str(error))]) from error
    except AnnotatorError:  # a refusal of its own (bad input, a lock, a cancel): as it is
        raise
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            raise damaged_project(folder, doing, error=error) from error
        raise _unusable(folder, doing, error) from error
    except Exception as error:  # a value of another type, one that no longer parses, a message
        # of SQLite's quoting damaged bytes: damage if reading the project through finds some
        refusal = damaged_project(folder, doing)
        if not refusal.findings:
            raise  # the project is whole: not damage, a fault of the program
        raise refusal from error


def _unusable(folder: Path, doing: str, error: sqlite3.DatabaseError) -> ProjectError:
    text = str(error)
    if "locked" in text or "busy" in text:
        return ProjectError(
            f"cannot {doing}: {folder} is being written by another program; try again when it "
            "has finished"
        )
    if "disk I/O error" in text:
        return files.disk_error(folder / DATABASE, error, doing)
    return ProjectError(f"cannot {doing}: {folder}: {text}")
