"""The wachtdienst roster: import from the roster tool's CSV, a member's shifts, reminders before
a shift with a handover confirmation, exemptions, and the fairness count per member.

The roster's natural key is (zone, post, start): importing the same period again updates those
shifts instead of adding copies. An import is checked as a whole first, so a bad file changes
nothing and the coordinator gets every bad line at once.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.core.csvfiles import TableRow, taking_turns
from bot.core.errors import DomainError, NotAllowed
from bot.core.locum import InvalidReplacement, parse_date
from bot.core.membership import require_manager
from bot.core.models import Member, OutboxMessage, Role, Shift, SwapStatus
from bot.core.notices.shifts import RosterChanged, ShiftReminder, ShiftSummary
from bot.core.ports import Clock, UnitOfWork, UnitOfWorkFactory
from bot.core.riziv import parse_riziv

# Columns of a roster file (README "Roster files"); Dutch and French headers are welcome too.
ROSTER_COLUMNS = ("start", "end", "zone", "riziv")
ROSTER_ALIASES = {
    "begin": "start",
    "van": "start",
    "début": "start",
    "debut": "start",
    "einde": "end",
    "eind": "end",
    "tot": "end",
    "fin": "end",
    "wachtpost": "post",
    "poste": "post",
    "inami": "riziv",
    "riziv-nummer": "riziv",
    "naam": "name",
    "nom": "name",
}
MAX_SHIFT = timedelta(hours=72)
REMINDER_CHOICES = (0, 2, 12, 24, 48)  # hours before a shift; 0: no reminder
UPCOMING = timedelta(weeks=8)
# A doctor's rest between the end of one shift and the start of their next: a swap or an
# assignment never gives anyone two shifts closer together (no nights back to back).
REST = timedelta(hours=24)
ON_CALL_ROLES = frozenset({Role.GP, Role.LOCUM})
_TIME = re.compile(r"(\d{1,2})\s*[:hHuU.]\s*(\d{2})")


class RosterReason(StrEnum):
    """Why a line of a roster file cannot be imported."""

    START = "start"
    """The start is not a date and time."""
    END = "end"
    """The end is not a date and time."""
    ORDER = "order"
    """The end is not after the start, or more than MAX_SHIFT after it."""
    ZONE = "zone"
    """No zone."""
    RIZIV = "riziv"
    """Not a valid RIZIV number."""
    DOCTOR = "doctor"
    """No active GP or locum has this RIZIV number."""
    DUPLICATE = "duplicate"
    """An earlier line has the same zone, post and start."""
    OVERLAP = "overlap"
    """The doctor is on duty in an overlapping shift: on another line, or one already in the
    roster that the file leaves as it is (e.g. the same night with and without a post)."""


RosterProblem = tuple[int, RosterReason, str]
"""A bad line of a roster file: its number, why, and the value at fault ("" if none)."""


class RosterRejected(DomainError):
    """A roster file with bad lines; nothing of it was imported."""

    def __init__(self, problems: list[RosterProblem]) -> None:
        super().__init__(f"{len(problems)} bad lines")
        self.problems = problems


class ShiftNotFound(DomainError):
    """A shift that is not there, or not the tapping member's."""


@dataclass(frozen=True)
class ImportReport:
    added: int
    updated: int
    unchanged: int
    first: datetime | None
    last: datetime | None


@dataclass(frozen=True)
class Tally:
    """Fairness: a member's shifts this year, done and still planned."""

    member: Member
    done: int
    planned: int


@dataclass(frozen=True)
class _Line:
    """A good line of a roster file: the shift it describes, its doctor and what identifies them
    in the file."""

    number: int
    shift: Shift
    assignee_id: int
    riziv: str


@dataclass
class _Changes:
    """What an import changes in one member's coming shifts."""

    added: list[ShiftSummary] = field(default_factory=list)
    changed: list[ShiftSummary] = field(default_factory=list)
    removed: list[ShiftSummary] = field(default_factory=list)

    def notice(self) -> RosterChanged:
        return RosterChanged(
            added=tuple(self.added), changed=tuple(self.changed), removed=tuple(self.removed)
        )


@dataclass
class _Checked:
    lines: list[_Line] = field(default_factory=list)
    problems: list[RosterProblem] = field(default_factory=list)


def parse_moment(text: str, zone: ZoneInfo) -> datetime:
    """A local date and time as roster tools write them: 2026-12-05 19:00, 5/12/2026 19u00."""
    day_text, _, time_text = text.strip().replace("T", " ").partition(" ")
    match = _TIME.fullmatch(time_text.strip())
    if match is None:
        raise ValueError(text)
    hours, minutes = (int(part) for part in match.groups())
    try:
        day: date = parse_date(day_text)
        return datetime.combine(day, time(hours, minutes), zone)
    except (InvalidReplacement, ValueError):
        raise ValueError(text) from None


def _note_change(changes: dict[int, _Changes], old: Shift, new: Shift) -> None:
    """A stored shift the import changes: another doctor (gone for one, new for the other), or
    the same doctor with another end."""
    after = ShiftSummary.of(replace(old, end_at=new.end_at))
    if old.assignee_id == new.assignee_id:
        changes.setdefault(new.assignee_id or 0, _Changes()).changed.append(after)
        return
    if old.assignee_id is not None:
        changes.setdefault(old.assignee_id, _Changes()).removed.append(ShiftSummary.of(old))
    changes.setdefault(new.assignee_id or 0, _Changes()).added.append(after)


def _overlaps(lines: Sequence[_Line], stored: Sequence[Shift]) -> list[RosterProblem]:
    """The lines whose doctor is on duty in an overlapping shift, as the roster would be after
    the import: the file's shifts and the stored ones it does not replace."""
    replaced = {(line.shift.zone, line.shift.post, line.shift.start_at) for line in lines}
    duties: dict[int, list[tuple[datetime, datetime, _Line | None]]] = {}
    for line in lines:
        duties.setdefault(line.assignee_id, []).append(
            (line.shift.start_at, line.shift.end_at, line)
        )
    for shift in stored:
        if shift.assignee_id in duties and (shift.zone, shift.post, shift.start_at) not in replaced:
            duties[shift.assignee_id].append((shift.start_at, shift.end_at, None))
    faulty: dict[int, _Line] = {}
    for periods in duties.values():
        periods.sort(key=lambda period: (period[0], period[1]))
        latest = periods[0]
        for period in periods[1:]:
            if period[0] < latest[1]:
                culprit = period[2] or latest[2]
                if culprit is not None:
                    faulty[culprit.number] = culprit
            if period[1] > latest[1]:
                latest = period
    return [(line.number, RosterReason.OVERLAP, line.riziv) for line in faulty.values()]


async def busy_around(uow: UnitOfWork, shift: Shift, ignoring: set[int]) -> set[int]:
    """Members who could not take `shift`: on duty in a shift that overlaps it or ends less
    than REST before it or starts less than REST after it, apart from the ignored shifts (the
    shift itself, one given away in return)."""
    nearby = await uow.shifts.touching(shift.start_at - REST, shift.end_at + REST)
    return {
        other.assignee_id
        for other in nearby
        if other.assignee_id is not None
        and other.id not in ignoring
        and other.end_at + REST > shift.start_at
        and shift.end_at + REST > other.start_at
    }


class RosterService:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock, timezone: str) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._zone = ZoneInfo(timezone)

    async def import_rows(self, actor: Member | None, rows: Sequence[TableRow]) -> ImportReport:
        """`actor` None: the command line. Every line is checked before anything is written."""
        if actor is not None:
            require_manager(actor)
        now = self._clock.now()
        async with self._uow() as uow:
            checked = await self._check(uow, rows, now)
            stored = await self._stored(uow, checked.lines)
            problems = checked.problems + _overlaps(checked.lines, stored)
            if problems:
                raise RosterRejected(sorted(problems))
            existing = {(shift.zone, shift.post, shift.start_at): shift for shift in stored}
            starts = [line.shift.start_at for line in checked.lines]
            added: list[Shift] = []
            updated = 0
            changes: dict[int, _Changes] = {}
            for line in checked.lines:
                new, assignee_id = line.shift, line.assignee_id
                old = existing.get((new.zone, new.post, new.start_at))
                if old is None:
                    added.append(new)
                elif (old.end_at, old.assignee_id) != (new.end_at, assignee_id):
                    if new.end_at > now:
                        _note_change(changes, old, new)
                    await self._change(uow, old, new.end_at, assignee_id, now)
                    updated += 1
                if old is None and new.end_at > now:
                    changes.setdefault(assignee_id, _Changes()).added.append(ShiftSummary.of(new))
            await uow.shifts.add_all(added)
            await self._tell_changes(uow, changes, now)
            await uow.commit()
        return ImportReport(
            len(added),
            updated,
            len(starts) - len(added) - updated,
            min(starts, default=None),
            max(starts, default=None),
        )

    @staticmethod
    async def _tell_changes(uow: UnitOfWork, changes: dict[int, _Changes], now: datetime) -> None:
        """One message per member whose coming shifts the import changed."""
        for member_id, change in changes.items():
            member = await uow.members.get(member_id)
            if member is not None and member.is_active and member.telegram_id is not None:
                await uow.outbox.add(OutboxMessage.to(member, change.notice(), now))

    @staticmethod
    async def _stored(uow: UnitOfWork, lines: Sequence[_Line]) -> Sequence[Shift]:
        """The stored shifts during the file's period: the ones an import may update, and the
        ones its doctors are already on duty in; one query rather than one per line."""
        if not lines:
            return []
        return await uow.shifts.touching(
            min(line.shift.start_at for line in lines), max(line.shift.end_at for line in lines)
        )

    async def _check(self, uow: UnitOfWork, rows: Sequence[TableRow], now: datetime) -> _Checked:
        checked = _Checked()
        seen: set[tuple[str, str, datetime]] = set()
        members_by_riziv: dict[str, Member | None] = {}
        async for row in taking_turns(rows):
            problem = self._row_problem(row)
            if problem is not None:
                checked.problems.append((row.line, *problem))
                continue
            start = parse_moment(row.values["start"], self._zone)
            end = parse_moment(row.values["end"], self._zone)
            zone, post = row.values["zone"][:40], row.values.get("post", "")[:40]
            digits = parse_riziv(row.values["riziv"]).digits
            if digits not in members_by_riziv:
                members_by_riziv[digits] = await uow.members.by_riziv(digits)
            member = members_by_riziv[digits]
            if member is None or not member.is_active or member.role not in ON_CALL_ROLES:
                checked.problems.append((row.line, RosterReason.DOCTOR, row.values["riziv"]))
            elif (zone, post, start) in seen:
                checked.problems.append((row.line, RosterReason.DUPLICATE, row.values["start"]))
            else:
                seen.add((zone, post, start))
                shift = Shift(zone, start, end, member.id, now, now, post=post)
                checked.lines.append(_Line(row.line, shift, member.id or 0, row.values["riziv"]))
        return checked

    def _row_problem(self, row: TableRow) -> tuple[RosterReason, str] | None:
        values = row.values
        moments: list[datetime] = []
        for column, reason in (("start", RosterReason.START), ("end", RosterReason.END)):
            try:
                moments.append(parse_moment(values.get(column, ""), self._zone))
            except ValueError:
                return reason, values.get(column, "")
        start, end = moments
        if not start < end <= start + MAX_SHIFT:
            return RosterReason.ORDER, f"{values['start']} – {values['end']}"
        if not values.get("zone"):
            return RosterReason.ZONE, ""
        try:
            parse_riziv(values.get("riziv", ""))
        except DomainError:
            return RosterReason.RIZIV, values.get("riziv", "")
        return None

    async def _change(
        self, uow: UnitOfWork, shift: Shift, end_at: datetime, assignee_id: int, now: datetime
    ) -> None:
        """A shift the roster tool changed: a pending swap of it no longer stands."""
        if shift.assignee_id != assignee_id:
            pending = await uow.swaps.pending_for_shift(shift.id or 0)
            if pending is not None:
                expected, pending.status = pending.status, SwapStatus.CANCELLED
                pending.decided_at, pending.reason = now, "roster"
                await uow.swaps.move(pending, expected)
            shift.reminded_at = shift.handover_confirmed_at = None
        shift.end_at, shift.assignee_id, shift.updated_at = end_at, assignee_id, now
        await uow.shifts.update(shift)

    async def upcoming(self, member: Member) -> list[Shift]:
        now = self._clock.now()
        async with self._uow() as uow:
            shifts = await uow.shifts.of_member(member.id or 0, ending_after=now)
        return [shift for shift in shifts if shift.start_at < now + UPCOMING]

    async def uncovered(self) -> list[Shift]:
        """Future shifts without a doctor (their doctor was erased): for the coordinator to
        cover, by importing the corrected roster."""
        async with self._uow() as uow:
            return list(await uow.shifts.unassigned(self._clock.now()))

    async def tally(self, year: int) -> list[Tally]:
        """Per on-call member: shifts this calendar year already done and still planned."""
        now = self._clock.now()
        start = datetime(year, 1, 1, tzinfo=self._zone)
        async with self._uow() as uow:
            shifts = await uow.shifts.starting_between(
                start, datetime(year + 1, 1, 1, tzinfo=self._zone)
            )
            members = [
                m for m in await uow.members.list(active_only=True) if m.role in ON_CALL_ROLES
            ]
        return [
            Tally(
                member,
                done=sum(1 for s in shifts if s.assignee_id == member.id and s.end_at <= now),
                planned=sum(1 for s in shifts if s.assignee_id == member.id and s.end_at > now),
            )
            for member in members
        ]

    async def set_exempt(self, manager: Member, member_id: int, exempt: bool) -> Member:
        require_manager(manager)
        async with self._uow() as uow:
            member = await uow.members.get(member_id)
            if member is None or member.role not in ON_CALL_ROLES:
                raise NotAllowed()
            member.on_call_exempt, member.updated_at = exempt, self._clock.now()
            await uow.members.update(member)
            await uow.commit()
        return member

    async def set_reminder(self, member: Member, hours: int) -> Member:
        """How many hours before a shift the member wants a reminder (0: none)."""
        if hours not in REMINDER_CHOICES:
            raise NotAllowed()
        async with self._uow() as uow:
            stored = await uow.members.get(member.id or 0)
            if stored is None:
                raise NotAllowed()
            stored.shift_reminder_hours, stored.updated_at = hours, self._clock.now()
            await uow.members.update(stored)
            await uow.commit()
        return stored

    async def on_call_members(self) -> list[Member]:
        async with self._uow() as uow:
            members = await uow.members.list(active_only=True)
        return [member for member in members if member.role in ON_CALL_ROLES]

    async def confirm_handover(self, member: Member, shift_id: int) -> Shift:
        """The assignee confirms they took the wacht over (phone diverted, bag ready)."""
        async with self._uow() as uow:
            shift = await uow.shifts.get(shift_id)
            if shift is None or shift.assignee_id != member.id:
                raise ShiftNotFound()
            if shift.handover_confirmed_at is None:
                shift.handover_confirmed_at = self._clock.now()
                await uow.shifts.update(shift)
                await uow.commit()
        return shift

    async def remind_due(self) -> int:
        """Queue a reminder for every shift whose assignee's reminder moment has come. The claim
        on the shift makes sure a reminder is queued once, whichever process gets there first;
        a shift that already started gets none (the bot was down: too late to remind)."""
        now = self._clock.now()
        queued = 0
        async with self._uow() as uow:
            window = timedelta(hours=max(REMINDER_CHOICES))
            for shift in await uow.shifts.starting_between(now, now + window):
                if shift.reminded_at is not None or shift.assignee_id is None:
                    continue  # most shifts of the window, on every tick: no query for them
                member = await uow.members.get(shift.assignee_id)
                if (
                    member is None
                    or not member.is_active
                    or member.telegram_id is None
                    or member.shift_reminder_hours == 0
                    or shift.start_at - timedelta(hours=member.shift_reminder_hours) > now
                    or not await uow.shifts.claim_reminder(shift.id or 0, now)
                ):
                    continue
                notice = ShiftReminder(shift=ShiftSummary.of(shift))
                await uow.outbox.add(OutboxMessage.to(member, notice, now))
                queued += 1
            await uow.commit()
        return queued
