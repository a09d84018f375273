"""The fixed choices a record's fields take (platforms, roles, statuses, kinds, library filters):
plain tuples in a module of their own, so the command line can offer them as choices without
importing the model."""

from __future__ import annotations

PLATFORMS = (
    "facebook",
    "instagram",
    "x",
    "linkedin",
    "youtube",
    "tiktok",
    "threads",
    "bluesky",
    "mastodon",
    "blog",
    "other",
)
ROLES = ("admin", "producer", "expert", "auditor")
WRITING_ROLES = ("admin", "producer", "expert")  # who may write posts, and so hold a duty
ACCOUNT_STATUSES = ("active", "paused", "closed")
ABSENCE_KINDS = ("vacation", "sick", "training", "other")
ASSET_KINDS = ("image", "video")
PEOPLE_SHOWN = ("none", "crowd", "identifiable", "unknown")
RIGHTS = ("own", "licensed", "cc", "unknown")
POST_KINDS = ("news", "event", "announcement", "crisis", "marketing", "recruitment", "other")
POST_STATUSES = ("draft", "ready", "scheduled", "published", "cancelled")
FILTERS = ("all", "no_alt", "no_subtitles", "no_permission", "location", "unused")  # the library's views
FEEDBACK_KINDS = ("comment", "message", "mention", "review", "email", "other")
FEEDBACK_STATUSES = ("open", "answered", "forwarded", "closed")
CLOSE_REASONS = ("no-reply-needed", "spam", "removed")
REPLY_DAYS = ("working", "calendar")
INCIDENT_CATEGORIES = ("targeting", "threat", "defamation", "privacy", "hate", "spam", "other")
INCIDENT_TARGETS = ("organization", "employee", "elected", "other")
INCIDENT_ACTIONS = (
    "supervisor",
    "communications",
    "platform-report",
    "removed",
    "police",
    "support",
    "other",
)
INCIDENT_STATUSES = ("open", "closed")
