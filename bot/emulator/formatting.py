"""Text and caption validation shared by the sending and editing methods."""

import re
from functools import lru_cache
from typing import Any

from bot.emulator.errors import bad_request
from bot.emulator.html_check import HtmlError, parse_html, utf16_len

MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
PARSE_MODES = frozenset({"html", "markdown", "markdownv2"})

_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_@])")


MAX_RAW_TEXT_BYTES = 1 << 15


def render(text: str, parse_mode: str | None) -> tuple[str, list[dict[str, Any]]]:
    """Return the plain text and entities Telegram derives from ``text``.

    Only HTML is parsed; Markdown text is passed through unchanged (not validated).
    """
    if len(text.encode()) > MAX_RAW_TEXT_BYTES:
        raise bad_request("text is too long")
    if not parse_mode or not text or parse_mode.lower() == "none":
        return _trimmed(text, [])
    if parse_mode.lower() not in PARSE_MODES:
        raise bad_request("unsupported parse_mode")
    if parse_mode.lower() != "html":
        return _trimmed(text, [])
    try:
        return _trimmed(*_parsed(text))
    except HtmlError as exc:
        raise bad_request(f"can't parse entities: {exc}") from exc


@lru_cache(maxsize=256)
def _parsed(text: str) -> tuple[str, list[dict[str, Any]]]:
    """`parse_html`, once per text: a sent message is checked and then shown (two parses), and
    the same texts come again (a benchmark's /help). The emulator runs in the bot's process in
    tests and benchmarks, so its parsing was counted as the bot's time. Nothing changes the
    result: `_trimmed` copies the entities it adjusts."""
    return parse_html(text)


def _trimmed(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Telegram drops trailing whitespace, and spaces and newlines before the first entity."""
    text = text.rstrip()
    end = utf16_len(text)
    entities = [
        {**entity, "length": min(entity["length"], end - entity["offset"])}
        for entity in entities
        if entity["offset"] < end
    ]
    first = entities[0]["offset"] if entities else end
    cut = len(text[:first]) - len(text[:first].lstrip(" \n"))
    for entity in entities:
        entity["offset"] -= cut
    return text[cut:], entities


def render_text(text: Any, parse_mode: str | None) -> tuple[str, list[dict[str, Any]]]:
    """Validate a message text (sendMessage, editMessageText)."""
    if not isinstance(text, str) or not text:
        raise bad_request("message text is empty")
    plain, entities = render(text, parse_mode)
    if not plain.strip():
        raise bad_request("text must be non-empty")
    if len(plain) > MAX_TEXT_LENGTH:
        raise bad_request("message is too long")
    return plain, entities


def render_caption(caption: Any, parse_mode: str | None) -> tuple[str, list[dict[str, Any]]]:
    """Validate an optional media caption; an empty caption means no caption."""
    if not isinstance(caption, str) or not caption:
        return "", []
    plain, entities = render(caption, parse_mode)
    if len(plain) > MAX_CAPTION_LENGTH:
        raise bad_request("message caption is too long")
    return plain, entities


def command_entities(text: str) -> list[dict[str, Any]]:
    """The ``bot_command`` entity Telegram attaches to a text starting with a command.

    python-telegram-bot's CommandHandler only reacts to messages carrying this entity.
    """
    match = _COMMAND.match(text)
    if not match:
        return []
    return [{"type": "bot_command", "offset": 0, "length": utf16_len(match.group())}]
