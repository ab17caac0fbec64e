"""Finding a clause the way a person names it: the one lookup behind every ``--clause``.

A person may give the permanent id (``ma-akbanken``), the number shown in the text (``13``,
``13a``, ``artikel 13``, ``art. 13``), any unique start of an id (``ma-akb``) or the whole heading.
In that order: an exact id wins, then a number, then a prefix, then a heading. Anything else is refused with the closest
candidates ("bedoelde u …?"), found by `difflib.get_close_matches` over ids, numbers and headings.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from ..errors import AkkoordError
from ..messages import Message
from .document import Clause

#: words a person may put before a number: "artikel 13", "art. 13", "article 13", "§ 13"
_NUMBER_WORDS = re.compile(r"^(?:artikelen|artikel|articles?|art\.?|clause|§)\s*", re.IGNORECASE)
#: at most this many suggestions
SUGGESTIONS = 3
#: at most this many of the clauses an ambiguous query matches are named
SHOWN = 5


def _number(text: str) -> str:
    """A clause number as compared: without a leading word, spaces, a trailing full stop, and lowercase."""
    return re.sub(r"\s+", "", _NUMBER_WORDS.sub("", text.strip())).rstrip(".").lower()


def describe(clause: Clause) -> str:
    """A clause as a candidate is shown: ``ma-akbanken (13, Ma.akbanken als route naar uitvoering)``."""
    extra = ", ".join(part for part in (clause.num, clause.heading) if part)
    return f"{clause.id} ({extra})" if extra else clause.id


def find_clause(clauses: Sequence[Clause], query: str, where: str) -> Clause:
    """The clause among `clauses` that `query` names (see the module docstring), or one line saying it is not
    in `where` (e.g. "version 2023"), with the closest candidates, or that it names several."""
    wanted = query.strip()
    for clause in clauses:
        if clause.id == wanted:
            return clause
    number = _number(wanted)
    if number:
        numbered = [c for c in clauses if c.num and _number(c.num) == number]
        if len(numbered) == 1:
            return numbered[0]
        if numbered:
            raise _ambiguous(query, where, numbered)
    folded = wanted.lower()
    prefixed = [c for c in clauses if folded and c.id.lower().startswith(folded)]
    if len(prefixed) == 1:
        return prefixed[0]
    if prefixed:
        raise _ambiguous(query, where, prefixed)
    titled = [c for c in clauses if c.heading and c.heading.lower() == folded]
    if len(titled) == 1:
        return titled[0]
    raise unknown_clause(clauses, query, where)


def suggestions(clauses: Sequence[Clause], query: str) -> list[Clause]:
    """The clauses closest to `query` by id, number or heading, best first (at most `SUGGESTIONS`)."""
    keys: dict[str, Clause] = {}
    for clause in clauses:
        keys.setdefault(clause.id.lower(), clause)
        if clause.num:
            keys.setdefault(_number(clause.num), clause)
        if clause.heading:
            keys.setdefault(clause.heading.lower(), clause)
    found: list[Clause] = []
    for key in difflib.get_close_matches(query.strip().lower(), list(keys), n=SUGGESTIONS * 3, cutoff=0.6):
        clause = keys[key]
        if clause not in found:
            found.append(clause)
    if not found:
        number = _number(query)
        for key in difflib.get_close_matches(number, list(keys), n=SUGGESTIONS * 3, cutoff=0.6) if number else []:
            if keys[key] not in found:
                found.append(keys[key])
    return found[:SUGGESTIONS]


def unknown_clause(clauses: Sequence[Clause], query: str, where: str) -> AkkoordError:
    """The error for a clause `where` does not hold, with the closest candidates when there are any."""
    close = suggestions(clauses, query)
    if close:
        return AkkoordError(
            Message("model.clause_unknown_close", query=query, where=where, close="; ".join(map(describe, close)))
        )
    return AkkoordError(Message("model.clause_unknown", query=query, where=where))


def _ambiguous(query: str, where: str, found: list[Clause]) -> AkkoordError:
    shown = "; ".join(map(describe, found[:SHOWN])) + ("; …" if len(found) > SHOWN else "")
    return AkkoordError(Message("model.clause_ambiguous", query=query, where=where, found=shown))
