"""Synthetic agreements for the benchmark: N clauses in the akkoord vocabulary, and an edited copy.

`pair(n, seed)` returns (old_bytes, new_bytes, facts): two canonical agreement documents of `n`
clauses in chapters of about 20, each clause with a heading and one to four leden (para/p) of
Dutch-looking legal sentences (amounts, dates, article references, abbreviations, list items).
In the new version 20% of the clauses are edited (one to three small word edits each: a word
replaced, a phrase inserted or deleted, an amount or date changed) and 1% are moved to another
chapter, keeping their id (as a clause of an agreement does). `facts` says which.

Everything is drawn from `random.Random(seed)`: the same n and seed give the same bytes.
"""

from __future__ import annotations

import random

from lxml import etree

from akkoordvc.model import canonical

SUBJECTS = (
    "de huurder",
    "de verhuurder",
    "de gemeente",
    "het college",
    "partijen",
    "de stichting",
    "de ondernemer",
    "de aanvrager",
    "het bestuur",
    "de raad",
    "de contractant",
    "de opdrachtnemer",
    "Onze Minister",
    "de burgemeester",
    "de vergunninghouder",
    "de deelnemer",
)
VERBS = (
    "draagt zorg voor",
    "stelt vast",
    "verstrekt",
    "informeert de wederpartij over",
    "betaalt",
    "beoordeelt",
    "legt schriftelijk vast",
    "meldt onverwijld",
    "herziet jaarlijks",
    "publiceert",
    "neemt een besluit over",
    "verleent medewerking aan",
    "vergoedt",
    "evalueert",
)
OBJECTS = (
    "de kosten van het onderhoud",
    "de huurprijs",
    "het jaarverslag",
    "de aanvraag",
    "de subsidie",
    "de gegevens, bedoeld in het eerste lid",
    "de voorschriften en beperkingen",
    "het reglement",
    "de begroting voor het komende jaar",
    "de wijziging van de overeenkomst",
    "de zekerheidstelling",
    "het advies van de commissie",
    "de vergunning",
    "de bijdrage in de exploitatiekosten",
    "de stukken die op de aanvraag betrekking hebben",
    "de rapportage over de voortgang",
)
QUALIFIERS = (
    "binnen 14 dagen",
    "uiterlijk op 1 januari van elk jaar",
    "op grond van art. 7:201 BW",
    "met inachtneming van het bepaalde in het tweede lid",
    "voor zover dat redelijkerwijs kan worden gevergd",
    "tenzij partijen schriftelijk anders overeenkomen",
    "tegen een vergoeding van € 1.250,- per maand",
    "in overeenstemming met de Wet bevordering integriteitsbeoordelingen",
    "o.a. ten behoeve van de bewoners",
    "na overleg met de ondernemingsraad",
    "bij of krachtens deze overeenkomst",
    "op verzoek van de wederpartij",
    "in afwijking van artikel 3",
    "onder vermelding van het kenmerk",
    "met ingang van 2020-07-01",
    "t.b.v. de uitvoering van deze overeenkomst",
    "gedurende een periode van ten hoogste twee jaar",
)
OPENINGS = ("Indien", "Voor zover", "Zodra", "Nadat", "Tenzij")
CONDITIONS = (
    "de huurder tekortschiet in de nakoming van zijn verplichtingen",
    "de aanvraag onvolledig is",
    "het college daartoe besluit",
    "de overeenkomst wordt ontbonden",
    "er sprake is van overmacht",
    "de termijn, bedoeld in artikel 5, is verstreken",
    "de gegevens zodanig onjuist blijken dat een andere beslissing zou zijn genomen",
)
HEADINGS = (
    "Begripsbepalingen",
    "Doel van de overeenkomst",
    "Verplichtingen van partijen",
    "Betaling",
    "Duur en opzegging",
    "Geschillen",
    "Aansprakelijkheid",
    "Vertrouwelijkheid",
    "Evaluatie",
    "Wijziging",
    "Overmacht",
    "Toezicht",
    "Subsidieverlening",
    "Zeggenschap",
    "Financiering",
    "Overgangsbepaling",
    "Inwerkingtreding",
)
CHAPTERS = (
    "Algemene bepalingen",
    "Zeggenschap",
    "Routes naar eigenaarschap",
    "Cultuur",
    "Randvoorwaarden",
    "Financiering",
    "Samenwerking",
    "Slotbepalingen",
)
REPLACEMENTS = (
    ("huurder", "pachter"),
    ("verhuurder", "eigenaar"),
    ("14 dagen", "30 dagen"),
    ("€ 1.250,-", "€ 1.500,-"),
    ("tweede lid", "derde lid"),
    ("college", "dagelijks bestuur"),
    ("jaarlijks", "tweejaarlijks"),
    ("schriftelijk", "langs elektronische weg"),
    ("2020-07-01", "2021-01-01"),
    ("art. 7:201", "art. 7:202"),
    ("subsidie", "bijdrage"),
    ("gemeente", "provincie"),
    ("uiterlijk", "ten laatste"),
)
INSERTS = ("onverwijld", "zo nodig", "in ieder geval", "naar redelijkheid", "zo spoedig mogelijk", "mede")


def _sentence(rng: random.Random) -> str:
    core = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    if rng.random() < 0.6:
        core += f" {rng.choice(QUALIFIERS)}"
    if rng.random() < 0.3:
        core = f"{rng.choice(OPENINGS)} {rng.choice(CONDITIONS)}, {core}"
    else:
        core = core[0].upper() + core[1:]
    if rng.random() < 0.25:
        core += f", {rng.choice(QUALIFIERS)}"
    return core + "."


def _lid(rng: random.Random) -> list[str]:
    """The p texts of one lid: one or two sentences, sometimes a list of items after a colon."""
    text = " ".join(_sentence(rng) for _ in range(rng.randint(1, 2)))
    if rng.random() < 0.15:
        text = text[:-1] + ", in ieder geval met betrekking tot:"
        items = [f"{chr(97 + k)}. {rng.choice(OBJECTS)};" for k in range(rng.randint(2, 4))]
        items[-1] = items[-1][:-1] + "."
        return [text, *items]
    return [text]


def _clause(rng: random.Random, parent: etree._Element, index: int) -> None:
    clause = etree.SubElement(parent, "clause", {"id": f"c{index}", "num": str(index)})
    etree.SubElement(clause, "heading").text = rng.choice(HEADINGS)
    for lid in range(1, rng.randint(1, 4) + 1):
        para = etree.SubElement(clause, "para", {"num": str(lid)})
        for text in _lid(rng):
            etree.SubElement(para, "p").text = text


def _edit(rng: random.Random, text: str) -> str:
    """One small word edit of `text` (a replacement, an insertion or a deletion of a phrase)."""
    kind = rng.random()
    if kind < 0.5:
        candidates = [(a, b) for a, b in REPLACEMENTS if a in text]
        if candidates:
            a, b = rng.choice(candidates)
            at = text.find(a)
            return text[:at] + b + text[at + len(a) :]
    words = text.split(" ")
    if kind < 0.8 or len(words) < 6:
        k = rng.randrange(1, len(words))
        words.insert(k, rng.choice(INSERTS))
    else:
        k = rng.randrange(1, len(words) - 2)
        del words[k : k + rng.randint(1, 2)]
    return " ".join(words)


def build(n: int, seed: int = 1) -> etree._Element:
    rng = random.Random(seed)
    root = etree.Element("agreement", {"id": f"synth-{n}", "lang": "nl"})
    meta = etree.SubElement(root, "meta")
    etree.SubElement(meta, "title").text = f"Synthetisch akkoord van {n:,} artikelen".replace(",", ".")
    etree.SubElement(meta, "date", {"name": "signed", "value": "2020-07-01"})
    body = etree.SubElement(root, "body")
    chapters = max(1, round(n / 20))
    index = 0
    for c in range(chapters):
        division = etree.SubElement(body, "division", {"id": f"h{c + 1}", "kind": "chapter", "num": str(c + 1)})
        etree.SubElement(division, "heading").text = CHAPTERS[c % len(CHAPTERS)]
        count = n // chapters + (1 if c < n % chapters else 0)
        for _ in range(count):
            index += 1
            _clause(rng, division, index)
    return root


def pair(n: int, seed: int = 1, edited: float = 0.20, moved: float = 0.01) -> tuple[bytes, bytes, dict]:
    """(old, new, facts) for a synthetic agreement of `n` clauses (see the module docstring)."""
    old = build(n, seed)
    new = build(n, seed)
    rng = random.Random(seed * 7919 + n)
    clauses = list(new.iter("clause"))
    edit_ids = rng.sample(range(len(clauses)), round(edited * len(clauses)))
    for k in edit_ids:
        ps = list(clauses[k].iter("p"))
        for _ in range(rng.randint(1, 3)):
            p = rng.choice(ps)
            p.text = _edit(rng, p.text)
    divisions = list(new.iter("division"))
    move_ids = rng.sample(range(len(clauses)), max(1, round(moved * len(clauses))) if len(divisions) > 1 else 0)
    for k in move_ids:
        clause = clauses[k]
        home = clause.getparent()
        target = rng.choice([d for d in divisions if d is not home])
        siblings = target.findall("clause")
        target.insert(target.index(siblings[rng.randrange(len(siblings))]) if siblings else len(target), clause)
    facts = {
        "clauses": n,
        "edited": sorted(clauses[k].get("id") for k in edit_ids),
        "moved": sorted(clauses[k].get("id") for k in move_ids),
    }
    return canonical.to_bytes(old), canonical.to_bytes(new), facts
