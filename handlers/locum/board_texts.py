"""locum.board_texts"""

from collections.abc import Iterable

from bot.core.models import (
    BoardPost,
    Member,
    PostKind,
    Subscription,
)
from bot.i18n import Translator
from handlers.render import esc


def languages_text(t: Translator, languages: Iterable[str]) -> str:
    return ", ".join(esc(language) for language in languages) or t.gettext("any")


def board_ask_start(t: Translator, kind: PostKind) -> str:
    if kind is PostKind.NEED:
        return t.gettext("Find a locum: from which day? For example 3/3/2026. (/cancel stops)")
    return t.gettext("Your availability: from which day? For example 3/3/2026. (/cancel stops)")


def board_ask_zone(t: Translator) -> str:
    return t.gettext("In which zone (WDO or town)?")


def board_ask_software(t: Translator) -> str:
    return t.gettext("Which EMD software (or - if it does not matter)?")


def board_ask_languages(t: Translator) -> str:
    return t.gettext("Which languages, separated by commas (for example: nl, fr), or - for any?")


def board_ask_details(t: Translator) -> str:
    return t.gettext("Anything else: days and hours, type of practice, a note? (or - for nothing)")


def board_posted(t: Translator, post: BoardPost, told: int) -> str:
    text = t.gettext("Published until {date}.").format(date=t.date(post.end_on, "long"))
    if post.kind is PostKind.NEED:
        text += " " + t.ngettext(
            "{count} locum with matching preferences was told.",
            "{count} locums with matching preferences were told.",
            told,
        ).format(count=told)
    return text + "\n\n" + board_post(t, post)


def board_post(t: Translator, post: BoardPost) -> str:
    title = (
        t.gettext("<b>Locum wanted</b>")
        if post.kind is PostKind.NEED
        else t.gettext("<b>Locum available</b>")
    )
    lines = [
        title,
        t.gettext("{start} – {end}, zone {zone}").format(
            start=t.date(post.start_on, "short"),
            end=t.date(post.end_on, "short"),
            zone=esc(post.zone),
        ),
        t.gettext("Software: {software}. Languages: {languages}.").format(
            software=esc(post.software) or t.gettext("any"),
            languages=languages_text(t, post.languages),
        ),
    ]
    if post.details:
        lines.append(esc(post.details))
    return "\n".join(lines)


def board_ask_zones(t: Translator) -> str:
    return t.gettext(
        "Follow vacancies: in which zones, separated by commas (or - for all)? (/cancel stops)"
    )


def board_ask_software_wanted(t: Translator) -> str:
    return t.gettext("Which EMD software do you know, separated by commas (or - for any)?")


def board_ask_period(t: Translator) -> str:
    return t.gettext("When are you available? For example 1/12/2026 - 31/3/2027, or - for always.")


def board_following(t: Translator, subscription: Subscription) -> str:
    return t.gettext(
        "Saved. You will be told about needs in {zones} (software: {software}; languages: "
        "{languages})."
    ).format(
        zones=languages_text(t, subscription.zones),
        software=languages_text(t, subscription.software),
        languages=languages_text(t, subscription.languages),
    )


def board_empty(t: Translator) -> str:
    return t.gettext("There is nothing on the board for you right now.")


def board_interest_sent(t: Translator) -> str:
    return t.gettext("The author has been told you are interested.")


def board_picked(t: Translator, chosen: Member) -> str:
    return t.gettext("You chose {name}. You both receive each other's contact details.").format(
        name=esc(chosen.name)
    )


def board_closed(t: Translator) -> str:
    return t.gettext("This post is closed.")
