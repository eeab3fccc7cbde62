"""A document's discussions through the hub: each person sends their own comments.

On the hub, each person has one row per document holding the comments they wrote there,
each under the thread it belongs to, and the threads they resolved or reopened. A thread is
known everywhere by its first comment (author and time), so a reply sent by one person joins
the thread its starter sent; the anchor (the span discussed, by layer, extent and label)
finds the span here. Coming back, a row is read as its author's alone: a comment it
attributes to someone else is not taken, so no login can put words in another's mouth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.discussion import Thread
from annotator.core.errors import InputError
from annotator.core.validation import value_problem
from annotator.formats import jsondecode
from annotator.store.project import Project


def talk_content(project: Project, document_id: int, author: str) -> dict[str, Any]:
    """What ``author`` said on a document: their comments by thread, and their resolutions."""
    threads = []
    for thread in project.comments.for_document(document_id):
        if not thread.comments:
            continue
        mine = [c for c in thread.comments if c.author == author]
        changed = thread.changed_by == author and thread.changed_at is not None
        if not mine and not changed:
            continue
        first = thread.comments[0]
        item: dict[str, Any] = {
            "thread": [first.author, first.created],
            "anchor": thread.anchor,
            "created": thread.created,
            "messages": [{"body": c.body, "created": c.created} for c in mine],
        }
        if changed:
            item["resolved"] = thread.resolved
            item["changed_at"] = thread.changed_at
        threads.append(item)
    return {"threads": threads}


@dataclass
class _Said:
    key: tuple[str, str]
    anchor: dict[str, Any] | None
    created: str
    messages: list[tuple[str, str]] = field(default_factory=list)  # (body, created)
    resolved: bool | None = None
    changed_at: str | None = None


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise InputError(f"{what} is not text")
    problem = value_problem(value, what)
    if problem:
        raise InputError(problem)
    return value


def _read(text: str) -> list[_Said]:
    """A hub row's threads, every field checked; :class:`InputError` when not valid."""
    content = jsondecode.loads(text)
    if not isinstance(content, dict) or not isinstance(content.get("threads"), list):
        raise InputError("it is not an object with a list of threads")
    said = []
    for number, item in enumerate(content["threads"], 1):
        where = f"thread {number}"
        if not isinstance(item, dict):
            raise InputError(f"{where} is not an object")
        key = item.get("thread")
        if not isinstance(key, list) or len(key) != 2:
            raise InputError(f"{where}: 'thread' must be [author, time]")
        anchor = item.get("anchor")
        if anchor is not None and not isinstance(anchor, dict):
            raise InputError(f"{where}: 'anchor' must be an object")
        problem = value_problem(anchor, f"{where}'s anchor")
        if problem:
            raise InputError(problem)
        messages = item.get("messages")
        if not isinstance(messages, list):
            raise InputError(f"{where}: 'messages' must be a list")
        entry = _Said(
            (_text(key[0], f"{where}'s author"), _text(key[1], f"{where}'s time")),
            anchor,
            _text(item.get("created", key[1]), f"{where}'s time"),
        )
        for message in messages:
            if not isinstance(message, dict):
                raise InputError(f"{where}: a message is not an object")
            body = _text(message.get("body"), f"{where}: a message's body")
            entry.messages.append((body, _text(message.get("created"), f"{where}: a time")))
        if "changed_at" in item:
            entry.changed_at = _text(item["changed_at"], f"{where}'s change time")
            entry.resolved = bool(item.get("resolved"))
        said.append(entry)
    return said


def _span_for(project: Project, document_id: int, anchor: dict[str, Any] | None) -> int | None:
    if not anchor:
        return None
    for span in project.spans.for_document(document_id, anchor.get("annotator")):
        if (span.start, span.end, span.label) == (
            anchor.get("start"),
            anchor.get("end"),
            anchor.get("label"),
        ):
            return span.id
    return None


def apply_talk(project: Project, document_id: int, author: str, text: str) -> int:
    """Take one person's row of a document's discussions (inside the caller's transaction);
    returns the comments added. :class:`InputError` (nothing taken) when it is not valid."""
    said = _read(text)
    threads: dict[tuple[str, str], Thread] = {
        (t.comments[0].author, t.comments[0].created): t
        for t in project.comments.for_document(document_id)
        if t.comments
    }
    added = 0
    for entry in said:
        thread = threads.get(entry.key)
        if thread is None:
            starts = entry.key[0] == author and any(c == entry.key[1] for _, c in entry.messages)
            if not starts:
                continue  # a reply to a thread this project cannot see (yet)
            thread_id = project.comments.add_thread(
                document_id,
                _span_for(project, document_id, entry.anchor),
                entry.anchor,
                entry.created,
            )
            have: set[tuple[str, str]] = set()
            changed_at = None
        else:
            thread_id = thread.id
            have = {(c.body, c.created) for c in thread.comments if c.author == author}
            changed_at = thread.changed_at
        for body, created in sorted(entry.messages, key=lambda m: m[1]):
            if (body, created) not in have:
                project.comments.add_comment(thread_id, author, body, created)
                added += 1
        if entry.changed_at is not None and entry.changed_at > (changed_at or ""):
            project.comments.set_resolved(thread_id, bool(entry.resolved), author, entry.changed_at)
    return added
