"""Authorization proven, not assumed: every command and every button prefix the Application has
registered, tapped or sent by each kind of person, is refused exactly when the access table
(assembled from the features' declarations) says so, and a refused one changes nothing in the
database."""

import re
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from telegram.ext import CallbackQueryHandler, CommandHandler, ConversationHandler

from bot.core.models import Member, MemberStatus, Role
from bot.services import Wiring
from handlers import ACCESS
from handlers.audience import Audience, member_audience
from tests.conftest import snapshot
from tests.handlers.conftest import STRANGER, demo
from tests.handlers.harness import Harness, Person, replies

# The access table, as the features declare it.
COMMANDS = {command.name: command.audience for command in ACCESS.commands}
ALIASES = {command.name: command.aliases for command in ACCESS.commands}
CALLBACKS = dict(ACCESS.by_prefix)

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
# Extra people beside the demo kring: staff, someone who has not finished joining, a suspended GP.
EXTRA = {
    "staff": (7100001, Role.STAFF, MemberStatus.ACTIVE),
    "pending": (7100002, Role.GP, MemberStatus.PENDING),
    "suspended": (7100003, Role.GP, MemberStatus.SUSPENDED),
}
PEOPLE = {
    "stranger": STRANGER,
    "gp": demo("ann"),
    "locum": demo("lotte"),
    "coordinator": demo("coord"),
    **{role: Person(telegram_id, "nl", role) for role, (telegram_id, _, _) in EXTRA.items()},
}
AUDIENCE = {  # what each kind of person may reach (None: nothing beyond Audience.ANYONE)
    "stranger": None,
    "pending": None,
    "suspended": None,
    "gp": Audience.MEMBER,
    "locum": Audience.MEMBER,
    "staff": Audience.MANAGER,
    "coordinator": Audience.COORDINATOR,
}
# Wording of the gate's refusals (handlers.render): not a member, finish joining, suspended,
# coordinator or staff only.
REFUSALS = ("nog geen lid", "eerst uw registratie", "geschorst", "Enkel de coördinator")


def _handlers(bot: Harness) -> list[Any]:
    found = []
    for group in bot.app.handlers.values():
        for handler in group:
            if isinstance(handler, ConversationHandler):
                found += [*handler.entry_points, *handler.fallbacks]
                found += [h for state in handler.states.values() for h in state]
            else:
                found.append(handler)
    return found


def registered_commands(bot: Harness) -> set[str]:
    return {
        command
        for handler in _handlers(bot)
        if isinstance(handler, CommandHandler)
        for command in handler.commands
    }


def registered_prefixes(bot: Harness) -> set[str]:
    prefixes = set()
    for handler in _handlers(bot):
        if isinstance(handler, CallbackQueryHandler) and handler.pattern is not None:
            match = re.match(r"\^(\w+)", handler.pattern.pattern)  # type: ignore[union-attr]
            if match:
                prefixes.add(match[1])
    return prefixes


@pytest.fixture
async def people(bot: Harness, wiring: Wiring) -> dict[str, Person]:
    async with wiring.unit_of_work() as uow:
        for role, (telegram_id, member_role, status) in EXTRA.items():
            await uow.members.add(
                Member(
                    telegram_id=telegram_id,
                    role=member_role,
                    status=status,
                    name=None if status is MemberStatus.PENDING else f"Test {role}",
                    created_at=NOW,
                    updated_at=NOW,
                )
            )
        await uow.commit()
    return PEOPLE


def allowed(person: str, needed: Audience) -> bool:
    have = AUDIENCE[person]
    return needed is Audience.ANYONE or (have is not None and have >= needed)


def test_the_access_table_covers_everything_registered(bot: Harness) -> None:
    names = {*COMMANDS, *(alias for aliases in ALIASES.values() for alias in aliases)}
    assert registered_commands(bot) <= names
    assert {command for command in COMMANDS if command != "cancel"} <= registered_commands(bot)
    assert registered_prefixes(bot) <= set(CALLBACKS)


async def test_every_command_for_every_role(
    bot: Harness, people: dict[str, Person], engine: AsyncEngine
) -> None:
    for command, needed in sorted(COMMANDS.items()):
        for role, person in people.items():
            if allowed(role, needed):
                continue
            before = await snapshot(engine)
            calls = replies(await bot.send(person, f"/{command}"))
            assert calls and any(refusal in calls[0].text for refusal in REFUSALS), (role, command)
            assert await snapshot(engine) == before, (role, command)


async def test_every_button_for_every_role(
    bot: Harness, people: dict[str, Person], engine: AsyncEngine
) -> None:
    for prefix, needed in sorted(CALLBACKS.items()):
        for role, person in people.items():
            if allowed(role, needed):
                continue
            before = await snapshot(engine)
            for payload in (f"{prefix}:1", f"{prefix}:1:1", prefix):
                [refusal] = replies(await bot.tap(person, payload))
                if role == "stranger":  # too long for an alert: a message with a join button
                    assert refusal.method == "sendMessage", (role, payload)
                    assert refusal.buttons, (role, payload)
                else:
                    assert refusal.method == "answerCallbackQuery", (role, payload)
                    assert refusal.params.get("show_alert") is True, (role, payload)
                assert any(text in refusal.text for text in REFUSALS), (role, payload)
            assert await snapshot(engine) == before, (role, prefix)


def test_the_roles_map_onto_the_audiences() -> None:
    assert member_audience(None) is None
    for role, (_, member_role, status) in EXTRA.items():
        member = Member(telegram_id=1, role=member_role, status=status)
        assert member_audience(member) == AUDIENCE[role]


async def test_staff_invite_members_but_never_a_coordinator_or_staff(
    bot: Harness, people: dict[str, Person], engine: AsyncEngine
) -> None:
    """Staff who could invite a coordinator would make themselves one with a second account."""
    staff = people["staff"]
    [menu] = replies(await bot.send(staff, "/invite"))
    assert menu.buttons == ["huisarts", "vervangarts"]
    before = await snapshot(engine)  # the audit log notes the attempts; nothing else changes
    for role in ("coordinator", "staff"):
        [typed] = replies(await bot.send(staff, f"/invite {role}"))
        [tapped] = replies(await bot.tap(staff, f"invrole:{role}", on=menu))
        for refusal in (typed, tapped):
            assert "Enkel de coördinator" in refusal.text and "start=" not in refusal.text
    after = await snapshot(engine)
    assert {**after, "audit_log": []} == {**before, "audit_log": []}
    [created] = replies(await bot.send(staff, "/invite gp"))
    assert "start=" in created.text
