"""The coordinator's announcements: compose one (the audiences and rules of /broadcast), see
what members will receive before sending it into the same outbox, the history, and the delivery
report of each.

Preview and send are both POSTs of the same form: the text is not put in an address (it may
name people), and the preview is checked exactly as sending is.
"""

from dataclasses import dataclass

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import Response

from bot.core.broadcast import (
    BROADCASTERS,
    announcement_parts,
    audience_label,
    checked_text,
    delivery_state_label,
    invalid_broadcast_text,
)
from bot.core.errors import BroadcastClosed, BroadcastReason, InvalidBroadcast
from bot.core.models import BroadcastState, OutboxState
from bot.i18n import Translator
from bot.web.console import Page, Viewer

# The delivery report's lines, in the order the chat's progress message names them.
REPORTED = (
    OutboxState.SENT,
    OutboxState.PENDING,
    OutboxState.SENDING,
    OutboxState.UNREACHABLE,
    OutboxState.FAILED,
    OutboxState.CANCELLED,
)


@dataclass(frozen=True)
class Draft:
    """The form as the coordinator filled it in."""

    text: str = ""
    audience: str = "all"
    urgent: bool = False

    @classmethod
    def of(cls, form: dict[str, str]) -> "Draft":
        return cls(form.get("text", ""), form.get("audience", ""), form.get("urgent") == "1")


async def announcements(request: Request, viewer: Viewer) -> Response:
    if request.method == "POST":
        return await _submitted(viewer, Draft.of(viewer.form))
    return await _compose(viewer, Draft())


async def _submitted(viewer: Viewer, draft: Draft) -> Response:
    """Preview (`action=preview`) or send the draft; a draft that cannot be sent is shown
    again with the reason, and nothing is sent."""
    broadcasts = viewer.services.broadcasts
    try:
        text = checked_text(draft.text, has_file=False)
        if draft.audience not in dict(await broadcasts.audiences()):
            raise InvalidBroadcast(BroadcastReason.AUDIENCE)
        if viewer.form.get("action") != "send":
            return await _compose(viewer, draft, preview=text)
        broadcast = await broadcasts.create(
            viewer.member, text, draft.audience, urgent=draft.urgent
        )
    except InvalidBroadcast as error:
        problem = invalid_broadcast_text(viewer.t, error.reason)
        return await _compose(viewer, draft, error=problem, status=400)
    return viewer.redirect(f"/announcements/{broadcast.id}", done="sent")


async def _compose(
    viewer: Viewer,
    draft: Draft,
    *,
    preview: str | None = None,
    error: str = "",
    status: int = 200,
) -> Response:
    broadcasts = viewer.services.broadcasts
    t = viewer.t
    choices = [(key, audience_label(t, key, title)) for key, title in await broadcasts.audiences()]
    kring = viewer.services.kring.name
    # Our own escaped HTML (bold kring name, escaped text): shown as Telegram shows it.
    messages = [Markup(part) for part in announcement_parts(kring, preview)] if preview else []
    recipients = await broadcasts.count(draft.audience) if preview else 0
    history = await broadcasts.history(viewer.member)
    return viewer.page(
        "announcements.html",
        t.gettext("Announcements"),
        status,
        draft=draft,
        choices=choices,
        messages=messages,
        recipients=recipients,
        history=history,
        audience_label=lambda key: audience_label(t, key),
        state_label=lambda state: _state_label(t, state),
        error=error,
    )


async def report(request: Request, viewer: Viewer) -> Response:
    """One announcement: its text, audience and the delivery figures, then each recipient."""
    t = viewer.t
    broadcast_id = int(request.path_params["broadcast_id"])
    broadcasts = viewer.services.broadcasts
    try:
        progress = await broadcasts.progress(viewer.member, broadcast_id)
        deliveries = await broadcasts.deliveries(viewer.member, broadcast_id)
    except BroadcastClosed:
        return viewer.refuse(t.gettext("This announcement does not exist."), 404)
    sent = t.gettext("Your announcement is being sent.")
    return viewer.page(
        "announcement.html",
        t.gettext("Announcement of {date}").format(
            date=t.datetime(progress.broadcast.created_at, "short")
        ),
        progress=progress,
        audience=audience_label(t, progress.broadcast.audience),
        state=_state_label(t, progress.broadcast.state),
        figures=[(delivery_state_label(t, s), progress.counts.get(s, 0)) for s in REPORTED],
        deliveries=[(line, delivery_state_label(t, line.state)) for line in deliveries],
        notice=sent if "done" in request.query_params else "",
    )


def _state_label(t: Translator, state: BroadcastState) -> str:
    return {
        BroadcastState.SCHEDULED: t.gettext("scheduled"),
        BroadcastState.SENDING: t.gettext("being sent"),
        BroadcastState.DONE: t.gettext("sent"),
        BroadcastState.CANCELLED: t.gettext("cancelled"),
    }[state]


PAGES = [
    Page(
        "/announcements",
        BROADCASTERS,
        announcements,
        ("GET", "POST"),
        nav=lambda t: t.gettext("Announcements"),
    ),
    Page("/announcements/{broadcast_id:int}", BROADCASTERS, report),
]
