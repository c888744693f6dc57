"""Docs that cannot drift: every command is documented, every make target the README names exists."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitrep.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]


def commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sorted(sub.choices)


@pytest.mark.parametrize("command", commands())
def test_docs_readme_mentions_every_command(command):
    assert f"sitrep {command}" in (ROOT / "README.md").read_text(), f"document `sitrep {command}` in README.md"


def test_docs_readme_make_targets_exist():
    readme = (ROOT / "README.md").read_text()
    makefile = (ROOT / "Makefile").read_text()
    for target in set(re.findall(r"^make (\w[\w-]*)", readme, flags=re.M)):
        assert re.search(rf"^{target}:", makefile, flags=re.M), target


def test_docs_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
