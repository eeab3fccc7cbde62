"""The command line: argument parsing and printing over the shared operations."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from annotator import __version__
from annotator.core import schema as schemas
from annotator.core.errors import AnnotatorError
from annotator.formats import registry
from annotator.ops import checking, exporting, importing, stats
from annotator.store.project import Project

COMMANDS = ("new", "import", "export", "stats", "check", "gui")


def _parser() -> argparse.ArgumentParser:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="annotator",
        formatter_class=raw,
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
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    new = sub.add_parser(
        "new",
        help="create a project",
        formatter_class=raw,
        description="Create a project folder holding one SQLite database.",
        epilog=(
            "Presets: conflict (ACTOR, LOCATION, EVENT with ACLED types), ner (PER, ORG, LOC, "
            "MISC), ace (ACE 2005 entities and events).\n\nexamples:\n"
            "  annotator new deir-ez-zor\n"
            "  annotator new ner-corpus --schema ner\n"
            "  annotator new my-study --schema my-labels.json"
        ),
    )
    new.add_argument("project", help="folder to create")
    new.add_argument(
        "--schema", default="conflict", help="a preset (conflict, ner, ace) or a schema JSON file"
    )
    new.add_argument("--name", help="the project's display name (default: the folder name)")

    imp = sub.add_parser(
        "import",
        help="add articles (annotated or not)",
        formatter_class=raw,
        description=(
            "Add articles to a project. A record whose text is already in the project adds its "
            "spans to that document instead of creating another one. An import is "
            "all-or-nothing: on any error nothing is written."
        ),
        epilog=(
            "formats:\n"
            "  txt    one article per file, named after the file\n"
            '  jsonl  one article per line: {"text", "name"?, "meta"?}, optionally with\n'
            '         "label": [[start, end, "LABEL"], ...] or "annotations" (our export shape)\n'
            "  json   our own export file\n"
            "  csv    a 'text' column, an optional 'name'; other columns become metadata\n\n"
            "examples:\n"
            "  annotator import deir-ez-zor articles/*.txt\n"
            "  annotator import deir-ez-zor coded.jsonl --annotator samira\n"
            "  annotator import deir-ez-zor old-archive.csv --encoding cp1256"
        ),
    )
    imp.add_argument("project")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--format", choices=registry.readable(), help="default: by extension")
    imp.add_argument(
        "--annotator",
        help="layer for spans that do not name their annotator (default: your user name)",
    )
    imp.add_argument(
        "--encoding", default="utf-8", help="text encoding of the files (default utf-8)"
    )

    exp = sub.add_parser(
        "export",
        help="write documents and annotations",
        formatter_class=raw,
        description=(
            "Write the project's documents with their annotations. Offsets are code points into "
            "'text', end exclusive; every annotation repeats its text and every document carries "
            "the SHA-256 of its text."
        ),
        epilog=(
            "examples:\n"
            "  annotator export deir-ez-zor --format json --out deir-ez-zor.json\n"
            "  annotator export deir-ez-zor --format jsonl --out samira.jsonl --annotator samira"
        ),
    )
    exp.add_argument("project")
    exp.add_argument("--format", required=True, choices=registry.writable())
    exp.add_argument("--out", required=True, help="file to write")
    exp.add_argument("--annotator", help="only this annotator's layer (default: all layers)")

    st = sub.add_parser(
        "stats",
        help="count documents and spans",
        formatter_class=raw,
        description="Documents, annotators, spans per label and per annotator, documents done.",
        epilog="examples:\n  annotator stats deir-ez-zor\n  annotator stats deir-ez-zor --json",
    )
    st.add_argument("project")
    st.add_argument("--json", action="store_true", help="print JSON")

    check = sub.add_parser(
        "check",
        help="verify a project",
        formatter_class=raw,
        description=(
            "Check the database's integrity, that every span lies inside its text and matches "
            "its stored surface text, and that no relation dangles. Exits non-zero on a problem."
        ),
        epilog="example:\n  annotator check deir-ez-zor",
    )
    check.add_argument("project")

    gui = sub.add_parser(
        "gui",
        help="open the window (the default)",
        formatter_class=raw,
        description="Open the annotation window; with no project, the sample project.",
        epilog="examples:\n  annotator gui\n  annotator gui deir-ez-zor --annotator samira",
    )
    gui.add_argument("project", nargs="?")
    gui.add_argument("--annotator", help="annotate as NAME (otherwise asked once, then remembered)")
    return parser


def _normalise_argv(argv: list[str]) -> list[str]:
    """``annotator`` and ``annotator PROJECT`` mean ``annotator gui [PROJECT]``."""
    if not argv:
        return ["gui"]
    first = argv[0]
    if first in COMMANDS or first in ("-h", "--help", "--version"):
        return argv
    return ["gui", *argv]


def _new(args: argparse.Namespace) -> int:
    schema = schemas.resolve(args.schema)
    with Project.create(args.project, schema, args.name):
        pass
    print(
        f"Created project {args.project} with schema {schema.name} ({', '.join(schema.label_ids)})."
    )
    return 0


def _import(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        report = importing.import_files(
            project, args.files, args.format, args.annotator, args.encoding
        )
    files = f"{report.files} file{'s' * (report.files != 1)}"
    print(f"Imported {files}: {report.summary()}.")
    return 0


def _export(args: argparse.Namespace) -> int:
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


def _stats(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        data = stats.stats(project)
    print(json.dumps(data, ensure_ascii=False, indent=2) if args.json else stats.format_stats(data))
    return 0


def _check(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        found = checking.problems(project)
        documents = project.documents.count()
        spans = project.spans.count()
    if found:
        print(f"{args.project}: {len(found)} problem{'s' * (len(found) != 1)}:", file=sys.stderr)
        for problem in found:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"{args.project}: OK ({documents} documents, {spans} spans).")
    return 0


def _gui(args: argparse.Namespace) -> int:
    from annotator.ui.app import run

    return run(args.project, args.annotator)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(_normalise_argv(list(sys.argv[1:] if argv is None else argv)))
    handlers = {
        "new": _new,
        "import": _import,
        "export": _export,
        "stats": _stats,
        "check": _check,
        "gui": _gui,
    }
    try:
        return handlers[args.command](args)
    except AnnotatorError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; nothing was left half-written", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
