"""annotator hub / clone / sync: a team's PostgreSQL hub, a colleague's copy of it, and syncing."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.commands import summary
from annotator.commands.base import RAW, plural

PASSWORDS = (
    "Passwords are taken from the URL, or from libpq's usual places (the PGPASSWORD variable,\n"
    "~/.pgpass, a service file); a project never stores one. sslmode and the other options\n"
    "of a PostgreSQL URL are honoured."
)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "hub",
        help=summary("hub"),
        formatter_class=RAW,
        description=(
            "Make and run a team's hub: a PostgreSQL database that every annotator's project\n"
            "syncs with. The server's roles and row-level security decide who may write what:\n"
            "an annotator writes only their own layer; leads write gold, the schema, the\n"
            "documents and the assignments.\n\n" + PASSWORDS
        ),
        epilog=(
            "examples:\n"
            "  annotator hub init postgresql://admin@db.lab/deirezzor --from deir-ez-zor "
            "--lead samira\n"
            "  annotator hub add-user postgresql://admin@db.lab/deirezzor amal --role annotator\n"
            "  annotator hub assign postgresql://samira@db.lab/deirezzor --annotators amal omar "
            "--per-document 2\n"
            "  annotator hub status postgresql://samira@db.lab/deirezzor"
        ),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init",
        help="make a hub from a project (URL: a login that may create tables and roles)",
    )
    init.add_argument("url")
    init.add_argument("--from", dest="source", required=True, metavar="PROJECT")
    init.add_argument("--lead", required=True, metavar="NAME", help="the lead's login")
    init.add_argument("--password", help="the lead's password (else the login has none yet)")
    init.add_argument("--blind", action="store_true", help="annotators see only their own layers")
    init.set_defaults(run=run_init)
    add = actions.add_parser("add-user", help="give a colleague a login")
    add.add_argument("url")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=("annotator", "lead"))
    add.add_argument("--password")
    add.set_defaults(run=run_add_user)
    remove = actions.add_parser(
        "remove-user", help="take a colleague off the hub (their work stays on it)"
    )
    remove.add_argument("url")
    remove.add_argument("name")
    remove.set_defaults(run=run_remove_user)
    blind = actions.add_parser(
        "blind", help="make the hub blind (annotators see only their own layers) or not"
    )
    blind.add_argument("url")
    blind.add_argument("state", choices=("yes", "no"))
    blind.set_defaults(run=run_blind)
    status = actions.add_parser("status", help="who has done what, and when they last synced")
    status.add_argument("url")
    status.set_defaults(run=run_status)
    assign = _assignments(
        actions,
        "assign",
        "assign documents to annotators (a lead's login): each document no one has yet, "
        "in turn, or as a file says",
    )
    assign.add_argument(
        "--per-document",
        type=int,
        default=1,
        metavar="N",
        help="how many annotators each document goes to, in turn (default 1)",
    )
    assign.set_defaults(run=run_assign)
    unassign = _assignments(
        actions,
        "unassign",
        "end assignments (a lead's login): the annotators' documents they have not begun, "
        "or as a file says",
    )
    unassign.add_argument(
        "--started", action="store_true", help="also the documents they have begun"
    )
    unassign.set_defaults(run=run_unassign)


def _assignments(actions, name: str, summary_: str) -> argparse.ArgumentParser:
    """A parser of ``assign`` or ``unassign``: the URL, and whose or which assignments."""
    parser = actions.add_parser(name, help=summary_)
    parser.add_argument("url")
    parser.add_argument("--annotators", nargs="+", default=[], metavar="NAME")
    parser.add_argument(
        "--from",
        dest="source",
        type=Path,
        metavar="FILE",
        help="a CSV or TSV file of lines: document name (or SHA-256), annotator",
    )
    return parser


def run_init(args: argparse.Namespace) -> int:
    from annotator.ops import hub_setup
    from annotator.ops.opening import open_to_change, refusing_damage

    with refusing_damage(args.source, "make a hub from it"):
        project = open_to_change(args.source, "make a hub from it")
        try:
            report = hub_setup.init(args.url, project, args.lead, args.password, args.blind)
        finally:
            project.close()
    print(
        f"made a hub at {report.hub}: {plural(report.documents, 'document')}, "
        f"{plural(report.layers, 'layer')}; {report.lead} leads it, and {args.source} is "
        f"{report.lead}'s copy (annotator sync {args.source})"
    )
    if report.lead_owns:
        print(
            f"note: {report.lead} made the hub, so owns its tables, and PostgreSQL does not hold "
            "a table's owner to its row-level policies; to have the server check the lead's "
            "writes too, give the lead a login of their own (annotator hub add-user … --role "
            "lead) and keep this one for administration"
        )
    return 0


def run_add_user(args: argparse.Namespace) -> int:
    from annotator.ops import hub_setup

    made = hub_setup.add_user(args.url, args.name, args.role, args.password)
    verb = "made" if made else "gave the existing login"
    print(f"{verb} {args.name} {'an' if args.role == 'annotator' else 'a'} {args.role} of the hub")
    return 0


def run_remove_user(args: argparse.Namespace) -> int:
    from annotator.ops import hub_setup

    if hub_setup.remove_user(args.url, args.name):
        print(
            f"{args.name} is off the hub: the login reads and writes nothing there now; "
            "their layers, comments and history stay"
        )
    else:
        print(f"{args.name} was not on the hub; nothing was changed")
    return 0


def run_blind(args: argparse.Namespace) -> int:
    from annotator.ops import hub_setup

    was = hub_setup.set_blind(args.url, args.state == "yes")
    now = "blind" if args.state == "yes" else "not blind"
    before = "" if was == (args.state == "yes") else f" (it was {'blind' if was else 'not'})"
    print(f"the hub is {now}{before}; each copy follows at its next sync")
    return 0


def run_status(args: argparse.Namespace) -> int:
    from annotator.ops import hub_setup

    status = hub_setup.status(args.url)
    blind = ", blind" if status.blind else ""
    print(f"hub «{status.name}» at {status.hub}{blind}")
    leads = [name for name, role in status.members if role == "lead"]
    print(f"leads: {', '.join(leads) or 'none'}")
    header = ("annotator", "assigned", "done", "in progress", "untouched", "other", "last sync")
    rows = [
        (
            s.annotator,
            str(s.assigned),
            str(s.done),
            str(s.in_progress),
            str(s.untouched),
            str(s.unassigned_layers),
            (s.synced_at or "never")[:16],
        )
        for s in status.standing
    ]
    members = {s.annotator for s in status.standing}
    rows += [
        (name, "0", "0", "0", "0", "0", "never")
        for name, role in status.members
        if role == "annotator" and name not in members
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    return 0


def run_unassign(args: argparse.Namespace) -> int:
    from annotator.ops import hub_setup

    done = hub_setup.unassign(args.url, args.annotators, args.source, args.started)
    said = f"{plural(done.removed, 'assignment')} ended"
    if done.kept_started:
        said += (
            f"; {plural(done.kept_started, 'assignment')} kept, begun already "
            "(--started ends those too)"
        )
    print(said + "; their layers stay, and annotators see the change at their next sync")
    return 0


def run_assign(args: argparse.Namespace) -> int:
    from annotator.ops import hub_setup

    added = hub_setup.assign(args.url, args.annotators, args.per_document, args.source)
    print(f"{plural(added, 'new assignment')}; annotators receive them at their next sync")
    return 0
