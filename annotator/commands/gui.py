"""annotator gui: open the window (the default command)."""

from __future__ import annotations

import argparse

from annotator.commands import summary
from annotator.commands.base import RAW


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "gui",
        help=summary("gui"),
        formatter_class=RAW,
        description="Open the annotation window; with no project, the sample project.",
        epilog="examples:\n  annotator gui\n  annotator gui deir-ez-zor --annotator samira\n"
        "  annotator gui --language ar",
    )
    parser.add_argument("project", nargs="?")
    parser.add_argument("--annotator", help="annotate as NAME (otherwise asked once, then kept)")
    parser.add_argument(
        "--language",
        choices=["ar", "en"],
        help="the window's language (kept for next time; otherwise the system's)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from annotator.ui.app import run as run_window

    return run_window(args.project, args.annotator, args.language)
