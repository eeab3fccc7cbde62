"""python -m annotator.bench [window] — print speed figures with their goals."""

from __future__ import annotations

import argparse
import platform
import sys


def machine() -> str:
    import os

    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m annotator.bench", description=__doc__)
    parser.add_argument("what", nargs="*", default=["window"], choices=["window"])
    args = parser.parse_args(argv)
    print(f"machine: {machine()}")
    if "window" in args.what:
        from annotator.ui import benchmark  # Qt lives under ui/

        print(benchmark.report(benchmark.run()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
