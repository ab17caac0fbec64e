"""Trust on first use, remembered: the trust anchor a clone checks every later command against.

The first `akkoord verify` in a clone (or the first `--trust-anchor` given) writes the anchor
to the clone's own git config (`akkoord.trustAnchor` in .git/config, which no push or pull
changes). Every later command that reads the registry checks against it: a repository whose
registry starts elsewhere does not verify, and a `--trust-anchor` that differs from the
remembered one is used for that run with a loud warning.
"""

from __future__ import annotations

from ..storage.workspace import Workspace
from .registry import ANCHOR_PREFIX, normalize_anchor

CONFIG_KEY = "akkoord.trustAnchor"


def remembered(workspace: Workspace) -> str | None:
    value = workspace.repo.local_config(CONFIG_KEY)
    try:
        return normalize_anchor(value) if value else None
    except Exception:  # an unreadable value is reported when it is used
        return value


def checked_anchor(workspace: Workspace, given: str | None) -> tuple[str | None, str | None]:
    """(the anchor to check against, a warning to show or None)."""
    mine = remembered(workspace)
    if given is None:
        return mine, None
    value = normalize_anchor(given)
    if mine and mine != value:
        return value, (
            f"WARNING: --trust-anchor {ANCHOR_PREFIX}{value} is not the trust anchor this clone remembered "
            f"({ANCHOR_PREFIX}{mine}); checking against the one given. If the registry really restarted, confirm it "
            f"with `git config {CONFIG_KEY} {ANCHOR_PREFIX}{value}`"
        )
    return value, None


def remember(workspace: Workspace, anchor: str | None) -> str | None:
    """Remember `anchor` when this clone has none yet; return a note saying so."""
    if anchor is None or remembered(workspace) is not None:
        return None
    workspace.repo.set_local_config(CONFIG_KEY, ANCHOR_PREFIX + anchor)
    return (
        f"remembered trust anchor {ANCHOR_PREFIX}{anchor} in this clone (git config {CONFIG_KEY}); later commands "
        "check against it — compare it with the one `akkoord init` printed"
    )
