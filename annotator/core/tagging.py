"""Spans as per-token tags (BIO and its relatives) and back, for token formats.

Decoding reads any of IOB1, IOB2 (BIO), BIOES and BILOU with one rule set and notes every
irregular sequence; the reader of a file decides, once it knows the file's scheme, whether an
irregularity is normal (IOB1 starts entities with I-), a repair (IOB2 files whose I- follows
no B-) or an error (BIOES/BILOU, whose tags state both ends of every entity). Encoding writes
IOB2, BIOES or BILOU. Stacked columns (``token TAG TAG …``) hold nested spans, outermost first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SCHEMES = ("iob1", "iob2", "bioes", "bilou")
WRITABLE_SCHEMES = ("iob2", "bioes", "bilou")
_PREFIXES = "BIESLU"
_END = {"bioes": "E", "bilou": "L"}
_SINGLE = {"bioes": "S", "bilou": "U"}


class TagError(ValueError):
    """A tag that is neither O nor a known prefix with a type."""


def parse_tag(tag: str) -> tuple[str, str]:
    """(prefix, type) of a tag; ``("O", "")`` for O."""
    if tag == "O":
        return "O", ""
    prefix, dash, kind = tag.partition("-")
    if not dash or len(prefix) != 1 or prefix not in _PREFIXES or not kind:
        raise TagError(f"unknown tag {tag!r} (expected O, or B-, I-, E-, S-, L- or U- and a type)")
    return prefix, kind


@dataclass(frozen=True)
class TokenSpan:
    """A span over tokens ``start`` to ``end`` (exclusive), in one column of tags."""

    start: int
    end: int
    label: str
    column: int = 0


@dataclass(frozen=True)
class Irregular:
    """A tag sequence that a strict reading of the file's scheme would not accept."""

    token: int
    kind: str  # "i-start", "orphan-end" or "unclosed"
    tag: str


@dataclass
class Decoded:
    spans: list[TokenSpan] = field(default_factory=list)
    irregular: list[Irregular] = field(default_factory=list)
    prefixes: set[str] = field(default_factory=set)
    b_after_other: bool = False  # a B- that follows no entity of its type: the file is IOB2


def decode(columns: list[list[str]]) -> Decoded:
    """Spans of one sentence, given its tags column by column (one list per column).

    A missing tag (a token with fewer columns) counts as O. Spans come column by column, each
    column in text order, so that outer layers precede the layers nested in them.
    """
    result = Decoded()
    for number, tags in enumerate(columns):
        _decode_column(tags, number, result)
    return result


def _decode_column(tags: list[str], column: int, result: Decoded) -> None:
    open_start: int | None = None
    open_label = ""
    previous = ("O", "")

    def close(at: int, properly: bool) -> None:
        nonlocal open_start
        if open_start is not None:
            result.spans.append(TokenSpan(open_start, at, open_label, column))
            if not properly:
                result.irregular.append(Irregular(at - 1, "unclosed", tags[at - 1]))
        open_start = None

    for index, tag in enumerate(tags):
        prefix, label = parse_tag(tag)
        result.prefixes.add(prefix)
        continues = open_start is not None and open_label == label
        if prefix == "O":
            close(index, False)
        elif prefix == "B":
            if previous[1] != label:
                result.b_after_other = True
            close(index, False)
            open_start, open_label = index, label
        elif prefix == "I":
            if not continues:
                close(index, False)
                result.irregular.append(Irregular(index, "i-start", tag))
                open_start, open_label = index, label
        elif prefix in "EL":
            if continues:
                close(index + 1, True)
            else:
                close(index, False)
                result.irregular.append(Irregular(index, "orphan-end", tag))
                result.spans.append(TokenSpan(index, index + 1, label, column))
        else:  # S, U
            close(index, False)
            result.spans.append(TokenSpan(index, index + 1, label, column))
        previous = (prefix, label)
    close(len(tags), False)


def scheme_of(prefixes: set[str], b_after_other: bool) -> str:
    """The scheme a file's tags show: BIOES/BILOU if they mark ends, else IOB2 or IOB1."""
    if prefixes & set("ES"):
        return "bioes"
    if prefixes & set("LU"):
        return "bilou"
    return "iob2" if b_after_other else "iob1"


def allowed_prefixes(scheme: str) -> str:
    return {"iob1": "BI", "iob2": "BI", "bioes": "BIES", "bilou": "BILU"}[scheme]


def encode(length: int, spans: list[tuple[int, int, str]], scheme: str = "iob2") -> list[str]:
    """One column of tags for ``length`` tokens; the spans must not overlap."""
    tags = ["O"] * length
    for start, end, label in spans:
        if scheme != "iob2" and end - start == 1:
            tags[start] = f"{_SINGLE[scheme]}-{label}"
            continue
        tags[start] = f"B-{label}"
        for index in range(start + 1, end):
            tags[index] = f"I-{label}"
        if scheme != "iob2":
            tags[end - 1] = f"{_END[scheme]}-{label}"
    return tags


def stack(spans: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Spans in columns with no overlap inside a column, each in the lowest column free for it.

    Taken in text order, longest first, a span nested in another lands to its right: the
    first column is the outermost layer.
    """
    columns: list[list[tuple[int, int, str]]] = []
    ends: list[int] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        column = next((c for c, end in enumerate(ends) if end <= span[0]), len(ends))
        if column == len(ends):
            columns.append([])
            ends.append(0)
        columns[column].append(span)
        ends[column] = span[1]
    return columns


def tag_labels(labels: list[str], scheme: str = "iob2") -> list[str]:
    """Every tag of a label set, O first: the class list of a token-classification dataset."""
    prefixes = {"iob2": "BI", "bioes": "BIES", "bilou": "BILU"}[scheme]
    return ["O"] + [f"{prefix}-{label}" for label in labels for prefix in prefixes]
