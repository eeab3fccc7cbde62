"""The pieces of WebAnno TSV 3 that reading and writing share: escaping, and the layer header.

TSV 3 escapes feature values (``\\*``, ``\\_``, ``\\|``, ``\\;``, ``\\[`` …) and, since 3.2,
the ``#Text=`` lines (``\\t``, ``\\n``, ``\\\\`` and control characters); 3.0 and 3.1 used
Java string escapes there. Each replacement happens in one left-to-right pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FORMAT_PREFIX = "#FORMAT=WebAnno TSV "
SPAN, RELATION, CHAIN = "#T_SP=", "#T_RL=", "#T_CH="
NAMED_ENTITY = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
TOKEN = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token"
ANY_ANNOTATION = "uima.tcas.Annotation"

_VALUE_ESCAPES = {"\\": "\\\\", "[": "\\[", "]": "\\]", "|": "\\|", "_": "\\_", "->": "\\->"}
_VALUE_ESCAPES |= {";": "\\;", "\t": "\\t", "\n": "\\n", "*": "\\*"}
_VALUE_OUT = re.compile(r"->|[\\\[\]|_;\t\n*]")
_VALUE_IN = re.compile(r"\\(->|[\\\[\]|_;tn*])")
_VALUE_UNESCAPED = {"t": "\t", "n": "\n"}
_TEXT_NAMED = {"\t": "t", "\n": "n", "\f": "f", "\r": "r", "\b": "b", "\\": "\\"}
_CONTROL = "".join(chr(i) for i in range(32) if not 7 < i < 14)
_TEXT_OUT = re.compile("[\\\\\t\n\f\r\b" + re.escape(_CONTROL) + "]")
_TEXT_IN = re.compile("\\\\([tnfrb\\\\" + re.escape(_CONTROL) + "])")
_JAVA_IN = re.compile(r"\\(u[0-9a-fA-F]{4}|[0-7]{1,3}|[btnfr\"'\\])")
_JAVA = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "'": "'", "\\": "\\"}


def escape_value(value: str) -> str:
    return _VALUE_OUT.sub(lambda m: _VALUE_ESCAPES[m.group()], value)


def unescape_value(value: str) -> str:
    return _VALUE_IN.sub(lambda m: _VALUE_UNESCAPED.get(m.group(1), m.group(1)), value)


def escape_text(text: str) -> str:
    return _TEXT_OUT.sub(lambda m: "\\" + _TEXT_NAMED.get(m.group(), m.group()), text)


def unescape_text(text: str, minor: int) -> str:
    if minor <= 1:
        return _JAVA_IN.sub(_java, text)
    named = {v: k for k, v in _TEXT_NAMED.items()}
    return _TEXT_IN.sub(lambda m: named.get(m.group(1), m.group(1)), text)


def _java(match: re.Match[str]) -> str:
    code = match.group(1)
    if code[0] == "u":
        return chr(int(code[1:], 16))
    if code[0].isdigit():
        return chr(int(code, 8))
    return _JAVA[code]


def short_name(type_name: str) -> str:
    """``de.tudarmstadt….NamedEntity`` → ``NamedEntity``."""
    return type_name.rsplit(".", 1)[-1]


# Which feature of a well-known layer holds its label; other layers use "value", else their
# first feature, else the layer's name.
LABEL_FEATURES = {
    "POS": "PosValue",
    "Dependency": "DependencyType",
    "Chunk": "chunkValue",
    "NamedEntity": "value",
    "Lemma": "value",
    "Stem": "value",
    "MorphologicalFeatures": "value",
}


@dataclass
class Column:
    index: int
    layer: TsvLayer
    kind: str  # feature, slot_role, slot_target, governor, chain_type, chain_link, placeholder
    feature: str = ""
    target: str = ""  # the type a slot or relation points at


@dataclass
class TsvLayer:
    type: str
    kind: str  # span, relation, chain
    columns: list[Column] = field(default_factory=list)

    @property
    def name(self) -> str:
        return short_name(self.type)

    @property
    def features(self) -> list[str]:
        return [c.feature for c in self.columns if c.kind == "feature"]

    @property
    def label_feature(self) -> str | None:
        features = self.features
        preferred = LABEL_FEATURES.get(self.name, "value")
        if preferred in features:
            return preferred
        return features[0] if features else None


def parse_layer(line: str, start_index: int) -> TsvLayer:
    """One ``#T_SP=``/``#T_RL=``/``#T_CH=`` declaration and its columns; a ValueError says
    what is wrong with one that cannot be read."""
    kind = {SPAN: "span", RELATION: "relation", CHAIN: "chain"}[line[:6]]
    parts = [part for part in line[6:].split("|") if part]
    if not parts:
        raise ValueError(f"the layer declaration {line!r} names no layer")
    type_name, *declarations = parts
    layer = TsvLayer(type_name, kind)
    index = start_index
    for declaration in declarations:
        previous = layer.columns[-1] if layer.columns else None
        if kind == "span" and declaration.startswith("ROLE_"):
            pieces = declaration.split("_")
            feature = pieces[1].split(":", 1)[-1] if len(pieces) > 1 else declaration
            column = Column(index, layer, "slot_role", feature)
        elif previous is not None and previous.kind == "slot_role" and "." in declaration:
            column = Column(index, layer, "slot_target", previous.feature, declaration)
        elif kind == "relation" and declaration.startswith("BT_"):
            column = Column(index, layer, "governor", "Governor", declaration[3:])
        elif kind == "chain" and declaration in ("referenceType", "referenceRelation"):
            role = "chain_type" if declaration == "referenceType" else "chain_link"
            column = Column(index, layer, role, declaration)
        else:
            column = Column(index, layer, "feature", declaration)
        layer.columns.append(column)
        index += 1
    if kind == "relation" and not any(c.kind == "governor" for c in layer.columns):
        raise ValueError(f"the relation layer {type_name} declares no governor (BT_…) column")
    if not layer.columns:
        layer.columns.append(Column(index, layer, "placeholder"))
    return layer
