"""What chat-script tests share."""

from typing import Any

from bot.core.models import LANGUAGES
from bot.i18n import translator

# The label of the button under a shift reminder, in every language, as the bot shows it (the
# catalogs, not a copy of them: a changed translation cannot slip past the filter).
HANDOVER = {translator(language).gettext("Shift taken over") for language in LANGUAGES}


def not_about_shifts(actions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Leave out the demo roster's shift reminders, which moving the clock also brings."""
    return [a for a in actions if not HANDOVER & {label for row in a["buttons"] for label in row}]
