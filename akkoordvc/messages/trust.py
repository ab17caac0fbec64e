"""Messages of signatories, keys, endorsements and verification."""

MESSAGES = {
    "trust.key_too_open": {
        "nl": "--key {path}: ssh-keygen weigert de sleutel omdat anderen hem kunnen lezen ({why}); maak hem "
        "alleen voor uzelf leesbaar met `chmod 600 {chmod}` en probeer opnieuw",
        "en": "--key {path}: ssh-keygen refuses the key because others can read it ({why}); run "
        "`chmod 600 {chmod}` and retry",
    },
}
