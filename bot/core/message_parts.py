"""Text as Telegram shows it: HTML escaping, and a long text in the parts Telegram accepts.

Pure text rules (no Telegram library), so the bot's messages (handlers.render) and the console's
preview of an announcement (bot.web.pages.announcements) cut a text at the same places.
"""

import html
import re

MESSAGE_LIMIT = 4096

_TAG = re.compile(r"<[^>]+>")


def esc(value: object) -> str:
    return html.escape(str(value), quote=False)


def plain(text: str) -> str:
    """HTML text as plain text, e.g. for a callback-query alert (which has no parse mode)."""
    return html.unescape(_TAG.sub("", text))


def split(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """An HTML text in parts Telegram accepts, each at most `limit` characters as the reader
    sees them (Telegram counts after parsing the HTML) and valid HTML on its own.

    Parts end at line breaks where a line fits, else at a space, never inside a tag or a
    character reference such as `&amp;`; a tag open where a part ends is closed there and
    opened again at the start of the next part, so a quoted question in italics stays in
    italics across two messages."""
    parts = _Parts(limit)
    for number, line in enumerate(text.split("\n")):
        parts.add_line(line, first=number == 0)
    return parts.finish() or [text]


# A tag, a character reference, a run of other characters, or a lone `<` or `&`.
_ATOM = re.compile(r"<[^>]*>|&#?\w+;|[^<&]+|[<&]")
_TAG_NAME = re.compile(r"</?\s*([\w-]+)")


class _Parts:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.done: list[str] = []
        self.pieces: list[str] = []  # of the part being filled
        self.width = 0  # characters of it the reader sees
        self.open: list[str] = []  # opening tags in effect at its end, outermost first

    def add_line(self, line: str, first: bool) -> None:
        if self.width and self.width + 1 + _width(line) > self.limit:
            self.cut()
        if not first and self.width:
            self._put("\n", 1)
        for atom in _ATOM.findall(line):
            self._add(atom)

    def _add(self, atom: str) -> None:
        if atom.startswith("<") and len(atom) > 1:
            self._tag(atom)
            return
        if atom.startswith("&"):
            if self.width + 1 > self.limit:
                self.cut()
            self._put(atom, 1)
            return
        while self.width + len(atom) > self.limit:  # a line longer than a part: cut at a space
            room = self.limit - self.width
            space = atom.rfind(" ", 0, room + 1)
            cut = space if space > 0 else room
            self._put(atom[:cut], cut)
            atom = atom[cut:].removeprefix(" ")
            self.cut()
        self._put(atom, len(atom))

    def _tag(self, tag: str) -> None:
        self.pieces.append(tag)
        if not tag.startswith("</"):
            self.open.append(tag)
        elif self.open:
            self.open.pop()

    def _put(self, piece: str, width: int) -> None:
        self.pieces.append(piece)
        self.width += width

    def cut(self) -> None:
        closing = "".join(f"</{_name(tag)}>" for tag in reversed(self.open))
        part = "".join(self.pieces) + closing
        if plain(part).strip():  # Telegram refuses a message without visible text
            self.done.append(part)
        self.pieces, self.width = list(self.open), 0

    def finish(self) -> list[str]:
        self.cut()
        return self.done


def _name(tag: str) -> str:
    found = _TAG_NAME.match(tag)
    return found.group(1) if found else ""


def _width(html_text: str) -> int:
    """How many characters of `html_text` the reader sees."""
    return len(plain(html_text))
