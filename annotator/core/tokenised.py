"""A document cut into sentences of tokens, with its spans laid on the tokens.

A span fits when no token is cut by either of its ends and all its tokens are in one
sentence; in formats with one tag per token it must also not overlap a span already laid.
A span that does not fit is never moved: it is returned as a :class:`Misfit` with the
reason, and the writer either refuses the export or leaves it out and says so.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from annotator.core.model import AnnotatedDocument, Document, Span
from annotator.core.tokens import Token, sentences, tokenize, whitespace_tokens

TOKENISED = "tokenised"  # document meta: the text is tokens joined by spaces, a sentence a line
TOKEN_MODES = ("auto", "words", "whitespace")


@dataclass(frozen=True)
class Tokenisation:
    """How token formats cut a text: words or white space, proclitics, sentences."""

    tokens: str = "auto"  # auto: white space for documents read from token files, else words
    split_clitics: bool = False
    sentences: bool = False  # also end sentences at . ! ? ؟ (line breaks always end one)

    def mode(self, document: Document) -> str:
        if self.tokens != "auto":
            return self.tokens
        return "whitespace" if document.meta.get(TOKENISED) is True else "words"

    def cut(self, document: Document) -> list[list[Token]]:
        text = document.text
        if self.mode(document) == "whitespace":
            tokens = whitespace_tokens(text)
        else:
            tokens = tokenize(text, split_clitics=self.split_clitics)
        return sentences(text, tokens, punctuation=self.sentences)

    def describe(self) -> str:
        words = "white-space-separated pieces" if self.tokens == "whitespace" else "words"
        if self.tokens == "auto":
            words = "white-space-separated pieces for texts read from token files, else words"
        clitics = "; proclitics cut before the article" if self.split_clitics else ""
        ends = "line breaks and . ! ? ؟" if self.sentences else "line breaks"
        return f"tokens: {words}{clitics}; sentences end at {ends}"


@dataclass(frozen=True)
class Misfit:
    """A span that a token format cannot hold as it is."""

    document: Document
    span: Span
    reason: str

    @property
    def message(self) -> str:
        text = self.span.text if len(self.span.text) <= 40 else self.span.text[:39] + "…"
        return (
            f"document {self.document.id} ({self.document.name}): span {self.span.id} "
            f"{self.span.label} «{text}» {self.reason}"
        )


@dataclass
class Sentence:
    tokens: list[Token]
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # token indexes, end excl.


@dataclass
class TokenisedDocument:
    document: Document
    sentences: list[Sentence]
    misfits: list[Misfit]


def _quote(token: Token) -> str:
    return f"«{token.text}»"


def lay_spans(item: AnnotatedDocument, how: Tokenisation, *, flat: bool) -> TokenisedDocument:
    """Cut a document into sentences and lay each span on its tokens (see module doc)."""
    document = item.document
    cut = how.cut(document)
    tokens = [token for sentence in cut for token in sentence]
    sentence_of = [number for number, sentence in enumerate(cut) for _ in sentence]
    first_of = []  # the index of each sentence's first token
    total = 0
    for sentence in cut:
        first_of.append(total)
        total += len(sentence)
    starts = [token.start for token in tokens]
    ends = [token.end for token in tokens]
    result = TokenisedDocument(document, [Sentence(s) for s in cut], [])
    laid_until = 0  # flat formats: the token after the last span laid
    laid: Span | None = None
    for span in sorted(item.spans, key=lambda s: (s.start, -s.end, s.id)):
        first = bisect_right(ends, span.start)
        last = bisect_left(starts, span.end) - 1
        reason = None
        if first > last:
            reason = "covers no token (only spaces or marks)"
        elif tokens[first].start < span.start:
            reason = f"starts inside the token {_quote(tokens[first])}"
        elif tokens[last].end > span.end:
            reason = f"ends inside the token {_quote(tokens[last])}"
        elif sentence_of[first] != sentence_of[last]:
            reason = (
                f"crosses a sentence break (between {_quote(tokens[first])} "
                f"and {_quote(tokens[last])})"
            )
        elif flat and laid is not None and first < laid_until:
            reason = (
                f"overlaps span {laid.id} {laid.label} «{laid.text}» "
                "(this format has one tag per token)"
            )
        if reason:
            result.misfits.append(Misfit(document, span, reason))
            continue
        number = sentence_of[first]
        offset = first_of[number]
        result.sentences[number].spans.append((first - offset, last + 1 - offset, span.label))
        if last + 1 > laid_until:
            laid_until, laid = last + 1, span
    return result
