"""Messages of `akkoord export` (a version as a document a drafter can edit)."""

MESSAGES = {
    "export.help.export": {
        "nl": "Exporteer een versie van de tekst als document om te bewerken: Word, OpenDocument of Markdown. "
        "Een bewerkte kopie wordt een voorstel met `akkoord amend propose --from-file BESTAND`.",
        "en": "Export a version of the text as a document to edit: Word, OpenDocument or Markdown. An edited "
        "copy becomes a proposal with `akkoord amend propose --from-file FILE`.",
    },
    "export.help.export.examples": {
        "nl": "Voorbeelden:\n\n\b\n  akkoord export docx 2023 -o akkoord-2023.docx\n  akkoord export md 2023 -o akkoord-2023.md",
        "en": "Examples:\n\n\b\n  akkoord export docx 2023 -o akkoord-2023.docx\n  akkoord export md 2023 -o akkoord-2023.md",
    },
    "export.help.export.docx": {
        "nl": "Een Word-document van REF, met de koppen in het navigatievenster van Word.",
        "en": "A Word document of REF, with its headings in Word's navigation pane.",
    },
    "export.help.export.docx.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord export docx 2023 -o akkoord-2023.docx",
        "en": "Example:\n\n\b\n  akkoord export docx 2023 -o akkoord-2023.docx",
    },
    "export.help.export.odt": {
        "nl": "Een OpenDocument-tekst van REF (via LibreOffice, dat geïnstalleerd moet zijn).",
        "en": "An OpenDocument text of REF (through LibreOffice, which must be installed).",
    },
    "export.help.export.odt.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord export odt 2023 -o akkoord-2023.odt",
        "en": "Example:\n\n\b\n  akkoord export odt 2023 -o akkoord-2023.odt",
    },
    "export.help.export.md": {
        "nl": "Een Markdown-tekst van REF: koppen met hun id als {{#id}}; houd die bij het bewerken staan.",
        "en": "A Markdown text of REF: headings with their ids as {{#id}}; keep them when you edit.",
    },
    "export.help.export.md.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord export md 2023 -o akkoord-2023.md",
        "en": "Example:\n\n\b\n  akkoord export md 2023 -o akkoord-2023.md",
    },
}
