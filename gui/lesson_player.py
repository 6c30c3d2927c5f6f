"""The lesson player: a bar under the panels that steps through a lesson and records new steps.

Playing a step loads its models into slots A/B (only when they differ from what is loaded),
shows its panels with their slot, link, input and view state, and shows the teacher's note.
A model that is missing gives a message naming what to load; the panels still show, and the
next step plays as usual. Keys: → / PgDn / Space next, ← / PgUp previous (presenter clickers
send PgUp/PgDn), also while a panel has focus: a filter on the window's QWindow sees each key
before the focused widget, and while a lesson is open the panels' own shortcuts on these keys
(attention's PgUp/PgDn = layer) are paused. (Not an application-wide filter: a Python one is
called for every object's every event, and wrapping QtWebEngine's internal QQuickItems for it
recurses in PySide until the stack overflows, so bertviz crashed the app.)
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QWindow
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QTextEdit,
                               QVBoxLayout, QWidget)

from core import discover_models
from core.hub import is_hub_id
from core.lessons import Lesson, LessonStep, PanelState, localized, with_step

from .i18n import current_language

NEXT_KEYS = (Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Space)
PREV_KEYS = (Qt.Key.Key_PageUp, Qt.Key.Key_Left)


def resolve_model(name: str) -> str | None:
    """A loadable source for a lesson's model name: a discovered model, a folder, or a hub id."""
    for entry in discover_models():
        if name in (entry.name, entry.source):
            return entry.source
    if Path(name).expanduser().exists():
        return str(Path(name).expanduser())
    return name if is_hub_id(name) else None


def model_reference(loaded) -> str | None:
    """How a lesson names ``loaded``: its discovered short name when there is one, else its path."""
    if loaded is None:
        return None
    for entry in discover_models():
        if entry.source in (loaded.path, str(loaded.path)):
            return entry.name
    return str(loaded.path or loaded.name)


def _field_text(field: object) -> str | None:
    """The text of a panel's input field (one line or several), None when it has none."""
    if isinstance(field, QLineEdit):
        return field.text()
    if isinstance(field, (QPlainTextEdit, QTextEdit)):
        return field.toPlainText()
    return None


class LessonPlayer(QWidget):
    """Prev/Next, the step's title and note, and messages about missing models or panels."""

    step_shown = Signal(int)
    step_ready = Signal(int)     # models loaded (or failed) and panels idle: safe to screenshot

    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.lesson: Lesson | None = None
        self.path: Path | None = None
        self.index = -1
        self._waiting: dict[str, str] = {}     # slot -> source being loaded for this step
        self._pending_views: list[PanelState] = []
        self.messages: list[str] = []
        self.prev_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.step_label = QLabel(self)
        self.step_label.setObjectName("lesson_step")
        self.note = QLabel(self)
        self.note.setObjectName("lesson_note")
        self.note.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("caption")
        self.message.setWordWrap(True)
        self.record_button = QPushButton(self)
        self.notes_button = QPushButton(self)
        self.notes_button.setCheckable(True)
        self.notes_button.setChecked(True)
        self.notes_button.toggled.connect(self._update)
        # Long notes wrap on their own full-width row instead of widening or heightening the
        # window (a 1280×720 projector stays 1280×720).
        for label in (self.note, self.message):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Maximum)
        self.step_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 2, 6, 2)
        outer.setSpacing(2)
        layout = QHBoxLayout()
        layout.addWidget(self.prev_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.step_label, 1)
        layout.addWidget(self.notes_button)
        layout.addWidget(self.record_button)
        outer.addLayout(layout)
        outer.addWidget(self.note)
        outer.addWidget(self.message)
        self.prev_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.record_button.clicked.connect(self.record_step)
        window.load_failed.connect(self._on_load_failed)
        window.state.slot_changed.connect(self._on_slot_changed)
        self._ready_timer = QTimer(self, interval=250)
        self._ready_timer.timeout.connect(self._check_ready)
        self._quiet = 0
        self._paused_shortcuts: list[QShortcut] = []
        self._watched_handles: list[QWindow] = []
        window.installEventFilter(self)   # its QWindow exists once shown: watched from then on
        self._watch_window_handle()
        self.retranslate_ui()
        self._update()

    # ---------------------------------------------------------------- language
    def retranslate_ui(self) -> None:
        self.prev_button.setText(self.tr("◀ Previous"))
        self.prev_button.setToolTip(self.tr("Previous step (← or PgUp)"))
        self.next_button.setText(self.tr("Next ▶"))
        self.next_button.setToolTip(self.tr("Next step (→, Space or PgDn)"))
        self.notes_button.setText(self.tr("Notes"))
        self.notes_button.setToolTip(self.tr("Show or hide the teacher's note of the step (the class sees it too)"))
        self.record_button.setText(self.tr("Record step"))
        self.record_button.setToolTip(self.tr("Add what is on screen now (models, panels, sentence, view "
                                              "settings) as a new step after this one (Ctrl+Shift+R)"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ---------------------------------------------------------------- lesson
    def set_lesson(self, lesson: Lesson | None, path: Path | None = None, *, play: bool = True) -> None:
        self.lesson, self.path = lesson, path
        self._pause_panel_shortcuts(lesson is not None)
        self.index = -1
        if lesson is not None and play:
            self.go(0)
        self._update()

    @Slot()
    def next(self) -> None:
        if self.lesson is not None and self.index + 1 < len(self.lesson.steps):
            self.go(self.index + 1)

    @Slot()
    def previous(self) -> None:
        if self.lesson is not None and self.index > 0:
            self.go(self.index - 1)

    def go(self, index: int) -> None:
        """Play step ``index``: models, panels, input, view state, note."""
        if self.lesson is None or not 0 <= index < len(self.lesson.steps):
            return
        self.index = index
        step = self.lesson.steps[index]
        self.messages = []
        self._waiting = {}
        w = self.window
        for slot in ("A", "B"):
            name = step.models.get(slot)
            if not name:
                continue
            source = resolve_model(name)
            current = w.state.model(slot)
            if source is None:
                self.messages.append(self.tr("Model {0} for slot {1} is not on this computer: load it from the model "
                                             "bar (a folder or a hub id). The rest of the lesson plays.").format(name, slot))
                continue
            if current is not None and source in (current.path, str(current.path), current.name):
                continue
            self._waiting[slot] = source
            w.load_model(source, slot)
        self._show_panels(step)
        self._pending_views = [p for p in step.panels if p.key in w.panels]
        if not self._waiting:
            self._apply_views()
        self._update()
        self.step_shown.emit(index)
        self._quiet = 0
        self._ready_timer.start()

    def _show_panels(self, step: LessonStep) -> None:
        w = self.window
        shown = [p for p in step.panels if p.key in w.panels]
        missing = [p.key for p in step.panels if p.key not in w.panels]
        if missing:
            self.messages.append(self.tr("This version of PLM Studio has no {0} panel; the step shows the "
                                         "others.").format(", ".join(missing)))
        if not shown:
            return
        presenting = getattr(w, "classroom", None) is not None and w.classroom.presentation.active
        if presenting:
            w.classroom.presentation.enter([p.key for p in shown])
        keys = {p.key for p in shown}
        for key, dock in w.docks.items():
            if key not in keys:
                dock.hide()   # the step names the panels on screen; others come back on Close lesson
        for p in shown:
            panel = w.panels[p.key]
            panel.set_slot(p.slot)
            panel.set_linked(p.linked)
            w.show_panel(p.key)
        inp = step.input
        if inp.get("text") is not None:
            sel = inp.get("selection")
            w.state.set_input(None, text=inp.get("text") or "", text_pair=inp.get("text_pair") or "",
                              selection=tuple(sel) if sel else None)
        for p in shown:
            panel = w.panels[p.key]
            own = p.input if not p.linked else (inp if not panel.uses_shared_input else None)
            if own and own.get("text") is not None:
                panel.set_text(own.get("text") or "", own.get("text_pair"))

    def _apply_views(self) -> None:
        for p in self._pending_views:
            panel = self.window.panels.get(p.key)
            if panel is not None:
                panel.apply_view(dict(p.view))
                if panel.supports(panel.loaded):
                    panel.refresh()
        self._pending_views = []

    @Slot(str, object)
    def _on_slot_changed(self, slot: str, loaded) -> None:
        if slot in self._waiting and loaded is not None:
            del self._waiting[slot]
            if not self._waiting:
                self._apply_views()

    @Slot(object)
    def _on_load_failed(self, failure) -> None:
        if not self._waiting or self.lesson is None:
            return
        slot = next(iter(self._waiting))
        source = self._waiting.pop(slot)
        self.messages.append(self.tr("Step {0} needs {1} in slot {2}, which could not be loaded ({3}). Load it from "
                                     "the model bar; the rest of the lesson plays.").format(
            self.index + 1, source, slot, failure.message))
        if not self._waiting:
            self._apply_views()
        self._update()

    @Slot()
    def _check_ready(self) -> None:
        w = self.window
        idle = not self._waiting and not w.state.busy and not any(w.is_loading(s) for s in ("A", "B"))
        self._quiet = self._quiet + 1 if idle else 0
        if self._quiet >= 3:
            self._ready_timer.stop()
            self.step_ready.emit(self.index)

    # ---------------------------------------------------------------- recording
    def capture_step(self) -> LessonStep:
        """What is on screen now, as a lesson step."""
        w = self.window
        panels = []
        for key, dock in w.docks.items():
            if not dock.isVisible() or dock.visibleRegion().isEmpty():
                continue
            panel = w.panels[key]
            own = None
            if not panel.linked or not panel.uses_shared_input:
                text = _field_text(getattr(panel, "text", None) or getattr(panel, "text_a", None))
                pair = _field_text(getattr(panel, "text_pair", None) or getattr(panel, "text_b", None))
                if text is not None:
                    own = {"text": text, "text_pair": pair, "selection": None}
            panels.append(PanelState(key, panel.slot, panel.linked, own, panel.view_state()))
        cur = w.state.current_input
        models = {s: model_reference(w.state.model(s)) for s in ("A", "B")}
        n = (len(self.lesson.steps) if self.lesson else 0) + 1
        return LessonStep(title=self.tr("Step {0}").format(n), note="", models=models,
                          input={"text": cur.text, "text_pair": cur.text_pair or None,
                                 "selection": list(cur.selection) if cur.selection else None},
                          panels=tuple(panels))

    @Slot()
    def record_step(self) -> None:
        step = self.capture_step()
        lesson = self.lesson or Lesson(title=self.tr("New lesson"), steps=())
        at = self.index + 1 if self.lesson is not None else 0
        self.lesson = with_step(lesson, step, at)
        self._pause_panel_shortcuts(True)
        self.index = at
        self.messages = [self.tr("Recorded step {0}. Save the lesson to keep it.").format(at + 1)]
        self._update()

    # ---------------------------------------------------------------- keys
    def _watch_window_handle(self) -> None:
        handle = self.window.windowHandle()
        if handle is not None and handle not in self._watched_handles:
            handle.installEventFilter(self)
            self._watched_handles.append(handle)

    def _pause_panel_shortcuts(self, pause: bool) -> None:
        """While a lesson is open, the page keys belong to it: pause the panels' shortcuts on them."""
        if pause and not self._paused_shortcuts:
            keys = [QKeySequence(k) for k in NEXT_KEYS + PREV_KEYS]
            self._paused_shortcuts = [sc for sc in self.window.findChildren(QShortcut)
                                      if sc.isEnabled() and any(sc.key() == k for k in keys)]
            for sc in self._paused_shortcuts:
                sc.setEnabled(False)
        elif not pause:
            for sc in self._paused_shortcuts:
                sc.setEnabled(True)
            self._paused_shortcuts = []

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if obj is self.window:
            if kind in (QEvent.Type.Show, QEvent.Type.WinIdChange):
                self._watch_window_handle()
            return False
        if self.lesson is None or kind != QEvent.Type.KeyPress or not isinstance(obj, QWindow):
            return False
        if not isinstance(event, QKeyEvent) or event.modifiers() not in (Qt.KeyboardModifier.NoModifier,
                                                                        Qt.KeyboardModifier.KeypadModifier):
            return False
        key = event.key()
        if key not in NEXT_KEYS + PREV_KEYS:
            return False
        focus = obj.focusObject()   # the widget this key is on its way to
        typing = isinstance(focus, (QLineEdit, QTextEdit, QPlainTextEdit))
        if typing and key not in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            return False   # arrows and space edit text; clickers' PgUp/PgDn always turn pages
        (self.next if key in NEXT_KEYS else self.previous)()
        return True

    # ---------------------------------------------------------------- display
    @Slot()
    def _update(self, *_: object) -> None:
        lesson = self.lesson
        has = lesson is not None and self.index >= 0
        self.prev_button.setEnabled(has and self.index > 0)
        self.next_button.setEnabled(has and self.index + 1 < len(lesson.steps))
        if not has:
            self.step_label.setText(self.tr("No lesson step") if lesson is None else
                                    self.tr("{0} steps").format(len(lesson.steps)))
            self.note.setText("")
        else:
            step = lesson.steps[self.index]
            lang = current_language()
            self.step_label.setText(self.tr("Step {0}/{1}: {2}").format(
                self.index + 1, len(lesson.steps), localized(step.title, lang)))
            self.note.setText(localized(step.note, lang))
        self.note.setVisible(bool(self.note.text()) and self.notes_button.isChecked())
        self.message.setText("\n".join(self.messages))
        self.message.setVisible(bool(self.messages))
