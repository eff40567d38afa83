"""The one member picker: a list of people as pages of buttons, searched by typing a name.

A kring has 50–300 members and Telegram takes at most 100 buttons in a message, so every list
of people (exemptions, acting for a member, giving a shift, ticking attendance, adding a walk-in,
asking one colleague for a swap) is a `Picker`: ten names a page with `Vorige` / `Volgende`, and
whatever the person types while the list is open finds the names that contain it.

Three kinds of buttons, each a `Prefix` the feature declares with its audience:
  opener:<args>                    shows page one (and makes this the list typing searches)
  page:<args>:<page>:<searched>    another page of the whole list (0) or of the last search (1)
  choose:<args>:<id>[:<searched>]  the feature's own handler: what choosing someone does
Buttons carry ids, a page number and a flag, never the typed text: the search is kept in the
conversation's state. `<args>` are the list's own ids (a shift, an event, a swap kind).

Typing reaches the list through one Flow (`conversation`, its state kept in the database like
every flow's) in a handler group of its own, before the features: while a list is open its text
is a search, and any other button or command ends the search (unless it chose someone in a list
that stays open, like ticking attendance) and then goes on to the features as if no list were
open.
"""

from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import (
    ApplicationHandlerStop,
    CallbackQueryHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.core.conversations import Step
from bot.core.errors import BadButton
from bot.core.membership import name_matches, name_sort_key
from bot.core.models import Member
from bot.i18n import Translator
from handlers import keyboards
from handlers.audience import Prefix
from handlers.context import KringContext
from handlers.conversation import Flow
from handlers.render import esc

PAGE_SIZE = 10
SEARCH = 0  # the conversation's one state: a list is open, typed text searches it
QUERY_LIMIT = 40  # characters of a typed search that count
_KEY = "picker"


@dataclass(frozen=True)
class Choice:
    """One row: the id its button carries, its label, and the name a search looks at."""

    id: int
    label: str
    name: str


def member_choice(member: Member, label: str | None = None) -> Choice:
    """A member in a list, under their name (or a label with more, like their exemption)."""
    return Choice(member.id or 0, label or member.name or "?", member.name or "")


@dataclass(frozen=True)
class Listing:
    """Everything in the list now, the text above it and buttons below it (a walk-in, cancel)."""

    prompt: str
    choices: Sequence[Choice]
    extra: Sequence[tuple[str, str]] = ()


@dataclass(frozen=True)
class View:
    """Which part of the list a message shows: a page of everyone, or of what a search found."""

    page: int = 0
    query: str = ""


Loader = Callable[[KringContext, tuple[Any, ...]], Awaitable[Listing]]


@dataclass(frozen=True)
class Picker:
    opener: Prefix
    page: Prefix
    choose: Prefix
    load: Loader
    # How to read the list's own arguments from the buttons (int for an id, an enum ...).
    converters: tuple[Callable[[str], Any], ...] = ()
    # After a choice the list is shown again (ticks, exemptions): its choose buttons carry the
    # search flag, and choosing keeps typed text a search.
    stays_open: bool = False
    # The opener edits its message into the list; else the list is a new message.
    opens_in_place: bool = True


def matching(choices: Sequence[Choice], query: str) -> list[Choice]:
    """The choices a search finds (all of them without one), in alphabetical order."""
    found = [c for c in choices if name_matches(query, c.name)] if query else choices
    return sorted(found, key=lambda c: name_sort_key(c.name))


def page_count(found: Sequence[Choice]) -> int:
    return max(1, -(-len(found) // PAGE_SIZE))


def keyboard(
    t: Translator, picker: Picker, args: Sequence[object], listing: Listing, view: View
) -> InlineKeyboardMarkup | None:
    """One page: at most PAGE_SIZE names, `Vorige` / `Volgende`, then the listing's extras."""
    found = matching(listing.choices, view.query)
    searched = int(bool(view.query))
    flag = [searched] if picker.stays_open else []
    start = view.page * PAGE_SIZE
    rows = [
        [
            InlineKeyboardButton(
                keyboards.short(c.label),
                callback_data=keyboards.data(picker.choose, *args, c.id, *flag),
            )
        ]
        for c in found[start : start + PAGE_SIZE]
    ]
    turns = []
    if view.page > 0:
        turns.append((t.gettext("◀ Previous"), view.page - 1))
    if view.page + 1 < page_count(found):
        turns.append((t.gettext("Next ▶"), view.page + 1))
    if turns:
        rows.append(
            [
                InlineKeyboardButton(
                    label, callback_data=keyboards.data(picker.page, *args, p, searched)
                )
                for label, p in turns
            ]
        )
    rows += [
        [InlineKeyboardButton(label, callback_data=payload)] for label, payload in listing.extra
    ]
    return InlineKeyboardMarkup(rows) if rows else None


def text(t: Translator, listing: Listing, view: View, note: str = "") -> str:
    """The prompt, what a search found, and which page this is."""
    found = matching(listing.choices, view.query)
    lines = [note, listing.prompt] if note else [listing.prompt]
    if view.query and not found:
        lines.append(
            t.gettext("No name contains “{query}”. Type another part of the name.").format(
                query=esc(view.query)
            )
        )
    elif view.query:
        lines.append(
            t.ngettext(
                "{n} name contains “{query}”.", "{n} names contain “{query}”.", len(found)
            ).format(n=len(found), query=esc(view.query))
        )
    pages = page_count(found)
    if pages > 1:
        lines.append(
            t.gettext("Page {page} of {pages}. Type part of a name to find someone.").format(
                page=view.page + 1, pages=pages
            )
        )
    return "\n\n".join(lines)


async def show(
    update: Update,
    context: KringContext,
    picker: Picker,
    args: tuple[Any, ...],
    *,
    searched: bool = False,
    focus: int | None = None,
    note: str = "",
) -> None:
    """After a choice in a list that stays open: this list (the same one, or another such as
    the registrations after a walk-in) in place, on the page of the one just chosen, in the view
    the button was on (everyone, or the last search); typing now searches it."""
    query = update.callback_query
    assert query is not None
    listing = await picker.load(context, args)
    typed = (_stored(context, picker, args) or "") if searched else ""
    ids = [c.id for c in matching(listing.choices, typed)]
    page = ids.index(focus) // PAGE_SIZE if focus in ids else 0
    view = View(page, typed)
    _remember(context, picker, args, typed)
    await _keep_open(update, context)
    await query.answer()
    await query.edit_message_text(
        text(context.t, listing, view, note),
        reply_markup=keyboard(context.t, picker, args, listing, view),
    )


async def choice(context: KringContext, picker: Picker, args: tuple[Any, ...], id_: int) -> Choice:
    """The choice a button names, if it is still in the list; a forged or stale one is refused."""
    listing = await picker.load(context, args)
    found = next((c for c in listing.choices if c.id == id_), None)
    if found is None:
        raise BadButton()
    return found


async def _keep_open(update: Update, context: KringContext) -> None:
    """A feature's handler runs after the list's flow saved its step, so the list it shows
    now (the one typing searches) is saved here."""
    assert update.effective_chat is not None and update.effective_user is not None
    assert context.user_data is not None
    step = Step(SEARCH, context.user_data[_KEY])
    await context.services.conversations.save(
        update.effective_chat.id, update.effective_user.id, _KEY, step
    )


# --- the conversation: opening, turning pages, typing a search --------------------------------


def _remember(context: KringContext, picker: Picker, args: tuple[Any, ...], query: str) -> None:
    assert context.user_data is not None
    context.user_data[_KEY] = {"opener": str(picker.opener), "args": _raw(args), "query": query}


def _raw(args: tuple[Any, ...]) -> list[str]:
    return [str(arg) for arg in args]


def _stored(context: KringContext, picker: Picker, args: tuple[Any, ...]) -> str | None:
    """The last search typed in this very list (same picker, same arguments), if any."""
    state = (context.user_data or {}).get(_KEY) or {}
    if state.get("opener") == str(picker.opener) and state.get("args") == _raw(args):
        return str(state.get("query", ""))
    return None


def _open(picker: Picker) -> Callable[[Update, KringContext], Coroutine[Any, Any, int]]:
    async def open_list(update: Update, context: KringContext) -> int:
        query = update.callback_query
        assert query is not None and isinstance(query.message, Message)
        args = keyboards.args(query.data, *picker.converters)
        listing = await picker.load(context, args)
        _remember(context, picker, args, "")
        body = text(context.t, listing, View())
        markup = keyboard(context.t, picker, args, listing, View())
        await query.answer()
        if picker.opens_in_place:
            await query.edit_message_text(body, reply_markup=markup)
        else:
            await query.message.reply_text(body, reply_markup=markup)
        raise ApplicationHandlerStop(SEARCH)

    return open_list


def _turn(picker: Picker) -> Callable[[Update, KringContext], Coroutine[Any, Any, int]]:
    async def turn_page(update: Update, context: KringContext) -> int:
        query = update.callback_query
        assert query is not None
        given = keyboards.args(query.data, *picker.converters, int, keyboards.one_of("0", "1"))
        args, page, searched = given[:-2], given[-2], given[-1] == "1"
        typed = _stored(context, picker, args) if searched else ""
        if typed is None:  # the search this page belonged to was replaced or forgotten
            raise BadButton()
        listing = await picker.load(context, args)
        if page >= page_count(matching(listing.choices, typed)):
            raise BadButton()
        _remember(context, picker, args, typed or (_stored(context, picker, args) or ""))
        view = View(page, typed)
        await query.answer()
        await query.edit_message_text(
            text(context.t, listing, view),
            reply_markup=keyboard(context.t, picker, args, listing, view),
        )
        raise ApplicationHandlerStop(SEARCH)

    return turn_page


def conversation(pickers: Sequence[Picker]) -> Flow:
    """Typed text while a list is open searches that list (see the module's docstring)."""
    by_opener = {str(picker.opener): picker for picker in pickers}

    async def search(update: Update, context: KringContext) -> int:
        assert update.effective_message is not None and update.effective_message.text
        state = (context.user_data or {}).get(_KEY) or {}
        picker = by_opener.get(state.get("opener", ""))
        if picker is None:
            return ConversationHandler.END  # nothing open after all: the features take it
        payload = ":".join([picker.opener, *state.get("args", [])])
        args = keyboards.args(payload, *picker.converters)
        typed = " ".join(update.effective_message.text.split())[:QUERY_LIMIT]
        listing = await picker.load(context, args)
        _remember(context, picker, args, typed)
        view = View(0, typed)
        await update.effective_message.reply_text(
            text(context.t, listing, view),
            reply_markup=keyboard(context.t, picker, args, listing, view),
        )
        raise ApplicationHandlerStop(SEARCH)

    async def other_button(update: Update, context: KringContext) -> int:
        """Not a page: the features handle it. Choosing in a list that stays open keeps it."""
        query = update.callback_query
        assert query is not None
        state = (context.user_data or {}).get(_KEY) or {}
        picker = by_opener.get(state.get("opener", ""))
        prefix = (query.data or "").split(":", 1)[0]
        keeps = picker is not None and picker.stays_open and prefix == picker.choose
        return SEARCH if keeps else ConversationHandler.END

    async def anything_else(update: Update, context: KringContext) -> int:
        return ConversationHandler.END

    def arity(picker: Picker, extra: str = "") -> str:
        return "".join(r":[^:]+" for _ in picker.converters) + extra

    entry_points: list[Any] = []
    for picker in pickers:
        entry_points += [
            CallbackQueryHandler(_open(picker), pattern=rf"^{picker.opener}{arity(picker)}$"),
            CallbackQueryHandler(_turn(picker), pattern=rf"^{picker.page}:"),
        ]
    return Flow(
        _KEY,
        entry_points=entry_points,
        states={
            SEARCH: [
                MessageHandler(filters.TEXT & ~filters.COMMAND, search),
                CallbackQueryHandler(other_button),
                MessageHandler(filters.ALL, anything_else),
            ]
        },
        cancelled=None,
    )
