"""What the CRF sees of each word: features that work for Arabic.

The word normalised (:func:`annotator.core.arabic.normalise`) and without its proclitics
(«وبالجيش» → «جيش» after و ب ال), the proclitics themselves, the first and last letters of
the bare word (prefixes and suffixes up to four letters: «ات», «ية», «ون», «يين»), its
character trigrams, its shape (Arabic, Latin, digits, punctuation, and the run of kinds of
its characters: «dd-dd», «aa»), flags for Latin letters and digits, the punctuation mark
itself, whether the dictionary found a name there and with which label, which labels the
names learned from put this bare word in («محمد» in persons, «وزارة» in organisations) and
which labels a first pass gave it elsewhere in the document, and the same of the
neighbouring words; the first and last word of a sentence are marked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from annotator.core.arabic import normalise

_CLITICS = re.compile(r"^([وف]?[بك]?ال|[وف]?لل|[وف]?ل(?=ال))")
_PROCLITIC = re.compile(r"^[وف]?[بلك]?")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"[A-Za-z]")
_REPEATS = re.compile(r"(.)\1+")
_NEIGHBOURS = (-2, -1, 1, 2)
_NEAR = (-1, 1)  # neighbours whose affixes and name words are told too
MIN_NAME_WORD = 2  # letters: shorter words of names («و», «بن»…) say nothing

NameWords = Mapping[str, frozenset[str]]  # a bare word → the labels of names holding it


def bare(word: str) -> tuple[str, str]:
    """(proclitics and article, the word without them) of a normalised word."""
    match = _CLITICS.match(word)
    if match and len(word) - match.end() >= 2:
        return match.group(), word[match.end() :]
    return "", word


def stem(word: str) -> str:
    """A word as names' words are known: normalised, without proclitics and article."""
    return bare(normalise(word))[1]


def name_words(names: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """Each bare word of the names (text, label) with the labels of the names it is in."""
    found: dict[str, set[str]] = {}
    for text, label in names:
        for word in text.split():
            key = stem(word)
            if len(key) >= MIN_NAME_WORD:
                found.setdefault(key, set()).add(label)
    return {key: frozenset(labels) for key, labels in found.items()}


def _kind(word: str) -> str:
    if any(char.isdigit() for char in word):
        return "digit"
    if _ARABIC.search(word):
        return "arabic"
    if any(char.isalpha() for char in word):
        return "latin-cap" if word[:1].isupper() else "latin"
    return "punct"


def _char_kind(char: str) -> str:
    if char.isdigit():
        return "d"
    if _ARABIC.match(char):
        return "a"
    if char.isalpha():
        return "L" if char.isupper() else "l"
    return char


def _letters(word: str) -> str:
    """The kinds of a word's characters, runs shortened to two: «1990» → «dd»."""
    return _REPEATS.sub(r"\1\1", "".join(_char_kind(char) for char in word))


def word_features(word: str) -> list[str]:
    """The features of one word on its own."""
    folded = normalise(word)
    clitics, stem_ = bare(folded)
    features = [
        "w=" + folded,
        "s=" + stem_,
        "c=" + clitics,
        "shape=" + _kind(word),
        "ws=" + _letters(word),
        "len=" + str(min(len(stem_), 8)),
        "p1=" + stem_[:1],
        "p2=" + stem_[:2],
        "p3=" + stem_[:3],
        "p4=" + stem_[:4],
        "x1=" + stem_[-1:],
        "x2=" + stem_[-2:],
        "x3=" + stem_[-3:],
        "x4=" + stem_[-4:],
    ]
    if _LATIN.search(word):
        features.append("latin")
    if any(char.isdigit() for char in word):
        features.append("digits" if word.isdigit() else "has-digit")
    if len(word) == 1 and not word.isalnum():
        features.append("mark=" + word)
    if not clitics:
        proclitic = _PROCLITIC.match(folded).group()  # type: ignore[union-attr]
        if proclitic and len(folded) - len(proclitic) >= 3:
            features.append("ps=" + folded[len(proclitic) :])  # perhaps و ب + a name
    padded = f"<{stem_}>"
    features.extend("g=" + padded[i : i + 3] for i in range(len(padded) - 2))
    return features


def sentence_features(
    words: list[str],
    found: list[str],
    known: NameWords | None = None,
    hinted: NameWords | None = None,
) -> list[list[str]]:
    """Features of each word of a sentence; ``found`` holds the dictionary's tag of each word
    (``B-LOC``, ``I-LOC``, or ``O``), ``known`` the labels of the names each bare word was
    seen in, ``hinted`` those a first pass gave it elsewhere in the document."""
    own = [word_features(word) for word in words]
    heads = [features[:3] for features in own]  # w=, s=, c=: what a neighbour tells
    affixes = [[f for f in features if f[:3] in ("x2=", "p2=")] for features in own]
    stems = [features[1][2:] for features in own]
    labels = [
        [f"n={label}" for label in sorted((known or {}).get(key, ()))]
        + [f"k={label}" for label in sorted((hinted or {}).get(key, ()))]
        for key in stems
    ]
    result = []
    for index, features in enumerate(own):
        item = [*features, "d=" + found[index], "dl=" + found[index][2:], *labels[index]]
        for step in _NEIGHBOURS:
            other = index + step
            if 0 <= other < len(words):
                item.extend(f"{step}{feature}" for feature in heads[other])
                item.append(f"{step}d=" + found[other])
                if step in _NEAR:
                    item.extend(f"{step}{feature}" for feature in affixes[other])
                    item.extend(f"{step}{feature}" for feature in labels[other])
            else:
                item.append(f"{step}edge")
        result.append(item)
    if result:
        result[0].append("first")
        result[-1].append("last")
    return result
