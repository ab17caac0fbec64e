"""Messages of `akkoord amend`: proposing, reviewing and deciding amendments."""

MESSAGES = {
    # what the commands say when they are done (cli/amend_cmds.py, cli/decision_cmds.py)
    "amend.proposed": {
        "nl": "voorgesteld: {title} — {count} wijziging(en) in {clauses}",
        "en": "proposed: {title} — {count} operation(s) on {clauses}",
    },
    "amend.decision_record_signed": {
        "nl": "De vastlegging van het besluit ondertekend",
        "en": "Signed its decision record",
    },
    "amend.base": {"nl": "basis {base}", "en": "base {base}"},
    "amend.base.version": {"nl": "versie {label}{on} ({sha})", "en": "version {label}{on} ({sha})"},
    "amend.base.commit": {"nl": "commit {commit}{on} ({sha})", "en": "commit {commit}{on} ({sha})"},
    "amend.base.text": {"nl": "tekst{on} ({sha})", "en": "text{on} ({sha})"},
    "amend.no_clauses": {
        "nl": "geen artikelen (alleen structuur of metagegevens)",
        "en": "no clauses (structure or metadata only)",
    },
    "amend.work_tree_holds_edits": {
        "nl": "opmerking: akkoord.xml in de werkmap bevat nog de voorgestelde wijzigingen; de tekst verandert pas "
        "als het amendement in een versie wordt verwerkt — zet hem terug met `git checkout -- akkoord.xml`",
        "en": "note: akkoord.xml in the work tree still holds the proposed edits; the text changes only when "
        "the amendment is consolidated — restore it with `git checkout -- akkoord.xml`",
    },
    "amend.accepted": {
        "nl": "aangenomen {id}: {title}; het wordt verwerkt in de volgende versie",
        "en": "accepted {id}: {title}; it will be consolidated into the next version",
    },
    "amend.accepted_consolidated": {
        "nl": "aangenomen {id}: {title}; een versie heeft het al verwerkt, dus dat blijft zo",
        "en": "accepted {id}: {title}; a version already consolidated it, so it stays consolidated",
    },
    "amend.rejected": {"nl": "afgewezen {id}: {title}", "en": "rejected {id}: {title}"},
    "amend.withdrawn": {"nl": "ingetrokken {id}: {title}", "en": "withdrawn {id}: {title}"},
    "amend.same_change": {
        "nl": "amendement {id} ({title!r}, {status}) doet al precies deze wijziging; er is niets voorgesteld. "
        "Bedoelt u echt een tweede voorstel, geef dan --force",
        "en": "amendment {id} ({title!r}, {status}) already makes exactly this change; nothing was proposed. "
        "To propose it a second time anyway, give --force",
    },
    "amend.withdraw_not_proposer": {
        "nl": "alleen wie amendement {id} voorstelde ({proposers}) kan het intrekken, niet {by}; wie erover "
        "beslist, wijst het af met `akkoord amend reject {id} --reason ...`",
        "en": "only a proposer of amendment {id} ({proposers}) can withdraw it, not {by}; whoever decides on it "
        "rejects it with `akkoord amend reject {id} --reason ...`",
    },
    "amend.help.amend.propose.opt.force": {
        "nl": "Stel ook voor als een open amendement al precies dezelfde wijziging doet.",
        "en": "Propose even when an open amendment already makes exactly the same change.",
    },
    # a proposal received as a file (`akkoord receive`, storage/amendment_store/lifecycle.py)
    "amend.received.records": {
        "nl": "{source}: bevat {count} amendementen; een voorstel bevat er precies één",
        "en": "{source}: holds {count} amendment records; a proposal holds exactly one",
    },
    "amend.received.misplaced": {
        "nl": "{source}: {path} bevat amendement {id}; het hoort te staan op {at}",
        "en": "{source}: {path} holds amendment {id}; it must lie at {at}",
    },
    "amend.received.already": {
        "nl": "{source}: amendement {id} staat al in deze repository; er is niets te doen",
        "en": "{source}: amendment {id} is already in this repository; nothing to do",
    },
    "amend.received.stray": {
        "nl": "{source}: {path} is geen amendement of gebeurtenis van een amendement; er is niets ontvangen",
        "en": "{source}: {path} is not an amendment record or event; nothing was received",
    },
    "amend.received.misnamed": {
        "nl": "{source}: {path} heeft niet de naam die bij de inhoud hoort; er is niets ontvangen",
        "en": "{source}: {path} is not named after its content; nothing was received",
    },
    "amend.received.event": {
        "nl": "{source}: {path} is een gebeurtenis {status!r}; een voorstel bevat alleen zijn gebeurtenis "
        "'proposed' (en gebeurtenissen 'superseded' van voorgestelde amendementen); er is niets ontvangen",
        "en": "{source}: {path} is a {status!r} event; a proposal holds only its 'proposed' event (and "
        "'superseded' events of proposed amendments); nothing was received",
    },
    "amend.received.proposed": {
        "nl": "{source}: bevat {count} gebeurtenissen 'proposed' voor {id}; een voorstel bevat er één",
        "en": "{source}: holds {count} proposed events for {id}; a proposal holds one",
    },
    "amend.help.amend.propose.opt.out": {
        "nl": "Schrijf het voorstel naar FILE in plaats van het vast te leggen, om te sturen naar iemand met "
        "schrijfrechten op de remote (die `akkoord receive FILE` uitvoert).",
        "en": "Write the proposal to FILE instead of committing it, to send to someone with push rights (who runs "
        "`akkoord receive FILE`).",
    },
    "amend.help.amend.show.opt.fmt": {
        "nl": "term: het amendement, zijn geschiedenis en de wijzigingen; json: hetzelfde als data; html en docx: alleen de wijzigingen, zoals `akkoord redline BASIS amend/ID` (docx vraagt -o; de bijgehouden wijzigingen dragen de indieners en de datum van het voorstel).",
        "en": "term: the record, its history and its redline; json: the record, its check and its redline as data; html and docx: the redline alone, the same as `akkoord redline BASE amend/ID` (docx needs -o; its tracked changes carry the proposers and the proposal date).",
    },
    "amend.help.amend.show.opt.as_xml": {
        "nl": "Toon het amendement (met zijn geschiedenis) als XML.",
        "en": "Print the amendment record (with its history) as XML.",
    },
    "amend.help.amend.rebase.opt.edited": {
        "nl": "Een bewerkte kopie van de huidige tekst (zie --write) met het amendement zoals het nu moet zijn.",
        "en": "An edited copy of the current text (see --write) holding the amendment as it should be now.",
    },
    "amend.help.amend.rebase.opt.write": {
        "nl": "Schrijf het beginpunt: de huidige tekst met elk deel van het amendement dat nog past.",
        "en": "Write the starting point: the current text with every part of the amendment that still applies.",
    },
    # help
    "amend.help.amend": {
        "nl": "Stel amendementen voor, bekijk ze, neem ze aan of wijs ze af.\n\n"
        "Een amendement is een voorgestelde wijziging van de tekst, met wie het voorstelt en waarom.",
        "en": "Propose, review, accept and consolidate amendments to the agreement.\n\n"
        "An amendment is a proposed change of the text, with who proposes it and why.",
    },
    "amend.help.amend.examples": {
        "nl": "Voorbeelden:\n\n\b\n  akkoord amend list\n  akkoord amend show a1b2c3\n"
        "  akkoord amend propose --from-file mijn-versie.xml --title 'Looptijd tot 2030' --by 'Fenna <f@example.org>'",
        "en": "Examples:\n\n\b\n  akkoord amend list\n  akkoord amend show a1b2c3\n"
        "  akkoord amend propose --from-file my-copy.xml --title 'Term until 2030' --by 'Fenna <f@example.org>'",
    },
    "amend.help.amend.propose": {
        "nl": "Stel een amendement voor: vanuit een bewerkte kopie van de tekst (--from-file) of een "
        "amendementbestand. Toont het id.",
        "en": "Propose an amendment: from an edited copy of the text (--from-file) or an amendment file. "
        "Prints its id.",
    },
    "amend.help.amend.propose.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord amend propose --from-file looptijd-2030.xml --title 'Looptijd tot 2030' \\\n"
        "      --by 'Fenna de Vries <fenna@buurtkracht.example>' --rationale 'Vijf jaar is te kort.'",
        "en": "Example:\n\n\b\n  akkoord amend propose --from-file term-2030.xml --title 'Term until 2030' \\\n"
        "      --by 'Fenna de Vries <fenna@buurtkracht.example>' --rationale 'Five years is too short.'",
    },
    "amend.help.amend.propose.opt.edited": {
        "nl": "Een bewerkte kopie van akkoord.xml; de wijzigingen worden bepaald ten opzichte van de basis.",
        "en": "An edited copy of akkoord.xml; the operations are derived against the base.",
    },
    "amend.help.amend.propose.opt.title": {
        "nl": "Een korte titel (verplicht met --from-file).",
        "en": "A short title (required with --from-file).",
    },
    "amend.help.amend.propose.opt.by": {
        "nl": "Wie het amendement voorstelt: 'Naam <e-mail>' of een naam (standaard: user.name/user.email van git).",
        "en": "Who proposes the amendment: 'Name <email>' or a name (default: git's user.name/user.email).",
    },
    "amend.help.amend.propose.opt.co": {
        "nl": "Nog iemand die het voorstel indient (herhaalbaar).",
        "en": "Another proposer (repeatable).",
    },
    "amend.help.amend.propose.opt.rationale": {
        "nl": "Waarom (alinea's gescheiden door een lege regel).",
        "en": "Why (paragraphs separated by a blank line).",
    },
    "amend.help.amend.propose.opt.source": {
        "nl": 'Waar het vandaan komt, bijvoorbeeld "netwerkbijeenkomst 23 juni 2022".',
        "en": 'Where it comes from, e.g. "netwerkbijeenkomst 23 juni 2022".',
    },
    "amend.help.amend.propose.opt.supersedes": {
        "nl": "Een voorgesteld amendement dat dit vervangt (herhaalbaar).",
        "en": "A proposed amendment this one replaces (repeatable).",
    },
    "amend.help.amend.propose.opt.base_ref": {
        "nl": "Met --from-file: de versie waarvan de kopie gemaakt is (standaard: de huidige tekst).",
        "en": "With --from-file: the version the copy was made from (default: the current text).",
    },
    "amend.help.amend.list": {
        "nl": "Toon de amendementen, oudste eerst, met status, basis en de artikelen die ze raken.",
        "en": "List amendments, oldest first, with status, base and the clauses they touch.",
    },
    "amend.help.amend.list.examples": {
        "nl": "Voorbeelden:\n\n\b\n  akkoord amend list\n  akkoord amend list --status proposed",
        "en": "Examples:\n\n\b\n  akkoord amend list\n  akkoord amend list --status proposed",
    },
    "amend.help.amend.list.opt.status": {
        "nl": "Alleen amendementen met deze status.",
        "en": "Only amendments with this status.",
    },
    "amend.help.amend.show": {
        "nl": "Toon een amendement: wie, waarom, de geschiedenis van de status, de wijzigingen, of het nu nog "
        "past, en de wijzigingen in de tekst (redline).",
        "en": "Show an amendment: who, why, status history, operations, whether it applies now, and its redline.",
    },
    "amend.help.amend.show.examples": {
        "nl": "Voorbeelden:\n\n\b\n  akkoord amend show a1b2c3\n"
        "  akkoord amend show a1b2c3 --format docx -o amendement.docx",
        "en": "Examples:\n\n\b\n  akkoord amend show a1b2c3\n  akkoord amend show a1b2c3 --format docx -o amendment.docx",
    },
    "amend.help.amend.accept": {
        "nl": "Neem een voorgesteld amendement aan (geweigerd, code 3, als het botst met de huidige tekst).",
        "en": "Accept a proposed amendment (refused, exit 3, if it conflicts with the current text).",
    },
    "amend.help.amend.accept.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord amend accept a1b2c3 --by 'Secretariaat <s@maak020.example>' "
        "--reason 'Besloten op 27 september 2022'",
        "en": "Example:\n\n\b\n  akkoord amend accept a1b2c3 --by 'Secretariat <s@maak020.example>' "
        "--reason 'Decided on 27 September 2022'",
    },
    "amend.help.amend.accept.opt.by": {
        "nl": "Wie het besluit vastlegt (bijvoorbeeld het secretariaat): 'Naam <e-mail>' of een naam.",
        "en": "Who records the decision (e.g. the secretariat): 'Name <email>' or a name.",
    },
    "amend.help.amend.accept.opt.reason": {
        "nl": "Waarom (bijvoorbeeld de bijeenkomst die besloot).",
        "en": "Why (e.g. the meeting that decided).",
    },
    "amend.help.amend.reject": {
        "nl": "Wijs een voorgesteld (of betwist) amendement af, met een reden.",
        "en": "Reject a proposed (or contested) amendment, with a reason.",
    },
    "amend.help.amend.reject.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord amend reject a1b2c3 --by 'Secretariaat <s@maak020.example>' "
        "--reason 'Valt buiten het akkoord'",
        "en": "Example:\n\n\b\n  akkoord amend reject a1b2c3 --by 'Secretariat <s@maak020.example>' "
        "--reason 'Outside the agreement'",
    },
    "amend.help.amend.reject.opt.by": {
        "nl": "Wie het besluit vastlegt: 'Naam <e-mail>' of een naam.",
        "en": "Who records the decision: 'Name <email>' or a name.",
    },
    "amend.help.amend.reject.opt.reason": {"nl": "Waarom het wordt afgewezen.", "en": "Why it is rejected."},
    "amend.help.amend.withdraw": {
        "nl": "Trek een voorgesteld (of betwist) amendement in: door wie het voorstelde, of door een "
        "registerbeheerder, die dat bewijst door met zijn geregistreerde sleutel te ondertekenen (--key).",
        "en": "Withdraw a proposed (or contested) amendment: by its proposer, or by a registry admin, who proves it "
        "by signing with their registered key (--key).",
    },
    "amend.help.amend.withdraw.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord amend withdraw a1b2c3 --by 'Fenna de Vries <fenna@buurtkracht.example>'",
        "en": "Example:\n\n\b\n  akkoord amend withdraw a1b2c3 --by 'Fenna de Vries <fenna@buurtkracht.example>'",
    },
    "amend.help.amend.withdraw.opt.by": {
        "nl": "Wie intrekt: de indiener van het amendement of een registerbeheerder, 'Naam <e-mail>' of een naam.",
        "en": "Who withdraws: the amendment's proposer or a registry admin, 'Name <email>' or a name.",
    },
    "amend.help.amend.withdraw.opt.reason": {"nl": "Waarom het wordt ingetrokken.", "en": "Why it is withdrawn."},
    "amend.help.amend.sign": {
        "nl": "Onderteken besluiten over deze amendementen die nog door geen ondertekend besluit gedekt zijn "
        "(genomen voordat de opslag een register van ondertekenaars had). De beheerders staan in voor elk "
        "getoond besluit.",
        "en": "Sign the decisions about these amendments that no signed record backs (made before the repository "
        "had a signatory registry). The admins vouch for each decision listed.",
    },
    "amend.help.amend.sign.examples": {
        "nl": "Voorbeeld:\n\n\b\n  akkoord amend sign a1b2c3 --by 'Secretariaat <s@maak020.example>' "
        "--key ~/.ssh/secretariaat",
        "en": "Example:\n\n\b\n  akkoord amend sign a1b2c3 --by 'Secretariat <s@maak020.example>' "
        "--key ~/.ssh/secretariat",
    },
    "amend.help.amend.sign.opt.by": {
        "nl": "Wie de besluiten ondertekent: 'Naam <e-mail>' of een naam.",
        "en": "Who signs the decisions: 'Name <email>' or a name.",
    },
    "amend.help.amend.rebase": {
        "nl": "Los een botsing op: herschrijf een amendement op de huidige tekst (het wordt opnieuw voorgesteld).",
        "en": "Resolve a conflict: redraft an amendment against the current text (it is proposed again).",
    },
    "amend.help.amend.rebase.examples": {
        "nl": "Voorbeelden:\n\n\b\n  akkoord amend rebase a1b2c3 --write opnieuw.xml\n"
        "  akkoord amend rebase a1b2c3 --from-file opnieuw.xml --reason 'Aangepast aan versie 2023'",
        "en": "Examples:\n\n\b\n  akkoord amend rebase a1b2c3 --write again.xml\n"
        "  akkoord amend rebase a1b2c3 --from-file again.xml --reason 'Adapted to version 2023'",
    },
    "amend.help.amend.rebase.opt.by": {
        "nl": "Wie het amendement herschrijft: 'Naam <e-mail>' of een naam.",
        "en": "Who redrafts the amendment: 'Name <email>' or a name.",
    },
    "amend.help.amend.rebase.opt.reason": {
        "nl": "Wat er in deze herziening veranderde.",
        "en": "What changed in this revision.",
    },
}

MESSAGES.update(
    {
        # statuses of an amendment, and a status with who and when
        "amend.status.proposed": {"nl": "voorgesteld", "en": "proposed"},
        "amend.status.accepted": {"nl": "aangenomen", "en": "accepted"},
        "amend.status.rejected": {"nl": "afgewezen", "en": "rejected"},
        "amend.status.withdrawn": {"nl": "ingetrokken", "en": "withdrawn"},
        "amend.status.superseded": {"nl": "vervangen", "en": "superseded"},
        "amend.status.consolidated": {"nl": "verwerkt", "en": "consolidated"},
        "amend.status.contested": {"nl": "betwist", "en": "contested"},
        "amend.status.revised": {"nl": "herzien", "en": "revised"},
        "amend.status.by": {
            "nl": "{status} door {name} op {date}{reason}",
            "en": "{status} by {name} on {date}{reason}",
        },
        "amend.status.revised_by": {
            "nl": "voorgesteld (revisie {revision} door {name} op {date}){reason}",
            "en": "proposed (revision {revision} by {name} on {date}){reason}",
        },
        "amend.status.consolidated_on": {"nl": "verwerkt op {date}{reason}", "en": "consolidated on {date}{reason}"},
        "amend.status.versus": {"nl": " tegenover ", "en": " vs "},
        "amend.status.contested_by": {
            "nl": "betwist: {summary}, besloten in kopieën die elkaars besluit niet zagen",
            "en": "contested: {summary}, decided in clones that did not see each other's decision",
        },
        "amend.how_to_resolve": {
            "nl": "besluit opnieuw nu beide besluiten hier zijn: `akkoord amend accept {id} --by WIE` of "
            "`akkoord amend reject {id} --by WIE --reason WAAROM`",
            "en": "decide it again now that both decisions are here: `akkoord amend accept {id} --by WHO` or "
            "`akkoord amend reject {id} --by WHO --reason WHY`",
        },
        "amend.contested": {
            "nl": "betwist {id}: verschillend besloten in kopieën die elkaars besluit niet zagen",
            "en": "contested {id}: decided differently in clones that did not see each other's decision",
        },
        "amend.to_resolve": {"nl": "om het op te lossen: {how}", "en": "to resolve, {how}"},
        # amend list
        "amend.col.id": {"nl": "ID", "en": "ID"},
        "amend.col.status": {"nl": "STATUS", "en": "STATUS"},
        "amend.col.base": {"nl": "BASIS", "en": "BASE"},
        "amend.col.now": {"nl": "NU", "en": "NOW"},
        "amend.col.clauses": {"nl": "ARTIKELEN", "en": "CLAUSES"},
        "amend.col.title": {"nl": "TITEL", "en": "TITLE"},
        "amend.now.clean": {"nl": "past", "en": "clean"},
        "amend.now.stale": {"nl": "verouderd", "en": "stale"},
        "amend.now.conflict": {"nl": "conflict", "en": "conflict"},
        "amend.none": {"nl": "geen amendementen", "en": "no amendments"},
        "amend.none.with_status": {"nl": " met status {status}", "en": " with status {status}"},
        "amend.none.propose": {
            "nl": "; stel er een voor met `akkoord amend propose --from-file BEWERKT.xml --title T`",
            "en": "; propose one with `akkoord amend propose --from-file EDITED.xml --title T`",
        },
        # amend show (labels padded to one width)
        "amend.show.amendment": {"nl": "amendement", "en": "amendment"},
        "amend.show.revision": {"nl": " (revisie {revision})", "en": " (revision {revision})"},
        "amend.show.title": {"nl": "titel", "en": "title"},
        "amend.show.status": {"nl": "status", "en": "status"},
        "amend.show.proposers": {"nl": "indieners", "en": "proposers"},
        "amend.show.date": {"nl": "datum", "en": "date"},
        "amend.show.source": {"nl": "bron", "en": "source"},
        "amend.show.base": {"nl": "basis", "en": "base"},
        "amend.show.supersedes": {"nl": "vervangt", "en": "supersedes"},
        "amend.show.rationale": {"nl": "toelichting", "en": "rationale"},
        "amend.show.operations": {"nl": "wijzigingen", "en": "operations"},
        "amend.show.history": {"nl": "geschiedenis", "en": "history"},
        "amend.show.contested": {"nl": "betwist", "en": "contested"},
        "amend.show.now": {"nl": "nu", "en": "now"},
        "amend.now.applies": {
            "nl": "past zonder conflict op de huidige tekst",
            "en": "applies cleanly to the current text",
        },
        "amend.now.merges": {
            "nl": "verouderd ({clauses} gewijzigd sinds de basis), maar voegt zonder conflict samen",
            "en": "stale ({clauses} changed since its base) but merges cleanly",
        },
        "amend.now.more": {"nl": " (en {count} meer)", "en": " (and {count} more)"},
        "amend.now.conflicts": {
            "nl": "CONFLICT in {target}: {reason}{more}; los het op met `akkoord amend rebase {id} --write BESTAND`",
            "en": "CONFLICT in {target}: {reason}{more}; resolve with `akkoord amend rebase {id} --write FILE`",
        },
        # conflicts
        "amend.conflict.current_text": {"nl": "huidige tekst", "en": "current text"},
        "amend.conflict.blocks": {
            "nl": "conflict in {target}: {count} blok(ken) in conflict, de rest voegt samen",
            "en": "conflict in {target}: {count} block(s) in conflict, the rest merges",
        },
        "amend.conflict.in": {"nl": "conflict in {target}: {reason}", "en": "conflict in {target}: {reason}"},
        "amend.conflict.operation": {"nl": "  wijziging:   {operation}", "en": "  operation:   {operation}"},
        "amend.conflict.absent": {"nl": "(afwezig)", "en": "(absent)"},
        "amend.conflict.base": {"nl": "basis", "en": "base"},
        "amend.conflict.current": {"nl": "huidig", "en": "current"},
        "amend.conflict.amendment": {"nl": "amendement", "en": "amendment"},
        "amend.conflict.redline": {
            "nl": "wijzigingen, huidige tekst -> amendement:",
            "en": "redline, current text -> amendment:",
        },
        # blame and history
        "amend.blame.clause": {"nl": "artikel", "en": "clause"},
        "amend.blame.version": {"nl": "versie", "en": "version"},
        "amend.blame.accepted": {"nl": "aangenomen", "en": "accepted"},
        "amend.blame.change": {"nl": "wijziging", "en": "change"},
        "amend.blame.after_last": {"nl": "(na de laatste versie)", "en": "(after the last version)"},
        "amend.blame.kind.initial": {"nl": "oorspronkelijke tekst", "en": "initial"},
        "amend.blame.kind.amendment": {"nl": "amendement", "en": "amendment"},
        "amend.blame.kind.editorial": {"nl": "redactioneel", "en": "editorial"},
        "amend.history.version": {"nl": "versie {label}", "en": "version {label}"},
        "amend.unknown": {
            "nl": "geen amendement {ref!r} in deze repository; zie ze met `akkoord amend list`",
            "en": "no amendment {ref!r} in this repository; list them with `akkoord amend list`",
        },
        "amend.unknown_none_yet": {
            "nl": "geen amendement {ref!r} in deze repository; er zijn nog geen amendementen (akkoord amend propose)",
            "en": "no amendment {ref!r} in this repository; there are no amendments yet (akkoord amend propose)",
        },
        "amend.received": {"nl": "amendement {id}: {title}", "en": "amendment {id}: {title}"},
        "amend.rebased_onto": {"nl": "herzien op {base}", "en": "rebased onto {base}"},
        "amend.history.after_last": {"nl": "na de laatste versie", "en": "after the last version"},
        "amend.history.added": {"nl": "toegevoegd", "en": "added"},
        "amend.history.changed": {"nl": "gewijzigd", "en": "changed"},
        "amend.history.removed": {"nl": "verwijderd", "en": "removed"},
        "amend.history.by_amendment": {
            "nl": " door amendement {id}: {title!r}, voorgesteld door {proposers}",
            "en": " by amendment {id}: {title!r}, proposed by {proposers}",
        },
        "amend.history.accepted_by": {"nl": ", aangenomen door {name}", "en": ", accepted by {name}"},
        "amend.history.editorial": {"nl": " (redactionele wijziging)", "en": " (editorial change)"},
        "amend.history.initial": {"nl": " (oorspronkelijke tekst)", "en": " (initial text)"},
        "amend.history.source": {"nl": "bron: {source}", "en": "source: {source}"},
        "amend.history.rationale": {"nl": "toelichting: {rationale}", "en": "rationale: {rationale}"},
    }
)

MESSAGES.update(
    {
        # an amendment's operations (amend show, conflicts)
        "amend.op.meta": {
            "nl": "vervang de metagegevens (titel, data, eigenschappen)",
            "en": "replace the metadata (title, dates, properties)",
        },
        "amend.op.preamble_remove": {"nl": "verwijder de aanhef", "en": "remove the preamble"},
        "amend.op.preamble_replace": {"nl": "vervang de aanhef", "en": "replace the preamble"},
        "amend.op.preamble_add": {"nl": "voeg een aanhef toe", "en": "add a preamble"},
        "amend.op.division_heading": {
            "nl": "wijzig het opschrift van onderdeel {division} in {label!r}",
            "en": "change the heading of division {division} to {label!r}",
        },
        "amend.op.heading_remove": {
            "nl": "verwijder het opschrift van artikel {clause}",
            "en": "remove the heading of clause {clause}",
        },
        "amend.op.heading_replace": {
            "nl": "vervang het opschrift van artikel {clause} door {heading!r}",
            "en": "replace the heading of clause {clause} by {heading!r}",
        },
        "amend.op.text": {"nl": "vervang de tekst van artikel {clause}", "en": "replace the text of clause {clause}"},
        "amend.op.renumber": {"nl": "hernummer artikel {clause} tot {num}", "en": "renumber clause {clause} to {num}"},
        "amend.op.insert": {
            "nl": "voeg {kind} {target}{num} in {position}",
            "en": "insert {kind} {target}{num} {position}",
        },
        "amend.op.delete": {"nl": "verwijder {kind} {target}", "en": "delete {kind} {target}"},
        "amend.op.move": {"nl": "verplaats {kind} {target} {position}", "en": "move {kind} {target} {position}"},
        "amend.op.split": {"nl": "splits artikel {clause} in {parts}", "en": "split clause {clause} into {parts}"},
        "amend.op.merge": {
            "nl": "voeg artikelen {clauses} samen tot {clause}",
            "en": "merge clauses {clauses} into {clause}",
        },
        "amend.op.kind.clause": {"nl": "artikel", "en": "clause"},
        "amend.op.kind.division": {"nl": "onderdeel", "en": "division"},
        "amend.where.division": {"nl": "onderdeel {id}", "en": "division {id}"},
        "amend.where.body": {"nl": "de hoofdtekst", "en": "the body"},
        "amend.pos.before": {"nl": "vóór {sibling} in {where}", "en": "before {sibling} in {where}"},
        "amend.pos.after": {"nl": "na {sibling} in {where}", "en": "after {sibling} in {where}"},
        "amend.pos.start": {"nl": "aan het begin van {where}", "en": "at the start of {where}"},
    }
)
