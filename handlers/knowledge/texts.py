"""knowledge.texts"""

from collections.abc import Iterable
from dataclasses import replace

from bot.core.knowledge import teaching
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
    if source.key == teaching.SOURCE and entry.reviewed is not None:
        # The kring's own information is as recent as the entry (one added from /inbox today).
        source = replace(source, revised=entry.reviewed)
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


def draft_entry(t: Translator, draft: teaching.Draft, source: Source | None) -> str:
    """The entry to be added, as the coordinator checks it before confirming."""
    entry = Entry(
        id="",
        language=draft.language,
        questions=tuple(draft.questions),
        answer=draft.answer,
        source=teaching.SOURCE,
        reviewed=draft.reviewed,
    )
    lines = [
        t.gettext("<b>New entry for the knowledge base</b>: check it, then confirm."),
        "",
        t.gettext("<b>Questions</b> (members who ask something like this get the answer):"),
        *(f"• {esc(question)}" for question in draft.questions),
        "",
        t.gettext("<b>Answer</b>:"),
        esc(draft.answer),
        "",
        f"<i>{source_line(t, entry, source)}</i>",
    ]
    return "\n".join(lines)


def type_questions(t: Translator) -> str:
    return t.gettext(
        "Type the questions as members would ask them, one per line (or /cancel). The "
        "member's question stays the first one unless you type it again."
    )


def type_answer(t: Translator) -> str:
    return t.gettext("Type the answer as members should read it (or /cancel).")


def entry_added(t: Translator, added: bool) -> str:
    if not added:
        return t.gettext("This question is in the knowledge base already; nothing was changed.")
    return t.gettext(
        "Added to the knowledge base: members who ask this get the answer from now on."
    )


def teaching_cancelled(t: Translator) -> str:
    return t.gettext("Cancelled: nothing was added to the knowledge base.")


def invalid_entry(t: Translator) -> str:
    return t.gettext(
        "Nothing was changed: type at least one question of at most {question} characters "
        "each (at most {count} questions), or an answer of at most {answer} characters."
    ).format(
        question=teaching.PHRASING_MAX_LENGTH,
        count=teaching.PHRASINGS_MAX,
        answer=teaching.ANSWER_MAX_LENGTH,
    )


def frequent(t: Translator, questions: Iterable[teaching.FrequentQuestion]) -> str:
    lines = [f"{item.count}× {esc(item.text)}" for item in questions]
    if not lines:
        return t.gettext("No declined or 👎 questions: nothing to add to the knowledge base now.")
    header = t.gettext(
        "<b>Asked most often without a good answer</b> (declined, or 👎), the most frequent "
        "first. Reply to one that is forwarded to you, then add it to the knowledge base."
    )
    return "\n".join([header, "", *lines])
