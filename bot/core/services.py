"""The services a handler may call, bundled so the composition root can hand them over at once."""

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.core.audit import AuditService, ErrorReporter
from bot.core.board import BoardService
from bot.core.broadcast import BroadcastService
from bot.core.buckets import Buckets
from bot.core.cme import AttendanceService, CreditsService, EventsService, SeatsService
from bot.core.console import ConsoleService
from bot.core.conversations import ConversationStore
from bot.core.digest import DigestService
from bot.core.feeds import FeedService
from bot.core.flood import FloodGuard
from bot.core.knowledge.service import KnowledgeService
from bot.core.knowledge.teaching import TeachingService
from bot.core.locum import LocumService
from bot.core.membership import MembershipService
from bot.core.outbox import OutboxService
from bot.core.ports import Clock
from bot.core.privacy import PrivacyService
from bot.core.roster import RosterService
from bot.core.stats import StatsService
from bot.core.swaps import SwapService
from bot.core.updates import UpdateLog


@dataclass(frozen=True)
class Kring:
    """What members are told about the kring itself."""

    name: str
    contact: str
    timezone: str = "Europe/Brussels"
    phone: str = ""  # the coordinator's, for what cannot wait (a doctor calling in sick)
    default_language: str = "nl"  # for people whose Telegram language we do not speak
    web_address: str = "http://127.0.0.1:8080"  # where members' phones reach the web server

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class Services:
    kring: Kring
    clock: Clock
    membership: MembershipService
    outbox: OutboxService
    knowledge: KnowledgeService
    teaching: TeachingService
    locum: LocumService
    updates: UpdateLog
    flood: FloodGuard
    buckets: Buckets  # the rate limits (bot.core.buckets); flood keeps its own in them
    privacy: PrivacyService
    audit: AuditService
    errors: ErrorReporter
    board: BoardService
    roster: RosterService
    swaps: SwapService
    events: EventsService
    seats: SeatsService
    attendance: AttendanceService
    credits: CreditsService
    broadcasts: BroadcastService
    digest: DigestService
    stats: StatsService
    conversations: ConversationStore
    feeds: FeedService
    console: ConsoleService
