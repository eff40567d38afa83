"""``parse_mode=HTML`` the way Telegram parses it (TDLib's ``parse_html``), not as a browser would.

Telegram is much stricter than an HTML parser: every ``<`` starts a tag, so a bare ``a < b`` is
refused ("Unsupported start tag"); only a fixed set of tags exists and they must nest; of the named
entities only ``&lt; &gt; &amp; &quot;`` are decoded (``&nbsp;`` stays as written), numeric ones
are. The error messages are TDLib's, byte offsets included. Parsing also yields the plain text and
the message entities Telegram returns for it.
"""

from dataclasses import dataclass
from typing import Any

SUPPORTED_TAGS = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "s",
        "strike",
        "del",
        "u",
        "ins",
        "tg-spoiler",
        "tg-emoji",
        "tg-time",
        "span",
        "pre",
        "code",
        "blockquote",
    }
)
_SIMPLE_ENTITIES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "u": "underline",
    "ins": "underline",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
}
_NAMED_ENTITIES = {b"lt": "<", b"gt": ">", b"amp": "&", b"quot": '"'}
_SPACES = frozenset(b" \t\r\n\v\0")  # TDLib's is_space; the end of the text reads as NUL
_LETTERS = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DIGITS = frozenset(b"0123456789")
_HEX_DIGITS = _DIGITS | frozenset(b"abcdefABCDEF")
_NAME_TOKEN = _LETTERS | _DIGITS | frozenset(b".-")
_ATTRIBUTE_NAME_END = frozenset(b"=>/\"'") | _SPACES
_SURROGATE_ERROR = (
    "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched "
    "surrogate code units"
)


class HtmlError(ValueError):
    """The text is not valid Telegram HTML; the message is Telegram's wording."""


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's entity offsets."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class _Open:
    tag: str
    argument: str
    utf16_offset: int
    byte_offset: int  # where its content starts in the output


class _Parser:
    def __init__(self, source: str) -> None:
        self.data = source.encode()
        self.out = bytearray()
        self.utf16 = 0
        self.open: list[_Open] = []
        self.entities: list[dict[str, Any]] = []

    def at(self, index: int) -> int:
        return self.data[index] if index < len(self.data) else 0

    def decode_entity(self, pos: int) -> tuple[str, int] | None:
        """The character of the entity at ``pos`` and where the text goes on, or None when
        Telegram keeps the ampersand as text."""
        end = pos + 1
        if self.at(end) == ord("#"):
            end += 1
            hexadecimal = self.at(end) == ord("x")
            end += hexadecimal
            digits = _HEX_DIGITS if hexadecimal else _DIGITS
            start = end
            while self.at(end) in digits:
                end += 1
            value = int(self.data[start:end], 16 if hexadecimal else 10) if end > start else 0
            if value == 0 or value >= 0x10FFFF or end - pos >= 10:
                return None
            character = chr(value)
        else:
            while self.at(end) in _LETTERS:
                end += 1
            named = _NAMED_ENTITIES.get(self.data[pos + 1 : end])
            if named is None:
                return None
            character = named
        if self.at(end) == ord(";"):
            end += 1
        return character, end

    def emit(self, character: str) -> None:
        if 0xD800 <= ord(character) <= 0xDFFF:
            raise HtmlError(_SURROGATE_ERROR)
        self.out += character.encode()
        self.utf16 += utf16_len(character)

    def parse(self) -> tuple[str, list[dict[str, Any]]]:
        i = 0
        while i < len(self.data):
            byte = self.data[i]
            if byte == ord("&") and (decoded := self.decode_entity(i)) is not None:
                self.emit(decoded[0])
                i = decoded[1]
            elif byte != ord("<"):
                if byte & 0xC0 != 0x80:  # the first byte of a character
                    self.utf16 += 2 if byte >= 0xF0 else 1
                self.out.append(byte)
                i += 1
            elif self.at(i + 1) == ord("/"):
                i = self.end_tag(i)
            else:
                i = self.start_tag(i)
        if self.open:
            raise HtmlError(f'Can\'t find end tag corresponding to start tag "{self.open[-1].tag}"')
        for entity in self.entities:
            if entity["type"] == "code":
                entity.pop("language", None)
        entities = sorted(self.entities, key=lambda e: (e["offset"], -e["length"]))
        return self.out.decode(), entities

    def _name(self, start: int, end: int) -> str:
        return self.data[start:end].decode(errors="replace").lower()

    def start_tag(self, begin: int) -> int:
        i = begin + 1
        while self.at(i) not in _SPACES and self.at(i) != ord(">"):
            i += 1
        if self.at(i) == 0:
            raise HtmlError(f"Unclosed start tag at byte offset {begin}")
        tag = self._name(begin + 1, i)
        if tag not in SUPPORTED_TAGS:
            raise HtmlError(f'Unsupported start tag "{tag}" at byte offset {begin}')
        argument = ""
        while self.at(i) != ord(">"):
            i, name, value = self.attribute(i, tag, begin)
            if name is None:
                break
            argument = _argument(tag, name, value, argument)
        if tag == "span" and argument != "spoiler":
            raise HtmlError(f'Tag "span" must have class "tg-spoiler" at byte offset {begin}')
        self.open.append(_Open(tag, argument, self.utf16, len(self.out)))
        return i + 1

    def attribute(self, i: int, tag: str, begin: int) -> tuple[int, str | None, str | None]:
        """Read one attribute: (position after it, name, value); name None at the tag's end,
        value None for an attribute without one."""
        while self.at(i) != 0 and self.at(i) in _SPACES:
            i += 1
        if self.at(i) == ord(">"):
            return i, None, None
        name_start = i
        while self.at(i) not in _ATTRIBUTE_NAME_END:
            i += 1
        name = self.data[name_start:i].decode(errors="replace")
        if not name:
            raise HtmlError(f'Empty attribute name in the tag "{tag}" at byte offset {begin}')
        while self.at(i) != 0 and self.at(i) in _SPACES:
            i += 1
        if self.at(i) != ord("="):
            if self.at(i) == 0:
                raise HtmlError(f'Unclosed start tag "{tag}" at byte offset {begin}')
            return i, name, None
        i += 1
        while self.at(i) != 0 and self.at(i) in _SPACES:
            i += 1
        if self.at(i) == 0:
            raise HtmlError(f'Unclosed start tag "{tag}" at byte offset {begin}')
        if self.at(i) in b"'\"":
            i, value = self.quoted(i)
        else:
            token_start = i
            while self.at(i) in _NAME_TOKEN:
                i += 1
            value = self._name(token_start, i)
            if self.at(i) not in _SPACES and self.at(i) != ord(">"):
                raise HtmlError(f"Unexpected end of name token at byte offset {token_start}")
        if self.at(i) == 0:
            raise HtmlError(f"Unclosed start tag at byte offset {begin}")
        return i, name, value

    def quoted(self, i: int) -> tuple[int, str]:
        quote = self.at(i)
        i += 1
        value = bytearray()
        while self.at(i) != quote and self.at(i) != 0:
            if self.at(i) == ord("&") and (decoded := self.decode_entity(i)) is not None:
                value += decoded[0].encode()
                i = decoded[1]
                continue
            value.append(self.at(i))
            i += 1
        if self.at(i) == quote:
            i += 1
        return i, value.decode(errors="replace")

    def end_tag(self, begin: int) -> int:
        if not self.open:
            raise HtmlError(f"Unexpected end tag at byte offset {begin}")
        i = begin + 2
        while self.at(i) not in _SPACES and self.at(i) != ord(">"):
            i += 1
        name = self._name(begin + 2, i)
        while self.at(i) != 0 and self.at(i) in _SPACES:
            i += 1
        if self.at(i) != ord(">"):
            raise HtmlError(f"Unclosed end tag at byte offset {begin}")
        opened = self.open[-1]
        if name and name != opened.tag:
            raise HtmlError(
                f"Unmatched end tag at byte offset {begin}, "
                f'expected "</{opened.tag}>", found "</{name}>"'
            )
        if self.utf16 > opened.utf16_offset:
            self.add_entity(opened)
        self.open.pop()
        return i + 1

    def add_entity(self, opened: _Open) -> None:
        offset, length = opened.utf16_offset, self.utf16 - opened.utf16_offset
        entity: dict[str, Any] = {"type": "", "offset": offset, "length": length}
        last = self.entities[-1] if self.entities else None
        same_span = last is not None and (last["offset"], last["length"]) == (offset, length)
        tag = opened.tag
        if tag in _SIMPLE_ENTITIES:
            entity["type"] = _SIMPLE_ENTITIES[tag]
        elif tag == "tg-emoji":
            if not opened.argument.isdigit() or int(opened.argument) == 0:
                raise HtmlError("Invalid custom emoji identifier specified")
            entity.update(type="custom_emoji", custom_emoji_id=opened.argument)
        elif tag == "tg-time":
            return  # a formatted date; the bot does not send any
        elif tag == "a":
            url = opened.argument or self.out[opened.byte_offset :].decode()
            if not url:
                return
            entity.update(type="text_link", url=url)
        elif tag == "pre" and same_span and last is not None and last.get("language"):
            last["type"] = "pre"  # <code class="language-x"><pre>: one pre with a language
            return
        elif tag == "code" and same_span and last is not None and last["type"] == "pre":
            if opened.argument:
                last["language"] = opened.argument
            else:
                entity["type"] = "code"
                self.entities.append(entity)
            return
        elif tag in ("pre", "code"):
            entity["type"] = tag
            if tag == "code" and opened.argument:
                entity["language"] = opened.argument  # dropped unless a pre takes it
        else:  # blockquote
            entity["type"] = "expandable_blockquote" if opened.argument else "blockquote"
        self.entities.append(entity)


def _argument(tag: str, name: str, value: str | None, current: str) -> str:
    """The one attribute Telegram reads from each tag (href, language, spoiler class …)."""
    if tag == "blockquote" and name == "expandable":
        return "1"
    if value is None:
        return current
    if tag == "a" and name == "href":
        return value
    if tag == "code" and name == "class" and value.startswith("language-"):
        return value.removeprefix("language-")
    if tag == "span" and name == "class" and value.startswith("tg-"):
        return value.removeprefix("tg-")
    if tag == "tg-emoji" and name == "emoji-id":
        return value
    if tag == "tg-time" and name == "format":
        return value
    return current


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Return the plain text and the entities of Telegram HTML ``source``.

    Raises:
        HtmlError: Telegram refuses the text; the message is TDLib's.
    """
    return _Parser(source).parse()
