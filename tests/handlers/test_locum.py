"""/locum: recording a replacement and ticking its checklists."""

from tests.handlers.conftest import demo
from tests.handlers.harness import Harness, replies


async def test_a_locum_records_a_replacement_and_ticks_the_checklist(bot: Harness) -> None:
    [overview] = replies(await bot.send(demo("lotte"), "/locum"))
    assert "Nog geen enkele" in overview.text
    await bot.tap(demo("lotte"), overview.button_data("Nieuwe vervanging"), overview)
    await bot.send(demo("lotte"), "Praktijk De Linde")
    await bot.send(demo("lotte"), "Dr. Bart Janssens")
    await bot.send(demo("lotte"), "1/12/2026")
    [wrong] = replies(await bot.send(demo("lotte"), "30/11/2026"))
    assert "voor de eerste dag" in wrong.text
    [saved] = replies(await bot.send(demo("lotte"), "31/12/2026"))
    assert "Praktijk De Linde" in saved.text and "0 van 10 gedaan" in saved.text
    assert "☐ Stempel op uw eigen naam" in saved.buttons

    [ticked] = replies(await bot.tap(demo("lotte"), saved.button_data("Stempel"), saved))
    assert ticked.method == "editMessageText" and "1 van 10 gedaan" in ticked.text
    assert "☑ Stempel op uw eigen naam" in ticked.buttons

    [refused] = replies(await bot.tap(demo("tom"), saved.button_data("Stempel"), saved))
    assert refused.method == "answerCallbackQuery"  # not tom's replacement

    [listed] = replies(await bot.send(demo("lotte"), "/locum"))
    assert "Praktijk De Linde" in listed.text
    [end] = replies(await bot.tap(demo("lotte"), listed.button_data("Laatste dag"), listed))
    assert "Checklist laatste dag" in end.text and len(end.buttons) == 5


async def test_the_practice_choice_checklist_comes_from_the_knowledge_base(bot: Harness) -> None:
    [overview] = replies(await bot.send(demo("tom"), "/locum"))
    calls = await bot.tap(demo("tom"), overview.button_data("Choosing a practice"), overview)
    [checklist] = replies(calls)
    assert "Choosing a practice: what to check" in checklist.text
    for part in ("location and patients", "workload", "support"):
        assert part in checklist.text
    assert "See also" not in checklist.text  # the parts it would point to are right here


async def test_the_checklist_in_french_and_english(bot: Harness) -> None:
    for handle, new, ticked_label in (
        ("elise", "Nouveau remplacement", "☑ Cachet à votre propre nom"),
        ("tom", "New replacement", "☑ Stamp in your own name"),
    ):
        [overview] = replies(await bot.send(demo(handle), "/locum"))
        await bot.tap(demo(handle), overview.button_data(new), overview)
        for answer in ("Cabinet du Parc", "Dr. Ann Claes", "1/12/2026"):
            await bot.send(demo(handle), answer)
        [saved] = replies(await bot.send(demo(handle), "31/12/2026"))
        stamp = saved.button_data(ticked_label.split(" ", 1)[1][:12])
        [ticked] = replies(await bot.tap(demo(handle), stamp, saved))
        assert ticked_label in ticked.buttons
