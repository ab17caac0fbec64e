"""One home per concept: dates and "today", characters XML cannot hold, whitespace, slugs, reading input
files, identifier patterns, who acts and the colour policy are each defined once. A second definition
(a function of the same name, a copy of the same pattern, the same idiom written out again) fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from lxml import etree

from akkoordvc.model import ids

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "akkoordvc"
MODULES = {str(p.relative_to(PACKAGE)): p for p in sorted(PACKAGE.rglob("*.py"))}
TREES = {rel: ast.parse(path.read_text("utf-8")) for rel, path in MODULES.items()}

#: function name -> the one module that may define it
HOMES = {
    "parse_day": "model/dates.py",
    "parse_date": "model/dates.py",
    "optional_day": "model/dates.py",
    "today": "model/dates.py",
    "noon": "model/dates.py",
    "timestamp_for": "model/dates.py",
    "moment_text": "model/dates.py",
    "iso_date": "model/dates.py",
    "collapse": "model/strings.py",
    "normalize_space": "model/strings.py",
    "one_line": "model/strings.py",
    "slug": "model/strings.py",
    "replace_not_xml": "model/strings.py",
    "read_input": "model/reading.py",
    "read_file": "model/reading.py",
    "is_agreement_id": "model/ids.py",
    "is_signatory_id": "model/ids.py",
    "who_acts": "storage/actors.py",
    "open_workspace": "cli/common.py",
    "use_color": "cli/common.py",
}


def _functions():
    for rel, tree in TREES.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                yield rel, node


def _calls():
    for rel, tree in TREES.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                yield rel, node


def _strings():
    for rel, tree in TREES.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield rel, node


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return "?"


def test_each_concept_is_defined_in_its_home():
    offenders = [
        f"{rel}:{node.lineno}: {node.name} (home: {HOMES[node.name.lstrip('_')]})"
        for rel, node in _functions()
        if node.name.lstrip("_") in HOMES and rel != HOMES[node.name.lstrip("_")]
    ]
    assert offenders == []


def test_homes_define_what_they_are_home_to():
    defined = {(rel, node.name) for rel, node in _functions()}
    missing = [(home, name) for name, home in HOMES.items() if name not in ("parse_date", "iso_date", "read_file")]
    assert [item for item in missing if item not in defined] == []


# characters XML cannot hold, XML whitespace, identifier patterns: spelled once ------------------------

_NOT_XML_SIGNS = ("\x0e", "\x1f", "\ufffe", "\ud800")


def test_characters_xml_cannot_hold_are_listed_once():
    offenders = [
        f"{rel}:{node.lineno}"
        for rel, node in _strings()
        if rel != "model/strings.py" and any(sign in node.value for sign in _NOT_XML_SIGNS)
    ]
    assert offenders == []


@pytest.mark.parametrize(
    "pattern, home",
    [
        (r"[ \t\r\n]+", "model/strings.py"),
        (ids.AGREEMENT_ID_PATTERN, "model/ids.py"),
        (ids.SIGNATORY_ID_PATTERN, "model/ids.py"),
    ],
)
def test_patterns_are_written_once(pattern, home):
    offenders = [f"{rel}:{node.lineno}" for rel, node in _strings() if pattern in node.value and rel != home]
    assert offenders == []


def _xsd_pattern(schema: str, type_name: str) -> str:
    tree = etree.parse(str(ROOT / "schemas" / schema))
    ns = {"xs": "http://www.w3.org/2001/XMLSchema"}
    (value,) = tree.xpath(f"//xs:simpleType[@name='{type_name}']//xs:pattern/@value", namespaces=ns)
    return str(value)


def test_id_patterns_are_the_schemas_own():
    assert ids.AGREEMENT_ID_PATTERN == _xsd_pattern("akkoord.xsd", "Id")
    assert f"`{ids.SIGNATORY_ID_PATTERN}`" in (ROOT / "schemas" / "records.md").read_text("utf-8")


@pytest.mark.parametrize(
    "text, agreement, signatory",
    [
        ("akkoord", True, True),
        ("Ma.ak020", True, False),
        ("gemeente-amsterdam", True, True),
        ("1-college", False, True),
        ("a" * 128, True, False),
        ("a" * 129, False, False),
        ("a" * 65, True, False),
        ("abc\n", False, False),  # anchored at the very end: no trailing line break
        ("a/b", False, False),
        ("", False, False),
    ],
)
def test_id_patterns(text, agreement, signatory):
    assert ids.is_agreement_id(text) is agreement
    assert ids.is_signatory_id(text) is signatory


# dates, files, whitespace idioms, who acts, colours: one place each ---------------------------------

_DATE_CALLS = ("date.today", "datetime.now", "datetime.utcnow", "fromisoformat", "strptime")


def test_dates_are_read_and_today_is_known_in_one_place():
    offenders = []
    for rel, node in _calls():
        name = _dotted(node.func)
        if rel != "model/dates.py" and name.endswith(_DATE_CALLS):
            offenders.append(f"{rel}:{node.lineno}: {name}")
    assert offenders == []


def test_input_files_are_read_in_one_place():
    """The layers below storage and above trust read a user's file only through `read_input`."""
    offenders = []
    for rel, node in _calls():
        if rel.split("/")[0] not in ("model", "ops", "present", "cli") or rel == "model/reading.py":
            continue
        name = _dotted(node.func)
        if name in ("open", "io.open") or name.endswith(".read_bytes") or name.endswith(".read_text"):
            offenders.append(f"{rel}:{node.lineno}: {name}")
    assert offenders == []


def test_text_is_put_on_one_line_in_one_place():
    """``" ".join(text.split())`` is `strings.one_line`."""
    offenders = []
    for rel, node in _calls():
        func = node.func
        if (
            rel != "model/strings.py"
            and isinstance(func, ast.Attribute)
            and func.attr == "join"
            and isinstance(func.value, ast.Constant)
            and func.value.value == " "
            and len(node.args) == 1
            and isinstance(node.args[0], ast.Call)
            and isinstance(node.args[0].func, ast.Attribute)
            and node.args[0].func.attr == "split"
            and not node.args[0].args
        ):
            offenders.append(f"{rel}:{node.lineno}")
    assert offenders == []


@pytest.mark.parametrize(
    "attribute, home",
    [("config_identity", "storage/actors.py"), ("global_identity", "storage/actors.py"), ("isatty", "cli/common.py")],
)
def test_one_policy_decides(attribute, home):
    """Who acts is decided by `storage.actors`; whether to colour by `cli.common.use_color`."""
    offenders = []
    for rel, node in _calls():
        if rel not in (home, "storage/gitrepo.py") and _dotted(node.func).rsplit(".", 1)[-1] == attribute:
            offenders.append(f"{rel}:{node.lineno}")
    assert offenders == []
