"""Long texts in parts Telegram accepts: each part valid HTML within the limit, nothing lost."""

import pytest

from bot.emulator.formatting import render_text
from handlers.render import plain, split

QUOTED = (
    "<b>Antwoord</b>\n<i>" + "\n".join(f"vraag {n} &amp; &lt;{n}&gt;" for n in range(40)) + "</i>"
)
LINK = '<a href="https://kring.example/">' + "lange link " * 60 + "</a>"
BLANK_LINES = "\n\n" + "\n\n\n".join(f"alinea {n}" for n in range(50)) + "\n"


@pytest.mark.parametrize("text", [QUOTED, LINK, BLANK_LINES, "é" * 1000])
@pytest.mark.parametrize("limit", [100, 333])
def test_every_part_is_valid_html_within_the_limit_and_nothing_is_lost(
    text: str, limit: int
) -> None:
    parts = split(text, limit)
    assert len(parts) > 1
    shown = [render_text(part, "HTML")[0] for part in parts]  # as strict as Telegram
    assert all(len(part) <= limit for part in shown)
    assert _visible("".join(shown)) == _visible(plain(text))


def _visible(text: str) -> str:
    """The text without its white space (which Telegram trims at the ends of a message)."""
    return "".join(text.split())


def test_lines_stay_whole_when_they_fit_and_a_short_text_is_one_part() -> None:
    parts = split(QUOTED, 100)
    assert all(line in plain(QUOTED).splitlines() for p in parts for line in plain(p).splitlines())
    assert split("<b>kort</b>") == ["<b>kort</b>"]
