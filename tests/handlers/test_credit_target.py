"""The accreditation target /credits measures against is the kring's setting: the seeds do not
state it, so a kring whose requirement differs sets its own."""

import pytest

from bot.config import Settings
from tests.handlers.conftest import demo
from tests.handlers.harness import Harness, replies


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={"accreditation_points_per_year": 25, "accreditation_ethics_points_per_year": 5}
    )


async def test_credits_measure_against_the_kring_s_target(bot: Harness) -> None:
    [credits] = replies(await bot.send(demo("ann"), "/credits"))
    assert "Doel: 25 CP per jaar, waarvan 5 in ethiek &amp; economie" in credits.text
    assert "0 van 25 CP" in credits.text and "0 van 5 CP in ethiek" in credits.text
