"""Messages of `akkoord verify`, `akkoord endorsements` and `akkoord since`."""

MESSAGES = {
    "verify.help.verify": {
        "nl": "Controleer elke handtekening, de ondertekende teksten, elke keten en de ondertekende wijzigingen "
        "van het register.",
        "en": "Check every signature, the endorsed texts, every chain and the registry's signed records.",
    },
    "verify.help.verify.examples": {
        "nl": "Voorbeelden:\n\n\b\n  akkoord verify\n  akkoord verify --trust-anchor sha256:37281bcb...",
        "en": "Examples:\n\n\b\n  akkoord verify\n  akkoord verify --trust-anchor sha256:37281bcb...",
    },
    "verify.help.endorsements": {
        "nl": "Wie welke versie ondertekende: ondertekenaars × versies, met het besluit van het zittende college.",
        "en": "Who endorsed which version: signatories × versions, with the sitting college's decision.",
    },
    "verify.help.endorsements.examples": {
        "nl": "Voorbeelden:\n\n\b\n  akkoord endorsements\n  akkoord endorsements 2023 --json",
        "en": "Examples:\n\n\b\n  akkoord endorsements\n  akkoord endorsements 2023 --json",
    },
    "verify.help.since": {
        "nl": "Wat er veranderde van de versie die ondertekenaar SIGNATORY_ID het laatst ondertekende tot de "
        "huidige versie.",
        "en": "What changed from the version SIGNATORY_ID last endorsed to the current version.",
    },
    "verify.help.since.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord since huurders-zuidoost",
        "en": "Example:\n\n\b\n  akkoord since huurders-zuidoost",
    },
}
