"""The only module that knows where ``assets/`` is."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QIcon

ASSETS = Path(__file__).resolve().parent.parent / "assets"


def asset(*parts: str) -> Path:
    return ASSETS.joinpath(*parts)


def icon(name: str) -> QIcon:
    """An icon from ``assets/icons/<name>.svg``."""
    path = asset("icons", f"{name}.svg")
    if not path.exists():
        raise FileNotFoundError(path)
    return QIcon(str(path))


def load_stylesheet(base_pt: int = 12, theme: str = "default") -> str:
    """The application style sheet with the base font size filled in; ``theme="high_contrast"``
    appends ``style_high_contrast.qss``."""
    text = asset("style.qss").read_text(encoding="utf-8")
    if theme == "high_contrast":
        text += "\n" + asset("style_high_contrast.qss").read_text(encoding="utf-8")
    return text.replace("@BASE_PT@", str(base_pt))


@lru_cache(maxsize=1)
def sample_texts() -> dict[str, list[str]]:
    """Example sentences per panel, shown in combo boxes (lesson presets)."""
    return json.loads(asset("sample_texts.json").read_text(encoding="utf-8"))


def embedding_presets() -> dict[str, list[dict]]:
    """Lesson presets of the embeddings and spans panels (``assets/embedding_presets.json``)."""
    return json.loads(asset("embedding_presets.json").read_text(encoding="utf-8"))
