"""Typed outbox notices, and the one codec that stores them in a row.

Everything the bot sends on its own initiative is a *notice*: a small frozen dataclass with typed
fields (datetimes, dates, enums, ids, tuples, nested frozen dataclasses), declared per feature in
this package (shifts, cme, broadcast, locum, knowledge, membership) under the kind its rows carry:

    @dataclass(frozen=True, kw_only=True)
    class CmeCancelled(Notice, kind="cme_cancelled"):
        event: Flat[EventSummary]

An outbox row keeps a notice as its kind and a JSON object (`OutboxMessage.kind` and `.params`);
`encode` and `decode` are the only code that converts between the two, driven by the fields' type
hints: datetimes and dates as ISO strings, enums by value, tuples as lists, dicts as objects (enum
keys by value), nested dataclasses as objects, or merged into the parent's object when marked
`Flat` (so a notice can be composed of summaries and still be stored as one flat object, as every
kind has been from the start). A field at its default is left out, and filled in when read.

Rows outlive versions: during a rolling deploy one version reads the rows the other wrote. So a
kind's JSON only changes compatibly: `decode` ignores keys it does not know, and a field added
later needs a default (which an older version, not writing it, relies on). A row whose kind this
version does not know, or whose payload lacks a field or has one of the wrong type, raises
UnreadableMessage, and the sender leaves it for a version that can read it.

A kind is known once its class is defined: the composition root imports every feature's notices
(their renderers are keyed by class), and a test checks that every kind has a renderer.
"""

import types
from dataclasses import MISSING, dataclass, fields, is_dataclass
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Annotated, Any, ClassVar, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")

_FLAT = "flat"
# A nested dataclass whose fields are stored in its parent's object rather than under its name.
Flat = Annotated[T, _FLAT]

_KINDS: dict[str, type["Notice"]] = {}


class UnreadableMessage(Exception):
    """The row's kind or payload is not one this version knows how to read."""


class Notice:
    """The base of every notice kind: `class X(Notice, kind="x")` registers X under "x"."""

    kind: ClassVar[str]

    def __init_subclass__(cls, kind: str | None = None, **rest: Any) -> None:
        super().__init_subclass__(**rest)
        if kind is None:
            return  # a part shared by several kinds, never stored on its own
        if kind in _KINDS:
            raise TypeError(f"two notices of kind {kind!r}: {_KINDS[kind]} and {cls}")
        cls.kind = kind
        _KINDS[kind] = cls


@dataclass(frozen=True, kw_only=True)
class Envelope:
    """How a row goes out, whatever its notice: what the outbox and the sender act on.

    Delivery is not content, so it is not a field of the notices: any notice can be urgent or
    expire. It is stored beside the notice's fields, under its own keys (the ones rows have
    always used), and read without decoding the notice.
    """

    not_after: datetime | None = None  # fell due after this moment: expired instead of sent
    urgent: bool = False  # rings during the member's quiet hours too
    file_id: str | None = None  # sent as this document, the text as its caption


NORMAL = Envelope()
_ENVELOPE_KEYS = frozenset(f.name for f in fields(Envelope))


def known_kinds() -> dict[str, type[Notice]]:
    """Every kind this process can read, by its name."""
    return dict(_KINDS)


def encode(notice: Notice, envelope: Envelope = NORMAL) -> tuple[str, dict[str, Any]]:
    """A notice (and how it goes out) as the kind and JSON object of an outbox row."""
    params = _dump_object(notice)
    if clash := params.keys() & _ENVELOPE_KEYS:
        raise TypeError(f"{type(notice).__name__} uses the envelope's keys {sorted(clash)}")
    return notice.kind, {**params, **_dump_object(envelope)}


def decode(kind: str, params: dict[str, Any]) -> Notice:
    """The notice a row holds; UnreadableMessage if this version cannot read it."""
    cls = _KINDS.get(kind)
    if cls is None:
        raise UnreadableMessage(f"unknown kind {kind!r}")
    notice: Notice = _load_object(cls, params, kind)
    return notice


def decode_envelope(params: dict[str, Any]) -> Envelope:
    """How a row goes out, whatever its kind; UnreadableMessage if the keys are ill-typed."""
    envelope: Envelope = _load_object(Envelope, params, "envelope")
    return envelope


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return get_type_hints(cls, include_extras=True)


def _is_flat(hint: Any) -> bool:
    return get_origin(hint) is Annotated and _FLAT in hint.__metadata__


def _dump_object(value: Any) -> dict[str, Any]:
    hints, found = _hints(value.__class__), dict[str, Any]()
    for f in fields(value):
        item = getattr(value, f.name)
        if f.default is not MISSING and item == f.default:
            continue
        parts = _dump_object(item) if _is_flat(hints[f.name]) else {f.name: _dump(item)}
        if clash := found.keys() & parts.keys():
            raise TypeError(f"{type(value).__name__} stores {sorted(clash)} twice")
        found.update(parts)
    return found


def _dump(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise TypeError(f"naive datetime {value!r}; notices hold timezone-aware ones")
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_dump(item) for item in value]
    if isinstance(value, dict):
        return {_dump(key): _dump(item) for key, item in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return _dump_object(value)
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"a notice cannot hold a {type(value).__name__}")


def _load(hint: Any, raw: Any, where: str) -> Any:
    origin = get_origin(hint)
    if origin is Annotated:
        return _load(get_args(hint)[0], raw, where)
    if origin in (Union, types.UnionType):
        return _load_optional(get_args(hint), raw, where)
    if origin is tuple:
        item = get_args(hint)[0]
        return tuple(
            _load(item, x, f"{where}[{i}]") for i, x in enumerate(_expect(raw, list, where))
        )
    if origin is dict:
        key, item = get_args(hint)
        pairs = _expect(raw, dict, where).items()
        return {_load(key, k, where): _load(item, x, f"{where}.{k}") for k, x in pairs}
    if is_dataclass(hint):
        return _load_object(hint, raw, where)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return _load_enum(hint, raw, where)
    if hint is datetime or hint is date:
        return _load_moment(hint, raw, where)
    if hint in (str, int, float, bool):
        return _load_plain(hint, raw, where)
    raise TypeError(f"{where}: a notice cannot hold a {hint!r}")


def _load_object(cls: Any, raw: Any, where: str) -> Any:
    data, hints, values = _expect(raw, dict, where), _hints(cls), {}
    for f in fields(cls):
        hint = hints[f.name]
        if _is_flat(hint):
            values[f.name] = _load(hint, data, where)
        elif f.name in data:
            values[f.name] = _load(hint, data[f.name], f"{where}.{f.name}")
        elif f.default is MISSING:
            raise UnreadableMessage(f"{where}: no {f.name!r}")
    return cls(**values)


def _load_optional(options: tuple[Any, ...], raw: Any, where: str) -> Any:
    others = [option for option in options if option is not types.NoneType]
    if len(others) != 1:
        raise TypeError(f"{where}: only X | None is supported, not {options}")
    return None if raw is None else _load(others[0], raw, where)


def _load_enum(cls: type[Enum], raw: Any, where: str) -> Enum:
    try:
        return cls(raw)
    except ValueError:
        raise UnreadableMessage(f"{where}: {raw!r} is not a {cls.__name__}") from None


def _load_moment(cls: type[date], raw: Any, where: str) -> date:
    try:
        moment = cls.fromisoformat(_expect(raw, str, where))
    except ValueError:
        raise UnreadableMessage(f"{where}: {raw!r} is not an ISO {cls.__name__}") from None
    if isinstance(moment, datetime) and moment.tzinfo is None:
        raise UnreadableMessage(f"{where}: {raw!r} has no time zone")
    return moment


def _load_plain(cls: type, raw: Any, where: str) -> Any:
    # bool is an int in Python, and an int is a fine float, but JSON keeps them apart.
    accepted = (int, float) if cls is float else (cls,)
    if isinstance(raw, bool) is not (cls is bool) or not isinstance(raw, accepted):
        raise UnreadableMessage(f"{where}: {raw!r} is not a {cls.__name__}")
    return raw


def _expect(raw: Any, cls: type[T], where: str) -> T:
    if not isinstance(raw, cls):
        raise UnreadableMessage(f"{where}: {raw!r} is not a {cls.__name__}")
    return raw
