"""My credits: the accreditation progress /credits shows (the target, the points per rubric,
the CME attended), and CME followed elsewhere added as /credits allows, through CreditsService."""

from starlette.requests import Request
from starlette.responses import Response

from bot.core.audience import Audience
from bot.core.cme import parse_count
from bot.core.errors import DomainError
from bot.core.models import Rubric
from bot.web.console import Page, Viewer
from bot.web.pages.forms import BadChoice, chat_of, refusal_text, required


async def my_credits(request: Request, viewer: Viewer) -> Response:
    if request.method == "GET":
        added = request.query_params.get("done") == "added"
        return await _show(viewer, notice=viewer.t.gettext("Added.") if added else "")
    try:
        if viewer.form.get("action") != "add":
            raise BadChoice("action")
        await _add(viewer)
    except (BadChoice, DomainError) as refused:
        return await _show(viewer, error=refusal_text(viewer, refused))
    return viewer.redirect("/credits", done="added")


async def _show(viewer: Viewer, *, notice: str = "", error: str = "") -> Response:
    t, chat = viewer.t, chat_of(viewer)
    summary = await viewer.services.credits.credits(viewer.member)
    return viewer.page(
        "credits.html",
        t.gettext("My credits"),
        status=400 if error else 200,
        summary=chat.credits_text(t, summary),
        rubrics=[(rubric.value, chat.rubric_name(t, rubric)) for rubric in Rubric],
        form=viewer.form if error else {},  # what was typed stays after a refusal
        notice=notice,
        error=error,
    )


async def _add(viewer: Viewer) -> None:
    """Every field is checked (as the chat's questions check each answer) before it is saved."""
    form, credits = viewer.form, viewer.services.credits
    rubric = required(Rubric, form.get("rubric"))
    held_on = credits.past_day(form.get("day", ""))
    points = parse_count(form.get("points", "")) or 0
    await credits.add_elsewhere(viewer.member, form.get("title", ""), held_on, points, rubric)


PAGES = [
    Page(
        "/credits",
        Audience.MEMBER,
        my_credits,
        ("GET", "POST"),
        nav=lambda t: t.gettext("My credits"),
    )
]
