"""bertviz's head view and model view inside the app, offline, in a QtWebEngine view.

:mod:`core.bertviz_html` builds the page (bertviz's real JavaScript, with d3, jQuery and
require.js from local files); this widget writes it to a private temporary folder and
loads it from there. It is the only module of the app that imports QtWebEngine, so the
rest of the GUI starts without Chromium; import it before the ``QApplication`` is
created (or call :func:`prepare_webengine`) so its start-up settings apply.

Offline is enforced, not hoped for: the page gets its own off-the-record profile whose
:class:`NetworkBlocker` refuses every request that is not local (``file:``, ``data:``,
``blob:``, ``about:``, ``qrc:``) and counts it, navigation away from local pages is
refused. The interceptor is deliberately the only gate (no page-level CSP, and local
pages are allowed to *ask* for remote URLs), so every attempt is seen and counted: tests
assert that a rendered view needed no blocked request at all.
"""
from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt


def prepare_webengine() -> None:
    """Set what Chromium reads once, when QtWebEngine starts. Idempotent; runs on import.

    * as root, Chromium refuses to start its sandbox: disable it (``--no-sandbox`` and
      ``QTWEBENGINE_DISABLE_SANDBOX=1``); never touched for a normal user;
    * on the ``offscreen``/``minimal`` platforms (tests, screenshots) there is no GPU:
      ``--disable-gpu``;
    * share OpenGL contexts, which QtWebEngine wants set before the ``QApplication`` exists.
    """
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
        if "--no-sandbox" not in flags:
            flags.append("--no-sandbox")
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal") \
            and "--disable-gpu" not in flags:
        flags.append("--disable-gpu")
    if flags:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags)
    if QCoreApplication.instance() is None:
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)


prepare_webengine()

from PySide6.QtCore import QTimer, QUrl, Signal  # noqa: E402
from PySide6.QtWebEngineCore import (  # noqa: E402
    QWebEngineLoadingInfo,
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: E402
from PySide6.QtWidgets import QVBoxLayout, QWidget  # noqa: E402

from core.bertviz_html import (  # noqa: E402
    WebAssets,
    build_html,
    export_html,
    find_web_assets,
    write_text_atomic,
)

#: URL schemes a page may load from; everything else (http, https, ws, ftp, …) is blocked.
LOCAL_SCHEMES = frozenset({"file", "data", "blob", "about", "qrc"})
#: How long bertviz may take to draw after the page loaded before ``page_loaded(False)``.
RENDER_TIMEOUT_MS = 60_000
POLL_MS = 40
_STATE_JS = ("(window.__plmBertviz && window.__plmBertviz.state) ? window.__plmBertviz.state() : 'plain'")
_MAX_CONSOLE = 200


class NetworkBlocker(QWebEngineUrlRequestInterceptor):
    """Blocks every request whose scheme is not local, and remembers what it blocked."""

    blocked = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._urls: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 (Qt override)
        url = info.requestUrl()
        if url.scheme().lower() not in LOCAL_SCHEMES:
            info.block(True)
            text = url.toString()
            self._urls.append(text)
            self.blocked.emit(text)

    @property
    def blocked_urls(self) -> list[str]:
        return list(self._urls)

    def reset(self) -> None:
        self._urls.clear()


class _OfflinePage(QWebEnginePage):
    """A page that never navigates to a non-local URL and keeps its console messages."""

    def __init__(self, profile: QWebEngineProfile, parent=None) -> None:
        super().__init__(profile, parent)
        self.console: list[str] = []

    def acceptNavigationRequest(self, url: QUrl, _type, _is_main_frame: bool) -> bool:  # noqa: N802
        return url.scheme().lower() in LOCAL_SCHEMES

    def javaScriptConsoleMessage(self, level, message: str, line: int, source: str) -> None:  # noqa: N802
        if len(self.console) >= _MAX_CONSOLE:
            del self.console[: _MAX_CONSOLE // 2]
        self.console.append(f"{getattr(level, 'name', level)}: {message} ({source}:{line})")


class BertvizView(QWidget):
    """bertviz's head view or model view of one attention tensor, rendered offline.

    ``page_loaded(ok)`` is emitted once per :meth:`set_attention` / :meth:`set_html` /
    :meth:`load_file`: ``True`` when bertviz has drawn its SVG (or a non-bertviz page
    loaded), ``False`` when the page failed, bertviz's JavaScript raised, or nothing was
    drawn within ``render_timeout_ms``; :attr:`error_message` then says why.
    """

    page_loaded = Signal(bool)
    request_blocked = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, assets: WebAssets | str | os.PathLike[str] | None = None,
                 render_timeout_ms: int = RENDER_TIMEOUT_MS) -> None:
        super().__init__(parent)
        self._assets_arg = assets
        self._assets: WebAssets | None = assets if isinstance(assets, WebAssets) else None
        self.render_timeout_ms = render_timeout_ms

        # The view is created before the profile: Qt deletes children in creation order, so
        # the page (owned by the view) is always gone before its profile.
        self._view = QWebEngineView(self)
        self._profile = QWebEngineProfile(self)  # no storage name: off the record, nothing on disk
        self._blocker = NetworkBlocker(self._profile)
        self._blocker.blocked.connect(self.request_blocked)
        self._profile.setUrlRequestInterceptor(self._blocker)
        self._page = _OfflinePage(self._profile, self._view)
        settings = self._page.settings()
        attr = QWebEngineSettings.WebAttribute
        # Chromium's own file-page guard would drop remote requests before the interceptor
        # sees them; leave the interceptor as the single gate so every attempt is counted.
        settings.setAttribute(attr.LocalContentCanAccessRemoteUrls, True)
        settings.setAttribute(attr.LocalContentCanAccessFileUrls, True)
        settings.setAttribute(attr.JavascriptEnabled, True)
        settings.setAttribute(attr.JavascriptCanOpenWindows, False)
        settings.setAttribute(attr.PluginsEnabled, False)
        self._view.setPage(self._page)
        self._page.loadingChanged.connect(self._on_loading_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)

        self._tmpdir = tempfile.TemporaryDirectory(prefix="plm-bertviz-")
        self._poll_timer = QTimer(self)
        self._poll_timer.setSingleShot(True)
        self._poll_timer.setInterval(POLL_MS)
        self._poll_timer.timeout.connect(self._poll)
        self._generation = 0
        self._url: QUrl | None = None
        self._deadline = 0.0
        self._state = "empty"
        self._error = ""
        self._last: tuple[list[str], np.ndarray, dict[str, Any]] | None = None

    # ------------------------------------------------------------------ public API
    @property
    def assets(self) -> WebAssets:
        """The local d3/jQuery/require.js (found on first use; raises ``WebAssetsMissingError``)."""
        if self._assets is None:
            self._assets = find_web_assets(self._assets_arg)
        return self._assets

    def set_attention(self, tokens: Sequence[str], attentions: np.ndarray, *, view: str = "head",
                      sentence_b_start: int | None = None, **options: Any) -> None:
        """Show bertviz's ``view`` ("head" or "model") of ``attentions`` [layer, head, seq, seq].

        ``options`` go to :func:`core.bertviz_html.build_html` (``layer``, ``heads``,
        ``include_layers``, ``include_heads``, ``display_mode``, ``prettify``). Raises
        ``ValueError`` for inconsistent input and ``WebAssetsMissingError`` when the local
        libraries are missing, before anything changes on screen.
        """
        html = build_html(tokens, attentions, view=view, sentence_b_start=sentence_b_start, scripts="file",
                          assets=self.assets, csp=False, **options)
        self._last = (list(tokens), np.asarray(attentions),
                      {"view": view, "sentence_b_start": sentence_b_start, **options})
        self.set_html(html)

    def set_html(self, html: str) -> None:
        """Show a page built elsewhere (e.g. ``build_html(..., scripts="file")`` in a worker thread)."""
        self._generation += 1
        path = Path(self._tmpdir.name) / f"view-{self._generation}.html"
        write_text_atomic(path, html)
        for old in Path(self._tmpdir.name).glob("view-*.html"):
            if old != path:
                old.unlink(missing_ok=True)
        self._start(QUrl.fromLocalFile(str(path)))

    def load_file(self, path: str | os.PathLike[str]) -> None:
        """Show a saved page, e.g. one written by :func:`core.bertviz_html.export_html`."""
        self._generation += 1
        self._start(QUrl.fromLocalFile(str(Path(path).resolve())))

    def save_html(self, path: str | os.PathLike[str]) -> Path:
        """Save the current attention view as one self-contained offline HTML file (atomic write)."""
        if self._last is None:
            raise RuntimeError("nothing to save: call set_attention() first")
        tokens, attentions, options = self._last
        return export_html(path, tokens, attentions, scripts="inline", assets=self.assets, **options)

    def clear(self) -> None:
        """Show an empty page."""
        self._generation += 1
        self._poll_timer.stop()
        self._last = None
        self._url = None
        self._state, self._error = "empty", ""
        self._page.setHtml("<!DOCTYPE html><html><body></body></html>", QUrl("about:blank"))

    @property
    def state(self) -> str:
        """``"empty"``, ``"loading"``, ``"ready"`` or ``"error"``."""
        return self._state

    @property
    def error_message(self) -> str:
        """Why the last page failed ("" when it did not)."""
        return self._error

    @property
    def blocked_requests(self) -> list[str]:
        """Every non-local URL a page tried to load since this view was made (all were blocked)."""
        return self._blocker.blocked_urls

    @property
    def blocked_count(self) -> int:
        return len(self._blocker.blocked_urls)

    @property
    def console_messages(self) -> list[str]:
        """The page's recent JavaScript console output (for diagnostics)."""
        return list(self._page.console)

    @property
    def web_view(self) -> QWebEngineView:
        return self._view

    def page(self) -> QWebEnginePage:
        return self._page

    def run_js(self, script: str, callback: Callable[[Any], None] | None = None) -> None:
        """Run ``script`` in the page; ``callback`` gets its result (strings and numbers pass
        through; return ``JSON.stringify(...)`` for arrays and objects)."""
        if callback is None:
            self._page.runJavaScript(script, 0)
        else:
            self._page.runJavaScript(script, 0, callback)

    # ------------------------------------------------------------------ loading
    def _start(self, url: QUrl) -> None:
        self._poll_timer.stop()
        self._url = url
        self._state, self._error = "loading", ""
        self._deadline = time.monotonic() + self.render_timeout_ms / 1000
        self._page.load(url)

    def _on_loading_changed(self, info: QWebEngineLoadingInfo) -> None:
        if self._state != "loading" or self._url is None or info.url() != self._url:
            return  # a page that was replaced, or about:blank
        status = info.status()
        if status == QWebEngineLoadingInfo.LoadStatus.LoadSucceededStatus:
            self._poll()
        elif status in (QWebEngineLoadingInfo.LoadStatus.LoadFailedStatus,
                        QWebEngineLoadingInfo.LoadStatus.LoadStoppedStatus):
            self._finish(False, info.errorString() or "the page did not load")

    def _poll(self) -> None:
        if self._state != "loading":
            return
        generation = self._generation
        self._page.runJavaScript(_STATE_JS, 0, lambda result: self._on_state(generation, result))

    def _on_state(self, generation: int, result: object) -> None:
        if generation != self._generation or self._state != "loading":
            return
        text = result if isinstance(result, str) else ""
        if text in ("ready", "plain"):
            self._finish(True, "")
        elif text.startswith("error"):
            self._finish(False, text.removeprefix("error:").strip() or "bertviz failed")
        elif time.monotonic() > self._deadline:
            self._finish(False, f"bertviz drew nothing within {self.render_timeout_ms / 1000:g} s")
        else:
            self._poll_timer.start()

    def _finish(self, ok: bool, error: str) -> None:
        self._poll_timer.stop()
        self._state, self._error = ("ready", "") if ok else ("error", error)
        self.page_loaded.emit(ok)


__all__ = ["LOCAL_SCHEMES", "BertvizView", "NetworkBlocker", "prepare_webengine"]
