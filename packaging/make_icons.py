"""Render the app icon (resources/icons/ssm-studio.svg) at the usual sizes, and as .ico and
.icns for the Windows and macOS builds.

Run:  QT_QPA_PLATFORM=offscreen python packaging/make_icons.py   (writes resources/icons/)
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def main() -> None:
    QGuiApplication([])
    renderer = QSvgRenderer(str(ICONS / "ssm-studio.svg"))
    pngs = {size: render(renderer, size) for size in SIZES}
    for size, data in pngs.items():
        (ICONS / f"ssm-studio-{size}.png").write_bytes(data)
    largest = Image.open(io.BytesIO(pngs[512]))
    largest.save(ICONS / "ssm-studio.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    largest.save(ICONS / "ssm-studio.icns")
    print(f"wrote {len(pngs)} PNGs, ssm-studio.ico and ssm-studio.icns to {ICONS}")


if __name__ == "__main__":
    main()
