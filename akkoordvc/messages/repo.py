"""Messages of the commands on the repository: init, version, log, commit, status."""

MESSAGES = {
    # akkoord status (present/waiting.py)
    "repo.ref_unknown": {
        "nl": "REF {ref!r}: geen versie, git-revisie, bestand of 'working'; de versies zijn: {known}",
        "en": "REF {ref!r}: not a version label, git revision, file or 'working'; versions are: {known}",
    },
    "repo.ref_unknown_no_versions": {
        "nl": "REF {ref!r}: geen versie, git-revisie, bestand of 'working'; er zijn nog geen versies "
        "(akkoord version create LABEL)",
        "en": "REF {ref!r}: not a version label, git revision, file or 'working'; there are no versions yet "
        "(akkoord version create LABEL)",
    },
    "repo.no_changes": {
        "nl": "{path} heeft geen wijzigingen om vast te leggen",
        "en": "{path} has no changes to commit",
    },
    "repo.version_exists": {
        "nl": "versie {label} bestaat al; kies een ander label",
        "en": "version {label} already exists; choose another label",
    },
    "repo.initialised": {
        "nl": "Repository van het akkoord gemaakt in {root} (commit {commit})",
        "en": "Initialised agreement repository in {root} (commit {commit})",
    },
    "repo.anchor": {
        "nl": "Vertrouwensanker van het register: {anchor}\n"
        "  Bewaar het: `akkoord verify --trust-anchor` controleert dat de geschiedenis van het register hier begint.",
        "en": "Registry trust anchor: {anchor}\n"
        "  Keep it: `akkoord verify --trust-anchor` checks the registry's history starts here.",
    },
    "repo.created": {
        "nl": "Versie {label} ({date}) gemaakt op {commit}",
        "en": "Created version {label} ({date}) at {commit}",
    },
    "repo.created.consolidating": {
        "nl": ", met {count} amendement(en) verwerkt: {ids}",
        "en": ", consolidating {count} amendment(s): {ids}",
    },
    "repo.version_record_signed": {
        "nl": "De vastlegging van de versie ondertekend",
        "en": "Signed its version record",
    },
    "repo.no_versions": {
        "nl": "nog geen versies; maak er een met `akkoord version create LABEL`",
        "en": "no versions yet; create one with `akkoord version create LABEL`",
    },
    "repo.log.amendments": {"nl": "  amendementen: {ids}", "en": "  amendments: {ids}"},
    "repo.committed": {
        "nl": "Redactionele wijziging {commit} vastgelegd: {message}",
        "en": "Committed editorial change {commit}: {message}",
    },
    "repo.status.repository": {"nl": "repository   {root}", "en": "repository   {root}"},
    "repo.status.version": {"nl": "versie       {label}", "en": "version      {label}"},
    "repo.status.no_version": {"nl": "(nog geen)", "en": "(none yet)"},
    "repo.status.sha": {"nl": "text_sha256  {sha}", "en": "text_sha256  {sha}"},
    "repo.status.nothing": {"nl": "Er wacht niets.", "en": "Nothing is waiting."},
    "repo.status.waiting": {"nl": "Er wacht:", "en": "Waiting:"},
    "repo.status.uncommitted": {
        "nl": "akkoord.xml heeft wijzigingen die nog niet zijn vastgelegd (`akkoord commit -m WAT`, of stel ze "
        "voor als amendement)",
        "en": "akkoord.xml has uncommitted edits (`akkoord commit -m WHAT`, or propose them as an amendment)",
    },
    "repo.status.changed_since_version": {
        "nl": "de vastgelegde tekst verschilt van de laatste versie (`akkoord redline {version} HEAD`)",
        "en": "the committed text differs from the latest version (`akkoord redline {version} HEAD`)",
    },
    "repo.status.proposed.one": {
        "nl": "{count} voorgesteld amendement wacht op een besluit: {names} (`akkoord amend show ID`)",
        "en": "{count} proposed amendment awaits a decision: {names} (`akkoord amend show ID`)",
    },
    "repo.status.proposed.many": {
        "nl": "{count} voorgestelde amendementen wachten op een besluit: {names} (`akkoord amend show ID`)",
        "en": "{count} proposed amendments await a decision: {names} (`akkoord amend show ID`)",
    },
    "repo.status.accepted.one": {
        "nl": "{count} aangenomen amendement staat nog niet in een versie: {names} (`akkoord version create LABEL`)",
        "en": "{count} accepted amendment is not yet in a version: {names} (`akkoord version create LABEL`)",
    },
    "repo.status.accepted.many": {
        "nl": "{count} aangenomen amendementen staan nog niet in een versie: {names} (`akkoord version create LABEL`)",
        "en": "{count} accepted amendments are not yet in a version: {names} (`akkoord version create LABEL`)",
    },
    "repo.status.contested.one": {
        "nl": "over {count} amendement is in twee kopieën verschillend besloten: {names} (`akkoord amend show ID`)",
        "en": "{count} amendment was decided differently in two copies: {names} (`akkoord amend show ID`)",
    },
    "repo.status.contested.many": {
        "nl": "over {count} amendementen is in twee kopieën verschillend besloten: {names} (`akkoord amend show ID`)",
        "en": "{count} amendments were decided differently in two copies: {names} (`akkoord amend show ID`)",
    },
    "repo.status.sitting_pending": {
        "nl": "het zittende college ({id}) heeft nog niet besloten over versie {version}",
        "en": "the sitting college ({id}) has not decided on version {version}",
    },
    "repo.status.undecided.one": {
        "nl": "{count} ondertekenaar heeft nog niet besloten over versie {version}: {names} (`akkoord endorsements`)",
        "en": "{count} signatory has not decided on version {version}: {names} (`akkoord endorsements`)",
    },
    "repo.status.undecided.many": {
        "nl": "{count} ondertekenaars hebben nog niet besloten over versie {version}: {names} (`akkoord endorsements`)",
        "en": "{count} signatories have not decided on version {version}: {names} (`akkoord endorsements`)",
    },
    "repo.status.registry_pending": {
        "nl": "registerwijziging {record} wacht op handtekeningen: {signed} van {needed} "
        "(`akkoord signatory cosign --key SLEUTEL`)",
        "en": "registry change {record} awaits signatures: {signed} of {needed} (`akkoord signatory cosign --key KEY`)",
    },
    "repo.status.problems.one": {
        "nl": "`akkoord verify` vindt {count} probleem",
        "en": "`akkoord verify` finds {count} problem",
    },
    "repo.status.problems.many": {
        "nl": "`akkoord verify` vindt {count} problemen",
        "en": "`akkoord verify` finds {count} problems",
    },
    "repo.status.unreadable": {"nl": "niet te lezen: {why}", "en": "cannot be read: {why}"},
    # help
    "repo.help.init": {
        "nl": "Maak een nieuwe akkoord-repository in map DIRECTORY: vanuit een bestaande tekst (--from) of leeg.\n\n"
        "Met --admin-key begint ook het register van ondertekenaars; de vingerafdruk die init toont, is het "
        "vertrouwensanker dat ondertekenaars later met --trust-anchor controleren.",
        "en": "Create a new agreement repository in DIRECTORY: from an existing text (--from) or empty.\n\n"
        "With --admin-key the signatory registry starts too; the fingerprint init prints is the trust anchor "
        "that signatories later check with --trust-anchor.",
    },
    "repo.help.init.examples": {
        "nl": "Voorbeelden:\n\n\b\n  akkoord init maak020 --from akkoord.xml --by 'Secretariaat <secretariaat@maak020.example>'\n"
        "  akkoord init maak020 --from akkoord.xml --admin-key ~/.ssh/id_ed25519.pub",
        "en": "Examples:\n\n\b\n  akkoord init maak020 --from akkoord.xml --by 'Secretariat <secretariat@maak020.example>'\n"
        "  akkoord init maak020 --from akkoord.xml --admin-key ~/.ssh/id_ed25519.pub",
    },
    "repo.help.init.opt.from_file": {
        "nl": "Begin met dit XML-bestand van het akkoord.",
        "en": "Start from this agreement XML file.",
    },
    "repo.help.init.opt.doc_id": {"nl": "Id van een nieuw, leeg akkoord.", "en": "Id of a new, empty agreement."},
    "repo.help.init.opt.title": {"nl": "Titel van een nieuw, leeg akkoord.", "en": "Title of a new, empty agreement."},
    "repo.help.init.opt.lang": {
        "nl": "Taal van een nieuw, leeg akkoord.",
        "en": "Language of a new, empty agreement.",
    },
    "repo.help.init.opt.by": {
        "nl": "Wie de repository aanmaakt (de auteur van de eerste commit): 'Naam <e-mail>' of een naam "
        "(standaard: user.name/user.email van git).",
        "en": "Who creates the repository (author of the first commit): 'Name <email>' or a name "
        "(default: git's user.name/user.email).",
    },
    "repo.help.init.opt.admin_keys": {
        "nl": "Publieke SSH-sleutel van een registerbeheerder (herhaalbaar); begint het register van ondertekenaars.",
        "en": "Public SSH key of a registry admin (repeatable); starts the signatory registry.",
    },
    "repo.help.init.opt.threshold": {
        "nl": "Hoeveel verschillende beheerderssleutels een wijziging van het register moeten ondertekenen "
        "(standaard 1).",
        "en": "How many distinct admin keys must sign a registry change (default 1).",
    },
    "repo.help.version": {
        "nl": "Maak en toon versies: tekst met een naam die niet meer verandert (2019, 2023).",
        "en": "Create and list versions (named, frozen texts such as 2019 or 2023).",
    },
    "repo.help.version.examples": {
        "nl": "Voorbeelden:\n\n\b\n  akkoord version list\n  akkoord version create 2023 -m 'Na de netwerkbijeenkomst'",
        "en": "Examples:\n\n\b\n  akkoord version list\n  akkoord version create 2023 -m 'After the network meeting'",
    },
    "repo.help.version.create": {
        "nl": "Leg de huidige tekst vast als versie LABEL, met elk aangenomen amendement erin verwerkt.",
        "en": "Freeze the current text as version LABEL, consolidating every accepted amendment.",
    },
    "repo.help.version.create.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord version create 2023 -m 'Geactualiseerd na 23 juni 2022' --date 2023-01-15",
        "en": "Example:\n\n\b\n  akkoord version create 2023 -m 'Updated after 23 June 2022' --date 2023-01-15",
    },
    "repo.help.version.create.opt.message": {
        "nl": "Wat deze versie is (standaard: 'Versie LABEL').",
        "en": "What this version is (default: 'Version LABEL').",
    },
    "repo.help.version.create.opt.by": {
        "nl": "Wie de versie vastlegt (de auteur van de commit): 'Naam <e-mail>' of een naam.",
        "en": "Who freezes the version (author of the commit): 'Name <email>' or a name.",
    },
    "repo.help.version.rename": {
        "nl": "Geef versie OLD, gemaakt in deze kopie en nooit gedeeld, het label NEW (een andere kopie claimde OLD "
        "eerst).\n\nGeweigerd zolang een verklaring OLD noemt of een remote hem al heeft.",
        "en": "Give version OLD, made in this clone and never shared, the label NEW (another clone claimed OLD "
        "first).\n\nRefused while a statement names OLD or a remote already has it.",
    },
    "repo.help.version.rename.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord version rename 2024 2024-oost",
        "en": "Example:\n\n\b\n  akkoord version rename 2024 2024-east",
    },
    "repo.version.renamed": {
        "nl": "Versie {old} heet nu {new} (commit {commit})",
        "en": "Renamed version {old} to {new} (commit {commit})",
    },
    "repo.version.renamed_record": {
        "nl": "  het versiebesluit {record} is hier gemaakt en nooit gedeeld: het gaat uit de ongedeelde "
        "geschiedenis van deze kopie, en versie {new} wacht op zijn handtekening",
        "en": "  its version record {record} was made here and never shared: it is taken out of this clone's "
        "unshared history, and version {new} awaits its signature",
    },
    "repo.version.renamed_next": {
        "nl": "  volgende stap: `akkoord pull`, en onderteken hem daarna, na de versies van de remote: "
        "`akkoord version create {new} --key SLEUTEL`",
        "en": "  next: `akkoord pull`, then sign it after the remote's versions: `akkoord version create {new} --key KEY`",
    },
    "repo.help.version.list": {"nl": "Toon de versies, oudste eerst.", "en": "List versions, oldest first."},
    "repo.help.version.list.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord version list --json",
        "en": "Example:\n\n\b\n  akkoord version list --json",
    },
    "repo.help.log": {
        "nl": "Toon de versies, oudste eerst: label, datum, omschrijving, commit, tag en text_sha256.",
        "en": "List versions oldest first: label, date, message, commit, tag, text_sha256.",
    },
    "repo.help.log.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord log",
        "en": "Example:\n\n\b\n  akkoord log",
    },
    "repo.help.commit": {
        "nl": "Leg wijzigingen in akkoord.xml vast als redactionele wijziging (geen amendement), bijvoorbeeld "
        "een tikfout.",
        "en": "Record edits to akkoord.xml as an explicit editorial change (not an amendment), e.g. a typo.",
    },
    "repo.help.commit.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord commit -m 'Tikfout in artikel 13' --by 'Secretariaat <s@maak020.example>'",
        "en": "Example:\n\n\b\n  akkoord commit -m 'Typo in clause 13' --by 'Secretariat <s@maak020.example>'",
    },
    "repo.help.commit.opt.message": {
        "nl": "Wat de redactionele wijziging doet.",
        "en": "What the editorial change does.",
    },
    "repo.help.commit.opt.by": {
        "nl": "Wie de wijziging vastlegt (de auteur van de commit): 'Naam <e-mail>' of een naam.",
        "en": "Who records the change (author of the commit): 'Name <email>' or a name.",
    },
    "repo.help.status": {
        "nl": "Waar de tekst staat (de laatste versie, de hash van de huidige tekst) en wat er wacht: amendementen "
        "om over te beslissen of in een versie op te nemen, betwiste besluiten, ondertekenaars en het zittende "
        "college die nog niet besloten over de huidige versie, en wijzigingen in de werkmap.",
        "en": "Where the text stands (latest version, the current text's hash) and what is waiting: amendments to "
        "decide or to put in a version, contested decisions, signatories and the sitting college that have not "
        "decided on the current version, and edits in the work tree.",
    },
    "repo.help.status.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord status",
        "en": "Example:\n\n\b\n  akkoord status",
    },
}
