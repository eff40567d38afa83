"""The coordinator teaches the bot from Telegram.

After replying to a member's question in /inbox, the coordinator turns the reply into an entry:
the member's question is its first phrasing, the reply its answer, the kring its source and today
its review date. The draft can be edited before it is confirmed. Confirmed entries live in the
database (TaughtEntry), are searched at once, by every process of the bot (each catches up with
the new rows before it answers a question), and are exported to `knowledge/` as TOML
(`kringbot kb export`). The questions the knowledge base declined or a member gave 👎 are listed
by how often they were asked, so the coordinator sees what to teach first.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from zoneinfo import ZoneInfo

from bot.core.errors import DomainError, QuestionNotFound
from bot.core.knowledge.model import Entry
from bot.core.knowledge.text import stem, words
from bot.core.membership import require_manager
from bot.core.models import Member, Question, TaughtEntry
from bot.core.ports import Clock, UnitOfWork, UnitOfWorkFactory

SOURCE = "kring"  # sources.toml: the kring's own information
ID_PREFIX = "kring-taught-"
PHRASING_MAX_LENGTH = 300
PHRASINGS_MAX = 20
ANSWER_MAX_LENGTH = 3000  # a message holds 4096 characters, with the source line under it
FREQUENT_SCANNED = 2000  # the newest declined or 👎 questions counted
FREQUENT_SHOWN = 15


class InvalidTaughtEntry(DomainError):
    """A phrasing or answer that is empty or too long: the draft stays as it was."""


@dataclass(frozen=True)
class Draft:
    """An entry before the coordinator confirms it (kept in the conversation's draft)."""

    question_id: int
    language: str
    questions: tuple[str, ...]
    answer: str
    reviewed: date


@dataclass(frozen=True)
class FrequentQuestion:
    """Declined or 👎 questions that ask the same (the same words, in any order): the newest
    wording, and how often they were asked."""

    text: str
    count: int


def as_entry(taught: TaughtEntry) -> Entry:
    """The entry as the search and the answers know it."""
    return Entry(
        id=f"{ID_PREFIX}{taught.id}",
        language=taught.language,
        questions=tuple(taught.questions),
        answer=taught.answer,
        source=SOURCE,
        reviewed=taught.reviewed,
    )


class TaughtEntries:
    """Keeps this process's search up to date with the entries in the database: the ones added
    since it last looked are learned (an incremental add to the index, not a rebuild)."""

    def __init__(self, learn: Callable[[Iterable[Entry]], None]) -> None:
        self._learn = learn
        self._seen = 0  # the largest TaughtEntry id learned

    async def catch_up(self, uow: UnitOfWork) -> None:
        new = await uow.taught.after(self._seen)
        if new:
            self._learn(as_entry(taught) for taught in new)
            self._seen = max(self._seen, *(taught.id or 0 for taught in new))


class TeachingService:
    def __init__(
        self, uow_factory: UnitOfWorkFactory, clock: Clock, timezone: str, taught: TaughtEntries
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._zone = ZoneInfo(timezone)
        self._taught = taught

    async def draft(self, manager: Member, question_id: int) -> Draft:
        """The entry a replied question makes: its text as the first phrasing, the reply as the
        answer. QuestionNotFound for a question without a reply (or gone)."""
        require_manager(manager)
        async with self._uow() as uow:
            question = await uow.questions.get(question_id)
        if question is None or not question.reply:
            raise QuestionNotFound()
        return Draft(
            question_id=question_id,
            language=question.language,
            questions=(question.text,),
            answer=question.reply,
            reviewed=self._clock.now().astimezone(self._zone).date(),
        )

    @staticmethod
    def rephrase(draft: Draft, typed: str) -> Draft:
        """Phrasings typed one per line; the member's question stays first unless retyped."""
        lines = tuple(dict.fromkeys(" ".join(line.split()) for line in typed.splitlines()))
        phrasings = tuple(line for line in lines if line)
        if not phrasings or any(len(p) > PHRASING_MAX_LENGTH for p in phrasings):
            raise InvalidTaughtEntry()
        first = () if draft.questions[0] in phrasings else draft.questions[:1]
        merged = (*first, *phrasings)
        if len(merged) > PHRASINGS_MAX:
            raise InvalidTaughtEntry()
        return replace(draft, questions=merged)

    @staticmethod
    def reanswer(draft: Draft, typed: str) -> Draft:
        answer = typed.strip()
        if not answer or len(answer) > ANSWER_MAX_LENGTH:
            raise InvalidTaughtEntry()
        return replace(draft, answer=answer)

    async def confirm(self, manager: Member, draft: Draft) -> tuple[Entry, bool]:
        """Store the entry and make it searchable; (the entry, False) when this question was
        taught before (a second tap), which is left as it was."""
        require_manager(manager)
        async with self._uow() as uow:
            taught = await uow.taught.for_question(draft.question_id)
            if taught is not None:
                return as_entry(taught), False
            if await uow.questions.get(draft.question_id) is None:
                raise QuestionNotFound()
            taught = await uow.taught.add(
                TaughtEntry(
                    language=draft.language,
                    questions=list(draft.questions),
                    answer=draft.answer,
                    reviewed=draft.reviewed,
                    created_at=self._clock.now(),
                    question_id=draft.question_id,
                    created_by=manager.id,
                )
            )
            await uow.commit()
        async with self._uow() as uow:
            await self._taught.catch_up(uow)
        return as_entry(taught), True

    async def frequent(self, manager: Member) -> list[FrequentQuestion]:
        """Declined and 👎 questions grouped by what they ask, the most frequent first."""
        require_manager(manager)
        async with self._uow() as uow:
            questions = await uow.questions.unanswered(FREQUENT_SCANNED)
        return most_frequent(questions)[:FREQUENT_SHOWN]

    async def entries(self) -> list[Entry]:
        """Every entry taught so far, oldest first (for the export)."""
        async with self._uow() as uow:
            return [as_entry(taught) for taught in await uow.taught.after(0)]


def most_frequent(questions: Sequence[Question]) -> list[FrequentQuestion]:
    """Questions grouped by their words (stemmed, stop words and word order aside); each group
    named by its newest wording (the questions come newest first)."""
    groups: dict[frozenset[str], list[Question]] = {}
    for question in questions:
        key = frozenset(stem(word, question.language) for word in words(question.text))
        groups.setdefault(key or frozenset({question.text}), []).append(question)
    found = [FrequentQuestion(group[0].text, len(group)) for group in groups.values()]
    return sorted(found, key=lambda item: -item.count)
