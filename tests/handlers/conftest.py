from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import build_application
from bot.clock import SettableClock
from bot.config import Settings
from bot.demo import DEMO_PEOPLE
from bot.demo_large import kring_people, seed_kring
from bot.services import Wiring, build_services
from tests.handlers.harness import Harness, Person, RecordingRequest


@pytest.fixture
def wiring(settings: Settings, clock: SettableClock, engine: AsyncEngine) -> Wiring:
    return build_services(settings, clock, engine)


@pytest.fixture
def kring_size() -> str:
    """The demo kring the `bot` fixture seeds: "small" (the six demo people), or "large" (about
    200 members, a year of roster and some history; bot/demo_large). A test runs on both with
    `@ON_BOTH_KRINGS`."""
    return "small"


ON_BOTH_KRINGS = pytest.mark.parametrize("kring_size", ["small", "large"])


@pytest.fixture
async def bot(
    settings: Settings, wiring: Wiring, clock: SettableClock, kring_size: str
) -> AsyncIterator[Harness]:
    await seed_kring(wiring.unit_of_work, clock.now(), kring_size)
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
    """A demo person by handle; on the large kring also one of its colleagues."""
    found = [p for p in DEMO_PEOPLE if p.handle == handle]
    person = (found or [p for p in kring_people("large") if p.handle == handle])[0]
    return Person(person.telegram_id, person.language, person.name.split()[0])


STRANGER = Person(555, "nl", "Nobody")
FRENCH_STRANGER = Person(556, "fr-BE", "Personne")
