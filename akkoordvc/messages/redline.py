"""Messages of `akkoord redline`."""

MESSAGES = {
    "redline.help.redline.opt.fmt": {
        "nl": "term: gekleurde tekst (of [-oud-]{{+nieuw+}} buiten een terminal); json: de wijzigingen als data; html: één losse webpagina; docx: Word met bijgehouden wijzigingen (vraagt -o); xml: beide teksten in één document, elke wijziging gemarkeerd, zonder verlies in beide richtingen (schemas/redline.md).",
        "en": "term: coloured text (or [-old-]{{+new+}} when not a terminal); json: the redline as data; html: one self-contained page; docx: Word with tracked changes (needs -o); xml: both texts in one document, every change marked, lossless both ways (schemas/redline.md).",
    },
    "redline.help.redline.opt.side_by_side": {
        "nl": "html: oude en nieuwe tekst in twee kolommen.",
        "en": "html: old and new text in two columns.",
    },
    "redline.help.redline.opt.author": {
        "nl": "docx: auteur van de bijgehouden wijzigingen (standaard: de indieners van een amendement ten opzichte van zijn basis, anders akkoordvc).",
        "en": "docx: author of the tracked changes (default: an amendment's proposers against its base, else akkoordvc).",
    },
    "redline.help.redline": {
        "nl": "Toon wat er veranderde van OLD naar NEW: twee versies, git-revisies, amend/ID of XML-bestanden.",
        "en": "Show what changed from OLD to NEW: two versions, git revisions, amend/ID or XML files.",
    },
    "redline.help.redline.examples": {
        "nl": "Voorbeelden:\n\n\b\n  akkoord redline 2019 2023\n  akkoord redline 2019 2023 --format html -o wijzigingen.html\n"
        "  akkoord redline 2019 2023 --format docx -o wijzigingen.docx",
        "en": "Examples:\n\n\b\n  akkoord redline 2019 2023\n  akkoord redline 2019 2023 --format html -o changes.html\n"
        "  akkoord redline 2019 2023 --format docx -o changes.docx",
    },
    "redline.invalid_text": {
        "nl": "de {side} tekst is geen geldige akkoordtekst (regel {line}: {problem}), en daardoor is het "
        "verschil niet betrouwbaar te tonen; controleer haar met `akkoord validate` en herstel haar",
        "en": "the {side} text is not a valid agreement text (line {line}: {problem}), so its difference "
        "cannot be shown reliably; check it with `akkoord validate` and correct it",
    },
    "redline.side.old": {"nl": "oude", "en": "old"},
    "redline.side.new": {"nl": "nieuwe", "en": "new"},
}
