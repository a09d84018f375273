"""Campaigns: each with its period, the hashtags its posts must carry and the posts in it; admins
add and change them."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult

from planner.domain.model import Campaign
from planner.i18n import fmt_date
from planner.services import campaigns
from planner.ui.actions import bindings
from planner.ui.base import PlannerScreen
from planner.ui.dialogs.campaign_form import CampaignForm
from planner.ui.widgets.key_bar import KeyBar
from planner.ui.widgets.plain import DataTable, Static
from planner.ui.widgets.post_card import account_tags


class CampaignsScreen(PlannerScreen[None]):
    SCOPE = "campaigns"
    BINDINGS = bindings("campaigns")

    def compose(self) -> ComposeResult:
        yield Static(id="campaigns-title")
        yield DataTable(id="campaigns", cursor_type="row", zebra_stripes=True)
        yield Static(id="campaign-posts")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#campaigns", DataTable)
        for key in ("name", "period", "hashtags", "posts"):
            table.add_column(self.planner.tr(f"ui.camp_col.{key}"), key=key)
        self.refresh_campaigns()
        table.focus()

    def on_screen_resume(self) -> None:
        self.planner.reload()
        self.call_after_refresh(self.refresh_campaigns)

    def refresh_campaigns(self) -> None:
        app = self.planner
        ws = app.ws
        title = Text(app.tr("ui.campaigns_title"), style="bold")
        title.append("  " + app.tr("ui.campaigns_count", count=len(ws.campaigns)))
        self.query_one("#campaigns-title", Static).update(title)
        table = self.query_one("#campaigns", DataTable)
        row = table.cursor_row
        table.clear()
        ordered = sorted(ws.campaigns.values(), key=lambda c: (c.start or c.end or app.now().date(), c.id))
        for campaign in ordered:
            count = len(campaigns.posts_of(ws, campaign.id))
            table.add_row(
                campaign.name,
                self._period(campaign),
                " ".join(campaign.hashtags),
                app.tr("cli.campaign_posts", count=count),
                key=campaign.id,
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        self.show_posts()

    def _period(self, campaign: Campaign) -> str:
        lang = self.planner.lang
        first = fmt_date(campaign.start, lang) if campaign.start else ""
        last = fmt_date(campaign.end, lang) if campaign.end else ""
        return f"{first}–{last}"

    def _campaign(self) -> Campaign | None:
        table = self.query_one("#campaigns", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.planner.ws.campaigns.get(key or "")

    @on(DataTable.RowHighlighted, "#campaigns")
    def show_posts(self) -> None:
        app = self.planner
        box = self.query_one("#campaign-posts", Static)
        campaign = self._campaign()
        if campaign is None:
            box.update(app.tr("ui.campaigns_none"))
            return
        posts = campaigns.posts_of(app.ws, campaign.id)
        text = Text(app.tr("ui.campaign_posts_of", campaign=campaign.name) + "\n", style="bold")
        if not posts:
            text.append(app.tr("ui.campaign_no_posts"), style="dim")
        # the account by its tag, as on the week: its whole id took 28 of 80 columns (a post a
        # line: app.tcss cuts a long title at the edge)
        tags = account_tags(app.ws.accounts, {post.account for post in posts})
        wide = max((cell_len(tag) for tag in tags.values()), default=0)
        for post in posts:
            when = fmt_date(post.publish_at, app.lang) if post.publish_at else app.tr("cli.unscheduled")
            text.append(f"{when:<20} ", style="dim")
            tag = tags[post.account]
            text.append(
                f"{tag}{' ' * (wide - cell_len(tag))}  {app.tr('status.' + post.status):<10} {post.label()}\n"
            )
        box.update(text)

    def action_new_campaign(self) -> None:
        app = self.planner
        if not app.may_change_team("action.campaign_write"):
            return

        def submit(data: tuple[str, campaigns.CampaignChange]) -> Campaign:
            return campaigns.add_campaign(app.session, data[0], data[1])

        app.push_screen(CampaignForm(None, submit), self._saved)

    def action_edit_campaign(self) -> None:
        app = self.planner
        campaign = self._campaign()
        if campaign is None or not app.may_change_team("action.campaign_write"):
            return

        def submit(data: tuple[str, campaigns.CampaignChange]) -> Campaign:
            return campaigns.edit_campaign(app.session, campaign.id, data[1])

        app.push_screen(CampaignForm(campaign, submit), self._saved)

    def _saved(self, saved: object) -> None:
        if isinstance(saved, Campaign):
            self.planner.notify(self.planner.tr("cli.campaign_saved", campaign=saved.id))

    def action_back(self) -> None:
        self.dismiss(None)
