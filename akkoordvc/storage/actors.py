"""Who acts: the one policy that decides whose name a command records as the author of its commit.

In order: the person named with ``--by``; the signatory itself for a signed statement (its signature,
not the git author, is the claim that counts); git's configured identity (the repository's, or the
user's own outside a repository); a stand-in named after the role (a registry change records who
signed it in the signatures, so a machine without a git identity, such as CI, can still commit it);
else one line saying how to set one, never git's own error.
"""

from __future__ import annotations

from ..errors import RepositoryError
from .gitrepo import Identity, Repository, global_identity


def stand_in(name: str, ident: str) -> Identity:
    """An identity for a role or a signatory without a configured e-mail address: ``name <ident@akkoord.invalid>``."""
    shown = "".join(c for c in name if c not in "<>\n").strip() or ident
    return Identity(shown, f"{ident}@akkoord.invalid")


def who_acts(
    by: str | None,
    repo: Repository | None = None,
    *,
    signer: Identity | None = None,
    fallback: Identity | None = None,
) -> Identity:
    """The identity to record (see the module docstring for the order)."""
    if by is not None:  # an empty --by is refused, not taken as "not given"
        return Identity.parse(by)
    if signer is not None:
        return signer
    configured = repo.config_identity() if repo is not None else global_identity()
    if configured is not None:
        return configured
    if fallback is not None:
        return fallback
    raise RepositoryError.keyed("store.no_identity")
