"""Answering members' questions, and the coordinator's side of it: forwarded questions, replies,
and the list of what the knowledge base could not answer well."""

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from bot.core.errors import QuestionNotFound
from bot.core.knowledge.analysed import DocumentCache
from bot.core.knowledge.model import Entry, KnowledgeBase
from bot.core.knowledge.search import Document, Index, Result, Verdict, alternatives
from bot.core.knowledge.second_opinion import SecondOpinion, fused_candidates
from bot.core.knowledge.semantic import SemanticIndex
from bot.core.knowledge.teaching import TaughtEntries
from bot.core.membership import require_manager
from bot.core.models import Member, OutboxMessage, Question
from bot.core.notices.knowledge import QuestionForwarded, QuestionReply
from bot.core.ports import Clock, UnitOfWork, UnitOfWorkFactory

QUESTION_MAX_LENGTH = 1000
# A year named in a question ("premie sociaal statuut 2025"): only an entry that names it too
# can answer; the facts of another year (an indexed amount, a past meeting) are not the ones
# asked, so an entry without it is neither given nor offered.
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
INBOX_SIZE = 20


@dataclass(frozen=True)
class Lookup:
    """What the knowledge base makes of a question, in the asker's language."""

    verdict: Verdict
    entry: Entry | None = None  # the answer (confident)
    candidates: tuple[Entry, ...] = ()  # close call: "Bedoelt u …"
    score: float = 0.0  # the best entry's coverage of the question


@dataclass(frozen=True)
class Answer:
    question: Question
    lookup: Lookup


@dataclass(frozen=True)
class InboxQuestion:
    """A question in the coordinator's inbox, with the name of who asked ("" if erased)."""

    question: Question
    asker: str


class Answerer:
    """Search only, nothing stored: the service below and `kringbot ask` share it. With a
    semantic index, the embeddings decide where the lexical search is not confident. With a
    document cache, only the entries it has not analysed before are analysed."""

    def __init__(
        self,
        kb: KnowledgeBase,
        semantic: SemanticIndex | None = None,
        opinion: SecondOpinion | None = None,
        analysed: DocumentCache | None = None,
    ) -> None:
        self.kb = kb
        self.index = Index(analysed.documents(kb)) if analysed else Index.build(kb)
        self.semantic = semantic
        self.opinion = opinion or SecondOpinion()
        self._shared = False  # a fork shares the index and its speller until it learns

    def fork(self) -> "Answerer":
        """This answerer for one bot: it has its own knowledge base (a shallow copy) and shares
        the index (built once per process) until it learns an entry of its own kring; learning
        replaces the index with a grown one, and gives the fork its own speller first (`adding`
        teaches the speller in place); so what one bot learns never reaches another (tests
        build many bots in one process)."""
        twin = copy.copy(self)
        twin.kb = KnowledgeBase(sources=self.kb.sources, entries=dict(self.kb.entries))
        twin._shared = True
        return twin

    def learn(self, entries: Iterable[Entry]) -> None:
        """Entries added while the bot runs (bot.core.knowledge.teaching): searchable at once,
        without analysing the other entries again, and with the embeddings their texts' vectors
        (embedded by the first process that learns them, read from the cache by the others
        where they share it). Ids it knows already (an entry exported to the files since) are
        left alone."""
        new: dict[str, list[Entry]] = {}
        for entry in entries:
            if entry.id not in self.kb.entries or entry.id in new:
                new.setdefault(entry.id, []).append(entry)
        if not new:
            return
        if self._shared:
            self.index = copy.copy(self.index)
            self.index.spelling, self._shared = copy.deepcopy(self.index.spelling), False
        for versions in new.values():
            for entry in versions:
                self.kb.add(entry)
        self.index = self.index.adding([Document.of(i, versions) for i, versions in new.items()])
        if self.semantic is not None:
            self.semantic = self.semantic.adding(new)

    def use(self, semantic: SemanticIndex) -> None:
        """The semantic index, built in the background after the bot started (bot.embeddings),
        switched in whole; with the entries learned meanwhile added to it first."""
        known = set(semantic.ids)
        learned = {i: list(v.values()) for i, v in self.kb.entries.items() if i not in known}
        self.semantic = semantic.adding(learned) if learned else semantic

    def lookup(self, text: str, language: str) -> Lookup:
        text = text[:QUESTION_MAX_LENGTH]
        verdict, ids, score = self._decide(text)
        entries = self.shown(ids, text, language)
        if verdict is Verdict.CONFIDENT and entries:
            return Lookup(verdict, entry=entries[0], score=score)
        if verdict is Verdict.CLOSE and entries:
            return Lookup(verdict, candidates=entries, score=score)
        return Lookup(Verdict.NONE, score=score)

    def shown(self, ids: Iterable[str], text: str, language: str) -> tuple[Entry, ...]:
        """The entries (ids) the member may be shown for this question, in their language: those
        naming every year the question names (see YEAR)."""
        if years := set(YEAR.findall(text)):
            ids = tuple(entry_id for entry_id in ids if self._mentions(entry_id, years))
        found = (self.kb.entry(entry_id, language) for entry_id in ids)
        return tuple(entry for entry in found if entry is not None)

    def _mentions(self, entry_id: str, years: set[str]) -> bool:
        """Whether the entry names every one of these years (in any of its versions)."""
        versions = self.kb.entries.get(entry_id, {}).values()
        texts = " ".join(f"{entry.answer} {' '.join(entry.questions)}" for entry in versions)
        return all(year in texts for year in years)

    def _decide(self, text: str) -> tuple[Verdict, tuple[str, ...], float]:
        """The verdict, the entry ids (the answer or the candidates), and the lexical coverage."""
        result = self.index.search(text)
        best = result.best
        if best is None:
            return Verdict.NONE, (), 0.0
        if result.verdict is Verdict.CONFIDENT:
            return (*self._checked(text, result), best.coverage)
        words = len(text.split())
        if self.semantic is not None and self.opinion.worth_asking(
            result.verdict, best.coverage, words
        ):
            lexical = (result.verdict, best.entry_id, best.coverage)
            hits = self.semantic.search(text)
            ranked = [hit.entry_id for hit in result.hits]
            holds = partial(self.index.holds_asked, text)
            verdict, ids = self.opinion.decide(lexical, hits, holds, ranked, words, result.lead)
            return verdict, ids, best.coverage
        if result.verdict is Verdict.CLOSE:
            candidates = tuple(hit.entry_id for hit in alternatives(result))
            return result.verdict, candidates, best.coverage
        return Verdict.NONE, (), best.coverage

    def _checked(self, text: str, result: Result) -> tuple[Verdict, tuple[str, ...]]:
        """A confident lexical answer as the embeddings leave it (see SecondOpinion): the
        answer, declined, or offered next to the entry they place clearly closer (or first,
        where they doubt it but rank it close behind), or next to its twin where both searches
        nearly tie it with another."""
        best = result.best
        assert best is not None
        answer = (Verdict.CONFIDENT, (best.entry_id,))
        if self.semantic is None:
            return answer
        hits = self.semantic.search(text)
        holds = partial(self.index.holds_asked, text)
        ranked = [hit.entry_id for hit in result.hits]
        passed_over = self.index.passed_over(text, result)
        if self.opinion.worth_checking(best.coverage, passed_over):
            words = len(text.split())
            if self.opinion.doubts(best.entry_id, best.coverage, passed_over, hits, words):
                if passed_over is None and self.opinion.offers_doubted(
                    best.entry_id, best.coverage, hits, words, ranked
                ):
                    if self.opinion.answers_doubted(words):
                        return answer
                    first = [best.entry_id, hits[0].entry_id]
                    return Verdict.CLOSE, fused_candidates(first, ranked, hits, holds)
                return Verdict.NONE, ()
        rival = self.opinion.rival(best.entry_id, hits, holds)
        if rival is None:
            if self.opinion.tied(best.entry_id, hits, holds, result.lead):
                return Verdict.CLOSE, fused_candidates([best.entry_id], ranked, hits, holds)
            return answer
        entry_id, holding = rival
        if not holding:
            return Verdict.NONE, ()
        return Verdict.CLOSE, fused_candidates([entry_id, best.entry_id], ranked, hits, holds)


class KnowledgeService:
    def __init__(self, answerer: Answerer, uow_factory: UnitOfWorkFactory, clock: Clock) -> None:
        self.answerer = answerer
        self.kb = answerer.kb
        self._uow = uow_factory
        self._clock = clock
        # The coordinator's entries (bot.core.knowledge.teaching), learned before each question.
        self.taught = TaughtEntries(answerer.learn)

    async def ask(self, member: Member, text: str) -> Answer:
        """Answer a member's question and keep it (for the inbox and the statistics)."""
        text = text.strip()[:QUESTION_MAX_LENGTH]
        async with self._uow() as uow:
            await self.taught.catch_up(uow)
            lookup = self.answerer.lookup(text, member.language)
            question = Question(
                member_id=member.id,
                text=text,
                language=member.language,
                verdict=lookup.verdict,
                created_at=self._clock.now(),
                entry_id=lookup.entry.id if lookup.entry else None,
                score=lookup.score,
                alternatives=[entry.id for entry in lookup.candidates],
            )
            await uow.questions.add(question)
            await uow.commit()
        return Answer(question, lookup)

    async def pick(self, member: Member, question_id: int, choice: int) -> Entry:
        """The member chose one of the offered candidates."""
        async with self._uow() as uow:
            question = await self._own_question(uow, member, question_id)
            if not 0 <= choice < len(question.alternatives):
                raise QuestionNotFound()
            question.entry_id = question.alternatives[choice]
            await uow.questions.update(question)
            await uow.commit()
        entry = self.kb.entry(question.entry_id, member.language)
        if entry is None:  # the entry was removed from the knowledge base since
            raise QuestionNotFound()
        return entry

    def open(self, member: Member, entry_id: str) -> Entry:
        """An entry another answer refers to, in the member's language."""
        entry = self.kb.entry(entry_id, member.language)
        if entry is None:  # the entry was removed from the knowledge base since
            raise QuestionNotFound()
        return entry

    def related(self, entry: Entry) -> list[Entry]:
        return self.kb.related(entry.id, entry.language)

    async def rate(self, member: Member, question_id: int, helpful: bool) -> Question:
        async with self._uow() as uow:
            question = await self._own_question(uow, member, question_id)
            question.rating = 1 if helpful else -1
            await uow.questions.update(question)
            await uow.commit()
            return question

    async def forward(self, member: Member, question_id: int) -> Question:
        """Send the question to the coordinators; once, however often the member taps."""
        now = self._clock.now()
        async with self._uow() as uow:
            question = await self._own_question(uow, member, question_id)
            if question.forwarded_at is None:
                question.forwarded_at = now
                await uow.questions.update(question)
                for coordinator in await uow.members.coordinators():
                    if coordinator.telegram_id is None:
                        continue
                    forwarded = QuestionForwarded(
                        question_id=question.id or 0,
                        text=question.text,
                        name=member.name,
                        role=member.role,
                    )
                    await uow.outbox.add(OutboxMessage.to(coordinator, forwarded, now))
            await uow.commit()
            return question

    async def inbox(self, manager: Member) -> list[InboxQuestion]:
        require_manager(manager)
        async with self._uow() as uow:
            found = []
            for question in await uow.questions.needing_attention(INBOX_SIZE):
                asker = None
                if question.member_id is not None:
                    asker = await uow.members.get(question.member_id)
                found.append(InboxQuestion(question, (asker.name if asker else None) or ""))
        return found

    async def question_for_reply(self, manager: Member, question_id: int) -> Question:
        require_manager(manager)
        async with self._uow() as uow:
            question = await uow.questions.get(question_id)
        if question is None:
            raise QuestionNotFound()
        return question

    async def reply(self, manager: Member, question_id: int, text: str) -> Question:
        """The coordinator's answer, relayed to the member who asked."""
        require_manager(manager)
        now = self._clock.now()
        async with self._uow() as uow:
            question = await uow.questions.get(question_id)
            if question is None or question.member_id is None:
                raise QuestionNotFound()
            asker = await uow.members.get(question.member_id)
            question.reply, question.replied_at, question.replied_by = text.strip(), now, manager.id
            await uow.questions.update(question)
            if asker is not None and asker.telegram_id is not None:
                answer = QuestionReply(question=question.text, reply=question.reply)
                await uow.outbox.add(OutboxMessage.to(asker, answer, now))
            await uow.commit()
            return question

    @staticmethod
    async def _own_question(uow: UnitOfWork, member: Member, question_id: int) -> Question:
        """Buttons carry a question id; it must be the tapping member's own question."""
        question = await uow.questions.get(question_id)
        if question is None or question.member_id != member.id:
            raise QuestionNotFound()
        return question
