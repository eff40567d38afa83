"""/export: the coordinator's files. The roster changes of a month (for the roster tool and
Medega); the audit log of what coordinators and staff did (handlers.membership.oversight)."""

from datetime import date, datetime

from telegram import Message, Update

from bot.core.csvfiles import write_table
from bot.core.swap_views import Change
from bot.i18n import Translator
from handlers import keyboards
from handlers.context import KringContext
from handlers.shifts import buttons, roster_texts, texts


async def choose_export(update: Update, context: KringContext) -> None:
    assert update.effective_message is not None
    today = (
        context.services.clock.now().astimezone(context.services.kring.zone).date().replace(day=1)
    )
    months = [_add_months(today, offset) for offset in (-1, 0, 1)]
    await update.effective_message.reply_text(
        roster_texts.export_choose(context.t), reply_markup=buttons.exports(context.t, months)
    )


async def export_swaps(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    (month,) = keyboards.args(query.data, _month)
    zone = context.services.kring.zone
    start = datetime.combine(month, datetime.min.time(), zone)
    end = datetime.combine(_add_months(month, 1), datetime.min.time(), zone)
    changes = await context.services.swaps.changes(context.active_member, start, end)
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.reply_document(
        write_table(
            roster_texts.swaps_export_header(context.t),
            [_export_row(context.t, c) for c in changes],
        ),
        filename=roster_texts.swaps_export_filename(context.t, month),
        caption=roster_texts.swaps_export_caption(context.t, month, len(changes)),
    )


def _export_row(t: Translator, change: Change) -> list[object]:
    shift, request = change.shift, change.request
    return [
        t.datetime(shift.start_at, "file"),
        t.datetime(shift.end_at, "file"),
        shift.zone,
        shift.post,
        change.before.name,
        change.before.riziv,
        change.after.name,
        change.after.riziv,
        texts.swap_kind_name(t, request.kind),
        t.datetime(request.decided_at, "file") if request.decided_at else "",
    ]


def _month(text: str) -> date:
    return datetime.strptime(text, "%Y-%m").date()


def _add_months(month: date, offset: int) -> date:
    index = month.year * 12 + month.month - 1 + offset
    return date(index // 12, index % 12 + 1, 1)
