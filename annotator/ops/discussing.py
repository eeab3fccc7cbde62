"""Discussion on annotations: threads of comments on a span, an event or a whole document.

Each change is one transaction with an audit entry. A thread on a span remembers the span
(its anchor), so it stays readable when the span is deleted and finds the span again when an
undo or a merge brings the same span back; and a gold span accepted from a colleague's span
shows that span's threads (through the gold span's provenance).
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.discussion import Comment, Thread, ThreadRecord, anchor_of
from annotator.core.errors import AnnotatorError
from annotator.core.model import Span
from annotator.review.adjudicate import sources_of
from annotator.store.project import Project, now


class DiscussionError(AnnotatorError):
    """A comment that cannot be made as asked."""


def _body(body: str) -> str:
    text = body.strip() if isinstance(body, str) else ""
    if not text:
        raise DiscussionError("a comment needs some text")
    return text


def start_thread(
    project: Project, document_id: int, author: str, body: str, span_id: int | None = None
) -> Thread:
    """Begin a discussion on a span (an event is its trigger span) or, without one, a document."""
    text = _body(body)
    if project.documents.name(document_id) is None:
        raise DiscussionError(f"document {document_id} does not exist")
    anchor = None
    if span_id is not None:
        span = project.spans.get(span_id)
        if span is None or span.document_id != document_id:
            raise DiscussionError(f"span {span_id} is not in document {document_id}")
        anchor = anchor_of(span.annotator, span.start, span.end, span.label, span.text)
    time = now()
    with project.write():
        thread_id = project.comments.add_thread(document_id, span_id, anchor, time)
        comment_id = project.comments.add_comment(thread_id, author, text, time)
        project.audit.record(
            time,
            author,
            "comment",
            document_id,
            span_id,
            after={"thread": thread_id, "comment": comment_id, "body": text},
        )
    return project.comments.get(thread_id)


def reply(project: Project, thread_id: int, author: str, body: str) -> Comment:
    text = _body(body)
    thread = project.comments.get(thread_id)
    if thread is None:
        raise DiscussionError(f"thread {thread_id} does not exist")
    time = now()
    with project.write():
        comment_id = project.comments.add_comment(thread_id, author, text, time)
        project.audit.record(
            time,
            author,
            "comment",
            thread.document_id,
            thread.span_id,
            after={"thread": thread_id, "comment": comment_id, "body": text},
        )
    return project.comments.comment(comment_id)


def _set_resolved(project: Project, thread_id: int, author: str, resolved: bool) -> Thread:
    thread = project.comments.get(thread_id)
    if thread is None:
        raise DiscussionError(f"thread {thread_id} does not exist")
    time = now()
    with project.write():
        project.comments.set_resolved(thread_id, resolved, author, time)
        project.audit.record(
            time,
            author,
            "resolve" if resolved else "reopen",
            thread.document_id,
            thread.span_id,
            before={"thread": thread_id, "resolved": thread.resolved},
            after={"thread": thread_id, "resolved": resolved},
        )
    return project.comments.get(thread_id)


def resolve(project: Project, thread_id: int, author: str) -> Thread:
    return _set_resolved(project, thread_id, author, True)


def reopen(project: Project, thread_id: int, author: str) -> Thread:
    return _set_resolved(project, thread_id, author, False)


def delete_comment(project: Project, comment_id: int, author: str) -> Thread | None:
    """Delete one comment; a thread left with none goes too. Returns the thread, if it remains."""
    comment = project.comments.comment(comment_id)
    if comment is None:
        raise DiscussionError(f"comment {comment_id} does not exist")
    thread = project.comments.get(comment.thread_id)
    time = now()
    with project.write():
        project.comments.delete_comment(comment_id)
        if len(thread.comments) == 1:
            project.comments.delete_thread(thread.id)
        project.audit.record(
            time,
            author,
            "delete comment",
            thread.document_id,
            thread.span_id,
            before={"thread": thread.id, "comment": comment_id, "body": comment.body},
        )
    return project.comments.get(thread.id)


def threads(project: Project, document_id: int, open_only: bool = False) -> list[Thread]:
    """A document's threads, in the order they began."""
    return project.comments.for_document(document_id, open_only)


def project_threads(
    project: Project, open_only: bool = False, offset: int = 0, limit: int = 100
) -> list[Thread]:
    """One page of the threads of the whole project, by document (for a lazy list)."""
    return project.comments.page(offset, limit, open_only)


def count_threads(project: Project, open_only: bool = False) -> int:
    return project.comments.count(open_only)


def _matching_detached(
    project: Project, document_id: int, keys: set[tuple[str, int, int, str]]
) -> list[Thread]:
    return [
        thread
        for thread in project.comments.detached(document_id)
        if any(thread.anchored_to(*key) for key in keys)
    ]


def threads_for_span(project: Project, span_id: int) -> list[Thread]:
    """Threads about a span: on it, on the same span before an undo or a merge brought it back,
    and — for a gold span — on the annotators' spans it was accepted from."""
    span = project.spans.get(span_id)
    if span is None:
        return []
    ids = [span.id]
    keys = {(span.annotator, span.start, span.end, span.label)}
    for source in sources_of(span):
        ids.append(source.get("span"))
        keys.add(
            (source.get("annotator"), source.get("start"), source.get("end"), source.get("label"))
        )
    found = {t.id: t for t in project.comments.for_spans(i for i in ids if isinstance(i, int))}
    found.update({t.id: t for t in _matching_detached(project, span.document_id, keys)})
    return [found[key] for key in sorted(found)]


def add_threads(
    project: Project,
    document_id: int,
    records: Iterable[ThreadRecord],
    span_ids: dict[str, int],
    spans: dict[int, Span] | None = None,
) -> tuple[int, int]:
    """Write threads read from a file (inside the caller's transaction), skipping any thread or
    comment that is there already. ``span_ids`` maps the file's span ids to ours.

    Returns (threads added, comments added).
    """
    existing = project.comments.for_document(document_id)
    known = {
        _thread_key(t.comments[0].author, t.comments[0].created, t.comments[0].body): t
        for t in existing
        if t.comments
    }
    threads_added = comments_added = 0
    for record in records:
        if not record.messages:
            continue
        first = record.messages[0]
        thread = known.get(_thread_key(first.author, first.created, first.body))
        span_id = span_ids.get(record.annotation) if record.annotation is not None else None
        if thread is None:
            anchor = record.anchor
            if span_id is not None and spans and span_id in spans:
                span = spans[span_id]
                anchor = anchor_of(span.annotator, span.start, span.end, span.label, span.text)
            created = record.created or first.created
            thread_id = project.comments.add_thread(
                document_id,
                span_id,
                anchor,
                created,
                resolved=record.resolved,
                changed_by=record.changed_by,
                changed_at=record.changed_at,
            )
            threads_added += 1
            have: set[tuple[str, str, str]] = set()
        else:
            thread_id = thread.id
            have = {(c.author, c.created, c.body) for c in thread.comments}
            if (record.changed_at or "") > (thread.changed_at or ""):
                project.comments.set_resolved(
                    thread_id, record.resolved, record.changed_by, record.changed_at
                )
        for message in record.messages:
            if (message.author, message.created, message.body) not in have:
                project.comments.add_comment(
                    thread_id, message.author, message.body, message.created
                )
                comments_added += 1
    return threads_added, comments_added


def _thread_key(author: str, created: str, body: str) -> tuple[str, str, str]:
    return (author, created, body)
