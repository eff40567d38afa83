"""The emulator refuses what Telegram refuses, with Telegram's error texts (one test per limit).

The texts are those of the Bot API server (telegram-bot-api, Client.cpp) and TDLib, which it
runs on; PTB rewrites the description it raises (it capitalizes it), so the tests read the exact
text from the emulator's refusal log, which is also how a chat script notices a refused call.
"""

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    MenuButtonDefault,
    MenuButtonWebApp,
    WebAppInfo,
)
from telegram import InlineKeyboardMarkup as Markup
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError

from bot.emulator import Emulator
from bot.emulator.rules import MAX_UPLOAD_BYTES


@pytest.fixture
async def emu() -> AsyncIterator[Emulator]:
    emulator = Emulator()
    await emulator.start()
    yield emulator
    await emulator.stop()


@pytest.fixture
async def bot(emu: Emulator) -> AsyncIterator[Bot]:
    async with Bot(emu.token, base_url=emu.base_url, base_file_url=emu.base_file_url) as bare:
        yield bare


def refused(emu: Emulator) -> tuple[str, int, str]:
    """The last refusal: method, error code and Telegram's description."""
    last = emu.refusals()[-1]
    return last["method"], last["error_code"], last["description"]


def buttons(count: int) -> Markup:
    return Markup([[InlineKeyboardButton(f"b{n}", callback_data=str(n))] for n in range(count)])


async def tapped_query(emu: Emulator, bot: Bot, handle: str) -> str:
    """Send ``handle`` a button, let them tap it, and return the callback query's id."""
    chat_id = emu.create_user(handle, started=True)["id"]
    await bot.send_message(chat_id, "Kies", reply_markup=buttons(1))
    emu.tap(handle, "b0")
    [update] = await bot.get_updates(timeout=0)
    assert update.callback_query is not None
    return update.callback_query.id


async def test_callback_answer_text_is_at_most_200_characters(emu: Emulator, bot: Bot) -> None:
    query_id = await tapped_query(emu, bot, "ann")
    with pytest.raises(BadRequest):
        await bot.answer_callback_query(query_id, "x" * 201)
    assert refused(emu) == ("answerCallbackQuery", 400, "Bad Request: MESSAGE_TOO_LONG")
    assert await bot.answer_callback_query(query_id, "x" * 200)


async def test_a_callback_query_is_answered_once(emu: Emulator, bot: Bot) -> None:
    query_id = await tapped_query(emu, bot, "bart")
    assert await bot.answer_callback_query(query_id)
    with pytest.raises(BadRequest):
        await bot.answer_callback_query(query_id, "Sorry")
    assert refused(emu) == (
        "answerCallbackQuery",
        400,
        "Bad Request: query is too old and response timeout expired or query ID is invalid",
    )


async def test_an_inline_keyboard_has_at_most_100_buttons(emu: Emulator, bot: Bot) -> None:
    chat_id = emu.create_user("cas", started=True)["id"]
    with pytest.raises(BadRequest):
        await bot.send_message(chat_id, "Kies", reply_markup=buttons(101))
    assert refused(emu) == ("sendMessage", 400, "Bad Request: reply markup is too long")
    await bot.send_message(chat_id, "Kies", reply_markup=buttons(100))


async def test_a_bare_less_than_sign_is_a_tag_telegram_cannot_parse(
    emu: Emulator, bot: Bot
) -> None:
    chat_id = emu.create_user("dirk", started=True)["id"]
    with pytest.raises(BadRequest):
        await bot.send_message(chat_id, "koorts < 38 graden", parse_mode=ParseMode.HTML)
    assert refused(emu) == (
        "sendMessage",
        400,
        'Bad Request: can\'t parse entities: Unsupported start tag "" at byte offset 7',
    )
    for text, where in (
        ("<br>", 'start tag "br" at byte offset 0'),
        ("é <p>", '"p" at byte offset 3'),
    ):
        with pytest.raises(BadRequest):
            await bot.send_message(chat_id, text, parse_mode=ParseMode.HTML)
        assert refused(emu)[2].endswith(where)
    sent = await bot.send_message(chat_id, "koorts &lt; 38 graden", parse_mode=ParseMode.HTML)
    assert sent.text == "koorts < 38 graden"


async def test_only_four_named_entities_are_decoded(emu: Emulator, bot: Bot) -> None:
    chat_id = emu.create_user("eva", started=True)["id"]
    sent = await bot.send_message(
        chat_id, "&lt;&gt;&amp;&quot; &nbsp;&eacute;&#233;&#x41;", parse_mode=ParseMode.HTML
    )
    assert sent.text == '<>&" &nbsp;&eacute;éA'


async def test_set_my_commands_follows_telegrams_rules(emu: Emulator, bot: Bot) -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"commands": [BotCommand(f"c{n}", "x") for n in range(101)]}, "BOT_COMMANDS_TOO_MUCH"),
        ({"commands": [BotCommand("Start", "x")]}, "BOT_COMMAND_INVALID"),
        ({"commands": [BotCommand("bij-scholing", "x")]}, "BOT_COMMAND_INVALID"),
        ({"commands": [BotCommand("c" * 33, "x")]}, "command length must not exceed 32"),
        ({"commands": [BotCommand("start", " ")]}, "command description must be non-empty"),
        (
            {"commands": [BotCommand("start", "x" * 257)]},
            "command description length must not exceed 256",
        ),
        (
            {"commands": [BotCommand("start", "x")], "language_code": "nld"},
            "invalid language code specified",
        ),
        (
            {"commands": [BotCommand("start", "x")], "scope": BotCommandScopeChat(424242)},
            "chat not found",
        ),
    ]
    for arguments, description in cases:
        with pytest.raises(BadRequest):
            await bot.set_my_commands(**arguments)
        assert refused(emu) == ("setMyCommands", 400, f"Bad Request: {description}")
    assert await bot.set_my_commands([BotCommand(f"c{n}", "x" * 256) for n in range(100)])


async def test_a_command_scope_must_be_one_telegram_knows(
    emu: Emulator, control: httpx.AsyncClient
) -> None:
    response = await control.post(
        f"/bot{emu.token}/setMyCommands",
        json={"commands": [{"command": "start", "description": "x"}], "scope": {"type": "dm"}},
    )
    assert response.json()["description"] == (
        "Bad Request: can't parse BotCommandScope: Unsupported type specified"
    )
    stranger = emu.create_user("never_started")["id"]
    scope = BotCommandScopeChat(stranger).to_dict()
    response = await control.post(
        f"/bot{emu.token}/setMyCommands",
        json={"commands": [{"command": "start", "description": "x"}], "scope": scope},
    )
    assert response.json()["description"] == "Bad Request: chat not found"


async def test_the_bot_cannot_write_first(emu: Emulator, bot: Bot) -> None:
    chat_id = emu.create_user("fien")["id"]
    with pytest.raises(Forbidden):
        await bot.send_message(chat_id, "Hallo")
    assert refused(emu) == (
        "sendMessage",
        403,
        "Forbidden: bot can't initiate conversation with a user",
    )
    emu.send_message("fien", "/start")
    assert await bot.send_message(chat_id, "Hallo")


async def test_an_edit_must_change_something(emu: Emulator, bot: Bot) -> None:
    chat_id = emu.create_user("gert", started=True)["id"]
    sent = await bot.send_message(
        chat_id, "<b>Taal</b>: nl", parse_mode=ParseMode.HTML, reply_markup=buttons(2)
    )
    with pytest.raises(BadRequest):
        await bot.edit_message_text(
            "<b>Taal</b>: nl",
            chat_id,
            sent.message_id,
            parse_mode=ParseMode.HTML,
            reply_markup=buttons(2),
        )
    assert refused(emu) == (
        "editMessageText",
        400,
        "Bad Request: message is not modified: specified new message content and reply markup "
        "are exactly the same as a current content and reply markup of the message",
    )
    # Another keyboard, or the same text without its bold, is a change.
    await bot.edit_message_text(
        "<b>Taal</b>: nl", chat_id, sent.message_id, parse_mode=ParseMode.HTML
    )
    await bot.edit_message_text("Taal: nl", chat_id, sent.message_id)


async def test_a_webhook_is_https_on_an_allowed_port(emu: Emulator, bot: Bot) -> None:
    ports = "Webhook can be set up only on ports 80, 88, 443 or 8443"
    cases = {
        "http://kring.example/hook": "An HTTPS URL must be provided for webhook",
        "https://kring.example:8080/hook": ports,
        "https://127.0.0.1:8443/hook": "IP address 127.0.0.1 is reserved",
    }
    for url, problem in cases.items():
        with pytest.raises(BadRequest):
            await bot.set_webhook(url)
        assert refused(emu) == ("setWebhook", 400, f"Bad Request: bad webhook: {problem}")
    for url in ("https://kring.example/hook", "https://kring.example:88/hook"):
        assert await bot.set_webhook(url)


async def test_an_upload_is_at_most_50_mb(emu: Emulator, bot: Bot) -> None:
    chat_id = emu.create_user("hans", started=True)["id"]
    with pytest.raises(NetworkError):
        await bot.send_document(chat_id, b"x" * (MAX_UPLOAD_BYTES + 1), filename="groot.csv")
    assert refused(emu) == ("sendDocument", 413, "Request Entity Too Large")
    assert await bot.send_document(chat_id, b"x" * MAX_UPLOAD_BYTES, filename="groot.csv")


async def test_update_ids_start_from_a_random_number() -> None:
    first_ids = []
    for seed in (None, None, 7, 7):
        emulator = Emulator(update_id_seed=seed)
        first_ids.append(emulator.send_message("ilse", "hallo"))
    assert first_ids[0] != first_ids[1]  # a new emulator is not an old one starting over
    assert first_ids[2] == first_ids[3]  # repeatable when a test asks for it
    assert all(update_id > 1 for update_id in first_ids)


@pytest.fixture
async def control(emu: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{emu.port}") as client:
        yield client


async def test_refusals_are_kept_and_exposed(
    emu: Emulator, bot: Bot, control: httpx.AsyncClient
) -> None:
    chat_id = emu.create_user("jan", started=True)["id"]
    emu.set_faults(rate_403=1.0)
    with pytest.raises(Forbidden):
        await bot.send_message(chat_id, "hallo")
    emu.set_faults()
    with pytest.raises(BadRequest):
        await bot.send_message(chat_id, "<p>hallo</p>", parse_mode=ParseMode.HTML)

    listed = (await control.get("/_control/refusals")).json()["result"]
    assert [(r["method"], r["error_code"], r["injected"]) for r in listed] == [
        ("sendMessage", 403, True),  # the fault this test asked for
        ("sendMessage", 400, False),  # a bot bug Telegram would refuse
    ]
    assert listed == emu.refusals()
    assert (await control.get("/_control/refusals", params={"since": 1})).json()["result"] == [
        listed[1]
    ]


async def test_a_mini_app_opens_over_https_only(emu: Emulator, bot: Bot) -> None:
    chat_id = emu.create_user("eva", started=True)["id"]
    plain = MenuButtonWebApp("Console", WebAppInfo("http://kring.example/app/"))
    with pytest.raises(BadRequest):
        await bot.set_chat_menu_button(chat_id, plain)
    assert refused(emu) == ("setChatMenuButton", 400, "Bad Request: BUTTON_URL_INVALID")
    with pytest.raises(BadRequest):
        await bot.send_message(
            chat_id,
            "open",
            reply_markup=Markup(
                [[InlineKeyboardButton("Console", web_app=WebAppInfo("http://kring.example/"))]]
            ),
        )
    assert refused(emu) == ("sendMessage", 400, "Bad Request: BUTTON_URL_INVALID")
    with pytest.raises(BadRequest):
        await bot.set_chat_menu_button(424242, MenuButtonDefault())  # nobody the bot knows
    assert refused(emu) == ("setChatMenuButton", 400, "Bad Request: chat not found")
    secure = MenuButtonWebApp("Console", WebAppInfo("https://kring.example/app/"))
    assert await bot.set_chat_menu_button(chat_id, secure)
    assert emu.menu_button("eva") == secure.to_dict()
    button = InlineKeyboardButton(
        "Rooster", web_app=WebAppInfo("https://kring.example/app/?page=roster")
    )
    await bot.send_message(chat_id, "open", reply_markup=Markup([[button]]))
    [sent] = emu.outbox()
    assert (sent["buttons"], sent["web_apps"]) == (
        [["Rooster"]],
        ["https://kring.example/app/?page=roster"],
    )
