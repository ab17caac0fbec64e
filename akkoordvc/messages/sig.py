"""Messages of keys, signatures and statements: why a key file, a statement or its signature cannot be used."""

MESSAGES = {
    # free text of a statement (--mandate, --comment, --evidence)
    "sig.text_too_long": {
        "nl": "--{what} is {length} tekens lang; er passen er hoogstens {most} in een verklaring",
        "en": "--{what} is {length} characters; at most {most} fit in a statement",
    },
    "sig.text_control": {
        "nl": "--{what} bevat stuurtekens; gebruik gewone tekst",
        "en": "--{what} contains control characters; use plain text",
    },
    # a statement file that is not a well-formed statement
    "sig.statement.kind": {
        "nl": "het veld `kind` is {kind!r}, verwacht 'endorsement' of 'attestation'",
        "en": "kind is {kind!r}, expected 'endorsement' or 'attestation'",
    },
    "sig.statement.identifier": {
        "nl": "het veld `{name}` ({value!r}) is geen geldige naam",
        "en": "{name} {value!r} is not a valid identifier",
    },
    "sig.statement.free_text": {
        "nl": "het veld `{name}` is te lang of bevat stuurtekens",
        "en": "{name} is too long or contains control characters",
    },
    "sig.statement.decision": {
        "nl": "het besluit {decision!r} is niet een van {choices}",
        "en": "decision {decision!r} is not one of {choices}",
    },
    "sig.statement.date": {
        "nl": "het veld `{name}` ({value!r}) is geen datum in de vorm JJJJ-MM-DD",
        "en": "{name} {value!r} is not a date written YYYY-MM-DD",
    },
    "sig.statement.hashes": {
        "nl": "`commit`, `text_sha256` of `version_record` is geen hash",
        "en": "commit, text_sha256 or version_record is not a hash",
    },
    "sig.statement.registry": {
        "nl": "het veld `registry` moet een gesorteerde lijst van verschillende hashes van vastleggingen zijn",
        "en": "registry must be a sorted list of distinct record hashes",
    },
    "sig.statement.seq": {
        "nl": "het veld `seq` moet 1 of meer zijn",
        "en": "seq must be 1 or more",
    },
    "sig.statement.previous": {
        "nl": "het veld `previous` moet een gesorteerde lijst van verschillende hashes van verklaringen zijn",
        "en": "previous must be a sorted list of distinct statement hashes",
    },
    "sig.clauses.type": {
        "nl": "het veld `clauses` heeft het verkeerde type",
        "en": "field 'clauses' has the wrong type",
    },
    "sig.clauses.pairs": {
        "nl": "het veld `clauses` moet een lijst van paren [id, sha256] zijn",
        "en": "clauses must be a list of [id, sha256] pairs",
    },
    "sig.clauses.nul": {
        "nl": "een artikel-id of hash bevat een NUL-teken",
        "en": "a clause id or hash contains a NUL character",
    },
    # files under endorsements/ and attestations/ that are no statement
    "sig.stray_signature": {
        "nl": "is een handtekening zonder haar verklaring (is de verklaring verwijderd?)",
        "en": "is a signature without its statement (statement deleted?)",
    },
    "sig.stray_file": {
        "nl": "is geen verklaringsbestand (<map>/<ondertekenaar>/<volgnummer>-<hash>.json); het wordt genegeerd",
        "en": "is not a statement file (<folder>/<signatory>/<seq>-<hash>.json); it is ignored",
    },
    # canonical JSON (statements and admin records)
    "sig.json.key_twice": {
        "nl": "een veldnaam komt twee keer voor ({key!r})",
        "en": "a key occurs twice ({key!r})",
    },
    "sig.json.constant": {"nl": "{name} is niet toegestaan", "en": "{name} is not allowed"},
    "sig.json.fraction": {
        "nl": "een getal met decimalen is niet toegestaan",
        "en": "a fractional number is not allowed",
    },
    "sig.json.digits": {
        "nl": "een getal van {digits} cijfers is niet toegestaan",
        "en": "a number of {digits} digits is not allowed",
    },
    "sig.json.too_large": {
        "nl": "{size} bytes, meer dan de {most} die een vastlegging of verklaring mag hebben",
        "en": "{size} bytes, more than the {most} a record or statement may have",
    },
    "sig.json.not_utf8": {"nl": "geen UTF-8-tekst", "en": "not UTF-8 text"},
    "sig.json.not_nfc": {"nl": "niet in Unicode-NFC-vorm", "en": "not in Unicode NFC form"},
    "sig.json.surrogate": {
        "nl": "bevat een surrogaat-escape (een losse surrogaat, of een paar dat canonieke JSON als zichzelf schrijft)",
        "en": "holds a surrogate escape (a lone surrogate, or a pair canonical JSON writes as itself)",
    },
    "sig.json.deep": {
        "nl": "meer dan {depth} niveaus diep genest",
        "en": "nested more than {depth} levels deep",
    },
    "sig.json.not_json": {
        "nl": "geen JSON ({why} op regel {line})",
        "en": "not JSON ({why} at line {line})",
    },
    "sig.json.unacceptable": {
        "nl": "geen bruikbare JSON ({kind})",
        "en": "not acceptable JSON ({kind})",
    },
    "sig.json.not_canonical": {
        "nl": "niet in canonieke vorm (gesorteerde veldnamen, geen spaties, NFC, één regeleinde aan het eind)",
        "en": "not in canonical form (sorted keys, no spaces, NFC, one final newline)",
    },
    "sig.json.not_object": {"nl": "geen JSON-object", "en": "not a JSON object"},
    "sig.json.format": {
        "nl": "het formaat is {found!r}, verwacht {expected!r}",
        "en": "format is {found!r}, expected {expected!r}",
    },
    "sig.json.fields": {
        "nl": "ontbrekende velden: {missing}; onverwachte velden: {extra}",
        "en": "fields missing: {missing}; unexpected: {extra}",
    },
    "sig.json.field_type": {
        "nl": "het veld {name!r} heeft het verkeerde type",
        "en": "field {name!r} has the wrong type",
    },
    # why the signature(s) of a statement do not hold
    "sig.attestation.regime": {
        "nl": "noemt een register dat niet gold toen zij werd vastgelegd (er ontbreekt een wijziging van de "
        "beheerders of de drempel); een vastlegging door beheerders heeft de beheerders nodig die toen golden",
        "en": "names a registry that was not the one in force when it was recorded (a change of the admins or "
        "the threshold is missing from it); an attestation needs the admins in force then",
    },
    "sig.attestation.short": {
        "nl": "is ondertekend met {count} van de {threshold} beheerderssleutels die een vastlegging door "
        "beheerders nodig heeft",
        "en": "is signed by {count} of the {threshold} admin keys an attestation needs",
    },
    "sig.attestation.short_because": {
        "nl": "is ondertekend met {count} van de {threshold} beheerderssleutels die een vastlegging door "
        "beheerders nodig heeft: {reason}",
        "en": "is signed by {count} of the {threshold} admin keys an attestation needs: {reason}",
    },
    "sig.inactive_then": {
        "nl": "is gedateerd {day}, maar {inactive}: zij kon toen niet ondertekenen",
        "en": "is dated {day}, but {inactive}: it could not sign then",
    },
    "sig.key_not_valid_then": {
        "nl": "is gedateerd {day}, toen sleutel {fingerprint} van {id} {state} was{window}",
        "en": "is dated {day}, when key {fingerprint} of {id} was {state}{window}",
    },
    "sig.changed_after_signing": {
        "nl": "past niet bij de handtekening: de verklaring is gewijzigd nadat zij werd ondertekend",
        "en": "does not match its signature: the statement was changed after it was signed",
    },
    "sig.no_signature_file": {
        "nl": "heeft geen handtekeningbestand (.json.sig); zo bewijst zij niets",
        "en": "has no signature file (.json.sig); it proves nothing",
    },
    "sig.not_ssh_signature": {
        "nl": "het .sig-bestand is geen SSH-handtekening",
        "en": "its .sig file is not an SSH signature",
    },
    "sig.namespace": {
        "nl": "is ondertekend in SSH-naamruimte {namespace!r}, niet {expected!r}: een handtekening die voor iets "
        "anders is gezet, telt niet voor deze verklaring",
        "en": "was signed in SSH namespace {namespace!r}, not {expected!r}: a signature made for something else "
        "does not count as this statement",
    },
    "sig.namespace.attestation": {
        "nl": "is ondertekend in SSH-naamruimte {namespace!r}, niet {expected!r}: een handtekening die voor iets "
        "anders is gezet, telt niet voor deze verklaring (een vastlegging door beheerders is nooit de eigen "
        "handtekening van de ondertekenaar)",
        "en": "was signed in SSH namespace {namespace!r}, not {expected!r}: a signature made for something else "
        "does not count as this statement (an attestation is never the signatory's own signature)",
    },
    "sig.signatory_unknown": {
        "nl": "noemt ondertekenaar {id!r}, die niet in het register staat",
        "en": "names signatory {id!r}, which is not in the registry",
    },
    "sig.owner.admin": {"nl": "beheerder {id}", "en": "admin {id}"},
    "sig.owner.signatory": {"nl": "ondertekenaar {id}", "en": "signatory {id}"},
    "sig.others_key": {
        "nl": "is ondertekend met de sleutel van {owner} ({fingerprint}), niet met een sleutel van {id}",
        "en": "was signed with the key of {owner} ({fingerprint}), not with a key of {id}",
    },
    "sig.unregistered_key": {
        "nl": "is ondertekend met een sleutel die niet in het register staat ({fingerprint}), niet met een "
        "sleutel van {id}",
        "en": "was signed with a key that is not registered ({fingerprint}), not with a key of {id}",
    },
    "sig.not_read": {"nl": "{why}; zij wordt niet gelezen", "en": "{why}; it is not read"},
    "sig.not_read.copied": {
        "nl": "{why}: een verklaring die naar de map van {id} is gekopieerd, of met de sleutel van een ander is "
        "ondertekend; zij wordt niet gelezen",
        "en": "{why}: a statement copied into the folder of {id}, or signed with another's key; it is not read",
    },
    "sig.not_read.folder": {
        "nl": "ligt in de map van {id!r}, die geen ondertekenaar in het register is; zij wordt niet gelezen",
        "en": "lies in the folder of {id!r}, which is not a signatory in the registry; it is not read",
    },
    "sig.not_read.no_admin": {
        "nl": "is met geen enkele beheerderssleutel van het register ondertekend: {first}; zij wordt niet gelezen",
        "en": "is signed by no admin key of the registry: {first}; it is not read",
    },
    "sig.admin.no_files": {
        "nl": "zij heeft geen handtekeningbestanden van beheerders (.json.BEHEERDER.sig)",
        "en": "it has no admin signature files (.json.ADMIN.sig)",
    },
    "sig.admin.not_ssh": {
        "nl": "de handtekening van {admin} is geen SSH-handtekening",
        "en": "the signature of {admin} is not an SSH signature",
    },
    "sig.admin.namespace": {
        "nl": "de handtekening van {admin} is gezet in SSH-naamruimte {namespace!r}",
        "en": "the signature of {admin} was made in SSH namespace {namespace!r}",
    },
    "sig.admin.unknown": {
        "nl": "{admin} is geen beheerderssleutel van het register",
        "en": "{admin} is not an admin key of the registry",
    },
    "sig.admin.made_by": {
        "nl": "de handtekening die als die van beheerderssleutel {admin} is opgeslagen, is gezet door {who}",
        "en": "the signature filed as admin key {admin} was made by {who}",
    },
    "sig.admin.made_by_unregistered": {
        "nl": "de handtekening die als die van beheerderssleutel {admin} is opgeslagen, is gezet met een sleutel "
        "die niet in het register staat",
        "en": "the signature filed as admin key {admin} was made by an unregistered key",
    },
    "sig.admin.not_valid_then": {
        "nl": "zij is vastgelegd op {day}, toen beheerderssleutel {admin} {state} was{window}",
        "en": "it was recorded on {day}, when admin key {admin} was {state}{window}",
    },
    "sig.admin.changed": {
        "nl": "de handtekening van {admin} past niet: de vastlegging is gewijzigd nadat zij werd ondertekend",
        "en": "the signature of {admin} does not match: the attestation was changed after it was signed",
    },
    # a key's window, after its state ("revoked (valid from ...)")
    "sig.window": {"nl": " (geldig vanaf {start})", "en": " (valid from {start})"},
    "sig.window.until": {
        "nl": " (geldig vanaf {start}, tot en met {until})",
        "en": " (valid from {start}, until {until})",
    },
    "sig.window.revoked": {
        "nl": " (geldig vanaf {start}, ingetrokken op {revoked})",
        "en": " (valid from {start}, revoked on {revoked})",
    },
    "sig.window.until_revoked": {
        "nl": " (geldig vanaf {start}, tot en met {until}, ingetrokken op {revoked})",
        "en": " (valid from {start}, until {until}, revoked on {revoked})",
    },
    # why a signatory cannot act on a day
    "sig.inactive.before_term": {
        "nl": "{name} ({id}) treedt aan op {start}; {day} ligt vóór haar termijn",
        "en": "{name} ({id}) takes office on {start}; {day} is before its term",
    },
    "sig.inactive.after_term": {
        "nl": "de termijn van {name} ({id}) eindigde op {end}; {day} ligt na haar termijn",
        "en": "the term of {name} ({id}) ended on {end}; {day} is after its term",
    },
    "sig.inactive.retired": {
        "nl": "{name} ({id}) is gestopt op {date}",
        "en": "{name} ({id}) retired on {date}",
    },
    # the rules every registry keeps
    "sig.rule.broken": {"nl": "{source}: {problem}", "en": "{source}: {problem}"},
    "sig.rule.source": {"nl": "het register", "en": "the registry"},
    "sig.rule.admin_twice": {
        "nl": "de id {id!r} van een beheerderssleutel komt twee keer voor",
        "en": "admin key id {id!r} is used twice",
    },
    "sig.rule.signatory_twice": {
        "nl": "ondertekenaar-id {id!r} komt twee keer voor",
        "en": "signatory id {id!r} is used twice",
    },
    "sig.rule.who.admin": {"nl": "beheerderssleutel {id}", "en": "admin key {id}"},
    "sig.rule.who.signatory": {"nl": "ondertekenaar {id}", "en": "signatory {id}"},
    "sig.rule.key_shared": {
        "nl": "sleutel {fingerprint} van {who} is ook geregistreerd voor {other}; elke sleutel hoort bij één "
        "ondertekenaar of beheerder",
        "en": "key {fingerprint} of {who} is also registered for {other}; every key belongs to one signatory or admin",
    },
    "sig.rule.key_order": {
        "nl": "sleutel {fingerprint} van {who} eindigt ({until}) voordat hij begint ({start})",
        "en": "key {fingerprint} of {who} ends ({until}) before it starts ({start})",
    },
    "sig.rule.reason_only": {
        "nl": "sleutel {fingerprint} van {who} heeft een reden van intrekking maar geen datum van intrekking",
        "en": "key {fingerprint} of {who} has a revocation reason but no revocation date",
    },
    "sig.rule.threshold": {
        "nl": "drempel {threshold} is meer dan de {count} beheerderssleutel(s) die nog geldig zijn; het register "
        "zou nooit meer kunnen worden gewijzigd",
        "en": "threshold {threshold} is more than the {count} admin key(s) still valid; the registry could never "
        "be changed again",
    },
    "sig.rule.college_term": {
        "nl": "college {id} heeft een termijn nodig (term-start en term-end)",
        "en": "college {id} needs a term (term-start and term-end)",
    },
    "sig.rule.college_order": {
        "nl": "college {id}: de termijn eindigt ({end}) voordat hij begint ({start})",
        "en": "college {id}: its term ends ({end}) before it starts ({start})",
    },
    "sig.rule.succeeds_unknown": {
        "nl": "college {id} volgt op {other!r}, dat geen college in het register is",
        "en": "college {id} succeeds {other!r}, which is not a college in the registry",
    },
    "sig.rule.succeeds_itself": {
        "nl": "college {id} kan niet op zichzelf volgen",
        "en": "college {id} cannot succeed itself",
    },
    "sig.rule.succeeds_later": {
        "nl": "college {id} volgt op {other}, waarvan de termijn niet eerder begint",
        "en": "college {id} succeeds {other}, whose term does not start earlier",
    },
    "sig.rule.term_not_college": {
        "nl": "{kind} {id} heeft een termijn of `succeeds`; alleen een college heeft die",
        "en": "{kind} {id} has a term or `succeeds`; only a college has those",
    },
    "sig.bad_id": {
        "nl": "{what} {ident!r} is niet toegestaan; gebruik kleine letters, cijfers, '.', '_' of '-' (beginnend "
        "met een letter of cijfer, hoogstens 64 tekens), bijvoorbeeld college-2026-2030",
        "en": "{what} {ident!r} is not allowed; use lower-case letters, digits, '.', '_' or '-' (starting with a "
        "letter or digit, at most 64 characters), e.g. college-2026-2030",
    },
    "sig.what.id": {"nl": "id", "en": "id"},
    "sig.what.signatory_id": {"nl": "ondertekenaar-id", "en": "signatory id"},
    "sig.what.admin_id": {"nl": "de id van een beheerderssleutel", "en": "admin key id"},
    "sig.what.new_registry": {"nl": "het nieuwe register", "en": "the new registry"},
    # what the safe reader refuses to read
    "sig.planted.not_folder": {
        "nl": "is {what}, geen map; er wordt niets in gelezen",
        "en": "is {what}, not a folder; nothing in it is read",
    },
    "sig.planted.not_file": {
        "nl": "is {what}, geen bestand; het wordt niet gelezen",
        "en": "is {what}, not a file; it is not read",
    },
    "sig.planted.name": {
        "nl": "heeft een naam die geen leesbare UTF-8 is; het wordt niet gelezen",
        "en": "has a name that is not printable UTF-8; it is not read",
    },
    "sig.planted.deep": {
        "nl": "ligt meer dan {depth} mappen diep; het wordt niet gelezen",
        "en": "lies more than {depth} folders deep; it is not read",
    },
    "sig.planted.large": {
        "nl": "is {size} bytes, meer dan de {most} die zijn toegestaan; het wordt niet gelezen",
        "en": "is {size} bytes, more than the {most} allowed; it is not read",
    },
    "sig.entry.file": {"nl": "een bestand", "en": "a file"},
    "sig.entry.symlink": {"nl": "een symbolische koppeling", "en": "a symbolic link"},
    "sig.entry.submodule": {"nl": "een submodule", "en": "a submodule"},
    "sig.entry.mode": {"nl": "een item met modus {mode}", "en": "an entry of mode {mode}"},
    "sig.said": {"nl": "{text}", "en": "{text}"},
    # endorse, attest and cosign refusing
    "sig.decision_choice": {
        "nl": "--decision {decision!r}: kies endorse (ondertekenen), decline (weigeren) of withdraw (intrekken)",
        "en": "--decision {decision!r}: choose endorse, decline or withdraw",
    },
    "sig.nothing_to_withdraw": {
        "nl": "{who} heeft versie {label} niet ondertekend (of heeft die ondertekening al ingetrokken); er is "
        "niets in te trekken",
        "en": "{who} has no standing endorsement of version {label} to withdraw",
    },
    "sig.cannot_endorse_on": {
        "nl": "{inactive}; zij kan op {day} niet ondertekenen",
        "en": "{inactive}; it cannot endorse on {day}",
    },
    "sig.no_key_yet": {
        "nl": "{id} heeft geen geregistreerde sleutel; een beheerder voegt er een toe met `akkoord signatory "
        "add-key {id} --pubkey BESTAND --key BEHEERSLEUTEL` (een besluit op papier legt een beheerder vast met "
        "`akkoord attest`)",
        "en": "{id} has no registered key; an admin adds one with `akkoord signatory add-key {id} --pubkey FILE "
        "--key ADMIN_KEY` (a decision made on paper is recorded with `akkoord attest`)",
    },
    "sig.version_after_today": {
        "nl": "versie {label} is gedateerd {date}, na vandaag ({today})",
        "en": "version {label} is dated {date}, after today ({today})",
    },
    "sig.new_statement_bad": {
        "nl": "--key {path}: de nieuwe verklaring {why}; er is niets geschreven",
        "en": "--key {path}: the new statement {why}; nothing was written",
    },
    "sig.new.namespace": {
        "nl": "zou worden ondertekend in SSH-naamruimte {namespace!r}, niet {expected!r}: een handtekening die voor "
        "iets anders is gezet, telt niet voor deze verklaring",
        "en": "would be signed in SSH namespace {namespace!r}, not {expected!r}: a signature made for something "
        "else does not count as this statement",
    },
    "sig.new.namespace.attestation": {
        "nl": "zou worden ondertekend in SSH-naamruimte {namespace!r}, niet {expected!r}: een handtekening die voor "
        "iets anders is gezet, telt niet voor deze verklaring (een vastlegging door beheerders is nooit de eigen "
        "handtekening van de ondertekenaar)",
        "en": "would be signed in SSH namespace {namespace!r}, not {expected!r}: a signature made for something "
        "else does not count as this statement (an attestation is never the signatory's own signature)",
    },
    "sig.new.others_key": {
        "nl": "zou worden ondertekend met de sleutel van {owner} ({fingerprint}), niet met een sleutel van {id}",
        "en": "would be signed with the key of {owner} ({fingerprint}), not with a key of {id}",
    },
    "sig.new.unregistered_key": {
        "nl": "zou worden ondertekend met een sleutel die niet in het register staat ({fingerprint}), niet met een "
        "sleutel van {id}",
        "en": "would be signed with a key that is not registered ({fingerprint}), not with a key of {id}",
    },
    "sig.key_of_other": {
        "nl": "--key {path} ({fingerprint}) is geen geregistreerde sleutel van {id}: het is de sleutel van "
        "{owner}; zie `akkoord signatory show {id}`",
        "en": "--key {path} ({fingerprint}) is not a registered key of {id}: it is the key of {owner}; see "
        "`akkoord signatory show {id}`",
    },
    "sig.key_not_registered": {
        "nl": "--key {path} ({fingerprint}) is geen geregistreerde sleutel van {id}: hij staat niet in het "
        "register; zie `akkoord signatory show {id}`",
        "en": "--key {path} ({fingerprint}) is not a registered key of {id}: it is not in the registry; see "
        "`akkoord signatory show {id}`",
    },
    "sig.key_not_valid_on": {
        "nl": "--key {path}: sleutel {fingerprint} van {id} is {state} op {day}{window}",
        "en": "--key {path}: key {fingerprint} of {id} is {state} on {day}{window}",
    },
    "sig.evidence_required": {
        "nl": "--evidence is verplicht: zeg waar het besluit is vastgelegd (bijvoorbeeld een ondertekend papier, "
        "een collegebesluit)",
        "en": "--evidence is required: say where the decision is documented (e.g. a signed paper, a collegebesluit)",
    },
    "sig.attest_future": {
        "nl": "--date {date} ligt in de toekomst; een vastlegging door beheerders legt een besluit vast dat al is "
        "genomen",
        "en": "--date {date} is in the future; an attestation records a decision already made",
    },
    "sig.attest_before_version": {
        "nl": "--date {date} ligt vóór het bestaan van versie {label} ({since})",
        "en": "--date {date} is before version {label} existed ({since})",
    },
    "sig.could_not_decide": {
        "nl": "{inactive}; zij kan op {date} geen besluit hebben genomen",
        "en": "{inactive}; it cannot have decided on {date}",
    },
    "sig.has_own_key": {
        "nl": "{id} heeft sinds {since} een eigen sleutel in het register; een besluit van {date} ondertekent de "
        "ondertekenaar zelf (`akkoord endorse --as {id}`), een beheerder legt het niet vast",
        "en": "{id} has had a key of its own in the registry since {since}; a decision of {date} is signed by the "
        "signatory itself (`akkoord endorse --as {id}`), not attested",
    },
    "sig.not_admin_key": {
        "nl": "--key {path} is geen beheerderssleutel; een besluit vastleggen (attest) doen de beheerders van het "
        "register",
        "en": "--key {path} is not an admin key; attestations are recorded by the registry admins",
    },
    "sig.admin_signs_already": {
        "nl": "--key {path}: beheerderssleutel {admin} ondertekent deze vastlegging al",
        "en": "--key {path}: admin key {admin} already signs this attestation",
    },
    "sig.admin_signed_already": {
        "nl": "--key {path}: beheerderssleutel {admin} heeft {attestation} al ondertekend",
        "en": "--key {path}: admin key {admin} already signed {attestation}",
    },
    "sig.key_said": {
        "nl": "--key {path}: {why}; er is niets geschreven",
        "en": "--key {path}: {why}; nothing was written",
    },
    "sig.signature_does_not_verify": {
        "nl": "de handtekening klopt niet",
        "en": "its signature does not verify",
    },
    "sig.not_awaiting": {
        "nl": "--attestation {path}: geen vastlegging die op handtekeningen van beheerders wacht (wachtend: {listed})",
        "en": "--attestation {path}: not an attestation that awaits admin signatures (awaiting: {listed})",
    },
    "sig.none": {"nl": "geen", "en": "none"},
    "sig.attestation_unreadable": {
        "nl": "--attestation {path}: het bestand kon niet worden gelezen; voer `akkoord verify` uit",
        "en": "--attestation {path}: its file could not be read; run `akkoord verify`",
    },
    # starting, changing and cosigning the registry
    "sig.admin_key_twice": {
        "nl": "--admin-key {path}: dezelfde sleutel is twee keer gegeven; de drempel telt verschillende sleutels",
        "en": "--admin-key {path}: the same key is given twice; the threshold counts distinct keys",
    },
    "sig.threshold_too_high": {
        "nl": "--threshold {threshold} is meer dan de {count} gegeven beheerderssleutel(s)",
        "en": "--threshold {threshold} is more than the {count} admin key(s) given",
    },
    "sig.registry_exists": {
        "nl": "deze repository heeft al een register (records/); wijzig het met `akkoord signatory ...`",
        "en": "this repository already has a registry (records/); change it with `akkoord signatory ...`",
    },
    "sig.record_after_day": {
        "nl": "de nieuwste vastlegging van de beheerders is gedateerd {newest}, na {day}; controleer de klok (of "
        "--date)",
        "en": "the newest admin record is dated {newest}, after {day}; check the clock (or --date)",
    },
    "sig.nothing_to_cosign": {
        "nl": "geen vastlegging van de beheerders wacht op handtekeningen; er is niets mee te ondertekenen",
        "en": "no admin record awaits signatures; nothing to cosign",
    },
    "sig.record_signed_already": {
        "nl": "--key {path}: beheerderssleutel {admin} heeft vastlegging {record} al ondertekend",
        "en": "--key {path}: admin key {admin} already signed record {record}",
    },
    "sig.no_fork": {
        "nl": "het register heeft geen splitsing om op te lossen",
        "en": "the registry has no fork to resolve",
    },
    "sig.drop_unclear": {
        "nl": "--drop {prefix!r} wijst geen (of meer dan één) van de gesplitste vastleggingen aan: {listed}",
        "en": "--drop {prefix!r} names none (or several) of the forked records: {listed}",
    },
    # public and private key files
    "sig.key.refused.rsa": {"nl": "RSA-sleutels worden niet geaccepteerd", "en": "RSA keys are not accepted"},
    "sig.key.refused.dsa": {"nl": "DSA-sleutels worden niet geaccepteerd", "en": "DSA keys are not accepted"},
    "sig.key.refused.cert": {"nl": "certificaten worden niet geaccepteerd", "en": "certificates are not accepted"},
    "sig.key.private_given": {
        "nl": "{source}: dit is een PRIVÉ-sleutel; geef de publieke sleutel (het .pub-bestand) en houd de "
        "privésleutel geheim",
        "en": "{source}: this is a PRIVATE key; give the public key (the .pub file) and keep the private key secret",
    },
    "sig.key.lines": {
        "nl": "{source}: verwacht één regel met een publieke sleutel 'TYPE BASE64 [commentaar]', gevonden: "
        "{count} regels",
        "en": "{source}: expected one public key line 'TYPE BASE64 [comment]', found {count} lines",
    },
    "sig.key.shape": {
        "nl": "{source}: verwacht 'TYPE BASE64 [commentaar]'; is dit wel een publieke SSH-sleutel?",
        "en": "{source}: expected 'TYPE BASE64 [comment]'; is this an SSH public key?",
    },
    "sig.key.refused": {
        "nl": "{source}: {why}; gebruik een ed25519-, ecdsa- of sk-sleutel (hardwaresleutel) (ssh-keygen -t ed25519)",
        "en": "{source}: {why}; use an ed25519, ecdsa or sk- (hardware) key (ssh-keygen -t ed25519)",
    },
    "sig.key.type": {
        "nl": "{source}: sleuteltype {type!r} wordt niet geaccepteerd; gebruik ed25519, ecdsa of een "
        "sk-hardwaresleutel",
        "en": "{source}: key type {type!r} is not accepted; use ed25519, ecdsa or a hardware sk- key",
    },
    "sig.key.base64": {
        "nl": "{source}: de sleutelgegevens zijn geen base64",
        "en": "{source}: the key data is not base64",
    },
    "sig.key.malformed": {
        "nl": "{source}: beschadigde {type}-sleutel ({why})",
        "en": "{source}: malformed {type} key ({why})",
    },
    "sig.key.too_large": {
        "nl": "{source}: te groot voor een bestand met een publieke sleutel",
        "en": "{source}: too large for a public key file",
    },
    "sig.key.not_key_file": {
        "nl": "--key {source}: geen SSH-sleutelbestand; geef het pad van uw privé-SSH-sleutel (niet het .pub-bestand)",
        "en": "--key {source}: not an SSH key file; give the path of your private SSH key (not the .pub)",
    },
    "sig.key.private_truncated": {
        "nl": "--key {source}: het bestand met de privésleutel is afgebroken",
        "en": "--key {source}: truncated private key file",
    },
    "sig.key.private_malformed": {
        "nl": "--key {source}: beschadigd OpenSSH-bestand met een privésleutel",
        "en": "--key {source}: malformed OpenSSH private key file",
    },
    "sig.key.private_type": {
        "nl": "--key {source}: {type}-sleutels worden niet geaccepteerd; gebruik een ed25519-, ecdsa- of sk-sleutel "
        "(hardwaresleutel)",
        "en": "--key {source}: {type} keys are not accepted; use an ed25519, ecdsa or sk- (hardware) key",
    },
    "sig.key.private_key_malformed": {
        "nl": "--key {source}: beschadigde sleutel ({why})",
        "en": "--key {source}: malformed key ({why})",
    },
    "sig.blob.truncated": {"nl": "afgebroken", "en": "truncated"},
    "sig.blob.name": {
        "nl": "de sleutelgegevens noemen {found!r}, niet {expected!r}",
        "en": "the key data says {found!r}, not {expected!r}",
    },
    "sig.blob.ed25519": {"nl": "een ed25519-sleutel moet 32 bytes zijn", "en": "an ed25519 key must be 32 bytes"},
    "sig.blob.curve": {"nl": "kromme {curve!r} past niet bij {type}", "en": "curve {curve!r} does not match {type}"},
    "sig.blob.point": {
        "nl": "beschadigd punt op de elliptische kromme",
        "en": "malformed elliptic-curve point",
    },
    "sig.blob.application": {
        "nl": "de toepassing van een hardwaresleutel moet met 'ssh:' beginnen",
        "en": "a hardware key's application must start with 'ssh:'",
    },
    "sig.blob.trailing": {"nl": "extra bytes na de sleutel", "en": "trailing bytes after the key"},
    # running ssh-keygen
    "sig.no_ssh_keygen": {
        "nl": "ssh-keygen is niet gevonden; installeer OpenSSH 8.9 of nieuwer (daarmee worden ondertekeningen "
        "gezet en gecontroleerd)",
        "en": "ssh-keygen not found; install OpenSSH 8.9 or later (it signs and checks endorsements)",
    },
    "sig.timeout": {
        "nl": "ssh-keygen was niet binnen {seconds} s klaar (wacht een hardwaresleutel op een aanraking?); er is "
        "niets geschreven",
        "en": "ssh-keygen did not finish within {seconds} s (a hardware key waiting for a touch?); nothing was written",
    },
    "sig.no_message": {"nl": "geen melding", "en": "no message"},
    "sig.sign.passphrase": {
        "nl": "--key {path}: de sleutel is beveiligd met een wachtwoordzin en geen ssh-agent heeft hem; laad hem "
        "met `ssh-add {path}` en probeer opnieuw (akkoord vraagt nooit om een wachtwoordzin)",
        "en": "--key {path}: the key is protected by a passphrase and no ssh-agent holds it; load it with "
        "`ssh-add {path}` and retry (akkoord never asks for passphrases)",
    },
    "sig.sign.public": {
        "nl": "--key {path}: met een publieke sleutel kan alleen worden ondertekend als ssh-agent de privésleutel "
        "heeft (voeg die toe met ssh-add) of als de privésleutel ernaast ligt; ssh-keygen meldde: {why}",
        "en": "--key {path}: a public key can sign only when ssh-agent holds its private half (ssh-add the "
        "private key) or the private key lies beside it; ssh-keygen said: {why}",
    },
    "sig.sign.hardware": {
        "nl": "--key {path}: de hardwaresleutel heeft niet ondertekend (zit hij erin? raak hem aan); {why}",
        "en": "--key {path}: the hardware key did not sign (is it plugged in? touch it); {why}",
    },
    "sig.sign.failed": {
        "nl": "--key {path}: ssh-keygen kon niet ondertekenen: {why}",
        "en": "--key {path}: ssh-keygen could not sign: {why}",
    },
    "sig.key.ssh_keygen_refuses": {
        "nl": "ssh-keygen accepteert de sleutel {fingerprint} niet: {why}",
        "en": "ssh-keygen does not accept the key {fingerprint}: {why}",
    },
    # why a signature does not hold, as the in-process verifier tells it (ssh-keygen's own words are kept as said)
    "sig.verdict.signature": {"nl": "de handtekening {why}", "en": "the signature {why}"},
    "sig.verdict.not_their_key": {
        "nl": "ondertekend met {label}-sleutel {fingerprint}, die geen sleutel van {principal} is voor naamruimte "
        "{namespace} (diens sleutels: {theirs})",
        "en": "signed with {label} key {fingerprint}, which is not a key of {principal} for namespace {namespace} "
        "(its keys: {theirs})",
    },
    "sig.verdict.key_not_valid": {
        "nl": "sleutel {fingerprint} van {principal} is niet geldig op {day}",
        "en": "key {fingerprint} of {principal} is not valid on {day}",
    },
    # a signature (or the key in it) that cannot be read, as the in-process verifier tells it
    "sig.part.signature": {"nl": "de handtekening", "en": "the signature"},
    "sig.part.public_key": {"nl": "de publieke sleutel", "en": "the public key"},
    "sig.part.signature_value": {"nl": "de handtekeningwaarde", "en": "the signature value"},
    "sig.part.ecdsa": {"nl": "de ECDSA-handtekening", "en": "the ECDSA signature"},
    "sig.wire.truncated": {
        "nl": "{what} is afgebroken (in het veld `{field}`)",
        "en": "{what} is truncated (in its {field})",
    },
    "sig.wire.negative": {"nl": "{what}: het veld `{field}` is negatief", "en": "{what}: its {field} is negative"},
    "sig.wire.trailing.one": {
        "nl": "{what} heeft {count} onverwachte extra byte aan het eind",
        "en": "{what} has {count} unexpected trailing byte",
    },
    "sig.wire.trailing.many": {
        "nl": "{what} heeft {count} onverwachte extra bytes aan het eind",
        "en": "{what} has {count} unexpected trailing bytes",
    },
    "sig.armour.too_large": {
        "nl": "is {size} bytes, groter dan welke SSH-handtekening ook",
        "en": "is {size} bytes, larger than any SSH signature",
    },
    "sig.armour.no_begin": {
        "nl": "begint niet met de regel `-----BEGIN SSH SIGNATURE-----`",
        "en": "does not start with the line '-----BEGIN SSH SIGNATURE-----'",
    },
    "sig.armour.no_end": {
        "nl": "heeft geen regel `-----END SSH SIGNATURE-----`",
        "en": "has no line '-----END SSH SIGNATURE-----'",
    },
    "sig.armour.base64": {"nl": "de base64-tekst is beschadigd", "en": "its base64 text is damaged"},
    "sig.sshsig.magic": {
        "nl": "is geen SSHSIG-handtekening (verkeerde beginbytes)",
        "en": "is not an SSHSIG signature (wrong magic)",
    },
    "sig.sshsig.version": {
        "nl": "heeft versie {version}; alleen versie {supported} wordt ondersteund",
        "en": "has version {version}; only version {supported} is supported",
    },
    "sig.sshsig.namespace": {
        "nl": "is gezet in naamruimte {found!r}, niet {expected!r}",
        "en": "was made in namespace {found!r}, not {expected!r}",
    },
    "sig.sshsig.hash": {
        "nl": "gebruikt hashalgoritme {name!r}; alleen sha256 en sha512 worden ondersteund",
        "en": "uses hash algorithm {name!r}; only sha256 and sha512 are supported",
    },
    "sig.sshsig.mismatch": {
        "nl": "past niet bij de ondertekende gegevens (de gegevens of de handtekening zijn na het ondertekenen "
        "gewijzigd)",
        "en": "does not match the signed data (the data or the signature was changed after signing)",
    },
    "sig.sshsig.curve": {
        "nl": "de kromme van de publieke sleutel is niet {curve}",
        "en": "the public key's curve is not {curve}",
    },
    "sig.sshsig.point": {
        "nl": "het punt van de publieke sleutel ligt niet op zijn kromme",
        "en": "the public key's point is not on its curve",
    },
    "sig.sshsig.rsa_small": {
        "nl": "een RSA-sleutel van {bits} bits is te klein (OpenSSH eist 1024 of meer)",
        "en": "an RSA key of {bits} bits is too small (OpenSSH requires 1024 or more)",
    },
    "sig.sshsig.rsa_invalid": {"nl": "de publieke RSA-sleutel is ongeldig", "en": "the RSA public key is invalid"},
    "sig.sshsig.rsa_type": {
        "nl": "RSA-handtekeningtype {type!r} wordt niet geaccepteerd (rsa-sha2-256 of rsa-sha2-512)",
        "en": "RSA signature type {type!r} is not accepted (rsa-sha2-256 or rsa-sha2-512)",
    },
    "sig.sshsig.key_type": {
        "nl": "het sleuteltype {type!r} wordt niet ondersteund",
        "en": "its key type {type!r} is not supported",
    },
    "sig.sshsig.ed25519": {
        "nl": "de publieke Ed25519-sleutel is ongeldig ({size} bytes)",
        "en": "the Ed25519 public key is invalid ({size} bytes)",
    },
    "sig.sshsig.application": {
        "nl": "de toepassing van de hardwaresleutel bevat een NUL-byte",
        "en": "the hardware key's application contains a NUL byte",
    },
    "sig.sshsig.type": {
        "nl": "is een {found!r}-handtekening van een {type}-sleutel",
        "en": "is a {found!r} signature from a {type} key",
    },
}
