"""How plots look in this session: colour map, high contrast, projector font scale, CJK fallback.

One ``ViewStyle`` object (``view_style()``) is shared by every plot widget; they connect to
``changed`` and restyle themselves, so a teacher's choice applies to all open panels at once.
The main window sets it from the settings at start and from the View menu.
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

#: Colour-blind-safe, perceptually uniform colour maps offered for heatmaps.
PALETTES: tuple[str, ...] = ("viridis", "cividis")
THEMES: tuple[str, ...] = ("default", "high_contrast")
#: Families tried after the UI font, so Chinese and Cyrillic labels never become boxes
#: (Noto CJK and DejaVu on Linux, YaHei/Segoe on Windows, PingFang on macOS).
FALLBACK_FAMILIES: tuple[str, ...] = ("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei",
                                      "PingFang SC", "Source Han Sans SC", "DejaVu Sans", "Noto Sans", "Segoe UI")


class ViewStyle(QObject):
    """Palette and contrast of plots; emits ``changed`` when either changes."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.palette = "viridis"
        self.theme = "default"

    @property
    def high_contrast(self) -> bool:
        return self.theme == "high_contrast"

    def set_palette(self, name: str) -> None:
        name = name if name in PALETTES else "viridis"
        if name != self.palette:
            self.palette = name
            self.changed.emit()

    def set_theme(self, theme: str) -> None:
        theme = theme if theme in THEMES else "default"
        if theme != self.theme:
            self.theme = theme
            self.changed.emit()

    def colormap(self) -> pg.ColorMap:
        return pg.colormap.get(self.palette)

    def text_color(self) -> str:
        return "#000000" if self.high_contrast else "#222222"

    def mask_rgba(self) -> tuple[int, int, int, int]:
        """Cells that may not be attended to: light grey, or hatched-dark in high contrast."""
        return (90, 90, 90, 255) if self.high_contrast else (222, 222, 222, 255)


_STYLE: ViewStyle | None = None


def view_style() -> ViewStyle:
    global _STYLE
    if _STYLE is None:
        _STYLE = ViewStyle()
    return _STYLE


def with_fallbacks(font: QFont) -> QFont:
    """``font`` with CJK and Cyrillic fallback families after its own family."""
    f = QFont(font)
    families = [font.family(), *[x for x in FALLBACK_FAMILIES if x != font.family()]]
    f.setFamilies(families)
    return f


def plot_font(scale: float = 1.0, point_size: float | None = None) -> QFont:
    """The application font (which the projector text size sets), scaled, with fallbacks."""
    app = QApplication.instance()
    base = QFont(app.font()) if app is not None else QFont()
    pt = point_size if point_size is not None else base.pointSizeF() * scale
    base.setPointSizeF(max(5.0, pt))
    return with_fallbacks(base)
