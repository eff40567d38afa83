"""The evaluation set: questions we wrote ourselves with the entry that answers them (or none,
for questions the knowledge base must decline). Files: tests/kb_eval/*.toml, the sets we tune on;
tests/kb_eval/held_out/ and the judge sets judge/ to judge53/, the blind sets bench/faq.py
reports each apart (`--tuned-only` does not even read them). Each judge set was written from the
seeds alone and labelled from the entries before the changes it judges were merged; its first run
is the figure that counts, and after it the set is open for tuning (`--misses` lists it) and the
next one judges. The held-out set and the judge sets not yet run are frozen: never tune on
them. The fifth to eighth were written side by side by four writers and judge the same changes
together (the figures of two earlier sets written alike differed by up to ten points); the
ninth and tenth, the round tuned on those four; the eleventh to thirteenth, round 7 (tuned on
all the earlier ones); the fourteenth to sixteenth, round 8; the seventeenth to
nineteenth, round 9; the twentieth to twenty-second, round 10; the twenty-third to
twenty-eighth, round 11; the twenty-ninth to thirty-first, round 12; the thirty-second to
thirty-seventh, round 13; the thirty-eighth to forty-third, round 14; the forty-fourth to
forty-eighth, round 15; the forty-ninth to fifty-third, round 16."""

import tomllib
from dataclasses import dataclass
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
HELD_OUT = FOLDER / "held_out"
JUDGE = FOLDER / "judge"  # first run at e77948e; tuned on since
JUDGE2 = FOLDER / "judge2"  # first run at 1d76501 (bench/profiles/kb_judge2_first_run.md)
JUDGE3 = FOLDER / "judge3"  # first run at dbfb9c1 (bench/profiles/kb_judge3_first_run.md)
JUDGE4 = FOLDER / "judge4"  # first run at 4dbe39a (kb_judge4_first_run.md); tuned on since
JUDGE5 = FOLDER / "judge5"  # first run at 91e2db4 (kb_judge5_to_8_first_run.md)
JUDGE6 = FOLDER / "judge6"  # first run at 91e2db4 (kb_judge5_to_8_first_run.md)
JUDGE7 = FOLDER / "judge7"  # first run at 91e2db4 (kb_judge5_to_8_first_run.md)
JUDGE8 = FOLDER / "judge8"  # first run at 91e2db4 (kb_judge5_to_8_first_run.md)
JUDGE9 = FOLDER / "judge9"  # first run at 8c47449 (kb_judge9_10_first_run.md)
JUDGE10 = FOLDER / "judge10"  # first run at 8c47449 (kb_judge9_10_first_run.md)
JUDGE11 = FOLDER / "judge11"  # first run at 06f8671 (kb_judge11_13_first_run.md)
JUDGE12 = FOLDER / "judge12"  # first run at 06f8671 (kb_judge11_13_first_run.md)
JUDGE13 = FOLDER / "judge13"  # first run at 06f8671 (kb_judge11_13_first_run.md)
JUDGE14 = FOLDER / "judge14"  # first run at 0f6ce57 (kb_judge14_16_first_run.md)
JUDGE15 = FOLDER / "judge15"  # first run at 0f6ce57 (kb_judge14_16_first_run.md)
JUDGE16 = FOLDER / "judge16"  # first run at 0f6ce57 (kb_judge14_16_first_run.md)
JUDGE17 = FOLDER / "judge17"  # first run at 9d6eb15 (kb_judge17_19_first_run.md)
JUDGE18 = FOLDER / "judge18"  # first run at 9d6eb15 (kb_judge17_19_first_run.md)
JUDGE19 = FOLDER / "judge19"  # first run at 9d6eb15 (kb_judge17_19_first_run.md)
JUDGE20 = FOLDER / "judge20"  # first run at 7bf6aab (kb_judge20_22_first_run.md)
JUDGE21 = FOLDER / "judge21"  # first run at 7bf6aab (kb_judge20_22_first_run.md)
JUDGE22 = FOLDER / "judge22"  # first run at 7bf6aab (kb_judge20_22_first_run.md)
JUDGE23 = FOLDER / "judge23"  # first run at cc65b19 (kb_judge23_28_first_run.md)
JUDGE24 = FOLDER / "judge24"  # first run at cc65b19 (kb_judge23_28_first_run.md)
JUDGE25 = FOLDER / "judge25"  # first run at cc65b19 (kb_judge23_28_first_run.md)
JUDGE26 = FOLDER / "judge26"  # first run at cc65b19 (kb_judge23_28_first_run.md)
JUDGE27 = FOLDER / "judge27"  # first run at cc65b19 (kb_judge23_28_first_run.md)
JUDGE28 = FOLDER / "judge28"  # first run at cc65b19 (kb_judge23_28_first_run.md)
JUDGE29 = FOLDER / "judge29"  # first run at 74e8bc6 (kb_judge29_31_first_run.md)
JUDGE30 = FOLDER / "judge30"  # first run at 74e8bc6 (kb_judge29_31_first_run.md)
JUDGE31 = FOLDER / "judge31"  # first run at 74e8bc6 (kb_judge29_31_first_run.md)
JUDGE32 = FOLDER / "judge32"  # first run at f03be62 (kb_judge32_37_first_run.md)
JUDGE33 = FOLDER / "judge33"  # first run at f03be62 (kb_judge32_37_first_run.md)
JUDGE34 = FOLDER / "judge34"  # first run at f03be62 (kb_judge32_37_first_run.md)
JUDGE35 = FOLDER / "judge35"  # first run at f03be62 (kb_judge32_37_first_run.md)
JUDGE36 = FOLDER / "judge36"  # first run at f03be62 (kb_judge32_37_first_run.md)
JUDGE37 = FOLDER / "judge37"  # first run at f03be62 (kb_judge32_37_first_run.md)
JUDGE38 = FOLDER / "judge38"  # first run at 7f99695 (kb_judge38_43_first_run.md)
JUDGE39 = FOLDER / "judge39"  # first run at 7f99695 (kb_judge38_43_first_run.md)
JUDGE40 = FOLDER / "judge40"  # first run at 7f99695 (kb_judge38_43_first_run.md)
JUDGE41 = FOLDER / "judge41"  # first run at 7f99695 (kb_judge38_43_first_run.md)
JUDGE42 = FOLDER / "judge42"  # first run at 7f99695 (kb_judge38_43_first_run.md)
JUDGE43 = FOLDER / "judge43"  # first run at 7f99695 (kb_judge38_43_first_run.md)
JUDGE44 = FOLDER / "judge44"  # first run at feef8ad (kb_judge44_48_first_run.md)
JUDGE45 = FOLDER / "judge45"  # first run at feef8ad (kb_judge44_48_first_run.md)
JUDGE46 = FOLDER / "judge46"  # first run at feef8ad (kb_judge44_48_first_run.md)
JUDGE47 = FOLDER / "judge47"  # first run at feef8ad (kb_judge44_48_first_run.md)
JUDGE48 = FOLDER / "judge48"  # first run at feef8ad (kb_judge44_48_first_run.md)
JUDGE49 = FOLDER / "judge49"  # first run at faf87b3 (kb_judge49_53_first_run.md)
JUDGE50 = FOLDER / "judge50"  # first run at faf87b3 (kb_judge49_53_first_run.md)
JUDGE51 = FOLDER / "judge51"  # first run at faf87b3 (kb_judge49_53_first_run.md)
JUDGE52 = FOLDER / "judge52"  # first run at faf87b3 (kb_judge49_53_first_run.md)
JUDGE53 = FOLDER / "judge53"  # first run at faf87b3 (kb_judge49_53_first_run.md)
BLIND_SETS = {
    "held-out set": HELD_OUT,
    "judge set": JUDGE,
    "second judge set": JUDGE2,
    "third judge set": JUDGE3,
    "fourth judge set": JUDGE4,
    "fifth judge set": JUDGE5,
    "sixth judge set": JUDGE6,
    "seventh judge set": JUDGE7,
    "eighth judge set": JUDGE8,
    "ninth judge set": JUDGE9,
    "tenth judge set": JUDGE10,
    "eleventh judge set": JUDGE11,
    "twelfth judge set": JUDGE12,
    "thirteenth judge set": JUDGE13,
    "fourteenth judge set": JUDGE14,
    "fifteenth judge set": JUDGE15,
    "sixteenth judge set": JUDGE16,
    "seventeenth judge set": JUDGE17,
    "eighteenth judge set": JUDGE18,
    "nineteenth judge set": JUDGE19,
    "twentieth judge set": JUDGE20,
    "twenty-first judge set": JUDGE21,
    "twenty-second judge set": JUDGE22,
    "twenty-third judge set": JUDGE23,
    "twenty-fourth judge set": JUDGE24,
    "twenty-fifth judge set": JUDGE25,
    "twenty-sixth judge set": JUDGE26,
    "twenty-seventh judge set": JUDGE27,
    "twenty-eighth judge set": JUDGE28,
    "twenty-ninth judge set": JUDGE29,
    "thirtieth judge set": JUDGE30,
    "thirty-first judge set": JUDGE31,
    "thirty-second judge set": JUDGE32,
    "thirty-third judge set": JUDGE33,
    "thirty-fourth judge set": JUDGE34,
    "thirty-fifth judge set": JUDGE35,
    "thirty-sixth judge set": JUDGE36,
    "thirty-seventh judge set": JUDGE37,
    "thirty-eighth judge set": JUDGE38,
    "thirty-ninth judge set": JUDGE39,
    "fortieth judge set": JUDGE40,
    "forty-first judge set": JUDGE41,
    "forty-second judge set": JUDGE42,
    "forty-third judge set": JUDGE43,
    "forty-fourth judge set": JUDGE44,
    "forty-fifth judge set": JUDGE45,
    "forty-sixth judge set": JUDGE46,
    "forty-seventh judge set": JUDGE47,
    "forty-eighth judge set": JUDGE48,
    "forty-ninth judge set": JUDGE49,
    "fiftieth judge set": JUDGE50,
    "fifty-first judge set": JUDGE51,
    "fifty-second judge set": JUDGE52,
    "fifty-third judge set": JUDGE53,
}
# The next judge sets, until their first run.
NOT_YET_RUN: frozenset[Path] = frozenset()
# The judge sets whose first run is reported: open for tuning since (`bench.faq --misses`).
OPEN_JUDGES = {
    name: folder for name, folder in BLIND_SETS.items() if folder not in {HELD_OUT, *NOT_YET_RUN}
}
# Sets written blind after the decision was tuned, to validate each change on questions it
# was not chosen on: bench/faq.py reports them; no test asserts a floor on them.
VALIDATION = frozenset({"blind3.toml"})


@dataclass(frozen=True)
class Case:
    question: str
    language: str
    expected: str | None  # entry id; None: out of scope, must be declined
    kind: str  # paraphrase, typo, short, colloquial, cross-language, out-of-scope …
    # Other entries the labeller found to hold the asked fact as well (the judge set's `also`).
    also: frozenset[str] = frozenset()

    def answered_by(self, entry: str | None) -> bool:
        return entry is not None and (entry == self.expected or entry in self.also)


def load_cases(folder: Path = FOLDER) -> list[Case]:
    return [case for path in sorted(folder.glob("*.toml")) for case in load_set(path)]


def load_tuned_cases() -> list[Case]:
    """The cases of the sets we tune on, without the validation sets."""
    return [
        case
        for path in sorted(FOLDER.glob("*.toml"))
        if path.name not in VALIDATION
        for case in load_set(path)
    ]


def load_set(path: Path) -> list[Case]:
    """The cases of one file."""
    with path.open("rb") as handle:
        return [
            Case(
                raw["q"],
                raw["lang"],
                None if raw["expect"] == "none" else raw["expect"],
                raw.get("kind", raw.get("style", "")),
                frozenset(raw.get("also", ())),
            )
            for raw in tomllib.load(handle)["cases"]
        ]
