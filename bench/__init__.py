import bot  # noqa: F401  (the bot's thread settings, before any benchmark imports numpy)
