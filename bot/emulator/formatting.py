"""Text and caption validation shared by the sending and editing methods."""

import re
from typing import Any

from bot.emulator.errors import bad_request
from bot.emulator.html_check import HtmlError, parse_html, utf16_len

MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
PARSE_MODES = frozenset({"html", "markdown", "markdownv2"})

_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_@])")


def render(text: str, parse_mode: str | None) -> tuple[str, list[dict[str, Any]]]:
    """Return the plain text and entities Telegram derives from ``text``.

    Only HTML is parsed; Markdown text is passed through unchanged (not validated).
    """
    if not parse_mode:
        return text, []
    if parse_mode.lower() not in PARSE_MODES:
        raise bad_request("unsupported parse_mode")
    if parse_mode.lower() != "html":
        return text, []
    try:
        return parse_html(text)
    except HtmlError as exc:
        raise bad_request(f"can't parse entities: {exc}") from exc


def render_text(text: Any, parse_mode: str | None) -> tuple[str, list[dict[str, Any]]]:
    """Validate a message text (sendMessage, editMessageText)."""
    if not isinstance(text, str) or not text.strip():
        raise bad_request("message text is empty")
    plain, entities = render(text, parse_mode)
    if not plain.strip():
        raise bad_request("message text is empty")
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
