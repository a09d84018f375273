"""Texts of the organization, the account register, campaigns and spreadsheet imports, in Finnish
and English: messages, the register's column titles and the command line's help."""

from __future__ import annotations

from planner.i18n.help import DATE_EN, DATE_FI

REGISTER_TEXTS: dict[str, dict[str, str]] = {
    "action.account_write": {"fi": "muuttaa tilejä", "en": "change accounts"},
    "action.campaign_write": {"fi": "muuttaa kampanjoita", "en": "change campaigns"},
    "cli.org_saved": {"fi": "Organisaation tiedot tallennettu.", "en": "The organization is saved."},
    "cli.account_saved": {
        "fi": "Tili {account} tallennettu (versio {revision}).",
        "en": "Account {account} saved (revision {revision}).",
    },
    "cli.account_unchanged": {
        "fi": "Tili {account}: ei muutettavaa (versio {revision}).",
        "en": "Account {account}: nothing to change (revision {revision}).",
    },
    "cli.account_now_inactive": {
        "fi": "Tili {account} ei ole enää käytössä {count} {count|tulevan julkaisun|tulevan julkaisun} "
        "aikaan; {count|se ei|ne eivät} läpäise tarkistusta post.account_active:",
        "en": "Account {account} is no longer active when {count} coming {count|post is|posts are} due; "
        "{count|it fails|they fail} post.account_active:",
    },
    "cli.accounts_imported": {
        "fi": "{count} {count|tili|tiliä} lisätty, {updated} {updated|muutettu|muutettu}, "
        "{known} jo ajan tasalla.",
        "en": "{count} {count|account|accounts} added, {updated} changed, {known} already up to date.",
    },
    "cli.posts_imported": {
        "fi": "{count} {count|luonnos|luonnosta} lisätty, {updated} {updated|julkaisu|julkaisua} muutettu, {known} jo kalenterissa.",
        "en": "{count} {count|draft|drafts} added, {updated} {updated|post|posts} changed, {known} already in the calendar.",
    },
    "cli.sheet_skipped": {
        "fi": "Ohitettu {count} {count|sarake|saraketta}, joita tuonti ei lue: {columns}",
        "en": "Skipped {count} {count|column|columns} the import does not read: {columns}",
    },
    "cli.no_accounts": {
        "fi": "Ei tilejä. Lisää ensimmäinen: planner account add --platform P --name NIMI",
        "en": "No accounts. Add the first: planner account add --platform P --name NAME",
    },
    "cli.no_campaigns": {"fi": "Ei kampanjoita.", "en": "No campaigns."},
    "cli.campaign_posts": {
        "fi": "{count} {count|julkaisu|julkaisua}",
        "en": "{count} {count|post|posts}",
    },
    "cli.campaign_saved": {"fi": "Kampanja {campaign} tallennettu.", "en": "Campaign {campaign} saved."},
    "err.sheet_header": {
        "fi": "{file}: otsikkorivistä puuttuu {columns} (sarakkeiden nimet saavat olla suomeksi tai englanniksi).",
        "en": "{file}: the header row has no {columns} (the columns may be named in Finnish or English).",
    },
    "err.sheet_broken": {
        "fi": "{file} ei ole luettava Excel-tiedosto ({reason}).",
        "en": "{file} is not a readable Excel file ({reason}).",
    },
    "err.sheet_too_long": {
        "fi": "{file}: yli {limit} riviä; tämä ei ole tilirekisteri eikä sisältösuunnitelma.",
        "en": "{file}: over {limit} rows; this is no account register or content plan.",
    },
    "err.sheet_twice": {
        "fi": "tili {value} on jo rivillä {line}.",
        "en": "account {value} is already on row {line}.",
    },
    "err.sheet_ambiguous": {
        "fi": "{field}: «{value}» sopii useaan: {matches}; käytä tunnistetta.",
        "en": "{field}: «{value}» matches several: {matches}; use the id.",
    },
    "ui.org.name": {"fi": "Nimi", "en": "Name"},
    "ui.org.website": {"fi": "Verkkosivusto", "en": "Website"},
    "ui.org.required_hashtags": {"fi": "Pakolliset aihetunnisteet", "en": "Required hashtags"},
    "ui.org.languages": {"fi": "Kielet", "en": "Languages"},
    "ui.org.cadence_per_week": {"fi": "Julkaisuja viikossa", "en": "Posts a week"},
    "ui.org.timezone": {"fi": "Aikavyöhyke", "en": "Time zone"},
    "ui.org.holiday_country": {"fi": "Pyhäpäivät", "en": "Public holidays"},
    "doc.register_title": {"fi": "Tilirekisteri – {org}", "en": "Account register – {org}"},
    "doc.register_public_title": {
        "fi": "Viralliset sosiaalisen median tilit – {org}",
        "en": "Official social media accounts – {org}",
    },
    "doc.reg_more": {"fi": "{message} (ja {count} muuta)", "en": "{message} (and {count} more)"},
    "doc.register_made": {"fi": "Laadittu {at}, laatija {by}", "en": "Made {at} by {by}"},
}

REGISTER_COLUMNS: dict[str, dict[str, str]] = {
    f"doc.reg.{column}": {"fi": fi, "en": en}
    for column, fi, en in (
        ("account", "Tunniste", "Id"),
        ("platform", "Alusta", "Platform"),
        ("name", "Nimi", "Name"),
        ("url", "Osoite", "Address"),
        ("unit", "Yksikkö", "Unit"),
        ("status", "Tila", "Status"),
        ("starts", "Alkaa", "Starts"),
        ("ends", "Päättyy", "Ends"),
        ("admins", "Pääkäyttäjät", "Admins"),
        ("owners", "Vastuuhenkilöt", "Owners"),
        ("producers", "Sisällöntuottajat", "Producers"),
        ("deputies", "Sijaiset", "Deputies"),
        ("login_email", "Kirjautumisosoite", "Login e-mail"),
        ("two_factor", "Kaksivaiheinen tunnistus", "Two-factor"),
        ("password_changed", "Salasana vaihdettu", "Password changed"),
        ("password_days", "Päiviä salasanan vaihdosta", "Days since password change"),
        ("listed_on_website", "Verkkosivujen listalla", "Listed on website"),
        ("links_to_website", "Linkki verkkosivuille", "Links to website"),
        ("last_published_at", "Viimeksi julkaistu", "Last published"),
        ("last_published_post", "Viimeisin julkaisu", "Last post"),
        ("purpose", "Tarkoitus", "Purpose"),
        ("decided_by", "Avaamisesta päätti", "Opening decided by"),
        ("decided_on", "Päätetty", "Decided on"),
        ("told_on", "Ilmoitettu viestintään", "Communications told"),
        ("errors", "Virheitä", "Errors"),
        ("warnings", "Varoituksia", "Warnings"),
        ("findings", "Havainnot", "Findings"),
    )
}

REGISTER_HELP: dict[str, dict[str, str]] = {
    "help.cmd.org": {"fi": "organisaation tiedot", "en": "the organization"},
    "help.cmd.org_show": {"fi": "näytä organisaation tiedot", "en": "show the organization"},
    "help.cmd.org_set": {
        "fi": "muuta organisaation tietoja (pääkäyttäjä); antamatta jätetty kenttä pysyy ennallaan",
        "en": "change the organization (admins); a field not given stays as it is",
    },
    "help.org.cadence": {
        "fi": "julkaisuja viikossa tiliä kohden (oletus 1)",
        "en": "posts a week per account (default 1)",
    },
    "help.org.languages": {
        "fi": "julkaisujen kielet pilkuin, ensimmäinen oletus (fi,sv)",
        "en": "the languages of posts separated by commas, the first the default (fi,sv)",
    },
    "help.cmd.account": {"fi": "tilirekisteri", "en": "the account register"},
    "help.cmd.account_add": {
        "fi": "lisää tili (pääkäyttäjä); tulostaa sen tunnisteen (alustan ja nimen mukaan)",
        "en": "add an account (admins); prints its id (from platform and name)",
    },
    "help.cmd.account_edit": {
        "fi": "muuta tiliä (pääkäyttäjä); lista-asetus korvaa tallennetun listan, antamatta jätetty pysyy; "
        "sulkeminen listaa julkaisut, jotka eivät enää läpäise tarkistusta",
        "en": "change an account (admins); a list option replaces the stored list, one not given stays; "
        "closing it lists the posts that no longer pass",
    },
    "help.cmd.account_list": {"fi": "listaa tilit", "en": "list accounts"},
    "help.cmd.account_import": {
        "fi": "tuo tilirekisteri taulukosta (.xlsx tai .csv)",
        "en": "import the account register from a spreadsheet (.xlsx or .csv)",
    },
    "help.cmd.account_import.long": {
        "fi": "Tuo tilirekisteri taulukosta: Excelin ensimmäinen välilehti tai CSV (; , tai sarkain; UTF-8 "
        "tai Windows-1252). Otsikkorivi suomeksi tai englanniksi: alusta, nimi, osoite, yksikkö, "
        "kirjautumisosoite, pääkäyttäjät, vastuuhenkilöt, sisällöntuottajat, sijaiset (tunnus tai "
        "sähköposti, pilkuin), tahti. Yksikin virheellinen rivi hylkää koko tiedoston; saman tiedoston "
        "uusi tuonti ei lisää mitään kahdesti. Tyhjä solu jättää kentän ennalleen.",
        "en": "Import the account register from a spreadsheet: the first sheet of an Excel file or a CSV "
        "(; , or tab; UTF-8 or Windows-1252). A header row in Finnish or English: platform, name, url, "
        "unit, login_email, admins, owners, producers, deputies (id or e-mail, separated by commas), "
        "cadence. One bad row refuses the whole file; importing it again adds nothing twice. An empty "
        "cell leaves its field as it is.",
    },
    "help.cmd.post_import": {
        "fi": "tuo sisältösuunnitelma taulukosta luonnoksiksi",
        "en": "import a content plan from a spreadsheet as drafts",
    },
    "help.cmd.post_import.long": {
        "fi": "Tuo sisältösuunnitelma taulukosta (.xlsx tai .csv) luonnoksiksi. Sarakkeet: tili, päivä "
        "(14.6.2027 tai 2027-06-14), aika (9.00; ilman aikaa klo 9.00), teksti, otsikko, laji, "
        "vastuuhenkilö (tunnus tai sähköposti), kuvat (median tunnisteet), kampanja. Rivi, joka on jo "
        "kalenterissa (sama tili, aika ja teksti), ohitetaan.",
        "en": "Import a content plan from a spreadsheet (.xlsx or .csv) as drafts. Columns: account, date "
        "(2027-06-14 or 14.6.2027), time (9:00; without one, 9:00), text, title, kind, owner (id or "
        "e-mail), media (asset ids), campaign. A row already in the calendar (same account, time and "
        "text) is skipped.",
    },
    "help.sheet.file": {"fi": "taulukkotiedosto (.xlsx tai .csv)", "en": "the spreadsheet (.xlsx or .csv)"},
    "help.account.id": {"fi": "tilin tunniste", "en": "the account's id"},
    "help.account.id_new": {
        "fi": "tunniste (oletus: alustan ja nimen lyhenne, esim. facebook-jarvelan-kirjasto)",
        "en": "the id (default: a slug of platform and name, e.g. facebook-jarvela-library)",
    },
    "help.account.platform": {"fi": "alusta", "en": "the platform"},
    "help.account.name": {"fi": "tilin nimi", "en": "the account's name"},
    "help.account.url": {"fi": "tilin osoite (https://…)", "en": "the account's address (https://…)"},
    "help.account.unit": {"fi": "vastuuyksikkö", "en": "the unit responsible"},
    "help.account.login_email": {
        "fi": "kirjautumisen sähköposti (mieluiten rooliosoite, esim. kirjasto@kunta.fi)",
        "en": "the login e-mail (preferably a role address, e.g. library@town.fi)",
    },
    "help.account.admins": {"fi": "pääkäyttäjät (henkilöiden tunnisteet)", "en": "admins (people's ids)"},
    "help.account.owners": {
        "fi": "vastuulliset päivittäjät (voivat kirjoittaa: pääkäyttäjä, tuottaja tai asiantuntija)",
        "en": "owners (must be able to write: admin, producer or expert)",
    },
    "help.account.producers": {"fi": "sisällöntuottajat", "en": "producers"},
    "help.account.deputies": {"fi": "sijaiset", "en": "deputies"},
    "help.account.cadence": {
        "fi": "julkaisuja viikossa (org = organisaation tahti)",
        "en": "posts a week (org = the organization's cadence)",
    },
    "help.account.hashtag": {
        "fi": "tilin omat pakolliset aihetunnisteet (organisaation lisäksi)",
        "en": "the account's own required hashtags (besides the organization's)",
    },
    "help.account.starts": {
        "fi": f"voimassa alkaen ({DATE_FI}; tyhjä poistaa)",
        "en": f"valid from ({DATE_EN}; empty clears)",
    },
    "help.account.ends": {
        "fi": f"voimassa asti ({DATE_FI}; tyhjä poistaa)",
        "en": f"valid until ({DATE_EN}; empty clears)",
    },
    "help.account.purpose": {"fi": "tilin tarkoitus", "en": "what the account is for"},
    "help.account.decided_by": {
        "fi": "kuka päätti tilin avaamisesta",
        "en": "who decided to open the account",
    },
    "help.account.decided_on": {
        "fi": f"milloin päätettiin ({DATE_FI})",
        "en": f"when it was decided ({DATE_EN})",
    },
    "help.account.told_on": {
        "fi": f"milloin viestinnälle ilmoitettiin ({DATE_FI})",
        "en": f"when communications was told ({DATE_EN})",
    },
    "help.account.status": {"fi": "tila (closed sulkee tilin)", "en": "the status (closed closes it)"},
    "help.account.two_factor": {
        "fi": "kaksivaiheinen tunnistus käytössä",
        "en": "two-factor authentication on",
    },
    "help.account.password_changed": {
        "fi": f"salasana vaihdettu ({DATE_FI}, myös today/tänään)",
        "en": f"password changed ({DATE_EN}, or today)",
    },
    "help.account.listed": {"fi": "listattu kunnan verkkosivuilla", "en": "listed on the website"},
    "help.account.links_back": {
        "fi": "tililtä linkki verkkosivuille",
        "en": "the account links to the website",
    },
    "help.account.review": {
        "fi": "julkaisu vaatii toisen hyväksynnän ennen valmista (post approve)",
        "en": "a post needs a second approval before ready (post approve)",
    },
    "help.cmd.campaign": {"fi": "kampanjat", "en": "campaigns"},
    "help.cmd.campaign_add": {
        "fi": "lisää kampanja (pääkäyttäjä); tulostaa sen tunnisteen",
        "en": "add a campaign (admins); prints its id",
    },
    "help.cmd.campaign_edit": {"fi": "muuta kampanjaa (pääkäyttäjä)", "en": "change a campaign (admins)"},
    "help.cmd.campaign_list": {
        "fi": "listaa kampanjat ja niiden julkaisut",
        "en": "list campaigns and their posts",
    },
    "help.campaign.id": {"fi": "kampanjan tunniste", "en": "the campaign's id"},
    "help.campaign.id_new": {"fi": "tunniste (oletus nimen mukaan)", "en": "the id (default from the name)"},
    "help.campaign.name": {"fi": "kampanjan nimi", "en": "the campaign's name"},
    "help.campaign.from": {"fi": f"alkaa ({DATE_FI})", "en": f"starts ({DATE_EN})"},
    "help.campaign.to": {"fi": f"päättyy ({DATE_FI})", "en": f"ends ({DATE_EN})"},
    "help.campaign.hashtag": {
        "fi": "kampanjan julkaisujen pakolliset aihetunnisteet",
        "en": "hashtags its posts must carry",
    },
    "help.cmd.export_register": {
        "fi": "tilirekisteri tai julkinen tililista",
        "en": "the account register or the public list",
    },
    "help.cmd.export_register.long": {
        "fi": "Tilirekisteri viestintäjohdolle: tilit, päivitysoikeudet nimin, kirjautuminen, salasanan ikä, "
        "viimeisin julkaisu ja tilitarkistusten havainnot. --public antaa vain kunnan verkkosivuille "
        "kuuluvan listan: käytössä olevien tilien nimi, alusta ja osoite.",
        "en": "The account register for the communications manager: accounts, update rights by name, login, "
        "password age, last post and the account checks' findings. --public gives only the list for the "
        "city's web page: the active accounts' name, platform and address.",
    },
    "help.export.public": {
        "fi": "vain julkinen lista (käytössä olevat tilit: nimi, alusta, osoite)",
        "en": "only the public list (active accounts: name, platform, address)",
    },
}

_ACCOUNT_FIELDS = (
    ("id", "Tunniste", "Id"),
    ("id_hint", "tyhjä: alustan ja nimen mukaan", "empty: from platform and name"),
    ("platform", "Alusta", "Platform"),
    ("name", "Nimi", "Name"),
    ("url", "Osoite", "Address"),
    ("unit", "Yksikkö", "Unit"),
    ("login_email", "Kirjautuminen", "Login e-mail"),
    ("status", "Tila", "Status"),
    ("admins", "Pääkäyttäjät", "Admins"),
    ("owners", "Vastuuhenkilöt", "Owners"),
    ("producers", "Sisällöntuottajat", "Producers"),
    ("deputies", "Sijaiset", "Deputies"),
    ("cadence", "Tahti / vk", "Posts a week"),
    ("hashtags", "Aihetunnisteet", "Hashtags"),
    ("valid", "Voimassa", "Valid"),
    ("starts", "Alkaa", "Starts"),
    ("ends", "Päättyy", "Ends"),
    ("two_factor", "Kaksivaiheinen", "Two-factor"),
    ("password_changed", "Salasana vaihdettu", "Password changed"),
    ("listed", "Verkkosivuilla", "Listed on website"),
    ("links_back", "Linkki sivuille", "Links back"),
    ("review", "Toinen hyväksyjä", "Second approval"),
    ("purpose", "Tarkoitus", "Purpose"),
    ("decided", "Avaamisesta päätti", "Opening decided"),
    ("decided_by", "Päätti", "Decided by"),
    ("decided_on", "Päätetty", "Decided on"),
    ("told_on", "Viestinnälle ilm.", "Comms told"),
)

UI_REGISTER_TEXTS: dict[str, dict[str, str]] = {
    **{f"ui.acc.{key}": {"fi": fi, "en": en} for key, fi, en in _ACCOUNT_FIELDS},
    "ui.acc.left_out": {
        "fi": "Ei voi hoitaa tehtävää, jätetään pois: {people}",
        "en": "Cannot hold the duty, left out: {people}",
    },
    "ui.reg_col.name": {"fi": "Tili", "en": "Account"},
    "ui.reg_col.platform": {"fi": "Alusta", "en": "Platform"},
    "ui.reg_col.status": {"fi": "Tila", "en": "Status"},
    "ui.reg_col.owners": {"fi": "Vastuuhenkilöt", "en": "Owners"},
    "ui.reg_col.findings": {"fi": "Tarkistus", "en": "Checks"},
    "ui.accounts_title": {"fi": "Tilirekisteri", "en": "Account register"},
    "ui.accounts_count": {"fi": "{count} {count|tili|tiliä}", "en": "{count} {count|account|accounts}"},
    "ui.accounts_none": {
        "fi": "Ei vielä tilejä. Lisää ensimmäinen: n (pääkäyttäjä).",
        "en": "No accounts yet. Add the first: n (admins).",
    },
    "ui.account_new": {"fi": "Uusi tili", "en": "New account"},
    "ui.account_edit": {"fi": "Muokkaa tiliä {account}", "en": "Edit account {account}"},
    "ui.password_recorded": {
        "fi": "Tilin {account} salasanan vaihto kirjattu tälle päivälle.",
        "en": "The password change of {account} is recorded for today.",
    },
    "ui.close_account": {
        "fi": "Suljetaanko tili {account}? {count} {count|tuleva julkaisu ei|tulevaa julkaisua eivät} "
        "enää läpäise tarkistusta:",
        "en": "Close the account {account}? {count} coming {count|post|posts} will no longer pass:",
    },
    "ui.and_more": {"fi": "ja {count} muuta", "en": "and {count} more"},
    "ui.yes_close": {"fi": "Sulje tili", "en": "Close it"},
    "ui.camp_col.name": {"fi": "Kampanja", "en": "Campaign"},
    "ui.camp_col.period": {"fi": "Aika", "en": "Period"},
    "ui.camp_col.hashtags": {"fi": "Aihetunnisteet", "en": "Hashtags"},
    "ui.camp_col.posts": {"fi": "Julkaisuja", "en": "Posts"},
    "ui.campaigns_title": {"fi": "Kampanjat", "en": "Campaigns"},
    "ui.campaigns_count": {
        "fi": "{count} {count|kampanja|kampanjaa}",
        "en": "{count} {count|campaign|campaigns}",
    },
    "ui.campaigns_none": {
        "fi": "Ei kampanjoita. Lisää: n (pääkäyttäjä).",
        "en": "No campaigns. Add one: n (admins).",
    },
    "ui.campaign_posts_of": {"fi": "Kampanjan {campaign} julkaisut", "en": "The posts of {campaign}"},
    "ui.campaign_no_posts": {"fi": "Ei vielä julkaisuja.", "en": "No posts yet."},
    "ui.campaign_new": {"fi": "Uusi kampanja", "en": "New campaign"},
    "ui.campaign_edit": {"fi": "Muokkaa kampanjaa {campaign}", "en": "Edit campaign {campaign}"},
    "ui.org_title": {"fi": "Organisaatio", "en": "The organization"},
    "ui.org_hint": {
        "fi": "Aihetunnisteet välilyönnein, kielet pilkuin (ensimmäinen on oletus).",
        "en": "Hashtags separated by spaces, languages by commas (the first is the default).",
    },
    "ui.export_what": {"fi": "Sisältö", "en": "Content"},
    "ui.export_what.checklist": {"fi": "Valmiuslista", "en": "Readiness checklist"},
    "ui.export_what.register": {"fi": "Tilirekisteri", "en": "Account register"},
    "ui.export_what.public": {"fi": "Julkinen tililista", "en": "Public list of accounts"},
    "ui.export_what.results": {"fi": "Tulosraportti", "en": "Results report"},
    "ui.export_what.feedback": {"fi": "Palauteraportti", "en": "Feedback report"},
    "ui.export_what.incidents": {"fi": "Häirintäloki", "en": "Harassment log"},
    "ui.guide.title": {"fi": "Aloitetaan", "en": "Getting started"},
    "ui.guide.intro": {
        "fi": "Työtila ei ole vielä valmis. Tee nämä järjestyksessä; jokaisen voi tehdä myös komentoriviltä.",
        "en": "The workspace is not set up yet. Take these steps in order; each can also be done on the "
        "command line.",
    },
    "ui.guide.organization": {
        "fi": "Organisaation nimi, verkkosivusto ja pakolliset aihetunnisteet",
        "en": "The organization's name, website and required hashtags",
    },
    "ui.guide.organization.cli": {
        "fi": 'planner org set --name "Järvelän kaupunki" --website https://www.jarvela.fi --hashtag järvelä',
        "en": 'planner org set --name "Town of Järvelä" --website https://www.jarvela.fi --hashtag järvelä',
    },
    "ui.guide.admin": {"fi": "Ensimmäinen pääkäyttäjä", "en": "The first admin"},
    "ui.guide.admin.cli": {
        "fi": 'planner person add aino --name "Aino Ahonen" --email aino@jarvela.fi --role admin',
        "en": 'planner person add aino --name "Aino Ahonen" --email aino@jarvela.fi --role admin',
    },
    "ui.guide.second_admin": {
        "fi": "Toinen pääkäyttäjä: jokaisella tilillä on oltava kaksi ylläpitäjää, ja joku hoitaa asiat ensimmäisen poissa ollessa",
        "en": "A second admin: every account needs two maintainers, and someone acts while the first is away",
    },
    "ui.guide.second_admin.cli": {
        "fi": 'planner person add eero --name "Eero Eskola" --email eero@jarvela.fi --role admin --user aino',
        "en": 'planner person add eero --name "Eero Eskola" --email eero@jarvela.fi --role admin --user aino',
    },
    "ui.guide.people": {
        "fi": "Sisällöntuottajat: lisää henkilöt tiimiin (p, sitten n) tai tuo henkilölista (p, sitten I)",
        "en": "The producers: add the people to the team (p, then n), or import the list (p, then I)",
    },
    "ui.guide.people.cli": {
        "fi": 'planner person add pia --name "Pia Pulkkinen" --email pia@jarvela.fi --role producer --user aino',
        "en": 'planner person add pia --name "Pia Pulkkinen" --email pia@jarvela.fi --role producer --user aino',
    },
    "ui.guide.campaign": {
        "fi": "Kampanja, johon julkaisut kootaan (esim. kesätapahtumat)",
        "en": "A campaign to gather posts under (summer events, say)",
    },
    "ui.guide.campaign.cli": {
        "fi": 'planner campaign add --id kesa --name "Kesä 2027" --from 1.6.2027 --to 31.8.2027 --user aino',
        "en": 'planner campaign add --id summer --name "Summer 2027" --from 2027-06-01 --to 2027-08-31 --user aino',
    },
    "ui.guide.first_post": {
        "fi": "Ensimmäinen julkaisu: viikkonäkymässä n, ja tarkistuslista kertoo, mitä puuttuu",
        "en": "The first post: n in the week, and the checklist says what is missing",
    },
    "ui.guide.first_post.cli": {
        "fi": 'planner post add --account fb-kaupunki --at "ma 14.6.2027 9.00" --text "Hei #järvelä" --user pia',
        "en": 'planner post add --account fb-city --at "2027-06-14 09:00" --text "Hello #järvelä" --user pia',
    },
    "ui.guide.optional": {"fi": "(voi tehdä myöhemmin)", "en": "(may wait)"},
    "ui.guide.ready": {
        "fi": "Työtila on valmis käyttöön. Esc vie viikkonäkymään.",
        "en": "The workspace is ready to use. Esc goes to the week.",
    },
    "ui.guide.accounts": {
        "fi": "Tilit ja niiden ylläpitäjät (tai tuo tilirekisteri taulukosta)",
        "en": "The accounts and who runs them (or import the register from a spreadsheet)",
    },
    "ui.guide.accounts.cli": {
        "fi": "planner account import tilirekisteri.xlsx --user aino",
        "en": "planner account import register.xlsx --user aino",
    },
    "ui.guide.more": {
        "fi": "Esc: viikkonäkymään · ?: kaikki näppäimet · README: ”Oman työtilan aloitus”",
        "en": "Esc: to the week · ?: every key · README: “Starting your own”",
    },
}
