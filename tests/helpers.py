"""Small test helpers shared by core and GUI tests."""
from __future__ import annotations

import numpy as np


def random_attention(shape: tuple[int, ...], seed: int = 0, sharpness: float = 1.0,
                     causal: bool = False) -> np.ndarray:
    """Seeded row-stochastic attention of ``shape`` ``[..., seq, seq]`` (float32).

    ``sharpness`` scales the random logits (peakier rows); ``causal`` zeroes weights
    above the diagonal, as in a decoder.
    """
    logits = np.random.default_rng(seed).standard_normal(shape).astype(np.float32) * sharpness
    if causal:
        n = shape[-1]
        logits[..., np.triu(np.ones((n, n), dtype=bool), 1)] = -np.inf
    e = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return (e / e.sum(axis=-1, keepdims=True)).astype(np.float32)
