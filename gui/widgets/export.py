"""Save any widget (heatmaps, the head view, ...) as a high-resolution PNG or a vector SVG, atomically."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsView, QWidget

#: Suffixes export_widget understands (lower case).
EXPORT_SUFFIXES = (".png", ".svg")
#: File-dialog filter string matching EXPORT_SUFFIXES.
EXPORT_FILTER = "PNG image (*.png);;SVG vector image (*.svg)"


def export_widget(widget: QWidget, path: Path, *, scale: float = 2.0) -> Path:
    """Render ``widget`` to ``path``: PNG at ``scale``× its size, or SVG, chosen by the suffix.

    The file is written to a temporary file in the same folder and moved into place with
    ``os.replace``, so a crash or a full disk never leaves a half-written image behind.
    Raises ValueError for any other suffix or a non-positive ``scale``.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise ValueError(f"cannot export to {path.name!r}: use one of {', '.join(EXPORT_SUFFIXES)}")
    if scale <= 0:
        raise ValueError(f"scale must be positive, got {scale}")
    writer = _write_png if suffix == ".png" else _write_svg
    _atomic(path, lambda tmp: writer(widget, tmp, scale))
    return path


def render_image(widget: QWidget, scale: float = 2.0) -> QImage:
    """The widget drawn into a white QImage of ``scale``× its size."""
    size = widget.size()
    image = QImage(max(1, round(size.width() * scale)), max(1, round(size.height() * scale)),
                   QImage.Format.Format_ARGB32_Premultiplied)
    # A device pixel ratio (not a painter scale) makes Qt and pyqtgraph draw text, cosmetic
    # pens and images at the higher resolution, as they would on a high-DPI projector.
    image.setDevicePixelRatio(scale)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    _paint(widget, painter)
    painter.end()
    return image


def _paint(widget: QWidget, painter: QPainter) -> None:
    if isinstance(widget, QGraphicsView):
        # pyqtgraph views: draw the scene itself (vector items stay vector in SVG), filling the target.
        # The target in logical pixels: Qt's default is the device's size in physical pixels,
        # which at a device pixel ratio of 2 draws only the top-left quarter, twice as large.
        widget.render(painter, QRectF(0, 0, widget.width(), widget.height()))
    else:
        QWidget.render(widget, painter, QPoint(0, 0))


def _write_png(widget: QWidget, tmp: Path, scale: float) -> None:
    if not render_image(widget, scale).save(str(tmp), "PNG"):
        raise OSError(f"could not write PNG to {tmp}")


def _write_svg(widget: QWidget, tmp: Path, scale: float) -> None:
    del scale  # vector output has no pixel size to scale
    size: QSize = widget.size()
    generator = QSvgGenerator()
    generator.setFileName(str(tmp))
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    # The screen's resolution, not the generator's 72 dpi: pyqtgraph's axes replay QPictures,
    # which Qt rescales by the device's dpi (axes at 3/4 of their size otherwise).
    generator.setResolution(widget.logicalDpiX())
    generator.setTitle(widget.windowTitle() or type(widget).__name__)
    generator.setDescription("Exported from PLM Studio")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"could not write SVG to {tmp}")
    _paint(widget, painter)
    painter.end()
    if not tmp.is_file() or tmp.stat().st_size == 0:
        raise OSError(f"could not write SVG to {tmp}")


def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    fd, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        os.chmod(tmp, 0o644)  # mkstemp makes it owner-only; an exported picture is meant to be shared
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
