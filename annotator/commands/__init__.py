"""One module per command of the command line; each adds its parser and says what it runs.

This package's own module holds only the list of commands, so that ``annotator --help`` and
the start of every command import nothing else: a command's module, and what it needs, are
imported when that command runs.
"""

from typing import NamedTuple


class Command(NamedTuple):
    module: str  # under annotator.commands
    summary: str  # shown by 'annotator --help'
    doing: str | None  # what it does to a project, for refusals ("cannot export it: …")


COMMANDS = {
    "new": Command("new", "create a project", None),
    "import": Command("imports", "add articles (annotated or not)", "import into it"),
    "export": Command(
        "exports", "write documents and annotations, or a training dataset", "export it"
    ),
    "stats": Command("stats", "count documents and spans", "count what it holds"),
    "search": Command("search", "find a word or phrase in every article", "search it"),
    "check": Command("check", "verify a project", None),
    "places": Command(
        "places", "a gazetteer, and coordinates for canonical places", "work on its places"
    ),
    "backup": Command(
        "backup", "back up a project, list its backups, restore one", "back it up or restore it"
    ),
    "audit": Command("audit", "show or export the audit trail of edits", "read its audit trail"),
    "merge": Command("merge", "bring in a colleague's project or export", "merge into it"),
    "agree": Command("agree", "measure agreement between annotators", "measure agreement in it"),
    "suggest": Command(
        "suggest", "suggest spans learned from a layer, or measure them", "suggest for it"
    ),
    "hub": Command("hub", "make a team's PostgreSQL hub, add people, assign, see status", None),
    "clone": Command("clone", "make a local project from a team's hub", None),
    "sync": Command("sync", "send your work to the hub and receive others'", "sync it"),
    "gui": Command("gui", "open the window (the default)", None),
}


def summary(name: str) -> str:
    return COMMANDS[name].summary


def doing(name: str) -> str:
    return COMMANDS[name].doing or name
