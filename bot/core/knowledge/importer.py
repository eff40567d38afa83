"""`kringbot kb import`: a document whose headings are questions becomes draft entries.

Markdown headings (`#`, `##` …) are questions; in plain text, a line of its own that ends with a
question mark is one. The text up to the next question is the draft answer. Drafts carry no
review date, so `kb lint` keeps reminding the coordinator until each one has been checked.
"""

import json
import re
import unicodedata
from dataclasses import dataclass

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<title>.+?)\s*#*\s*$")


@dataclass(frozen=True)
class Draft:
    id: str
    question: str
    answer: str


def drafts_from_document(text: str, prefix: str = "kring") -> list[Draft]:
    drafts: list[Draft] = []
    question: str | None = None
    body: list[str] = []
    used: set[str] = set()

    def close() -> None:
        if question is not None:
            answer = "\n".join(body).strip()
            drafts.append(Draft(_unique_id(prefix, question, used), question, answer))

    for line in text.splitlines():
        heading = _HEADING.match(line)
        title = heading["title"] if heading else None
        if title is None and line.strip().endswith("?") and not line.startswith((" ", "-", "*")):
            title = line.strip()
        if title is not None:
            close()
            question, body = title, []
        elif question is not None:
            body.append(line)
    close()
    return drafts


def _unique_id(prefix: str, question: str, used: set[str]) -> str:
    folded = unicodedata.normalize("NFKD", question.lower())
    ascii_words = re.findall(r"[a-z0-9]+", folded.encode("ascii", "ignore").decode())
    base = "-".join([prefix, *ascii_words[:6]])
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    used.add(candidate)
    return candidate


def drafts_as_toml(drafts: list[Draft], source: str = "kring") -> str:
    """TOML in the knowledge base format. JSON string escapes are valid TOML basic strings."""
    blocks = [
        "# Draft entries from `kringbot kb import`: rewrite each answer in your own words, add\n"
        "# phrasings, set `reviewed`, and move the entries into knowledge/<language>/kring.toml."
    ]
    for draft in drafts:
        blocks.append(
            "[[entries]]\n"
            f"id = {_string(draft.id)}\n"
            f"source = {_string(source)}\n"
            f"questions = [{_string(draft.question)}]\n"
            f"answer = {_string(draft.answer)}\n"
        )
    return "\n\n".join(blocks) + "\n"


def _string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)
