"""Abbreviations whose full stop ends no sentence ("Gen.", "U.S.", "Sept."): one list for the
sentence splitter, the title made from an article's first sentence, and the names of people.
"""

from __future__ import annotations

from briefing_app.core.dates import MONTH_ABBREVIATIONS

# As written, without the final full stop. The sentence splitter and the title match them in
# any case; a name takes them only as written here ("Gen." but not "GEN." or "est."). Initials
# ("J.") and runs of them ("J.T.") are abbreviations too, recognised by their shape.
ABBREVIATIONS: frozenset[str] = frozenset(
    # titles and ranks
    """Mr Mrs Ms Dr Prof Sen Rep Gov Pres Amb Rev Hon Gen Lt Col Maj Capt Cpt Sgt Sgt.Maj Msgt
    Cpl Pvt Pfc Spc Adm Cmdr Cdr Brig Jr Sr St Ft Mt
    Inc Ltd Co Corp Bros Dept Govt Vol
    U.S U.K U.N E.U
    no vs etc approx est fig op""".split()
    + list(MONTH_ABBREVIATIONS)
)
_LOWER = frozenset(word.lower() for word in ABBREVIATIONS)
# The United States' states as newspapers abbreviate them ("FORT CAMPBELL, Ky."). Apart from
# ABBREVIATIONS because several are also words that end sentences ("ill.", "miss.", "wash."):
# they count only when capitalised, in names.
STATE_ABBREVIATIONS: frozenset[str] = frozenset(
    """Ky Va Ga Fla Ala Ariz Ark Calif Colo Conn Del Ill Ind Kan Md Mass Mich Minn Miss Mo Mont
    Neb Nev Okla Ore Pa Tenn Tex Wash Wis Wyo""".split()
)


def is_abbreviation(word: str) -> bool:
    """Whether `word`, with or without its final full stop and in any case, is in ABBREVIATIONS
    ("Gen.", "u.s", "SEPT")."""
    return word.lower().removesuffix(".") in _LOWER


def is_name_abbreviation(token: str) -> bool:
    """Whether `token` ("Gen.", "Ky.") is an abbreviation as a name writes it, full stop included."""
    word = token.removesuffix(".")
    return word != token and (word in ABBREVIATIONS or word in STATE_ABBREVIATIONS)
