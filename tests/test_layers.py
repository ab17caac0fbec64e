"""The layers are visible in the folder layout, and each imports only the layers before it:
messages -> errors -> model -> ops -> storage -> trust -> present -> cli."""

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "akkoordvc"
ORDER = ["messages", "errors", "model", "ops", "storage", "trust", "present", "cli"]
# only these modules may import the tools they wrap
SOLE_USERS = {
    "git": {"storage/gitrepo.py"},
    "gitdb": {"storage/gitrepo.py"},
    "subprocess": {"storage/gitrepo.py", "trust/sshsig.py", "storage/office.py"},
}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "akkoordvc" else ""


def _imports(path: Path):
    tree = ast.parse(path.read_text("utf-8"))
    package = "akkoordvc." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts[:-1])
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rstrip(".").split(".")
                base = base[: len(base) - (node.level - 1)]
                yield ".".join(base + ([node.module] if node.module else []))
            else:
                yield node.module or ""


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.parent != PACKAGE)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_imports_only_earlier_layers(path):
    rel = path.relative_to(PACKAGE)
    own = rel.parts[0] if len(rel.parts) > 1 else rel.stem
    if own not in ORDER:
        return
    for name in _imports(path):
        layer = _layer(name)
        if layer in ORDER:
            assert ORDER.index(layer) <= ORDER.index(own), f"{rel} ({own}) imports {name} ({layer})"


@pytest.mark.parametrize("tool", sorted(SOLE_USERS))
def test_one_module_runs_each_tool(tool):
    users = set()
    for path in MODULES:
        for name in _imports(path):
            if name == tool or name.startswith(tool + "."):
                users.add(str(path.relative_to(PACKAGE)))
    assert users <= SOLE_USERS[tool], users


_OURS = "agreement|meta|title|preamble|body|division|clause|heading|origin|para|item|list|table|row|cell|property"
_TREE_CALL = re.compile(
    r"(?:iter|find|findall|findtext|iterfind|SubElement|Element|makeelement|iterchildren|iterancestors|xpath)"
    r"\([^)]*?[\"'](?:\.?/*)?(?:" + _OURS + r")[\"'/\[]"
)


def test_element_names_are_spelled_in_one_place():
    """Tree look-ups and constructions name our elements through the names modules, never as string literals."""
    offenders = []
    for path in MODULES:
        rel = str(path.relative_to(PACKAGE))
        if rel.endswith("names.py"):
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if _TREE_CALL.search(line):
                offenders.append(f"{rel}:{number}: {line.strip()}")
    assert offenders == []


def _module_aliases(tree: ast.AST, path: Path) -> set[str]:
    """Names under which `path` binds modules of the package (``from . import x``, ``import akkoordvc.y as z``)."""
    aliases = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("akkoordvc")):
            package = PACKAGE.parent / Path(*_absolute(node, path).split("."))
            for alias in node.names:
                if (package / f"{alias.name}.py").is_file() or (package / alias.name).is_dir():
                    aliases.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            aliases.update(a.asname for a in node.names if a.name.startswith("akkoordvc") and a.asname)
    return aliases


def _absolute(node: ast.ImportFrom, path: Path) -> str:
    if not node.level:
        return node.module or ""
    base = ["akkoordvc", *path.relative_to(PACKAGE).with_suffix("").parts[:-1]]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def test_no_private_name_is_used_across_modules():
    """A leading underscore means private to its module: no `from x import _name`, no `x._name` of another module."""
    offenders = []
    for path in MODULES:
        rel = str(path.relative_to(PACKAGE))
        tree = ast.parse(path.read_text("utf-8"))
        aliases = _module_aliases(tree, path)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("akkoordvc")):
                offenders += [f"{rel}:{node.lineno}: imports {a.name}" for a in node.names if _private(a.name)]
            elif isinstance(node, ast.Attribute) and _private(node.attr) and isinstance(node.value, ast.Name):
                if node.value.id in aliases:
                    offenders.append(f"{rel}:{node.lineno}: uses {node.value.id}.{node.attr}")
    assert offenders == []


@pytest.mark.parametrize(
    "folder, limit",
    [("cli", 250), ("storage/amendment_store", 500)],
)
def test_modules_stay_small(folder, limit):
    """A command module opens, calls and prints; a module of the library holds one concern."""
    sizes = {
        str(p.relative_to(PACKAGE)): len(p.read_text("utf-8").splitlines()) for p in (PACKAGE / folder).glob("*.py")
    }
    assert sizes
    assert {rel: n for rel, n in sizes.items() if n > limit} == {}


#: git subcommands: a call passing one of these as its first argument builds a git command line
_GIT_COMMANDS = {
    "log", "rev-list", "rev-parse", "show", "cat-file", "ls-tree", "for-each-ref", "diff", "update-ref",
    "hash-object", "config", "reset", "read-tree", "write-tree", "update-index", "merge-base", "status",
    "tag", "commit", "commit-tree", "mktag", "fsck",
}  # fmt: skip


def test_only_the_git_module_runs_git():
    """No module but storage/gitrepo.py builds a git command line (a list starting with "git", a call whose
    first argument is a git subcommand) or reaches into gitpython (`git_repo`, `odb`); others ask it by a
    named method (`commit_graph`, `files_added`, ...), and it offers no way to run any git command."""
    from akkoordvc.storage.gitrepo import Repository

    offenders = []
    for path in MODULES:
        rel = str(path.relative_to(PACKAGE))
        if rel == "storage/gitrepo.py":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("git_repo", "odb"):
                offenders.append(f"{rel}:{node.lineno}: .{node.attr}")
            elif isinstance(node, (ast.List, ast.Tuple)) and node.elts:
                first = node.elts[0]
                if isinstance(first, ast.Constant) and first.value == "git":
                    offenders.append(f"{rel}:{node.lineno}: a git command line")
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args:
                first = node.args[0]
                if (
                    isinstance(first, ast.Constant)
                    and first.value in _GIT_COMMANDS
                    and node.func.attr not in ("command", "group", "get")
                ):
                    offenders.append(f"{rel}:{node.lineno}: {node.func.attr}({first.value!r}, ...)")
    assert offenders == []
    assert not hasattr(Repository, "run")
