"""The command line: parses arguments and hands them to one module per command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from annotator import __version__
from annotator.commands import (
    agree,
    audit,
    backup,
    check,
    exports,
    gui,
    imports,
    merge,
    new,
    search,
    stats,
)
from annotator.core.errors import AnnotatorError

COMMAND_MODULES = (new, imports, exports, stats, search, check, backup, audit, merge, agree, gui)
COMMANDS = (
    "new",
    "import",
    "export",
    "stats",
    "search",
    "check",
    "backup",
    "audit",
    "merge",
    "agree",
    "gui",
)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="annotator",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Annotate right-to-left news articles: actors, locations and events.",
        epilog=(
            "Without a command, opens the window (on PROJECT if given).\n\n"
            "examples:\n"
            "  annotator new deir-ez-zor --schema conflict\n"
            "  annotator import deir-ez-zor articles/*.txt\n"
            "  annotator deir-ez-zor --annotator samira\n"
            "  annotator export deir-ez-zor --format jsonl --out coded.jsonl\n\n"
            "Run 'annotator COMMAND --help' for each command."
        ),
    )
    top.add_argument("--version", action="version", version=f"annotator {__version__}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return top


def _normalise_argv(argv: list[str]) -> list[str]:
    """``annotator`` and ``annotator PROJECT`` mean ``annotator gui [PROJECT]``."""
    if not argv:
        return ["gui"]
    if argv[0] in COMMANDS or argv[0] in ("-h", "--help", "--version"):
        return argv
    return ["gui", *argv]


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(_normalise_argv(list(sys.argv[1:] if argv is None else argv)))
    try:
        return args.run(args)
    except AnnotatorError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; nothing was left half-written", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
