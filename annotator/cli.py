"""The command line: parses arguments and hands them to one module per command.

Only the command being run is imported, with what it needs: ``annotator --help`` and
``annotator stats`` start without the window, the charts, the review code or the formats
(a test holds this: tests/cli/test_startup.py).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from annotator import __version__
from annotator.commands import COMMANDS
from annotator.core.errors import AnnotatorError

BROKEN_PIPE = 128 + 13  # what a shell reports for a program stopped by SIGPIPE


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser; the options of ``command`` only (the others by name and summary)."""
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
    for name, spec in COMMANDS.items():
        if name == command:
            importlib.import_module(f"annotator.commands.{spec.module}").register(sub)
        else:
            sub.add_parser(name, help=spec.summary)
    return top


def _normalise_argv(argv: list[str]) -> list[str]:
    """``annotator`` and ``annotator PROJECT`` mean ``annotator gui [PROJECT]``."""
    if not argv:
        return ["gui"]
    if argv[0] in COMMANDS or argv[0] in ("-h", "--help", "--version"):
        return argv
    return ["gui", *argv]


def main(argv: Sequence[str] | None = None) -> int:
    argv = _normalise_argv(list(sys.argv[1:] if argv is None else argv))
    args = parser(argv[0]).parse_args(argv)
    try:
        code = _run(args)
        sys.stdout.flush()  # a reader that went away is noticed here, not at exit
        return code
    except AnnotatorError as error:
        return _say(f"error: {error}", 1)
    except KeyboardInterrupt:
        return _say("interrupted; nothing was left half-written", 130)
    except BrokenPipeError:
        _silence(sys.stdout)
        return BROKEN_PIPE


def _run(args: argparse.Namespace) -> int:
    """Run the command; damage met in the project becomes the refusal that names it."""
    doing = COMMANDS[args.command].doing
    if doing is None:
        return args.run(args)
    from annotator.ops.opening import refusing_damage

    with refusing_damage(args.project, doing):
        return args.run(args)


def _say(message: str, code: int) -> int:
    try:
        print(message, file=sys.stderr)
    except BrokenPipeError:  # stderr read by a program that stopped reading too
        _silence(sys.stderr)
    return code


def _silence(stream) -> None:
    """Point a stream whose reader went away at the null device, so that what is left in its
    buffer is thrown away quietly when the program ends instead of raising again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
