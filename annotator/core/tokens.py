"""Words and tokens of Arabic (and mixed) text, with offsets into the stored text.

Rules (also in docs/tokenisation.md):

- A *word* is a run of letters and combining marks (harakat, shadda), tatweel, and the
  zero-width (non-)joiners between them; Latin letters, and digits (Western and Arabic-Indic)
  glued to letters, belong to the word too.
- A *number* is a run of digits, with one ``.`` ``,`` ``٫`` or ``٬`` allowed between digits.
- Every other visible character (punctuation such as « » ، ؛ ؟ . , - –, symbols, each emoji
  with its modifiers and joiners) is a token of its own.
- White space and bidi control marks (LRM, RLM, ALM, embeddings, isolates) separate tokens and
  belong to none; so does a zero-width (non-)joiner at a word's edge.
- Proclitics: a word may begin with و or ف, then one of ب ل ك (e.g. «والجيش», «بدير», «وبحلب»).
  :func:`proclitic_prefixes` lists where such a word may be cut; only the text decides which cut
  is meant. ``split_clitics`` cuts only before the article ال (or the لل of ل + ال), where it
  is certain; selecting with the mouse (:func:`snap`, :func:`double_click_word`) also leaves
  out a proclitic whose word stands alone elsewhere in the text (:func:`proclitic_length`),
  and keeps a start the annotator placed after one.
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
_MARKS = (  # harakat, Quranic marks and tatweel, any number of them: a pattern
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0640]*"
)
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
    """End of a run of word characters; a . , ٫ ٬ between two digits stays inside (2,359),
    and a zero-width (non-)joiner only between two word characters: at the word's edge it
    lies between tokens."""
    n = len(text)
    while i < n:
        char = text[i]
        if char in _JOINERS:
            after = i
            while after < n and text[after] in _JOINERS:
                after += 1
            if after == n or not _is_word_char(text[after]):
                break
            i = after
        elif _is_word_char(char):
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
        if _is_separator(char) or char in _JOINERS:  # a joiner at a word's edge: between
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


def _proclitics(word: str) -> list[tuple[int, str]]:
    """Where a word may be cut after a proclitic (و ف, then ب ل ك), with the proclitic's
    letter; a cut falls after the marks on the letter (``وَ|الجيش``), never between them."""
    cuts = []
    i = 0
    for letters in (_CONJUNCTIONS, _PREPOSITIONS):
        if i < len(word) and word[i] in letters:
            letter = word[i]
            i += 1
            while i < len(word) and unicodedata.category(word[i]) == "Mn":
                i += 1
            cuts.append((i, letter))
    return [(cut, letter) for cut, letter in cuts if _letter_count(word[cut:]) >= 2]


def _letter_count(text: str) -> int:
    return sum(1 for char in text if unicodedata.category(char)[0] == "L" and char != _TATWEEL)


def proclitic_prefixes(word: str) -> list[int]:
    """Lengths of the proclitic prefixes a word may have (و ف, then ب ل ك), shortest first.

    Only prefixes that leave at least two letters are offered.
    """
    return [cut for cut, _ in _proclitics(word)]


def _article_cuts(word: str) -> list[int]:
    """Proclitic cuts that are certain, as the lengths of the pieces cut off: those before
    the article ال or the لل of ل + ال, and every proclitic before such a one."""
    prefixes = _proclitics(word)
    for cut, letter in reversed(prefixes):
        rest = word[cut:]
        if rest.startswith("ال") or (letter == "ل" and rest.startswith("ل")):
            ends = [end for end, _ in prefixes if end <= cut]
            return [end - start for start, end in zip([0, *ends], ends, strict=False)]
    return []


def proclitic_length(text: str, start: int, end: int) -> int:
    """How much of the word ``text[start:end]`` is a proclitic that a span leaves out.

    Only the text can tell «بريف» (ب + ريف) from «بلدة», so a proclitic is cut where it is
    certain — before the article («و|الجيش», «ل|لجيش») — or where the rest of the word, at
    least three letters long, stands on its own elsewhere in the same text («ريف» beside
    «بريف», «مسلحين» beside «ومسلحين»). Otherwise nothing is cut (0).
    """
    word = text[start:end]
    article = _article_cuts(word)
    if article:
        return sum(article)
    for cut in reversed(proclitic_prefixes(word)):
        rest = word[cut:]
        if _letter_count(rest) >= 3 and _stands_alone(text, rest):
            return cut
    return 0


def _stands_alone(text: str, word: str) -> bool:
    """Whether ``word`` occurs in the text as a whole word (harakat and tatweel aside)."""
    bare = [char for char in word if unicodedata.category(char) != "Mn" and char != _TATWEEL]
    pattern = _MARKS.join(map(re.escape, bare)) + _MARKS
    n = len(text)
    for match in re.finditer(pattern, text):
        start, end = match.span()
        if (start == 0 or not _is_word_char(text[start - 1])) and (
            end == n or not _is_word_char(text[end])
        ):
            return True
    return False


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

    With ``keep_proclitics`` (the schema's ``clitics: exclude``) a proclitic stays outside:
    a start the annotator placed just after one (``ب|دير``) is kept, and a start anywhere
    else in the first word moves to the word's start past the proclitic
    :func:`proclitic_length` finds — the word a double-click selects
    (:func:`double_click_word`).
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
    if first is not None:
        word_start, word_end = first
        offset = start - word_start
        if not keep_proclitics:
            start = word_start
        elif offset not in proclitic_prefixes(text[word_start:word_end]):
            start = word_start + proclitic_length(text, word_start, word_end)
    last = word_at(text, end - 1)
    if last is not None and last[1] > end:
        end = last[1]
    return start, end


def double_click_word(
    text: str, position: int, *, keep_proclitics: bool = True
) -> tuple[int, int] | None:
    """The word a double-click at ``position`` selects, or None in white space.

    It is the token there, less the proclitic :func:`proclitic_length` finds when the schema
    leaves proclitics outside spans (``keep_proclitics``): exactly what dragging over the
    whole word gives, so the two never disagree.
    """
    token = word_at(text, position)
    if token is None:
        return None
    start, end = token
    if keep_proclitics:
        start += proclitic_length(text, start, end)
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
