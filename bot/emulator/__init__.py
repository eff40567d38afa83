"""A local Telegram Bot API emulator for running the real bot without Telegram."""

from bot.emulator.errors import ButtonNotFound
from bot.emulator.limits import RateLimits
from bot.emulator.server import Emulator, serve

__all__ = ["ButtonNotFound", "Emulator", "RateLimits", "serve"]
