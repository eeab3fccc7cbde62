"""What a schema change did, or why it was refused, in the window's language.

The operations say it in English (the command line's words). The window reads their message
against the English templates below — each one the operation's text with %1, %2… where the
names and counts go — and says the template's translation with the same names; counts of
spans, events, links and values are said in the window's words too. A message no template
fits is shown as the operation wrote it.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP

from annotator.ui.language import figure, fill, translate

CONTEXT = "SchemaMessages"
TEMPLATES = (
    QT_TRANSLATE_NOOP("SchemaMessages", "Nothing changed."),
    QT_TRANSLATE_NOOP("SchemaMessages", "Guideline version is now %1."),
    QT_TRANSLATE_NOOP("SchemaMessages", "Added label %1."),
    QT_TRANSLATE_NOOP("SchemaMessages", "Renamed label %1 to %2; %3 follow."),
    QT_TRANSLATE_NOOP("SchemaMessages", "Changed %1: %2."),
    QT_TRANSLATE_NOOP("SchemaMessages", "Deleted label %1 with %2."),
    QT_TRANSLATE_NOOP("SchemaMessages", "Added attribute %1 to %2."),
    QT_TRANSLATE_NOOP(
        "SchemaMessages", "Added attribute %1 to %2. It is required: %3 need a value."
    ),
    QT_TRANSLATE_NOOP("SchemaMessages", "Renamed %1's attribute %2 to %3; %4 follow."),
    QT_TRANSLATE_NOOP("SchemaMessages", "Changed %1's attribute %2."),
    QT_TRANSLATE_NOOP("SchemaMessages", "Removed %1's attribute %2."),
    QT_TRANSLATE_NOOP("SchemaMessages", "Removed %1's attribute %2 and its value from %3."),
    QT_TRANSLATE_NOOP("SchemaMessages", "Added %1 to %2's %3 under %4."),
    QT_TRANSLATE_NOOP("SchemaMessages", "Added %1 to %2's %3."),
    QT_TRANSLATE_NOOP("SchemaMessages", "Removed %1 from %2's %3."),
    QT_TRANSLATE_NOOP("SchemaMessages", "Removed %1 from %2's %3; cleared %4 on %5."),
    QT_TRANSLATE_NOOP("SchemaMessages", "Added role %1 to %2."),
    QT_TRANSLATE_NOOP("SchemaMessages", "Changed %1's role %2."),
    QT_TRANSLATE_NOOP("SchemaMessages", "Renamed %1's role %2 to %3; %4 follow."),
    QT_TRANSLATE_NOOP("SchemaMessages", "Removed %1's role %2."),
    QT_TRANSLATE_NOOP("SchemaMessages", "Removed %1's role %2 and %3."),
    QT_TRANSLATE_NOOP("SchemaMessages", "there is already a label %1"),
    QT_TRANSLATE_NOOP("SchemaMessages", "a %1 cannot be empty or contain spaces; got %2"),
    QT_TRANSLATE_NOOP(
        "SchemaMessages", "a label's key is one character (pressed over the text); got %1"
    ),
    QT_TRANSLATE_NOOP("SchemaMessages", "key %1 is already the key of %2 (%3)"),
    QT_TRANSLATE_NOOP("SchemaMessages", "the guideline version cannot be empty"),
    QT_TRANSLATE_NOOP("SchemaMessages", "%1 needs a key: each of the first nine labels has one"),
    QT_TRANSLATE_NOOP("SchemaMessages", "%1 is the only label; a schema needs at least one"),
    QT_TRANSLATE_NOOP(
        "SchemaMessages", "cannot make %1 a %2 label: %3 would break (%4); unlink them first"
    ),
    QT_TRANSLATE_NOOP("SchemaMessages", "%1 already has an attribute %2"),
    QT_TRANSLATE_NOOP("SchemaMessages", "a value cannot be empty"),
    QT_TRANSLATE_NOOP("SchemaMessages", "%1 is already a value of %2"),
    QT_TRANSLATE_NOOP("SchemaMessages", "%1 is already a value of %2 under %3"),
    QT_TRANSLATE_NOOP("SchemaMessages", "%1 is the only value of %2; remove the attribute"),
    QT_TRANSLATE_NOOP("SchemaMessages", "%1 depends on %2; remove %3 first"),
    QT_TRANSLATE_NOOP("SchemaMessages", "%1 already has a role %2"),
    QT_TRANSLATE_NOOP("SchemaMessages", "only event labels have roles; %1 is an %2 label"),
)
COUNTED = {
    "span": QT_TRANSLATE_NOOP("SchemaMessages", "%1 span"),
    "spans": QT_TRANSLATE_NOOP("SchemaMessages", "%1 spans"),
    "event": QT_TRANSLATE_NOOP("SchemaMessages", "%1 event"),
    "events": QT_TRANSLATE_NOOP("SchemaMessages", "%1 events"),
    "role link": QT_TRANSLATE_NOOP("SchemaMessages", "%1 role link"),
    "role links": QT_TRANSLATE_NOOP("SchemaMessages", "%1 role links"),
    "link": QT_TRANSLATE_NOOP("SchemaMessages", "%1 link"),
    "links": QT_TRANSLATE_NOOP("SchemaMessages", "%1 links"),
    "value": QT_TRANSLATE_NOOP("SchemaMessages", "%1 value"),
    "values": QT_TRANSLATE_NOOP("SchemaMessages", "%1 values"),
}
FIELDS = {
    "names": QT_TRANSLATE_NOOP("SchemaMessages", "names"),
    "color": QT_TRANSLATE_NOOP("SchemaMessages", "colour"),
    "key": QT_TRANSLATE_NOOP("SchemaMessages", "key"),
    "description": QT_TRANSLATE_NOOP("SchemaMessages", "description"),
    "examples": QT_TRANSLATE_NOOP("SchemaMessages", "examples"),
    "kind": QT_TRANSLATE_NOOP("SchemaMessages", "kind"),
    "roles": QT_TRANSLATE_NOOP("SchemaMessages", "roles"),
}
COUNT = re.compile(r"\b(\d+) (role links?|spans?|events?|links?|values?)\b")


@cache
def _pattern(template: str) -> re.Pattern:
    return re.compile(re.sub(r"%\d", "(.+?)", re.escape(template)) + "$")


def counted(text: str) -> str:
    """A name or count inside a message: counts and field names said in the window's words."""
    text = COUNT.sub(lambda m: fill(translate(CONTEXT, COUNTED[m[2]]), figure(int(m[1]))), text)
    text = text.replace(" and ", translate("SchemaMessages", " and "))
    if all(word in FIELDS for word in text.split(", ")):
        text = translate("SchemaMessages", ", ").join(
            translate(CONTEXT, FIELDS[w]) for w in text.split(", ")
        )
    return text


def said(message: str) -> str:
    """``message`` in the window's language, where a template fits it."""
    for template in sorted(TEMPLATES, key=len, reverse=True):  # the most said first
        found = _pattern(template).match(message)
        if found:
            return fill(translate(CONTEXT, template), *(counted(g) for g in found.groups()))
    return message


def refused(error: object) -> str:
    return fill(translate("SchemaMessages", "Not changed: %1."), said(str(error)))
