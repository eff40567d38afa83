"""Validation of ``parse_mode=HTML`` text the way Telegram parses it.

Only Telegram's tags are allowed and they must be properly nested and closed; anything else is
answered with "can't parse entities", worded like the real server. Parsing also yields the
plain text and the message entities Telegram would return for it.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

ENTITY_TYPES = {
    "a": "text_link",
    "b": "bold",
    "blockquote": "blockquote",
    "code": "code",
    "del": "strikethrough",
    "em": "italic",
    "i": "italic",
    "ins": "underline",
    "pre": "pre",
    "s": "strikethrough",
    "span": "spoiler",
    "strike": "strikethrough",
    "strong": "bold",
    "tg-emoji": "custom_emoji",
    "tg-spoiler": "spoiler",
    "u": "underline",
}


class HtmlError(ValueError):
    """The text is not valid Telegram HTML; the message is Telegram's wording."""


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's entity offsets."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class _OpenTag:
    tag: str
    offset: int
    attrs: dict[str, str | None]
    pre_language: str | None = field(default=None)


class _TelegramHtmlParser(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self._source = source
        self._line_starts = [0]
        for index, char in enumerate(source):
            if char == "\n":
                self._line_starts.append(index + 1)
        self._open: list[_OpenTag] = []
        self._offset = 0
        self.parts: list[str] = []
        self.entities: list[dict[str, Any]] = []

    def _byte_offset(self) -> int:
        line, column = self.getpos()
        index = self._line_starts[line - 1] + column
        return len(self._source[:index].encode())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ENTITY_TYPES:
            raise HtmlError(f'Unsupported start tag "{tag}" at byte offset {self._byte_offset()}')
        attributes = dict(attrs)
        if tag == "span" and attributes.get("class") != "tg-spoiler":
            raise HtmlError(
                f'Tag "span" must have class "tg-spoiler" at byte offset {self._byte_offset()}'
            )
        self._open.append(_OpenTag(tag, self._offset, attributes))

    def handle_endtag(self, tag: str) -> None:
        if not self._open:
            raise HtmlError(f"Unexpected end tag at byte offset {self._byte_offset()}")
        opened = self._open.pop()
        if opened.tag != tag:
            raise HtmlError(
                f"Unmatched end tag at byte offset {self._byte_offset()}, "
                f'expected "</{opened.tag}>", found "</{tag}>"'
            )
        length = self._offset - opened.offset
        if tag == "code" and self._open and self._open[-1].tag == "pre":
            # <pre><code class="language-x"> is one pre entity with a language, not two.
            css_class = opened.attrs.get("class") or ""
            if css_class.startswith("language-"):
                self._open[-1].pre_language = css_class.removeprefix("language-")
            return
        if length > 0:
            self._add_entity(opened, length)

    def _add_entity(self, opened: _OpenTag, length: int) -> None:
        entity: dict[str, Any] = {
            "type": ENTITY_TYPES[opened.tag],
            "offset": opened.offset,
            "length": length,
        }
        if opened.tag == "a":
            href = opened.attrs.get("href")
            if not href:
                return
            entity["url"] = href
        elif opened.tag == "tg-emoji":
            entity["custom_emoji_id"] = opened.attrs.get("emoji-id") or ""
        elif opened.tag == "pre" and opened.pre_language:
            entity["language"] = opened.pre_language
        elif opened.tag == "blockquote" and "expandable" in opened.attrs:
            entity["type"] = "expandable_blockquote"
        self.entities.append(entity)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
        self._offset += utf16_len(data)

    def close(self) -> None:
        super().close()
        if self._open:
            raise HtmlError(
                f'Can\'t find end tag corresponding to start tag "{self._open[-1].tag}"'
            )


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Return the plain text and the entities of Telegram HTML ``source``.

    Raises:
        HtmlError: the text uses a tag Telegram does not support or tags are not balanced.
    """
    parser = _TelegramHtmlParser(source)
    parser.feed(source)
    parser.close()
    entities = sorted(parser.entities, key=lambda e: (e["offset"], -e["length"]))
    return "".join(parser.parts), entities
