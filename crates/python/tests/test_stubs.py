"""The type stubs (`.pyi`) name every public function, class and method of their module with
the same parameters (names, kinds, defaults) as the code, so an editor's hints are the truth."""

from __future__ import annotations

import ast
import inspect
import pathlib

import pytest

import dateline
import dateline.dask
import dateline.spark

MODULES = [dateline, dateline.dask, dateline.spark]

KINDS = {
    "posonlyargs": inspect.Parameter.POSITIONAL_ONLY,
    "args": inspect.Parameter.POSITIONAL_OR_KEYWORD,
    "kwonlyargs": inspect.Parameter.KEYWORD_ONLY,
}


def _stub(module) -> ast.Module:
    path = pathlib.Path(module.__file__)
    stub = path.with_suffix(".pyi") if path.name != "__init__.py" else path.with_name("__init__.pyi")
    return ast.parse(stub.read_text(encoding="utf-8"))


def _parameters(function: ast.FunctionDef) -> list[tuple[str, inspect._ParameterKind, object]]:
    """(name, kind, default) of each parameter a stub declares; `...` for no default."""
    args = function.args
    found = []
    positional = args.posonlyargs + args.args
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    for arg, default in zip(positional, defaults):
        kind = KINDS["posonlyargs"] if arg in args.posonlyargs else KINDS["args"]
        found.append((arg.arg, kind, ... if default is None else ast.literal_eval(default)))
    if args.vararg:
        found.append((args.vararg.arg, inspect.Parameter.VAR_POSITIONAL, ...))
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        found.append((arg.arg, KINDS["kwonlyargs"], ... if default is None else ast.literal_eval(default)))
    if args.kwarg:
        found.append((args.kwarg.arg, inspect.Parameter.VAR_KEYWORD, ...))
    return found


def _runtime(function) -> list[tuple[str, inspect._ParameterKind, object]]:
    return [
        (p.name, p.kind, ... if p.default is inspect.Parameter.empty else p.default)
        for p in inspect.signature(function).parameters.values()
    ]


def _public(module) -> dict[str, object]:
    names = getattr(module, "__all__", None) or [n for n in vars(module) if not n.startswith("_")]
    return {
        name: getattr(module, name)
        for name in names
        if inspect.isfunction(getattr(module, name)) or inspect.isclass(getattr(module, name))
    }


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_every_public_function_and_class_has_a_stub(module):
    stub = _stub(module)
    declared = {node.name for node in stub.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))}
    public = {name for name, value in _public(module).items() if getattr(value, "__module__", "").startswith("dateline")}
    assert public - declared == set(), f"{module.__name__}: no stub for these"
    assert declared - set(vars(module)) == set(), f"{module.__name__}: stubs of names the module lacks"


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_the_stubs_have_the_functions_parameters_and_defaults(module):
    compared = 0
    for node in _stub(module).body:
        if isinstance(node, ast.FunctionDef):
            assert _parameters(node) == _runtime(getattr(module, node.name)), f"{module.__name__}.{node.name}"
            compared += 1
        elif isinstance(node, ast.ClassDef):
            cls = getattr(module, node.name)
            for method in node.body:
                if isinstance(method, ast.FunctionDef) and not any(
                    isinstance(d, ast.Name) and d.id == "property" for d in method.decorator_list
                ):
                    assert _parameters(method) == _runtime(getattr(cls, method.name)), (
                        f"{module.__name__}.{node.name}.{method.name}"
                    )
                    compared += 1
    assert compared > 0


def test_the_options_stub_has_every_field_in_order():
    stub = next(n for n in _stub(dateline).body if isinstance(n, ast.ClassDef) and n.name == "Options")
    fields = [n.target.id for n in stub.body if isinstance(n, ast.AnnAssign)]
    assert fields == [f for f in dateline.Options.__dataclass_fields__]
