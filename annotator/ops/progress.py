"""Progress reports from long operations, and how they are stopped.

An operation that may take long (import, export, merge, agreement) takes a ``progress``
callback and calls it as it goes with ``(done, total)``; ``total`` is None when it is not
known in advance (a file is read as it streams). The callback may raise
:class:`~annotator.core.errors.Cancelled` to stop the operation: it is called inside the
operation's transaction (or before its output file is moved into place), so a cancelled
operation leaves the project and any output file exactly as they were.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

Progress = Callable[[int, "int | None"], None]


def counted(items: Iterable[T], total: int | None, progress: Progress | None) -> Iterator[T]:
    """The items, reporting how many have been taken after each (and before the first)."""
    if progress is None:
        yield from items
        return
    done = 0
    progress(done, total)
    for item in items:
        yield item
        done += 1
        progress(done, total)
