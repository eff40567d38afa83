"""Past announcements of the large demo kring, delivered: each a finished broadcast with one sent
outbox row per recipient (members who blocked the bot listed as unreachable, quiet hours kept)
and the delivery report its author got, as BroadcastService leaves them (bot/core/broadcast.py).
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.broadcast import audience_from
from bot.core.models import Broadcast, BroadcastState, Member, OutboxMessage, OutboxState
from bot.core.notices import Envelope
from bot.core.notices import broadcast as notices
from bot.core.ports import UnitOfWork
from bot.core.quiet import deliver_at

SEND_INTERVAL = timedelta(milliseconds=40)  # the sender's pace (about 28 a second)
FIRST_MESSAGE_ID = 20_000  # Telegram message ids of the rows sent (any will do in the emulator)


@dataclass(frozen=True)
class Announcement:
    days_ago: int
    at: time
    audience: str  # bot.core.broadcast.audience_from
    text: str
    urgent: bool = False


ANNOUNCEMENTS = (
    Announcement(
        45,
        time(10, 0),
        "all",
        "Beste collega's, vanaf volgende maand geldt de nieuwe regeling voor de wachtpost: "
        "wachtwissels meldt u voortaan via de bot, zodat het secretariaat ze tijdig in Medega "
        "kan doorgeven. / Chers confrères, à partir du mois prochain, les échanges de garde "
        "se signalent via le bot.",
    ),
    Announcement(
        30,
        time(18, 30),
        "role:locum",
        "Vervangartsen: vergeet uw LOK-sessies niet, minstens twee per jaar voor uw "
        "accreditering. De data staan onder /cme.",
    ),
    Announcement(
        12,
        time(23, 10),
        "zone:Oost",
        "Dringend: de wachtpost Oost is vannacht niet bereikbaar op het vaste nummer. "
        "Gebruik het gsm-nummer uit de wachtlijst.",
        urgent=True,
    ),
    Announcement(
        5,
        time(9, 15),
        "all",
        "De algemene vergadering van de kring verschuift naar donderdag 20:00, zaal De Linde. "
        "/ L'assemblée générale est reportée à jeudi 20h, salle De Linde.",
    ),
)


async def add_announcements(uow: UnitOfWork, author: Member, now: datetime, zone: ZoneInfo) -> None:
    """Store ANNOUNCEMENTS with their delivery; `author` is the coordinator."""
    message_ids = iter(range(FIRST_MESSAGE_ID, FIRST_MESSAGE_ID + 100_000))
    for announcement in ANNOUNCEMENTS:
        day = now.astimezone(zone).date() - timedelta(days=announcement.days_ago)
        moment = datetime.combine(day, announcement.at, zone)
        recipients = await audience_from(announcement.audience).members(uow)
        rows = [
            _delivered(announcement, member, moment + n * SEND_INTERVAL, zone, message_ids)
            for n, member in enumerate(recipients)
        ]
        broadcast = await uow.broadcasts.add(
            Broadcast(
                author_id=author.id or 0,
                audience=announcement.audience,
                text=announcement.text,
                created_at=moment,
                scheduled_at=moment,
                urgent=announcement.urgent,
                state=BroadcastState.DONE,
                finished_at=max(row.sent_at or moment for row in rows) + timedelta(seconds=2),
            )
        )
        for row in rows:
            row.broadcast_id = broadcast.id
        rows.append(_report(broadcast, author, rows, recipients, next(message_ids)))
        await uow.outbox.add_many(rows)


def _delivered(
    announcement: Announcement,
    member: Member,
    moment: datetime,
    zone: ZoneInfo,
    message_ids: Iterator[int],
) -> OutboxMessage:
    urgent = announcement.urgent
    row = OutboxMessage.to(
        member,
        notices.Announcement(text=announcement.text),
        deliver_at(member, moment, zone, urgent),
        Envelope(urgent=urgent),
    )
    if member.reachable:
        row.state, row.sent_at, row.claimed_at = OutboxState.SENT, row.due_at, row.due_at
        row.attempts, row.telegram_message_id = 1, next(message_ids)
    else:  # blocked the bot before: listed in the report, not tried
        row.state = OutboxState.UNREACHABLE
    return row


def _report(
    broadcast: Broadcast,
    author: Member,
    rows: Sequence[OutboxMessage],
    recipients: Sequence[Member],
    message_id: int,
) -> OutboxMessage:
    counts: dict[OutboxState, int] = {}
    for row in rows:
        counts[row.state] = counts.get(row.state, 0) + 1
    finished = broadcast.finished_at or broadcast.scheduled_at
    report = OutboxMessage.to(
        author,
        notices.BroadcastReport(
            broadcast_id=broadcast.id or 0,
            counts=counts,
            unreachable_names=tuple(sorted(m.name or "" for m in recipients if not m.reachable)),
        ),
        finished,
    )
    report.state, report.sent_at, report.claimed_at = OutboxState.SENT, finished, finished
    report.attempts, report.telegram_message_id = 1, message_id
    return report
