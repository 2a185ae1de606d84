"""The bot's logic, free of Telegram.

The resolver's modules may be compiled by mypyc at install (setup.py). A compiled module is
used only if it was built after its source last changed: once a source is edited (or updated
by a pull) the sources of all four run instead, until the next ``pip install -e .``, so that
an edit is never shadowed by a stale build.
"""

from __future__ import annotations

import importlib.util
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

# In the order they import each other.
COMPILED = ("normalize", "vocabulary", "typos", "resolver")


def stale(here: Path) -> bool:
    """Whether any compiled module in ``here`` was built before its source last changed."""
    for name in COMPILED:
        source = here / f"{name}.py"
        for suffix in EXTENSION_SUFFIXES:
            built = here / f"{name}{suffix}"
            if built.exists() and source.stat().st_mtime > built.stat().st_mtime:
                return True
    return False


def compiled() -> bool:
    """Whether the resolver runs compiled (for benchmarks to say what they measured)."""
    module = sys.modules.get(f"{__name__}.resolver")
    return module is not None and not str(getattr(module, "__file__", "")).endswith(".py")


def _load_sources() -> None:
    here = Path(__file__).resolve().parent
    for name in COMPILED:
        full = f"{__name__}.{name}"
        spec = importlib.util.spec_from_file_location(full, here / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[full] = module
        spec.loader.exec_module(module)
        setattr(sys.modules[__name__], name, module)


if stale(Path(__file__).resolve().parent):
    _load_sources()
