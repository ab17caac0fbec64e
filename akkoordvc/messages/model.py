"""Messages of the document model: reading files, parsing XML, dates, finding clauses."""

MESSAGES = {
    "model.clause_unknown_close": {
        "nl": "artikel {query!r} staat niet in {where}; bedoelde u {close}? (alle artikelen: `akkoord show {where} --toc`)",
        "en": "clause {query!r} is not in {where}; did you mean {close}? (every clause: `akkoord show {where} --toc`)",
    },
    "model.clause_unknown": {
        "nl": "artikel {query!r} staat niet in {where}; zie alle artikelen met `akkoord show {where} --toc`",
        "en": "clause {query!r} is not in {where}; list every clause with `akkoord show {where} --toc`",
    },
    "model.clause_ambiguous": {
        "nl": "{query!r} past bij meer dan één artikel in {where}: {found}; geef het id",
        "en": "{query!r} matches more than one clause in {where}: {found}; give the id",
    },
    # a file in another format where XML is expected (model/xmlparse.py)
    "model.not_xml.word": {
        "nl": "{path} is een Word-document, geen XML; een kopie gemaakt met `akkoord export docx` en daarna bewerkt, "
        "stelt u voor met `akkoord amend propose --from-file {path}`; een nieuwe tekst slaat u op als platte tekst "
        "(.txt) en zet u om met `akkoord import text BESTAND.txt`",
        "en": "{path} is a Word document, not XML; a copy made with `akkoord export docx` and then edited is "
        "proposed with `akkoord amend propose --from-file {path}`; save a new text as plain text (.txt) and turn "
        "it into XML with `akkoord import text FILE.txt`",
    },
    "model.not_xml.odt": {
        "nl": "{path} is een OpenDocument-tekst (LibreOffice), geen XML; een kopie gemaakt met `akkoord export odt` "
        "en daarna bewerkt, stelt u voor met `akkoord amend propose --from-file {path}`; een nieuwe tekst slaat u "
        "op als platte tekst (.txt) en zet u om met `akkoord import text BESTAND.txt`",
        "en": "{path} is an OpenDocument text (LibreOffice), not XML; a copy made with `akkoord export odt` and then "
        "edited is proposed with `akkoord amend propose --from-file {path}`; save a new text as plain text (.txt) "
        "and turn it into XML with `akkoord import text FILE.txt`",
    },
    "model.not_xml.pdf": {
        "nl": "{path} is een PDF, geen XML; akkoord kan geen PDF lezen: vraag om de XML-tekst (akkoord.xml) of "
        "zet de tekst in een tekstbestand en gebruik `akkoord import text BESTAND.txt`",
        "en": "{path} is a PDF, not XML; akkoord cannot read PDF: ask for the XML text (akkoord.xml) or put the "
        "text in a text file and use `akkoord import text FILE.txt`",
    },
    "model.not_xml.text": {
        "nl": "{path} is platte tekst of Markdown, geen XML; een nieuwe tekst zet u om met `akkoord import text "
        "{path}`; een kopie gemaakt met `akkoord export md` stelt u voor met `akkoord amend propose --from-file "
        "{path}`",
        "en": "{path} is plain text or Markdown, not XML; turn a new text into XML with `akkoord import text "
        "{path}`; propose a copy made with `akkoord export md` with `akkoord amend propose --from-file {path}`",
    },
    # an unescaped & or < in XML
    "model.bare_ampersand": {
        "nl": "{where}: een losse & in de tekst; in XML schrijft u & als &amp; (regel: {line})",
        "en": "{where}: a bare & in the text; in XML write & as &amp; (line: {line})",
    },
    "model.bare_less_than": {
        "nl": "{where}: een < die geen element begint; in XML schrijft u < in tekst als &lt; (regel: {line})",
        "en": "{where}: a < that starts no element; in XML write < in text as &lt; (line: {line})",
    },
    # days (model/dates.py)
    "model.date_of": {"nl": "{what} {problem}", "en": "{what} {problem}"},
    "model.not_a_date": {
        "nl": "{text!r} is geen datum; schrijf JJJJ-MM-DD, zoals 2022-07-04",
        "en": "{text!r} is not a date; use YYYY-MM-DD, such as 2022-07-04",
    },
    "model.date_day_first": {
        "nl": "{text!r} is geen datum in de vorm JJJJ-MM-DD; bedoelde u {suggestion}?",
        "en": "{text!r} is not a date written YYYY-MM-DD; did you mean {suggestion}?",
    },
}
