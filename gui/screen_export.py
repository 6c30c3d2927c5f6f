"""Export everywhere: what is on screen (the visible panels) as PNG and SVG, with a caption band.

The caption says what the picture shows: the model of each slot, the sentence and the
panels' settings (an auto caption the teacher can edit). Files are written atomically.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QImage, QPainter, QRegion
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from .widgets.export import _atomic

#: Caption band height in logical pixels per text line.
CAPTION_LINE_PX = 26


def screen_rect(window: QMainWindow) -> QRect:
    """The part of ``window`` the audience sees: the union of the visible panels (docks)."""
    rect = QRect()
    for dock in getattr(window, "docks", {}).values():
        if dock.isVisible() and not dock.visibleRegion().isEmpty() and not dock.isFloating():
            rect = rect.united(dock.geometry())
    return rect if rect.isValid() else window.rect()


def auto_caption(window: QMainWindow) -> str:
    """Model per slot, the shared sentence and the visible panels' view settings."""
    parts: list[str] = []
    for slot in ("A", "B"):
        loaded = window.state.model(slot)
        if loaded is not None:
            parts.append(QCoreApplication.translate("ScreenExport", "Model {0}: {1}").format(slot, loaded.name))
    text = window.state.current_input.text
    if text:
        parts.append(QCoreApplication.translate("ScreenExport", "Input: “{0}”").format(text if len(text) < 120 else text[:117] + "…"))
    for key, dock in window.docks.items():
        if dock.isVisible() and not dock.visibleRegion().isEmpty():
            view = window.panels[key].view_state()
            if view:
                settings = ", ".join(f"{k}={v}" for k, v in view.items() if v not in (None, "", False))
                parts.append(f"{window.panels[key].display_title()}: {settings}")
    return " · ".join(parts)


def _caption_lines(caption: str, width: int, font: QFont) -> list[str]:
    from PySide6.QtGui import QFontMetrics

    m = QFontMetrics(font)
    lines: list[str] = []
    for para in caption.splitlines() or [""]:
        line = ""
        for word in para.split(" "):
            trial = f"{line} {word}".strip()
            if m.horizontalAdvance(trial) > width - 24 and line:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return [x for x in lines if x] or []


def _paint(window: QWidget, rect: QRect, caption: str, painter: QPainter, width: int) -> None:
    window.render(painter, QPoint(0, 0), QRegion(rect))
    if not caption:
        return
    font = QFont(QApplication.font())
    font.setPointSizeF(max(9.0, font.pointSizeF()))
    lines = _caption_lines(caption, width, font)
    top = rect.height()
    band = QRectF(0, top, width, CAPTION_LINE_PX * len(lines) + 12)
    painter.fillRect(band, Qt.GlobalColor.white)
    painter.setPen(Qt.GlobalColor.black)
    painter.setFont(font)
    for i, line in enumerate(lines):
        painter.drawText(QRectF(12, top + 6 + i * CAPTION_LINE_PX, width - 24, CAPTION_LINE_PX),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), line)


def _size(window: QWidget, rect: QRect, caption: str) -> QSize:
    font = QFont(QApplication.font())
    n = len(_caption_lines(caption, rect.width(), font)) if caption else 0
    return QSize(rect.width(), rect.height() + (CAPTION_LINE_PX * n + 12 if n else 0))


def render_screen(window: QMainWindow, caption: str = "", scale: float = 2.0) -> QImage:
    """The visible panels (and caption) as an image at ``scale``× (projector resolution)."""
    rect = screen_rect(window)
    size = _size(window, rect, caption)
    image = QImage(round(size.width() * scale), round(size.height() * scale), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    _paint(window, rect, caption, painter, rect.width())
    painter.end()
    return image


def export_screen(window: QMainWindow, base: Path, caption: str = "", scale: float = 2.0) -> tuple[Path, Path]:
    """Write ``base``.png and ``base``.svg; returns both paths."""
    base = Path(base)
    if base.suffix.lower() in (".png", ".svg"):
        base = base.with_suffix("")
    png, svg = base.with_suffix(".png"), base.with_suffix(".svg")
    image = render_screen(window, caption, scale)

    def write_png(tmp: Path) -> None:
        if not image.save(str(tmp), "PNG"):
            raise OSError(f"could not write {png}")

    def write_svg(tmp: Path) -> None:
        rect = screen_rect(window)
        size = _size(window, rect, caption)
        gen = QSvgGenerator()
        gen.setFileName(str(tmp))
        gen.setSize(size)
        gen.setViewBox(QRect(QPoint(0, 0), size))
        gen.setTitle(QApplication.applicationName())
        gen.setDescription(caption)
        painter = QPainter()
        if not painter.begin(gen):
            raise OSError(f"could not write {svg}")
        _paint(window, rect, caption, painter, rect.width())
        painter.end()

    _atomic(png, write_png)
    _atomic(svg, write_svg)
    return png, svg
