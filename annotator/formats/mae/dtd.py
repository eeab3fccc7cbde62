"""A MAE task's DTD: its extent tags and link tags, as label definitions for the schema.

MAE reads a small part of DTD syntax, and so do we: ``<!ENTITY name "Task">`` names the
task (the root element of its XML files); ``<!ELEMENT TAG ( #PCDATA ) >`` is an extent tag,
``<!ELEMENT TAG EMPTY >`` a link tag; ``<!ATTLIST TAG attribute …>`` gives an attribute: a
value list ``( a | b )`` is a choice, ``IDREF`` an argument of a link (named by its
``prefix="…"`` when it has one, as the XML's ``<prefix>ID`` attribute), anything else text.
A link tag with no ``IDREF`` has MAE's default arguments ``from`` and ``to``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_DECLARATION = re.compile(r"<!(ENTITY|ELEMENT|ATTLIST)\s+([^>]*)>", re.S)
_CHOICES = re.compile(r"\(([^)]*)\)")
_PREFIX = re.compile(r'prefix\s*=\s*"([^"]*)"')
RESERVED = {"id", "spans", "start", "end", "text"}  # MAE's own attributes, not the task's
DEFAULT_ARGUMENTS = ("from", "to")


@dataclass
class TagDefinition:
    name: str
    link: bool
    attributes: dict[str, dict[str, Any]] = field(default_factory=dict)  # schema JSON
    arguments: list[str] = field(default_factory=list)  # a link's roles, in order


@dataclass
class TaskDefinition:
    """What a DTD declares: the task's name and its tags by name."""

    name: str | None = None
    tags: dict[str, TagDefinition] = field(default_factory=dict)

    def label(self, tag: str) -> dict[str, Any] | None:
        """Schema JSON for a tag: an extent tag is a span label, a link tag with arguments
        other than ``from``/``to`` an event label whose roles are its arguments."""
        definition = self.tags.get(tag)
        if definition is None:
            return None
        out: dict[str, Any] = {"id": tag, "attributes": list(definition.attributes.values())}
        if definition.link:
            if tuple(definition.arguments) == DEFAULT_ARGUMENTS:
                return None  # a relation: its tag is a role, not a label
            out["kind"] = "event"
            out["roles"] = [{"name": role, "types": ["*"]} for role in definition.arguments]
        return out


def parse(text: str, path: Path) -> TaskDefinition:
    task = TaskDefinition()
    text = _COMMENT.sub(" ", text)
    attlists: list[list[str]] = []
    for kind, body in _DECLARATION.findall(text):
        words = body.split()
        if not words:
            raise InputError(f"an empty <!{kind}> declaration", file=path)
        if kind == "ENTITY":
            if words[0] == "name" and len(words) > 1:
                task.name = words[1].strip("\"'")
        elif kind == "ELEMENT":
            link = "#PCDATA" not in body
            task.tags[words[0]] = TagDefinition(words[0], link)
        else:
            attlists.append([words[0], body])
    for tag, body in attlists:
        definition = task.tags.get(tag)
        if definition is None:
            raise InputError(f"<!ATTLIST {tag}> for a tag the DTD does not declare", file=path)
        _attribute(definition, body.split(None, 2)[1:])
    for definition in task.tags.values():
        if definition.link and not definition.arguments:
            definition.arguments = list(DEFAULT_ARGUMENTS)
    return task


def _attribute(definition: TagDefinition, parts: list[str]) -> None:
    if not parts:
        return
    name, rest = parts[0], parts[1] if len(parts) > 1 else ""
    if name in RESERVED:
        return
    if rest.startswith("IDREF"):
        prefix = _PREFIX.search(rest)
        definition.arguments.append(prefix.group(1) if prefix else name)
        return
    choices = _CHOICES.match(rest.strip())
    if choices:
        values = [v.strip() for v in choices.group(1).split("|") if v.strip()]
        definition.attributes[name] = {"name": name, "type": "choice", "values": values}
    else:
        definition.attributes[name] = {"name": name, "type": "text"}
