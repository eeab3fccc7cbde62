"""What the training-data writers (CoNLL, spaCy, Hugging Face) share.

Their options (``ExportContext.options``): ``tokens`` (auto, words, whitespace),
``split_clitics``, ``sentences``, ``scheme`` (iob2, bioes, bilou), ``drop_unaligned`` and
``split`` (a :class:`~annotator.core.splits.SplitPlan`: one file per part, in a folder).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, TextIO

from annotator.core.errors import InputError
from annotator.core.splits import SplitPlan
from annotator.core.tagging import WRITABLE_SCHEMES
from annotator.core.tokenised import TOKEN_MODES, Misfit, Tokenisation
from annotator.formats.writing import atomic_directory, atomic_file

SHOWN = 20  # misfits listed in an error message; the rest are counted
LEFT_OUT = "left out: "  # how the notes of spans left out begin


def tokenisation(options: dict[str, Any]) -> Tokenisation:
    tokens = options.get("tokens", "auto")
    if tokens not in TOKEN_MODES:
        raise InputError(f"tokens must be one of {', '.join(TOKEN_MODES)}, not {tokens!r}")
    return Tokenisation(
        tokens=tokens,
        split_clitics=bool(options.get("split_clitics")),
        sentences=bool(options.get("sentences")),
    )


def scheme(options: dict[str, Any]) -> str:
    chosen = options.get("scheme", "iob2")
    if chosen not in WRITABLE_SCHEMES:
        raise InputError(
            f"tag scheme must be one of {', '.join(WRITABLE_SCHEMES)} for export, not {chosen!r}"
        )
    return chosen


class Misfits:
    """Spans a writer could not place: the export fails listing them, or leaves them out."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.drop = bool(options.get("drop_unaligned"))
        self.items: list[Misfit] = []

    def add(self, misfits: list[Misfit]) -> None:
        self.items.extend(misfits)

    def settle(self, notes: list[str]) -> None:
        """Raise if spans did not fit and dropping was not asked for; else note each one."""
        if not self.items:
            return
        lines = [misfit.message for misfit in self.items]
        if not self.drop:
            shown = "\n  ".join(lines[:SHOWN])
            more = f"\n  … and {len(lines) - SHOWN} more" if len(lines) > SHOWN else ""
            raise InputError(
                f"{len(lines)} span{'s' * (len(lines) != 1)} do not fit the tokens, so "
                f"nothing was written:\n  {shown}{more}\n"
                "Cut proclitics (--split-clitics), choose another tokenisation (--tokens), "
                "or leave these spans out (--drop-unaligned)."
            )
        notes.extend(f"{LEFT_OUT}{line}" for line in lines)


@contextmanager
def text_outputs(
    out: Path, plan: SplitPlan | None, suffix: str
) -> Iterator[Callable[[int], TextIO | None]]:
    """Where each document goes: one file, or with a split one file per part in a folder."""
    if plan is None:
        with atomic_file(out) as stream:
            yield lambda _document_id: stream
        return
    with atomic_directory(out) as folder, ExitStack() as files:
        streams = {
            name: files.enter_context(
                (folder / f"{name}{suffix}").open("w", encoding="utf-8", newline="\n")
            )
            for name in plan.names
        }

        def route(document_id: int) -> TextIO | None:
            name = plan.of(document_id)
            return streams[name] if name is not None else None

        yield route
