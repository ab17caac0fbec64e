"""Commit and tag messages: the words akkoord writes into a repository's history.

They are in the agreement's language, whatever language the command line speaks (`Workspace.in_text_language`):
a Dutch repository's history reads in Dutch. The trailers below a message (``Akkoord-Change: ...``) are read by
code and stay as they are.
"""

MESSAGES = {
    "commit.init": {"nl": "Begin akkoord {id}: {title}", "en": "Start agreement {id}: {title}"},
    "commit.version": {"nl": "Versie {label}", "en": "Version {label}"},
    "commit.consolidate": {"nl": "Versie {label} samengesteld", "en": "Consolidate version {label}"},
    "commit.version_record": {
        "nl": "Versie {label}: de ondertekende vastlegging",
        "en": "Version {label}: the signed record",
    },
    "commit.registry_start": {"nl": "Begin het register van ondertekenaars", "en": "Start the signatory registry"},
    "commit.cosign": {"nl": "Medeondertekend: {record}", "en": "Cosign {record}"},
    "commit.resolve_fork": {
        "nl": "Splitsing van het register opgelost: {records} vervallen",
        "en": "Resolve a registry fork: drop {records}",
    },
    "commit.signatory_add": {"nl": "Ondertekenaar {id} toegevoegd: {name}", "en": "Add signatory {id}: {name}"},
    "commit.key_add": {"nl": "Sleutel toegevoegd voor {id}", "en": "Add a key for {id}"},
    "commit.key_revoke": {"nl": "Sleutel van {id} ingetrokken", "en": "Revoke a key of {id}"},
    "commit.signatory_retire": {"nl": "Ondertekenaar {id} gestopt", "en": "Retire signatory {id}"},
    "commit.admin_add": {"nl": "Beheerderssleutel {id} toegevoegd", "en": "Add admin key {id}"},
    "commit.admin_revoke": {"nl": "Beheerderssleutel {id} ingetrokken", "en": "Revoke admin key {id}"},
    "commit.threshold": {
        "nl": "Drempel van het register op {count} gezet",
        "en": "Set the registry threshold to {count}",
    },
    "commit.amend.propose": {"nl": "Amendement {id} voorgesteld: {title}", "en": "Propose amendment {id}: {title}"},
    "commit.amend.accept": {"nl": "Amendement {id} aangenomen: {title}", "en": "Accept amendment {id}: {title}"},
    "commit.amend.reject": {"nl": "Amendement {id} afgewezen: {title}", "en": "Reject amendment {id}: {title}"},
    "commit.amend.withdraw": {"nl": "Amendement {id} ingetrokken: {title}", "en": "Withdraw amendment {id}: {title}"},
    "commit.amend.rebase": {"nl": "Amendement {id} herzien: {title}", "en": "Rebase amendment {id}: {title}"},
    "commit.statement.endorse": {
        "nl": "Versie {version} ondertekend: {name}",
        "en": "Endorse version {version}: {name}",
    },
    "commit.statement.decline": {"nl": "Versie {version} geweigerd: {name}", "en": "Decline version {version}: {name}"},
    "commit.statement.withdraw": {
        "nl": "Ondertekening van versie {version} ingetrokken: {name}",
        "en": "Withdraw version {version}: {name}",
    },
    "commit.attest": {
        "nl": "Vastgelegd: {name} {decision} versie {label} ({date})",
        "en": "Attest {decision} of version {label} by {name} ({date})",
    },
    "commit.attest_cosign": {
        "nl": "Vastlegging medeondertekend: {name} {decision} versie {label}",
        "en": "Cosign the attestation of {decision} of version {label} by {name}",
    },
    "commit.sign_decisions": {
        "nl": "{count} besluit(en) zonder ondertekende vastlegging alsnog ondertekend",
        "en": "Sign {count} decision(s) made without a signed record",
    },
}
