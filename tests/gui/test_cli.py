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


def run_app(*args: str | Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    env.pop("PLM_STUDIO_SETTINGS", None)
    cmd = [sys.executable, "main.py", *map(str, args), "--settings", str(tmp_path / "s.ini")]
    return subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S)


def assert_screenshot(png: Path, colour_count) -> QImage:
    assert png.is_file()
    image = QImage(str(png))
    assert not image.isNull()
    assert image.width() >= 800 and image.height() >= 500
    assert colour_count(image) > 5
    assert not list(png.parent.glob("*.part.png"))   # written atomically
    return image


def test_mask_screenshot(tmp_path, bert_mini_dir, colour_count) -> None:
    png = tmp_path / "shots" / "x.png"
    proc = run_app("--model", bert_mini_dir, "--panel", "mask", "--top-k", "5",
                   "--text", "Once upon a time, there was a little [MASK] named Lily.",
                   "--screenshot", png, tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert f"saved {png}" in proc.stdout
    assert_screenshot(png, colour_count)
    assert "Traceback" not in proc.stderr
    ini = (tmp_path / "s.ini").read_text(encoding="utf-8")
    assert "top_k=5" in ini and str(bert_mini_dir) in ini   # --settings was used, not the user's


def test_model_without_mlm_head_screenshots_the_explanation(tmp_path, minilm_dir, colour_count) -> None:
    png = tmp_path / "minilm.png"
    proc = run_app("--model", minilm_dir, "--panel", "mask", "--text", "A [MASK] day.",
                   "--screenshot", png, tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert_screenshot(png, colour_count)


def test_tokens_screenshot_with_a_sentence_pair(tmp_path, bert_mini_dir, colour_count) -> None:
    png = tmp_path / "tokens.png"
    proc = run_app("--model", bert_mini_dir, "--panel", "tokens", "--text", "Lily went to the park.",
                   "--text-pair", "She played.", "--screenshot", png, tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert_screenshot(png, colour_count)


def test_missing_model_exits_non_zero_without_a_png(tmp_path) -> None:
    png = tmp_path / "never.png"
    missing = tmp_path / "no-such-model"
    proc = run_app("--model", missing, "--panel", "mask", "--text", "A [MASK].", "--screenshot", png,
                   tmp_path=tmp_path)
    assert proc.returncode != 0
    assert "plm-studio:" in proc.stderr and "does not exist" in proc.stderr
    assert str(missing) in proc.stderr
    assert not png.exists() and not list(tmp_path.glob("*.png"))


def test_bad_arguments_exit_with_usage(tmp_path) -> None:
    proc = run_app("--panel", "nonsense", tmp_path=tmp_path)
    assert proc.returncode == 2
    assert "invalid choice" in proc.stderr
