"""What `akkoord endorse` is about to sign, as lines for the terminal, in the language of the moment."""

from __future__ import annotations

from ..messages import text
from ..trust.preview import Preview


def preview_lines(shown: Preview) -> list[str]:
    """The summary shown before signing, with a warning when it repeats a decision or concerns an older version."""
    lines = [
        text("endorse.preview.title", name=shown.name, id=shown.signatory),
        text("endorse.preview.version", version=shown.version, current=shown.current),
        text("endorse.preview.sha", sha=shown.text_sha256),
        text("endorse.preview.decision", decision=text(f"endorse.decision.{shown.decision}")),
    ]
    if shown.last_endorsed is None:
        lines.append(text("endorse.preview.first", version=shown.version))
    else:
        lines.append(
            text(
                "endorse.preview.changed",
                count=shown.changed,
                last=shown.last_endorsed,
                id=shown.signatory,
            )
        )
    if shown.again:
        lines.append(
            text("endorse.preview.again", version=shown.version, decision=text(f"endorse.decision.{shown.decision}"))
        )
    if shown.older:
        lines.append(text("endorse.preview.older", version=shown.version, current=shown.current))
    return lines
