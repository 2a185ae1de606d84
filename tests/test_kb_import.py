"""scripts/import_knowledge.py: the committed knowledge is exactly what it generates."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from bot import DEFAULT_KNOWLEDGE_DIR

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "import_knowledge.py"
SHARED_DATA = REPO.parent / "shared" / "data"
GENERATED = ("places.yaml", "aliases.yaml", "zips.yaml", "measures.yaml")

pytestmark = pytest.mark.skipif(
    not (SHARED_DATA / "facts" / "bans.yaml").is_file(),
    reason=f"the shared reference data is not at {SHARED_DATA}",
)


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("import_knowledge", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_import_output_equals_the_committed_files(tmp_path: Path) -> None:
    script = load_script()
    args = ["--data", str(SHARED_DATA), "--out", str(tmp_path), "--as-of", "2026-11-26"]
    assert script.main(args) == 0
    for name in GENERATED:
        assert (tmp_path / name).read_text(encoding="utf-8") == (
            DEFAULT_KNOWLEDGE_DIR / name
        ).read_text(encoding="utf-8"), f"{name} differs: rerun scripts/import_knowledge.py"


def test_the_import_stamps_the_as_of_date(tmp_path: Path) -> None:
    script = load_script()
    script.main(["--data", str(SHARED_DATA), "--out", str(tmp_path), "--as-of", "2027-01-02"])
    text = (tmp_path / "measures.yaml").read_text(encoding="utf-8")
    assert text.count("as_of: 2027-01-02") == 42
