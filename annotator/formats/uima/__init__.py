"""UIMA CAS XMI, INCEpTION's default import and export format, through dkpro-cassis.

dkpro-cassis is an optional dependency (the ``uima`` extra): without it, reading or writing
XMI stops here with how to install it, before any module of the package imports it.
"""

from annotator.core.errors import InputError

try:
    import cassis  # noqa: F401
except ImportError:
    raise InputError("UIMA XMI needs dkpro-cassis: pip install 'annotator[uima]'") from None
