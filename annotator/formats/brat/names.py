"""Names as brat can keep them, and back again.

brat keeps a type (of a span, an event, a relation, an attribute) only as letters, digits,
``_`` and ``-`` (what its configuration calls the storage form; it renames anything else);
it reads a role whose name ends in a digit as a repeat of a shorter one (``actor2`` is the
second ``actor``); and ``annotation.conf`` cannot declare an attribute value holding white
space, ``,`` or ``|`` (its lines are cut there). So an export writes every name and value in a
form brat keeps — ``Armed group`` as ``Armed_group``, the role ``actor1`` as ``actor1-Arg``,
the value ``Armed clash`` as ``Armed_clash`` — and lists each one it had to change in
``annotation.conf``, as comments, which brat skips. An import of that folder reads the list
and gives back the project's own names and values (numbers and lists included).

brat declares an attribute once, for every type its ``Arg:`` names, with one list of values
(a second declaration of the name is not read as a second list). Where the types that take
an attribute offer different values (ACE's ``subtype``: ``Die`` for LIFE, ``Attack`` for
CONFLICT), each type gets an attribute of its own, ``subtype-LIFE``, ``subtype-CONFLICT``…, so
that brat offers each type only its own values; the list names them too, and an import gives
them back as ``subtype``.
"""

from __future__ import annotations

import json
import re
from typing import Any

from annotator.core.errors import InputError
from annotator.core.jsondecode import loads
from annotator.core.validation import shown, value_problem

TYPE, ARC, ATTRIBUTE = "type", "arc", "attribute"  # arcs: roles and relation types, one set
_NAME_LINE = "# annotator name\t"
_VALUE_LINE = "# annotator value\t"
_NOT_KEPT = re.compile(r"[^A-Za-z0-9_-]")
_NOT_A_VALUE = re.compile(r"[\s,|<>]+")
REPEAT_SUFFIX = "-Arg"  # after a role ending in a digit: brat numbers repeats with digits


def _stored(name: str, kind: str) -> str:
    """The form brat keeps of a name: other characters become ``_``; a role ending in a digit
    gets a suffix; a name with no letter or digit left is named by its kind."""
    kept = _NOT_KEPT.sub("_", name.strip())
    if not re.search(r"[A-Za-z0-9]", kept):
        kept = "label" if kind == TYPE else kind
    if kind == ARC and kept[-1].isdigit():
        kept += REPEAT_SUFFIX
    return kept


def stored_value(value: Any) -> str:
    """A value as an attribute line and ``annotation.conf`` can both hold it."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return _NOT_A_VALUE.sub("_", text).strip("_") or "_"


class BratNames:
    """The two-way table of names and values between a project and a brat folder."""

    def __init__(self) -> None:
        self._out: dict[tuple[str, str], str] = {}  # (kind, our name) → brat's
        self._back: dict[tuple[str, str], str] = {}  # (kind, brat's) → our name
        self._own: dict[tuple[str, str], str] = {}  # (attribute, brat type) → its own name
        self._values: dict[tuple[str, str], str] = {}  # (brat attribute, JSON of ours) → brat's
        self._values_back: dict[tuple[str, str], Any] = {}  # (brat attribute, brat's) → ours

    # -- writing ---------------------------------------------------------------------------

    def _name(self, kind: str, name: str) -> str:
        found = self._out.get((kind, name))
        if found is None:
            found = self._out[kind, name] = self._free(kind, _stored(name, kind), name)
        return found

    def _free(self, kind: str, base: str, name: str) -> str:
        """``base``, or ``base_2``… when brat's name is taken, given to ``name``."""
        candidate, number = base, 1
        while (kind, candidate) in self._back:
            number += 1
            candidate = f"{base}_{number}"
        self._back[kind, candidate] = name
        return candidate

    def declare(self, kind: str, names: list[str]) -> None:
        """Give names brat keeps as they are their own form first, so that no changed name
        takes it from them."""
        for name in sorted(names, key=lambda n: _stored(n, kind) != n):
            self._name(kind, name)

    def declare_values(self, attribute: str, values: list[Any], owner: str | None = None) -> None:
        for value in sorted(values, key=lambda v: stored_value(v) != v):
            self.value(attribute, value, owner)

    def own_attribute(self, name: str, owner: str) -> str:
        """Give the attribute a declaration of its own for the brat type ``owner``
        (``subtype-LIFE``): the types that take it offer different values."""
        found = self._own.get((name, owner))
        if found is None:
            base = _stored(f"{name}-{owner}", ATTRIBUTE)
            found = self._own[name, owner] = self._free(ATTRIBUTE, base, name)
        return found

    def type(self, label: str) -> str:
        return self._name(TYPE, label)

    def arc(self, role: str) -> str:
        """A role of an event, or the type of a relation: brat reads both as arcs."""
        return self._name(ARC, role)

    def attribute(self, name: str, owner: str | None = None) -> str:
        """brat's name of an attribute; on the type ``owner``, its own one if it has one."""
        if owner is not None:
            found = self._own.get((name, owner))
            if found is not None:
                return found
        return self._name(ATTRIBUTE, name)

    def value(self, attribute: str, value: Any, owner: str | None = None) -> str:
        """A value as brat writes it, of the attribute as written on the type ``owner``."""
        stored_attribute = self.attribute(attribute, owner)
        key = (stored_attribute, json.dumps(value, ensure_ascii=False, sort_keys=True))
        found = self._values.get(key)
        if found is not None:
            return found
        base = candidate = stored_value(value)
        number = 1
        while (stored_attribute, candidate) in self._values_back:
            number += 1
            candidate = f"{base}_{number}"
        self._values[key] = candidate
        self._values_back[stored_attribute, candidate] = value
        return candidate

    def changed(self) -> list[tuple[str, str]]:
        """(our name, brat's) of every name brat could not keep (not the attributes of one
        type: :meth:`own`)."""
        own = set(self._own.values())
        return [
            (ours, brat)
            for (kind, brat), ours in self._back.items()
            if brat != ours and not (kind == ATTRIBUTE and brat in own)
        ]

    def own(self) -> dict[str, list[str]]:
        """The attributes written as one of their own per type: our name → brat's names."""
        found: dict[str, list[str]] = {}
        for (name, _), brat in self._own.items():
            found.setdefault(name, []).append(brat)
        return found

    def comments(self) -> list[str]:
        """The lines of ``annotation.conf`` that say which names and values were changed."""
        lines = [
            f"{_NAME_LINE}{kind}\t{brat}\t{json.dumps(ours, ensure_ascii=False)}"
            for (kind, brat), ours in self._back.items()
            if brat != ours
        ]
        lines += [
            f"{_VALUE_LINE}{attribute}\t{brat}\t{json.dumps(ours, ensure_ascii=False)}"
            for (attribute, brat), ours in self._values_back.items()
            if brat != ours
        ]
        if not lines:
            return []
        return [
            "# Names and values written otherwise than the project has them (brat cannot keep",
            "# them, or an attribute is declared per type), as written here and as they are in",
            "# the project (JSON); an import of this folder gives them back.",
            *lines,
            "",
        ]

    # -- reading ---------------------------------------------------------------------------

    def read_comment(self, line: str) -> bool:
        """Take one line of ``annotation.conf`` into the table if it is one of ours."""
        for prefix, table in ((_NAME_LINE, self._back), (_VALUE_LINE, self._values_back)):
            if line.startswith(prefix):
                parts = line[len(prefix) :].split("\t")
                if len(parts) != 3:
                    return False
                try:
                    ours = loads(parts[2])
                    problem = value_problem(ours, "its value")
                except json.JSONDecodeError:
                    return False
                except InputError as error:  # nested too deep to read
                    problem = error.reason
                if problem:
                    raise InputError(f"annotation.conf, the line {shown(line, 60)}: {problem}")
                if table is self._back and not isinstance(ours, str):
                    return False
                table[parts[0], parts[1]] = ours
                return True
        return False

    def ours(self, kind: str, brat: str) -> str:
        """The project's name for what brat calls ``brat`` (itself, when it was not changed)."""
        return self._back.get((kind, brat), brat)

    def our_value(self, attribute: str, brat: str) -> Any:
        """The project's value for an attribute value as brat wrote it."""
        return self._values_back.get((attribute, brat), brat)
