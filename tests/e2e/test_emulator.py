"""End-to-end tests of the Bot API emulator with the real python-telegram-bot stack."""

import asyncio
import base64
import logging
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from aiohttp import web
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Conflict, Forbidden, RetryAfter
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.emulator import ButtonNotFound, Emulator, RateLimits
from bot.emulator.limits import FloodControl
from bot.emulator.params import decode_value

App = Application[Any, Any, Any, Any, Any, Any]

# Handlers of the test bot


async def record_update(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    context.bot_data.setdefault("update_ids", []).append(update.update_id)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None
    await update.message.reply_text("Welkom bij Kringbot")


async def menu(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("Ja", callback_data="yes"),
                InlineKeyboardButton("Nee", callback_data="no"),
            ],
            [InlineKeyboardButton("Website", url="https://example.org")],
        ]
    )
    await update.message.reply_text("Kies maar:", reply_markup=keyboard)


async def choice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    context.bot_data["query_id"] = query.id
    await query.answer(f"Gekozen: {query.data}")
    await query.edit_message_text(f"Je koos {query.data}")


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None
    await update.message.reply_text(f"echo: {update.message.text}")


async def upper_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None and update.message.document is not None
    file = await update.message.document.get_file()
    content = bytes(await file.download_as_bytearray())
    context.bot_data["received"] = (update.message.document.file_name, content)
    await update.message.reply_document(
        document=content.upper(), filename="terug.csv", caption=f"{len(content)} bytes"
    )


# Fixtures and helpers


@pytest.fixture
async def emu() -> AsyncIterator[Emulator]:
    emulator = Emulator()
    await emulator.start()
    yield emulator
    await emulator.stop()


@pytest.fixture
async def app(emu: Emulator) -> AsyncIterator[App]:
    application = (
        ApplicationBuilder()
        .token(emu.token)
        .base_url(emu.base_url)
        .base_file_url(emu.base_file_url)
        .build()
    )
    application.add_handler(TypeHandler(Update, record_update), group=-1)
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CommandHandler("menu", menu))
    application.add_handler(CallbackQueryHandler(choice))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    application.add_handler(MessageHandler(filters.Document.ALL, upper_document))
    await application.initialize()
    assert application.updater is not None
    await application.updater.start_polling(poll_interval=0, timeout=1)
    await application.start()
    yield application
    await application.updater.stop()
    await application.stop()
    await application.shutdown()


@pytest.fixture
async def control(emu: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{emu.port}") as client:
        yield client


@pytest.fixture
async def bot(emu: Emulator) -> AsyncIterator[Bot]:
    """A bare PTB Bot (no polling) for calling methods directly."""
    async with Bot(emu.token, base_url=emu.base_url, base_file_url=emu.base_file_url) as bare:
        yield bare


async def processed(emu: Emulator, app: App, update_id: int) -> None:
    """Wait until the bot has fetched the update and finished handling it."""
    await emu.wait_acked(update_id, timeout=5)
    await app.update_queue.join()


def seconds(value: int | timedelta) -> int:
    return int(value.total_seconds()) if isinstance(value, timedelta) else value


# Round trips through PTB


async def test_echo_round_trip_via_http_control(
    emu: Emulator, app: App, control: httpx.AsyncClient
) -> None:
    sent = (await control.post("/_control/send", json={"handle": "anna", "text": "hallo"})).json()
    assert sent["ok"] is True
    update_id = sent["result"]["update_id"]
    assert sent["result"]["message_id"] == 1

    waited = await control.get("/_control/wait", params={"update_id": update_id, "timeout": 5})
    assert waited.json() == {"ok": True, "result": True}
    await app.update_queue.join()

    outbox = (await control.get("/_control/outbox")).json()["result"]
    assert outbox == [
        {
            "seq": 1,
            "to": "anna",
            "chat_id": emu.user_id("anna"),
            "action": "send",
            "text": "echo: hallo",
            "buttons": [],
            "web_apps": [],  # the addresses of Mini App buttons, as the buttons' labels above
            "filename": None,
            "file_id": None,
            "message_id": 2,
            "parse_mode": None,
            "disable_notification": False,
        }
    ]


async def test_command_gets_bot_command_entity(emu: Emulator, app: App) -> None:
    update_id = emu.send_message("bob", "/start@kringbot_demo_bot")
    await processed(emu, app, update_id)
    assert [entry["text"] for entry in emu.outbox()] == ["Welkom bij Kringbot"]


async def test_tap_answers_callback_and_edits(
    emu: Emulator, app: App, control: httpx.AsyncClient
) -> None:
    await processed(emu, app, emu.send_message("cas", "/menu"))
    [menu_entry] = emu.outbox()
    assert menu_entry["buttons"] == [["Ja", "Nee"], ["Website"]]

    await processed(emu, app, emu.tap("cas", "ja"))
    answer, edit = emu.outbox(since=menu_entry["seq"])
    assert answer["action"] == "callback_answer"
    assert answer["text"] == "Gekozen: yes"
    assert answer["message_id"] == menu_entry["message_id"]
    assert edit["action"] == "edit"
    assert edit["text"] == "Je koos yes"
    assert edit["message_id"] == menu_entry["message_id"]
    assert edit["buttons"] == []

    # The edit removed the keyboard; url buttons are never tappable.
    with pytest.raises(ButtonNotFound):
        emu.tap("cas", "ja")
    response = await control.post("/_control/tap", json={"handle": "cas", "label": "website"})
    assert response.status_code == 404
    assert "website" in response.json()["description"]


async def test_answering_a_callback_twice_is_rejected(emu: Emulator, app: App, bot: Bot) -> None:
    await processed(emu, app, emu.send_message("dirk", "/menu"))
    await processed(emu, app, emu.tap("dirk", "nee"))
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query(app.bot_data["query_id"])


async def test_document_round_trip(emu: Emulator, app: App) -> None:
    update_id = emu.send_document("eva", "lijst.csv", b"a;b\n1;2\n", "text/csv", caption="hier")
    await processed(emu, app, update_id)

    assert app.bot_data["received"] == ("lijst.csv", b"a;b\n1;2\n")
    [entry] = emu.outbox()
    assert entry["action"] == "document"
    assert entry["filename"] == "terug.csv"
    assert entry["text"] == "8 bytes"
    assert emu.file_bytes(entry["file_id"]) == b"A;B\n1;2\n"


async def test_updates_are_delivered_once(emu: Emulator, app: App) -> None:
    update_ids = [emu.send_message("fien", f"bericht {n}") for n in range(3)]
    await processed(emu, app, update_ids[-1])
    await processed(emu, app, emu.send_message("fien", "nog een"))
    assert app.bot_data["update_ids"] == [*update_ids, update_ids[-1] + 1]
    assert len(emu.outbox()) == 4


async def test_get_updates_offset_confirms(emu: Emulator, control: httpx.AsyncClient) -> None:
    first = emu.send_message("gert", "een")
    second = emu.send_message("gert", "twee")
    url = f"/bot{emu.token}/getUpdates"

    updates = (await control.post(url, data={"offset": "0", "timeout": "0"})).json()["result"]
    assert [u["update_id"] for u in updates] == [first, second]
    assert updates[0]["message"]["text"] == "een"
    assert updates[0]["message"]["chat"] == {
        "id": 5000001,
        "type": "private",
        "first_name": "gert",
        "username": "gert",
    }
    again = (await control.post(url, data={"offset": "0", "timeout": "0"})).json()["result"]
    assert len(again) == 2  # not confirmed yet

    limited = (await control.post(url, data={"offset": str(second), "timeout": "0"})).json()
    assert [u["update_id"] for u in limited["result"]] == [second]
    await emu.wait_acked(first, timeout=1)
    with pytest.raises(TimeoutError):
        await emu.wait_acked(second, timeout=0.05)

    empty = (await control.post(url, data={"offset": str(second + 1), "timeout": "0"})).json()
    assert empty["result"] == []
    await emu.wait_acked(second, timeout=1)


async def test_allowed_updates_filter(emu: Emulator, bot: Bot) -> None:
    emu.send_message("gijs", "/menu")
    assert await bot.get_updates(timeout=0, allowed_updates=["callback_query"]) == ()
    later = emu.send_message("gijs", "hallo")
    updates = await bot.get_updates(timeout=0, allowed_updates=[])
    assert [u.update_id for u in updates] == [later]


async def test_long_poll_and_concurrent_get_updates_conflict(
    emu: Emulator, control: httpx.AsyncClient, bot: Bot
) -> None:
    url = f"/bot{emu.token}/getUpdates"
    long_poll = asyncio.create_task(control.post(url, data={"timeout": "5"}))
    for _ in range(100):
        try:
            await bot.get_updates(timeout=0)
        except Conflict as exc:
            assert "terminated by other getUpdates request" in str(exc)
            break
        await asyncio.sleep(0.01)
    else:
        pytest.fail("a concurrent getUpdates was never refused")

    update_id = emu.send_message("hans", "wakker?")
    result = (await long_poll).json()["result"]
    assert [u["update_id"] for u in result] == [update_id]


# Errors as PTB sees them


async def test_injected_429_surfaces_as_retry_after(
    emu: Emulator, bot: Bot, control: httpx.AsyncClient
) -> None:
    chat_id = emu.create_user("ilse", started=True)["id"]
    response = await control.post("/_control/faults", json={"rate_429": 1.0, "retry_after": 7})
    assert response.json() == {"ok": True, "result": True}
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(chat_id, "hallo")
    assert seconds(caught.value.retry_after) == 7
    assert emu.outbox() == []

    await control.post("/_control/faults", json={})
    await bot.send_message(chat_id, "hallo")
    assert [entry["text"] for entry in emu.outbox()] == ["hallo"]


async def test_injected_faults_are_seeded(emu: Emulator, bot: Bot) -> None:
    chat_id = emu.create_user("jan", started=True)["id"]

    async def outcomes() -> list[str]:
        emu.set_faults(rate_429=0.3, rate_403=0.3, seed=42)
        names = []
        for n in range(20):
            try:
                await bot.send_message(chat_id, f"m{n}")
                names.append("Message")
            except (RetryAfter, Forbidden) as exc:
                names.append(type(exc).__name__)
        return names

    first = await outcomes()
    assert first == await outcomes()
    assert {"Message", "RetryAfter", "Forbidden"} == set(first)


async def test_forbidden_injected_and_for_blocked_user(emu: Emulator, app: App, bot: Bot) -> None:
    chat_id = emu.create_user("karel", started=True)["id"]
    emu.set_faults(rate_403=1.0)
    with pytest.raises(Forbidden):
        await bot.send_message(chat_id, "hallo")
    emu.set_faults()

    emu.block("karel")
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(chat_id, "hallo")
    assert emu.outbox() == []

    # Writing to the bot again means the user unblocked it.
    await processed(emu, app, emu.send_message("karel", "ik ben terug"))
    assert [entry["text"] for entry in emu.outbox()] == ["echo: ik ben terug"]


async def test_enforced_limits_refuse_a_burst_to_one_chat(emu: Emulator, bot: Bot) -> None:
    chat_id = emu.create_user("lotte", started=True)["id"]
    emu.set_faults(enforce_limits=True)
    results = await asyncio.gather(
        *(bot.send_message(chat_id, f"m{n}") for n in range(5)), return_exceptions=True
    )
    refused = [r for r in results if isinstance(r, RetryAfter)]
    assert len(refused) == 2
    assert all(seconds(r.retry_after) >= 1 for r in refused)
    assert len(emu.outbox()) == 3


def test_flood_control_windows() -> None:
    clock = [0.0]
    flood = FloodControl(RateLimits(), clock=lambda: clock[0])
    assert [flood.acquire(1) for _ in range(4)] == [None, None, None, 3]
    clock[0] = 3.0
    assert flood.acquire(1) is None

    assert [flood.acquire(-100) for _ in range(20)] == [None] * 20
    clock[0] = 10.0
    assert flood.acquire(-100) == 53

    clock[0] = 100.0
    assert [flood.acquire(chat) for chat in range(1000, 1030)] == [None] * 30
    assert flood.acquire(2000) == 1


async def test_html_validation(emu: Emulator, bot: Bot) -> None:
    chat_id = emu.create_user("mila", started=True)["id"]
    for text in ("<x>hi</x>", "<b>open", "<b><i>kruis</b></i>", "los</b>"):
        with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
            await bot.send_message(chat_id, text, parse_mode=ParseMode.HTML)
    message = await bot.send_message(chat_id, "<b>ok</b> &amp; goed", parse_mode=ParseMode.HTML)
    assert message.text == "ok & goed"
    assert message.text_html == "<b>ok</b> &amp; goed"
    assert [entry["parse_mode"] for entry in emu.outbox()] == ["HTML"]


async def test_text_length_and_empty_text(emu: Emulator, bot: Bot) -> None:
    chat_id = emu.create_user("nora", started=True)["id"]
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(chat_id, "a" * 4097)
    await bot.send_message(chat_id, "a" * 4096)
    await bot.send_message(chat_id, "<b>" + "a" * 4096 + "</b>", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match=r"(?i)text must be non-empty"):
        await bot.send_message(chat_id, "<b> </b>", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match=r"(?i)caption is too long"):
        await bot.send_document(chat_id, b"x", filename="x.txt", caption="c" * 1025)
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(424242, "hallo")


async def test_edit_errors(emu: Emulator, bot: Bot) -> None:
    chat_id = emu.create_user("olaf", started=True)["id"]
    message = await bot.send_message(chat_id, "versie 1")
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text("versie 1", chat_id, message.message_id)
    edited = await bot.edit_message_text("versie 2", chat_id, message.message_id)
    assert isinstance(edited, type(message))
    assert edited.text == "versie 2"
    assert edited.edit_date is not None
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("weg", chat_id, 999)

    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Ok", callback_data="ok")]])
    await bot.edit_message_reply_markup(chat_id, message.message_id, reply_markup=keyboard)
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_reply_markup(chat_id, message.message_id, reply_markup=keyboard)

    assert await bot.delete_message(chat_id, message.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message to delete not found"):
        await bot.delete_message(chat_id, message.message_id)
    assert [entry["action"] for entry in emu.outbox()] == ["send", "edit", "edit", "delete"]


async def test_chat_action_and_commands(
    emu: Emulator, bot: Bot, control: httpx.AsyncClient
) -> None:
    chat_id = emu.create_user("piet", started=True)["id"]
    assert await bot.send_chat_action(chat_id, "typing")
    assert emu.outbox()[-1]["action"] == "chat_action"

    await bot.set_my_commands([("start", "Begin"), ("help", "Hulp")])
    await bot.set_my_commands([("start", "Commencer")], language_code="fr")
    assert [c.command for c in await bot.get_my_commands(language_code="fr")] == ["start"]
    commands = (await control.get("/_control/commands")).json()["result"]
    assert commands == {
        "": [
            {"command": "start", "description": "Begin"},
            {"command": "help", "description": "Hulp"},
        ],
        "fr": [{"command": "start", "description": "Commencer"}],
    }
    await bot.delete_my_commands(language_code="fr")
    assert set(emu.commands) == {""}
    with pytest.raises(BadRequest, match=r"(?i)bot_command_invalid"):
        await bot.set_my_commands([("Start", "Hoofdletter")])


# HTTP surface


async def test_unknown_method_and_wrong_token(
    emu: Emulator, control: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        response = await control.post(f"/bot{emu.token}/fooBar")
    assert response.status_code == 404
    assert response.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
    assert any("fooBar" in record.getMessage() for record in caplog.records)

    response = await control.get("/bot999:WRONG/getMe")
    assert response.status_code == 401
    assert response.json()["description"] == "Unauthorized"


async def test_parameter_decoding(emu: Emulator, control: httpx.AsyncClient) -> None:
    assert decode_value("text", "123") == "123"
    assert decode_value("chat_id", "123") == 123
    assert decode_value("chat_id", "@kanaal") == "@kanaal"
    assert decode_value("reply_markup", '{"inline_keyboard": []}') == {"inline_keyboard": []}

    chat_id = emu.create_user("quinten", started=True)["id"]
    by_json = await control.post(
        f"/bot{emu.token}/sendMessage", json={"chat_id": chat_id, "text": "42"}
    )
    assert by_json.json()["result"]["text"] == "42"
    by_query = await control.get(
        f"/bot{emu.token}/sendmessage", params={"chat_id": str(chat_id), "text": "true"}
    )
    assert by_query.json()["result"]["text"] == "true"
    me = (await control.get(f"/bot{emu.token}/getMe")).json()["result"]
    assert me["username"] == "kringbot_demo_bot"
    assert me["is_bot"] is True


async def test_control_routes(emu: Emulator, control: httpx.AsyncClient) -> None:
    first = (await control.post("/_control/users", json={"handle": "rik"})).json()["result"]
    explicit = await control.post(
        "/_control/users",
        json={"handle": "@Sara", "language_code": "fr", "first_name": "Sara", "user_id": 77},
    )
    second = (await control.post("/_control/users", json={"handle": "tom"})).json()["result"]
    again = (await control.post("/_control/users", json={"handle": "RIK"})).json()["result"]
    assert (first["id"], second["id"], again["id"]) == (5000001, 5000002, 5000001)
    assert explicit.json()["result"] == {
        "id": 77,
        "is_bot": False,
        "first_name": "Sara",
        "username": "Sara",
        "language_code": "fr",
    }

    content = base64.b64encode(b"BEGIN:VCALENDAR").decode()
    sent = await control.post(
        "/_control/send",
        json={"handle": "nieuw", "document": {"filename": "a.ics", "content_base64": content}},
    )
    assert sent.json()["result"]["message_id"] == 1
    assert emu.user_id("nieuw") == 5000003

    block_unknown = await control.post("/_control/block", json={"handle": "niemand"})
    assert block_unknown.status_code == 404
    assert (await control.post("/_control/block", json={"handle": "rik"})).json()["ok"]
    bad_faults = await control.post("/_control/faults", json={"rate_492": 1})
    assert bad_faults.status_code == 400
    update_id = sent.json()["result"]["update_id"]
    timed_out = await control.get(
        "/_control/wait", params={"update_id": update_id, "timeout": 0.05}
    )
    assert timed_out.status_code == 408
    missing = await control.post("/_control/send", json={"handle": "rik"})
    assert missing.status_code == 400
    assert (await control.get("/_control/outbox", params={"since": 5})).json()["result"] == []


async def test_webhook_delivery() -> None:
    """Telegram wants https on a public host; the emulator's test mode allows a loopback one."""
    emu = Emulator(loopback_webhooks=True)
    await emu.start()
    try:
        async with Bot(emu.token, base_url=emu.base_url) as bot:
            await _deliver_by_webhook(emu, bot)
    finally:
        await emu.stop()


async def _deliver_by_webhook(emu: Emulator, bot: Bot) -> None:
    received: list[tuple[dict[str, Any], str | None]] = []

    async def receive(request: web.Request) -> web.Response:
        received.append(
            (await request.json(), request.headers.get("X-Telegram-Bot-Api-Secret-Token"))
        )
        return web.Response()

    receiver = web.Application()
    receiver.router.add_post("/hook", receive)
    runner = web.AppRunner(receiver)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    port = runner.addresses[0][1]
    try:
        await bot.set_webhook(f"http://127.0.0.1:{port}/hook", secret_token="geheim")
        assert (await bot.get_webhook_info()).url.endswith("/hook")
        update_id = emu.send_message("umut", "via webhook")
        await emu.wait_acked(update_id, timeout=5)
        [(update, secret)] = received
        assert secret == "geheim"
        assert Update.de_json(update, bot).message.text == "via webhook"
        with pytest.raises(Conflict, match="webhook is active"):
            await bot.get_updates(timeout=0)

        await bot.delete_webhook()
        later = emu.send_message("umut", "via polling")
        assert [u.update_id for u in await bot.get_updates(timeout=0)] == [later]
    finally:
        await runner.cleanup()


async def test_webhook_gets_several_chats_at_once_and_one_chats_in_order() -> None:
    """As Telegram with max_connections: other chats' updates do not wait for a slow answer,
    one chat's next update waits for its previous one (and a failed one is delivered again
    before it)."""
    emu = Emulator(loopback_webhooks=True)
    await emu.start()
    arrived: list[str] = []
    answers: dict[str, asyncio.Future[int]] = {}

    async def receive(request: web.Request) -> web.Response:
        text = (await request.json())["message"]["text"]
        arrived.append(text)
        answers[text] = asyncio.get_running_loop().create_future()
        return web.Response(status=await answers[text])

    receiver = web.Application()
    receiver.router.add_post("/hook", receive)
    runner = web.AppRunner(receiver)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        async with Bot(emu.token, base_url=emu.base_url) as bot:
            await bot.set_webhook(f"http://127.0.0.1:{runner.addresses[0][1]}/hook")
        first = emu.send_message("vera", "vera 1")
        second = emu.send_message("vera", "vera 2")
        other = emu.send_message("wout", "wout 1")
        await _until(lambda: arrived == ["vera 1", "wout 1"])
        answers["wout 1"].set_result(200)
        await emu.wait_acked(other, timeout=5)
        answers["vera 1"].set_result(500)  # Telegram delivers it again, still before "vera 2"
        await _until(lambda: arrived == ["vera 1", "wout 1", "vera 1"])
        answers["vera 1"].set_result(200)
        await emu.wait_acked(first, timeout=5)
        await _until(lambda: arrived[-1] == "vera 2")
        answers["vera 2"].set_result(200)
        await emu.wait_acked(second, timeout=5)
        assert arrived == ["vera 1", "wout 1", "vera 1", "vera 2"]
    finally:
        await runner.cleanup()
        await emu.stop()


async def _until(check: Callable[[], bool], seconds: float = 5) -> None:
    async with asyncio.timeout(seconds):
        while not check():  # noqa: ASYNC110
            await asyncio.sleep(0.01)


async def test_simulated_clock_drives_dates() -> None:
    moment = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
    emulator = Emulator(now=lambda: moment, token="42:SIM")
    await emulator.start()
    try:
        async with Bot(emulator.token, base_url=emulator.base_url) as bot:
            emulator.send_message("vera", "hoe laat?")
            [update] = await bot.get_updates(timeout=0)
            assert update.message is not None
            assert update.message.date == moment
            assert bot.id == 42
    finally:
        await emulator.stop()
