"""Reading the knowledge base from its TOML files (see knowledge/README.md)."""

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from bot.core.knowledge.model import Entry, KnowledgeBase, Source
from bot.core.models import LANGUAGES


class KnowledgeFileError(Exception):
    """A file that cannot be read as the knowledge base format; the message names it."""


def load_knowledge(folder: Path) -> KnowledgeBase:
    kb = KnowledgeBase(sources=load_sources(folder / "sources.toml"))
    for language in LANGUAGES:
        for path in sorted((folder / language).glob("*.toml")):
            for entry in read_entries(path, language):
                kb.add(entry)
    return kb


def load_sources(path: Path) -> dict[str, Source]:
    data = _read(path)
    return {
        key: Source(
            key=key,
            title=str(values.get("title", key)),
            publisher=str(values.get("publisher", "")),
            revised=_date(values.get("revised")),
            retrieved=_date(values.get("retrieved")),
        )
        for key, values in data.items()
    }


def read_entries(path: Path, language: str) -> list[Entry]:
    entries = []
    for number, raw in enumerate(_read(path).get("entries", []), start=1):
        try:
            entries.append(
                Entry(
                    id=str(raw["id"]),
                    language=language,
                    questions=tuple(str(q).strip() for q in raw.get("questions", [])),
                    answer=str(raw.get("answer", "")).strip(),
                    source=str(raw.get("source", "")),
                    section=raw.get("section"),
                    reviewed=_date(raw.get("reviewed")),
                    demo=bool(raw.get("demo", False)),
                    related=tuple(str(r) for r in raw.get("related", [])),
                    action=str(raw["action"]) if raw.get("action") else None,
                )
            )
        except KeyError as missing:
            raise KnowledgeFileError(f"{path}: entry {number} has no {missing}") from None
    return entries


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise KnowledgeFileError(f"{path}: missing") from None
    except tomllib.TOMLDecodeError as error:
        raise KnowledgeFileError(f"{path}: {error}") from None


def _date(value: object) -> date | None:
    return value if isinstance(value, date) else None
