"""Answer latency and accuracy of the knowledge base search, against a plain BM25 baseline.

Both run on the same questions (the tuned sets in tests/kb_eval/) in the same run: with the
real knowledge base, and with a synthetic one of 10,000 entries (the real entries hidden among
generated ones). The baseline is rank-bm25's BM25Okapi over lower-case words of each entry's
questions and answer in every language; it always returns its best entry (it cannot decline).
"top-1" counts what the member is shown first (a declined in-scope question counts as wrong);
"ranked 1st" counts the entry ranked first, declined or not, to compare the ranking alone.

First, per language, what members get on the sets we tune on (tests/kb_eval/*.toml), on the
validation set blind3.toml (checked in aggregate only), and on the
blind held-out and judge sets (tests/kb_eval/held_out/, judge/ to judge53/), each apart:
correct at once; correct or one tap away (the right entry among the "Bedoelt u" buttons; where
the labeller found the fact in two entries, either counts); false declines; wrong answers
(another entry given as the answer); out-of-scope questions declined; and the time per
question (with the embeddings, the time embedding the question apart). `--quality` prints
only that. The search has its semantic second opinion as in the bot (the vectors from
var/embeddings.npz, built on first use); `--lexical` leaves it out. `--tuned-only` skips the
blind sets (they are not even read): for whoever tunes the search, who must not look at them.
`--per-set` adds each tuned set apart. `--misses` lists what members got wrong on the tuned sets
(not the validation sets, checked in aggregate only) and the judge sets that had their first
run (tuned on since; never the held-out set nor a judge set before its first run):
each question, what it should get, what it got, and both searches' first three entries with
their scores.

    .venv/bin/python -m bench.faq [--synthetic 10000] [--quality] [--lexical] [--tuned-only]
        [--per-set] [--misses]
"""

import argparse
import random
import re
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rank_bm25 import BM25Okapi  # type: ignore[import-untyped]

from bot.core.knowledge.files import load_knowledge
from bot.core.knowledge.model import Entry, KnowledgeBase
from bot.core.knowledge.search import Verdict
from bot.core.knowledge.semantic import Embedder, Vectors
from bot.core.knowledge.service import Answerer, Lookup
from bot.embeddings import semantic_index
from tests.kb_eval.cases import (
    BLIND_SETS,
    FOLDER,
    OPEN_JUDGES,
    VALIDATION,
    Case,
    load_cases,
    load_set,
    load_tuned_cases,
)

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"\w+")


Search = Callable[[str], str | None]  # the entry shown first, None when declined


@dataclass
class Run:
    latencies: list[float]
    top1: int = 0  # in-scope questions whose best answer is the expected entry
    ranked_first: int = 0  # in-scope questions whose first-ranked entry is the expected one
    declined: int = 0  # out-of-scope questions declined


@dataclass
class Outcomes:
    """What members get, counted per language."""

    in_scope: int = 0
    at_once: int = 0  # the right entry as the answer
    one_tap: int = 0  # … or among the "Bedoelt u" buttons
    false_declines: int = 0
    wrong: int = 0  # another entry as the answer
    out_of_scope: int = 0
    declined: int = 0

    def count(self, case: Case, lookup: Lookup) -> None:
        answered = lookup.entry.id if lookup.verdict is Verdict.CONFIDENT and lookup.entry else None
        if case.expected is None:
            self.out_of_scope += 1
            self.declined += lookup.verdict is Verdict.NONE
            return
        offered = {entry.id for entry in lookup.candidates}
        self.in_scope += 1
        self.at_once += case.answered_by(answered)
        self.one_tap += case.answered_by(answered) or any(map(case.answered_by, offered))
        self.false_declines += lookup.verdict is Verdict.NONE
        self.wrong += answered is not None and not case.answered_by(answered)


class TimedEmbedder:
    """The model, adding up the time it takes: a question's share of embedding."""

    def __init__(self, model: Embedder) -> None:
        self.model, self.name, self.seconds = model, model.name, 0.0

    def embed(self, texts: Sequence[str], kind: str) -> Vectors:
        started = time.perf_counter()
        try:
            return self.model.embed(texts, kind)
        finally:
            self.seconds += time.perf_counter() - started


@dataclass
class Measured:
    per_language: dict[str, Outcomes]
    latencies: list[float]  # per question, all of it
    embedding: list[float]  # per question, embedding it (0 where the embeddings were not asked)


def quality(answerer: Answerer, cases: list[Case]) -> Measured:
    timer = None
    if answerer.semantic is not None:
        timer = answerer.semantic.embedder = TimedEmbedder(answerer.semantic.embedder)
    measured = Measured({}, [], [])
    for case in cases:
        embedded = timer.seconds if timer else 0.0
        started = time.perf_counter()
        lookup = answerer.lookup(case.question, case.language)
        measured.latencies.append(time.perf_counter() - started)
        measured.embedding.append(timer.seconds - embedded if timer else 0.0)
        measured.per_language.setdefault(case.language, Outcomes()).count(case, lookup)
    if timer:
        answerer.semantic.embedder = timer.model  # type: ignore[union-attr]
    return measured


def report_quality(name: str, measured: Measured) -> None:
    per_language, latencies = measured.per_language, measured.latencies
    print(
        f"\n{name}: {statistics.median(latencies) * 1000:.1f} ms median, "
        f"{p95(latencies) * 1000:.1f} ms p95 per question"
    )
    embedding = [seconds for seconds in measured.embedding if seconds > 0]
    if embedding:
        rest = [total - part for total, part in zip(latencies, measured.embedding, strict=True)]
        print(
            f"  embedding the question ({len(embedding)} of {len(latencies)} asked the "
            f"embeddings): {statistics.median(embedding) * 1000:.1f} ms median, "
            f"{p95(embedding) * 1000:.1f} ms p95; the rest: {p95(rest) * 1000:.2f} ms p95"
        )
    print(
        f"{'':6}{'in scope':>9}{'at once':>9}{'<=1 tap':>9}{'declined':>10}{'wrong':>8}"
        f"{'out of scope':>14}{'declined':>10}"
    )
    for language in ("nl", "fr", "en"):
        o = per_language.get(language)
        if o is None:
            continue
        n = max(o.in_scope, 1)
        print(
            f"{language:6}{o.in_scope:>9}{o.at_once / n:>9.1%}{o.one_tap / n:>9.1%}"
            f"{o.false_declines / n:>10.1%}{o.wrong / n:>8.1%}"
            f"{o.out_of_scope:>14}{o.declined / max(o.out_of_scope, 1):>10.1%}"
        )


def miss(case: Case, lookup: Lookup) -> str | None:
    """What went wrong for the member, None if nothing did."""
    declined = lookup.verdict is Verdict.NONE
    if case.expected is None:
        return None if declined else f"out of scope, {lookup.verdict}"
    if declined:
        return "false decline"
    if lookup.verdict is Verdict.CONFIDENT:
        return None if case.answered_by(lookup.entry.id if lookup.entry else None) else "wrong"
    if any(case.answered_by(entry.id) for entry in lookup.candidates):
        return None
    return "offered, not among them"


def report_misses(name: str, answerer: Answerer, cases: list[Case]) -> None:
    print(f"\nmisses, {name}:")
    for case in cases:
        lookup = answerer.lookup(case.question, case.language)
        what = miss(case, lookup)
        if what is None:
            continue
        got = [entry.id for entry in (lookup.entry,) if entry] + [
            entry.id for entry in lookup.candidates
        ]
        lexical = answerer.index.search(case.question).hits[:3]
        print(f"[{what}] {case.language} {case.question!r}")
        print(f"    expected {case.expected}, got {lookup.verdict} {got}")
        print(
            "    words:   "
            + "  ".join(f"{h.entry_id} {h.score:.1f}/{h.coverage:.2f}" for h in lexical)
        )
        if answerer.semantic is not None:
            near = answerer.semantic.search(case.question, limit=3)
            print(
                "    meaning: "
                + "  ".join(f"{h.entry_id} {h.score:.3f}/{h.phrasing:.2f}" for h in near)
            )


def synthetic(kb: KnowledgeBase, size: int, seed: int = 7) -> KnowledgeBase:
    """The real entries plus generated ones made of the real vocabulary, up to `size`."""
    rng = random.Random(seed)
    vocabulary = sorted(
        {
            word
            for versions in kb.entries.values()
            for entry in versions.values()
            for word in WORD.findall(" ".join(entry.questions) + " " + entry.answer)
        }
    )
    big = KnowledgeBase(sources=kb.sources, entries=dict(kb.entries))
    for number in range(size - len(kb)):
        for language in ("nl", "fr", "en"):
            questions = tuple(" ".join(rng.choices(vocabulary, k=7)) + "?" for _ in range(4))
            answer = " ".join(rng.choices(vocabulary, k=40))
            big.add(Entry(f"synthetic-{number}", language, questions, answer, "001"))
    return big


def bm25_baseline(kb: KnowledgeBase) -> Search:
    ids = list(kb.entries)
    corpus = [
        [
            w.lower()
            for entry in kb.entries[entry_id].values()
            for w in WORD.findall(" ".join(entry.questions) + " " + entry.answer)
        ]
        for entry_id in ids
    ]
    bm25 = BM25Okapi(corpus)

    def best(question: str) -> str | None:
        scores = bm25.get_scores([w.lower() for w in WORD.findall(question)])
        top = max(range(len(ids)), key=scores.__getitem__)
        return ids[top] if scores[top] > 0 else None

    return best


def ours(kb: KnowledgeBase) -> tuple[Search, Search]:
    """What the member is shown first, and (untimed) the entry ranked first."""
    answerer = Answerer(kb)

    def best(question: str) -> str | None:
        lookup = answerer.lookup(question, "nl")
        if lookup.verdict is Verdict.CONFIDENT and lookup.entry is not None:
            return lookup.entry.id
        if lookup.verdict is Verdict.CLOSE and lookup.candidates:
            return lookup.candidates[0].id
        return None

    def first(question: str) -> str | None:
        hit = answerer.index.search(question).best
        return hit.entry_id if hit else None

    return best, first


def run(search: Search, cases: list[Case], rank: Search | None = None) -> Run:
    """Time `search` on every case; `rank` (untimed) gives the entry ranked first when that
    is not what `search` shows."""
    result = Run(latencies=[])
    for case in cases:
        started = time.perf_counter()
        found = search(case.question)
        result.latencies.append(time.perf_counter() - started)
        if case.expected is None:
            result.declined += found is None
        else:
            result.top1 += found == case.expected
            first = rank(case.question) if rank else found
            result.ranked_first += first == case.expected
    return result


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def report(name: str, cases: list[Case], baseline: Run, candidate: Run) -> None:
    in_scope = sum(case.expected is not None for case in cases)
    out_scope = len(cases) - in_scope
    print(f"\n{name}: {len(cases)} questions ({in_scope} in scope, {out_scope} out of scope)")
    print(f"{'':26}{'median ms':>11}{'p95 ms':>9}{'top-1':>9}{'ranked 1st':>12}{'declined':>10}")
    for label, r in (("plain BM25 (rank-bm25)", baseline), ("kringbot search", candidate)):
        print(
            f"{label:26}{statistics.median(r.latencies) * 1000:>11.2f}"
            f"{p95(r.latencies) * 1000:>9.2f}{r.top1 / in_scope:>9.1%}"
            f"{r.ranked_first / in_scope:>12.1%}{r.declined / max(out_scope, 1):>10.1%}"
        )
    print(
        "ratio kringbot / BM25: median latency "
        f"x{statistics.median(candidate.latencies) / statistics.median(baseline.latencies):.2f}, "
        f"p95 x{p95(candidate.latencies) / p95(baseline.latencies):.2f}, "
        f"top-1 accuracy x{candidate.top1 / max(baseline.top1, 1):.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=10_000)
    parser.add_argument("--quality", action="store_true", help="only what members get")
    parser.add_argument("--lexical", action="store_true", help="without the semantic layer")
    parser.add_argument("--per-set", action="store_true", help="each tuned set apart too")
    parser.add_argument(
        "--misses", action="store_true", help="list the misses (tuned sets and judge sets)"
    )
    parser.add_argument(
        "--tuned-only", action="store_true", help="skip the blind sets (do not even read them)"
    )
    arguments = parser.parse_args()
    cases = load_tuned_cases()
    kb = load_knowledge(ROOT / "knowledge")
    semantic = None if arguments.lexical else semantic_index(kb, ROOT / "var" / "embeddings.npz")
    print(f"search: {'lexical alone' if semantic is None else 'lexical + semantic second opinion'}")
    answerer = Answerer(kb, semantic)
    report_quality(
        "tuned sets (tests/kb_eval/*.toml but the validation sets)", quality(answerer, cases)
    )
    for name in sorted(VALIDATION):
        report_quality(
            f"validation set (tests/kb_eval/{name})", quality(answerer, load_set(FOLDER / name))
        )
    if arguments.per_set:
        for path in sorted(FOLDER.glob("*.toml")):
            report_quality(f"  {path.name}", quality(answerer, load_set(path)))
    if not arguments.tuned_only:
        for name, folder in BLIND_SETS.items():
            if blind := load_cases(folder):  # a tuner's checkout may leave a set out
                where = folder.relative_to(ROOT)
                report_quality(f"{name} ({where}/)", quality(answerer, blind))
    if arguments.misses:
        for path in sorted(FOLDER.glob("*.toml")):
            if path.name not in VALIDATION:  # validated on in aggregate only
                report_misses(path.name, answerer, load_set(path))
        if not arguments.tuned_only:
            for name, folder in OPEN_JUDGES.items():
                report_misses(name, answerer, load_cases(folder))
    if arguments.quality or arguments.misses:
        return
    size = arguments.synthetic
    for name, base in (("real knowledge base", kb), (f"synthetic {size}", synthetic(kb, size))):
        started = time.perf_counter()
        shown, ranked = ours(base)
        built = time.perf_counter() - started
        report(
            f"{name} ({len(base)} entries, index built in {built:.1f} s)",
            cases,
            run(bm25_baseline(base), cases),
            run(shown, cases, rank=ranked),
        )


if __name__ == "__main__":
    main()
