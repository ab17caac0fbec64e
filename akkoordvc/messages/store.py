"""Messages of the storage layer: git refusing or failing, the work tree, the repository lock, files written,
Word and OpenDocument files, REFs, and the amendment store (akkoordvc/storage/)."""

MESSAGES = {
    # who acts (storage/gitrepo.py Identity, storage/actors.py)
    "store.by_not_one_line": {
        "nl": "--by {by}: bevat {char}; geef een naam op één regel, eventueel gevolgd door <e-mailadres>",
        "en": "--by {by}: contains {char}; give a name on one line, optionally followed by <email>",
    },
    "store.by_too_long": {
        "nl": "--by: {count} tekens, meer dan de grens van {limit}; geef een kortere naam",
        "en": "--by: {count} characters, over the limit of {limit}; give a shorter name",
    },
    "store.by_no_name": {
        "nl": "--by {by}: verwacht een naam, eventueel gevolgd door <e-mailadres>",
        "en": "--by {by}: expected a name, optionally followed by <email>",
    },
    "store.no_identity": {
        "nl": "geen naam om vast te leggen: geef --by 'Naam <e-mailadres>' of stel er een in met "
        "`git config --global user.name NAAM` en `git config --global user.email E-MAILADRES`",
        "en": "no identity to record: pass --by 'Name <email>' or set one with "
        "`git config --global user.name NAME` and `git config --global user.email EMAIL`",
    },
    # opening a repository (storage/gitrepo.py)
    "store.no_git": {
        "nl": "git kan niet worden gestart: {why}; installeer git en probeer het opnieuw",
        "en": "cannot run git: {why}; install git and retry",
    },
    "store.no_repository": {
        "nl": "{where} ligt niet in een akkoord-repository; maak er een met `akkoord init MAP` of gebruik -C MAP",
        "en": "{where} is not inside an akkoord repository; run `akkoord init DIR` or use -C DIR",
    },
    "store.git_cannot_open": {
        "nl": "git kan {where} niet openen: {said}",
        "en": "git cannot open {where}: {said}",
    },
    "store.bare": {
        "nl": "{path} is een kale repository (zonder werkmap); akkoord heeft een werkmap nodig",
        "en": "{path} is a bare repository; akkoord needs a work tree",
    },
    "store.git_cannot_create": {
        "nl": "git kon geen repository maken in {path}: {said}",
        "en": "git could not create a repository in {path}: {said}",
    },
    "store.dubious": {
        "nl": "git weigert te werken in {where}: de map is van {owner}, niet van u; vertrouwt u haar, voer dan "
        "`{command}` uit en probeer het opnieuw",
        "en": "git refuses to work in {where}: detected dubious ownership (it belongs to {owner}, not to you); "
        "if you trust it, run `{command}` and retry",
    },
    "store.owner.other": {"nl": "een andere gebruiker", "en": "another user"},
    "store.owner.user": {"nl": "gebruiker {name}", "en": "user {name}"},
    "store.owner.uid": {"nl": "gebruikersnummer {uid}", "en": "user id {uid}"},
    # damage (storage/gitrepo.py Repository.damaged)
    "store.damaged": {
        "nl": "{root}: {what}; bekijk de schade met `git fsck` en herstel de repository uit een kopie of "
        "reservekopie (`git clone` van een andere kopie, of zet de map .git/objects ervan terug)",
        "en": "{root}: {what}; run `git fsck` to see the damage, and restore the repository from a clone or "
        "backup (`git clone` of another copy, or copy its .git/objects back)",
    },
    "store.damaged.object": {
        "nl": "git-object {sha} is beschadigd of ontbreekt",
        "en": "git object {sha} is damaged or missing",
    },
    "store.damaged.unreadable": {"nl": "git kan het niet lezen ({said})", "en": "git cannot read it ({said})"},
    "store.damaged.denied": {
        "nl": "{path} kan niet worden gelezen (geen toestemming)",
        "en": "{path} cannot be read (permission denied)",
    },
    "store.damaged.denied_file": {
        "nl": "een bestand van de repository kan niet worden gelezen (geen toestemming)",
        "en": "a file of the repository cannot be read (permission denied)",
    },
    "store.object_missing": {"nl": "git-object {sha} ontbreekt", "en": "git object {sha} is missing"},
    # the state of git (storage/gitrepo.py)
    "store.unfinished": {
        "nl": "{root}: {unfinished}, en probeer het dan opnieuw; er is niets geschreven",
        "en": "{root}: {unfinished}, then retry; nothing was written",
    },
    "store.unfinished.am": {
        "nl": "een `git am` is niet afgemaakt; maak hem af (`git am --continue`) of maak hem ongedaan "
        "(`git am --abort`)",
        "en": "a `git am` is unfinished; finish it (`git am --continue`) or undo it (`git am --abort`)",
    },
    "store.unfinished.rebase": {
        "nl": "een git rebase is niet afgemaakt; maak hem af (`git rebase --continue`) of maak hem ongedaan "
        "(`git rebase --abort`)",
        "en": "a git rebase is unfinished; finish it (`git rebase --continue`) or undo it (`git rebase --abort`)",
    },
    "store.unfinished.operation": {
        "nl": "een git {command} is niet afgemaakt; maak hem af ({finish}) of maak hem ongedaan "
        "(`git {command} --abort`)",
        "en": "a git {command} is unfinished; finish it ({finish}) or undo it (`git {command} --abort`)",
    },
    "store.unfinished.bisect": {
        "nl": "een git bisect is bezig; beëindig hem met `git bisect reset`",
        "en": "a git bisect is under way; end it with `git bisect reset`",
    },
    "store.other_branch": {
        "nl": "HEAD staat op tak {current}, niet op de tak van het akkoord ({branch}): er is niets geschreven; ga "
        "terug met `git switch {branch}` en probeer het opnieuw (of, als het akkoord nu op {current} staat, "
        "`git config akkoord.branch {current}`)",
        "en": "HEAD is on branch {current}, not on the agreement's branch {branch}: nothing was written; switch "
        "back with `git switch {branch}` and retry (or, if the agreement now lives on {current}, "
        "`git config akkoord.branch {current}`)",
    },
    "store.detached": {
        "nl": "HEAD staat los van een tak (op {at}, bijvoorbeeld na `git checkout version/LABEL`): er is niets "
        "geschreven; ga terug naar de tak van het akkoord met `git switch {branch}` en probeer het opnieuw",
        "en": "HEAD is detached (at {at}, e.g. after `git checkout version/LABEL`): nothing was written; switch back "
        "to the agreement's branch with `git switch {branch}` and retry",
    },
    "store.unknown_commit": {"nl": "een onbekende commit", "en": "an unknown commit"},
    # writing (storage/gitrepo.py)
    "store.what.commit": {"nl": "commit", "en": "commit"},
    "store.what.initial": {"nl": "de eerste commit", "en": "the initial commit"},
    "store.what.change": {"nl": "de commit ({change})", "en": "the {change} commit"},
    "store.what.version": {"nl": "versie {label}", "en": "version {label}"},
    "store.what.update": {"nl": "de bijwerking", "en": "the update"},
    "store.pending_unreadable": {
        "nl": "{pending} (het verslag van een onderbroken akkoord-commit) kan niet worden gelezen: {why}; "
        "controleer dat de werkmap gelijk is aan HEAD (`git status`; `git checkout HEAD -- BESTAND` zet een "
        "bestand terug), verwijder dan {pending} en probeer het opnieuw",
        "en": "{pending} (the record of an interrupted akkoord commit) cannot be read: {why}; check that the work "
        "tree matches HEAD (`git status`; `git checkout HEAD -- FILE` restores a file), then remove "
        "{pending} and retry",
    },
    "store.not_our_record": {"nl": "geen verslag dat akkoord schreef", "en": "not a record akkoord wrote"},
    "store.recover_failed": {
        "nl": "commit {commit} is vastgelegd, maar de werkmap kon er niet mee in overeenstemming worden gebracht: "
        "{why}; los dat op en probeer het opnieuw",
        "en": "commit {commit} was recorded, but the work tree could not be brought up to date with it: "
        "{why}; fix that and retry",
    },
    "store.moved": {
        "nl": "{ref} is veranderd terwijl deze opdracht liep (een ander proces heeft een commit gemaakt); er is "
        "niets geschreven, probeer het opnieuw",
        "en": "{ref} moved while this command ran (another process committed); nothing was written, retry",
    },
    "store.moved_unchanged": {
        "nl": "{ref} is veranderd terwijl deze opdracht liep (een ander proces heeft een commit gemaakt); er is "
        "niets veranderd, probeer het opnieuw",
        "en": "{ref} moved while this command ran (another process committed); nothing was changed, retry",
    },
    "store.dirty": {
        "nl": "{paths}: wijzigingen die nog niet zijn vastgelegd zouden worden overschreven; leg ze vast "
        "(akkoord commit -m BERICHT) of gooi ze weg (git checkout -- BESTAND) en probeer het opnieuw",
        "en": "{paths}: uncommitted changes would be overwritten; commit them "
        "(akkoord commit -m MSG) or discard them (git checkout -- FILE) and retry",
    },
    "store.dirty_unchanged": {
        "nl": "{paths}: wijzigingen die nog niet zijn vastgelegd zouden worden overschreven; leg ze vast "
        "(akkoord commit -m BERICHT) of gooi ze weg (git checkout -- BESTAND) en probeer het opnieuw; er is "
        "niets veranderd",
        "en": "{paths}: uncommitted changes would be overwritten; commit them (akkoord commit -m MSG) or "
        "discard them (git checkout -- FILE) and retry; nothing was changed",
    },
    "store.and_more": {"nl": "{shown} en nog {count}", "en": "{shown} and {count} more"},
    "store.tag_exists": {
        "nl": "tag {tag} bestaat al; kies een ander label",
        "en": "tag {tag} already exists; choose another label",
    },
    "store.tag_exists_unwritten": {
        "nl": "tag {tag} bestaat al; kies een ander label; er is niets geschreven",
        "en": "tag {tag} already exists; choose another label; nothing was written",
    },
    "store.tag_refused": {"nl": "git heeft tag {tag} niet gemaakt: {why}", "en": "git did not create tag {tag}: {why}"},
    "store.move_refused": {"nl": "git heeft {ref} niet verplaatst: {why}", "en": "git did not move {ref}: {why}"},
    "store.refusal": {"nl": "{said}{hint}; er is niets geschreven", "en": "{said}{hint}; nothing was written"},
    "store.refusal.hook": {
        "nl": "de reference-transaction-hook van de repository weigerde het ({said}); er is niets geschreven — "
        "zie `git config core.hooksPath` en .git/hooks/reference-transaction",
        "en": "the repository's reference-transaction hook refused it ({said}); nothing was written — see "
        "`git config core.hooksPath` and .git/hooks/reference-transaction",
    },
    "store.refusal.lock": {
        "nl": "het vergrendelbestand {lock} bestaat; er is niets geschreven — als er geen git-opdracht loopt, "
        "verwijder het dan (`rm {lock}`) en probeer het opnieuw",
        "en": "its lock file {lock} exists; nothing was written — if no git command is running, remove it "
        "(`rm {lock}`) and retry",
    },
    "store.lock_file_exists": {"nl": "het vergrendelbestand {lock} bestaat", "en": "its lock file {lock} exists"},
    "store.git_exited": {"nl": "git stopte met status {status}", "en": "git exited with {status}"},
    "store.git_no_reason": {"nl": "git gaf geen reden", "en": "git gave no reason"},
    "store.disk_full_hint": {
        "nl": " (de schijf is vol: maak ruimte vrij en probeer het opnieuw)",
        "en": " (the disk is full: free some space and retry)",
    },
    "store.trees_differ": {
        "nl": "git sloeg de nieuwe mappen van {root} op onder andere kenmerken; er is niets geschreven",
        "en": "git stored the new folders of {root} under other ids; nothing was written",
    },
    "store.cannot_stage": {
        "nl": "een {kind} kan niet worden klaargezet om op te slaan in {root}: {why}; er is niets geschreven",
        "en": "cannot stage a {kind} to store in {root}: {why}; nothing was written",
    },
    "store.cannot_store": {
        "nl": "git kon een {kind} niet opslaan in {root}: {said}{hint}; er is niets geschreven",
        "en": "git could not store a {kind} in {root}: {said}{hint}; nothing was written",
    },
    "store.stored_some": {
        "nl": "git sloeg {count} van de {total} objecten op in {root}; er is niets geschreven",
        "en": "git stored {count} of {total} objects in {root}; nothing was written",
    },
    "store.sync_failed": {
        "nl": "{what} {commit} is vastgelegd, maar de werkmap kon niet worden bijgewerkt: {why}; los dat op en "
        "voer een akkoord-opdracht uit (bijvoorbeeld `akkoord status`) om het bijwerken af te maken",
        "en": "{what} {commit} was recorded, but the work tree could not be updated: {why}; "
        "fix that and run any akkoord command (e.g. `akkoord status`) to finish the update",
    },
    "store.not_a_file": {
        "nl": "{path} is een map (of geen gewoon bestand); zet hem ergens anders neer",
        "en": "{path} is a folder (or not a plain file); move it away",
    },
    "store.cannot_make_folder": {
        "nl": "de map van {path} kan niet worden gemaakt: {why}",
        "en": "cannot create the folder of {path}: {why}",
    },
    "store.index_failed": {
        "nl": "{what} {commit} is vastgelegd, maar git kon zijn index niet bijwerken ({said}); voer een "
        "akkoord-opdracht uit om het bijwerken af te maken (of `git reset -q HEAD -- .`)",
        "en": "{what} {commit} was recorded, but git could not update its index ({said}); "
        "run any akkoord command to finish the update (or `git reset -q HEAD -- .`)",
    },
    "store.index_locked": {
        "nl": "{what} {commit} is vastgelegd en de bestanden zijn bijgewerkt, maar de index van git kon niet "
        "worden bijgewerkt: {lock} bestaat (loopt er een andere git-opdracht?); verwijder het als er geen "
        "git-opdracht loopt (`rm {lock}`) en voer een akkoord-opdracht uit om af te maken",
        "en": "{what} {commit} was recorded and the files are up to date, but git's index could not be "
        "updated: {lock} exists (another git command is running?); when no git command is running, "
        "remove it (`rm {lock}`) and run any akkoord command to finish",
    },
    "store.git_failed": {
        "nl": "git {command} mislukte in {root}: {said}{hint}",
        "en": "git {command} failed in {root}: {said}{hint}",
    },
    "store.git_cannot_set": {
        "nl": "git kon {key} niet instellen in {root}: {said}",
        "en": "git could not set {key} in {root}: {said}",
    },
    "store.cannot_create_here": {
        "nl": "{path}: de repository kan hier niet worden gemaakt: {why}; controleer dat u in de map mag schrijven",
        "en": "{path}: cannot create the repository here: {why}; check the folder is writable",
    },
    "store.cannot_lock": {
        "nl": "{path}: de repository kan niet worden vergrendeld: {why}; controleer de rechten",
        "en": "{path}: cannot create the repository lock: {why}; check the permissions",
    },
    "store.busy": {
        "nl": "een andere akkoord-opdracht schrijft nog in {root}; er is niets geschreven — wacht tot die klaar "
        "is en probeer het opnieuw (of zet AKKOORD_LOCK_TIMEOUT hoger om langer te wachten)",
        "en": "another akkoord command is still writing to {root}; nothing was written — wait for it to "
        "finish and retry (or set AKKOORD_LOCK_TIMEOUT to wait longer)",
    },
    "store.busy_process": {
        "nl": "een andere akkoord-opdracht (proces {process}) schrijft nog in {root}; er is niets geschreven — "
        "wacht tot die klaar is en probeer het opnieuw (of zet AKKOORD_LOCK_TIMEOUT hoger om langer te wachten)",
        "en": "another akkoord command (process {process}) is still writing to {root}; nothing was written — wait "
        "for it to finish and retry (or set AKKOORD_LOCK_TIMEOUT to wait longer)",
    },
    # remotes (storage/gitrepo.py, storage/exchange.py)
    "store.remote_add_failed": {
        "nl": "git kon de remote {name} niet toevoegen: {said}",
        "en": "git could not add remote {name}: {said}",
    },
    "store.remote_remove_failed": {
        "nl": "git kon de remote {name} niet verwijderen: {said}",
        "en": "git could not remove remote {name}: {said}",
    },
    "store.unreachable": {"nl": "{remote} is niet bereikbaar: {said}", "en": "cannot reach {remote}: {said}"},
    "store.fetch_failed": {
        "nl": "ophalen van {remote} lukte niet: {said}; er is niets binnengehaald",
        "en": "could not fetch from {remote}: {said}; nothing was taken in",
    },
    "store.push_failed": {
        "nl": "versturen naar {remote} lukte niet: {said}; er is niets verstuurd",
        "en": "could not push to {remote}: {said}; nothing was pushed",
    },
    "store.refs_refused": {
        "nl": "git heeft de verwijzingen niet bijgewerkt ({said}); er is niets veranderd",
        "en": "git did not update the refs ({said}); nothing was changed",
    },
    "store.unrelated": {
        "nl": "commits {ours} en {theirs} hebben geen gemeenschappelijke geschiedenis: het is niet hetzelfde akkoord",
        "en": "commits {ours} and {theirs} have no history in common: they are not the same agreement",
    },
    "store.merge_failed": {
        "nl": "git kon {ours} en {theirs} niet samenvoegen: {said}",
        "en": "git could not merge {ours} and {theirs}: {said}",
    },
    "store.compare_failed": {
        "nl": "git kon {old} en {new} niet vergelijken: {said}",
        "en": "git could not compare {old} and {new}: {said}",
    },
    "store.list_failed": {
        "nl": "git kon de commits sinds {start} niet opsommen: {said}",
        "en": "git could not list the commits since {start}: {said}",
    },
    "store.branch_failed": {
        "nl": "git kon tak {branch} niet gebruiken: {said}",
        "en": "git could not use branch {branch}: {said}",
    },
    "store.checkout_failed": {
        "nl": "git kon de bestanden niet uitpakken: {said}",
        "en": "git could not check out the files: {said}",
    },
    "store.commit.merge": {
        "nl": "{remote} ({url}) samengevoegd in {branch}",
        "en": "Merge {remote} ({url}) into {branch}",
    },
}
MESSAGES.update(
    {
        # the agreement's work tree (storage/workspace.py)
        "store.no_text_committed": {
            "nl": "{root} is een git-repository zonder vastgelegde {path}; maak een akkoord-repository met "
            "`akkoord init MAP --from BESTAND`",
            "en": "{root} is a git repository without a committed {path}; "
            "create one with `akkoord init DIR --from FILE`",
        },
        "store.no_text_in_commit": {"nl": "commit {commit} bevat geen {path}", "en": "commit {commit} has no {path}"},
        "store.no_commits": {"nl": "{root} heeft nog geen commits", "en": "{root} has no commits yet"},
        "store.text_missing": {
            "nl": "{path} ontbreekt; zet het terug met `git checkout -- {text}`",
            "en": "{path} is missing; restore it with `git checkout -- {text}`",
        },
        "store.text_is_folder": {
            "nl": "{path} is een map, niet de tekst van het akkoord; zet de map ergens anders neer en zet de tekst "
            "terug met `git checkout -- {text}`",
            "en": "{path} is a folder, not the agreement's text; move the folder away and restore the text with "
            "`git checkout -- {text}`",
        },
        "store.cannot_read": {
            "nl": "{path}: kan niet worden gelezen: {why}; controleer het bestand en de rechten erop",
            "en": "{path}: cannot read: {why}; check the file and its permissions",
        },
        "store.invalid": {"nl": "{source}:{line}: {said}{more}", "en": "{source}:{line}: {said}{more}"},
        "store.invalid_more": {
            "nl": " (en nog {count}; zie `akkoord validate`)",
            "en": " (and {count} more; see `akkoord validate`)",
        },
        "store.bad_folder_name": {"nl": "geen bruikbare mapnaam", "en": "not a usable folder name"},
        "store.folder_unusable": {
            "nl": "{path}: {why}; kies een andere map",
            "en": "{path}: {why}; choose another folder",
        },
        "store.folder_not_empty": {
            "nl": "{path} bestaat al en is niet leeg; kies een nieuwe map",
            "en": "{path} already exists and is not empty; choose a new folder",
        },
        "store.no_parent": {
            "nl": "{path} bestaat niet; maak die map eerst",
            "en": "{path} does not exist; create it first",
        },
        "store.cannot_create_there": {
            "nl": "{path}: de repository kan daar niet worden gemaakt: {why}",
            "en": "{path}: cannot create the repository there: {why}",
        },
    }
)
MESSAGES.update(
    {
        # REFs (storage/refs.py)
        "store.ref_amendment_outside": {
            "nl": "REF {ref}: amendementen worden opgezocht in een akkoord-repository; voer de opdracht daarin uit "
            "of gebruik -C MAP",
            "en": "REF {ref}: amendments are looked up in an akkoord repository; run the command inside one "
            "or use -C DIR",
        },
        "store.no_such_file": {
            "nl": "{path}: dit bestand bestaat niet; controleer het pad",
            "en": "{path}: no such file; check the path",
        },
        "store.ref_outside": {
            "nl": "REF {ref}: geen bestand, en u bent niet in een akkoord-repository om het als versie op te zoeken; "
            "geef een bestandspad of gebruik -C MAP",
            "en": "REF {ref}: not a file, and not inside an akkoord repository to look it up as a version; "
            "give a file path or use -C DIR",
        },
        "store.ref_amendment_no_id": {
            "nl": "REF {ref}: geef na {prefix} het kenmerk van een amendement (of een uniek begin ervan); "
            "`akkoord amend list` toont ze",
            "en": "REF {ref}: give an amendment id (or a unique start of it) after {prefix}; "
            "list them with `akkoord amend list`",
        },
        # versions (storage/versions.py)
        "store.bad_label": {
            "nl": "versielabel {label} is niet toegestaan; gebruik letters, cijfers, '.', '_' of '-' "
            "(bijvoorbeeld 2023 of 2023-1)",
            "en": "version label {label} is not allowed; use letters, digits, '.', '_' or '-' (e.g. 2023 or 2023-1)",
        },
        "store.none": {"nl": "geen", "en": "none"},
        "store.rename_unknown": {
            "nl": "er is geen versie {label} om te hernoemen (versies: {known})",
            "en": "there is no version {label} to rename (versions: {known})",
        },
        "store.rename_after_record": {
            "nl": "de commit van versie {label} is gemaakt na de vastlegging ervan; de versie kan hier niet "
            "worden hernoemd",
            "en": "version {label}'s commit was made after its record; it cannot be renamed here",
        },
        "store.text_dirty": {
            "nl": "{path} bevat wijzigingen die nog niet zijn vastgelegd; leg ze eerst vast met "
            "`akkoord commit -m BERICHT` of stel ze voor als amendement",
            "en": "{path} has uncommitted edits; record them with `akkoord commit -m MSG` "
            "or propose them as an amendment first",
        },
        "store.version_made_meanwhile": {
            "nl": "versie {label} is intussen door een andere opdracht gemaakt; er is niets geschreven — kies een "
            "ander label",
            "en": "version {label} was created meanwhile by another command; nothing was written — "
            "choose another label",
        },
        # LibreOffice (storage/office.py)
        "store.no_libreoffice": {
            "nl": "{what}: OpenDocument-bestanden worden omgezet met LibreOffice, en dat is niet geïnstalleerd "
            "(geen `soffice` op het PATH); installeer LibreOffice, of gebruik in plaats daarvan een "
            "Word-document (.docx)",
            "en": "{what}: OpenDocument files are converted with LibreOffice, which is not installed (no `soffice` "
            "on PATH); install LibreOffice, or use a Word document (.docx) instead",
        },
        "store.libreoffice_timeout": {
            "nl": "{what}: LibreOffice was niet binnen {seconds} s klaar met omzetten",
            "en": "{what}: LibreOffice did not finish converting within {seconds} s",
        },
        "store.libreoffice_failed": {
            "nl": "{what}: LibreOffice ({program}) kan niet worden gestart: {why}",
            "en": "{what}: cannot run LibreOffice ({program}): {why}",
        },
        "store.libreoffice_not_converted": {
            "nl": "{what}: LibreOffice kon het bestand niet omzetten naar .{target} ({said})",
            "en": "{what}: LibreOffice could not convert the file to .{target} ({said})",
        },
        "store.libreoffice_no_output": {"nl": "geen uitvoer", "en": "no output"},
        # writing files (storage/files.py)
        "store.no_file_name": {
            "nl": "geen bestandsnaam gegeven om naar te schrijven; geef een pad",
            "en": "no file name given to write to; give a path",
        },
        "store.cannot_write_here": {
            "nl": "{path}: kan hier niet schrijven: {why}; controleer dat de map bestaat en dat u erin mag schrijven",
            "en": "{path}: cannot write here: {why}; check the folder exists and is writable",
        },
        "store.cannot_write": {
            "nl": "{path}: kan niet schrijven: {why}; er is niets geschreven",
            "en": "{path}: cannot write: {why}; nothing was written",
        },
        "store.why.disk_full": {
            "nl": "de schijf is vol (maak ruimte vrij)",
            "en": "the disk is full (free some space)",
        },
        "store.why.too_large": {
            "nl": "bestand te groot voor dit bestandssysteem of de procesgrens",
            "en": "file too large for this file system or process limit",
        },
        "store.why.folder": {"nl": "er staat een map in de weg", "en": "a folder is in the way"},
        # a Word or OpenDocument file edited after export (storage/edited.py)
        "store.edited.base_not_here": {
            "nl": "--base {base}: geef een versielabel of een git-revisie van deze repository",
            "en": "--base {base}: give a version label or a git revision of this repository",
        },
        "store.edited.no_origin": {
            "nl": "{source}: het document zegt niet uit welke tekst het is geëxporteerd (het is niet gemaakt met "
            "`akkoord export`, of de eigenschappen zijn verwijderd); geef met --base de versie waaruit het is gemaakt",
            "en": "{source}: the document does not say which text it was exported from (it was not made by "
            "`akkoord export`, or its properties were removed); give the version it was made from with --base",
        },
        "store.edited.unknown_origin": {
            "nl": "{source}: geëxporteerd uit een tekst (text-SHA-256 {sha}…) die geen versie en niet de huidige "
            "tekst van deze repository is; geef met --base de versie waaruit het is gemaakt",
            "en": "{source}: exported from a text (text-SHA-256 {sha}…) that is not a version or the current "
            "text of this repository; give the version it was made from with --base",
        },
    }
)
MESSAGES.update(
    {
        # the amendment store (storage/amendment_store/)
        "store.invalid_more_in": {
            "nl": " (en nog {count}; zie `akkoord validate {source}`)",
            "en": " (and {count} more; see `akkoord validate {source}`)",
        },
        "store.cannot_record": {
            "nl": "amendement {id} kan niet worden vastgelegd: {why} — kort de titel, reden, toelichting, bron of "
            "namen in of verbeter ze; er is niets geschreven",
            "en": "cannot record amendment {id}: {why} — shorten or correct the "
            "title, reason, rationale, source or names given; nothing was written",
        },
        "store.cannot.accept": {
            "nl": "amendement {id} kan niet worden aangenomen",
            "en": "cannot accept amendment {id}",
        },
        "store.cannot.reject": {
            "nl": "amendement {id} kan niet worden afgewezen",
            "en": "cannot reject amendment {id}",
        },
        "store.cannot.withdraw": {
            "nl": "amendement {id} kan niet worden ingetrokken",
            "en": "cannot withdraw amendment {id}",
        },
        "store.cannot.supersede": {
            "nl": "amendement {id} kan niet worden vervangen",
            "en": "cannot supersede amendment {id}",
        },
        "store.cannot.rebase": {
            "nl": "amendement {id} kan niet worden bijgewerkt naar de huidige tekst",
            "en": "cannot rebase amendment {id}",
        },
        "store.cannot.consolidate": {
            "nl": "amendement {id} kan niet in versie {label} worden verwerkt",
            "en": "cannot consolidate into version {label} amendment {id}",
        },
        "store.cannot.create_version": {
            "nl": "versie {label} kan niet worden gemaakt",
            "en": "cannot create version {label}",
        },
        "store.refused_contested": {"nl": "{cannot}: het is {status}; {how}", "en": "{cannot}: it is {status}; {how}"},
        "store.refused_already": {
            "nl": "{cannot}: het is al {status}; {tail}",
            "en": "{cannot}: it is already {status}; {tail}",
        },
        "store.tail.unchanged": {"nl": "er is niets veranderd", "en": "nothing changed"},
        "store.tail.accepted": {
            "nl": "het wordt verwerkt in de volgende versie (akkoord version create LABEL)",
            "en": "it will be consolidated into the next version (akkoord version create LABEL)",
        },
        "store.tail.consolidated": {
            "nl": "het is nu deel van de tekst en kan niet meer veranderen; stel in plaats daarvan een nieuw "
            "amendement voor",
            "en": "it is part of the text now and cannot change; propose a new amendment instead",
        },
        "store.tail.final": {
            "nl": "de status is definitief; stel in plaats daarvan een nieuw amendement voor",
            "en": "its status is final; propose a new amendment instead",
        },
        "store.too_early": {
            "nl": "{cannot} op {date}: dat is vóór het {status} werd ({at}); geef een latere --date",
            "en": "{cannot} on {date}: that is before it was {status} ({at}); give a later --date",
        },
        "store.source_said": {"nl": "{source}: {said}", "en": "{source}: {said}"},
        "store.same_as_base": {
            "nl": "{source} heeft dezelfde tekst als de basis ({base}); wijzig eerst de artikelen, er is niets "
            "voorgesteld",
            "en": "{source} has the same text as its base ({base}); edit the clauses first, nothing was proposed",
        },
        "store.needs_title": {
            "nl": "een amendement heeft een titel nodig: geef --title",
            "en": "an amendment needs a title: give --title",
        },
        "store.needs_input": {
            "nl": "geef een bewerkte kopie van de tekst (--from-file BEWERKT.xml) of een amendementbestand",
            "en": "give an edited copy of the text (--from-file EDITED.xml) or an amendment file",
        },
        "store.supersedes_unknown": {
            "nl": "het amendement vervangt {id}, maar dat staat niet in deze repository",
            "en": "the amendment supersedes {id}, which is not in this repository",
        },
        "store.needs_reason": {
            "nl": "een afwijzing heeft een reden nodig: geef --reason",
            "en": "a rejection needs a reason: give --reason",
        },
        "store.since": {"nl": "commit {commit}{accepted}", "en": "commit {commit}{accepted}"},
        "store.with_accepted": {"nl": " met de aangenomen {ids}", "en": " with accepted {ids}"},
        "store.more": {"nl": " (en nog {count})", "en": " (and {count} more)"},
        "store.conflicts": {
            "nl": "amendement {id} botst met de huidige tekst ({since}): artikel {clause}: {reason}{more}; er is "
            "niets aangenomen — los het op met `akkoord amend rebase {id} --write BESTAND`, bewerk BESTAND, en "
            "dan `--from-file BESTAND`",
            "en": "amendment {id} conflicts with the current text ({since}): clause {clause}: "
            "{reason}{more}; nothing was accepted — resolve it with "
            "`akkoord amend rebase {id} --write FILE`, edit FILE, then `--from-file FILE`",
        },
        "store.no_longer_applies": {
            "nl": "het aangenomen amendement {id} past niet meer op de huidige tekst (artikel {clause}: {reason}); "
            "werk het bij met `akkoord amend rebase {id} --write BESTAND` en dan `--from-file BESTAND`, en neem het "
            "opnieuw aan",
            "en": "accepted amendment {id} no longer applies to the current text "
            "(clause {clause}: {reason}); rebase it with "
            "`akkoord amend rebase {id} --write FILE` then `--from-file FILE`, and accept it again",
        },
        "store.conflict_in": {"nl": "botsing in {target}: {reason}", "en": "conflict in {target}: {reason}"},
        "store.absent": {"nl": "(afwezig)", "en": "(absent)"},
        "store.side.base": {"nl": "basis", "en": "base"},
        "store.side.current": {"nl": "huidig", "en": "current"},
        "store.side.amendment": {"nl": "amendement", "en": "amendment"},
        "store.base_version": {"nl": "versie {label}, ", "en": "version {label}, "},
        "store.base_gone": {
            "nl": "{name}: de basistekst ({where}text_sha256 {sha}) staat niet in deze repository; stel "
            "amendementen op tegen een versie of de huidige tekst van deze repository (of haal de geschiedenis "
            "binnen waarop het is opgesteld)",
            "en": "{name}: its base text ({where}text_sha256 {sha}) is not in this repository; "
            "draft amendments against a version or the current text of this repository (or pull the history it "
            "was drafted on)",
        },
        "store.contested_line": {"nl": "betwist {id}: {title}", "en": "contested {id}: {title}"},
        "store.contested.one": {
            "nl": "amendement {id} is betwist ({summary})",
            "en": "amendment {id} is contested ({summary})",
        },
        "store.contested.many": {
            "nl": "amendementen {ids} zijn betwist ({id}: {summary})",
            "en": "amendments {ids} are contested ({id}: {summary})",
        },
        "store.contested": {
            "nl": "{cannot}: {what}, besloten in kopieën die elkaars besluit niet zagen; er is niets veranderd — {how}",
            "en": "{cannot}: {what}, decided in clones that did not see each other's decision; nothing was "
            "changed — {how}",
        },
        "store.rebase_changes_nothing": {
            "nl": "{source} is gelijk aan de huidige tekst: het amendement zou niets veranderen; trek het in plaats "
            "daarvan in (akkoord amend withdraw {id})",
            "en": "{source} equals the current text: the amendment would change nothing; withdraw it instead "
            "(akkoord amend withdraw {id})",
        },
        "store.rebase_undoes": {
            "nl": "{source} zou wijzigingen ongedaan maken die sinds de basis van het amendement zijn gedaan aan "
            "{clauses}; begin bij de huidige tekst: `akkoord amend rebase {id} --write BESTAND`, bewerk BESTAND, "
            "en dan --from-file BESTAND",
            "en": "{source} would undo changes made since the amendment's base to {clauses}; "
            "start from the current text: `akkoord amend rebase {id} --write FILE`, edit FILE, then --from-file FILE",
        },
        "store.damaged_amendment": {
            "nl": "amendement {id} is beschadigd: {path} {problem}; {restore}",
            "en": "amendment {id} is damaged: {path} {problem}; {restore}",
        },
        "store.damaged_amendment.detail": {
            "nl": "{problem}: amendement {id} is beschadigd; {restore}",
            "en": "{problem}: amendment {id} is damaged; {restore}",
        },
        "store.damaged_amendment.remove": {
            "nl": "geen enkele commit bevat het onbeschadigd: zet het terug uit een andere kopie, of verwijder het "
            "amendement (`{step}`)",
            "en": "no commit holds it intact: restore it from another clone, or remove the amendment (`{step}`)",
        },
        "store.damaged_amendment.restore": {
            "nl": "het was het laatst onbeschadigd in commit {commit}: zet het terug met `{step}`",
            "en": "it was last intact in commit {commit}: restore it with `{step}`",
        },
        "store.unreadable": {"nl": "kan niet worden gelezen ({said})", "en": "cannot be read ({said})"},
        "store.unreadable_at": {
            "nl": "kan niet worden gelezen (regel {line}: {said})",
            "en": "cannot be read (line {line}: {said})",
        },
        "store.record_misplaced": {
            "nl": "{path}: bevat amendement {id}, niet het amendement {folder} dat de map noemt",
            "en": "{path}: holds amendment {id}, not the {folder} its folder names",
        },
        "store.damaged_more": {
            "nl": " (en nog {count}: zie `akkoord amend list`)",
            "en": " (and {count} more: see `akkoord amend list`)",
        },
        "store.refused_damaged": {
            "nl": "{cannot}: {said}{more}; er is niets geschreven",
            "en": "{cannot}: {said}{more}; nothing was written",
        },
        "store.ambiguous": {
            "nl": "amendement {ref} is niet eenduidig: {ids}; geef meer van het kenmerk",
            "en": "amendment {ref} is ambiguous: {ids}; give more of the id",
        },
        "store.clause_in_no_version": {
            "nl": "artikel {clause} staat in geen enkele versie tot en met {shown}; controleer het kenmerk met "
            "`akkoord show --format json`",
            "en": "clause {clause} is in no version up to {shown}; check the id with `akkoord show --format json`",
        },
        "store.no_free_id": {
            "nl": "er is geen kenmerk vrij voor amendement {title}; probeer het opnieuw",
            "en": "cannot allocate an id for amendment {title}; retry",
        },
        "store.given.file": {"nl": "een bestand", "en": "a file"},
        "store.given.amendment": {
            "nl": "een amendement (zie `akkoord amend show ID`)",
            "en": "an amendment (see `akkoord amend show ID`)",
        },
        "store.blame_needs_version": {
            "nl": "{ref}: blame en history hebben een versielabel of git-revisie nodig, niet {given}",
            "en": "{ref}: blame and history need a version label or git revision, not {given}",
        },
    }
)
MESSAGES.update(
    {
        # written into the repository, in the agreement's language (storage/amendment_store/paths.py)
        "store.readme.amendments": {
            "nl": (
                "# Amendementen\n"
                "\n"
                "Elke map hier is één amendement op `akkoord.xml`, genoemd naar zijn kenmerk (datum, titel, hash):\n"
                "\n"
                "- `amendment.xml`: de vastlegging (schemas/amendment.xsd): titel, indieners, toelichting, bron, de\n"
                "  basistekst waartegen het is opgesteld (versielabel en tekst-SHA-256), en de wijzigingen op vaste\n"
                "  artikelkenmerken. Elke wijziging noemt de SHA-256 van wat ze wijzigt zoals het in de basis stond.\n"
                "- `events/`: de geschiedenis van de status, één bestand per gebeurtenis (proposed, accepted, rejected,\n"
                "  withdrawn, superseded, consolidated, revised), elk met wie, wanneer en waarom. Er komen alleen bestanden\n"
                "  bij. Twee kopieën die verschillend over een amendement besluiten, laten het na `git pull` betwist\n"
                "  (`contested`); een besluit dat na beide is vastgelegd (`akkoord amend accept|reject ID`) lost dat op.\n"
                "\n"
                "`akkoord amend list` en `akkoord amend show ID` lezen ze; `git log -- amendments/ID` toont wie wat deed.\n"
            ),
            "en": (
                "# Amendments\n"
                "\n"
                "Each folder here is one amendment to `akkoord.xml`, named by its id (date, title, hash):\n"
                "\n"
                "- `amendment.xml`: the record (schemas/amendment.xsd): title, proposers, rationale, source, the base\n"
                "  text it was drafted against (version label and text SHA-256), and its operations on permanent\n"
                "  clause ids. Every operation names the SHA-256 of its target as it stood in the base.\n"
                "- `events/`: its status history, one file per event (proposed, accepted, rejected, withdrawn,\n"
                "  superseded, consolidated, revised), each with who, when and why. Files are only added.\n"
                "  Two clones that decide an amendment differently leave it `contested` after `git pull`; a decision\n"
                "  recorded after both (`akkoord amend accept|reject ID`) resolves it.\n"
                "\n"
                "`akkoord amend list` and `akkoord amend show ID` read them; `git log -- amendments/ID` shows who did what.\n"
            ),
        },
    }
)

# the commit subjects of the repair steps a refusal suggests (storage/gitrepo.restore_step, a damaged amendment)
MESSAGES.update(
    {
        "store.restore.subject": {"nl": "Herstel {what}", "en": "Restore {what}"},
        "store.restore.remove_subject": {
            "nl": "Verwijder beschadigd amendement {id}",
            "en": "Remove damaged amendment {id}",
        },
        "store.restore.what.admin_records": {"nl": "beheerdersvastleggingen", "en": "admin records"},
        "store.restore.what.signed_files": {"nl": "ondertekende bestanden", "en": "signed files"},
    }
)
