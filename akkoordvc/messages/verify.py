"""Messages of `akkoord verify`, `akkoord endorsements` and `akkoord since`."""

MESSAGES = {
    "verify.help.verify": {
        "nl": "Controleer elke handtekening, de ondertekende teksten, elke keten en de ondertekende wijzigingen "
        "van het register.",
        "en": "Check every signature, the endorsed texts, every chain and the registry's signed records.",
    },
    "verify.help.verify.examples": {
        "nl": "Voorbeelden:\n\n\b\n  akkoord verify\n  akkoord verify --trust-anchor sha256:37281bcb...",
        "en": "Examples:\n\n\b\n  akkoord verify\n  akkoord verify --trust-anchor sha256:37281bcb...",
    },
    "verify.help.endorsements": {
        "nl": "Wie welke versie ondertekende: ondertekenaars × versies, met het besluit van het zittende college.",
        "en": "Who endorsed which version: signatories × versions, with the sitting college's decision.",
    },
    "verify.help.endorsements.examples": {
        "nl": "Voorbeelden:\n\n\b\n  akkoord endorsements\n  akkoord endorsements 2023 --json",
        "en": "Examples:\n\n\b\n  akkoord endorsements\n  akkoord endorsements 2023 --json",
    },
    "verify.help.since": {
        "nl": "Wat er veranderde van de versie die ondertekenaar SIGNATORY_ID het laatst ondertekende tot de "
        "huidige versie.",
        "en": "What changed from the version SIGNATORY_ID last endorsed to the current version.",
    },
    "verify.help.since.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord since huurders-zuidoost",
        "en": "Example:\n\n\b\n  akkoord since huurders-zuidoost",
    },
    # akkoord since
    "verify.since": {
        "nl": "{name} ({id}) ondertekende het laatst versie {old}; de huidige versie is {now}.",
        "en": "{name} ({id}) last endorsed version {old}; the current version is {now}.",
    },
    "verify.not_a_version": {
        "nl": "REF {ref!r} is geen versie (versies: {known})",
        "en": "REF {ref!r} is not a version (versions: {known})",
    },
    "verify.since.none": {
        "nl": "{name} ({id}) heeft nog geen versie ondertekend (met een verklaring die klopt); lees de hele "
        "huidige tekst: `akkoord show {current}`",
        "en": "{name} ({id}) has endorsed no version (with a statement that verifies); to read the whole current "
        "text: `akkoord show {current}`",
    },
    "verify.since.nothing": {"nl": "Sindsdien is er niets veranderd.", "en": "Nothing has changed since."},
    # the trust anchor
    "verify.anchor_differs": {
        "nl": "WAARSCHUWING: --trust-anchor {given} is niet het vertrouwensanker dat deze kopie onthield ({mine}); "
        "er wordt gecontroleerd tegen het gegeven anker. Is het register echt opnieuw begonnen, bevestig het dan "
        "met `git config {config} {given}`",
        "en": "WARNING: --trust-anchor {given} is not the trust anchor this clone remembered ({mine}); checking "
        "against the one given. If the registry really restarted, confirm it with `git config {config} {given}`",
    },
    "verify.anchor_remembered": {
        "nl": "vertrouwensanker {anchor} onthouden in deze kopie (git config {config}); volgende opdrachten "
        "controleren ertegen — vergelijk het met het anker dat `akkoord init` toonde",
        "en": "remembered trust anchor {anchor} in this clone (git config {config}); later commands check against "
        "it — compare it with the one `akkoord init` printed",
    },
    # notices and notes of akkoord verify
    "verify.notice.anchor": {
        "nl": "vertrouwensanker van het register sha256:{anchor} (vergelijk het met het anker dat `akkoord init` "
        "toonde, of zet het vast met --trust-anchor)",
        "en": "registry trust anchor sha256:{anchor} (compare it with the one `akkoord init` printed, or pin it "
        "with --trust-anchor)",
    },
    "verify.notice.restore": {
        "nl": "om de bestanden terug te zetten die na hun commit zijn gewijzigd of verwijderd: `{step}`",
        "en": "to restore the files changed or deleted since they were committed: `{step}`",
    },
    "verify.notice.further": {
        "nl": "{count} verdere problemen volgen hieruit en worden niet getoond",
        "en": "{count} further problems follow from it and are not listed",
    },
    "verify.notice.chain_fork": {
        "nl": "de keten ({kind}) van {signatory} splitst zich ({count} laatste verklaringen); haar volgende "
        "verklaring voegt ze samen",
        "en": "the {kind} chain of {signatory} forks ({count} latest statements); its next statement joins them",
    },
    "verify.notice.tag_made": {
        "nl": "{tag} ontbrak; opnieuw gemaakt uit de ondertekende vastlegging van de versie",
        "en": "{tag} was missing; made again from its signed version record",
    },
    "verify.note.key_revoked": {
        "nl": "geldig toen ondertekend; de sleutel is sindsdien ingetrokken ({date})",
        "en": "valid when signed; key since revoked ({date})",
    },
    "verify.note.retired": {
        "nl": "geldig toen ondertekend; {id} is sindsdien gestopt ({date})",
        "en": "valid when signed; {id} since retired ({date})",
    },
    # problems akkoord verify finds (after "PATH: ")
    "verify.problem.intact_copy": {
        "nl": "; de ongeschonden kopie staat in commit {commit}",
        "en": "; its intact copy is in commit {commit}",
    },
    "verify.problem.and_more": {"nl": " en {count} meer", "en": " and {count} more"},
    "verify.problem.in_commit": {"nl": "commit {shown}{more}", "en": "commit {shown}{more}"},
    "verify.problem.in_commits": {"nl": "commits {shown}{more}", "en": "commits {shown}{more}"},
    "verify.problem.file-deleted": {
        "nl": "is verwijderd in {where}; verklaringen en handtekeningen worden nooit verwijderd{kept}",
        "en": "was deleted in {where}; statements and signatures are never deleted{kept}",
    },
    "verify.problem.file-changed": {
        "nl": "is gewijzigd in {where} nadat het was vastgelegd; verklaringen en handtekeningen worden nooit "
        "herschreven{kept}",
        "en": "was changed in {where} after it was committed; statements and signatures are never rewritten{kept}",
    },
    "verify.problem.statement-malformed": {
        "nl": "is geen geldige verklaring: {error}",
        "en": "is not a valid statement: {error}",
    },
    "verify.problem.misplaced.endorsement": {
        "nl": "is een ondertekening maar ligt in {folder}/ (een vastlegging door beheerders is nooit de eigen "
        "handtekening van de ondertekenaar)",
        "en": "is an endorsement but lies in {folder}/ (an attestation is never the signatory's own signature)",
    },
    "verify.problem.misplaced.attestation": {
        "nl": "is een vastlegging door beheerders maar ligt in {folder}/ (een vastlegging is nooit de eigen "
        "handtekening van de ondertekenaar)",
        "en": "is an attestation but lies in {folder}/ (an attestation is never the signatory's own signature)",
    },
    "verify.problem.misplaced.folder": {
        "nl": "is een verklaring van {signatory}, gekopieerd naar de map van {folder}",
        "en": "is a statement of {signatory} copied into the folder of {folder}",
    },
    "verify.problem.misplaced.name": {
        "nl": "de naam past niet bij de inhoud (verwacht: {expected}): een gekopieerde of hernoemde verklaring",
        "en": "its name does not match its content (expected {expected}): a copied or renamed statement",
    },
    "verify.problem.statement-unverifiable": {
        "nl": "kan niet worden gecontroleerd: er is geen vertrouwd register van ondertekenaars",
        "en": "cannot be checked: there is no trusted signatory registry",
    },
    "verify.problem.statement-backdated": {
        "nl": "is gedateerd {day}, voordat de sleutel {fingerprint} aan het register werd toegevoegd "
        "(registerwijziging van {added}): een verklaring met een datum in het verleden",
        "en": "is dated {day}, before its key {fingerprint} was added to the registry (registry record of "
        "{added}): a backdated statement",
    },
    "verify.problem.statement-registry": {
        "nl": "noemt een versie van het register (een vastlegging) die niet telt: nooit door de beheerders ondertekend",
        "en": "names a registry version (admin record) that does not count: never signed by the admins",
    },
    "verify.problem.statement-dates": {
        "nl": "legt op {day} een besluit van {date} vast, voordat het genomen was",
        "en": "records a decision of {date} on {day}, before it was made",
    },
    "verify.problem.statement-signatory": {
        "nl": "gaat over ondertekenaar {signatory!r}, die niet in het register staat",
        "en": "is about signatory {signatory!r}, which is not in the registry",
    },
    "verify.problem.attestation-own-key": {
        "nl": "legt een besluit van {date} vast, maar {signatory} heeft sinds {since} een eigen sleutel: vanaf "
        "dan spreekt alleen haar eigen handtekening voor haar",
        "en": "attests a decision of {date}, but {signatory} has had a key of its own since {since}: from then on "
        "only its own signature speaks for it",
    },
    "verify.problem.statement-future": {
        "nl": "is gedateerd {day}, na vandaag ({today})",
        "en": "is dated {day}, after today ({today})",
    },
    "verify.problem.chain-broken": {
        "nl": "volgt op verklaring {previous}… van {signatory}, die niet in de repository staat: er is een "
        "verklaring uit de keten verwijderd",
        "en": "follows statement {previous}… of {signatory}, which is not in the repository: a statement was "
        "deleted from the chain",
    },
    "verify.problem.chain-order": {
        "nl": "is gedateerd {day}, vóór de verklaring waarop zij volgt ({before}): een keten gaat alleen vooruit "
        "in de tijd",
        "en": "is dated {day}, before the statement it follows ({before}): a chain only moves forward in time",
    },
    "verify.problem.chain-seq": {
        "nl": "heeft volgnummer {seq}, maar volgt op verklaring(en) tot en met {last}: de keten heeft een gat of "
        "is herschikt",
        "en": "has sequence number {seq}, but follows statement(s) ending at {last}: the chain has a gap or was "
        "reordered",
    },
}
