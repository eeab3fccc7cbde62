"""The guidelines beside the text: every label as the schema defines it, to read while coding.

Rendered from the schema as rich text; every string the schema holds is HTML-escaped first
(a description may well say "<" or "&"), and examples written in Arabic are set right to
left. The window calls :meth:`GuidelinesPanel.show_label` when a span is selected.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QWidget

from annotator.core.schema import Attribute, Label, Role, Schema
from annotator.core.text import is_rtl
from annotator.ui.language import kind_name, label_name, translate


def _text(value: str) -> str:
    """A schema string as HTML: escaped, line breaks kept."""
    return html.escape(value, quote=True).replace("\n", "<br>")


def _direction(value: str) -> str:
    return "rtl" if is_rtl(value) else "ltr"


def anchor(index: int) -> str:
    return f"label-{index}"


def _names(label: Label) -> str:
    names = [label_name(label), label.name("en")]
    names += [name for language, name in label.names.items() if language != "en" and name]
    return " · ".join(_text(name) for name in dict.fromkeys(names))


def _values(attribute: Attribute) -> str:
    if attribute.type == "choice" and attribute.values_by:
        groups = (
            f"<i>{_text(parent)}</i>: {_text(', '.join(values) or '—')}"
            for parent, values in attribute.values_by.items()
        )
        by = translate("guidelines", "by %1").replace("%1", _text(attribute.depends_on or ""))
        return f"{by}<br>" + "<br>".join(groups)
    if attribute.type == "choice":
        return _text(", ".join(attribute.values))
    if attribute.type == "integer" and (attribute.minimum, attribute.maximum) != (None, None):
        low = "…" if attribute.minimum is None else str(attribute.minimum)
        high = "…" if attribute.maximum is None else str(attribute.maximum)
        return (
            translate("guidelines", "a whole number, %1–%2").replace("%1", low).replace("%2", high)
        )
    return {
        "integer": translate("guidelines", "a whole number"),
        "date": translate("guidelines", "a date: YYYY-MM-DD, YYYY-MM or YYYY"),
        "boolean": translate("guidelines", "yes or no"),
    }.get(attribute.type) or translate("guidelines", "free text")


def _attributes(label: Label) -> str:
    required = " <i>" + translate("guidelines", "(required)") + "</i>"
    rows = "".join(
        f"<tr><td><b>{_text(a.name)}</b>{required if a.required else ''}</td>"
        f"<td>{_values(a)}</td></tr>"
        for a in label.attributes
    )
    title = translate("guidelines", "Attributes")
    return f'<p><b>{title}</b></p><table cellpadding="3">{rows}</table>' if rows else ""


def _role(role: Role) -> str:
    kinds = translate("guidelines", " or ").join(kind_name(kind) for kind in role.kinds)
    if role.many:
        said = translate("guidelines", "%1 span, one or several")
    else:
        said = translate("guidelines", "%1 span, at most one")
    if not role.kinds:
        said = said.replace("%1", translate("guidelines", "any kind of"))
    return f"<li><b>{_text(role.name)}</b>: {said.replace('%1', _text(kinds))}</li>"


def _examples(label: Label) -> str:
    if not label.examples:
        return ""
    lines = "".join(
        f'<p dir="{_direction(example)}" style="margin-left: 12px; margin-right: 12px;">'
        f"• {_text(example)}</p>"
        for example in label.examples
    )
    title = translate("guidelines", "Examples")
    return f"<p><b>{title}</b></p>{lines}"


def label_html(label: Label, index: int) -> str:
    key = " · " + translate("guidelines", "key <b>%1</b>").replace("%1", _text(label.key))
    key = key if label.key else ""
    swatch = (
        f'<span style="background-color: {_text(label.color)};">&nbsp;&nbsp;&nbsp;&nbsp;</span>'
    )
    parts = [
        f'<a name="{anchor(index)}"></a>',
        f"<h3>{swatch}&nbsp;{_names(label)}</h3>",
        f'<p style="color: #555;">{_text(label.id)} · {_text(kind_name(label.kind))}{key}</p>',
    ]
    if label.description:
        parts.append(f'<p dir="{_direction(label.description)}">{_text(label.description)}</p>')
    parts.append(_examples(label))
    parts.append(_attributes(label))
    if label.roles:
        roles = "".join(_role(role) for role in label.roles)
        title = translate("guidelines", "Roles")
        parts.append(f"<p><b>{title}</b></p><ul>{roles}</ul>")
    return "".join(parts) + "<hr>"


def guidelines_html(schema: Schema) -> str:
    version = translate("guidelines", "guidelines %1").replace("%1", _text(schema.version))
    title = f"<h2>{_text(schema.name)} <small>{version}</small></h2>"
    about = f"<p>{_text(schema.description)}</p>" if schema.description else ""
    labels = "".join(label_html(label, i) for i, label in enumerate(schema.labels))
    return f"<html><body>{title}{about}{labels}</body></html>"


class GuidelinesPanel(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setReadOnly(True)
        self._anchors: dict[str, str] = {}

    def set_schema(self, schema: Schema) -> None:
        self._anchors = {label.id: anchor(i) for i, label in enumerate(schema.labels)}
        self.setHtml(guidelines_html(schema))

    def show_label(self, label_id: str) -> None:
        """Scroll so that the label's entry starts at the top of the panel."""
        name = self._anchors.get(label_id)
        if name is not None:
            self.scrollToAnchor(name)
