"""Entries analysed once: the index's documents kept on disk.

Analysing an entry's text (folding, concepts, stop words, stemming, the kinds of fact its answer
holds) is most of what building the index costs: at 10,000 entries it takes seconds, assembling
the matrix from analysed entries a fraction of that. So the documents are kept in one file, each
under a hash of the analyser and of everything `Document.of` reads from the entry; a start-up
analyses only the entries that are new or changed. The analyser is the source of the modules
that analyse, and the stemmer's version: a change to any of them analyses everything again.

The file is a pickle of plain data only (dictionaries, tuples, frozensets, strings, numbers):
it is read with an unpickler that refuses every class, so it cannot run code. A file that
cannot be read is analysed again, and written anew.
"""

import hashlib
import logging
import pickle
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from types import ModuleType

from bot.core.knowledge import (
    asks,
    concepts,
    durations,
    english_words,
    everyday,
    kinds,
    kring_words,
    named,
    offers,
    patterns,
    search,
    stopwords,
    text,
)
from bot.core.knowledge.cachefile import load_data, write_atomically
from bot.core.knowledge.kinds import Asked
from bot.core.knowledge.model import Entry, KnowledgeBase
from bot.core.knowledge.search import Document, analyse, without_cycle_collection

log = logging.getLogger(__name__)

# Every module a document's terms or kinds of fact come from: the concepts' four files, and
# offers.py and named.py, which read the kinds of fact (kinds.py) an answer holds.
ANALYSER: tuple[ModuleType, ...] = (
    text,
    concepts,
    kring_words,
    everyday,
    english_words,
    stopwords,
    durations,
    patterns,
    kinds,
    asks,
    offers,
    named,
    search,
)
PROTOCOL = 5

# entry id, term counts, length, phrasings, kinds of fact (their values), vocabulary
Stored = tuple[
    str, dict[str, float], float, tuple[frozenset[str], ...], tuple[str, ...], frozenset[str]
]


def analyser_version() -> str:
    """A hash of what turns an entry into a document."""
    digest = hashlib.sha256(f"{metadata.version('snowballstemmer')}\0{PROTOCOL}".encode())
    for module in ANALYSER:
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()


class DocumentCache:
    """Analysed entries on disk (one file), keyed by analyser and entry; `path` None keeps
    nothing (every build analyses)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.version = analyser_version()
        self._stored: dict[str, Stored] = {}
        if path is not None and path.exists():
            try:
                with path.open("rb") as handle, without_cycle_collection():
                    self._stored = load_data(handle)  # type: ignore[assignment]
            except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError) as error:
                log.warning("analysis cache %s unreadable (%s): analysing again", path, error)

    def key(self, entry_id: str, versions: Iterable[Entry]) -> str:
        read = [(e.language, e.questions, e.answer, e.reviewed) for e in versions]
        return hashlib.sha256(f"{self.version}\0{entry_id}\0{read!r}".encode()).hexdigest()

    def documents(self, kb: KnowledgeBase) -> list[Document]:
        """The knowledge base's documents, analysing (and storing) the entries not seen before.
        The file keeps the entries of this knowledge base only."""
        keys = {entry_id: self.key(entry_id, v.values()) for entry_id, v in kb.entries.items()}
        new = [
            (entry_id, kb.entries[entry_id].values())
            for entry_id, key in keys.items()
            if key not in self._stored
        ]
        stored: dict[str, Stored] = {}
        documents = []
        with without_cycle_collection():  # as analysing: many objects, no cycle
            analysed = {document.entry_id: document for document in analyse(new)}
            for entry_id, key in keys.items():
                if entry_id in analysed:
                    document = analysed[entry_id]
                    stored[key] = _stored(document)
                else:
                    stored[key] = self._stored[key]
                    document = _document(stored[key])
                documents.append(document)
        changed = stored.keys() != self._stored.keys()
        self._stored = stored
        if changed:
            self.save()
        return documents

    def save(self) -> None:
        """Written to a file of its own, then moved over the old one: a process reading it (or
        another replica writing it) never sees half a file. A folder the bot may not write to
        costs the next start its time, nothing else."""
        if self.path is None:
            return
        try:
            write_atomically(
                self.path, lambda file: pickle.dump(self._stored, file, protocol=PROTOCOL)
            )
        except OSError as error:
            log.warning("analysis cache %s not written (%s)", self.path, error)


def _stored(document: Document) -> Stored:
    """The document as plain data, its strings interned: a term shared by many entries is
    written (and read back) once."""
    intern = sys.intern
    return (
        intern(document.entry_id),
        {intern(term): count for term, count in document.counts.items()},
        document.length,
        tuple(frozenset(map(intern, terms)) for terms in document.phrasings),
        tuple(sorted(kind.value for kind in document.offers)),
        frozenset(map(intern, document.vocabulary)),
    )


def _document(row: Stored) -> Document:
    entry_id, counts, length, phrasings, offers, vocabulary = row
    return Document(entry_id, counts, length, phrasings, frozenset(map(Asked, offers)), vocabulary)
