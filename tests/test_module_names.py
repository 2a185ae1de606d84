"""No module-level name in the bot's code is bound twice.

A constant defined again further down a module silently replaces the first for every function
that reads it at call time: `_SCORE` (a game's score) and `_CORNER` (words of a street corner)
were each shadowed that way in bot/core/resolver.py, and the first definition's rule stopped
working without a failing test.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

BOT = Path(__file__).parent.parent / "bot"


def _bound_twice(source: str) -> list[str]:
    names: Counter[str] = Counter()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] += 1
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names[node.name] += 1
    return sorted(name for name, count in names.items() if count > 1)


def test_the_check_finds_a_constant_bound_twice() -> None:
    assert _bound_twice("_A = 1\ndef f():\n    return _A\n_A = 2\n") == ["_A"]
    assert _bound_twice("_A = 1\n_B = 2\n") == []


@pytest.mark.parametrize(
    "path", sorted(BOT.rglob("*.py")), ids=lambda p: str(p.relative_to(BOT.parent))
)
def test_no_module_level_name_is_bound_twice(path: Path) -> None:
    assert _bound_twice(path.read_text(encoding="utf-8")) == []
