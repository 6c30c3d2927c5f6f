"""The pre-training lab: every corruption recipe on the teacher's sentence, the model's
reconstruction and loss, and a tiny model pre-trained from scratch while the class watches."""
from __future__ import annotations

import argparse

from PySide6.QtCore import Qt, QThreadPool, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QScrollArea, QSlider, QSpinBox, QTabWidget, QVBoxLayout, QWidget)

from core import LoadedModel, load_checkpoint
from core.corruption import spanbert_length_distribution
from core.pretrain_lab import BART_MODES, RECIPES, RecipeRequest, RecipeResult, run_recipe_for

from ..state import ModelState
from ..widgets.fate_strip import FateLegend, StackedStrips
from ..widgets.span_histogram import SpanHistogramView
from ..workers import TaskFailure, Worker
from .base import BasePanel
from .pretrain_runner import PretrainRunner
from .pretrain_view import build_view, recipe_explanation, recipe_name

DEFAULT_TEXT = ("Once upon a time, there was a little girl named Lily. She loved to play outside in the park. "
                "One day, she saw a big red ball.")


class _ScrollContent(QWidget):
    """Scrolled content sized by its minimum height: the chip strips set theirs, while Qt's
    height-for-width through a scroll area let the rows overlap."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return False


class PretrainPanel(BasePanel):
    """Corruption recipes on real tokens, the model's view of them, and from-scratch training."""

    title = "Pre-training lab"
    key = "pretrain"
    uses_shared_input = True

    def __init__(self, state: ModelState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.result: RecipeResult | None = None
        self._cli_train = False
        self._loader_pool = QThreadPool(self)
        self._loader_pool.setMaxThreadCount(1)
        self._loaders: set[Worker] = set()

        # ---- recipe controls
        self.recipe = QComboBox(self)
        for key in RECIPES:
            self.recipe.addItem(key, key)
        self.bart_mode = QComboBox(self)
        for key in BART_MODES:
            self.bart_mode.addItem(key, key)
        self.bart_mode.setCurrentIndex(BART_MODES.index("text_infilling"))
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 1_000_000)
        self.epoch = QSpinBox(self)
        self.epoch.setRange(0, 10_000)
        self.next_epoch = QPushButton(self)
        self.static = QCheckBox(self)
        self.apply_button = QPushButton(self)
        self.rate = self._slider(1, 60, 15)
        self.mask_share = self._slider(0, 100, 80)
        self.random_share = self._slider(0, 100, 10)
        self.rate_label, self.mask_label, self.random_label = QLabel(self), QLabel(self), QLabel(self)
        self.lam = QDoubleSpinBox(self)
        self.lam.setRange(0.5, 10.0)
        self.lam.setSingleStep(0.5)
        self.lam.setValue(3.0)
        self.lam_label = QLabel(self)
        self.text = QLineEdit(DEFAULT_TEXT, self)  # noqa: i18n (model input: the story models read English)
        self.text.setClearButtonEnabled(True)

        top = QHBoxLayout()
        self.recipe_label, self.seed_label, self.epoch_label = QLabel(self), QLabel(self), QLabel(self)
        for w in (self.recipe_label, self.recipe, self.bart_mode, self.seed_label, self.seed, self.epoch_label,
                  self.epoch, self.next_epoch, self.static, self.apply_button):
            top.addWidget(w)
        top.addStretch(1)
        sliders = QGridLayout()
        for col, (lab, w) in enumerate(((self.rate_label, self.rate), (self.mask_label, self.mask_share),
                                        (self.random_label, self.random_share), (self.lam_label, self.lam))):
            sliders.addWidget(lab, 0, 2 * col)
            sliders.addWidget(w, 0, 2 * col + 1)

        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.explanation.setObjectName("caption")
        self.strips = StackedStrips(4, self)
        self.legend = FateLegend(self)
        self.stats = QLabel(self)
        self.stats.setWordWrap(True)
        self.loss_label = QLabel(self)
        self.loss_label.setWordWrap(True)
        self.loss_label.setTextFormat(Qt.TextFormat.RichText)
        self.histogram = SpanHistogramView(self)
        self.histogram.hide()

        content = _ScrollContent(self)
        self._content = content
        cl = QVBoxLayout(content)
        cl.addWidget(self.explanation)
        cl.addWidget(self.strips)
        cl.addWidget(self.legend)
        cl.addWidget(self.stats)
        cl.addWidget(self.loss_label)
        cl.addStretch(1)
        scroll = QScrollArea(self)
        self._scroll = scroll
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)

        recipes_tab = QWidget(self)
        rl = QVBoxLayout(recipes_tab)
        rl.addLayout(top)
        rl.addLayout(sliders)
        rl.addWidget(self.text)
        rl.addWidget(scroll, 1)
        rl.addWidget(self.histogram)  # outside the scroll area: a plot there squeezed the chip rows
        self.runner = PretrainRunner(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(recipes_tab, "")
        self.tabs.addTab(self.runner, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.tabs, 1)

        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self.refresh)
        self.recipe.currentIndexChanged.connect(self._on_recipe_changed)
        for signal in (self.bart_mode.currentIndexChanged, self.seed.valueChanged, self.epoch.valueChanged,
                       self.static.toggled, self.lam.valueChanged):
            signal.connect(self._on_option_changed)
        for s in (self.rate, self.mask_share, self.random_share):
            s.valueChanged.connect(self._on_slider_moved)
        self.text.textEdited.connect(self._on_text_edited)
        self.text.returnPressed.connect(self.refresh)
        self.apply_button.clicked.connect(self.refresh)
        self.next_epoch.clicked.connect(self._on_next_epoch_clicked)
        self.runner.trained.connect(self._on_runner_trained)
        QShortcut(QKeySequence("Ctrl+E"), self, activated=self._on_next_epoch_clicked)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.refresh)
        QShortcut(QKeySequence("Ctrl+T"), self, activated=self.runner.start)
        self.retranslate_ui()
        self._on_recipe_changed()
        self.on_model_changed(self.loaded)

    def _slider(self, lo: int, hi: int, value: int) -> QSlider:
        s = QSlider(Qt.Orientation.Horizontal, self)
        s.setRange(lo, hi)
        s.setValue(value)
        s.setMinimumWidth(110)
        return s

    # ---------------------------------------------------------------- text
    def retranslate_ui(self) -> None:
        self.tabs.setTabText(0, self.tr("Corruption recipes"))
        self.tabs.setTabText(1, self.tr("Pre-train from scratch"))
        self.recipe_label.setText(self.tr("Recipe"))
        for i in range(self.recipe.count()):
            self.recipe.setItemText(i, recipe_name(self.recipe.itemData(i)))
        bart_names = {"token_masking": self.tr("token masking"), "token_deletion": self.tr("token deletion"),
                      "text_infilling": self.tr("text infilling"), "sentence_permutation": self.tr("sentence permutation"),
                      "document_rotation": self.tr("document rotation"),
                      "infilling_permutation": self.tr("infilling + permutation (BART)")}
        for i in range(self.bart_mode.count()):
            self.bart_mode.setItemText(i, bart_names[self.bart_mode.itemData(i)])
        self.seed_label.setText(self.tr("Seed"))
        self.epoch_label.setText(self.tr("Epoch"))
        self.seed.setToolTip(self.tr("The same seed always gives the same corruption (reproducible)."))
        self.epoch.setToolTip(self.tr("Each epoch draws a new pattern: RoBERTa's dynamic masking."))
        self.next_epoch.setText(self.tr("Next epoch ▶"))
        self.next_epoch.setToolTip(self.tr("Show the pattern of the next epoch (Ctrl+E)"))
        self.static.setText(self.tr("Static masking"))
        self.static.setToolTip(self.tr("Original BERT masked its data once: every epoch reuses the same pattern. "
                                       "RoBERTa masks anew each time the sentence is seen."))
        self.apply_button.setText(self.tr("Apply"))
        self.apply_button.setToolTip(self.tr("Apply the recipe again (Ctrl+Enter)"))
        self.lam_label.setText(self.tr("Poisson λ"))
        self.lam.setToolTip(self.tr("Mean span length of BART's text infilling and GLM (λ = 3 in the papers)."))
        self.rate.setToolTip(self.tr("Share of tokens the recipe corrupts (15% in BERT, SpanBERT and T5)."))
        self.mask_share.setToolTip(self.tr("Of the selected tokens: share replaced by [MASK] (80% in BERT)."))
        self.random_share.setToolTip(self.tr("Of the selected tokens: share replaced by a random token (10%); "
                                             "the rest stay unchanged, so the model cannot rely on seeing [MASK]."))
        self.text.setPlaceholderText(self.tr("A sentence or a short paragraph (NSP needs three sentences or more)"))
        self.histogram.retranslate_ui()
        self.runner.retranslate_ui()
        self._update_slider_labels()
        self._update_explanation()
        if self.result is not None:
            self.show_result(self.result)

    def _update_slider_labels(self) -> None:
        self.rate_label.setText(self.tr("Rate {0}%").format(self.rate.value()))
        self.mask_label.setText(self.tr("[MASK] {0}%").format(self.mask_share.value()))
        self.random_label.setText(self.tr("random {0}%").format(self.random_share.value()))

    def _update_explanation(self) -> None:
        self.explanation.setText(recipe_explanation(self.recipe.currentData()))

    # ---------------------------------------------------------------- model and input
    def on_model_changed(self, loaded: LoadedModel | None) -> None:
        self.runner.tokenizer_source = loaded.path if loaded is not None else ""
        if loaded is None:
            self.result = None
            self.stats.setText(self.tr("No model is loaded: the recipes use its tokenizer. Pick one at the top."))
            return
        self.refresh()

    def on_shared_input(self, value) -> None:
        if value.text and value.text != self.text.text():
            self.text.setText(value.text)
            self._debounce.start()

    def request(self) -> RecipeRequest:
        """The recipe and options the controls describe."""
        return RecipeRequest(recipe=self.recipe.currentData(), text=self.text.text(), seed=self.seed.value(),
                             epoch=self.epoch.value(), rate=self.rate.value() / 100,
                             mask_prob=self.mask_share.value() / 100, random_prob=self.random_share.value() / 100,
                             static=self.static.isChecked(), bart_mode=self.bart_mode.currentData(),
                             poisson_lambda=self.lam.value())

    @Slot()
    def refresh(self) -> None:
        self._debounce.stop()
        if self._cli_train:
            self.cancel()  # a recipe result must not end the screenshot before training does
            if not self.runner.running and not self.runner.probes:
                self.runner.start()
            return
        loaded = self.loaded
        if loaded is None:
            return
        other = self.state.model("B" if self.slot == "A" else "A")
        self.run_task(run_recipe_for, loaded, self.request(), other)

    def show_result(self, result: object) -> None:
        assert isinstance(result, RecipeResult)
        self.result = result
        view = build_view(result, self.loaded)
        for strip, (title, chips) in zip(self.strips.rows, view.rows + [("", [])] * (4 - len(view.rows))):
            strip.title.setText(title)
            strip.set_chips(chips)
        self.legend.set_fates(view.fates)
        self.stats.setText(view.stats)
        self.loss_label.setText(view.loss)
        for delay in (0, 100):  # the strips fit their rows first; then the scrolled page grows
            QTimer.singleShot(delay, self._fit_content)
        if result.request.recipe == "spanbert":
            self.histogram.set_data(result.span_samples, spanbert_length_distribution())
            self.histogram.show()
        else:
            self.histogram.hide()

    @Slot()
    def _fit_content(self) -> None:
        # QScrollArea does not hear of the chip rows' new minimum heights: tell it.
        layout = self._content.layout()
        m = layout.contentsMargins()
        width = self._scroll.viewport().width() - m.left() - m.right()
        for strip in self.strips.rows:
            strip._fit(width)
            strip.layout().invalidate()  # nested layouts cache their minimum sizes
        self.strips.layout().invalidate()
        layout.invalidate()
        self._content.setMinimumHeight(layout.minimumSize().height())

    # ---------------------------------------------------------------- slots
    @Slot()
    def _on_recipe_changed(self) -> None:
        recipe = self.recipe.currentData()
        self.bart_mode.setVisible(recipe == "bart")
        split = recipe in ("mlm", "wwm", "dynamic", "spanbert")
        for w in (self.mask_share, self.random_share, self.mask_label, self.random_label):
            w.setVisible(split)
        rate = recipe not in ("nsp", "clm")
        self.rate.setVisible(rate)
        self.rate_label.setVisible(rate)
        for w in (self.lam, self.lam_label):
            w.setVisible(recipe in ("bart", "glm"))
        self.static.setVisible(recipe == "dynamic")
        self.rate.blockSignals(True)
        self.rate.setValue(30 if recipe == "bart" else 15)
        self.rate.blockSignals(False)
        self._update_slider_labels()
        self._update_explanation()
        self._debounce.start()

    @Slot()
    def _on_option_changed(self) -> None:
        self._debounce.start()

    @Slot()
    def _on_slider_moved(self) -> None:
        self._update_slider_labels()
        self._debounce.start()

    @Slot(str)
    def _on_text_edited(self, text: str) -> None:
        self.publish_input(text=text)
        self._debounce.start()

    @Slot()
    def _on_next_epoch_clicked(self) -> None:
        self.epoch.setValue(self.epoch.value() + 1)

    @Slot(str)
    def _on_runner_trained(self, folder: str) -> None:
        # Load the new checkpoint into slot B on this panel's own thread, so slot A stays for comparison.
        worker = Worker(load_checkpoint, folder, device="cpu")
        worker.signals.result.connect(self._on_trained_loaded)
        worker.signals.failed.connect(self._on_trained_failed)
        worker.signals.finished.connect(self._on_loader_finished)
        self._loaders.add(worker)
        self._loader_pool.start(worker)

    @Slot(object)
    def _on_trained_loaded(self, loaded: LoadedModel) -> None:
        self.state.set_loaded(loaded, "B")
        self.runner.message_bar.show_info(self.tr("The new model is loaded in slot B: every panel can use it."))

    @Slot(object)
    def _on_trained_failed(self, failure: TaskFailure) -> None:
        self.runner.message_bar.show_error(failure.message)

    @Slot()
    def _on_loader_finished(self) -> None:
        self._loaders = {w for w in self._loaders if w.signals is not self.sender()}

    # ---------------------------------------------------------------- CLI, closing
    @classmethod
    def add_cli_arguments(cls, parser: argparse.ArgumentParser) -> None:
        from .registry import add_option

        add_option(parser, "--objective", type=str, help="pre-training lab: recipe (" + ", ".join(RECIPES) + ")")
        add_option(parser, "--step", type=int, help="pre-training lab: epoch of the masking pattern")
        add_option(parser, "--bart-mode", type=str, help="pre-training lab: BART noise (" + ", ".join(BART_MODES) + ")")
        add_option(parser, "--pretrain-steps", type=int,
                   help="pre-training lab: pre-train a model from scratch for this many steps (with --objective)")

    def apply_cli(self, args: argparse.Namespace) -> None:
        super().apply_cli(args)
        objective = getattr(args, "objective", None)
        if objective:
            idx = self.recipe.findData(objective)
            if idx < 0:
                raise SystemExit(f"plm-studio: unknown --objective {objective!r} (use {', '.join(RECIPES)})")
            self.recipe.setCurrentIndex(idx)
        if getattr(args, "bart_mode", None):
            self.bart_mode.setCurrentIndex(max(0, self.bart_mode.findData(args.bart_mode)))
        if getattr(args, "step", None) is not None:
            self.epoch.setValue(args.step)
        steps = getattr(args, "pretrain_steps", None)
        if steps:
            # Screenshot of the runner: train first, report when the run is over.
            self._cli_train = True
            self.tabs.setCurrentIndex(1)
            self.runner.steps.setValue(steps)
            self.runner.probe_every.setValue(max(5, steps // 6))
            idx = self.runner.objective.findData(objective) if objective else -1
            if idx >= 0:
                self.runner.objective.setCurrentIndex(idx)
            self.runner.running_changed.connect(self._on_cli_run_changed)

    @Slot(bool)
    def _on_cli_run_changed(self, running: bool) -> None:
        if not running:
            self.result_shown.emit()

    def confirm_close(self) -> bool:
        if not self.runner.running:
            return True
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(self, self.tr("Training is running"),
                                      self.tr("A model is being pre-trained. Stop it and discard the run?"))
        return answer == QMessageBox.StandardButton.Yes

    def shutdown(self) -> None:
        super().shutdown()
        self.runner.shutdown()
        self._loader_pool.waitForDone(30_000)
