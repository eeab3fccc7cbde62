"""Real processes for crash tests: start one, wait for a line it prints, kill it with SIGKILL.

Made for any program of ours, the window included: a child prints a marker line (flushed)
when it reaches the moment the test wants to interrupt, and the test waits for that line
instead of sleeping, so the tests stay exact on a slow, loaded machine.

    with Child(["-m", "annotator", "import", folder, "big.jsonl"]) as child:
        child.wait_until(lambda: wal.stat().st_size > 4_000_000, "the import writes")
        child.kill()
"""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120.0  # generous: a loaded two-core machine can be slow, and a hang fails anyway


class ChildFailed(AssertionError):
    pass


class Child:
    """A Python process (``python ARGS``) whose output lines a test can wait for."""

    def __init__(
        self,
        args: Sequence[str | Path],
        *,
        env: dict[str, str] | None = None,
        cwd: Path = ROOT,
    ) -> None:
        self.process = subprocess.Popen(
            [sys.executable, *map(str, args)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
            text=True,
            encoding="utf-8",
        )
        self.lines: list[str] = []
        self._stderr: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._readers = [
            threading.Thread(target=self._pump_stdout, daemon=True),
            threading.Thread(target=self._pump_stderr, daemon=True),
        ]
        for reader in self._readers:
            reader.start()

    def _pump_stdout(self) -> None:
        for line in self.process.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def _pump_stderr(self) -> None:
        for line in self.process.stderr:
            self._stderr.append(line)

    @property
    def stderr(self) -> str:
        return "".join(self._stderr)

    def _failure(self, what: str) -> ChildFailed:
        return ChildFailed(
            f"{what}; exit code {self.process.poll()}; last output {self.lines[-5:]}; "
            f"stderr:\n{self.stderr[-3000:]}"
        )

    def wait_for(self, marker: str | Callable[[str], bool], timeout: float = TIMEOUT) -> str:
        """The first line (from now on) that starts with ``marker`` or satisfies it."""
        matches = marker if callable(marker) else (lambda line: line.startswith(marker))
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise self._failure(f"no line {marker!r} within {timeout} s")
            try:
                line = self._queue.get(timeout=left)
            except queue.Empty:
                continue
            if line is None:
                self._queue.put(None)
                self.process.wait()
                for reader in self._readers:
                    reader.join(timeout=5)
                raise self._failure(f"the process ended before printing {marker!r}")
            self.lines.append(line)
            if matches(line):
                return line

    def wait_until(self, condition: Callable[[], bool], what: str, timeout: float = TIMEOUT):
        """Poll ``condition`` (a file growing, a row appearing) while the process runs."""
        deadline = time.monotonic() + timeout
        while not condition():
            if self.process.poll() is not None:
                raise self._failure(f"the process ended before {what}")
            if time.monotonic() > deadline:
                raise self._failure(f"not {what} within {timeout} s")
            time.sleep(0.005)

    def send(self, line: str) -> None:
        """Write a line to the process's stdin (a start signal, a go-ahead)."""
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def kill(self, sig: int = signal.SIGKILL) -> int:
        """Send ``sig`` (SIGKILL: no clean-up code runs) and wait for the process to end."""
        if self.process.poll() is None:
            os.kill(self.process.pid, sig)
        code = self.process.wait(timeout=TIMEOUT)
        self._drain()
        return code

    def finish(self, timeout: float = TIMEOUT) -> int:
        """Let the process end on its own; its exit code."""
        self.process.stdin.close()
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise self._failure(f"still running after {timeout} s") from None
        self._drain()
        return code

    def _drain(self) -> None:
        for reader in self._readers:
            reader.join(timeout=10)
        while True:
            try:
                line = self._queue.get_nowait()
            except queue.Empty:
                return
            if line is not None:
                self.lines.append(line)

    def __enter__(self) -> Child:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=TIMEOUT)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            with contextlib.suppress(OSError):
                stream.close()


def annotator(*args: str | Path, **kwargs) -> Child:
    """The command line, as a user runs it, in a child process."""
    return Child(["-m", "annotator", *args], **kwargs)


def run_annotator(*args: str | Path, timeout: float = TIMEOUT) -> subprocess.CompletedProcess:
    """Run a command to its end in a real process; returns its exit code and output."""
    return subprocess.run(
        [sys.executable, "-m", "annotator", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )
