"""The analysis cache: a restart analyses only the entries that are new or changed, and answers
exactly as a build that analysed everything."""

import pickle
import shutil
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from bot.core.knowledge import analysed, asks, everyday, files, kring_words, named, offers
from bot.core.knowledge.analysed import DocumentCache
from bot.core.knowledge.files import load_knowledge
from bot.core.knowledge.model import Entry, KnowledgeBase
from bot.core.knowledge.search import Document
from bot.core.knowledge.service import Answerer

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = [
    "hoeveel bedraagt het lidgeld",
    "moet ik als vervanger wachtdienst doen",
    "IBAN du cercle",
    "onkostenbijdrage vervanging 3 maanden",
    "recept voor stoofvlees",
]


@pytest.fixture
def kb() -> KnowledgeBase:
    return load_knowledge(ROOT / "knowledge")


@pytest.fixture
def analyses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The entries analysed (by id), as the cache asks for them."""
    analysed_ids: list[str] = []
    analyse = Document.of

    def counting(entry_id: str, versions: Iterable[Entry]) -> Document:
        analysed_ids.append(entry_id)
        return analyse(entry_id, versions)

    monkeypatch.setattr(analysed.Document, "of", counting)
    return analysed_ids


def answers(answerer: Answerer) -> list[object]:
    return [answerer.lookup(question, "nl") for question in QUESTIONS]


def test_a_restart_analyses_nothing_and_answers_as_before(
    kb: KnowledgeBase, tmp_path: Path, analyses: list[str]
) -> None:
    path = tmp_path / "analysis.pickle"
    first = Answerer(kb, analysed=DocumentCache(path))
    assert len(analyses) == len(kb)
    analyses.clear()
    restarted = Answerer(kb, analysed=DocumentCache(path))
    assert analyses == []
    assert answers(restarted) == answers(first) == answers(Answerer(kb))


def test_a_changed_entry_is_analysed_again_and_found_by_its_new_words(
    kb: KnowledgeBase, tmp_path: Path, analyses: list[str]
) -> None:
    path = tmp_path / "analysis.pickle"
    Answerer(kb, analysed=DocumentCache(path))
    entry_id = next(iter(kb.entries))
    dutch = kb.entries[entry_id]["nl"]
    question = "Mag ik een capybara meebrengen naar de vergadering?"
    kb.add(replace(dutch, questions=(*dutch.questions, question), reviewed=date(2026, 1, 1)))
    analyses.clear()
    lookup = Answerer(kb, analysed=DocumentCache(path)).lookup(question, "nl")
    assert analyses == [entry_id]
    assert lookup.entry is not None and lookup.entry.id == entry_id


@pytest.mark.parametrize(
    "module",
    [asks, offers, named, kring_words, everyday],
    ids=["asked kinds", "offered kinds", "named places", "kring words", "everyday words"],
)
def test_a_change_to_the_code_that_reads_entries_analyses_everything_again(
    kb: KnowledgeBase,
    tmp_path: Path,
    analyses: list[str],
    monkeypatch: pytest.MonkeyPatch,
    module: ModuleType,
) -> None:
    path = tmp_path / "analysis.pickle"
    Answerer(kb, analysed=DocumentCache(path))
    changed = tmp_path / "changed.py"
    changed.write_bytes(Path(module.__file__ or "").read_bytes() + b"# a new kind\n")
    monkeypatch.setattr(module, "__file__", str(changed))
    analyses.clear()
    Answerer(kb, analysed=DocumentCache(path))
    assert len(analyses) == len(kb)


@pytest.mark.parametrize(
    "content",
    [b"not a pickle", pickle.dumps({"key": date(2026, 1, 1)})],  # a class: refused, not run
    ids=["garbage", "a class"],
)
def test_an_unreadable_cache_is_analysed_again(
    kb: KnowledgeBase, tmp_path: Path, analyses: list[str], content: bytes
) -> None:
    path = tmp_path / "analysis.pickle"
    path.write_bytes(content)
    answerer = Answerer(kb, analysed=DocumentCache(path))
    assert len(analyses) == len(kb)
    assert answers(answerer) == answers(Answerer(kb))
    analyses.clear()
    Answerer(kb, analysed=DocumentCache(path))  # written anew
    assert analyses == []


def test_a_cache_that_cannot_be_written_costs_only_time(
    kb: KnowledgeBase, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "var").write_text("a file where the folder should be")
    answerer = Answerer(kb, analysed=DocumentCache(tmp_path / "var" / "analysis.pickle"))
    assert answers(answerer) == answers(Answerer(kb))
    assert "not written" in caplog.text


def test_the_files_as_parsed_are_read_back_and_a_changed_file_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", folder)
    kept = tmp_path / "kb-files.pickle"
    first = load_knowledge(folder, kept)
    assert load_knowledge(folder) == first
    parsed: list[str] = []
    loads = files.tomllib.loads
    monkeypatch.setattr(files.tomllib, "loads", lambda text: parsed.append(text) or loads(text))
    assert load_knowledge(folder, kept) == first
    assert parsed == []
    changed = folder / "nl" / "kring.toml"
    changed.write_text(changed.read_text().replace("lidgeld", "lidmaatschapsgeld"))
    again = load_knowledge(folder, kept)
    assert len(parsed) == 1
    assert again == load_knowledge(folder)
    assert again != first


@pytest.mark.parametrize(
    "content",
    [pickle.dumps({"key": ("digest", {"a": Path("x")})}), pickle.dumps(["a", "list"])],
    ids=["a class", "no dictionary"],  # a class is refused, not run
)
def test_unreadable_parsed_files_are_parsed_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: bytes
) -> None:
    kept = tmp_path / "kb-files.pickle"
    kept.write_bytes(content)
    assert load_knowledge(ROOT / "knowledge", kept) == load_knowledge(ROOT / "knowledge")
    assert "unreadable" in caplog.text
