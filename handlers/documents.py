"""Files the bot sends: the expense note as PDF."""

from fpdf import FPDF

from bot.core.fees import ExpenseNote
from bot.i18n import Translator

_FONT = "Helvetica"


def _latin1(text: str) -> str:
    """The PDF core fonts speak Latin-1; other characters become '?' rather than an error."""
    return text.encode("latin-1", "replace").decode("latin-1")


def _euro(t: Translator, note: ExpenseNote) -> str:
    return t.money(note.amount).replace("€", "EUR")  # '€' is not in Latin-1


def expense_note_pdf(t: Translator, note: ExpenseNote) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title(_latin1(t.gettext("Expense note")))
    pdf.add_page()
    pdf.set_font(_FONT, "B", 18)
    pdf.cell(0, 12, _latin1(t.gettext("Expense note")), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(_FONT, size=11)
    pdf.cell(0, 8, _latin1(t.date(note.issued_on, "long")), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    rows = [
        (t.gettext("From (locum)"), note.locum_name),
        (t.gettext("RIZIV number"), note.locum_riziv or "-"),
        (t.gettext("To (replaced doctor or practice)"), note.replaced_name),
        (t.gettext("RIZIV number"), note.replaced_riziv),
        (t.gettext("Period of the replacement"), note.period),
        (t.gettext("Fee contribution paid"), _euro(t, note)),
    ]
    for label, value in rows:
        pdf.set_font(_FONT, "B", 11)
        pdf.cell(75, 9, _latin1(label))
        pdf.set_font(_FONT, size=11)
        pdf.cell(0, 9, _latin1(value), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.set_font(_FONT, "I", 9)
    pdf.multi_cell(
        0,
        5,
        _latin1(
            t.gettext(
                "Fee contribution of the locum to the replaced practice, after the guideline of "
                "Domus Medica (Vervangingen, revised 8 May 2023). Keep this note with your records."
            )
        ),
    )
    return bytes(pdf.output())
