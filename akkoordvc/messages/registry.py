"""Messages of the signatory registry and the admin-signed records: refusals of registry changes, the problems a
replay of the records finds, version and decision records, and the problems `verify` finds in endorsed texts."""

MESSAGES = {
    "registry.none": {"nl": "geen", "en": "none"},
    "registry.nothing": {"nl": "niets", "en": "nothing"},
    "registry.pair": {"nl": "{first} en {second}", "en": "{first} and {second}"},
    "registry.list": {"nl": "{first}, {rest}", "en": "{first}, {rest}"},
    # registry operations (registry_ops): what is wrong with one operation or a change to the registry
    "registry.what.key_of": {"nl": "een sleutel van {id}", "en": "a key of {id}"},
    "registry.what.change": {"nl": "de registerwijziging", "en": "the registry change"},
    "registry.what.first_version": {"nl": "de eerste versie van het register", "en": "the first registry version"},
    "registry.op.fields": {"nl": "{what}: verwacht de velden {fields}", "en": "{what}: expected the fields {fields}"},
    "registry.op.not_a_date": {
        "nl": "{what}: {name} is geen datum (JJJJ-MM-DD)",
        "en": "{what}: {name} is not a date (YYYY-MM-DD)",
    },
    "registry.op.wrong_type": {
        "nl": "{what}: {name} heeft het verkeerde type",
        "en": "{what}: {name} has the wrong type",
    },
    "registry.op.name_length": {
        "nl": "{what}: een naam heeft 1 tot 500 tekens",
        "en": "{what}: a name has 1 to 500 characters",
    },
    "registry.op.reason_length": {
        "nl": "{what}: een reden heeft 1 tot 500 tekens",
        "en": "{what}: a reason has 1 to 500 characters",
    },
    "registry.op.unknown": {
        "nl": "onbekende bewerking van het register {name!r}",
        "en": "unknown registry operation {name!r}",
    },
    "registry.op.none": {
        "nl": "{what}: een registerwijziging heeft minstens één bewerking",
        "en": "{what}: a registry change has at least one operation",
    },
    "registry.no_such_key": {
        "nl": "{id} heeft geen sleutel {selector} (haar sleutels: {listed})",
        "en": "{id} has no key {selector} (its keys: {listed})",
    },
    "registry.no_such_key.short": {"nl": "{id} heeft geen sleutel {selector}", "en": "{id} has no key {selector}"},
    "registry.valid_until_before": {
        "nl": "--valid-until {until} ligt vóór de dag waarop de sleutel geldig wordt ({start})",
        "en": "--valid-until {until} is before the key becomes valid ({start})",
    },
    "registry.key_owned.admin": {
        "nl": "sleutel {fingerprint} staat al in het register voor beheerder {id}; elke sleutel hoort bij één eigenaar",
        "en": "key {fingerprint} is already registered for admin {id}; every key belongs to one",
    },
    "registry.key_owned.signatory": {
        "nl": "sleutel {fingerprint} staat al in het register voor ondertekenaar {id}; elke sleutel hoort bij één "
        "eigenaar",
        "en": "key {fingerprint} is already registered for signatory {id}; every key belongs to one",
    },
    "registry.threshold_at_least_one": {"nl": "de drempel is minstens 1", "en": "the threshold is at least 1"},
    "registry.admin_exists": {
        "nl": "beheerderssleutel-id {id!r} bestaat al",
        "en": "admin key id {id!r} already exists",
    },
    "registry.no_admin": {
        "nl": "geen beheerderssleutel {id!r} (beheerderssleutels: {admins})",
        "en": "no admin key {id!r} (admin keys: {admins})",
    },
    "registry.admin_already_revoked": {
        "nl": "beheerderssleutel {id} is al ingetrokken op {date}",
        "en": "admin key {id} was already revoked on {date}",
    },
    "registry.kind_unknown": {
        "nl": "soort {kind!r} bestaat niet; kies uit {kinds}",
        "en": "kind {kind!r} is not one of {kinds}",
    },
    "registry.signatory_exists": {
        "nl": "ondertekenaar {id!r} bestaat al; kies een ander id (zie `akkoord signatory list`)",
        "en": "signatory {id!r} already exists; choose another id (see `akkoord signatory list`)",
    },
    "registry.key_already_revoked": {
        "nl": "sleutel {fingerprint} van {id} is al ingetrokken op {date}",
        "en": "key {fingerprint} of {id} was already revoked on {date}",
    },
    "registry.already_retired": {"nl": "{id} is al gestopt op {date}", "en": "{id} already retired on {date}"},
    # the registry in force (registry.RegistryState): refusals before a change
    "registry.no_registry": {
        "nl": "deze repository heeft geen register van ondertekenaars (records/); begin er een met "
        "`akkoord signatory init --admin-key PUBBESTAND`",
        "en": "this repository has no signatory registry (records/); start one with "
        "`akkoord signatory init --admin-key PUBFILE`",
    },
    "registry.first_does_not_count": {
        "nl": "de eerste vastlegging telt niet",
        "en": "its first record does not count",
    },
    "registry.untrusted": {
        "nl": "het register van ondertekenaars is niet te vertrouwen: {first}; voer `akkoord verify` uit",
        "en": "the signatory registry cannot be trusted: {first}; run `akkoord verify`",
    },
    "registry.forked": {
        "nl": "het register is gesplitst (de vastleggingen {a} en {b} zijn tegelijk gemaakt en gaan niet samen); "
        "een beheerder lost dat eerst op met `akkoord signatory resolve --drop VASTLEGGING --key SLEUTEL`",
        "en": "the registry has a fork (records {a} and {b} were made concurrently and do not commute); "
        "an admin settles it first with `akkoord signatory resolve --drop RECORD --key KEY`",
    },
    "registry.awaits_cosign": {
        "nl": "vastlegging {record} is ondertekend met {have} van de {need} vereiste beheerderssleutels en telt "
        "nog niet; een andere beheerder moet eerst `akkoord signatory cosign --key SLEUTEL` uitvoeren",
        "en": "record {record} is signed by {have} of {need} required admin keys and does not count yet; another "
        "admin must run `akkoord signatory cosign --key KEY` first",
    },
    "registry.damaged": {
        "nl": "het register van ondertekenaars is beschadigd: {where}: {problem}{more}; {how} en probeer het opnieuw",
        "en": "the signatory registry is damaged: {where}: {problem}{more}; {how}, then retry",
    },
    "registry.damaged.more": {"nl": " (en nog {count} bestand(en))", "en": " (and {count} more file(s))"},
    "registry.damaged.restore": {"nl": "zet het terug met `{step}`", "en": "restore it with `{step}`"},
    "registry.damaged.other_clone": {
        "nl": "zet het terug uit een andere kopie",
        "en": "restore it from another clone",
    },
    "registry.bad_anchor": {
        "nl": "vertrouwensanker {text!r} is geen vingerafdruk van een register; geef 'sha256:' met de 64 "
        "hexadecimale tekens die `akkoord init` toonde",
        "en": "trust anchor {text!r} is not a registry fingerprint; give the 'sha256:' + 64 hex digits printed by "
        "`akkoord init`",
    },
    # a record in a few words (registry.describe)
    "registry.describe.registry": {"nl": "registerwijziging ({parts})", "en": "registry change ({parts})"},
    "registry.describe.threshold": {"nl": "zet de drempel op {count}", "en": "sets the threshold to {count}"},
    "registry.describe.version": {"nl": "versievastlegging {label}", "en": "version record {label}"},
    "registry.describe.decision.accept": {
        "nl": "besluit om amendement {amendment} aan te nemen",
        "en": "decision to accept amendment {amendment}",
    },
    "registry.describe.decision.reject": {
        "nl": "besluit om amendement {amendment} af te wijzen",
        "en": "decision to reject amendment {amendment}",
    },
    "registry.describe.decision.withdraw": {
        "nl": "besluit om amendement {amendment} in te trekken",
        "en": "decision to withdraw amendment {amendment}",
    },
    "registry.describe.decision": {
        "nl": "besluit ({outcome}) over amendement {amendment}",
        "en": "decision to {outcome} amendment {amendment}",
    },
    "registry.describe.resolution": {
        "nl": "besluit over een splitsing dat {records} laat vervallen",
        "en": "resolution dropping {records}",
    },
    # problems of the records (after "PATH: ")
    "registry.problem.second_start": {
        "nl": "is een tweede vastlegging zonder ouders; er kan er maar één het vertrouwensanker zijn (de eerste "
        "versie van het register)",
        "en": "is a second record without parents; only one can be the trust anchor (the first registry version)",
    },
    "registry.problem.anchor_mismatch": {
        "nl": "het register begint bij sha256:{sha}, niet bij het vastgezette vertrouwensanker sha256:{pinned}: "
        "dit is niet het register dat u vertrouwt",
        "en": "the registry starts at sha256:{sha}, not at the pinned trust anchor sha256:{pinned}: this is not "
        "the registry you trust",
    },
    "registry.problem.no_registry_pinned": {
        "nl": "er is een vertrouwensanker vastgezet, maar deze repository heeft geen register",
        "en": "a trust anchor is pinned, but this repository has no registry",
    },
    "registry.problem.first_not_registry": {
        "nl": "de eerste vastlegging moet een registerwijziging zijn (het vertrouwensanker)",
        "en": "the first record must be a registry record (the trust anchor)",
    },
    "registry.problem.first_invalid": {
        "nl": "geen geldige eerste versie van het register: {error}",
        "en": "not a valid first registry version: {error}",
    },
    "registry.problem.drop": {
        "nl": "een besluit over een splitsing moet een of meer van de vastleggingen laten vervallen die het samenvoegt",
        "en": "a resolution must drop one or more of the records it joins",
    },
    "registry.problem.untrusted_base": {
        "nl": "{what} bouwt voort op een vastlegging die niet telt",
        "en": "{what} builds on a record that does not count",
    },
    "registry.problem.serial": {
        "nl": "heeft volgnummer {serial}, maar haar ouders geven {expected}; volgnummers gaan met één omhoog",
        "en": "has serial {serial}, but its parents give {expected}; serials go up by one",
    },
    "registry.problem.date": {
        "nl": "is gedateerd {date}, vóór de vastlegging waarop zij volgt ({newest})",
        "en": "is dated {date}, before the record it follows ({newest})",
    },
    "registry.problem.future": {
        "nl": "is gedateerd {date}, na vandaag ({today})",
        "en": "is dated {date}, after today ({today})",
    },
    "registry.problem.no_base": {
        "nl": "haar ouders geven geen register",
        "en": "its parents do not give a registry",
    },
    "registry.problem.does_not_apply": {"nl": "{what} past niet: {error}", "en": "{what} does not apply: {error}"},
    "registry.problem.unlinked": {
        "nl": "noemt een vastlegging als ouder die niet in de repository staat",
        "en": "names a parent record that is not in the repository",
    },
    "registry.problem.fork": {
        "nl": "{a} en {b} zijn tegelijk gemaakt (geen van beide bouwt voort op de ander) en gaan niet samen: "
        "{which} totdat de beheerders een besluit over de splitsing ondertekenen "
        "(`akkoord signatory resolve --drop VASTLEGGING --key SLEUTEL`)",
        "en": "{a} and {b} were made concurrently (neither builds on the other) and do not commute: {which} until "
        "the admins sign a resolution (`akkoord signatory resolve --drop RECORD --key KEY`)",
    },
    "registry.problem.fork.neither": {"nl": "geen van beide telt", "en": "neither counts"},
    "registry.problem.fork.one": {"nl": "{what} ({record}) telt niet", "en": "the {what} ({record}) does not count"},
    "registry.problem.on_fork": {
        "nl": "bouwt voort op een vastlegging uit een splitsing; zij telt zodra de splitsing is opgelost",
        "en": "builds on a forked record; it counts once the fork is resolved",
    },
    "registry.problem.pending": {
        "nl": "{what} is ondertekend met {good} van de {threshold} vereiste beheerderssleutels; dit telt pas "
        "als een andere beheerder `akkoord signatory cosign --key SLEUTEL` uitvoert",
        "en": "{what} is signed by {good} of the {threshold} admin keys required; it does not count until another "
        "admin runs `akkoord signatory cosign --key KEY`",
    },
    "registry.problem.unsigned": {
        "nl": "{what} heeft {good} van de {threshold} vereiste handtekeningen van beheerders; dit telt niet",
        "en": "{what} has {good} of the {threshold} required admin signatures; it does not count",
    },
    # record files and their signatures (records)
    "registry.record.type": {
        "nl": "het type is {kind!r}; mogelijk zijn {types}",
        "en": "type is {kind!r}, expected one of {types}",
    },
    "registry.record.parents": {
        "nl": "de ouders (parents) moeten een gesorteerde lijst van verschillende hashes van vastleggingen zijn",
        "en": "parents must be a sorted list of distinct record hashes",
    },
    "registry.record.serial": {
        "nl": "het volgnummer valt buiten het toegestane bereik",
        "en": "serial is out of range",
    },
    "registry.record.date": {"nl": "datum {date!r} is niet JJJJ-MM-DD", "en": "date {date!r} is not YYYY-MM-DD"},
    "registry.record.malformed": {
        "nl": "is geen geldige vastlegging: {error}",
        "en": "is not a valid record: {error}",
    },
    "registry.record.misnamed": {
        "nl": "de naam is niet de SHA-256 van de inhoud",
        "en": "its name is not the SHA-256 of its content",
    },
    "registry.record.stray": {
        "nl": "is geen vastlegging (records/<sha256>.json) of een handtekening daarvan; het wordt genegeerd",
        "en": "is not a record (records/<sha256>.json) or its signature; it is ignored",
    },
    "registry.record.stray_signature": {
        "nl": "ondertekent een vastlegging die niet in de repository staat",
        "en": "signs a record that is not in the repository",
    },
    "registry.signature.unknown_admin": {
        "nl": "noemt beheerderssleutel {id!r}, die het register waaronder deze vastlegging is gemaakt niet kent; "
        "deze handtekening telt niet",
        "en": "names admin key {id!r}, which the registry this record was made under does not have; it does not count",
    },
    "registry.signature.not_ssh": {
        "nl": "is geen SSH-handtekening (beschadigd of vervangen); deze handtekening telt niet",
        "en": "is not an SSH signature (damaged or replaced); it does not count",
    },
    "registry.signature.namespace": {
        "nl": "is gemaakt in SSH-namespace {namespace!r}, niet in {expected!r}; deze handtekening telt niet",
        "en": "was made in SSH namespace {namespace!r}, not {expected!r}; it does not count",
    },
    "registry.signature.other_key": {
        "nl": "is gemaakt met een andere sleutel ({used}), niet met {expected}; deze handtekening telt niet",
        "en": "was made with another key ({used}), not {expected}; it does not count",
    },
    "registry.signature.key_state": {
        "nl": "sleutel {fingerprint} is op {day} {state}; deze handtekening telt niet",
        "en": "key {fingerprint} is {state} on {day}; it does not count",
    },
    "registry.signature.mismatch": {
        "nl": "past niet bij de vastlegging (gewijzigd na het ondertekenen?); ssh-keygen: {said}",
        "en": "does not match the record (changed after signing?); ssh-keygen: {said}",
    },
    # signing an admin record (records.sign): the refusals a user meets with --key
    "registry.sign.admin_state": {
        "nl": "--key {path}: beheerderssleutel {id} is op {date} {state}",
        "en": "--key {path}: admin key {id} is {state} on {date}",
    },
    "registry.sign.does_not_verify": {
        "nl": "--key {path}: de handtekening klopt niet ({why}); er is niets geschreven",
        "en": "--key {path}: the signature does not verify ({why}); nothing was written",
    },
    "registry.sign.needs_key": {
        "nl": "een vastlegging van beheerders moet ondertekend zijn: geef met --key de privésleutel van een beheerder",
        "en": "an admin record must be signed: give --key ADMIN_PRIVATE_KEY",
    },
    "registry.sign.twice": {
        "nl": "--key {path}: beheerderssleutel {id} ondertekent deze vastlegging al; de drempel telt verschillende "
        "sleutels",
        "en": "--key {path}: admin key {id} already signs this record; the threshold counts distinct keys",
    },
    "registry.sign.not_admin": {
        "nl": "--key {path}: {what} is geen beheerderssleutel van het register (beheerderssleutels: {admins}); "
        "vastleggingen van beheerders worden ondertekend met de beheerderssleutels van het secretariaat",
        "en": "--key {path}: {what} is not an admin key of the registry (admin keys: {admins}); admin records must "
        "be signed by the secretariat's admin keys",
    },
    "registry.sign.signatory_key": {"nl": "de sleutel van ondertekenaar {id}", "en": "the key of signatory {id}"},
    "registry.sign.key": {"nl": "sleutel {fingerprint}", "en": "key {fingerprint}"},
    # amendment decisions signed by the admins (decisions)
    "registry.decision.no_registry_key": {
        "nl": "--key: deze repository heeft geen register van ondertekenaars, dus besluiten worden niet ondertekend",
        "en": "--key: this repository has no signatory registry, so decisions are not signed",
    },
    "registry.decision.no_registry": {
        "nl": "deze repository heeft geen register van ondertekenaars, dus besluiten worden niet ondertekend",
        "en": "this repository has no signatory registry, so decisions are not signed",
    },
    "registry.decision.needs_key": {
        "nl": "geef met --key de privésleutel van een beheerder (herhaal --key als de drempel er meer vraagt)",
        "en": "give --key ADMIN_PRIVATE_KEY (repeatable when the threshold needs several)",
    },
    "registry.decision.after_today": {
        "nl": "--date {day} ligt na vandaag ({today}); een besluit wordt op of na zijn dag ondertekend",
        "en": "--date {day} is after today ({today}); a decision is signed on or after its day",
    },
    "registry.decision.outcome": {
        "nl": "heeft uitkomst {outcome!r}; mogelijk zijn {outcomes}",
        "en": "has outcome {outcome!r}, not one of {outcomes}",
    },
    "registry.decision.not_its_event": {
        "nl": "noemt gebeurtenisbestand {path}, dat geen gebeurtenis van amendement {id} is",
        "en": "names event file {path}, which is not an event of amendment {id}",
    },
    "registry.decision.event_missing": {
        "nl": "noemt gebeurtenisbestand {path}, dat niet in de repository staat (verwijderd?)",
        "en": "names event file {path}, which is not in the repository (deleted?)",
    },
    "registry.decision.event_changed": {
        "nl": "noemt gebeurtenisbestand {path}, waarvan de inhoud niet de ondertekende is (gewijzigd na het "
        "ondertekenen)",
        "en": "names event file {path}, whose bytes are not the ones signed (changed after signing)",
    },
    "registry.decision.event_unreadable": {
        "nl": "noemt gebeurtenisbestand {path}, dat geen leesbare gebeurtenis is",
        "en": "names event file {path}, which is not a readable event",
    },
    "registry.decision.says": {
        "nl": "zegt {outcome}, maar volgens de gebeurtenis die het noemt is het amendement {status}",
        "en": "says {outcome}, but the event it names records {status}",
    },
    "registry.decision.revision": {
        "nl": "besluit over revisie {revision}, maar de gebeurtenis die het noemt gaat over revisie {event}",
        "en": "decides revision {revision}, but the event it names is about revision {event}",
    },
    "registry.decision.signed_before": {
        "nl": "is ondertekend op {date}, vóór de dag van de gebeurtenis die het noemt ({day})",
        "en": "was signed on {date}, before the day of the event it names ({day})",
    },
    "registry.decision.outcome.accept": {"nl": "aannemen", "en": "accept"},
    "registry.decision.outcome.reject": {"nl": "afwijzen", "en": "reject"},
    "registry.decision.outcome.withdraw": {"nl": "intrekken", "en": "withdraw"},
    "registry.decision.mismatch": {
        "nl": "besluitvastlegging {record} {why}",
        "en": "decision record {record} {why}",
    },
    "registry.decision.consolidated_unsigned": {
        "nl": "legt vast dat amendement {id} is verwerkt, maar geen door de beheerders ondertekende "
        "versievastlegging verwerkt het",
        "en": "records that amendment {id} was consolidated, but no version record signed by the admins "
        "consolidates it",
    },
    "registry.decision.unsigned": {
        "nl": "legt vast dat amendement {id} {status} is ({date}), maar {why}",
        "en": "records that amendment {id} was {status} ({date}), but {why}",
    },
    "registry.decision.unsigned.not_counting": {
        "nl": "de besluitvastlegging {record} telt niet (zie {path})",
        "en": "its decision record {record} does not count (see {path})",
    },
    "registry.decision.unsigned.none": {
        "nl": "geen door de beheerders ondertekende besluitvastlegging staat erachter (een gebeurtenis geschreven "
        "zonder de drempel van beheerders)",
        "en": "no decision record signed by the admins backs it (an event written without the admin threshold)",
    },
    "registry.decision.stale": {
        "nl": "amendement {id} is aangenomen, maar zijn vastlegging is niet wat de beheerders aannamen "
        "(besluitvastlegging {record}: revisie {revision}, amendment.xml sha256 {accepted}…; nu revisie {now}, "
        "{held}…): het is gewijzigd na de aanneming",
        "en": "amendment {id} is accepted, but its record is not what the admins accepted (decision record "
        "{record}: revision {revision}, amendment.xml sha256 {accepted}…; now revision {now}, {held}…): it was "
        "changed after the acceptance",
    },
    "registry.decision.unverified": {
        "nl": "versie {label} kan niet worden gemaakt: de aanneming van amendement {id} klopt niet ({where}: "
        "{problem}); er is niets geschreven — voer `akkoord verify` uit",
        "en": "cannot create version {label}: the acceptance of amendment {id} does not verify ({where}: "
        "{problem}); nothing was written — run `akkoord verify`",
    },
    "registry.decision.nothing_to_sign": {
        "nl": "amendement {id}: geen onondertekend besluit om te ondertekenen (`akkoord verify` noemt ze)",
        "en": "amendment {id}: no unsigned decision to sign (`akkoord verify` lists them)",
    },
    "registry.decision.event_after_today": {
        "nl": "{path}: gedateerd {date}, na vandaag ({today}); er is niets geschreven",
        "en": "{path}: dated {date}, after today ({today}); nothing was written",
    },
    # version records (versions)
    "registry.version.chain": {"nl": "versievastlegging {label} {why}", "en": "version record {label} {why}"},
    "registry.version.no_day": {"nl": "heeft geen geldige dag", "en": "has no valid day"},
    "registry.version.follows": {
        "nl": "volgt op versievastlegging {follows}, maar de laatste versie ervoor is {expected}: versies vormen "
        "één keten",
        "en": "follows version record {follows}, but the latest version before it is {expected}: versions form "
        "one chain",
    },
    "registry.version.not_after": {
        "nl": "volgt op een versievastlegging waarna zij niet is gemaakt",
        "en": "follows a version record it was not made after",
    },
    "registry.version.label_taken": {
        "nl": "claimt label {label}, dat een eerdere versie al heeft",
        "en": "claims label {label}, which an earlier version already has",
    },
    "registry.version.dated_before": {
        "nl": "is gedateerd {day}, vóór de versie waarop zij volgt ({previous})",
        "en": "is dated {day}, before the version it follows ({previous})",
    },
    "registry.version.day_after_signing": {
        "nl": "geeft de versie de dag {day}, na de dag waarop zij is ondertekend ({signed})",
        "en": "gives the version the day {day}, after the day it was signed ({signed})",
    },
    "registry.version.text": {
        "nl": "versie {label} noemt commit {commit}, die niet de ondertekende tekst bevat (text_sha256 verschilt, "
        "of de commit ontbreekt)",
        "en": "version {label} names commit {commit}, which does not hold the text it signed (text_sha256 differs, "
        "or the commit is missing)",
    },
    "registry.version.tag_moved": {
        "nl": "wijst naar commit {tag}, maar de ondertekende versievastlegging noemt {commit}: de tag is "
        "verplaatst; wat telt is de vastlegging",
        "en": "points to commit {tag}, but the signed version record names {commit}: the tag was moved; the "
        "record is what counts",
    },
    "registry.version.tag_redated": {
        "nl": "noemt als datum van de versie {tagged}, maar haar ondertekende vastlegging noemt {date}: de tag is "
        "opnieuw gemaakt; wat telt is de vastlegging",
        "en": "says the version is dated {tagged}, but its signed record says {date}: the tag was re-made; the "
        "record is what counts",
    },
    "registry.version.unsigned": {
        "nl": "versie {label} heeft een tag maar geen door de beheerders ondertekende versievastlegging: het is "
        "geen versie",
        "en": "version {label} has a tag but no version record signed by the admins: it is not a version",
    },
    "registry.version.tag_exists": {
        "nl": "versie {label} bestaat al als tag; onderteken haar eerst met "
        "`akkoord version create {label} --key SLEUTEL`",
        "en": "version {label} already exists as a tag; sign it first with `akkoord version create {label} --key KEY`",
    },
    "registry.version.after_today": {
        "nl": "--date {day} ligt na vandaag ({today}); een versie wordt op of na haar dag ondertekend",
        "en": "--date {day} is after today ({today}); a version is signed on or after its day",
    },
    "registry.version.before_previous": {
        "nl": "--date {day} ligt vóór versie {label} ({date})",
        "en": "--date {day} is before version {label} ({date})",
    },
    "registry.version.tag_no_commit": {
        "nl": "versie {label}: haar tag noemt geen commit van deze repository",
        "en": "version {label}: its tag names no commit of this repository",
    },
    "registry.version.no_registry_key": {
        "nl": "--key: deze repository heeft geen register van ondertekenaars, dus versies worden niet ondertekend",
        "en": "--key: this repository has no signatory registry, so versions are not signed",
    },
    # the endorsed text against the repository (verify): after "PATH: "
    "registry.text.not_a_version": {
        "nl": "ondertekent versie {label}, die geen ondertekende versie van deze repository is",
        "en": "endorses version {label}, which is not a signed version of this repository",
    },
    "registry.text.record": {
        "nl": "noemt versievastlegging {named}, maar de ondertekende vastlegging van versie {label} is {record}",
        "en": "names version record {named}, but the signed record of version {label} is {record}",
    },
    "registry.text.moved": {
        "nl": "ondertekent versie {label} op commit {commit}, maar versie {label} is commit {actual}: de versie "
        "is verplaatst nadat zij werd ondertekend",
        "en": "endorses version {label} at commit {commit}, but version {label} is commit {actual}: the version "
        "was moved after it was endorsed",
    },
    "registry.text.sha": {
        "nl": "ondertekent de tekst met sha256 {sha}…, maar versie {label} in deze repository heeft sha256 "
        "{actual}…: het is niet de tekst die werd ondertekend",
        "en": "endorses the text with sha256 {sha}…, but version {label} in this repository has sha256 {actual}…: "
        "the text is not the one that was endorsed",
    },
    "registry.text.dated_before": {
        "nl": "is gedateerd {date}, voordat versie {label} bestond ({created})",
        "en": "is dated {date}, before version {label} existed ({created})",
    },
    "registry.text.no_commit": {
        "nl": "ondertekent commit {commit}, die niet in deze repository staat",
        "en": "endorses commit {commit}, which is not in this repository",
    },
    "registry.text.commit_sha": {
        "nl": "zegt dat commit {commit} tekst met sha256 {sha}… heeft, maar die heeft {actual}…",
        "en": "says commit {commit} has text sha256 {sha}…, but it has {actual}…",
    },
    "registry.text.clauses": {
        "nl": "de hashes van de artikelen passen niet bij de ondertekende tekst",
        "en": "its clause hashes do not match the endorsed text",
    },
    "registry.text.agreement": {
        "nl": "gaat over akkoord {named!r}, niet over {actual!r}",
        "en": "is about agreement {named!r}, not {actual!r}",
    },
    "registry.problem.no_registry": {
        "nl": "er zijn verklaringen maar geen register van ondertekenaars om ze tegen te controleren",
        "en": "there are statements but no signatory registry to check them against",
    },
    "registry.problem.statement_term": {
        "nl": "legt een besluit van {date} vast, maar {inactive}",
        "en": "attests a decision of {date}, but {inactive}",
    },
}
