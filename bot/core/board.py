"""The locum board (seed 001, seed 004's regional pool): a GP posts a need, locums whose
preferences match are told and can say they are interested; the GP picks one and only then do
both get each other's contact. Locums can post their availability for GPs to browse. The same
interest-and-pick flow serves both kinds of post."""

from collections.abc import Callable
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from bot.core.errors import DomainError, NotAllowed
from bot.core.locum import InvalidReplacement, ReplacementReason
from bot.core.membership import is_manager
from bot.core.models import (
    BoardPost,
    Member,
    OutboxMessage,
    PostKind,
    PostStatus,
    Role,
    Subscription,
)
from bot.core.notices.locum import (
    BoardInterest,
    BoardMatch,
    BoardNotChosen,
    LocumWanted,
    PostPeriod,
)
from bot.core.ports import Clock, UnitOfWork, UnitOfWorkFactory

DETAILS_MAX = 300
ANY = "*"  # a preference that accepts everything


class PostNotAvailable(DomainError):
    """Closed, filled, expired, removed, or never there."""


def _norm(value: str) -> str:
    return " ".join(value.lower().split())


# Languages by their name in Dutch, French and English (and in the language itself), so that
# "English, Dutch" typed by a locum matches "nl" posted by a GP.
LANGUAGE_CODES = {
    name: code
    for code, names in {
        "nl": ("nederlands", "dutch", "néerlandais", "neerlandais", "vlaams", "flemish", "flamand"),
        "fr": ("frans", "french", "français", "francais"),
        "en": ("engels", "english", "anglais"),
        "de": ("duits", "german", "allemand", "deutsch"),
    }.items()
    for name in (code, *names)
}


def language_code(language: str) -> str:
    """ "English" -> "en"; a language we have no code for stays as typed, in lower case."""
    return LANGUAGE_CODES.get(_norm(language), _norm(language))


def matches(post: BoardPost, subscription: Subscription) -> bool:
    def accepts(wanted: list[str], offered: list[str], norm: Callable[[str], str] = _norm) -> bool:
        return (
            not wanted
            or not offered
            or bool({norm(w) for w in wanted} & {norm(o) for o in offered})
        )

    return (
        accepts(subscription.zones, [post.zone])
        and accepts(subscription.software, [post.software] if post.software else [])
        and accepts(subscription.languages, post.languages, language_code)
        and (subscription.available_from is None or post.end_on >= subscription.available_from)
        and (subscription.available_until is None or post.start_on <= subscription.available_until)
    )


def language_list(text: str) -> list[str]:
    """ "English, Dutch" -> ["en", "nl"]; "-" -> [] (any language)."""
    return list(dict.fromkeys(language_code(language) for language in split_list(text)))


def split_list(text: str) -> list[str]:
    """ "Noord, Zuid" -> ["Noord", "Zuid"]; "alle", "all", "tous", "-" -> [] (anything)."""
    items = [" ".join(part.split()) for part in text.replace(";", ",").split(",")]
    items = [item for item in items if item]
    if not items or _norm(items[0]) in {"alle", "all", "tous", "toutes", "-", "*"}:
        return []
    return [item[:40] for item in items[:10]]


class BoardService:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock, timezone: str) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._zone = ZoneInfo(timezone)

    async def post(
        self,
        author: Member,
        kind: PostKind,
        start_on: date,
        end_on: date,
        zone: str,
        software: str,
        languages: list[str],
        details: str,
    ) -> tuple[BoardPost, int]:
        """Publish a post; return it and how many locums were told about it (needs only)."""
        if end_on < start_on:
            raise InvalidReplacement(ReplacementReason.END_BEFORE_START)
        if kind is PostKind.AVAILABILITY and author.role is not Role.LOCUM:
            raise NotAllowed()
        now = self._clock.now()
        post = BoardPost(
            author_id=author.id or 0,
            kind=kind,
            zone=" ".join(zone.split())[:40] or "-",
            start_on=start_on,
            end_on=end_on,
            software=" ".join(software.split())[:40],
            languages=languages,
            details=" ".join(details.split())[:DETAILS_MAX],
            created_at=now,
            expires_at=datetime.combine(end_on, time(23, 59), self._zone),
        )
        told = 0
        async with self._uow() as uow:
            post = await uow.board.add_post(post)
            if kind is PostKind.NEED:
                for subscription in await uow.board.subscriptions():
                    member = await uow.members.get(subscription.member_id)
                    if (
                        member is None
                        or member.id == author.id
                        or not member.is_active
                        or member.telegram_id is None
                        or not matches(post, subscription)
                    ):
                        continue
                    await uow.outbox.add(OutboxMessage.to(member, _wanted(post, author), now))
                    told += 1
            await uow.commit()
        return post, told

    async def subscribe(self, member: Member, subscription: Subscription) -> Subscription:
        subscription.member_id = member.id or 0
        async with self._uow() as uow:
            saved = await uow.board.save_subscription(subscription)
            await uow.commit()
            return saved

    async def open_posts(self, kind: PostKind) -> list[BoardPost]:
        now = self._clock.now()
        async with self._uow() as uow:
            posts = await uow.board.posts(kind, PostStatus.OPEN)
        return [post for post in posts if post.expires_at > now]

    async def board_for(self, member: Member) -> list[BoardPost]:
        """What the member browses: their own open posts first, then the other side's (needs
        for locums, availabilities for GPs; both for the coordinator and staff)."""
        if is_manager(member):
            kinds = [PostKind.NEED, PostKind.AVAILABILITY]
        else:
            kinds = [PostKind.NEED] if member.role is Role.LOCUM else [PostKind.AVAILABILITY]
        posts = [post for kind in PostKind for post in await self.open_posts(kind)]
        own = [post for post in posts if post.author_id == member.id]
        others = [post for post in posts if post.kind in kinds and post.author_id != member.id]
        return own + others

    async def interested(self, member: Member, post_id: int) -> BoardPost:
        """The member says they are interested; the author is told once."""
        now = self._clock.now()
        async with self._uow() as uow:
            post = await self._open(uow, post_id)
            author = await uow.members.get(post.author_id)
            if post.author_id == member.id or author is None or author.telegram_id is None:
                raise PostNotAvailable()
            if member.id not in post.interested:
                post.interested.append(member.id or 0)
                await uow.board.update_post(post)
                interest = BoardInterest(
                    post_id=post.id or 0,
                    member_id=member.id or 0,
                    name=member.name,
                    role=member.role,
                    period=PostPeriod.of(post),
                )
                await uow.outbox.add(OutboxMessage.to(author, interest, now))
            await uow.commit()
            return post

    async def pick(self, author: Member, post_id: int, member_id: int) -> Member:
        """The author chooses; both now get each other's contact details."""
        now = self._clock.now()
        async with self._uow() as uow:
            post = await self._open(uow, post_id)
            chosen = await uow.members.get(member_id)
            if post.author_id != author.id or member_id not in post.interested or chosen is None:
                raise PostNotAvailable()
            post.status, post.chosen_id = PostStatus.FILLED, member_id
            await uow.board.update_post(post)
            for receiver, other in ((author, chosen), (chosen, author)):
                match = BoardMatch(
                    name=other.name,
                    telegram_id=other.telegram_id,
                    riziv=other.riziv,
                    period=PostPeriod.of(post),
                )
                await uow.outbox.add(OutboxMessage.to(receiver, match, now))
            for other_id in post.interested:  # the others need not wait for an answer
                passed_over = await uow.members.get(other_id) if other_id != member_id else None
                if (
                    passed_over is not None
                    and passed_over.is_active
                    and passed_over.telegram_id is not None
                ):
                    filled = BoardNotChosen(period=PostPeriod.of(post))
                    await uow.outbox.add(OutboxMessage.to(passed_over, filled, now))
            await uow.commit()
            return chosen

    async def close(self, member: Member, post_id: int) -> BoardPost:
        """The author closes their post; the coordinator or staff may remove any."""
        async with self._uow() as uow:
            post = await self._open(uow, post_id)
            if post.author_id == member.id:
                post.status = PostStatus.CLOSED
            elif is_manager(member):
                post.status = PostStatus.REMOVED
            else:
                raise PostNotAvailable()
            await uow.board.update_post(post)
            await uow.commit()
            return post

    async def _open(self, uow: UnitOfWork, post_id: int) -> BoardPost:
        """The post, locked for this transaction, if it can still be acted on."""
        post = await uow.board.get_post(post_id)
        if post is None or post.status is not PostStatus.OPEN:
            raise PostNotAvailable()
        if post.expires_at <= self._clock.now():
            raise PostNotAvailable()
        return post


def _wanted(post: BoardPost, author: Member) -> LocumWanted:
    return LocumWanted(
        post_id=post.id or 0,
        author=author.name,
        software=post.software,
        languages=tuple(post.languages),
        details=post.details,
        period=PostPeriod.of(post),
    )
