"""Turns a :class:`~core.pretrain_lab.RecipeResult` into chips, captions and explanations."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication

from core import LoadedModel
from core.corruption import IGNORE, Fate
from core.pretrain_lab import RecipeResult

from ..widgets.fate_strip import FATE_COLOURS, Chip, fate_name


def _t(text: str) -> str:
    return QCoreApplication.translate("PretrainView", text)


def recipe_name(key: str) -> str:
    names = {
        "mlm": _t("BERT masked LM (80/10/10)"), "wwm": _t("Whole-word masking"),
        "dynamic": _t("RoBERTa dynamic masking"), "spanbert": _t("SpanBERT span masking"),
        "t5": _t("T5 span corruption"), "bart": _t("BART noising"), "electra": _t("ELECTRA replaced tokens"),
        "nsp": _t("Next-sentence prediction"), "clm": _t("Causal LM (GPT)"), "glm": _t("GLM blank infilling"),
    }
    return names[key]


def recipe_explanation(key: str) -> str:
    texts = {
        "mlm": _t("BERT picks 15% of the tokens (never [CLS]/[SEP]). Of those, 80% become [MASK], 10% a random "
                  "token and 10% stay as they are; the loss is computed only at the picked positions."),
        "wwm": _t("Whole-word masking picks words, not pieces: all sub-words of a chosen word are masked together, "
                  "so the model cannot guess '##ly' from 'li'."),
        "dynamic": _t("RoBERTa draws a new masking pattern every time a sentence is seen (press Next epoch). "
                      "Static masking (BERT) reuses one pattern, so the model sees the same gaps again and again."),
        "spanbert": _t("SpanBERT masks contiguous spans of whole words, lengths from a geometric distribution "
                       "(p = 0.2, cut at 10: mean 3.8), until 15% of the pieces are covered. Each masked token is "
                       "also predicted from the span's two boundary tokens and its position (span boundary objective)."),
        "t5": _t("T5 replaces 15% of the tokens, in spans of mean length 3, by sentinels <extra_id_0>, <extra_id_1>, …; "
                 "the decoder writes the missing spans, each after its sentinel. Input + target rebuild the text."),
        "bart": _t("BART corrupts the text in any way (masking, deletion, infilling with Poisson(λ) spans — a "
                   "zero-length span inserts a mask —, sentence permutation, rotation); the decoder regenerates "
                   "the whole original."),
        "electra": _t("ELECTRA: a small generator fills 15% masked positions by sampling; the discriminator then "
                      "judges EVERY token: original or replaced? All tokens give a training signal, not only 15%."),
        "nsp": _t("Next-sentence prediction: half the pairs are a sentence and its real successor (IsNext), half a "
                  "sentence and another one (NotNext). BERT's [CLS] vector predicts which."),
        "clm": _t("A causal LM needs no corruption: position t sees only tokens 0…t (causal mask) and predicts "
                  "token t + 1. Every token is a target."),
        "glm": _t("GLM blanks out spans (Poisson λ = 3, 15%) in part A, then generates the spans in a random order in "
                  "part B, each starting with [START]. Position 1 points at the span's [MASK] in part A; position 2 "
                  "counts inside the span."),
    }
    return texts[key]


@dataclass
class RecipeView:
    """What the panel draws for one result."""

    rows: list[tuple[str, list[Chip]]]
    fates: list[Fate]
    stats: str
    loss: str


def _why(result: RecipeResult, i: int) -> str:
    c = result.corruption
    fate = Fate(int(c.fates[i]))
    text = _t("token {0} '{1}': {2}").format(i, c.source.tokens[i] if c.source.tokens else "", fate_name(fate))
    k = int(c.span_ids[i])
    if k >= 0 and k < len(c.span_lengths):
        text += _t(" · span {0}, drawn length {1}").format(k + 1, int(c.span_lengths[k]))
    if "sbo_left" in c.extra and c.extra["sbo_left"][i] >= 0:
        left, right = int(c.extra["sbo_left"][i]), int(c.extra["sbo_right"][i])
        text += _t(" · boundary objective: x(s−1) = '{0}', x(e+1) = '{1}', position {2} in the span").format(
            c.source.tokens[left], c.source.tokens[right], int(c.extra["sbo_position"][i]))
    return text


def _sbo_sub(result: RecipeResult, i: int) -> str:
    # SpanBERT's boundary objective sees x(s-1), x(e+1) and the position inside the span.
    c = result.corruption
    if "sbo_left" not in c.extra or c.extra["sbo_left"][i] < 0:
        return ""
    t = c.source.tokens
    return f"{t[int(c.extra['sbo_left'][i])]}…{t[int(c.extra['sbo_right'][i])]} p{int(c.extra['sbo_position'][i])}"


def _chip_colour_for_input(result: RecipeResult, j: int) -> str:
    c = result.corruption
    src = int(c.input_source[j])
    if src < 0:
        return FATE_COLOURS[Fate.SPECIAL] if c.input_ids[j] == c.source.eos_id else FATE_COLOURS[Fate.SPAN]
    return FATE_COLOURS[Fate(int(c.fates[src]))]


def build_view(result: RecipeResult, loaded: LoadedModel | None) -> RecipeView:
    """Chips and captions for ``result``."""
    if result.request.recipe == "nsp":
        return _nsp_view(result)
    c = result.corruption
    rec = result.reconstruction
    tokens = c.source.tokens
    original = [Chip(tokens[i], _sbo_sub(result, i), FATE_COLOURS[Fate(int(f))], _why(result, i),
                     strike=f == Fate.DELETED) for i, f in enumerate(c.fates)]
    inp: list[Chip] = []
    glm = result.request.recipe == "glm"
    for j, tok in enumerate(result.input_tokens):
        sub = ""
        if glm:
            sub = f"{int(c.extra['position_1'][j])},{int(c.extra['position_2'][j])}"
        tip = _t("input position {0}").format(j)
        if c.input_source[j] < 0:
            tip += _t(" · inserted by the recipe")
        else:
            tip += _t(" · from original token {0}").format(int(c.input_source[j]))
        inp.append(Chip(tok, sub, _chip_colour_for_input(result, j), tip))
    rows = [(_t("Original"), original)]
    if "masked_input" in c.extra:  # ELECTRA: what the generator saw before it sampled
        masked = c.extra["masked_input"]
        rows.append((_t("Generator input"), [
            Chip(loaded.tokenizer.convert_ids_to_tokens(int(x)) if loaded is not None else str(int(x)), "",
                 FATE_COLOURS[Fate.MASKED] if x != c.source.ids[i] else FATE_COLOURS[Fate.KEPT])
            for i, x in enumerate(masked)]))
    rows.append((_t("Model input"), inp))
    if result.target_tokens:
        tgt = []
        for j, tok in enumerate(result.target_tokens):
            sub, tip = "", _t("decoder target {0}").format(j)
            if rec is not None and rec.on_target:
                sub = f"{rec.predicted_tokens[j]} · {rec.token_loss[j]:.2f}"
                tip += _t(" · the model predicts '{0}' (P(target) = {1:.3f})").format(
                    rec.predicted_tokens[j], float(rec.target_prob[j]))
            tgt.append(Chip(tok, sub, FATE_COLOURS[Fate.TARGET], tip))
        rows.append((_t("Target"), tgt))
    if glm:
        labels = [Chip(loaded.tokenizer.convert_ids_to_tokens(int(x)) if x >= 0 else "[END]", "",
                       FATE_COLOURS[Fate.TARGET], _t("part B position {0}").format(j))
                  for j, x in enumerate(c.labels) if x != IGNORE]
        rows.append((_t("Predicts"), labels))
    if rec is not None and not rec.on_target:
        rows.append(_model_row(result))
    present = sorted({Fate(int(f)) for f in c.fates})
    return RecipeView(rows, present, _stats(result), _loss_text(result))


def _model_row(result: RecipeResult) -> tuple[str, list[Chip]]:
    c, rec = result.corruption, result.reconstruction
    chips: list[Chip] = []
    if result.request.recipe == "electra":
        p = rec.replaced_prob
        content = np.flatnonzero(~c.source.special)
        lo, hi = float(p[content].min()), float(p[content].max())
        order = content[np.argsort(-p[content])]
        for i in range(len(c.fates)):
            if c.source.special[i]:
                continue
            scaled = (float(p[i]) - lo) / (hi - lo) if hi > lo else 0.0
            shade = int(255 - 150 * scaled)
            rank = int(np.flatnonzero(order == i)[0]) + 1
            truth = int(c.labels[i]) == 1
            chips.append(Chip(result.input_tokens[i], f"{p[i]:.3f} · #{rank}", f"rgb(255,{shade},{shade})",
                              _t("P(replaced) = {0:.3f}, rank {1} of {2} in this sentence; truth: {3}").format(
                                  float(p[i]), rank, len(content), _t("replaced") if truth else _t("original")),
                              border="#c0392b" if truth else "#b9c3cf"))
        return _t("Discriminator"), chips
    for j in range(len(rec.token_loss)):
        if math.isnan(float(rec.token_loss[j])):
            continue
        target = int(c.labels[j])
        ok = int(rec.predicted_ids[j]) == target
        chips.append(Chip(rec.predicted_tokens[j], f"{rec.target_prob[j]:.2f} · {rec.token_loss[j]:.2f}",
                          "#c8f0c4" if ok else "#ffd6d1",
                          _t("position {0}: target '{1}', model's top token '{2}', P(target) = {3:.3f}, loss {4:.3f}")
                          .format(j, result.input_tokens[j + 1] if result.request.recipe == "clm" and
                                  j + 1 < len(result.input_tokens) else c.source.tokens[j],
                                  rec.predicted_tokens[j], float(rec.target_prob[j]), float(rec.token_loss[j]))))
    return _t("Model predicts"), chips


def _stats(result: RecipeResult) -> str:
    c = result.corruption
    n = int((~c.source.special).sum())
    counts = {f: c.count(f) for f in Fate}
    recipe = result.request.recipe
    if recipe in ("mlm", "wwm", "dynamic", "spanbert"):
        sel = counts[Fate.MASKED] + counts[Fate.RANDOM] + counts[Fate.UNCHANGED]
        text = _t("Selected {0} of {1} tokens ({2:.0%}): {3} → [MASK], {4} → random, {5} unchanged.").format(
            sel, n, sel / max(1, n), counts[Fate.MASKED], counts[Fate.RANDOM], counts[Fate.UNCHANGED])
        if len(c.span_lengths):
            text += " " + _t("Span lengths drawn: {0}.").format(", ".join(map(str, c.span_lengths.tolist())))
        return text
    if recipe == "t5":
        return _t("{0} of {1} tokens in {2} noise spans (lengths {3}); input {4} tokens, target {5}.").format(
            counts[Fate.SPAN], n, len(c.span_lengths), ", ".join(map(str, c.span_lengths.tolist())),
            len(c.input_ids), len(c.target_ids))
    if recipe == "bart":
        zero = int((c.span_lengths == 0).sum())
        return _t("{0} masked, {1} in spans, {2} deleted, {3} moved; {4} span lengths drawn ({5} of length 0 → "
                  "inserted masks). Input {6} tokens, target {7}.").format(
            counts[Fate.MASKED], counts[Fate.SPAN], counts[Fate.DELETED], counts[Fate.MOVED], len(c.span_lengths),
            zero, len(c.input_ids), len(c.target_ids))
    if recipe == "electra":
        return _t("{0} tokens masked for the generator: {1} replaced by a different token, {2} sampled back as the "
                  "original (those count as original). The discriminator is trained on all {3} tokens.").format(
            counts[Fate.REPLACED] + counts[Fate.SAMPLED_SAME], counts[Fate.REPLACED], counts[Fate.SAMPLED_SAME],
            len(c.fates))
    if recipe == "glm":
        return _t("{0} spans (lengths {1}); part A has {2} tokens, part B {3}.").format(
            len(c.span_lengths), ", ".join(map(str, c.span_lengths.tolist())), int((c.extra["part"] == 0).sum()),
            int((c.extra["part"] == 1).sum()))
    return _t("{0} tokens, {1} next-token targets.").format(len(c.fates), int((c.labels != IGNORE).sum()))


def _loss_text(result: RecipeResult) -> str:
    rec = result.reconstruction
    if rec is not None:
        kind = _t("binary cross-entropy over every token") if result.request.recipe == "electra" else \
            _t("mean cross-entropy over the targets")
        return _t("<b>Model loss on this input: {0:.3f}</b> ({1}; equal to the model's own training loss).").format(
            rec.loss, kind)
    missing = {
        "mlm": _t("This model has no masked-LM head: load stories-bert-mini to see its reconstruction."),
        "seq2seq": _t("Reconstruction needs an encoder-decoder (T5, BART); the corruption is shown on this "
                      "model's tokens."),
        "causal": _t("Next-token losses need a causal LM such as stories260k."),
        "generator": _t("ELECTRA needs a generator with an MLM head (stories-electra-generator)."),
        "discriminator": _t("Load stories-electra-discriminator (in either slot) to see P(replaced) per token. "
                            "It is weak: replaced tokens rank high within the sentence but score low (≈0.2)."),
        "glm": _t("GLM is shown as data: no GLM checkpoint is available offline."),
    }
    return missing.get(result.missing_head, "")


def _nsp_view(result: RecipeResult) -> RecipeView:
    chips = []
    for row in result.nsp:
        label = _t("IsNext") if row.pair.is_next else _t("NotNext")
        sub = label if math.isnan(row.p_is_next) else _t("{0} · P(IsNext) = {1:.2f}").format(label, row.p_is_next)
        colour = "#c8f0c4" if row.pair.is_next else "#ffd6d1"
        chips.append(Chip(f"A: {row.pair.a}\nB: {row.pair.b}", sub, colour,
                          _t("sentence {0} then sentence {1}").format(row.pair.a_index + 1, row.pair.b_index + 1)))
    loss = "" if not result.missing_head else _t(
        "This model has no NSP head: load stories-bert-mini (BertForPreTraining) to see P(IsNext).")
    n_next = sum(r.pair.is_next for r in result.nsp)
    return RecipeView([(_t("Pairs"), chips)], [], _t("{0} pairs: {1} IsNext, {2} NotNext.").format(
        len(result.nsp), n_next, len(result.nsp) - n_next), loss)
