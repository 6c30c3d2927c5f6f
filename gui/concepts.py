"""Translated names and explanations of the concepts the panels show (tooltips, menus).

``core`` keeps its English descriptions (``core.attention_view.MODES``,
``core.attention.HEAD_STAT_NAMES``, ``core.attention.MERGE_RULE``) for docs and logs; the UI
shows these translatable versions instead. Each function builds its texts when called, so a
language switch takes effect at the next call (no module-level user-visible constants).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def mode_titles() -> dict[str, str]:
    """Attention aggregation key → short title."""
    return {
        "head": QCoreApplication.translate("Concepts", "One head"),
        "mean": QCoreApplication.translate("Concepts", "Mean over heads"),
        "max": QCoreApplication.translate("Concepts", "Max over heads"),
        "layer_mean": QCoreApplication.translate("Concepts", "Mean of all layers"),
        "rollout": QCoreApplication.translate("Concepts", "Attention rollout"),
    }


def mode_descriptions() -> dict[str, str]:
    """Attention aggregation key → explanation (tooltip)."""
    return {
        "head": QCoreApplication.translate("Concepts", "One head: the weights of the selected layer and head."),
        "mean": QCoreApplication.translate("Concepts", "Mean over heads: the average of all heads of each layer."),
        "max": QCoreApplication.translate("Concepts", "Max over heads: the strongest weight any head of the layer gives."),
        "layer_mean": QCoreApplication.translate(
            "Concepts", "Mean over all layers and heads: one matrix for the whole model."),
        "rollout": QCoreApplication.translate(
            "Concepts", "Attention rollout (Abnar & Zuidema 2020): multiply the head-averaged attention of each "
            "layer, with the residual connection added as 0.5·A + 0.5·I and rows renormalised, to estimate how "
            "much each input token flows into each position up to that layer."),
    }


def attention_sources() -> dict[str, str]:
    """Which attention of a model: encoder self-, decoder self- or cross-attention."""
    return {
        "encoder": QCoreApplication.translate("Concepts", "Encoder self-attention"),
        "decoder": QCoreApplication.translate("Concepts", "Decoder self-attention (causal)"),
        "cross": QCoreApplication.translate("Concepts", "Cross-attention while generating"),
        "self": QCoreApplication.translate("Concepts", "Self-attention"),
    }


def head_stat_titles() -> dict[str, str]:
    return {
        "entropy": QCoreApplication.translate("Concepts", "entropy"),
        "to_first": QCoreApplication.translate("Concepts", "to first token"),
        "to_sep": QCoreApplication.translate("Concepts", "to separators"),
        "to_special": QCoreApplication.translate("Concepts", "to special tokens"),
        "to_punctuation": QCoreApplication.translate("Concepts", "to punctuation"),
        "mean_distance": QCoreApplication.translate("Concepts", "mean distance"),
    }


def head_stat_descriptions() -> dict[str, str]:
    return {
        "entropy": QCoreApplication.translate(
            "Concepts", "Average entropy of the head's attention rows, in nats: 0 means each token looks at "
            "exactly one token, log(n) means it spreads evenly over all n tokens."),
        "to_first": QCoreApplication.translate(
            "Concepts", "Average share of attention sent to the first token ([CLS], <s> or BOS)."),
        "to_sep": QCoreApplication.translate(
            "Concepts", "Average share of attention sent to separator / end tokens ([SEP], </s>, ...)."),
        "to_special": QCoreApplication.translate("Concepts", "Average share of attention sent to any special token."),
        "to_punctuation": QCoreApplication.translate(
            "Concepts", "Average share of attention sent to punctuation tokens (. , ! ? ...)."),
        "mean_distance": QCoreApplication.translate(
            "Concepts", "Average distance |i - j| in tokens between a token and where it looks; small values "
            "mean the head attends locally (e.g. the previous or next token)."),
    }


def merge_rule() -> str:
    return QCoreApplication.translate(
        "Concepts", "Word pieces are merged into whole words by adding up the attention a word receives from "
        "each piece (columns are summed) and averaging the attention its pieces give (rows are averaged), so "
        "every row still sums to 1 (Clark et al., 2019).")


def mlm_explanation() -> str:
    """BERT's masked language modelling and its 80/10/10 rule (lecture wording)."""
    return QCoreApplication.translate(
        "Concepts", "Masked language modelling (BERT): 15% of input tokens are chosen; of those 80% become "
        "[MASK], 10% a random token, 10% stay unchanged, and the model predicts the originals from context on "
        "both sides. Here you choose the masks and see the softmax over the vocabulary.")


def bert_input_explanation() -> str:
    return QCoreApplication.translate(
        "Concepts", "BERT's input = token embedding + segment embedding (sentence A or B) + position embedding. "
        "[CLS] starts the input and its final vector is used for classification; [SEP] ends each sentence.")


def attention_caveat_tooltip() -> str:
    return QCoreApplication.translate(
        "Concepts", "Attention shows where a head looks, not why the model decides: different attention patterns "
        "can give the same prediction, and value vectors and later layers change what is passed on.")
