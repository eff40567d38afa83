"""Whether two versions of the knowledge base's index build the same index and search alike.

A change meant to make the build faster must not change what it builds: run this on the old
code to write what it builds, then on the new code to compare. It keeps, for the real
knowledge base and a synthetic one (bench/faq.py's), every entry's analysed document, the
kinds of fact each version's answer offers, the index's terms, rarities and scores, and the
result (verdict, entries, scores, coverage) of every question of the sets we tune on
(tests/kb_eval/*.toml), with the words found in each.

    PYTHONPATH=/path/to/old .venv/bin/python -m bench.kb_same write /tmp/before.pickle
    PYTHONPATH=$PWD .venv/bin/python -m bench.kb_same compare /tmp/before.pickle
"""

import argparse
import pickle
import sys
from pathlib import Path
from typing import Any

from bench.faq import ROOT, synthetic
from bot.core.knowledge.analysed import _stored
from bot.core.knowledge.files import load_knowledge
from bot.core.knowledge.offers import offered
from bot.core.knowledge.search import Index
from bot.core.knowledge.text import words
from tests.kb_eval.cases import load_cases

# Durations, concepts written with dashes, letters NFKD changes: what the analyser treats apart.
EXTRA = [
    "vervanging van 3 weken bijdrage",
    "remplacement de 5 mois, cotisation ?",
    "a 3-week locum: contribution",
    "meer dan 6 maanden procent",
    "1 tot 6 maanden, dertien weken, une semaine, 3 annees: bijdrage",
    "LOK-groep e-mail ŉ ǅ ℌallo straße\tø\n(LOK) 'GLEM'",
]


def built(size: int) -> dict[str, dict[str, Any]]:
    """What the index builds and finds, per knowledge base."""
    questions = [case.question for case in load_cases()] + EXTRA
    real = load_knowledge(ROOT / "knowledge")
    found = {}
    for name, kb in (("real", real), ("synthetic", synthetic(real, size))):
        index = Index.build(kb)
        found[name] = {
            "documents": [_stored(document) for document in index.documents],
            "kinds": [  # each version's own: a document keeps those of all its versions
                sorted(offered(entry.answer, entry.reviewed))
                for versions in kb.entries.values()
                for entry in versions.values()
            ],
            "terms": index._columns,
            "rarities": index._idf,
            "rows": index._rows.tolist(),
            "scores": index._scores.tolist(),
            "words": [words(question) for question in questions],
            "results": [index.search(question) for question in questions],
        }
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("write", "compare"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--synthetic", type=int, default=3000)
    arguments = parser.parse_args()
    now = built(arguments.synthetic)
    if arguments.action == "write":
        arguments.path.write_bytes(pickle.dumps(now))
        return
    before = pickle.loads(arguments.path.read_bytes())
    differ = [
        f"{kb} {part}" for kb in now for part in now[kb] if now[kb][part] != before[kb].get(part)
    ]
    for kb in now:
        print(f"{kb}: {len(now[kb]['documents'])} entries, {len(now[kb]['results'])} questions")
    print("same" if not differ else "DIFFERENT: " + ", ".join(differ))
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
