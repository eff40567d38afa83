"""The import rules of DESIGN.md §2, checked on the syntax tree of every module."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# package prefix -> imports it must never make
FORBIDDEN = {
    "bot/core": (
        "telegram",
        "sqlalchemy",
        "alembic",
        "aiohttp",
        "store",
        "handlers",
        "bot.app",
        "bot.services",
        "bot.scheduling",
        "bot.cli",
        "bot.chat",
        "bot.config",
        "bot.i18n",
        "bot.emulator",
        "babel",
        "pydantic",
    ),
    "store": ("telegram", "handlers", "bot.app", "bot.services", "bot.scheduling", "bot.cli"),
    "handlers": ("store", "sqlalchemy", "alembic", "bot.services", "bot.app", "bot.cli"),
    "bot/emulator": ("handlers", "store", "bot.core", "sqlalchemy"),
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _modules(prefix: str) -> list[Path]:
    return sorted((ROOT / prefix).rglob("*.py"))


@pytest.mark.parametrize("prefix", sorted(FORBIDDEN))
def test_layers_import_only_what_they_may(prefix: str) -> None:
    modules = _modules(prefix)
    assert modules, f"no modules under {prefix}"
    violations = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in modules
        for name in imported_modules(path)
        if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[prefix])
    ]
    assert violations == []


# The composition root: the only modules of bot/ that wire core to store and to handlers.
COMPOSITION_ROOT = {"app.py", "services.py", "scheduling.py", "cli.py", "serve.py", "chat.py"}


def test_only_the_composition_root_imports_store_and_handlers() -> None:
    outside = [
        path
        for path in _modules("bot")
        if not (path.parent == ROOT / "bot" and path.name in COMPOSITION_ROOT)
    ]
    assert any(path.name == "sender.py" for path in outside)  # the top level is covered too
    violations = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in outside
        for name in imported_modules(path)
        if name.split(".")[0] in ("store", "handlers")
    ]
    assert violations == []


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text("import telegram.ext\nfrom sqlalchemy import select\n")
    assert imported_modules(module) == {"telegram.ext", "sqlalchemy"}


def test_core_reads_time_only_from_the_clock() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for prefix in ("bot/core", "handlers")
        for path in _modules(prefix)
        if "datetime.now(" in path.read_text() or "datetime.utcnow(" in path.read_text()
    ]
    assert offenders == []


def test_every_csv_is_written_by_the_one_neutralising_writer() -> None:
    """`write_table` neutralises formulas; a second writer would let them through."""
    offenders = [
        str(path.relative_to(ROOT))
        for prefix in ("bot", "handlers", "store")
        for path in _modules(prefix)
        if path != ROOT / "bot/core/csvfiles.py"
        and ("csv.writer" in path.read_text() or "DictWriter" in path.read_text())
    ]
    assert offenders == []
