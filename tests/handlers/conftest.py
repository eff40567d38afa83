from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import build_application
from bot.clock import SettableClock
from bot.config import Settings
from bot.demo import DEMO_PEOPLE, seed_demo
from bot.services import Wiring, build_services
from tests.handlers.harness import Harness, Person, RecordingRequest


@pytest.fixture
def wiring(settings: Settings, clock: SettableClock, engine: AsyncEngine) -> Wiring:
    return build_services(settings, clock, engine)


@pytest.fixture
async def bot(settings: Settings, wiring: Wiring, clock: SettableClock) -> AsyncIterator[Harness]:
    await seed_demo(wiring.unit_of_work, clock.now())
    request = RecordingRequest()
    app = build_application(
        settings,
        wiring.services,
        token="424242:TEST-TOKEN-abcdefghijklmnop",
        request=request,
        with_ticks=False,
    )
    async with app:
        yield Harness(app, request)
    refused = [(call.method, call.refused) for call in request.refusals]
    assert not refused, f"Telegram would refuse these calls: {refused}"


def demo(handle: str) -> Person:
    person = next(p for p in DEMO_PEOPLE if p.handle == handle)
    return Person(person.telegram_id, person.language, person.name.split()[0])


STRANGER = Person(555, "nl", "Nobody")
FRENCH_STRANGER = Person(556, "fr-BE", "Personne")
