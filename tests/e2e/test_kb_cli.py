"""`kringbot ask` and `kringbot kb` as a person runs them."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def kringbot(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_ask_answers_one_json_object_per_stdin_line() -> None:
    result = kringbot(
        "ask", "--lang", "fr", stdin="Moet ik als vervanger in een LOK?\n\nweerbericht\n"
    )
    assert result.returncode == 0, result.stderr
    answered, declined = (json.loads(line) for line in result.stdout.splitlines())
    assert set(answered) == {
        "question",
        "answered",
        "entry_id",
        "answer",
        "source",
        "score",
        "alternatives",
    }
    assert answered["answered"] is True and answered["entry_id"] == "locum-lok-membership"
    assert "GLEM" in answered["answer"] and answered["source"]["revised"] == "2023-05-08"
    assert declined["answered"] is False and declined["entry_id"] is None


def test_ask_with_a_question_prints_the_answer_and_its_source() -> None:
    result = kringbot("ask", "Welke stempel gebruik ik als vervangarts?")
    assert result.returncode == 0
    assert "locum-stamp" in result.stdout and "2023-05-08" in result.stdout


def test_kb_lint_passes_on_the_knowledge_base() -> None:
    result = kringbot("kb", "lint")
    assert result.returncode == 0, result.stdout
    assert "0 problem(s)" in result.stderr


def test_kb_import_writes_drafts(tmp_path: Path) -> None:
    document = tmp_path / "faq.md"
    document.write_text("# Waar is de wachtpost?\nKerkstraat 1.\n", encoding="utf-8")
    out = tmp_path / "drafts.toml"
    result = kringbot("kb", "import", str(document), "--out", str(out))
    assert result.returncode == 0 and "1 draft entries" in result.stdout
    assert 'id = "kring-waar-is-de-wachtpost"' in out.read_text(encoding="utf-8")
