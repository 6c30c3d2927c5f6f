"""core.bertviz_html: bertviz pages that never reference the network, exported atomically. No Qt."""
from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import numpy as np
import pytest

from core import bertviz_html as bv
from core.errors import InspectorError
from tests.helpers import random_attention

TOKENS = ["[CLS]", "the", "Ġcat", "▁sat", "on", "it", "[SEP]"]


def _softmax_attention(layers: int, heads: int, seq: int, seed: int = 0) -> np.ndarray:
    return random_attention((layers, heads, seq, seq), seed)


@pytest.fixture(scope="module")
def assets(web_assets) -> bv.WebAssets:
    return web_assets


@pytest.fixture(scope="module")
def att() -> np.ndarray:
    return _softmax_attention(3, 4, len(TOKENS))


def _script_srcs(html: str) -> list[str]:
    return re.findall(r"<script[^>]*\ssrc=\"([^\"]*)\"", html)


def _require_paths(html: str) -> dict[str, str]:
    configs = re.findall(r"require\.config\((\{.*?\})\);", html, re.S)
    assert len(configs) == 1, configs
    return json.loads(re.sub(r"(\w+):", r'"\1":', configs[0], count=1))["paths"]


# ------------------------------------------------------------------ assets
def test_assets_are_the_versions_bertviz_needs(assets):
    assert assets.versions["d3"].startswith("5.")
    assert assets.versions["jquery"].startswith("3.")
    assert assets.versions["require"].startswith("2.")
    for name in ("d3", "jquery", "require"):
        assert assets.path(name).is_file() and assets.file_url(name).startswith("file://")


def test_missing_assets_raise_a_student_readable_error(tmp_path):
    with pytest.raises(bv.WebAssetsMissingError) as info:
        bv.find_web_assets(tmp_path)
    assert isinstance(info.value, InspectorError)
    assert "fetch_web_assets.sh" in info.value.hint


def test_wrong_d3_version_is_refused(tmp_path, assets):
    for name in ("d3", "jquery", "require"):
        (tmp_path / assets.path(name).name).write_bytes(assets.path(name).read_bytes())
    (tmp_path / "d3.min.js").write_text("// https://d3js.org v3.5.17 Copyright\n", encoding="utf-8")
    with pytest.raises(bv.WebAssetsMissingError, match=r"3\.5\.17"):
        bv.find_web_assets(tmp_path)


def test_env_variable_names_another_assets_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(bv.ASSETS_ENV, str(tmp_path))
    assert bv.web_assets_dir() == tmp_path
    with pytest.raises(bv.WebAssetsMissingError, match=re.escape(str(tmp_path))):
        bv.find_web_assets()


# ------------------------------------------------------------------ no network in any page
@pytest.mark.parametrize("view", bv.VIEWS)
@pytest.mark.parametrize("scripts", bv.SCRIPT_MODES)
def test_pages_reference_no_network(assets, att, view, scripts):
    html = bv.build_html(TOKENS, att, view=view, scripts=scripts, assets=assets, sentence_b_start=3)
    assert "cdnjs" not in html and "PYTHON_PARAMS;" not in html
    for src in _script_srcs(html):
        assert not src.lower().startswith(("http:", "https:", "//")), src
    for module, path in _require_paths(html).items():
        assert not path.lower().startswith(("http:", "https:", "//")), (module, path)
    if scripts == "file":
        srcs = _script_srcs(html)
        assert srcs == [assets.file_url("require")]
        paths = _require_paths(html)
        assert set(paths) == {"d3", "jquery"}
        for path in paths.values():  # require.js appends ".js"
            assert path.startswith("file://") and Path(path.removeprefix("file://") + ".js").is_file()
    elif scripts == "relative":
        assert _script_srcs(html) == ["require.js"]
        for path in _require_paths(html).values():
            assert (assets.folder / (path + ".js")).is_file()
    else:
        assert _script_srcs(html) == [] and _require_paths(html) == {}


def test_inline_page_carries_the_three_libraries_and_a_no_network_policy(assets, att):
    html = bv.build_html(TOKENS, att, scripts="inline", assets=assets)
    assert "d3js.org v5." in html and "jQuery v3." in html and "RequireJS 2." in html
    assert "default-src 'none'" in html and "connect-src" not in html  # CSP: nothing may be fetched
    # d3 and jQuery come before require.js (so they become globals) and are then defined by name
    assert html.index("d3js.org v5.") < html.index("jQuery v3.") < html.index("RequireJS 2.")
    assert 'define("d3"' in html and 'define("jquery"' in html


def test_csp_can_be_left_out(assets, att):
    html = bv.build_html(TOKENS, att, scripts="file", assets=assets, csp=False)
    assert "Content-Security-Policy" not in html


# ------------------------------------------------------------------ the attention data
@pytest.mark.parametrize("view", bv.VIEWS)
def test_attention_round_trips_through_the_page(assets, att, view):
    html = bv.build_html(TOKENS, att, view=view, assets=assets)
    tokens, back = bv.extract_attention(html)
    assert tokens == TOKENS
    assert back.shape == att.shape and back.dtype == np.float32
    np.testing.assert_allclose(back, att, atol=1 / 65535)


def test_tokens_are_prettified_like_bertviz(assets, att):
    html = bv.build_html(TOKENS, att, assets=assets)
    spec = json.loads(re.search(r'id="plm-bertviz-data">(.*?)</script>', html, re.S).group(1))
    assert spec["display_tokens"][2:4] == [" cat", " sat"]
    raw = json.loads(re.search(r'id="plm-bertviz-data">(.*?)</script>',
                               bv.build_html(TOKENS, att, assets=assets, prettify=False), re.S).group(1))
    assert raw["display_tokens"] == TOKENS


def test_sentence_pair_gives_five_filters_without_copying_the_data(assets, att):
    single = bv.build_html(TOKENS, att, assets=assets)
    pair = bv.build_html(TOKENS, att, assets=assets, sentence_b_start=3)
    assert pair.count("<option value=") == 5
    assert "Sentence B -> Sentence A" in pair
    assert abs(len(pair) - len(single)) < 2_000  # one copy of the weights, not five


def test_layer_and_head_selection_shrinks_the_data(assets, att):
    html = bv.build_html(TOKENS, att, view="model", assets=assets, include_layers=[0, 2], include_heads=[1])
    _, back = bv.extract_attention(html)
    np.testing.assert_allclose(back, att[[0, 2]][:, [1]], atol=1 / 65535)


def test_tokens_cannot_break_out_of_the_script(assets):
    evil = ["</script><script>alert(1)</script>", "<!--", "&amp;"]
    html = bv.build_html(evil, _softmax_attention(1, 1, 3), assets=assets)
    assert "alert(1)</script>" not in html and "<!--" not in html
    assert html.count("<script") == html.count("</script>")
    assert bv.extract_attention(html)[0] == evil


@pytest.mark.parametrize("kwargs, message", [
    ({"view": "matrix"}, "view must be"),
    ({"scripts": "cdn"}, "scripts must be"),
    ({"sentence_b_start": 0}, "sentence_b_start"),
    ({"sentence_b_start": 7}, "sentence_b_start"),
    ({"layer": 5}, "layer 5"),
    ({"include_layers": [3]}, "out of range"),
    ({"display_mode": "sepia"}, "display_mode"),
])
def test_bad_options_are_refused(assets, att, kwargs, message):
    with pytest.raises(ValueError, match=message):
        bv.build_html(TOKENS, att, assets=assets, **kwargs)


@pytest.mark.parametrize("shape, tokens, message", [
    ((2, 2, 7), TOKENS, "layer, head, seq, seq"),
    ((2, 2, 7, 6), TOKENS, "square"),
    ((2, 2, 6, 6), TOKENS, "6 positions but there are 7 tokens"),
])
def test_bad_arrays_are_refused(assets, shape, tokens, message):
    with pytest.raises(ValueError, match=message):
        bv.build_html(tokens, np.full(shape, 0.1, np.float32), assets=assets)


def test_nan_attention_is_refused(assets, att):
    bad = att.copy()
    bad[0, 0, 0, 0] = np.nan
    with pytest.raises(ValueError, match="NaN"):
        bv.build_html(TOKENS, bad, assets=assets)


def test_a_changed_bertviz_template_fails_loudly(assets, att, monkeypatch):
    monkeypatch.setattr(bv, "bertviz_js", lambda view: "requirejs(['d3'], function (d3) {});")
    with pytest.raises(RuntimeError, match=r"bertviz_html\.py needs updating"):
        bv.build_html(TOKENS, att, assets=assets)


@pytest.mark.parametrize("view", bv.VIEWS)
def test_bertviz_own_javascript_is_used(assets, att, view):
    js = bv.bertviz_js(view)
    assert "PYTHON_PARAMS" in js and "cdnjs" in js  # the installed template, before rewriting
    html = bv.build_html(TOKENS, att, view=view, assets=assets)
    assert "const params = window.__plmBertviz.params;" in html
    marker = "function renderVis()" if view == "head" else "function render()"
    assert marker in js and marker in html


# ------------------------------------------------------------------ export
def test_export_writes_one_self_contained_file(tmp_path, assets, att):
    out = bv.export_html(tmp_path / "attention.html", TOKENS, att, view="model", assets=assets, sentence_b_start=3)
    assert out == tmp_path / "attention.html"
    html = out.read_text(encoding="utf-8")
    assert bv.find_web_assets().source("d3")[:2000] in html  # the libraries' own code, inlined
    assert assets.source("jquery")[:2000] in html and assets.source("require")[-2000:] in html
    assert _script_srcs(html) == []
    tokens, back = bv.extract_attention(html)
    assert tokens == TOKENS
    np.testing.assert_allclose(back, att, atol=1 / 65535)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["attention.html"]  # no temporary file left
    mode = stat.S_IMODE(out.stat().st_mode)
    assert mode & 0o044, oct(mode)  # not the 0600 of a temporary file


def test_export_replaces_an_existing_file(tmp_path, assets, att):
    target = tmp_path / "a.html"
    target.write_text("old", encoding="utf-8")
    bv.export_html(target, TOKENS, att, assets=assets)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["a.html"]


def test_failed_export_leaves_the_old_file_and_no_temporary_file(tmp_path, assets, att, monkeypatch):
    target = tmp_path / "a.html"
    target.write_text("old", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(bv.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        bv.export_html(target, TOKENS, att, assets=assets)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.html"]


def test_export_creates_missing_folders(tmp_path, assets, att):
    out = bv.export_html(tmp_path / "new" / "dir" / "v.html", TOKENS, att, assets=assets, scripts="file")
    assert out.is_file() and _script_srcs(out.read_text(encoding="utf-8")) == [assets.file_url("require")]


def test_core_module_does_not_import_qt():
    import subprocess
    import sys

    code = ("import sys, core.bertviz_html; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'gui', 'IPython')))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[2],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


# ------------------------------------------------------------------ CJK and Cyrillic (always runs)
@pytest.fixture
def stub_assets(tmp_path) -> bv.WebAssets:
    """Three stand-in libraries with the version headers bertviz needs: the page text is what is tested."""
    folder = tmp_path / "vendor"
    folder.mkdir()
    (folder / "d3.min.js").write_text("// https://d3js.org v5.7.0 Copyright\n", encoding="utf-8")
    (folder / "jquery.min.js").write_text("/*! jQuery v3.7.1 | (c) OpenJS */\n", encoding="utf-8")
    (folder / "require.js").write_text("/** vim: et:ts=4:sw=4:sts=4\n * @license RequireJS 2.3.6 */\n",
                                       encoding="utf-8")
    return bv.find_web_assets(folder)


def test_cjk_and_cyrillic_tokens_travel_as_utf8_under_a_chinese_capable_font_stack(stub_assets, tmp_path):
    tokens = ["[CLS]", "我", "爱", "北京", "门", "привет", "##ёжик", "[SEP]"]
    att = _softmax_attention(1, 2, len(tokens))
    html = bv.build_html(tokens, att, assets=stub_assets, scripts="inline")
    assert '<meta charset="utf-8">' in html
    for token in tokens[1:-1]:
        assert token in html                                  # the characters themselves, not \\u escapes
    assert bv.extract_attention(html)[0] == tokens
    # the labels' font stack: Latin/Cyrillic fonts, then a Simplified Chinese one before the generic family
    stacks = re.findall(r"font-family:([^;}]*)", html)
    assert stacks, "the page declares no font-family"
    stack = [f.strip().strip("'\"") for f in stacks[0].split(",")]
    assert stack[-1] == "sans-serif"
    assert "DejaVu Sans" in stack and stack.index("DejaVu Sans") < stack.index("Noto Sans CJK SC")
    assert stack.index("Noto Sans CJK SC") < stack.index("sans-serif")
    assert "Noto Sans CJK JP" not in stack                   # Chinese glyph forms, not Japanese ones
    # and the exported file is UTF-8 on disk
    path = bv.export_html(tmp_path / "page.html", tokens, att, assets=stub_assets)
    text = path.read_bytes().decode("utf-8")
    assert "我" in text and "привет" in text and "Noto Sans CJK SC" in text
