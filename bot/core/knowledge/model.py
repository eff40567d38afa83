"""Knowledge base entries and sources."""

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    publisher: str
    revised: date | None = None  # the revision date the document states
    retrieved: date | None = None  # for documents that state none: when we read them


# Buttons carry entry ids (at most 64 bytes with their prefix): `kb lint` flags longer ones.
MAX_ID_LENGTH = 50


@dataclass(frozen=True)
class Entry:
    """One question-and-answer in one language."""

    id: str
    language: str
    questions: tuple[str, ...]
    answer: str
    source: str
    section: str | None = None
    reviewed: date | None = None
    demo: bool = False
    # Entries the answer refers to ("see the question about the factors"): shown as buttons.
    related: tuple[str, ...] = ()
    # For questions about the bot itself: the command that starts what the answer explains
    # (its canonical name, e.g. "shifts"), shown as a button to whoever may use it.
    action: str | None = None


@dataclass
class KnowledgeBase:
    sources: dict[str, Source] = field(default_factory=dict)
    # entry id -> language -> entry
    entries: dict[str, dict[str, Entry]] = field(default_factory=dict)

    def add(self, entry: Entry) -> None:
        self.entries.setdefault(entry.id, {})[entry.language] = entry

    def entry(self, entry_id: str, language: str) -> Entry | None:
        """The entry in `language`, or in Dutch (always complete) when it has no translation."""
        versions = self.entries.get(entry_id, {})
        return versions.get(language) or versions.get("nl") or next(iter(versions.values()), None)

    def related(self, entry_id: str, language: str) -> list[Entry]:
        """The entries an answer refers to, in `language`; any language version may list them."""
        ids = dict.fromkeys(r for e in self.entries.get(entry_id, {}).values() for r in e.related)
        found = (self.entry(related, language) for related in ids)
        return [entry for entry in found if entry is not None]

    def source_of(self, entry: Entry) -> Source | None:
        return self.sources.get(entry.source)

    def __len__(self) -> int:
        return len(self.entries)
