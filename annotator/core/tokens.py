"""Words and tokens of Arabic (and mixed) text, with offsets into the stored text.

Rules (also in docs/tokenisation.md):

- A *word* is a run of letters and combining marks (harakat, shadda), tatweel, and the
  zero-width (non-)joiners between them; Latin letters, and digits (Western and Arabic-Indic)
  glued to letters, belong to the word too.
- A *number* is a run of digits, with one ``.`` ``,`` ``٫`` or ``٬`` allowed between digits.
- Every other visible character (punctuation such as « » ، ؛ ؟ . , - –, symbols, each emoji
  with its modifiers and joiners) is a token of its own.
- White space and bidi control marks (LRM, RLM, ALM, embeddings, isolates) separate tokens and
  belong to none.
- Proclitics: a word may begin with و or ف, then one of ب ل ك (e.g. «والجيش», «بدير», «وبحلب»).
  :func:`proclitic_prefixes` lists where such a word may be cut; only the text decides which cut
  is meant, so the window keeps a boundary the annotator chose after one, and
  ``split_clitics`` cuts only before the article ال (or the لل of ل + ال), where it is certain.
- Sentences (for token formats): a line break always ends one; . ! ? ؟ ۔ end one except after
  an initial or abbreviation (one letter glued to its dot: د. م. هـ. U.N.), inside a token
  run glued together (t.co), after a list number opening a line (1.), and in an ellipsis.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from annotator.core.text import BIDI_CONTROLS

_WHITESPACE_TOKEN = re.compile(r"\S+")

_JOINERS = "\u200c\u200d"
_NUMBER_INNER = ".,٫٬"
_CONJUNCTIONS = "وف"
_PREPOSITIONS = "بلك"
_TATWEEL = "\u0640"
_SENTENCE_ENDS = frozenset(".!?؟۔‼⁉")
_CLOSERS = frozenset("»”’\"')]}›")
_LINE_BREAKS = frozenset("\n\u2028\u2029\x0b\x0c\x85")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


def _is_word_char(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] in "LMN" or char in _JOINERS


def _is_separator(char: str) -> bool:
    return char.isspace() or char in BIDI_CONTROLS or char == "\ufeff"


def _is_digit(char: str) -> bool:
    return unicodedata.category(char) == "Nd"


def _symbol_end(text: str, i: int) -> int:
    """End of one symbol token: a character with its combining marks, variation selectors,
    skin-tone modifiers and zero-width-joined followers (an emoji sequence stays one token)."""
    n = len(text)
    i += 1
    while i < n:
        char = text[i]
        if unicodedata.category(char) in ("Mn", "Me") or "\ufe00" <= char <= "\ufe0f":
            i += 1
        elif "\U0001f3fb" <= char <= "\U0001f3ff" or "\U000e0020" <= char <= "\U000e007f":
            i += 1
        elif char == "\u200d" and i + 1 < n:
            i += 2
        elif "\U0001f1e6" <= char <= "\U0001f1ff" and "\U0001f1e6" <= text[i - 1] <= "\U0001f1ff":
            i += 1  # the second half of a flag
        else:
            break
    return i


def _word_end(text: str, i: int) -> int:
    """End of a run of word characters; a . , ٫ ٬ between two digits stays inside (2,359)."""
    n = len(text)
    while i < n:
        char = text[i]
        if _is_word_char(char):
            i += 1
        elif (
            char in _NUMBER_INNER
            and i + 1 < n
            and _is_digit(text[i - 1])
            and _is_digit(text[i + 1])
        ):
            i += 1
        else:
            break
    return i


def tokenize(text: str, *, split_clitics: bool = False) -> list[Token]:
    """The tokens of a text in order; see the module documentation for the rules."""
    tokens = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if _is_separator(char):
            i += 1
            continue
        end = _word_end(text, i) if _is_word_char(char) else _symbol_end(text, i)
        if split_clitics:
            for cut in _article_cuts(text[i:end]):
                tokens.append(Token(i, i + cut, text[i : i + cut]))
                i += cut
        tokens.append(Token(i, end, text[i:end]))
        i = end
    return tokens


def proclitic_prefixes(word: str) -> list[int]:
    """Lengths of the proclitic prefixes a word may have (و ف, then ب ل ك), shortest first.

    Only prefixes that leave at least two letters are offered.
    """
    cuts = []
    i = 0
    if i < len(word) and word[i] in _CONJUNCTIONS:
        i += 1
        cuts.append(i)
    if i < len(word) and word[i] in _PREPOSITIONS:
        i += 1
        cuts.append(i)
    return [cut for cut in cuts if len(word) - cut >= 2]


def _article_cuts(word: str) -> list[int]:
    """Proclitic cuts that are certain: those followed by the article ال or by لل (ل + ال)."""
    cuts = []
    done = 0
    for cut in proclitic_prefixes(word):
        rest = word[cut:]
        if rest.startswith("ال") or (word[cut - 1] == "ل" and rest.startswith("ل")):
            cuts.append(cut - done)
            done = cut
        elif cut == 1 and word[0] in _CONJUNCTIONS and _article_cuts(word[1:]):
            cuts.append(1)
            done = 1
    return cuts


def word_at(text: str, position: int) -> tuple[int, int] | None:
    """The token that contains ``position`` (or ends just before it), or None in white space."""
    if not text:
        return None
    for token in _tokens_near(text, position):
        if token.start <= position < token.end:
            return token.start, token.end
    for token in _tokens_near(text, position):
        if token.end == position:
            return token.start, token.end
    return None


def _tokens_near(text: str, position: int) -> list[Token]:
    """Tokenise only the stretch of text around a position (for long documents)."""
    left = position
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = position
    while right < len(text) and not text[right].isspace():
        right += 1
    return [Token(t.start + left, t.end + left, t.text) for t in tokenize(text[left:right])]


def snap(text: str, start: int, end: int, *, keep_proclitics: bool = True) -> tuple[int, int]:
    """Extend a selection to whole tokens and trim white space.

    A start the annotator placed just after a proclitic (``ب|دير``) is kept when
    ``keep_proclitics`` is true: the schema says proclitics stay outside spans.
    """
    if start > end:
        start, end = end, start
    while start < end and _is_separator(text[start]):
        start += 1
    while end > start and _is_separator(text[end - 1]):
        end -= 1
    if start >= end:
        return start, start
    first = word_at(text, start)
    if first is not None and first[0] < start:
        word_start = first[0]
        offset = start - word_start
        if not (keep_proclitics and offset in proclitic_prefixes(text[word_start : first[1]])):
            start = word_start
    last = word_at(text, end - 1)
    if last is not None and last[1] > end:
        end = last[1]
    return start, end


def whitespace_tokens(text: str) -> list[Token]:
    """The white-space-separated pieces of a text: the tokens of a text built from a token file.

    Bidi marks stay inside the piece they touch, so a token file's tokens come back unchanged.
    """
    return [Token(m.start(), m.end(), m.group()) for m in _WHITESPACE_TOKEN.finditer(text)]


def sentences(text: str, tokens: list[Token], *, punctuation: bool = True) -> list[list[Token]]:
    """Group tokens (in text order) into sentences; without ``punctuation``, into lines."""
    result: list[list[Token]] = []
    current: list[Token] = []
    ending = False  # a sentence-ending mark was seen; closing quotes may still follow
    for index, token in enumerate(tokens):
        if current:
            gap = text[current[-1].end : token.start]
            glued = not gap and (token.text in _CLOSERS or token.text in _SENTENCE_ENDS)
            if any(char in _LINE_BREAKS for char in gap) or (ending and not glued):
                result.append(current)
                current = []
                ending = False
        current.append(token)
        if punctuation and token.text in _SENTENCE_ENDS:
            ending = _ends_sentence(text, tokens, index, current)
    if current:
        result.append(current)
    return result


def _ends_sentence(text: str, tokens: list[Token], index: int, sentence: list[Token]) -> bool:
    """Whether the mark ``tokens[index]`` ends its sentence (see the module documentation)."""
    mark = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is not None and following.start == mark.end:
        if following.text in _SENTENCE_ENDS or following.text in _CLOSERS:
            return mark.text != "." or following.text != "."  # an ellipsis ends nothing
        return False  # glued to what follows: t.co, 3.x, U.N.
    if mark.text != ".":
        return True
    if index > 0 and tokens[index - 1].text == "." and tokens[index - 1].end == mark.start:
        return False  # the last dot of an ellipsis
    before = tokens[index - 1] if index > 0 else None
    if before is None or before.end != mark.start:
        return True
    letters = [c for c in before.text if unicodedata.category(c)[0] == "L" and c != _TATWEEL]
    if len(letters) == 1 and before.text[0].isalpha():
        return False  # an initial or a one-letter abbreviation: د. م. هـ. U.N.
    return not (len(sentence) == 2 and before.text.isdigit())  # a numbered line: 1. ٢.
