"""Every readiness rule, passing and failing, as one table over a workspace that otherwise passes."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

import pytest

from planner.domain.calendar import holiday_names
from planner.domain.check import run_check
from planner.domain.rules import Context, all_rules
from tests.helpers import NOW, WEEK, base_doc, workspace_of

Doc = dict[str, Any]


def findings_of(doc: Doc, start: Any = WEEK[0], end: Any = WEEK[1]) -> list[Any]:
    subtitles = doc.pop("_subtitles", {"vid1.fi.srt": None})
    missing = frozenset(doc.pop("_missing", ()))
    ws = workspace_of(doc)
    ctx = Context(ws, NOW, start, end, holiday_names(start, end), subtitles, missing)
    return run_check(ctx).findings


def post(doc: Doc, **fields: Any) -> Doc:
    doc["posts"][0].update(fields)
    return doc


def feedback(doc: Doc, **fields: Any) -> Doc:
    item = {"id": "f-1", "account": "instagram-ylojarvi", "received_at": "2026-11-26T10:00", "text": "?"}
    doc["feedback"] = [{**item, **fields}]
    return doc


def account(doc: Doc, **fields: Any) -> Doc:
    doc["accounts"][0].update(fields)
    return doc


def asset(doc: Doc, asset_id: str, **fields: Any) -> Doc:
    next(a for a in doc["assets"] if a["id"] == asset_id).update(fields)
    return doc


def consent(doc: Doc, **fields: Any) -> Doc:
    doc["consents"][0].update(fields)
    return asset(doc, "img1", people="identifiable", consents=["c1"])


def gone(doc: Doc, *files: str) -> Doc:
    """The media files (relative to assets/) that are not there."""
    doc["_missing"] = list(files)
    return doc


def with_media(doc: Doc, *ids: str) -> Doc:
    return post(doc, media=list(ids))


def absent(doc: Doc, person: str, start: str, end: str, deputy: str | None = None) -> Doc:
    number = len(doc["absences"]) + 1
    doc["absences"].append(
        {"id": f"a-{number}", "person": person, "from": start, "to": end, "deputy": deputy}
    )
    return doc


TAGS = " #ylöjärvi"


def hold(doc: Doc, **fields: Any) -> Doc:
    found = {
        "id": "h1",
        "reason": "Vesikriisi",
        "started_by": "a1",
        "started_at": "2026-12-01T08:00",
        **fields,
    }
    doc.setdefault("holds", []).append(found)
    return doc


CASES: list[tuple[str, Callable[[Doc], Doc], set[str]]] = [
    ("baseline passes", lambda d: d, set()),
    # post.schedule
    ("no publish time", lambda d: post(d, publish_at=None), {"post.schedule", "account.cadence"}),
    ("ready post in the past", lambda d: post(d, publish_at="2026-12-01T09:59"), {"post.schedule"}),
    (
        "published post in the past",
        lambda d: post(d, publish_at="2026-12-01T09:00", status="published"),
        set(),
    ),
    (
        "draft in the past is not late",
        lambda d: post(d, publish_at="2026-12-01T09:00", status="draft"),
        {"account.cadence"},
    ),
    # post.account_active
    ("account paused", lambda d: account(d, status="paused"), {"post.account_active"}),
    ("account ended before", lambda d: account(d, ends="2026-12-01"), {"post.account_active"}),
    ("account ends on the day", lambda d: account(d, ends="2026-12-02"), set()),
    ("account starts after", lambda d: account(d, starts="2026-12-03"), {"post.account_active"}),
    # post.text_length
    ("x 280 weighted passes", lambda d: post(account(d, platform="x"), text="a" * 270 + TAGS), set()),
    (
        "x 281 weighted fails",
        lambda d: post(account(d, platform="x"), text="a" * 271 + TAGS),
        {"post.text_length"},
    ),
    (
        "x url counts 23",
        lambda d: post(
            account(d, platform="x"), text="a" * 240 + " https://www.ylojarvi.fi/" + "x" * 200 + TAGS
        ),
        set(),
    ),
    (
        "x emoji count 2",
        lambda d: post(account(d, platform="x"), text="😀" * 136 + TAGS),
        {"post.text_length"},
    ),
    ("x ä and ö count 1", lambda d: post(account(d, platform="x"), text="ä" * 270 + TAGS), set()),
    ("instagram 2200", lambda d: post(d, text="a" * 2190 + TAGS), set()),
    ("instagram 2201", lambda d: post(d, text="a" * 2191 + TAGS), {"post.text_length"}),
    (
        "bluesky counts graphemes",
        lambda d: post(account(d, platform="bluesky"), text="e\u0301" * 290 + TAGS),
        set(),
    ),
    (
        "threads counts emoji bytes",
        lambda d: post(account(d, platform="threads"), text="😀" * 123 + TAGS),
        {"post.text_length"},
    ),
    # hashtag.required
    ("tag missing", lambda d: post(d, text="Talvi tuli!"), {"hashtag.required"}),
    ("tag in other case", lambda d: post(d, text="Talvi! #YLÖJÄRVI"), set()),
    ("tag in NFD", lambda d: post(d, text=unicodedata.normalize("NFD", "Talvi! #Ylöjärvi")), set()),
    ("longer tag does not match", lambda d: post(d, text="Talvi! #ylöjärvi2026"), {"hashtag.required"}),
    ("tag without umlauts does not match", lambda d: post(d, text="Talvi! #ylojarvi"), {"hashtag.required"}),
    ("account tag missing", lambda d: account(d, required_hashtags=["#kirjasto"]), {"hashtag.required"}),
    ("campaign tag missing", lambda d: post(d, campaign="joulu"), {"hashtag.required"}),
    ("campaign tag present", lambda d: post(d, campaign="joulu", text="Hei #ylöjärvi #Joulu"), set()),
    # hashtag.limit
    ("instagram five tags", lambda d: post(d, text="#ylöjärvi #a #b #c #d"), set()),
    ("instagram six tags", lambda d: post(d, text="#ylöjärvi #a #b #c #d #e"), {"hashtag.limit"}),
    (
        "threads two tags",
        lambda d: post(account(d, platform="threads"), text="#ylöjärvi #a"),
        {"hashtag.limit"},
    ),
    # post.media_required
    ("instagram text alone", lambda d: with_media(d), {"post.media_required"}),
    ("instagram with only a video", lambda d: with_media(d, "vid1"), set()),
    ("an asset the library lacks is no media", lambda d: with_media(d, "nosuch"), {"post.media_required"}),
    ("tiktok text alone", lambda d: with_media(account(d, platform="tiktok")), {"post.media_required"}),
    (
        "youtube with only an image",
        lambda d: with_media(account(d, platform="youtube"), "img1"),
        {"post.media_required"},
    ),
    ("youtube with a video", lambda d: with_media(account(d, platform="youtube"), "vid1"), set()),
    ("facebook text alone", lambda d: with_media(account(d, platform="facebook")), set()),
    # post.official_link
    ("announcement without link", lambda d: post(d, kind="announcement"), {"post.official_link"}),
    (
        "announcement with link",
        lambda d: post(d, kind="announcement", text="Lue https://www.ylojarvi.fi/uutiset." + TAGS),
        set(),
    ),
    (
        "crisis with subdomain link",
        lambda d: post(d, kind="crisis", text="Ohjeet: https://kriisi.ylojarvi.fi/ohje" + TAGS),
        set(),
    ),
    (
        "look-alike domain",
        lambda d: post(d, kind="crisis", text="https://ylojarvi.fi.example.com/x" + TAGS),
        {"post.official_link"},
    ),
    (
        "prefix domain",
        lambda d: post(d, kind="announcement", text="https://notylojarvi.fi" + TAGS),
        {"post.official_link"},
    ),
    ("news needs no link", lambda d: post(d, kind="news"), set()),
    # post.owner_available
    ("no owner", lambda d: post(d, owner=None), {"post.owner_available"}),
    (
        "owner absent, deputy of account present",
        lambda d: absent(d, "p1", "2026-12-02", "2026-12-02"),
        {"post.owner_available"},
    ),
    ("owner absent with present deputy", lambda d: absent(d, "p1", "2026-12-01", "2026-12-03", "p2"), set()),
    (
        "owner and deputy both absent",
        lambda d: absent(absent(d, "p1", "2026-12-02", "2026-12-02", "p2"), "p2", "2026-12-02", "2026-12-02"),
        {"post.owner_available", "account.coverage"},
    ),
    # media.alt_text
    ("image without alt", lambda d: with_media(asset(d, "img1", alt={}), "img1"), {"media.alt_text"}),
    (
        "alt only in Swedish",
        lambda d: with_media(asset(d, "img1", alt={"sv": "Barn i backen."}), "img1"),
        {"media.alt_text"},
    ),
    (
        "alt in the post's language",
        lambda d: with_media(post(asset(d, "img1", alt={"sv": "Barn i backen."}), lang="sv"), "img1"),
        set(),
    ),
    (
        "alt over the x limit",
        lambda d: with_media(asset(account(d, platform="x"), "img1", alt={"fi": "Pulkkamäki " * 92}), "img1"),
        {"media.alt_text", "media.alt_quality"},
    ),
    # media.alt_quality
    (
        "alt is the file name",
        lambda d: with_media(asset(d, "img1", alt={"fi": "img1.jpg"}), "img1"),
        {"media.alt_quality"},
    ),
    (
        "alt is a placeholder",
        lambda d: with_media(asset(d, "img1", alt={"fi": "Kuva"}), "img1"),
        {"media.alt_quality"},
    ),
    (
        "alt starts kuva",
        lambda d: with_media(asset(d, "img1", alt={"fi": "Kuva lapsista mäessä"}), "img1"),
        {"media.alt_quality"},
    ),
    (
        "alt starts image of",
        lambda d: with_media(asset(d, "img1", alt={"fi": "Image of kids"}), "img1"),
        {"media.alt_quality"},
    ),
    (
        "alt over 250",
        lambda d: with_media(asset(d, "img1", alt={"fi": "Lapsia " * 36}), "img1"),
        {"media.alt_quality"},
    ),
    ("good alt", lambda d: with_media(d, "img1"), set()),
    # media.subtitles
    ("video with subtitles", lambda d: with_media(d, "vid1"), set()),
    (
        "video without subtitles",
        lambda d: with_media(asset(d, "vid1", subtitles={}), "vid1"),
        {"media.subtitles"},
    ),
    ("subtitles in another language", lambda d: with_media(post(d, lang="sv"), "vid1"), {"media.subtitles"}),
    (
        "unparseable subtitles",
        lambda d: {**with_media(d, "vid1"), "_subtitles": {"vid1.fi.srt": ("sub.no_text", {"line": 2})}},
        {"media.subtitles"},
    ),
    # media.people
    ("people unknown", lambda d: with_media(asset(d, "img1", people="unknown"), "img1"), {"media.people"}),
    ("crowd needs no consent", lambda d: with_media(asset(d, "img1", people="crowd"), "img1"), set()),
    # media.permission
    (
        "identifiable without consent",
        lambda d: with_media(asset(d, "img1", people="identifiable"), "img1"),
        {"media.permission"},
    ),
    ("valid written consent", lambda d: with_media(consent(d), "img1"), set()),
    ("consent not written", lambda d: with_media(consent(d, written=False), "img1"), {"media.permission"}),
    ("minor without guardian", lambda d: with_media(consent(d, minor=True), "img1"), {"media.permission"}),
    (
        "minor with guardian",
        lambda d: with_media(consent(d, minor=True, guardian="Huoltaja H"), "img1"),
        set(),
    ),
    (
        "consent not yet valid",
        lambda d: with_media(consent(d, valid_from="2026-12-03"), "img1"),
        {"media.permission"},
    ),
    (
        "consent expired",
        lambda d: with_media(consent(d, valid_to="2026-12-01"), "img1"),
        {"media.permission"},
    ),
    ("consent valid to the day", lambda d: with_media(consent(d, valid_to="2026-12-02"), "img1"), set()),
    (
        "withdrawn before",
        lambda d: with_media(consent(d, withdrawn="2026-11-20"), "img1"),
        {"media.permission"},
    ),
    (
        "withdrawn on the day",
        lambda d: with_media(consent(d, withdrawn="2026-12-02"), "img1"),
        {"media.permission"},
    ),
    ("withdrawn after", lambda d: with_media(consent(d, withdrawn="2026-12-03"), "img1"), set()),
    (
        "scope other account",
        lambda d: with_media(consent(d, scope=["facebook-ylojarvi"]), "img1"),
        {"media.permission"},
    ),
    ("scope names the platform", lambda d: with_media(consent(d, scope=["instagram"]), "img1"), set()),
    (
        "scope names the account",
        lambda d: with_media(consent(d, scope=["instagram-ylojarvi"]), "img1"),
        set(),
    ),
    # media.rights
    ("rights unknown", lambda d: with_media(asset(d, "img1", rights="unknown"), "img1"), {"media.rights"}),
    (
        "licence expired",
        lambda d: with_media(asset(d, "img1", rights="licensed", rights_expire="2026-12-01"), "img1"),
        {"media.rights"},
    ),
    (
        "licence to the day",
        lambda d: with_media(asset(d, "img1", rights="licensed", rights_expire="2026-12-02"), "img1"),
        set(),
    ),
    # media.location
    ("gps in image", lambda d: with_media(asset(d, "img1", location=True), "img1"), {"media.location"}),
    # media.format
    (
        "instagram too tall",
        lambda d: with_media(asset(d, "img1", width=600, height=1200), "img1"),
        {"media.format"},
    ),
    (
        "instagram too wide in pixels",
        lambda d: with_media(asset(d, "img1", width=2000, height=2000), "img1"),
        {"media.format"},
    ),
    (
        "facebook any aspect",
        lambda d: with_media(asset(account(d, platform="facebook"), "img1", width=600, height=1200), "img1"),
        set(),
    ),
    # media.file
    ("image file gone", lambda d: with_media(gone(d, "img1.jpg"), "img1"), {"media.file"}),
    ("video file gone", lambda d: with_media(gone(d, "vid1.gif"), "img1", "vid1"), {"media.file"}),
    ("another asset's file gone", lambda d: with_media(gone(d, "vid1.gif"), "img1"), set()),
    # account.cadence
    ("cadence two", lambda d: account(d, cadence_per_week=2), {"account.cadence"}),
    ("draft does not count", lambda d: post(d, status="draft"), {"account.cadence"}),
    ("cadence zero", lambda d: post(account(d, cadence_per_week=0), status="draft"), set()),
    # account.coverage
    (
        "owner and deputy away",
        lambda d: absent(absent(d, "p1", "2026-12-03", "2026-12-04"), "p2", "2026-12-03", "2026-12-04"),
        {"account.coverage"},
    ),
    (
        "assigned deputy outside the account covers",
        lambda d: absent(absent(d, "p1", "2026-12-03", "2026-12-04", "e1"), "p2", "2026-12-03", "2026-12-04"),
        set(),
    ),
    (
        "weekend gap is no gap",
        lambda d: absent(absent(d, "p1", "2026-12-05", "2026-12-06"), "p2", "2026-12-05", "2026-12-06"),
        set(),
    ),
    # account.admins / account.owner
    ("one admin", lambda d: account(d, admins=["a1"]), {"account.admins"}),
    ("same admin twice", lambda d: account(d, admins=["a1", "a1"]), {"account.admins"}),
    ("no owner", lambda d: account(d, owners=[]), {"account.owner"}),
    # account.continuity
    ("no login e-mail", lambda d: account(d, login_email=""), {"account.continuity"}),
    ("personal login e-mail", lambda d: account(d, login_email="Pekka@Ylojarvi.fi"), {"account.continuity"}),
    # account.verification
    ("not listed", lambda d: account(d, listed_on_website=False), {"account.verification"}),
    ("no link back", lambda d: account(d, links_to_website=False), {"account.verification"}),
    # account.security
    ("no 2fa", lambda d: account(d, two_factor=False), {"account.security"}),
    ("password 90 days", lambda d: account(d, password_changed="2026-09-02"), set()),
    ("password 91 days", lambda d: account(d, password_changed="2026-09-01"), {"account.security"}),
    ("password never changed", lambda d: account(d, password_changed=None), {"account.security"}),
    # feedback.overdue (today is 1.12.2026)
    ("feedback open past its due day", lambda d: feedback(d, due="2026-11-30"), {"feedback.overdue"}),
    ("feedback due today", lambda d: feedback(d, due="2026-12-01"), set()),
    (
        "feedback answered late is no longer overdue",
        lambda d: feedback(d, due="2026-11-30", status="answered", handled_at="2026-12-01T09:00"),
        set(),
    ),
    # post.review
    ("review asked, none given", lambda d: account(d, review=True), {"post.review"}),
    (
        "approved after the last change",
        lambda d: post(
            account(d, review=True),
            edited_by="p1",
            edited_at="2026-11-30T09:00",
            approved_by="a1",
            approved_at="2026-11-30T10:00",
        ),
        set(),
    ),
    (
        "changed after the approval",
        lambda d: post(
            account(d, review=True),
            edited_by="p1",
            edited_at="2026-11-30T11:00",
            approved_by="a1",
            approved_at="2026-11-30T10:00",
        ),
        {"post.review"},
    ),
    ("approval without review asked", lambda d: post(d, approved_by=None), set()),
    # post.crisis_hold
    ("hold on every account", lambda d: hold(d), {"post.crisis_hold"}),
    ("hold on this account", lambda d: hold(d, accounts=["instagram-ylojarvi"]), {"post.crisis_hold"}),
    ("hold on another account", lambda d: hold(d, accounts=["x-ylojarvi"]), set()),
    ("hold ended before the post", lambda d: hold(d, ended_by="a1", ended_at="2026-12-02T09:00"), set()),
    ("hold starts after the post", lambda d: hold(d, started_at="2026-12-02T11:00"), set()),
    ("a draft is not held", lambda d: post(hold(d), status="draft"), {"account.cadence"}),
    (
        "a crisis post goes out",
        lambda d: post(hold(d), kind="crisis", text="Tiedote https://www.ylojarvi.fi/vesi" + TAGS),
        set(),
    ),
]


@pytest.mark.parametrize(("change", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule_table(change: Callable[[Doc], Doc], expected: set[str]) -> None:
    assert {f.rule for f in findings_of(change(base_doc()))} == expected


def test_every_rule_fails_somewhere_in_the_table() -> None:
    failing = set().union(*(expected for _, _, expected in CASES))
    assert failing == set(all_rules()) and len(failing) == 27


def test_every_registered_rule_runs_and_has_its_title_in_both_languages() -> None:
    from planner.domain.check import check_account, check_post
    from planner.i18n.catalogue import CATALOGUE

    ws = workspace_of(base_doc())
    ctx = Context(ws, NOW, *WEEK)
    ran = {*check_post(ws.posts["p-0001"], ctx), *check_account(ws.accounts["instagram-ylojarvi"], ctx)}
    assert ran == set(all_rules())  # a registered rule is never left out of a check
    for rule_id in all_rules():
        assert set(CATALOGUE[f"{rule_id}.title"]) == {"fi", "en"}, rule_id
    scopes = [rule.scope for rule in all_rules().values()]
    assert scopes == sorted(scopes, key=("post", "account").index)  # SPEC's order: post rules first


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_every_finding_has_a_message_in_both_languages(lang: str) -> None:
    for _, change, _expected in CASES:
        for finding in findings_of(change(base_doc())):
            text = finding.message(lang)
            assert text and "{" not in text


def test_blocking_follows_status_and_scope() -> None:
    doc = post(account(base_doc(), admins=["a1"]), text="ei tunnistetta")
    by_rule = {f.rule: f for f in findings_of(doc)}
    assert by_rule["hashtag.required"].blocking  # ready post
    assert by_rule["account.admins"].blocking and by_rule["account.admins"].post is None
    draft = {f.rule: f for f in findings_of(post(base_doc(), text="ei", status="draft"))}
    assert not draft["hashtag.required"].blocking
    warning = findings_of(account(base_doc(), two_factor=False))[0]
    assert warning.severity == "warning" and not warning.blocking


def test_cancelled_posts_are_not_checked_and_undated_ones_are() -> None:
    doc = base_doc()
    doc["posts"].append({**doc["posts"][0], "id": "p-0002", "status": "cancelled", "text": "x"})
    doc["posts"].append({**doc["posts"][0], "id": "p-0003", "publish_at": None, "status": "draft"})
    doc["posts"].append({**doc["posts"][0], "id": "p-0004", "publish_at": "2027-03-01T10:00", "text": "x"})
    ws = workspace_of(doc)
    report = run_check(Context(ws, NOW, *WEEK))
    assert set(report.posts) == {"p-0001", "p-0003"}
    assert report.summary()["posts"] == 2


def test_the_engine_skips_only_rules_that_pass_every_post_without_media() -> None:
    """`media_only` rules are not run for a post without media; run anyway, each must pass such a
    post of a workspace whose every asset fails it (and the same rules fail the post with them)."""
    doc = base_doc()
    bad = {
        "alt": {},
        "people": "identifiable",
        "consents": ["missing"],
        "rights": "unknown",
        "location": True,
        "width": 10,
        "height": 1000,
        "subtitles": {},
    }
    for entry in doc["assets"]:
        entry.update(bad)
    asset(doc, "vid1", people="unknown")  # media.people; the image's missing consent: media.permission
    skipped = {rule.id: rule for rule in all_rules().values() if rule.media_only}
    assert set(skipped) == {rule_id for rule_id in all_rules() if rule_id.startswith("media.")}
    gone(doc, *(entry["file"] for entry in doc["assets"]))
    bare = workspace_of(post(doc, media=[]))
    ctx = Context(bare, NOW, *WEEK, missing_files=frozenset(doc["_missing"]))
    for rule in skipped.values():
        assert list(rule.check(bare.posts["p-0001"], ctx)) == [], rule.id
    carrying = {f.rule for f in findings_of(with_media(doc, "img1", "vid1"))}
    assert set(skipped) - {"media.alt_quality"} <= carrying  # no alt text: nothing to judge


@pytest.mark.parametrize(
    "file", ["img1.jpg", "a/b/Ylöjärvi_kesä-2026.PNG", ".hidden", "x.", "..x", "a/b.tar.gz", "noext", "a/b/"]
)
def test_the_file_names_an_alt_text_must_not_repeat_are_read_as_pathlib_reads_them(file: str) -> None:
    from pathlib import PurePosixPath

    from planner.domain.fields import fold
    from planner.domain.rules.media import _file_names

    path = PurePosixPath(file)
    stem = fold(path.stem)
    assert _file_names(file) == {fold(path.name), stem, stem.replace("_", " ").replace("-", " ")}
