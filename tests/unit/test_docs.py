"""The product's reference in docs/ is kept current with the code: every command and option of the
parser and every key of the app is in the command-line reference, every registered rule in the
rules page, every field of the records in the workspace page. A new option, key, rule or field
without its documentation fails."""

from __future__ import annotations

import argparse
import dataclasses
import re
from pathlib import Path

import pytest

from planner.cli.main import build_parser
from planner.domain import model
from planner.domain.feedback import Feedback
from planner.domain.feeds import Feed, Mailing
from planner.domain.incidents import Incident
from planner.domain.results import Figures, Goal
from planner.domain.rules import all_rules

DOCS = Path(__file__).resolve().parents[2] / "docs"
COMMON = {"--help", "--data", "--user", "--lang", "--ui-lang"}


def _commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    found = [(path, parser)]
    for action in parser._actions:  # argparse keeps its subcommands here; there is no public way
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _commands(sub, (*path, name))
    return found


HIDDEN: set[tuple[str, ...]] = set()


def test_every_command_and_option_is_in_the_cli_reference() -> None:
    text = (DOCS / "cli.md").read_text("utf-8")
    missing = []
    for path, parser in _commands(build_parser("en")):
        if not path or path[:1] in HIDDEN:
            continue
        if f"planner {' '.join(path)}" not in text:
            missing.append(" ".join(path))
        for action in parser._actions:
            for option in action.option_strings:
                if option.startswith("--") and option not in COMMON and option not in text:
                    missing.append(f"{' '.join(path)} {option}")
    assert not missing, missing


def test_every_key_of_the_app_is_in_the_cli_reference_by_its_binding_id() -> None:
    from planner.ui.actions import ACTIONS

    text = (DOCS / "cli.md").read_text("utf-8")
    assert [a.id for a in ACTIONS if f"| `{a.id}` |" not in text] == []


def test_every_rule_is_in_the_rules_page() -> None:
    text = (DOCS / "rules.md").read_text("utf-8")
    assert [rule for rule in all_rules() if f"`{rule}`" not in text] == []
    assert len(re.findall(r"^\| `[a-z_.]+` \| (error|warning) \|", text, re.M)) == len(all_rules())


@pytest.mark.parametrize(
    "entity",
    [
        model.Organization,
        model.Person,
        model.Account,
        model.Absence,
        model.Campaign,
        model.Asset,
        model.Consent,
        model.Post,
        model.Hold,
        Feedback,
        Incident,
        Goal,
        Figures,
        Feed,
        Mailing,
    ],
)
def test_every_field_is_in_the_workspace_page(entity: type) -> None:
    text = (DOCS / "workspace.md").read_text("utf-8")
    renamed = getattr(entity, "_renamed", {})
    fields = [renamed.get(f.name, f.name) for f in dataclasses.fields(entity) if f.name != "revision"]
    assert [f for f in fields if f"`{f}`" not in text and f" {f}" not in text] == []
