"""`akkoord endorse` shows what is about to be signed and asks on a terminal (--yes for scripts); a decision the
signatory already stands by, or a version older than the current one, needs a confirmation everywhere."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path


def head(world) -> str:
    return world.git("rev-parse", "HEAD").strip()


def on_a_terminal(world, answer: str, *args) -> tuple[int, str]:
    """Run `akkoord ARGS` with a terminal as standard input (a real pseudo-terminal) answering `answer`."""
    leader, follower = pty.openpty()
    exe = Path(sys.executable).with_name("akkoord")
    proc = subprocess.Popen(
        [str(exe), *map(str, args)], cwd=world.root, stdin=follower, stdout=follower, stderr=follower, env=os.environ
    )
    os.close(follower)
    os.write(leader, answer.encode())
    said = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the other side closed: the process ended
            break
        if not chunk:
            break
        said += chunk
    os.close(leader)
    return proc.wait(timeout=60), said.decode("utf-8").replace("\r\n", "\n")


def test_on_a_terminal_endorse_shows_the_summary_and_signs_only_after_yes(world):
    before = head(world)
    endorse = ("endorse", "2023", "--as", "org-c", "--key", world.keys["org-c"])
    code, said = on_a_terminal(world, "n\n", *endorse)
    assert code == 1 and head(world) == before, said
    assert "You sign as " in said and "(org-c):" in said
    assert "  version      2023 (the current version is 2023)" in said
    assert "  text_sha256  " in said and "  decision     endorse" in said
    assert "  changes      you have endorsed no version yet; read the whole text: `akkoord show 2023`" in said
    assert "Sign? [y/N]" in said and "akkoord: error: nothing was signed" in said
    code, said = on_a_terminal(world, "j\n", "--lang", "nl", *endorse)
    assert code == 0 and head(world) != before, said
    assert "Ondertekenen? [j/N]" in said and "ondertekent versie 2023" in said and "  besluit      ondertekenen" in said


def test_a_terminal_shows_how_much_changed_since_the_last_endorsement_and_warns_of_a_repeat(world):
    code, said = on_a_terminal(world, "n\n", "endorse", "2023", "--as", "org-a", "--key", world.keys["org-a"])
    assert code == 1
    assert "  changes      0 clause(s) differ from version 2023, the one you last endorsed" in said, said
    assert "Note: you already decided 'endorse' on version 2023; this signs the same decision again." in said


def test_in_a_script_a_repeat_or_an_older_version_needs_yes(world, run_cli):
    before = head(world)
    code, _, err = run_cli("endorse", "2023", "--as", "org-a", "--key", world.keys["org-a"], cwd=world.root)
    assert code == 1 and head(world) == before
    assert err == "akkoord: error: you already decided 'endorse' on version 2023; give --yes to sign it again\n"
    code, _, err = run_cli("endorse", "2019", "--as", "org-b", "--key", world.keys["org-b"], cwd=world.root)
    assert code == 1 and head(world) == before
    assert err == "akkoord: error: version 2019 is not the current version (2023); give --yes to sign 2019 anyway\n"
    code, out, err = run_cli("endorse", "2023", "--as", "org-a", "--key", world.keys["org-a"], "--yes", cwd=world.root)
    assert code == 0 and head(world) != before, err


def test_in_a_script_a_new_decision_on_the_current_version_signs_without_asking(world, run_cli):
    code, out, err = run_cli("endorse", "2023", "--as", "org-c", "--key", world.keys["org-c"], cwd=world.root)
    assert code == 0, err
    assert "endorse version 2023" in out


def test_a_statement_that_does_not_verify_is_no_standing_decision(world, run_cli):
    """The summary counts only what verifies: a statement in the signatory's folder, signed with its own key, about
    a text that is not the version's (verify: text-mismatch) is not a decision to repeat."""
    import json

    from akkoordvc.model import canonical
    from akkoordvc.trust import sshsig
    from akkoordvc.trust import statements as S
    from akkoordvc.trust.jsonfile import canonical_json

    source = next(p for p in world.statements("endorsements", "org-a") if b'"version":"2023"' in world.read(p))
    changes = {"signatory": "org-c", "seq": 1, "previous": [], "decision": "endorse", "text_sha256": "ab" * 32}
    fields = json.loads(world.read(source)) | changes
    data = canonical_json(fields)
    path = S.statement_path("endorsements", "org-c", 1, canonical.sha256(data))
    signature = sshsig.sign(data, str(world.keys["org-c"]), sshsig.NS_ENDORSEMENT)
    world.git_commit({path: data, path + ".sig": signature}, "a statement about another text")
    assert "text-mismatch" in {p.code for p in world.verify().problems if p.where == path}
    code, out, err = run_cli("endorse", "2023", "--as", "org-c", "--key", world.keys["org-c"], cwd=world.root)
    assert code == 0, err
    assert "endorse version 2023" in out
