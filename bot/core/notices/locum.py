"""The notices of the locum board and of replacements."""

from dataclasses import dataclass
from datetime import date
from typing import Self

from bot.core.models import BoardPost, Role
from bot.core.notices import Flat, Notice


@dataclass(frozen=True, kw_only=True)
class PostPeriod:
    """When and where a board post is for."""

    start_on: date
    end_on: date
    zone: str

    @classmethod
    def of(cls, post: BoardPost) -> Self:
        return cls(start_on=post.start_on, end_on=post.end_on, zone=post.zone)


@dataclass(frozen=True, kw_only=True)
class LocumWanted(Notice, kind="board_post"):
    """To each locum whose subscription matches a new post of a GP looking for a locum."""

    post_id: int
    author: str | None
    software: str
    languages: tuple[str, ...]
    details: str
    period: Flat[PostPeriod]


@dataclass(frozen=True, kw_only=True)
class BoardInterest(Notice, kind="board_interest"):
    """To the author: someone is interested in their post, with a button to pick them."""

    post_id: int
    member_id: int
    name: str | None
    role: Role = Role.GP
    period: Flat[PostPeriod]


@dataclass(frozen=True, kw_only=True)
class BoardMatch(Notice, kind="board_match"):
    """To both sides once the author picked: the other one's contact details."""

    name: str | None
    telegram_id: int | None
    riziv: str | None
    period: Flat[PostPeriod]


@dataclass(frozen=True, kw_only=True)
class BoardNotChosen(Notice, kind="board_not_chosen"):
    """To each interested member the author did not pick: the post is filled."""

    period: Flat[PostPeriod]


@dataclass(frozen=True, kw_only=True)
class LocumEndReminder(Notice, kind="locum_end_reminder"):
    """Before a replacement ends: the last-day checklist."""

    replacement_id: int
    practice: str
    end_on: date
