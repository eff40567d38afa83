"""The audit log of what coordinators and staff did, as a CSV file in words (/export offers
it next to the roster changes)."""

from telegram import Message, Update

from bot.core.audit import AuditLine
from bot.core.csvfiles import write_table
from bot.i18n import Translator
from handlers.context import KringContext
from handlers.membership import audit_texts, texts

AUDIT_DAYS = 90


async def export_audit(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None and isinstance(query.message, Message)
    t = context.t
    lines = await context.services.audit.since(
        context.active_member, AUDIT_DAYS, audit_texts.SUBJECTS
    )
    await query.answer()
    await query.message.reply_document(
        write_table(audit_texts.header(t), [_row(t, line) for line in lines]),
        filename=audit_texts.filename(t),
        caption=audit_texts.caption(t, AUDIT_DAYS, len(lines)),
    )


def _row(t: Translator, line: AuditLine) -> list[object]:
    """When, who, what in words, whom or what it concerned, and the action as logged."""
    return [
        t.datetime(line.at, "file"),
        texts.member_name(t, line.actor) if line.actor else "",
        audit_texts.what(t, line),
        audit_texts.about(t, line),
        ":".join([line.action, *line.args]),
    ]
