"""The command line builds the parsers of the one command it runs (cli/args.OnlyOne): the others
get their name and help line only. What it parses, the help it prints and the errors it gives are
those of the parser with every command built."""

from __future__ import annotations

import argparse
import gettext

import pytest

from planner.cli.args import EVERY, Unbuilt, command_named, localized
from planner.cli.main import COMMANDS, build_parser, main


def _parsed(argv: list[str], command: str | None) -> argparse.Namespace:
    with localized("en"):
        return build_parser("en", command).parse_args(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--from", "2027-01-04", "--format", "json"],
        ["--data", "/w", "--user", "aino", "post", "list", "--format", "json"],
        ["--data=/w", "--lang=fi", "post", "edit", "p-1", "--at", "14.6.2027 9.00", "--media"],
        ["--user", "check", "post", "ready", "p-1"],  # a value that is a command's name
        ["--demo"],
        [],
        ["asset", "add", "a.png", "--lang", "sv", "--data", "/w"],
        ["export", "checklist", "--format", "xlsx", "--out", "x.xlsx"],
    ],
)
def test_the_command_guessed_parses_as_every_parser_does(argv: list[str]) -> None:
    wanted = command_named(argv, COMMANDS)
    assert wanted != EVERY
    assert _parsed(argv, wanted) == _parsed(argv, EVERY)


@pytest.mark.parametrize(
    ("argv", "wanted"),
    [
        (["--dat", "/w", "check"], EVERY),  # an abbreviated option: its value is not known
        (["--help"], EVERY),
        (["chek"], EVERY),
        (["--data", "/w"], None),
        (["--user", "post", "check"], "check"),
        (["--", "check"], EVERY),
    ],
)
def test_the_guess_is_every_parser_when_unsure(argv: list[str], wanted: str | None) -> None:
    assert command_named(argv, COMMANDS) == wanted


def test_a_bare_parser_asked_to_parse_raises_and_main_builds_them_all(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with localized("en"), pytest.raises(Unbuilt):
        build_parser("en", "check").parse_args(["post", "list"])
    # an abbreviation that swallows the command's name: main's guess is wrong, its answer is not
    assert main(["--dat", "/nonexistent", "--us", "aino", "org", "show"]) == 2
    assert "nonexistent" in capsys.readouterr().err


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_help_and_errors_are_the_same_with_one_parser_built(
    lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with localized(lang):
        assert build_parser(lang, None).format_help() == build_parser(lang, EVERY).format_help()
    for argv in (["chek"], ["post"], ["post", "add", "--account"], ["check", "--format", "pdf"]):
        with pytest.raises(SystemExit) as one:
            main([*argv, "--lang", lang])
        error = capsys.readouterr().err
        with localized(lang), pytest.raises(SystemExit) as every:
            build_parser(lang, EVERY).parse_args([*argv, "--lang", lang])
        assert one.value.code == every.value.code == 2
        assert error == capsys.readouterr().err


def test_english_is_argparse_own_not_the_system_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine whose message catalogue translates argparse's words still gets English when the
    interface is in English (gettext is not asked)."""

    def translated(text: str) -> str:
        return f"<{text}>"

    monkeypatch.setattr(gettext, "gettext", translated)
    monkeypatch.setattr(argparse, "_", translated)
    with localized("en"):
        usage = build_parser("en", "check").format_help()
    assert usage.startswith("usage: ") and "<" not in usage.split("\n")[0]
    assert argparse._ is translated  # type: ignore[attr-defined]
