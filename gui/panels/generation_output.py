"""The generation panel's first tab: streamed output, perplexity, branches and the step inspector.

The page keeps the branches of one prompt (each a line of generated steps) and which step is
inspected; the panel runs the model and feeds the page the steps it streams.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from core.decoding import token_text
from core.generation import perplexity_of_steps, restage
from core.generation_types import DecodingConfig, GenerationStart, GenerationStep
from core.seq2seq import RecordedGeneration

from ..i18n import Retranslatable
from ..widgets.branch_tree import Branch, BranchTreeView
from ..widgets.step_inspector import StepInspector
from ..widgets.token_text_view import TokenTextView


class GenerationOutputPage(Retranslatable, QSplitter):
    """Output text shaded by surprisal, perplexity, the branch tree (top) and the step inspector (bottom).

    ``tokenizer()`` and ``config()`` give the panel's current tokenizer (or ``None``) and decoding
    settings: the inspector re-stages a step's cached logits with them, without a forward pass.
    """

    def __init__(self, tokenizer: Callable[[], Any | None], config: Callable[[], DecodingConfig],
                 parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self._tokenizer = tokenizer
        self._config = config
        self.branches: list[Branch] = []
        self.current: Branch | None = None
        self.selected_step = -1
        self.locked = False        # while a worker runs, clicking another branch does nothing

        self.output = TokenTextView(self)
        self.ppl = QLabel(self)
        self.ppl.setWordWrap(True)
        self.branch_tree = BranchTreeView(self)
        self.inspector_view = StepInspector(self)
        self.branch_label = QLabel(self)
        top = QWidget(self)
        tl = QHBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.output, 3)
        info = QVBoxLayout()
        info.addWidget(self.ppl)
        info.addWidget(self.branch_label)
        info.addWidget(self.branch_tree, 1)
        tl.addLayout(info, 1)
        self.addWidget(top)
        self.addWidget(self.inspector_view)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 3)

        self.output.step_clicked.connect(self.select_step)
        self.branch_tree.branch_chosen.connect(self._on_branch_chosen)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.output.setToolTip(self.tr(
            "Each token is shaded by its surprisal −log₂ p (white: expected, red: surprising), from the raw "
            "model probabilities. Click a generated token to inspect that step."))
        self.ppl.setToolTip(self.tr("Perplexity = exp(mean negative log-likelihood): the lectures' PPL. Lower "
                                    "means the model found the text more predictable."))
        self.branch_label.setText(self.tr("Branches (click to switch):"))
        self._update_ppl()

    # ---------------------------------------------------------------- branches
    def reset(self) -> None:
        """Forget every branch (a new prompt or model)."""
        self.branches, self.current, self.selected_step = [], None, -1
        self.branch_tree.clear()
        self.output.set_prompt([], [])
        self.inspector_view.set_step(None, None)
        self.ppl.setText("")

    def new_branch(self, parent: int, fork: int, prompt: str) -> Branch:
        """Add a branch forking from branch ``parent`` at step ``fork`` (−1, −1: the main line)."""
        branch = Branch(len(self.branches), parent, fork, prompt)
        self.branches.append(branch)
        self.refresh_branch_tree()
        return branch

    def show_branch(self, branch: Branch, select: int = -1) -> None:
        """Draw ``branch`` (prompt and steps) and inspect its step ``select`` (−1: none)."""
        if branch.start is not None:
            self.output.set_prompt(self._prompt_pieces(branch.start), branch.start.prompt_surprisal)
        self.output.set_steps([(s.token, s.surprisal_bits) for s in branch.steps], select)
        self._update_ppl()
        self.refresh_branch_tree()
        if select >= 0:
            self.select_step(select)
        else:
            self.selected_step = -1
            self.inspector_view.set_step(None, None)

    def refresh_branch_tree(self) -> None:
        self.branch_tree.set_branches(self.branches, self.current)

    def start_current(self, start: GenerationStart) -> None:
        """The current branch's run started: the first start of a branch draws its prompt."""
        branch = self.current
        if branch is not None and branch.start is None:
            branch.start = start
            self.show_branch(branch)

    def append_step(self, step: GenerationStep) -> None:
        """A streamed step of the current branch."""
        if self.current is None:
            return
        self.current.steps.append(step)
        self.output.append_step(step.token, step.surprisal_bits)
        self._update_ppl()

    def finish_current(self, reason: str) -> None:
        if self.current is not None:
            self.current.finish = reason
            self.refresh_branch_tree()

    def _prompt_pieces(self, start: GenerationStart) -> list[str]:
        tok = self._tokenizer()
        return [token_text(tok, int(i)) for i in start.prompt_ids] if tok is not None else []

    @Slot(int)
    def _on_branch_chosen(self, bid: int) -> None:
        if self.locked:
            return
        if 0 <= bid < len(self.branches) and self.branches[bid] is not self.current:
            self.current = self.branches[bid]
            self.show_branch(self.current)

    # ---------------------------------------------------------------- steps
    @Slot(int)
    def select_step(self, index: int) -> None:
        """Show step ``index`` of the current branch in the inspector."""
        branch = self.current
        if branch is None or not 0 <= index < len(branch.steps):
            return
        self.selected_step = index
        step = branch.steps[index]
        self.output.select(index)
        tok = self._tokenizer()
        view = restage(step, self._config(), tok) if tok is not None else step.stages
        src = branch.start.source_tokens if branch.start is not None else ()
        self.inspector_view.set_step(index, view, cross=step.cross_attention, source_tokens=src)

    def selected(self) -> GenerationStep | None:
        branch = self.current
        if branch is None or not 0 <= self.selected_step < len(branch.steps):
            return None
        return branch.steps[self.selected_step]

    def restage_selected(self, cfg: DecodingConfig) -> None:
        """Re-draw the stages of the inspected step from its cached raw logits: no forward pass."""
        step, tok = self.selected(), self._tokenizer()
        if step is not None and tok is not None:
            self.inspector_view.update_view(restage(step, cfg, tok))

    def _update_ppl(self) -> None:
        branch = self.current
        if branch is None or branch.start is None:
            self.ppl.setText("")
            return
        bits = branch.start.prompt_surprisal
        finite = bits[np.isfinite(bits)]
        prompt_ppl = float(np.exp(np.mean(finite) * math.log(2))) if finite.size else float("nan")
        out_ppl = perplexity_of_steps(branch.steps)
        fmt = (lambda v: f"{v:.2f}" if math.isfinite(v) else "–")
        if branch.start.source_tokens:
            self.ppl.setText(self.tr("Perplexity of the output: {0} ({1} tokens). The source is read by the encoder "
                                     "and has no perplexity of its own.").format(fmt(out_ppl), len(branch.steps)))
            return
        self.ppl.setText(self.tr("Perplexity: prompt {0} ({1} tokens scored) · output {2} ({3} tokens)").format(
            fmt(prompt_ppl), int(finite.size), fmt(out_ppl), len(branch.steps)))

    # ---------------------------------------------------------------- recording
    def recording(self, slot: str) -> RecordedGeneration | None:
        """The current branch of an encoder-decoder as a recording for the attention panel (else ``None``)."""
        branch = self.current
        if branch is None or branch.start is None or not branch.steps:
            return None
        crosses = [s.cross_attention for s in branch.steps]
        if any(c is None for c in crosses) or len({c.shape for c in crosses}) != 1:
            return None
        start = branch.start
        return RecordedGeneration(
            slot=slot, text=branch.prompt, encoder_ids=np.asarray(start.prompt_ids, dtype=np.int64),
            decoder_ids=np.concatenate([np.asarray(start.decoder_start_ids, dtype=np.int64),
                                        np.asarray([s.token_id for s in branch.steps], dtype=np.int64)]),
            cross=np.stack(crosses, axis=2).astype(np.float32), strategy=start.config.strategy.value)
