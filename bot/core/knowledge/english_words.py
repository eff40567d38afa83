"""Words expats ask in English where the entries say it otherwise. Same rules as concepts.py:
every variant becomes the concept term, the same in every language."""

ENGLISH_CONCEPTS: dict[str, tuple[str, ...]] = {
    # Required by law or by the rules: "is it obligatory that I take insurances", as expats
    # carry the Dutch "verplicht" and French "obligatoire" over; the entries say "mandatory"
    # or "compulsory"
    "MANDATORY": (
        "obligatory",
        "mandatory",
        "compulsory",
        "verplicht",
        "verplichte",
        "obligatoire",
        "obligatoires",
    ),
    # Size in English: "big meetings" are the entries' "large meetings"
    "LARGE": ("big", "bigger", "large", "larger"),
}
