"""The agreement's text at the commits that statements and version records name, in one pass, cached by blob.

For each commit: whether it is a commit of this repository holding the text, and the text's facts: the
SHA-256 of its bytes, the agreement id, and one SHA-256 over its clause hashes (`statements.clauses_digest`),
or that it does not parse. One `git cat-file --batch-check` names the commits and their text blobs; the facts
of a blob the cache does not know are computed from its bytes (read in one `git cat-file --batch`) and cached
under its blob id (git names a blob by a hash of its bytes).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import AkkoordError
from ..model import canonical
from ..model.document import Document
from ..storage.workspace import TEXT_PATH
from .cache import Cache, key
from .statements import clauses_digest

if TYPE_CHECKING:
    from ..storage.gitrepo import Repository


@dataclass(frozen=True)
class TextFacts:
    """What the checks need of one text: its SHA-256; its agreement id and clause hashes (None: no valid text)."""

    sha256: str
    agreement: str | None
    clauses_sha256: str | None


def _facts_shape(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 3
        and isinstance(value[0], str)
        and all(v is None or isinstance(v, str) for v in value[1:])
    )


class Texts:
    """The texts of some commits (`load` them first, in one pass; `get` answers from what was loaded)."""

    def __init__(self, repo: Repository, cache: Cache):
        self.repo, self.cache = repo, cache
        self._facts: dict[str, TextFacts | None] = {}

    def load(self, commits: Iterable[str]) -> None:
        wanted = sorted({c for c in commits if isinstance(c, str)} - set(self._facts))
        if not wanted:
            return
        found = self.repo.object_ids([name for c in wanted for name in (c, f"{c}:{TEXT_PATH}")])
        blobs: dict[str, str] = {}
        for n, commit in enumerate(wanted):
            kind, text = found[2 * n], found[2 * n + 1]
            self._facts[commit] = None
            if kind == ("commit", commit) and text is not None and text[0] == "blob":
                blobs[commit] = text[1]
        missing: dict[str, list[str]] = {}
        for commit, blob in blobs.items():
            value = self.cache.get(key("text", blob), _facts_shape, section="texts")
            if value is None:
                missing.setdefault(blob, []).append(commit)
            else:
                self._facts[commit] = TextFacts(*value)
        data = self.repo.read_blobs(list(missing))
        for (blob, commits), content in zip(missing.items(), data, strict=True):
            facts = _facts(content or b"", commits[0])
            self.cache.put(key("text", blob), [facts.sha256, facts.agreement, facts.clauses_sha256], section="texts")
            for commit in commits:
                self._facts[commit] = facts

    def get(self, commit: str) -> TextFacts | None:
        """The facts of the text at `commit`; None when it is not a commit of this repository with a text."""
        if commit not in self._facts:
            self.load([commit])
        return self._facts[commit]


def _facts(data: bytes, commit: str) -> TextFacts:
    sha = canonical.sha256(data)
    try:
        doc = Document.from_bytes(data, f"{TEXT_PATH} at {commit[:12]}")
    except AkkoordError:
        return TextFacts(sha, None, None)
    return TextFacts(sha, doc.id, clauses_digest(remembered_clause_hashes(doc)))


def remembered_clause_hashes(doc: Document) -> list[list[str]]:
    """`statements.clause_hashes(doc)`, each distinct clause hashed once per process (the versions of one text
    share most of their clauses)."""
    return [[clause.id, canonical.remembered_sha256(clause.element)] for clause in doc.clauses]
