"""Trust on first use, remembered: the trust anchor a clone checks every later command against.

The first `akkoord verify` in a clone (or the first `--trust-anchor` given) writes the anchor
to the clone's own git config (`akkoord.trustAnchor` in .git/config, which no push or pull
changes). Every later command that reads the registry checks against it: a repository whose
registry starts elsewhere does not verify, and a `--trust-anchor` that differs from the
remembered one is used for that run with a loud warning.
"""

from __future__ import annotations

from ..messages import Message
from ..storage.workspace import Workspace
from .registry import ANCHOR_PREFIX, normalize_anchor

CONFIG_KEY = "akkoord.trustAnchor"


def remembered(workspace: Workspace) -> str | None:
    value = workspace.repo.local_config(CONFIG_KEY)
    try:
        return normalize_anchor(value) if value else None
    except Exception:  # an unreadable value is reported when it is used
        return value


def checked_anchor(workspace: Workspace, given: str | None) -> tuple[str | None, Message | None]:
    """(the anchor to check against, a warning to show or None)."""
    mine = remembered(workspace)
    if given is None:
        return mine, None
    value = normalize_anchor(given)
    if mine and mine != value:
        return value, Message(
            "verify.anchor_differs", given=ANCHOR_PREFIX + value, mine=ANCHOR_PREFIX + mine, config=CONFIG_KEY
        )
    return value, None


def remember(workspace: Workspace, anchor: str | None) -> Message | None:
    """Remember `anchor` when this clone has none yet; return a note saying so."""
    if anchor is None or remembered(workspace) is not None:
        return None
    workspace.repo.set_local_config(CONFIG_KEY, ANCHOR_PREFIX + anchor)
    return Message("verify.anchor_remembered", anchor=ANCHOR_PREFIX + anchor, config=CONFIG_KEY)
