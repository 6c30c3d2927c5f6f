"""End-to-end: ``python main.py ... --screenshot`` in a subprocess, offscreen."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

REPO = Path(__file__).resolve().parents[2]
RUN_TIMEOUT_S = 180

pytestmark = pytest.mark.slow


class App:
    """One ``main.py`` run started in the background; ``wait()`` collects it."""

    def __init__(self, tmp: Path, *args: str | Path) -> None:
        self.tmp = tmp
        self.ini = tmp / "s.ini"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false",
                   OMP_NUM_THREADS="1")
        env.pop("PLM_STUDIO_SETTINGS", None)
        cmd = [sys.executable, "main.py", *map(str, args), "--settings", str(self.ini)]
        self.proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True)
        self._done: subprocess.CompletedProcess[str] | None = None

    def wait(self) -> subprocess.CompletedProcess[str]:
        if self._done is None:
            try:
                out, err = self.proc.communicate(timeout=RUN_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                out, err = self.proc.communicate()
            self._done = subprocess.CompletedProcess(self.proc.args, self.proc.returncode, out, err)
        return self._done


@pytest.fixture(scope="module")
def apps(tmp_path_factory, bert_mini_dir, minilm_dir):
    """Start every run at once: each spends most of its time importing torch and loading a
    model, so running them side by side keeps this module well under the suite's time budget."""
    def start(name: str, *args: str | Path) -> App:
        tmp = tmp_path_factory.mktemp(name)
        return App(tmp, *(a.format(tmp=tmp) if isinstance(a, str) else a for a in args))

    runs = {
        "mask": start("mask", "--model", bert_mini_dir, "--panel", "mask", "--top-k", "5",
                      "--text", "Once upon a time, there was a little [MASK] named Lily.",
                      "--screenshot", "{tmp}/shots/x.png"),
        "minilm": start("minilm", "--model", minilm_dir, "--panel", "mask", "--text", "A [MASK] day.",
                        "--screenshot", "{tmp}/minilm.png"),
        "tokens": start("tokens", "--model", bert_mini_dir, "--panel", "tokens", "--text",
                        "Lily went to the park.", "--text-pair", "She played.", "--screenshot", "{tmp}/tokens.png"),
        "slot_b": start("slot_b", "--model", bert_mini_dir, "--model-b", minilm_dir, "--panel", "attention",
                        "--slot", "B", "--text", "Lily ran.", "--screenshot", "{tmp}/b.png"),
        "missing": start("missing", "--model", "{tmp}/no-such-model", "--panel", "mask", "--text", "A [MASK].",
                         "--screenshot", "{tmp}/never.png"),
    }
    yield runs
    for app in runs.values():
        app.wait()  # never leave a child process behind


def assert_screenshot(png: Path, colour_count) -> QImage:
    assert png.is_file()
    image = QImage(str(png))
    assert not image.isNull()
    assert image.width() >= 800 and image.height() >= 500
    assert colour_count(image) > 5
    assert not list(png.parent.glob("*.part.png"))   # written atomically
    return image


def test_mask_screenshot(apps, bert_mini_dir, colour_count) -> None:
    app = apps["mask"]
    proc = app.wait()
    png = app.tmp / "shots" / "x.png"
    assert proc.returncode == 0, proc.stderr
    assert f"saved {png}" in proc.stdout
    assert_screenshot(png, colour_count)
    assert "Traceback" not in proc.stderr
    ini = app.ini.read_text(encoding="utf-8")
    assert "top_k=5" in ini and str(bert_mini_dir) in ini   # --settings was used, not the user's


def test_model_without_mlm_head_screenshots_the_explanation(apps, colour_count) -> None:
    app = apps["minilm"]
    proc = app.wait()
    assert proc.returncode == 0, proc.stderr
    assert_screenshot(app.tmp / "minilm.png", colour_count)


def test_tokens_screenshot_with_a_sentence_pair(apps, colour_count) -> None:
    app = apps["tokens"]
    proc = app.wait()
    assert proc.returncode == 0, proc.stderr
    assert_screenshot(app.tmp / "tokens.png", colour_count)


def test_second_model_slot_and_pinning_from_the_command_line(apps, colour_count) -> None:
    app = apps["slot_b"]
    proc = app.wait()
    assert proc.returncode == 0, proc.stderr
    assert_screenshot(app.tmp / "b.png", colour_count)
    ini = app.ini.read_text(encoding="utf-8")
    assert "last_b=" in ini and "all-minilm-l6-v2" in ini   # slot B is remembered separately


def test_missing_model_exits_non_zero_without_a_png(apps) -> None:
    app = apps["missing"]
    proc = app.wait()
    assert proc.returncode != 0
    assert "plm-studio:" in proc.stderr and "does not exist" in proc.stderr
    assert str(app.tmp / "no-such-model") in proc.stderr
    assert not list(app.tmp.rglob("*.png"))


def test_bad_arguments_exit_with_usage() -> None:
    proc = subprocess.run([sys.executable, "main.py", "--panel", "nonsense"], cwd=REPO, capture_output=True,
                          text=True, timeout=RUN_TIMEOUT_S)
    assert proc.returncode == 2
    assert "invalid choice" in proc.stderr
