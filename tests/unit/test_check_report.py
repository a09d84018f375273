"""A check's report made from the findings kept in the index: every finding back as it was judged,
each rule's findings in the order they were judged, however many one rule has."""

from __future__ import annotations

import datetime as dt
import json

from planner.domain.check import Finding
from planner.services.checks import Part, _finding, _finding_row, _part, _report, _stored


def _cadence(account: str, monday: dt.date) -> Finding:
    return Finding(
        "account.cadence",
        "error",
        True,
        account,
        None,
        None,
        monday,
        None,
        "account.cadence.short",
        {"done": 0, "required": 1, "week": monday},
    )


def test_a_kept_finding_reads_back_as_it_was_judged() -> None:
    judged = Finding(
        "media.permission",
        "error",
        False,
        "facebook-x",
        "p-1",
        "draft",
        dt.date(2027, 6, 14),
        dt.date(2027, 6, 20),
        "media.permission.missing",
        {"asset": "img-1", "people": ("a", "b"), "at": dt.datetime(2027, 6, 14, 9, 0)},
        "img-1",
    )
    row = json.loads(json.dumps(_finding_row(judged)))  # as the index stores it
    assert _finding(row, {}) == judged


def test_every_finding_of_one_rule_is_in_the_report_in_the_order_judged() -> None:
    first = dt.date(2026, 1, 5)
    weeks = [_cadence("blog-1", first + dt.timedelta(weeks=n)) for n in range(3000)]
    kept = json.loads(json.dumps(_stored(Part("blog-1", [], weeks))))  # as the index stores it
    report = _report([_part(kept, {})], first, weeks[-1].date or first)
    assert list(report.accounts["blog-1"]["account.cadence"]) == weeks
    assert report.accounts["blog-1"]["account.coverage"] == ()
    assert report.summary()["errors"] == 3000
