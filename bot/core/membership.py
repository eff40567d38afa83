"""Membership: invites, onboarding, join requests, and the member's own settings.

A person becomes a member in one of two ways. With an invite from the coordinator, `/start <code>`
creates a pending member with the invite's role and zone; once the name and RIZIV number are given
the member is active. Without an invite, a person asks to join; after the same two answers the
coordinators are asked to approve. The onboarding step is derived from the pending member row, so
it survives a restart of the bot.
"""

import re
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import time, timedelta
from enum import StrEnum

from bot.core.errors import (
    AlreadyMember,
    InvalidName,
    InvalidRiziv,
    InviteInvalid,
    InviteReason,
    JoinRequestNotFound,
    MemberNotFound,
    NotAllowed,
    NotAMember,
    RizivReason,
    StoreConflict,
    UnknownLanguage,
    UnknownZone,
)
from bot.core.models import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    DigestFrequency,
    Invite,
    JoinPath,
    Member,
    MemberStatus,
    OutboxMessage,
    Role,
)
from bot.core.notices.membership import JoinApproved, JoinRejected, JoinRequest, MemberJoined
from bot.core.ports import Clock, UnitOfWork, UnitOfWorkFactory
from bot.core.riziv import parse_riziv

INVITE_TTL = timedelta(days=14)
MANAGER_ROLES = frozenset({Role.COORDINATOR, Role.STAFF})
NAME_MAX_LENGTH = 80


def is_manager(member: Member) -> bool:
    """The one rule for who manages the kring in the bot (events, roster, swaps, members, the
    inbox …): an active coordinator or staff member. A suspended coordinator manages nothing."""
    return member.is_active and member.role in MANAGER_ROLES


def require_manager(member: Member | None) -> None:
    """Refuse anyone who does not manage: NotAMember for no member at all, else NotAllowed."""
    if member is None:
        raise NotAMember()
    if not is_manager(member):
        raise NotAllowed()


def may_grant(manager: Member, role: Role) -> bool:
    """Who may make someone a manager: only an active coordinator invites or admits a coordinator
    or staff member. Staff who could would make themselves coordinator through a second account."""
    if role in MANAGER_ROLES:
        return manager.is_active and manager.role is Role.COORDINATOR
    return is_manager(manager)


# The words a coordinator may type for a role (/invite vervangarts), in nl, fr and en, compared
# without accents or case (see name_sort_key).
ROLE_WORDS: dict[str, Role] = {
    **dict.fromkeys(("gp", "huisarts", "generaliste", "medecin generaliste", "mg"), Role.GP),
    **dict.fromkeys(
        ("locum", "vervangarts", "vervanger", "remplacant", "remplacante", "medecin remplacant"),
        Role.LOCUM,
    ),
    **dict.fromkeys(("staff", "medewerker", "personeel", "personnel"), Role.STAFF),
    **dict.fromkeys(("coordinator", "coordinateur", "coordinatrice"), Role.COORDINATOR),
}


def parse_role(word: str) -> Role | None:
    """The role a typed word names, or None."""
    return ROLE_WORDS.get(" ".join(name_sort_key(word).split()))


def match_zone(typed: str, zones: list[str]) -> str:
    """The kring's zone as it is spelled, for a zone typed in any case or without accents.
    A kring that has no zones yet gets its first ones from invites, so then any zone goes."""
    typed = " ".join(typed.split())
    if not zones:
        return typed
    for zone in zones:
        if name_sort_key(zone) == name_sort_key(typed):
            return zone
    raise UnknownZone(typed, zones)


class OnboardingStep(StrEnum):
    NAME = "name"
    RIZIV = "riziv"
    AWAITING_APPROVAL = "awaiting_approval"
    DONE = "done"


@dataclass(frozen=True)
class TelegramPerson:
    """Who is writing, as Telegram tells us."""

    telegram_id: int
    language_code: str | None = None


@dataclass(frozen=True)
class Onboarding:
    member: Member
    step: OnboardingStep


def onboarding_step(member: Member) -> OnboardingStep:
    if member.is_active:
        return OnboardingStep.DONE
    if member.name is None:
        return OnboardingStep.NAME
    if member.needs_riziv and member.riziv is None:
        return OnboardingStep.RIZIV
    return OnboardingStep.AWAITING_APPROVAL


def language_for(telegram_language_code: str | None, default: str = DEFAULT_LANGUAGE) -> str:
    """The catalog language for a Telegram `language_code` like `fr-BE`; `default` otherwise."""
    code = (telegram_language_code or "").split("-")[0].lower()
    return code if code in LANGUAGES else default


def random_invite_code() -> str:
    return secrets.token_urlsafe(12)


def name_sort_key(name: str | None) -> str:
    """Alphabetical as people expect it: Élise between Bart and Karin, case ignored."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def name_matches(query: str, name: str | None) -> bool:
    """Does a typed search ("jan", "VAN DEN", "dhondt", "elise") find this name? Every word
    typed must be part of the name; accents, case, apostrophes and dashes do not matter, nor do
    the spaces in a surname ("devos" finds De Vos)."""
    words = _search_text(query).split()
    folded = _search_text(name or "")
    compact = folded.replace(" ", "")
    return bool(words) and all(word in folded or word in compact for word in words)


def _search_text(text: str) -> str:
    for mark in "'’`´":
        text = text.replace(mark, "")
    return " ".join(name_sort_key(text.replace("-", " ")).split())


def clean_name(text: str) -> str:
    name = " ".join(unicodedata.normalize("NFC", text).split())
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        raise InvalidName(text)
    if not (2 <= len(name) <= NAME_MAX_LENGTH) or name.startswith("/"):
        raise InvalidName(text)
    if not re.search(r"[^\W\d_]", name):
        raise InvalidName(text)
    return name


class MembershipService:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        default_language: str = DEFAULT_LANGUAGE,
        new_invite_code: Callable[[], str] = random_invite_code,
    ) -> None:
        """`new_invite_code` is random; chat scripts pass a seeded one for repeatable output."""
        self._uow = uow_factory
        self._clock = clock
        self._default_language = default_language
        self._new_invite_code = new_invite_code

    async def redeem_invite(self, person: TelegramPerson, code: str) -> Onboarding:
        now = self._clock.now()
        async with self._uow() as uow:
            existing = await uow.members.by_telegram_id(person.telegram_id)
            if existing is not None and existing.status is not MemberStatus.PENDING:
                raise AlreadyMember()
            invite = await uow.invites.by_code(code)
            if invite is None:
                raise InviteInvalid(InviteReason.UNKNOWN)
            if invite.used_at is not None:
                raise InviteInvalid(InviteReason.USED)
            if invite.expires_at <= now:
                raise InviteInvalid(InviteReason.EXPIRED)
            member = existing or Member(
                telegram_id=person.telegram_id,
                role=invite.role,
                language=language_for(person.language_code, self._default_language),
            )
            member.role, member.zone, member.joined_via = invite.role, invite.zone, JoinPath.INVITE
            member.updated_at = now
            if member.id is None:
                member.created_at = now
                member = await uow.members.add(member)
            else:
                await uow.members.update(member)
            if not await uow.invites.redeem(invite.id or 0, member.id or 0, now):
                raise InviteInvalid(InviteReason.USED)  # used a moment ago: nothing is kept
            await self._advance(uow, member, invite_creator=invite.created_by)
            await uow.commit()
            return Onboarding(member, onboarding_step(member))

    async def request_to_join(self, person: TelegramPerson) -> Onboarding:
        now = self._clock.now()
        async with self._uow() as uow:
            existing = await uow.members.by_telegram_id(person.telegram_id)
            if existing is not None:
                if existing.status is not MemberStatus.PENDING:
                    raise AlreadyMember()
                return Onboarding(existing, onboarding_step(existing))
            member = await uow.members.add(
                Member(
                    telegram_id=person.telegram_id,
                    role=Role.GP,
                    language=language_for(person.language_code, self._default_language),
                    joined_via=JoinPath.REQUEST,
                    created_at=now,
                    updated_at=now,
                )
            )
            await uow.commit()
            return Onboarding(member, onboarding_step(member))

    async def answer_onboarding(self, telegram_id: int, text: str) -> Onboarding:
        """Take the pending member's answer to the current onboarding question."""
        try:
            return await self._answer_onboarding(telegram_id, text)
        except StoreConflict:  # the only unique value an answer sets: the RIZIV number
            raise InvalidRiziv(RizivReason.TAKEN) from None

    async def _answer_onboarding(self, telegram_id: int, text: str) -> Onboarding:
        async with self._uow() as uow:
            member = await uow.members.by_telegram_id(telegram_id)
            if member is None or member.status is not MemberStatus.PENDING:
                raise NotAMember()
            step = onboarding_step(member)
            if step is OnboardingStep.NAME:
                member.name = clean_name(text)
            elif step is OnboardingStep.RIZIV:
                riziv = parse_riziv(text)
                other = await uow.members.by_riziv(riziv.digits)
                if other is not None and other.id != member.id:
                    raise InvalidRiziv(RizivReason.TAKEN)
                member.riziv = riziv.digits
            else:
                return Onboarding(member, step)
            member.updated_at = self._clock.now()
            await self._advance(uow, member, invite_creator=None)
            await uow.commit()
            return Onboarding(member, onboarding_step(member))

    async def _advance(self, uow: UnitOfWork, member: Member, invite_creator: int | None) -> None:
        """Persist the member and, when the last answer is in, activate or ask for approval."""
        if onboarding_step(member) is OnboardingStep.AWAITING_APPROVAL:
            if member.joined_via is JoinPath.INVITE:
                member.status = MemberStatus.ACTIVE
                await self._notify_managers(uow, MemberJoined, member, only=invite_creator)
            else:
                await self._notify_managers(uow, JoinRequest, member)
        await uow.members.update(member)

    async def _notify_managers(
        self,
        uow: UnitOfWork,
        kind: type[JoinRequest | MemberJoined],
        member: Member,
        only: int | None = None,
    ) -> None:
        now, notice = self._clock.now(), kind.of(member)
        for manager in await uow.members.coordinators():
            if manager.telegram_id is None or (only is not None and manager.id != only):
                continue
            await uow.outbox.add(OutboxMessage.to(manager, notice, now))

    async def create_invite(
        self, manager_telegram_id: int | None, role: Role, zone: str | None = None
    ) -> Invite:
        """Create a single-use invite. `manager_telegram_id` None means the command line.
        The zone must be one of the kring's (see match_zone)."""
        now = self._clock.now()
        async with self._uow() as uow:
            created_by = None
            if manager_telegram_id is not None:
                created_by = (await self._granting(uow, manager_telegram_id, role)).id
            if zone:
                zone = match_zone(zone, await self._zones(uow))
            invite = await uow.invites.add(
                Invite(
                    code=self._new_invite_code(),
                    role=role,
                    zone=zone or None,
                    created_by=created_by,
                    created_at=now,
                    expires_at=now + INVITE_TTL,
                )
            )
            await uow.commit()
            return invite

    async def decide_join_request(
        self,
        manager_telegram_id: int,
        member_id: int,
        *,
        approve: bool,
        role: Role = Role.GP,
        zone: str | None = None,
    ) -> Member:
        """Approve (with a role and, if given, one of the kring's zones) or reject."""
        now = self._clock.now()
        async with self._uow() as uow:
            await self._granting(uow, manager_telegram_id, role if approve else Role.GP)
            member = await uow.members.get(member_id)
            if member is None or onboarding_step(member) is not OnboardingStep.AWAITING_APPROVAL:
                raise JoinRequestNotFound()
            decision = JoinApproved(role=role) if approve else JoinRejected()
            notice = OutboxMessage.to(member, decision, now)
            if approve:
                member.role, member.status, member.updated_at = role, MemberStatus.ACTIVE, now
                member.zone = match_zone(zone, await self._zones(uow)) if zone else None
                await uow.members.update(member)
            else:
                notice.member_id = None
                await uow.members.delete(member_id)
            await uow.outbox.add(notice)
            await uow.commit()
            return member

    async def set_language(self, telegram_id: int, language: str) -> Member:
        if language not in LANGUAGES:
            raise UnknownLanguage(language)
        return await self._change(telegram_id, language=language)

    async def set_digest(self, telegram_id: int, frequency: DigestFrequency) -> Member:
        return await self._change(telegram_id, digest=frequency)

    async def set_cme_announcements(self, telegram_id: int, wanted: bool) -> Member:
        """Whether the member is told of each new CME event open to them."""
        return await self._change(telegram_id, cme_announcements=wanted)

    async def set_quiet_hours(
        self, telegram_id: int, start: time | None, end: time | None
    ) -> Member:
        """Quiet hours from `start` to `end` (local time), or none when either is None."""
        if start is None or end is None or start == end:
            start = end = None
        return await self._change(telegram_id, quiet_from=start, quiet_until=end)

    async def _change(self, telegram_id: int, **preferences: object) -> Member:
        async with self._uow() as uow:
            member = await uow.members.by_telegram_id(telegram_id)
            if member is None:
                raise NotAMember()
            for name, value in preferences.items():
                setattr(member, name, value)
            member.updated_at = self._clock.now()
            await uow.members.update(member)
            await uow.commit()
            return member

    async def zones(self) -> list[str]:
        """The kring's zones: those its active members are in."""
        async with self._uow() as uow:
            return await self._zones(uow)

    @staticmethod
    async def _zones(uow: UnitOfWork) -> list[str]:
        members = await uow.members.list(active_only=True)
        return sorted({member.zone for member in members if member.zone}, key=name_sort_key)

    # --- the coordinator manages members: suspend, reactivate, role, zone, remove ----------------

    async def manageable(self, coordinator_telegram_id: int) -> list[Member]:
        """Everyone a coordinator can manage (not applicants, not erased members, not
        themselves), by name."""
        async with self._uow() as uow:
            coordinator = await self._granting(uow, coordinator_telegram_id, Role.COORDINATOR)
            members = await uow.members.list()
        managed = (MemberStatus.ACTIVE, MemberStatus.SUSPENDED)
        kept = [m for m in members if m.status in managed and m.id != coordinator.id]
        return sorted(kept, key=lambda m: name_sort_key(m.name))

    async def managed(self, coordinator_telegram_id: int, member_id: int) -> Member:
        """The member, if this coordinator may manage them (see _manage); changes nothing."""
        return await self._manage(coordinator_telegram_id, member_id, None)

    async def set_active(
        self, coordinator_telegram_id: int, member_id: int, active: bool
    ) -> Member:
        """Suspend (the member keeps their data but can use nothing) or reactivate."""
        status = MemberStatus.ACTIVE if active else MemberStatus.SUSPENDED
        return await self._manage(
            coordinator_telegram_id,
            member_id,
            lambda member, zones: setattr(member, "status", status),
        )

    async def set_role(self, coordinator_telegram_id: int, member_id: int, role: Role) -> Member:
        return await self._manage(
            coordinator_telegram_id, member_id, lambda member, zones: setattr(member, "role", role)
        )

    async def set_zone(
        self, coordinator_telegram_id: int, member_id: int, zone: str | None
    ) -> Member:
        """One of the kring's zones (see match_zone), or none."""

        def change(member: Member, zones: list[str]) -> None:
            member.zone = match_zone(zone, zones) if zone else None

        return await self._manage(coordinator_telegram_id, member_id, change)

    async def _manage(
        self,
        coordinator_telegram_id: int,
        member_id: int,
        change: Callable[[Member, list[str]], None] | None,
    ) -> Member:
        """Only an active coordinator manages members, never themselves (a coordinator who
        suspended or demoted themselves could not undo it), and only active or suspended ones."""
        async with self._uow() as uow:
            coordinator = await self._granting(uow, coordinator_telegram_id, Role.COORDINATOR)
            member = await uow.members.get(member_id)
            if member is None or member.status not in (
                MemberStatus.ACTIVE,
                MemberStatus.SUSPENDED,
            ):
                raise MemberNotFound()
            if member.id == coordinator.id:
                raise NotAllowed()
            if change is None:
                return member
            change(member, await self._zones(uow))
            member.updated_at = self._clock.now()
            await uow.members.update(member)
            await uow.commit()
            return member

    async def managers(self) -> list[Member]:
        """Active coordinators and staff (they get the coordinator command menu)."""
        async with self._uow() as uow:
            members = await uow.members.list(active_only=True)
            return [member for member in members if is_manager(member)]

    async def members(self, manager_telegram_id: int) -> list[Member]:
        async with self._uow() as uow:
            await self._manager(uow, manager_telegram_id)
            return sorted(await uow.members.list(), key=lambda m: name_sort_key(m.name))

    @staticmethod
    async def _manager(uow: UnitOfWork, telegram_id: int) -> Member:
        """The member with this Telegram account, if they manage (see require_manager)."""
        manager = await uow.members.by_telegram_id(telegram_id)
        require_manager(manager)
        assert manager is not None  # require_manager refuses None
        return manager

    @classmethod
    async def _granting(cls, uow: UnitOfWork, telegram_id: int, role: Role) -> Member:
        """The manager with this Telegram account, if they may give `role` (see may_grant)."""
        manager = await cls._manager(uow, telegram_id)
        if not may_grant(manager, role):
            raise NotAllowed()
        return manager
