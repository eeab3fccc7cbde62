"""annotator merge: bring a colleague's project or export into this one."""

from __future__ import annotations

import argparse
import sys

from annotator.commands import doing, summary
from annotator.commands.base import RAW, tell_when_waiting
from annotator.ops import merging, opening


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "merge",
        help=summary("merge"),
        formatter_class=RAW,
        description=(
            "Bring a colleague's work into this project: their layers join ours, spans, links\n"
            "and events (type, trigger, arguments in order, attributes). SOURCE is a project\n"
            "folder (or its project.sqlite) or one of our .json / .jsonl exports. Documents\n"
            "match by the SHA-256 of their text, labels by id. Merging the same colleague again\n"
            "updates their layer (spans and events added, changed, removed) instead of\n"
            "duplicating it. A layer edited here since the last merge, or made here under the\n"
            "same name, is not overwritten unless you say --overwrite NAME. The gold layer is\n"
            "never merged. What cannot be matched is reported. All or nothing: on any error or\n"
            "refusal nothing is written."
        ),
        epilog=(
            "examples:\n"
            "  annotator merge deir-ez-zor ../samira/deir-ez-zor\n"
            "  annotator merge deir-ez-zor omar.jsonl --add-documents\n"
            "  annotator merge deir-ez-zor ../samira/deir-ez-zor --overwrite samira"
        ),
    )
    parser.add_argument("project")
    parser.add_argument("source", metavar="SOURCE")
    parser.add_argument(
        "--add-documents",
        action="store_true",
        help="add the source's documents this project lacks (default: report them)",
    )
    parser.add_argument(
        "--overwrite",
        action="append",
        default=[],
        metavar="NAME",
        help="replace NAME's layer even where it was edited here (may be repeated)",
    )
    parser.add_argument(
        "--annotators", help="merge only these layers (comma-separated; default: all)"
    )
    parser.add_argument(
        "--strict", action="store_true", help="refuse if anything cannot be matched"
    )
    parser.add_argument("--annotator", help="layer for spans a file does not attribute to anyone")
    parser.add_argument("--encoding", default="utf-8", help="of an export file (default utf-8)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    chosen = [a.strip() for a in args.annotators.split(",")] if args.annotators else None
    with opening.open_to_change(args.project, doing("merge")) as project:
        tell_when_waiting(project)
        report = merging.merge(
            project,
            args.source,
            add_documents=args.add_documents,
            overwrite=args.overwrite,
            annotators=chosen,
            strict=args.strict,
            annotator=args.annotator,
            encoding=args.encoding,
        )
    print("\n".join(report.summary_lines(str(args.source))))
    for line in report.notes():
        print(f"note: {line}", file=sys.stderr)
    for line in report.problems():
        print(f"not merged: {line}", file=sys.stderr)
    return 0
