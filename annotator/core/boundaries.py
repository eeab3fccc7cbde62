"""Moving one edge of a span by a letter or by a proclitic: what the boundary keys do.

Each function takes a span's ``(start, end)`` in code points and gives the span after the
move, or the same ``(start, end)`` when the move is impossible (it would leave no letter,
or there is nothing more to take in). A *letter* is a grapheme cluster
(:mod:`annotator.core.graphemes`): a letter and its harakat move together, an emoji
sequence or a flag is never cut. White space is stepped over, so a span never starts or
ends with it: trimming the last letter of «دير» from «دير الزور» leaves «الزور», and
extending «الزور» by one letter gives «ر الزور».
"""

from __future__ import annotations

from annotator.core.graphemes import boundary_at_or_before, next_boundary, previous_boundary
from annotator.core.tokens import proclitic_prefixes, word_at

Span = tuple[int, int]


def _space(char: str) -> bool:
    return char.isspace()


def trim_start(text: str, start: int, end: int) -> Span:
    """The span without its first letter."""
    new = next_boundary(text, boundary_at_or_before(text, start))
    while new < end and _space(text[new]):
        new += 1
    return (new, end) if new < end else (start, end)


def extend_start(text: str, start: int, end: int) -> Span:
    """The span with the letter before it (across white space) taken in."""
    new = start
    while new > 0 and _space(text[new - 1]):
        new -= 1
    return (previous_boundary(text, new), end) if new > 0 else (start, end)


def trim_end(text: str, start: int, end: int) -> Span:
    """The span without its last letter."""
    new = previous_boundary(text, end)
    while new > start and _space(text[new - 1]):
        new -= 1
    return (start, new) if new > start else (start, end)


def extend_end(text: str, start: int, end: int) -> Span:
    """The span with the letter after it (across white space) taken in."""
    new = end
    while new < len(text) and _space(text[new]):
        new += 1
    return (start, next_boundary(text, new)) if new < len(text) else (start, end)


def _cuts(text: str, start: int) -> tuple[int, list[int]] | None:
    """The word ``start`` falls in, as its start, and the places a proclitic may end in it."""
    word = word_at(text, start)
    if word is None or word[1] <= start:
        return None
    return word[0], [word[0], *(word[0] + cut for cut in proclitic_prefixes(text[slice(*word)]))]


def trim_proclitic(text: str, start: int, end: int) -> Span:
    """The span with its start moved past one proclitic: «وبحلب» → «بحلب» → «حلب»."""
    found = _cuts(text, start)
    if found is None or start not in found[1]:
        return start, end
    later = [cut for cut in found[1] if start < cut < end]
    return (later[0], end) if later else (start, end)


def extend_proclitic(text: str, start: int, end: int) -> Span:
    """The span with its start moved back over one proclitic: «حلب» → «بحلب» → «وبحلب»."""
    found = _cuts(text, start)
    if found is None or start not in found[1]:
        return start, end
    earlier = [cut for cut in found[1] if cut < start]
    return (earlier[-1], end) if earlier else (start, end)
