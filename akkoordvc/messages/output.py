"""Messages of the command line and of what it writes that had no place in a command's own area yet: export
notes, the review site's summary, cosigned attestations, decisions on the command line, usage mistakes, imports,
and the README.md of a new repository."""

_MORE = {"nl": " (en nog {count})", "en": " (and {count} more)"}

MESSAGES = {
    "output.new_agreement": {"nl": "nieuw akkoord", "en": "new agreement"},
    "output.and_more": {"nl": _MORE["nl"], "en": _MORE["en"]},
    # click's words for a path of the wrong kind (cli/usage.py); the English is click's own
    "output.path.file_is_directory": {
        "nl": "{path!r} is een map, geen bestand",
        "en": "File {path!r} is a directory.",
    },
    "output.path.directory_is_file": {
        "nl": "{path!r} is een bestand, geen map",
        "en": "Directory {path!r} is a file.",
    },
    "output.path.file_unreadable": {
        "nl": "{path!r} kan niet worden gelezen; controleer de rechten van het bestand",
        "en": "File {path!r} is not readable.",
    },
    # akkoord export
    "output.export.edit_word": {
        "nl": "bewerk het (bijgehouden wijzigingen gelden als geaccepteerd, opmerkingen als toelichting)",
        "en": "edit it (tracked changes are taken as accepted, comments as the rationale)",
    },
    "output.export.edit_markdown": {
        "nl": "bewerk het in een willekeurige editor en laat de {{#id}} aan het eind van elke kop staan",
        "en": "edit it in any editor, keeping the {{#id}} at the end of each heading",
    },
    "output.export.written": {
        "nl": "geëxporteerd naar {path}; {how} en stel het voor met "
        "`akkoord amend propose --from-file {path} --title ...`",
        "en": "exported to {path}; {how} and propose it with `akkoord amend propose --from-file {path} --title ...`",
    },
    "output.not_an_agreement": {
        "nl": "{ref}: het hoofdelement is <{tag}>, geen <{expected}>; importeer het eerst "
        "(`akkoord import bwb BESTAND -o akkoord.xml`) of geef een versie of git-revisie",
        "en": "{ref}: root element is <{tag}>, not <{expected}>; import it first "
        "(`akkoord import bwb FILE -o akkoord.xml`) or give a version label or git revision",
    },
    "output.redline_not_an_agreement": {
        "nl": "{ref}: het hoofdelement is <{tag}>, geen <{expected}>; geef een akkoordtekst (of een bestand met een "
        "BWB-wet), een versie of een git-revisie",
        "en": "{ref}: root element is <{tag}>, not <{expected}>; give an agreement text (or a BWB law file), a "
        "version label or a git revision",
    },
    # akkoord site
    "output.site.built": {
        "nl": "Site in {outdir}: {written} bestand(en) geschreven, {unchanged} ongewijzigd{removed}",
        "en": "Site in {outdir}: {written} file(s) written, {unchanged} unchanged{removed}",
    },
    "output.site.removed": {"nl": ", {count} verwijderd", "en": ", {count} removed"},
    "output.site.open": {
        "nl": "  open {index}, of publiceer de map op een willekeurige statische webserver",
        "en": "  open {index}, or publish the folder on any static host",
    },
    "output.site.base_url": {
        "nl": "--base-url {value!r} is geen http(s)-adres; geef het adres waar de site gepubliceerd wordt, "
        "bijvoorbeeld https://example.org/akkoord/",
        "en": "--base-url {value!r} is not an http(s) address; give where the site will be published, "
        "e.g. https://example.org/akkoord/",
    },
    "output.site.not_ours": {
        "nl": "{path}: geen overzicht (manifest) dat `akkoord site` schreef; maak de map leeg of kies een andere map",
        "en": "{path}: not a manifest written by `akkoord site`; remove the folder's contents or choose another folder",
    },
    "output.site.not_a_folder": {
        "nl": "{path}: bestaat al en is geen map; kies een map voor de site",
        "en": "{path}: exists and is not a folder; choose a folder for the site",
    },
    "output.site.not_empty": {
        "nl": "{path}: de map is niet leeg en niet door `akkoord site` gemaakt; kies een lege of nieuwe map",
        "en": "{path}: the folder is not empty and was not made by `akkoord site`; choose an empty or new folder",
    },
    "output.site.cannot_write": {
        "nl": "{path}: kan de site niet schrijven: {reason}; controleer de map",
        "en": "{path}: cannot write the site: {reason}; check the folder",
    },
    # Markdown export (present/markdown.py)
    "output.markdown.too_deep": {
        "nl": "de tekst heeft onderdelen die {depth} niveaus diep genest zijn; Markdown heeft zes kopniveaus, genoeg "
        "voor vier: exporteer de tekst als Word-document",
        "en": "the text has divisions nested {depth} deep; Markdown has six heading levels, enough for four: "
        "export it as a Word document instead",
    },
    # akkoord registry init / signatory cosign
    "output.registry.started": {
        "nl": "Het register van ondertekenaars is begonnen (vastlegging {commit})",
        "en": "Started the signatory registry (commit {commit})",
    },
    "output.attestation.cosigned": {
        "nl": "Verklaring {path} medeondertekend, vastlegging {commit}",
        "en": "Cosigned the attestation {path}, commit {commit}",
    },
    "output.attestation.signed_by": {
        "nl": "  ondertekend door beheerderssleutel(s): {keys} ({count} van de {threshold} vereist)",
        "en": "  signed by admin key(s): {keys} ({count} of {threshold} required)",
    },
    "output.attestation.awaiting": {"nl": "{path} ({count} van {threshold})", "en": "{path} ({count} of {threshold})"},
    "output.attestation.only_attestations": {
        "nl": "geen beheerdersvastlegging wacht op handtekeningen; deze verklaringen wel: {listed}; onderteken er "
        "een met `akkoord signatory cosign --attestation STATEMENT --key KEY`",
        "en": "no admin record awaits signatures; attestations that do: {listed}; cosign one with "
        "`akkoord signatory cosign --attestation STATEMENT --key KEY`",
    },
    # decisions (cli/decision_cmds.py)
    "output.decision.still_consolidated": {
        "nl": "let op: {version} verwerkte {id} al; de wijziging blijft in de tekst tot een wijzigingsvoorstel haar "
        "ongedaan maakt",
        "en": "note: {version} already consolidated {id}; its change stays in the text until an amendment undoes it",
    },
    "output.decision.a_version": {"nl": "een versie", "en": "a version"},
    "output.rebase.written": {
        "nl": "{path} geschreven: de huidige tekst met wijzigingsvoorstel {id} toegepast waar dat nog kan",
        "en": "wrote {path}: the current text with amendment {id} applied where it still applies",
    },
    "output.rebase.by_hand": {
        "nl": "  met de hand op te lossen: {target}: {reason}",
        "en": "  to resolve by hand: {target}: {reason}",
    },
    "output.rebase.then": {
        "nl": "bewerk het en daarna: akkoord amend rebase {id} --from-file {path}",
        "en": "edit it, then: akkoord amend rebase {id} --from-file {path}",
    },
    "output.rebase.done": {
        "nl": "{id} (herziening {revision}) opnieuw opgesteld op {base}: {count} bewerking(en); het is weer "
        "voorgesteld",
        "en": "rebased {id} (revision {revision}) onto {base}: {count} operation(s); it is proposed again",
    },
    "output.decision.signed_event": {
        "nl": "{id}: {status} op {day} (herziening {revision})",
        "en": "{id}: {status} on {day} (revision {revision})",
    },
    # usage mistakes (exit 2)
    "output.usage.docx_needs_output": {
        "nl": "--format docx schrijft een binair bestand: geef -o BESTAND.docx",
        "en": "--format docx writes a binary file: give -o FILE.docx",
    },
    "output.usage.side_by_side": {
        "nl": "--side-by-side geldt alleen voor --format html",
        "en": "--side-by-side applies to --format html only",
    },
    "output.usage.author_date": {
        "nl": "--author en --date gelden alleen voor --format docx",
        "en": "--author and --date apply to --format docx only",
    },
    "output.usage.threshold_needs_admin": {
        "nl": "--threshold heeft minstens één --admin-key nodig",
        "en": "--threshold needs at least one --admin-key",
    },
    "output.usage.rebase_write_or_file": {
        "nl": "geef --write BESTAND (om te beginnen) of --from-file BEWERKT.xml (om vast te leggen), niet allebei",
        "en": "give either --write FILE (to start) or --from-file EDITED.xml (to record)",
    },
    "output.usage.propose_one_source": {
        "nl": "geef --from-file BEWERKT.xml of een bestand WIJZIGINGSVOORSTEL.xml (niet allebei)",
        "en": "give either --from-file EDITED.xml or an AMENDMENT.xml file (not both)",
    },
    "output.usage.base_from_file": {
        "nl": "--base geldt alleen bij --from-file (een wijzigingsvoorstel-bestand noemt zijn eigen basis)",
        "en": "--base applies to --from-file only (an amendment file names its own base)",
    },
    "output.usage.edited_copy": {
        "nl": "{path} is een bewerkte kopie van de tekst, geen wijzigingsvoorstel-bestand: geef het met --from-file",
        "en": "{path} is an edited copy of the text, not an amendment file: give it as --from-file",
    },
    "output.usage.college_only": {
        "nl": "--term-start, --term-end en --succeeds gelden alleen voor --kind college",
        "en": "--term-start, --term-end and --succeeds apply to --kind college only",
    },
    "output.usage.college_term": {
        "nl": "een college heeft --term-start en --term-end nodig",
        "en": "a college needs --term-start and --term-end",
    },
    # akkoord import
    "output.import.not_utf8": {
        "nl": "{where}: geen UTF-8-tekst (byte {byte}); sla het bestand op als UTF-8 en probeer het opnieuw",
        "en": "{where}: not UTF-8 text (byte {byte}); save the file as UTF-8 and retry",
    },
    "output.import.bad_id": {
        "nl": "--id {id!r} is geen geldig id; begin met een letter en gebruik alleen letters, cijfers, '.', '_' en '-'",
        "en": "--id {id!r} is not a valid id; start with a letter and use only letters, digits, '.', '_' and '-'",
    },
    "output.import.bad_lang": {
        "nl": "--lang {lang!r} is geen taalcode; gebruik een code als nl, en of en-GB",
        "en": "--lang {lang!r} is not a language tag; use a tag like nl, en or en-GB",
    },
    "output.import.control_char": {
        "nl": "{where}: bevat het stuurteken U+{code}, dat een XML-tekst niet kan bevatten; verwijder het (of sla "
        "het bestand op als gewone UTF-8-tekst) en probeer het opnieuw",
        "en": "{where}: contains the control character U+{code}, which an XML text cannot hold; remove it (or save "
        "the file as plain UTF-8 text) and retry",
    },
    "output.import.invalid": {
        "nl": "{where}: het geïmporteerde document is niet geldig: regel {line} van het resultaat: {problem}{more}; "
        "dit is ongewone invoer of een fout in de import, meld het alstublieft",
        "en": "{where}: the imported document is not valid: line {line} of the output: {problem}{more}; this is "
        "unusual input or a bug in the importer, please report it",
    },
    "output.import.done.one": {
        "nl": "{count} artikel geïmporteerd uit {source} naar {output}",
        "en": "imported {count} clause from {source} to {output}",
    },
    "output.import.done.many": {
        "nl": "{count} artikelen geïmporteerd uit {source} naar {output}",
        "en": "imported {count} clauses from {source} to {output}",
    },
    # akkoord signatory (cli/signatory_cmds.py)
    "output.signatory.partial_registry": {
        "nl": "let op: niet elke beheerdersvastlegging telt ({problem}); het register wordt getoond zoals de "
        "vastleggingen die wel tellen het geven",
        "en": "warning: not every admin record counts ({problem}); showing the registry the counting ones give",
    },
    "output.signatory.see_verify": {"nl": "zie `akkoord verify`", "en": "see verify"},
    "output.signatory.admin_key": {
        "nl": "{id}: beheerderssleutel ({name}) {fingerprint} {label}, {state}",
        "en": "{id}: admin key ({name}) {fingerprint} {label}, {state}",
    },
    # the README.md of a new repository, in the text's language (storage/workspace.py)
    "output.readme": {
        "nl": """# {title}

Deze repository bevat het akkoord `{id}` onder versiebeheer met akkoordvc.
Om het te lezen is alleen git nodig:

- `akkoord.xml` is de huidige tekst, één artikel per blok regels.
- Elke gepubliceerde versie is een geannoteerde tag met de naam `version/LABEL`:
  `git tag -l 'version/*'` toont ze allemaal, `git show version/LABEL` toont wie haar maakte en wanneer,
  en `git show version/LABEL:akkoord.xml` toont de tekst van die versie.
- `git diff version/OUD version/NIEUW -- akkoord.xml` toont wat er tussen twee versies veranderde;
  `git log -- akkoord.xml` toont elke wijziging van de tekst, met wie haar maakte.
- `amendments/` bevat de wijzigingsvoorstellen en hun geschiedenis; `records/` de vastleggingen die de
  beheerders ondertekenen (het register van ondertekenaars en hun sleutels); `endorsements/` de ondertekende
  verklaringen (controleer ze met `ssh-keygen -Y verify`, of met `akkoord verify`).

De identiteit van een tekst is de SHA-256 van `akkoord.xml` zoals die is opgeslagen (`sha256sum akkoord.xml`).
""",
        "en": """# {title}

This repository holds the agreement `{id}` under version control with akkoordvc.
You need nothing but git to read it:

- `akkoord.xml` is the current text, one clause per block of lines.
- Every published version is an annotated tag named `version/LABEL`:
  `git tag -l 'version/*'` lists them, `git show version/LABEL` shows who made it and when,
  and `git show version/LABEL:akkoord.xml` prints that version's text.
- `git diff version/OLD version/NEW -- akkoord.xml` shows what changed between two versions;
  `git log -- akkoord.xml` shows every change to the text, with its author.
- `amendments/` holds proposed changes and their status history; `records/` the records the
  admins sign (the registry of signatories and their keys); `endorsements/` signed endorsement statements
  (check them with `ssh-keygen -Y verify`, or with `akkoord verify`).

The identity of a text is the SHA-256 of `akkoord.xml` as stored (`sha256sum akkoord.xml`).
""",
    },
}
