"""Shared fixtures: the example project, small projects, paths into ../shared/corpus."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
# Real files from other tools: ../shared/corpus where the workplace has it, else the copy
# kept in the fixtures (a clean clone on its own still tests every importer on them).
SHARED_CORPUS = SHARED / "corpus"
CORPUS = SHARED_CORPUS if SHARED_CORPUS.is_dir() else FIXTURES / "corpus"

sys.path.insert(0, str(EXAMPLES))


@pytest.fixture
def example_path() -> Path:
    return EXAMPLES / "stoke-worklessness.ssm"


@pytest.fixture
def example_project():
    from build_stoke_example import build

    return build()


@pytest.fixture
def corpus() -> Path:
    return CORPUS


@pytest.fixture
def fixtures() -> Path:
    """Files kept as they were written by earlier versions (old formats stay readable)."""
    return FIXTURES
