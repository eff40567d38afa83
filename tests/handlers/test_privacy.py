"""/mydata in words, and an erased member in the member list."""

from bot.i18n import translator
from handlers.membership import settings_texts
from store.privacy import member_columns
from tests.handlers.conftest import demo
from tests.handlers.harness import Harness, SentFile, replies


async def test_mydata_is_a_summary_in_words_with_the_data_attached(bot: Harness) -> None:
    calls = await bot.send(demo("lotte"), "/mydata")
    [summary] = replies(calls)
    assert "Wat de kring over u bewaart" in summary.text
    assert "Lotte" in summary.text and "Rol: vervangarts" in summary.text
    assert "Uw komende wachtdiensten" in summary.text
    assert "wachtdiensten: " in summary.text  # the kinds of records, in words
    for raw in ("shifts", "assignee_id", "+00:00", "UTC", "_at"):
        assert raw not in summary.text, raw
    [document] = [call for call in calls if call.method == "sendDocument"]
    assert isinstance(document.params["document"], SentFile)
    assert document.params["document"].filename.endswith(".json")
    assert "JSON" in str(document.params["caption"])


async def test_mydata_speaks_the_members_language(bot: Harness) -> None:
    [summary] = replies(await bot.send(demo("elise"), "/mydata"))
    assert "Ce que le cercle conserve à votre sujet" in summary.text
    assert "Rôle : médecin généraliste" in summary.text


def test_every_kind_of_record_about_a_member_has_a_name() -> None:
    t = translator("nl")
    assert all(settings_texts.record_kind(t, table.name) for table, _ in member_columns())


async def test_an_erased_member_is_listed_as_erased(bot: Harness) -> None:
    [confirm] = replies(await bot.send(demo("bart"), "/forget"))
    await bot.tap(demo("bart"), confirm.button_data("wissen"), confirm)
    listed = "\n".join(part.text for part in replies(await bot.send(demo("coord"), "/members")))
    assert "• gewist lid – huisarts" in listed
    assert "nog geen naam" not in listed and "Bart" not in listed
