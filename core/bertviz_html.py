"""bertviz's head view and model view as offline HTML pages.

bertviz (Vig, 2019) draws attention with its own d3 code (``head_view.js`` and
``model_view.js``) loaded through require.js, and points require.js at d3 and jQuery
on a CDN. This module keeps bertviz's real JavaScript but never lets a page reach the
network: the CDN paths are rewritten to local copies of the three libraries, which
``scripts/fetch_web_assets.sh`` puts in ``assets/vendor/`` (d3 5.7.0, jQuery 3.7.1,
RequireJS 2.3.6) or ``$PLM_STUDIO_WEB_ASSETS`` names.

Three ways to reference the libraries (``scripts=``):

* ``"file"``: absolute ``file://`` URLs: the page can live anywhere on this machine
  (the GUI writes it to a temporary file and loads that).
* ``"relative"``: paths relative to the assets folder: load the page with that folder
  as its base URL (``QWebEngineView.setHtml(html, QUrl.fromLocalFile(folder + "/"))``).
* ``"inline"``: the three libraries are copied into the page, which then opens
  offline in any browser on any machine (what :func:`export_html` writes by default).

The attention weights travel as a base64 block of 16-bit fixed-point numbers (steps of
1/65535) in a ``<script type="application/json">`` element, which a small prelude turns
back into the nested ``params`` object bertviz's JavaScript expects. That is 4 to 5
times smaller than bertviz's own JSON floats, and a sentence pair's five views (All,
A→A, B→B, A→B, B→A) share one copy instead of doubling the data.
:func:`extract_attention` reads the data back out of a page.

Pure Python and numpy: no Qt, and bertviz's Python (which imports IPython and torch)
is not imported either; only its two ``.js`` files are read.
"""
from __future__ import annotations

import base64
import contextlib
import importlib.util
import json
import os
import re
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

from . import errors

ScriptMode = Literal["file", "relative", "inline"]
ViewName = Literal["head", "model"]

VIEWS: tuple[str, ...] = ("head", "model")
SCRIPT_MODES: tuple[str, ...] = ("file", "relative", "inline")

#: Environment variable naming another folder that holds the three libraries.
ASSETS_ENV = "PLM_STUDIO_WEB_ASSETS"
#: The default folder, filled by ``scripts/fetch_web_assets.sh`` (git-ignored).
DEFAULT_ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets" / "vendor"
FETCH_HINT = "Run scripts/fetch_web_assets.sh once (it needs npm and the npm registry)."

#: Library -> (file name in the assets folder, require.js module name, major version wanted).
LIBRARIES: dict[str, tuple[str, str, int]] = {
    "d3": ("d3.min.js", "d3", 5),
    "jquery": ("jquery.min.js", "jquery", 3),
    "require": ("require.js", "", 2),
}
_VERSION_RE = {
    "d3": re.compile(r"d3js\.org v(\d+\.\d+\.\d+)"),
    "jquery": re.compile(r"jQuery v(\d+\.\d+\.\d+)"),
    "require": re.compile(r"RequireJS (\d+\.\d+\.\d+)"),
}

#: Where the encoded attention lives in a page (``<script type="application/json" id=...>``).
DATA_ELEMENT_ID = "plm-bertviz-data"
_QUANT = 65535  # 16-bit fixed point: values are stored as round(a * 65535)

# bertviz's own ``require.config({paths: {d3: 'https://cdnjs…', jquery: 'https://cdnjs…'}});``
_PARAMS_RE = re.compile(r"(const\s+params\s*=\s*)PYTHON_PARAMS\b")
_REQUIRE_CONFIG_RE = re.compile(r"require\.config\(\s*\{\s*paths\s*:\s*\{[^{}]*\}\s*,?\s*\}\s*\)\s*;", re.S)


class WebAssetsMissingError(errors.InspectorError):
    """d3, jQuery or require.js is not on disk, so bertviz's views cannot be drawn offline."""

    title = "Attention views not installed"


# --------------------------------------------------------------------------- assets
@dataclass(frozen=True)
class WebAssets:
    """The three local JavaScript libraries: paths and the versions read from their headers."""

    folder: Path
    d3: Path
    jquery: Path
    require: Path
    versions: dict[str, str]

    def path(self, name: str) -> Path:
        """Path of library ``name`` (``"d3"``, ``"jquery"`` or ``"require"``)."""
        return getattr(self, name)

    def file_url(self, name: str) -> str:
        """``file://`` URL of library ``name``."""
        return self.path(name).resolve().as_uri()

    def source(self, name: str) -> str:
        """Text of library ``name``."""
        return _read_cached(self.path(name))


_SOURCE_CACHE: dict[tuple[str, int, int], str] = {}


def _read_cached(path: Path) -> str:
    st = path.stat()
    key = (str(path), st.st_mtime_ns, st.st_size)
    text = _SOURCE_CACHE.get(key)
    if text is None:
        text = path.read_text(encoding="utf-8")
        if len(_SOURCE_CACHE) > 16:
            _SOURCE_CACHE.clear()
        _SOURCE_CACHE[key] = text
    return text


def web_assets_dir() -> Path:
    """The folder searched for the libraries: ``$PLM_STUDIO_WEB_ASSETS`` or ``assets/vendor``."""
    env = os.environ.get(ASSETS_ENV, "").strip()
    return Path(env).expanduser() if env else DEFAULT_ASSETS_DIR


def find_web_assets(folder: str | os.PathLike[str] | None = None) -> WebAssets:
    """Locate and check d3 (v5), jQuery (v3) and require.js (v2) in ``folder``.

    Raises :class:`WebAssetsMissingError` (with a hint naming the fetch script) when a
    file is missing, empty or of the wrong major version.
    """
    root = Path(folder).expanduser() if folder is not None else web_assets_dir()
    paths: dict[str, Path] = {}
    versions: dict[str, str] = {}
    for name, (filename, _module, major) in LIBRARIES.items():
        path = root / filename
        if not path.is_file() or path.stat().st_size == 0:
            raise WebAssetsMissingError(f"{filename} is missing from {root}.", hint=FETCH_HINT)
        with path.open("r", encoding="utf-8", errors="replace") as fh:
            head = fh.read(400)
        match = _VERSION_RE[name].search(head)
        if match is None or int(match.group(1).split(".")[0]) != major:
            found = match.group(1) if match else "an unknown version"
            raise WebAssetsMissingError(f"{path} is {found}; bertviz needs {name} {major}.x.", hint=FETCH_HINT)
        paths[name] = path
        versions[name] = match.group(1)
    return WebAssets(folder=root, d3=paths["d3"], jquery=paths["jquery"], require=paths["require"],
                     versions=versions)


def bertviz_js(view: str) -> str:
    """bertviz's own ``head_view.js`` or ``model_view.js``, read from the installed package."""
    if view not in VIEWS:
        raise ValueError(f"view must be one of {VIEWS}, got {view!r}")
    spec = importlib.util.find_spec("bertviz")  # locates the package without importing it (IPython, torch)
    if spec is None or not spec.submodule_search_locations:
        raise WebAssetsMissingError("The bertviz package is not installed.", hint="pip install bertviz")
    path = Path(next(iter(spec.submodule_search_locations))) / f"{view}_view.js"
    if not path.is_file():
        raise WebAssetsMissingError(f"{path} is missing from the bertviz package.", hint="Reinstall bertviz.")
    return _read_cached(path)


# --------------------------------------------------------------------------- data
def prettify_tokens(tokens: Sequence[str]) -> list[str]:
    """bertviz's ``format_special_chars``: show byte-level (Ġ) and SentencePiece (▁) spaces as spaces."""
    return [t.replace("Ġ", " ").replace("▁", " ").replace("</w>", "") for t in tokens]


def _check_inputs(tokens: Sequence[str], attentions: np.ndarray) -> tuple[list[str], np.ndarray]:
    toks = [str(t) for t in tokens]
    att = np.asarray(attentions)
    if att.ndim != 4:
        raise ValueError(f"attentions must be [layer, head, seq, seq], got shape {att.shape}")
    if att.shape[2] != att.shape[3]:
        raise ValueError(f"attentions must be square in its last two axes, got shape {att.shape}")
    if att.shape[0] == 0 or att.shape[1] == 0 or att.shape[2] == 0:
        raise ValueError(f"attentions is empty: shape {att.shape}")
    if att.shape[2] != len(toks):
        raise ValueError(f"attention has {att.shape[2]} positions but there are {len(toks)} tokens")
    return toks, att


def _pick(n: int, indices: Sequence[int] | None, what: str) -> list[int]:
    if indices is None:
        return list(range(n))
    picked = [int(i) for i in indices]
    if not picked:
        raise ValueError(f"{what} is empty")
    bad = [i for i in picked if not 0 <= i < n]
    if bad:
        raise ValueError(f"{what} {bad} out of range 0..{n - 1}")
    return picked


def _quantize(att: np.ndarray) -> np.ndarray:
    a = np.asarray(att, dtype=np.float32)
    if not np.isfinite(a).all():
        raise ValueError("attentions contain NaN or infinite values")
    return np.rint(np.clip(a, 0.0, 1.0) * np.float32(_QUANT)).astype("<u2")


def _filters(tokens: list[str], sentence_b_start: int | None) -> list[dict]:
    """bertviz's attention filters: one for a single text, five for a sentence pair."""
    n = len(tokens)
    if sentence_b_start is None:
        return [{"name": None, "rows": [0, n], "cols": [0, n]}]
    b = int(sentence_b_start)
    if not 0 < b < n:
        raise ValueError(f"sentence_b_start must be in 1..{n - 1}, got {sentence_b_start}")
    a_, b_ = [0, b], [b, n]
    return [
        {"name": "All", "rows": [0, n], "cols": [0, n]},
        {"name": "Sentence A -> Sentence A", "rows": a_, "cols": a_},
        {"name": "Sentence B -> Sentence B", "rows": b_, "cols": b_},
        {"name": "Sentence A -> Sentence B", "rows": a_, "cols": b_},
        {"name": "Sentence B -> Sentence A", "rows": b_, "cols": a_},
    ]


def _json_for_html(obj: object) -> str:
    """JSON that is safe inside a ``<script>`` element (no ``</script>``, no ``<!--``)."""
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _script_safe(source: str) -> str:
    """JavaScript source that cannot end its ``<script>`` element early (same meaning in JS)."""
    source = re.sub(r"</(script)", r"<\\/\1", source, flags=re.I)
    return source.replace("<!--", "<\\!--")


# --------------------------------------------------------------------------- page
_PRELUDE = r"""
(function () {
  "use strict";
  var state = {error: null, params: null, rootId: ROOT_ID, timings: {start: performance.now()}};
  window.__plmBertviz = state;
  window.addEventListener("error", function (e) { if (!state.error) state.error = String(e.message || e); });
  document.addEventListener("securitypolicyviolation", function (e) {
    if (!state.error) state.error = "blocked by the page's security policy: " + e.blockedURI;
  });
  if (window.requirejs) {
    requirejs.onError = function (err) {
      if (!state.error) state.error = "require.js: " + String(err && (err.message || err));
      if (window.console) console.error(err);
    };
  }
  PREDEFINE
  state.state = function () {
    if (state.error) return "error: " + state.error;
    return document.querySelector("#" + state.rootId + " #vis svg") ? "ready" : "pending";
  };
  try {
    var spec = JSON.parse(document.getElementById("DATA_ID").textContent);
    var bin = atob(spec.data), n = bin.length, bytes = new Uint8Array(n);
    for (var i = 0; i < n; i++) bytes[i] = bin.charCodeAt(i);
    var q = new Uint16Array(bytes.buffer), shape = spec.shape, S = shape[2], T = shape[3];
    var scale = 1 / spec.scale;
    var attention = spec.filters.map(function (f) {
      var layers = [];
      for (var l = 0; l < shape[0]; l++) {
        var heads = [];
        for (var h = 0; h < shape[1]; h++) {
          var base = (l * shape[1] + h) * S * T, rows = [];
          for (var r = f.rows[0]; r < f.rows[1]; r++) {
            var row = new Array(f.cols[1] - f.cols[0]), off = base + r * T;
            for (var c = f.cols[0], k = 0; c < f.cols[1]; c++, k++) row[k] = q[off + c] * scale;
            rows.push(row);
          }
          heads.push(rows);
        }
        layers.push(heads);
      }
      var toks = spec.display_tokens;
      return {name: f.name, attn: layers,
              left_text: toks.slice(f.rows[0], f.rows[1]), right_text: toks.slice(f.cols[0], f.cols[1])};
    });
    var params = spec.params;
    params.attention = attention;
    params.root_div_id = state.rootId;
    state.params = params;
    state.timings.decoded = performance.now();
  } catch (err) {
    state.error = "attention data: " + String(err && (err.message || err));
  }
})();
"""

_PREDEFINE = ('define("d3", [], function () { return window.d3; });\n'
              '  define("jquery", [], function () { return window.jQuery; });')

_CSP = {
    # Nothing may be fetched from anywhere: scripts are inline; styles inline.
    "inline": "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:",
    # Scripts may also come from local files (the assets folder); still nothing from the network.
    "file": "default-src 'none'; script-src 'unsafe-inline' file:; style-src 'unsafe-inline'; img-src data:",
    "relative": "default-src 'none'; script-src 'unsafe-inline' 'self' file:; style-src 'unsafe-inline'; "
                "img-src data:",
}

_PALETTE = {"light": ("white", "black"), "dark": ("black", "#ccc")}

#: Fonts of the views, tried glyph by glyph: bertviz's Latin fonts, then Latin/Cyrillic ones found on
#: Linux (DejaVu, Noto), then Simplified Chinese ones (the Noto CJK that scripts/run_app.sh installs,
#: then Windows/macOS ones). Named explicitly because a system's own fallback for Han characters is
#: often a Japanese font (fontconfig: "Noto Sans CJK JP"), whose glyph forms differ from Chinese ones.
FONT_STACK: tuple[str, ...] = (
    "Helvetica Neue", "Helvetica", "Arial", "DejaVu Sans", "Noto Sans",
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei",
    "PingFang SC", "Segoe UI", "sans-serif",
)


def css_font_family(stack: Sequence[str] = FONT_STACK) -> str:
    """``stack`` as a CSS ``font-family`` value (family names quoted, generic families bare)."""
    generic = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"}
    return ", ".join(f if f in generic else "'" + f.replace("'", "") + "'" for f in stack)


def _require_config(scripts: str, assets: WebAssets) -> str:
    if scripts == "file":
        paths = {m: assets.file_url(lib)[: -len(".js")] for lib, (_f, m, _v) in LIBRARIES.items() if m}
    elif scripts == "relative":
        paths = {m: f[: -len(".js")] for _lib, (f, m, _v) in LIBRARIES.items() if m}
    else:  # inline: d3 and jQuery are defined by name before bertviz asks for them
        paths = {}
    return f"require.config({{paths: {json.dumps(paths)}}});"


def _vis_js(view: str, scripts: str, assets: WebAssets) -> str:
    js, n_config = _REQUIRE_CONFIG_RE.subn(_require_config(scripts, assets), bertviz_js(view), count=1)
    js, n_params = _PARAMS_RE.subn(r"\1window.__plmBertviz.params", js)
    if n_config != 1 or n_params != 1:
        raise RuntimeError(f"bertviz's {view}_view.js no longer has the expected require.config / "
                           "PYTHON_PARAMS markers; core/bertviz_html.py needs updating")
    return js


def _script_tag(name: str, scripts: str, assets: WebAssets) -> str:
    if scripts == "inline":
        return f"<script>\n{_script_safe(assets.source(name))}\n</script>"
    src = assets.file_url(name) if scripts == "file" else assets.path(name).name
    return f'<script src="{src}"></script>'


def build_html(
    tokens: Sequence[str],
    attentions: np.ndarray,
    *,
    view: str = "head",
    sentence_b_start: int | None = None,
    scripts: str = "file",
    assets: WebAssets | None = None,
    layer: int | None = None,
    heads: Sequence[int] | None = None,
    include_layers: Sequence[int] | None = None,
    include_heads: Sequence[int] | None = None,
    display_mode: str = "light",
    prettify: bool = True,
    title: str | None = None,
    csp: bool = True,
) -> str:
    """A complete HTML page drawing bertviz's ``view`` ("head" or "model") of ``attentions``.

    ``attentions`` is ``[layer, head, seq, seq]`` (rows: from-token, columns: to-token),
    ``tokens`` its ``seq`` token strings; ``sentence_b_start`` is the index of the first
    token of a second sentence (adds bertviz's A/B filters). ``include_layers`` limits
    the layers shown (both views); ``include_heads`` the heads (model view); ``layer``
    (an index into the model's layers) and ``heads`` pick the head view's initial layer
    and highlighted heads. ``display_mode`` ("light"/"dark") colours the model view and
    its page (bertviz's head view is always light). ``scripts`` says how the libraries
    are referenced (see the module doc); no mode ever references an ``http(s)`` URL.
    ``csp`` adds a Content-Security-Policy that forbids the page any network access in
    any browser; the GUI turns it off because its own request interceptor is the
    (counted) gate there.
    """
    if view not in VIEWS:
        raise ValueError(f"view must be one of {VIEWS}, got {view!r}")
    if scripts not in SCRIPT_MODES:
        raise ValueError(f"scripts must be one of {SCRIPT_MODES}, got {scripts!r}")
    if display_mode not in _PALETTE:
        raise ValueError(f"display_mode must be 'light' or 'dark', got {display_mode!r}")
    assets = assets or find_web_assets()
    toks, att = _check_inputs(tokens, attentions)
    n_layers, n_heads = att.shape[:2]
    layers = _pick(n_layers, include_layers, "include_layers")
    if view == "head":
        if layer is not None and layer not in layers:
            raise ValueError(f"layer {layer} is not among the layers shown {layers}")
        head_sel = _pick(n_heads, heads, "heads") if heads is not None else None
        shown_heads = list(range(n_heads))
        params = {"default_filter": "0", "layer": layer, "heads": head_sel, "include_layers": layers}
    else:
        shown_heads = _pick(n_heads, include_heads, "include_heads")
        params = {"default_filter": "0", "display_mode": display_mode, "include_layers": layers,
                  "include_heads": shown_heads, "total_heads": n_heads}
    sub = att[layers][:, shown_heads] if (len(layers) != n_layers or len(shown_heads) != n_heads) else att
    q = _quantize(sub)
    filters = _filters(toks, sentence_b_start)
    spec = {
        "format": "plm-bertviz/1",
        "view": view,
        "shape": list(q.shape),
        "scale": _QUANT,
        "tokens": toks,
        "display_tokens": prettify_tokens(toks) if prettify else toks,
        "layers": layers,
        "heads": shown_heads,
        "filters": filters,
        "params": params,
        "data": base64.b64encode(np.ascontiguousarray(q).tobytes()).decode("ascii"),
    }
    root_id = f"bertviz-{uuid.uuid4().hex}"
    if len(filters) > 1:
        options = "".join(f'<option value="{i}">{f["name"]}</option>' for i, f in enumerate(filters))
        select_html = f'Attention: <select id="filter">{options}</select>'
    else:
        select_html = ""
    layer_select = 'Layer: <select id="layer"></select>' if view == "head" else ""
    background, text = _PALETTE[display_mode if view == "model" else "light"]  # head view: black text
    page_title = title or f"BertViz {view} view"
    prelude = (_PRELUDE.replace("ROOT_ID", json.dumps(root_id)).replace("DATA_ID", DATA_ELEMENT_ID)
               .replace("PREDEFINE", _PREDEFINE if scripts == "inline" else ""))
    libs = ([_script_tag("d3", scripts, assets), _script_tag("jquery", scripts, assets)]
            if scripts == "inline" else [])
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP[scripts]}">' if csp else "",
        f"<title>{_escape_text(page_title)}</title>",
        f"<style>html,body{{margin:0;padding:8px;background:{background};color:{text};}}\n"
        f"#{root_id},#{root_id} text,#{root_id} select{{font-family:{css_font_family()};}}</style>",
        "</head>",
        "<body>",
        f'<div id="{root_id}">',
        f'<span style="user-select:none">{layer_select} {select_html}</span>',
        "<div id='vis'></div>",
        "</div>",
        f'<script type="application/json" id="{DATA_ELEMENT_ID}">{_json_for_html(spec)}</script>',
        *libs,  # inline: d3 and jQuery first, while no AMD define() exists, so they become globals
        _script_tag("require", scripts, assets),
        f"<script>{prelude}</script>",
        f"<script>\n{_script_safe(_vis_js(view, scripts, assets))}\n</script>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def extract_attention(html: str) -> tuple[list[str], np.ndarray]:
    """The tokens and float32 ``[layer, head, seq, seq]`` attention stored in a page from :func:`build_html`.

    Values come back rounded to multiples of 1/65535; only the layers/heads shown are stored.
    """
    match = re.search(rf'<script type="application/json" id="{DATA_ELEMENT_ID}">(.*?)</script>', html, re.S)
    if match is None:
        raise ValueError("no bertviz attention data in this HTML")
    spec = json.loads(match.group(1))
    q = np.frombuffer(base64.b64decode(spec["data"]), dtype="<u2").reshape(spec["shape"])
    return list(spec["tokens"]), (q.astype(np.float32) / np.float32(spec["scale"]))


# --------------------------------------------------------------------------- saving
def write_text_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically: a temporary file in the same folder, then ``os.replace``.

    Readers see the old file or the new one, never half of one; on failure the temporary
    file is removed and the old file (if any) is untouched.
    """
    target = Path(path)
    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)  # mkstemp makes 0600; give the file normal permissions
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    return target


def export_html(
    path: str | os.PathLike[str],
    tokens: Sequence[str],
    attentions: np.ndarray,
    *,
    view: str = "head",
    sentence_b_start: int | None = None,
    scripts: str = "inline",
    assets: WebAssets | None = None,
    **options,
) -> Path:
    """Write bertviz's ``view`` to ``path`` as one HTML file and return the path.

    By default (``scripts="inline"``) d3, jQuery and require.js are copied into the file,
    so it opens offline in any browser. The write is atomic (see :func:`write_text_atomic`).
    ``options`` are :func:`build_html`'s (``layer``, ``heads``, ``include_layers``, ...).
    """
    html = build_html(tokens, attentions, view=view, sentence_b_start=sentence_b_start, scripts=scripts,
                      assets=assets, **options)
    return write_text_atomic(path, html)


__all__ = [
    "ASSETS_ENV", "DATA_ELEMENT_ID", "DEFAULT_ASSETS_DIR", "LIBRARIES", "SCRIPT_MODES", "VIEWS", "WebAssets",
    "WebAssetsMissingError", "bertviz_js", "build_html", "export_html", "extract_attention", "find_web_assets",
    "prettify_tokens", "web_assets_dir", "write_text_atomic",
]
