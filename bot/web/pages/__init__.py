"""The console's pages, one module per feature, in the order of the navigation. Each module
has `PAGES`: its pages with their audience (bot.core.audience) and methods (a POST is a change)."""

from bot.web.console import Page
from bot.web.pages import announcements, credits, events, members, roster, settings, shifts, stats

PAGES: list[Page] = [
    *shifts.PAGES,  # everyone's first page: my shifts
    *roster.PAGES,  # the coordinator's month grid
    *events.PAGES,  # CME events: members register, the coordinator manages them
    *members.PAGES,  # the members table (coordinator and staff)
    *credits.PAGES,  # my accreditation points, as /credits
    *settings.PAGES,  # my settings, as /settings
    *announcements.PAGES,  # the coordinator's announcements: compose, history, reports
    *stats.PAGES,  # the coordinator's figures as charts
]
