"""The outbox notices of this feature: the text (and buttons) of each kind."""

from bot.core.broadcast import announcement_html
from bot.core.notices.broadcast import Announcement, BroadcastReport, Digest
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.broadcast import buttons, texts
from handlers.feature import Renderer


def _announcement(t: Translator, notice: Announcement, kring: Kring) -> str:
    return announcement_html(kring.name, notice.text)


NOTICES = (
    Renderer(Announcement, _announcement),
    Renderer(
        BroadcastReport,
        lambda t, notice, kring: texts.broadcast_report(t, notice),
        lambda t, notice: buttons.broadcast_progress(t, notice.broadcast_id, False),
    ),
    Renderer(Digest, lambda t, notice, kring: texts.digest(t, notice.sections, kring)),
)
