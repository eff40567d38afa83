"""Telegram Mini App `initData`, validated as Telegram documents it, and the console's session.

Telegram opens the console with `initData`: URL-encoded fields, one of them `hash`, the
HMAC-SHA256 of the other fields (sorted, `key=value` lines) under a key that is itself the
HMAC-SHA256 of the bot token under the key "WebAppData". Only Telegram and the bot know the
token, so valid initData proves who opened the app; `auth_date` keeps an old one from being
replayed. The console then keeps a session token signed with a key derived from the token.
"""

import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

MAX_AGE_SECONDS = 3600  # initData older than this is refused (Telegram issues it at opening)
SESSION_SECONDS = 8 * 3600


@dataclass(frozen=True)
class WebAppUser:
    telegram_id: int
    first_name: str
    language_code: str | None


class InvalidInitData(Exception):
    """Forged, altered, stale or unreadable initData."""


def _secret(bot_token: str) -> bytes:
    return hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()


def sign_init_data(fields: dict[str, str], bot_token: str) -> str:
    """initData as Telegram makes it (for tests and the demo's emulator links)."""
    check = "\n".join(f"{key}={value}" for key, value in sorted(fields.items()))
    digest = hmac.new(_secret(bot_token), check.encode(), hashlib.sha256).hexdigest()
    return urlencode({**fields, "hash": digest})


def validate_init_data(init_data: str, bot_token: str, now: float | None = None) -> WebAppUser:
    """The person who opened the Mini App.

    Raises:
        InvalidInitData: the hash does not match, `auth_date` is missing, in the future or older
            than MAX_AGE_SECONDS, or there is no user.
    """
    try:
        fields = dict(parse_qsl(init_data, keep_blank_values=True, strict_parsing=True))
    except ValueError:
        raise InvalidInitData("unreadable") from None
    received = fields.pop("hash", "")
    check = "\n".join(f"{key}={value}" for key, value in sorted(fields.items()))
    expected = hmac.new(_secret(bot_token), check.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(received.encode(), expected.encode()):
        raise InvalidInitData("hash")
    moment = time.time() if now is None else now
    try:
        age = moment - int(fields["auth_date"])
        user = json.loads(fields["user"])
        person = WebAppUser(
            int(user["id"]), str(user.get("first_name", "")), user.get("language_code")
        )
    except (KeyError, ValueError, TypeError):
        raise InvalidInitData("fields") from None
    if not -60 <= age <= MAX_AGE_SECONDS:
        raise InvalidInitData("stale")
    return person


class Sessions:
    """A signed token `<telegram id>.<expiry>.<signature>`: no server-side state, so any
    replica accepts a session another made."""

    def __init__(self, bot_token: str) -> None:
        self._key = hmac.new(
            b"kringbot-console-session", bot_token.encode(), hashlib.sha256
        ).digest()

    def _sign(self, payload: str) -> str:
        return hmac.new(self._key, payload.encode(), hashlib.sha256).hexdigest()

    def issue(self, telegram_id: int, now: float | None = None) -> str:
        expiry = int((time.time() if now is None else now) + SESSION_SECONDS)
        payload = f"{telegram_id}.{expiry}"
        return f"{payload}.{self._sign(payload)}"

    def telegram_id(self, token: str | None, now: float | None = None) -> int | None:
        """Whose session this is; None when absent, altered or expired."""
        if not token or token.count(".") != 2:
            return None
        telegram_id, expiry, signature = token.split(".")
        if not hmac.compare_digest(
            signature.encode(), self._sign(f"{telegram_id}.{expiry}").encode()
        ):
            return None
        try:
            if int(expiry) < (time.time() if now is None else now):
                return None
            return int(telegram_id)
        except ValueError:
            return None

    def csrf(self, session: str) -> str:
        """The token the session's forms carry: a change needs the session (in the address)
        and this, which only the session's own pages hold."""
        return hmac.new(self._key, f"csrf:{session}".encode(), hashlib.sha256).hexdigest()

    def csrf_matches(self, session: str, token: str) -> bool:
        return hmac.compare_digest(self.csrf(session).encode(), token.encode())
