"""The readers' JSON decoding: :mod:`annotator.core.jsondecode`, which a schema file (read in
``core``) shares with every format, so that nesting too deep to read is refused in one way."""

from annotator.core.jsondecode import loads

__all__ = ["loads"]
