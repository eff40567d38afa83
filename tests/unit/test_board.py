from datetime import date, timedelta

import pytest

from bot.clock import SettableClock
from bot.core.board import BoardService, PostNotAvailable, language_list, matches, split_list
from bot.core.errors import NotAllowed
from bot.core.locum import InvalidReplacement
from bot.core.models import (
    BoardPost,
    Member,
    MemberStatus,
    PostKind,
    PostStatus,
    Role,
    Subscription,
)
from bot.core.notices.locum import BoardMatch
from tests.conftest import START
from tests.fakes import FakeDatabase, FakeUnitOfWork


def _post(**overrides: object) -> BoardPost:
    values: dict[str, object] = dict(
        author_id=1,
        kind=PostKind.NEED,
        zone="Noord",
        start_on=date(2026, 12, 7),
        end_on=date(2026, 12, 20),
        software="CareConnect",
        languages=["nl"],
        details="",
        created_at=START,
        expires_at=START + timedelta(days=20),
    )
    values.update(overrides)
    return BoardPost(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("subscription", "expected"),
    [
        (Subscription(2), True),  # no preferences: everything
        (Subscription(2, zones=["noord", "Zuid"]), True),
        (Subscription(2, zones=["Zuid"]), False),
        (Subscription(2, software=["careconnect"]), True),
        (Subscription(2, software=["HealthOne"]), False),
        (Subscription(2, languages=["fr", "nl"]), True),
        (Subscription(2, languages=["fr"]), False),
        (Subscription(2, languages=["English", "Dutch"]), True),  # saved before codes
        (Subscription(2, languages=["Frans"]), False),
        (Subscription(2, available_from=date(2026, 12, 20)), True),  # overlaps on the last day
        (Subscription(2, available_from=date(2026, 12, 21)), False),
        (Subscription(2, available_until=date(2026, 12, 6)), False),
    ],
)
def test_a_need_matches_a_locums_preferences(subscription: Subscription, expected: bool) -> None:
    assert matches(_post(), subscription) is expected


def test_languages_typed_as_words_become_codes() -> None:
    assert language_list("English, Dutch") == ["en", "nl"]
    assert language_list("Nederlands, Frans") == ["nl", "fr"]
    assert language_list("néerlandais; anglais, EN") == ["nl", "en"]
    assert language_list("Arabisch") == ["arabisch"]  # no code known: kept as typed
    assert language_list("-") == []


def test_preference_lists_as_members_type_them() -> None:
    assert split_list("Noord,  Zuid ; Gent") == ["Noord", "Zuid", "Gent"]
    assert split_list("alle") == split_list("-") == split_list("") == []


@pytest.fixture
async def people(fake_db: FakeDatabase) -> dict[str, Member]:
    found = {}
    async with FakeUnitOfWork(fake_db) as uow:
        for tg, name, role in [
            (1, "Ann", Role.GP),
            (2, "Lotte", Role.LOCUM),
            (3, "Tom", Role.LOCUM),
            (4, "Karin", Role.COORDINATOR),
        ]:
            found[name.lower()] = await uow.members.add(
                Member(
                    telegram_id=tg,
                    role=role,
                    name=name,
                    riziv=None,
                    status=MemberStatus.ACTIVE,
                    created_at=START,
                    updated_at=START,
                )
            )
        await uow.commit()
    return found


@pytest.fixture
def board(fake_db: FakeDatabase, clock: SettableClock) -> BoardService:
    return BoardService(lambda: FakeUnitOfWork(fake_db), clock, "Europe/Brussels")


async def test_matching_locums_are_told_and_the_gp_picks_one(
    board: BoardService, people: dict[str, Member], fake_db: FakeDatabase
) -> None:
    await board.subscribe(people["lotte"], Subscription(0, zones=["Noord"]))
    await board.subscribe(people["tom"], Subscription(0, zones=["Zuid"]))
    post, told = await board.post(
        people["ann"], PostKind.NEED, date(2026, 12, 7), date(2026, 12, 20), "Noord", "", ["nl"], ""
    )
    assert told == 1
    [notice] = fake_db.outbox.values()
    assert (notice.kind, notice.chat_id) == ("board_post", 2)

    assert post.id is not None
    await board.interested(people["lotte"], post.id)
    await board.interested(people["lotte"], post.id)  # a second tap tells the GP only once
    await board.interested(people["tom"], post.id)
    assert [m.kind for m in fake_db.outbox.values()].count("board_interest") == 2

    chosen = await board.pick(people["ann"], post.id, people["lotte"].id or 0)
    assert chosen.name == "Lotte"
    matched = [(m.chat_id, m.notice) for m in fake_db.outbox.values() if m.kind == "board_match"]
    contacts = {(chat, notice.name) for chat, notice in matched if isinstance(notice, BoardMatch)}
    assert contacts == {(1, "Lotte"), (2, "Ann")}
    with pytest.raises(PostNotAvailable):  # filled: no more interest
        await board.interested(people["tom"], post.id)


async def test_only_the_author_picks_and_only_among_the_interested(
    board: BoardService, people: dict[str, Member]
) -> None:
    post, _ = await board.post(
        people["ann"], PostKind.NEED, date(2026, 12, 7), date(2026, 12, 20), "Noord", "", [], ""
    )
    assert post.id is not None
    await board.interested(people["lotte"], post.id)
    with pytest.raises(PostNotAvailable):
        await board.pick(people["tom"], post.id, people["lotte"].id or 0)
    with pytest.raises(PostNotAvailable):
        await board.pick(people["ann"], post.id, people["tom"].id or 0)
    with pytest.raises(PostNotAvailable):
        await board.interested(people["ann"], post.id)  # not on one's own post


async def test_posts_expire_after_their_last_day(
    board: BoardService, people: dict[str, Member], clock: SettableClock
) -> None:
    post, _ = await board.post(
        people["ann"], PostKind.NEED, date(2026, 12, 1), date(2026, 12, 2), "Noord", "", [], ""
    )
    assert len(await board.open_posts(PostKind.NEED)) == 1
    clock.advance(timedelta(days=2))
    assert await board.open_posts(PostKind.NEED) == []
    with pytest.raises(PostNotAvailable):
        await board.interested(people["lotte"], post.id or 0)


async def test_closing_and_removing(
    board: BoardService, people: dict[str, Member], fake_db: FakeDatabase
) -> None:
    first, _ = await board.post(
        people["ann"], PostKind.NEED, date(2026, 12, 7), date(2026, 12, 20), "Noord", "", [], ""
    )
    second, _ = await board.post(
        people["lotte"],
        PostKind.AVAILABILITY,
        date(2026, 12, 7),
        date(2026, 12, 20),
        "Noord",
        "",
        [],
        "",
    )
    with pytest.raises(PostNotAvailable):
        await board.close(people["tom"], first.id or 0)  # neither author nor coordinator
    assert (await board.close(people["ann"], first.id or 0)).status is PostStatus.CLOSED
    assert (await board.close(people["karin"], second.id or 0)).status is PostStatus.REMOVED
    assert (
        await board.open_posts(PostKind.NEED) == await board.open_posts(PostKind.AVAILABILITY) == []
    )


async def test_bad_posts_are_refused(board: BoardService, people: dict[str, Member]) -> None:
    with pytest.raises(InvalidReplacement):
        await board.post(
            people["ann"], PostKind.NEED, date(2026, 12, 7), date(2026, 12, 6), "Noord", "", [], ""
        )
    with pytest.raises(NotAllowed):  # only locums offer availability
        await board.post(
            people["ann"],
            PostKind.AVAILABILITY,
            date(2026, 12, 7),
            date(2026, 12, 8),
            "Noord",
            "",
            [],
            "",
        )
