"""annotator clone: a local project made from a team's hub, linked to it."""

from __future__ import annotations

import argparse

from annotator.commands import summary
from annotator.commands.base import RAW
from annotator.commands.hub import PASSWORDS


def register(sub: argparse._SubParsersAction) -> None:
    clone = sub.add_parser(
        "clone",
        help=summary("clone"),
        formatter_class=RAW,
        description=(
            "Make a local project from a hub, as the URL's login: every document, the schema,\n"
            "your assignments and the layers you may read. Work in it as in any project,\n"
            "offline if need be, and run 'annotator sync FOLDER' to send and receive.\n\n"
            + PASSWORDS
        ),
        epilog="example:\n  annotator clone postgresql://amal@db.lab/deirezzor deir-ez-zor",
    )
    clone.add_argument("url")
    clone.add_argument("folder")
    clone.add_argument("--password", help="for this connection only; never stored")
    clone.set_defaults(run=run_clone)


def run_clone(args: argparse.Namespace) -> int:
    from annotator.ops import hub_setup

    report = hub_setup.clone(args.url, args.folder, args.password)
    print(f"cloned {report.hub} into {args.folder} as {report.login}")
    for line in report.lines()[1:]:
        print(line)
    return 0
