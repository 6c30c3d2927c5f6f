"""A tiny stand-in for the Hugging Face Hub, served over real HTTP on 127.0.0.1.

It implements just the endpoints ``huggingface_hub`` uses to download a model:

* ``GET /api/models/{repo}`` and ``GET /api/models/{repo}/revision/{rev}`` (model info,
  with file sizes and LFS metadata when ``?blobs=True``);
* ``HEAD`` and ``GET /{repo}/resolve/{rev}/{filename}`` with the headers the client needs
  (``X-Repo-Commit``, ``ETag``, ``X-Linked-Etag``/``X-Linked-Size`` for LFS files,
  ``Content-Length``) and ``Range: bytes=N-`` support;
* ``404`` with ``X-Error-Code: RepoNotFound`` / ``EntryNotFound`` / ``RevisionNotFound``.

Downloads can be throttled (``throttle_chunk`` bytes every ``throttle_delay`` seconds) so
that a test can cancel a download halfway.
"""
from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

LFS_SUFFIXES = (".safetensors", ".bin", ".h5", ".msgpack", ".onnx", ".ot", ".pt", ".pth", ".model")


@dataclass
class FakeRepo:
    """A model repository: file name -> content, at one commit."""

    files: dict[str, bytes]
    sha: str = ""

    def __post_init__(self) -> None:
        if not self.sha:
            digest = hashlib.sha1()
            for name in sorted(self.files):
                digest.update(name.encode() + b"\0" + self.files[name])
            self.sha = digest.hexdigest()

    @classmethod
    def from_folder(cls, folder: str | Path, **extra: bytes) -> FakeRepo:
        """A repo holding every file under ``folder`` (recursively), plus ``extra`` files."""
        root = Path(folder)
        files = {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
        files.update(extra)
        return cls(files)

    @staticmethod
    def is_lfs(name: str) -> bool:
        return name.endswith(LFS_SUFFIXES)

    @staticmethod
    def git_sha1(data: bytes) -> str:
        return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()

    def sibling(self, name: str) -> dict:
        data = self.files[name]
        entry: dict = {"rfilename": name, "size": len(data), "blobId": self.git_sha1(data)}
        if self.is_lfs(name):
            entry["lfs"] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest(), "pointerSize": 134}
        return entry


@dataclass
class FakeHub:
    """A running fake hub. Use as a context manager; ``endpoint`` is its base URL."""

    repos: dict[str, FakeRepo] = field(default_factory=dict)
    throttle_chunk: int = 0          # bytes per chunk when throttling (0 = no throttling)
    throttle_delay: float = 0.0      # seconds to sleep after each chunk
    requests: list[tuple[str, str]] = field(default_factory=list)   # (method, path) of every request
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None

    @property
    def endpoint(self) -> str:
        assert self._server is not None, "FakeHub is not running"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def downloaded(self, repo_id: str) -> list[str]:
        """File names fetched with GET from ``repo_id``, in order."""
        prefix = f"/{repo_id}/resolve/"
        return [unquote(p[len(prefix):].split("/", 1)[1]) for m, p in self.requests
                if m == "GET" and p.startswith(prefix)]

    def start(self) -> FakeHub:
        hub = self

        class Handler(_Handler):
            fake = hub

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True, name="fake-hub")
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeHub:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


_INFO = re.compile(r"^/api/models/(?P<repo>.+?)(?:/revision/(?P<rev>[^/]+))?$")
_RESOLVE = re.compile(r"^/(?P<repo>[^/]+(?:/[^/]+)?)/resolve/(?P<rev>[^/]+)/(?P<file>.+)$")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    fake: FakeHub

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - silence stderr logging
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        self._serve(body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(body=False)

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None,
              *, send_body: bool = True) -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body and body:
            self.wfile.write(body)

    def _not_found(self, code: str, send_body: bool) -> None:
        self._send(404, json.dumps({"error": code}).encode(),
                   {"X-Error-Code": code, "X-Error-Message": code, "Content-Type": "application/json"},
                   send_body=send_body)

    def _serve(self, body: bool) -> None:
        path = urlsplit(self.path).path
        self.fake.requests.append((self.command, path))
        if m := _INFO.match(path):
            repo = self.fake.repos.get(unquote(m["repo"]))
            if repo is None:
                return self._not_found("RepoNotFound", body)
            rev = unquote(m["rev"] or "main")
            if rev not in ("main", repo.sha):
                return self._not_found("RevisionNotFound", body)
            info = {"id": m["repo"], "modelId": m["repo"], "sha": repo.sha, "private": False,
                    "siblings": [repo.sibling(name) for name in sorted(repo.files)]}
            return self._send(200, json.dumps(info).encode(), {"Content-Type": "application/json"},
                              send_body=body)
        if m := _RESOLVE.match(path):
            repo = self.fake.repos.get(unquote(m["repo"]))
            if repo is None:
                return self._not_found("RepoNotFound", body)
            if unquote(m["rev"]) not in ("main", repo.sha):
                return self._not_found("RevisionNotFound", body)
            name = unquote(m["file"])
            if name not in repo.files:
                self.send_response(404)
                for key, value in {"X-Error-Code": "EntryNotFound", "X-Repo-Commit": repo.sha,
                                   "Content-Length": "0"}.items():
                    self.send_header(key, value)
                return self.end_headers()
            return self._send_file(repo, name, body)
        return self._not_found("RepoNotFound", body)

    def _send_file(self, repo: FakeRepo, name: str, body: bool) -> None:
        data = repo.files[name]
        start = 0
        if rng := re.match(r"bytes=(\d+)-$", self.headers.get("Range", "")):
            start = min(int(rng[1]), len(data))
        self.send_response(206 if start else 200)
        self.send_header("X-Repo-Commit", repo.sha)
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Type", "application/octet-stream")
        if repo.is_lfs(name):
            sha256 = hashlib.sha256(data).hexdigest()
            self.send_header("ETag", f'"{sha256}"')
            self.send_header("X-Linked-Etag", f'"{sha256}"')
            self.send_header("X-Linked-Size", str(len(data)))
        else:
            self.send_header("ETag", f'"{repo.git_sha1(data)}"')
        if start:
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        self.send_header("Content-Length", str(len(data) - start))
        self.end_headers()
        if not body:
            return
        chunk = self.fake.throttle_chunk or len(data) or 1
        try:
            for pos in range(start, len(data), chunk):
                self.wfile.write(data[pos:pos + chunk])
                self.wfile.flush()
                if self.fake.throttle_chunk and self.fake.throttle_delay:
                    time.sleep(self.fake.throttle_delay)
        except (BrokenPipeError, ConnectionResetError):  # the client hung up (e.g. a cancelled download)
            self.close_connection = True
