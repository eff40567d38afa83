"""knowledge.texts"""

from collections.abc import Iterable

from bot.core.knowledge.model import Entry, Source
from bot.core.knowledge.service import InboxQuestion
from bot.core.models import (
    Question,
)
from bot.i18n import Translator
from handlers.render import esc


def ask_usage(t: Translator) -> str:
    return t.gettext(
        "Type your question after /ask, for example: /ask Do I need an LOK as a locum? "
        "You can also just send the question as a message."
    )


def knowledge_answer(t: Translator, entry: Entry, source: Source | None) -> str:
    return f"{esc(entry.answer)}\n\n<i>{source_line(t, entry, source)}</i>"


def source_line(t: Translator, entry: Entry, source: Source | None) -> str:
    if source is None:
        return t.gettext("Source: unknown")
    if entry.demo:
        return t.gettext("Source: {title} (demo value, to be filled in by the coordinator)").format(
            title=esc(source.title)
        )
    return document_source(t, source, entry.section)


def document_source(t: Translator, source: Source | None, section: str | None = None) -> str:
    if source is None:
        return t.gettext("Source: unknown")
    where = esc(source.title) + (f", {esc(section)}" if section else "")
    if source.revised is not None:
        return t.gettext("Source: {source} (revised {date})").format(
            source=where, date=t.date(source.revised, "long")
        )
    return t.gettext("Source: {source} (undated; consulted {date})").format(
        source=where, date=t.date(source.retrieved, "long") if source.retrieved else "–"
    )


def did_you_mean(t: Translator) -> str:
    return t.gettext("Did you mean one of these questions?")


def no_answer(t: Translator) -> str:
    return t.gettext(
        "I have no reliable answer to that in the kring's knowledge base (and I do not give "
        "medical advice). Shall I forward your question to the coordinator?"
    )


def thanks_for_rating(t: Translator, helpful: bool) -> str:
    if helpful:
        return t.gettext("Thank you!")
    return t.gettext("Thank you. You can forward the question to the coordinator.")


def forwarded(t: Translator) -> str:
    return t.gettext(
        "Your question has been forwarded to the coordinator. The answer will arrive here."
    )


def _asked(t: Translator, item: InboxQuestion) -> str:
    """Who asked and when, after the question."""
    asker = esc(item.asker) if item.asker else t.gettext("erased member")
    when = t.datetime(item.question.created_at, "short")
    return f"{esc(item.question.text)} <i>({asker}, {when})</i>"


def inbox(t: Translator, questions: Iterable[InboxQuestion]) -> str:
    questions = list(questions)
    waiting = [q for q in questions if q.question.open]
    weak = [q for q in questions if not q.question.open]
    if not questions:
        return t.gettext("The inbox is empty: no open questions.")
    lines: list[str] = []
    if waiting:
        lines.append(t.gettext("<b>Forwarded questions waiting for your reply</b>"))
        lines += [f"{number}. {_asked(t, q)}" for number, q in enumerate(waiting, start=1)]
    if weak:
        if lines:
            lines.append("")
        lines.append(t.gettext("<b>Questions the knowledge base answered badly or not at all</b>"))
        lines += [f"• {_asked(t, q)}" for q in weak]
    return "\n".join(lines)


def type_your_reply(t: Translator, question: Question) -> str:
    return t.gettext("Type your reply to this question (or /cancel):\n\n<i>{text}</i>").format(
        text=esc(question.text)
    )


def reply_sent(t: Translator) -> str:
    return t.gettext("Your reply has been sent.")


def reply_cancelled(t: Translator) -> str:
    return t.gettext("Cancelled: nothing was sent.")
