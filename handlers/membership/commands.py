"""The commands a person sees, in their menu (handlers.membership.menu) and in /help: every
declared command in menu order, shown to whom its declared audience allows (handlers.audience),
so a command the gate lets someone use is listed for them and no other is.

An applicant waiting for approval (or with questions to answer) sees only what is open to
anyone; /start is for them alone, as members are past it.
"""

from bot.core.models import Member, MemberStatus
from bot.i18n import Translator
from handlers.audience import Audience, Command, member_audience
from handlers.broadcast import buttons as broadcast
from handlers.cme import buttons as cme
from handlers.knowledge import buttons as knowledge
from handlers.locum import buttons as locum
from handlers.membership import buttons as membership
from handlers.membership import texts
from handlers.shifts import buttons as shifts

MENU: tuple[Command, ...] = (
    membership.HELP_COMMAND,
    membership.SETTINGS_COMMAND,
    membership.LANGUAGE_COMMAND,
    knowledge.ASK_COMMAND,
    locum.FEE_COMMAND,
    locum.LOCUM_COMMAND,
    membership.MYDATA_COMMAND,
    membership.FORGET_COMMAND,
    shifts.SHIFTS_COMMAND,
    shifts.SWAPS_COMMAND,
    cme.CME_COMMAND,
    cme.CREDITS_COMMAND,
    membership.INVITE_COMMAND,
    membership.MEMBERS_COMMAND,
    knowledge.INBOX_COMMAND,
    shifts.ROSTER_COMMAND,
    shifts.APPROVALS_COMMAND,
    shifts.EXPORT_COMMAND,
    cme.EVENTS_COMMAND,
    broadcast.BROADCAST_COMMAND,
    membership.STATS_COMMAND,
    membership.START_COMMAND,
)


def audience_of(member: Member | None) -> Audience:
    """Whose menu: an active member's by role; an applicant's; the common menu (for members
    whose own menu was never published) is a member's."""
    if member is not None and member.status is MemberStatus.PENDING:
        return Audience.ANYONE
    return member_audience(member) or Audience.MEMBER


def listed(t: Translator, audience: Audience) -> list[tuple[Command, str]]:
    """The commands shown to this audience, each with its description."""
    return [
        (command, texts.command_description(t, command.name))
        for command in MENU
        if _shown(command, audience)
    ]


def _shown(command: Command, audience: Audience) -> bool:
    if audience is Audience.ANYONE:
        return command.audience is Audience.ANYONE
    return command.audience <= audience and command is not membership.START_COMMAND
