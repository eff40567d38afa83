"""`kringbot kb lint`: what a coordinator must fix before the knowledge base goes live."""

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path

from bot.core.knowledge.asks import asked
from bot.core.knowledge.files import KnowledgeFileError, load_sources, read_entries
from bot.core.knowledge.kinds import Asked
from bot.core.knowledge.model import MAX_ID_LENGTH, Entry, Source
from bot.core.knowledge.named import stated_where
from bot.core.knowledge.offers import offered
from bot.core.models import DEFAULT_LANGUAGE, LANGUAGES

STALE_AFTER = timedelta(days=365)
# "No." is no answer to "how much do I pay?": an answer asked for an amount opens with a fact.
YES_NO_OPENING = re.compile(r"(?:ja|nee|yes|no|oui|non)\b", re.IGNORECASE)


def lint(folder: Path, today: date) -> list[str]:
    """Every problem as one line `file: entry: what is wrong`; an empty list is a clean bill."""
    problems: list[str] = []
    try:
        sources = load_sources(folder / "sources.toml")
    except KnowledgeFileError as error:
        return [str(error)]
    ids: dict[str, dict[str, Path]] = {language: {} for language in LANGUAGES}
    links: list[tuple[str, str]] = []  # (where, related id)
    versions: dict[str, list[tuple[str, Entry]]] = defaultdict(list)  # id: (where, entry)
    for language in LANGUAGES:
        for path in sorted((folder / language).glob("*.toml")):
            try:
                entries = read_entries(path, language)
            except KnowledgeFileError as error:
                problems.append(str(error))
                continue
            for entry in entries:
                where = f"{path.relative_to(folder)}: {entry.id}"
                if entry.id in ids[language]:
                    first = ids[language][entry.id].relative_to(folder)
                    problems.append(f"{where}: duplicate id (also in {first})")
                ids[language][entry.id] = path
                problems += [f"{where}: {p}" for p in _entry_problems(entry, sources, today)]
                links += [(where, related) for related in entry.related]
                versions[entry.id].append((where, entry))
    for same_entry in versions.values():
        problems += _phrasings_asking_beyond_the_answer(same_entry)
    reference = ids[DEFAULT_LANGUAGE]
    problems += [
        f"{where}: related entry {r!r} does not exist" for where, r in links if r not in reference
    ]
    for language in LANGUAGES:
        if language == DEFAULT_LANGUAGE:
            continue
        for missing in sorted(set(reference) - set(ids[language])):
            problems.append(f"{language}: {missing}: no {language} translation")
        for extra in sorted(set(ids[language]) - set(reference)):
            problems.append(f"{language}: {extra}: not in the {DEFAULT_LANGUAGE} files")
    return problems


def _entry_problems(entry: Entry, sources: Mapping[str, Source], today: date) -> list[str]:
    problems = []
    if len(entry.id) > MAX_ID_LENGTH:
        problems.append(f"id longer than {MAX_ID_LENGTH} characters (it must fit on a button)")
    if not entry.answer.strip():
        problems.append("empty answer")
    if not [q for q in entry.questions if q.strip()]:
        problems.append("no questions")
    if entry.source not in sources:
        problems.append(f"unknown source {entry.source!r} (see sources.toml)")
    if YES_NO_OPENING.match(entry.answer) and any(
        Asked.AMOUNT in asked(q) for q in entry.questions
    ):
        problems.append("opens with yes or no, but is asked how much")
    if entry.reviewed is None:
        problems.append("no review date (reviewed = YYYY-MM-DD)")
    elif today - entry.reviewed > STALE_AFTER:
        problems.append(f"review date {entry.reviewed} is more than a year old")
    return problems


def _phrasings_asking_beyond_the_answer(versions: Sequence[tuple[str, Entry]]) -> list[str]:
    """The phrasings of one entry (all its language versions) that ask for a kind of fact (an
    amount, a date still to come …) which none of its answers holds, by the search's own
    measure (`Index.holds_asked`). Such a phrasing draws the questions close to it, "healthone
    prijs per maand", to an entry that names no price, and the member gets an answer that
    does not answer; a phrasing must ask only what its answer states."""
    holds = stated_where(
        set().union(*(offered(entry.answer, entry.reviewed) for _, entry in versions))
    )
    return [
        f"{where}: phrasing {question!r} asks for {', '.join(sorted(lacking))},"
        " which the answer does not hold"
        for where, entry in versions
        for question in entry.questions
        if (lacking := asked(question) - holds)
    ]
