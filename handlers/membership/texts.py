"""membership.texts"""

from collections.abc import Iterable
from datetime import datetime

from bot.core.membership import OnboardingStep, onboarding_step
from bot.core.models import (
    Member,
    MemberStatus,
    Role,
)
from bot.core.services import Kring
from bot.core.stats import stat_label
from bot.i18n import Translator
from handlers.audience import Audience, Command
from handlers.render import esc


def role_name(t: Translator, role: Role) -> str:
    names = {
        Role.GP: t.gettext("GP"),
        Role.LOCUM: t.gettext("locum"),
        Role.COORDINATOR: t.gettext("coordinator"),
        Role.STAFF: t.gettext("staff member"),
    }
    return names[role]


def status_name(t: Translator, status: MemberStatus) -> str:
    names = {
        MemberStatus.PENDING: t.gettext("pending"),
        MemberStatus.ACTIVE: t.gettext("active"),
        MemberStatus.SUSPENDED: t.gettext("suspended"),
        MemberStatus.FORGOTTEN: t.gettext("erased at their request"),
    }
    return names[status]


def not_a_member(t: Translator, kring: Kring) -> str:
    return t.gettext(
        "Hello! This bot is for the members of {kring}, and you are not a member yet.\n\n"
        "To join, ask the coordinator ({contact}) for an invitation link, or request "
        "membership with the button below."
    ).format(kring=esc(kring.name), contact=esc(kring.contact))


def onboarding_question(t: Translator, member: Member, kring: Kring) -> str:
    step = onboarding_step(member)
    if step is OnboardingStep.NAME:
        return t.gettext(
            "Welcome to {kring}! What is your full name (first name and surname)?"
        ).format(kring=esc(kring.name))
    if step is OnboardingStep.RIZIV:
        return t.gettext(
            "Thank you, {name}. What is your RIZIV number? It has 11 digits, "
            "for example 1-23456-25-001."
        ).format(name=esc(member.name))
    if step is OnboardingStep.AWAITING_APPROVAL:
        return t.gettext(
            "Thank you. Your request has been sent to the coordinator of {kring}. "
            "You will get a message as soon as it is approved."
        ).format(kring=esc(kring.name))
    return activated(t, member, kring)


def activated(t: Translator, member: Member, kring: Kring) -> str:
    return t.gettext(
        "Welcome, {name}! You are now a member of {kring} as {role}. "
        "Send /help to see what you can do."
    ).format(name=esc(member.name), kring=esc(kring.name), role=role_name(t, member.role))


def welcome_back(t: Translator, member: Member) -> str:
    return t.gettext("Welcome back, {name}. Send /help to see what you can do.").format(
        name=esc(member.name)
    )


def pending(t: Translator, member: Member, kring: Kring) -> str:
    """The one answer to anything a pending member sends that is not the awaited answer: the
    question still open, or, once all is answered, that the request awaits approval."""
    if onboarding_step(member) is OnboardingStep.AWAITING_APPROVAL:
        return t.gettext(
            "Your membership request is waiting for the approval of the coordinator of {kring}. "
            "You will get a message as soon as it is approved; until then the other commands "
            "are not available to you."
        ).format(kring=esc(kring.name))
    return (
        t.gettext("Please finish your registration first.")
        + "\n\n"
        + onboarding_question(t, member, kring)
    )


def suspended(t: Translator, kring: Kring) -> str:
    return t.gettext(
        "Your membership is suspended. Please contact the coordinator ({contact})."
    ).format(contact=esc(kring.contact))


def not_your_button(t: Translator) -> str:
    return t.gettext("This button belongs to someone else's conversation with the bot.")


def not_allowed(t: Translator, coordinator_only: bool) -> str:
    if coordinator_only:
        return t.gettext("Only the coordinator can do this.")
    return t.gettext("Only the coordinator and the kring staff can do this.")


def help_text(t: Translator, listed: list[tuple[Command, str]]) -> str:
    """What this member can do: the commands of their menu, the coordinator's apart."""
    lines = [t.gettext("<b>What you can do</b>"), ""]
    lines += [f"/{c.name} – {text}" for c, text in listed if c.audience < Audience.MANAGER]
    managing = [f"/{c.name} – {text}" for c, text in listed if c.audience >= Audience.MANAGER]
    if managing:
        lines += ["", t.gettext("<b>For the coordinator</b>"), *managing]
    lines += ["", t.gettext("You can also just type a question.")]
    return "\n".join(lines)


def command_description(t: Translator, name: str) -> str:
    """The line of a command in the menu and in /help (handlers.membership.commands)."""
    return {
        "start": t.gettext("where your membership request stands"),
        "help": t.gettext("what you can do"),
        "settings": t.gettext("your settings"),
        "language": t.gettext("change your language"),
        "ask": t.gettext("ask the knowledge base a question"),
        "fee": t.gettext("calculate a locum's fee contribution"),
        "locum": t.gettext("your replacements and their checklists"),
        "mydata": t.gettext("everything the kring holds about you"),
        "forget": t.gettext("erase your data"),
        "shifts": t.gettext("your on-call shifts; swap one"),
        "swaps": t.gettext("swap requests you can take"),
        "cme": t.gettext("CME events: register and unregister"),
        "credits": t.gettext("your accreditation points"),
        "invite": t.gettext("invite a new member"),
        "members": t.gettext("list the members"),
        "inbox": t.gettext("questions for the coordinator"),
        "roster": t.gettext("import the roster; fairness, exemptions, act for a member"),
        "approvals": t.gettext("swaps waiting for approval"),
        "export": t.gettext("export the roster changes as CSV"),
        "events": t.gettext("manage CME events and attendance"),
        "broadcast": t.gettext("send an announcement to the members"),
        "stats": t.gettext("figures about the kring and the bot"),
    }[name]


def choose_invite_role(t: Translator) -> str:
    return t.gettext("Which role does the new member get? (You can also type /invite gp ZONE.)")


def invite_created(
    t: Translator, link: str, role: Role, zone: str | None, expires_at: datetime
) -> str:
    text = t.gettext(
        "Invitation for a new {role}. Send this link to that person only; it works once "
        "and expires on {date}.\n\n{link}"
    ).format(role=role_name(t, role), date=t.date(expires_at, "long"), link=esc(link))
    if zone:
        text += "\n" + t.gettext("Zone: {zone}").format(zone=esc(zone))
    return text


def choose_invite_zone(t: Translator, role: Role) -> str:
    return t.gettext("Which zone does the new {role} join?").format(role=role_name(t, role))


def choose_join_zone(t: Translator, role: Role) -> str:
    """A button's answer (at most 200 characters)."""
    return t.gettext("Approve as {role}: choose the zone.").format(role=role_name(t, role))


def unknown_zone(t: Translator, zone: str, zones: list[str]) -> str:
    return t.gettext("The kring has no zone {zone}. Its zones: {zones}.").format(
        zone=esc(zone), zones=", ".join(esc(name) for name in zones)
    )


def invite_usage(t: Translator) -> str:
    return t.gettext(
        "Unknown role. Use /invite with a role (gp, locum, staff or coordinator; the Dutch and "
        "French words work too) and optionally a zone, for example: /invite gp Noord"
    )


def member_name(t: Translator, member: Member) -> str:
    """The name as lists show it (escaped): erased members and applicants have none."""
    if member.status is MemberStatus.FORGOTTEN:
        return t.gettext("erased member")
    return esc(member.name or t.gettext("(no name yet)"))


def member_label(t: Translator, member: Member) -> str:
    """A member in the list to manage: name, role, zone, and a suspension."""
    label = f"{member.name or '?'} – {role_name(t, member.role)}"
    if member.zone:
        label += f", {member.zone}"
    if not member.is_active:
        label += f" ({status_name(t, member.status)})"
    return label


def choose_member_to_manage(t: Translator) -> str:
    return t.gettext("Which member do you want to manage? Type part of a name to find someone.")


def member_card(t: Translator, member: Member) -> str:
    return "\n".join(
        [
            f"<b>{member_name(t, member)}</b>",
            t.gettext("Role: {role}").format(role=role_name(t, member.role)),
            t.gettext("Zone: {zone}").format(zone=esc(member.zone or t.gettext("none"))),
            t.gettext("Status: {status}").format(status=status_name(t, member.status)),
        ]
    )


def choose_member_role(t: Translator, member: Member) -> str:
    return t.gettext("Which role does {name} get?").format(name=member_name(t, member))


def choose_member_zone(t: Translator, member: Member) -> str:
    return t.gettext("Which zone is {name} in?").format(name=member_name(t, member))


def member_changed(t: Translator, member: Member, action: str) -> str:
    name = member_name(t, member)
    return {
        "suspend": t.gettext("{name} is suspended: the bot no longer serves them."),
        "reactivate": t.gettext("{name} is active again."),
        "role": t.gettext("{name} is now {role}."),
        "zone": t.gettext("The zone of {name} is changed."),
    }[action].format(name=name, role=role_name(t, member.role))


def confirm_remove(t: Translator, member: Member) -> str:
    return t.gettext(
        "<b>Remove {name} from the kring?</b>\nTheir personal data is erased as with /forget; "
        "what the kring must keep stays, without their name. This cannot be undone."
    ).format(name=member_name(t, member))


def member_removed(t: Translator, member: Member) -> str:
    return t.gettext("{name} is no longer a member; their personal data is erased.").format(
        name=member_name(t, member)
    )


def members_list(t: Translator, members: Iterable[Member]) -> str:
    members = list(members)
    lines = [
        t.ngettext("<b>{count} member</b>", "<b>{count} members</b>", len(members)).format(
            count=len(members)
        )
    ]
    for member in members:
        line = f"• {member_name(t, member)} – {role_name(t, member.role)}"
        if member.zone:
            line += f", {esc(member.zone)}"
        if member.status not in (MemberStatus.ACTIVE, MemberStatus.FORGOTTEN):
            line += f" ({status_name(t, member.status)})"
        if not member.reachable:
            line += " – " + t.gettext("unreachable")
        lines.append(line)
    return "\n".join(lines)


def join_decided(t: Translator, member: Member, approved: bool) -> str:
    if approved:
        return t.gettext("Approved: {name} is now a member ({role}).").format(
            name=esc(member.name), role=role_name(t, member.role)
        )
    return t.gettext("Rejected: the membership request of {name}.").format(name=esc(member.name))


def stats(t: Translator, figures: list[tuple[str, int]]) -> str:
    lines = [t.gettext("<b>Figures</b>")]
    lines += [f"{stat_label(t, key)}: {value}" for key, value in figures]
    return "\n".join(lines)
