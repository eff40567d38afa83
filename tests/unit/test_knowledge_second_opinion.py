"""The decision between answering, offering and declining a question the words declined, on
both searches' rankings as given (no model: bot/core/knowledge/second_opinion.py)."""

from bot.core.knowledge.search import Verdict
from bot.core.knowledge.second_opinion import SecondOpinion
from bot.core.knowledge.semantic import SemanticHit

RANKED = ["spearheads", "labour-plan", "internships"]  # the words' first three


def holds(entry_id: str) -> bool:
    return True


def decide(hits: list[SemanticHit], coverage: float, words: int) -> tuple[Verdict, tuple[str, ...]]:
    return SecondOpinion().decide(
        (Verdict.NONE, "spearheads", coverage), hits, holds, RANKED, words
    )


def test_an_agreement_the_meaning_ties_with_a_sibling_is_offered_not_answered() -> None:
    """Both searches put the spearheads first, close in meaning: answered, unless the labour
    plan (of the same topic) lies a hair behind it; then both are offered."""
    clear = [SemanticHit("spearheads", 2.25, 0.92), SemanticHit("labour-plan", 2.2, 0.9)]
    assert decide(clear, 0.6, 8) == (Verdict.CONFIDENT, ("spearheads",))
    tied = [SemanticHit("spearheads", 2.25, 0.92), SemanticHit("labour-plan", 2.245, 0.9)]
    verdict, ids = decide(tied, 0.6, 8)
    assert verdict is Verdict.CLOSE and ids[:2] == ("spearheads", "labour-plan")


def test_a_close_phrasing_the_meaning_ties_with_a_sibling_is_offered_not_answered() -> None:
    tied = [SemanticHit("spearheads", 2.2, 0.966), SemanticHit("labour-plan", 2.2, 0.925)]
    verdict, ids = decide(tied, 0.6, 8)
    assert verdict is Verdict.CLOSE and ids[:2] == ("spearheads", "labour-plan")


def test_a_long_question_both_agree_on_is_offered_below_the_similarity_to_answer_it() -> None:
    """A long question the words explain a fair share of, both searches putting the same entry
    first at 2.19 to 2.22: offered; a short one, or one further away, declined."""
    hits = [SemanticHit("spearheads", 2.2, 0.91), SemanticHit("training", 2.15, 0.9)]
    verdict, ids = decide(hits, 0.45, 14)
    assert verdict is Verdict.CLOSE and ids[0] == "spearheads"
    assert decide(hits, 0.45, 8) == (Verdict.NONE, ())
    far = [SemanticHit("spearheads", 2.18, 0.91), SemanticHit("training", 2.15, 0.9)]
    assert decide(far, 0.45, 14) == (Verdict.NONE, ())


def test_a_question_told_at_length_both_rank_two_entries_high_for_is_offered() -> None:
    """Neither agreeing on the first nor close in meaning, but sharing two of their first
    three: offered in a question of 22 words or more, declined in a shorter one."""
    hits = [
        SemanticHit("training", 2.15, 0.9),
        SemanticHit("labour-plan", 2.14, 0.9),
        SemanticHit("spearheads", 2.13, 0.9),
    ]
    verdict, ids = decide(hits, 0.3, 22)
    assert verdict is Verdict.CLOSE and {"labour-plan", "spearheads"} <= set(ids)
    assert decide(hits, 0.3, 21) == (Verdict.NONE, ())


def test_a_doubted_answer_both_rank_first_with_a_neighbour_in_common_is_offered() -> None:
    """A confident lexical answer the embeddings doubt, little explained by its words: offered
    where both searches rank it first and share another of their first three (an entry and a
    neighbour of its topic), declined where they meet on that entry alone (a near miss)."""
    hits = [SemanticHit("spearheads", 2.15, 0.9), SemanticHit("labour-plan", 2.1, 0.88)]
    opinion = SecondOpinion()
    assert opinion.offers_doubted("spearheads", 0.3, hits, 8, RANKED)
    lone = ["spearheads", "internships", "training"]
    assert not opinion.offers_doubted("spearheads", 0.3, hits, 8, lone)
