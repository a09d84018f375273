"""What the views and the rules read of one account's posts, worked out at once (the week index,
the undated posts, the posts counted toward the cadence by week): storage keeps it with the
account file's records between runs (storage/parse_cache), so a start does not gather it again
from every post of the workspace."""

from __future__ import annotations

from planner.domain.rules.accounts import counted_of
from planner.domain.workspace import Posts


def gather(view: Posts) -> Posts:
    """`view`, with what is read of it already kept on it (`Posts.derived`)."""
    view.by_week()
    view.undated()
    counted_of(view).by_week()
    return view
