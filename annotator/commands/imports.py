"""annotator import: add articles, annotated or not."""

from __future__ import annotations

import argparse

from annotator.commands.base import RAW, plural
from annotator.formats import registry
from annotator.ops import importing
from annotator.store.project import Project


def register(sub: argparse._SubParsersAction) -> None:
    formats = "\n".join(
        f"  {name:<6} {registry.FORMATS[name].description}" for name in registry.readable()
    )
    parser = sub.add_parser(
        "import",
        help="add articles (annotated or not)",
        formatter_class=RAW,
        description=(
            "Add articles to a project. A record whose text is already in the project adds its\n"
            "spans to that document instead of creating another one. An import is\n"
            "all-or-nothing: on any error nothing is written."
        ),
        epilog=(
            f"formats:\n{formats}\n\n"
            "examples:\n"
            "  annotator import deir-ez-zor articles/*.txt\n"
            "  annotator import deir-ez-zor coded.jsonl --annotator samira\n"
            "  annotator import deir-ez-zor old-archive.csv --encoding cp1256"
        ),
    )
    parser.add_argument("project")
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--format", choices=registry.readable(), help="default: by extension")
    parser.add_argument(
        "--annotator",
        help="layer for spans that do not name their annotator (default: your user name)",
    )
    parser.add_argument(
        "--encoding", default="utf-8", help="text encoding of the files (default utf-8)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        report = importing.import_files(
            project, args.files, args.format, args.annotator, args.encoding
        )
    print(f"Imported {plural(report.files, 'file')}: {report.summary()}.")
    return 0
