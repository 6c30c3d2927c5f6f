"""Classroom features of the main window: language, palettes and contrast, presentation mode,
lessons (open, play, record, save, export as slides) and "export what is on screen".

``Classroom(window)`` adds its menus and shortcuts to a ``MainWindow``; the window keeps no
knowledge of them beyond creating it (``window.classroom``).
"""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMenu, QToolBar

from core.lessons import LessonError, load_lesson, localized, save_lesson, shipped_lessons

from .i18n import AUTONYMS, LANGUAGES, current_language, set_language
from .lesson_player import LessonPlayer
from .presentation import PresentationMode
from .resources import asset, load_stylesheet
from .screen_export import auto_caption, export_screen, render_screen
from .view_style import PALETTES, view_style


class Classroom(QObject):
    """Menus, shortcuts and the lesson bar of a ``MainWindow``."""

    slides_done = Signal(object)   # Path of the slides folder (tests, screenshot mode)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.classroom = self
        self.presentation = PresentationMode(window, self)
        self.player = LessonPlayer(window)
        self.lesson_bar = QToolBar(window)
        self.lesson_bar.setObjectName("lesson_toolbar")
        self.lesson_bar.setMovable(False)
        self.lesson_bar.addWidget(self.player)
        window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.lesson_bar)
        self.lesson_bar.hide()
        self._slides: dict | None = None
        settings = window.settings
        view_style().set_palette(settings.palette)
        view_style().set_theme(settings.theme)
        self._make_actions()
        self._make_menus()
        for panel in window.panels.values():
            panel.load_requested.connect(self._on_panel_load_requested)
            panel.panel_requested.connect(self._on_panel_requested)
        window.state.slot_changed.connect(self._on_slot_changed)
        window.installEventFilter(self)
        self.retranslate_ui()
        # The window restores its saved layout after this: show the lesson bar only with a lesson.
        QTimer.singleShot(0, lambda: self.lesson_bar.setVisible(self.player.lesson is not None))
        self._layout_before_lesson = None

    # ---------------------------------------------------------------- menus
    def _make_actions(self) -> None:
        w = self.window
        self.present_act = QAction(w, shortcut=QKeySequence("F5"))
        self.present_act.triggered.connect(self.toggle_presentation)
        self.leave_act = QAction(w, shortcut=QKeySequence("Esc"))
        self.leave_act.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.leave_act.setEnabled(False)
        self.leave_act.triggered.connect(self.presentation.leave)
        w.addAction(self.leave_act)
        self.export_act = QAction(w, shortcut=QKeySequence("Ctrl+Shift+E"))
        self.export_act.triggered.connect(self.export_screen_dialog)
        self.contrast_act = QAction(w, checkable=True)
        self.contrast_act.setChecked(view_style().high_contrast)
        self.contrast_act.toggled.connect(self._on_contrast_toggled)
        self.open_lesson_act = QAction(w)
        self.open_lesson_act.triggered.connect(self.open_lesson_dialog)
        self.record_act = QAction(w, shortcut=QKeySequence("Ctrl+Shift+R"))
        self.record_act.triggered.connect(self._record)
        self.save_lesson_act = QAction(w, shortcut=QKeySequence("Ctrl+Shift+S"))
        self.save_lesson_act.triggered.connect(self.save_lesson_dialog)
        self.slides_act = QAction(w)
        self.slides_act.triggered.connect(self.export_slides_dialog)
        self.close_lesson_act = QAction(w)
        self.close_lesson_act.triggered.connect(self.close_lesson)
        # Also on the window itself: the menu bar is hidden while presenting, and a hidden
        # menu's shortcuts stop working.
        w.addActions([self.present_act, self.export_act, self.record_act])
        self.presentation.entered.connect(lambda _keys: self.leave_act.setEnabled(True))
        self.presentation.left.connect(lambda: self.leave_act.setEnabled(False))

    def _make_menus(self) -> None:
        w = self.window
        view = getattr(w, "view_menu", None) or w.menuBar().addMenu("")
        view.addSeparator()
        view.addAction(self.present_act)
        self.present_menu = QMenu(w)
        for key in w.docks:
            act = QAction(self.present_menu)
            act.setData(key)
            act.triggered.connect(lambda _c=False, k=key: self.presentation.enter([k]))
            self.present_menu.addAction(act)
        view.addMenu(self.present_menu)
        view.addAction(self.export_act)
        self.palette_menu = QMenu(w)
        group = QActionGroup(self.palette_menu)
        self.palette_acts: dict[str, QAction] = {}
        for name in PALETTES:
            act = QAction(name, self.palette_menu, checkable=True)
            act.setChecked(name == view_style().palette)
            act.triggered.connect(lambda _c=False, n=name: self.set_palette(n))
            group.addAction(act)
            self.palette_menu.addAction(act)
            self.palette_acts[name] = act
        view.addMenu(self.palette_menu)
        view.addAction(self.contrast_act)
        self.language_menu = QMenu(w)
        lang_group = QActionGroup(self.language_menu)
        self.language_acts: dict[str, QAction] = {}
        for code in LANGUAGES:
            act = QAction(AUTONYMS[code], self.language_menu, checkable=True)
            act.setChecked(code == current_language())
            act.triggered.connect(lambda _c=False, c=code: self.set_language(c))
            lang_group.addAction(act)
            self.language_menu.addAction(act)
            self.language_acts[code] = act
        view.addMenu(self.language_menu)

        self.lesson_menu = QMenu(w)
        w.menuBar().insertMenu(w.menuBar().actions()[-1], self.lesson_menu)
        self.lesson_menu.addAction(self.open_lesson_act)
        self.shipped_menu = QMenu(w)
        for path, lesson in shipped_lessons(asset("lessons")):
            if isinstance(lesson, LessonError):
                continue
            act = QAction(self.shipped_menu)
            act.setData((str(path), lesson.title))
            act.triggered.connect(lambda _c=False, p=path: self.open_lesson(p))
            self.shipped_menu.addAction(act)
        self.lesson_menu.addMenu(self.shipped_menu)
        self.lesson_menu.addSeparator()
        self.lesson_menu.addActions([self.record_act, self.save_lesson_act, self.slides_act, self.close_lesson_act])

    def retranslate_ui(self) -> None:
        self.present_act.setText(self.tr("Presentation mode"))
        self.present_act.setToolTip(self.tr("Full screen, the panels on screen only, large text (F5; Esc leaves)"))
        self.leave_act.setText(self.tr("Leave presentation mode"))
        self.present_menu.setTitle(self.tr("Present one panel"))
        for act in self.present_menu.actions():
            act.setText(self.window.panels[act.data()].display_title())
        self.export_act.setText(self.tr("Export what is on screen (PNG + SVG)…"))
        self.contrast_act.setText(self.tr("High-contrast theme"))
        self.palette_menu.setTitle(self.tr("Heatmap colours (colour-blind safe)"))
        self.language_menu.setTitle(self.tr("Language"))
        self.lesson_menu.setTitle(self.tr("&Lesson"))
        self.open_lesson_act.setText(self.tr("Open lesson…"))
        self.shipped_menu.setTitle(self.tr("Course lessons"))
        lang = current_language()
        for act in self.shipped_menu.actions():
            act.setText(localized(act.data()[1], lang))
        self.record_act.setText(self.tr("Record step from screen"))
        self.save_lesson_act.setText(self.tr("Save lesson as…"))
        self.slides_act.setText(self.tr("Export lesson as slides…"))
        self.close_lesson_act.setText(self.tr("Close lesson"))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if obj is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return False

    # ---------------------------------------------------------------- look
    def set_language(self, code: str) -> None:
        code = set_language(code)
        self.window.settings.language = code
        for c, act in self.language_acts.items():
            act.setChecked(c == code)

    def set_palette(self, name: str) -> None:
        view_style().set_palette(name)
        self.window.settings.palette = view_style().palette
        for n, act in self.palette_acts.items():
            act.setChecked(n == view_style().palette)

    @Slot(bool)
    def _on_contrast_toggled(self, on: bool) -> None:
        theme = "high_contrast" if on else "default"
        self.window.settings.theme = theme
        view_style().set_theme(theme)
        w = self.window
        pt = w.font().pointSize() if self.presentation.active else int(w.settings.q.value("view/base_pt", 12))
        w.setStyleSheet(load_stylesheet(pt, theme))

    # ---------------------------------------------------------------- presentation
    @Slot()
    def toggle_presentation(self) -> None:
        if self.presentation.active:
            self.presentation.leave()
        else:
            self.presentation.enter()

    # ---------------------------------------------------------------- first run and panel requests
    @Slot(str, str)
    def _on_panel_load_requested(self, source: str, slot: str) -> None:
        self.window.load_model(source, slot)

    @Slot(str)
    def _on_panel_requested(self, key: str) -> None:
        w = self.window
        if key in w.panels:
            w.show_panel(key)
        else:
            w.load_message.show_info(self.tr("The {0} panel is not part of this build yet.").format(key))

    @Slot(str, object)
    def _on_slot_changed(self, slot: str, loaded) -> None:
        """Bring forward, in each tab group, a panel the new model supports (first run: MiniLM)."""
        w = self.window
        if loaded is None or slot != "A" or self.player.lesson is not None:
            return
        groups: dict[str, list[str]] = {}
        for key, dock in w.docks.items():
            tabbed = [d for d in w.tabifiedDockWidgets(dock)]
            group = min([key] + [k for k, d in w.docks.items() if d in tabbed])
            groups.setdefault(group, []).append(key)
        for keys in groups.values():
            front = [k for k in keys if w.docks[k].isVisible() and not w.docks[k].visibleRegion().isEmpty()]
            if front and not any(w.panels[k].supports(w.panels[k].loaded) for k in front):
                for k in keys:
                    if w.panels[k].supports(w.panels[k].loaded):
                        w.docks[k].raise_()
                        break

    # ---------------------------------------------------------------- lessons
    def open_lesson(self, path: Path, *, play: bool = True) -> bool:
        """Load and play ``path``; a broken file changes nothing and says why."""
        try:
            lesson = load_lesson(path)
        except LessonError as exc:
            self.window.load_message.show_error(self.tr("Could not open the lesson: {0}").format(exc))
            return False
        if self._layout_before_lesson is None:
            self._layout_before_lesson = self.window.saveState()
        self.lesson_bar.show()
        self.player.set_lesson(lesson, Path(path), play=play)
        return True

    @Slot()
    def open_lesson_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open lesson"), str(asset("lessons")),
                                              self.tr("PLM Studio lessons (*.json)"))
        if path:
            self.open_lesson(Path(path))

    @Slot()
    def _record(self) -> None:
        self.lesson_bar.show()
        self.player.record_step()

    @Slot()
    def save_lesson_dialog(self) -> None:
        if self.player.lesson is None:
            self.window.load_message.show_info(self.tr("No lesson to save: record a step first (Ctrl+Shift+R)."))
            return
        start = str(self.player.path or Path.home() / "lesson.json")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save lesson"), start,
                                              self.tr("PLM Studio lessons (*.json)"))
        if path:
            try:
                save_lesson(self.player.lesson, path)
            except OSError as exc:
                self.window.load_message.show_error(self.tr("Could not save the lesson: {0}").format(exc))
            else:
                self.player.path = Path(path)
                self.window.load_message.show_info(self.tr("Saved {0}").format(path))

    @Slot()
    def close_lesson(self) -> None:
        self.player.set_lesson(None)
        if self._layout_before_lesson is not None:
            self.window.restoreState(self._layout_before_lesson)   # the panels shown before the lesson
            self._layout_before_lesson = None
        self.lesson_bar.hide()

    # ---------------------------------------------------------------- export
    @Slot()
    def export_screen_dialog(self) -> None:
        caption, ok = QInputDialog.getText(self.window, self.tr("Export what is on screen"),
                                           self.tr("Caption (leave empty for none):"), text=auto_caption(self.window))
        if not ok:
            return
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export what is on screen"),
                                              str(Path.home() / "plm-studio.png"),
                                              self.tr("PNG and SVG (*.png)"))
        if not path:
            return
        try:
            png, svg = export_screen(self.window, Path(path), caption)
        except (OSError, ValueError) as exc:
            self.window.load_message.show_error(self.tr("Could not export: {0}").format(exc))
        else:
            self.window.load_message.show_info(self.tr("Saved {0} and {1}").format(png, svg))

    @Slot()
    def export_slides_dialog(self) -> None:
        if self.player.lesson is None:
            self.window.load_message.show_info(self.tr("Open a lesson first."))
            return
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Folder for the slides"), str(Path.home()))
        if folder:
            self.export_slides(Path(folder))

    def export_slides(self, folder: Path) -> None:
        """Play every step, save ``step-NN.png`` when it is ready, and ``notes.html`` with the notes."""
        folder.mkdir(parents=True, exist_ok=True)
        self._slides = {"folder": folder, "index": 0, "files": []}
        self.player.step_ready.connect(self._on_slide_ready)
        self.player.go(0)

    @Slot(int)
    def _on_slide_ready(self, index: int) -> None:
        s = self._slides
        if s is None or index != s["index"]:
            return
        lesson = self.player.lesson
        step = lesson.steps[index]
        lang = current_language()
        name = f"step-{index + 1:02d}.png"
        caption = f"{index + 1}. {localized(step.title, lang)}"
        render_screen(self.window, caption, 1.5).save(str(s["folder"] / name), "PNG")
        s["files"].append((name, localized(step.title, lang), localized(step.note, lang), list(self.player.messages)))
        if index + 1 < len(lesson.steps):
            s["index"] = index + 1
            QTimer.singleShot(0, lambda: self.player.go(index + 1))
            return
        self.player.step_ready.disconnect(self._on_slide_ready)
        self._write_notes(s["folder"], localized(lesson.title, lang), s["files"])
        self._slides = None
        self.window.load_message.show_info(self.tr("Slides saved in {0}").format(s["folder"]))
        self.slides_done.emit(s["folder"])

    def _write_notes(self, folder: Path, title: str, files: list) -> None:
        rows = [f"<h1>{html.escape(title)}</h1>"]
        md = [f"# {title}", ""]
        for n, (name, step_title, note, messages) in enumerate(files, start=1):
            rows.append(f"<h2>{n}. {html.escape(step_title)}</h2><img src='{name}' style='max-width:100%'>"
                        f"<p>{html.escape(note)}</p>" + "".join(f"<p><i>{html.escape(m)}</i></p>" for m in messages))
            md += [f"## {n}. {step_title}", "", f"![]({name})", "", note, ""] + [f"*{m}*" for m in messages]
        (folder / "notes.html").write_text("<meta charset='utf-8'>" + "\n".join(rows), encoding="utf-8")
        (folder / "notes.md").write_text("\n".join(md) + "\n", encoding="utf-8")
