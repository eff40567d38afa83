"""Continuing education (bijscholing, LOK): registration with waiting lists and credits for
members; events, attendance and LOK groups for the coordinator."""

from typing import Any

from telegram.ext import BaseHandler

from handlers.cme import buttons, coordinator, dialogs, elsewhere, errors, member, notices
from handlers.context import KringContext
from handlers.feature import Feature, button, command


def handlers() -> list[BaseHandler[Any, KringContext, Any]]:
    """Built anew for each application: conversations keep per-application state."""
    return [
        *dialogs.conversations(),
        elsewhere.conversation(),
        command(buttons.CME_COMMAND, member.show_events),
        command(buttons.CREDITS_COMMAND, member.show_credits),
        command(buttons.EVENTS_COMMAND, coordinator.overview),
        button(buttons.CME_REGISTER, member.register),
        button(buttons.CME_UNREGISTER, member.unregister),
        button(buttons.CME_CONFIRM, member.confirm),
        button(buttons.CME_DECLINE, member.decline),
        button(buttons.CME_HOUR_REMINDER, member.remind_hour),
        button(buttons.CME_LIST, member.show_list),
        button(buttons.EVENT_SHOW, coordinator.show),
        button(buttons.EVENT_TICK, coordinator.tick),
        button(buttons.EVENT_WALK_IN_ADD, coordinator.add_walk_in),
        button(buttons.EVENT_QR, coordinator.checkin_code),
        button(buttons.EVENT_EXPORT, coordinator.export),
        button(buttons.EVENT_CANCEL, coordinator.cancel_event),
        button(buttons.LOK_OVERVIEW, coordinator.lok_groups),
    ]


FEATURE = Feature(
    name="cme",
    handlers=handlers,
    declared_in=[buttons],
    notices=notices.NOTICES,
    errors=errors.ERRORS,
    pickers=[coordinator.ATTENDANCE, coordinator.WALK_INS],
)
