"""The notice codec: every kind survives the round trip through a row, rows written by the
previous version still read, and a row this version cannot read says so (UnreadableMessage)."""

import types
from dataclasses import fields, is_dataclass
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints
from zoneinfo import ZoneInfo

import pytest

import handlers  # defines every feature's notices, as the composition root does
from bot.core.models import Member, MemberStatus, OutboxMessage, OutboxState, Role, SwapKind
from bot.core.notices import (
    Envelope,
    Notice,
    UnreadableMessage,
    decode,
    decode_envelope,
    encode,
    known_kinds,
)
from bot.core.notices.broadcast import (
    Announcement,
    AnnouncementItem,
    BroadcastReport,
    Digest,
    DigestSections,
    KnowledgeItem,
)
from bot.core.notices.cme import CmeReminder, EventSummary, UpcomingEvent
from bot.core.notices.locum import LocumWanted, PostPeriod
from bot.core.notices.membership import JoinRejected, JoinRequest
from bot.core.notices.shifts import ShiftReminder, ShiftSummary, SwapSummary, SwapTaken
from bot.core.services import Kring

BRUSSELS = ZoneInfo("Europe/Brussels")
START = datetime(2026, 12, 5, 19, 0, tzinfo=BRUSSELS)


def sample(hint: Any, name: str = "x") -> Any:
    """A value of the hinted type, unlike any default (so every field is stored)."""
    origin = get_origin(hint)
    if origin is Annotated:
        return sample(get_args(hint)[0], name)
    if origin in (Union, types.UnionType):
        return sample(next(a for a in get_args(hint) if a is not types.NoneType), name)
    if origin is tuple:
        return (sample(get_args(hint)[0], name), sample(get_args(hint)[0], name + "2"))
    if origin is dict:
        key, value = get_args(hint)
        return {sample(key, name): sample(value, name)}
    if is_dataclass(hint):
        hints = get_type_hints(hint, include_extras=True)
        return hint(**{f.name: sample(hints[f.name], f.name) for f in fields(hint)})
    if isinstance(hint, type) and issubclass(hint, Enum):
        return list(hint)[-1]
    return {
        datetime: START,
        date: START.date(),
        str: f"{name} <b>&</b>",
        int: 7,
        bool: True,
    }[hint]


@pytest.mark.parametrize("kind", sorted(known_kinds()))
def test_every_notice_survives_the_round_trip_through_a_row(kind: str) -> None:
    notice = sample(known_kinds()[kind])
    stored_kind, params = encode(notice)
    assert stored_kind == kind
    assert decode(stored_kind, params) == notice


def test_a_row_holds_plain_json_and_its_envelope() -> None:
    reminder = CmeReminder(event=EventSummary(event_id=4, title="LOK", start_at=START))
    member = Member(telegram_id=11, role=Role.GP, language="fr", id=3)
    row = OutboxMessage.to(member, reminder, START, Envelope(not_after=START))

    assert (row.chat_id, row.member_id, row.language, row.kind) == (11, 3, "fr", "cme_reminder")
    # The stored shape of the first version: flat, ISO moments; the default location left out.
    assert row.params == {
        "event_id": 4,
        "title": "LOK",
        "start_at": "2026-12-05T19:00:00+01:00",
        "not_after": "2026-12-05T19:00:00+01:00",
    }
    assert row.notice == reminder and row.envelope == Envelope(not_after=START)


def test_a_digest_keeps_only_its_sections_with_items() -> None:
    digest = Digest(sections=DigestSections(knowledge=(KnowledgeItem(id="k1", title="Wat?"),)))
    assert encode(digest)[1] == {"sections": {"knowledge": [{"id": "k1", "title": "Wat?"}]}}


# Rows as the previous version wrote them (its producers built these dicts by hand).
SHIFT_ROW = {
    "shift_id": 3,
    "start": "2026-12-05T18:00:00+00:00",
    "end": "2026-12-06T07:00:00+00:00",
    "zone": "Noord",
    "post": "",
}
SHIFT = ShiftSummary(
    shift_id=3, start=START, end=START + timedelta(hours=13), zone="Noord", post=""
)
SWAP_ROW = {**SHIFT_ROW, "request_id": 9, "swap_kind": "swap", "requester": "Ann", "note": ""}
SWAP = SwapSummary(shift=SHIFT, request_id=9, swap_kind=SwapKind.SWAP, requester="Ann", note="")
EVENT_ROW = {"event_id": 1, "title": "LOK", "start_at": "2026-12-05T18:00:00+00:00"}
EVENT = EventSummary(event_id=1, title="LOK", start_at=START)

PREVIOUS_VERSION = [
    ("shift_reminder", SHIFT_ROW, ShiftReminder(shift=SHIFT)),
    (
        "swap_taken",
        {**SWAP_ROW, "taker": "Bart", "reason": "", "return_start": "2026-12-09T18:00:00+00:00"},
        SwapTaken(swap=SWAP, taker="Bart", reason=""),
    ),
    ("broadcast", {"text": "Hallo", "file_id": None, "urgent": True}, Announcement(text="Hallo")),
    (
        "broadcast_report",
        {"broadcast_id": 2, "counts": {"sent": 3, "unreachable": 1}, "unreachable_names": ["L"]},
        BroadcastReport(
            broadcast_id=2,
            counts={OutboxState.SENT: 3, OutboxState.UNREACHABLE: 1},
            unreachable_names=("L",),
        ),
    ),
    (
        "digest",
        {
            "sections": {
                "swaps": [SWAP_ROW],
                "announcements": [{"at": "2026-12-01T08:00:00+00:00", "text": "Vergadering"}],
                "events": [{**EVENT_ROW, "location": "", "seats_left": None}],
            }
        },
        Digest(
            sections=DigestSections(
                announcements=(
                    AnnouncementItem(at=datetime(2026, 12, 1, 8, tzinfo=UTC), text="Vergadering"),
                ),
                events=(UpcomingEvent(event=EVENT, seats_left=None),),
                swaps=(SWAP,),
            )
        ),
    ),
    (
        "board_post",
        {
            "post_id": 1,
            "author": "Ann",
            "software": "",
            "languages": ["nl", "fr"],
            "details": "Praktijk",
            "start_on": "2027-01-04",
            "end_on": "2027-01-08",
            "zone": "Noord",
        },
        LocumWanted(
            post_id=1,
            author="Ann",
            software="",
            languages=("nl", "fr"),
            details="Praktijk",
            period=PostPeriod(start_on=date(2027, 1, 4), end_on=date(2027, 1, 8), zone="Noord"),
        ),
    ),
    (
        "join_request",
        {"member_id": 5, "name": "Jan", "riziv": None, "role": "locum", "zone": None},
        JoinRequest(member_id=5, name="Jan", riziv=None, role=Role.LOCUM, zone=None),
    ),
    ("join_rejected", {"role": "gp"}, JoinRejected()),
]


@pytest.mark.parametrize(("kind", "params", "notice"), PREVIOUS_VERSION)
def test_rows_the_previous_version_wrote_still_read(
    kind: str, params: dict[str, Any], notice: Notice
) -> None:
    assert decode(kind, params) == notice


def test_the_previous_versions_envelope_reads_whatever_the_kind() -> None:
    assert decode_envelope({"text": "Hallo", "file_id": "F1", "urgent": True}) == Envelope(
        urgent=True, file_id="F1"
    )
    not_after = {"not_after": "2026-12-05T18:00:00+00:00", "from": "a newer version"}
    assert decode_envelope(not_after) == Envelope(not_after=START)


def test_a_kind_this_version_does_not_know_is_unreadable() -> None:
    with pytest.raises(UnreadableMessage, match="unknown kind"):
        decode("from_a_newer_version", {})


@pytest.mark.parametrize(
    "params",
    [
        {key: value for key, value in SWAP_ROW.items() if key != "requester"},  # missing
        {**SWAP_ROW, "request_id": "9"},  # a string for an int
        {**SWAP_ROW, "request_id": True},  # a bool for an int
        {**SWAP_ROW, "requester": 5},  # an int for a string
        {**SWAP_ROW, "swap_kind": "barter"},  # no such enum member
        {**SWAP_ROW, "start": "tomorrow"},  # not an ISO moment
        {**SWAP_ROW, "start": "2026-12-05T18:00:00"},  # no time zone
        {**SWAP_ROW, "zone": None},  # null where a value is needed
    ],
)
def test_a_payload_that_does_not_fit_its_kind_is_unreadable(params: dict[str, Any]) -> None:
    decode("swap_offer", {**SWAP_ROW})  # the row itself is fine
    with pytest.raises(UnreadableMessage):
        decode("swap_offer", params)


@pytest.mark.parametrize(
    "params",
    [
        {"sections": []},  # an object expected
        {"sections": {"knowledge": {"id": "k1"}}},  # a list expected
        {"sections": {"knowledge": [{"id": "k1"}]}},  # an item without its title
        {"sections": {"events": [{**EVENT_ROW, "seats_left": "2"}]}},
    ],
)
def test_nested_parts_that_do_not_fit_are_unreadable(params: dict[str, Any]) -> None:
    with pytest.raises(UnreadableMessage):
        decode("digest", params)


def test_an_ill_typed_envelope_is_unreadable() -> None:
    member = Member(telegram_id=11, role=Role.GP, status=MemberStatus.ACTIVE)
    row = OutboxMessage.to(member, Announcement(text="Hallo"), START)
    row.params["urgent"] = "yes"
    assert row.notice == Announcement(text="Hallo")
    with pytest.raises(UnreadableMessage):
        row.envelope  # noqa: B018


def test_naive_moments_are_refused_when_stored() -> None:
    naive = ShiftSummary(shift_id=1, start=START.replace(tzinfo=None), end=START, zone="Noord")
    with pytest.raises(TypeError, match="naive"):
        encode(ShiftReminder(shift=naive))


def test_every_kind_has_exactly_one_renderer() -> None:
    assert set(handlers.COMPOSER.renderers) == set(known_kinds().values())


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
@pytest.mark.parametrize("kind", sorted(known_kinds()))
def test_every_kind_is_shown_in_every_language(kind: str, language: str) -> None:
    member = Member(telegram_id=11, role=Role.GP, language=language)
    row = OutboxMessage.to(member, sample(known_kinds()[kind]), START)
    [text], _ = handlers.COMPOSER.compose(row, Kring("Kring Noord", "info@kring.be"))
    assert text and "<b>&</b>" not in text  # member text is escaped
