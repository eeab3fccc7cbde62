"""Errors a user can cause, with messages a researcher can act on."""

from __future__ import annotations

from pathlib import Path


class AnnotatorError(Exception):
    """Base of every error the command line and the window show as a message, not a traceback."""


class InputError(AnnotatorError):
    """Bad input: names the file, the line or record, and what is wrong."""

    def __init__(
        self,
        reason: str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        record: int | None = None,
    ) -> None:
        # an unpaired surrogate quoted from a file could not be printed: shown as \udxxx
        self.reason = reason.encode("utf-8", "backslashreplace").decode("utf-8")
        self.file = str(file) if file is not None else None
        self.line = line
        self.record = record
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = []
        if self.file:
            where.append(self.file)
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.record is not None:
            where.append(f"record {self.record}")
        return f"{', '.join(where)}: {self.reason}" if where else self.reason

    def located(
        self, *, file: str | Path | None = None, line: int | None = None, record: int | None = None
    ) -> InputError:
        """The same error with its location filled in where it was not known yet."""
        return InputError(
            self.reason,
            file=self.file or file,
            line=self.line if self.line is not None else line,
            record=self.record if self.record is not None else record,
        )


class ProjectError(AnnotatorError):
    """A project that cannot be opened or used as asked (missing, newer format, in use…)."""


class SchemaError(AnnotatorError):
    """A label schema that is not well formed, or an operation the schema does not allow."""


class Cancelled(AnnotatorError):
    """The user stopped a long operation; whatever it was writing was rolled back."""

    def __init__(self, message: str = "cancelled; nothing was changed") -> None:
        super().__init__(message)
