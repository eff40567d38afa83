"""`kringbot chat`: talk to the bot through the emulator, as any of the demo kring's people.

The bot runs for real (PTB polling over loopback HTTP against the emulator); this module plays
the people. Each script line is carried out completely before the next is read: the update is
acknowledged by the bot's next getUpdates, the update queue is drained, and all due work (the
outbox) is run, so the bot's replies and everything they trigger are printed in order.

The emulator refuses what Telegram would refuse; every refused call is printed to stderr and
makes the exit status non-zero, like a line that cannot be carried out: a chat script catches the
bot's mistakes against Telegram's limits.
"""

import asyncio
import html
import json
import mimetypes
import random
import re
import string
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TextIO
from zoneinfo import ZoneInfo

from bot.app import build_application, on_shutdown, on_startup
from bot.clock import SettableClock
from bot.config import Settings
from bot.demo_large import DEFAULT_SEED, kring_people, seed_kring
from bot.emulator import ButtonNotFound, Emulator
from bot.scheduling import SENDER_KEY, build_sender, run_due_work, sender_bot
from bot.sender import Sender
from bot.services import build_services
from store.db import create_engine
from store.migrate import upgrade

_PERSON_LINE = re.compile(r"@(?P<handle>[A-Za-z0-9_]{1,32})\s+(?P<rest>.+)")
# `[label]` taps a button on the newest bot message to the person who taps; `[label] @owner`
# taps one that the owner received (someone else's button, e.g. a message passed on).
_TAP = re.compile(r"\[(?P<label>.+)\](?:\s+@(?P<owner>[A-Za-z0-9_]{1,32}))?")
_CLOCK_STEP = re.compile(r"\+(?P<amount>\d+)(?P<unit>[dhm])")
_UNITS = {"d": "days", "h": "hours", "m": "minutes"}
_TAG = re.compile(r"<[^>]+>")


class ChatLineError(Exception):
    """A script line that cannot be carried out; the message says why."""


def parse_moment(text: str, tz: ZoneInfo) -> datetime:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M").replace(tzinfo=tz)
    except ValueError:
        raise ChatLineError(f"not a moment like 2026-12-24 08:00: {text!r}") from None


@dataclass
class ChatSession:
    settings: Settings
    clock: SettableClock
    db_url: str | None = None
    seed: str | None = None
    size: str = "small"  # with seed "demo": the six demo people, or "large" (bot/demo_large)
    random_seed: int = DEFAULT_SEED  # what the large kring is drawn from
    emulator: Emulator | None = None  # a running one to use (and leave running), e.g. a benchmark's
    # A script is one person typing faster than any human: no flood limit (0) unless asked; a
    # benchmark asks for one it never reaches, so that the check is part of what it measures.
    flood_limit_per_minute: int = 0

    async def __aenter__(self) -> Self:
        self._tmp = tempfile.TemporaryDirectory(prefix="kringbot-chat-")
        url = self.db_url or f"sqlite:///{self._tmp.name}/chat.db"
        self._own_emulator = self.emulator is None
        if self.emulator is None:
            self.emulator = Emulator(now=self.clock.now)
            await self.emulator.start()
        engine = create_engine(url)
        await upgrade(engine)
        settings = self.settings.model_copy(
            update={"flood_limit_per_minute": self.flood_limit_per_minute}
        )
        repeatable = _repeatable_codes()  # invite codes and check-in tokens
        self.wiring = build_services(settings, self.clock, engine, repeatable, repeatable)
        if self.seed == "demo":
            now = self.clock.now()
            await seed_kring(self.wiring.unit_of_work, now, self.size, self.random_seed)
            for person in kring_people(self.size, self.random_seed):
                self.emulator.create_user(
                    person.handle,
                    person.language,
                    first_name=person.name.split()[0],
                    user_id=person.telegram_id,
                    started=True,  # members have used the bot before
                )
        self.app = build_application(
            self.settings,
            self.wiring.services,
            token=self.emulator.token,
            base_url=self.emulator.base_url,
            base_file_url=self.emulator.base_file_url,
            with_ticks=False,
        )
        # The outbox sender the ticks would use; started and stopped with the app.
        self.app.bot_data[SENDER_KEY] = build_sender(
            sender_bot(self.settings, self.emulator.token, self.emulator.base_url),
            self.wiring.services,
            self.settings,
        )
        await self.app.initialize()
        await on_startup(self.app)
        assert self.app.updater is not None
        await self.app.updater.start_polling(poll_interval=0)
        await self.app.start()
        self._seen = len(self.emulator.outbox())
        self._refusals_seen = 0
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self.app.updater is not None
        if self.app.updater.running:  # a benchmark may have switched to a webhook instead
            await self.app.updater.stop()
        await self.app.stop()
        await self.app.shutdown()
        await on_shutdown(self.app)
        if self._own_emulator:
            await self.emulator.stop()
        await self.wiring.engine.dispose()
        self._tmp.cleanup()

    @property
    def sender(self) -> Sender:
        sender: Sender = self.app.bot_data[SENDER_KEY]
        return sender

    def new_refusals(self) -> list[dict[str, Any]]:
        """The Bot API calls the emulator refused since the last time this was asked, except
        the faults a test asked for."""
        refusals = self.emulator.refusals(self._refusals_seen)
        self._refusals_seen += len(refusals)
        return [refusal for refusal in refusals if not refusal["injected"]]

    async def perform(self, line: str) -> list[dict[str, Any]]:
        """Carry out one script line and return the bot's actions it caused."""
        line = line.strip()
        if not line or line.startswith("#"):
            return []
        if line.startswith("clock "):
            self._move_clock(line.removeprefix("clock ").strip())
        elif match := _PERSON_LINE.fullmatch(line):
            await self._act(match["handle"], match["rest"].strip())
        else:
            raise ChatLineError(f"cannot read this line: {line!r}")
        await run_due_work(self.sender, self.wiring.services)
        return self._new_actions()

    def _move_clock(self, argument: str) -> None:
        if step := _CLOCK_STEP.fullmatch(argument):
            self.clock.advance(timedelta(**{_UNITS[step["unit"]]: int(step["amount"])}))
            return
        moment = parse_moment(argument, ZoneInfo(self.settings.timezone))
        if moment < self.clock.now():
            raise ChatLineError("the clock only moves forward")
        self.clock.set(moment)

    async def _act(self, handle: str, rest: str) -> None:
        if tapped := _TAP.fullmatch(rest):
            try:
                update_id = self.emulator.tap(handle, tapped["label"], tapped["owner"])
            except ButtonNotFound as error:
                raise ChatLineError(str(error)) from None
        elif document := re.fullmatch(r"<file:(.+)>", rest):
            name, content, mime = await asyncio.to_thread(_read_document, Path(document[1]))
            update_id = self.emulator.send_document(handle, name, content, mime)
        else:
            update_id = self.emulator.send_message(handle, rest)
        await self.emulator.wait_acked(update_id)
        await self.app.update_queue.join()

    def _new_actions(self) -> list[dict[str, Any]]:
        actions = self.emulator.outbox()[self._seen :]
        self._seen += len(actions)
        return [
            {
                "to": action["to"],
                "action": action["action"],
                "text": _plain(action.get("text")),
                "buttons": action.get("buttons") or [],
                "filename": action.get("filename"),
            }
            for action in actions
            if action["action"] in ("send", "edit", "document", "callback_answer")
        ]


def _repeatable_codes() -> Callable[[], str]:
    """Invite codes and check-in tokens that are the same in every run of a script (never used
    against Telegram)."""
    rng = random.Random(2026)
    alphabet = string.ascii_letters + string.digits
    return lambda: "".join(rng.choices(alphabet, k=16))


def _read_document(path: Path) -> tuple[str, bytes, str]:
    if not path.is_file():
        raise ChatLineError(f"no such file: {path}")
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return path.name, path.read_bytes(), mime


def _plain(text: str | None) -> str | None:
    """What the person reads: the HTML the bot sent, without tags."""
    return None if text is None else html.unescape(_TAG.sub("", text))


def format_action(action: dict[str, Any], as_json: bool) -> str | None:
    if as_json:
        return json.dumps(action, ensure_ascii=False)
    if action["action"] == "callback_answer" and not action["text"]:
        return None
    label = {"edit": " (edited)", "document": f" [file {action['filename']}]"}.get(
        action["action"], ""
    )
    lines = [f"-> @{action['to']}{label}: {action['text'] or ''}"]
    lines += [" ".join(f"[{label}]" for label in row) for row in action["buttons"]]
    return "\n".join(lines)


async def run_script(
    session: ChatSession,
    read_line: Callable[[], str],
    out: TextIO,
    as_json: bool,
    prompt: str = "",
) -> int:
    """Read lines until end of input; return the number of lines that failed."""
    failures = 0
    loop = asyncio.get_running_loop()
    while True:
        if prompt:
            out.write(prompt)
            out.flush()
        line = await loop.run_in_executor(None, read_line)
        if not line:
            return failures
        try:
            actions = await session.perform(line)
        except ChatLineError as error:
            failures += 1
            print(f"! {error}", file=sys.stderr, flush=True)
            continue
        finally:
            failures += _report_refusals(session.new_refusals())
        for action in actions:
            if (text := format_action(action, as_json)) is not None:
                out.write(text + "\n")
        out.flush()


def _report_refusals(refusals: list[dict[str, Any]]) -> int:
    for refusal in refusals:
        print(
            f"! Telegram would refuse {refusal['method']}: {refusal['description']}",
            file=sys.stderr,
            flush=True,
        )
    return len(refusals)
