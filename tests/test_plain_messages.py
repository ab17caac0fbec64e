"""No error or problem meant for a user is built from plain text: only from a catalogue `Message` (or `.keyed`).

A plain string literal, an f-string, or text put together with `+`, `%`, `.format` or `.join` is English the
user cannot escape: a Dutch repository would show it untranslated. The check reads the source (AST) of every module
in akkoordvc/ and looks at what builds a user-facing error or problem:

- `AkkoordError` and every subclass found in the code (XMLInputError, RepositoryError, ConflictError, KeyProblem, …),
  the reasons `Malformed` of trust/sshsig_verify.py, and click's usage errors: the message (first argument or
  `message=`), also when a subclass passes it on with `super().__init__(...)`;
- `Problem(...)` (errors.Problem and model/validate.Problem): what it says (its last positional argument, or
  `said=` / `message=`).

An argument that is a local name counts as plain when any assignment to that name in the same function is plain.

Every file is converted: a plain message anywhere in akkoordvc/ fails the test.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "akkoordvc"


#: the roots of the user-facing error types; their subclasses are found in the code
ERROR_ROOTS = frozenset({"AkkoordError", "Malformed", "ClickException", "UsageError", "BadParameter"})
#: problems as data: what they say is the last positional argument, or one of these keywords
PROBLEMS = frozenset({"Problem"})
SAID = frozenset({"said", "message"})


@functools.cache
def modules() -> dict[str, ast.Module]:
    return {
        path.relative_to(PACKAGE).as_posix(): ast.parse(path.read_text("utf-8"), str(path))
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def error_types(trees: dict[str, ast.Module]) -> frozenset[str]:
    """The names of the error types: the roots and every class in the code deriving from one (at any depth)."""
    bases = {
        node.name: {_name(base) for base in node.bases}
        for tree in trees.values()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    }
    found = set(ERROR_ROOTS)
    while grown := {name for name, of in bases.items() if name not in found and of & found}:
        found |= grown
    return frozenset(found)


def plain(node: ast.expr | None) -> bool:
    """Whether `node` is text put together in the code: a string literal, an f-string, `+`/`%` with text,
    `"...".format(...)` or `"...".join(...)`, or a choice between such."""
    if node is None:
        return False
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return plain(node.left) or plain(node.right)
    if isinstance(node, ast.IfExp):
        return plain(node.body) or plain(node.orelse)
    if isinstance(node, ast.BoolOp):
        return any(plain(value) for value in node.values)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
        return plain(node.func.value)
    return False


class _Scope(ast.NodeVisitor):
    """The assignments of each function (and of the module), to follow a message given by a local name."""

    def __init__(self) -> None:
        self.assigned: dict[ast.AST, dict[str, list[ast.expr]]] = {}
        self.scope_of: dict[ast.AST, ast.AST] = {}
        self.class_of: dict[ast.AST, str] = {}
        self._stack: list[ast.AST] = []
        self._classes: list[str] = []

    def visit_Module(self, node: ast.Module) -> None:
        self._enter(node)

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self._enter(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._classes.append(node.name)
        self.generic_visit(node)
        self._classes.pop()

    def _enter(self, node: ast.AST) -> None:
        self.assigned[node] = {}
        self._stack.append(node)
        self.generic_visit(node)
        self._stack.pop()

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            if isinstance(target, ast.Name):
                self.assigned[self._stack[-1]].setdefault(target.id, []).append(node.value)
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if isinstance(node.target, ast.Name) and node.value is not None:
            self.assigned[self._stack[-1]].setdefault(node.target.id, []).append(node.value)
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        if isinstance(node.target, ast.Name):
            self.assigned[self._stack[-1]].setdefault(node.target.id, []).append(node.value)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        self.scope_of[node] = self._stack[-1]
        if self._classes:
            self.class_of[node] = self._classes[-1]
        self.generic_visit(node)


def _said(call: ast.Call, errors: frozenset[str], scope: _Scope) -> ast.expr | None:
    """What a call building an error or a problem says, or None when the call builds neither."""
    name = _name(call.func)
    is_super_init = (
        name == "__init__"
        and isinstance(call.func, ast.Attribute)
        and isinstance(call.func.value, ast.Call)
        and _name(call.func.value.func) == "super"
        and scope.class_of.get(call) in errors
    )
    if name in errors or is_super_init:
        keyword = next((k.value for k in call.keywords if k.arg == "message"), None)
        return call.args[0] if call.args else keyword
    if name in PROBLEMS:
        keyword = next((k.value for k in call.keywords if k.arg in SAID), None)
        return keyword if keyword is not None else (call.args[-1] if len(call.args) >= 2 else None)
    return None


def plain_messages(tree: ast.Module, errors: frozenset[str]) -> Iterator[tuple[int, str]]:
    """(line, source) of every error or problem in `tree` built from plain text."""
    scope = _Scope()
    scope.visit(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        said = _said(node, errors, scope)
        if said is None:
            continue
        if isinstance(said, ast.Name):
            values = scope.assigned.get(scope.scope_of[node], {}).get(said.id, [])
            bad = any(plain(value) for value in values)
        else:
            bad = plain(said)
        if bad:
            yield node.lineno, ast.unparse(node)[:100]


@functools.cache
def findings() -> dict[str, list[tuple[int, str]]]:
    trees = modules()
    errors = error_types(trees)
    found = {path: list(plain_messages(tree, errors)) for path, tree in trees.items()}
    return {path: sorted(lines) for path, lines in found.items() if lines}


def test_the_error_types_are_found_in_the_code():
    errors = error_types(modules())
    for expected in ("XMLInputError", "RepositoryError", "ConflictError", "NoRepository", "StaleError", "Malformed"):
        assert expected in errors
    assert "InternalError" not in errors and "GitFailed" not in errors


def _check(source: str) -> list[int]:
    tree = ast.parse(source)
    return sorted(line for line, _ in plain_messages(tree, error_types({**modules(), "t.py": tree})))


def test_the_check_sees_plain_text_and_lets_messages_pass():
    source = """
class OddError(XMLInputError):
    def __init__(self, what):
        super().__init__(f"odd {what}")
def f(x, msg):
    raise AkkoordError("plain")
    raise RepositoryError(f"no {x}")
    raise OddError("a " + x)
    raise ConflictError("%s is odd" % x)
    raise AkkoordError(message="{} odd".format(x))
    why = f"is {x}"
    yield Problem("code", f"{x}/", why)
    yield Problem("code", x, said="a" if x else Message("k"))
    raise AkkoordError.keyed("text.odd", x=x)
    raise XMLInputError(Message("text.odd", x=x))
    yield Problem("code", f"{x}/", Message("k", x=x))
    yield Problem(3, msg)
    raise OddError(msg)
"""
    assert _check(source) == [4, 6, 7, 8, 9, 10, 12, 13]


def test_no_error_or_problem_is_built_from_plain_text():
    found = findings()
    assert not found, "build these from a Message (`.keyed(...)`, `Problem(code, where, Message(...))`):\n" + (
        "\n".join(f"  akkoordvc/{path}:{line}: {code}" for path, lines in found.items() for line, code in lines)
    )
