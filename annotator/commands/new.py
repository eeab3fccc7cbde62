"""annotator new: create a project."""

from __future__ import annotations

import argparse

from annotator.commands import summary
from annotator.commands.base import RAW
from annotator.core import schema as schemas
from annotator.ops import opening


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "new",
        help=summary("new"),
        formatter_class=RAW,
        description="Create a project folder holding one SQLite database.",
        epilog=(
            "Presets: conflict (ACTOR, LOCATION, EVENT with ACLED types), ner (PER, ORG, LOC, "
            "MISC), ace (ACE 2005 entities and events).\n\nexamples:\n"
            "  annotator new deir-ez-zor\n"
            "  annotator new ner-corpus --schema ner\n"
            "  annotator new my-study --schema my-labels.json"
        ),
    )
    parser.add_argument("project", help="folder to create")
    parser.add_argument(
        "--schema", default="conflict", help="a preset (conflict, ner, ace) or a schema JSON file"
    )
    parser.add_argument("--name", help="the project's display name (default: the folder name)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    schema = schemas.resolve(args.schema)
    folder = opening.create_project(args.project, schema, args.name)
    # a folder name that is not UTF-8 is shown with � where it is not
    said = str(folder).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    print(f"Created project {said} with schema {schema.name} ({', '.join(schema.label_ids)}).")
    return 0
