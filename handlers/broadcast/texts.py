"""broadcast.texts"""

from collections.abc import Mapping
from dataclasses import fields

from bot.core.broadcast import Delivery, audience_label, delivery_state_label
from bot.core.models import Broadcast, BroadcastState, OutboxState
from bot.core.notices.broadcast import (
    AnnouncementItem,
    BroadcastReport,
    DigestSections,
    KnowledgeItem,
)
from bot.core.notices.cme import UpcomingEvent
from bot.core.notices.shifts import SwapSummary
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.render import esc
from handlers.shifts import notice_texts as shift_notice_texts


def delivery_counts(t: Translator, counts: Mapping[OutboxState, int]) -> str:
    """Delivered / waiting / unreachable / failed / cancelled, leaving out what is zero."""
    labels = [
        (OutboxState.SENT, t.gettext("delivered: {n}")),
        (OutboxState.PENDING, t.gettext("waiting: {n}")),
        (OutboxState.SENDING, t.gettext("being sent: {n}")),
        (OutboxState.UNREACHABLE, t.gettext("unreachable: {n}")),
        (OutboxState.FAILED, t.gettext("failed: {n}")),
        (OutboxState.CANCELLED, t.gettext("cancelled: {n}")),
    ]
    parts = [label.format(n=counts[key]) for key, label in labels if counts.get(key)]
    return ", ".join(parts) or t.gettext("no recipients")


def broadcast_report(t: Translator, report: BroadcastReport) -> str:
    lines = [
        t.gettext("<b>Your announcement has been sent.</b>"),
        delivery_counts(t, report.counts),
    ]
    if report.unreachable_names:
        lines.append(
            t.gettext("Unreachable (they blocked the bot): {names}").format(
                names=esc(", ".join(report.unreachable_names))
            )
        )
    return "\n".join(lines)


def digest(t: Translator, sections: DigestSections, kring: Kring) -> str:
    headings = {
        "announcements": t.gettext("Announcements"),
        "events": t.gettext("CME events with seats left"),
        "swaps": t.gettext("Swap requests you could take"),
        "knowledge": t.gettext("New or updated in the knowledge base"),
    }
    lines = [t.gettext("<b>Newsletter of {kring}</b>").format(kring=esc(kring.name))]
    for section in fields(sections):
        if items := getattr(sections, section.name):
            lines.append("")
            lines.append(f"<b>{headings[section.name]}</b>")
            lines += [digest_item(t, item) for item in items]
    return "\n".join(lines)


def digest_item(
    t: Translator, item: AnnouncementItem | UpcomingEvent | SwapSummary | KnowledgeItem
) -> str:
    if isinstance(item, AnnouncementItem):
        return "• {date}: {text}".format(date=t.date(item.at, "short"), text=esc(item.text))
    if isinstance(item, UpcomingEvent):
        seats = item.seats_left
        left = (
            ""
            if seats is None
            else " · " + t.ngettext("{n} seat left", "{n} seats left", seats).format(n=seats)
        )
        return "• {when}: {title}{left}".format(
            when=t.datetime(item.event.start_at, "short"),
            title=esc(item.event.title),
            left=left,
        )
    if isinstance(item, SwapSummary):
        return f"• {esc(item.requester)}: {shift_notice_texts.summary_line(t, item.shift)}"
    return f"• {esc(item.title)}"


def audience_name(t: Translator, key: str) -> str:
    return esc(audience_label(t, key))


def broadcast_ask_text(t: Translator) -> str:
    return t.gettext(
        "Send the text of the announcement, or a document with the text as its caption. "
        "/cancel stops."
    )


PREVIEW_TEXT_LIMIT = 3500  # the preview's own lines must fit in Telegram's 4096 characters too


def broadcast_preview(
    t: Translator, text: str, has_file: bool, audience: str, recipients: int, urgent: bool
) -> str:
    shortened = len(text) > PREVIEW_TEXT_LIMIT
    lines = [t.gettext("<b>Preview</b>"), "", esc(text[:PREVIEW_TEXT_LIMIT]) or "–"]
    if shortened:
        lines[-1] += "…"
        lines.append(t.gettext("(This preview shows the beginning; members get the whole text.)"))
    if has_file:
        lines.append(t.gettext("(with the document you sent)"))
    lines += [
        "",
        t.ngettext(
            "Audience: {audience} – {n} recipient",
            "Audience: {audience} – {n} recipients",
            recipients,
        ).format(audience=audience_name(t, audience), n=recipients),
        t.gettext("Urgent: sent at once, also during quiet hours.")
        if urgent
        else t.gettext("Normal: waits for members' quiet hours; at night it arrives silently."),
    ]
    return "\n".join(lines)


def broadcast_ask_when(t: Translator) -> str:
    return t.gettext("When should it be sent? For example 24/12/2026 08:00.")


def broadcast_aborted(t: Translator) -> str:
    return t.gettext("The announcement was not sent.")


def broadcast_progress(
    t: Translator, broadcast: Broadcast, counts: Mapping[OutboxState, int]
) -> str:
    state = broadcast.state
    if state is BroadcastState.SCHEDULED and broadcast.scheduled_at <= broadcast.created_at:
        state = BroadcastState.SENDING  # "now": the next tick starts it
    heading = {
        BroadcastState.SCHEDULED: t.gettext("<b>Announcement scheduled for {moment}.</b>"),
        BroadcastState.SENDING: t.gettext("<b>Announcement being sent.</b>"),
        BroadcastState.DONE: t.gettext("<b>Announcement sent.</b>"),
        BroadcastState.CANCELLED: t.gettext("<b>Announcement cancelled.</b>"),
    }[state].format(moment=t.datetime(broadcast.scheduled_at, "short"))
    lines = [heading, audience_name(t, broadcast.audience)]
    if counts:
        lines.append(delivery_counts(t, counts))
    return "\n".join(lines)


def delivery_header(t: Translator) -> list[str]:
    return [t.gettext("name"), t.gettext("state"), t.gettext("sent at"), t.gettext("error")]


def delivery_row(t: Translator, line: Delivery) -> list[str]:
    sent_at = t.datetime(line.sent_at, "file") if line.sent_at else ""
    return [line.name, delivery_state_label(t, line.state), sent_at, line.error or ""]


def delivery_caption(t: Translator, count: int) -> str:
    return t.ngettext(
        "Delivery report: {n} recipient, with the state of the message and when it was sent.",
        "Delivery report: {n} recipients, with the state of each message and when it was sent.",
        count,
    ).format(n=count)


def delivery_filename(t: Translator, broadcast_id: int) -> str:
    return t.gettext("announcement-{id}.csv").format(id=broadcast_id)
