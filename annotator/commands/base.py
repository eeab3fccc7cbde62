"""What every command module shares."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from annotator.ops.opening import Project

RAW = argparse.RawDescriptionHelpFormatter


def tell_when_waiting(project: Project) -> None:
    """Say once, after a second, that a write waits for another program's (an import's)."""
    told = []

    def waiting(seconds: float) -> None:
        if seconds >= 1 and not told:
            told.append(seconds)
            print(
                "waiting for another program to finish writing to the project (an import?)…",
                file=sys.stderr,
                flush=True,
            )

    project.waiting = waiting


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


COUNT_EVERY = 1000  # a bar with no total shows its count this often


class ProgressBar:
    """A one-line bar on a terminal; nothing at all when the stream is not one."""

    def __init__(self, stream: TextIO, width: int = 30, unit: str = "documents") -> None:
        self.stream = stream
        self.width = width
        self.unit = unit
        self.shown = -1
        self.active = stream.isatty()

    def __call__(self, done: int, total: int | None) -> None:
        if not self.active:
            return
        if total is None or total <= 0:  # no total known: a count, now and then
            if done % COUNT_EVERY == 0:
                self.shown = done
                self.stream.write(f"\r{done:,} {self.unit}")
                self.stream.flush()
            return
        filled = min(self.width, self.width * done // total)
        if filled == self.shown and done != total:
            return
        self.shown = filled
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\r[{bar}] {done}/{total} {self.unit}")
        self.stream.flush()

    def close(self) -> None:
        if self.active and self.shown >= 0:
            self.stream.write("\n")
            self.stream.flush()
