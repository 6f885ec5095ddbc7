"""A Qt application for drawing, with or without a display (batch packs, CI, servers)."""

from __future__ import annotations

import os
import sys


def ensure_platform() -> None:
    """With no display use Qt's offscreen platform, so commands work in batch."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def ensure_application():
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if existing is not None:
        return existing
    ensure_platform()
    return QApplication(sys.argv[:1])
