"""annotator backup: back a project up now, list its backups, or put one back."""

from __future__ import annotations

import argparse

from annotator.commands import summary
from annotator.commands.base import RAW
from annotator.ops import backing_up


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "backup",
        help=summary("backup"),
        formatter_class=RAW,
        description=(
            "Back up a project's database into PROJECT/backups/ (a consistent copy, safe while\n"
            "others work on the project), list the backups, or restore one. Restoring first\n"
            "backs up the project as it is, so a restore can itself be undone; it is refused\n"
            "while the project is open in a window or by another command.\n\n"
            "The window, 'annotator import' and 'annotator merge' back a project up\n"
            "automatically when it changed since its newest backup, keeping "
            f"{backing_up.KEEP}\n"
            "automatic backups: the newest, and one for each of the days before."
        ),
        epilog=(
            "examples:\n"
            "  annotator backup deir-ez-zor\n"
            "  annotator backup deir-ez-zor --list\n"
            "  annotator backup deir-ez-zor --restore 2026-03-04T16-30-12.123Z-auto"
        ),
    )
    parser.add_argument("project")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--list", action="store_true", help="list the backups, newest first")
    action.add_argument("--restore", metavar="NAME", help="put this backup back (see --list)")
    parser.set_defaults(run=run)


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} bytes"


def run(args: argparse.Namespace) -> int:
    if args.list:
        found = backing_up.backups_of(args.project)
        if not found:
            print(f"{args.project} has no backups yet.")
            return 0
        print(f"Backups of {args.project}, newest first (times are local):")
        width = max(len(b.path.stem) for b in found)
        for backup in found:
            print(f"  {backup.path.stem:<{width}}  {backup.describe()}  {_size(backup.size)}")
        return 0
    if args.restore:
        before = backing_up.restore(args.project, args.restore)
        print(
            f"Restored {args.restore}. The project as it was just before is kept as backup "
            f"{before.path.stem}; 'annotator backup {args.project} --restore "
            f"{before.path.stem}' undoes the restore."
        )
        return 0
    made = backing_up.back_up(args.project)
    print(
        f"Backed up {args.project} to {made.path} ({made.documents} documents, {made.spans} spans)."
    )
    return 0
