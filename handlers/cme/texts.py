"""cme.texts"""

from collections.abc import Iterable
from datetime import datetime

from bot.cme_texts import (
    audience_name,
    cme_refusal,
    event_kind,
    event_when,
    rubric_name,
    shift_clash,
)
from bot.core.cme import Credits, EventView
from bot.core.models import (
    Event,
    Registration,
    Rubric,
)
from bot.core.notices.cme import EventSummary
from bot.i18n import Translator
from handlers.render import esc

__all__ = [
    "audience_name",
    "cme_refusal",
    "event_kind",
    "event_when",
    "rubric_name",
    "shift_clash",
]


def _event_lines(t: Translator, event: Event) -> list[str]:
    lines = [
        f"<b>{esc(event.title)}</b> ({event_kind(t, event.kind)})",
        event_when(t, event.start_at, event.end_at)
        + (f" · {esc(event.location)}" if event.location else ""),
    ]
    if event.speaker:
        lines.append(t.gettext("Speaker: {speaker}").format(speaker=esc(event.speaker)))
    if event.points:
        lines.append(
            t.ngettext(
                "{points} accreditation point ({rubric})",
                "{points} accreditation points ({rubric})",
                event.points,
            ).format(points=event.points, rubric=esc(rubric_name(t, event.rubric)))
        )
    if event.description:
        lines.append(esc(event.description))
    return lines


def _seats(t: Translator, view: EventView) -> str:
    if view.mine is not None and view.position is not None:
        return t.gettext("You are number {position} on the waiting list.").format(
            position=view.position
        )
    if view.mine is not None:
        return t.gettext("✅ You are registered.")
    if view.seats_left is None:
        return t.gettext("Registration until {deadline}.").format(
            deadline=event_when(t, view.event.deadline_at)
        )
    if view.seats_left == 0:
        return t.gettext("Full: you can join the waiting list.")
    return t.ngettext(
        "{seats} seat left, registration until {deadline}.",
        "{seats} seats left, registration until {deadline}.",
        view.seats_left,
    ).format(seats=view.seats_left, deadline=event_when(t, view.event.deadline_at))


def cme_events(t: Translator, views: Iterable[EventView]) -> str:
    blocks = [
        "\n".join([f"{n}. " + _event_lines(t, v.event)[0], *_event_lines(t, v.event)[1:]])
        + "\n"
        + _seats(t, v)
        for n, v in enumerate(views, start=1)
    ]
    if not blocks:
        return t.gettext("There are no upcoming events for you at the moment.")
    return t.gettext("<b>Upcoming CME events</b>") + "\n\n" + "\n\n".join(blocks)


def cme_registered(t: Translator, view: EventView) -> str:
    return registered(t, view.event.title, view.event.start_at, view.position)


def registered(t: Translator, title: str, start_at: datetime, position: int | None) -> str:
    """A seat (the calendar file comes with it), or the place on the waiting list."""
    if position is not None:
        return t.gettext(
            "{title} is full. You are number {position} on the waiting list; when a seat "
            "frees up you will be asked to confirm."
        ).format(title=esc(title), position=position)
    return t.gettext(
        "You are registered for {title} ({when}). Add it to your calendar with the file "
        "above; you will get a reminder the day before."
    ).format(title=esc(title), when=event_when(t, start_at))


def hour_reminder_set(t: Translator) -> str:
    return t.gettext("You will also get a reminder an hour before the start.")


def cme_unregistered(t: Translator, event: Event | EventSummary) -> str:
    return t.gettext("You are no longer registered for {title}.").format(title=esc(event.title))


def cme_confirm_unregister(t: Translator, event: Event) -> str:
    return t.gettext(
        "Do you want to unregister from {title} ({when})? Your seat may go to someone else."
    ).format(title=esc(event.title), when=event_when(t, event.start_at))


def calendar_caption(t: Translator, event: Event) -> str:
    return t.gettext("{title} in your calendar: open this file.").format(title=esc(event.title))


def calendar_removal(t: Translator) -> str:
    return t.gettext("Open the attached file to remove it from your calendar.")


def cme_confirmed(t: Translator, event: Event) -> str:
    return t.gettext("Your seat for {title} is confirmed. See you on {when}!").format(
        title=esc(event.title), when=event_when(t, event.start_at)
    )


def cme_declined(t: Translator, event: Event) -> str:
    return t.gettext("You gave up your seat for {title}; it goes to the next on the list.").format(
        title=esc(event.title)
    )


def checked_in(t: Translator, event: Event, registration: Registration) -> str:
    text = t.gettext("Welcome! You are checked in for {title}.").format(title=esc(event.title))
    if registration.walk_in:
        text += " " + t.gettext("You were not registered, so you were added as a walk-in.")
    return text


def _progress(done: int, target: int) -> str:
    """A bar of ten blocks, full at the target."""
    full = min(done * 10 // target, 10) if target else 10
    return "▰" * full + "▱" * (10 - full)


def credits(t: Translator, summary: Credits) -> str:
    lines = [t.gettext("<b>Your accreditation points in {year}</b>").format(year=summary.year)]
    lines += [
        f"{esc(rubric_name(t, rubric))}: {points} CP" for rubric, points in summary.points.items()
    ]
    ethics = summary.points[Rubric.ETHICS]
    lines += [
        "",
        esc(
            t.gettext("Target: {target} CP a year, of which {ethics} in ethics & economics.")
        ).format(target=summary.target, ethics=summary.ethics_target),
        f"{_progress(summary.total, summary.target)} "
        + t.gettext("{done} of {target} CP").format(done=summary.total, target=summary.target),
        f"{_progress(ethics, summary.ethics_target)} "
        + esc(t.gettext("{done} of {target} CP in ethics & economics")).format(
            done=ethics, target=summary.ethics_target
        ),
    ]
    if summary.lok_minimum is not None:
        lines.append(
            t.gettext("LOK sessions attended: {count} of the yearly minimum of {minimum}.").format(
                count=summary.lok_sessions, minimum=summary.lok_minimum
            )
        )
    if summary.events:
        lines += ["", t.gettext("Attended:")]
        lines += [
            f"• {t.date(e.start_at, 'short')} {esc(e.title)} ({e.points} CP)"
            for e in summary.events
        ]
    if summary.elsewhere:
        lines += ["", t.gettext("Followed elsewhere:")]
        lines += [
            f"• {t.date(c.held_on, 'short')} {esc(c.title)} ({c.points} CP, "
            f"{esc(rubric_name(t, c.rubric))})"
            for c in summary.elsewhere
        ]
    return "\n".join(lines)


def elsewhere_ask_title(t: Translator) -> str:
    return t.gettext(
        "CME followed elsewhere: what was it called? (a congress, another kring, online …; "
        "/cancel stops)"
    )


def elsewhere_ask_day(t: Translator) -> str:
    return t.gettext("On what date? For example 12/11/2026.")


def elsewhere_ask_points(t: Translator) -> str:
    return t.gettext("How many accreditation points (CP) did it give?")


def elsewhere_ask_rubric(t: Translator) -> str:
    return t.gettext("In which rubric?")


def event_notice(t: Translator, event: EventSummary) -> dict[str, str]:
    return {"title": esc(event.title), "when": event_when(t, event.start_at)}
