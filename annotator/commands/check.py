"""annotator check: verify a project."""

from __future__ import annotations

import argparse
import sys

from annotator.commands.base import RAW, plural
from annotator.ops import checking
from annotator.store.project import Project


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "check",
        help="verify a project",
        formatter_class=RAW,
        description=(
            "Check the database's integrity, that every span lies inside its text and matches\n"
            "its stored surface text, and that no relation dangles. Exits non-zero on a problem."
        ),
        epilog="example:\n  annotator check deir-ez-zor",
    )
    parser.add_argument("project")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        found = checking.problems(project)
        documents = project.documents.count()
        spans = project.spans.count()
    if found:
        print(f"{args.project}: {plural(len(found), 'problem')}:", file=sys.stderr)
        for problem in found:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"{args.project}: OK ({documents} documents, {spans} spans).")
    return 0
