"""Icons from Material Design Icons (Apache 2.0), through qtawesome: crisp at any size and
on a projector, and coloured to follow the style. One table, so every action that means
the same thing shows the same picture."""

from __future__ import annotations

import os
from functools import cache

from PySide6.QtGui import QIcon

os.environ.setdefault("QT_API", "pyside6")  # qtawesome speaks to Qt through QtPy

NAMES = {
    "new": "mdi6.file-outline", "open": "mdi6.folder-open-outline", "save": "mdi6.content-save-outline",
    "export_pack": "mdi6.file-pdf-box", "export_diagram": "mdi6.image-outline",
    "import": "mdi6.file-import-outline", "merge": "mdi6.call-merge", "export_tools": "mdi6.file-export-outline",
    "undo": "mdi6.undo", "redo": "mdi6.redo",
    "tool_select": "mdi6.cursor-default", "tool_add": "mdi6.plus-box-outline", "tool_link": "mdi6.vector-line",
    "tool_pen": "mdi6.draw", "tool_bubble": "mdi6.message-outline", "tool_box": "mdi6.rectangle-outline",
    "tool_stencil": "mdi6.human-male", "zoom_in": "mdi6.magnify-plus-outline", "zoom_out": "mdi6.magnify-minus-outline",
    "zoom_fit": "mdi6.fit-to-screen-outline", "high_contrast": "mdi6.contrast-box", "present": "mdi6.presentation-play", "storyline_panel": "mdi6.format-list-numbered",
    "text_bigger": "mdi6.format-font-size-increase", "text_smaller": "mdi6.format-font-size-decrease",
    "welcome": "mdi6.home-outline", "rich_picture": "mdi6.image-filter-hdr", "overlay": "mdi6.graph-outline",
    "side_by_side": "mdi6.view-split-vertical", "conceptual_model": "mdi6.sitemap-outline",
    "catwoe": "mdi6.table", "comparison": "mdi6.table-check", "actions": "mdi6.format-list-checks",
    "speech": "mdi6.message-outline", "thought": "mdi6.thought-bubble-outline", "photo": "mdi6.camera-outline",
    "box": "mdi6.rectangle-outline", "ellipse": "mdi6.ellipse-outline", "arrows": "mdi6.arrow-left-right",
    "front": "mdi6.arrange-bring-to-front", "back": "mdi6.arrange-send-to-back", "group": "mdi6.group",
    "ungroup": "mdi6.ungroup", "rotate": "mdi6.rotate-right", "bigger": "mdi6.arrow-expand-all",
    "smaller": "mdi6.arrow-collapse-all", "lock": "mdi6.lock-outline", "lock_backdrop": "mdi6.lock-check-outline",
    "align_left": "mdi6.align-horizontal-left", "align_top": "mdi6.align-vertical-top",
    "distribute_h": "mdi6.distribute-horizontal-center", "distribute_v": "mdi6.distribute-vertical-center",
    "to_layer": "mdi6.layers-outline", "perspective": "mdi6.account-group-outline",
    "add_perspective": "mdi6.account-plus-outline", "rename_perspective": "mdi6.pencil-outline",
    "remove_perspective": "mdi6.account-remove-outline", "set_active": "mdi6.target-account",
    "solo": "mdi6.eye-circle-outline", "colour": "mdi6.palette-outline", "move_up": "mdi6.arrow-up",
    "move_down": "mdi6.arrow-down", "copy": "mdi6.content-copy", "paste": "mdi6.content-paste",
    "delete": "mdi6.delete-outline", "tidy": "mdi6.auto-fix", "shortcuts": "mdi6.keyboard-outline",
}


@cache
def icon(key: str) -> QIcon:
    """The icon for ``key``; an empty icon (the text still shows) if the font cannot load."""
    name = NAMES.get(key)
    if name is None:
        return QIcon()
    try:
        import qtawesome

        return qtawesome.icon(name, color="#2B2B2B", color_active="#1F6FEB")
    except Exception:  # noqa: BLE001 - a missing icon font must never stop the app
        return QIcon()
