"""Messages of `akkoord blame` and `akkoord history`."""

MESSAGES = {
    "provenance.help.blame": {
        "nl": "Per artikel van REF (standaard: de huidige tekst): de versie en het amendement die het het laatst "
        "wijzigden.",
        "en": "For each clause of REF (default: the current text): the version and amendment that last changed it.",
    },
    "provenance.help.blame.examples": {
        "nl": "Voorbeelden:\n\n\b\n  akkoord blame\n  akkoord blame 2023 --clause 13",
        "en": "Examples:\n\n\b\n  akkoord blame\n  akkoord blame 2023 --clause 13",
    },
    "provenance.help.blame.opt.clause_id": {
        "nl": "Alleen dit artikel: het id, het nummer (13, 'artikel 13') of een uniek begin van het id.",
        "en": "One clause only: its id, its number (13, 'artikel 13') or a unique start of its id.",
    },
    "provenance.help.history": {
        "nl": "Elke versie van één artikel, met het amendement dat het wijzigde en wat er veranderde.",
        "en": "Each version of a clause, with the amendment that changed it and its redline.",
    },
    "provenance.help.history.examples": {
        "nl": "Voorbeelden:\n\n\b\n  akkoord history --clause 46\n  akkoord history --clause resultaten-delen",
        "en": "Examples:\n\n\b\n  akkoord history --clause 46\n  akkoord history --clause resultaten-delen",
    },
    "provenance.help.history.opt.clause_id": {
        "nl": "Het artikel: het id, het nummer (13, 'artikel 13') of een uniek begin van het id.",
        "en": "The clause: its id, its number (13, 'artikel 13') or a unique start of its id.",
    },
}
