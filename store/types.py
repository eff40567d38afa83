"""Column types that make SQLite and PostgreSQL behave alike."""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware timestamps stored as UTC. SQLite keeps no offset, so we add it back on read;
    naive datetimes are refused on write, they are always a bug."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}; use a timezone-aware one")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class CleanText(TypeDecorator[str]):
    """Text as members type it, minus NUL characters: PostgreSQL refuses them in text columns
    (SQLite stores them), and no member means one. `CleanText(80)` is a VARCHAR(80)."""

    impl: TypeEngine[str] | type[TypeEngine[str]] = Text
    cache_ok = True

    def __init__(self, length: int | None = None) -> None:
        super().__init__()
        self.impl = String(length) if length else Text()

    def process_bind_param(self, value: str | None, dialect: Dialect) -> Any:
        return None if value is None else value.replace("\x00", "")
