"""scripts/import_knowledge.py: the committed knowledge is exactly what it generates."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from bot import DEFAULT_KNOWLEDGE_DIR

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "import_knowledge.py"
REVIEW = REPO / "scripts" / "reviews" / "measures.yaml"
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


def run_import(tmp_path: Path, review: Path | None = None) -> int:
    script = load_script()
    args = ["--data", str(SHARED_DATA), "--out", str(tmp_path)]
    if review is not None:
        args += ["--review", str(review)]
    result: int = script.main(args)
    return result


def test_the_import_output_equals_the_committed_files(tmp_path: Path) -> None:
    assert run_import(tmp_path) == 0
    for name in GENERATED:
        assert (tmp_path / name).read_text(encoding="utf-8") == (
            DEFAULT_KNOWLEDGE_DIR / name
        ).read_text(encoding="utf-8"), f"{name} differs: rerun scripts/import_knowledge.py"


def test_measures_carry_the_review_date_never_an_import_date(tmp_path: Path) -> None:
    run_import(tmp_path)
    text = (tmp_path / "measures.yaml").read_text(encoding="utf-8")
    assert text.count("checked: 2026-12-01") == 43  # 42 measures and the coverage
    assert "as_of" not in text


def edited_review(tmp_path: Path, old: str, new: str) -> Path:
    text = REVIEW.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "review.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_fact_changed_since_its_review_stops_the_import(tmp_path: Path) -> None:
    review = edited_review(
        tmp_path, 'facts_sha256: "320eb0d9a6aa"', 'facts_sha256: "000000000000"'
    )
    with pytest.raises(SystemExit, match=r"somerville-ban-2019: .* changed in bans\.yaml"):
        run_import(tmp_path, review)


def test_every_source_of_the_facts_is_kept_or_dropped_with_a_reason(tmp_path: Path) -> None:
    review = edited_review(
        tmp_path,
        '    - {url: "http://fltr.news/446658/", why: "news aggregator of unknown provenance;'
        ' only source of a vote count we do not state"}\n',
        "",
    )
    with pytest.raises(SystemExit, match="somerville-ban-2019: sources kept or dropped"):
        run_import(tmp_path, review)
