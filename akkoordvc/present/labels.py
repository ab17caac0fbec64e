"""The words a redline is rendered with, in the language of the document.

`labels(lang)` returns a fresh dict of label strings: Dutch when the document language is
Dutch ("nl", "nl-NL", "nl_BE", ...), English for every other language (and for none). Some
labels are `str.format` templates with named fields ({n}, {num}, {place}, {old}, {new},
{clauses}, {title}, {text}); the helpers below fill the common ones so every renderer (HTML,
DOCX, terminal) says the same thing the same way.
"""

from __future__ import annotations

from ..ops.redline import (
    ADDED,
    CHANGES,
    FORMATTING,
    MERGED,
    MODIFIED,
    MOVED,
    ORIGIN,
    REKEYED,
    REMOVED,
    RENUMBERED,
    SPLIT,
    UNCHANGED,
    ClauseChange,
    Element,
    PartChange,
    Side,
)

__all__ = [
    "DUTCH",
    "ENGLISH",
    "attribute_notes",
    "bcp47",
    "clause_notes",
    "clause_name",
    "count_phrase",
    "kind_label",
    "labels",
    "language",
    "new_place",
    "old_place",
    "side_name",
    "words_phrase",
]

DUTCH: dict[str, str] = {
    "lang": "nl",
    # page furniture
    "changes": "Wijzigingen",
    "changes_in": "Wijzigingen in {title}",
    "old_version": "Oude versie",
    "new_version": "Nieuwe versie",
    "text_hash": "tekst-SHA-256",
    "summary": "Overzicht",
    "contents": "Inhoud",
    "old_text": "Oude tekst",
    "new_text": "Nieuwe tekst",
    "clauses": "Artikelen",
    "legend": "Legenda",
    "legend_ins": "ingevoegde tekst",
    "legend_del": "verwijderde tekst",
    "skip_to_changes": "Naar de wijzigingen",
    "back_to_contents": "naar de inhoud",
    "no_changes": "Geen wijzigingen: beide versies hebben dezelfde tekst.",
    "generated_by": "Gemaakt met akkoordvc",
    "not_present": "(niet in deze versie)",
    "docx_note": (
        "De wijzigingen staan in dit document als bijgehouden wijzigingen: alle wijzigingen "
        "accepteren geeft de nieuwe tekst, alle wijzigingen weigeren de oude."
    ),
    # kinds of change
    ADDED: "toegevoegd",
    REMOVED: "verwijderd",
    MODIFIED: "gewijzigd",
    MOVED: "verplaatst",
    RENUMBERED: "hernummerd",
    SPLIT: "gesplitst",
    MERGED: "samengevoegd",
    FORMATTING: "opmaak gewijzigd",
    ORIGIN: "herkomst gewijzigd",
    REKEYED: "id gewijzigd",
    UNCHANGED: "ongewijzigd",
    # clauses and places
    "clause": "Artikel {num}",
    "clause_lc": "artikel {num}",
    "clause_plural_lc": "artikelen {nums}",
    "in_division": "in {division}",
    "top_level": "het begin van de tekst",
    "moved_from": "verplaatst van {place}",
    "moved_to": "verplaatst naar {place}",
    "moved_from_to": "verplaatst van {old} naar {new}",
    "old_position": "Hier stond {clause}",
    "old_place": "de oude plaats",
    "renumbered_from_to": "hernummerd van {old} naar {new}",
    "split_into": "gesplitst in {clauses}",
    "merged_from": "samengevoegd uit {clauses}",
    "heading_changed": "kop gewijzigd",
    "unchanged_n": "{n} ongewijzigde artikelen",
    "unchanged_1": "1 ongewijzigd artikel",
    # words
    "words_inserted": "{n} woorden ingevoegd",
    "word_inserted": "1 woord ingevoegd",
    "words_deleted": "{n} woorden verwijderd",
    "word_deleted": "1 woord verwijderd",
    # markers read out by screen readers (visually hidden)
    "sr_ins": "[ingevoegd: ",
    "sr_del": "[verwijderd: ",
    "sr_end": "]",
    # notes
    "bounded_note": (
        "Dit artikel is zeer lang: de woordvergelijking is begrensd. De getoonde wijzigingen "
        "kloppen, maar zijn mogelijk niet de kleinste."
    ),
    "invisible_note": "onzichtbare tekens zijn zichtbaar gemaakt, bijvoorbeeld ⟨NBSP⟩ voor een harde spatie",
    "invisible_changed": "let op, wijziging in onzichtbare tekens: {text}",
    # parts of the document outside the clauses
    "part_title": "Titel",
    "part_preamble": "Aanhef",
    "meta_short-title": "Korte titel",
    "meta_date": "Datum ({name})",
    "meta_property": "Gegeven ({name})",
    "meta_@id": "Kenmerk van de tekst",
    "meta_@lang": "Taal van de tekst",
    "meta_attribute": "Kenmerk {name}",
    "meta_other": "Gegeven {name}",
    "division_part": "Deel",
    "division_chapter": "Hoofdstuk",
    "division_title": "Titel",
    "division_section": "Afdeling",
    "division_paragraph": "Paragraaf",
    "division_subsection": "Subparagraaf",
    "division_annex": "Bijlage",
    "division_treaty": "Verdrag",
    "aspect_heading": "kop",
    "aspect_num": "nummer",
    "aspect_text": "tekst",
    "aspect_kind": "soort",
    "clause_article": "Artikel",
    "clause_annex": "Bijlage",
    "clause_closing": "Slotformulier",
    "clause_text": "Tekst",
    "other_parts_1": "1 ander onderdeel gewijzigd",
    "other_parts_n": "{n} andere onderdelen gewijzigd",
    # blocks
    "block_subheading": "ondertitel",
    "block_figure": "afbeelding",
    "block_origin": "herkomst",
    "block_list": "lijst",
    "block_table": "tabel",
    "block_row": "rij",
    "block_cell": "cel {n}",
    "block_empty": "(lege alinea)",
    "empty_value": "(leeg)",
    "block_attribute": "kenmerk {name}",
    "formatting_only": "alleen de opmaak is gewijzigd",
    "unchanged_blocks_1": "1 ongewijzigd onderdeel",
    "unchanged_blocks_n": "{n} ongewijzigde onderdelen",
    "was_division": "Hier stond {division}",
    # navigation
    "previous_change": "vorige wijziging",
    "next_change": "volgende wijziging",
    "show_all": "Alles uit- of inklappen",
    "keys_hint": "Toetsen: n of j naar de volgende wijziging, p of k naar de vorige.",
}

ENGLISH: dict[str, str] = {
    "lang": "en",
    "changes": "Changes",
    "changes_in": "Changes to {title}",
    "old_version": "Old version",
    "new_version": "New version",
    "text_hash": "text SHA-256",
    "summary": "Summary",
    "contents": "Contents",
    "old_text": "Old text",
    "new_text": "New text",
    "clauses": "Clauses",
    "legend": "Key",
    "legend_ins": "inserted text",
    "legend_del": "deleted text",
    "skip_to_changes": "Skip to the changes",
    "back_to_contents": "back to contents",
    "no_changes": "No changes: both versions have the same text.",
    "generated_by": "Made with akkoordvc",
    "not_present": "(not in this version)",
    "docx_note": (
        "The changes in this document are tracked changes: accepting all of them gives the new "
        "text, rejecting all of them the old one."
    ),
    ADDED: "added",
    REMOVED: "removed",
    MODIFIED: "modified",
    MOVED: "moved",
    RENUMBERED: "renumbered",
    SPLIT: "split",
    MERGED: "merged",
    FORMATTING: "formatting changed",
    ORIGIN: "origin changed",
    REKEYED: "id changed",
    UNCHANGED: "unchanged",
    "clause": "Article {num}",
    "clause_lc": "article {num}",
    "clause_plural_lc": "articles {nums}",
    "in_division": "in {division}",
    "top_level": "the start of the text",
    "moved_from": "moved from {place}",
    "moved_to": "moved to {place}",
    "moved_from_to": "moved from {old} to {new}",
    "old_position": "{clause} stood here",
    "old_place": "its old position",
    "renumbered_from_to": "renumbered from {old} to {new}",
    "split_into": "split into {clauses}",
    "merged_from": "merged from {clauses}",
    "heading_changed": "heading changed",
    "unchanged_n": "{n} unchanged clauses",
    "unchanged_1": "1 unchanged clause",
    "words_inserted": "{n} words inserted",
    "word_inserted": "1 word inserted",
    "words_deleted": "{n} words deleted",
    "word_deleted": "1 word deleted",
    "sr_ins": "[inserted: ",
    "sr_del": "[deleted: ",
    "sr_end": "]",
    "bounded_note": (
        "This clause is very long, so the word comparison was bounded: the changes shown are "
        "correct but may not be the smallest."
    ),
    "invisible_note": "invisible characters are shown by name, e.g. ⟨NBSP⟩ for a no-break space",
    "invisible_changed": "note, change in invisible characters: {text}",
    "part_title": "Title",
    "part_preamble": "Preamble",
    "meta_short-title": "Short title",
    "meta_date": "Date ({name})",
    "meta_property": "Property ({name})",
    "meta_@id": "Document id",
    "meta_@lang": "Document language",
    "meta_attribute": "Attribute {name}",
    "meta_other": "Item {name}",
    "division_part": "Part",
    "division_chapter": "Chapter",
    "division_title": "Title",
    "division_section": "Section",
    "division_paragraph": "Paragraph",
    "division_subsection": "Subsection",
    "division_annex": "Annex",
    "division_treaty": "Treaty",
    "aspect_heading": "heading",
    "aspect_num": "number",
    "aspect_text": "text",
    "aspect_kind": "kind",
    "clause_article": "Article",
    "clause_annex": "Annex",
    "clause_closing": "Closing formula",
    "clause_text": "Text",
    "other_parts_1": "1 other part changed",
    "other_parts_n": "{n} other parts changed",
    "block_subheading": "subheading",
    "block_figure": "figure",
    "block_origin": "origin",
    "block_list": "list",
    "block_table": "table",
    "block_row": "row",
    "block_cell": "cell {n}",
    "block_empty": "(empty paragraph)",
    "empty_value": "(empty)",
    "block_attribute": "attribute {name}",
    "formatting_only": "only the formatting changed",
    "unchanged_blocks_1": "1 unchanged block",
    "unchanged_blocks_n": "{n} unchanged blocks",
    "was_division": "{division} stood here",
    "previous_change": "previous change",
    "next_change": "next change",
    "show_all": "Unfold or fold everything",
    "keys_hint": "Keys: n or j for the next change, p or k for the previous one.",
}

assert DUTCH.keys() == ENGLISH.keys()
assert all(kind in DUTCH for kind in CHANGES)

_BY_LANGUAGE = {"nl": DUTCH, "en": ENGLISH}


def language(lang: str | None) -> str:
    """The label language for a document language tag: "nl" for Dutch, else "en"."""
    primary = (lang or "").strip().replace("_", "-").split("-")[0].lower()
    return primary if primary in _BY_LANGUAGE else "en"


def labels(lang: str | None) -> dict[str, str]:
    """A fresh dict of labels for a document in language `lang` (Dutch for nl, else English)."""
    return dict(_BY_LANGUAGE[language(lang)])


def bcp47(lang: str | None) -> str:
    """A region-qualified tag for word processors: "nl" -> "nl-NL", "en"/"" -> "en-GB"."""
    tag = (lang or "").strip().replace("_", "-")
    if not tag:
        return "en-GB"
    if "-" in tag:
        return tag
    return {"nl": "nl-NL", "en": "en-GB", "fy": "fy-NL", "de": "de-DE", "fr": "fr-FR"}.get(tag.lower(), tag)


def kind_label(lab: dict[str, str], kind: str) -> str:
    return lab.get(kind, kind)


def clause_name(lab: dict[str, str], num: str | None, heading: str | None = None, *, start: bool = True) -> str:
    """ "Artikel 5" (or "artikel 5" when not at the start of a sentence); the heading when
    there is no number; "" when there is neither."""
    if num:
        if num.lower().startswith("art"):  # already "Artikel 5" / "art. 5"
            return num
        return lab["clause" if start else "clause_lc"].format(num=num)
    return heading or ""


def clause_label(lab: dict[str, str], kind: str | None, num: str | None, *, start: bool = True) -> str:
    """How a clause is named, by its kind: an article "Artikel 5"; anything else by its own number
    as it stands ("Tabel I", "Slotformulier en ondertekening"), or the word for its kind."""
    if not kind or kind == "article":
        return clause_name(lab, num, start=start)
    if num:
        return num
    return lab.get(f"clause_{kind}", kind)


def clause_notes(lab: dict[str, str], change: ClauseChange) -> list[str]:
    """What changed in a clause's own attributes (on both sides): "soort: Artikel → Bijlage", and any
    other attribute but its id and number ("kenmerk kind: — → article")."""
    if change.old is None or change.new is None:
        return []
    found = []
    old_kind, new_kind = change.old_clause_kind or "article", change.clause_kind or "article"
    if old_kind != new_kind:
        old, new = (lab.get(f"clause_{k}", k) for k in (old_kind, new_kind))
        found.append(f"{lab['aspect_kind']}: {old} → {new}")
    shown = {"id", "num", "kind"} if old_kind != new_kind else {"id", "num"}
    return found + attribute_notes(lab, change.old, change.new, shown)


def attribute_notes(lab: dict[str, str], old: Element | None, new: Element | None, shown: set[str]) -> list[str]:
    """ "kenmerk NAME: old → new" for every attribute of an element that differs, but those in `shown`
    (which the redline shows otherwise: an id, a number)."""
    if old is None or new is None:
        return []
    found = []
    for name in sorted({*old.keys(), *new.keys()} - shown):
        old_value, new_value = old.get(name), new.get(name)
        if old_value != new_value:
            found.append(f"{lab['block_attribute'].format(name=name)}: {old_value or '—'} → {new_value or '—'}")
    return found


def change_label(lab: dict[str, str], change: ClauseChange, *, old: bool = False, start: bool = True) -> str:
    """The name of a `ClauseChange` on one side: its kind and number ("Artikel 5", "Tabel I")."""
    if old or not change.id:
        return clause_label(lab, change.old_clause_kind, change.old_num, start=start)
    return clause_label(lab, change.clause_kind, change.num, start=start)


def division_name(lab: dict[str, str], kind: str | None, num: str | None) -> str:
    """ "Hoofdstuk 3", "Bijlage A", "Verdrag" (the kind's word and the number)."""
    word = lab.get(f"division_{kind}", (kind or "").capitalize())
    return " ".join(x for x in (word, num) if x)


def part_name(lab: dict[str, str], part: PartChange) -> str:
    """How a part outside the clauses is named: "Titel", "Aanhef", "Korte titel", "Datum (signed)",
    "Hoofdstuk 3" ... (for a division, without its heading: see `part_aspects`)."""
    kind = part.kind
    if kind == "title":
        return lab["part_title"]
    if kind == "preamble":
        return lab["part_preamble"]
    if kind == "division":
        return division_name(lab, part.division_kind, part.num)
    ident = part.id or ""
    if ident in ("@id", "@lang"):
        return lab[f"meta_{ident}"]
    if ident.startswith("@"):
        return lab["meta_attribute"].format(name=ident[1:])
    tag, _, name = ident.partition(":")
    if tag == "short-title":
        return lab["meta_short-title"]
    if tag in ("date", "property") and name:
        return lab[f"meta_{tag}"].format(name=name)
    return lab["meta_other"].format(name=ident)


def part_aspects(lab: dict[str, str], part: PartChange) -> str:
    """What changed in a division, for its label: "kop", "nummer", "tekst" (comma-separated; "" when
    the whole division was added, removed or moved unchanged)."""
    if part.kind != "division" or part.change in ("added", "removed"):
        return ""
    aspects = []
    if part.old_text != part.new_text or any(b.kind == "heading" and b.changed for b in part.blocks):
        aspects.append(lab["aspect_heading"])
    if part.num != part.old_num:
        aspects.append(lab["aspect_num"])
    if part.division_kind != part.old_division_kind:
        aspects.append(lab["aspect_kind"])
    if any(b.changed for b in part.blocks if b.kind != "heading"):
        aspects.append(lab["aspect_text"])
    return ", ".join(aspects)


def count_phrase(lab: dict[str, str], n: int, one_key: str, many_key: str) -> str:
    return lab[one_key] if n == 1 else lab[many_key].format(n=n)


def words_phrase(lab: dict[str, str], inserted: int, deleted: int) -> str:
    """ "5 woorden ingevoegd, 1 woord verwijderd"; only the non-zero parts; "" when both are 0."""
    parts = []
    if inserted:
        parts.append(count_phrase(lab, inserted, "word_inserted", "words_inserted"))
    if deleted:
        parts.append(count_phrase(lab, deleted, "word_deleted", "words_deleted"))
    return ", ".join(parts)


def side_name(side: Side) -> str:
    """How a version is named: its label with the ref in brackets, or just the ref."""
    if side.label and side.label != side.ref:
        return f"{side.label} ({side.ref})" if side.ref else side.label
    return side.ref or side.label or ""


def old_place(lab: dict[str, str], clause: ClauseChange) -> str:
    """Where a moved clause came from: its old division when that differs, and its old number
    when that differs ("Hoofdstuk 2 Zeggenschap (artikel 6)")."""
    div = clause.old_division_label if clause.old_division_label != clause.division_label else ""
    name = (
        clause_name(lab, clause.old_num, start=False)
        if clause.old_num and (clause.old_num != clause.num or not div)
        else ""
    )
    if div and name:
        return f"{div} ({name})"
    return div or name or lab["old_place"]


def new_place(lab: dict[str, str], clause: ClauseChange) -> str:
    """Where a moved clause went: its new division when that differs, and its new number."""
    div = clause.division_label if clause.division_label != clause.old_division_label else ""
    name = clause_name(lab, clause.num, start=False) if clause.num else ""
    if div and name:
        return f"{div} ({name})"
    return div or name or clause.id or ""
