"""``main.py --panel attention ... --screenshot`` end to end, in a subprocess, offscreen."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.parametrize("model,view", [("stories260k", "heatmap"), ("minilm", "grid")])
def test_attention_screenshot(tmp_path: Path, model: str, view: str, request) -> None:
    path = request.getfixturevalue(f"{model}_dir")
    png = tmp_path / "att.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "main.py", "--model", str(path), "--panel", "attention", "--layer", "1", "--head", "2",
         "--view", view, "--text", "Once upon a time, there was a little girl.", "--screenshot", str(png),
         "--settings", str(tmp_path / "s.ini")],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr
    image = QImage(str(png))
    assert image.width() >= 800 and image.height() >= 500
    colours = {image.pixel(x, y) for x in range(0, image.width(), 13) for y in range(0, image.height(), 13)}
    assert len(colours) > 20  # heatmap/grid colours, not a blank window
    assert "Traceback" not in proc.stderr
