"""gui.widgets.bertviz_view: bertviz's real views render in QtWebEngine with the network blocked.

Runs offscreen (tests/conftest.py sets QT_QPA_PLATFORM); the widget module adds
``--no-sandbox`` (as root) and ``--disable-gpu`` (offscreen) to Chromium's flags.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

from PySide6.QtCore import QCoreApplication, QEvent

# Imported at collection time, before pytest-qt creates the QApplication, so the
# widget module's Chromium settings (flags, shared GL contexts) apply.
from core import bertviz_html as bv
from gui.widgets.bertviz_view import BertvizView
from tests.helpers import random_attention

TOKENS = ["[CLS]", "the", "little", "Ġdog", "▁ran", "home", ".", "[SEP]"]
LOAD_MS = 60_000


def _softmax_attention(layers: int, heads: int, seq: int, seed: int = 0) -> np.ndarray:
    return random_attention((layers, heads, seq, seq), seed)


@pytest.fixture(scope="module")
def assets(web_assets) -> bv.WebAssets:
    return web_assets


def _delete_now(widget: BertvizView) -> None:
    """Delete the widget (and so its page before its profile) now, not at interpreter exit."""
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def view(qtbot, assets) -> Iterator[BertvizView]:
    widget = BertvizView(assets=assets)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    _delete_now(widget)


def js(qtbot, widget: BertvizView, script: str) -> Any:
    """Evaluate ``script`` in the page and return its JSON-decoded value."""
    box: list[Any] = []
    widget.run_js(f"JSON.stringify({script})", box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return json.loads(box[0])


def show(qtbot, widget: BertvizView, *args, **kwargs) -> None:
    """``widget.set_attention(*args, **kwargs)`` and wait until bertviz has drawn it."""
    with qtbot.waitSignal(widget.page_loaded, timeout=LOAD_MS) as blocker:
        widget.set_attention(*args, **kwargs)
    assert blocker.args == [True], (widget.error_message, widget.console_messages)
    assert widget.state == "ready"


def test_chromium_flags_are_set_for_root_and_offscreen():
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    if os.geteuid() == 0:
        assert "--no-sandbox" in flags and os.environ.get("QTWEBENGINE_DISABLE_SANDBOX") == "1"
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        assert "--disable-gpu" in flags


def test_head_view_renders_offline(qtbot, view):
    show(qtbot, view, TOKENS, _softmax_attention(3, 4, len(TOKENS)), view="head")
    assert js(qtbot, view, "document.querySelectorAll('svg').length") > 0
    labels = js(qtbot, view, "Array.from(document.querySelectorAll('svg text')).map(t => t.textContent)")
    assert len(labels) >= len(TOKENS)
    expected = bv.prettify_tokens(TOKENS)
    assert labels[: len(TOKENS)] == expected and labels[len(TOKENS): 2 * len(TOKENS)] == expected
    assert js(qtbot, view, "requirejs('d3').version").startswith("5.")  # the local d3, loaded through require.js
    assert js(qtbot, view, "typeof requirejs") == "function"
    assert js(qtbot, view, "document.querySelectorAll('#layer option').length") == 3
    # one attention line per head, source token and target token (bertviz draws them all)
    assert js(qtbot, view, "document.querySelectorAll('.headAttention line').length") == 4 * len(TOKENS) ** 2
    assert view.blocked_count == 0 and view.blocked_requests == []


def test_model_view_renders_offline(qtbot, view):
    show(qtbot, view, TOKENS, _softmax_attention(2, 3, len(TOKENS)), view="model")
    assert js(qtbot, view, "document.querySelectorAll('svg').length") > 0
    labels = js(qtbot, view, "Array.from(document.querySelectorAll('svg text')).map(t => t.textContent)")
    assert {"Heads", "Layers", "0", "1", "2"} <= set(labels)
    assert view.blocked_count == 0


def test_sentence_pair_offers_bertviz_filters(qtbot, view):
    show(qtbot, view, TOKENS, _softmax_attention(2, 2, len(TOKENS)), view="head", sentence_b_start=4)
    options = js(qtbot, view, "Array.from(document.querySelectorAll('#filter option')).map(o => o.textContent)")
    assert options == ["All", "Sentence A -> Sentence A", "Sentence B -> Sentence B",
                       "Sentence A -> Sentence B", "Sentence B -> Sentence A"]
    # switching to A -> B redraws with 4 left and 4 right tokens
    js(qtbot, view, "(function(){ const s = document.querySelector('#filter'); s.value = '3';"
                    " s.dispatchEvent(new Event('change')); return 0; })()")
    labels = js(qtbot, view, "Array.from(document.querySelectorAll('svg text')).map(t => t.textContent)")
    expected = bv.prettify_tokens(TOKENS)
    assert labels[:8] == expected[:4] + expected[4:]
    assert view.blocked_count == 0


def test_replacing_the_view_keeps_one_page_and_one_temporary_file(qtbot, view):
    show(qtbot, view, TOKENS, _softmax_attention(1, 2, len(TOKENS)), view="model")
    show(qtbot, view, TOKENS[:5], _softmax_attention(2, 2, 5), view="head")
    assert len(js(qtbot, view, "Array.from(document.querySelectorAll('svg text'))")) >= 5
    files = list(os.scandir(view._tmpdir.name))
    assert [f.name for f in files] == ["view-2.html"]


def test_interceptor_blocks_and_counts_every_network_request(qtbot, view):
    blocked: list[str] = []
    view.request_blocked.connect(blocked.append)
    page = ('<!DOCTYPE html><html><body><img src="https://cdnjs.cloudflare.com/ajax/libs/x.png">'
            '<script src="http://example.com/a.js"></script></body></html>')
    with qtbot.waitSignal(view.page_loaded, timeout=LOAD_MS):
        view.set_html(page)
    qtbot.waitUntil(lambda: view.blocked_count >= 2, timeout=10_000)
    assert set(view.blocked_requests) == {"https://cdnjs.cloudflare.com/ajax/libs/x.png", "http://example.com/a.js"}
    assert blocked == view.blocked_requests


def test_a_cdn_path_is_blocked_and_reported_as_a_failure(qtbot, view, assets):
    """What bertviz's stock page does (d3 from cdnjs) cannot work here, and says so."""
    html = bv.build_html(TOKENS, _softmax_attention(1, 1, len(TOKENS)), assets=assets, csp=False)
    cdn = "https://cdnjs.cloudflare.com/ajax/libs/d3/5.7.0/d3.min"
    html = html.replace(assets.file_url("d3")[: -len(".js")], cdn)
    with qtbot.waitSignal(view.page_loaded, timeout=LOAD_MS) as blocker:
        view.set_html(html)
    assert blocker.args == [False]
    assert view.state == "error" and "d3" in view.error_message
    assert view.blocked_requests == [cdn + ".js"]


def test_exported_file_renders_with_everything_inlined(qtbot, view, tmp_path, assets):
    att = _softmax_attention(2, 2, len(TOKENS))
    show(qtbot, view, TOKENS, att, view="head")
    out = view.save_html(tmp_path / "export.html")
    assert re.findall(r"<script[^>]*\ssrc=", out.read_text(encoding="utf-8")) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.html"]
    with qtbot.waitSignal(view.page_loaded, timeout=LOAD_MS) as blocker:
        view.load_file(out)
    assert blocker.args == [True], (view.error_message, view.console_messages)
    assert js(qtbot, view, "document.querySelectorAll('svg text').length") >= len(TOKENS)
    assert js(qtbot, view, "requirejs('d3').version").startswith("5.")
    assert view.blocked_count == 0


def test_missing_assets_raise_before_anything_changes(qtbot, tmp_path):
    widget = BertvizView(assets=tmp_path)
    try:
        with pytest.raises(bv.WebAssetsMissingError):
            widget.set_attention(TOKENS, _softmax_attention(1, 1, len(TOKENS)))
        assert widget.state == "empty"
        with pytest.raises(RuntimeError, match="nothing to save"):
            widget.save_html(tmp_path / "x.html")
    finally:
        _delete_now(widget)


def test_bad_input_raises_value_error(view):
    with pytest.raises(ValueError, match="tokens"):
        view.set_attention(TOKENS[:3], _softmax_attention(1, 1, len(TOKENS)))
    assert view.state == "empty"


def test_clear_shows_an_empty_page(qtbot, view):
    show(qtbot, view, TOKENS, _softmax_attention(1, 1, len(TOKENS)))
    view.clear()
    assert view.state == "empty"
    qtbot.waitUntil(lambda: view.page().url().toString() in ("about:blank", ""), timeout=10_000)


@pytest.mark.slow
def test_real_model_attention_renders(qtbot, view, bert_mini):
    from core import ModelInspector

    inspection = ModelInspector(bert_mini).inspect("Lily went to the park.", "She played with her dog.",
                                                   hidden_states=False)
    tokens = list(inspection.encoding.tokens)
    att = inspection.attentions
    assert att is not None and att.shape[2] == len(tokens)
    b_start = int(np.argmax(inspection.encoding.segment_ids == 1))
    show(qtbot, view, tokens, att, view="head", sentence_b_start=b_start)
    labels = js(qtbot, view, "Array.from(document.querySelectorAll('svg text')).map(t => t.textContent)")
    assert labels[: len(tokens)] == tokens
    show(qtbot, view, tokens, att, view="model")
    assert js(qtbot, view, "document.querySelectorAll('svg').length") > 0
    assert view.blocked_count == 0


# ------------------------------------------------------------------ CJK and Cyrillic
def _font_families() -> set[str]:
    import shutil
    import subprocess

    if shutil.which("fc-list") is None:
        return set()
    out = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, timeout=30).stdout
    return {name.strip() for line in out.splitlines() for name in line.split(",")}


# The pixels of a string drawn by Chromium in a canvas with a font-family value (a checksum).
_GLYPHS_JS = """
(function () {
  function ink(font, s) {
    const c = document.createElement('canvas'); c.width = 160; c.height = 56;
    const x = c.getContext('2d'); x.fillStyle = '#fff'; x.fillRect(0, 0, 160, 56);
    x.fillStyle = '#000'; x.font = '40px ' + font; x.fillText(s, 2, 44);
    const d = x.getImageData(0, 0, 160, 56).data; let h = 0;
    for (let i = 0; i < d.length; i += 4) h = (h * 31 + d[i] + 7 * (i >> 2) * (d[i] < 128)) % 2147483647;
    return h;
  }
  const label = Array.from(document.querySelectorAll('svg text')).find(t => t.textContent === HAN);
  const family = getComputedStyle(label).fontFamily;
  return {family: family, han: ink(family, HAN), sc: ink("'Noto Sans CJK SC'", HAN),
          jp: ink("'Noto Sans CJK JP'", HAN), tofu: ink(family, '\\u{10FFFD}\\u{10FFFC}'),
          cyrillic: ink(family, CYR), cyrillic_tofu: ink(family, '\\u{10FFFD}'.repeat(CYR.length))};
})()
"""
HAN, CYRILLIC = "直骨", "привет"


@pytest.mark.skipif(not {"Noto Sans CJK SC", "Noto Sans CJK JP"} <= _font_families(),
                    reason="needs the Noto CJK fonts that scripts/run_app.sh installs (fonts-noto-cjk)")
def test_chinese_and_russian_tokens_are_drawn_with_real_glyphs_chinese_forms(qtbot, view):
    """Issue 10: CJK and Cyrillic render in bertviz. Chromium draws the token labels' own font stack in a
    canvas: Han characters come out exactly as 'Noto Sans CJK SC' draws them (not the Japanese forms that
    fontconfig's fallback picks, not boxes) and Cyrillic is not drawn as boxes."""
    tokens = ["[CLS]", HAN, CYRILLIC, "[SEP]"]
    show(qtbot, view, tokens, _softmax_attention(1, 1, len(tokens)))
    got = js(qtbot, view, _GLYPHS_JS.replace("HAN", json.dumps(HAN)).replace("CYR", json.dumps(CYRILLIC)))
    assert "Noto Sans CJK SC" in got["family"]
    assert got["sc"] != got["jp"]                     # the two forms differ for these characters
    assert got["han"] == got["sc"] != got["tofu"]
    assert got["cyrillic"] != got["cyrillic_tofu"]
    labels = js(qtbot, view, "Array.from(document.querySelectorAll('svg text')).map(t => t.textContent)")
    assert HAN in labels and CYRILLIC in labels       # the UTF-8 text arrived intact


def test_bertviz_in_the_main_window_does_not_crash_it(qtbot, main_window, bert_mini_dir, assets, monkeypatch):
    """The lesson player used a Python application-wide event filter: PySide wrapped QtWebEngine's
    internal QQuickItems for it, recursing until the stack overflowed (a segfault when bertviz showed)."""
    monkeypatch.setenv(bv.ASSETS_ENV, str(assets.folder))
    win = main_window
    with qtbot.waitSignal(win.state.model_changed, timeout=LOAD_MS):
        win.load_model(str(bert_mini_dir))
    att = win.show_panel("attention")
    qtbot.waitUntil(lambda: att.view is not None and not att.busy, timeout=LOAD_MS)
    with qtbot.waitSignal(att.bertviz_ready, timeout=LOAD_MS) as blocker:
        att.set_tab("bertviz")
    assert blocker.args == [True]
    win.activateWindow()
    att._bertviz.web_view.setFocus()
    qtbot.wait(300)
    att.set_tab("heatmap")
    att.set_tab("bertviz")
    qtbot.wait(300)
    assert att._bertviz.state == "ready" and win.isVisible()
    view, att._bertviz = att._bertviz, None
    _delete_now(view)   # its page before its profile
