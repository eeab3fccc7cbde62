"""What every command module shares."""

from __future__ import annotations

import argparse

RAW = argparse.RawDescriptionHelpFormatter


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"
