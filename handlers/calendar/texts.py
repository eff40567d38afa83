"""What the calendar feed says to the member."""

from bot.i18n import Translator
from handlers.render import esc


def feed_address(t: Translator, address: str) -> str:
    return t.gettext(
        "<b>Calendar subscription</b>\n"
        "Your shifts and the CME events you registered for, kept up to date in your phone's "
        "calendar: swaps, new shifts and cancellations appear by themselves.\n\n"
        "Open this address on your phone, or add it in your calendar app as a subscription "
        '("subscribe to calendar" / "from URL"):\n{address}\n\n'
        "The address is personal: whoever has it sees your calendar. If it got into other "
        "hands, ask for a new one."
    ).format(address=f"<code>{esc(address)}</code>")


def feed_renewed(t: Translator) -> str:
    return t.gettext("The old address no longer works. Replace it in your calendar app.")


def feed_revoked(t: Translator) -> str:
    return t.gettext(
        "Your calendar subscription has stopped: the address no longer works. You can ask for a "
        "new one in /settings."
    )


def zone_feed_address(t: Translator, zone: str, address: str) -> str:
    return t.gettext(
        "<b>Roster {zone}</b>\n"
        "Every shift of zone {zone} with the doctor on duty, kept up to date, for the "
        "calendar of the out-of-hours post:\n{address}\n\n"
        "Give it only to the people of the out-of-hours post."
    ).format(zone=esc(zone), address=f"<code>{esc(address)}</code>")
