"""/fee: the calculator conversation, through the Application."""

from io import BytesIO

from pypdf import PdfReader

from tests.handlers.conftest import STRANGER, demo
from tests.handlers.harness import Call, Harness, replies


async def _choose(bot: Harness, handle: str, label: str) -> str:
    [question] = replies(await bot.send(demo(handle), "/fee"))
    [after] = replies(await bot.tap(demo(handle), question.button_data(label), question))
    return after.text


async def test_a_short_replacement_costs_nothing_and_names_the_source(bot: Harness) -> None:
    text = await _choose(bot, "lotte", "4 weken of minder")
    assert "Geen onkostenbijdrage" in text and "2023" in text


async def test_more_than_six_months_at_16_hours(bot: Harness) -> None:
    assert "uur per week" in await _choose(bot, "lotte", "Meer dan 6 maanden")
    [ask_income] = replies(await bot.send(demo("lotte"), "16"))
    assert "bruto-inkomen" in ask_income.text
    [ask_free] = replies(await bot.send(demo("lotte"), "4.000"))
    assert "2 boekjes voor uw uren" in ask_free.text
    [result] = replies(await bot.send(demo("lotte"), "2500"))
    assert "€\u00a0375,00 voor deze maand" in result.text  # 30% of 1500 = 450, capped at 375


async def test_above_32_hours_more_booklets_are_free_and_the_ceiling_stays(bot: Harness) -> None:
    await _choose(bot, "lotte", "Meer dan 6 maanden")
    await bot.send(demo("lotte"), "40")
    [ask_free] = replies(await bot.send(demo("lotte"), "9000"))
    assert "5 boekjes voor uw uren" in ask_free.text  # 4 at 32 h, in proportion
    [result] = replies(await bot.send(demo("lotte"), "3000"))
    assert "€\u00a0750,00 voor deze maand" in result.text  # 30% of 6000, at most 750


async def test_one_booklet_is_named_in_the_singular(bot: Harness) -> None:
    await _choose(bot, "tom", "More than 6 months")
    await bot.send(demo("tom"), "8,5")
    [ask_free] = replies(await bot.send(demo("tom"), "2000"))
    assert "1 booklet for your hours. How much of that income comes from it" in ask_free.text
    [result] = replies(await bot.send(demo("tom"), "500"))
    assert "(1 booklet for your hours)" in result.text
    assert "€199.22 for this month" in result.text


async def test_experience_is_a_factor_without_a_direction(bot: Harness) -> None:
    await _choose(bot, "ann", "1 tot 6 maanden")
    [result] = replies(await bot.send(demo("ann"), "3000"))
    assert "ervaring als huisarts speelt mee" in result.text
    assert "minder ervaring" not in result.text


async def test_bad_input_is_refused_and_can_be_corrected(bot: Harness) -> None:
    await _choose(bot, "tom", "More than 6 months")
    [refused] = replies(await bot.send(demo("tom"), "200"))
    assert "at most 168" in refused.text
    [not_a_number] = replies(await bot.send(demo("tom"), "a lot"))
    assert "figures" in not_a_number.text
    [ask_income] = replies(await bot.send(demo("tom"), "8"))
    assert "income" in ask_income.text


async def test_one_to_six_months_in_french(bot: Harness) -> None:
    await _choose(bot, "elise", "1 à 6 mois")
    [result] = replies(await bot.send(demo("elise"), "5000"))
    assert "Entre 0,00\u00a0€ et 500,00\u00a0€ par mois" in result.text
    assert "15\u00a0%" in result.text


async def test_forfait_practice_and_cancel(bot: Harness) -> None:
    await _choose(bot, "ann", "Forfaitaire praktijk")
    [result] = replies(await bot.send(demo("ann"), "30,15"))
    assert "€\u00a060,30 per uur" in result.text
    await _choose(bot, "ann", "1 tot 6 maanden")
    [stopped] = replies(await bot.send(demo("ann"), "/cancel"))
    assert "gestopt" in stopped.text
    [question] = replies(await bot.send(demo("ann"), "stempel vervanger"))
    assert "stempel" in question.text.lower()  # text is a question again, not an amount


async def test_belgian_and_english_notations_are_understood_and_echoed(bot: Harness) -> None:
    await _choose(bot, "lotte", "1 tot 6 maanden")
    [result] = replies(await bot.send(demo("lotte"), "3.000,50"))
    assert "maandinkomen van €\u00a03.000,50" in result.text
    await _choose(bot, "tom", "1 to 6 months")
    [result] = replies(await bot.send(demo("tom"), "3,000.50"))
    assert "monthly income of €3,000.50" in result.text and "€450.08" in result.text


async def test_a_comma_before_three_digits_is_asked_about(bot: Harness) -> None:
    await _choose(bot, "lotte", "1 tot 6 maanden")
    [question] = replies(await bot.send(demo("lotte"), "3,000"))
    assert question.buttons == ["€\u00a03,00", "€\u00a03.000,00"]
    calls = await bot.tap(demo("lotte"), question.button_data("3.000,00"), question)
    [result] = [call for call in replies(calls) if "per maand" in call.text]
    assert "maandinkomen van €\u00a03.000,00" in result.text
    assert "€\u00a0450,00 per maand" in result.text


async def test_hours_typed_as_a_word_get_an_hours_example(bot: Harness) -> None:
    await _choose(bot, "tom", "More than 6 months")
    [refused] = replies(await bot.send(demo("tom"), "sixteen"))
    assert "hours a week in figures" in refused.text and "income" not in refused.text
    [asked] = replies(await bot.send(demo("tom"), "16"))
    assert "income" in asked.text


async def test_strangers_cannot_use_the_calculator(bot: Harness) -> None:
    [refusal] = replies(await bot.send(STRANGER, "/fee"))
    assert "geen lid" in refusal.text


def _pdf_text(sent: Call) -> str:
    """The text of the PDF sent, with any run of spaces and line breaks as one space."""
    document = sent.params["document"]
    pages = PdfReader(BytesIO(document.content)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


async def test_the_expense_note_is_a_pdf_with_the_figures(bot: Harness) -> None:
    lotte = demo("lotte")
    await _choose(bot, "lotte", "Meer dan 6 maanden")
    for answer in ("16", "4000"):
        await bot.send(lotte, answer)
    [result] = replies(await bot.send(lotte, "2500"))
    calls = await bot.tap(lotte, result.button_data("Onkostennota"), result)
    assert "naam" in replies(calls)[-1].text
    await bot.send(lotte, "Dr. Anne D’Hondt")
    [too_short] = replies(await bot.send(lotte, "Gent"))
    assert "postadres" in too_short.text  # no number: not an address, asked again
    [ask_kbo] = replies(await bot.send(lotte, "Rue de l’Église 1, 1060 Saint‑Gilles"))
    assert "KBO" in ask_kbo.text
    [wrong_kbo] = replies(await bot.send(lotte, "0123.456.748"))
    assert "geen geldig KBO-nummer" in wrong_kbo.text
    await bot.send(lotte, "BE 0123 456 749")
    [wrong] = replies(await bot.send(lotte, "1-52301-87-004"))
    assert "controlecijfers" in wrong.text  # a wrong number is refused, and asked again
    await bot.send(lotte, "1-52301-86-004")
    [ask_address] = replies(await bot.send(lotte, "1/11/2026 – 30/11/2026"))
    assert "uw eigen adres" in ask_address.text  # the amount follows from the booklets
    [ask_iban] = replies(await bot.send(lotte, "Kerkstraat 1\n9000 Gent"))
    assert "IBAN" in ask_iban.text
    [wrong_iban] = replies(await bot.send(lotte, "BE68 5390 0754 7035"))
    assert "geen geldig rekeningnummer" in wrong_iban.text
    [sent] = [c for c in await bot.send(lotte, "be68539007547034") if c.method == "sendDocument"]
    assert sent.params["caption"].startswith("Hier is uw onkostennota")
    assert sent.params["document"].filename == "onkostennota.pdf"
    text = _pdf_text(sent)
    for expected in (
        "Onkostennota",
        "Lotte Maes",
        "RIZIV-nummer: 1-71234-68-003",
        "Kerkstraat 1",
        "9000 Gent",
        "Rekeningnummer (IBAN): BE68 5390 0754 7034",
        "Dr. Anne D’Hondt",
        "Rue de l’Église 1",
        "1060 Saint‑Gilles",
        "KBO-nummer: 0123.456.749",
        "1-52301-86-004",
        "1/11/2026 – 30/11/2026",
        "€ 375,00",
        "30% van het maandinkomen",
        "€ 4.000,00 − € 2.500,00",
        "Handtekening van de vervangarts, Lotte Maes",
    ):
        assert expected in text, expected


async def test_a_negotiated_note_asks_for_the_agreed_amount(bot: Harness) -> None:
    await _choose(bot, "tom", "1 to 6 months")
    [result] = replies(await bot.send(demo("tom"), "3000"))
    await bot.tap(demo("tom"), result.button_data("Expense note"), result)
    for answer in (
        "Medical Centre North",
        "Stationsstraat 12, 2800 Mechelen",
        "0403.170.701",
        "14897616004",
        "April 2026",
    ):
        last = replies(await bot.send(demo("tom"), answer))
    assert "agree" in last[-1].text
    for answer in ("300", "Dorpsstraat 5, 2000 Antwerpen"):
        await bot.send(demo("tom"), answer)
    [sent] = [
        c for c in await bot.send(demo("tom"), "BE68 5390 0754 7034") if c.method == "sendDocument"
    ]
    assert sent.params["document"].filename == "expense-note.pdf"
    text = _pdf_text(sent)
    assert "Fee contribution paid €300.00" in text and "monthly income of €3,000.00" in text
