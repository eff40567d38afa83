"""The statistics as charts: the figures of the bot's /stats (bot.core.stats), one bar chart per
subject, drawn here as inline SVG (no script, no library): each bar with its label above it and
its value beside it, so the chart reads at 390 px, and a title per chart and per bar for screen
readers."""

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

from bot.core.stats import STATS_READERS, Figures, group_label, stat_label
from bot.i18n import Translator
from bot.web.console import Page, Viewer

WIDTH = 360  # the drawing's own units; the SVG scales to the page's width
ROW = 40  # a bar's label line and the bar under it
BAR = 14
VALUE_ROOM = 48  # right of the longest bar, for its value


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    top: int
    length: float


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    bars: list[Bar]

    @property
    def height(self) -> int:
        return ROW * len(self.bars)

    @property
    def summary(self) -> str:
        """The chart in words: its accessible name."""
        figures = "; ".join(f"{bar.label}: {bar.value}" for bar in self.bars)
        return f"{self.title}. {figures}"


def chart(t: Translator, key: str, figures: Figures) -> Chart:
    unit = (WIDTH - VALUE_ROOM) / (max((value for _, value in figures), default=0) or 1)
    bars = [
        # The chat lists parts of a total as "– label"; a chart shows each as its own bar.
        Bar(stat_label(t, name).removeprefix("– "), value, row * ROW, round(value * unit, 1))
        for row, (name, value) in enumerate(figures)
    ]
    return Chart(key, group_label(t, key), bars)


async def stats(request: Request, viewer: Viewer) -> Response:
    groups = await viewer.services.stats.groups(viewer.member)
    charts = [chart(viewer.t, key, figures) for key, figures in groups]
    return viewer.page(
        "stats.html", viewer.t.gettext("Statistics"), charts=charts, width=WIDTH, bar=BAR
    )


PAGES = [Page("/stats", STATS_READERS, stats, nav=lambda t: t.gettext("Statistics"))]
