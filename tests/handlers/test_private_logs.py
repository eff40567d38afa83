"""What members type stays out of the logs, also when the database refuses it (on PostgreSQL
asyncpg quotes the refused value in its message) and when the log is at DEBUG."""

import logging

import pytest

from tests.handlers.conftest import demo
from tests.handlers.harness import Harness, replies

RIZIV = "1-48976-16-004"


@pytest.mark.parametrize("unstorable", ["\x00", "\ud800"], ids=["nul", "lone-surrogate"])
async def test_a_refused_text_leaves_no_member_data_in_the_log(
    bot: Harness, caplog: pytest.LogCaptureFixture, unstorable: str
) -> None:
    text = f"Mevrouw Vermeulen{unstorable}, RIZIV {RIZIV}: mag ik dat delen?"
    with caplog.at_level(logging.DEBUG):
        answer = replies(await bot.send(demo("ann"), text))
    assert answer  # an answer, never silence
    logged = "\n".join([record.getMessage() for record in caplog.records] + [caplog.text])
    for private in ("Vermeulen", RIZIV.replace("-", "")[:8], "48976", "delen"):
        assert private not in logged
