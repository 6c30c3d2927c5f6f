"""The spans panel's lesson view state: tab, layer, longest span L, representation variant, units,
the typed span and the selected and reference spans (sentence, first token, last token)."""
from __future__ import annotations

from core import errors
from core import spans as S


def _triple(value: object) -> tuple[int, int, int] | None:
    if (isinstance(value, list) and len(value) == 3
            and all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value)):
        return int(value[0]), int(value[1]), int(value[2])
    return None


class SpansViewMixin:
    """For ``SpansPanel`` (a ``BasePanel`` with ``tabs``, ``layer``, ``max_len``, ``variant``, ``units``...)."""

    _view_pending: dict   # layer given before a model; selection/reference for the next result

    def view_state(self) -> dict:
        from .spans_panel import TABS

        return {"tab": TABS[self.tabs.currentIndex()], "layer": self.layer.value(),
                "max_len": self.max_len.value(), "variant": self.variant.currentData(),
                "units": self.units.currentData(), "span": self.span_edit.text(),
                "selection": list(self.selection) if self.selection else None,
                "reference": list(self.reference) if self.reference else None}

    def apply_view(self, view: dict) -> None:
        from .spans_panel import TABS

        for key, combo in (("variant", self.variant), ("units", self.units)):
            if view.get(key) is not None and (i := combo.findData(view[key])) >= 0:
                combo.setCurrentIndex(i)
        if isinstance(view.get("max_len"), int) and not isinstance(view["max_len"], bool):
            self.max_len.setValue(view["max_len"])   # the spin box clamps to 1..512
        if isinstance(view.get("span"), str):
            self.span_edit.setText(view["span"])
        if "span" in view or "units" in view or "selection" in view:
            self._pending_span = None   # a preset's or the command line's span would overwrite the view's
        layer = view.get("layer")
        if isinstance(layer, int) and not isinstance(layer, bool):
            if self.loaded is None:
                self._view_pending["layer"] = layer
                if layer >= 0:
                    self.layer.setValue(layer)
            else:
                self._set_view_layer(layer)
        sel, ref = _triple(view.get("selection")), _triple(view.get("reference"))
        if sel is not None:
            # The next result (the sentences may still be running) selects them; so does the current one.
            self._view_pending["spans"] = (sel, ref or sel)
            if self.data is not None and not self.busy:
                self._select_view_spans(sel, ref or sel)
        if view.get("tab") in TABS:
            self.tabs.setCurrentIndex(TABS.index(view["tab"]))

    def _set_view_layer(self, layer: int) -> None:
        top = self.loaded.n_layers
        self.layer.setValue(max(0, min(top, layer if layer >= 0 else top + 1 + layer)))

    def _apply_pending_layer(self) -> None:
        if "layer" in self._view_pending and self.loaded is not None:
            self._set_view_layer(self._view_pending.pop("layer"))

    def _apply_pending_spans(self) -> None:
        spans = self._view_pending.pop("spans", None)
        if spans is not None:
            self._select_view_spans(*spans)

    def _select_view_spans(self, sel: tuple[int, int, int], ref: tuple[int, int, int]) -> None:
        """Select ``sel`` with ``ref`` as the reference; spans that do not fit these sentences are skipped."""
        encodings = self.data.batch.encodings
        try:
            for s, i, j in (sel, ref):
                if s >= len(encodings):
                    return
                S.check_span(encodings[s], i, j)
        except errors.InputError:
            return
        self.reference = None
        self.select_span(*ref)      # the first selection becomes the reference
        self.select_span(*sel)
