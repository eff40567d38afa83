"""The only place where translated text meets data.

Every function takes the reader's Translator, translates first and formats after, and escapes
everything that came from a person (names, zones, free text) because messages are sent as HTML.
Escaping and cutting a long text into messages are pure text rules in bot.core.message_parts
(the console's preview cuts an announcement there too); they are used from here as before.
"""

from bot.core.message_parts import MESSAGE_LIMIT as MESSAGE_LIMIT
from bot.core.message_parts import esc as esc
from bot.core.message_parts import plain as plain
from bot.core.message_parts import split as split
from bot.i18n import Translator


def slow_down(t: Translator) -> str:
    return t.gettext(
        "You are sending messages faster than I can answer. Please wait a minute and try again."
    )


def unexpected_error(t: Translator, reference: str) -> str:
    return t.gettext(
        "Sorry, something went wrong on our side. Please try again later. (reference {ref})"
    ).format(ref=esc(reference))


def unknown_command(t: Translator) -> str:
    return t.gettext("I do not know that command. Send /help to see what you can do.")


def nothing_to_cancel(t: Translator) -> str:
    return t.gettext("There is nothing to cancel. Send /help to see what you can do.")


def unsupported_message(t: Translator) -> str:
    return t.gettext("I can only read text messages here. Send /help to see what you can do.")
