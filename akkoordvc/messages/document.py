"""Messages of the commands on documents: validate, fmt, show."""

MESSAGES = {
    "document.valid.one": {"nl": "OK: {count} bestand geldig", "en": "OK: {count} file valid"},
    "document.valid.many": {"nl": "OK: {count} bestanden geldig", "en": "OK: {count} files valid"},
    "document.canonical.one": {"nl": "OK: {count} bestand in canonieke vorm", "en": "OK: {count} file canonical"},
    "document.canonical.many": {
        "nl": "OK: {count} bestanden in canonieke vorm",
        "en": "OK: {count} files canonical",
    },
    "document.not_canonical": {
        "nl": "{path}: niet in canonieke vorm (maak het zo met `akkoord fmt {path}`)",
        "en": "{path}: not in canonical form (run `akkoord fmt {path}`)",
    },
    "document.formatted": {"nl": "{path} in canonieke vorm gezet", "en": "formatted {path}"},
    "document.not_agreement": {
        "nl": "{ref}: het hoofdelement is <{tag}>, niet <{expected}>; geef een akkoordtekst, een versie of een "
        "git-revisie (een wet in BWB-XML: eerst `akkoord import bwb FILE`)",
        "en": "{ref}: root element is <{tag}>, not <{expected}>; give an agreement text, a version label or a git "
        "revision (a BWB law file: `akkoord import bwb FILE` first)",
    },
    "document.toc_or_clause": {
        "nl": "geef --toc of --clause, niet allebei",
        "en": "give --toc or --clause, not both",
    },
    "document.toc_not_xml": {
        "nl": "--toc kan als tekst of als JSON (--format json), niet als XML",
        "en": "--toc is text or JSON (--format json), not XML",
    },
    "document.toc_title": {"nl": "{title} — inhoud van {ref}", "en": "{title} — contents of {ref}"},
    # help
    "document.help.validate": {
        "nl": "Controleer akkoordbestanden (FILES) tegen het schema en de extra regels.\n\n"
        "Elk probleem komt op een eigen regel: bestand:regel: wat er mis is.",
        "en": "Check agreement FILEs against the schema and the extra rules.\n\n"
        "Every problem is printed on a line of its own as file:line: message.",
    },
    "document.help.validate.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord validate ../voorstel.xml",
        "en": "Example:\n\n\b\n  akkoord validate ../voorstel.xml",
    },
    "document.help.fmt": {
        "nl": "Schrijf akkoordbestanden (FILES) in canonieke vorm: dezelfde inhoud, steeds dezelfde bytes.",
        "en": "Rewrite agreement FILEs in canonical form: the same content, always the same bytes.",
    },
    "document.help.fmt.examples": {
        "nl": "Voorbeelden:\n\n\b\n  akkoord fmt ../voorstel.xml\n  akkoord fmt --check akkoord.xml",
        "en": "Examples:\n\n\b\n  akkoord fmt ../voorstel.xml\n  akkoord fmt --check akkoord.xml",
    },
    "document.help.fmt.opt.check": {
        "nl": "Schrijf niets; eindig met code 1 als een bestand niet in canonieke vorm is.",
        "en": "Do not write; exit 1 when a file is not in canonical form.",
    },
    "document.help.show": {
        "nl": "Toon de tekst van REF, één artikel daarvan (--clause) of de inhoudsopgave (--toc).\n\n"
        "REF is een versie (2023), een git-revisie, 'working' (het bestand in de werkmap, de standaard), "
        "amend/ID (een amendement toegepast op zijn basis) of het pad van een XML-bestand.",
        "en": "Show the text of REF, one clause of it (--clause) or its table of contents (--toc).\n\n"
        "REF is a version label (2023), a git revision, 'working' (the file in the work tree, the default), "
        "amend/ID (an amendment applied to its base) or the path of an XML file.",
    },
    "document.help.show.examples": {
        "nl": "Voorbeelden:\n\n\b\n  akkoord show 2023 --toc\n  akkoord show 2023 --clause 13\n"
        "  akkoord show --clause 'artikel 46'\n  akkoord show 2019 --format json",
        "en": "Examples:\n\n\b\n  akkoord show 2023 --toc\n  akkoord show 2023 --clause 13\n"
        "  akkoord show --clause 'artikel 46'\n  akkoord show 2019 --format json",
    },
    "document.help.show.opt.clause_id": {
        "nl": "Toon alleen dit artikel: het vaste id (ma-akbanken), het nummer (13, 'artikel 13', 13a) of een "
        "uniek begin van het id.",
        "en": "Show one clause only: its permanent id (ma-akbanken), its number (13, 'artikel 13', 13a) or a "
        "unique start of its id.",
    },
    "document.help.show.opt.toc": {
        "nl": "Toon de inhoudsopgave: elk artikel met nummer, vast id en kop.",
        "en": "Show the table of contents: every clause with its number, permanent id and heading.",
    },
    "document.help.show.opt.fmt_": {
        "nl": "text: leesbare tekst; xml: de canonieke XML; json: de tekst als data.",
        "en": "text: readable text; xml: the canonical XML; json: the text as data.",
    },
}
