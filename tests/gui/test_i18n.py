"""Every user-visible string goes through tr() and is translated; a language switch re-labels panels."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from gui import i18n
from gui.settings import AppSettings
from gui.state import ModelState
from tests import i18n_scan

PENDING_FILES: set[str] = set()


def test_every_user_visible_string_is_marked_for_translation():
    violations = [v for v in i18n_scan.scan_gui() if v.path not in PENDING_FILES]
    assert not violations, "\n".join(map(str, violations))


def test_the_scanner_catches_untranslated_text(tmp_path, monkeypatch):
    """The scan itself works: a file with plain, f-string and constant texts is flagged, tr() is not."""
    src = tmp_path / "gui" / "bad.py"
    src.parent.mkdir()
    src.write_text(
        'TIP = "Some long tooltip text"\n'
        'class W:\n'
        '    def f(self, n):\n'
        '        self.b.setText("Predict")\n'
        '        self.b.setToolTip(f"{n} tokens left")\n'
        '        self.c.addItem("Examples…", "data")\n'
        '        self.c.setToolTip(TIP)\n'
        '        self.d.setText(self.tr("Fine {0}").format(n))\n'
        '        self.e.setText(self.tr(f"bad {n}"))\n'
        '        self.p.setLabel("bottom", "Loss curve")\n'
        '        self.p.setLabel("left", _tr("mean cosine"))\n'
        '        self.f.setToolTip("Not UI, really")  # noqa: i18n\n'
        'def _tr(text):\n'
        '    return QCoreApplication.translate("Ctx", text)\n', encoding="utf-8")
    monkeypatch.setattr(i18n_scan, "ROOT", tmp_path)
    texts = sorted(v.text for v in i18n_scan.scan_file(src))
    assert texts == sorted(["Predict", " tokens left", "Examples…", "Some long tooltip text",
                            "tr() of a non-literal: f'bad {n}'", "Loss curve"])
    # A translate wrapper's literal calls are found, so the stub can hand them to lupdate.
    assert i18n_scan.wrapper_strings(src) == {("Ctx", "mean cosine")}


@pytest.mark.parametrize("lang", i18n_scan.LANGS)
def test_every_marked_string_is_translated(lang):
    problems = [p for p in i18n_scan.translation_problems(lang)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", i18n_scan.LANGS)
def test_ts_files_compile_and_load(lang, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    translator = i18n.make_translator(lang)
    assert translator is not None and not translator.isEmpty()
    # A compiled .qm where lrelease exists (the venv ships it), the .ts reader otherwise.
    if i18n.find_lrelease():
        assert i18n.qm_path(lang).exists() and i18n.qm_path(lang).parent == tmp_path / "plm-studio" / "translations"
    table = i18n.read_ts(i18n.ts_path(lang))
    (ctx, src), expected = next(iter(table.items()))
    assert translator.translate(ctx, src) == expected


def test_ts_reader_fallback_translates(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(i18n, "find_lrelease", lambda: None)
    translator = i18n.make_translator("ru")
    assert isinstance(translator, i18n.TsTranslator)
    expected = i18n.read_ts(i18n.ts_path("ru"))[("MaskPanel", "Predict")]
    assert translator.translate("MaskPanel", "Predict") == expected


@pytest.fixture
def restore_english():
    yield
    i18n.set_language("en")
    QApplication.processEvents()


def test_language_switch_relabels_open_panels(qtbot, tmp_path, monkeypatch, restore_english):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    from gui.panels.attention_panel import AttentionPanel
    from gui.panels.mask_panel import MaskPanel
    from gui.panels.tokens_panel import TokensPanel

    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    state = ModelState()
    mask, tokens, attention = MaskPanel(state, settings), TokensPanel(state), AttentionPanel(state)
    for w in (mask, tokens, attention):
        qtbot.addWidget(w)
    assert mask.predict_button.text() == "Predict"
    ru = i18n.read_ts(i18n.ts_path("ru"))
    zh = i18n.read_ts(i18n.ts_path("zh_CN"))

    assert i18n.set_language("ru") == "ru"
    qtbot.waitUntil(lambda: mask.predict_button.text() == ru[("MaskPanel", "Predict")], timeout=3000)
    assert tokens.label_a.text() == ru[("TokensPanel", "Sentence A")]
    assert attention.tabs.tabText(0) == ru[("AttentionPanel", "Heatmap")]
    assert attention.mode.itemText(1) == ru[("Concepts", "Mean over heads")]
    assert mask.explanation.text() == ru[("MaskPanel", "No model is loaded yet. Pick one in the model bar at the top.")]

    i18n.set_language("zh_CN")
    qtbot.waitUntil(lambda: mask.predict_button.text() == zh[("MaskPanel", "Predict")], timeout=3000)
    assert attention.run_button.text() == zh[("AttentionPanel", "Run")]

    i18n.set_language("en")
    qtbot.waitUntil(lambda: mask.predict_button.text() == "Predict", timeout=3000)
    assert attention.tabs.tabText(0) == "Heatmap"
    assert QCoreApplication.translate("Concepts", "One head") == "One head"


def test_unknown_language_falls_back_to_english(restore_english):
    assert i18n.set_language("xx") == "en"


def test_language_is_saved_in_settings(tmp_path):
    path = str(tmp_path / "s.ini")
    AppSettings(QSettings(path, QSettings.Format.IniFormat)).language = "zh_CN"
    assert AppSettings(QSettings(path, QSettings.Format.IniFormat)).language == "zh_CN"
