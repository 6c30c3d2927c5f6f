"""The application state every panel observes (panels never reference each other)."""
from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, Signal

from core import LoadedModel, ModelInspector


class ModelState(QObject):
    """The loaded model, its inspector and the one-at-a-time inference pool."""

    model_changed = Signal(object)   # LoadedModel | None
    busy_changed = Signal(bool)
    loading_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loaded: LoadedModel | None = None
        self.inspector: ModelInspector | None = None
        # One inference job at a time on the shared model (Orange: max_workers=1).
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._busy = 0

    def set_loaded(self, loaded: LoadedModel | None) -> None:
        self.loaded = loaded
        self.inspector = ModelInspector(loaded) if loaded is not None else None
        self.model_changed.emit(loaded)

    def task_started(self) -> None:
        self._busy += 1
        if self._busy == 1:
            self.busy_changed.emit(True)

    def task_finished(self) -> None:
        if self._busy == 0:
            return  # an unmatched finish must not announce "idle" again
        self._busy -= 1
        if self._busy == 0:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return self._busy > 0
