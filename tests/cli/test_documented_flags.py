"""What the format documents tell a user to type exists: every ``--flag`` they write in
backticks is an option of the command it is used with, and the training formats' table is
the registry's."""

from __future__ import annotations

import argparse
import re
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest

from annotator.cli import parser
from annotator.formats.registry import FORMATS, readable, training

DOCS = Path(__file__).resolve().parents[2] / "docs"
DOCUMENTS = ("datasets.md", "interchange.md")
FENCE = re.compile(r"^```.*?^```", re.M | re.S)
BACKTICKED = re.compile(r"`([^`]+)`")
FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]*")
COMMAND = re.compile(r"(?<![\w-])annotator\s+([a-z]+)\b")
VERB = re.compile(r"\b(import|export)(?:s|ed|ing)?\b", re.I)
HEADING = re.compile(r"^#+ .*$", re.M)


@cache
def options_of(command: str) -> set[str]:
    top = parser(command)
    (commands,) = (a for a in top._actions if isinstance(a, argparse._SubParsersAction))
    return {flag for action in commands.choices[command]._actions for flag in action.option_strings}


def uses(text: str) -> list[tuple[str, tuple[str, ...], str]]:
    """(flag, the commands it may belong to, where it is written) for every flag the text
    writes in a code block or in backticks. The command is the one the same line or span
    names (``annotator import …``); else the import or export its sentence speaks of (the
    last one before it); else its section's (``### Import``); else import or export."""
    found = []
    for block in FENCE.findall(text):
        for line in block.replace("\\\n", " ").splitlines():
            named = COMMAND.search(line)
            found += [(flag, (named[1],), line.strip()) for flag in FLAG.findall(line) if named]
    prose = FENCE.sub("", text)
    headings = [0, *(m.start() for m in HEADING.finditer(prose)), len(prose)]
    for begin, end in pairwise(headings):
        section = prose[begin:end]
        verb = VERB.search(section.partition("\n")[0]) if section.startswith("#") else None
        for span in BACKTICKED.finditer(section):
            flags = FLAG.findall(span[1])
            named = COMMAND.search(span[1])
            spoken = VERB.findall(_sentence_before(section[: span.start()]))
            if named:
                commands: tuple[str, ...] = (named[1],)
            elif spoken:
                commands = (spoken[-1].lower(),)
            else:
                commands = (verb[1].lower(),) if verb else ("import", "export")
            found += [(flag, commands, span[0]) for flag in flags]
    return found


def _sentence_before(text: str) -> str:
    """The start of the sentence ``text`` ends in (what backticks hold counted as words)."""
    words = BACKTICKED.sub(lambda code: re.sub(r"[.!?;:]", " ", code[1]), text)
    return re.split(r"[.!?;]\s|\n\s*\n|\n\s*[-*|] ", words)[-1]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_flag_the_documents_name_is_an_option_of_its_command(document):
    found = uses((DOCS / document).read_text("utf-8"))
    assert len(found) > 20  # the documents are read, flags and all
    wrong = [
        f"{flag} ({' or '.join(commands)}) in {where}"
        for flag, commands, where in found
        if not any(flag in options_of(command) for command in commands)
    ]
    assert wrong == []


def test_a_flag_is_looked_for_in_the_command_its_sentence_speaks_of():
    text = (
        "## CoNLL\n\n### Export\n\n`--tag-scheme` is read.\n\n"
        "The import reads `--scheme`; `annotator new x --schema ner`; `--never-was`.\n"
    )
    assert uses(text) == [
        ("--tag-scheme", ("export",), "`--tag-scheme`"),
        ("--scheme", ("import",), "`--scheme`"),
        ("--schema", ("new",), "`annotator new x --schema ner`"),
        ("--never-was", ("export",), "`--never-was`"),
    ]


def test_the_training_formats_table_is_the_registry_s():
    text = (DOCS / "datasets.md").read_text("utf-8")
    rows = re.findall(r"^\| `([\w-]+)` \| (yes|no) \| (yes|no) \|", text, re.M)
    assert [name for name, _, _ in rows] == training()
    for name, imported, exported in rows:
        assert (imported == "yes") == (name in readable()), name
        assert (exported == "yes") == (FORMATS[name].write is not None), name
