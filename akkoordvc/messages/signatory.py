"""Messages of `akkoord signatory`: the registry of signatories and admin keys."""

_BY_ADMIN = {
    "nl": "Auteur van de git-commit: 'Naam <e-mail>' of een naam (standaard: de gebruiker van git).",
    "en": "Author of the git commit: 'Name <email>' or a name (default: git's user).",
}
_ADMIN_KEYS = {
    "nl": "Privé-SSH-sleutel van een registerbeheerder (herhaalbaar als er meer handtekeningen nodig zijn).",
    "en": "Private SSH key of a registry admin (repeatable when the threshold needs several).",
}

MESSAGES = {
    "signatory.help.signatory.cosign.opt.attestation": {
        "nl": "Onderteken deze vastlegging (attestations/...json) mee in plaats van de registerwijziging die op "
        "handtekeningen wacht.",
        "en": "Cosign this attestation (attestations/...json) instead of the admin record that awaits signatures.",
    },
    "signatory.not_registered": {
        "nl": "ondertekenaar {id!r} staat niet in het register (wel: {known}); een registerbeheerder neemt hem op "
        "met: akkoord signatory add {id} --name 'NAAM' --kind organisation --pubkey {id}.pub --key BEHEERSLEUTEL",
        "en": "signatory {id!r} is not in the registry (known: {known}); a registry admin adds it with: "
        "akkoord signatory add {id} --name 'NAME' --kind organisation --pubkey {id}.pub --key ADMIN_KEY",
    },
    "signatory.show.public_key": {"nl": "  publiek    {line}", "en": "  public     {line}"},
    "signatory.show.register_another": {
        "nl": "Een registerbeheerder registreert een nieuwe sleutel met:\n"
        "  akkoord signatory add-key {id} --pubkey NIEUW.pub --key BEHEERSLEUTEL",
        "en": "A registry admin registers a new key with:\n  akkoord signatory add-key {id} --pubkey NEW.pub --key ADMIN_KEY",
    },
    "signatory.help.signatory.add.opt.kind": {
        "nl": "Wat voor ondertekenaar: organisation (een organisatie), person (een persoon) of college (een college "
        "van B&W, met --term-start).",
        "en": "What kind of signatory: organisation, person, or college (a college of B&W, with --term-start).",
    },
    "signatory.help.signatory.add.opt.term_start": {
        "nl": "college: eerste dag in functie.",
        "en": "college: first day in office.",
    },
    "signatory.help.signatory.add.opt.term_end": {
        "nl": "college: laatste dag in functie.",
        "en": "college: last day in office.",
    },
    "signatory.help.signatory.add.opt.succeeds": {
        "nl": "college: het college dat het opvolgt.",
        "en": "college: the college it succeeds.",
    },
    "signatory.help.signatory.add.opt.pubkeys": {
        "nl": "De publieke SSH-sleutel van de ondertekenaar (.pub; herhaalbaar). Zonder sleutel kan alleen een beheerder een besluit vastleggen (attest).",
        "en": "The signatory's public SSH key (.pub; repeatable). Without one, only attested statements are possible.",
    },
    "signatory.help.signatory.add.opt.valid_from": {
        "nl": "Eerste dag waarop de sleutels mogen ondertekenen (standaard: vandaag).",
        "en": "First day the keys may sign (default: today).",
    },
    "signatory.help.signatory.add-key.opt.pubkey": {
        "nl": "De nieuwe publieke SSH-sleutel (.pub).",
        "en": "The new public SSH key (.pub).",
    },
    "signatory.help.signatory.add-key.opt.valid_from": {
        "nl": "Eerste dag waarop de sleutel mag ondertekenen (standaard: vandaag).",
        "en": "First day the key may sign (default: today).",
    },
    "signatory.help.signatory.add-key.opt.valid_until": {
        "nl": "Laatste dag waarop de sleutel mag ondertekenen (standaard: geen einde).",
        "en": "Last day the key may sign (default: open-ended).",
    },
    "signatory.help.signatory.init.opt.admin_keys": {
        "nl": "Publieke SSH-sleutel van een registerbeheerder (herhaalbaar).",
        "en": "Public SSH key of a registry admin (repeatable).",
    },
    "signatory.help.signatory.init.opt.threshold": {
        "nl": "Hoeveel verschillende beheerderssleutels een registerwijziging moeten ondertekenen.",
        "en": "How many distinct admin keys must sign an admin record.",
    },
    "signatory.help.signatory.cosign.opt.key": {
        "nl": "Privé-SSH-sleutel van een registerbeheerder.",
        "en": "Private SSH key of a registry admin.",
    },
    "signatory.help.signatory.resolve.opt.drop": {
        "nl": "Een wijziging uit de splitsing die vervalt (begin van de hash; herhaalbaar).",
        "en": "A forked record to drop (hash prefix; repeatable).",
    },
    "signatory.help.signatory.admin-add.opt.pubkey": {
        "nl": "De publieke SSH-sleutel van de nieuwe beheerder.",
        "en": "The new admin's public SSH key.",
    },
    "signatory.help.signatory.admin-add.opt.name": {
        "nl": "Wie de sleutel heeft (standaard: ADMIN_ID).",
        "en": "Who holds the key (default: ADMIN_ID).",
    },
    "signatory.help.signatory": {
        "nl": "Het register van ondertekenaars: wie mag ondertekenen, met welke sleutels. Wijzigingen vragen "
        "handtekeningen van registerbeheerders.",
        "en": "The signatory registry: who may endorse, with which keys. Changes need admin signatures.",
    },
    "signatory.help.signatory.examples": {
        "nl": "Voorbeelden:\n\n\b\n  akkoord signatory list\n  akkoord signatory show buurtkracht-oost",
        "en": "Examples:\n\n\b\n  akkoord signatory list\n  akkoord signatory show buurtkracht-oost",
    },
    "signatory.help.signatory.add": {
        "nl": "Voeg ondertekenaar ID toe aan het register.",
        "en": "Add signatory ID to the registry.",
    },
    "signatory.help.signatory.add.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord signatory add buurtkracht-oost --name 'Stichting Buurtkracht Oost' "
        "--kind organisation \\\n      --pubkey buurtkracht-oost.pub --key ~/.ssh/beheer",
        "en": "Example:\n\n\b\n  akkoord signatory add buurtkracht-oost --name 'Stichting Buurtkracht Oost' "
        "--kind organisation \\\n      --pubkey buurtkracht-oost.pub --key ~/.ssh/admin",
    },
    "signatory.help.signatory.add.opt.name": {
        "nl": "De naam van de ondertekenaar zoals die getoond wordt.",
        "en": "The signatory's name as it should be shown.",
    },
    "signatory.help.signatory.add-key": {
        "nl": "Registreer nog een publieke sleutel voor ondertekenaar ID.",
        "en": "Register another public key for signatory ID.",
    },
    "signatory.help.signatory.add-key.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord signatory add-key buurtkracht-oost --pubkey nieuwe-sleutel.pub --key ~/.ssh/beheer",
        "en": "Example:\n\n\b\n  akkoord signatory add-key buurtkracht-oost --pubkey new-key.pub --key ~/.ssh/admin",
    },
    "signatory.help.signatory.revoke-key": {
        "nl": "Trek een sleutel van ondertekenaar ID in. Wat hij vóór die dag ondertekende, blijft geldig.",
        "en": "Revoke a key of signatory ID. Statements it signed before that day stay valid.",
    },
    "signatory.help.signatory.revoke-key.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord signatory revoke-key buurtkracht-oost SHA256:abc... --reason lost "
        "--key ~/.ssh/beheer",
        "en": "Example:\n\n\b\n  akkoord signatory revoke-key buurtkracht-oost SHA256:abc... --reason lost "
        "--key ~/.ssh/admin",
    },
    "signatory.help.signatory.retire": {
        "nl": "Beëindig ondertekenaar ID: die ondertekent niets meer; wat eerder ondertekend is, blijft geldig.",
        "en": "Retire signatory ID: it signs nothing more; what it signed before stays valid.",
    },
    "signatory.help.signatory.retire.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord signatory retire huurders-zuidoost --key ~/.ssh/beheer",
        "en": "Example:\n\n\b\n  akkoord signatory retire huurders-zuidoost --key ~/.ssh/admin",
    },
    "signatory.help.signatory.list": {
        "nl": "Toon de ondertekenaars van het geldende register.",
        "en": "List the signatories of the registry in force.",
    },
    "signatory.help.signatory.list.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord signatory list",
        "en": "Example:\n\n\b\n  akkoord signatory list",
    },
    "signatory.help.signatory.show": {
        "nl": "Toon ondertekenaar ID (of een beheerderssleutel): soort, termijn, opvolging en sleutels met hun "
        "geldigheid.",
        "en": "Show signatory ID (or an admin key): kind, term, succession and keys with their windows.",
    },
    "signatory.help.signatory.show.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord signatory show college-2026-2030",
        "en": "Example:\n\n\b\n  akkoord signatory show college-2026-2030",
    },
    "signatory.help.signatory.init": {
        "nl": "Begin het register in een repository die zonder `init --admin-key` is gemaakt.",
        "en": "Start the registry in a repository created without `init --admin-key`.",
    },
    "signatory.help.signatory.init.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord signatory init --admin-key beheer.pub",
        "en": "Example:\n\n\b\n  akkoord signatory init --admin-key admin.pub",
    },
    "signatory.help.signatory.cosign": {
        "nl": "Zet uw beheerdershandtekening onder een registerwijziging die op meer handtekeningen wacht.",
        "en": "Add your admin signature to an admin record that awaits more signatures (threshold > 1).",
    },
    "signatory.help.signatory.cosign.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord signatory cosign --key ~/.ssh/beheer",
        "en": "Example:\n\n\b\n  akkoord signatory cosign --key ~/.ssh/admin",
    },
    "signatory.help.signatory.resolve": {
        "nl": "Los een splitsing van het register op: onderteken een besluit dat de takken samenvoegt en de "
        "genoemde wijzigingen laat vallen.",
        "en": "Settle a registry fork: sign a resolution that joins every branch and drops the records named.",
    },
    "signatory.help.signatory.resolve.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord signatory resolve --drop 5a5c7a9a --reason 'Dubbel ingevoerd' --key ~/.ssh/beheer",
        "en": "Example:\n\n\b\n  akkoord signatory resolve --drop 5a5c7a9a --reason 'Entered twice' --key ~/.ssh/admin",
    },
    "signatory.help.signatory.admin-add": {
        "nl": "Voeg een beheerderssleutel toe aan het register (ondertekend door de huidige beheerders).",
        "en": "Add an admin key to the registry (signed by the current admins).",
    },
    "signatory.help.signatory.admin-add.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord signatory admin-add griffie --pubkey griffie.pub --key ~/.ssh/beheer",
        "en": "Example:\n\n\b\n  akkoord signatory admin-add clerk --pubkey clerk.pub --key ~/.ssh/admin",
    },
    "signatory.help.signatory.admin-revoke": {
        "nl": "Trek een beheerderssleutel in (ondertekend door de huidige beheerders).",
        "en": "Revoke an admin key (signed by the current admins).",
    },
    "signatory.help.signatory.admin-revoke.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord signatory admin-revoke griffie --reason 'Vertrokken' --key ~/.ssh/beheer",
        "en": "Example:\n\n\b\n  akkoord signatory admin-revoke clerk --reason 'Left' --key ~/.ssh/admin",
    },
    "signatory.help.signatory.threshold": {
        "nl": "Stel in hoeveel verschillende beheerderssleutels een registerwijziging moeten ondertekenen.",
        "en": "Set how many distinct admin keys must sign an admin record (signed under the current threshold).",
    },
    "signatory.help.signatory.threshold.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord signatory threshold 2 --key ~/.ssh/beheer",
        "en": "Example:\n\n\b\n  akkoord signatory threshold 2 --key ~/.ssh/admin",
    },
}

for _command in (
    "add",
    "add-key",
    "revoke-key",
    "retire",
    "init",
    "cosign",
    "resolve",
    "admin-add",
    "admin-revoke",
    "threshold",
):
    MESSAGES[f"signatory.help.signatory.{_command}.opt.by"] = _BY_ADMIN
    MESSAGES[f"signatory.help.signatory.{_command}.opt.keys"] = _ADMIN_KEYS

MESSAGES.update(
    {
        # what a registry change says once committed (followed by its record, serial and commit)
        "signatory.added": {"nl": "Ondertekenaar {id} toegevoegd", "en": "Added signatory {id}"},
        "signatory.key_added": {"nl": "Sleutel toegevoegd voor {id}", "en": "Added a key for {id}"},
        "signatory.key_revoked": {"nl": "Sleutel van {id} ingetrokken", "en": "Revoked a key of {id}"},
        "signatory.retired": {"nl": "Ondertekenaar {id} gestopt", "en": "Retired signatory {id}"},
        "signatory.admin_added": {"nl": "Beheerderssleutel {id} toegevoegd", "en": "Added admin key {id}"},
        "signatory.admin_revoked": {"nl": "Beheerderssleutel {id} ingetrokken", "en": "Revoked admin key {id}"},
        "signatory.threshold_set": {"nl": "Drempel op {count} gezet", "en": "Threshold set to {count}"},
        "signatory.cosigned": {"nl": "Medeondertekend: {record}", "en": "Cosigned the {record}"},
        "signatory.fork_resolved": {"nl": "Splitsing van het register opgelost", "en": "Resolved the registry fork"},
    }
)
