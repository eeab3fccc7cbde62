"""annotator stats: count documents and spans."""

from __future__ import annotations

import argparse
import json

from annotator.commands import doing, summary
from annotator.commands.base import RAW
from annotator.ops import opening, stats


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "stats",
        help=summary("stats"),
        formatter_class=RAW,
        description="Documents, annotators, spans per label and per annotator, documents done.",
        epilog="examples:\n  annotator stats deir-ez-zor\n  annotator stats deir-ez-zor --json",
    )
    parser.add_argument("project")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with opening.open_to_read(args.project, doing("stats")) as project:
        data = stats.stats(project)
    print(json.dumps(data, ensure_ascii=False, indent=2) if args.json else stats.format_stats(data))
    return 0
