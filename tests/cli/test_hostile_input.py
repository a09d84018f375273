"""Hostile and broken input: one clear message, nothing written, never a traceback. Hashtags that
only look right, terminal escapes, hypothesis-made documents and arguments, and personal data that
must stay out of the immutable audit log."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.cli import main
from planner.domain.text import tag_problems
from tests.conftest import Run, fingerprint, write_doc
from tests.helpers import base_doc


@pytest.mark.parametrize(
    ("text", "kind", "detail"),
    [
        ("Hei #ylö\u200bjärvi!", "hidden", "ZERO WIDTH SPACE"),
        ("#ylö\u00adjärvi", "hidden", "SOFT HYPHEN"),
        ("#\u202eivräjöly", "hidden", "RIGHT-TO-LEFT OVERRIDE"),
        ("#ylö\u2066järvi", "hidden", "LEFT-TO-RIGHT ISOLATE"),
        ("#yl\u043ej\u00e4rvi", "mixed", "CYRILLIC + LATIN"),  # a Cyrillic о
        ("#ylöjärvi #kesä", None, None),
        ("#東京タワー", None, None),  # kanji and katakana belong together
        ("#می\u200cخواهم", None, None),  # a non-joiner is Persian spelling
        ("Hinta 10\u200b€ #ylöjärvi", None, None),  # outside a tag it is not the tag's problem
    ],
)
def test_tags_that_only_look_right_are_found(text: str, kind: str | None, detail: str | None) -> None:
    found = tag_problems(text)
    assert [(f.kind, f.detail) for f in found] == ([(kind, detail)] if kind else [])


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (
            "Talvi tuli! #ylö\u200bjärvi",
            "#ylö<U+200B>järvi in the text has a hidden character (ZERO WIDTH SPACE)",
        ),
        ("Talvi tuli! #\u0443löjärvi", "mixes scripts (CYRILLIC + LATIN)"),  # a Cyrillic у
        ("Talvi tuli! #ylöjärvi\u200b", None),  # a hidden character after the tag leaves it whole
    ],
)
def test_a_required_tag_that_only_looks_right_is_explained(
    run: Run, workspace: Path, text: str, needle: str | None
) -> None:
    data = ("--data", str(workspace))
    added = run(
        "post",
        "add",
        "--account",
        "instagram-ylojarvi",
        "--at",
        "2026-12-03 09:00",
        "--text",
        text,
        "--user",
        "p1",
        *data,
        check=0,
    )
    post_id = added.stdout.strip()
    findings = json.loads(run("check", "--format", "json", *data).stdout)["findings"]
    mine = [f["message"] for f in findings if f["post"] == post_id and f["rule"] == "hashtag.required"]
    if needle is None:
        assert mine == [] and "warning" not in added.stderr
    else:
        assert len(mine) == 1 and needle in mine[0]
        assert added.stderr.startswith("warning: the hashtag")  # told at once, too


@pytest.mark.parametrize(
    "args",
    [
        (
            "post",
            "add",
            "--account",
            "instagram-ylojarvi",
            "--at",
            "2026-12-03 09:00",
            "--text",
            "Hei \x1b[31mpunainen\x1b[0m #ylöjärvi",
            "--user",
            "p1",
        ),
        (
            "post",
            "edit",
            "p-0001",
            "--title",
            "\x1b]8;;https://evil.example\x07klik\x1b]8;;\x07",
            "--user",
            "a1",
        ),
        ("asset", "edit", "img1", "--alt", "Kuva\x1b[2J", "--user", "a1"),
        (
            "person",
            "add",
            "x1",
            "--name",
            "Ev\x08il",
            "--email",
            "x@y.fi",
            "--role",
            "producer",
            "--user",
            "a1",
        ),
    ],
)
def test_terminal_escapes_never_get_in(run: Run, workspace: Path, args: tuple[str, ...]) -> None:
    before = fingerprint(workspace)
    done = run(*args, "--data", str(workspace))
    assert done.returncode == 2 and "control characters" in done.stderr and len(done.stderr.splitlines()) == 1
    assert fingerprint(workspace) == before


def test_an_import_with_an_escape_names_the_entry(run: Run, workspace: Path, tmp_path: Path) -> None:
    doc = base_doc()
    doc["posts"][0]["title"] = "\x1b[5mvilkkuu"
    before = fingerprint(workspace)
    done = run("import", str(write_doc(tmp_path / "d.json", doc)), "--data", str(workspace), "--user", "a1")
    assert done.returncode == 2 and "p-0001" in done.stderr and "title" in done.stderr
    assert fingerprint(workspace) == before


def test_consent_names_stay_out_of_the_audit_log_and_a_consent_can_be_erased(
    run: Run, workspace: Path, tmp_path: Path
) -> None:
    data = ("--data", str(workspace))
    form = tmp_path / "lupa.pdf"
    form.write_bytes(b"%PDF-1.4 form")
    consent = run(
        "consent",
        "add",
        "--subject",
        "Maija Meikäläinen",
        "--minor",
        "--guardian",
        "Matti M",
        "--scope",
        "*",
        "--evidence",
        str(form),
        "--user",
        "p1",
        *data,
        check=0,
    ).stdout.strip()
    run(
        "asset",
        "edit",
        "img1",
        "--people",
        "identifiable",
        "--consent",
        consent,
        "--user",
        "a1",
        *data,
        check=0,
    )
    run("consent", "withdraw", consent, "--date", "2026-12-20", "--user", "a1", *data, check=0)
    log = (workspace / "calendars/audit.jsonl").read_text("utf-8")
    assert "Maija" not in log and "Matti M" not in log and f"subject-{consent}" in log
    run("consent", "erase", consent, "--user", "p1", *data, check=1)  # only an admin
    rows = json.loads(run("consent", "list", "--format", "json", "--user", "a1", *data, check=0).stdout)
    evidence = workspace / "assets" / next(r["evidence"] for r in rows if r["id"] == consent)
    assert evidence.is_file()
    run("consent", "erase", consent, "--user", "a1", *data, check=0)
    assert not evidence.exists()
    library = (workspace / "assets/library.json").read_text("utf-8")
    assert "Maija" not in library and consent not in library  # gone from the register and the asset
    run("audit", "verify", *data, check=0)  # the chain still holds
    last = json.loads((workspace / "calendars/audit.jsonl").read_text("utf-8").splitlines()[-1])
    assert (last["action"], last["id"], last["after"]) == ("erase", consent, None)


# Hypothesis: arguments and documents made up to break things ---------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10**12) | st.floats(allow_nan=True) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
FIELDS = [
    "id",
    "account",
    "publish_at",
    "text",
    "status",
    "media",
    "owner",
    "file",
    "people",
    "roles",
    "from",
    "to",
    "person",
    "deputy",
    "scope",
    "valid_from",
    "subject",
    "platform",
    "admins",
    "alt",
]
LISTS = ["people", "accounts", "absences", "campaigns", "consents", "assets", "posts"]


@pytest.fixture(scope="module")
def fuzz_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from planner.media.generate import make_picture

    root = tmp_path_factory.mktemp("fuzz") / "ws"
    pinned = os.environ.get("PLANNER_NOW")
    os.environ["PLANNER_NOW"] = "2026-12-01 10:00"
    try:
        assert main(["init", str(root), "--lang", "en"]) == 0
        make_picture(root / "assets" / "img1.jpg", (64, 64))
        yield root
    finally:
        if pinned is None:
            del os.environ["PLANNER_NOW"]
        else:
            os.environ["PLANNER_NOW"] = pinned


def _quiet_main(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exit_:  # argparse's usage errors
        return int(exit_.code or 0)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    kind=st.sampled_from(LISTS),
    index=st.integers(0, 3),
    field=st.sampled_from(FIELDS),
    value=JSON,
    drop=st.booleans(),
)
def test_made_up_import_documents_never_raise(
    fuzz_root: Path,
    tmp_path_factory: pytest.TempPathFactory,
    kind: str,
    index: int,
    field: str,
    value: object,
    drop: bool,
) -> None:
    doc = base_doc()
    entries = doc[kind]
    if entries:
        entry = entries[min(index, len(entries) - 1)]
        if drop:
            entry.pop(field, None)
        else:
            entry[field] = value
    else:
        doc[kind] = value
    path = tmp_path_factory.mktemp("doc") / "doc.json"
    path.write_text(json.dumps(doc, ensure_ascii=False, default=str), "utf-8")
    assert _quiet_main(["import", str(path), "--data", str(fuzz_root), "--user", "a1", "--lang", "en"]) in (
        0,
        1,
        2,
    )


ARG = st.one_of(
    st.sampled_from(
        [
            "--from",
            "--to",
            "--at",
            "--account",
            "--format",
            "--user",
            "--media",
            "--text",
            "--lang",
            "2026-02-30",
            "2026-12-01",
            "25:99",
            "-1",
            "",
            "..",
            "../../etc/passwd",
            "p-0001",
            "*",
        ]
    ),
    st.text(max_size=10),
)
COMMANDS = [
    ["check"],
    ["post", "add"],
    ["post", "edit", "p-0001"],
    ["post", "list"],
    ["post", "ready"],
    ["export", "checklist", "--format", "csv", "-o", "/dev/null"],
    ["asset", "list"],
    ["consent", "list"],
    ["absence", "add"],
    ["coverage"],
    ["person", "list"],
]


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(command=st.sampled_from(COMMANDS), args=st.lists(ARG, max_size=6))
def test_made_up_arguments_never_raise(fuzz_root: Path, command: list[str], args: list[str]) -> None:
    argv = [*command, *args, "--data", str(fuzz_root), "--lang", "en"]
    assert _quiet_main(argv) in (0, 1, 2)


@pytest.mark.parametrize(
    "command", [("init", "{long}"), ("check", "--data", "{long}"), ("--data", "{long}/x")]
)
def test_a_folder_name_too_long_for_the_system_is_one_line(
    run: Run, tmp_path: Path, command: tuple[str, ...]
) -> None:
    long = tmp_path / ("x" * 300)  # a name of 300 bytes, where Linux and macOS allow 255
    argv = [part.format(long=long) for part in command]
    for lang, reason in (("en", "File name too long"), ("fi", "nimi on liian pitkä")):
        done = run(*argv, "--lang", lang, check=2)
        assert len(done.stderr.strip().splitlines()) == 1 and done.stderr.strip().endswith(reason)
        assert str(long) in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []


# A value each command can act on, for the options and arguments not under test: an empty one is
# then the only thing wrong with the command line.
_SANE = {
    "--account": "instagram-ylojarvi",
    "--at": "2026-12-09 09:00",
    "--received": "2026-12-01 09:00",
    "--observed": "2026-12-01 09:00",
    "--from": "2026-12-01",
    "--to": "2026-12-31",
    "--target": "4",
    "--text": "Talvi #ylöjärvi",
    "-o": "out.txt",
}


def _commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], Any]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*path, name))
            return
    yield path, parser


def _argv(path: tuple[str, ...], parser: argparse.ArgumentParser, empty: argparse.Action) -> list[str]:
    argv = list(path)
    for action in parser._actions:
        if action.dest in ("help", "data", "user", "lang", "ui_lang") or action.nargs == 0:
            continue
        value = "" if action is empty else None
        if action.option_strings and (action.required or value is not None):
            name = (
                action.option_strings[-1]
                if action.option_strings[-1].startswith("--")
                else action.option_strings[0]
            )
            choices = list(action.choices or ["x"])
            argv += [name, value if value is not None else _SANE.get(name, choices[0])]
        elif not action.option_strings and action.nargs not in ("*", "?"):
            argv.append(value if value is not None else "x")
    return argv


def test_an_empty_value_of_any_option_is_one_line_never_a_traceback(run: Run, workspace: Path) -> None:
    """Every value an option or argument of any command takes, given empty (`--received ""`, as a
    script with an unset variable gives it), while the rest of the command line is sound."""
    from planner.cli.main import build_parser

    tried = 0
    for path, parser in _commands(build_parser("en")):
        if path[0] in ("serve", "completion") or path == ("login", "set"):
            continue  # a server that runs until stopped, a shell's script, a password typed at a prompt
        for action in parser._actions:
            if (
                action.dest in ("help", "data", "user", "lang", "ui_lang")
                or action.nargs == 0
                or action.choices
            ):
                continue
            done = run(*_argv(path, parser, action), "--data", str(workspace), "--user", "p1")
            tried += 1
            assert "Traceback" not in done.stderr, (path, action.dest, done.stderr)
            assert done.returncode in (0, 1, 2), (path, action.dest)
            if done.returncode == 2 and "usage:" not in done.stderr:
                assert len(done.stderr.strip().splitlines()) == 1, (path, action.dest, done.stderr)
    assert tried > 150  # every command's options, not a parser that was not walked


@pytest.mark.parametrize("demo", [(), ("--demo",)])
def test_a_workspace_under_a_file_is_one_line_and_nothing_is_made(
    run: Run, tmp_path: Path, demo: tuple[str, ...]
) -> None:
    """`planner init notes.txt/team` (a file where a folder must be) ended in a traceback."""
    (tmp_path / "notes.txt").write_text("muistiinpanoja", "utf-8")
    for lang, reason in (("en", "Not a directory"), ("fi", "polun osa ei ole kansio")):
        done = run("init", str(tmp_path / "notes.txt" / "team"), *demo, "--lang", lang, check=2)
        assert done.stderr.strip().splitlines() == [
            {"en": f"planner: cannot make the folder {tmp_path / 'notes.txt' / 'team'}: {reason}",
             "fi": f"planner: kansiota {tmp_path / 'notes.txt' / 'team'} ei voi luoda: {reason}"}[lang]
        ]  # fmt: skip
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    assert (tmp_path / "notes.txt").read_text("utf-8") == "muistiinpanoja"


@pytest.mark.parametrize("command", [("check",), ("post", "list"), ()])  # () opens the app
def test_a_file_given_as_the_workspace_is_said_to_be_no_folder(
    run: Run, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """It was called no workspace, with the advice `planner init notes.txt`, which cannot work."""
    notes = tmp_path / "notes.txt"
    notes.write_text("muistiinpanoja", "utf-8")
    done = run(*command, "--data", str(notes), check=2)
    assert done.stderr.strip() == f"planner: {notes} is not a folder."
    assert notes.read_text("utf-8") == "muistiinpanoja"


def test_an_export_to_a_device_writes_to_it_and_never_replaces_it(
    run: Run, workspace: Path, tmp_path: Path
) -> None:
    import stat

    data = ("--data", str(workspace))
    run("export", "checklist", "--format", "csv", "-o", os.devnull, *data, check=0)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)  # still the device, not a file put in its place
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        run("export", "checklist", "--format", "md", "-o", str(fifo), *data, check=0)
        assert stat.S_ISFIFO(os.stat(fifo).st_mode) and os.read(reader, 1 << 16).startswith(b"# ")
    finally:
        os.close(reader)
    done = run("export", "checklist", "--format", "md", "-o", str(tmp_path), *data, check=2)
    assert "is a folder" in done.stderr or str(tmp_path) in done.stderr


@pytest.mark.parametrize("command", [("check",), ("export", "checklist", "--format", "json")])
def test_a_range_of_thousands_of_years_is_refused_at_once(
    run: Run, workspace: Path, command: tuple[str, ...]
) -> None:
    """A check over 2026–9998 would report every short week of every account: millions of
    findings. It is one line, exit 2, before anything is read or kept."""
    before = fingerprint(workspace)
    done = run(*command, "--from", "2026-01-01", "--to", "9998-12-31", "--data", str(workspace))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        "planner: 29 Dec 2025–3 Jan 9999 is too long a range: a check or a report covers at most 20 years."
        " Split it into parts."
    ]
    finnish = run(
        "check", "--from", "2026-01-01", "--to", "9998-12-31", "--data", str(workspace), "--lang", "fi"
    )
    assert "29.12.2025–3.1.9999 on liian pitkä jakso: tarkistus tai raportti kattaa enintään 20 vuotta" in (
        finnish.stderr
    )
    assert fingerprint(workspace) == before


def test_twenty_years_are_checked(run: Run, workspace: Path) -> None:
    done = run(
        "check", "--from", "2026-01-05", "--to", "2045-12-31", "--format", "json", "--data", str(workspace)
    )
    assert done.returncode in (0, 1)
    assert json.loads(done.stdout)["range"] == {"from": "2026-01-05", "to": "2045-12-31"}


def test_a_results_report_over_thousands_of_years_is_refused_at_once(run: Run, workspace: Path) -> None:
    before = fingerprint(workspace)
    done = run(
        "report", "--from", "2026-01-01", "--to", "9998-12-31", "--format", "json", "--data", str(workspace)
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("planner: 1 Jan 2026–31 Dec 9998 is too long a range")
    assert len(done.stderr.splitlines()) == 1
    assert fingerprint(workspace) == before


@pytest.mark.parametrize(
    ("output", "finnish", "english"),
    [
        ("/dev/full", "levy on täynnä", "No space left on device"),
        ("/nonexistent-folder/out.csv", "tiedostoa tai kansiota ei ole", "No such file or directory"),
    ],
)
def test_why_the_system_refused_a_file_is_said_in_finnish(
    run: Run, workspace: Path, output: str, finnish: str, english: str
) -> None:
    """The system's English ("No space left on device") was the reason inside the Finnish line."""
    before = fingerprint(workspace)
    args = ("export", "checklist", "--format", "csv", "-o", output, "--data", str(workspace))
    said = run(*args, "--lang", "fi", check=2).stderr
    assert finnish in said and english not in said and said.count("\n") == 1
    assert english in run(*args, "--lang", "en", check=2).stderr
    assert fingerprint(workspace) == before


@pytest.mark.parametrize(
    ("args", "finnish", "english"),
    [
        (
            ("post", "add", "--account", "nope", "--at", "20.12.2026 9.00", "--text", "x"),
            "tuntematon tili",
            "account",
        ),
        (
            ("absence", "add", "nobody", "--from", "2027-01-01", "--to", "2027-01-02"),
            "tuntematon henkilö",
            "person",
        ),
    ],
)
def test_what_an_unknown_reference_names_is_said_in_finnish(
    run: Run, workspace: Path, args: tuple[str, ...], finnish: str, english: str
) -> None:
    """ "tuntematon account «nope»": the kind of thing was English inside the Finnish line."""
    said = run(*args, "--user", "a1", "--lang", "fi", "--data", str(workspace), check=2).stderr
    assert finnish in said and f" {english} " not in said
    assert (
        f"unknown {english} «"
        in run(*args, "--user", "a1", "--lang", "en", "--data", str(workspace), check=2).stderr
    )


@pytest.mark.parametrize(
    ("content", "finnish", "english"),
    [
        (b'{"people": [', "teksti päättyy kesken", "the text ends too early"),
        (b'{"people": [}', "virhe rivillä 1, sarakkeessa 13", "an error at line 1, column 13"),
        (b'{"people": []}\n{"x": 1}', "virhe rivillä 2, sarakkeessa 1", "an error at line 2, column 1"),
        (b'\xff\xfe{"people": []}', "ei UTF-8-tekstiä (tavu 1)", "not UTF-8 text (byte 1)"),
        (
            b'{"people": [' + b"1" * 5000 + b"]}",
            "luvussa on liian monta numeroa",
            "a number with too many digits",
        ),
    ],
    ids=["cut", "bad-token", "extra-data", "not-utf8", "long-number"],
)
def test_why_a_document_is_not_json_is_said_in_finnish(
    run: Run, workspace: Path, tmp_path: Path, content: bytes, finnish: str, english: str
) -> None:
    """The json module's English ("Expecting value: line 1 column 13 (char 12)") was the reason
    inside the Finnish line."""
    before = fingerprint(workspace)
    document = tmp_path / "asiakirja.json"
    document.write_bytes(content)
    args = ("import", str(document), "--user", "a1", "--data", str(workspace))
    said = run(*args, "--lang", "fi", check=2).stderr
    assert said == f"planner: {document} ei ole kelvollista JSONia: {finnish}\n"
    assert run(*args, "--lang", "en", check=2).stderr == f"planner: {document} is not valid JSON: {english}\n"
    assert fingerprint(workspace) == before


def test_what_a_field_must_be_is_said_in_finnish(run: Run, workspace: Path, tmp_path: Path) -> None:
    """ "kentän name pitää olla text": the kind of value was English inside the Finnish line."""
    document = tmp_path / "asiakirja.json"
    write_doc(document, {"people": [{"id": "b1", "name": ["B"], "email": "b@x.fi", "roles": ["producer"]}]})
    args = ("import", str(document), "--user", "a1", "--data", str(workspace))
    assert (
        run(*args, "--lang", "fi", check=2).stderr
        == "planner: people[0] (b1): kentän name pitää olla tekstiä.\n"
    )
    assert run(*args, "--lang", "en", check=2).stderr == "planner: people[0] (b1): field name must be text.\n"
