"""The audit log in words: what each logged action did (a coordinator's command or button) and
what it concerned. The log keeps the action as it came (a command, or a button's data with its
ids); the export turns it into words in the reader's language."""

from datetime import date

from bot.core.audit import AuditLine, Subject, Subjects
from bot.i18n import Translator
from handlers.membership import texts

# Which argument of a button is an id of what (bot.core.audit resolves them).
SUBJECTS: Subjects = {
    "joindec": [(Subject.MEMBER, 0)],
    "mbcard": [(Subject.MEMBER, 0)],
    "mbact": [(Subject.MEMBER, 0)],
    "swok": [(Subject.SWAP, 0)],
    "swno": [(Subject.SWAP, 0)],
    "swtrail": [(Subject.SWAP, 0)],
    "rexset": [(Subject.MEMBER, 0)],
    "rbfor": [(Subject.MEMBER, 0)],
    "rassign": [(Subject.SHIFT, 0)],
    "rassignpg": [(Subject.SHIFT, 0)],
    "rassignto": [(Subject.SHIFT, 0), (Subject.MEMBER, 1)],
    "evshow": [(Subject.EVENT, 0)],
    "evlist": [(Subject.EVENT, 0)],
    "evlistpg": [(Subject.EVENT, 0)],
    "evtick": [(Subject.EVENT, 0)],
    "evwalkin": [(Subject.EVENT, 0)],
    "evwalkinpg": [(Subject.EVENT, 0)],
    "evwalkinadd": [(Subject.EVENT, 0), (Subject.MEMBER, 1)],
    "evqr": [(Subject.EVENT, 0)],
    "evcsv": [(Subject.EVENT, 0)],
    "evedit": [(Subject.EVENT, 0)],
    "evcancel": [(Subject.EVENT, 0)],
}
MONTH_ARGUMENT = "xswaps"  # the roster changes of a month: `xswaps:2026-12`


def header(t: Translator) -> list[str]:
    return [
        t.gettext("when"),
        t.gettext("who"),
        t.gettext("what"),
        t.gettext("concerning"),
        t.gettext("logged as"),
    ]


def filename(t: Translator) -> str:
    # Translators: the name of the CSV file with the audit log; keep ".csv".
    return t.gettext("audit-log.csv")


def caption(t: Translator, days: int, count: int) -> str:
    return t.ngettext(
        "{n} coordinator or staff action in the last {days} days.",
        "{n} coordinator or staff actions in the last {days} days.",
        count,
    ).format(n=count, days=days)


def what(t: Translator, line: AuditLine) -> str:
    """The action in words; every command and button for managers has some (a test checks)."""
    if line.action.startswith("/"):
        name = line.action[1:]
        return f"{line.action} ({texts.command_description(t, name)})"
    return _button_words(t)[line.action]


def about(t: Translator, line: AuditLine) -> str:
    """Whom or what the action concerned: names, titles, shifts, a month."""
    parts = list(line.about)
    parts += [f"{t.date(start, 'short')} {t.time(start)}" for start in line.shifts]
    if line.action == MONTH_ARGUMENT and line.args:
        year, month = (int(part) for part in line.args[0].split("-")[:2])
        parts.append(t.date(date(year, month, 1), "month"))
    return ", ".join(parts)


def _button_words(t: Translator) -> dict[str, str]:
    return {
        "invrole": t.gettext("invitation created"),
        "joindec": t.gettext("membership request decided"),
        "mbman": t.gettext("managing members: list opened"),
        "mbmanpg": t.gettext("managing members: another page"),
        "mbcard": t.gettext("managing a member: card opened"),
        "mbact": t.gettext("member managed (suspended, reactivated, role, zone or removed)"),
        "swok": t.gettext("swap approved"),
        "swno": t.gettext("swap rejected"),
        "swtrail": t.gettext("history of a swap viewed"),
        "rtally": t.gettext("shifts per member viewed"),
        "rexempt": t.gettext("exemptions opened"),
        "rexemptpg": t.gettext("exemptions: another page"),
        "rexset": t.gettext("exemption changed"),
        "rbehalf": t.gettext("acting for a member: list opened"),
        "rbehalfpg": t.gettext("acting for a member: another page"),
        "rbfor": t.gettext("acting for a member"),
        "rassign": t.gettext("giving a shift: list opened"),
        "rassignpg": t.gettext("giving a shift: another page"),
        "rassignto": t.gettext("shift given to a member"),
        "rtemplate": t.gettext("roster template downloaded"),
        "zonefeed": t.gettext("a zone's roster subscription handed out"),
        "xswaps": t.gettext("roster changes exported"),
        "xaudit": t.gettext("audit log exported"),
        "evnew": t.gettext("new CME event started"),
        "evimport": t.gettext("import of CME events started"),
        "evshow": t.gettext("CME event opened"),
        "evlist": t.gettext("registrations viewed"),
        "evlistpg": t.gettext("registrations: another page"),
        "evtick": t.gettext("attendance ticked"),
        "evwalkin": t.gettext("walk-in: list opened"),
        "evwalkinpg": t.gettext("walk-in: another page"),
        "evwalkinadd": t.gettext("walk-in added"),
        "evqr": t.gettext("check-in QR code made"),
        "evcsv": t.gettext("attendance list exported"),
        "evedit": t.gettext("CME event edited"),
        "evcancel": t.gettext("cancelling a CME event"),
        "evkind": t.gettext("new CME event: kind chosen"),
        "evrubric": t.gettext("new CME event: rubric chosen"),
        "evaud": t.gettext("new CME event: audience chosen"),
        "evpub": t.gettext("new CME event published"),
        "evlok": t.gettext("LOK groups viewed"),
        "qreply": t.gettext("reply to a question"),
        "kbteach": t.gettext("knowledge base entry drafted from a reply"),
        "kbtsave": t.gettext("knowledge base entry added"),
        "kbtedit": t.gettext("knowledge base entry edited"),
        "kbtdrop": t.gettext("knowledge base entry dropped"),
        "kbfreq": t.gettext("questions asked in vain viewed"),
        "bcaud": t.gettext("announcement: audience chosen"),
        "bcurg": t.gettext("announcement: urgency changed"),
        "bcsend": t.gettext("announcement sent"),
        "bclater": t.gettext("announcement scheduled"),
        "bcabort": t.gettext("announcement discarded"),
        "bcprog": t.gettext("progress of an announcement viewed"),
        "bcstop": t.gettext("announcement stopped"),
        "bccsv": t.gettext("delivery report exported"),
    }
