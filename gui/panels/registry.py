"""Every panel of the main window, in one list: adding a panel is one line here.

The main window builds a dock for each entry (left or right area; entries with the same
``group`` share a dock area as tabs), the View menu gets a toggle per panel, and
``main.py --panel KEY`` lets reviewers take a screenshot of it. A panel's own
command-line options come from its ``add_cli_arguments`` classmethod.
"""
from __future__ import annotations

import argparse
import importlib
import inspect
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..settings import AppSettings
    from ..state import ModelState
    from .base import BasePanel


@dataclass(frozen=True)
class PanelSpec:
    """Where a panel's class lives and where its dock goes."""

    key: str            # --panel name and settings key
    target: str         # "module:Class", module relative to gui.panels
    area: str = "right"  # "left" or "right"
    group: str = ""      # panels with the same group are tabbed together

    def panel_class(self) -> type[BasePanel]:
        module, _, name = self.target.partition(":")
        return getattr(importlib.import_module(f"gui.panels.{module}"), name)

    def create(self, state: ModelState, settings: AppSettings) -> BasePanel:
        cls = self.panel_class()
        if "settings" in inspect.signature(cls.__init__).parameters:
            return cls(state, settings=settings)
        return cls(state)


PANELS: tuple[PanelSpec, ...] = (
    PanelSpec("mask", "mask_panel:MaskPanel", "left", "left"),
    PanelSpec("tokens", "tokens_panel:TokensPanel", "right", "right"),
    PanelSpec("attention", "attention_panel:AttentionPanel", "right", "right"),
    PanelSpec("embeddings", "embeddings_panel:EmbeddingsPanel", "right", "right"),
    PanelSpec("spans", "spans_panel:SpansPanel", "right", "right"),
    PanelSpec("generate", "generation_panel:GenerationPanel", "left", "left"),
    PanelSpec("finetune", "finetune_panel:FineTunePanel", "right", "right"),
    PanelSpec("pretrain", "pretrain_panel:PretrainPanel", "right", "right"),
)


def panel_keys() -> tuple[str, ...]:
    return tuple(spec.key for spec in PANELS)


def spec_for(key: str) -> PanelSpec:
    for spec in PANELS:
        if spec.key == key:
            return spec
    raise KeyError(key)


def add_option(parser: argparse.ArgumentParser, *names: str, **kwargs: object) -> None:
    """``parser.add_argument`` unless another panel already declared the option."""
    if any(name in parser._option_string_actions for name in names):  # noqa: SLF001 (argparse has no public query)
        return
    parser.add_argument(*names, **kwargs)
