"""annotator sync: send what was done in a hub's copy, receive what others did."""

from __future__ import annotations

import argparse

from annotator.commands import summary
from annotator.commands.base import RAW
from annotator.commands.hub import PASSWORDS


def register(sub: argparse._SubParsersAction) -> None:
    sync = sub.add_parser(
        "sync",
        help=summary("sync"),
        formatter_class=RAW,
        description=(
            "Send what was done in a hub's copy (your layer; a lead's gold, documents and\n"
            "schema), then receive what others did. Safe to interrupt: the next sync finishes\n"
            "the job and nothing is sent twice. A layer changed both here and on the hub is\n"
            "kept here and sent next; the hub keeps every earlier version of a layer.\n\n"
            + PASSWORDS
        ),
        epilog="example:\n  annotator sync deir-ez-zor",
    )
    sync.add_argument("project", metavar="FOLDER")
    sync.add_argument("--password", help="for this connection only; never stored")
    sync.set_defaults(run=run_sync)


def run_sync(args: argparse.Namespace) -> int:
    from annotator.ops import syncing
    from annotator.ops.opening import open_to_read

    # no backup first: nothing a sync writes here is lost (the hub keeps every version)
    project = open_to_read(args.project, "sync it")
    try:
        report = syncing.sync(project, args.password)
    finally:
        project.close()
    for line in report.lines():
        print(line)
    return 0
