"""Classroom: presentation mode, lesson playback/recording/round trip, export of the screen and of slides,
the first-run card of the mask panel."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from core import lessons as L
from gui.main_window import MainWindow
from gui.presentation import presentation_pt
from gui.screen_export import auto_caption, export_screen

LOAD_MS = 60_000


@pytest.fixture
def window(main_window: MainWindow) -> Iterator[MainWindow]:
    """The shared shown window (conftest) at 1280×720; presentation stays in the window."""
    main_window.classroom.presentation.full_screen = False
    main_window.resize(1280, 720)
    yield main_window
    main_window.classroom.presentation.leave()


def load(qtbot, window: MainWindow, source: str, slot: str = "A") -> None:
    with qtbot.waitSignal(window.state.slot_changed, timeout=LOAD_MS):
        window.load_model(source, slot)
    qtbot.waitUntil(lambda: not window.is_loading(slot), timeout=LOAD_MS)


def not_blank(image: QImage) -> bool:
    small = image.scaled(32, 18)
    return len({small.pixel(x, y) for x in range(32) for y in range(18)}) > 4


# ---------------------------------------------------------------- presentation
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_presentation_shows_chosen_panels_without_chrome_and_esc_restores(qtbot, window, bert_mini_dir, size):
    load(qtbot, window, str(bert_mini_dir))
    window.resize(*size)
    font_before = QApplication.font().pointSize()
    visible_before = {k for k, d in window.docks.items() if d.isVisible()}
    keys = window.classroom.presentation.enter(["mask", "attention"])
    assert keys == ["mask", "attention"]
    qtbot.wait(50)
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert not window.model_toolbar.isVisible()
    assert {k for k, d in window.docks.items() if d.isVisible()} == {"mask", "attention"}
    assert not window.headers["mask"].isVisible()
    assert QApplication.font().pointSize() == presentation_pt(size[0], 2) > font_before
    assert window.width() <= size[0] + 2   # the panels fit the projector's width at that size
    # Side by side: the two panels split the width.
    m, a = window.docks["mask"].geometry(), window.docks["attention"].geometry()
    assert m.right() < a.left() and min(m.width(), a.width()) > size[0] / 4
    assert not_blank(window.grab().toImage())
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.classroom.presentation.active, timeout=2000)
    assert window.menuBar().isVisible() and window.model_toolbar.isVisible()
    assert QApplication.font().pointSize() == font_before
    assert {k for k, d in window.docks.items() if d.isVisible()} == visible_before


def test_f5_presents_what_is_on_screen(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.classroom.presentation.active
    assert 1 <= len(window.classroom.presentation.keys) <= 2
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert not window.classroom.presentation.active


def test_closing_while_presenting_saves_the_users_layout(qtbot, window, app_settings):
    """The next session opens on the user's panels, not on the one panel that was being presented."""
    visible_before = {k for k, d in window.docks.items() if d.isVisible()}
    assert len(visible_before) > 1
    window.classroom.presentation.enter(["attention"])
    qtbot.wait(20)
    window.close()
    again = MainWindow(app_settings)
    qtbot.addWidget(again)
    again.resize(1280, 720)
    again.show()
    qtbot.waitExposed(again)
    assert {k for k, d in again.docks.items() if d.isVisible()} == visible_before
    assert again.menuBar().isVisible() and again.model_toolbar.isVisible()


# ---------------------------------------------------------------- lessons
def two_step_lesson(model: str) -> L.Lesson:
    return L.Lesson(title="t", steps=(
        L.LessonStep(title="one", note={"en": "first note", "ru": "первая"}, models={"A": model},
                     input={"text": "Lily saw a [MASK] dog.", "text_pair": None, "selection": None},
                     panels=(L.PanelState("mask", view={"top_k": 3}),)),
        L.LessonStep(title="two", note="second note", models={"A": model},
                     input={"text": "The cat sat on the mat.", "text_pair": None, "selection": None},
                     panels=(L.PanelState("attention", view={"layer": 2, "head": 1, "tab": "grid"}),
                             L.PanelState("tokens"))),
    ))


def test_lesson_plays_with_keys_and_applies_models_panels_and_views(qtbot, window, bert_mini_dir, tmp_path):
    path = L.save_lesson(two_step_lesson(str(bert_mini_dir)), tmp_path / "l.json")
    player = window.classroom.player
    with qtbot.waitSignal(player.step_ready, timeout=LOAD_MS):
        assert window.classroom.open_lesson(path)
    assert window.state.model("A") is not None
    mask = window.panels["mask"]
    assert mask.top_k.value() == 3 and mask.text.text() == "Lily saw a [MASK] dog."
    assert window.docks["mask"].isVisible() and not window.docks["attention"].isVisible()
    assert player.note.text() == "first note"
    window.activateWindow()
    mask.text.setFocus()
    # Keys go the way a keyboard's do: through the window (its shortcuts, then the focused widget).
    # A presenter clicker sends PgDn even while a text field has focus.
    with qtbot.waitSignal(player.step_ready, timeout=LOAD_MS):
        QTest.keyClick(window.windowHandle(), Qt.Key.Key_PageDown)
    att = window.panels["attention"]
    assert player.index == 1
    assert (att.layer.value(), att.head.value(), att.current_tab()) == (2, 1, "grid")
    assert window.docks["tokens"].isVisible() and not window.docks["mask"].isVisible()
    assert window.panels["tokens"].text_a.text() == "The cat sat on the mat."
    # Inside the attention panel PgUp is its own "previous layer" shortcut: during a lesson the page wins.
    att.grid.setFocus()
    with qtbot.waitSignal(player.step_ready, timeout=LOAD_MS):
        QTest.keyClick(window.windowHandle(), Qt.Key.Key_PageUp)
    assert player.index == 0 and window.docks["mask"].isVisible()
    assert att.layer.value() == 2
    # an arrow key in a text field edits the text
    mask.text.setFocus()
    mask.text.setCursorPosition(3)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Right)
    assert player.index == 0 and mask.text.cursorPosition() == 4
    # once the lesson is closed, the panels' own PgUp/PgDn work again
    window.classroom.close_lesson()
    from PySide6.QtGui import QShortcut

    page_keys = [s for s in att.findChildren(QShortcut) if s.key().toString() in ("PgUp", "PgDown")]
    assert page_keys and all(s.isEnabled() for s in page_keys)


def test_missing_model_says_what_to_load_and_the_rest_plays(qtbot, window, bert_mini_dir, tmp_path):
    lesson = two_step_lesson(str(bert_mini_dir))
    broken = L.LessonStep(title="missing", note="x", models={"A": str(tmp_path / "no-such-model")},
                          input={}, panels=(L.PanelState("tokens"), L.PanelState("pretrain")))
    lesson = L.with_step(lesson, broken, 1)
    path = L.save_lesson(lesson, tmp_path / "l.json")
    player = window.classroom.player
    with qtbot.waitSignal(player.step_ready, timeout=LOAD_MS):
        window.classroom.open_lesson(path)
    with qtbot.waitSignal(player.step_ready, timeout=LOAD_MS):
        player.next()
    text = player.message.text()
    assert "no-such-model" in text and "slot A" in text
    assert window.docks["tokens"].isVisible()      # the step still shows what it can
    assert window.docks["pretrain"].isVisible()
    with qtbot.waitSignal(player.step_ready, timeout=LOAD_MS):
        player.next()
    assert player.index == 2 and window.panels["attention"].layer.value() == 2


def test_record_save_load_gives_identical_state(qtbot, window, bert_mini_dir, tmp_path):
    load(qtbot, window, str(bert_mini_dir))
    window.state.set_input(None, text="Tom had a red [MASK].", text_pair="", selection=("word", 2))
    att = window.panels["attention"]
    window.show_panel("attention")
    att.layer.setValue(3)
    att.head.setValue(2)
    att.set_tab("lines")
    window.panels["mask"].top_k.setValue(7)
    player = window.classroom.player
    player.record_step()
    recorded = player.lesson.steps[0]
    path = L.save_lesson(player.lesson, tmp_path / "rec.json")
    assert L.load_lesson(path) == player.lesson
    # Change everything, then play the saved step: the screen comes back as it was.
    att.layer.setValue(0)
    att.set_tab("heatmap")
    window.panels["mask"].top_k.setValue(2)
    window.state.set_input(None, text="Something else.")
    window.classroom.close_lesson()
    with qtbot.waitSignal(player.step_ready, timeout=LOAD_MS):
        window.classroom.open_lesson(path)
    again = player.capture_step()
    assert again.models == recorded.models and again.input == recorded.input
    assert {p.key: p.view for p in again.panels} == {p.key: p.view for p in recorded.panels}
    assert (att.layer.value(), att.head.value(), att.current_tab()) == (3, 2, "lines")


@pytest.mark.parametrize("content, expected", [
    ("{not json", "not valid JSON"),
    (json.dumps({"schema": "plm-studio-lesson", "version": 99, "steps": []}), "version 99"),
    (json.dumps({"schema": "plm-studio-lesson", "version": 1,
                 "steps": [{"panels": [{"key": "nope"}]}]}), "unknown panel 'nope'"),
])
def test_broken_lesson_file_changes_nothing(qtbot, window, tmp_path, content, expected):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    visible = {k for k, d in window.docks.items() if d.isVisible()}
    assert not window.classroom.open_lesson(path)
    assert expected in window.load_message.text()
    assert window.classroom.player.lesson is None and not window.classroom.lesson_bar.isVisible()
    assert {k for k, d in window.docks.items() if d.isVisible()} == visible


def test_every_shipped_lesson_opens_in_the_player(window):
    acts = window.classroom.shipped_menu.actions()
    assert len(acts) >= 8 and all(a.text() for a in acts)


# ---------------------------------------------------------------- export
def test_export_screen_writes_png_and_svg_with_caption(qtbot, window, bert_mini_dir, tmp_path):
    load(qtbot, window, str(bert_mini_dir))
    caption = auto_caption(window)
    assert "stories-bert-mini" in caption
    png, svg = export_screen(window, tmp_path / "shot", caption)
    image = QImage(str(png))
    assert image.width() >= 2 * 600 and not_blank(image)
    text = svg.read_text(encoding="utf-8")
    assert text.startswith("<?xml") and "<svg" in text and "stories-bert-mini" in text


def test_export_lesson_as_slides(qtbot, window, bert_mini_dir, tmp_path):
    path = L.save_lesson(two_step_lesson(str(bert_mini_dir)), tmp_path / "l.json")
    window.classroom.open_lesson(path, play=False)
    out = tmp_path / "slides"
    with qtbot.waitSignal(window.classroom.slides_done, timeout=2 * LOAD_MS):
        window.classroom.export_slides(out)
    assert sorted(p.name for p in out.glob("*.png")) == ["step-01.png", "step-02.png"]
    assert all(not_blank(QImage(str(p))) for p in out.glob("*.png"))
    notes = (out / "notes.html").read_text(encoding="utf-8")
    assert "first note" in notes and "second note" in notes and "step-02.png" in notes


# ---------------------------------------------------------------- first run
def test_first_run_mask_panel_offers_ways_to_get_a_masked_lm(qtbot, window, minilm_dir, bert_mini_dir, monkeypatch):
    monkeypatch.setenv("PLM_STUDIO_MODELS", str(bert_mini_dir.parent))
    load(qtbot, window, str(minilm_dir))
    mask = window.panels["mask"]
    assert mask.stack.currentIndex() == 1
    assert mask.get_offline.isVisible() and "stories-bert-mini" in mask.get_offline.text()
    assert mask.get_hub.isVisible() and mask.get_folder.isVisible() and mask.get_pretrain.isVisible()
    requested: list[tuple[str, str]] = []
    monkeypatch.setattr(window, "load_model", lambda source, slot="A": requested.append((source, slot)))
    qtbot.mouseClick(mask.get_hub, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(mask.get_offline, Qt.MouseButton.LeftButton)
    assert requested == [("bert-base-uncased", "A"), (str(bert_mini_dir.resolve()), "A")]
    # Panels the model supports come to the front of their tab group.
    right = [k for k in ("tokens", "attention") if not window.docks[k].visibleRegion().isEmpty()]
    assert right and all(window.panels[k].supports(window.state.model("A")) for k in right)
    assert "stories-bert-mini</b> is on this computer" in mask.explanation.text()


def test_first_run_without_any_masked_lm_names_only_what_the_buttons_do(qtbot, window, minilm_dir, monkeypatch):
    """A fresh install (no models folder): the card must not promise an offline model that is not there."""
    monkeypatch.delenv("PLM_STUDIO_MODELS", raising=False)
    import core

    monkeypatch.setattr(core, "discover_models", lambda *a, **k: [])
    load(qtbot, window, str(minilm_dir))
    mask = window.panels["mask"]
    assert mask.stack.currentIndex() == 1
    assert not mask.get_offline.isVisible()
    assert mask.get_hub.isVisible() and mask.get_folder.isVisible() and mask.get_pretrain.isVisible()
    text = mask.explanation.text()
    assert "stories-bert-mini" not in text
    assert "pre-training lab" in text and "bert-base-uncased" in text
    with qtbot.waitSignal(mask.panel_requested, timeout=2000) as blocker:
        qtbot.mouseClick(mask.get_pretrain, Qt.MouseButton.LeftButton)
    assert blocker.args == ["pretrain"]


def test_language_menu_switches_the_window_and_saves_the_choice(qtbot, window, tmp_path, monkeypatch):
    from gui import i18n

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    ru = i18n.read_ts(i18n.ts_path("ru"))
    try:
        window.classroom.language_acts["ru"].trigger()
        qtbot.waitUntil(lambda: window.file_menu.title() == ru[("MainWindow", "&File")], timeout=3000)
        assert window.classroom.lesson_menu.title() == ru[("Classroom", "&Lesson")]
        assert window.docks["mask"].windowTitle() == ru[("Panels", "Masked prediction")]
        assert window.settings.language == "ru"
    finally:
        i18n.set_language("en")
        qtbot.waitUntil(lambda: window.file_menu.title() == "&File", timeout=3000)


def test_palette_and_contrast_apply_to_open_heatmaps(qtbot, window):
    from gui.view_style import view_style

    heat = window.panels["attention"].heatmap
    try:
        window.classroom.set_palette("cividis")
        assert heat._bar.colorMap().name == "cividis" and window.settings.palette == "cividis"
        window.classroom.contrast_act.setChecked(True)
        assert view_style().high_contrast and "#ffff00" in window.styleSheet()
    finally:
        window.classroom.set_palette("viridis")
        window.classroom.contrast_act.setChecked(False)
