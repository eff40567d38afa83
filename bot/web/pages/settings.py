"""My settings: the same choices as /settings (language, newsletter digest, quiet hours, the
announcements of new CME events, the shift reminder) and the calendar subscription (show, renew,
stop), through the same services; the chat's summary of the settings stays on top."""

from datetime import time

from starlette.requests import Request
from starlette.responses import Response

from bot.core.audience import Audience
from bot.core.errors import DomainError
from bot.core.models import LANGUAGES, DigestFrequency, Member
from bot.core.roster import ON_CALL_ROLES, REMINDER_CHOICES
from bot.i18n import LANGUAGE_NAMES
from bot.web.console import Page, Viewer
from bot.web.pages.forms import BadChoice, chat_of, number, refusal_text, required

NO_QUIET = "none"


async def my_settings(request: Request, viewer: Viewer) -> Response:
    if request.method == "GET":
        return _show(viewer, notice=_notice(viewer, request.query_params.get("done", "")))
    action = viewer.form.get("action", "")
    try:
        if action == "save":
            return await _save(viewer)
        if action in ("feed", "renew"):
            return await _feed(viewer, renew=action == "renew")
        if action == "stop":
            await viewer.services.feeds.revoke(viewer.member)
            return viewer.redirect("/settings", done="stopped")
        raise BadChoice(action)
    except (BadChoice, DomainError) as refused:
        return _show(viewer, error=refusal_text(viewer, refused))


def _show(viewer: Viewer, *, notice: str = "", error: str = "", feed: str = "") -> Response:
    t, chat, member = viewer.t, chat_of(viewer), viewer.member
    quiet = (member.quiet_from, member.quiet_until)
    return viewer.page(
        "settings.html",
        t.gettext("My settings"),
        status=400 if error else 200,
        summary=chat.settings_text(t, member),
        me=member,
        languages=[(code, LANGUAGE_NAMES[code]) for code in LANGUAGES],
        digests=[(often.value, chat.digest_name(t, often)) for often in DigestFrequency],
        quiet_hours=[(f"{a}-{b}", chat.quiet_name(a, b)) for a, b in chat.quiet_choices],
        quiet_now=f"{quiet[0].hour}-{quiet[1].hour}" if quiet[0] and quiet[1] else NO_QUIET,
        no_quiet=NO_QUIET,
        reminders=[(hours, chat.reminder_name(t, hours)) for hours in _reminders(member)],
        notice=notice,
        error=error,
        feed=feed,
    )


async def _save(viewer: Viewer) -> Response:
    """Every field is read first, so a bad one changes nothing; then what differs is saved
    with the service the chat's button for it uses."""
    form, member, services = viewer.form, viewer.member, viewer.services
    language = form.get("language", "")
    if language not in LANGUAGES:
        raise BadChoice("language")
    digest = required(DigestFrequency, form.get("digest"))
    quiet = _quiet(viewer, form.get("quiet", ""))
    announce = {"on": True, "off": False}.get(form.get("cme", ""))
    if announce is None:
        raise BadChoice("cme")
    reminder = number(form.get("reminder")) if _reminders(member) else None
    if _reminders(member) and reminder not in REMINDER_CHOICES:
        raise BadChoice("reminder")
    me = member.telegram_id or 0
    if digest is not member.digest:
        await services.membership.set_digest(me, digest)
    if quiet != (member.quiet_from, member.quiet_until):
        await services.membership.set_quiet_hours(me, *quiet)
    if announce is not member.cme_announcements:
        await services.membership.set_cme_announcements(me, announce)
    if reminder is not None and reminder != member.shift_reminder_hours:
        await services.roster.set_reminder(member, reminder)
    if language != member.language:
        changed = await services.membership.set_language(me, language)
        await chat_of(viewer).menu_follows(changed)  # the menu in the new language, as /language
    return viewer.redirect("/settings", done="saved")


async def _feed(viewer: Viewer, *, renew: bool) -> Response:
    """The calendar address, shown on this answer only (it is the secret: never in a link)."""
    feeds = viewer.services.feeds
    feed = await (feeds.renew if renew else feeds.for_member)(viewer.member)
    text = chat_of(viewer).feed_text(viewer.t, viewer.services.kring, feed)
    notice = chat_of(viewer).feed_renewed(viewer.t) if renew else ""
    return _show(viewer, feed=text, notice=notice)


def _quiet(viewer: Viewer, chosen: str) -> tuple[time | None, time | None]:
    if chosen == NO_QUIET:
        return None, None
    for start, end in chat_of(viewer).quiet_choices:
        if chosen == f"{start}-{end}":
            return time(start), time(end)
    raise BadChoice("quiet")


def _reminders(member: Member) -> tuple[int, ...]:
    """The shift reminder is for members on call (as /settings offers it)."""
    return REMINDER_CHOICES if member.role in ON_CALL_ROLES else ()


def _notice(viewer: Viewer, done: str) -> str:
    if done == "stopped":
        return chat_of(viewer).feed_revoked(viewer.t)
    return viewer.t.gettext("Your settings are saved.") if done == "saved" else ""


PAGES = [
    Page(
        "/settings",
        Audience.MEMBER,
        my_settings,
        ("GET", "POST"),
        nav=lambda t: t.gettext("My settings"),
    )
]
