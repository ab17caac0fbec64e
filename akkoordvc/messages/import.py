"""Messages of `akkoord import`."""

MESSAGES = {
    "import.help.import": {
        "nl": "Zet een tekst in een ander formaat om in een akkoordtekst (canonieke XML).",
        "en": "Import a text from another format as an agreement document (canonical XML).",
    },
    "import.help.import.examples": {
        "nl": "Voorbeelden:\n\n\b\n  akkoord import text akkoord.md -o akkoord.xml\n"
        "  akkoord import bwb BWBR0005416_2022-01-01_0.xml -o gemeentewet.xml",
        "en": "Examples:\n\n\b\n  akkoord import text agreement.md -o akkoord.xml\n"
        "  akkoord import bwb BWBR0005416_2022-01-01_0.xml -o gemeentewet.xml",
    },
    "import.help.import.bwb": {
        "nl": "Zet FILE om, een Nederlandse wet in BWB-XML ('toestand') zoals wetten.overheid.nl die publiceert.\n\n"
        "Elk artikel wordt een artikel met een id uit het label-id van BWB, zodat hetzelfde artikel in elke "
        "versie van de wet hetzelfde id heeft.",
        "en": 'Import FILE, a Dutch law in BWB "toestand" XML as published by wetten.overheid.nl.\n\n'
        "Every artikel becomes a clause whose id comes from the article's BWB label-id, so the same article "
        "has the same id in every version of the law.",
    },
    "import.help.import.bwb.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord import bwb BWBR0005416_2022-01-01_0.xml -o gemeentewet.xml",
        "en": "Example:\n\n\b\n  akkoord import bwb BWBR0005416_2022-01-01_0.xml -o gemeentewet.xml",
    },
    "import.help.import.text": {
        "nl": "Zet FILE om, een akkoord in platte tekst of Markdown met genummerde koppen "
        '("Artikel 3", "3.", "## 2.1 ...").',
        "en": 'Import FILE, a plain-text or Markdown agreement with numbered headings ("Artikel 3", "3.", '
        '"## 2.1 ...").',
    },
    "import.help.import.text.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord import text akkoord.md --title 'Maatschappelijk akkoord' -o akkoord.xml",
        "en": "Example:\n\n\b\n  akkoord import text agreement.md --title 'Civic agreement' --lang en -o akkoord.xml",
    },
    "import.help.import.text.opt.doc_id": {
        "nl": "Id van het document (standaard: uit de bestandsnaam).",
        "en": "Document id (default: from the file name).",
    },
    "import.help.import.text.opt.title": {
        "nl": "Titel (standaard: de eerste kop '# ', anders de bestandsnaam).",
        "en": "Title (default: the first '# ' heading, else the file name).",
    },
    "import.help.import.text.opt.lang": {"nl": "Taal van de tekst.", "en": "Language of the text."},
}
