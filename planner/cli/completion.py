"""`planner completion bash|zsh|fish`: a completion script made from the parser itself, so that it
names every command, subcommand and option there is (and each option's choices); account and
person ids are asked from the planner when an option takes one (`--account`, `--user`, …)."""

from __future__ import annotations

import argparse
import shlex
from typing import Any

from planner.cli.args import Helper

SHELLS = ("bash", "zsh", "fish")
ACCOUNT_OPTIONS = ("--account",)
PERSON_OPTIONS = ("--user", "--owner", "--assignee", "--person", "--deputy", "--successor")


def add_parsers(sub: Any, common: argparse.ArgumentParser, h: Helper) -> None:
    parser = sub.add_parser(
        "completion", parents=[common], help=h("cmd.completion"), description=h("cmd.completion.long")
    )
    parser.add_argument("shell", choices=SHELLS, help=h("completion.shell"))


Tree = dict[str, tuple[list[str], list[str], dict[str, list[str]]]]  # path -> subcommands, options, choices


def tree(parser: argparse.ArgumentParser, path: str = "", found: Tree | None = None) -> Tree:
    """Each command path (`post add`) with its subcommands, its options and their choices."""
    found = {} if found is None else found
    subcommands: list[str] = []
    options: list[str] = []
    choices: dict[str, list[str]] = {}
    for action in parser._actions:  # argparse keeps its subcommands here; there is no public way
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                subcommands.append(name)
                tree(sub, f"{path} {name}".strip(), found)
            continue
        for option in action.option_strings:
            if option.startswith("--"):
                options.append(option)
                if action.choices:
                    choices[option] = [str(c) for c in action.choices]
    found[path] = (subcommands, options, choices)
    return found


def bash(parser: argparse.ArgumentParser) -> str:
    entries = tree(parser)
    cases = []
    for path, (subcommands, options, choices) in sorted(entries.items()):
        words = " ".join(subcommands + options)
        lines = [f"        {shlex.quote(path or '-')})"]
        for option, values in sorted(choices.items()):
            listed = shlex.quote(" ".join(values))
            lines.append(f'            [[ "$prev" == {option} ]] && {{ reply {listed}; return; }}')
        lines.append(f"            reply {shlex.quote(words)} ;;")
        cases.append("\n".join(lines))
    accounts = "|".join(ACCOUNT_OPTIONS)
    people = "|".join(PERSON_OPTIONS)
    return f"""# planner completion for bash: source this file (or save it as
# ~/.local/share/bash-completion/completions/planner)
_planner() {{
    local cur prev path word
    cur="${{COMP_WORDS[COMP_CWORD]}}"
    prev="${{COMP_WORDS[COMP_CWORD-1]}}"
    reply() {{ COMPREPLY=($(compgen -W "$1" -- "$cur")); }}
    case "$prev" in
        {accounts}) reply "$(planner account list 2>/dev/null | awk '{{print $1}}')"; return ;;
        {people}) reply "$(planner person list 2>/dev/null | awk '{{print $1}}')"; return ;;
        --data|-o|--output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    esac
    path=""
    for word in "${{COMP_WORDS[@]:1:COMP_CWORD-1}}"; do
        [[ "$word" == -* ]] && continue
        case " $(_planner_words "${{path:--}}") " in
            *" $word "*) path="${{path:+$path }}$word" ;;
        esac
    done
    _planner_for "${{path:--}}"
}}
_planner_words() {{ local COMPREPLY=() cur=""; _planner_for "$1"; echo "${{COMPREPLY[@]}}"; }}
_planner_for() {{
    case "$1" in
{chr(10).join(cases)}
    esac
}}
complete -o default -F _planner planner
"""


def zsh(parser: argparse.ArgumentParser) -> str:
    return "# planner completion for zsh: source this file (it uses zsh's bash completion)\n" + (
        "autoload -U +X bashcompinit && bashcompinit\n" + bash(parser)
    )


def fish(parser: argparse.ArgumentParser) -> str:
    entries = tree(parser)
    lines = ["# planner completion for fish: save as ~/.config/fish/completions/planner.fish"]
    top = entries[""][0]
    lines.append(f"complete -c planner -f -n __fish_use_subcommand -a {shlex.quote(' '.join(top))}")
    for path, (subcommands, options, choices) in sorted(entries.items()):
        if not path:
            continue
        first = path.split()[0]
        depth = len(path.split())
        condition = f"__fish_seen_subcommand_from {first}"
        if subcommands and depth == 1:
            lines.append(
                f"complete -c planner -f -n {shlex.quote(condition)} -a {shlex.quote(' '.join(subcommands))}"
            )
        for option in options:
            name = option.removeprefix("--")
            values = choices.get(option)
            extra = f" -r -a {shlex.quote(' '.join(values))}" if values else ""
            if option in ACCOUNT_OPTIONS:
                extra = " -r -a '(planner account list 2>/dev/null | string split -f1 \" \")'"
            lines.append(f"complete -c planner -n {shlex.quote(condition)} -l {name}{extra}")
    return "\n".join(dict.fromkeys(lines)) + "\n"


def script(shell: str, parser: argparse.ArgumentParser) -> str:
    """The completion script for `shell`, made from the root `parser` (main.py passes it: this
    module is one of the nouns main imports)."""
    return {"bash": bash, "zsh": zsh, "fish": fish}[shell](parser)


HANDLERS: dict[str, Any] = {}  # `completion` is run by main.py, which holds the root parser
