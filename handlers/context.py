"""The CallbackContext every handler gets: the member and their translator, set once per update
by the access gate (handlers.access), plus the core services."""

from typing import Any

from telegram.ext import Application, CallbackContext

from bot.core.conversations import Step
from bot.core.models import Member
from bot.core.services import Services
from bot.i18n import Translator
from handlers.replies import KringBot


class KringContext(CallbackContext[KringBot, dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    member: Member | None = None
    t: Translator
    steps: dict[str, Step]  # the flows this chat is in, read with the member (one transaction)

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> None:
        super().__init__(application, chat_id, user_id)
        self.member = None
        self.steps = {}

    @property
    def services(self) -> Services:
        services: Services = self.application.bot_data["services"]
        return services

    @property
    def active_member(self) -> Member:
        """The member behind this update; the gate guarantees it exists for member features."""
        if self.member is None:
            raise RuntimeError("handler for members reached without a member")
        return self.member
