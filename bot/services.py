"""The one place where the core is wired to the store."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Settings
from bot.core.audit import AuditService, ErrorReporter
from bot.core.board import BoardService
from bot.core.broadcast import BroadcastService
from bot.core.buckets import Buckets, FallbackBuckets, LocalBuckets
from bot.core.cme import (
    AttendanceService,
    CreditsService,
    CreditTarget,
    EventsService,
    RegistrationSteps,
    SeatsService,
    UpcomingEvents,
    new_token,
)
from bot.core.console import ConsoleService
from bot.core.conversations import ConversationStore
from bot.core.digest import Announcements, DigestService, KnowledgeUpdates
from bot.core.feeds import FeedService
from bot.core.flood import FloodGuard
from bot.core.knowledge.analysed import DocumentCache
from bot.core.knowledge.files import load_knowledge
from bot.core.knowledge.service import Answerer, KnowledgeService
from bot.core.knowledge.teaching import TeachingService
from bot.core.locum import LocumService
from bot.core.membership import MembershipService, random_invite_code
from bot.core.outbox import OutboxService
from bot.core.ports import Clock, UnitOfWork, UnitOfWorkFactory
from bot.core.privacy import PrivacyService
from bot.core.roster import RosterService
from bot.core.services import Kring, Services
from bot.core.stats import StatsService
from bot.core.swap_views import OpenSwaps
from bot.core.swaps import SwapRules, SwapService
from bot.core.updates import SeenInProcess, UpdateLog
from bot.embeddings import SemanticBuild, semantic_in_background
from store.arrivals import SqlArrivals
from store.buckets import SqlBuckets
from store.db import create_engine, session_factory
from store.uow import SqlUnitOfWork


@dataclass(frozen=True)
class Wiring:
    services: Services
    engine: AsyncEngine
    unit_of_work: UnitOfWorkFactory


@cache
def knowledge_for(
    folder: Path, embeddings_cache: Path | None = None, analysis_cache: Path | None = None
) -> tuple[Answerer, SemanticBuild | None]:
    """The knowledge base is read and indexed once per process (tests build many services);
    with an embeddings cache, the search gets its semantic second opinion once the vectors are
    in (at once from a warm cache, else built in the background: each answerer forked from
    this one takes it from the build); with an analysis cache, only new or changed entries are
    analysed, and the files as parsed are kept beside it (only changed files are parsed)."""
    parsed = analysis_cache.with_name("kb-files.pickle") if analysis_cache else None
    kb = load_knowledge(folder, parsed)
    analysed = DocumentCache(analysis_cache) if analysis_cache else None
    answerer = Answerer(kb, analysed=analysed)
    build = semantic_in_background(kb, embeddings_cache) if embeddings_cache else None
    if build is not None:
        build.deliver(answerer.use)
    return answerer, build


def answerer_for(
    folder: Path, embeddings_cache: Path | None = None, analysis_cache: Path | None = None
) -> Answerer:
    return knowledge_for(folder, embeddings_cache, analysis_cache)[0]


def unit_of_work_factory(engine: AsyncEngine) -> UnitOfWorkFactory:
    sessions = session_factory(engine)

    def unit_of_work() -> UnitOfWork:
        return SqlUnitOfWork(sessions)

    return unit_of_work


def kring_from(settings: Settings) -> Kring:
    return Kring(
        name=settings.kring_name,
        contact=settings.coordinator_contact,
        phone=settings.coordinator_phone,
        timezone=settings.timezone,
        default_language=settings.default_language,
        web_address=settings.web_address,
    )


def outbox_service(
    settings: Settings, clock: Clock, unit_of_work: UnitOfWorkFactory
) -> OutboxService:
    return OutboxService(
        unit_of_work, clock, timedelta(seconds=settings.outbox_claim_lease_seconds)
    )


def rate_buckets(engine: AsyncEngine) -> Buckets:
    """On SQLite the bot is one process: its limits live in its memory. On PostgreSQL they are
    rows every replica shares, with this process's own standing in during an outage."""
    if engine.dialect.name == "sqlite":
        return LocalBuckets()
    return FallbackBuckets(SqlBuckets(engine))


def build_services(
    settings: Settings,
    clock: Clock,
    engine: AsyncEngine | None = None,
    new_invite_code: Callable[[], str] | None = None,
    new_checkin_token: Callable[[], str] | None = None,
) -> Wiring:
    """`new_invite_code` and `new_checkin_token` replace the random invite codes and check-in
    tokens (chat scripts want repeatable ones)."""
    engine = engine or create_engine(settings.database_url)
    unit_of_work = unit_of_work_factory(engine)
    shared, build = knowledge_for(
        settings.knowledge_dir,
        settings.embeddings_cache if settings.semantic_search else None,
        settings.analysis_cache,
    )
    answerer = shared.fork()
    if build is not None:
        build.deliver(answerer.use)
    knowledge = KnowledgeService(answerer, unit_of_work, clock)
    swaps = SwapService(
        unit_of_work,
        clock,
        SwapRules(
            min_notice=timedelta(hours=settings.swap_min_notice_hours),
            approval_required=settings.swap_approval_required,
        ),
    )
    buckets = rate_buckets(engine)
    flood = FloodGuard(settings.flood_limit_per_minute, buckets)
    registration_steps = RegistrationSteps(clock, timedelta(hours=settings.cme_response_hours))
    services = Services(
        kring=kring_from(settings),
        clock=clock,
        membership=MembershipService(
            unit_of_work, clock, settings.default_language, new_invite_code or random_invite_code
        ),
        outbox=outbox_service(settings, clock, unit_of_work),
        knowledge=knowledge,
        teaching=TeachingService(unit_of_work, clock, settings.timezone, knowledge.taught),
        locum=LocumService(unit_of_work, clock, settings.timezone),
        updates=UpdateLog(
            SqlArrivals(engine),
            unit_of_work,
            clock,
            SeenInProcess() if engine.dialect.name == "sqlite" else None,
            flood,
        ),
        flood=flood,
        buckets=buckets,
        privacy=PrivacyService(unit_of_work, clock, timedelta(days=settings.retention_days)),
        audit=AuditService(unit_of_work, clock),
        errors=ErrorReporter(unit_of_work, clock, settings.ops_chat_id),
        board=BoardService(unit_of_work, clock, settings.timezone),
        roster=RosterService(unit_of_work, clock, settings.timezone),
        swaps=swaps,
        events=EventsService(
            unit_of_work,
            clock,
            settings.timezone,
            registration_steps,
            new_checkin_token or new_token,
        ),
        seats=SeatsService(unit_of_work, clock, registration_steps),
        attendance=AttendanceService(unit_of_work, clock),
        credits=CreditsService(
            unit_of_work,
            clock,
            settings.timezone,
            CreditTarget(
                settings.accreditation_points_per_year,
                settings.accreditation_ethics_points_per_year,
            ),
        ),
        broadcasts=BroadcastService(unit_of_work, clock, settings.timezone),
        digest=DigestService(
            unit_of_work,
            clock,
            settings.timezone,
            [
                Announcements(),
                UpcomingEvents(clock),
                OpenSwaps(clock),
                KnowledgeUpdates(answerer.kb),
            ],
            settings.digest_weekday,
            settings.digest_hour,
        ),
        stats=StatsService(unit_of_work),
        conversations=ConversationStore(unit_of_work, clock),
        feeds=FeedService(unit_of_work, clock),
        console=ConsoleService(unit_of_work, clock, settings.timezone),
    )
    return Wiring(services, engine, unit_of_work)
