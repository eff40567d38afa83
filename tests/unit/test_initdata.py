"""Mini App initData as Telegram signs it, and the console's signed sessions."""

import json
import time

import pytest

from bot.web.initdata import InvalidInitData, Sessions, sign_init_data, validate_init_data

TOKEN = "424242:TEST-TOKEN-abcdefghijklmnop"
USER = json.dumps({"id": 1001, "first_name": "Ann", "language_code": "nl"})


def _signed(**fields: str) -> str:
    return sign_init_data({"auth_date": str(int(time.time())), "user": USER, **fields}, TOKEN)


def test_signed_init_data_names_the_person() -> None:
    person = validate_init_data(_signed(query_id="AAE"), TOKEN)
    assert (person.telegram_id, person.first_name, person.language_code) == (1001, "Ann", "nl")


@pytest.mark.parametrize(
    "forge",
    [
        lambda data: data.replace("1001", "1002"),  # someone else's id
        lambda data: data[:-1] + ("0" if data[-1] != "0" else "1"),  # the hash altered
        lambda data: data.split("&hash=")[0],  # no hash
        lambda data: "not=initdata&&&",
    ],
)
def test_altered_init_data_is_refused(forge) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInitData):
        validate_init_data(forge(_signed()), TOKEN)


def test_init_data_signed_with_another_bots_token_is_refused() -> None:
    with pytest.raises(InvalidInitData):
        validate_init_data(_signed(), "1:another-bot")


def test_stale_init_data_is_refused() -> None:
    old = sign_init_data({"auth_date": str(int(time.time()) - 7200), "user": USER}, TOKEN)
    with pytest.raises(InvalidInitData):
        validate_init_data(old, TOKEN)


def test_sessions_are_signed_and_expire() -> None:
    sessions = Sessions(TOKEN)
    cookie = sessions.issue(1001, now=1_000_000)
    assert sessions.telegram_id(cookie, now=1_000_100) == 1001
    assert sessions.telegram_id(cookie, now=1_000_000 + 9 * 3600) is None  # expired
    assert sessions.telegram_id(cookie.replace("1001", "1002", 1), now=1_000_100) is None
    assert Sessions("1:another-bot").telegram_id(cookie, now=1_000_100) is None
    assert sessions.telegram_id("garbage", now=1_000_100) is None
