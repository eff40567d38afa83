"""The web server beside the bot: webhook, calendar feeds, health check (and the console)."""
