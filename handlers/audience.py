"""Who may use what: every command and every button prefix is declared with its audience.

A feature declares its commands (`Command`) and button prefixes (`Prefix`) in its `buttons`
module; the access gate (handlers.access) is assembled from those declarations, so a button
cannot exist without the audience allowed to tap it.
"""

from dataclasses import dataclass

from bot.core.audience import Audience, member_audience

__all__ = ["ACCESS_KEY", "RUN", "Audience", "Command", "Prefix", "member_audience"]

# The prefix of a button that runs a command (`run:shifts`), e.g. under an answer that explains
# a feature. Such a button is for the command's own audience (handlers.access).
RUN = "run"
ACCESS_KEY = "access"  # bot_data: the gate's Rules, for a button shown per audience


class Prefix(str):
    """A callback-data prefix (`prefix:arg:arg`) together with the audience allowed to tap it.

    It is a str, so it builds callback data and patterns like the plain prefix it replaces."""

    audience: Audience

    def __new__(cls, value: str, audience: Audience) -> "Prefix":
        prefix = super().__new__(cls, value)
        prefix.audience = audience
        return prefix

    def pattern(self) -> str:
        """The regular expression of this prefix's buttons, with or without arguments."""
        return rf"^{self}(:|$)"


@dataclass(frozen=True)
class Command:
    """A command with its canonical English name, its nl/fr aliases and its audience."""

    name: str
    audience: Audience
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> list[str]:
        """Every name it answers to, for its CommandHandler."""
        return [self.name, *self.aliases]
