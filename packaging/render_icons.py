"""Render resources/icons/reviewer.svg to the PNG sizes and the Windows .ico that are committed beside it.

Run after changing the SVG (`.venv/bin/python packaging/render_icons.py`); a test checks that every size is there.
Qt's own SVG renderer (QtSvg, part of PySide6-Essentials) draws them, so no other tool is needed. The .ico holds
PNG images, which Windows reads since Vista, with the sizes Explorer and the taskbar ask for.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 256)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"could not encode the {size} px icon")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """An ICO file (header, one directory entry per image, then the PNG data); a width of 0 means 256."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, payload = b"", b""
    for size, png in images.items():
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(payload))
        payload += png
    return header + entries + payload


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "reviewer.svg"))
    if not renderer.isValid():
        print("reviewer.svg is not a valid SVG", file=sys.stderr)
        return 1
    (ICONS / "png").mkdir(exist_ok=True)
    rendered = {size: render(renderer, size) for size in PNG_SIZES}
    for size, png in rendered.items():
        (ICONS / "png" / f"reviewer-{size}.png").write_bytes(png)
    (ICONS / "reviewer.ico").write_bytes(ico({size: rendered[size] for size in ICO_SIZES}))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
