"""annotator search: find a word or a phrase in every article, with Arabic normalisation."""

from __future__ import annotations

import argparse
import json
import sys

from annotator.commands import doing, summary
from annotator.commands.base import RAW, plural
from annotator.ops import opening
from annotator.ops.searching import CorpusSearch, SearchResults


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "search",
        help=summary("search"),
        formatter_class=RAW,
        description=(
            "Find the articles where a word or a phrase occurs, and where in each. Alef and\n"
            "hamza forms, ta marbuta and ha, alef maqsura and ya, diacritics and tatweel are\n"
            "ignored; a word is also found after a proclitic (و ف ب ل ك): «الجيش» finds\n"
            "«والجيش». Whole words only. Offsets are code points of the stored text.\n"
            "The first search builds the project's search index (in PROJECT/cache/); later\n"
            "ones index only the articles imported since."
        ),
        epilog=(
            "examples:\n"
            "  annotator search deir-ez-zor الجيش\n"
            '  annotator search deir-ez-zor "دير الزور" --limit 50\n'
            "  annotator search deir-ez-zor أميركا --json"
        ),
    )
    parser.add_argument("project")
    parser.add_argument("query", help="a word or phrase (quote a phrase)")
    parser.add_argument(
        "--limit", type=int, default=20, help="at most this many articles (default 20)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def _indexing(done: int, total: int | None) -> None:
    if done == 0:
        print(f"building the search index: {plural(total or 0, 'article')}…", file=sys.stderr)


def _matches(n: int) -> str:
    return f"{n} match{'es' * (n != 1)}"


BOLD, PLAIN = "\x1b[1m", "\x1b[0m"
MARKS = ("⟦", "⟧")  # off a terminal: marks an article's own «» cannot be mistaken for


def headline(results: SearchResults) -> str:
    """How many articles match, said plainly."""
    query, shown = f"«{results.query}»", len(results.hits)
    if not results.hits:
        return f"no article has {query}"
    everything = results.after is None or (results.exact and shown >= results.documents)
    if everything:  # every article that could match was looked at
        return f"{plural(shown, 'article')} match{'es' * (shown == 1)} {query}"
    if results.exact:
        return f"{results.documents:,} articles match {query}; {shown} shown"
    return (
        f"the first {shown} articles that match {query} are shown; of the "
        f"{results.documents:,} articles with every word of it, more may match"
    )


def format_results(results: SearchResults, bold: bool = False) -> str:
    """The matches, each in its context, the match itself in bold on a terminal and
    between ⟦ ⟧ elsewhere."""
    left, right = (BOLD, PLAIN) if bold else MARKS
    lines = [headline(results)]
    for hit in results.hits:
        lines.append(f"#{hit.id} {hit.name}: {_matches(len(hit.matches))}")
        lines += [
            f"  {m.start}-{m.end}  {m.before}{left}{m.text}{right}{m.after}" for m in hit.matches
        ]
    if results.after is not None:
        lines.append(f"… more: raise --limit (now {len(results.hits)})")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    if args.limit < 1:
        print("error: --limit must be at least 1", file=sys.stderr)
        return 2
    with (
        opening.open_to_read(args.project, doing("search")) as project,
        CorpusSearch(project) as searching,
    ):
        if searching.outdated():
            searching.update(_indexing)
        results = searching.search(args.query, args.limit)
    if args.json:
        print(json.dumps(results.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_results(results, bold=sys.stdout.isatty()))
    return 0
