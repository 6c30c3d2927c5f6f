"""GUI-only fixtures: throw-away settings, loaded models in a ``ModelState``, dialog guards."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from core import LoadedModel, load_checkpoint
import gui.errors
import gui.main_window  # noqa: F401  (imports every panel module, so shown_failures patches them all)
from gui.settings import AppSettings
from gui.state import ModelState
from gui.workers import TaskFailure

POOL_DRAIN_MS = 30_000


@pytest.fixture(scope="session", autouse=True)
def _gc_on_the_gui_thread(qapp):
    """As in the app (gui/app.py): cyclic garbage is collected on the GUI thread only."""
    from gui.gc_policy import install

    yield install(qapp)


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    """Settings in a temporary INI file, so no test touches the user's settings (napari ``_fresh_settings``)."""
    return AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


@pytest.fixture(scope="session")
def bert_mini(bert_mini_dir: Path) -> LoadedModel:
    """The real stories-bert-mini masked LM (loaded once; ``core`` also caches it)."""
    return load_checkpoint(bert_mini_dir)


@pytest.fixture(scope="session")
def minilm(minilm_dir: Path) -> LoadedModel:
    """The real all-MiniLM-L6-v2 encoder: no masked-LM head."""
    return load_checkpoint(minilm_dir)


@pytest.fixture
def model_state(qtbot) -> Iterator[ModelState]:
    """An empty ``ModelState``; its pool is drained before the widgets are closed."""
    state = ModelState()
    yield state
    # qtbot is torn down after this fixture, so no worker outlives the panels it reports to.
    assert state.pool.waitForDone(POOL_DRAIN_MS), "a worker was still running at teardown"
    QApplication.processEvents()


@pytest.fixture
def main_window(qtbot, app_settings: AppSettings, restore_app_font, shown_failures):
    """A shown ``MainWindow`` with throw-away settings; no worker outlives it."""
    from gui.main_window import MainWindow

    win = MainWindow(app_settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    assert win.state.pool.waitForDone(POOL_DRAIN_MS)


@pytest.fixture
def make_panel(qtbot):
    """``make_panel(PanelClass, state)``: a panel owned by qtbot (closed after the test)."""
    def make(cls, state):
        panel = cls(state)
        qtbot.addWidget(panel)
        return panel

    return make


@pytest.fixture
def bert_state(model_state: ModelState, bert_mini: LoadedModel) -> ModelState:
    model_state.set_loaded(bert_mini)
    return model_state


@pytest.fixture
def shown_failures(monkeypatch) -> list[TaskFailure]:
    """Record what would open an error dialog instead of opening it."""
    calls: list[TaskFailure] = []

    def record(_parent, failure: TaskFailure) -> None:
        calls.append(failure)

    # Each gui module holds its own ``from ..errors import show_failure`` reference: patch them all.
    original = gui.errors.show_failure
    for name, module in list(sys.modules.items()):
        if (name == "gui" or name.startswith("gui.")) and getattr(module, "show_failure", None) is original:
            monkeypatch.setattr(module, "show_failure", record)
    return calls


@pytest.fixture
def restore_app_font(qapp) -> Iterator[None]:
    """The main window sets the application font; put it back for the next test."""
    font = qapp.font()
    yield
    qapp.setFont(font)


def _distinct_colours(image: QImage, samples: int = 60) -> int:
    w, h = image.width(), image.height()
    seen = {image.pixel(x * (w - 1) // (samples - 1), y * (h - 1) // (samples - 1))
            for x in range(samples) for y in range(samples)}
    return len(seen)


@pytest.fixture
def colour_count():
    """``colour_count(image)``: colours on a 60 x 60 grid over the image (1 means blank)."""
    return _distinct_colours
