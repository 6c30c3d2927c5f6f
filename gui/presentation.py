"""Presentation mode (F5): one or two panels full screen, large text, no chrome; Esc leaves."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from .resources import load_stylesheet

#: Text size in presentation mode, in points (a projector at the back of a classroom): the
#: largest that lets the chosen panels fit the screen width (two panels need more room).
PRESENT_PT = 20
MIN_PRESENT_PT = 13


def presentation_pt(width: int, n_panels: int) -> int:
    """Font size for ``n_panels`` side by side on a ``width``-pixel screen."""
    per_panel = width / max(1, n_panels)
    return int(max(MIN_PRESENT_PT, min(PRESENT_PT, per_panel / 58)))


class PresentationMode(QObject):
    """Turns a ``MainWindow`` into a slide: chosen docks only, enlarged fonts, full screen.

    Everything it changes (window state, dock layout, visibility of menus and bars, the
    application font) is remembered on entry and restored on ``leave()``.
    """

    entered = Signal(list)   # panel keys shown
    left = Signal()

    def __init__(self, window: QMainWindow, parent: QObject | None = None) -> None:
        super().__init__(parent or window)
        self.window = window
        self.keys: list[str] = []
        self._saved: dict = {}
        self.full_screen = True   # tests and screenshots turn it off and size the window themselves

    @property
    def active(self) -> bool:
        return bool(self.keys)

    def default_keys(self) -> list[str]:
        """The panels a teacher is looking at: visible docks in front of their tab group (at most 2)."""
        w = self.window
        visible = [k for k, d in w.docks.items() if d.isVisible() and not d.visibleRegion().isEmpty()]
        focus = QApplication.focusWidget()
        front = [k for k in visible if focus is not None and w.docks[k].isAncestorOf(focus)]
        ordered = front + [k for k in visible if k not in front]
        return ordered[:2] or list(w.docks)[:1]

    def enter(self, keys: list[str] | None = None) -> list[str]:
        """Show ``keys`` (1 or 2 panel keys; default: what is on screen) as a presentation."""
        w = self.window
        keys = [k for k in (keys or self.default_keys()) if k in w.docks][:2]
        if not keys:
            return []
        if self.active:
            # Already presenting (a lesson step): swap the panels, keep what was saved on entry.
            self._show_docks(keys)
            width = w.screen().availableGeometry().width() if self.full_screen and w.screen() else w.width()
            self._apply_font(presentation_pt(width, len(keys)))
            return keys
        self._saved = {
            "state": QByteArray(w.saveState()),
            "geometry": QByteArray(w.saveGeometry()),
            "window_state": w.windowState(),
            "font": QFont(QApplication.instance().font()),
            "style": w.styleSheet(),
            "chrome": {x: x.isVisible() for x in self._chrome()},
            "titles": {k: d.titleBarWidget() for k, d in w.docks.items()},
            "headers": {k: h.isVisible() for k, h in getattr(w, "headers", {}).items()},
        }
        for x in self._chrome():
            x.setVisible(False)
        self._show_docks(keys)
        screen = w.screen().availableGeometry().width() if self.full_screen and w.screen() else w.width()
        self._apply_font(presentation_pt(screen, len(keys)))
        if self.full_screen:
            w.showFullScreen()
        player = getattr(getattr(w, "classroom", None), "player", None)
        if player is not None:
            # The note is for the teacher: hidden on the projector unless asked for ("Notes").
            self._saved["notes"] = player.notes_button.isChecked()
            player.notes_button.setChecked(False)
        self.entered.emit(list(keys))
        return keys

    def layout_to_save(self) -> tuple[QByteArray, QByteArray]:
        """(geometry, dock state) to remember when the window closes: the user's own layout, not the
        presentation's (closing while presenting must not start the next session with one panel)."""
        if self.active:
            return QByteArray(self._saved["geometry"]), QByteArray(self._saved["state"])
        return self.window.saveGeometry(), self.window.saveState()

    def _show_docks(self, keys: list[str]) -> list[str]:
        w = self.window
        self.keys = keys
        for key, dock in w.docks.items():
            if key in keys:
                dock.show()
                dock.setTitleBarWidget(QWidget(dock))   # an empty title bar: no chrome
                if key in getattr(w, "headers", {}):
                    w.headers[key].setVisible(False)
            else:
                dock.hide()
        if len(keys) == 2:
            a, b = (w.docks[k] for k in keys)
            # Side by side, each half of the screen, whatever the user's layout was.
            for d in (a, b):
                d.setFloating(False)
            w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, a)
            w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, b)
            w.resizeDocks([a, b], [1, 1], Qt.Orientation.Horizontal)
        else:
            w.docks[keys[0]].setFloating(False)
        return keys

    def leave(self) -> None:
        """Restore the window exactly as it was before ``enter``."""
        if not self.active:
            return
        w, saved = self.window, self._saved
        self.keys = []
        QApplication.instance().setFont(saved["font"])
        w.setStyleSheet(saved["style"])
        for key, dock in w.docks.items():
            dock.setTitleBarWidget(saved["titles"].get(key))
        for key, visible in saved["headers"].items():
            w.headers[key].setVisible(visible)
        for x, visible in saved["chrome"].items():
            x.setVisible(visible)
        player = getattr(getattr(w, "classroom", None), "player", None)
        if player is not None and "notes" in saved:
            player.notes_button.setChecked(saved["notes"])
        w.setWindowState(saved["window_state"])
        w.restoreGeometry(saved["geometry"])
        w.restoreState(saved["state"])
        self._saved = {}
        self.left.emit()

    def _chrome(self) -> list[QWidget]:
        w = self.window
        items: list[QWidget] = [w.menuBar(), w.statusBar()]
        # Toolbars (the model bars) go; the lesson bar stays, so Next/Previous and the note remain.
        items += [tb for tb in w.findChildren(QWidget) if tb.metaObject().className() == "QToolBar"
                  and tb.objectName() != "lesson_toolbar"]
        return items

    def _apply_font(self, pt: int) -> None:
        app = QApplication.instance()
        font = QFont(app.font())
        font.setPointSize(pt)
        app.setFont(font)
        theme = getattr(getattr(self.window, "settings", None), "theme", "default")
        self.window.setStyleSheet(load_stylesheet(pt, theme))

