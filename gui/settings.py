"""Typed access to the persistent settings (QSettings)."""
from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_ENV = "PLM_STUDIO_SETTINGS"


class AppSettings:
    """Last model, recent models, window geometry and per-panel values."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        if qsettings is None:
            path = os.environ.get(SETTINGS_ENV)
            qsettings = (QSettings(path, QSettings.Format.IniFormat) if path
                         else QSettings("PLM Studio", "PLM Studio"))
        self.q = qsettings

    def _get(self, key: str, default, typ):
        value = self.q.value(key, default)
        try:
            return typ(value) if value is not None else default
        except (TypeError, ValueError):
            return default

    @property
    def last_model(self) -> str:
        return self._get("model/last", "", str)

    @last_model.setter
    def last_model(self, value: str) -> None:
        self.q.setValue("model/last", value)
        recent = [value] + [r for r in self.recent_models if r != value]
        self.q.setValue("model/recent", recent[:10])

    @property
    def recent_models(self) -> list[str]:
        value = self.q.value("model/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    @property
    def last_dir(self) -> str:
        return self._get("model/last_dir", "", str)

    @last_dir.setter
    def last_dir(self, value: str) -> None:
        self.q.setValue("model/last_dir", value)

    @property
    def mask_top_k(self) -> int:
        return max(1, min(50, self._get("mask/top_k", 10, int)))

    @mask_top_k.setter
    def mask_top_k(self, value: int) -> None:
        self.q.setValue("mask/top_k", int(value))

    @property
    def mask_text(self) -> str:
        return self._get("mask/text", "", str)

    @mask_text.setter
    def mask_text(self, value: str) -> None:
        self.q.setValue("mask/text", value)

    @property
    def language(self) -> str:
        """UI language code ("en", "zh_CN", "ru"); "" until the user picks one (then the system's)."""
        return self._get("ui/language", "", str)

    @language.setter
    def language(self, value: str) -> None:
        self.q.setValue("ui/language", value)

    @property
    def palette(self) -> str:
        """Colour map of heatmaps: viridis or cividis (both colour-blind safe)."""
        value = self._get("view/palette", "viridis", str)
        return value if value in ("viridis", "cividis") else "viridis"

    @palette.setter
    def palette(self, value: str) -> None:
        self.q.setValue("view/palette", value)

    @property
    def theme(self) -> str:
        """Style sheet variant: "default" or "high_contrast"."""
        value = self._get("view/theme", "default", str)
        return value if value in ("default", "high_contrast") else "default"

    @theme.setter
    def theme(self, value: str) -> None:
        self.q.setValue("view/theme", value)

    def geometry(self) -> QByteArray | None:
        v = self.q.value("window/geometry")
        return v if isinstance(v, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        v = self.q.value("window/state")
        return v if isinstance(v, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.q.setValue("window/geometry", geometry)
        self.q.setValue("window/state", state)
        self.q.sync()
