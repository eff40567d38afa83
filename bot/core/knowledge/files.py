"""Reading the knowledge base from its TOML files (see knowledge/README.md)."""

import json
import re
import tomllib
from collections.abc import Iterable
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
                    answer=unwrap(str(raw.get("answer", ""))),
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


_LIST_ITEM = re.compile(r"([-•*]|\d+[.)])\s")


def unwrap(text: str) -> str:
    """The answer as Telegram should show it. The files wrap long answers over several lines,
    and Telegram would show each of those breaks; so a line that goes on with the previous one
    is joined to it. Kept apart: blank lines (paragraphs), list items, what follows a colon,
    and a new sentence after a list item."""
    lines: list[str] = []
    for line in (line.strip() for line in text.strip().split("\n")):
        previous = lines[-1] if lines else ""
        if (
            previous
            and line
            and not _LIST_ITEM.match(line)
            and not previous.endswith(":")
            and (line[0].islower() or not _LIST_ITEM.match(previous))
        ):
            lines[-1] = f"{previous} {line}"
        else:
            lines.append(line)
    return "\n".join(lines)


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


def entries_as_toml(entries: Iterable[Entry], header: str) -> str:
    """Entries of one language in the files' format (read back by `read_entries`); `header`
    becomes the comment at the top. A line break the reader would join (see `unwrap`) is
    written as a blank line, so the answer keeps its lines."""
    blocks = ["\n".join(f"# {line}".rstrip() for line in header.splitlines())]
    for entry in entries:
        lines = ["[[entries]]", f"id = {_string(entry.id)}", f"source = {_string(entry.source)}"]
        if entry.reviewed is not None:
            lines.append(f"reviewed = {entry.reviewed.isoformat()}")
        lines += ["questions = [", *(f"  {_string(q)}," for q in entry.questions), "]"]
        lines.append(f"answer = {_string(_kept_breaks(entry.answer))}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _kept_breaks(answer: str) -> str:
    kept: list[str] = []
    for line in answer.split("\n"):
        if kept and kept[-1] and line and "\n" not in unwrap(f"{kept[-1]}\n{line}"):
            kept.append("")
        kept.append(line)
    return "\n".join(kept)


def _string(value: str) -> str:
    """A TOML basic string: JSON's string escapes are TOML's."""
    return json.dumps(value, ensure_ascii=False)
