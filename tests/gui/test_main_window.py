"""Tests for :class:`gui.main_window.MainWindow`: loading on a worker, docks, status bar, settings."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.main_window import BASE_PT_RANGE, MainWindow
from gui.workers import Worker

LOAD_MS = 60_000


@pytest.fixture
def window(main_window: MainWindow) -> MainWindow:
    return main_window


def load(qtbot, window: MainWindow, source: str) -> None:
    with qtbot.waitSignal(window.state.model_changed, timeout=LOAD_MS):
        window.load_model(source)
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=LOAD_MS)


def message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_load_model_fills_the_status_bar_and_the_panels(qtbot, window, bert_mini_dir, shown_failures) -> None:
    assert window.model_label.text() == "No model loaded"
    load(qtbot, window, str(bert_mini_dir))
    loaded = window.state.loaded
    assert loaded is not None and loaded.name == "stories-bert-mini"
    label = window.model_label.text()
    assert f"{loaded.n_layers} layers" in label and "4 layers" in label
    assert "4 heads" in label and "4.3M params" in label
    assert "stories-bert-mini" in window.windowTitle()
    assert window.settings.last_model == str(bert_mini_dir)
    assert str(bert_mini_dir) in window.settings.recent_models
    assert not window.load_message.isVisible()
    # the panels follow the shared state
    mask, tokens = window.panels["mask"], window.panels["tokens"]
    assert mask.stack.currentIndex() == 0
    qtbot.waitUntil(lambda: bool(mask.bars.bar_values()), timeout=LOAD_MS)
    assert tokens.encoding is not None and len(tokens.strip.chips) == len(tokens.encoding)
    assert shown_failures == []


def test_mask_and_tokens_docks_sit_side_by_side(qtbot, window, bert_mini_dir) -> None:
    load(qtbot, window, str(bert_mini_dir))
    mask, tokens = window.docks["mask"], window.docks["tokens"]
    assert mask.isVisible() and tokens.isVisible()
    assert window.panels["mask"].isVisible() and window.panels["tokens"].isVisible()
    mx = mask.mapTo(window, QPoint(0, 0)).x()
    tx = tokens.mapTo(window, QPoint(0, 0)).x()
    assert mx < tx and mx + mask.width() <= tx + 1         # left of, not overlapping
    assert mask.width() > 300 and tokens.width() > 300
    assert abs(mask.mapTo(window, QPoint(0, 0)).y() - tokens.mapTo(window, QPoint(0, 0)).y()) < 5
    assert window.show_panel("tokens") is window.panels["tokens"]


def test_busy_indicator_follows_inference(qtbot, window, bert_mini_dir) -> None:
    load(qtbot, window, str(bert_mini_dir))
    mask = window.panels["mask"]
    qtbot.waitUntil(lambda: not window.state.busy, timeout=LOAD_MS)
    assert window.busy.isHidden()
    with qtbot.waitSignal(window.state.busy_changed, timeout=1000) as blocker:
        mask.refresh()
    assert blocker.args == [True] and window.busy.isVisible()
    qtbot.waitUntil(lambda: window.busy.isHidden(), timeout=LOAD_MS)


def test_missing_path_shows_an_error_without_a_dialog(qtbot, window, tmp_path, shown_failures) -> None:
    missing = tmp_path / "no-such-model"
    with qtbot.waitSignal(window.load_failed, timeout=LOAD_MS) as blocker:
        window.load_model(str(missing))
    failure = blocker.args[0]
    assert failure.expected
    assert window.load_message.isVisible() and window.load_message.level == "error"
    assert "does not exist" in window.load_message.text()
    assert str(missing) in window.load_message.text()
    assert shown_failures == [] and message_boxes() == []
    assert window.state.loaded is None and window.model_label.text() == "No model loaded"
    qtbot.waitUntil(lambda: window.model_bar.load.isEnabled(), timeout=LOAD_MS)


def test_folder_without_config_shows_an_error(qtbot, window, tmp_path: Path, shown_failures) -> None:
    folder = tmp_path / "just-weights"
    folder.mkdir()
    (folder / "model.safetensors").write_bytes(b"not really")
    with qtbot.waitSignal(window.load_failed, timeout=LOAD_MS):
        window.load_model(str(folder))
    assert window.load_message.level == "error"
    assert "config.json" in window.load_message.text()
    assert shown_failures == [] and message_boxes() == []


def test_a_failed_load_keeps_the_previous_model(qtbot, window, bert_mini_dir, tmp_path) -> None:
    load(qtbot, window, str(bert_mini_dir))
    before = window.state.loaded
    with qtbot.waitSignal(window.load_failed, timeout=LOAD_MS):
        window.load_model(str(tmp_path / "missing"))
    assert window.state.loaded is before
    assert "4 layers" in window.model_label.text()


def test_load_button_is_disabled_while_loading(qtbot, window, bert_mini_dir) -> None:
    bar = window.model_bar
    assert bar.load.isEnabled() and bar.cancel.isHidden()
    with qtbot.waitSignal(window.state.model_changed, timeout=LOAD_MS):
        window.load_model(str(bert_mini_dir))
        assert not bar.load.isEnabled() and not bar.browse.isEnabled()
        assert bar.cancel.isVisible()
    qtbot.waitUntil(lambda: bar.load.isEnabled(), timeout=LOAD_MS)
    assert bar.browse.isEnabled() and bar.cancel.isHidden() and bar.progress.isHidden()


def test_cancel_right_after_load_is_clean(qtbot, window, bert_mini_dir, shown_failures) -> None:
    window.load_model(str(bert_mini_dir))
    window.cancel_loading()
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=LOAD_MS)
    assert window.model_bar.load.isEnabled()
    if window.state.loaded is None:
        assert "cancelled" in window.load_message.text()
    else:
        assert window.state.loaded.name == "stories-bert-mini"
    assert window.load_message.level != "error"
    assert shown_failures == [] and message_boxes() == []


def test_cancel_before_the_load_starts_says_cancelled(qtbot, window, bert_mini_dir, shown_failures) -> None:
    # Occupy the one-thread pool so the load is certainly still queued when cancelled.
    gate = threading.Event()
    blocker = Worker(gate.wait, 10)
    window.state.pool.start(blocker)
    window.load_model(str(bert_mini_dir))
    window.cancel_loading()
    gate.set()
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=LOAD_MS)
    assert window.state.loaded is None
    assert window.load_message.level == "info" and "cancelled" in window.load_message.text()
    assert window.model_bar.load.isEnabled()
    assert shown_failures == []


def test_a_second_load_replaces_the_first(qtbot, window, bert_mini_dir, minilm_dir) -> None:
    seen: list[str] = []
    window.state.model_changed.connect(lambda m: seen.append(m.name if m else ""))
    gate = threading.Event()
    window.state.pool.start(Worker(gate.wait, 10))
    window.load_model(str(bert_mini_dir))
    window.load_model(str(minilm_dir))
    gate.set()
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=LOAD_MS)
    assert seen == ["all-minilm-l6-v2"]
    assert not window.load_message.isVisible(), window.load_message.text()  # the replaced load says nothing
    assert window.panels["mask"].stack.currentIndex() == 1   # MiniLM has no MLM head
    assert window.model_bar.load.isEnabled()


def test_closing_saves_geometry_and_state(qtbot, window, app_settings) -> None:
    assert app_settings.geometry() is None
    height = window.minimumSizeHint().height() + 57  # any height the layout allows
    window.resize(window.width(), height)
    window.close()
    geo, state = app_settings.geometry(), app_settings.window_state()
    assert geo is not None and not geo.isEmpty()
    assert state is not None and not state.isEmpty()
    again = MainWindow(app_settings)  # restores them (the width is clamped to the small offscreen screen)
    qtbot.addWidget(again)
    assert again.height() == height
    assert again.restoreGeometry(geo) and again.restoreState(state)


def test_font_zoom_changes_the_application_font(qtbot, window, app_settings) -> None:
    window.set_base_font(16)
    assert QApplication.instance().font().pointSize() == 16
    assert "font-size: 16pt" in window.styleSheet()
    assert int(app_settings.q.value("view/base_pt")) == 16
    window.set_base_font(100)
    assert QApplication.instance().font().pointSize() == BASE_PT_RANGE[1]
    window.set_base_font(1)
    assert QApplication.instance().font().pointSize() == BASE_PT_RANGE[0]
