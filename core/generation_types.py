"""Plain records of generation: decoding settings, one step, a beam tree, scores.

Every array is numpy; nothing here holds a tensor, so the GUI needs no torch.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field

import numpy as np


class Strategy(str, enum.Enum):
    """How the next token is chosen."""

    GREEDY = "greedy"
    SAMPLE = "sample"
    BEAM = "beam"


#: Names of the decoding stages, in transformers' order.
STAGES = ("raw", "repetition", "temperature", "top_k", "top_p_min_p")


@dataclass(frozen=True)
class DecodingConfig:
    """Decoding settings with transformers' ``generate`` semantics.

    ``top_k = 0`` and ``top_p = 1.0`` switch those filters off; ``min_p = 0`` likewise.
    ``temperature = 0`` means greedy (the panel says so). ``seed`` only matters when sampling.
    """

    strategy: Strategy = Strategy.GREEDY
    max_new_tokens: int = 40
    temperature: float = 1.0
    top_k: int = 50
    top_p: float = 1.0
    min_p: float = 0.0
    repetition_penalty: float = 1.0
    num_beams: int = 4
    length_penalty: float = 1.0
    early_stopping: bool | str = False
    seed: int = 0
    stop_at_eos: bool = True
    n_candidates: int = 10          # candidates recorded per step for the inspector

    @property
    def sampling(self) -> bool:
        return self.strategy is Strategy.SAMPLE and self.temperature > 0


@dataclass(frozen=True)
class StageView:
    """The top candidates of one step through every stage.

    ``ids`` int64 ``[m]`` (ordered by raw probability, the chosen token always included);
    ``probs`` float32 ``[stage, m]`` softmax after each stage in :data:`STAGES`;
    ``kept`` bool ``[stage, m]`` (False where the stage set the logit to −inf);
    ``applied`` bool ``[stage]`` (False for a stage that is off or not used by the strategy);
    ``n_kept`` int ``[stage]``: survivors over the whole vocabulary.
    """

    ids: np.ndarray
    tokens: tuple[str, ...]
    probs: np.ndarray
    kept: np.ndarray
    applied: np.ndarray
    n_kept: np.ndarray
    chosen: int                      # token id chosen at this step (−1 if unknown)


@dataclass(frozen=True)
class GenerationStart:
    """What the model reads before the first new token.

    ``prompt_surprisal`` float32 ``[n]`` in bits (−log2 p of each prompt token given the ones
    before it; NaN for the first token and for an encoder's source).
    """

    prompt_ids: np.ndarray           # int64 [n] ids fed to the decoder (or the source for seq2seq)
    prompt_tokens: tuple[str, ...]
    prompt_surprisal: np.ndarray
    started_from_bos: bool           # the prompt was empty: a decoder starts from BOS alone
    truncated_tokens: int            # tokens cut from the left to fit the context
    source_tokens: tuple[str, ...] = ()   # encoder input of a seq2seq model
    decoder_start_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    config: DecodingConfig = DecodingConfig()


@dataclass(frozen=True)
class GenerationStep:
    """One generated token.

    ``raw_logits`` float32 ``[vocab]`` (kept so the stages can be recomputed without a forward
    pass); ``context_ids`` int64 ``[t]`` decoder ids before this step (repetition penalty);
    ``cross_attention`` float32 ``[layer, head, src]`` for encoder-decoders, else ``None``.
    """

    index: int
    token_id: int
    token: str                       # the piece as text (decoded, spaces kept)
    logprob: float                   # raw model log-prob (nats) of the chosen token
    processed_logprob: float         # log-prob under the final processed distribution
    cumulative_logprob: float        # sum of raw log-probs so far
    surprisal_bits: float
    stages: StageView
    raw_logits: np.ndarray
    context_ids: np.ndarray
    cross_attention: np.ndarray | None = None


@dataclass(frozen=True)
class GenerationRun:
    """A finished (or stopped) generation: the start, every step, the text."""

    start: GenerationStart
    steps: tuple[GenerationStep, ...]
    text: str                        # generated continuation only
    finish_reason: str               # "eos", "length" or "stopped"

    @property
    def token_ids(self) -> np.ndarray:
        return np.asarray([s.token_id for s in self.steps], dtype=np.int64)


@dataclass(frozen=True)
class BeamNode:
    """A hypothesis in the beam tree: ``parent`` −1 is the prompt (root)."""

    node_id: int
    parent: int
    step: int
    token_id: int
    token: str
    score: float                     # cumulative processed log-prob of the hypothesis
    finished: bool = False           # ended with EOS (or reached the length limit) among the top beams


@dataclass(frozen=True)
class BeamStep:
    """The growth of the beam tree in one step.

    ``new_nodes`` every candidate considered (2 × beams); ``alive`` node ids that continue;
    ``finished`` node ids currently in the finished list (best first) with ``finished_scores``.
    """

    step: int
    new_nodes: tuple[BeamNode, ...]
    alive: tuple[int, ...]
    finished: tuple[int, ...]
    finished_scores: tuple[float, ...]


@dataclass(frozen=True)
class BeamResult:
    """Final hypotheses, best first: ``sequences`` are decoder ids without the prompt."""

    start: GenerationStart
    nodes: tuple[BeamNode, ...]
    sequences: tuple[tuple[int, ...], ...]
    scores: np.ndarray               # float32 [n] length-penalised (transformers' sequences_scores)
    texts: tuple[str, ...]
    node_ids: tuple[int, ...]        # last node of each final hypothesis
    stopped: bool = False
    # Encoder-decoders: float32 [layer, head, steps, src], the cross-attention recorded along the
    # best hypothesis (row t: the step fed decoder_start + sequences[0][:t]); else None.
    cross_attention: np.ndarray | None = None


@dataclass(frozen=True)
class SequenceScores:
    """Teacher-forced surprisal of a text.

    ``surprisal_bits`` float32 ``[n]`` (NaN where a token has no prediction: the first
    token of a decoder's input); ``nll`` the mean negative log-likelihood in nats over the
    scored tokens and ``perplexity = exp(nll)``.
    """

    tokens: tuple[str, ...]
    ids: np.ndarray
    surprisal_bits: np.ndarray
    nll: float
    perplexity: float
    n_scored: int


@dataclass(frozen=True)
class LogitLens:
    """Each layer's hidden state read through the final norm and LM head.

    ``tokens`` ``[layer + 1][k]`` and ``probs`` float32 ``[layer + 1, k]``; row 0 is the
    embedding output, the last row the model's real output.
    """

    layer_names: tuple[str, ...]
    tokens: tuple[tuple[str, ...], ...]
    ids: np.ndarray
    probs: np.ndarray
    position: int
