"""Find and download models on the Hugging Face Hub, with progress and cancellation.

Files land in the normal Hugging Face cache, so ``from_pretrained(repo_id,
local_files_only=True)`` and :func:`cached_snapshot` find them afterwards. Plain Python:
no Qt here; the GUI runs :func:`iter_download` in a worker thread.
"""
from __future__ import annotations

import json
import os
import queue
import re
import threading
from collections.abc import Generator
from pathlib import Path
from typing import Any

from .errors import (CheckpointError, CheckpointNotFoundError, DownloadCancelledError, DownloadError,
                     NotCachedOfflineError)
from .types import DownloadProgress

#: Bytes per progress report / cancellation check (huggingface_hub's own default is 10 MB).
CHUNK_SIZE = 1 << 20
DEFAULT_ENDPOINT = "https://huggingface.co"
_TIMEOUT_S = 10.0
_POLL_S = 0.05
_JOIN_S = 2.0
_NETWORK_HINT = "Check your internet connection or choose a local model folder."
_OFFLINE_HINT = "Unset HF_HUB_OFFLINE to download it, or choose a local model folder."
_REPO_ID = re.compile(r"^(?:[A-Za-z0-9][\w.-]{0,95}/)?[A-Za-z0-9][\w.-]{0,95}$")
_TRUE = {"1", "ON", "YES", "TRUE"}
_SMALL_SUFFIXES = (".json", ".txt", ".model", ".jinja", ".spm", ".tiktoken")


def is_hub_id(source: str) -> bool:
    """Whether ``source`` looks like a hub id (``"gpt2"``, ``"google/electra-small-discriminator"``).

    An existing local path, or text that looks like a path (``./x``, ``~/x``, ``/x``,
    ``C:\\x``, backslashes, more than one ``/``) is not a hub id.
    """
    text = str(source).strip()
    if not text or text.startswith((".", "~", "/", "\\")) or "\\" in text or ":" in text:
        return False
    if "--" in text or ".." in text or text.endswith((".", "-")) or not _REPO_ID.match(text):
        return False
    return not os.path.exists(os.path.expanduser(text))


def _is_offline() -> bool:
    from huggingface_hub import constants

    flags = (os.environ.get("HF_HUB_OFFLINE"), os.environ.get("TRANSFORMERS_OFFLINE"))
    return any((v or "").strip().upper() in _TRUE for v in flags) or constants.is_offline_mode()


def _has_weights(folder: Path) -> bool:
    """``folder`` holds PyTorch weights, every shard of a sharded checkpoint included."""
    for single, index in (("model.safetensors", "model.safetensors.index.json"),
                          ("pytorch_model.bin", "pytorch_model.bin.index.json")):
        if (folder / single).is_file():
            return True
        if (folder / index).is_file():
            try:
                shards = set(json.loads((folder / index).read_text(encoding="utf-8"))["weight_map"].values())
            except (OSError, ValueError, KeyError, AttributeError):
                continue
            if shards and all((folder / s).is_file() for s in shards):
                return True
    return False


def cached_snapshot(repo_id: str, revision: str = "main", cache_dir: str | None = None) -> Path | None:
    """The cached snapshot folder of ``repo_id`` with ``config.json`` and all weights, or None. No network."""
    from huggingface_hub import try_to_load_from_cache

    if not is_hub_id(repo_id):
        return None
    try:
        found = try_to_load_from_cache(repo_id, "config.json", cache_dir=cache_dir, revision=revision)
    except (ValueError, OSError):
        return None
    return Path(found).parent if isinstance(found, str) and _has_weights(Path(found).parent) else None


def _plan(siblings: list[Any]) -> list[tuple[str, int | None]]:
    """The (file, size) pairs a PyTorch transformers model needs, weights first, config.json last."""
    top = {s.rfilename: s.size for s in siblings if "/" not in s.rfilename}
    if "config.json" not in top:
        raise CheckpointError("This hub repository has no config.json, so it is not a transformers model.",
                              hint="Check the model id on huggingface.co.")
    weights: list[str] = []
    for stem, ext in (("model", "safetensors"), ("pytorch_model", "bin")):
        if f"{stem}.{ext}" in top:
            weights = [f"{stem}.{ext}"]
        elif f"{stem}.{ext}.index.json" in top:
            shards = [n for n in top if re.fullmatch(rf"{stem}-\d+-of-\d+\.{ext}", n)]
            weights = shards + [f"{stem}.{ext}.index.json"]
        if weights:
            break
    if not weights:
        raise CheckpointError("This hub repository has no PyTorch weights (only TensorFlow, Flax or ONNX files).",
                              hint="Pick another model.")
    other_weights = re.compile(r".*\.(bin|h5|msgpack|safetensors)\.index\.json")
    small = [n for n in top if n.endswith(_SMALL_SUFFIXES) and not other_weights.fullmatch(n)
             and n not in weights and n != "config.json"]
    return [(n, top[n]) for n in sorted(weights) + sorted(small) + ["config.json"]]


class _Stop(Exception):
    """Raised inside the download thread to abort it."""


class _Reporter:
    """Turns per-chunk byte counts from huggingface_hub into overall :class:`DownloadProgress`."""

    def __init__(self, repo_id: str, plan: list[tuple[str, int | None]], out: queue.Queue,
                 stop: threading.Event) -> None:
        self.repo_id, self.out, self.stop, self.sizes = repo_id, out, stop, dict(plan)
        self.base, self.current, self.filename = 0, 0, ""   # bytes of finished files, of the current one

    def check(self) -> None:
        if self.stop.is_set():
            raise _Stop

    def add(self, n: int, file_total: int | None = None) -> None:
        """``n`` more bytes of the current file (whose size may only now be known)."""
        self.check()
        if file_total and not self.sizes.get(self.filename):
            self.sizes[self.filename] = file_total
        size = self.sizes.get(self.filename) or 0
        self.current = max(self.current, min(self.current + n, size))
        self.emit()

    def finish_file(self, name: str, actual: int) -> None:
        self.sizes[name] = self.sizes.get(name) or actual
        self.base, self.current = self.base + self.sizes[name], 0
        self.emit()

    def emit(self) -> None:
        total = sum(v or 0 for v in self.sizes.values())
        self.out.put(("progress", DownloadProgress(self.repo_id, self.filename, self.base + self.current, total)))

    def tqdm_class(self) -> type:
        """A class with just enough of tqdm's interface for ``huggingface_hub.file_download``."""
        reporter = self

        class _Bar:
            disable = False

            def __init__(self, *args: Any, total: int | None = None, initial: int = 0, **kwargs: Any) -> None:
                self.n, self.total, self.format_dict = initial, total, {}
                reporter.add(0, total)

            def update(self, n: int | float = 1) -> None:
                self.n += n
                reporter.add(int(n))

            def update_transfer(self, n: int | float = 1) -> None:   # Xet network bytes: only a stop check
                reporter.check()

            def __enter__(self) -> _Bar:
                return self

            def _ignore(self, *args: Any, **kwargs: Any) -> None:
                pass

            set_postfix_str = set_transfer_postfix_str = set_description = refresh = close = __exit__ = _ignore

        return _Bar


def _download_all(repo_id: str, revision: str, cache_dir: str | None, endpoint: str,
                  out: queue.Queue, stop: threading.Event) -> Path:
    """Runs in the download thread: list the repo, then fetch the planned files one by one."""
    from huggingface_hub import HfApi, constants, hf_hub_download

    # Plain HTTP in small chunks: progress and cancellation then happen every CHUNK_SIZE bytes
    # (Xet transfers run in native code that a progress callback cannot interrupt).
    constants.HF_HUB_DISABLE_XET = True
    constants.DOWNLOAD_CHUNK_SIZE = CHUNK_SIZE
    info = HfApi(endpoint=endpoint).model_info(repo_id, revision=revision, files_metadata=True, timeout=_TIMEOUT_S)
    plan = _plan(info.siblings or [])
    reporter = _Reporter(repo_id, plan, out, stop)
    reporter.filename = plan[0][0]
    reporter.emit()
    path = ""
    for name, _size in plan:
        reporter.check()
        reporter.filename = name
        path = hf_hub_download(repo_id, name, revision=revision, cache_dir=cache_dir, endpoint=endpoint,
                               etag_timeout=_TIMEOUT_S, tqdm_class=reporter.tqdm_class())
        reporter.finish_file(name, os.path.getsize(path))
    return Path(path).parent


def _translate(exc: BaseException, repo_id: str) -> BaseException:
    """A student-readable :mod:`core.errors` error for an exception from huggingface_hub."""
    from huggingface_hub import errors as hf

    try:
        import httpx2 as httpx
    except ImportError:  # older huggingface_hub versions use httpx
        import httpx  # type: ignore[no-redef]

    if isinstance(exc, CheckpointError):
        return exc
    if isinstance(exc, hf.GatedRepoError):
        return CheckpointError(f"'{repo_id}' is a gated model: accept its licence on huggingface.co and log in "
                               "(hf auth login) before downloading it.", hint="Or pick another model.")
    if isinstance(exc, hf.RepositoryNotFoundError):
        return CheckpointNotFoundError(f"There is no model called '{repo_id}' on the model hub.",
                                       hint="Check the spelling of the model id (e.g. 'bert-base-uncased').")
    if isinstance(exc, hf.RevisionNotFoundError):
        return CheckpointNotFoundError(f"The model '{repo_id}' has no such revision.", hint="Use 'main'.")
    if isinstance(exc, hf.OfflineModeIsEnabled):
        return NotCachedOfflineError(f"'{repo_id}' is not downloaded yet and offline mode is on.", hint=_OFFLINE_HINT)
    if isinstance(exc, (httpx.TransportError, hf.LocalEntryNotFoundError, ConnectionError, TimeoutError)):
        return DownloadError(f"Could not reach the model hub to download '{repo_id}'.", hint=_NETWORK_HINT)
    if isinstance(exc, hf.HfHubHTTPError):
        status = getattr(getattr(exc, "response", None), "status_code", "?")
        return DownloadError(f"The model hub answered with an error (HTTP {status}).", hint=_NETWORK_HINT)
    if isinstance(exc, OSError):
        return DownloadError(f"Downloading '{repo_id}' failed: {exc}", hint="Check the free disk space.")
    return exc


def iter_download(repo_id: str, *, revision: str = "main", cache_dir: str | None = None,
                  endpoint: str | None = None, cancel: threading.Event | None = None,
                  ) -> Generator[DownloadProgress, None, Path]:
    """Download what a PyTorch transformers model needs from the hub into the HF cache.

    Safetensors weights are preferred (``pytorch_model.bin`` only when there are none);
    TF/Flax/ONNX files and subfolders are skipped. Files are fetched in a background thread.

    Parameters
    ----------
    repo_id : hub id such as ``"bert-base-uncased"``.
    revision, cache_dir : branch/tag/commit; cache folder (None: the normal Hugging Face cache).
    endpoint : hub URL; None means ``$HF_ENDPOINT`` (read now) or huggingface.co.
    cancel : set it to stop the download (checked every chunk of ``CHUNK_SIZE`` bytes).

    Yields
    ------
    DownloadProgress : bytes done of the total over all files; ``done_bytes`` never decreases.

    Returns
    -------
    Path : the snapshot folder (``StopIteration.value``: ``folder = yield from iter_download(...)``).

    Raises
    ------
    DownloadCancelledError, DownloadError, CheckpointNotFoundError, NotCachedOfflineError, CheckpointError
    """
    if cancel is not None and cancel.is_set():
        raise DownloadCancelledError("The download was cancelled.")
    if _is_offline():
        cached = cached_snapshot(repo_id, revision, cache_dir)
        if cached is not None:
            return cached
        raise NotCachedOfflineError(f"'{repo_id}' is not downloaded yet and offline mode (HF_HUB_OFFLINE) is on.",
                                    hint=_OFFLINE_HINT)
    endpoint = (endpoint or os.environ.get("HF_ENDPOINT") or DEFAULT_ENDPOINT).rstrip("/")
    out: queue.Queue = queue.Queue()
    stop = threading.Event()

    def work() -> None:
        try:
            out.put(("done", _download_all(repo_id, revision, cache_dir, endpoint, out, stop)))
        except BaseException as exc:  # handed to the consuming thread
            out.put(("error", exc))

    thread = threading.Thread(target=work, name=f"hub-download-{repo_id}", daemon=True)
    thread.start()
    try:
        while True:
            if cancel is not None and cancel.is_set():
                raise DownloadCancelledError(f"The download of '{repo_id}' was cancelled.")
            try:
                kind, payload = out.get(timeout=_POLL_S)
            except queue.Empty:
                continue
            if kind == "progress":
                yield payload
            elif kind == "done":
                return payload
            elif isinstance(payload, _Stop):
                raise DownloadCancelledError(f"The download of '{repo_id}' was cancelled.")
            else:
                error = _translate(payload, repo_id)
                if isinstance(error, DownloadError):
                    cached = cached_snapshot(repo_id, revision, cache_dir)
                    if cached is not None:   # no network, but we already have it
                        return cached
                if error is payload:
                    raise payload
                raise error from payload
    finally:
        stop.set()                        # the thread stops at its next chunk ...
        thread.join(timeout=_JOIN_S)      # ... and removes its partial file
