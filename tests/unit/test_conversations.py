"""Drafts of the multi-step flows go to the database as JSON and come back as they were."""

from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from bot.core import fees
from bot.core.conversations import decode_draft, encode_draft
from bot.core.models import EventKind, PostKind


def _round_trip(value: object) -> object:
    return decode_draft(encode_draft(value))


def test_what_the_flows_keep_comes_back_the_same() -> None:
    draft = {
        "kind": PostKind.NEED,
        "start": date(2026, 12, 24),
        "result": fees.booklets(Decimal(16), Decimal(4000), Decimal(2500)),
        "income": Decimal("4000.50"),
        "languages": ["nl", "fr"],
        "capacity": None,
        "urgent": True,
        "nested": {"event": EventKind.WEBINAR, "id": 7},
    }
    assert _round_trip(draft) == draft


def test_a_moment_keeps_its_time_zone() -> None:
    brussels = datetime(2026, 7, 1, 20, 0, tzinfo=ZoneInfo("Europe/Brussels"))
    back = _round_trip(brussels)
    assert back == brussels and back.tzinfo == ZoneInfo("Europe/Brussels")
    utc = datetime(2026, 7, 1, 18, 0, tzinfo=UTC)
    assert _round_trip(utc) == utc


@pytest.mark.parametrize("value", [{1, 2}, object(), {"$": "a key the encoding uses"}])
def test_what_json_cannot_hold_is_refused_when_saved(value: object) -> None:
    with pytest.raises(TypeError):
        encode_draft(value)


def test_only_the_cores_types_are_read_back() -> None:
    with pytest.raises(ValueError):
        decode_draft({"$": "enum", "type": "os:sep", "value": "/"})
    with pytest.raises(ValueError):
        decode_draft({"$": "dataclass", "type": "bot.core.models:PostKind", "fields": {}})
