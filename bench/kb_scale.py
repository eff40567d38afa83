"""The knowledge base's lexical stage at 10,000 entries, against the pure-Python scorer it
replaced, in the same run; then the bot's start-up with warm caches.

The synthetic knowledge base is bench/faq.py's: the real entries hidden among generated ones
made of the real vocabulary, in three languages. Both indexes analyse the entries the same way
(`Document.of`); the baseline keeps the postings in Python dictionaries and scores a question
with a loop over them, as the search did before issue 15, while the index scores on a sparse
term-by-entry matrix. The index is built twice: analysing every entry, and from the analysis
cache a restart reads (a fresh `DocumentCache` reading the file the first build wrote).
"lexical" is `Index.search` (mending, scoring, the verdict): the questions
are those of the sets we tune on, used here only as a load. "same ranking" counts the questions
all three rank identically (entries and scores).

    PYTHONPATH=$PWD .venv/bin/python -m bench.kb_scale [--synthetic 10000] [--no-startup]
"""

import argparse
import math
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from bench.faq import ROOT, p95, synthetic
from bot.core.knowledge.analysed import DocumentCache
from bot.core.knowledge.files import load_knowledge
from bot.core.knowledge.model import KnowledgeBase
from bot.core.knowledge.search import BM25_B, BM25_K1, Hit, Index, QueryTerm, Result
from tests.kb_eval.cases import load_cases


class PurePythonIndex(Index):
    """The baseline: the search before issue 15, postings in dictionaries and a Python loop."""

    def _assemble(self) -> None:
        self.postings: dict[str, dict[str, float]] = defaultdict(dict)
        self.lengths = {document.entry_id: document.length for document in self.documents}
        for document in self.documents:
            for term, count in document.counts.items():
                self.postings[term][document.entry_id] = count
        self.average_length = sum(self.lengths.values()) / max(len(self.lengths), 1) or 1.0

    def knows(self, term: str) -> bool:
        return term in self.postings

    def idf(self, term: str) -> float:
        n = len(self.lengths)
        df = len(self.postings.get(term, ()))
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def _ranked(self, query: list[QueryTerm]) -> tuple[Hit, ...]:
        scores: dict[str, float] = defaultdict(float)
        explained: dict[str, float] = defaultdict(float)
        for variants, weight, certainty in query:
            best_for_doc: dict[str, float] = {}
            for term in variants:
                idf = self.idf(term)
                for entry_id, tf in self.postings.get(term, {}).items():
                    length = self.lengths[entry_id] / self.average_length
                    norm = BM25_K1 * (1 - BM25_B + BM25_B * length)
                    score = idf * tf * (BM25_K1 + 1) / (tf + norm)
                    best_for_doc[entry_id] = max(best_for_doc.get(entry_id, 0.0), score)
            for entry_id, score in best_for_doc.items():
                scores[entry_id] += score * certainty
                explained[entry_id] += weight * certainty
        total = sum(weight for _, weight, _ in query)
        ranked = sorted(scores, key=lambda e: scores[e], reverse=True)
        return tuple(Hit(e, scores[e], explained[e] / total) for e in ranked[:10])


def timed(build: Callable[[], Index]) -> tuple[Index, tuple[float, float]]:
    """The index, and the seconds its build took: wall-clock and this process's CPU time (on a
    machine others share, the CPU time is the steadier figure)."""
    started, cpu = time.perf_counter(), time.process_time()
    index = build()
    return index, (time.perf_counter() - started, time.process_time() - cpu)


def latencies(index: Index, questions: list[str]) -> tuple[list[float], list[Result]]:
    times, results = [], []
    for question in questions:
        started = time.perf_counter()
        results.append(index.search(question))
        times.append(time.perf_counter() - started)
    return times, results


def compare(kb: KnowledgeBase, questions: list[str], cache: Path) -> None:
    Index.build(kb)  # the stems are remembered: neither build pays for the first stemming
    baseline, baseline_build = timed(lambda: PurePythonIndex.build(kb))
    index, build = timed(lambda: Index.build(kb))
    DocumentCache(cache).documents(kb)  # what a first start writes
    cached, cached_build = timed(lambda: Index(DocumentCache(cache).documents(kb)))
    baseline_times, baseline_results = latencies(baseline, questions)
    times, results = latencies(index, questions)
    _, cached_results = latencies(cached, questions)
    same = sum(
        a == b == c for a, b, c in zip(baseline_results, results, cached_results, strict=True)
    )
    print(f"\n{len(kb)} entries, {len(questions)} questions")
    print(f"{'':28}{'build s':>9}{'(cpu s)':>9}{'median ms':>11}{'p95 ms':>9}")
    for label, built, measured in (
        ("pure-Python scorer (before)", baseline_build, baseline_times),
        ("sparse matrix (numpy)", build, times),
        ("… from the analysis cache", cached_build, times),
    ):
        print(
            f"{label:28}{built[0]:>9.2f}{built[1]:>9.2f}"
            f"{statistics.median(measured) * 1000:>11.2f}{p95(measured) * 1000:>9.2f}"
        )
    print(
        f"ratio matrix / pure Python: build (cpu) x{build[1] / baseline_build[1]:.2f}, median "
        f"x{statistics.median(times) / statistics.median(baseline_times):.2f}, p95 "
        f"x{p95(times) / p95(baseline_times):.2f}; same ranking: {same}/{len(questions)}; "
        f"build from the analysis cache / analysing (cpu) x{cached_build[1] / build[1]:.2f}"
    )


STARTUP = """
import sys, time
started = time.perf_counter()
from bot.clock import SystemClock
from bot.config import load_settings
from bot.app import build_application
from bot.services import build_services
settings = load_settings(semantic_search=sys.argv[1] == "semantic")
wiring = build_services(settings, SystemClock())
build_application(settings, wiring.services, token="1:bench")
ready = time.perf_counter() - started
# The peak of this process's own memory (ru_maxrss would count its parent's: Linux keeps it
# across fork and exec).
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(f"{ready:.2f} {int(peak.split()[1]) / 1024:.0f} {time.process_time():.2f}")
"""


WARM_UP = """
from bot.config import load_settings
from bot.core.knowledge.files import load_knowledge
from bot.embeddings import semantic_index
settings = load_settings()
semantic_index(load_knowledge(settings.knowledge_dir), settings.embeddings_cache)
"""


def startup() -> None:
    """The bot's start-up (imports, knowledge base, indexes, handlers) in a fresh process, on
    the lexical search alone and with the embeddings, their caches warm: the embeddings and
    the entries' analysis (var/kb-analysis.pickle, which the first start-up writes) are both
    built on first use, so a knowledge base changed since the last run would time that once."""
    print("\nstart-up in a fresh process (the embeddings and analysis caches warmed first)")
    run = [sys.executable, "-c", STARTUP]
    subprocess.run([sys.executable, "-c", WARM_UP], check=True, cwd=ROOT, capture_output=True)
    subprocess.run([*run, "lexical"], check=True, cwd=ROOT, capture_output=True)
    measured = {}
    for mode in ("lexical", "semantic"):
        out = subprocess.run([*run, mode], check=True, cwd=ROOT, capture_output=True, text=True)
        measured[mode] = [float(value) for value in out.stdout.split()]
        ready, rss, cpu = measured[mode]
        print(f"{mode:10} ready in {ready:.2f} s ({cpu:.2f} s cpu), max RSS {rss:.0f} MB")
    (lexical_time, lexical_rss, _), (semantic_time, semantic_rss, _) = measured.values()
    print(
        f"ratio semantic / lexical: start-up x{semantic_time / lexical_time:.2f}, "
        f"RSS x{semantic_rss / lexical_rss:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=10_000)
    parser.add_argument("--no-startup", action="store_true")
    arguments = parser.parse_args()
    questions = [case.question for case in load_cases()]
    kb = load_knowledge(ROOT / "knowledge")
    with tempfile.TemporaryDirectory() as folder:
        compare(kb, questions, Path(folder) / "real.pickle")
        compare(synthetic(kb, arguments.synthetic), questions, Path(folder) / "synthetic.pickle")
    if not arguments.no_startup:
        startup()


if __name__ == "__main__":
    main()
