"""The locum board through the Application: availability, browsing by role, closing."""

from tests.handlers.conftest import demo
from tests.handlers.harness import Harness, due_work, replies


async def _offer_availability(bot: Harness) -> None:
    [overview] = replies(await bot.send(demo("tom"), "/locum"))
    await bot.tap(demo("tom"), overview.button_data("Offer my availability"), overview)
    for answer in ("1/12/2026", "24/12/2026", "Zuid", "-", "en, nl", "mornings only"):
        last = replies(await bot.send(demo("tom"), answer))
    assert "Published until" in last[-1].text and last[-1].buttons == ["Close"]


async def test_gps_browse_availabilities_and_locums_do_not_see_their_own_kind(
    bot: Harness,
) -> None:
    await _offer_availability(bot)
    [overview] = replies(await bot.send(demo("elise"), "/locum"))
    assert "Proposer ma disponibilité" not in overview.buttons  # only locums offer time
    [post] = replies(await bot.tap(demo("elise"), overview.button_data("Tableau"), overview))
    assert "Remplaçant disponible" in post.text and "mornings only" in post.text
    assert post.buttons == ["Intéressé(e)"]

    [overview] = replies(await bot.send(demo("lotte"), "/locum"))
    [empty] = replies(await bot.tap(demo("lotte"), overview.button_data("Prikbord"), overview))
    assert "niets" in empty.text


async def test_the_coordinator_can_remove_a_post(bot: Harness) -> None:
    await _offer_availability(bot)
    [overview] = replies(await bot.send(demo("coord"), "/locum"))
    [post] = replies(await bot.tap(demo("coord"), overview.button_data("Prikbord"), overview))
    [removed] = replies(await bot.tap(demo("coord"), post.button_data("Verwijderen"), post))
    assert removed.method == "editMessageText" and "gesloten" in removed.text
    [again] = replies(await bot.tap(demo("ann"), post.button_data("Verwijderen"), post))
    assert again.method == "answerCallbackQuery" and "niet meer open" in again.text


async def test_an_end_before_the_start_is_refused(bot: Harness) -> None:
    [overview] = replies(await bot.send(demo("ann"), "/locum"))
    await bot.tap(demo("ann"), overview.button_data("Vervanger zoeken"), overview)
    await bot.send(demo("ann"), "7/12/2026")
    [refused] = replies(await bot.send(demo("ann"), "1/12/2026"))
    assert "voor de eerste dag" in refused.text
    [next_question] = replies(await bot.send(demo("ann"), "12/12/2026"))
    assert "zone" in next_question.text


async def _follow(bot: Harness, handle: str, languages: str) -> None:
    [overview] = replies(await bot.send(demo(handle), "/locum"))
    label = "Follow vacancies" if handle == "tom" else "Vacatures volgen"
    await bot.tap(demo(handle), overview.button_data(label), overview)
    for answer in ("-", "-", languages, "-"):
        await bot.send(demo(handle), answer)


async def _post_need(bot: Harness, languages: str) -> str:
    [overview] = replies(await bot.send(demo("ann"), "/locum"))
    await bot.tap(demo("ann"), overview.button_data("Vervanger zoeken"), overview)
    for answer in ("7/12/2026", "20/12/2026", "Noord", "-", languages, "-"):
        last = replies(await bot.send(demo("ann"), answer))
    return last[-1].text


async def test_languages_typed_as_words_match_a_need_posted_as_a_code(bot: Harness) -> None:
    await _follow(bot, "tom", "English, Dutch")
    published = await _post_need(bot, "nl")
    assert "1 vervanger met passende voorkeuren kreeg een bericht" in published
    [overview] = replies(await bot.send(demo("ann"), "/locum"))
    await bot.tap(demo("ann"), overview.button_data("Vervanger zoeken"), overview)
    for answer in ("7/12/2026", "20/12/2026", "Noord", "-", "Nederlands, Frans"):
        await bot.send(demo("ann"), answer)
    [posted] = replies(await bot.send(demo("ann"), "-"))
    assert "Talen: nl, fr." in posted.text


async def test_a_gp_sees_her_own_posts_on_the_board(bot: Harness) -> None:
    await _post_need(bot, "nl")
    [overview] = replies(await bot.send(demo("ann"), "/locum"))
    [own] = replies(await bot.tap(demo("ann"), overview.button_data("Prikbord"), overview))
    assert "Vervanger gezocht" in own.text and own.buttons == ["Sluiten"]
    [overview] = replies(await bot.send(demo("bart"), "/locum"))
    [empty] = replies(await bot.tap(demo("bart"), overview.button_data("Prikbord"), overview))
    assert "niets" in empty.text  # another GP's need is not for him


async def test_the_interested_who_were_not_chosen_are_told(bot: Harness) -> None:
    services = bot.app.bot_data["services"]
    for handle in ("lotte", "tom"):
        await _follow(bot, handle, "-")
    await _post_need(bot, "nl")
    wanted = {call.params["chat_id"]: call for call in await due_work(bot, services)}
    for handle, label in (("lotte", "Interesse"), ("tom", "Interested")):
        person = demo(handle)
        await bot.tap(person, wanted[person.id].button_data(label), wanted[person.id])
    [pick_lotte, _] = await due_work(bot, services)
    await bot.tap(demo("ann"), pick_lotte.button_data("Kies Lotte"), pick_lotte)
    told = {call.params["chat_id"]: call.text for call in await due_work(bot, services)}
    assert "ingevuld" not in told[demo("lotte").id]
    assert "filled by someone else" in told[demo("tom").id]
    assert "Ann" not in told[demo("tom").id]  # no contact details for him
