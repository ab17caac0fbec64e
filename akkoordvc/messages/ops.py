"""Messages of the pure operations on texts (akkoordvc/ops/): amendment records that are not valid, operations
that do not fit a text, edits an amendment cannot express, and why an amendment conflicts with the current text."""

MESSAGES = {
    # amendment records (ops/amendments/record.py, families.py)
    "ops.unknown_status": {
        "nl": "onbekende status {status} van een amendement; gebruik een van {known}",
        "en": "unknown amendment status {status}; use one of {known}",
    },
    "ops.needs_title": {
        "nl": "een amendement heeft een titel nodig; geef die met --title",
        "en": "an amendment needs a title; give one with --title",
    },
    "ops.needs_proposer": {
        "nl": "een amendement heeft minstens één indiener nodig",
        "en": "an amendment needs at least one proposer",
    },
    "ops.needs_operation": {
        "nl": "een amendement heeft minstens één wijziging nodig; de bewerkte kopie is gelijk aan de basis",
        "en": "an amendment needs at least one operation; the edited copy equals its base",
    },
    "ops.no_id_yet": {"nl": "amendement {title} heeft nog geen kenmerk", "en": "amendment {title} has no id yet"},
    "ops.more": {"nl": " (en nog {count})", "en": " (and {count} more)"},
    "ops.what.amendment": {"nl": "amendement", "en": "amendment"},
    "ops.what.event": {"nl": "gebeurtenis van een amendement", "en": "amendment event"},
    "ops.not_valid": {
        "nl": "{source}:{line}: geen geldig {what}: {said}{more}; zie schemas/{schema}",
        "en": "{source}:{line}: not a valid {what}: {said}{more}; see schemas/{schema}",
    },
    "ops.not_valid_amendment": {
        "nl": "{source}:{line}: geen geldig amendement: {said}",
        "en": "{source}:{line}: not a valid amendment: {said}",
    },
    "ops.element_needs_attribute": {
        "nl": "<{tag}> heeft het attribuut {name} nodig",
        "en": "<{tag}> needs the attribute {name}",
    },
    "ops.after_or_before": {
        "nl": "<{tag}> mag after of before noemen, niet allebei",
        "en": "<{tag}> may name after or before, not both",
    },
    "ops.clause_or_division_attribute": {
        "nl": "<{tag}> heeft precies één van de attributen clause en division nodig",
        "en": "<{tag}> needs exactly one of the attributes clause and division",
    },
    "ops.split_keeps_id": {
        "nl": "het eerste deel van een splitsing houdt het kenmerk {id} van het artikel",
        "en": "the first part of a split keeps the clause's id {id}",
    },
    "ops.merge_keeps_id": {
        "nl": "het samengevoegde artikel houdt het kenmerk {id}",
        "en": "the merged clause keeps the id {id}",
    },
    "ops.unknown_operation": {"nl": "onbekende wijziging <{tag}>", "en": "unknown operation <{tag}>"},
    "ops.needs_attribute": {
        "nl": "{source}:{line}: <{tag}> heeft het attribuut {name} nodig",
        "en": "{source}:{line}: <{tag}> needs the attribute {name}",
    },
    "ops.needs_child": {
        "nl": "{source}:{line}: <{tag}> heeft een <{child}> nodig",
        "en": "{source}:{line}: <{tag}> needs a <{child}>",
    },
    "ops.wrong_root": {
        "nl": "{source}: het hoofdelement is <{tag}>, verwacht is <{expected}>{advice}",
        "en": "{source}: root element is <{tag}>, expected <{expected}>{advice}",
    },
    "ops.use_from_file": {
        "nl": "; geef een bewerkte kopie van de tekst met --from-file",
        "en": "; to propose an edited copy of the text use --from-file",
    },
    "ops.see": {"nl": "; zie schemas/{schema}", "en": "; see schemas/{schema}"},
    "ops.names_absent": {
        "nl": "{source}: het amendement noemt {what}, maar dat bestaat niet in de basis",
        "en": "{source}: the amendment names {what}, which does not exist in its base",
    },
    "ops.base_mismatch": {
        "nl": "{source}: de base-sha256 van {what} past niet bij de basistekst; het amendement is opgesteld "
        "tegen een andere tekst, of met de hand bewerkt",
        "en": "{source}: the base-sha256 of {what} does not match its base text; the amendment was drafted "
        "against another text, or edited by hand",
    },
    "ops.operation_failed": {
        "nl": "{source}: wijziging {number} ({operation}): {said}",
        "en": "{source}: operation {number} ({operation}): {said}",
    },
    "ops.amended_invalid": {
        "nl": "{source}: de gewijzigde tekst zou niet geldig zijn: {said}",
        "en": "{source}: the amended text would not be valid: {said}",
    },
    # operations on a text (ops/amendments/tree.py, patch.py, edits.py, structure.py, nodes.py)
    "ops.clause_or_division": {"nl": "artikel of onderdeel", "en": "clause or division"},
    "ops.where.division": {"nl": "onderdeel {id}", "en": "division {id}"},
    "ops.where.body": {"nl": "de hoofdtekst", "en": "the body"},
    "ops.node_absent": {"nl": "{kind} {id} bestaat niet in de tekst", "en": "{kind} {id} does not exist in the text"},
    "ops.node_other_kind": {"nl": "{id} is een {found}, geen {kind}", "en": "{id} is a {found}, not a {kind}"},
    "ops.no_body": {"nl": "de tekst heeft geen hoofdtekst", "en": "the text has no body"},
    "ops.no_meta": {"nl": "de tekst heeft geen metagegevens", "en": "the text has no metadata"},
    "ops.id_taken": {"nl": "kenmerk {id} wordt al gebruikt in de tekst", "en": "id {id} is already used in the text"},
    "ops.inside_itself": {
        "nl": "onderdeel {id} kan niet in zichzelf worden geplaatst",
        "en": "division {id} cannot be placed inside itself",
    },
    "ops.next_to_itself": {
        "nl": "{id} kan niet naast zichzelf worden geplaatst",
        "en": "{id} cannot be placed next to itself",
    },
    "ops.anchor_moved": {
        "nl": "{kind} {id} staat niet in {where} (het is verplaatst)",
        "en": "{kind} {id} is not in {where} (it was moved)",
    },
    "ops.not_inside": {"nl": "{id} staat niet in de tekst", "en": "{id} is not inside the text"},
    "ops.division_not_empty": {
        "nl": "onderdeel {id} bevat nog {kind} {held}; verplaats of verwijder eerst wat het bevat",
        "en": "division {id} still holds {kind} {held}; move or delete what it holds first",
    },
    "ops.target.meta": {"nl": "de metagegevens", "en": "the metadata"},
    "ops.target.preamble": {"nl": "de aanhef", "en": "the preamble"},
    "ops.target.node": {"nl": "{kind} {id}", "en": "{kind} {id}"},
    "ops.target_absent": {"nl": "{what} bestaat niet in de tekst", "en": "{what} does not exist in the text"},
    "ops.stale": {
        "nl": "{what} is veranderd sinds de basis van het amendement (verwacht sha256 {expected}, gevonden {found})",
        "en": "{what} has changed since the amendment's base (expected sha256 {expected}, found {found})",
    },
    # an edited copy compared with its base (ops/amendments/derivation.py)
    "ops.id_twice": {
        "nl": "kenmerk {id} komt twee keer voor in één tekst; elk artikel en onderdeel heeft een eigen kenmerk nodig",
        "en": "id {id} is used twice in one text; every clause and division id must be unique",
    },
    "ops.not_agreements": {
        "nl": "beide teksten moeten akkoorden zijn (hoofdelement <{root}>)",
        "en": "both texts must be agreements (root <{root}>)",
    },
    "ops.own_id_changed": {
        "nl": "de bewerkte kopie verandert het kenmerk of de taal van het akkoord zelf; een amendement verandert "
        "alleen artikelen, metagegevens en de indeling (leg zo'n wijziging vast met `akkoord commit`)",
        "en": "the edited copy changes the agreement's own id or language; an amendment changes clauses, "
        "metadata and structure only (record such a change with `akkoord commit`)",
    },
    "ops.kind_changed": {
        "nl": "kenmerk {id} is een {base} in de basis maar een {edited} in de bewerkte kopie; geef het nieuwe "
        "element een eigen kenmerk",
        "en": "id {id} is a {base} in the base but a {edited} in the edited copy; give the new element an id of "
        "its own",
    },
    "ops.needs_meta": {
        "nl": "een akkoord moet in beide teksten metagegevens (<meta>) hebben",
        "en": "an agreement must have metadata (<meta>) in both texts",
    },
    "ops.needs_body": {
        "nl": "een akkoord moet in beide teksten een hoofdtekst hebben",
        "en": "an agreement must have a body in both texts",
    },
    "ops.inexpressible": {
        "nl": "de bewerkte kopie verschilt van de basis op een manier die wijzigingen van artikelen niet kunnen "
        "uitdrukken; houd de opbouw van het akkoord aan (meta, aanhef, hoofdtekst met onderdelen en artikelen) "
        "en probeer het opnieuw",
        "en": "the edited copy differs from the base in a way clause operations cannot express; "
        "keep the agreement's structure (meta, preamble, body of divisions and clauses) and retry",
    },
    # why an amendment conflicts with the current text (ops/amendments/threeway.py, blockmerge.py)
    "ops.deleted_since": {
        "nl": "{what} is verwijderd sinds de basis van het amendement",
        "en": "{what} was deleted since the amendment's base",
    },
    "ops.moved_since": {
        "nl": "{what} is elders neergezet sinds de basis van het amendement",
        "en": "{what} was moved elsewhere since the amendment's base",
    },
    "ops.changed_since": {
        "nl": "{what} is veranderd sinds de basis van het amendement",
        "en": "{what} was changed since the amendment's base",
    },
    "ops.id_used": {
        "nl": "kenmerk {id} wordt al gebruikt in de huidige tekst",
        "en": "id {id} is already used in the current text",
    },
    "ops.partly_there": {
        "nl": "de huidige tekst heeft een deel van deze wijziging al",
        "en": "the current text already has part of this change",
    },
    "ops.cannot_apply": {"nl": "niet toe te passen: {said}", "en": "cannot apply: {said}"},
    "ops.merged_invalid": {
        "nl": "de samengevoegde tekst zou niet geldig zijn: {said}",
        "en": "the merged text would not be valid: {said}",
    },
    "ops.more_blocks": {"nl": " (en nog {count} blok(ken))", "en": " (and {count} more block(s))"},
    "ops.reason_more": {"nl": "{reason}{more}", "en": "{reason}{more}"},
    "ops.block_conflict": {"nl": "{where} {reason}", "en": "{where} {reason}"},
    "ops.both_changed": {
        "nl": "is zowel in de huidige tekst als door het amendement veranderd",
        "en": "was changed both in the current text and by the amendment",
    },
    "ops.both_changed_values": {
        "nl": "is zowel in de huidige tekst als door het amendement veranderd ({base}: {current} en {theirs})",
        "en": "was changed both in the current text and by the amendment ({base}: {current} and {theirs})",
    },
    "ops.blocks_moved": {
        "nl": "heeft aan de ene kant verplaatste blokken die de andere kant veranderde: welk blok welk is, is niet "
        "eenduidig, dus hier is niets samengevoegd",
        "en": "had blocks moved on one side while the other side changed them: which block is which is ambiguous, "
        "so nothing is merged here",
    },
    "ops.blocks_renumbered": {
        "nl": "heeft aan de ene kant vernummerde blokken terwijl de andere kant blokken toevoegde, verwijderde of "
        "vernummerde",
        "en": "had blocks renumbered on one side while the other side added, removed or renumbered blocks",
    },
    "ops.renumbered_and_changed": {
        "nl": "is aan de ene kant vernummerd en aan de andere kant veranderd",
        "en": "was renumbered on one side and changed on the other",
    },
    "ops.same_number": {
        "nl": "zou twee blokken met nummer {num} bevatten: beide kanten gaven een blok dat nummer",
        "en": "would hold two blocks numbered {num}: both sides numbered a block so",
    },
    "ops.attribute.number": {"nl": "het nummer", "en": "the number"},
    "ops.attribute.kind": {"nl": "de soort", "en": "the kind"},
    "ops.attribute": {"nl": "het attribuut {name}", "en": "the attribute {name}"},
    "ops.attribute_of": {"nl": "{what} van {tag}", "en": "{what} of the {tag}"},
    "ops.text_of": {"nl": "de tekst van {tag}", "en": "the text of the {tag}"},
    "ops.blocks_after": {"nl": "de blokken na {name}", "en": "the blocks after {name}"},
    "ops.blocks_at_start": {"nl": "de blokken aan het begin", "en": "the blocks at the start"},
    "ops.block.paragraph": {"nl": "alinea", "en": "paragraph"},
    "ops.block.heading": {"nl": "kop", "en": "heading"},
    "ops.block.counted": {"nl": "{word} {count}", "en": "{word} {count}"},
    "ops.block.within": {"nl": "{where}, {name}", "en": "{where}, {name}"},
    # the redline's own promises (ops/align.py)
    "ops.redline_hid_change": {
        "nl": "de redline vond geen wijziging in {what}, maar de tekst verschilt; meld dit alstublieft",
        "en": "the redline found no change in {what}, but its text differs; please report this",
    },
    "ops.redline_empty": {
        "nl": "de redline van twee verschillende teksten bleef leeg: een verschil zou niet worden getoond; meld "
        "dit alstublieft",
        "en": "the redline of two different texts came out empty: a difference would not be shown; please report this",
    },
}
