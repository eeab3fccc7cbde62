"""What the CRF sees of each word: features that work for Arabic.

The word normalised (:func:`annotator.core.arabic.normalise`) and without its proclitics
(«وبالجيش» → «جيش» after و ب ال), the proclitics themselves, the first and last letters of
the bare word (prefixes and suffixes: «ات», «ية», «ون»), its character trigrams, its shape
(Arabic, Latin, digits, punctuation), whether the dictionary found a name there and with
which label, and the same of the neighbouring words.
"""

from __future__ import annotations

import re

from annotator.core.arabic import normalise

_CLITICS = re.compile(r"^([وف]?[بك]?ال|[وف]?لل|[وف]?ل(?=ال))")
_PROCLITIC = re.compile(r"^[وف]?[بلك]?")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_NEIGHBOURS = (-2, -1, 1, 2)


def bare(word: str) -> tuple[str, str]:
    """(proclitics and article, the word without them) of a normalised word."""
    match = _CLITICS.match(word)
    if match and len(word) - match.end() >= 2:
        return match.group(), word[match.end() :]
    return "", word


def _shape(word: str) -> str:
    if any(char.isdigit() for char in word):
        return "digit"
    if _ARABIC.search(word):
        return "arabic"
    if any(char.isalpha() for char in word):
        return "latin-cap" if word[:1].isupper() else "latin"
    return "punct"


def word_features(word: str) -> list[str]:
    """The features of one word on its own."""
    folded = normalise(word)
    clitics, stem = bare(folded)
    features = [
        "w=" + folded,
        "s=" + stem,
        "c=" + clitics,
        "shape=" + _shape(word),
        "len=" + str(min(len(stem), 8)),
        "p2=" + stem[:2],
        "p3=" + stem[:3],
        "x1=" + stem[-1:],
        "x2=" + stem[-2:],
        "x3=" + stem[-3:],
    ]
    if not clitics:
        proclitic = _PROCLITIC.match(folded).group()  # type: ignore[union-attr]
        if proclitic and len(folded) - len(proclitic) >= 3:
            features.append("ps=" + folded[len(proclitic) :])  # perhaps و ب + a name
    padded = f"<{stem}>"
    features.extend("g=" + padded[i : i + 3] for i in range(len(padded) - 2))
    return features


def sentence_features(words: list[str], found: list[str]) -> list[list[str]]:
    """Features of each word of a sentence; ``found`` holds the dictionary's tag of each word
    (``B-LOC``, ``I-LOC``, or ``O``)."""
    own = [word_features(word) for word in words]
    heads = [features[:3] for features in own]  # w=, s=, c=: what a neighbour tells
    result = []
    for index, features in enumerate(own):
        item = [*features, "d=" + found[index], "dl=" + found[index][2:]]
        for step in _NEIGHBOURS:
            other = index + step
            if 0 <= other < len(words):
                item.extend(f"{step}{feature}" for feature in heads[other])
                item.append(f"{step}d=" + found[other])
            else:
                item.append(f"{step}edge")
        result.append(item)
    return result
