"""Messages of `akkoord site`."""

MESSAGES = {
    "site.help.site.opt.base_url": {
        "nl": "Waar de site gepubliceerd wordt (absolute links in feed en JSON).",
        "en": "Where the site will be published (absolute links in feed and JSON).",
    },
    "site.help.site": {
        "nl": "Bouw een statische website om het akkoord te lezen en te beoordelen in map OUTDIR; opnieuw bouwen "
        "schrijft alleen wat veranderde.",
        "en": "Build a static review site of the repository in OUTDIR; a rebuild rewrites only what changed.",
    },
    "site.help.site.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord site ../website --base-url https://akkoord.example.org/",
        "en": "Example:\n\n\b\n  akkoord site ../website --base-url https://akkoord.example.org/",
    },
}
