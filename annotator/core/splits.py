"""Train/dev/test splits by document, the same for the same seed whatever the import order.

Each document's place in the draw is the SHA-256 of the seed and the document's own text
hash, so the draw depends on the texts and the seed only. Documents are taken in that order
and cut into parts of exactly the requested sizes (largest remainder): 80/10/10 of 10
documents is 8, 1 and 1.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.errors import InputError

_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


@dataclass(frozen=True)
class SplitPlan:
    """Which part of the split each document (by id) goes to."""

    parts: tuple[tuple[str, float], ...]
    seed: int
    assignment: dict[int, str]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.parts)

    def of(self, document_id: int) -> str | None:
        return self.assignment.get(document_id)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(self.names, 0)
        for name in self.assignment.values():
            counts[name] += 1
        return counts

    def describe(self) -> str:
        parts = ", ".join(f"{name}={fraction:g}" for name, fraction in self.parts)
        return f"{parts} (seed {self.seed})"


def parse_split(spec: str) -> tuple[tuple[str, float], ...]:
    """``train=0.8,dev=0.1,test=0.1`` as (name, fraction) pairs; the fractions must sum to 1."""
    parts: list[tuple[str, float]] = []
    for item in spec.split(","):
        name, equals, value = item.strip().partition("=")
        name = name.strip()
        if not equals or not _NAME.match(name):
            raise InputError(
                f"--split: {item.strip()!r} is not NAME=FRACTION (e.g. train=0.8,dev=0.1,test=0.1)"
            )
        try:
            fraction = float(value)
        except ValueError:
            raise InputError(f"--split: {value.strip()!r} is not a number (in {name})") from None
        if not 0 < fraction <= 1 or not math.isfinite(fraction):
            raise InputError(f"--split: the fraction of {name} must be above 0 and at most 1")
        if name in (n for n, _ in parts):
            raise InputError(f"--split: {name} is named twice")
        parts.append((name, fraction))
    total = sum(fraction for _, fraction in parts)
    if abs(total - 1) > 1e-6:
        raise InputError(f"--split: the fractions add up to {total:g}, not 1")
    return tuple(parts)


def _draw_key(seed: int, sha256: str) -> str:
    return hashlib.sha256(f"{seed}\0{sha256}".encode()).hexdigest()


def _sizes(fractions: list[float], total: int) -> list[int]:
    exact = [fraction * total for fraction in fractions]
    sizes = [math.floor(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: (-(exact[i] - sizes[i]), i))
    for index in by_remainder[: total - sum(sizes)]:
        sizes[index] += 1
    return sizes


def plan_split(
    parts: tuple[tuple[str, float], ...], seed: int, documents: Iterable[tuple[int, str]]
) -> SplitPlan:
    """Assign documents, given as (id, text SHA-256), to the parts."""
    drawn = sorted(documents, key=lambda d: (_draw_key(seed, d[1]), d[1]))
    assignment: dict[int, str] = {}
    position = 0
    for (name, _), size in zip(parts, _sizes([f for _, f in parts], len(drawn)), strict=True):
        for document_id, _ in drawn[position : position + size]:
            assignment[document_id] = name
        position += size
    return SplitPlan(parts, seed, assignment)
