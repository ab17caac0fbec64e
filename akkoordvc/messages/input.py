"""Messages about a text and the files it is read from: reading a file, parsing XML, checking it against the
schema and akkoord's own rules, reading Word, Markdown and plain text, dates. (The area is `input`: a module
`messages/text.py` would hide the function `messages.text`.)"""

_ADVICE_SAVE_UTF8 = {"nl": "sla het op als UTF-8 en probeer het opnieuw", "en": "save it as UTF-8 and retry"}
_CANNOT_HOLD = {"nl": "dat kan een akkoordtekst niet bevatten", "en": "which an agreement text cannot hold"}

MESSAGES = {
    # a place in a file, for the messages below
    "input.at": {"nl": "{where}: {what}", "en": "{where}: {what}"},
    "input.where.line": {"nl": "regel {line}", "en": "line {line}"},
    "input.where.paragraph": {"nl": "alinea {number}", "en": "paragraph {number}"},
    "input.where.table": {"nl": "tabel bij alinea {number}", "en": "table at paragraph {number}"},
    "input.where.comment": {"nl": "een opmerking", "en": "a comment"},
    "input.where.front_matter": {"nl": "de eigenschappen bovenaan (front matter)", "en": "front matter"},
    # reading a file (model/reading.py)
    "input.read.too_large": {
        "nl": "{where}: het bestand is {size} bytes, meer dan de grens van {limit} bytes; {advice}",
        "en": "{where}: file is {size} bytes, over the limit of {limit} bytes; {advice}",
    },
    "input.read.missing": {"nl": "{where}: dit bestand bestaat niet; {hint}", "en": "{where}: no such file; {hint}"},
    "input.read.directory": {"nl": "{where}: is een map, geen {kind}", "en": "{where}: is a directory, not {kind}"},
    "input.read.denied": {
        "nl": "{where}: geen toegang; controleer de rechten van het bestand",
        "en": "{where}: permission denied; check the file's permissions",
    },
    "input.read.failed": {
        "nl": "{where}: kan het bestand niet lezen: {reason}; {hint}",
        "en": "{where}: cannot read: {reason}; {hint}",
    },
    "input.hint.check_path": {"nl": "controleer het pad", "en": "check the path"},
    "input.hint.smaller": {"nl": "gebruik een kleiner bestand", "en": "use a smaller file"},
    "input.hint.split_xml": {
        "nl": "splits het document of verhoog AKKOORD_MAX_XML_BYTES",
        "en": "split the document or raise AKKOORD_MAX_XML_BYTES",
    },
    "input.kind.file": {"nl": "bestand", "en": "a file"},
    "input.kind.xml": {"nl": "XML-bestand", "en": "an XML file"},
    "input.kind.bundle": {"nl": "bestand met een verklaring of voorstel", "en": "a statement or proposal file"},
    "input.kind.public_key": {"nl": "bestand met een publieke sleutel", "en": "a public key file"},
    "input.kind.key": {"nl": "sleutelbestand", "en": "a key file"},
    "input.hint.public_key": {
        "nl": "geef het pad van een publieke sleutel (.pub)",
        "en": "give the path of a public key (.pub)",
    },
    "input.hint.private_key": {
        "nl": "geef het pad van uw privé-SSH-sleutel",
        "en": "give the path of your private SSH key",
    },
    # characters a text cannot hold (model/strings.py)
    "input.char.not_utf8": {"nl": "bytes die geen UTF-8-tekst zijn", "en": "bytes that are not UTF-8 text"},
    "input.char.line_break": {"nl": "een regeleinde", "en": "a line break"},
    "input.char.control": {"nl": "het stuurteken U+{code}", "en": "the control character U+{code}"},
    # XML (model/xmlparse.py)
    "input.xml.utf16": {
        "nl": "{where}: het bestand is in UTF-16 opgeslagen; " + _ADVICE_SAVE_UTF8["nl"],
        "en": "{where}: file is UTF-16 encoded; " + _ADVICE_SAVE_UTF8["en"],
    },
    "input.xml.doctype": {
        "nl": "{where}: het document bevat een DTD of entiteit (<!{kind}>); die weigert akkoord om "
        "veiligheidsredenen; verwijder de declaratie",
        "en": "{where}: document declares a DTD or entity (<!{kind}>), which is refused for safety; "
        "remove the declaration",
    },
    "input.xml.malformed": {
        "nl": "{where}: geen geldige XML: {reason}; herstel de XML en probeer het opnieuw",
        "en": "{where}: malformed XML: {reason}; fix the XML and retry",
    },
    "input.xml.too_deep": {
        "nl": "elementen die dieper dan {depth} niveaus genest zijn, worden geweigerd",
        "en": "elements nested deeper than {depth} levels are refused",
    },
    "input.xml.too_huge": {
        "nl": "een stuk tekst of een naam is te groot en wordt geweigerd",
        "en": "a text node or name is too large and is refused",
    },
    "input.xml.tag_mismatch": {
        "nl": "het element <{opened}> van regel {line} wordt gesloten met </{closed}>",
        "en": "Opening and ending tag mismatch: {opened} line {line} and {closed}",
    },
    "input.xml.unclosed": {
        "nl": "het bestand houdt op voordat element <{opened}> (regel {line}) is gesloten; is het afgebroken?",
        "en": "Premature end of data in tag {opened} line {line}",
    },
    "input.xml.start_tag_open": {
        "nl": "het begin-element <{opened}> van regel {line} wordt niet afgesloten met '>'",
        "en": "Couldn't find end of Start Tag {opened} line {line}",
    },
    "input.xml.extra_content": {
        "nl": "na het einde van het document staat nog iets; een document heeft één hoofdelement",
        "en": "Extra content at the end of the document",
    },
    "input.xml.no_start": {
        "nl": "hier wordt een element verwacht (met '<'), maar dat staat er niet",
        "en": "Start tag expected, '<' not found",
    },
    "input.xml.no_content": {"nl": "het document is leeg", "en": "Document is empty"},
    "input.xml.attribute_quote": {
        "nl": "de waarde van een attribuut moet tussen aanhalingstekens staan (\" of ')",
        "en": "AttValue: \" or ' expected",
    },
    "input.xml.attribute_value": {
        "nl": 'attribuut {name} heeft geen waarde; schrijf {name}="..."',
        "en": "Specification mandates value for attribute {name}",
    },
    "input.xml.attribute_twice": {
        "nl": "attribuut {name} staat twee keer in hetzelfde element",
        "en": "Attribute {name} redefined",
    },
    "input.xml.unknown_entity": {
        "nl": "&{name}; bestaat niet in XML; schrijf het teken zelf (bijvoorbeeld een harde spatie in plaats van "
        "&nbsp;)",
        "en": "Entity '{name}' not defined",
    },
    "input.xml.unreadable": {
        "nl": "{where}: kan de XML niet lezen: {reason}",
        "en": "{where}: cannot read XML: {reason}",
    },
    "input.xml.empty": {
        "nl": "{where}: geen XML-element gevonden; het bestand is leeg",
        "en": "{where}: no XML element found; the file is empty",
    },
    "input.xml.foreign": {
        "nl": "{where}: {what}; akkoord-documenten gebruiken geen namespaces; verwijder de namespace-declaratie "
        "(xmlns) en het voorvoegsel",
        "en": "{where}: {what}, which akkoord documents do not use; remove the namespace (xmlns) declaration and "
        "prefix",
    },
    "input.xml.foreign_element": {
        "nl": "element <{name}> staat in de XML-namespace {uri}",
        "en": "element <{name}> is in the XML namespace {uri}",
    },
    "input.xml.foreign_attribute": {
        "nl": "attribuut {name!r} van <{element}> staat in de XML-namespace {uri}",
        "en": "attribute {name!r} of <{element}> is in the XML namespace {uri}",
    },
    "input.xml.unstorable": {
        "nl": "{what}: bevat {char}; dat kan akkoord niet opslaan; verwijder het en probeer het opnieuw",
        "en": "{what}: contains {char}, which akkoord cannot store; remove it and retry",
    },
    "input.xml.too_long": {
        "nl": "{what}: {count} tekens, meer dan de grens van {limit}; maak het korter en probeer het opnieuw",
        "en": "{what}: {count} characters, over the limit of {limit}; shorten it and retry",
    },
    # the rules of an agreement text (model/validate.py)
    "input.valid.duplicate_id": {
        "nl": "id {id!r} komt twee keer voor (eerst op regel {first}); elk id moet uniek zijn",
        "en": "duplicate id {id!r} (first used on line {first}); every id must be unique",
    },
    "input.valid.blank_num": {
        "nl": "artikel {id!r} heeft een leeg nummer (num); elk artikel moet een nummer hebben",
        "en": "clause {id!r} has a blank num; every clause must be numbered",
    },
    "input.valid.document_id_used": {
        "nl": "het id van het document, {id!r}, wordt ook door een element gebruikt",
        "en": "document id {id!r} is also used by an element",
    },
    "input.valid.unknown_ref": {
        "nl": "verwijzing naar een onbekend id {id!r}",
        "en": "reference to unknown id {id!r}",
    },
    "input.valid.root": {
        "nl": "het hoofdelement is <{tag}>, maar moet <{expected}> zijn",
        "en": "root element is <{tag}>, expected <{expected}>",
    },
    # the schema's findings (libxml2's words in English, in plain words in Dutch; model/validate.py)
    "input.schema.attribute_not_allowed": {
        "nl": "element <{element}>: het attribuut '{attribute}' hoort hier niet; verwijder het",
        "en": "Element '{element}', attribute '{attribute}': The attribute '{attribute}' is not allowed.",
    },
    "input.schema.attribute_missing": {
        "nl": "element <{element}> mist het verplichte attribuut '{attribute}'",
        "en": "Element '{element}': The attribute '{attribute}' is required but missing.",
    },
    "input.schema.not_expected": {
        "nl": "element <{element}> hoort hier niet; hier past: {expected}",
        "en": "Element '{element}': This element is not expected. Expected is {expected}.",
    },
    "input.schema.unexpected": {
        "nl": "element <{element}> hoort hier niet",
        "en": "Element '{element}': This element is not expected.",
    },
    "input.schema.missing_child": {
        "nl": "element <{element}> is niet compleet; er ontbreekt: {expected}",
        "en": "Element '{element}': Missing child element(s). Expected is {expected}.",
    },
    "input.schema.loose_text": {
        "nl": "element <{element}> mag geen losse tekst bevatten, alleen andere elementen; zet de tekst in een "
        "passend element (zoals <p>)",
        "en": "Element '{element}': Character content other than whitespace is not allowed because the content "
        "type is 'element-only'.",
    },
    "input.schema.pattern": {
        "nl": "element <{element}>, attribuut '{attribute}': de waarde '{value}' heeft niet de vereiste vorm "
        "('{pattern}')",
        "en": "Element '{element}', attribute '{attribute}': [facet 'pattern'] The value '{value}' is not accepted "
        "by the pattern '{pattern}'.",
    },
    "input.schema.id_pattern": {
        "nl": "element <{element}>, attribuut '{attribute}': '{value}' is geen geldig id; een id begint met een "
        "letter, gevolgd door letters, cijfers, '.', '_' of '-' (patroon '{pattern}')",
        "en": "Element '{element}', attribute '{attribute}': [facet 'pattern'] The value '{value}' is not accepted "
        "by the pattern '{pattern}'.",
    },
    "input.schema.enumeration": {
        "nl": "element <{element}>, attribuut '{attribute}': de waarde '{value}' is niet toegestaan; kies uit "
        "{allowed}",
        "en": "Element '{element}', attribute '{attribute}': [facet 'enumeration'] The value '{value}' is not an "
        "element of the set {{{allowed}}}.",
    },
    "input.schema.date": {
        "nl": "element <{element}>, attribuut '{attribute}': '{value}' is geen datum; schrijf een datum als "
        "JJJJ-MM-DD (bijvoorbeeld 2022-07-04)",
        "en": "Element '{element}', attribute '{attribute}': '{value}' is not a valid value of the atomic type "
        "'xs:date'.",
    },
    "input.schema.type": {
        "nl": "element <{element}>, attribuut '{attribute}': '{value}' is geen geldige waarde van het soort '{type}'",
        "en": "Element '{element}', attribute '{attribute}': '{value}' is not a valid value of the atomic type "
        "'{type}'.",
    },
    "input.schema.other": {
        "nl": "past niet in het schema van een akkoordtekst: {detail}",
        "en": "{detail}",
    },
    # dates (model/dates.py)
    "input.date.today_env": {
        "nl": "{name}={value!r} is geen datum; gebruik JJJJ-MM-DD of verwijder de variabele",
        "en": "{name}={value!r} is not a date; use YYYY-MM-DD or unset it",
    },
    # the installation (model/schemas.py)
    "input.schema_missing": {
        "nl": "schema {name} niet gevonden bij de installatie; installeer akkoordvc opnieuw vanuit de repository",
        "en": "schema {name} not found beside the installation; reinstall akkoordvc from its repository",
    },
    # Markdown and plain text (model/markdown.py, model/plaintext.py)
    "input.too_large": {
        "nl": "{where}: het bestand is {size} bytes, meer dan de grens van {limit} bytes",
        "en": "{where}: file is {size} bytes, over the limit of {limit} bytes",
    },
    "input.not_utf8": {
        "nl": "{where}: geen UTF-8-tekst (byte {byte}); " + _ADVICE_SAVE_UTF8["nl"],
        "en": "{where}: not UTF-8 text (byte {byte}); " + _ADVICE_SAVE_UTF8["en"],
    },
    "input.markdown.front_matter_open": {
        "nl": "de eigenschappen bovenaan, die beginnen met '---', worden niet afgesloten met een tweede regel '---'",
        "en": "the front matter that starts with '---' is not closed by a second '---' line",
    },
    "input.markdown.second_title": {
        "nl": "een tweede kop '# '; een akkoord heeft één titel (gebruik '##' voor een onderdeel)",
        "en": "a second '# ' heading; the agreement has one title (use '##' for a division)",
    },
    "input.markdown.heading_too_deep": {
        "nl": "een kop van niveau {level}, dieper dan de koppen van artikelen (niveau {clause_level}); een "
        "artikelkop begint met {marks}",
        "en": "a heading of level {level}, below the clause headings (level {clause_level}); a clause heading has "
        "{marks}",
    },
    "input.plain.no_clause": {
        "nl": "{where}: geen artikel gevonden; een artikel begint met een regel als 'Artikel 3 Titel', '3.', "
        "'3. Titel', '3.1 Titel' of '## 2.1 Titel'; een onderdeel met '# Titel', 'Hoofdstuk 2 Titel' of 'Deel I'",
        "en": "{where}: no clause found; clauses start with a line like 'Artikel 3 Titel', '3.', '3. Titel', "
        "'3.1 Titel' or '## 2.1 Titel'; divisions with '# Titel', 'Hoofdstuk 2 Titel' or 'Deel I'",
    },
    # BWB laws (model/bwb.py)
    "input.bwb.not_toestand": {
        "nl": "{where}: geen BWB-toestand (hoofdelement <{tag}>); importeer de XML van een wet van "
        "wetten.overheid.nl (hoofdelement <toestand>), of gebruik `akkoord import text`",
        "en": "{where}: not a BWB toestand document (root <{tag}>); import a law's XML from wetten.overheid.nl "
        "(root <toestand>), or use 'akkoord import text'",
    },
    "input.bwb.no_wetgeving": {
        "nl": "{where}: geen BWB-toestand met wettekst (<toestand> zonder <wetgeving>); download de volledige "
        "toestand van wetten.overheid.nl",
        "en": "{where}: not a BWB toestand document (root <toestand> without <wetgeving>); the file holds no law "
        "text, download the full toestand from wetten.overheid.nl",
    },
    # Word documents (model/wordfile.py)
    "input.word.too_large": {
        "nl": "het bestand is {size} bytes, meer dan de grens van {limit} bytes voor een Word-document",
        "en": "file is {size} bytes, over the limit of {limit} bytes for a Word document",
    },
    "input.word.old_format": {
        "nl": "een oud Word-bestand (.doc) of een document met een wachtwoord; sla het op als Word-document "
        "(.docx) zonder wachtwoord en probeer het opnieuw",
        "en": "an old binary Word file (.doc) or a password-protected document; save it as a Word document "
        "(.docx) without a password and retry",
    },
    "input.word.not_zip": {
        "nl": "geen Word-document (.docx): het bestand is geen geldig zip-pakket; sla het op als .docx en probeer "
        "het opnieuw",
        "en": "not a Word document (.docx): the file is not a valid zip package; save it as .docx and retry",
    },
    "input.word.too_many_members": {
        "nl": "het pakket bevat {count} delen, meer dan de grens van {limit}; geweigerd",
        "en": "the package has {count} members, over the limit of {limit}; refused",
    },
    "input.word.unsafe_member": {
        "nl": "het pakket bevat een deel met een onveilig pad ({name!r}); geweigerd",
        "en": "the package holds a member with an unsafe path ({name!r}); refused",
    },
    "input.word.encrypted": {
        "nl": "het pakket is versleuteld; sla het op zonder wachtwoord en probeer het opnieuw",
        "en": "the package is encrypted; save it without a password and retry",
    },
    "input.word.part_too_large": {
        "nl": "{part} wordt uitgepakt {size} bytes, meer dan de grens van {limit}",
        "en": "{part} unpacks to {size} bytes, over the limit of {limit}",
    },
    "input.word.part_damaged": {
        "nl": "{part} kan niet worden uitgepakt ({reason}); het bestand is beschadigd",
        "en": "{part} cannot be unpacked ({reason}); the file is damaged",
    },
    "input.word.zip_bomb": {
        "nl": "{part} wordt uitgepakt meer dan {limit} bytes (een zip-bom?); geweigerd",
        "en": "{part} unpacks to more than {limit} bytes (a zip bomb?); refused",
    },
    "input.word.no_document": {
        "nl": "geen Word-document (.docx): het bevat geen word/document.xml; sla het op als .docx en probeer het "
        "opnieuw",
        "en": "not a Word document (.docx): it has no word/document.xml; save it as .docx and retry",
    },
    "input.word.no_body": {"nl": "het document heeft geen inhoud (body)", "en": "the document has no body"},
    "input.word.formula": {
        "nl": "een formule (Word-vergelijking), " + _CANNOT_HOLD["nl"] + "; schrijf hem als tekst",
        "en": "a formula (Word equation), " + _CANNOT_HOLD["en"] + "; write it as text",
    },
    "input.word.text_box": {
        "nl": "een tekening of tekstvak, " + _CANNOT_HOLD["nl"] + "; schrijf het als tekst",
        "en": "a drawing or text box, " + _CANNOT_HOLD["en"] + "; write it as text",
    },
    "input.word.footnote": {
        "nl": "een voetnoot, " + _CANNOT_HOLD["nl"] + "; zet de tekst ervan in het artikel",
        "en": "a footnote, " + _CANNOT_HOLD["en"] + "; move its text into the clause",
    },
    "input.word.picture": {
        "nl": "een afbeelding of tekening, " + _CANNOT_HOLD["nl"] + "; beschrijf haar in tekst",
        "en": "a picture or drawing, " + _CANNOT_HOLD["en"] + "; describe it in text",
    },
    "input.word.merged_cells": {
        "nl": "een tabel met samengevoegde cellen, dat kan een tabel in een akkoord niet bevatten; splits de cellen",
        "en": "a table with merged cells, which an agreement table cannot hold; split the cells",
    },
    "input.word.nested_table": {
        "nl": "een tabel in een tabelcel, dat kan een tabel in een akkoord niet bevatten",
        "en": "a table inside a table cell, which an agreement table cannot hold",
    },
    # a document's paragraphs mapped back to an agreement (model/paragraphs.py)
    "input.flow.second_title": {
        "nl": "een tweede alinea met de stijl Titel; een akkoord heeft één titel",
        "en": "a second paragraph in the Title style; the agreement has one title",
    },
    "input.flow.no_title": {
        "nl": "geen titel: de titel van het akkoord moet in een alinea met de stijl Titel staan",
        "en": "no title: the agreement's title must stand in a paragraph in the Title style",
    },
    "input.flow.lost_bookmark": {
        "nl": "{what} {num} heeft de verborgen bladwijzer met zijn id ({id}) verloren; maak de wijziging ongedaan "
        "die hem verwijderde (bewerk de tekst van de kop in plaats van de hele kop opnieuw te typen), of geef "
        "een nieuw artikel een eigen nummer",
        "en": "{what} {num} has lost the hidden bookmark that carries its id ({id}); undo the change that removed "
        "it (edit the heading's text rather than retyping the whole heading), or give a new clause a number of "
        "its own",
    },
    "input.flow.what.clause": {"nl": "artikel", "en": "clause"},
    "input.flow.what.division": {"nl": "onderdeel", "en": "division"},
    "input.flow.clause_without_number": {
        "nl": "een artikelkop zonder nummer; schrijf hem als 'Artikel 5<tab>Kop'",
        "en": "a clause heading without a number; write it as 'Artikel 5<tab>Heading'",
    },
    "input.flow.text_outside_clause": {
        "nl": "tekst na de artikelen van een onderdeel, buiten elk artikel; zet hem in een artikel (een alinea "
        "onder een kop met de stijl van een artikelkop)",
        "en": "text after the clauses of a division, outside any clause; put it into a clause (a paragraph in the "
        "clause heading style above it)",
    },
    "input.flow.empty_figure": {
        "nl": "een lege alinea met de stijl voor figuren; geef de bestandsnaam van de figuur of verwijder de alinea",
        "en": "an empty paragraph in the figure style; give the figure's file name or delete it",
    },
    "input.flow.empty_table": {
        "nl": "een lege tabel; verwijder hem of geef hem een rij",
        "en": "an empty table; delete it or give it a row",
    },
}
