"""What chat-script tests share."""

from typing import Any


def not_about_shifts(actions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Leave out the demo roster's shift reminders, which moving the clock also brings."""
    handover = {"Wacht overgenomen", "Shift taken over", "Garde reprise"}
    return [a for a in actions if not handover & {label for row in a["buttons"] for label in row}]
