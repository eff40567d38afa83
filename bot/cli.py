"""The `kringbot` command (also `python -m bot`)."""

import argparse
import asyncio
import inspect
import logging
import signal
import sys
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot import serve
from bot.config import Settings, SettingsError, load_settings
from bot.demo import DEMO_PEOPLE
from bot.demo_large import DEFAULT_SEED

if TYPE_CHECKING:
    pass

log = logging.getLogger("kringbot")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"kringbot: {error}", file=sys.stderr)
        return 2
    chatting = args.command == "chat" or (
        args.command in ("run", None) and settings.telegram_bot_token is None
    )
    logging.basicConfig(
        level=logging.WARNING if chatting else settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    from bot.app import keep_secrets_out_of_logs

    keep_secrets_out_of_logs(settings)
    command = args.command or "run"
    from telegram.error import InvalidToken

    try:
        outcome = _COMMANDS[command](settings, args)
        return int(asyncio.run(outcome) if inspect.isawaitable(outcome) else outcome)
    except KeyboardInterrupt:
        return 130
    except InvalidToken:  # PTB's message quotes the token: never print it
        print("kringbot: Telegram refused the bot token (TELEGRAM_BOT_TOKEN).", file=sys.stderr)
        return 2
    except Exception:  # through logging, whose filters blank the token and the webhook secret
        log.exception("kringbot stopped on an unexpected error")
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kringbot", description=__doc__)
    commands = parser.add_subparsers(dest="command")

    run = commands.add_parser("run", help="run the bot (without a token: the local demo kring)")
    run.add_argument("--api-base", help="Bot API base URL (PTB base_url), e.g. a local server")
    run.add_argument("--webhook", action="store_true", help="webhook instead of polling")
    _demo_options(run, "without a token: ")

    chat = commands.add_parser("chat", help="chat with the bot through the emulator")
    chat.add_argument("--seed", choices=["demo"], help="start with the demo kring")
    _demo_options(chat, "with --seed demo: ")
    chat.add_argument("--db", help="database URL (default: a fresh temporary database)")
    chat.add_argument("--start", help='simulated start time "YYYY-MM-DD HH:MM" (Brussels)')
    chat.add_argument("--json", action="store_true", help="one JSON object per bot action")

    web = commands.add_parser(
        "web", help="the console against the emulator: one signed address per demo person"
    )
    web.add_argument("--seed", choices=["demo"], default="demo", help="the demo kring")
    _demo_options(web, "")
    web.add_argument("--port", type=int, default=0, help="the web server's port (0: a free one)")

    emulator = commands.add_parser("emulator", help="the local Bot API emulator on its own")
    emulator.add_argument("--host", default="127.0.0.1")
    emulator.add_argument("--port", type=int, default=8081)

    db = commands.add_parser("db", help="database migrations")
    db.add_argument("action", choices=["upgrade", "downgrade", "current"])
    db.add_argument("revision", nargs="?", help="target revision (default head / base)")

    seed = commands.add_parser("seed", help="load the demo kring into the database")
    seed.add_argument("name", choices=["demo"])
    _demo_options(seed, "")
    seed.add_argument("--start", help='the moment it is built around "YYYY-MM-DD HH:MM" (now)')

    ask = commands.add_parser("ask", help="answer a question from the knowledge base")
    ask.add_argument("question", nargs="?", help="without it: one question per stdin line")
    ask.add_argument("--lang", choices=["nl", "fr", "en"], default=None)
    ask.add_argument("--json", action="store_true", help="one JSON object per question")

    kb = commands.add_parser("kb", help="the knowledge base files")
    kb_actions = kb.add_subparsers(dest="kb_action", required=True)
    kb_actions.add_parser("lint", help="check the files")
    kb_import = kb_actions.add_parser("import", help="a document with question headings -> drafts")
    kb_import.add_argument("file")
    kb_import.add_argument("--out", help="where to write the drafts (default: stdout)")
    kb_export = kb_actions.add_parser(
        "export", help="the entries added from Telegram -> <dir>/<language>/taught.toml"
    )
    kb_export.add_argument("--db", help="database URL (default: DATABASE_URL)")
    kb_export.add_argument("--out", help="the knowledge folder to write to (default: its own)")

    roster = commands.add_parser("roster", help="the wachtdienst roster")
    roster_actions = roster.add_subparsers(dest="roster_action", required=True)
    roster_import = roster_actions.add_parser("import", help="import a roster CSV (see README)")
    roster_import.add_argument("file")

    invite = commands.add_parser("invite", help="create an invite (e.g. the first coordinator)")
    invite.add_argument("--role", choices=["gp", "locum", "staff", "coordinator"], required=True)
    invite.add_argument("--zone")
    return parser


def _demo_options(parser: argparse.ArgumentParser, when: str) -> None:
    parser.add_argument(
        "--size",
        choices=["small", "large"],
        default="small",
        help=f"{when}the six demo people (small), or with about 200 colleagues in four zones, "
        "a year of roster and some history (large)",
    )
    parser.add_argument(
        "--random-seed",
        type=int,
        default=DEFAULT_SEED,
        help=f"{when}the large kring drawn from this seed (default {DEFAULT_SEED}): "
        "the same seed and start give the same kring",
    )


async def _run(settings: Settings, args: argparse.Namespace) -> int:
    if settings.telegram_bot_token is None:
        return await _demo(settings, args.size, args.random_seed)
    if args.size != "small":
        print("kringbot: --size is for the demo kring (no TELEGRAM_BOT_TOKEN)", file=sys.stderr)
        return 2
    if args.webhook and (problem := serve.webhook_problem(settings, local_api=bool(args.api_base))):
        print(f"kringbot: {problem}", file=sys.stderr)
        return 2
    from bot.app import build_application
    from bot.clock import SystemClock
    from bot.services import build_services
    from store.migrate import upgrade

    wiring = build_services(settings, SystemClock())
    await upgrade(wiring.engine)
    app = build_application(
        settings,
        wiring.services,
        token=settings.telegram_bot_token.get_secret_value(),
        base_url=args.api_base,
        base_file_url=serve.file_url(args.api_base),
    )
    web = serve.web_server(app, wiring, settings, webhook=args.webhook)
    await serve.serve(app, settings, web, webhook=args.webhook)
    await wiring.engine.dispose()
    return 0


async def _demo(settings: Settings, size: str, random_seed: int) -> int:
    from bot.demo_large import kring_people

    others = kring_people(size, random_seed)[len(DEMO_PEOPLE) :]
    print(
        "No TELEGRAM_BOT_TOKEN: starting the demo kring in the local emulator.\n"
        "Type lines like `@ann /help`, `@nobody hallo`, `@coord [Goedkeuren]` or `clock +1d`;\n"
        "people: @coord @ann @bart @elise @lotte @tom"
        + (
            f", and {len(others)} colleagues named like @{others[0].handle} ({others[0].name})"
            if others
            else ""
        )
        + " (any other handle is a stranger). Ctrl-D stops."
    )
    return await _chat_session(
        settings, "demo", None, None, as_json=False, size=size, random_seed=random_seed
    )


async def _chat(settings: Settings, args: argparse.Namespace) -> int:
    return await _chat_session(
        settings, args.seed, args.db, args.start, args.json, args.size, args.random_seed
    )


async def _chat_session(
    settings: Settings,
    seed: str | None,
    db: str | None,
    start: str | None,
    as_json: bool,
    size: str = "small",
    random_seed: int = DEFAULT_SEED,
) -> int:
    from bot.chat import ChatLineError, ChatSession, parse_moment, run_script
    from bot.clock import SettableClock
    from bot.serve import demo_console

    try:
        moment = parse_moment(start, ZoneInfo(settings.timezone)) if start else datetime.now(UTC)
    except ChatLineError as error:
        print(f"kringbot: --start: {error}", file=sys.stderr)
        return 2
    interactive = sys.stdin.isatty()
    clock = SettableClock(moment)
    # Chat scripts are tests and demos: the lexical search alone answers the same everywhere,
    # at once, with or without the embedding model and its cache.
    settings = _asking_nothing(settings)
    async with ChatSession(
        settings, clock, db_url=db, seed=seed, size=size, random_seed=random_seed
    ) as session:
        if not interactive:
            failures = await run_script(session, sys.stdin.readline, sys.stdout, as_json)
            return 1 if failures else 0
        print(f"(emulator at {session.emulator.base_url.removesuffix('/bot')})")
        async with demo_console(session, 0) as addresses:  # any free port
            print("The console in a browser, as each demo person:", *addresses, sep="\n  ")
            failures = await run_script(
                session, sys.stdin.readline, sys.stdout, as_json, prompt="> "
            )
    return 1 if failures else 0


async def _web(settings: Settings, args: argparse.Namespace) -> int:
    """The bot on the emulator with the console; prints `<handle> <address>` per demo person,
    then serves until stopped (loopback only)."""
    from bot.chat import ChatSession
    from bot.clock import SettableClock
    from bot.serve import demo_console

    async with (
        ChatSession(
            _asking_nothing(settings),
            SettableClock(datetime.now(UTC)),
            seed=args.seed,
            size=args.size,
            random_seed=args.random_seed,
        ) as session,
        demo_console(session, args.port) as addresses,
    ):
        print("\n".join(addresses), flush=True)
        stop = asyncio.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            asyncio.get_running_loop().add_signal_handler(signum, stop.set)
        await stop.wait()
    return 0


def _asking_nothing(settings: Settings) -> Settings:
    """Without the knowledge base's embeddings: loading them (or building them, the first time)
    is wasted on a command that asks no questions."""
    return settings.model_copy(update={"semantic_search": False})


async def _emulator(settings: Settings, args: argparse.Namespace) -> int:
    from bot.emulator.server import serve

    await serve(args.host, args.port)
    return 0


async def _db(settings: Settings, args: argparse.Namespace) -> int:
    from store import migrate
    from store.db import create_engine

    engine = create_engine(settings.database_url)
    try:
        if args.action == "upgrade":
            await migrate.upgrade(engine, args.revision or "head")
        elif args.action == "downgrade":
            await migrate.downgrade(engine, args.revision or "base")
        print(f"database at revision {await migrate.current_revision(engine) or 'base'}")
    finally:
        await engine.dispose()
    return 0


async def _seed(settings: Settings, args: argparse.Namespace) -> int:
    from bot.chat import ChatLineError, parse_moment
    from bot.clock import SystemClock
    from bot.demo_large import seed_kring
    from bot.services import build_services
    from store.migrate import upgrade

    try:
        now = parse_moment(args.start, settings.zone) if args.start else SystemClock().now()
    except ChatLineError as error:
        print(f"kringbot: --start: {error}", file=sys.stderr)
        return 2
    wiring = build_services(_asking_nothing(settings), SystemClock())
    await upgrade(wiring.engine)
    added = await seed_kring(wiring.unit_of_work, now, args.size, args.random_seed)
    await wiring.engine.dispose()
    if not added:
        print("the database has members already; nothing added")
    elif args.size == "large":
        print(f"large demo kring added (random seed {args.random_seed})")
    else:
        print("demo kring added")
    return 0


async def _invite(settings: Settings, args: argparse.Namespace) -> int:
    from bot.clock import SystemClock
    from bot.core.models import Role
    from bot.services import build_services
    from store.migrate import upgrade

    wiring = build_services(_asking_nothing(settings), SystemClock())
    await upgrade(wiring.engine)
    invite = await wiring.services.membership.create_invite(None, Role(args.role), args.zone)
    await wiring.engine.dispose()
    print(f"invite code: {invite.code} (single use, expires {invite.expires_at:%Y-%m-%d})")
    print(f"send `/start {invite.code}` to the bot, or open https://t.me/<bot>?start={invite.code}")
    return 0


def _ask(settings: Settings, args: argparse.Namespace) -> int:
    import json

    from bot.core.knowledge.search import Verdict
    from bot.core.knowledge.service import Lookup
    from bot.services import answerer_for

    cache = settings.embeddings_cache if settings.semantic_search else None
    answerer = answerer_for(settings.knowledge_dir, cache, settings.analysis_cache)
    language = args.lang or settings.default_language

    def report(question: str, lookup: Lookup) -> dict[str, object]:
        entry = lookup.entry
        source = answerer.kb.source_of(entry) if entry else None
        return {
            "question": question,
            "answered": lookup.verdict is Verdict.CONFIDENT,
            "entry_id": entry.id if entry else None,
            "answer": entry.answer if entry else None,
            "source": {
                "title": source.title,
                "section": entry.section,
                "revised": str(source.revised or source.retrieved),
            }
            if source and entry
            else None,
            "score": round(lookup.score, 3),
            "alternatives": [
                {"entry_id": c.id, "question": c.questions[0]} for c in lookup.candidates
            ],
        }

    if args.question is None:
        for line in sys.stdin:
            if line.strip():
                result = report(line.strip(), answerer.lookup(line.strip(), language))
                print(json.dumps(result, ensure_ascii=False), flush=True)
        return 0
    lookup = answerer.lookup(args.question, language)
    result = report(args.question, lookup)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    elif lookup.entry is not None:
        print(f"{lookup.entry.answer}\n\n[{lookup.entry.id}] {result['source']}")
    elif lookup.candidates:
        print(
            "Did you mean:\n" + "\n".join(f"- {c.questions[0]} [{c.id}]" for c in lookup.candidates)
        )
    else:
        print("No answer in the knowledge base (it would be forwarded to the coordinator).")
    return 0


def _kb(settings: Settings, args: argparse.Namespace) -> Awaitable[int] | int:
    from pathlib import Path

    from bot.core.knowledge.importer import drafts_as_toml, drafts_from_document
    from bot.core.knowledge.lint import lint

    if args.kb_action == "export":
        return _kb_export(settings, args)
    if args.kb_action == "lint":
        problems = lint(settings.knowledge_dir, datetime.now(UTC).date())
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problem(s) in {settings.knowledge_dir}", file=sys.stderr)
        return 1 if problems else 0
    document = Path(args.file)
    if not document.is_file():
        print(f"kringbot: no such file: {document}", file=sys.stderr)
        return 2
    drafts = drafts_from_document(document.read_text(encoding="utf-8"))
    toml = drafts_as_toml(drafts)
    if args.out:
        Path(args.out).write_text(toml, encoding="utf-8")
        print(f"{len(drafts)} draft entries written to {args.out}")
    else:
        print(toml, end="")
    return 0 if drafts else 1


async def _kb_export(settings: Settings, args: argparse.Namespace) -> int:
    """`kringbot kb export`: the entries the coordinator added from Telegram, one file per
    language, in the knowledge base format; the bot reads them from there from then on."""
    from pathlib import Path

    from bot.clock import SystemClock
    from bot.core.knowledge.files import entries_as_toml
    from bot.services import build_services
    from store.migrate import upgrade

    if args.db:
        settings = settings.model_copy(update={"database_url": args.db})
    folder = Path(args.out) if args.out else settings.knowledge_dir
    wiring = build_services(settings, SystemClock())
    try:
        await upgrade(wiring.engine)
        entries = await wiring.services.teaching.entries()
    finally:
        await wiring.engine.dispose()
    header = (
        "Entries the coordinator added from Telegram (/inbox), exported by `kringbot kb export`.\n"
        "Their source is the kring. Add phrasings and translations as for any entry."
    )
    if not entries:
        print("No entries were added from Telegram yet: nothing to export.")
    for language in sorted({entry.language for entry in entries}):
        path = folder / language / "taught.toml"
        path.parent.mkdir(parents=True, exist_ok=True)
        mine = [entry for entry in entries if entry.language == language]
        path.write_text(entries_as_toml(mine, header), encoding="utf-8")
        print(f"{len(mine)} entries written to {path}")
    return 0


async def _roster(settings: Settings, args: argparse.Namespace) -> int:
    """`kringbot roster import FILE`: the whole file or nothing, like `/roster` in the bot."""
    from pathlib import Path

    from bot.clock import SystemClock
    from bot.core.csvfiles import read_table
    from bot.core.errors import DomainError
    from bot.core.roster import ROSTER_ALIASES, ROSTER_COLUMNS
    from bot.i18n import translator
    from bot.services import build_services
    from handlers import ERRORS, render
    from handlers.shifts import roster_texts
    from store.migrate import upgrade

    t = translator("en", settings.timezone)
    wiring = build_services(settings, SystemClock())
    try:
        await upgrade(wiring.engine)
        content = await asyncio.to_thread(Path(args.file).read_bytes)
        rows = read_table(content, ROSTER_COLUMNS, ROSTER_ALIASES)
        report = await wiring.services.roster.import_rows(None, rows)
    except DomainError as error:
        print(render.plain(ERRORS.text(t, error, wiring.services.kring)), file=sys.stderr)
        return 1
    except OSError as error:
        print(f"kringbot: {error}", file=sys.stderr)
        return 2
    finally:
        await wiring.engine.dispose()
    print(render.plain(roster_texts.roster_imported(t, report)))
    return 0


_COMMANDS: dict[str, Callable[[Settings, argparse.Namespace], Awaitable[int] | int]] = {
    "run": _run,
    "roster": _roster,
    "chat": _chat,
    "emulator": _emulator,
    "web": _web,
    "db": _db,
    "seed": _seed,
    "invite": _invite,
    "ask": _ask,
    "kb": _kb,
}
