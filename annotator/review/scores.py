"""The figures of agreement, from counts that add up across documents.

- Precision, recall and F1 of a pair (A, B) read A as the reference: precision is the share
  of B's spans that A has too, recall the share of A's spans that B has too, and F1 their
  harmonic mean, 2·matched / (|A| + |B|), which is the same whichever annotator comes first.
  When neither has a span the two agree on everything there is: all three are 1. When only
  one has spans, the figures whose denominator is zero are 0, like the others.
- Cohen's kappa: (p_o − p_e) / (1 − p_e) over a table of paired labels, where p_e is the
  agreement expected from each annotator's own label frequencies.
- Krippendorff's alpha (nominal): 1 − D_o / D_e from the coincidence of values within units
  that at least two annotators labelled; it allows any number of annotators and missing ones.
Kappa and alpha are undefined (None) when every value is one and the same label.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction


@dataclass
class Counts:
    """Spans matched between a reference layer A and a layer B, and how many each has."""

    matched: int = 0
    reference: int = 0  # |A|
    candidate: int = 0  # |B|

    def add(self, matched: int, reference: int, candidate: int) -> None:
        self.matched += matched
        self.reference += reference
        self.candidate += candidate

    @property
    def precision(self) -> float:
        if self.candidate:
            return self.matched / self.candidate
        return 1.0 if not self.reference else 0.0

    @property
    def recall(self) -> float:
        if self.reference:
            return self.matched / self.reference
        return 1.0 if not self.candidate else 0.0

    @property
    def f1(self) -> float:
        total = self.reference + self.candidate
        return 2 * self.matched / total if total else 1.0

    def to_json(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


def cohen_kappa(table: Mapping[tuple[str, str], int]) -> float | None:
    """Kappa of two annotators from counts of (A's label, B's label) per unit."""
    total = sum(table.values())
    if not total:
        return None
    first: Counter[str] = Counter()
    second: Counter[str] = Counter()
    agreed = 0
    for (a, b), n in table.items():
        first[a] += n
        second[b] += n
        if a == b:
            agreed += n
    observed = agreed / total
    expected = sum(first[label] * second[label] for label in first) / (total * total)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


class Coincidences:
    """Krippendorff's coincidence matrix for nominal values, built one unit at a time.

    For nominal data only three sums are needed: how often each value occurs among pairable
    values (n_c), and the total of the within-unit disagreeing pairs, each unit's pairs
    weighted 1 / (m_u − 1) where m_u is how many annotators labelled that unit. That total
    is kept as whole numbers per m_u and divided once at the end, so it is exact and the
    same in whatever order or grouping units are added.
    """

    def __init__(self) -> None:
        self.values: Counter[str] = Counter()
        self._disagreeing: Counter[int] = Counter()  # m_u − 1 → Σ disagreeing pairs

    def add_unit(self, values: Iterable[str], times: int = 1) -> None:
        """A unit with the values its annotators gave it (``times`` such identical units)."""
        counts = Counter(values)
        m = sum(counts.values())
        if m < 2 or times <= 0:
            return  # a unit only one annotator labelled has no pairs
        for value, n in counts.items():
            self.values[value] += n * times
        self._disagreeing[m - 1] += times * (m * m - sum(n * n for n in counts.values()))

    @property
    def disagreement(self) -> float:
        """Σ_u (disagreeing pairs in u) / (m_u − 1)."""
        return float(sum(Fraction(pairs, others) for others, pairs in self._disagreeing.items()))

    def alpha(self) -> float | None:
        n = sum(self.values.values())
        expected = n * n - sum(c * c for c in self.values.values())  # Σ_{c≠k} n_c·n_k
        if n < 2 or expected == 0:
            return None
        return 1.0 - (n - 1) * self.disagreement / expected


def krippendorff_alpha(units: Iterable[Iterable[str]]) -> float | None:
    """Nominal alpha of units given as the values the annotators gave (missing ones left out)."""
    coincidences = Coincidences()
    for unit in units:
        coincidences.add_unit(unit)
    return coincidences.alpha()
