"""The post editor: fields on the left, the live checklist and image preview on the right."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, TextArea

from planner.domain.dates import parse_moment
from planner.domain.errors import Conflict, DataError, PlannerError
from planner.domain.model import POST_KINDS, Asset, Post
from planner.i18n import number
from planner.i18n.dates import typed_moment
from planner.services import editing, posts
from planner.services.previews import preview_rows, preview_stamp
from planner.ui.actions import bindings
from planner.ui.base import PlannerScreen
from planner.ui.dialogs.form import field_row, labelled
from planner.ui.dialogs.media_picker import asset_line
from planner.ui.dialogs.pick import Pick
from planner.ui.steps import life_lines
from planner.ui.widgets.after_publishing import AfterPublishing
from planner.ui.widgets.checklist import ChecklistPanel
from planner.ui.widgets.choice import Choice, Options
from planner.ui.widgets.image_preview import ImagePreview
from planner.ui.widgets.key_bar import KeyBar
from planner.ui.widgets.plain import Label, Static
from planner.ui.widgets.post_text import PostText

NONE = ""
FIELD_LABELS = {  # the service's names of the editor's fields (form.labelled)
    name: f"ui.field.{name}" for name in ("publish_at", "text", "title", "kind", "owner", "campaign", "media")
}


class EditorScreen(PlannerScreen[None]):
    SCOPE = "editor"
    BINDINGS = bindings("editor")
    # No focus of Textual's own: `_ready` focuses the text without scrolling, and the form is then
    # scrolled to the text with its label (Textual's focus scrolled the text alone, animated, after).
    AUTO_FOCUS = ""

    def __init__(
        self, post_id: str | None, default_day: dt.date | None = None, *, in_background: bool = False
    ) -> None:
        super().__init__()
        self.in_background = in_background  # made before any post is opened (the kept editor)
        self.post_id = post_id
        self.default_day = default_day
        self.media: tuple[str, ...] = ()
        self.revision: int | None = None  # the stored revision the form was filled from
        self.loaded: dict[str, object] = {}  # the form's fields as they were filled
        self._refreshed: tuple[Post, object, dt.datetime] | None = None  # what the panels last showed
        self._scroll_when_shown = False  # refilled before it was laid out at this size (`reopen`)
        self._laid_out_for: object = None  # the terminal's size when it was last shown
        self._restyle_unless_same = False  # refilled: the restyle of its showing may be skipped
        self._styled_for: tuple[frozenset[str], ...] = ()  # the app's styling when last restyled

    # Layout -----------------------------------------------------------------------------

    def saved_post(self) -> Post:
        """The post as stored, or a fresh draft for a new one."""
        app = self.planner
        if self.post_id and self.post_id in app.ws.posts:
            return app.ws.posts[self.post_id]
        accounts = app.account_filter.accounts(app.ws) or sorted(app.ws.accounts.values(), key=lambda a: a.id)
        user = app.session.user
        return editing.new_draft(app.ws, accounts, app.now(), self.default_day, user, self.post_id or "new")

    def compose(self) -> ComposeResult:
        app = self.planner
        if not self.in_background:  # made to be shown: what is stored now, not what the app saw
            app.reload_if_changed()  # (in the background, the screen shown would be left behind)
        post = self.saved_post()
        self.revision = post.revision if self.post_id else None  # of what the form is filled with
        self.media = post.media
        accounts, people, campaigns = self._options()
        kinds = [(app.tr(f"post_kind.{k}"), k) for k in POST_KINDS]
        when = typed_moment(post.publish_at, app.lang) if post.publish_at else ""
        yield Static(id="editor-title")
        with Horizontal(id="editor"):
            with VerticalScroll(id="editor-form"):
                yield from field_row(
                    app.tr("ui.field.account"),
                    Choice(
                        accounts,
                        post.account,
                        title=app.tr("ui.field.account"),
                        allow_blank=False,
                        id="account",
                    ),
                )
                yield from field_row(
                    app.tr("ui.field.publish_at"),
                    Input(when, placeholder=app.tr("ui.time_placeholder"), compact=True, id="publish-at"),
                )
                none = app.tr("ui.none")
                kind = Choice(kinds, post.kind, title=app.tr("ui.field.kind"), allow_blank=False, id="kind")
                owner = Choice(people, post.owner, title=app.tr("ui.field.owner"), prompt=none, id="owner")
                campaign = Choice(
                    campaigns, post.campaign, title=app.tr("ui.field.campaign"), prompt=none, id="campaign"
                )
                yield from field_row(app.tr("ui.field.kind"), kind)
                yield from field_row(app.tr("ui.field.owner"), owner)
                yield from field_row(app.tr("ui.field.campaign"), campaign)
                yield from field_row(app.tr("ui.field.title"), Input(post.title, compact=True, id="title"))
                with Vertical(classes="text-field"):
                    yield Label(app.tr("ui.field.text"), classes="text-label")
                    yield PostText(post.text, id="text", compact=True, soft_wrap=True)
                yield Static(id="meter")
                yield Static(id="tags")
                yield Label(app.tr("ui.field.media"), classes="section")
                yield Static(id="media")
            with Vertical(id="editor-side"):
                yield ImagePreview(id="preview")
                with VerticalScroll(id="checklist-scroll"):
                    yield Label(app.tr("ui.checklist"), classes="section")
                    yield ChecklistPanel(app.lang, id="checklist")
                    yield AfterPublishing(id="after-publishing")
        yield KeyBar()

    def _options(self) -> tuple[Options, Options, Options]:
        """What the account, owner and campaign fields offer: the workspace's as it is now."""
        ws = self.planner.ws
        accounts = [(a.id, a.id) for a in sorted(ws.accounts.values(), key=lambda a: a.id)]
        people = [
            (f"{p.name or p.id} ({p.id})", p.id) for p in sorted(ws.people.values(), key=lambda p: p.id)
        ]
        campaigns = [(c.name or c.id, c.id) for c in ws.campaigns.values()]
        return accounts, people, campaigns

    def on_mount(self) -> None:
        if not self.app.is_running:  # made in the background as the app quit: no fields came
            return
        # The form scrolls, but is not a stop of its own for Tab: focus on it showed nowhere.
        self.query_one("#editor-form", VerticalScroll).can_focus = False
        self._styled_for = self._app_styling()  # styled as it was mounted
        self._ready()
        self.call_after_refresh(self._scroll_to_text)  # with its label, as a refilled editor shows it

    def _ready(self) -> None:
        """The form as just opened: filled from the stored post, read-only for a reader, the text
        focused, the panels drawn."""
        self.loaded = self.draft_fields()
        reader = self.planner.is_reader()  # an auditor reads the post and its checklist, changing nothing
        self.query_one("#text", TextArea).read_only = reader
        for field in self.query("#editor-form Input, #editor-form Choice"):
            field.disabled = reader
        self.set_focus(self.query_one("#text", TextArea), scroll_visible=False)  # scrolled by _scroll_to_text
        self.refresh_checks()
        app = self.planner
        self.query_one(AfterPublishing).show(app.ws, self.post_id, app.lang, app.now().date())

    def reopen(self, post_id: str | None, default_day: dt.date | None = None) -> None:
        """Show another post (or a new one) in this editor, as if it had just been made for it: the
        app keeps one editor and refills it, since making one (its widgets mounted and styled) is
        most of what opening a post takes. Nothing of the last post stays:
        its fields, media, undo history, scroll and what the panels last showed."""
        app = self.planner
        app.reload_if_changed()
        self.post_id, self.default_day = post_id, default_day
        post = self.saved_post()
        self.revision = post.revision if post_id else None
        self.media = post.media
        for selector, options in zip(("#account", "#owner", "#campaign"), self._options(), strict=True):
            choice = self.query_one(selector, Choice)
            choice.options = options
            choice.refresh()
        self._show(post)
        text = self.query_one("#text", TextArea)
        for scroll in (*self.query(VerticalScroll), text):
            scroll.scroll_home(animate=False, immediate=True)
        self._restyle_unless_same = True
        if self._laid_out_for == self.app.size:
            self._scroll_to_text()
        else:  # never shown, or at another size of the terminal: scrolled once laid out again
            self._scroll_when_shown = True
        self._ready()

    def _app_styling(self) -> tuple[frozenset[str], ...]:
        """What the app contributes to this screen's styles, besides the stylesheet (which Textual
        applies to every mounted screen when it changes): its classes (narrow, short) and pseudo
        classes (the theme's dark or light, focus)."""
        app = self.app
        return frozenset(app.classes), frozenset(app.get_pseudo_classes())

    def update_node_styles(self, animate: bool = True) -> None:
        """Textual restyles a screen, every widget of it, each time it is shown (much of a
        refilled editor's opening); the kept editor's own widgets restyle themselves as they
        change, so once it has been shown it is restyled again only when the app's part of its
        styles has changed."""
        if self._restyle_unless_same and self._app_styling() == self._styled_for:
            self._restyle_unless_same = False
            return
        self._restyle_unless_same = False
        self._styled_for = self._app_styling()
        super().update_node_styles(animate=animate)

    def on_screen_suspend(self) -> None:
        self._laid_out_for = self.app.size  # as it was last shown
        if self not in self.app.screen_stack:  # closed, kept: not holding on to a snapshot replaced
            self._refreshed = None  # by a reload meanwhile (a metro's is 100 MB)

    def on_screen_resume(self) -> None:
        if self._scroll_when_shown:
            self._scroll_when_shown = False
            self.call_after_refresh(self._scroll_to_text)

    def _scroll_to_text(self) -> None:
        """The form scrolled to its text and label, fresh or refilled alike: the fields above it are
        a line each, so the last post's layout places it."""
        region = self.query_one(".text-field", Vertical).virtual_region
        self.query_one("#editor-form", VerticalScroll).scroll_to_region(
            region, animate=False, center=True, origin_visible=True, immediate=True
        )

    def writable(self) -> bool:
        """May this user change the post? Told why not at once (the service checks again)."""
        return self.planner.may_write("action.post_edit")

    # The post as it stands in the form -----------------------------------------------------

    def _value(self, selector: str) -> str | None:
        value = self.query_one(selector, Choice).value
        return value if isinstance(value, str) and value else None

    def draft(self) -> Post:
        """The post as the form shows it; an unreadable time counts as no time (and is flagged)."""
        saved = self.saved_post()
        publish_at = self._typed_time(quiet=True)
        return replace(
            saved,
            account=self._value("#account") or saved.account,
            publish_at=publish_at,
            kind=self._value("#kind") or saved.kind,
            owner=self._value("#owner"),
            campaign=self._value("#campaign"),
            title=self.query_one("#title", Input).value,
            text=self.query_one("#text", TextArea).text,
            media=self.media,
        )

    def _typed_time(self, quiet: bool = False) -> dt.datetime | None:
        """The publish time as typed (`14.6.2027 9.00`, `2027-06-14 09:00`); one that does not read
        is no time while typing (the checklist says so), and an error, named by its field, on save."""
        app = self.planner
        text = self.query_one("#publish-at", Input).value.strip()
        if not text:
            return None
        try:
            return parse_moment(text, app.tr("ui.field.publish_at"), app.now().date())
        except DataError:
            if quiet:
                return None
            raise

    def is_dirty(self) -> bool:
        if self.post_id is None:
            draft = self.draft()
            return bool(draft.text.strip() or draft.title.strip() or draft.media)
        return self.draft_fields() != self.loaded

    @on(TextArea.Changed)
    @on(Input.Changed)
    @on(Choice.Changed)
    def refresh_checks(self) -> None:
        """The title, meter, tags, media, preview and checklist for the post as the form has it: made
        again only when the draft, the workspace snapshot or the minute differ from the last time
        (opening a post sent five Changed events for one and the same form)."""
        app = self.planner
        post = self.draft()
        ws = app.ws
        now = app.now()
        last = self._refreshed
        if last is not None and last[0] == post and last[1] is ws and last[2] == now:
            return
        self._refreshed = (post, ws, now)
        title = (
            app.tr("ui.editor.new")
            if self.post_id is None
            else app.tr("ui.editor.title", post=post.id, status=app.tr("status." + post.status))
        )
        heading = Text(title, style="bold")
        for note in life_lines(post, app):
            heading.append("  · " + note, style="italic")
        if app.is_reader():
            heading.append("  · " + app.tr("ui.reader_mode"), style="yellow")
        self.query_one("#editor-title", Static).update(heading)
        shown = editing.panel(ws, app.session.store.assets, now, post)
        meter = shown.meter
        key = "ui.meter" if meter.limit is not None else "ui.meter_nolimit"
        self.query_one("#meter", Static).update(
            Text(
                app.tr(key, length=number(meter.length, app.lang), limit=number(meter.limit, app.lang)),
                style="bold red" if meter.over else "",
            )
        )
        tags = shown.tags
        line = Text(app.tr("ui.tags", tags=" ".join(tags.present) or app.tr("ui.none")))
        if tags.missing:
            line.append("  " + app.tr("ui.tags_missing", tags=" ".join(tags.missing)), style="bold red")
        for found in tags.problems:  # a hidden character or a lookalike letter inside a tag
            line.append(
                "\n⚠ " + app.tr(f"note.tag_{found.kind}", tag=found.shown, detail=found.detail),
                style="yellow",
            )
        self.query_one("#tags", Static).update(line)
        self.query_one("#media", Static).update(
            Text(
                "\n".join(asset_line(ws.assets[a], app.lang, post.lang) for a in post.media if a in ws.assets)
            )
            or app.tr("ui.none")
        )
        self._show_preview(post)
        self.query_one(ChecklistPanel).show(shown.results)

    def _show_preview(self, post: Post) -> None:
        """The first image's preview (drawn again only for another image or version of its file)."""
        images = [self.planner.ws.assets[a] for a in post.media if a in self.planner.ws.assets]
        image = next((a for a in images if a.kind == "image"), None)
        assets = self.planner.session.store.assets
        load = functools.partial(preview_rows, assets, image) if image else None
        drawn = preview_stamp(assets, image) if image else None
        self.query_one(ImagePreview).show_once(drawn, load, self.planner.lang)

    # Actions ----------------------------------------------------------------------------

    def save(self) -> Post | None:
        """Write the form through the same services as the command line; None when refused."""
        app = self.planner
        post = self.draft()
        try:
            when = self._typed_time()
            if self.post_id is None:
                new = posts.NewPost(
                    account=post.account,
                    at=when,
                    text=post.text,
                    media=post.media,
                    owner=post.owner,
                    kind=post.kind,
                    title=post.title,
                    campaign=post.campaign,
                    lang=post.lang,
                )
                saved = posts.add_post(app.session, new)
                self.post_id = saved.id
            else:
                change = posts.PostEdit(
                    text=post.text,
                    at=when,
                    unschedule=when is None,
                    account=post.account,
                    media=post.media,
                    owner=post.owner or "",
                    kind=post.kind,
                    title=post.title,
                    campaign=post.campaign or "",
                    revision=self.revision,
                )
                saved = posts.edit_post(app.session, self.post_id, change)
        except Conflict as conflict:
            self._resolve(conflict, post)
            return None
        except PlannerError as error:
            app.notify(labelled(error, FIELD_LABELS, app.tr, app.lang), severity="error", timeout=8)
            return None
        self.revision = saved.revision
        self.loaded = self.draft_fields()
        app.reload()
        self.refresh_checks()
        return saved

    def _resolve(self, conflict: Conflict, mine: Post) -> None:
        """Someone saved first: show both versions; reload theirs, keep mine, or keep editing."""
        from planner.ui.dialogs.conflict import KEEP_MINE, RELOAD, ConflictScreen

        app = self.planner
        theirs = conflict.theirs
        assert isinstance(theirs, Post)

        def chosen(choice: str | None) -> None:
            if choice == RELOAD:
                app.reload()
                self.fill(app.ws.posts.get(theirs.id, theirs))
                app.notify(app.tr("ui.conflict_reloaded", post=theirs.id))
            elif choice == KEEP_MINE:
                self.revision = theirs.revision  # knowingly over theirs; the audit log keeps both
                self.action_save()

        app.push_screen(ConflictScreen(mine, theirs, app.lang), chosen)

    def on_outside_change(self) -> None:
        """The workspace changed elsewhere: an untouched form shows the new version; a form with
        changes keeps them, and saving will show both versions."""
        app = self.planner
        stored = app.ws.posts.get(self.post_id or "")
        if stored is None or stored.revision == self.revision:
            self.refresh_checks()
            return
        if not self.is_dirty():
            self.fill(stored)
        else:
            app.notify(app.tr("ui.changed_elsewhere", post=stored.id), severity="warning", timeout=8)

    def draft_fields(self) -> dict[str, object]:
        """The fields the form edits, as a document: what "unsaved changes" compares."""
        draft = self.draft().to_dict()
        return {
            name: draft[name]
            for name in ("account", "publish_at", "kind", "owner", "campaign", "title", "text", "media")
        }

    def fill(self, post: Post) -> None:
        """Show `post` in the form, as stored."""
        self.revision = post.revision
        self.media = post.media
        self._show(post)
        self.loaded = self.draft_fields()
        self.refresh_checks()

    def _show(self, post: Post) -> None:
        """Put `post`'s fields in the form."""
        self.query_one("#account", Choice).value = post.account
        when = typed_moment(post.publish_at, self.planner.lang) if post.publish_at else ""
        self.query_one("#publish-at", Input).value = when
        self.query_one("#kind", Choice).value = post.kind
        self.query_one("#owner", Choice).value = post.owner or None
        self.query_one("#campaign", Choice).value = post.campaign or None
        self.query_one("#title", Input).value = post.title
        self.query_one("#text", TextArea).text = post.text

    def action_save(self) -> None:
        if not self.writable():
            return
        saved = self.save()
        if saved is not None:
            self.app.notify(self.planner.tr("ui.saved", post=saved.id))

    # A post's steps -------------------------------------------------------------------------

    def action_take_step(self, step: str) -> None:
        """A post's step (ui/steps.py; the actions table names it): what is typed is saved first,
        then the step is taken on the stored post."""
        from planner.ui.steps import take_step

        app = self.planner
        if not self.writable():
            return
        if self.is_dirty() and self.save() is None:
            return
        if self.post_id is None or self.post_id not in app.ws.posts:
            return
        take_step(app, step, app.ws.posts[self.post_id], self._stepped)

    def _stepped(self, post: Post | None) -> None:
        if post is not None and post.id == self.post_id:
            self.fill(post)

    def action_attach(self) -> None:
        from planner.ui.dialogs.media_picker import media_picker

        app = self.planner
        if not self.writable():
            return
        choices = [a for a in sorted(app.ws.assets.values(), key=lambda a: a.id) if a.id not in self.media]

        def attach(asset_id: str | None) -> None:
            if asset_id:
                self.media = (*self.media, asset_id)
                self.refresh_checks()

        app.push_screen(media_picker(choices, app.lang, self.draft().lang), attach)

    def action_detach(self) -> None:
        if self.writable() and self.media:
            self.media = self.media[:-1]
            self.refresh_checks()

    def _with_image(self, then: Callable[[Asset], None]) -> None:
        """Run `then` on the post's image (the one picked, when there are several)."""
        app = self.planner
        if not self.writable():
            return
        images = [
            app.ws.assets[a] for a in self.media if a in app.ws.assets and app.ws.assets[a].kind == "image"
        ]
        if not images:
            app.notify(app.tr("ui.no_image"), severity="warning")
            return
        if len(images) == 1:
            then(images[0])
            return
        choices = [(a.id, asset_line(a, app.lang, self.draft().lang)) for a in images]

        def picked(asset_id: str | None) -> None:
            if asset_id:
                then(app.ws.assets[asset_id])

        app.push_screen(Pick(app.tr("ui.pick_image"), choices, wide=True), picked)

    def action_alt_text(self) -> None:
        from planner.ui.dialogs.asset_forms import edit_alt_text

        lang = self.draft().lang
        self._with_image(lambda asset: edit_alt_text(self.planner, asset, lang, self.refresh_checks))

    def action_link_consent(self) -> None:
        from planner.ui.dialogs.asset_forms import link_consent

        self._with_image(lambda asset: link_consent(self.planner, asset, self.refresh_checks))

    def action_back(self) -> None:
        from planner.ui.dialogs.confirm import Confirm

        if not self.is_dirty():
            self.dismiss(None)
            return
        app = self.planner

        def leave(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        app.push_screen(
            Confirm(app.tr("ui.confirm_leave"), app.tr("ui.yes_discard"), app.tr("ui.no_stay")), leave
        )
