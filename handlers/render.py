"""The only place where translated text meets data.

Every function takes the reader's Translator, translates first and formats after, and escapes
everything that came from a person (names, zones, free text) because messages are sent as HTML.
"""

import html
import re

from bot.i18n import Translator

MESSAGE_LIMIT = 4096


_TAG = re.compile(r"<[^>]+>")


def esc(value: object) -> str:
    return html.escape(str(value), quote=False)


def plain(text: str) -> str:
    """HTML text as plain text, e.g. for a callback-query alert (which has no parse mode)."""
    return html.unescape(_TAG.sub("", text))


def split(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split a long text at line breaks into chunks Telegram accepts."""
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                chunks.append(current)
                current = ""
            chunks.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            current = line
        else:
            current = candidate
    if current or not chunks:
        chunks.append(current)
    return chunks


def slow_down(t: Translator) -> str:
    return t.gettext(
        "You are sending messages faster than I can answer. Please wait a minute and try again."
    )


def unexpected_error(t: Translator, reference: str) -> str:
    return t.gettext(
        "Sorry, something went wrong on our side. Please try again later. (reference {ref})"
    ).format(ref=esc(reference))


def unknown_command(t: Translator) -> str:
    return t.gettext("I do not know that command. Send /help to see what you can do.")


def nothing_to_cancel(t: Translator) -> str:
    return t.gettext("There is nothing to cancel. Send /help to see what you can do.")


def unsupported_message(t: Translator) -> str:
    return t.gettext("I can only read text messages here. Send /help to see what you can do.")
