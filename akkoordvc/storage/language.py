"""The language of the agreement in the repository of a folder, found without git.

The language akkoord speaks follows the text (`akkoordvc.messages`): inside a repository of a Dutch
agreement, Dutch. It is read from the ``lang`` attribute of the root element in the first bytes of
``akkoord.xml`` in the work tree of the nearest folder upwards that holds ``.git``: a few file-system
look-ups, cheap enough for every command, including those that never start git.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..model import names

TEXT_FILE = "akkoord.xml"
#: how much of the text is read: the root element comes first in canonical form
HEAD_BYTES = 4096
_LANG = re.compile(
    rb"<" + names.AGREEMENT.encode() + rb"\b[^>]*?\s" + names.LANG.encode() + rb"=[\"']([A-Za-z0-9_-]{1,35})[\"']"
)


def repository_language(start: str | os.PathLike[str] = ".") -> str | None:
    """The language tag of the agreement in the repository holding `start`, or None outside one (or when its
    text does not say or cannot be read)."""
    try:
        folder = Path(start).resolve()
        for candidate in (folder, *folder.parents):
            if (candidate / ".git").exists():
                with open(candidate / TEXT_FILE, "rb") as handle:
                    match = _LANG.search(handle.read(HEAD_BYTES))
                return match.group(1).decode("ascii") if match else None
    except OSError:
        return None
    return None
