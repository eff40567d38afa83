"""The wachtdienst: members' shifts and swaps, the coordinator's roster, approvals and exports."""

from typing import Any

from telegram.ext import BaseHandler

from handlers.context import KringContext
from handlers.feature import Feature, button, command
from handlers.shifts import buttons, coordinator, errors, exports, member, notices


def handlers() -> list[BaseHandler[Any, KringContext, Any]]:
    """Built anew for each application: conversations keep per-application state."""
    return [
        member.request_conversation(),
        *coordinator.conversations(),
        command(buttons.SHIFTS_COMMAND, member.show_shifts),
        command(buttons.SWAPS_COMMAND, member.show_swaps),
        command(buttons.APPROVALS_COMMAND, coordinator.show_approvals),
        command(buttons.EXPORT_COMMAND, exports.choose_export),
        button(buttons.SHIFTS_CALENDAR, member.send_calendar),
        button(buttons.SHIFT_SWAP, member.choose_kind),
        button(buttons.SWAP_KIND, member.choose_audience),
        # The last swap step outside its conversation (it timed out, or the bot restarted):
        button(buttons.SWAP_SEND, member.send_request),
        button(buttons.SWAP_STOP, member.stop_draft),
        button(buttons.SWAP_TAKE, member.take),
        button(buttons.SWAP_RETURN, member.take_with_return),
        button(buttons.SWAP_WITHDRAW, member.withdraw),
        button(buttons.SWAP_SICK, member.call_in_sick),
        button(buttons.HANDOVER, member.confirm_handover),
        button(buttons.SWAP_APPROVE, coordinator.approve),
        button(buttons.SWAP_TRAIL, coordinator.show_trail),
        button(buttons.ROSTER_TALLY, coordinator.show_tally),
        button(buttons.ROSTER_TEMPLATE, coordinator.send_template),
        button(buttons.ROSTER_EXEMPT_SET, coordinator.set_exemption),
        button(buttons.ROSTER_BEHALF_FOR, coordinator.act_for_member),
        button(buttons.ROSTER_ASSIGN_TO, coordinator.assign),
        button(buttons.EXPORT_SWAPS, exports.export_swaps),
    ]


FEATURE = Feature(
    name="shifts",
    handlers=handlers,
    declared_in=[buttons],
    notices=notices.NOTICES,
    errors=errors.ERRORS,
    pickers=[member.COLLEAGUES, coordinator.EXEMPTIONS, coordinator.BEHALF, coordinator.ASSIGN],
)
