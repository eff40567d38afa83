"""The expense note (onkostennota) as a PDF, in the member's language."""

from typing import TYPE_CHECKING

from bot.core.expense_notes import ExpenseNote
from bot.i18n import Translator
from handlers.fonts import font_dir
from handlers.locum import fee_texts

if TYPE_CHECKING:
    from fpdf import FPDF

_FONT = "DejaVu"
# The font's styles, as matplotlib ships them: a Unicode TrueType font, so that ’ – ‑ € and
# every accent members type print as typed (the PDF core fonts know Latin-1 only).
_FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}


def expense_note_pdf(t: Translator, note: ExpenseNote) -> bytes:
    from fpdf import FPDF  # a large import, made when a note is first drawn (handlers.fonts)

    pdf = FPDF(format="A4")
    for style, filename in _FONT_FILES.items():
        pdf.add_font(_FONT, style, font_dir() / filename)
    title = fee_texts.note_title(t)
    pdf.set_title(title)
    pdf.add_page()
    pdf.set_font(_FONT, "B", 18)
    pdf.cell(0, 12, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(_FONT, size=10)
    pdf.cell(0, 6, t.date(note.issued_on, "long"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    top = pdf.get_y()
    bottoms = (
        _party(pdf, 10, top, fee_texts.note_from(t), fee_texts.note_locum_lines(t, note)),
        _party(pdf, 110, top, fee_texts.note_to(t), fee_texts.note_practice_lines(t, note)),
    )
    pdf.set_y(max(bottoms) + 8)
    for label, value in fee_texts.note_rows(t, note):
        pdf.set_font(_FONT, "B", 11)
        pdf.cell(70, 8, label)
        pdf.set_font(_FONT, size=11)
        pdf.multi_cell(0, 8, value, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font(_FONT, size=10)
    pdf.multi_cell(
        0, 5, fee_texts.note_basis(t, note.basis), align="L", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(16)
    pdf.line(10, pdf.get_y(), 90, pdf.get_y())
    pdf.ln(2)
    pdf.cell(0, 6, fee_texts.note_signature(t, note), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(10)
    pdf.set_font(_FONT, "I", 8)
    pdf.multi_cell(0, 4, fee_texts.note_footer(t), align="L")
    return bytes(pdf.output())


def _party(pdf: "FPDF", x: float, y: float, heading: str, lines: list[str]) -> float:
    """One side of the note as a block of lines in a column of 90 mm; where the block ends."""
    pdf.set_xy(x, y)
    pdf.set_font(_FONT, "B", 11)
    pdf.cell(90, 7, heading, new_x="LEFT", new_y="NEXT")
    pdf.set_font(_FONT, size=10)
    for line in lines:
        pdf.multi_cell(90, 5, line, align="L", new_x="LEFT", new_y="NEXT")
    return pdf.get_y()
