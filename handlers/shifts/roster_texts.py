"""shifts.roster_texts"""

from collections.abc import Sequence
from datetime import date

from bot.core.models import (
    Member,
    Shift,
    SwapEvent,
)
from bot.core.notices.shifts import ShiftSummary
from bot.core.roster import ImportReport, Tally
from bot.core.swap_views import Availability, SwapView, Unavailable
from bot.i18n import Translator
from handlers.render import esc
from handlers.shifts import notice_texts, texts


def approvals(t: Translator, count: int) -> str:
    if not count:
        return t.gettext("No swaps are waiting for your approval.")
    return t.ngettext(
        "{n} swap is waiting for your approval.", "{n} swaps are waiting for your approval.", count
    ).format(n=count)


def approval_line(t: Translator, view: SwapView) -> str:
    lines = [
        t.gettext("<b>{requester} → {taker}</b> ({kind})").format(
            requester=esc(view.requester.name),
            taker=esc(view.taker.name if view.taker else "?"),
            kind=texts.swap_kind_name(t, view.request.kind),
        ),
        texts.view_shifts(t, view),
    ]
    return "\n".join(lines)


def reject_cancelled(t: Translator) -> str:
    return t.gettext("The swap was not rejected; it is still waiting for your decision.")


def swap_history_choose(t: Translator) -> str:
    return t.gettext("Tap a request to see its history:")


def swap_ask_reason(t: Translator) -> str:
    return t.gettext("Why do you reject this swap? Type the reason (or /cancel).")


def swap_decided(t: Translator, view: SwapView) -> str:
    return t.gettext("{line}\n\nStatus: {status}").format(
        line=approval_line(t, view), status=texts.swap_status_name(t, view.request.status)
    )


def uncovered(t: Translator, shifts: Sequence[Shift]) -> list[str]:
    """The future shifts without a doctor, as the roster overview lists them."""
    if not shifts:
        return []
    head = t.ngettext(
        "⚠️ <b>{n} future shift without a doctor</b>:",
        "⚠️ <b>{n} future shifts without a doctor</b>:",
        len(shifts),
    ).format(n=len(shifts))
    return [
        "",
        head,
        *notice_texts.summary_lines(t, [ShiftSummary.of(s) for s in shifts], limit=20),
    ]


def roster_intro(t: Translator, on_call: int, exempt: int, without_doctor: Sequence[Shift]) -> str:
    return "\n".join(
        [
            t.gettext("<b>On-call roster</b>"),
            t.gettext("{n} members on call, {exempt} of them exempt.").format(
                n=on_call, exempt=exempt
            ),
            *uncovered(t, without_doctor),
            "",
            roster_columns(t),
        ]
    )


def roster_columns(t: Translator) -> str:
    """What a roster file holds, column by column (the README's table, for the coordinator)."""
    return "\n".join(
        [
            t.gettext(
                "To import a roster, send it now as a CSV file (in Excel: save as CSV), one "
                "shift per line, with these columns:"
            ),
            t.gettext("• <b>start</b>: when the shift starts, e.g. 5/12/2026 19:00"),
            t.gettext("• <b>end</b>: when it ends, e.g. 6/12/2026 08:00"),
            t.gettext("• <b>zone</b>: the zone (WDO) of the shift"),
            t.gettext("• <b>post</b> (optional): the post, when a zone has several"),
            t.gettext("• <b>riziv</b>: the RIZIV number of the doctor on duty"),
            t.gettext(
                "Dutch and French column names work too (begin, einde, wachtpost, inami …). "
                "Importing the same period again updates it. The template file is an example."
            ),
        ]
    )


def template_caption(t: Translator) -> str:
    return t.gettext(
        "A roster template: fill in one line per shift, save it as CSV and send it back."
    )


def roster_imported(t: Translator, report: ImportReport) -> str:
    lines = [
        t.gettext("<b>Roster imported</b>"),
        t.gettext("{added} new, {updated} changed, {unchanged} unchanged.").format(
            added=report.added, updated=report.updated, unchanged=report.unchanged
        ),
    ]
    if report.first and report.last:
        lines.append(
            t.gettext("Period: {first} – {last}").format(
                first=t.date(report.first, "short"), last=t.date(report.last, "short")
            )
        )
    return "\n".join(lines)


def roster_problem(t: Translator, reason: str) -> str:
    return {
        "start": t.gettext("start is not a date and time like 5/12/2026 19:00"),
        "end": t.gettext("end is not a date and time like 6/12/2026 08:00"),
        "order": t.gettext("the end must come after the start, within 3 days"),
        "zone": t.gettext("the zone is missing"),
        "riziv": t.gettext("not a valid RIZIV number"),
        "doctor": t.gettext("no active GP or locum has this RIZIV number"),
        "duplicate": t.gettext("the same zone, post and start appear twice"),
        "overlap": t.gettext(
            "this doctor is already on duty at that time (on another line, or in the roster)"
        ),
    }[reason]


def roster_rejected(t: Translator, problems: Sequence[tuple[int, str, str]]) -> str:
    lines = [t.gettext("<b>The roster was not imported</b>; please fix these lines:")]
    for line, reason, value in problems[:30]:
        shown = f" ({esc(value)})" if value else ""
        lines.append(
            t.gettext("line {line}: {problem}").format(line=line, problem=roster_problem(t, reason))
            + shown
        )
    if len(problems) > 30:
        lines.append(t.gettext("… and {n} more.").format(n=len(problems) - 30))
    return "\n".join(lines)


def roster_waiting_for_file(t: Translator) -> str:
    return t.gettext("Please send the roster as a CSV file, or /cancel.")


def roster_cancelled(t: Translator) -> str:
    return t.gettext("No roster was imported.")


def tally(t: Translator, year: int, tallies: Sequence[Tally], without_doctor: int) -> str:
    lines = [t.gettext("<b>Shifts in {year}</b> (done + planned)").format(year=year)]
    if without_doctor:
        lines.append(
            t.ngettext(
                "⚠️ Without a doctor: {n} planned shift (see /roster)",
                "⚠️ Without a doctor: {n} planned shifts (see /roster)",
                without_doctor,
            ).format(n=without_doctor)
        )
    for item in sorted(tallies, key=lambda x: (-(x.done + x.planned), x.member.name or "")):
        lines.append(
            t.gettext("{name}: {done} + {planned}").format(
                name=esc(item.member.name), done=item.done, planned=item.planned
            )
        )
    return "\n".join(lines)


def exemptions(t: Translator) -> str:
    return t.gettext(
        "<b>Exemptions</b>\nExempt members (age, pregnancy …) are not offered shifts. Tap a "
        "name to change it."
    )


def behalf_choose_member(t: Translator) -> str:
    return t.gettext("For which member do you want to act?")


def behalf_shifts(t: Translator, member: Member, shifts: Sequence[Shift]) -> str:
    if not shifts:
        return t.gettext("{name} has no shifts in the next 8 weeks.").format(name=esc(member.name))
    lines = [t.gettext("<b>Shifts of {name}</b>").format(name=esc(member.name))]
    lines += [f"{number}. {texts.shift_line(t, shift)}" for number, shift in enumerate(shifts, 1)]
    lines += ["", t.gettext("Ask a swap for them, or give the shift to someone directly.")]
    return "\n".join(lines)


def unavailable_reason(t: Translator, reason: Unavailable) -> str:
    return {
        Unavailable.EXEMPT: t.gettext("exempt"),
        Unavailable.ON_DUTY: t.gettext("on duty within 24 hours of it"),
    }[reason]


def assign_choose(t: Translator, shift: Shift, found: Availability, limit: int = 15) -> str:
    lines = [
        t.gettext("Who takes this shift?\n{shift}").format(shift=texts.shift_line(t, shift)),
        t.gettext(
            "Listed are the colleagues of zone {zone} who can take it, as for a swap."
        ).format(zone=esc(shift.zone)),
    ]
    if not found.free:
        lines.append(t.gettext("Nobody of this zone is free around this shift."))
    if found.unavailable:
        lines += ["", t.gettext("Not listed:")]
        lines += [
            f"• {esc(member.name)}: {unavailable_reason(t, reason)}"
            for member, reason in found.unavailable[:limit]
        ]
        if len(found.unavailable) > limit:
            lines.append(t.gettext("… and {n} more.").format(n=len(found.unavailable) - limit))
    return "\n".join(lines)


def assigned(t: Translator, view: SwapView) -> str:
    return t.gettext("The shift now belongs to {name}.\n{shift}").format(
        name=esc(view.taker.name if view.taker else "?"), shift=texts.shift_line(t, view.shift)
    )


def swaps_overview(t: Translator, pending: Sequence[SwapView], recent: Sequence[SwapView]) -> str:
    def line(view: SwapView) -> str:
        who = esc(view.requester.name)
        if view.taker is not None:
            who += " → " + esc(view.taker.name)
        status = texts.swap_status_name(t, view.request.status)
        return f"• {who} · {status}\n  " + texts.view_shifts(t, view).replace("\n", "\n  ")

    lines = [t.gettext("<b>Pending swaps</b>")]
    lines += [line(view) for view in pending] or [t.gettext("none")]
    lines += ["", t.gettext("<b>Decided in the last 30 days</b>")]
    lines += [line(view) for view in recent] or [t.gettext("none")]
    return "\n".join(lines)


def swap_action_name(t: Translator, action: str) -> str:
    return {
        "requested": t.gettext("requested"),
        "taken": t.gettext("taken"),
        "approved": t.gettext("approved"),
        "rejected": t.gettext("rejected"),
        "withdrawn": t.gettext("withdrawn"),
        "expired": t.gettext("expired"),
        "followed_up": t.gettext("colleagues asked again"),
        "assigned": t.gettext("assigned by the coordinator"),
        "cancelled": t.gettext("cancelled"),
    }[action]


def swap_trail(
    t: Translator, view: SwapView, events: Sequence[SwapEvent], actors: dict[int, Member]
) -> str:
    lines = [approval_line(t, view), ""]
    for event in events:
        actor = actors.get(event.actor_id or 0)
        lines.append(
            t.gettext("{when}: {action} ({who})").format(
                when=t.datetime(event.at, "short"),
                action=swap_action_name(t, event.action),
                who=esc(actor.name) if actor else t.gettext("the bot"),
            )
            + (f" – {esc(event.detail)}" if event.detail and event.action == "rejected" else "")
        )
    return "\n".join(lines)


def export_choose(t: Translator) -> str:
    return t.gettext("Which swaps do you want to export? (shifts starting in that month)")


def month_name(t: Translator, month: date) -> str:
    return t.date(month, "month")


def swaps_export_header(t: Translator) -> list[str]:
    return [
        t.gettext("start"),
        t.gettext("end"),
        t.gettext("zone"),
        t.gettext("post"),
        t.gettext("from"),
        t.gettext("from RIZIV"),
        t.gettext("to"),
        t.gettext("to RIZIV"),
        t.gettext("kind"),
        t.gettext("approved on"),
    ]


def swaps_export_filename(t: Translator, month: date) -> str:
    # Translators: the name of the CSV file with a month's roster changes; keep {month} and ".csv".
    return t.gettext("shift-swaps-{month}.csv").format(month=f"{month:%Y-%m}")


def swaps_export_caption(t: Translator, month: date, count: int) -> str:
    return t.ngettext(
        "{n} roster change in {month}, for the roster tool and Medega.",
        "{n} roster changes in {month}, for the roster tool and Medega.",
        count,
    ).format(n=count, month=month_name(t, month))
