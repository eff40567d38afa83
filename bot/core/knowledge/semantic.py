"""A second opinion for the search: multilingual sentence embeddings.

Every phrasing of every entry (in all languages) is embedded as a query, every answer as a
passage. A question is scored against an entry by the best plus the mean similarity of its
phrasings, plus half the best similarity of its answers: the best phrasing catches a question
asked almost as we wrote it, the mean rewards an entry whose phrasings all lie close, and the
answer catches the facts no phrasing names.

Embedding the whole knowledge base takes minutes on one core, so the vectors are kept on disk,
one per text, keyed by a hash of the model and the text: only new or changed texts are embedded
again. The model itself is behind `Embedder` (bot/embeddings.py loads it when installed). What
the decision makes of the scores is in bot/core/knowledge/second_opinion.py.
"""

import hashlib
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from bot.core.knowledge.cachefile import write_atomically
from bot.core.knowledge.model import Entry, KnowledgeBase

log = logging.getLogger(__name__)

Vectors = npt.NDArray[np.float32]
ANSWER_WEIGHT = 0.5
BATCH = 32
SAVE_EVERY = 20  # batches: an interrupted first build keeps what it embedded
QUERY, PASSAGE = "query", "passage"


class Embedder(Protocol):
    """A sentence embedding model: rows of unit length, one per text."""

    name: str  # model and version: part of the cache key

    def embed(self, texts: Sequence[str], kind: str) -> Vectors: ...


class VectorCache:
    """Vectors kept on disk (one .npz file), one per (model, kind, text). Before embedding what
    it lacks, it reads the file again if another process (a replica that learned a taught
    entry) wrote it since."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._vectors: dict[str, Vectors] = {}
        self._read_version: int | None = None  # the file's mtime when last read or written
        self._read()

    def _on_disk(self) -> int | None:
        return self.path.stat().st_mtime_ns if self.path and self.path.exists() else None

    def _read(self) -> None:
        version = self._on_disk()
        if self.path is None or version is None or version == self._read_version:
            return
        with np.load(self.path) as stored:
            self._vectors.update(zip(stored["keys"].tolist(), stored["vectors"], strict=True))
        self._read_version = version

    @staticmethod
    def key(embedder: Embedder, kind: str, text: str) -> str:
        return hashlib.sha256(f"{embedder.name}\0{kind}\0{text}".encode()).hexdigest()

    def vectors(
        self,
        embedder: Embedder,
        texts: Sequence[str],
        kind: str,
        progress: Callable[[int, int], None] | None = None,
    ) -> Vectors:
        """The texts' vectors, embedding (and storing) the ones not seen before."""
        keys = [self.key(embedder, kind, text) for text in texts]
        if any(k not in self._vectors for k in keys):
            self._read()
        missing = list(dict.fromkeys(k for k in keys if k not in self._vectors))
        text_of = dict(zip(keys, texts, strict=True))
        for number, start in enumerate(range(0, len(missing), BATCH), start=1):
            batch = missing[start : start + BATCH]
            vectors = embedder.embed([text_of[k] for k in batch], kind)
            self._vectors.update(zip(batch, vectors, strict=True))
            if number % SAVE_EVERY == 0:
                self.save()
            if progress is not None:
                progress(min(start + BATCH, len(missing)), len(missing))
        if missing:
            self.save()
        return np.stack([self._vectors[k] for k in keys]) if keys else np.zeros((0, 0), "f4")

    def save(self) -> None:
        """Written to a file of its own, then moved over the old one: a process reading it (or
        another replica writing it) never sees half a file."""
        if self.path is None:
            return
        keys = list(self._vectors)
        vectors = np.stack([self._vectors[k] for k in keys])
        write_atomically(
            self.path, lambda file: np.savez(file, keys=np.array(keys), vectors=vectors)
        )
        self._read_version = self._on_disk()


@dataclass(frozen=True)
class SemanticHit:
    entry_id: str
    score: float
    phrasing: float = 0.0  # the similarity of the entry's closest phrasing alone


@dataclass
class SemanticIndex:
    embedder: Embedder
    cache: VectorCache  # where `adding` finds or keeps the vectors of entries added later
    ids: list[str]
    phrasings: Vectors  # one row per phrasing, grouped by entry (in the order of `ids`)
    phrasing_starts: npt.NDArray[np.intp]  # where each entry's phrasings start
    answers: Vectors  # one row per answer, grouped by entry
    answer_starts: npt.NDArray[np.intp]

    @classmethod
    def build(
        cls,
        kb: KnowledgeBase,
        embedder: Embedder,
        cache: VectorCache,
        progress: Callable[[int, int], None] | None = None,
    ) -> "SemanticIndex":
        entries = {entry_id: list(versions.values()) for entry_id, versions in kb.entries.items()}
        return cls.of(entries, embedder, cache, progress)

    @classmethod
    def of(
        cls,
        entries: Mapping[str, Sequence[Entry]],
        embedder: Embedder,
        cache: VectorCache,
        progress: Callable[[int, int], None] | None = None,
    ) -> "SemanticIndex":
        """The entries (id: its language versions), their texts embedded through the cache."""
        ids = list(entries)
        versions = [entries[entry_id] for entry_id in ids]
        questions = [[q for entry in group for q in entry.questions] for group in versions]
        answers = [[entry.answer for entry in group] for group in versions]
        flat_questions = [q for group in questions for q in group]
        flat_answers = [a for group in answers for a in group]
        return cls(
            embedder=embedder,
            cache=cache,
            ids=ids,
            phrasings=cache.vectors(embedder, flat_questions, QUERY, progress),
            phrasing_starts=_starts(questions),
            answers=cache.vectors(embedder, flat_answers, PASSAGE, progress),
            answer_starts=_starts(answers),
        )

    def adding(self, entries: Mapping[str, Sequence[Entry]]) -> "SemanticIndex":
        """A new index with these entries too (ids it does not have: the coordinator's taught
        entries), their texts embedded through the cache, so a replica or a restart that finds
        them there embeds nothing."""
        added = SemanticIndex.of(entries, self.embedder, self.cache)
        return replace(
            self,
            ids=[*self.ids, *added.ids],
            phrasings=np.concatenate([self.phrasings, added.phrasings]),
            phrasing_starts=np.concatenate(
                [self.phrasing_starts, added.phrasing_starts + len(self.phrasings)]
            ),
            answers=np.concatenate([self.answers, added.answers]),
            answer_starts=np.concatenate(
                [self.answer_starts, added.answer_starts + len(self.answers)]
            ),
        )

    def search(self, question: str, limit: int = 10) -> list[SemanticHit]:
        query = self.embedder.embed([question], QUERY)[0]
        phrasing = self.phrasings @ query
        counts = np.diff(np.append(self.phrasing_starts, len(phrasing)))
        best = np.maximum.reduceat(phrasing, self.phrasing_starts)
        mean = np.add.reduceat(phrasing, self.phrasing_starts) / counts
        answer = np.maximum.reduceat(self.answers @ query, self.answer_starts)
        scores = best + mean + ANSWER_WEIGHT * answer
        top = np.argsort(-scores)[:limit]
        return [SemanticHit(self.ids[i], float(scores[i]), float(best[i])) for i in top]


def _starts(groups: list[list[str]]) -> npt.NDArray[np.intp]:
    """Where each (non-empty) group starts in the flattened list."""
    sizes = [len(group) for group in groups]
    return np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.intp)
