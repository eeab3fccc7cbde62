"""A large file's records read and checked in a second process while this one writes.

Reading, checking and preparing records (:mod:`annotator.ops.import_checks`) takes about as
long as writing them. On a machine with more than one core, for a large file, a process of
its own does the first while the importing process does the second: the same checks, the
same records in the same order, the same refusals (raised here, after the records before
them), one transaction, all or nothing. The pipe between them holds a few batches; the reader
waits when the writer is behind, so memory does not grow with the file. A reader that stops
without a word (killed, out of memory) stops the import, which then writes nothing; one that
cannot start at all leaves the file to the importing process, which reads it itself.
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

from annotator.core import schema as schema_module
from annotator.core.errors import AnnotatorError, InputError
from annotator.core.records import PreparedEvent, PreparedRecord, PreparedSpan, UnknownLabels
from annotator.core.schema import Schema
from annotator.formats.options import HINTS, NOTES, new_options
from annotator.formats.registry import read_records
from annotator.ops.import_checks import Checked, Where, check_records
from annotator.ops.labels import LabelPolicy

LARGE = 32 * 1024 * 1024  # bytes: a smaller file is read here (a process takes ~0.3 s to start)
BATCH = 64  # records sent together
PIPE_BYTES = 1024 * 1024  # what the pipe may hold: a few batches (Linux's most, unprivileged)


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every system
        return os.cpu_count() or 1


Wire = tuple  # a checked record as built-in values, which cross a pipe several times faster

_span = functools.partial(tuple.__new__, PreparedSpan)  # a span of its fields, at C speed
_new = object.__new__


def _to_wire(item: Checked) -> Wire:
    where, prepared = item
    if isinstance(prepared, UnknownLabels):
        return tuple(where), None, sorted(prepared.labels)
    fields = {**vars(prepared)}
    fields["spans"] = list(map(tuple, prepared.spans))
    fields["events"] = [vars(event) for event in prepared.events]
    return tuple(where), fields, None


def _from_wire(wire: Wire) -> Checked:
    where, fields, unknown = wire
    if fields is None:
        return Where(*where), UnknownLabels(set(unknown))
    fields["spans"] = tuple(map(_span, fields["spans"]))
    fields["events"] = tuple(map(_event, fields["events"]))
    record = _new(PreparedRecord)
    record.__dict__.update(fields)  # frozen: its fields are set as unpickling sets them
    return Where(*where), record


def _event(fields: dict[str, Any]) -> PreparedEvent:
    event = _new(PreparedEvent)
    event.__dict__.update(fields)
    return event


def worth_a_process(path: Path, policy: LabelPolicy) -> bool:
    """Whether to read ``path`` in a second process: a large file, labels renamed at most
    (labels added change the schema as records are read), and a core to spare."""
    return not policy.add and path.is_file() and path.stat().st_size >= LARGE and cores() > 1


def _read_and_check(job: dict[str, Any], out: BinaryIO) -> None:
    """The second process: every record of the file, checked, written to ``out`` in
    batches; then the reader's notes and hints, or what stopped it."""
    batch: list[Wire] = []
    try:
        schema = schema_module.from_json(job["schema"])
        policy = LabelPolicy(None, job["mapping"], add=False, schema=schema)
        options = new_options(job["flags"])
        source = Path(job["path"])
        records = read_records(job["format"], source, job["encoding"], options)
        checked = check_records(
            records, source, options, policy, job["annotator"], job["one_layer"], lambda: schema
        )
        for item in checked:
            batch.append(_to_wire(item))
            if len(batch) == BATCH:
                _send(out, ("records", batch))
                batch = []
        _send(out, ("records", batch))
        _send(out, ("done", options[NOTES], options[HINTS]))
    except (BrokenPipeError, ConnectionResetError):
        pass  # the importing process stopped reading first: it has its own reason
    except InputError as error:
        _last_word(out, ("records", batch))
        _last_word(out, ("refused", error.reason, error.file, error.line, error.record))
    except Exception as error:  # said to the importing process, which stops
        _last_word(out, ("failed", f"{type(error).__name__}: {error}"))


def _send(out: BinaryIO, message: tuple) -> None:
    pickle.dump(message, out, protocol=pickle.HIGHEST_PROTOCOL)
    out.flush()


def _last_word(out: BinaryIO, message: tuple) -> None:
    with contextlib.suppress(OSError):  # the importing process may have gone
        _send(out, message)


def _serve() -> None:
    """The second process: the job comes on standard input, the records go to standard
    output; nothing else may write there."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the importing process's to handle
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # whatever else writes to standard output goes where errors go
    sys.stdout = sys.stderr
    _widen(out)
    job = pickle.load(sys.stdin.buffer)
    _send(out, ("ready",))
    _read_and_check(job, out)
    with contextlib.suppress(OSError):
        out.close()


def _widen(out: BinaryIO) -> None:
    """Let the pipe hold a few batches (Linux), so that reading runs ahead of writing."""
    try:
        import fcntl  # not on every system
    except ImportError:
        return
    with contextlib.suppress(OSError, ValueError):
        fcntl.fcntl(out.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)


_ROOT = Path(__file__).resolve().parents[2]  # the folder this ``annotator`` is found in
# The second process runs this module of this ``annotator``: its folder goes first on the
# path unless Python looks there already (an installed package: nothing to shadow the
# standard library with).
_START = (
    "import sys; root = {root!r}; root in sys.path or sys.path.insert(0, root); "
    "from annotator.ops.import_process import _serve; _serve()"
)


class NotStarted(Exception):
    """The second process could not start (or stopped before it began to read): the file
    is read by the importing process instead, as nothing of it has been written."""


class CheckingProcess:
    """The second process for one file; a context manager that stops it on the way out.

    It is a Python of its own running this module, not a fork of this process (which may
    hold a window) nor a re-run of its main module."""

    def __init__(
        self,
        fmt: str,
        path: Path,
        encoding: str,
        flags: dict[str, Any],
        policy: LabelPolicy,
        annotator: str,
        one_layer: bool,
        schema: Schema,
    ) -> None:
        self.path = path
        self._started = False
        job = {
            "format": fmt,
            "path": str(path),
            "encoding": encoding,
            "flags": flags,
            "annotator": annotator,
            "one_layer": one_layer,
            "mapping": dict(policy.mapping),
            "schema": schema.to_json(),
        }
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-c", _START.format(root=str(_ROOT))],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError as error:
            raise NotStarted(str(error)) from None
        assert self._process.stdin is not None and self._process.stdout is not None
        self._out = self._process.stdout
        try:
            pickle.dump(job, self._process.stdin)
            self._process.stdin.close()
        except OSError:
            pass  # it stopped at once: reading says so

    def __enter__(self) -> CheckingProcess:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._process.poll() is None:
            self._process.kill()
        self._out.close()
        self._process.wait()

    def records(self, options: dict[str, Any]) -> Iterator[Checked]:
        """The checked records, in file order; the reader's notes and hints go into
        ``options`` once the last has come."""
        while True:
            try:
                message = pickle.load(self._out)
            except Exception:  # the end of the pipe, or what is no message of ours
                code = self._process.wait()
                if not self._started:
                    raise NotStarted(f"exit code {code}") from None
                raise AnnotatorError(
                    f"{self.path}: the process reading the file stopped before its end "
                    f"(exit code {code}); nothing was imported"
                ) from None
            kind = message[0]
            if kind == "ready":
                self._started = True
            elif kind == "records":
                yield from map(_from_wire, message[1])
            elif kind == "done":
                options[NOTES].extend(message[1])
                options[HINTS].extend(message[2])
                return
            elif kind == "refused":
                _, reason, file, line, record = message
                raise InputError(reason, file=file, line=line, record=record)
            else:
                raise AnnotatorError(f"{self.path}: reading the file failed: {message[1]}")
