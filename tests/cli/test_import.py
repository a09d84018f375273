"""`planner import`: whole documents in, or refused whole with the bad entry named."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Run, fingerprint, make_media, write_doc
from tests.helpers import base_doc

Doc = dict[str, Any]


def _set(path: str, value: Any) -> Callable[[Doc], Doc]:
    """A change to one field, addressed like `posts.0.publish_at`."""

    def change(doc: Doc) -> Doc:
        *parents, last = path.split(".")
        target: Any = doc
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value
        return doc

    return change


BAD_DOCUMENTS = [
    ("unknown account", _set("posts.0.account", "ghost"), "posts[0] (p-0001)"),
    ("unknown owner", _set("posts.0.owner", "ghost"), "owner"),
    ("unknown asset", _set("posts.0.media", ["ghost"]), "media"),
    ("unknown campaign", _set("posts.0.campaign", "ghost"), "campaign"),
    ("unknown deputy", _set("accounts.0.deputies", ["ghost"]), "accounts[0] (instagram-ylojarvi)"),
    ("unknown consent", _set("assets.0.consents", ["ghost"]), "assets[0] (img1)"),
    ("unknown scope", _set("consents.0.scope", ["ghost-account"]), "consents[0] (c1)"),
    ("bad date", _set("posts.0.publish_at", "2026-12-32T10:00"), "2026-12-32"),
    ("bad valid_from", _set("consents.0.valid_from", "1.1.2026"), "valid_from"),
    ("bad status", _set("posts.0.status", "done"), "status"),
    ("bad platform", _set("accounts.0.platform", "myspace"), "platform"),
    ("bad role", _set("people.0.roles", ["boss"]), "roles"),
    ("bad e-mail", _set("people.0.email", "aino@"), "people[0] (a1): «aino@» is not an e-mail address"),
    ("bad login e-mail", _set("accounts.0.login_email", "@ylojarvi.fi"), "accounts[0] (instagram-ylojarvi)"),
    (
        "bad sender",
        lambda d: {**d, "organization": {"name": "X", "mail_from": "x@y@z"}},
        "organization: «x@y@z»",
    ),
    (
        "reversed absence",
        lambda d: {**d, "absences": [{"person": "p1", "from": "2026-12-09", "to": "2026-12-01"}]},
        "absences[0]",
    ),
    (
        "own deputy",  # as `absence add --deputy` and `deputy assign` refuse it
        lambda d: {
            **d,
            "absences": [{"person": "p1", "from": "2026-12-01", "to": "2026-12-09", "deputy": "p1"}],
        },
        "absences[0] (a-",
    ),
    (
        "reversed campaign",  # as `campaign add` refuses it: once in, not even its name could be edited
        lambda d: {**d, "campaigns": [{"id": "k1", "name": "K", "from": "2027-01-10", "to": "2027-01-01"}]},
        "campaigns[0] (k1)",
    ),
    (
        "reversed account",  # as `account add` refuses it, and every later `account edit` would
        lambda d: _set("accounts.0.ends", "2026-01-01")(_set("accounts.0.starts", "2027-01-01")(d)),
        "accounts[0] (instagram-ylojarvi)",
    ),
    (
        "reversed consent",  # as `consent add` refuses it
        lambda d: _set("consents.0.valid_to", "2020-01-01")(_set("consents.0.valid_from", "2026-01-01")(d)),
        "consents[0] (c1)",
    ),
    # What `account add`, `campaign add` and `org set` refuse, a document may not bring in either.
    (
        "a cadence no week holds",
        _set("accounts.0.cadence_per_week", 500),
        "accounts[0] (instagram-ylojarvi): the cadence",
    ),
    ("a hashtag that is only #", _set("accounts.0.required_hashtags", ["#"]), "«#» is not a hashtag"),
    (
        "a campaign tag with a space",
        _set("campaigns.0.hashtags", ["# joulu"]),
        "campaigns[0] (joulu): «# joulu»",
    ),
    (
        "an organization's own bounds",
        lambda d: {**d, "organization": {"name": "X", "required_hashtags": ["##x"]}},
        "organization: «##x» is not a hashtag",
    ),
    (
        "an answer within 999 days",
        lambda d: {**d, "organization": {"name": "X", "reply_within": 999}},
        "organization:",
    ),
    (
        "300 posts a week",
        lambda d: {**d, "organization": {"name": "X", "cadence_per_week": 300}},
        "organization:",
    ),
    # Web addresses as `org set`, `account add` and `post publish` take them: before, a document
    # brought in `www.x.fi` as the website, `facebook.com/x` as an account's address and `ftp://x`
    # as where a post was published.
    (
        "a website with no scheme",
        lambda d: {**d, "organization": {"name": "X", "website": "www.x.fi"}},
        "organization: «www.x.fi»",
    ),
    ("an account address with no scheme", _set("accounts.0.url", "instagram.com/x"), "accounts[0]"),
    (
        "a published address that is no web address",
        lambda d: _set("posts.0.published_url", "ftp://x")(_set("posts.0.status", "published")(d)),
        "posts[0] (p-0001): «ftp://x»",
    ),
    ("missing file", _set("assets.0.file", "nowhere.jpg"), "nowhere.jpg"),
    ("path leaving assets", _set("assets.0.file", "../doc.json"), "outside assets"),
    ("absolute path", _set("assets.0.file", "/etc/passwd"), "outside assets"),
    ("subtitle leaving assets", _set("assets.1.subtitles", {"fi": "../../x.srt"}), "outside assets"),
    ("duplicate id", lambda d: {**d, "people": d["people"] + [d["people"][0]]}, "people[6] (a1)"),
    ("list that is not a list", _set("people", {"id": "x"}), "people"),
    ("entry that is not an object", _set("posts", ["p-0001"]), "posts[0]"),
    ("unknown top-level key", _set("posts_", []), "lists"),
]


@pytest.mark.parametrize(
    ("change", "needle"), [c[1:] for c in BAD_DOCUMENTS], ids=[c[0] for c in BAD_DOCUMENTS]
)
def test_bad_document_is_refused_whole(
    run: Run, tmp_path: Path, change: Callable[[Doc], Doc], needle: str
) -> None:
    root = tmp_path / "fresh"
    run("init", str(root), check=0)
    make_media(root / "assets")
    before = fingerprint(root)
    done = run(
        "import", str(write_doc(tmp_path / "bad.json", change(base_doc()))), "--data", str(root), check=2
    )
    assert needle in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert fingerprint(root) == before  # nothing half-imported


def test_symlink_out_of_assets_is_refused(run: Run, tmp_path: Path) -> None:
    root = tmp_path / "fresh"
    run("init", str(root), check=0)
    make_media(root / "assets")
    secret = tmp_path / "secret.jpg"
    secret.write_bytes((root / "assets/img1.jpg").read_bytes())
    os.symlink(secret, root / "assets/link.jpg")
    doc = _set("assets.0.file", "link.jpg")(base_doc())
    done = run("import", str(write_doc(tmp_path / "d.json", doc)), "--data", str(root), check=2)
    assert "outside assets" in done.stderr


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"this is not a picture", "not a readable image"), (None, "not a readable image")],
    ids=["text named .jpg", "truncated jpeg"],
)
def test_broken_images_are_refused(run: Run, tmp_path: Path, content: bytes | None, reason: str) -> None:
    root = tmp_path / "fresh"
    run("init", str(root), check=0)
    make_media(root / "assets")
    real = (root / "assets/img1.jpg").read_bytes()
    (root / "assets/img1.jpg").write_bytes(content if content is not None else real[: len(real) // 2])
    done = run("import", str(write_doc(tmp_path / "d.json", base_doc())), "--data", str(root), check=2)
    assert reason in done.stderr and "img1" in done.stderr


def test_malformed_json_and_missing_document(run: Run, tmp_path: Path, workspace: Path) -> None:
    (tmp_path / "broken.json").write_text('{"people": [', "utf-8")
    done = run("import", str(tmp_path / "broken.json"), "--data", str(workspace), "--user", "a1", check=2)
    assert "not valid JSON" in done.stderr
    done = run("import", str(tmp_path / "none.json"), "--data", str(workspace), "--user", "a1", check=2)
    assert "none.json" in done.stderr
    (tmp_path / "list.json").write_text("[]", "utf-8")
    run("import", str(tmp_path / "list.json"), "--data", str(workspace), "--user", "a1", check=2)


def test_import_into_a_team_needs_an_admin(run: Run, tmp_path: Path, workspace: Path) -> None:
    path = write_doc(tmp_path / "again.json", base_doc())
    before = fingerprint(workspace)
    run("import", str(path), "--data", str(workspace), check=2)  # no identity
    run("import", str(path), "--data", str(workspace), "--user", "p1", check=1)  # not an admin
    run("import", str(path), "--data", str(workspace), "--user", "t1", check=1)  # an auditor
    assert fingerprint(workspace) == before
    run("import", str(path), "--data", str(workspace), "--user", "a1", check=0)


def test_ids_are_kept_and_a_reimport_changes_nothing(run: Run, tmp_path: Path, workspace: Path) -> None:
    posts = json.loads(run("post", "list", "--format", "json", "--data", str(workspace)).stdout)
    assert [p["id"] for p in posts] == ["p-0001"]
    assert posts[0]["publish_at"] == "2026-12-02T10:00" and posts[0]["status"] == "ready"
    log_lines = len((workspace / "calendars/audit.jsonl").read_text("utf-8").splitlines())
    run(
        "import",
        str(write_doc(tmp_path / "same.json", base_doc())),
        "--data",
        str(workspace),
        "--user",
        "a1",
        check=0,
    )
    assert len((workspace / "calendars/audit.jsonl").read_text("utf-8").splitlines()) == log_lines


def test_import_keeps_one_file_per_account_named_by_slug(run: Run, tmp_path: Path, workspace: Path) -> None:
    doc = base_doc()
    doc["accounts"].append(
        {"platform": "facebook", "name": "Ylöjärven Kirjasto", "owners": ["p1"], "admins": ["a1", "a2"]}
    )
    run("import", str(write_doc(tmp_path / "d.json", doc)), "--data", str(workspace), "--user", "a1", check=0)
    files = sorted(p.name for p in (workspace / "calendars").glob("*.json"))
    assert files == ["facebook-ylojarven-kirjasto.json", "instagram-ylojarvi.json", "team.json"]
    stored = json.loads((workspace / "calendars/instagram-ylojarvi.json").read_text("utf-8"))
    assert set(stored) == {"account", "posts"}
    assert (workspace / "calendars/team.json").stat().st_mode & 0o007 == 0  # not world-readable


def test_import_can_seed_a_new_workspace_and_a_refusal_leaves_no_trace(run: Run, tmp_path: Path) -> None:
    doc = base_doc()
    doc["assets"], doc["posts"][0]["media"] = [], []
    root = tmp_path / "new-ws"
    run("import", str(write_doc(tmp_path / "d.json", doc)), "--data", str(root), check=0)
    assert (root / "calendars/instagram-ylojarvi.json").is_file()
    bad = _set("posts.0.account", "ghost")(base_doc())
    other = tmp_path / "other-ws"
    run("import", str(write_doc(tmp_path / "bad.json", bad)), "--data", str(other), check=2)
    assert not other.exists()


def test_lenient_shapes_a_team_would_write(run: Run, tmp_path: Path) -> None:
    root = tmp_path / "fresh"
    run("init", str(root), check=0)
    make_media(root / "assets")
    (root / "assets/clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")  # a video is not opened
    doc = base_doc()
    doc["assets"][0]["alt"] = "Lapsia pulkkamäessä."  # one text: the organization's first language
    doc["assets"].append(
        {"id": "clip", "file": "clip.mp4", "people": "none", "rights": "own", "subtitles": "vid1.fi.srt"}
    )
    doc["consents"][0]["scope"] = "*"
    doc["posts"][0]["media"] = ["img1", "clip"]
    run("import", str(write_doc(tmp_path / "d.json", doc)), "--data", str(root), check=0)
    done = run("check", "--format", "json", "--to", "2026-12-06", "--data", str(root), check=0)
    assert json.loads(done.stdout)["findings"] == []
