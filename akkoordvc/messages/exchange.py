"""Messages of `akkoord clone`, `pull`, `push`, `remote` and `receive`: working in one's own clone."""

MESSAGES = {
    # what pull, push and clone report (present/exchange.py)
    "exchange.where": {"nl": "{remote} ({url})", "en": "{remote} ({url})"},
    "exchange.pull.empty": {
        "nl": "{where} heeft nog geen branch: er is niets op te halen (stuur de uwe met `akkoord push {remote}`)",
        "en": "{where} has no branch yet: nothing to pull (send yours with `akkoord push {remote}`)",
    },
    "exchange.pull.up_to_date": {"nl": "al bijgewerkt tot {new}", "en": "already up to date at {new}"},
    "exchange.pull.ahead": {
        "nl": "niets nieuws: deze kopie is verder, op {new} (stuur het met `akkoord push {remote}`)",
        "en": "nothing new: this clone is ahead at {new} (send it with `akkoord push {remote}`)",
    },
    "exchange.pull.fast_forward": {"nl": "vooruitgezet {old}..{new}", "en": "fast-forward {old}..{new}"},
    "exchange.pull.merge": {
        "nl": "samengevoegd in {new} (een merge-commit van {old} en {received})",
        "en": "merged into {new} (a merge commit of {old} and {received})",
    },
    "exchange.pull.done": {
        "nl": "Opgehaald van {where}: {how}; alles wat binnenkwam is gecontroleerd en klopt",
        "en": "Pulled from {where}: {how}; everything received verifies",
    },
    "exchange.pull.taken_in": {"nl": "  opgenomen: {what}", "en": "  taken in: {what}"},
    "exchange.note": {"nl": "  opmerking: {note}", "en": "  note: {note}"},
    "exchange.versions": {"nl": "versie(s) {labels}", "en": "version(s) {labels}"},
    "exchange.kind.statements": {"nl": "{count} verklaring(en)", "en": "{count} statement(s)"},
    "exchange.kind.attestations": {"nl": "{count} attestatie(s)", "en": "{count} attestation(s)"},
    "exchange.kind.records": {"nl": "{count} beheerbesluit(en)", "en": "{count} admin record(s)"},
    "exchange.kind.amendments": {"nl": "{count} amendement(en)", "en": "{count} amendment(s)"},
    "exchange.kind.events": {"nl": "{count} amendementgebeurtenis(sen)", "en": "{count} amendment event(s)"},
    "exchange.kind.text": {"nl": "de tekst", "en": "the text"},
    "exchange.push.nothing": {
        "nl": "{where} is bijgewerkt (tot {new}): niets te versturen",
        "en": "{where} is up to date (at {new}): nothing to push",
    },
    "exchange.push.new_branch": {"nl": "nieuwe branch {branch} op {new}", "en": "new branch {branch} at {new}"},
    "exchange.push.branch": {"nl": "{branch} {old}..{new}", "en": "{branch} {old}..{new}"},
    "exchange.push.done": {"nl": "Verstuurd naar {where}: {what}", "en": "Pushed to {where}: {what}"},
    "exchange.clone.done": {
        "nl": "{url} gekopieerd naar {root} (branch {branch} op {head})",
        "en": "Cloned {url} into {root} (branch {branch} at {head})",
    },
    "exchange.clone.versions": {
        "nl": "  versies: {labels} (huidige: {current}); {count} verklaring(en); alles klopt",
        "en": "  versions: {labels} (current: {current}); {count} statement(s); everything verifies",
    },
    "exchange.clone.no_versions": {
        "nl": "  nog geen versies; {count} verklaring(en); alles klopt",
        "en": "  no versions yet; {count} statement(s); everything verifies",
    },
    "exchange.clone.anchor": {
        "nl": "  vertrouwensanker sha256:{anchor} (zoals opgegeven), onthouden in deze kopie",
        "en": "  trust anchor sha256:{anchor} (as given), remembered in this clone",
    },
    "exchange.clone.first_use": {
        "nl": "LET OP: vertrouwen bij eerste gebruik: deze kopie vertrouwt nu het register dat begint bij "
        "sha256:{anchor}\n  (onthouden in git config akkoord.trustAnchor; elke volgende pull wordt ertegen "
        "gecontroleerd).\n  Vergelijk het met het vertrouwensanker dat het secretariaat bekendmaakte, via een "
        "kanaal dat u vertrouwt;\n  om het vast te leggen bij het kopiëren: akkoord clone --trust-anchor "
        "sha256:{anchor} URL",
        "en": "NOTE: trust on first use: this clone now trusts the registry that starts at sha256:{anchor}\n"
        "  (remembered in git config akkoord.trustAnchor; every later pull is checked against it).\n"
        "  Compare it with the trust anchor the secretariat published, through a channel you trust;\n"
        "  to pin it when cloning: akkoord clone --trust-anchor sha256:{anchor} URL",
    },
    "exchange.remote.none": {
        "nl": "geen remotes; voeg er een toe met `akkoord remote add NAAM URL`",
        "en": "no remotes; add one with `akkoord remote add NAME URL`",
    },
    "exchange.remote.seen": {
        "nl": "laatst gecontroleerd op {head}, {count} versie(s)",
        "en": "last verified at {head}, {count} version(s)",
    },
    "exchange.remote.unseen": {
        "nl": "nog niet opgehaald (`akkoord pull`)",
        "en": "not fetched yet (`akkoord pull`)",
    },
    "exchange.remote.line": {"nl": "{name}  {url}  ({seen})", "en": "{name}  {url}  ({seen})"},
    "exchange.remote.added": {"nl": "Remote {name} toegevoegd: {url}", "en": "Added remote {name}: {url}"},
    "exchange.remote.removed": {"nl": "Remote {name} verwijderd", "en": "Removed remote {name}"},
    "exchange.remote.exists": {
        "nl": "remote {name} bestaat al; verwijder hem eerst (`akkoord remote remove {name}`)",
        "en": "remote {name} already exists; remove it first (`akkoord remote remove {name}`)",
    },
    "exchange.received": {"nl": "Ontvangen: {what} (commit {commit})", "en": "Received {what} (commit {commit})"},
    "exchange.written_to_send": {
        "nl": "geschreven naar {out}: stuur het naar iemand met schrijfrechten op de remote, die "
        "`akkoord receive {out}` uitvoert",
        "en": "written to {out}: send it to someone with push rights, who runs `akkoord receive {out}`",
    },
    # help (cli/exchange_cmds.py)
    "exchange.help.clone": {
        "nl": "Kopieer het akkoord op URL (een pad, file://, git://, ssh:// of https://) naar DIRECTORY, "
        "gecontroleerd.\n\nEr blijft niets staan tenzij alles klopt. Zonder --trust-anchor wordt het register "
        "waarmee de repository begint vanaf nu vertrouwd (vertrouwen bij eerste gebruik), en dat zegt de opdracht.",
        "en": "Clone the agreement at URL (a path, file://, git://, ssh:// or https://) into DIRECTORY, "
        "verified.\n\nNothing is kept unless everything verifies. Without --trust-anchor, the registry the "
        "repository starts with is trusted from now on (trust on first use), and the command says so.",
    },
    "exchange.help.clone.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord clone --trust-anchor sha256:d4b9774b… https://git.example.org/maak020/akkoord.git",
        "en": "Example:\n\n\b\n  akkoord clone --trust-anchor sha256:d4b9774b… https://git.example.org/maak020/akkoord.git",
    },
    "exchange.help.clone.opt.trust_anchor": {
        "nl": "De vingerafdruk van het register die het secretariaat bekendmaakte (sha256:...).",
        "en": "The registry fingerprint the secretariat published (sha256:...).",
    },
    "exchange.help.pull": {
        "nl": "Haal REMOTE op (standaard origin), controleer alles wat binnenkwam, en neem het pas dan op.\n\n"
        "Geweigerd, met één regel per probleem en zonder iets te veranderen, als iets wat binnenkwam niet klopt, "
        "als de remote de geschiedenis herschreef of een versie verplaatste die deze kopie ervan had, of een "
        "versielabel van deze kopie voor een andere versie heeft.",
        "en": "Fetch REMOTE (default origin), verify everything it sent, and only then take it in.\n\n"
        "Refused, with one line per problem and nothing changed, when anything received does not verify, when "
        "the remote rewrote history or moved a version this clone took from it, or holds one of this clone's "
        "version labels for another version.",
    },
    "exchange.help.pull.examples": {
        "nl": "Voorbeelden:\n\n\b\n  akkoord pull\n  akkoord pull gemeente --by 'Fenna de Vries <fenna@buurtkracht.example>'",
        "en": "Examples:\n\n\b\n  akkoord pull\n  akkoord pull gemeente --by 'Fenna de Vries <fenna@buurtkracht.example>'",
    },
    "exchange.help.pull.opt.by": {
        "nl": "Wie samenvoegt, als er een merge-commit nodig is: 'Naam <e-mail>' (standaard: user.name/user.email "
        "van git).",
        "en": "Who merges, when a merge commit is needed: 'Name <email>' (default: git's user.name/user.email).",
    },
    "exchange.help.push": {
        "nl": "Stuur de branch en de nieuwe versies naar REMOTE (standaard origin), alles of niets.\n\n"
        "Geweigerd als REMOTE commits heeft die deze kopie mist (eerst `akkoord pull`), een versielabel van deze "
        "kopie voor een andere versie heeft, of als deze kopie niet klopt.",
        "en": "Send the branch and the new version tags to REMOTE (default origin), all or nothing.\n\n"
        "Refused when REMOTE has commits this clone lacks (pull first), holds one of its version labels for "
        "another version, or when this clone does not verify.",
    },
    "exchange.help.push.examples": {
        "nl": "Voorbeelden:\n\n\b\n  akkoord push\n  akkoord push gemeente",
        "en": "Examples:\n\n\b\n  akkoord push\n  akkoord push gemeente",
    },
    "exchange.help.remote": {
        "nl": "Voeg de remotes toe waarmee deze kopie uitwisselt, toon ze of verwijder ze.",
        "en": "Add, list and remove the remotes this clone exchanges with.",
    },
    "exchange.help.remote.examples": {
        "nl": "Voorbeelden:\n\n\b\n  akkoord remote list\n  akkoord remote add gemeente ssh://git@git.example.org/maak020.git",
        "en": "Examples:\n\n\b\n  akkoord remote list\n  akkoord remote add gemeente ssh://git@git.example.org/maak020.git",
    },
    "exchange.help.remote.add": {
        "nl": "Voeg de remote NAME toe op URL (een pad, file://, git://, ssh:// of https://).",
        "en": "Add the remote NAME at URL (a path, file://, git://, ssh:// or https://).",
    },
    "exchange.help.remote.add.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord remote add gemeente ssh://git@git.example.org/maak020.git",
        "en": "Example:\n\n\b\n  akkoord remote add gemeente ssh://git@git.example.org/maak020.git",
    },
    "exchange.help.remote.list": {
        "nl": "Toon de remotes en de stand die van elk het laatst is gecontroleerd.",
        "en": "List the remotes and the state last verified from each.",
    },
    "exchange.help.remote.list.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord remote list",
        "en": "Example:\n\n\b\n  akkoord remote list",
    },
    "exchange.help.remote.remove": {
        "nl": "Verwijder de remote NAME, en wat deze kopie ervan bijhield.",
        "en": "Remove the remote NAME, and what this clone recorded of it.",
    },
    "exchange.help.remote.remove.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord remote remove gemeente",
        "en": "Example:\n\n\b\n  akkoord remote remove gemeente",
    },
    "exchange.help.receive": {
        "nl": "Controleer verklaringen en voorstellen die als bestand zijn gestuurd (`endorse --out`, "
        "`amend propose --out`) en leg ze ongewijzigd vast.\n\nElk bestand wordt pas vastgelegd als de repository "
        "ermee klopt; een bestand dat niet klopt wordt met één regel geweigerd, en er wordt niets van geschreven.",
        "en": "Check and commit, unchanged, statements and proposals sent as files (`endorse --out`, "
        "`amend propose --out`).\n\nEach file is committed only when the repository with it verifies; one that "
        "does not is refused with one line, and nothing of it is written.",
    },
    "exchange.help.receive.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord receive verklaring-energie.akkoord",
        "en": "Example:\n\n\b\n  akkoord receive statement-energie.akkoord",
    },
    "exchange.help.receive.opt.by": {
        "nl": "Wie vastlegt: 'Naam <e-mail>' (standaard: de gebruiker van git, anders de ondertekenaar of indiener).",
        "en": "Who commits: 'Name <email>' (default: git's user, else the signatory or proposer).",
    },
}
