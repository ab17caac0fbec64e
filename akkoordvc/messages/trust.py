"""Messages of signatories, keys, endorsements and verification."""

MESSAGES = {
    "trust.key_too_open": {
        "nl": "--key {path}: ssh-keygen weigert de sleutel omdat anderen hem kunnen lezen ({why}); maak hem "
        "alleen voor uzelf leesbaar met `chmod 600 {chmod}` en probeer opnieuw",
        "en": "--key {path}: ssh-keygen refuses the key because others can read it ({why}); run "
        "`chmod 600 {chmod}` and retry",
    },
    # what a command that committed an admin record says (present/trust.committed)
    "trust.committed": {
        "nl": "{what} (vastlegging {record}, volgnummer {serial}, commit {commit})",
        "en": "{what} (record {record}, serial {serial}, commit {commit})",
    },
    "trust.committed.signed_by": {
        "nl": "  ondertekend met beheerderssleutel(s): {keys} ({count} van de {threshold} nodig)",
        "en": "  signed by admin key(s): {keys} ({count} of {threshold} required)",
    },
    "trust.committed.pending": {
        "nl": "  wacht: het telt zodra nog {more} beheerderssleutel(s) meetekenen met "
        "`akkoord signatory cosign --key SLEUTEL`",
        "en": "  pending: it counts once {more} more admin key(s) sign it with `akkoord signatory cosign --key KEY`",
    },
    # the registry and its signatories (signatory list, signatory show)
    "trust.registry_line": {
        "nl": "register volgnummer {serial} ({date}), {admins} beheerderssleutel(s), drempel {threshold}",
        "en": "registry serial {serial} ({date}), {admins} admin key(s), threshold {threshold}",
    },
    "trust.no_signatories": {
        "nl": "nog geen ondertekenaars; voeg er een toe met "
        "`akkoord signatory add ID --name NAAM --kind SOORT --key BEHEERSLEUTEL`",
        "en": "no signatories yet; add one with `akkoord signatory add ID --name N --kind K --key ADMIN_KEY`",
    },
    "trust.kind.college": {"nl": "college", "en": "college"},
    "trust.kind.organisation": {"nl": "organisatie", "en": "organisation"},
    "trust.flag.sitting": {"nl": "zittend", "en": "sitting"},
    "trust.flag.in_office": {"nl": "in functie", "en": "in office"},
    "trust.flag.historic": {"nl": "voormalig", "en": "historic"},
    "trust.flag.retired": {"nl": "gestopt", "en": "retired"},
    "trust.flag.inactive": {"nl": "niet actief", "en": "inactive"},
    "trust.keys.one": {"nl": "{count} sleutel", "en": "{count} key"},
    "trust.keys.many": {"nl": "{count} sleutels", "en": "{count} keys"},
    "trust.detail.kind": {"nl": "  soort      {kind}", "en": "  kind       {kind}"},
    "trust.detail.term": {"nl": "  termijn    {term} ({state})", "en": "  term       {term} ({state})"},
    "trust.detail.succeeds": {"nl": "  volgt op   {id}", "en": "  succeeds   {id}"},
    "trust.detail.succeeded_by": {"nl": "  opgevolgd door {ids}", "en": "  succeeded by {ids}"},
    "trust.detail.retired": {"nl": "  gestopt    {date}", "en": "  retired    {date}"},
    "trust.detail.no_keys": {
        "nl": "  sleutels   geen (haar besluiten kunnen alleen door een beheerder worden vastgelegd: attest)",
        "en": "  keys       none (its decisions can only be recorded as attested)",
    },
    "trust.detail.open": {"nl": "open", "en": "open"},
    "trust.detail.revoked": {"nl": ", ingetrokken {date}", "en": ", revoked {date}"},
    "trust.detail.key": {
        "nl": "  sleutel    {fingerprint} {type}  geldig {window}{extra}  [{state}]",
        "en": "  key        {fingerprint} {type}  valid {window}{extra}  [{state}]",
    },
    "trust.key_state.valid": {"nl": "geldig", "en": "valid"},
    "trust.key_state.revoked": {"nl": "ingetrokken", "en": "revoked"},
    "trust.key_state.not_yet_valid": {"nl": "nog niet geldig", "en": "not yet valid"},
    "trust.key_state.expired": {"nl": "verlopen", "en": "expired"},
    # akkoord verify
    "trust.verify.registry_damaged": {
        "nl": "register: beschadigd, {count} bestand(en) gewijzigd of verwijderd na de commit (zie hieronder)",
        "en": "registry: damaged, {count} file(s) changed or deleted since committed (see below)",
    },
    "trust.verify.registry": {
        "nl": "register: volgnummer {serial}, {changes} ondertekende wijziging(en) sinds het vertrouwensanker "
        "sha256:{anchor}",
        "en": "registry: serial {serial}, {changes} signed change(s) since the trust anchor sha256:{anchor}",
    },
    "trust.verify.pinned": {"nl": " (vastgezet)", "en": " (pinned)"},
    "trust.verify.no_registry": {
        "nl": "register: geen (begin er een met `akkoord signatory init --admin-key PUBBESTAND`)",
        "en": "registry: none (start one with `akkoord signatory init --admin-key PUBFILE`)",
    },
    "trust.verify.statements": {
        "nl": "verklaringen: {own} door de ondertekenaar zelf ondertekend, {attested} vastgelegd door beheerders, "
        "{failing} afgekeurd",
        "en": "statements: {own} signed by their signatories, {attested} attested by admins, {failing} failing",
    },
    "trust.verify.note": {"nl": "let op: {note}", "en": "note: {note}"},
    "trust.verify.ok": {
        "nl": "OK: alles klopt (commit {commit})",
        "en": "OK: everything verifies (commit {commit})",
    },
    "trust.verify.problems.one": {"nl": "{count} probleem:", "en": "{count} problem:"},
    "trust.verify.problems.many": {"nl": "{count} problemen:", "en": "{count} problems:"},
    # akkoord endorsements: the matrix of signatories and versions
    "trust.state.endorsed": {"nl": "ondertekend", "en": "endorsed"},
    "trust.state.declined": {"nl": "geweigerd", "en": "declined"},
    "trust.state.withdrawn": {"nl": "ingetrokken", "en": "withdrawn"},
    "trust.state.pending": {"nl": "open", "en": "pending"},
    "trust.state.historic": {"nl": "niet in functie", "en": "historic"},
    "trust.state.none": {"nl": "—", "en": "—"},
    "trust.matrix.no_versions": {
        "nl": "nog geen versies; maak er een met `akkoord version create LABEL`",
        "en": "no versions yet; create one with `akkoord version create LABEL`",
    },
    "trust.matrix.signatory": {"nl": "ondertekenaar", "en": "signatory"},
    "trust.matrix.sitting": {"nl": "(zittend)", "en": "(sitting)"},
    "trust.matrix.current": {"nl": "(huidig)", "en": "(current)"},
    "trust.matrix.name": {"nl": "naam", "en": "name"},
    "trust.matrix.attested_note": {
        "nl": "* vastgelegd: door registerbeheerders opgenomen op grond van bewijs (bijvoorbeeld een handtekening "
        "op papier), niet door de ondertekenaar zelf ondertekend",
        "en": "* attested: recorded by registry admins from evidence (e.g. a signature on paper), "
        "not signed by the signatory itself",
    },
    "trust.matrix.college_pending": {
        "nl": "Huidige versie {label}: het zittende college, {name}, heeft nog niet besloten of het deze "
        "ondertekent (open).",
        "en": "Current version {label}: the sitting college, {name}, has not yet decided whether it endorses it "
        "(pending).",
    },
    "trust.matrix.college_decided": {
        "nl": "Huidige versie {label}: het zittende college, {name}, heeft deze {decision}{how}.",
        "en": "Current version {label}: the sitting college, {name}, has {decision} it{how}.",
    },
    "trust.matrix.college_attested": {
        "nl": " (vastgelegd door de registerbeheerders, niet door het college zelf ondertekend)",
        "en": " (attested by the registry admins, not signed by the college itself)",
    },
    "trust.matrix.no_college": {
        "nl": "Huidige versie {label}: vandaag is er geen college in functie.",
        "en": "Current version {label}: no college is in office today.",
    },
    "trust.matrix.unverified": {
        "nl": "waarschuwing: {count} verklaring(en) kloppen niet en tellen niet mee; "
        "voer `akkoord verify` uit ({problems} probleem/problemen)",
        "en": "warning: {count} statement(s) do not verify and are not counted; "
        "run `akkoord verify` ({problems} problem(s))",
    },
    "trust.decision.endorse": {"nl": "ondertekent", "en": "endorse"},
    "trust.decision.decline": {"nl": "weigert", "en": "decline"},
    "trust.decision.withdraw": {"nl": "trekt in", "en": "withdraw"},
    "trust.none_yet": {"nl": "nog geen", "en": "none yet"},
    "trust.signatory_unknown": {
        "nl": "ondertekenaar {ident!r} staat niet in het register (wel: {known}); zie `akkoord signatory list`",
        "en": "signatory {ident!r} is not in the registry (known: {known}); see `akkoord signatory list`",
    },
    "trust.not_a_signed_version": {
        "nl": "REF {ref!r} is geen ondertekende versie van dit akkoord (versies: {known}); alleen een versie (een "
        "vastgezette tekst, `akkoord log`) kan worden ondertekend",
        "en": "REF {ref!r} is not a signed version of this agreement (versions: {known}); only a version (a frozen "
        "text, `akkoord log`) can be endorsed",
    },
    "trust.version_needs_key": {
        "nl": "deze repository heeft een register van ondertekenaars: elke versie is een vastlegging die "
        "beheerderssleutels ondertekenen; geef --key BEHEERSLEUTEL (herhaalbaar als de drempel er meer vraagt)",
        "en": "this repository has a signatory registry: every version is a record signed by admin keys; give "
        "--key ADMIN_PRIVATE_KEY (repeatable when the threshold needs several)",
    },
    "trust.decision_needs_key": {
        "nl": "deze repository heeft een register van ondertekenaars: een besluit over een amendement is een "
        "vastlegging die beheerderssleutels ondertekenen; geef --key BEHEERSLEUTEL (herhaalbaar als de drempel "
        "er meer vraagt)",
        "en": "this repository has a signatory registry: a decision about an amendment is a record signed by admin "
        "keys; give --key ADMIN_PRIVATE_KEY (repeatable when the threshold needs several)",
    },
}
