"""Messages of `akkoord endorse` and `akkoord attest`."""

MESSAGES = {
    "endorse.signed": {
        "nl": "{name} ({id}): {decision} versie {version} op {date} (verklaring {seq} van de keten)",
        "en": "{name} ({id}): {decision} version {version} on {date} (statement {seq} of its chain)",
    },
    "endorse.written": {
        "nl": "  {path} (+ .sig), commit {commit}",
        "en": "  {path} (+ .sig), commit {commit}",
    },
    # what endorse is about to sign (present/preview.py)
    "endorse.preview.title": {"nl": "U ondertekent als {name} ({id}):", "en": "You sign as {name} ({id}):"},
    "endorse.preview.version": {
        "nl": "  versie       {version} (de huidige versie is {current})",
        "en": "  version      {version} (the current version is {current})",
    },
    "endorse.preview.sha": {"nl": "  text_sha256  {sha}", "en": "  text_sha256  {sha}"},
    "endorse.preview.decision": {"nl": "  besluit      {decision}", "en": "  decision     {decision}"},
    "endorse.preview.first": {
        "nl": "  wijzigingen  u ondertekende nog geen versie; lees de hele tekst: `akkoord show {version}`",
        "en": "  changes      you have endorsed no version yet; read the whole text: `akkoord show {version}`",
    },
    "endorse.preview.changed": {
        "nl": "  wijzigingen  {count} artikel(en) anders dan versie {last}, die u het laatst ondertekende "
        "(`akkoord since {id}`)",
        "en": "  changes      {count} clause(s) differ from version {last}, the one you last endorsed "
        "(`akkoord since {id}`)",
    },
    "endorse.preview.again": {
        "nl": "Let op: u heeft over versie {version} al '{decision}' besloten; dit zet dezelfde handtekening nogmaals.",
        "en": "Note: you already decided '{decision}' on version {version}; this signs the same decision again.",
    },
    "endorse.preview.older": {
        "nl": "Let op: versie {version} is niet de huidige versie ({current}).",
        "en": "Note: version {version} is not the current version ({current}).",
    },
    "endorse.confirm": {"nl": "Ondertekenen? [j/N]", "en": "Sign? [y/N]"},
    "endorse.not_signed": {"nl": "niets ondertekend", "en": "nothing was signed"},
    "endorse.again_needs_yes": {
        "nl": "u heeft over versie {version} al '{decision}' besloten; geef --yes om het nogmaals te ondertekenen",
        "en": "you already decided '{decision}' on version {version}; give --yes to sign it again",
    },
    "endorse.older_needs_yes": {
        "nl": "versie {version} is niet de huidige versie ({current}); geef --yes om toch {version} te ondertekenen",
        "en": "version {version} is not the current version ({current}); give --yes to sign {version} anyway",
    },
    "endorse.help.endorse.opt.yes": {
        "nl": "Onderteken zonder eerst te tonen wat u ondertekent en te vragen (voor scripts).",
        "en": "Sign without showing what is signed and asking first (for scripts).",
    },
    "endorse.help.endorse.opt.out": {
        "nl": "Schrijf de ondertekende verklaring naar FILE in plaats van haar vast te leggen, om te sturen naar "
        "iemand met schrijfrechten op de remote (die `akkoord receive FILE` uitvoert).",
        "en": "Write the signed statement to FILE instead of committing it, to send to someone with push rights "
        "(who runs `akkoord receive FILE`).",
    },
    "endorse.help.endorse.opt.decision": {
        "nl": "Uw besluit over deze versie: endorse (ondertekenen), decline (weigeren) of withdraw (een eerdere "
        "ondertekening intrekken).",
        "en": "Your decision on this version: endorse, decline, or withdraw an earlier endorsement.",
    },
    "endorse.help.attest.opt.decision": {
        "nl": "Het besluit dat het bewijs vastlegt: endorse (ondertekend), decline (geweigerd) of withdraw "
        "(ingetrokken).",
        "en": "The decision the evidence records: endorse, decline or withdraw.",
    },
    "endorse.help.attest.opt.mandate": {"nl": "Wat het besluit machtigde.", "en": "What authorised the decision."},
    "endorse.help.attest.opt.comment": {"nl": "Een korte toelichting.", "en": "A short explanation."},
    "endorse.help.endorse": {
        "nl": "Onderteken, als ondertekenaar --as, uw besluit over versie REF (gedateerd vandaag) met uw eigen "
        "SSH-sleutel, en leg het vast.\n\nControleer eerst wat u ondertekent: `akkoord show REF` en "
        "`akkoord since ID` (wat er veranderde sinds uw vorige ondertekening).",
        "en": "Sign, as signatory --as, your decision about version REF (dated today) with your own SSH key, and "
        "commit it.\n\nCheck first what you sign: `akkoord show REF` and `akkoord since ID` (what changed since "
        "your last endorsement).",
    },
    "endorse.help.endorse.examples": {
        "nl": "Voorbeelden:\n\n\b\n  akkoord endorse 2023 --as buurtkracht-oost --key ~/.ssh/id_ed25519\n"
        "  akkoord endorse 2023 --as huurders-zuidoost --key ~/.ssh/id_ed25519 --decision decline "
        "--comment 'Artikel 13 gaat te ver'",
        "en": "Examples:\n\n\b\n  akkoord endorse 2023 --as buurtkracht-oost --key ~/.ssh/id_ed25519\n"
        "  akkoord endorse 2023 --as huurders-zuidoost --key ~/.ssh/id_ed25519 --decision decline "
        "--comment 'Clause 13 goes too far'",
    },
    "endorse.help.endorse.opt.as_": {
        "nl": "De ondertekenaar namens wie u ondertekent (zie `akkoord signatory list`).",
        "en": "The signatory you sign for (see `akkoord signatory list`).",
    },
    "endorse.help.endorse.opt.key": {
        "nl": "Uw privé-SSH-sleutel (of een .pub die ssh-agent vasthoudt).",
        "en": "Your private SSH key (or a .pub held by ssh-agent).",
    },
    "endorse.help.endorse.opt.mandate": {
        "nl": "Wat dit besluit machtigt (bijvoorbeeld collegebesluit 2026/123).",
        "en": "What authorises this decision (e.g. collegebesluit 2026/123).",
    },
    "endorse.help.endorse.opt.comment": {
        "nl": "Een korte toelichting, gepubliceerd bij de verklaring.",
        "en": "A short explanation, published with the statement.",
    },
    "endorse.help.endorse.opt.by": {
        "nl": "Auteur van de git-commit (standaard: de ondertekenaar zelf); het ondertekende besluit blijft van de "
        "ondertekenaar.",
        "en": "Author of the git commit (default: the signatory itself); the signed decision stays the signatory's.",
    },
    "endorse.help.attest": {
        "nl": "Leg, als registerbeheerders, een besluit vast dat buiten de repository is genomen (bijvoorbeeld "
        "een handtekening op papier).",
        "en": "Record, as registry admins, a decision made outside the repository (e.g. a signature on paper).",
    },
    "endorse.help.attest.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord attest 2019 --signatory college-2018-2022 --date 2019-11-09 "
        "--evidence 'Getekend op papier, 9 november 2019' --key ~/.ssh/beheer",
        "en": "Example:\n\n\b\n  akkoord attest 2019 --signatory college-2018-2022 --date 2019-11-09 "
        "--evidence 'Signed on paper, 9 November 2019' --key ~/.ssh/admin",
    },
    "endorse.help.attest.opt.signatory": {
        "nl": "Wiens besluit wordt vastgelegd.",
        "en": "Whose decision is recorded.",
    },
    "endorse.help.attest.opt.evidence": {
        "nl": "Waar het besluit is vastgelegd (getekend papier, collegebesluit, notulen).",
        "en": "Where the decision is documented (signed paper, collegebesluit, minutes).",
    },
    "endorse.help.attest.opt.by": {
        "nl": "Auteur van de git-commit: 'Naam <e-mail>' of een naam (standaard: de gebruiker van git).",
        "en": "Author of the git commit: 'Name <email>' or a name (default: git's user).",
    },
}

MESSAGES.update(
    {
        "endorse.decision.endorse": {"nl": "ondertekenen", "en": "endorse"},
        "endorse.decision.decline": {"nl": "weigeren", "en": "decline"},
        "endorse.decision.withdraw": {"nl": "intrekken", "en": "withdraw"},
        "endorse.attested": {
            "nl": "Vastgelegd: {name} ({id}) {decision} versie {version} op {date}, vastgelegd met "
            "beheerderssleutel(s) {keys}",
            "en": "Attested: {name} ({id}) {decision} version {version} on {date}, recorded by admin key(s) {keys}",
        },
        "endorse.attested.evidence": {"nl": "  bewijs: {evidence}", "en": "  evidence: {evidence}"},
        "endorse.attested.written": {
            "nl": "  {path} (+ handtekeningen), commit {commit}",
            "en": "  {path} (+ signatures), commit {commit}",
        },
        "endorse.attested.pending": {
            "nl": "  wacht: het telt zodra nog {more} beheerderssleutel(s) meetekenen met "
            "`akkoord signatory cosign --attestation {path} --key SLEUTEL`",
            "en": "  pending: it counts once {more} more admin key(s) sign it with "
            "`akkoord signatory cosign --attestation {path} --key KEY`",
        },
        "endorse.received": {
            "nl": "{name} ({id}): {decision} versie {version} op {date}",
            "en": "{name} ({id}): {decision} version {version} on {date}",
        },
    }
)
