"""The notices of the knowledge base: a question for the coordinator, and the answer back."""

from dataclasses import dataclass

from bot.core.models import Role
from bot.core.notices import Notice


@dataclass(frozen=True, kw_only=True)
class QuestionForwarded(Notice, kind="question_forwarded"):
    """To the coordinators: a question the knowledge base had no good answer to."""

    question_id: int
    text: str
    name: str | None
    role: Role = Role.GP


@dataclass(frozen=True, kw_only=True)
class QuestionReply(Notice, kind="question_reply"):
    """To the member who asked: the coordinator's answer."""

    question: str
    reply: str
