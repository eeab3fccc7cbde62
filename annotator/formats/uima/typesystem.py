"""The UIMA type system an XMI is read with, and the one our export declares.

INCEpTION writes ``TypeSystem.xml`` beside its XMI files, but XMI files travel without it
(INCEpTION's own test suite keeps none beside most of its reference files). Such a file is
read with the DKPro Core types we know (``resources/uima_types.json``) and, for every other
type it uses, a type inferred from the file itself: an annotation when its elements have
offsets, a feature holding references when every value names elements of the file (INCEpTION's
``Governor``/``Dependent``, ``next``/``first`` of chains, ``target`` of links, and arrays of
links), and text otherwise.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cassis import TypeSystem, load_typesystem

from annotator.core.errors import InputError
from annotator.shipped import resource

XMI_NS = "http://www.omg.org/XMI"
XMI_ID = f"{{{XMI_NS}}}id"
BUILT_IN_NAMESPACES = ("http:///uima/cas.ecore", "http:///uima/tcas.ecore")
PLACE = {"sofa", "begin", "end", XMI_ID}
REFERENCE_NAMES = {"Governor", "Dependent", "target", "next", "first"}
TYPE_SYSTEM_FILES = ("TypeSystem.xml", "typesystem.xml")
SPAN = "webanno.custom.Span"  # our export's span layer, with attributes as features
EVENT = "webanno.custom.Event"  # our export's events: a span hosting argument links
LINK = "webanno.custom.EventArgumentsLink"
RELATION = "webanno.custom.Relation"
MAX_DEPTH = 4  # XMI is flat: the root, its annotations, and array or list values inside them


def known_types() -> dict[str, Any]:
    text = resource("uima_types.json").read_text("utf-8")
    return {name: kind for name, kind in json.loads(text).items() if not name.startswith("_")}


def add_type(types: TypeSystem, name: str, supertype: str, features: dict[str, str]) -> None:
    """Declare ``name`` (if new) with each feature it lacks; ``range[]`` is an array."""
    kind = types.get_type(name) if types.contains_type(name) else None
    if kind is None:
        kind = types.create_type(name, supertypeName=supertype)
    present = {feature.name for feature in kind.all_features}
    for feature, range_name in features.items():
        if feature in present:
            continue
        if range_name.endswith("[]"):
            types.create_feature(
                kind,
                feature,
                "uima.cas.FSArray",
                elementType=range_name[:-2],
                multipleReferencesAllowed=False,
            )
        else:
            types.create_feature(kind, feature, range_name)


def built_in() -> TypeSystem:
    """A type system holding the DKPro Core types of ``resources/uima_types.json``."""
    types = TypeSystem()
    pending = known_types()
    while pending:  # supertypes first
        for name, kind in list(pending.items()):
            if kind["supertype"] not in pending:
                add_type(types, name, kind["supertype"], {})
                del pending[name]
    for name, kind in known_types().items():
        add_type(types, name, kind["supertype"], kind["features"])
    return types


def type_name(tag: str) -> str | None:
    """``{http:///de/tudarmstadt/…/ner/type.ecore}NamedEntity`` → the UIMA type name; None for
    XMI's and the CAS's own elements."""
    if not tag.startswith("{"):
        return None
    namespace, local = tag[1:].split("}", 1)
    if namespace == XMI_NS or namespace in BUILT_IN_NAMESPACES:
        return None
    package = namespace.removeprefix("http:///").removesuffix(".ecore").replace("/", ".")
    return f"{package}.{local}"


@dataclass
class _Seen:
    """What the file shows of one type: whether it has offsets, and its features' values."""

    annotation: bool = False
    based: bool = False  # has a sofa
    values: dict[str, list[str]] = field(default_factory=dict)


def elements(path: Path) -> Iterator[ET.Element]:
    """The file's top-level elements, refusing XML that is malformed or absurdly nested."""
    depth = 0
    try:
        for event, element in ET.iterparse(path, events=("start", "end")):
            depth += 1 if event == "start" else -1
            if depth > MAX_DEPTH:
                raise InputError(
                    f"elements nested more than {MAX_DEPTH} deep: not a UIMA XMI file", file=path
                )
            if event == "end" and depth == 1:
                yield element
                element.clear()
    except (ET.ParseError, LookupError, ValueError) as error:  # LookupError: its encoding
        raise InputError(f"not well-formed XML ({error})", file=path) from None


def infer(path: Path, types: TypeSystem) -> TypeSystem:
    """``types`` completed with every type and feature the XMI file uses and lacks."""
    seen: dict[str, _Seen] = {}
    ids: dict[str, bool] = {}  # xmi:id → the element has offsets
    for element in elements(path):
        name = type_name(element.tag)
        if element.get(XMI_ID) is not None:
            ids[element.get(XMI_ID, "")] = element.get("begin") is not None
        if name is None:
            continue
        kind = seen.setdefault(name, _Seen())
        kind.annotation |= element.get("begin") is not None
        kind.based |= element.get("sofa") is not None
        for feature, value in element.attrib.items():
            if feature not in PLACE:
                kind.values.setdefault(feature, []).append(value)
    for name, kind in seen.items():
        supertype = "uima.tcas.Annotation" if kind.annotation else "uima.cas.TOP"
        if not kind.annotation and kind.based:
            supertype = "uima.cas.AnnotationBase"
        features = {f: _range(f, values, ids) for f, values in kind.values.items()}
        add_type(types, name, supertype, features)
    return types


def _range(feature: str, values: list[str], ids: dict[str, bool]) -> str:
    targets = [target for value in values for target in value.split()]
    if not targets or not all(target in ids for target in targets):
        return "uima.cas.String"
    if any(len(value.split()) > 1 for value in values) or not all(ids[t] for t in targets):
        return "uima.cas.TOP[]"
    if feature in REFERENCE_NAMES:
        return "uima.tcas.Annotation"
    return "uima.cas.String"


def beside(xmi: Path, root: Path) -> Path | None:
    """The ``TypeSystem.xml`` in the XMI file's folder or a folder above it, within ``root``."""
    folder = xmi.parent
    while True:
        for name in TYPE_SYSTEM_FILES:
            if (folder / name).is_file():
                return folder / name
        if folder == root or root not in folder.parents:
            return None
        folder = folder.parent


def for_file(xmi: Path, root: Path) -> TypeSystem:
    """The type system to read ``xmi`` with: its ``TypeSystem.xml`` when there is one, else
    the built-in DKPro types; either completed with what the file uses and they lack."""
    found = beside(xmi, root)
    if found is None:
        return infer(xmi, built_in())
    return infer(xmi, declared(found))


def declared(path: Path) -> TypeSystem:
    """The types a ``TypeSystem.xml`` declares."""
    try:
        with path.open("rb") as stream:
            return load_typesystem(stream)
    except Exception as error:  # cassis raises many kinds for a broken type system
        raise InputError(f"not a UIMA type system ({error})", file=path) from None
