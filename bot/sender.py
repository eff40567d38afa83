"""The outbox sender: claims due rows, sends them within Telegram's limits, records outcomes.

It has its own Bot (its own HTTP connection pool), so a large broadcast never holds the
connections interactive replies need. Sends run concurrently (bounded), each one waiting for its
slot from the rate limiter; outcomes are recorded in batches, one transaction per batch. A 429
pauses only this sender: the rows not yet sent go back with `retry_after` as their due time.

While the database cannot be reached the sends of the rows already claimed go on, and their
outcomes are kept in memory and recorded when it is back, before anything else is claimed: a
message sent during an outage is neither lost nor sent again (unless the outage outlasts the
claim lease, or this process stops before the database is back; then it is sent again once).
"""

import asyncio
import logging
import time
import warnings
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from telegram import Bot, InlineKeyboardMarkup, InputFile
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError
from telegram.warnings import PTBUserWarning

from bot.core.buckets import Buckets, LocalBuckets
from bot.core.errors import StoreUnavailable
from bot.core.models import OutboxMessage
from bot.core.notices import Envelope, UnreadableMessage
from bot.core.outbox import OutboxService
from bot.core.quiet import silent
from bot.core.ratelimit import RateLimiter
from bot.core.services import Kring

log = logging.getLogger(__name__)

# Turns an outbox row into the text to send, in the parts Telegram accepts (one, unless the text
# is long), and the buttons under the last part, in the recipient's language; or raises
# UnreadableMessage. The composition root hands in the handlers' composer, so the sender knows
# nothing of the features.
Compose = Callable[[OutboxMessage, Kring], tuple[list[str], InlineKeyboardMarkup | None]]
# The file made for a row (filename, content), sent as a document with the text as caption.
Attach = Callable[[OutboxMessage, Kring], tuple[str, bytes] | None]

RECORD_EVERY = 0.1  # seconds: outcomes sent but not yet recorded are resent after a crash
FIRST_CLAIM = 0.1  # seconds' worth of rows in a run's first claim (see SendLimits.first_claim)
RESERVATIONS = 3  # a send whose slot was missed takes a new one, up to this many in all
SEND_MESSAGE = "sendMessage"
# PTB suggests Bot.send_message for this endpoint; the sender asks for the raw answer on purpose.
warnings.filterwarnings("ignore", f"Please use 'Bot.{SEND_MESSAGE}'", PTBUserWarning)


@dataclass(frozen=True)
class SendLimits:
    per_second: float = 28.0
    concurrency: int = 16

    def claim_size(self, lease: timedelta) -> int:
        """As many rows as can be sent in a quarter of the lease (at most half a second's
        worth), so a live sender's rows are never taken over and a cancel takes effect quickly.
        A run holds a batch and a half at most: it claims the next while the last half goes
        out. Small batches keep each claim short: the sends wait while the rows are read."""
        seconds = min(0.5, lease.total_seconds() / 4)
        return max(self.concurrency, min(5000, int(self.per_second * seconds)))

    def first_claim(self, claim: int) -> int:
        """A run's first claim is small: the sends begin once its few rows are read (reading a
        full batch held the first send up for a claim's round trip and then some), and the full
        batch is claimed while they go out."""
        return min(claim, max(self.concurrency, int(self.per_second * FIRST_CLAIM)))


class Sender:
    """`buckets` hold the overall rate (shared by the replicas on PostgreSQL; this process's own
    by default). `name` identifies this sender across restarts (SENDER_NAME, else host and
    webhook port: bot.scheduling.sender_name); it must differ between processes running at the
    same time. A named sender marks the rows it claims with its name and, when it starts, takes
    back the rows it claimed before a crash at once instead of waiting for their lease."""

    def __init__(
        self,
        bot: Bot,
        outbox: OutboxService,
        kring: Kring,
        compose: Compose,
        limits: SendLimits | None = None,
        clock: Callable[[], float] = time.time,
        buckets: Buckets | None = None,
        name: str | None = None,
        attach: Attach | None = None,
    ) -> None:
        self.bot = bot
        self.outbox = outbox
        self.kring = kring
        self.compose = compose
        self.attach = attach
        self.limits = limits or SendLimits()
        self.limiter = RateLimiter(self.limits.per_second, buckets or LocalBuckets(), clock)
        self.name = name
        self._zone = ZoneInfo(kring.timezone)
        self.too_many_requests = 0  # 429 answers so far (the limiter should keep this at 0)
        self._lock = asyncio.Lock()  # one run at a time per process
        self._unrecorded: list[OutboxMessage] = []  # outcomes the database did not take yet
        self._claims_released = name is None

    @property
    def busy(self) -> bool:
        return self._lock.locked()

    async def send_due(self) -> int:
        """Send every due row; return how many were sent. Stops early when Telegram asks us to
        wait, leaving the rest for the next run."""
        async with self._lock:
            if self._unrecorded and not await self.record([]):
                return 0  # the database is still away: nothing new is claimed
            if not self._claims_released:
                released = await self.outbox.release_claims(self.name or "")
                log.info("sender %s took back %d rows it had claimed", self.name, released)
                self._claims_released = True
            return await _Run(self, self.limits.claim_size(self.outbox.lease)).run()

    async def record(self, outcomes: list[OutboxMessage]) -> bool:
        """Record these outcomes and those kept from before; False if the database cannot be
        reached, and then they are kept for the next time."""
        waiting = self._unrecorded + outcomes
        try:
            await self.outbox.record(waiting)
        except StoreUnavailable:
            if not self._unrecorded:
                log.warning("database unreachable: send outcomes are kept until it is back")
            self._unrecorded = waiting
            return False
        if self._unrecorded:
            log.warning("database back: %d kept send outcomes recorded", len(waiting))
        self._unrecorded = []
        return True

    def _prepare(self, message: OutboxMessage) -> "_Outgoing":
        """The row ready to send; UnreadableMessage if this version cannot read it."""
        parts, markup = self.compose(message, self.kring)
        document = self.attach(message, self.kring) if self.attach else None
        return _Outgoing(message.chat_id, parts, markup, message.envelope, document)

    async def _call(self, outgoing: "_Outgoing", part: int) -> int:
        """Send one part; a document goes with the first as its caption, the buttons with the
        last. Returns Telegram's id of the message."""
        envelope = outgoing.envelope
        quietly = silent(self.outbox.clock.now(), self._zone, envelope.urgent)
        markup = outgoing.markup if part == len(outgoing.parts) - 1 else None
        if (envelope.file_id or outgoing.document) and part == 0:
            filename, content = outgoing.document or ("", b"")
            sent = await self.bot.send_document(
                outgoing.chat_id,
                envelope.file_id or InputFile(content, filename=filename),
                caption=outgoing.parts[part],
                parse_mode=ParseMode.HTML,
                reply_markup=markup,
                disable_notification=quietly,
            )
            return sent.message_id
        parameters: dict[str, object] = {
            "chat_id": outgoing.chat_id,
            "text": outgoing.parts[part],
            "parse_mode": ParseMode.HTML,
            "disable_notification": quietly,
        }
        if markup is not None:
            parameters["reply_markup"] = markup
        # The API's answer as it comes: only the message id is kept, and making a Message of
        # it took a tenth of the sender's time at 1000 messages a second.
        result = await self.bot.do_api_request(SEND_MESSAGE, api_kwargs=parameters)
        return int(result["message_id"])


@dataclass(frozen=True)
class _Outgoing:
    """A row's message, composed in the recipient's language, and how it goes out."""

    chat_id: int
    parts: list[str]  # the text, in messages Telegram accepts
    markup: InlineKeyboardMarkup | None
    envelope: Envelope
    document: tuple[str, bytes] | None = None  # made for this message (filename, content)


class _Run:
    """One run of `send_due`: `concurrency` workers take the claimed rows in due order. The next
    batch is claimed while the last half of a full one is still going out, so the rate does not
    dip between batches. Outcomes are recorded every RECORD_EVERY seconds."""

    def __init__(self, sender: Sender, claim: int) -> None:
        self.sender = sender
        self.outbox = sender.outbox
        self.claim = claim
        self._asking = sender.limits.first_claim(claim)  # rows the next claim asks for
        self.waiting: deque[OutboxMessage] = deque()
        self.done: list[OutboxMessage] = []
        self.sent = 0
        self.stopped = False
        self._pause = timedelta(0)
        self._claiming: asyncio.Task[None] | None = None
        self._exhausted = False
        self._full = True  # the last claim got all it asked for: more may be due
        self._claim_error: Exception | None = None
        self._recording = False
        self._last_record = time.monotonic()

    async def run(self) -> int:
        workers = (self._work() for _ in range(self.sender.limits.concurrency))
        await asyncio.gather(*workers)
        await self._record()
        if self._claim_error is not None:  # after recording what was sent before it
            raise self._claim_error
        return self.sent

    async def _work(self) -> None:
        while (message := await self._take()) is not None:
            await self._send(message)
            self.done.append(message)
            await self._record_if_due()

    async def _take(self) -> OutboxMessage | None:
        """The next row to send; None when nothing is due any more (or Telegram asked us to
        wait and this run's rows are all deferred)."""
        if self._claiming is None and self._may_claim:
            self._claiming = asyncio.create_task(self._claim_more())
        while not self.waiting and self._claiming is not None:
            await asyncio.shield(self._claiming)
        return self.waiting.popleft() if self.waiting else None

    @property
    def _may_claim(self) -> bool:
        """Early, while the last half of a full batch goes out; after a smaller batch (nothing
        else was due) only once its rows are all taken."""
        if self._exhausted or self.stopped:
            return False
        return not self.waiting or (self._full and len(self.waiting) <= self.claim // 2)

    async def _claim_more(self) -> None:
        try:
            batch = await self.outbox.claim_due(limit=self._asking, owner=self.sender.name)
        except Exception as error:  # raised by `run` once the rows in hand are done
            self._claim_error, self._exhausted = error, True
        else:
            self._exhausted, self._full = not batch, len(batch) >= self._asking
            self._asking = self.claim
            self.waiting.extend(batch)
        finally:
            self._claiming = None

    async def _send(self, message: OutboxMessage) -> None:
        """Send the row, or see why not: the outcome is noted on it, to be recorded."""
        try:
            outgoing = self.sender._prepare(message)
        except UnreadableMessage as error:
            log.error("outbox %s (%s) left for later: %s", message.id, message.kind, error)
            self.outbox.unreadable(message, str(error))
            return
        if self.outbox.too_late(outgoing.envelope):
            self.outbox.expired(message)
            return
        if not self.stopped:
            await self._wait_for_slot(message.chat_id)
        if self.stopped:  # Telegram asked us to wait: back to the outbox, due when it may go
            self.outbox.defer(message, self._pause, "waiting after 429")
            return
        try:
            message_id = await self._send_parts(outgoing)
        except Forbidden as error:
            self.outbox.unreachable(message, error.message)
        except RetryAfter as error:
            self.sender.too_many_requests += 1
            log.warning("Telegram asked the sender to wait: %s", error.message)
            self._pause = _as_timedelta(error.retry_after)
            self.stopped = True
            self.sender.limiter.pause(self._pause.total_seconds())
            self.outbox.defer(message, self._pause, error.message)
        except BadRequest as error:
            log.error("outbox %s refused by Telegram: %s", message.id, error.message)
            self.outbox.fail(message, error.message)
        except TelegramError as error:  # timeouts, network errors, 5xx
            self.outbox.retry(message, error.message)
        else:
            self.outbox.sent(message, message_id)
            self.sent += 1

    async def _send_parts(self, outgoing: _Outgoing) -> int:
        """The first part in the slot already waited for, each further part in a slot of its
        own. A message begun is finished: a 429 meanwhile does not stop it halfway (the
        limiter still keeps the pause)."""
        message_id = await self._call(outgoing, 0)
        for part in range(1, len(outgoing.parts)):
            await self._wait_for_slot(outgoing.chat_id, finishing=True)
            message_id = await self._call(outgoing, part)
        return message_id

    async def _call(self, outgoing: _Outgoing, part: int) -> int:
        """One part, in the send the limiter just admitted; its answer is counted."""
        try:
            return await self.sender._call(outgoing, part)
        finally:
            self.sender.limiter.answered()

    async def _wait_for_slot(self, chat_id: int, finishing: bool = False) -> None:
        """Until the chat's slot (a new one if it was missed, a few times at most), and until
        the limiter admits the send (then it goes at once: `_call` counts its answer); the
        parts of a message begun are sent even when the batch is stopped."""
        limiter = self.sender.limiter
        slot = None
        for _ in range(RESERVATIONS):
            slot = await limiter.reserve(chat_id, missed=slot)
            await asyncio.sleep(max(0.0, slot - limiter.clock()))
            if (self.stopped and not finishing) or not limiter.missed(slot):
                break
        while finishing or not self.stopped:
            delay = limiter.admit()
            if delay <= 0:
                return
            await asyncio.sleep(delay)

    async def _record_if_due(self) -> None:
        """Record what is done so far, unless another send of this batch is recording now."""
        if not self._recording and time.monotonic() - self._last_record >= RECORD_EVERY:
            self._recording = True
            try:
                await self._record()
            finally:
                self._recording = False

    async def _record(self) -> None:
        done, self.done = self.done, []
        self._last_record = time.monotonic()
        await self.sender.record(done)


def _as_timedelta(retry_after: int | timedelta) -> timedelta:
    """PTB 22 gives retry_after as int seconds or as a timedelta, depending on its settings."""
    return retry_after if isinstance(retry_after, timedelta) else timedelta(seconds=retry_after)
