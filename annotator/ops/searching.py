"""Searching the whole corpus for a word or a phrase, with Arabic normalisation.

What matches: the query and the text are compared in their normalised form
(:mod:`annotator.core.arabic`: alef and hamza forms, ta marbuta, alef maqsura, diacritics,
tatweel and invisible marks), word for word — each word of the query matches a whole word
of the text, the first one also after a proclitic (و ف, then ب ل ك, as
:func:`annotator.core.tokens.proclitic_prefixes` lists them): «أميركا» finds «اميركا»,
«قرية» finds «قريه», «الجيش» finds «والجيش» and «دير الزور» finds «بدير الزور», but «حلب»
does not find «حلبي». Words are runs of letters and digits; a query without any finds
nothing. Offsets are those of the stored text (code points), whatever the normalisation
folded or dropped.

How: the index (:mod:`annotator.store.search`) holds, for each document, its normalised
words and each word without the proclitics it may carry. It gives the documents holding
every word of the query, in list order; each document shown is then confirmed and its
matches located on its own text with :func:`annotator.core.arabic.normalised`. For a
one-word query the index's count is the number of documents found; for a phrase it counts
the documents holding all its words, which is at least the number holding the phrase.

When the index is built: lazily. A search first indexes the documents the index lacks — all
of them the first time (about a millisecond each), then only those imported since. Imports
never wait for it. The window does that part in a worker thread (:meth:`CorpusSearch.update`
with progress) and searches once it is done; a cancelled build keeps what it finished.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.core.arabic import fold, normalise, normalised
from annotator.core.tokens import proclitic_prefixes
from annotator.ops.progress import Progress
from annotator.store.project import Project
from annotator.store.search import SearchIndex

CONTEXT = 40  # characters of text shown on each side of a match
_WORD = re.compile(r"[^\W_]+")
_ONE_LINE = str.maketrans("\n\u2028\u2029\t", "    ")  # context is shown on one line


class _Folds(dict):
    """``str.translate`` table doing what :func:`annotator.core.arabic.normalise` does, filled
    one character at a time as texts need them (translating is far faster than a loop)."""

    def __missing__(self, code: int) -> str:
        value = fold(chr(code))
        self[code] = value
        return value


_FOLDS = _Folds()


def normalise_fast(text: str) -> str:
    """The same as ``normalise(text)``, at the speed indexing 100,000 articles needs."""
    return text.translate(_FOLDS)


def index_terms(text: str) -> str:
    """What the index holds for a text: its distinct normalised words, and each word without
    the proclitics it may start with ("والجيش" → "والجيش الجيش")."""
    words = set(_WORD.findall(normalise_fast(text)))
    terms = set(words)
    for word in words:
        terms.update(word[cut:] for cut in proclitic_prefixes(word))
    return " ".join(terms)


@dataclass(frozen=True)
class Match:
    """One place a query matched: offsets into the stored text, and the text around it."""

    start: int
    end: int
    text: str
    before: str
    after: str


@dataclass(frozen=True)
class DocumentHit:
    id: int
    name: str
    matches: tuple[Match, ...]


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: list[DocumentHit]
    documents: int  # documents holding every word of the query (see ``exact``)
    exact: bool  # True when ``documents`` is the number of documents that match
    after: int | None  # the document id to continue after, None when there is no more

    def to_json(self) -> dict:
        return {
            "query": self.query,
            "documents": self.documents,
            "documents_exact": self.exact,
            "results": [
                {
                    "id": hit.id,
                    "name": hit.name,
                    "matches": [
                        {
                            "start": m.start,
                            "end": m.end,
                            "text": m.text,
                            "before": m.before,
                            "after": m.after,
                        }
                        for m in hit.matches
                    ],
                }
                for hit in self.hits
            ],
        }


class Query:
    """A query, normalised: its index terms and the pattern that finds it in a text."""

    def __init__(self, text: str) -> None:
        self.text = " ".join(text.split())
        folded = normalise(self.text).strip()
        self.terms = list(dict.fromkeys(_WORD.findall(folded)))
        pieces = re.split(r"(\s+)", folded)
        self.pattern = re.compile(
            "".join(r"\s+" if piece.isspace() else re.escape(piece) for piece in pieces if piece)
        )
        self.opens_with_word = bool(folded) and folded[0].isalnum()
        self.closes_with_word = bool(folded) and folded[-1].isalnum()
        self.one_word = len(self.terms) == 1 and self.terms[0] == folded

    def locate(self, text: str) -> list[tuple[int, int]]:
        """(start, end) in ``text`` of every match (see the module documentation).

        Matches are looked for in the quickly normalised text; only a text that has some
        builds the map back to its own offsets.
        """
        if not self.terms:
            return []
        folded = normalise_fast(text)
        found = []
        for match in self.pattern.finditer(folded):
            start, end = match.span()
            if self.opens_with_word and not _starts_word(folded, start):
                continue
            if self.closes_with_word and end < len(folded) and folded[end].isalnum():
                continue
            found.append((start, end))
        if not found:
            return []
        shadow = normalised(text)
        return [shadow.original_span(start, end) for start, end in found]


def _starts_word(folded: str, start: int) -> bool:
    """A match may start a word, or follow a proclitic at the start of one."""
    word_start = start
    while word_start > 0 and folded[word_start - 1].isalnum():
        word_start -= 1
    if word_start == start:
        return True
    word_end = start
    while word_end < len(folded) and folded[word_end].isalnum():
        word_end += 1
    return start - word_start in proclitic_prefixes(folded[word_start:word_end])


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    """Up to CONTEXT characters each side, cut at a space when cut, on one line."""
    before = text[max(0, start - CONTEXT) : start]
    if start > CONTEXT and " " in before:
        before = before[before.index(" ") + 1 :]
    after = text[end : end + CONTEXT]
    if end + CONTEXT < len(text) and " " in after:
        after = after[: after.rindex(" ")]
    return before.translate(_ONE_LINE), after.translate(_ONE_LINE)


def matches_in(text: str, query: Query) -> tuple[Match, ...]:
    found = []
    for start, end in query.locate(text):
        before, after = _context(text, start, end)
        found.append(Match(start, end, text[start:end], before, after))
    return tuple(found)


class CorpusSearch:
    """Searches one project; keeps the index's connection open between searches."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.index = SearchIndex(project)

    def close(self) -> None:
        self.index.close()

    def __enter__(self) -> CorpusSearch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def outdated(self) -> int:
        """How many documents must be indexed before a search (0 when none)."""
        return self.index.outdated()

    def update(self, progress: Progress | None = None) -> int:
        """Index what the index lacks; ``progress`` may raise ``Cancelled`` to stop."""
        return self.index.update(index_terms, progress)

    def search(self, query: str, limit: int = 20, after: int = 0) -> SearchResults:
        """Up to ``limit`` documents that match, in list order, after the document ``after``.

        Indexes what the index lacks first (see the module documentation).
        """
        parsed = Query(query)
        if not parsed.terms:
            return SearchResults(parsed.text, [], 0, True, None)
        if self.index.outdated():
            self.update()
        hits: list[DocumentHit] = []
        cursor = after
        exhausted = False
        while len(hits) < limit and not exhausted:
            wanted = limit - len(hits)
            ids = self.index.candidates(parsed.terms, cursor, wanted)
            exhausted = len(ids) < wanted
            for document_id in ids:
                cursor = document_id
                document = self.project.documents.get(document_id)
                found = matches_in(document.text, parsed) if document else ()
                if found:
                    hits.append(DocumentHit(document_id, document.name, found))
        count = self.index.count(parsed.terms)
        return SearchResults(
            parsed.text, hits, count, parsed.one_word, None if exhausted else cursor
        )


def search(project: Project, query: str, limit: int = 20, after: int = 0) -> SearchResults:
    """One search (the command line's); the window keeps a :class:`CorpusSearch` open."""
    with CorpusSearch(project) as searching:
        return searching.search(query, limit, after)
