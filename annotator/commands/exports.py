"""annotator export: write documents and annotations."""

from __future__ import annotations

import argparse
import sys

from annotator.commands.base import RAW
from annotator.formats import registry
from annotator.ops import exporting
from annotator.store.project import Project


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "export",
        help="write documents and annotations",
        formatter_class=RAW,
        description=(
            "Write the project's documents with their annotations. Offsets are code points into\n"
            "'text', end exclusive; every annotation repeats its text and every document\n"
            "carries the SHA-256 of its text."
        ),
        epilog=(
            "examples:\n"
            "  annotator export deir-ez-zor --format json --out deir-ez-zor.json\n"
            "  annotator export deir-ez-zor --format jsonl --out samira.jsonl --annotator samira"
        ),
    )
    parser.add_argument("project")
    parser.add_argument("--format", required=True, choices=registry.writable())
    parser.add_argument("--out", required=True, help="file to write")
    parser.add_argument("--annotator", help="only this annotator's layer (default: all layers)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        if args.annotator and args.annotator not in project.annotators():
            known = ", ".join(project.annotators()) or "none yet"
            print(
                f"note: no annotations by {args.annotator} (annotators: {known})", file=sys.stderr
            )
        report = exporting.export(project, args.format, args.out, args.annotator)
    print(
        f"Wrote {report.documents} documents, {report.spans} spans, "
        f"{report.relations} relations to {args.out}."
    )
    return 0
