"""The coordinator's lists of members on the large kring through `kringbot chat --size large`:
every person is found by typing part of their name, and nothing fails on the way."""

import json
from typing import Any

from bot.core.models import Role
from bot.demo import DEMO_PEOPLE
from bot.demo_large import kring_people
from tests.e2e.test_chat import kringbot_chat


def _colleagues() -> list[tuple[str, str]]:
    """(name, surname) of large-kring GPs whose surname nobody else has."""
    people = kring_people("large")
    surnames = [p.name.split()[-1] for p in people]
    return [
        (p.name, p.name.split()[-1])
        for p in people[len(DEMO_PEOPLE) :]
        if p.role is Role.GP and surnames.count(p.name.split()[-1]) == 1
    ]


def large_kring_script() -> str:
    """The coordinator acts for a member, sets an exemption, gives a shift, ticks attendance and
    adds a walk-in, each by typing part of a name; a stranger taps a member's button; members
    open their lists. `python -m tests.e2e.test_pickers_chat` prints it (to measure the largest
    keyboard and callback answer, see the README)."""
    (exempt, exempt_surname), (taker, taker_surname), (walk_in, walk_in_surname) = _colleagues()[:3]
    return f"""
@ann /cme
@ann [Antibiotica]
@eve [Inschrijven] @ann
@coord /roster
@coord [Vrijstellingen]
@coord [Volgende]
@coord [Vorige]
@coord {exempt_surname.lower()}
@coord [{exempt}]
@coord /roster
@coord [Namens een lid]
@coord bart jans
@coord [Bart Janssens]
@coord [1 geven aan]
@coord {taker_surname[:-1].upper()}
@coord [{taker}]
@coord /roster
@coord [Diensten per lid]
@coord /events
@coord [Webinar]
@coord [Inschrijvingen en aanwezigheden]
@coord [Volgende]
@coord /events
@coord [Antibiotica]
@coord [Inschrijvingen en aanwezigheden]
@coord ann cla
@coord [Ann Claes]
@coord [zonder inschrijving]
@coord {walk_in_surname}
@coord [{walk_in}]
@ann /shifts
@ann /swaps
@coord /approvals
@coord /swaps
@coord /members
@coord /inbox
@coord /broadcast
"""


def test_the_coordinator_does_everything_by_typing_part_of_a_name() -> None:
    """...and a stranger who taps a member's button (a passed-on message) is told it is not for
    them in the button's answer: no message to someone who never started the bot."""
    (exempt, _), (taker, _), (walk_in, _) = _colleagues()[:3]
    result = kringbot_chat(
        large_kring_script(), "--size", "large", "--start", "2026-12-01 09:00", "--json"
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr
    actions: list[dict[str, Any]] = [json.loads(line) for line in result.stdout.splitlines()]
    texts = [a["text"] or "" for a in actions]
    assert not any("referentie" in text or "werkt niet meer" in text for text in texts)
    assert all(sum(len(row) for row in a["buttons"]) <= 100 for a in actions)
    assert all(len(text) <= 4096 for text in texts)
    assert any(f"{exempt} – " in str(a["buttons"]) for a in actions)  # with their exemption
    assert any(taker in text and "dienst" in text for text in texts)  # the shift is given
    assert any("☑ Ann Claes" in str(a["buttons"]) for a in actions)
    assert any(f"{walk_in} staat als aanwezig genoteerd" in text for text in texts)
    [stranger] = [a for a in actions if a["to"] == "eve"]
    assert stranger["action"] == "callback_answer" and "iemand anders" in stranger["text"]


if __name__ == "__main__":
    print(large_kring_script())
