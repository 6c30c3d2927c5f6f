"""Generation and prompting: streamed decoding, the step inspector, branches, beam tree, side by side."""
from __future__ import annotations

import argparse
import dataclasses

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QScrollArea, QStackedWidget,
                               QTabWidget, QVBoxLayout, QWidget)

from core import Capability, LoadedModel
from core.beam import iter_beam_search
from core.decoding import default_decoding, token_text
from core.generation import iter_generate, with_choice
from core.generation_types import (BeamResult, BeamStep, DecodingConfig, GenerationRun, GenerationStart,
                                   GenerationStep, LogitLens, Strategy)
from core.logit_lens import lens_for_step
from core.scoring import LabelScores, score_labels
from core.seq2seq import RecordedGeneration
from core.side_by_side import iter_side_by_side

from ..state import ModelState
from ..widgets.branch_tree import Branch
from ..widgets.decoding_controls import DecodingControls
from ..widgets.prompt_workbench import PromptWorkbench
from .base import BasePanel
from .generation_beam import BeamPage
from .generation_output import GenerationOutputPage
from .generation_side import SideBySidePage

VIEWS = ("output", "beam", "prompting", "side")


class GenerationPanel(BasePanel):
    """Prompt → tokens streamed one step at a time, with every decoding stage inspectable.

    The tabs live in their own modules: :class:`GenerationOutputPage` (output, branches, step
    inspector), :class:`BeamPage` (beam tree), the prompt workbench and :class:`SideBySidePage`.
    The panel runs the model work and routes what the worker yields to the page that shows it.
    """

    title = "Generation"
    key = "generate"
    requires = frozenset({Capability.GENERATE})
    # Linked: a prompt generated here becomes the shared sentence, so the attention panel shows
    # an encoder-decoder's cross-attention for it; a sentence typed elsewhere fills the prompt.
    uses_shared_input = True

    def __init__(self, state: ModelState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self._task = ""
        self._cli_step: int | None = None
        self._cli_view: str | None = None

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

        self.out_page = GenerationOutputPage(self._tokenizer, self.config, self)
        self.beam_page = BeamPage(self)
        self.workbench = PromptWorkbench(self)
        self.side = SideBySidePage(self._prompt_pieces, self)
        # The pages' widgets, under the names tests, lessons and screenshots use.
        self.output, self.ppl = self.out_page.output, self.out_page.ppl
        self.branch_tree, self.inspector_view = self.out_page.branch_tree, self.out_page.inspector_view
        self.beam_tree, self.beam_caption = self.beam_page.beam_tree, self.beam_page.caption
        self.tabs = QTabWidget(self)
        for page in (self.out_page, self.beam_page, self.workbench, self.side):
            # Each page scrolls rather than forcing its minimum size on the window (laptops, docks side by side).
            scroll = QScrollArea(self)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(page)
            if page is self.beam_page:
                page.setMinimumWidth(560)   # its height follows its layout: a taller tree (many beams) scrolls
            else:
                page.setMinimumSize(560, 560 if page is self.out_page else 300)
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
        self.inspector_view.branch_requested.connect(self.branch_from)
        self.inspector_view.lens_requested.connect(self.request_lens)
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

    # ---------------------------------------------------------------- the pages' state
    @property
    def current(self) -> Branch | None:
        """The branch shown on the output tab."""
        return self.out_page.current

    @property
    def branches(self) -> list[Branch]:
        return self.out_page.branches

    @property
    def selected_step(self) -> int:
        return self.out_page.selected_step

    @property
    def beam_result(self) -> BeamResult | None:
        """The last finished beam search (``None`` while it runs or after Stop)."""
        return self.beam_page.result

    def select_step(self, index: int) -> None:
        """Show step ``index`` of the current branch in the step inspector."""
        self.out_page.select_step(index)

    # ---------------------------------------------------------------- model
    def on_model_changed(self, loaded: LoadedModel | None) -> None:
        self.out_page.reset()
        self.beam_page.clear()
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

    def _tokenizer(self) -> object | None:
        loaded = self.loaded
        return loaded.tokenizer if loaded is not None else None

    def _prompt_pieces(self, slot: str, start: GenerationStart) -> list[str]:
        loaded = self.state.model(slot)
        return [token_text(loaded.tokenizer, int(i)) for i in start.prompt_ids] if loaded else []

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
            self.beam_page.start(text)
            self.tabs.setCurrentIndex(1)
            self._task = "beam"
            self.run_task(iter_beam_search, loaded, text, cfg)
            return
        page = self.out_page
        page.reset()
        page.current = page.new_branch(-1, -1, text)
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
        page = self.out_page
        if page.current is None or page.current.prompt != text or page.current.finish == "eos":
            page.reset()
            page.current = page.new_branch(-1, -1, text)
        self._task = "step"
        self.tabs.setCurrentIndex(0)
        self.run_task(iter_generate, loaded, text, cfg, forced=[s.token_id for s in page.current.steps])
        if step_note:
            self.message_bar.show_info(step_note)

    @Slot()
    def stop(self) -> None:
        if not self.busy:
            return
        task = self._task
        self.cancel()
        self.beam_page.flush()
        if task == "beam":
            self.message_bar.show_info(self.tr("Beam search stopped: the tree shows the hypotheses so far."))
        elif task in ("stream", "step", "branch") and self.current is not None:
            self.message_bar.show_info(self.tr("Stopped after {0} tokens.").format(len(self.current.steps)))
            self._publish_recording(self.out_page.recording(self.slot))
        else:
            self.message_bar.show_info(self.tr("Stopped."))

    @Slot(int)
    def branch_from(self, token_id: int) -> None:
        """Replace the selected step's token by ``token_id`` and continue generating from there."""
        loaded, page = self.loaded, self.out_page
        parent = page.current
        if loaded is None or parent is None or not 0 <= page.selected_step < len(parent.steps):
            return
        t = page.selected_step
        old = parent.steps[t]
        if token_id == old.token_id:
            self.message_bar.show_info(self.tr("That is the token already chosen here: pick another candidate."))
            return
        cfg = self.config()
        branch = page.new_branch(parent.bid, t, parent.prompt)
        branch.start = parent.start
        branch.steps = parent.steps[:t] + [with_choice(old, token_id, cfg, loaded.tokenizer)]
        page.current = branch
        page.show_branch(branch, select=t)
        remaining = cfg.max_new_tokens - (t + 1)
        if remaining < 1 or cfg.strategy is Strategy.BEAM:
            return
        self._task = "branch"
        self.run_task(iter_generate, loaded, parent.prompt, dataclasses.replace(cfg, max_new_tokens=remaining),
                      forced=[s.token_id for s in branch.steps])

    @Slot()
    def request_lens(self) -> None:
        loaded, branch, step = self.loaded, self.current, self.out_page.selected()
        if loaded is None or branch is None or branch.start is None or step is None:
            return
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
        self.side.begin([s for s, _, _ in models])
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
            self.side.progress(*item)
        elif isinstance(item, GenerationStart):
            self._on_start(item)
        elif isinstance(item, GenerationStep):
            self.out_page.append_step(item)
        elif isinstance(item, BeamStep):
            self.beam_page.add_step(item)

    def _on_start(self, start: GenerationStart) -> None:
        if self.current is None:
            return
        self.out_page.start_current(start)
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
            self.out_page.finish_current(result.finish_reason)
            self._publish_recording(self.out_page.recording(self.slot))
            if self._task == "step" and self.current.steps:
                self.select_step(len(self.current.steps) - 1)
            elif self._cli_step is not None:
                self.select_step(min(self._cli_step, len(self.current.steps)) - 1)
                self._cli_step = None
                self.request_lens()  # the screenshot shows the lens table too (a fast forward pass)
        elif isinstance(result, BeamResult):
            self.beam_page.show_result(result)
            self._publish_recording(self.beam_page.recording(self.slot))
        elif isinstance(result, LogitLens):
            self.inspector_view.set_lens(result)
        elif isinstance(result, LabelScores):
            self.workbench.show_scores(result)
        elif isinstance(result, dict):
            self.side.show_results(result)

    def _publish_recording(self, rec: RecordedGeneration | None) -> None:
        """Hand an encoder-decoder run's recorded cross-attention to the state (the attention panel shows it)."""
        if rec is not None:
            self.state.generation_recorded.emit(rec)

    @Slot(object)
    def _on_controls_changed(self, cfg: DecodingConfig) -> None:
        # Re-draw the stages of the inspected step from its cached raw logits: no forward pass.
        self.out_page.restage_selected(cfg)

    @Slot(bool)
    def _on_busy_changed(self, busy: bool) -> None:
        self.stop_button.setEnabled(busy)
        self.step_button.setEnabled(not busy)
        self.out_page.locked = busy

    # ---------------------------------------------------------------- command line
    @classmethod
    def add_cli_arguments(cls, parser: argparse.ArgumentParser) -> None:
        from .registry import add_option

        add_option(parser, "--decoding", type=str, help="generate panel: greedy, sample or beam")
        add_option(parser, "--step", type=int, help="generate panel: open the step inspector at step N (1-based)")
        add_option(parser, "--gen-view", type=str, choices=VIEWS, help="generate panel: output, beam, prompting "
                                                                       "or side (side by side on slots A and B)")
        add_option(parser, "--max-new-tokens", type=int, help="generate panel: how many tokens to generate")
        add_option(parser, "--num-beams", type=int, help="generate panel: beams of beam search (with --decoding beam)")

    # ---------------------------------------------------------------- lessons
    _VIEW_KEYS = ("temperature", "top_k", "top_p", "num_beams", "max_new_tokens")

    def view_state(self) -> dict:
        cfg = self.config()
        view: dict = {"strategy": cfg.strategy.value, **{k: getattr(cfg, k) for k in self._VIEW_KEYS}}
        index = self.workbench.preset.currentIndex()
        if 0 <= index < len(self.workbench.presets):
            view["preset"] = self.workbench.presets[index].name
        return view

    def apply_view(self, view: dict) -> None:
        cfg = self.config()
        changes: dict = {}
        strategy = view.get("strategy", view.get("decoding"))
        if isinstance(strategy, str) and strategy in {s.value for s in Strategy}:
            changes["strategy"] = Strategy(strategy)
        for key in self._VIEW_KEYS:
            value = view.get(key)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                changes[key] = type(getattr(cfg, key))(value)
        if changes:
            self.controls.set_config(dataclasses.replace(cfg, **changes))
        names = [t.name for t in self.workbench.presets]
        preset = view.get("preset", view.get("template"))
        if isinstance(preset, str) and preset in names:
            self.workbench.preset.setCurrentIndex(names.index(preset))
            self.workbench.set_template(self.workbench.presets[names.index(preset)])

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
        if getattr(args, "num_beams", None):
            cfg = dataclasses.replace(cfg, num_beams=args.num_beams)
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
