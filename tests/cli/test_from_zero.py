"""Running a team from zero (SPEC): from `planner init` to a ready post on a new account with a
campaign and a clean account check, using only documented commands; the refusals (exit 1 for a
non-admin, exit 2 for bad data, nothing written either way), and the audit trail of every step."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import audit_lines as _audit
from tests.conftest import Run, fingerprint

ACCOUNT = "instagram-jarvelan-kirjasto"


def test_from_init_to_a_ready_post_on_a_new_account_with_a_clean_check(team: Path, run: Run) -> None:
    data = ("--data", str(team))
    admin = (*data, "--user", "aino")
    org = json.loads(run("org", "show", "--format", "json", *data, check=0).stdout)
    assert org["name"] == "Järvelän kaupunki" and org["required_hashtags"] == ["#järvelä"]
    assert org["website"] == "https://www.jarvela.fi"

    added = run(
        "account",
        "add",
        "--platform",
        "instagram",
        "--name",
        "Järvelän kirjasto",
        "--url",
        "https://www.instagram.com/jarvelankirjasto",
        "--unit",
        "Kirjasto",
        "--login-email",
        "kirjasto@jarvela.fi",
        "--admin",
        "aino",
        "eero",
        "--owner",
        "pia",
        "--deputy",
        "oona",
        "--hashtag",
        "#kirjasto",
        *admin,
        check=0,
    )
    assert added.stdout.strip() == ACCOUNT  # the slug of platform and name
    run(
        "account",
        "edit",
        ACCOUNT,
        "--two-factor",
        "yes",
        "--password-changed",
        "1.12.2026",
        "--listed",
        "yes",
        "--links-back",
        "yes",
        *admin,
        check=0,
    )
    campaign = run(
        "campaign",
        "add",
        "--name",
        "Lukukesä",
        "--from",
        "1.6.2027",
        "--to",
        "31.8.2027",
        "--hashtag",
        "lukukesä",
        *admin,
        check=0,
    ).stdout.strip()
    assert campaign == "lukukesa"

    from planner.media.generate import make_picture

    picture = make_picture(team.parent / "lukukesa.jpg", (1080, 1080), seed=7)
    image = run(
        "asset", "add", str(picture), "--alt", "Lapsia lukemassa kirjaston sohvalla.", "--people", "none",
        "--rights", "own", *data, "--user", "pia", check=0,
    ).stdout.strip()  # fmt: skip
    post = run(
        "post",
        "add",
        "--account",
        ACCOUNT,
        "--at",
        "14.6.2027 9.00",
        "--campaign",
        campaign,
        "--media",
        image,
        "--text",
        "Lukukesä alkaa! #järvelä #kirjasto #lukukesä",
        *data,
        "--user",
        "pia",
        check=0,
    ).stdout.strip()
    run("post", "ready", post, *data, "--user", "pia", check=0)

    checked = run(
        "check",
        "--account",
        ACCOUNT,
        "--from",
        "2027-06-14",
        "--to",
        "2027-06-14",
        "--format",
        "json",
        *data,
        check=0,
    )
    report = json.loads(checked.stdout)
    assert report["findings"] == [] and report["summary"]["posts"] == 1

    listed = json.loads(run("account", "list", "--format", "json", *data, check=0).stdout)
    (account,) = listed
    assert (
        account["owners"] == ["pia"]
        and account["deputies"] == ["oona"]
        and account["admins"] == ["aino", "eero"]
    )
    assert account["password_changed"] == "2026-12-01" and account["two_factor"] is True
    assert account["required_hashtags"] == ["#kirjasto"] and account["login_email"] == "kirjasto@jarvela.fi"
    campaigns = json.loads(run("campaign", "list", "--format", "json", *data, check=0).stdout)
    assert campaigns[0]["hashtags"] == ["#lukukesä"] and campaigns[0]["posts"] == [post]

    log = _audit(team)
    made = [(line["entity"], line["id"], line["action"]) for line in log]
    assert ("accounts", ACCOUNT, "create") in made and ("campaigns", campaign, "create") in made
    assert [line["user"] for line in log if line["entity"] == "accounts"] == ["aino", "aino"]
    assert run("audit", "verify", *data).returncode == 0


def test_list_options_replace_the_stored_list_and_options_not_given_stay(team: Path, run: Run) -> None:
    admin = ("--data", str(team), "--user", "aino")
    run(
        "account",
        "add",
        "--platform",
        "x",
        "--name",
        "Järvelä",
        "--owner",
        "pia",
        "--admin",
        "aino",
        "--producer",
        "oona",
        *admin,
        check=0,
    )
    run("account", "edit", "x-jarvela", "--owner", "oona", "--owner", "eero", *admin, check=0)
    (account,) = json.loads(run("account", "list", "--format", "json", *admin, check=0).stdout)
    assert account["owners"] == ["oona", "eero"]
    assert account["producers"] == ["oona"] and account["admins"] == ["aino"]  # not given: as they were
    run("account", "edit", "x-jarvela", "--cadence", "3", "--unit", "Viestintä", *admin, check=0)
    (account,) = json.loads(run("account", "list", "--format", "json", *admin, check=0).stdout)
    assert (
        account["cadence_per_week"] == 3
        and account["unit"] == "Viestintä"
        and account["owners"] == ["oona", "eero"]
    )


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("account", "add", "--platform", "x", "--name", "A", "--user", "pia"), 1),  # not an admin
        (("account", "add", "--platform", "x", "--name", "A", "--user", "tarja"), 1),  # an auditor
        (("campaign", "add", "--name", "K", "--from", "1.6.2027", "--to", "2.6.2027", "--user", "pia"), 1),
        (("org", "set", "--name", "Toinen", "--user", "pia"), 1),
        (("account", "add", "--platform", "x", "--name", "A", "--owner", "tarja", "--user", "aino"), 2),
        (("account", "add", "--platform", "x", "--name", "A", "--deputy", "nobody", "--user", "aino"), 2),
        (("account", "add", "--platform", "x", "--name", "A", "--admin", "nobody", "--user", "aino"), 2),
        (("account", "add", "--platform", "myspace", "--name", "A", "--user", "aino"), 2),
        (("account", "add", "--platform", "x", "--name", "A", "--starts", "31.2.2027", "--user", "aino"), 2),
        (
            (
                "account",
                "add",
                "--platform",
                "x",
                "--name",
                "A",
                "--starts",
                "2.1.2027",
                "--ends",
                "1.1.2027",
                "--user",
                "aino",
            ),
            2,
        ),
        (
            (
                "account",
                "add",
                "--platform",
                "x",
                "--name",
                "A",
                "--url",
                "javascript:alert(1)",
                "--user",
                "aino",
            ),
            2,
        ),
        (
            (
                "account",
                "add",
                "--platform",
                "x",
                "--name",
                "A",
                "--login-email",
                "ei osoite",
                "--user",
                "aino",
            ),
            2,
        ),
        (("account", "add", "--platform", "x", "--name", "A", "--cadence", "many", "--user", "aino"), 2),
        (("account", "add", "--platform", "x", "--name", "  ", "--user", "aino"), 2),
        (("account", "add", "--platform", "x", "--name", "A", "--id", "team", "--user", "aino"), 2),
        (("account", "add", "--platform", "x", "--name", "A", "--hashtag", "two words", "--user", "aino"), 2),
        (("account", "edit", "no-such-account", "--unit", "U", "--user", "aino"), 2),
        (("account", "edit", "x-jarvela", "--two-factor", "maybe", "--user", "aino"), 2),
        (("account", "add", "--platform", "x", "--name", "A"), 2),  # no identity
        (("campaign", "add", "--name", "K", "--from", "2.6.2027", "--to", "1.6.2027", "--user", "aino"), 2),
        (("campaign", "edit", "no-such", "--name", "K", "--user", "aino"), 2),
        (("org", "set", "--website", "www.jarvela.fi", "--user", "aino"), 2),
        (("org", "set", "--languages", "fi,klingon", "--user", "aino"), 2),
    ],
)
def test_refusals_change_nothing(team: Path, run: Run, args: tuple[str, ...], code: int) -> None:
    run(
        "account",
        "add",
        "--platform",
        "x",
        "--name",
        "Järvelä",
        "--data",
        str(team),
        "--user",
        "aino",
        check=0,
    )
    before = fingerprint(team)
    done = run(*args, "--data", str(team), env={"PLANNER_USER": ""})
    assert done.returncode == code, (done.stdout, done.stderr)
    assert done.stderr.startswith(("planner", "usage:")) and "\x1b" not in done.stderr
    assert fingerprint(team) == before


def test_an_account_id_given_twice_or_clashing_with_another_file_is_refused(team: Path, run: Run) -> None:
    admin = ("--data", str(team), "--user", "aino")
    run("account", "add", "--platform", "x", "--name", "Järvelä", *admin, check=0)
    before = fingerprint(team)
    assert run("account", "add", "--platform", "x", "--name", "Järvelä", *admin).returncode == 2
    assert (
        run("account", "add", "--platform", "x", "--name", "Other", "--id", "X-Jarvela", *admin).returncode
        == 2
    )
    assert fingerprint(team) == before


def test_closing_an_account_lists_the_posts_that_now_fail(team: Path, run: Run) -> None:
    admin = ("--data", str(team), "--user", "aino")
    run("account", "add", "--platform", "facebook", "--name", "Nuoriso", "--owner", "pia", *admin, check=0)
    coming = run(
        "post",
        "add",
        "--account",
        "facebook-nuoriso",
        "--at",
        "2027-01-10 09:00",
        "--text",
        "x",
        "--data",
        str(team),
        "--user",
        "pia",
        check=0,
    ).stdout.strip()
    later = run(
        "post",
        "add",
        "--account",
        "facebook-nuoriso",
        "--at",
        "2027-03-10 09:00",
        "--text",
        "y",
        "--data",
        str(team),
        "--user",
        "pia",
        check=0,
    ).stdout.strip()
    ended = run("account", "edit", "facebook-nuoriso", "--ends", "2027-02-28", *admin, check=0)
    assert later in ended.stdout and coming not in ended.stdout
    closed = run("account", "edit", "facebook-nuoriso", "--status", "closed", *admin, check=0)
    assert coming in closed.stdout and later not in closed.stdout  # already failing: not news
    found = json.loads(
        run("check", "--from", "2027-01-10", "--to", "2027-01-10", "--format", "json", *admin).stdout
    )
    assert {f["post"] for f in found["findings"] if f["rule"] == "post.account_active"} == {coming}


def test_an_unchanged_edit_writes_nothing_and_a_stale_revision_is_a_conflict(team: Path, run: Run) -> None:
    admin = ("--data", str(team), "--user", "aino")
    run("account", "add", "--platform", "x", "--name", "Järvelä", "--unit", "U", *admin, check=0)
    before = fingerprint(team)
    run("account", "edit", "x-jarvela", "--unit", "U", *admin, check=0)
    assert fingerprint(team) == before
    run("account", "edit", "x-jarvela", "--unit", "V", "--revision", "1", *admin, check=0)
    stale = run("account", "edit", "x-jarvela", "--unit", "W", "--revision", "1", *admin)
    assert stale.returncode == 1 and "W" not in json.dumps(
        json.loads(run("account", "list", "--format", "json", *admin).stdout)
    )


def test_org_set_changes_only_what_is_given_and_is_audited(team: Path, run: Run) -> None:
    admin = ("--data", str(team), "--user", "aino")
    run("org", "set", "--cadence", "2", "--languages", "fi,sv", *admin, check=0)
    org = json.loads(run("org", "show", "--format", "json", *admin, check=0).stdout)
    assert (
        org["cadence_per_week"] == 2
        and org["languages"] == ["fi", "sv"]
        and org["name"] == "Järvelän kaupunki"
    )
    assert any(line["entity"] == "organization" and line["user"] == "aino" for line in _audit(team))
