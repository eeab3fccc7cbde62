"""Finding known names in Arabic text in one pass, as the annotator would mark them.

Names and text are compared in their normalised form (:mod:`annotator.core.arabic`: alef
and hamza forms, alef maqsura and ya, ta marbuta and ha, diacritics, tatweel), with an
Aho-Corasick automaton, so that thousands of names cost one pass over the text. A name
matches a whole word, or the rest of a word after its proclitics (و ف, then ب ل ك):
«الجيش» is found in «والجيش», «حلب» in «بحلب», and a name with the article after ل in
«للجيش». Whether the proclitic belongs to the span is the schema's ``clitics``; offsets
always point into the original text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from annotator.core.arabic import normalise, normalised
from annotator.core.tokens import proclitic_length

PROCLITICS = frozenset(["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"])
_BEFORE_LAM_ARTICLE = frozenset(["", "و", "ف"])  # what may precede ل + ال written «لل»
MIN_LETTERS_AFTER_PROCLITIC = 3  # «ولد» is a word, not و + «لد»


@dataclass(frozen=True)
class FoundName:
    start: int  # original offsets of the span, the schema's clitics rule applied
    end: int
    key: str  # the name's normalised form


def name_key(name: str) -> str:
    """The form a name is known by: normalised, spaces collapsed, and without the proclitic
    before an article («والجيش» is known as «الجيش»)."""
    name = " ".join(name.split())
    first = name.find(" ")
    cut = proclitic_length(name, 0, len(name) if first == -1 else first)
    return normalise(name[cut:])


class NameMatcher:
    """An automaton over names' keys; build once, then :meth:`find` in each text."""

    def __init__(self, keys: Iterable[str], *, clitics_outside: bool = True) -> None:
        self.clitics_outside = clitics_outside
        self.automaton = ahocorasick.Automaton()
        for key in keys:
            if not key.strip():
                continue
            self.automaton.add_word(key, (key, 0))
            if key.startswith("ال") and len(key) > 3:
                variant = "لل" + key[2:]  # ل + ال is written «لل»
                if variant not in self.automaton:
                    self.automaton.add_word(variant, (key, 1))
        self.empty = len(self.automaton) == 0
        if not self.empty:
            self.automaton.make_automaton()

    def find(self, text: str) -> list[FoundName]:
        """Every known name in the text, longest first where two overlap, in text order."""
        if self.empty:
            return []
        folded = normalised(text)
        n = folded.text
        found = []
        for last, (key, lam_article) in self.automaton.iter(n):
            start = last - len(key) + 1  # a variant is as long as its name
            end = last + 1
            if end < len(n) and n[end].isalnum():
                continue
            word = start
            while word > 0 and n[word - 1].isalnum():
                word -= 1
            prefix = n[word:start]
            if lam_article:
                if prefix not in _BEFORE_LAM_ARTICLE:
                    continue
                name_start = start + 1
            else:
                if prefix and (
                    prefix not in PROCLITICS or _letters(key) < MIN_LETTERS_AFTER_PROCLITIC
                ):
                    continue
                name_start = start
            span_start = name_start if self.clitics_outside else word
            original_start, original_end = folded.original_span(span_start, end)
            found.append(FoundName(original_start, original_end, key))
        return _longest_first(found)


def _letters(key: str) -> int:
    return sum(1 for char in key if char.isalpha())


def _longest_first(matches: list[FoundName]) -> list[FoundName]:
    kept: list[FoundName] = []
    for match in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        if all(match.end <= k.start or k.end <= match.start for k in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)
