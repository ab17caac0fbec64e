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
    # refusals (trust/exchange.py, storage/exchange.py, trust/bundle.py, trust/rename.py)
    "exchange.refused": {
        "nl": "{what}: geweigerd, {count} probleem/problemen; {advice}",
        "en": "{what}: refused, {count} problem(s); {advice}",
    },
    "exchange.what.pull": {"nl": "pull van {remote}", "en": "pull from {remote}"},
    "exchange.what.push": {"nl": "push naar {remote}", "en": "push to {remote}"},
    "exchange.what.clone": {"nl": "kopie van {url}", "en": "clone of {url}"},
    "exchange.what.receive": {"nl": "ontvangst van {source}", "en": "receive {source}"},
    "exchange.advice.pull": {
        "nl": "er is niets opgenomen (bekijk het: `git log -p {ref}`)",
        "en": "nothing was taken in (inspect it: `git log -p {ref}`)",
    },
    "exchange.advice.push": {"nl": "er is niets verstuurd", "en": "nothing was pushed"},
    "exchange.advice.push_unverified": {
        "nl": "er is niets verstuurd: deze kopie klopt niet, en elke andere kopie zou haar weigeren",
        "en": "nothing was pushed: this clone does not verify, and every other clone would refuse it",
    },
    "exchange.advice.push_rejected": {
        "nl": "er is niets verstuurd (voer `akkoord pull` uit en probeer opnieuw)",
        "en": "nothing was pushed (run `akkoord pull` and retry)",
    },
    "exchange.advice.clone": {"nl": "er is niets gekopieerd", "en": "nothing was cloned"},
    "exchange.advice.receive": {"nl": "er is niets geschreven", "en": "nothing was written"},
    "exchange.remote_ahead": {
        "nl": "heeft commits die deze kopie niet heeft: voer `akkoord pull {remote}` uit en push dan opnieuw",
        "en": "has commits this clone does not have: run `akkoord pull {remote}`, then push again",
    },
    "exchange.push_rejected": {"nl": "{remote} weigerde het: {summary}", "en": "{remote} refused it: {summary}"},
    "exchange.no_branch": {
        "nl": "{url} heeft geen branch {branch}: er is niets te kopiëren; er is niets gekopieerd",
        "en": "{url} has no branch {branch}: there is nothing to clone; nothing was cloned",
    },
    "exchange.not_an_agreement": {
        "nl": "{url} heeft geen akkoord.xml op {branch}: het is geen repository van een akkoord",
        "en": "{url} holds no akkoord.xml on {branch}: it is not an agreement repository",
    },
    "exchange.no_folder_name": {
        "nl": "kan geen mapnaam kiezen voor {url}; geef er een: `akkoord clone URL MAP`",
        "en": "cannot choose a folder name for {url}; give one: `akkoord clone URL DIR`",
    },
    "exchange.note.registry_brought": {
        "nl": "deze kopie had geen register; {remote} bracht er een — {note}",
        "en": "this clone had no registry; {remote} brought one — {note}",
    },
    "exchange.note.merge_leaves": {
        "nl": "de samenvoeging laat achter: {where}: {message}",
        "en": "the merge leaves {where}: {message}",
    },
    "exchange.bad_remote_name": {
        "nl": "remotenaam {name!r} is niet toegestaan; gebruik letters, cijfers, '.', '_' of '-' (bijvoorbeeld "
        "origin of gemeente)",
        "en": "remote name {name!r} is not allowed; use letters, digits, '.', '_' or '-' (e.g. origin or gemeente)",
    },
    "exchange.bad_url": {
        "nl": "URL {url!r} is geen git-URL of pad; geef bijvoorbeeld /srv/akkoord.git of https://host/x.git",
        "en": "URL {url!r} is not a git URL or path; give e.g. /srv/akkoord.git or https://host/x.git",
    },
    "exchange.no_remote": {
        "nl": "geen remote met de naam {remote} (remotes: {known}); voeg hem toe met `akkoord remote add {remote} URL`",
        "en": "no remote named {remote} (remotes: {known}); add it with `akkoord remote add {remote} URL`",
    },
    "exchange.none": {"nl": "geen", "en": "none"},
    "exchange.tag_odd": {
        "nl": "is geen geannoteerde tag van een commit met een geldig label, dus geen versie die akkoord maakte; "
        "er is niets opgenomen",
        "en": "is not an annotated tag of a commit with a valid label, so it is not a version akkoord made; "
        "nothing was taken in",
    },
    "exchange.tag_described": {"nl": "commit {commit}, gedateerd {date}", "en": "commit {commit}, dated {date}"},
    "exchange.no_date": {"nl": "niets", "en": "nothing"},
    "exchange.branch_gone": {
        "nl": "is verdwenen van {remote}; hij stond op commit {commit} toen deze kopie hem het laatst opnam",
        "en": "is gone from {remote}; it held commit {commit} when this clone last took it in",
    },
    "exchange.history_rewritten": {
        "nl": "bevat commit {commit} niet meer, die er was toen deze kopie hem het laatst opnam: de geschiedenis "
        "is herschreven of teruggedraaid, en er vallen commits weg",
        "en": "no longer contains commit {commit}, which it held when this clone last took it in: its history was "
        "rewritten or rolled back, dropping commits",
    },
    "exchange.version_deleted": {
        "nl": "is verwijderd; hij noemde eerder {before}",
        "en": "was deleted; it named {before} before",
    },
    "exchange.version_moved": {
        "nl": "is verplaatst van commit {old} naar {new} sinds deze kopie hem opnam; een versie verandert nooit",
        "en": "was moved from commit {old} to {new} since this clone took it in; a version never changes",
    },
    "exchange.version_redated": {
        "nl": "is anders gedateerd, van {old} naar {new}, sinds deze kopie hem opnam; een versie verandert nooit",
        "en": "was re-dated from {old} to {new} since this clone took it in; a version never changes",
    },
    "exchange.version_remade": {
        "nl": "is opnieuw gemaakt (een ander tag-object voor dezelfde commit en datum) sinds deze kopie hem opnam; "
        "een versie verandert nooit",
        "en": "was made again (another tag object for the same commit and date) since this clone took it in; "
        "a version never changes",
    },
    "exchange.source.remote": {"nl": "die {remote}/{branch} stuurde", "en": "that {remote}/{branch} sent"},
    "exchange.source.local": {"nl": "op de branch {branch} van deze kopie", "en": "on this clone's branch {branch}"},
    "exchange.amendment_deleted": {
        "nl": "is verwijderd in commit {commits} {source}; amendementen en hun gebeurtenissen worden nooit "
        "verwijderd of herschreven",
        "en": "was deleted in commit {commits} {source}; amendments and their events are never deleted or rewritten",
    },
    "exchange.amendment_changed": {
        "nl": "is gewijzigd in commit {commits} {source}; amendementen en hun gebeurtenissen worden nooit "
        "verwijderd of herschreven",
        "en": "was changed in commit {commits} {source}; amendments and their events are never deleted or rewritten",
    },
    "exchange.amendment_record_changed": {
        "nl": "is herschreven in commit {commits} {source} zonder een gebeurtenis 'revised' ernaast: alleen "
        "`akkoord amend rebase` herschrijft een amendement",
        "en": "was rewritten in commit {commits} {source} without a 'revised' event beside it: only "
        "`akkoord amend rebase` rewrites an amendment",
    },
    "exchange.label_taken": {
        "nl": "{remote} heeft versie {label} op {theirs}; versie {label} van deze kopie is {mine}, en een label "
        "wordt één keer geclaimd: geef de uwe een ander label met `akkoord version rename {label} NIEUW` en doe "
        "dan opnieuw pull",
        "en": "{remote} holds version {label} at {theirs}; this clone's version {label} is {mine}, and a label is "
        "claimed once: rename yours with `akkoord version rename {label} NEW`, then pull again",
    },
    "exchange.merge_conflict": {
        "nl": "beide kanten veranderden {paths} verschillend, wat akkoord niet regel voor regel samenvoegt; er is "
        "niets opgenomen — voeg met de hand samen met `git merge {theirs}` en daarna `akkoord verify`",
        "en": "both sides changed {paths} differently, which akkoord does not merge line by line; nothing was "
        "taken in — merge by hand with `git merge {theirs}`, then `akkoord verify`",
    },
    "exchange.and_more": {"nl": "{shown} en nog {count}", "en": "{shown} and {count} more"},
    "exchange.bundle.not_a_bundle": {
        "nl": "{source}: geen verklaring- of voorstelbestand van akkoord ({why}); vraag de afzender om het bestand "
        "dat `akkoord endorse --out` of `akkoord amend propose --out` schreef",
        "en": "{source}: not an akkoord statement or proposal file ({why}); ask the sender for the file "
        "`akkoord endorse --out` or `akkoord amend propose --out` wrote",
    },
    "exchange.bundle.kind": {
        "nl": "soort {kind!r} is niet een van {kinds}",
        "en": "kind {kind!r} is not one of {kinds}",
    },
    "exchange.bundle.count": {
        "nl": "{count} bestanden; een bestand om te sturen bevat er 1 tot {most}",
        "en": "{count} files; a bundle holds 1 to {most}",
    },
    "exchange.bundle.path": {
        "nl": "bestandsnaam {path!r} is geen pad in de repository dat akkoord schrijft",
        "en": "file name {path!r} is not a repository path akkoord writes",
    },
    "exchange.bundle.base64": {"nl": "{path} is geen base64-tekst", "en": "{path} is not base64 text"},
    "exchange.bundle.size": {"nl": "meer dan {most} bytes aan bestanden", "en": "more than {most} bytes of files"},
    "exchange.bundle.already": {
        "nl": "{source}: {what} staat al in deze repository; er is niets te doen",
        "en": "{source}: {what} is already in this repository; nothing to do",
    },
    "exchange.bundle.clash": {
        "nl": "{source}: {path} staat al in de repository met een andere inhoud; er is niets geschreven",
        "en": "{source}: {path} is already in the repository with other content; nothing was written",
    },
    "exchange.bundle.no_statement": {
        "nl": "{source}: bevat niet precies één goedgevormde verklaring ({why}); er is niets geschreven",
        "en": "{source}: does not hold one well-formed statement ({why}); nothing was written",
    },
    "exchange.bundle.none": {"nl": "geen verklaring", "en": "no statement"},
    "exchange.bundle.not_signed_statement": {
        "nl": "{source}: bevat {path}, en dat is geen ondertekende verklaring van een ondertekenaar op het pad dat "
        "de inhoud aangeeft",
        "en": "{source}: holds {path}, which is not a signatory's signed statement at the path its content gives",
    },
    "exchange.bundle.statement": {
        "nl": "{name} ({id}): {decision} versie {version} op {date}",
        "en": "{name} ({id}): {decision} version {version} on {date}",
    },
    "exchange.bundle.amendment": {"nl": "amendement {id}: {title}", "en": "amendment {id}: {title}"},
    "exchange.rename.statement": {
        "nl": "versie {old} kan geen ander label krijgen: verklaring {path} noemt hem (of is gemaakt bovenop zijn "
        "versiebesluit); een versie die een verklaring noemt houdt haar label",
        "en": "version {old} cannot be renamed: statement {path} names it (or was made on top of its record); "
        "a version a statement names keeps its label",
    },
    "exchange.rename.shared": {
        "nl": "versie {old} kan geen ander label krijgen: remote {remote} heeft hem al (hij is verstuurd of "
        "opgehaald); een versie die anderen kunnen hebben houdt haar label",
        "en": "version {old} cannot be renamed: remote {remote} already has it (it was pushed or pulled); "
        "a version others may hold keeps its label",
    },
    "exchange.rename.record_on_top": {
        "nl": "versie {old} kan geen ander label krijgen: beheerbesluit {record} is ondertekend bovenop zijn "
        "versiebesluit, en zou verliezen waarop het voortbouwt",
        "en": "version {old} cannot be renamed: admin record {record} was signed on top of its version record, "
        "and would lose what it builds on",
    },
    "exchange.rename.records": {
        "nl": "versie {old} heeft {count} versiebesluiten; los dat eerst op",
        "en": "version {old} has {count} version records; resolve that first",
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
