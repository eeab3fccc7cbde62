"""The rules brat's server applies to a folder of ``.ann`` files and its ``annotation.conf``,
written out one by one so that a test can hold our exports to them without brat.

Each rule has a name and says where it comes from in brat (``server/src``):

- ``projectconfig.py`` reads each line of ``annotation.conf`` as a type in *storage form*
  (letters, digits, ``_``, ``-``; anything else is renamed with a warning), then arguments
  split at commas, each ``KEY:VALUE`` with no white space; a role's repetition marker
  (``?``, ``*``, ``+``, ``{n-m}``); a repeatable role whose name ends in a digit is an error
  (``Theme2`` would read as a second ``Theme``); a role given twice, an empty type in a list,
  and a ``<MACRO>`` that is neither defined nor reserved are errors; an attribute needs
  ``Arg:``; a role named like a relation type is warned of. Equivalence types are relation
  types marked ``<REL-TYPE>:symmetric-transitive``. An attribute is one node: a second
  declaration of its name is not a second list of values for other types (brat's client
  keeps one attribute type per name), so a name declared twice is counted broken.
- ``annotation.py`` reads each ``.ann`` line: an id, a tab, the annotation; ids unique; a
  text-bound annotation's offsets inside the text, its fragments apart, a tab before its
  text (empty for a zero-width one), its text what the offsets cover (joined by a space);
  every id referred to defined; an event's trigger a text-bound annotation of the event's
  type; nothing but events (and relations) referring to a trigger.
- ``verify_annotations.py`` then checks the types against the configuration, equivalences,
  overlapping entities against ``<OVERLAP>``, relations' argument types and labels, each
  event's roles (with brat's trailing numbers taken off: so a role whose name ends in a
  digit, repeatable or not, is read as another role) and their types and counts, and that
  every attribute is declared for the type it is on; and, as brat's attribute editor offers
  only declared values, that each value is one of them — a value with white space never is
  (``annotation.conf`` cannot declare it).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

RESERVED = {
    "<ANY>", "<ENTITY>", "<RELATION>", "<EVENT>", "<NONE>", "<EMPTY>", "<REL-TYPE>", "<URL>",
    "<URLBASE>", "<GLYPH-POS>", "<DEFAULT>", "<NORM>", "<OVERLAP>", "<OVL-TYPE>", "<INHERIT>",
}  # fmt: skip
STORAGE = re.compile(r"^[A-Za-z0-9_-]+$")
ARGUMENT = re.compile(r"^(\S*?):(\S*)$")
ROLE = re.compile(r"^(\S+?)(\{\S+\}|\?|\*|\+|)$")
ANN_ID = re.compile(r"^([A-Za-z]+|#[A-Za-z]*)([0-9]+)(.*?)$")
NUMBERED = re.compile(r"^(.*?)\d*$")


@dataclass(frozen=True)
class Broken:
    rule: str
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.where}: {self.what}"


@dataclass
class Conf:
    entities: set[str] = field(default_factory=set)
    events: dict[str, dict[str, tuple[list[str], int, int]]] = field(default_factory=dict)
    relations: dict[str, list[tuple[str, list[str]]]] = field(default_factory=dict)
    equivalences: set[str] = field(default_factory=set)
    overlap: list[tuple[list[str], list[str], set[str]]] = field(default_factory=list)
    attributes: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)


def _counts(marker: str) -> tuple[int, int] | None:
    if marker == "":
        return 1, 1
    if marker == "?":
        return 0, 1
    if marker == "*":
        return 0, 10**9
    if marker == "+":
        return 1, 10**9
    match = re.fullmatch(r"\{(\d+)(?:-(\d+))?\}", marker)
    if not match:
        return None
    low = int(match[1])
    return low, int(match[2]) if match[2] else low


def read_conf(text: str, where: str = "annotation.conf") -> tuple[Conf, list[Broken]]:
    """The configuration and every rule of brat's reader it breaks."""
    conf, broken = Conf(), []
    sections: dict[str, list[tuple[int, str]]] = defaultdict(list)
    section = "general"
    for number, line in enumerate(text.split("\n"), 1):
        header = re.match(r"^\s*\[(.*)\]\s*$", line)
        if header:
            section = header[1]
            continue
        sections[section].append((number, line))
    for needed in ("entities", "relations", "events", "attributes"):
        if needed not in sections:
            broken.append(Broken("conf-sections", where, f"no [{needed}] section"))
    for name, lines in sections.items():
        macros: dict[str, str] = {}
        for number, line in lines:
            at = f"{where}, line {number}"
            if not line.strip() or re.match(r"^\s*#", line) or re.match(r"^\s*-+\s*$", line):
                continue
            macro = re.match(r"^<([a-zA-Z_-]+)>=\s*(.*?)\s*$", line)
            if macro:
                macros[f"<{macro[1]}>"] = macro[2]
                continue
            for used, value in macros.items():
                line = line.replace(used, value)
            for mark in re.findall(r"(<.*?>)", line):
                if mark not in RESERVED:
                    broken.append(Broken("conf-undefined-macro", at, mark))
            match = re.match(r"^(\s*)(\S+)(?:\s+(.*))?$", line)  # indented: a sub-type
            term = match[2].split("|")[0].lstrip("!")
            arguments = [a.strip() for a in (match[3] or "").split(",") if a.strip()]
            if term not in RESERVED and not STORAGE.match(term):
                broken.append(Broken("conf-storage-form", at, f"{term!r} is renamed by brat"))
            parsed = []
            for argument in arguments:
                pair = ARGUMENT.match(argument)
                if not pair:
                    broken.append(Broken("conf-argument-syntax", at, repr(argument)))
                    continue
                types = pair[2].split("|")
                if any(not t.strip() for t in types):
                    broken.append(Broken("conf-empty-type", at, repr(argument)))
                parsed.append((pair[1], types))
            _section(conf, name, term, parsed, at, broken)
    relation_names = set(conf.relations)
    for event, roles in conf.events.items():
        for role in roles:
            if role in relation_names:
                broken.append(
                    Broken("conf-role-is-relation", where, f"{role} of {event} is a relation too")
                )
    return conf, broken


def _section(
    conf: Conf,
    name: str,
    term: str,
    arguments: list[tuple[str, list[str]]],
    at: str,
    broken: list[Broken],
) -> None:
    if name == "entities":
        conf.entities.add(term)
    elif name == "relations":
        special = {key: types for key, types in arguments if key in RESERVED}
        plain = [(key, types) for key, types in arguments if key not in RESERVED]
        if term == "<OVERLAP>":
            kinds = {t for value in special.get("<OVL-TYPE>", []) for t in value.split("|")}
            conf.overlap.append((plain[0][1], plain[1][1], kinds))
            return
        conf.relations[term] = plain
        if "symmetric" in "-".join(special.get("<REL-TYPE>", [])) and "transitive" in "-".join(
            special.get("<REL-TYPE>", [])
        ):
            conf.equivalences.add(term)
    elif name == "events":
        roles: dict[str, tuple[list[str], int, int]] = {}
        for key, types in arguments:
            role = ROLE.match(key)
            counts = _counts(role[2]) if role else None
            if role is None or counts is None:
                broken.append(Broken("conf-role-syntax", at, repr(key)))
                continue
            if counts[1] > 1 and role[1][-1].isdigit():
                broken.append(
                    Broken("conf-role-repeat", at, f"{key}: a repeatable role ends in a digit")
                )
            elif role[1][-1].isdigit():
                broken.append(
                    Broken("conf-role-digit", at, f"{key}: verification reads it as another role")
                )
            if role[1] in roles:
                broken.append(Broken("conf-role-once", at, f"{role[1]} given twice"))
            roles[role[1]] = (types, *counts)
        conf.events[term] = roles
    elif name == "attributes":
        settings = dict(arguments)
        if "Arg" not in settings:
            broken.append(Broken("conf-attribute-arg", at, f"{term} has no Arg:"))
        if term in conf.attributes:
            broken.append(Broken("conf-attribute-once", at, f"{term} is declared twice"))
        conf.attributes[term] = (settings.get("Arg", []), settings.get("Value", []))


@dataclass
class Ann:
    types: dict[str, str] = field(default_factory=dict)  # T and E ids → type
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    events: dict[str, tuple[str, list[tuple[str, str]]]] = field(default_factory=dict)
    relations: dict[str, tuple[str, list[tuple[str, str]]]] = field(default_factory=dict)
    attributes: list[tuple[str, str, str | None, str]] = field(default_factory=list)
    equivalences: list[tuple[str, list[str], str]] = field(default_factory=list)
    others: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, target, where)


def read_ann(path: Path) -> tuple[Ann, list[Broken]]:
    """The annotations of one ``.ann`` and every rule of brat's reader they break."""
    text = path.with_suffix(".txt").read_text("utf-8")
    ann, broken = Ann(), []
    defined: set[str] = set()
    referred: list[tuple[str, str]] = []
    for number, line in enumerate(path.read_text("utf-8").split("\n"), 1):
        if not line:
            continue
        at = f"{path.name}, line {number}"
        ident, tab, rest = line.partition("\t")
        if not tab or (ident != "*" and not ANN_ID.match(ident)):
            broken.append(Broken("ann-line-syntax", at, repr(line)))
            continue
        if ident != "*" and ident in defined:
            broken.append(Broken("ann-unique-id", at, ident))
        defined.add(ident)
        data, text_tab, tail = rest.partition("\t")
        kind = ident[0]
        if kind == "T":
            if not text_tab:
                broken.append(Broken("ann-textbound-tab", at, "no tab before its text"))
            _text_bound(ann, ident, data, tail, text, at, broken)
        elif kind == "E":
            head, *arguments = data.split()
            event_type, _, trigger = head.partition(":")
            pairs = [tuple(a.split(":", 1)) for a in arguments]
            ann.types[ident] = event_type
            ann.events[ident] = (trigger, pairs)
            referred += [(trigger, at), *((ref, at) for _, ref in pairs)]
        elif kind == "R":
            relation_type, *arguments = data.split()
            pairs = [tuple(a.split(":", 1)) for a in arguments]
            if len(pairs) != 2 or pairs[0][0] == pairs[1][0]:
                broken.append(Broken("ann-relation-syntax", at, repr(line)))
            ann.relations[ident] = (relation_type, pairs)
            referred += [(ref, at) for _, ref in pairs]
        elif kind in "AM":
            parts = data.split(" ", 2)
            value = parts[2] if len(parts) > 2 else None
            if value is not None and re.search(r"\s", value):
                broken.append(Broken("ann-attribute-value", at, f"{value!r} holds white space"))
            ann.attributes.append((parts[0], parts[1], value, at))
            referred.append((parts[1], at))
        elif kind == "*":
            equivalence_type, *members = data.split()
            ann.equivalences.append((equivalence_type, members, at))
            referred += [(ref, at) for ref in members]
        elif kind == "N":
            match = re.match(r"(\S+) (\S+) (\S+?):(\S+)", data)
            if match is None:
                broken.append(Broken("ann-normalization-syntax", at, repr(line)))
                continue
            ann.others.append(("N", match[2], at))
            referred.append((match[2], at))
        elif kind == "#":
            parts = data.split()
            if len(parts) != 2:
                broken.append(Broken("ann-note-syntax", at, repr(line)))
                continue
            ann.others.append(("#", parts[1], at))
            referred.append((parts[1], at))
    for ref, at in referred:
        if ref not in defined:
            broken.append(Broken("ann-defined", at, f"{ref} is not defined"))
    triggers = {trigger for trigger, _ in ann.events.values()}
    for ident, (trigger, _) in ann.events.items():
        if trigger not in ann.spans or ann.types.get(trigger) != ann.types[ident]:
            broken.append(
                Broken("ann-trigger", path.name, f"{ident}'s trigger {trigger} is no T of its type")
            )
    pointing = [(target, at) for _, target, _, at in ann.attributes]
    pointing += [(m, at) for _, members, at in ann.equivalences for m in members]
    pointing += [(target, at) for _, target, at in ann.others]
    for target, at in pointing:
        if target in triggers:
            broken.append(Broken("ann-trigger-reference", at, f"{target} is a trigger"))
    return ann, broken


def _text_bound(
    ann: Ann, ident: str, data: str, tail: str, text: str, at: str, broken: list[Broken]
) -> None:
    kind, _, places = data.partition(" ")
    fragments = []
    for place in places.split(";"):
        numbers = place.split(" ")
        if len(numbers) != 2 or not all(n.isdigit() for n in numbers):
            broken.append(Broken("ann-textbound-syntax", at, repr(data)))
            return
        start, end = map(int, numbers)
        if start > end or end > len(text):
            broken.append(Broken("ann-textbound-offsets", at, f"{start}-{end}"))
            return
        if any(end >= s and start < e for s, e in fragments):
            broken.append(Broken("ann-textbound-fragments", at, "fragments overlap or touch"))
        fragments.append((start, end))
    if tail != " ".join(text[s:e] for s, e in fragments):
        broken.append(Broken("ann-textbound-text", at, f"{tail!r} is not the text there"))
    ann.types[ident] = kind
    ann.spans[ident] = fragments


def _allowed(types: list[str], kind: str, conf: Conf) -> bool:
    return (
        kind in types
        or "<ANY>" in types
        or (kind in conf.entities and "<ENTITY>" in types)
        or (kind in conf.events and "<EVENT>" in types)
    )


def verify(ann: Ann, conf: Conf, where: str) -> list[Broken]:
    """What ``verify_annotations.py`` (and brat's attribute editor) would find wrong."""
    broken = []
    triggers = {trigger for trigger, _ in ann.events.values()}
    for ident, kind in ann.types.items():
        known = conf.events if ident.startswith("E") else conf.entities | set(conf.events)
        if kind not in known:
            broken.append(Broken("verify-types", where, f"{ident}: {kind} is not declared"))
    entities = [
        (ident, kind, ann.spans[ident])
        for ident, kind in ann.types.items()
        if ident.startswith("T") and ident not in triggers and kind in conf.entities
    ]
    for number, (first, kind, places) in enumerate(entities):
        for second, other, others in entities[number + 1 :]:
            start, end = places[0][0], places[-1][1]
            other_start, other_end = others[0][0], others[-1][1]
            if not (other_start < end and other_end > start):
                continue
            if (start, end) == (other_start, other_end):
                how = "equal"
            elif (start <= other_start and other_end <= end) or (
                other_start <= start and end <= other_end
            ):
                how = "contain"
            else:
                how = "cross"
            if not any(
                _allowed(a, kind, conf) and _allowed(b, other, conf) and kinds & {how, "<ANY>"}
                for a, b, kinds in conf.overlap
            ):
                broken.append(Broken("verify-overlap", where, f"{first} and {second} ({how})"))
    for equivalence, members, at in ann.equivalences:
        kinds = {ann.types.get(m) for m in members}
        declared = conf.relations.get(equivalence)
        if equivalence not in conf.equivalences or declared is None or len(declared) != 2:
            broken.append(Broken("verify-equivalence", at, f"{equivalence} is not declared"))
            continue
        for kind in kinds:
            if not (_allowed(declared[0][1], kind, conf) and _allowed(declared[1][1], kind, conf)):
                broken.append(Broken("verify-equivalence", at, f"{equivalence} between {kind}"))
    for ident, (relation_type, pairs) in ann.relations.items():
        declared = conf.relations.get(relation_type)
        kinds = [ann.types.get(ref) for _, ref in pairs]
        if declared is None or len(declared) != 2 or len(pairs) != 2:
            broken.append(Broken("verify-relations", where, f"{ident}: {relation_type}"))
            continue
        labels = [label for label, _ in pairs]
        fits = labels == [declared[0][0], declared[1][0]] and all(
            _allowed(types, kind, conf) for (_, types), kind in zip(declared, kinds, strict=True)
        )
        if not fits:
            broken.append(Broken("verify-relations", where, f"{ident}: {relation_type} {kinds}"))
    for ident, (_trigger, pairs) in ann.events.items():
        kind = ann.types[ident]
        roles = conf.events.get(kind, {})
        found: dict[str, int] = defaultdict(int)
        for role, ref in pairs:
            base = NUMBERED.match(role)[1]
            found[base] += 1
            if base not in roles:
                broken.append(Broken("verify-arguments", where, f"{ident}: {kind} has no {base}"))
            elif not _allowed(roles[base][0], ann.types.get(ref, "?"), conf):
                broken.append(Broken("verify-arguments", where, f"{ident}: {base} cannot be {ref}"))
        for role, (_types, least, most) in roles.items():
            if found.get(role, 0) > most:
                broken.append(Broken("verify-argument-count", where, f"{ident}: {role}"))
            if found.get(role, 0) < least:
                broken.append(Broken("verify-mandatory", where, f"{ident}: {role} is missing"))
    for name, target, value, at in ann.attributes:
        declared = conf.attributes.get(name)
        kind = ann.types.get(target, "?")
        if declared is None or not _allowed(declared[0], kind, conf):
            broken.append(Broken("verify-attributes", at, f"{kind} cannot take {name}"))
            continue
        values = [v for v in "|".join(declared[1]).split("|") if v]
        if (value is None) != (not values) or (value is not None and value not in values):
            broken.append(Broken("verify-attribute-values", at, f"{name} {value!r}"))
    return broken


def check_folder(folder: Path) -> list[Broken]:
    """Every rule broken by a folder of ``.ann`` files, each with the nearest conf above it."""
    found: list[Broken] = []
    confs: dict[Path, Conf] = {}
    for path in sorted(folder.rglob("*.ann")):
        place = path.parent
        while not (place / "annotation.conf").exists() and place != folder:
            place = place.parent
        conf_path = place / "annotation.conf"
        if conf_path not in confs:
            if not conf_path.exists():
                found.append(Broken("conf-present", str(path), "no annotation.conf above it"))
                continue
            confs[conf_path], problems = read_conf(conf_path.read_text("utf-8"), str(conf_path))
            found += problems
        ann, problems = read_ann(path)
        found += problems
        found += verify(ann, confs[conf_path], path.name)
    return found
