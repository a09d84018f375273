"""The morning digest (SPEC *Reaching the team where it already is*): what is each person's to do,
as text, HTML and JSON, and mailed through a real SMTP server on 127.0.0.1 (aiosmtpd): a mail per
person with something to do, text and HTML alike; a refused recipient named and the others still
sent; a server that does not answer given up on (a timeout, not a hang)."""

from __future__ import annotations

import datetime as dt
import email
import email.header
import email.utils
import json
import socket
from collections.abc import Iterator
from email.message import Message
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from aiosmtpd.controller import Controller

from tests.conftest import Run


class Inbox:
    def __init__(self, refuse: str = "") -> None:
        self.mails: list[Message] = []
        self.refuse = refuse

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:  # noqa: N802
        if self.refuse and address == self.refuse:
            return "550 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.mails.append(email.message_from_bytes(envelope.content))
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def city(run: Run, tmp_path: Path) -> Path:
    root = tmp_path / "city"
    run("init", str(root), "--demo", check=0)
    return root


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox(refuse="leena.lehtinen@jarvela.fi")
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


def test_the_digest_says_what_is_each_persons_to_do(run: Run, city: Path) -> None:
    found = json.loads(run("digest", "--format", "json", "--data", str(city), check=0).stdout)
    by_person = {d["person"]: d for d in found}
    assert "tarja" not in by_person  # an auditor has nothing to do
    kinds = {item["kind"] for d in found for item in d["items"]}
    assert {"feedback", "password"} <= kinds
    aino = [item for item in by_person["aino"]["items"] if item["kind"] == "feedback"]
    assert aino[0]["text"].startswith("LATE")  # overdue first
    html = run("digest", "--format", "html", "--for", "mikko", "--data", str(city), check=0).stdout
    assert html.startswith("<!DOCTYPE html>") and "Mikko Mäkelä" in html


def test_each_post_and_feedback_item_says_its_day(run: Run, city: Path) -> None:
    """A post by its day, time and account, and a feedback item by the day it is due (the JSON's `date`),
    in the reader's language: a list of titles alone did not say what came first, nor by when."""
    aino = ("--data", str(city), "--user", "aino")
    added = run(
        "post",
        "add",
        "--account",
        "facebook-jarvelan-kaupunki",
        "--at",
        "2026-12-03 09:00",
        "--text",
        "Joulukonsertti",
        "--owner",
        "mikko",
        *aino,
        check=0,
    )
    post_id = added.stdout.strip()
    for lang, post_day, due in (
        ("fi", "to 3.12. klo 9.00 ", "viimeistään "),
        ("en", "Thu 3 Dec 09:00 ", "by "),
    ):
        found = run("digest", "--format", "json", "--for", "mikko", "--lang", lang, *aino, check=0)
        items = json.loads(found.stdout)[0]["items"]
        (post,) = [i for i in items if i["id"] == post_id]
        assert post["date"] == "2026-12-03" and post["text"].startswith(post_day + "Joulukonsertti")
        # and by its account: a producer of several accounts could not tell for which it was
        assert post["text"].startswith(post_day + "Joulukonsertti (facebook-jarvelan-kaupunki): ")
        feedback = [i for i in items if i["kind"] == "feedback"]
        assert feedback
        for item in feedback:
            day = dt.date.fromisoformat(item["date"])
            said = f"{day.day}.{day.month}." if lang == "fi" else f"{day.day} {day:%b}"
            assert f"{due}{short_weekday(day, lang)} {said})" in item["text"]


def test_the_drafts_and_feedback_of_someone_away_go_to_the_deputy_covering_the_absence(
    run: Run, city: Path
) -> None:
    """An answer stays due, and a draft is still to be made ready, while its person is away: the
    deputy of the absence that covers the day gets the item, saying whom they cover (as the app's
    queue shows `mikko → leena`); the person keeps it, and nobody else gets it when no deputy was
    assigned."""
    aino = ("--data", str(city), "--user", "aino")

    def feedback_of(person: str, lang: str = "en") -> dict[str, str]:
        found = run("digest", "--format", "json", "--for", person, "--lang", lang, *aino, check=0)
        digests = json.loads(found.stdout)
        return {i["id"]: i["text"] for d in digests for i in d["items"] if i["kind"] == "feedback"}

    listed = json.loads(run("feedback", "list", "--open", "--format", "json", *aino, check=0).stdout)
    mikkos = {f["id"] for f in listed if f["assignee"] == "mikko"}
    assert mikkos and not mikkos & set(feedback_of("leena"))
    run("absence", "add", "mikko", "--from", "2026-11-30", "--to", "2026-12-04", *aino, check=0)
    assert not mikkos & set(feedback_of("leena"))  # no deputy assigned: nobody covers
    assert mikkos <= set(feedback_of("mikko"))
    run(
        "absence",
        "add",
        "mikko",
        "--from",
        "2026-12-01",
        "--to",
        "2026-12-01",
        "--deputy",
        "leena",
        *aino,
        check=0,
    )
    post = ("post", "add", "--account", "facebook-jarvelan-kaupunki", "--owner", "mikko", "--text", "Joulu")
    covered_day = run(*post, "--at", "2026-12-01 14:00", *aino, check=0).stdout.strip()
    uncovered_day = run(*post, "--at", "2026-12-03 14:00", *aino, check=0).stdout.strip()
    digest = json.loads(run("digest", "--format", "json", "--for", "leena", *aino, check=0).stdout)
    posts = {i["id"]: i["text"] for d in digest for i in d["items"] if i["kind"] == "post"}
    assert covered_day in posts and posts[covered_day].endswith(", covering for Mikko Mäkelä")
    assert uncovered_day not in posts  # mikko is away then too, but nobody was named to cover it
    covered = feedback_of("leena")
    assert mikkos <= set(covered)
    assert all(covered[i].endswith(", covering for Mikko Mäkelä") for i in mikkos)
    assert all(feedback_of("leena", "fi")[i].endswith(", sijaisena henkilölle Mikko Mäkelä") for i in mikkos)
    assert mikkos <= set(feedback_of("mikko"))
    later = run(
        "digest",
        "--format",
        "json",
        "--for",
        "leena",
        *aino,
        env={"PLANNER_NOW": "2026-12-02 10:00"},
        check=0,
    )
    assert not mikkos & {i["id"] for d in json.loads(later.stdout) for i in d["items"]}  # mikko is back


def short_weekday(day: dt.date, lang: str) -> str:
    return ("ma", "ti", "ke", "to", "pe", "la", "su")[day.weekday()] if lang == "fi" else f"{day:%a}"


def test_send_mails_each_person_their_digest_and_names_a_refused_one(
    run: Run, city: Path, smtp: tuple[Inbox, int]
) -> None:
    inbox, port = smtp
    run(
        "org",
        "set",
        "--smtp",
        f"127.0.0.1:{port}",
        "--mail-from",
        "some@jarvela.fi",
        "--data",
        str(city),
        "--user",
        "aino",
        check=0,
    )
    expected = {d["email"] for d in json.loads(run("digest", "--format", "json", "--data", str(city)).stdout)}
    done = run(
        "digest", "--send", "--lang", "fi", "--data", str(city), "--user", "aino", check=1
    )  # leena's address is refused
    assert len(done.stderr.strip().splitlines()) == 1
    # the server's own reply quoted, the rest in Finnish (it was "SMTPRecipientsRefused: {…}")
    said = "leena: koontia ei lähetetty (palvelin ei ottanut vastaan osoitetta leena.lehtinen@jarvela.fi: 550"
    assert done.stderr.startswith(said) and "SMTP" not in done.stderr
    received = {mail["To"] for mail in inbox.mails}
    assert received == expected - {"leena.lehtinen@jarvela.fi"}
    mail = next(m for m in inbox.mails if m["To"] == "aino.aaltonen@jarvela.fi")
    subject = str(email.header.make_header(email.header.decode_header(mail["Subject"])))
    assert mail["From"] == "some@jarvela.fi" and "päivän tehtävät" in subject
    parts = {
        part.get_content_type(): part.get_payload(decode=True).decode("utf-8")
        for part in mail.walk()
        if not part.is_multipart()
    }
    assert "MYÖHÄSSÄ" in parts["text/plain"] and "<li>" in parts["text/html"]
    # the fields every mail must carry (RFC 5322): when it was written, in the organization's time
    # with its offset, and an id of its own under the sender's domain
    assert email.utils.parsedate_to_datetime(mail["Date"]) == dt.datetime(
        2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Europe/Helsinki")
    )
    assert mail["Date"].endswith("+0200")
    ids = [m["Message-ID"] for m in inbox.mails]
    assert all(i.startswith("<") and i.endswith("@jarvela.fi>") for i in ids) and len(set(ids)) == len(ids)


def test_a_server_that_does_not_answer_is_a_timeout_not_a_hang(run: Run, city: Path) -> None:
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(5)  # accepts, and never says a word
    port = silent.getsockname()[1]
    try:
        run(
            "org",
            "set",
            "--smtp",
            f"127.0.0.1:{port}",
            "--mail-from",
            "some@jarvela.fi",
            "--data",
            str(city),
            "--user",
            "aino",
            check=0,
        )
        done = run(
            "digest",
            "--send",
            "--for",
            "aino",
            "--data",
            str(city),
            "--user",
            "aino",
            "--lang",
            "fi",
            env={"PLANNER_SMTP_TIMEOUT": "1.5"},
            check=1,
        )
        assert (
            done.stderr == "aino: koontia ei lähetetty (aikakatkaisu: palvelin ei vastannut 1,5 sekunnissa)\n"
        )
    finally:
        silent.close()


def test_a_server_that_refuses_the_connection_is_said_in_finnish(run: Run, city: Path) -> None:
    """It was "ConnectionRefusedError: [Errno 111] Connection refused" inside the Finnish line."""
    port = free_port()  # nothing listens there
    setting = ("--smtp", f"127.0.0.1:{port}", "--mail-from", "some@jarvela.fi")
    run("org", "set", *setting, "--data", str(city), "--user", "aino", check=0)
    args = ("digest", "--send", "--for", "aino", "--data", str(city), "--user", "aino")
    said = run(*args, "--lang", "fi", check=1).stderr
    assert said == "aino: koontia ei lähetetty (yhteys palvelimeen: yhteyttä ei otettu vastaan)\n"
    assert "Connection refused" in run(*args, "--lang", "en", check=1).stderr


def test_without_a_mail_server_send_is_one_line_exit_2(run: Run, city: Path) -> None:
    done = run("digest", "--send", "--data", str(city), "--user", "aino", check=2)
    assert "--smtp" in done.stderr
    run("digest", "--send", "--data", str(city), check=2)  # who sends it is named (the audit log says)


def test_a_rerun_after_a_failure_mails_only_those_it_did_not_reach(
    run: Run, city: Path, smtp: tuple[Inbox, int]
) -> None:
    inbox, port = smtp
    setting = ("--smtp", f"127.0.0.1:{port}", "--mail-from", "some@jarvela.fi")
    run("org", "set", *setting, "--data", str(city), "--user", "aino", check=0)
    run("digest", "--send", "--data", str(city), "--user", "aino", check=1)  # leena refused
    first = len(inbox.mails)
    inbox.refuse = ""  # her mailbox works again
    again = run("digest", "--send", "--data", str(city), "--user", "aino", check=0)
    assert [m["To"] for m in inbox.mails[first:]] == ["leena.lehtinen@jarvela.fi"]
    assert "already sent today: aino" in again.stdout
    run("audit", "verify", "--data", str(city), check=0)


def test_a_video_whose_subtitles_parse_is_not_said_to_lack_them(run: Run, city: Path) -> None:
    """The digest judges a draft as `check` does, its subtitle files read: it said "Subtitles" of
    every video of a draft, since it judged without reading them."""
    aino = ("--data", str(city), "--user", "aino")
    post_id = run(
        "post",
        "add",
        "--account",
        "youtube-jarvela-tv",
        "--at",
        "2026-12-03 09:00",
        "--text",
        "Joulutervehdys #järvelä",
        "--media",
        "vid-tervehdys",
        "--owner",
        "mikko",
        *aino,
        check=0,
    ).stdout.strip()
    checked = json.loads(run("check", "--format", "json", "--from", "2026-12-03", *aino, check=None).stdout)
    assert {f["rule"] for f in checked["findings"] if f["post"] == post_id} == set()
    found = json.loads(run("digest", "--format", "json", "--for", "mikko", *aino, check=0).stdout)
    said = [i["text"] for i in found[0]["items"] if i["id"] == post_id]
    assert said == [
        "Thu 3 Dec 09:00 Joulutervehdys #järvelä (youtube-jarvela-tv): checks pass, mark it ready"
    ]


def test_a_post_marked_ready_that_has_come_to_fail_is_in_its_owners_digest(run: Run, city: Path) -> None:
    """A crisis hold (or a consent withdrawn) makes a scheduled post fail: `check` calls it
    blocking, but it was in nobody's digest, and would have gone out as it was."""
    aino = ("--data", str(city), "--user", "aino")
    coming = json.loads(
        run(
            "post", "list", "--from", "2026-12-01", "--to", "2026-12-08", "--format", "json", *aino, check=0
        ).stdout
    )
    post = next(p for p in coming if p["status"] == "scheduled" and p["kind"] == "news")

    def posts_of(owner: str) -> dict[str, str]:
        found = json.loads(run("digest", "--format", "json", "--for", owner, *aino, check=0).stdout)
        return {i["id"]: i["text"] for d in found for i in d["items"] if i["kind"] == "post"}

    marked = {p["id"] for p in coming if p["status"] in ("ready", "scheduled")}
    assert not marked & set(posts_of(post["owner"]))  # passing, marked ready: nothing to do
    run("crisis", "start", "--reason", "Myrsky", "--account", post["account"], *aino, check=0)
    said = posts_of(post["owner"])[post["id"]]
    assert f"({post['account']}): scheduled but fails: " in said
