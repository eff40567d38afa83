"""Where members are in the bot's multi-step flows (/broadcast, /fee, a swap note …), kept in the
database: behind a load balancer the next message of a flow may reach another process, and a
restart must not lose a half-written announcement.

A flow's step and its draft (the answers so far) are saved after every step and loaded before
the next update of that chat is handled. A flow left unanswered for `FORGET_AFTER` is forgotten:
its next message starts afresh. Drafts hold the values the flows work with (dates, amounts,
the core's enums and small dataclasses); `encode_draft` turns them into JSON and back.
"""

import importlib
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from bot.core.models import Conversation
from bot.core.ports import Clock, UnitOfWork, UnitOfWorkFactory

FORGET_AFTER = timedelta(minutes=30)
T = TypeVar("T")
TAG = "$"  # marks an encoded value that JSON has no type for; never a key of a draft's dict


@dataclass(frozen=True)
class Step:
    """A flow's current step and the answers it keeps."""

    state: int
    draft: object = None


@dataclass
class ConversationStore:
    uow_factory: UnitOfWorkFactory
    clock: Clock
    forget_after: timedelta = FORGET_AFTER

    async def load(self, chat_id: int, user_id: int) -> dict[str, Step]:
        """The flows this person is in, by name; forgotten ones are not among them. (Each update
        gets them with its member instead, in the same transaction: bot.core.updates.)"""
        async with self.uow_factory() as uow:
            return await live_steps(uow, chat_id, user_id, self.clock.now())

    async def save(self, chat_id: int, user_id: int, name: str, step: Step | None) -> None:
        """Keep the flow's new step for another `forget_after`; None: the flow ended."""
        async with self.uow_factory() as uow:
            if step is None:
                await uow.conversations.end(chat_id, user_id, name)
            else:
                expires_at = self.clock.now() + self.forget_after
                draft = encode_draft(step.draft)
                await uow.conversations.put(
                    Conversation(chat_id, user_id, name, step.state, draft, expires_at)
                )
            await uow.commit()

    async def forget_expired(self) -> None:
        """Remove forgotten flows (loading already ignores them; this keeps the table small and
        drafts no longer than needed)."""
        async with self.uow_factory() as uow:
            await uow.conversations.remove_expired(self.clock.now())
            await uow.commit()


async def live_steps(uow: UnitOfWork, chat_id: int, user_id: int, now: datetime) -> dict[str, Step]:
    """The flows this person is in at `now`, by name, read in the caller's transaction."""
    found = await uow.conversations.live(chat_id, user_id, now)
    return {c.name: Step(c.state, decode_draft(c.draft)) for c in found}


def encode_draft(value: object) -> Any:
    """JSON for a draft: JSON's own types as they are; dates, moments (with their time zone),
    amounts, and the core's enums and dataclasses tagged, so `decode_draft` gives them back."""
    if isinstance(value, Enum):  # before str and int: StrEnum and IntEnum members are those too
        return {TAG: "enum", "type": _type_path(type(value)), "value": value.value}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Decimal):
        return {TAG: "decimal", "value": str(value)}
    if isinstance(value, datetime):  # before date: a datetime is a date too
        zone = value.tzinfo.key if isinstance(value.tzinfo, ZoneInfo) else None
        return {TAG: "datetime", "value": value.isoformat(), "zone": zone}
    if isinstance(value, date):
        return {TAG: "date", "value": value.isoformat()}
    if is_dataclass(value) and not isinstance(value, type):
        values = {f.name: encode_draft(getattr(value, f.name)) for f in fields(value)}
        return {TAG: "dataclass", "type": _type_path(type(value)), "fields": values}
    if isinstance(value, list | tuple):
        return [encode_draft(item) for item in value]
    if isinstance(value, dict) and all(isinstance(key, str) and key != TAG for key in value):
        return {key: encode_draft(item) for key, item in value.items()}
    raise TypeError(f"a draft cannot keep {type(value).__name__}")


def decode_draft(data: Any) -> Any:
    if isinstance(data, list):
        return [decode_draft(item) for item in data]
    if not isinstance(data, dict):
        return data
    match data.get(TAG):
        case None:
            return {key: decode_draft(item) for key, item in data.items()}
        case "enum":
            return _core_type(data["type"], Enum)(data["value"])
        case "decimal":
            return Decimal(data["value"])
        case "datetime":
            moment = datetime.fromisoformat(data["value"])
            return moment.astimezone(ZoneInfo(data["zone"])) if data["zone"] else moment
        case "date":
            return date.fromisoformat(data["value"])
        case "dataclass":
            kind = _core_type(data["type"], object)
            if not is_dataclass(kind):
                raise ValueError(f"{data['type']} is not a dataclass")
            return kind(**{key: decode_draft(item) for key, item in data["fields"].items()})
    raise ValueError(f"unknown draft value {data[TAG]!r}")


def _type_path(kind: type) -> str:
    path = f"{kind.__module__}:{kind.__qualname__}"
    _core_type(path, object)  # refuse now what could not be read back
    return path


def _core_type(path: str, base: type[T]) -> type[T]:
    """A type the core defines, by its path: drafts name no other code."""
    module, _, name = path.partition(":")
    if module != "bot.core" and not module.startswith("bot.core."):
        raise ValueError(f"a draft keeps only the core's types, not {path}")
    kind = getattr(importlib.import_module(module), name, None)
    if not isinstance(kind, type) or not issubclass(kind, base):
        raise ValueError(f"{path} is not a {base.__name__}")
    return kind
