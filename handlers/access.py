"""Who may do what: one table, enforced in one place (the gate, handler group -1).

Every update first passes the gate. It looks up the member, picks their translator, and refuses
what their role or status does not allow before any feature handler runs, so a feature handler
never has to ask again. Commands not in the table are for active members.
"""

from enum import IntEnum

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.core.flood import Flow
from bot.core.membership import language_for
from bot.core.models import Member, MemberStatus, Role
from bot.i18n import translator
from handlers import keyboards, render
from handlers.context import KringContext


class Audience(IntEnum):
    """Ordered from widest to narrowest."""

    ANYONE = 0  # strangers included
    MEMBER = 1  # active members
    MANAGER = 2  # coordinator and administrative staff
    COORDINATOR = 3


COMMANDS: dict[str, Audience] = {
    "start": Audience.ANYONE,
    "help": Audience.ANYONE,
    "language": Audience.MEMBER,
    "settings": Audience.MEMBER,
    "invite": Audience.MANAGER,
    "members": Audience.MANAGER,
    "ask": Audience.MEMBER,
    "cancel": Audience.MEMBER,
    "inbox": Audience.MANAGER,
    "fee": Audience.MEMBER,
    "locum": Audience.MEMBER,
    "shifts": Audience.MEMBER,
    "swaps": Audience.MEMBER,
    "roster": Audience.MANAGER,
    "approvals": Audience.MANAGER,
    "export": Audience.MANAGER,
    "cme": Audience.MEMBER,
    "credits": Audience.MEMBER,
    "events": Audience.MANAGER,
    "mydata": Audience.MEMBER,
    "forget": Audience.MEMBER,
    "broadcast": Audience.COORDINATOR,
    "stats": Audience.COORDINATOR,
}

# Dutch and French aliases of the canonical English command names.
ALIASES: dict[str, tuple[str, ...]] = {
    "help": ("hulp", "aide"),
    "language": ("taal", "langue"),
    "settings": ("instellingen", "parametres"),
    "invite": ("uitnodigen", "inviter"),
    "members": ("leden", "membres"),
    "ask": ("vraag", "question"),
    "cancel": ("annuleren", "annuler"),
    "fee": ("onkosten", "frais"),
    "locum": ("vervanging", "remplacement"),
    "shifts": ("diensten", "gardes"),
    "swaps": ("wissels", "echanges"),
    "roster": ("rooster", "planning"),
    "approvals": ("goedkeuren", "approuver"),
    "export": ("exporteren", "exporter"),
    "mydata": ("mijngegevens", "mesdonnees"),
    "forget": ("vergeetmij", "oubliezmoi"),
    "cme": ("bijscholing", "formation"),
    "credits": ("accreditering", "accreditation"),
    "events": ("evenementen", "evenements"),
    "broadcast": ("bericht", "annonce"),
    "stats": ("statistieken", "statistiques"),
}
_CANONICAL = {alias: name for name, aliases in ALIASES.items() for alias in aliases}


def names(command: str) -> list[str]:
    """The canonical name of a command and its aliases, for registering its handler."""
    return [command, *ALIASES.get(command, ())]


CALLBACKS: dict[str, Audience] = {
    keyboards.JOIN: Audience.ANYONE,
    keyboards.LANGUAGE: Audience.MEMBER,
    keyboards.INVITE_ROLE: Audience.MANAGER,
    keyboards.JOIN_DECISION: Audience.MANAGER,
    keyboards.PICK: Audience.MEMBER,
    keyboards.RATE: Audience.MEMBER,
    keyboards.FORWARD: Audience.MEMBER,
    keyboards.REPLY: Audience.MANAGER,
    keyboards.FEE: Audience.MEMBER,
    keyboards.FEE_NOTE: Audience.MEMBER,
    keyboards.LOCUM_NEW: Audience.MEMBER,
    keyboards.LOCUM_CHECKLIST: Audience.MEMBER,
    keyboards.LOCUM_TOGGLE: Audience.MEMBER,
    keyboards.LOCUM_PRACTICE_CHOICE: Audience.MEMBER,
    keyboards.BOARD_POST: Audience.MEMBER,
    keyboards.BOARD_FOLLOW: Audience.MEMBER,
    keyboards.BOARD_BROWSE: Audience.MEMBER,
    keyboards.BOARD_INTEREST: Audience.MEMBER,
    keyboards.BOARD_PICK: Audience.MEMBER,
    keyboards.BOARD_CLOSE: Audience.MEMBER,
    keyboards.REMINDER: Audience.MEMBER,
    keyboards.SHIFT_SWAP: Audience.MEMBER,
    keyboards.SWAP_KIND: Audience.MEMBER,
    keyboards.SWAP_AUDIENCE: Audience.MEMBER,
    keyboards.SWAP_PICK: Audience.MEMBER,
    keyboards.SWAP_SEND: Audience.MEMBER,
    keyboards.SWAP_STOP: Audience.MEMBER,
    keyboards.SWAP_TAKE: Audience.MEMBER,
    keyboards.SWAP_RETURN: Audience.MEMBER,
    keyboards.SWAP_WITHDRAW: Audience.MEMBER,
    keyboards.SHIFTS_CALENDAR: Audience.MEMBER,
    keyboards.HANDOVER: Audience.MEMBER,
    keyboards.SWAP_APPROVE: Audience.MANAGER,
    keyboards.SWAP_REJECT: Audience.MANAGER,
    keyboards.SWAP_TRAIL: Audience.MANAGER,
    keyboards.ROSTER_TALLY: Audience.MANAGER,
    keyboards.ROSTER_EXEMPT: Audience.MANAGER,
    keyboards.ROSTER_BEHALF: Audience.MANAGER,
    keyboards.ROSTER_ASSIGN: Audience.MANAGER,
    keyboards.EXPORT_SWAPS: Audience.MANAGER,
    keyboards.EXPORT_AUDIT: Audience.MANAGER,
    keyboards.FORGET: Audience.MEMBER,
    keyboards.FORGET_NOT: Audience.MEMBER,
    keyboards.CME_REGISTER: Audience.MEMBER,
    keyboards.CME_UNREGISTER: Audience.MEMBER,
    keyboards.CME_CONFIRM: Audience.MEMBER,
    keyboards.CME_DECLINE: Audience.MEMBER,
    keyboards.CME_HOUR_REMINDER: Audience.MEMBER,
    keyboards.EVENT_NEW: Audience.MANAGER,
    keyboards.EVENT_IMPORT: Audience.MANAGER,
    keyboards.EVENT_SHOW: Audience.MANAGER,
    keyboards.EVENT_ATTENDEES: Audience.MANAGER,
    keyboards.EVENT_TICK: Audience.MANAGER,
    keyboards.EVENT_WALK_IN: Audience.MANAGER,
    keyboards.EVENT_QR: Audience.MANAGER,
    keyboards.EVENT_EXPORT: Audience.MANAGER,
    keyboards.EVENT_EDIT: Audience.MANAGER,
    keyboards.EVENT_CANCEL: Audience.MANAGER,
    keyboards.EVENT_KIND: Audience.MANAGER,
    keyboards.EVENT_RUBRIC: Audience.MANAGER,
    keyboards.LOK_OVERVIEW: Audience.MANAGER,
    keyboards.BROADCAST_AUDIENCE: Audience.COORDINATOR,
    keyboards.BROADCAST_URGENT: Audience.COORDINATOR,
    keyboards.BROADCAST_SEND: Audience.COORDINATOR,
    keyboards.BROADCAST_LATER: Audience.COORDINATOR,
    keyboards.BROADCAST_ABORT: Audience.COORDINATOR,
    keyboards.BROADCAST_PROGRESS: Audience.COORDINATOR,
    keyboards.BROADCAST_STOP: Audience.COORDINATOR,
    keyboards.BROADCAST_CSV: Audience.COORDINATOR,
    keyboards.DIGEST: Audience.MEMBER,
    keyboards.QUIET: Audience.MEMBER,
}

MANAGER_ROLES = frozenset({Role.COORDINATOR, Role.STAFF})
LANGUAGE_KEY = "language"


def required_audience(update: Update) -> Audience:
    if update.callback_query is not None:
        prefix = (update.callback_query.data or "").split(":", 1)[0]
        return CALLBACKS.get(prefix, Audience.COORDINATOR)
    message = update.effective_message
    text = (message.text or "") if message is not None else ""
    if text.startswith("/"):
        command = text[1:].split(maxsplit=1)[0].split("@", 1)[0].lower() if text[1:] else ""
        return COMMANDS.get(_CANONICAL.get(command, command), Audience.MEMBER)
    return Audience.MEMBER


def member_audience(member: Member | None) -> Audience | None:
    """The widest audience this person belongs to, or None for strangers and pending members."""
    if member is None or member.status is not MemberStatus.ACTIVE:
        return None
    if member.role is Role.COORDINATOR:
        return Audience.COORDINATOR
    if member.role in MANAGER_ROLES:
        return Audience.MANAGER
    return Audience.MEMBER


async def gate(update: Update, context: KringContext) -> None:
    user = update.effective_user
    if user is None or update.effective_chat is None or update.effective_chat.type != "private":
        raise ApplicationHandlerStop
    services = context.services
    await _slow_down_floods(update, services.flood.check(user.id), context)
    first, member = await services.updates.receive(update.update_id, user.id)
    if not first:  # delivered twice (same update_id): handled the first time only
        raise ApplicationHandlerStop
    context.member = member
    language = (
        member.language
        if member is not None
        else language_for(user.language_code, services.kring.default_language)
    )
    context.t = translator(language, services.kring.timezone)
    # The error handler gets a context of its own; this tells it which language to answer in.
    context.user_data[LANGUAGE_KEY] = language

    needed = required_audience(update)
    have = member_audience(member)
    if needed is Audience.ANYONE or (have is not None and have >= needed):
        if needed >= Audience.MANAGER and member is not None:
            await services.audit.record(member, _action(update))
        return
    if member is not None and member.status is MemberStatus.PENDING and _is_plain_text(update):
        return  # an answer to an onboarding question (handlers.onboarding)
    await refuse(update, context, needed)
    raise ApplicationHandlerStop


async def _slow_down_floods(update: Update, flow: Flow, context: KringContext) -> None:
    """Past the per-person limit: say so once, then ignore (buttons are still answered)."""
    if flow is Flow.OK:
        return
    if flow is Flow.SLOW_DOWN:
        user, kring = update.effective_user, context.services.kring
        language = language_for(user.language_code if user else None, kring.default_language)
        text = render.slow_down(translator(language, kring.timezone))
        if update.callback_query is not None:
            await update.callback_query.answer(text, show_alert=True)
        elif update.effective_message is not None:
            await update.effective_message.reply_text(text)
    elif update.callback_query is not None:
        await update.callback_query.answer()
    raise ApplicationHandlerStop


def _action(update: Update) -> str:
    """What the audit log says was done: the command, or the button's data (ids only)."""
    if update.callback_query is not None:
        return update.callback_query.data or ""
    text = update.effective_message.text if update.effective_message else None
    command = (text or "/").split(maxsplit=1)[0].split("@", 1)[0].lower()
    return "/" + _CANONICAL.get(command[1:], command[1:])


def _is_plain_text(update: Update) -> bool:
    message = update.message
    return message is not None and bool(message.text) and not message.text.startswith("/")


async def refuse(update: Update, context: KringContext, needed: Audience) -> None:
    t, member, kring = context.t, context.member, context.services.kring
    if member is None:
        text, markup = render.not_a_member(t, kring), keyboards.join_request(t)
    elif member.status is MemberStatus.PENDING:
        text, markup = render.finish_registration_first(t, member, kring), None
    elif member.status is MemberStatus.SUSPENDED:
        text, markup = render.suspended(t, kring), None
    else:
        text, markup = render.not_allowed(t, needed is Audience.COORDINATOR), None
    if update.callback_query is not None:
        await update.callback_query.answer(render.plain(text), show_alert=True)
    elif update.effective_message is not None:
        await update.effective_message.reply_text(text, reply_markup=markup)
