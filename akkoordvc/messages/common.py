"""Messages every command shares: errors on the command line, click's own words, shared options."""

MESSAGES = {
    "common.error_line": {"nl": "akkoord: fout: {message}", "en": "akkoord: error: {message}"},
    "common.warning_line": {"nl": "let op: {message}", "en": "warning: {message}"},
    "common.note_line": {"nl": "opmerking: {message}", "en": "note: {message}"},
    "common.aborted": {"nl": "akkoord: afgebroken", "en": "akkoord: aborted"},
    "common.interrupted": {"nl": "akkoord: onderbroken", "en": "akkoord: interrupted"},
    "common.internal_error": {
        "nl": "akkoord: interne fout: {kind}: {error} (probeer opnieuw met AKKOORD_DEBUG=1 voor details en meld het)",
        "en": "akkoord: internal error: {kind}: {error} (rerun with AKKOORD_DEBUG=1 for details and report it)",
    },
    "common.cannot_chdir": {
        "nl": "kan niet naar map {directory!r}: {reason}",
        "en": "cannot change to directory {directory!r}: {reason}",
    },
    # mistakes on the command line (cli/usage.py)
    "common.see_help": {"nl": "zie `{command} --help`", "en": "see `{command} --help`"},
    "common.missing_option": {"nl": "optie {name} ontbreekt", "en": "option {name} is missing"},
    "common.missing_argument": {"nl": "{name} ontbreekt", "en": "{name} is missing"},
    "common.missing_command": {"nl": "geef een opdracht", "en": "give a command"},
    "common.unknown_option": {"nl": "onbekende optie {name}", "en": "no such option {name}"},
    "common.unknown_command": {"nl": "onbekende opdracht {name!r}", "en": "no such command {name!r}"},
    "common.did_you_mean": {"nl": "bedoelde u {names}?", "en": "did you mean {names}?"},
    "common.option_needs_value": {
        "nl": "optie {name} heeft een waarde nodig",
        "en": "option {name} needs a value",
    },
    "common.extra_arguments": {
        "nl": "te veel argumenten: {args} (zet tekst met spaties tussen aanhalingstekens)",
        "en": "unexpected extra arguments: {args} (put text with spaces in quotes)",
    },
    "common.choose_from": {"nl": "{name}: kies uit {choices}", "en": "{name}: choose from {choices}"},
    "common.number_from": {"nl": "{name}: geef een getal vanaf {min}", "en": "{name}: give a number from {min}"},
    "common.bad_value": {"nl": "{name}: {message}", "en": "{name}: {message}"},
    # click's own words in help pages (cli/language.py)
    "common.usage": {"nl": "Gebruik:", "en": "Usage:"},
    "common.options": {"nl": "Opties", "en": "Options"},
    "common.commands": {"nl": "Opdrachten", "en": "Commands"},
    "common.arguments": {"nl": "Argumenten", "en": "Positional arguments"},
    "common.default": {"nl": "standaard: {value}", "en": "default: {value}"},
    "common.required": {"nl": "verplicht", "en": "required"},
    # options many commands share (a command's own text, AREA.help.PATH.opt.NAME, comes first)
    "common.opt.help": {"nl": "Toon deze hulp en stop.", "en": "Show this message and exit."},
    "common.opt.version": {"nl": "Toon de versie en stop.", "en": "Show the version and exit."},
    "common.opt.as_json": {"nl": "Schrijf JSON.", "en": "Print JSON."},
    "common.opt.color": {
        "nl": "Kleuren (standaard: op een terminal, tenzij NO_COLOR gezet is of TERM=dumb).",
        "en": "Colours (default: on a terminal, unless NO_COLOR is set or TERM=dumb).",
    },
    "common.opt.show_all": {"nl": "Toon ook ongewijzigde artikelen.", "en": "Show unchanged clauses too."},
    "common.opt.output": {
        "nl": "Schrijf naar FILE in plaats van naar de standaarduitvoer.",
        "en": "Write to FILE instead of standard output.",
    },
    "common.opt.date": {"nl": "Wanneer, JJJJ-MM-DD (standaard: nu).", "en": "When, YYYY-MM-DD (default: now)."},
    "common.opt.trust_anchor": {
        "nl": "De vingerafdruk van het register die `akkoord init` toonde (sha256:...); wordt in deze kopie onthouden.",
        "en": "The registry fingerprint printed by `akkoord init` (sha256:...); remembered in the clone.",
    },
    "common.opt.keys": {
        "nl": "Privé-SSH-sleutel van een registerbeheerder (herhaalbaar als er meer handtekeningen nodig zijn).",
        "en": "Private SSH key of a registry admin (repeatable when the threshold needs several).",
    },
    "common.opt.reason": {"nl": "Waarom.", "en": "Why."},
    # the command itself
    "common.help.akkoord": {
        "nl": "Versiebeheer voor een onderhandelde publieke tekst: artikelen, amendementen, wijzigingen en "
        "ondertekeningen.\n\nElke opdracht heeft eigen hulp: `akkoord OPDRACHT --help`.",
        "en": "Version control for a negotiated public text: clauses, amendments, redlines and endorsements.\n\n"
        "Every command has its own help: `akkoord COMMAND --help`.",
    },
    "common.help.akkoord.examples": {
        "nl": "Voorbeelden:\n\n\b\n  akkoord status\n  akkoord show --toc\n  akkoord --lang en amend list",
        "en": "Examples:\n\n\b\n  akkoord status\n  akkoord show --toc\n  akkoord --lang nl amend list",
    },
    "common.help.akkoord.opt.directory": {
        "nl": "Werk alsof akkoord in map DIR gestart is (zoals git -C).",
        "en": "Run as if started in DIR (like git -C).",
    },
    "common.help.akkoord.opt.lang": {
        "nl": "Taal van berichten en hulp (standaard: AKKOORD_LANG, anders de taal van de tekst in deze "
        "repository, anders de locale, anders Nederlands).",
        "en": "Language of messages and help (default: AKKOORD_LANG, else the language of the text in this "
        "repository, else the locale, else Dutch).",
    },
}
