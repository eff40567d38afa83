"""locum.texts"""

from collections.abc import Iterable

from bot.core.knowledge.model import Entry
from bot.core.locum import END_ITEMS, START_ITEMS
from bot.core.models import (
    Replacement,
)
from bot.i18n import Translator
from handlers.render import esc


def checklist_item(t: Translator, item: str) -> str:
    labels = {
        "myriziv": t.gettext("MyRiziv: grouping with the replaced doctor"),
        "emd": t.gettext("EMD software: own user with the vendor, Hector"),
        "agenda": t.gettext("Online agenda: your name and hours"),
        "lab": t.gettext("Laboratory: results in your name"),
        "pacs": t.gettext("PacsOnWeb (optional)"),
        "vaccinnet": t.gettext("Vaccinnet (optional)"),
        "stamp": t.gettext("Stamp in your own name"),
        "insurance": t.gettext("Insurance: liability and guaranteed income"),
        "contract": t.gettext("Replacement contract signed"),
        "fee": t.gettext("Fee contribution agreed (/fee)"),
        "ehealth": t.gettext("Remove your eHealth certificate"),
        "hector": t.gettext("Stop the Hector link"),
        "export": t.gettext("Export your tarifications (Excel)"),
        "proof": t.gettext("Keep the proof for seven years"),
        "note": t.gettext("Send the expense note (/fee)"),
    }
    return labels[item]


def replacements(t: Translator, items: Iterable[Replacement]) -> str:
    items = list(items)
    if not items:
        return t.gettext(
            "<b>Your replacements</b>\nNone recorded yet. Record one to get its checklists and "
            "a reminder before the last day."
        )
    lines = [t.gettext("<b>Your replacements</b>")]
    lines += [
        "• {practice} ({doctor}): {start} – {end}".format(
            practice=esc(r.practice),
            doctor=esc(r.replaced_doctor),
            start=t.date(r.start_on, "short"),
            end=t.date(r.end_on, "short"),
        )
        for r in items
    ]
    return "\n".join(lines)


def checklist(t: Translator, replacement: Replacement, part: str) -> str:
    items = START_ITEMS if part == "start" else END_ITEMS
    done = sum(item in replacement.done for item in items)
    title = (
        t.gettext("<b>Start checklist</b> – {practice}")
        if part == "start"
        else t.gettext("<b>Last-day checklist</b> – {practice}")
    ).format(practice=esc(replacement.practice))
    progress = t.gettext("{done} of {total} done. Tap an item to tick it.").format(
        done=done, total=len(items)
    )
    return f"{title}\n{progress}"


def practice_choice(t: Translator, entries: Iterable[Entry]) -> str:
    parts = [t.gettext("<b>Choosing a practice: what to check</b>")]
    parts += [esc(_up_to_its_list(entry.answer)) for entry in entries]
    return "\n\n".join(parts)


def _up_to_its_list(answer: str) -> str:
    """A checklist entry's answer without what follows its list: as an answer of its own it
    points to the other parts of the checklist ("See also …"), which are shown right here."""
    lines = answer.strip().splitlines()
    last_item = max((i for i, line in enumerate(lines) if line.startswith("- ")), default=None)
    return "\n".join(lines if last_item is None else lines[: last_item + 1])


def replacement_ask_practice(t: Translator) -> str:
    return t.gettext("New replacement: in which practice? (/cancel stops)")


def replacement_ask_doctor(t: Translator) -> str:
    return t.gettext("Which doctor do you replace?")


def replacement_ask_start(t: Translator) -> str:
    return t.gettext("First day? For example 3/3/2026.")


def replacement_ask_end(t: Translator) -> str:
    return t.gettext("Last day? For example 31/3/2026.")


def replacement_saved(t: Translator, replacement: Replacement) -> str:
    return t.gettext(
        "Saved: {practice}, {start} – {end}. You will get a reminder with the last-day "
        "checklist two days before the end."
    ).format(
        practice=esc(replacement.practice),
        start=t.date(replacement.start_on, "long"),
        end=t.date(replacement.end_on, "long"),
    )


def replacement_cancelled(t: Translator) -> str:
    return t.gettext("Nothing was saved.")
