"""Reading the knowledge base from its TOML files (see knowledge/README.md)."""

import hashlib
import json
import logging
import pickle
import re
import tomllib
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from bot.core.knowledge.cachefile import load_data, write_atomically
from bot.core.knowledge.model import Entry, KnowledgeBase, Source
from bot.core.models import LANGUAGES

log = logging.getLogger(__name__)


class KnowledgeFileError(Exception):
    """A file that cannot be read as the knowledge base format; the message names it."""


def load_knowledge(folder: Path, parsed: Path | None = None) -> KnowledgeBase:
    """The knowledge base in `folder`; with `parsed`, the files as parsed are kept in that file
    and a file is parsed again only when it changed (see `ParsedFiles`)."""
    files = ParsedFiles(parsed)
    kb = KnowledgeBase(sources=load_sources(folder / "sources.toml", files))
    for language in LANGUAGES:
        for path in sorted((folder / language).glob("*.toml")):
            for entry in read_entries(path, language, files):
                kb.add(entry)
    files.save()
    return kb


def load_sources(path: Path, files: "ParsedFiles | None" = None) -> dict[str, Source]:
    data = (files or ParsedFiles(None)).read(path)
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


def read_entries(path: Path, language: str, files: "ParsedFiles | None" = None) -> list[Entry]:
    entries = []
    data = (files or ParsedFiles(None)).read(path)
    for number, raw in enumerate(data.get("entries", []), start=1):
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


class ParsedFiles:
    """TOML files as parsed, kept on disk (one pickle) under a hash of each file's bytes.
    tomllib is pure Python: parsing the knowledge base took a tenth of a second of every
    start-up (0.14 s on the test machine), reading it back from the pickle a hundredth. `path`
    None keeps nothing; a file that cannot be read is parsed again, and written anew."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._stored: dict[str, tuple[str, dict[str, Any]]] = {}
        self._read: dict[str, tuple[str, dict[str, Any]]] = {}
        self._parsed = False  # whether a file was parsed (not found as stored)
        if path is not None and path.exists():
            try:
                with path.open("rb") as handle:
                    stored = load_data(handle)
                if not isinstance(stored, dict):
                    raise TypeError(f"{type(stored).__name__}, not a dictionary")
                self._stored = stored
            except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError) as error:
                log.warning("parsed files %s unreadable (%s): parsing again", path, error)

    def read(self, path: Path) -> dict[str, Any]:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise KnowledgeFileError(f"{path}: missing") from None
        digest = hashlib.sha256(raw).hexdigest()
        stored = self._stored.get(str(path))
        if stored is not None and stored[0] == digest:
            data = stored[1]
        else:
            try:
                data = tomllib.loads(raw.decode())
            except tomllib.TOMLDecodeError as error:
                raise KnowledgeFileError(f"{path}: {error}") from None
            self._parsed = True
        self._read[str(path)] = (digest, data)
        return data

    def save(self) -> None:
        """The files read since this was made (only those: a file gone is forgotten), written
        to a file of its own, then moved over the old one, as the analysis cache does."""
        if self.path is None or (not self._parsed and self._read.keys() == self._stored.keys()):
            return
        try:
            write_atomically(self.path, lambda file: pickle.dump(self._read, file, protocol=5))
        except OSError as error:
            log.warning("parsed files %s not written (%s)", self.path, error)


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
