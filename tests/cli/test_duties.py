"""Who may hold a duty (SPEC): owners, producers and deputies, of accounts and of absences, are people
who may write. An auditor or a retired person named in one is refused at every entry, and a duty
held by someone who cannot write never covers a day, in the rules, in `coverage` and in the lists
of candidates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from planner.domain.check import run_check
from planner.domain.rules import Context
from planner.domain.team import coverage_report, deputy_candidates
from planner.storage.workspace import WorkspaceStore
from tests.conftest import Run, fingerprint, write_doc
from tests.helpers import NOW, base_doc, workspace_of

D = dt.date
ACCOUNT = "instagram-ylojarvi"
DATA_USER = ("--user", "a1")


def _doc_with_auditor_deputy() -> dict[str, Any]:
    """The owner p1 is away all week; the only one left to cover is the auditor t1, as the
    absence's deputy and as a deputy of the account (a workspace written before the rule)."""
    doc = base_doc()
    doc["accounts"][0]["deputies"] = ["t1"]
    doc["absences"].append(
        {"id": "a-0001", "person": "p1", "from": "2026-11-30", "to": "2026-12-06", "deputy": "t1"}
    )
    return doc


def _context(doc: dict[str, Any]) -> Context:
    return Context(workspace_of(doc), NOW, D(2026, 11, 30), D(2026, 12, 6))


def test_an_auditor_as_deputy_never_covers_a_day_in_the_rules() -> None:
    report = run_check(_context(_doc_with_auditor_deputy()))
    gaps = report.accounts[ACCOUNT]["account.coverage"]
    assert [(f.date, f.until) for f in gaps] == [(D(2026, 11, 30), D(2026, 12, 4))]
    (owner,) = report.posts["p-0001"]["post.owner_available"]
    assert owner.key == "post.owner_available.absent"


def test_an_auditor_who_owns_a_post_does_not_cover_it() -> None:
    doc = base_doc()
    doc["posts"][0]["owner"] = "t1"
    (owner,) = run_check(_context(doc)).posts["p-0001"]["post.owner_available"]
    assert owner.key == "post.owner_available.reader"


def test_a_producer_deputy_does_cover() -> None:
    doc = _doc_with_auditor_deputy()
    doc["accounts"][0]["deputies"] = ["p2"]
    doc["absences"][0]["deputy"] = "p2"
    report = run_check(_context(doc))
    assert report.accounts[ACCOUNT]["account.coverage"] == []
    assert report.posts["p-0001"]["post.owner_available"] == ()


def test_coverage_and_candidates_leave_the_auditor_out() -> None:
    ws = workspace_of(_doc_with_auditor_deputy())
    (gap,) = coverage_report(ws, [ws.accounts[ACCOUNT]], D(2026, 11, 30), D(2026, 12, 6), {})
    assert "t1" not in [c.person for c in gap.candidates]
    assert "t1" in gap.gap.absent  # named as one who cannot cover
    assert "t1" not in [c.person for c in deputy_candidates(ws, ws.absences["a-0001"])]


def test_the_coverage_command_reports_the_gap(run: Run, tmp_path: Path) -> None:
    store = WorkspaceStore(tmp_path / "ws")
    store.create()
    ws = workspace_of(_doc_with_auditor_deputy())
    with store.transaction("test", lambda _: "2026-12-01T10:00") as unit:  # as an older workspace holds it
        unit.set_organization(ws.organization)
        for kind in ("people", "accounts", "absences", "campaigns", "consents", "posts"):
            for entity in getattr(ws, kind).values():
                unit.put(kind, entity)
    done = run(
        "coverage",
        "--from",
        "2026-11-30",
        "--to",
        "2026-12-06",
        "--format",
        "json",
        "--data",
        str(store.root),
        check=1,
    )
    (gap,) = json.loads(done.stdout)
    assert (gap["from"], gap["to"]) == ("2026-11-30", "2026-12-04") and "t1" not in gap["candidates"]


@pytest.mark.parametrize(
    "args",
    [
        ("deputy", "assign", "ABSENCE", "t1"),
        ("absence", "add", "p1", "--from", "2027-01-04", "--to", "2027-01-08", "--deputy", "t1"),
        ("deputy", "assign", "ABSENCE", "gone"),
        ("person", "retire", "p2", "--successor", "t1"),
    ],
    ids=["assign-auditor", "absence-with-auditor", "assign-retired", "auditor-successor"],
)
def test_naming_a_reader_or_a_retired_person_in_a_duty_is_refused(
    run: Run, workspace: Path, args: tuple[str, ...]
) -> None:
    data = ("--data", str(workspace))
    run(
        "person",
        "add",
        "gone",
        "--name",
        "Lähtenyt",
        "--email",
        "gone@ylojarvi.fi",
        "--role",
        "producer",
        *DATA_USER,
        *data,
        check=0,
    )
    run("person", "retire", "gone", "--from", "2026-11-01", *DATA_USER, *data, check=0)
    absence = run(
        "absence", "add", "p1", "--from", "2026-12-07", "--to", "2026-12-11", *DATA_USER, *data, check=0
    ).stdout.split()[0]
    before = fingerprint(workspace)
    done = run(*[absence if a == "ABSENCE" else a for a in args], *DATA_USER, *data, check=2)
    assert done.stderr.count("\n") == 1 and "cannot" in done.stderr
    assert fingerprint(workspace) == before


@pytest.mark.parametrize(
    ("where", "change"),
    [
        ("accounts", {"owners": ["t1"]}),
        ("accounts", {"producers": ["t1"]}),
        ("accounts", {"deputies": ["t1"]}),
        ("absences", {"deputy": "t1"}),
        ("accounts", {"deputies": ["gone"]}),
    ],
)
def test_an_import_naming_a_reader_in_a_duty_is_refused_whole(
    run: Run, tmp_path: Path, where: str, change: dict[str, Any]
) -> None:
    doc = base_doc()
    doc["assets"] = []  # the document names no media files here
    doc["people"].append(
        {
            "id": "gone",
            "name": "Lähtenyt",
            "email": "gone@ylojarvi.fi",
            "roles": ["producer"],
            "retired": "2026-11-01",
        }
    )
    if where == "absences":
        doc["absences"].append({"id": "a-1", "person": "p1", "from": "2026-12-07", "to": "2026-12-11"})
    doc[where][0].update(change)
    root = tmp_path / "new"
    done = run("import", str(write_doc(tmp_path / "doc.json", doc)), "--data", str(root), check=2)
    assert done.stderr.count("\n") == 1 and f"{where}[0]" in done.stderr
    assert not root.exists()  # nothing half-imported
