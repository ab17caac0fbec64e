"""Where each kind of page lives in the site (site-relative paths), in one place."""

from __future__ import annotations

from .layout import file_name


def version_page(label: str) -> str:
    return f"versions/{file_name(label)}.html"


def version_xml(label: str) -> str:
    return f"versions/{file_name(label)}.xml"


def compare_page(old: str, new: str) -> str:
    return f"compare/{file_name(old)}/{file_name(new)}.html"


def clause_page(clause_id: str) -> str:
    return f"clauses/{file_name(clause_id)}.html"


def amendment_page(ident: str) -> str:
    return f"amendments/{file_name(ident)}.html"


def signatory_page(ident: str) -> str:
    return f"signatories/{file_name(ident)}.html"


def statement_page(path: str) -> str:
    """The page of the statement stored at `path` in the repository (e.g. endorsements/x/000001-….json)."""
    return "statements/" + "/".join(file_name(part) for part in path.removesuffix(".json").split("/")) + ".html"


def statement_file(path: str) -> str:
    """Where the statement's own bytes are published (its signature beside it, + ".sig")."""
    return "statements/" + "/".join(file_name(part) for part in path.split("/"))
