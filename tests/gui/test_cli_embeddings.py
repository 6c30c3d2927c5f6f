"""``main.py --panel embeddings|spans ... --screenshot`` end to end, in a subprocess, offscreen."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

REPO = Path(__file__).resolve().parents[2]


def _shot(tmp_path: Path, *args: str) -> QImage:
    png = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "main.py", *args, "--screenshot", str(png),
                           "--settings", str(tmp_path / "s.ini")],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    image = QImage(str(png))
    assert image.width() >= 800 and image.height() >= 500
    colours = {image.pixel(x, y) for x in range(0, image.width(), 13) for y in range(0, image.height(), 13)}
    assert len(colours) > 20  # heatmap colours, not a blank window
    return image


@pytest.mark.slow
def test_embeddings_screenshot(tmp_path: Path, minilm_dir: Path) -> None:
    _shot(tmp_path, "--model", str(minilm_dir), "--panel", "embeddings", "--target", "bank", "--layer", "3",
          "--text", "He sat on the bank of the river.\nShe deposited cash at the bank.")


@pytest.mark.slow
def test_spans_screenshot(tmp_path: Path, stories260k_dir: Path) -> None:
    _shot(tmp_path, "--model", str(stories260k_dir), "--panel", "spans", "--span", "0..1", "--layer", "-1",
          "--text", "United Airlines Holding said United Airlines will fly.")
