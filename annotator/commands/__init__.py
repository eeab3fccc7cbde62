"""One module per command of the command line; each adds its parser and says what it runs.

This package's own module holds only the list of commands and their one-line summaries, so
that ``annotator --help`` and the start of every command import nothing else: a command's
module, and what it needs, are imported when that command runs.
"""

# name → (module under annotator.commands, summary shown by 'annotator --help')
COMMANDS = {
    "new": ("new", "create a project"),
    "import": ("imports", "add articles (annotated or not)"),
    "export": ("exports", "write documents and annotations, or a training dataset"),
    "stats": ("stats", "count documents and spans"),
    "search": ("search", "find a word or phrase in every article"),
    "check": ("check", "verify a project"),
    "backup": ("backup", "back up a project, list its backups, restore one"),
    "audit": ("audit", "show or export the audit trail of edits"),
    "merge": ("merge", "bring in a colleague's project or export"),
    "agree": ("agree", "measure agreement between annotators"),
    "gui": ("gui", "open the window (the default)"),
}


def summary(name: str) -> str:
    return COMMANDS[name][1]
