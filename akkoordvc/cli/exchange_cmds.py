"""`akkoord clone`, `pull`, `push` and `remote`: working in one's own clone through a shared git remote."""

from __future__ import annotations

import click

from . import trust_common as tc
from .common import by_option, open_workspace
from .language import say

REMOTE_HELP = "The remote's name (default: origin)."


@click.command()
@click.argument("url")
@click.argument("directory", required=False, type=click.Path(file_okay=False))
@click.option("--trust-anchor", metavar="FPR", help="The registry fingerprint the secretariat published (sha256:...).")
def clone(url, directory, trust_anchor):
    """Clone the agreement at URL (a path, file://, git://, ssh:// or https://) into DIRECTORY, verified.

    Nothing is kept unless everything verifies. Without --trust-anchor, the registry the repository starts
    with is trusted from now on (trust on first use), and the command says so."""
    from ..present.exchange import cloned, first_use
    from ..trust.exchange import clone as do_clone
    from ..trust.registry import normalize_anchor

    anchor = normalize_anchor(trust_anchor) if trust_anchor else None
    result = do_clone(url, directory, anchor=anchor, today=tc.today())
    tc.echo(cloned(result))
    for line in first_use(result):
        click.echo(line, err=True)
    return 0


@click.command()
@click.argument("remote", default="origin", required=False)
@by_option("Who merges, when a merge commit is needed: 'Name <email>' (default: git's user.name/user.email).")
@click.option("--trust-anchor", metavar="FPR", help=tc.ANCHOR_HELP)
def pull(remote, by, trust_anchor):
    """Fetch REMOTE (default origin), verify everything it sent, and only then take it in.

    Refused, with one line per problem and nothing changed, when anything received does not verify, when
    the remote rewrote history or moved a version this clone took from it, or holds one of this clone's
    version labels for another version."""
    from ..present.exchange import pulled
    from ..trust.exchange import pull as do_pull

    found = open_workspace(write=True)
    tc.echo(pulled(do_pull(found, remote, by=by, anchor=trust_anchor, today=tc.today())))
    return 0


@click.command()
@click.argument("remote", default="origin", required=False)
@click.option("--trust-anchor", metavar="FPR", help=tc.ANCHOR_HELP)
def push(remote, trust_anchor):
    """Send the branch and the new version tags to REMOTE (default origin), all or nothing.

    Refused when REMOTE has commits this clone lacks (pull first), holds one of its version labels for
    another version, or when this clone does not verify."""
    from ..present.exchange import pushed
    from ..trust.exchange import push as do_push

    found = open_workspace()
    tc.echo(pushed(do_push(found, remote, anchor=trust_anchor, today=tc.today())))
    return 0


@click.group()
def remote():
    """Add, list and remove the remotes this clone exchanges with."""


@remote.command("add")
@click.argument("name")
@click.argument("url")
def remote_add(name, url):
    """Add the remote NAME at URL (a path, file://, git://, ssh:// or https://)."""
    from ..errors import RepositoryError
    from ..messages import Message
    from ..storage.exchange import check_remote_name, check_url

    found = open_workspace()
    check_remote_name(name)
    url = check_url(url)
    if name in found.repo.remotes():
        raise RepositoryError(Message("exchange.remote.exists", name=name))
    found.repo.add_remote(name, url)
    click.echo(say("exchange.remote.added", name=name, url=url))
    return 0


@remote.command("list")
def remote_list():
    """List the remotes and the state last verified from each."""
    from ..present.exchange import remotes
    from ..storage.exchange import branch_name, recorded_state

    found = open_workspace()
    branch = branch_name(found.repo)
    rows = []
    for name, url in sorted(found.repo.remotes().items()):
        state = recorded_state(found.repo, name, branch)
        rows.append((name, url, state.head, sorted(state.tags)))
    tc.echo(remotes(rows))
    return 0


@remote.command("remove")
@click.argument("name")
def remote_remove(name):
    """Remove the remote NAME, and what this clone recorded of it."""
    from ..storage.exchange import forget, url_of

    found = open_workspace(write=True)
    url_of(found.repo, name)
    found.repo.remove_remote(name)
    forget(found.repo, name)
    click.echo(say("exchange.remote.removed", name=name))
    return 0


@click.command()
@click.argument("files", metavar="FILE...", nargs=-1, required=True, type=click.Path(dir_okay=False))
@by_option("Who commits: 'Name <email>' (default: git's user, else the signatory or proposer).")
@click.option("--trust-anchor", metavar="FPR", help=tc.ANCHOR_HELP)
def receive(files, by, trust_anchor):
    """Check and commit, unchanged, statements and proposals sent as files (`endorse --out`, `amend propose --out`).

    Each file is committed only when the repository with it verifies; one that does not is refused with one
    line, and nothing of it is written."""
    from ..messages import Message
    from ..model.reading import read_input
    from ..trust import bundle
    from ..trust.jsonfile import MAX_BYTES

    found = open_workspace(write=True)
    for path in files:
        data = read_input(path, kind=Message("input.kind.bundle"), limit=2 * MAX_BYTES)
        done = bundle.receive(found, bundle.read(data, path), path, by=by, anchor=trust_anchor, today=tc.today())
        click.echo(say("exchange.received", what=done.what, commit=done.commit[:12]))
    return 0
