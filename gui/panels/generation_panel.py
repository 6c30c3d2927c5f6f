"""Generation and prompting: streamed decoding, the step inspector, branches, beam tree, side by side."""
from __future__ import annotations

import argparse
import dataclasses
import math

import numpy as np
from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QScrollArea, QSplitter,
                               QStackedWidget, QTabWidget, QVBoxLayout, QWidget)

from core import Capability, LoadedModel
from core.beam import iter_beam_search
from core.decoding import default_decoding, token_text
from core.generation import iter_generate, perplexity_of_steps, restage, with_choice
from core.generation_types import (BeamResult, BeamStep, DecodingConfig, GenerationRun, GenerationStart,
                                   GenerationStep, LogitLens, Strategy)
from core.logit_lens import lens_for_step
from core.scoring import LabelScores, score_labels
from core.side_by_side import iter_side_by_side

from ..state import ModelState
from ..widgets.beam_tree import BeamTreeView
from ..widgets.branch_tree import Branch, BranchTreeView
from ..widgets.decoding_controls import DecodingControls
from ..widgets.prompt_workbench import PromptWorkbench
from ..widgets.side_by_side import SideBySideView
from ..widgets.step_inspector import StepInspector
from ..widgets.token_text_view import TokenTextView
from .base import BasePanel

VIEWS = ("output", "beam", "prompting", "side")


class GenerationPanel(BasePanel):
    """Prompt → tokens streamed one step at a time, with every decoding stage inspectable."""

    title = "Generation"
    key = "generate"
    requires = frozenset({Capability.GENERATE})
    # Linked: a prompt generated here becomes the shared sentence, so the attention panel shows
    # an encoder-decoder's cross-attention for it; a sentence typed elsewhere fills the prompt.
    uses_shared_input = True

    def __init__(self, state: ModelState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.branches: list[Branch] = []
        self.current: Branch | None = None
        self.selected_step = -1
        self.beam_result: BeamResult | None = None
        self._task = ""
        self._cli_step: int | None = None
        self._cli_view: str | None = None
        self._side_pieces: dict[str, list[GenerationStep]] = {}

        self.prompt = QPlainTextEdit(self)
        self.prompt.setMaximumHeight(80)
        self.generate_button, self.step_button, self.stop_button = QPushButton(self), QPushButton(self), QPushButton(self)
        self.stop_button.setEnabled(False)
        self.controls = DecodingControls(self)
        buttons = QVBoxLayout()
        for b in (self.generate_button, self.step_button, self.stop_button):
            buttons.addWidget(b)
        row = QHBoxLayout()
        row.addWidget(self.prompt, 1)
        row.addLayout(buttons)

        self.output = TokenTextView(self)
        self.ppl = QLabel(self)
        self.ppl.setWordWrap(True)
        self.branch_tree = BranchTreeView(self)
        self.inspector_view = StepInspector(self)
        top = QWidget(self)
        tl = QHBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.output, 3)
        info = QVBoxLayout()
        info.addWidget(self.ppl)
        self.branch_label = QLabel(self)
        info.addWidget(self.branch_label)
        info.addWidget(self.branch_tree, 1)
        tl.addLayout(info, 1)
        out_split = QSplitter(Qt.Orientation.Vertical, self)
        out_split.addWidget(top)
        out_split.addWidget(self.inspector_view)
        out_split.setStretchFactor(0, 2)
        out_split.setStretchFactor(1, 3)

        self.beam_tree = BeamTreeView(self)
        self.beam_caption = QLabel(self)
        self.beam_caption.setWordWrap(True)
        beam_page = QWidget(self)
        bl = QVBoxLayout(beam_page)
        bl.addWidget(self.beam_tree, 1)
        bl.addWidget(self.beam_caption)
        self.workbench = PromptWorkbench(self)
        self.side = SideBySideView(self)
        self.tabs = QTabWidget(self)
        for page in (out_split, beam_page, self.workbench, self.side):
            # Each page scrolls rather than forcing its minimum size on the window (laptops, docks side by side).
            scroll = QScrollArea(self)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(page)
            page.setMinimumSize(560, 560 if page is out_split else 300)
            self.tabs.addTab(scroll, "")

        work = QWidget(self)
        wl = QVBoxLayout(work)
        wl.setContentsMargins(0, 0, 0, 0)
        wl.addLayout(row)
        wl.addWidget(self.controls)
        wl.addWidget(self.tabs, 1)
        self.explanation = QLabel(self)
        self.explanation.setObjectName("explanation")
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(work)
        self.stack.addWidget(self.explanation)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.stack, 1)

        self.generate_button.clicked.connect(self.refresh)
        self.step_button.clicked.connect(self.step_once)
        self.stop_button.clicked.connect(self.stop)
        self.busy_changed.connect(self._on_busy_changed)
        self.controls.changed.connect(self._on_controls_changed)
        self.output.step_clicked.connect(self.select_step)
        self.inspector_view.branch_requested.connect(self.branch_from)
        self.inspector_view.lens_requested.connect(self.request_lens)
        self.branch_tree.branch_chosen.connect(self._on_branch_chosen)
        self.workbench.use_prompt.connect(self._on_workbench_prompt)
        self.workbench.score_requested.connect(self.score_answers)
        self.workbench.failed.connect(self.message_bar.show_error)
        self.side.run_button.clicked.connect(self.run_side_by_side)
        self.state.slot_changed.connect(self._on_any_slot_changed)
        # Scoped to this panel: the mask panel's Ctrl+Enter must not become ambiguous.
        for keys, slot in (("Ctrl+Return", self.refresh), ("F10", self.step_once), ("Escape", self.stop)):
            QShortcut(QKeySequence(keys), self, activated=slot,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.prompt.setPlainText("Once upon a time")
        self.retranslate_ui()
        self.on_model_changed(self.loaded)

    def retranslate_ui(self) -> None:
        self.prompt.setPlaceholderText(self.tr("Type a prompt (empty: a decoder starts from its BOS token)"))
        self.generate_button.setText(self.tr("Generate"))
        self.generate_button.setToolTip(self.tr("Stream new tokens with the settings below (Ctrl+Enter)"))
        self.step_button.setText(self.tr("Step"))
        self.step_button.setToolTip(self.tr("Generate exactly one more token (F10, as 'step over' in a debugger)"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop after the current step (Esc)"))
        for i, name in enumerate((self.tr("Output && step inspector"), self.tr("Beam tree"), self.tr("Prompting"),
                                  self.tr("Side by side"))):
            self.tabs.setTabText(i, name)
        self.output.setToolTip(self.tr(
            "Each token is shaded by its surprisal −log₂ p (white: expected, red: surprising), from the raw "
            "model probabilities. Click a generated token to inspect that step."))
        self.ppl.setToolTip(self.tr("Perplexity = exp(mean negative log-likelihood): the lectures' PPL. Lower "
                                    "means the model found the text more predictable."))
        self.branch_label.setText(self.tr("Branches (click to switch):"))
        self.beam_caption.setText(self.tr(
            "Every hypothesis with its summed log-probability. Blue: still alive; green squares: finished; grey: "
            "pruned. ★ marks the best finished sequence (scored with the length penalty)."))

    # ---------------------------------------------------------------- model
    def on_model_changed(self, loaded: LoadedModel | None) -> None:
        self._reset_branches()
        self.beam_tree.clear_tree()
        self.side.set_models(self._name("A"), self._name("B"))
        if loaded is None:
            self._explain(self.tr("No model is loaded yet. Pick one in the model bar at the top."))
            return
        if not self.supports(loaded):
            self._explain(self._why_no_generation(loaded))
            return
        self.stack.setCurrentIndex(0)
        self.controls.set_defaults(default_decoding(loaded))
        self.workbench.set_tokenizer(loaded.tokenizer)

    def _why_no_generation(self, loaded: LoadedModel) -> str:
        return self.tr(
            "<b>{0} cannot generate text.</b><br><br>It is an encoder-only model (BERT family): it reads the "
            "whole text at once and was trained to fill in [MASK] tokens using both sides, never to predict the "
            "<i>next</i> token, and it has no decoder.<br><br>Load a decoder — <b>stories260k</b> (offline, "
            "children's stories), GPT-2 or Llama — or an encoder-decoder such as <b>t5-small</b>, "
            "<b>google/flan-t5-small</b> or BART. {0} still works in the mask, tokens and attention panels."
        ).format(loaded.name)

    def _explain(self, text: str) -> None:
        self.explanation.setText(text)
        self.stack.setCurrentIndex(1)

    def _name(self, slot: str) -> str | None:
        m = self.state.model(slot)
        return m.name if m is not None else None

    @Slot(str, object)
    def _on_any_slot_changed(self, _slot: str, _loaded: object) -> None:
        self.side.set_models(self._name("A"), self._name("B"))

    # ---------------------------------------------------------------- actions
    def config(self) -> DecodingConfig:
        return self.controls.config()

    @Slot()
    def refresh(self) -> None:
        """Generate from the prompt with the current settings (streamed; beam search draws its tree)."""
        loaded = self.loaded
        if loaded is None or not self.supports(loaded) or self._run_cli_view():
            return
        cfg = self.config()
        text = self.prompt.toPlainText()
        if text.strip():
            self.publish_input(text=text)
        if cfg.strategy is Strategy.BEAM:
            self.beam_tree.clear_tree(self.tr("prompt"))
            self.beam_result = None
            self.tabs.setCurrentIndex(1)
            self._task = "beam"
            self.run_task(iter_beam_search, loaded, text, cfg)
            return
        self._reset_branches()
        self.current = self._new_branch(-1, -1, text)
        if self.tabs.currentIndex() != 0:
            self.tabs.setCurrentIndex(0)
        self._task = "stream"
        self.run_task(iter_generate, loaded, text, cfg)

    @Slot()
    def step_once(self) -> None:
        """Generate exactly one more token on the current branch."""
        loaded = self.loaded
        if loaded is None or not self.supports(loaded) or self.busy:
            return
        cfg = dataclasses.replace(self.config(), max_new_tokens=1)
        step_note = ""
        if cfg.strategy is Strategy.BEAM:
            cfg = dataclasses.replace(cfg, strategy=Strategy.GREEDY)
            step_note = self.tr("Step follows one line of text, so it decodes greedily; Generate runs the beam search.")
        text = self.prompt.toPlainText()
        if self.current is None or self.current.prompt != text or self.current.finish == "eos":
            self._reset_branches()
            self.current = self._new_branch(-1, -1, text)
        self._task = "step"
        self.tabs.setCurrentIndex(0)
        self.run_task(iter_generate, loaded, text, cfg, forced=[s.token_id for s in self.current.steps])
        if step_note:
            self.message_bar.show_info(step_note)

    @Slot()
    def stop(self) -> None:
        if not self.busy:
            return
        task = self._task
        self.cancel()
        self.beam_tree.flush()
        if task == "beam":
            self.message_bar.show_info(self.tr("Beam search stopped: the tree shows the hypotheses so far."))
        elif task in ("stream", "step", "branch") and self.current is not None:
            self.message_bar.show_info(self.tr("Stopped after {0} tokens.").format(len(self.current.steps)))
        else:
            self.message_bar.show_info(self.tr("Stopped."))

    @Slot(int)
    def branch_from(self, token_id: int) -> None:
        """Replace the selected step's token by ``token_id`` and continue generating from there."""
        loaded, parent = self.loaded, self.current
        if loaded is None or parent is None or not 0 <= self.selected_step < len(parent.steps):
            return
        t = self.selected_step
        old = parent.steps[t]
        if token_id == old.token_id:
            self.message_bar.show_info(self.tr("That is the token already chosen here: pick another candidate."))
            return
        cfg = self.config()
        branch = self._new_branch(parent.bid, t, parent.prompt)
        branch.start = parent.start
        branch.steps = parent.steps[:t] + [with_choice(old, token_id, cfg, loaded.tokenizer)]
        self.current = branch
        self._show_branch(branch, select=t)
        remaining = cfg.max_new_tokens - (t + 1)
        if remaining < 1 or cfg.strategy is Strategy.BEAM:
            return
        self._task = "branch"
        self.run_task(iter_generate, loaded, parent.prompt, dataclasses.replace(cfg, max_new_tokens=remaining),
                      forced=[s.token_id for s in branch.steps])

    @Slot()
    def request_lens(self) -> None:
        loaded, branch = self.loaded, self.current
        if loaded is None or branch is None or branch.start is None or not 0 <= self.selected_step < len(branch.steps):
            return
        step = branch.steps[self.selected_step]
        self._task = "lens"
        self.run_task(lens_for_step, loaded, branch.start.prompt_ids.tolist(), step.context_ids.tolist(), 6)

    @Slot(str, object)
    def score_answers(self, prompt: str, labels: list[str]) -> None:
        loaded = self.loaded
        if loaded is None or not self.supports(loaded):
            return
        self._task = "labels"
        self.run_task(score_labels, loaded, prompt, labels)

    @Slot()
    def run_side_by_side(self) -> None:
        cfg = self.config()
        seed_b = cfg.seed + 1 if self.side.other_seed.isChecked() else cfg.seed
        models = [(s, m, dataclasses.replace(cfg, seed=seed_b) if s == "B" else cfg)
                  for s in ("A", "B") if (m := self.state.model(s)) is not None]
        if self.state.model("B") is None:
            self.message_bar.show_info(self.tr("Slot B is empty: load a second model in the model bar to compare."))
        if not models:
            return
        self.side.clear()
        self._side_pieces = {s: [] for s, _, _ in models}
        self.tabs.setCurrentIndex(3)
        self._task = "side"
        self.run_task(iter_side_by_side, models, self.prompt.toPlainText())

    @Slot(str)
    def _on_workbench_prompt(self, text: str) -> None:
        self.prompt.setPlainText(text)
        self.tabs.setCurrentIndex(0)
        self.refresh()

    # ---------------------------------------------------------------- results
    def show_progress(self, item: object) -> None:
        if self._task == "side":
            self._side_progress(*item)
        elif isinstance(item, GenerationStart):
            self._on_start(item)
        elif isinstance(item, GenerationStep) and self.current is not None:
            self.current.steps.append(item)
            self.output.append_step(item.token, item.surprisal_bits)
            self._update_ppl()
        elif isinstance(item, BeamStep):
            self.beam_tree.add_step(item)

    def _on_start(self, start: GenerationStart) -> None:
        branch = self.current
        if branch is None:
            return
        if branch.start is None:
            branch.start = start
            self._show_branch(branch)
        notes = []
        if start.started_from_bos:
            notes.append(self.tr("The prompt is empty: the decoder starts from its start token {0} alone.").format(
                start.prompt_tokens[0] if start.prompt_tokens else "BOS"))
        if start.truncated_tokens:
            notes.append(self.tr("The prompt was too long: its first {0} tokens were cut off (from the left) so "
                                 "that the prompt and the new tokens fit the model's context.").format(
                start.truncated_tokens))
        if start.config.strategy is Strategy.GREEDY and self.config().strategy is Strategy.SAMPLE:
            notes.append(self.tr("Temperature 0 means greedy decoding."))
        if notes:
            self.message_bar.show_info(" ".join(notes))

    def show_result(self, result: object) -> None:
        if isinstance(result, GenerationRun) and self.current is not None:
            self.current.finish = result.finish_reason
            self._refresh_branch_tree()
            if self._task == "step" and self.current.steps:
                self.select_step(len(self.current.steps) - 1)
            elif self._cli_step is not None:
                self.select_step(min(self._cli_step, len(self.current.steps)) - 1)
                self._cli_step = None
                self.request_lens()  # the screenshot shows the lens table too (a fast forward pass)
        elif isinstance(result, BeamResult):
            self._show_beam_result(result)
        elif isinstance(result, LogitLens):
            self.inspector_view.set_lens(result)
        elif isinstance(result, LabelScores):
            self.workbench.show_scores(result)
        elif isinstance(result, dict):
            for slot, value in result.items():
                if isinstance(value, BeamResult) and value.texts:
                    self.side.views[slot].set_steps([(value.texts[0], float("nan"))])
                    self.side.set_stats(slot, len(value.sequences[0]), float("nan"),
                                        self.tr("beam score {0:.3f}").format(float(value.scores[0])))

    def _show_beam_result(self, result: BeamResult) -> None:
        self.beam_result = result
        if result.node_ids:
            self.beam_tree.set_best(result.node_ids[0])
        lines = [f"{s:.3f}  {t!r}" for s, t in zip(result.scores, result.texts)]
        self.beam_caption.setText(self.tr("Finished hypotheses (score = log-prob / length^penalty):") + "\n"
                                  + "\n".join(lines))

    def _side_progress(self, slot: str, item: object) -> None:
        view = self.side.views[slot]
        if isinstance(item, GenerationStart):
            view.set_prompt(self._prompt_pieces(slot, item), item.prompt_surprisal)
        elif isinstance(item, GenerationStep):
            self._side_pieces[slot].append(item)
            view.append_step(item.token, item.surprisal_bits)
            steps = self._side_pieces[slot]
            self.side.set_stats(slot, len(steps), perplexity_of_steps(steps))
        elif isinstance(item, str):
            self.side.stats[slot].setText(item)

    # ---------------------------------------------------------------- branches and steps
    def _reset_branches(self) -> None:
        self.branches, self.current, self.selected_step = [], None, -1
        self.branch_tree.clear()
        self.output.set_prompt([], [])
        self.inspector_view.set_step(None, None)
        self.ppl.setText("")

    def _new_branch(self, parent: int, fork: int, prompt: str) -> Branch:
        branch = Branch(len(self.branches), parent, fork, prompt)
        self.branches.append(branch)
        self._refresh_branch_tree()
        return branch

    def _prompt_pieces(self, slot_or_none: str | None, start: GenerationStart) -> list[str]:
        loaded = self.state.model(slot_or_none) if slot_or_none else self.loaded
        return [token_text(loaded.tokenizer, int(i)) for i in start.prompt_ids] if loaded else []

    def _show_branch(self, branch: Branch, select: int = -1) -> None:
        if branch.start is not None:
            self.output.set_prompt(self._prompt_pieces(None, branch.start), branch.start.prompt_surprisal)
        self.output.set_steps([(s.token, s.surprisal_bits) for s in branch.steps], select)
        self._update_ppl()
        self._refresh_branch_tree()
        if select >= 0:
            self.select_step(select)
        else:
            self.selected_step = -1
            self.inspector_view.set_step(None, None)

    def _refresh_branch_tree(self) -> None:
        self.branch_tree.set_branches(self.branches, self.current)

    @Slot(int)
    def _on_branch_chosen(self, bid: int) -> None:
        if self.busy:
            return
        if 0 <= bid < len(self.branches) and self.branches[bid] is not self.current:
            self.current = self.branches[bid]
            self._show_branch(self.current)

    @Slot(int)
    def select_step(self, index: int) -> None:
        """Show step ``index`` of the current branch in the inspector."""
        branch = self.current
        if branch is None or not 0 <= index < len(branch.steps):
            return
        self.selected_step = index
        step = branch.steps[index]
        self.output.select(index)
        loaded = self.loaded
        view = restage(step, self.config(), loaded.tokenizer) if loaded is not None else step.stages
        src = branch.start.source_tokens if branch.start is not None else ()
        self.inspector_view.set_step(index, view, cross=step.cross_attention, source_tokens=src)

    @Slot(object)
    def _on_controls_changed(self, cfg: DecodingConfig) -> None:
        # Re-draw the stages of the inspected step from its cached raw logits: no forward pass.
        branch, loaded = self.current, self.loaded
        if branch is not None and loaded is not None and 0 <= self.selected_step < len(branch.steps):
            self.inspector_view.update_view(restage(branch.steps[self.selected_step], cfg, loaded.tokenizer))

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

    @Slot(bool)
    def _on_busy_changed(self, busy: bool) -> None:
        self.stop_button.setEnabled(busy)
        self.step_button.setEnabled(not busy)

    # ---------------------------------------------------------------- command line
    @classmethod
    def add_cli_arguments(cls, parser: argparse.ArgumentParser) -> None:
        from .registry import add_option

        add_option(parser, "--decoding", type=str, help="generate panel: greedy, sample or beam")
        add_option(parser, "--step", type=int, help="generate panel: open the step inspector at step N (1-based)")
        add_option(parser, "--gen-view", type=str, choices=VIEWS, help="generate panel: output, beam, prompting "
                                                                       "or side (side by side on slots A and B)")
        add_option(parser, "--max-new-tokens", type=int, help="generate panel: how many tokens to generate")

    def on_shared_input(self, value: object) -> None:
        text = getattr(value, "text", "")
        if text and text != self.prompt.toPlainText():
            self.prompt.setPlainText(text)   # generation is heavier: it waits for Generate

    def set_text(self, text: str, text_pair: str | None = None) -> None:
        self.prompt.setPlainText(text)

    def apply_cli(self, args: argparse.Namespace) -> None:
        super().apply_cli(args)
        cfg = self.config()
        if getattr(args, "decoding", None):
            try:
                cfg = dataclasses.replace(cfg, strategy=Strategy(args.decoding))
            except ValueError:
                raise SystemExit(f"plm-studio: --decoding must be greedy, sample or beam, not {args.decoding!r}")
        if getattr(args, "max_new_tokens", None):
            cfg = dataclasses.replace(cfg, max_new_tokens=args.max_new_tokens)
        self.controls.set_config(cfg)
        self._cli_step = getattr(args, "step", None)
        self._cli_view = getattr(args, "gen_view", None)

    def _run_cli_view(self) -> bool:
        """Screenshot mode: run the view asked for with --gen-view instead of plain generation."""
        view, self._cli_view = self._cli_view, None
        if view == "side":
            self.run_side_by_side()
        elif view == "prompting":
            self.tabs.setCurrentIndex(2)
            if not self.workbench.label_list():
                for i, t in enumerate(self.workbench.presets):
                    if t.labels:
                        self.workbench.preset.setCurrentIndex(i)
                        self.workbench.set_template(t)
                        break
            self.workbench.score_button.click()
        return view in ("side", "prompting")
