"""Before Qt starts: say which system libraries are missing, instead of Qt's cryptic
"could not load the Qt platform plugin xcb" abort."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys

# Libraries Qt's X11 plugin loads, with the Debian/Ubuntu package that provides each.
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "EGL": "libegl1",
    "fontconfig": "libfontconfig1",
}


def _loadable(name: str) -> bool:
    found = ctypes.util.find_library(name)
    if found is None:
        return False
    try:
        ctypes.CDLL(found)
    except OSError:
        return False
    return True


def missing_libraries(libraries: dict[str, str] = XCB_LIBRARIES) -> str | None:
    """A message naming what to install, or None when the window can start."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None  # offscreen, wayland, vnc…: Qt's X11 libraries are not needed
    if not os.environ.get("DISPLAY") and not platform:
        if os.environ.get("WAYLAND_DISPLAY"):
            return None
        return (
            "annotator needs a display to open its window (no DISPLAY is set). Run it in a "
            "desktop session, or use the command line: annotator --help"
        )
    missing = sorted({package for lib, package in libraries.items() if not _loadable(lib)})
    if not missing:
        return None
    return (
        "annotator's window needs system libraries that are not installed: "
        f"{', '.join(missing)}.\nOn Debian or Ubuntu install them with:\n"
        f"  sudo apt-get install {' '.join(missing)}"
    )
