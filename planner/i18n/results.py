"""Texts about goals, the platforms' figures and the results report, in Finnish and English."""

from __future__ import annotations

RESULTS_HELP: dict[str, dict[str, str]] = {
    "help.cmd.goal": {"fi": "tilien tavoitteet", "en": "the accounts' goals"},
    "help.cmd.goal_set": {"fi": "aseta tilin tavoite (pääkäyttäjät)", "en": "set an account's goal (admins)"},
    "help.cmd.goal_set.long": {
        "fi": "Aseta tilille tavoite kuukaudelle, neljännekselle tai vuodelle: julkaisujen määrä, "
        "tavoittavuus, sitoutuminen tai ajallaan vastattujen palautteiden osuus (0–1 tai 90 %). "
        "Sama mittari ja jakso uudelleen korvaa tavoitteen.",
        "en": "Set an account's goal per month, quarter or year: posts published, reach, engagement or "
        "the share of feedback answered in time (0–1, or 90%). The same metric and period again "
        "replaces the goal.",
    },
    "help.cmd.goal_list": {"fi": "listaa tavoitteet", "en": "list the goals"},
    "help.goal.metric": {"fi": "mittari", "en": "the metric"},
    "help.goal.per": {"fi": "jakso", "en": "the period"},
    "help.goal.target": {"fi": "tavoite, esim. 12 tai 90 %", "en": "the target, e.g. 12 or 90%"},
    "help.goal.from": {"fi": "voimassa alkaen", "en": "in force from"},
    "help.goal.to": {"fi": "voimassa asti", "en": "in force until"},
    "help.cmd.metrics": {
        "fi": "julkaisujen luvut palveluiden vienneistä",
        "en": "posts' figures from the platforms' exports",
    },
    "help.cmd.metrics_import": {"fi": "tuo palvelun vientitiedosto", "en": "import a platform's export"},
    "help.cmd.metrics_import.long": {
        "fi": "Tuo Meta Business Suiten (Facebook, Instagram), YouTube Studion (Table data.csv tai sen "
        "ZIP), LinkedInin (XLSX) tai X:n julkaisukohtainen vienti. Rivi liitetään julkaistuun "
        "julkaisuun osoitteen perusteella; tuntemattomat rivit luetellaan, niitä ei arvata. Uudempi "
        "vienti korvaa julkaisun luvut.",
        "en": "Import a post-level export of Meta Business Suite (Facebook, Instagram), YouTube Studio "
        "(Table data.csv or its ZIP), LinkedIn (XLSX) or X. Each row is tied to a published post by "
        "its address; rows no post has are listed, never guessed. A newer export replaces a post's "
        "figures.",
    },
    "help.cmd.metrics_list": {"fi": "listaa julkaisujen luvut", "en": "list the posts' figures"},
    "help.metrics.file": {"fi": "vientitiedosto (CSV, XLSX tai ZIP)", "en": "the export (CSV, XLSX or ZIP)"},
    "help.metrics.account": {
        "fi": "vain tämän tilin julkaisut (tiedoston on oltava sen palvelun)",
        "en": "only this account's posts (the file must be of its platform)",
    },
    "help.cmd.report": {
        "fi": "tulosraportti tavoitteita vasten",
        "en": "the results report against the goals",
    },
    "help.cmd.report.long": {
        "fi": "Tilikohtaiset tulokset: julkaisut, tahdissa pysytyt viikot, tavoittavuus, katselut, "
        "sitoutuminen, ajallaan vastatut palautteet, häirintätapausten määrä ja tavoitteet. Oletus: "
        "edellinen kokonainen kuukausi.",
        "en": "Each account's results: posts published, weeks its cadence was kept, reach, views, "
        "engagement, feedback answered in time, the number of incidents and its goals. Default: the "
        "last full month.",
    },
}

RESULTS_TEXTS: dict[str, dict[str, str]] = {
    "results.title": {"fi": "Tulosraportti – {name}", "en": "Results – {name}"},
    "results.metric.posts": {"fi": "julkaisut", "en": "posts"},
    "results.metric.reach": {"fi": "tavoittavuus", "en": "reach"},
    "results.metric.engagement": {"fi": "sitoutuminen", "en": "engagement"},
    "results.metric.in_time_share": {"fi": "ajallaan vastattu", "en": "answered in time"},
    "results.per.month": {"fi": "kk", "en": "month"},
    "results.per.quarter": {"fi": "neljännes", "en": "quarter"},
    "results.per.year": {"fi": "vuosi", "en": "year"},
    "results.col.account": {"fi": "Tili", "en": "Account"},
    "results.col.published": {"fi": "Julkaisut", "en": "Published"},
    "results.col.cadence": {"fi": "Tahti (viikot)", "en": "Cadence (weeks)"},
    "results.col.cadence_weeks": {"fi": "Viikkoja tarkistettu", "en": "Weeks checked"},
    "results.col.cadence_met": {"fi": "Tahti pidetty (viikkoa)", "en": "Cadence kept (weeks)"},
    "results.col.reach": {"fi": "Tavoittavuus", "en": "Reach"},
    "results.col.views": {"fi": "Katselut", "en": "Views"},
    "results.col.engagement": {"fi": "Sitoutuminen", "en": "Engagement"},
    "results.col.in_time": {"fi": "Palaute ajallaan", "en": "Feedback in time"},
    "results.col.incidents": {"fi": "Häirintä", "en": "Incidents"},
    "results.figure.reach": {"fi": "tavoittavuus", "en": "reach"},
    "results.figure.views": {"fi": "katselut", "en": "views"},
    "results.goals": {"fi": "Tavoitteet", "en": "Goals"},
    "results.goal": {"fi": "Tavoite", "en": "Goal"},
    "results.period": {"fi": "Jakso", "en": "Period"},
    "results.target": {"fi": "Tavoitetaso", "en": "Target"},
    "results.actual": {"fi": "Toteuma", "en": "Actual"},
    "results.met": {"fi": "Saavutettu", "en": "Met"},
    "results.running": {"fi": "kesken", "en": "in progress"},
    "results.period_running": {"fi": "Kausi kesken", "en": "Period running"},
    "results.no_reach": {"fi": "ei lukuja", "en": "no figures"},
    "results.no_goals": {"fi": "Tilille ei ole asetettu tavoitteita.", "en": "No goals set for the account."},
    "results.best": {"fi": "Parhaat julkaisut (sitoutuminen)", "en": "Best posts (engagement)"},
    "results.chart_posts": {"fi": "Julkaisut viikoittain", "en": "Posts per week"},
    "results.chart_reach": {"fi": "Tavoittavuus viikoittain", "en": "Reach per week"},
    "results.cadence_line": {"fi": "tahti", "en": "cadence"},
    "results.sheet_accounts": {"fi": "Tilit", "en": "Accounts"},
    "results.sheet_goals": {"fi": "Tavoitteet", "en": "Goals"},
    "results.sheet_chart": {"fi": "Kaavio", "en": "Chart"},
    "cli.goal_saved": {"fi": "Tavoite {goal} tallennettu.", "en": "Goal {goal} saved."},
    "cli.goals_none": {"fi": "Ei tavoitteita.", "en": "No goals."},
    "note.goal_no_figure": {
        "fi": "Palvelun {platform} tilastoviennissä ei ole lukua, josta {metric} lasketaan (sen näyttökerrat "
        "luetaan katseluiksi), joten tavoite jää nollaan. Seuraa mieluummin julkaisuja tai sitoutumista.",
        "en": "{platform}'s exports give no figure for {metric} (their impressions count as views), so this "
        "goal stays at 0. Follow posts or engagement instead.",
    },
    "note.goal_no_export": {
        "fi": "Somekalenteri ei lue palvelun {platform} tilastovientejä, joten tavoite ({metric}) jää "
        "nollaan. Seuraa mieluummin julkaisuja.",
        "en": "Somekalenteri reads no export of {platform}'s figures, so this goal ({metric}) stays at 0. "
        "Follow posts instead.",
    },
    "cli.metrics_imported": {
        "fi": "{export}: {count} {count|julkaisun|julkaisun} luvut päivitetty, {same} ennallaan, {unmatched} {unmatched|rivi|riviä} ilman julkaisua.",
        "en": "{export}: figures of {count} {count|post|posts} updated, {same} unchanged, {unmatched} {unmatched|row|rows} with no post.",
    },
    "cli.metrics_unmatched": {
        "fi": "  rivi {line}: ei julkaistua julkaisua osoitteella {link}",
        "en": "  row {line}: no published post at {link}",
    },
    "note.address_shared": {
        "fi": "osoite {url} on kirjattu myös {count} muulle julkaisulle ({posts}), eikä palvelun viennin lukuja voi liittää yhteenkään niistä; tarkista osoite.",
        "en": "the address {url} is also recorded for {count} other {count|post|posts} ({posts}), so a platform export's figures can be tied to none of them; check the address.",
    },
    "cli.metrics_shared": {
        "fi": "  rivi {line}: osoite {link} on kirjattu usealle julkaisulle ({posts}), eikä riviä liitetty yhteenkään",
        "en": "  row {line}: the address {link} is recorded for several posts ({posts}), so the row is tied to none",
    },
    "cli.metrics_none": {"fi": "Ei tuotuja lukuja.", "en": "No figures imported."},
    "ui.results_title": {"fi": "Tulokset", "en": "Results"},
    "ui.results_period": {"fi": "{month} ja {quarter}", "en": "{month} and {quarter}"},
    "ui.results_figures": {
        "fi": "Luvut (tuotu {at}): tavoittavuus {reach}, katselut {views}, sitoutuminen {engagement}",
        "en": "Figures (imported {at}): reach {reach}, views {views}, engagement {engagement}",
    },
    "ui.results_reach_weeks": {"fi": "tavoittavuus viikoittain", "en": "reach per week"},
    "ui.goal_metric": {"fi": "Mittari", "en": "Metric"},
    "ui.goal_title": {"fi": "Tavoite: {account}", "en": "Goal: {account}"},
    "ui.goal_hint": {
        "fi": "Julkaisuja, tavoittavuutta tai sitoutumista kokonaislukuna; ajallaan vastattu prosentteina (90 %).",
        "en": "Posts, reach or engagement as a whole number; answered in time as a percentage (90%).",
    },
    "ui.results_none": {
        "fi": "Ei tuloksia näytetyillä tileillä.",
        "en": "No results for the accounts shown.",
    },
    "err.bad_target": {
        "fi": "tavoite «{value}» ei kelpaa mittarille {metric}: {expected}.",
        "en": "the target «{value}» is not valid for {metric}: {expected}.",
    },
    "target.count": {"fi": "kokonaisluku 0:sta ylöspäin", "en": "a whole number from 0"},
    "target.share": {"fi": "osuus 0–1 (tai 0–100 %)", "en": "a share 0–1 (or 0–100%)"},
    "err.bad_figure": {
        "fi": "{field}: {value} ei ole luku (kokonaisluku 0:sta ylöspäin).",
        "en": "{field}: {value} is not a figure (a whole number from 0).",
    },
    "err.export_unknown": {
        "fi": "{file}: ei tunnettu vienti (Meta Business Suite, YouTube Studio, LinkedIn tai X): sarakkeita ei tunnistettu.",
        "en": "{file}: not a known export (Meta Business Suite, YouTube Studio, LinkedIn or X): its columns are not recognised.",
    },
    "err.export_platform": {
        "fi": "{file} on {export} -vienti, mutta tili {account} on toisessa palvelussa.",
        "en": "{file} is a {export} export, but the account {account} is on another platform.",
    },
    "err.zip_broken": {
        "fi": "{file} ei ole luettava Excel-työkirja (.xlsx) eikä ZIP-paketti.",
        "en": "{file} is not a readable Excel workbook (.xlsx) or ZIP archive.",
    },
    "err.zip_too_many": {
        "fi": "{file}: ZIP hylättiin: siinä on liian monta tiedostoa.",
        "en": "{file}: the ZIP is refused: it holds too many files.",
    },
    "err.zip_path": {
        "fi": "{file}: ZIP hylättiin: sen tiedosto {name} osoittaa paketin ulkopuolelle.",
        "en": "{file}: the ZIP is refused: its file {name} names a path leaving it.",
    },
    "err.zip_bomb": {
        "fi": "{file}: ZIP hylättiin: se purkautuu liian suureksi.",
        "en": "{file}: the ZIP is refused: it unpacks to too much.",
    },
    "action.goal_write": {"fi": "asettaa tavoitteita", "en": "set goals"},
    "action.metrics_import": {"fi": "tuoda lukuja", "en": "import figures"},
}

PLAN_TEXTS: dict[str, dict[str, str]] = {
    "help.cmd.post_export": {
        "fi": "vie suunnitelma taulukoksi (CSV tai XLSX), jonka voi muokata ja tuoda takaisin",
        "en": "the plan to a sheet (CSV or XLSX) to edit and import back",
    },
    "help.cmd.post_export.long": {
        "fi": "Julkaisut sarakkeissa, jotka post import lukee, sekä tunnus (id) ja versio (revision). "
        "Muokattu tiedosto tuodaan takaisin komennolla post import: se muuttaa nimetyt julkaisut eikä "
        "lisää mitään kahdesti; jos jokin julkaisu on muuttunut viennin jälkeen, koko tiedosto hylätään.",
        "en": "The posts in the columns post import reads, with their id and revision. Import the edited "
        "file with post import: it changes the posts it names and adds nothing twice; if any of them "
        "changed since the export, the whole file is refused.",
    },
    "cli.plan_title": {"fi": "Sisältösuunnitelma – {name}", "en": "Content plan – {name}"},
    "err.post_changed": {
        "fi": "julkaisu {post} on muuttunut viennin jälkeen (vienti versiosta {revision}, nyt {now}): vie suunnitelma uudelleen.",
        "en": "the post {post} changed since the export (exported at revision {revision}, now {now}): export the plan again.",
    },
}

CONFIG_TEXTS: dict[str, dict[str, str]] = {
    "err.config": {
        "fi": "asetustiedosto {file} ei kelpaa: {reason}",
        "en": "the settings file {file} is not valid: {reason}",
    },
}

COMPLETION_TEXTS: dict[str, dict[str, str]] = {
    "help.cmd.completion": {
        "fi": "komentorivin täydennys (bash, zsh, fish)",
        "en": "shell completion (bash, zsh, fish)",
    },
    "help.cmd.completion.long": {
        "fi": "Tulostaa täydennysskriptin: komennot, alikomennot, valitsimet ja niiden vaihtoehdot sekä "
        "tilien ja henkilöiden tunnukset. Bash: planner completion bash > "
        "~/.local/share/bash-completion/completions/planner",
        "en": "Prints a completion script: commands, subcommands, options and their choices, and the ids "
        "of accounts and people. Bash: planner completion bash > "
        "~/.local/share/bash-completion/completions/planner",
    },
    "help.completion.shell": {"fi": "komentotulkki", "en": "the shell"},
}

REACH_TEXTS: dict[str, dict[str, str]] = {
    "help.cmd.feed": {
        "fi": "kalenteritilaukset (Outlook, Google)",
        "en": "calendar subscriptions (Outlook, Google)",
    },
    "help.cmd.feed.long": {
        "fi": "Henkilön salainen kalenteriosoite: planner serve vastaa osoitteessa /feed/TUNNUS.ics ilman "
        "kirjautumista, tilien julkaisut 30 päivää taaksepäin ja 180 eteenpäin. Tunnus näytetään kerran; "
        "työtila säilyttää vain sen tiivisteen.",
        "en": "A person's secret calendar address: planner serve answers /feed/TOKEN.ics without a "
        "sign-in, the accounts' posts from 30 days back to 180 ahead. The token is shown once; the "
        "workspace keeps only its hash.",
    },
    "help.cmd.feed_add": {
        "fi": "uusi kalenteriosoite henkilölle",
        "en": "a new calendar address for a person",
    },
    "help.cmd.feed_revoke": {
        "fi": "päätä henkilön kaikki kalenteriosoitteet",
        "en": "end every feed of a person",
    },
    "help.feed.account": {
        "fi": "vain nämä tilit (oletus: henkilön tilit)",
        "en": "only these accounts (default: the person's)",
    },
    "help.cmd.digest": {
        "fi": "päivän koonti: mitä kenenkin pitää tehdä",
        "en": "the digest: what each person has to do",
    },
    "help.cmd.digest.long": {
        "fi": "Kullekin henkilölle: seitsemän päivän julkaisut, jotka eivät ole valmiita, vastattavat palautteet, "
        "alkavat sijaisuudet, vanhenevat kuvausluvat ja käyttöoikeudet, vanhat salasanat ja viikon tahti. "
        "--send lähettää sähköpostit (org set --smtp).",
        "en": "For each person: posts of the next seven days that are not ready, feedback to answer, "
        "absences they cover, consents and licences running out, old passwords and the week's "
        "cadence. --send mails them (org set --smtp).",
    },
    "help.digest.for": {"fi": "vain nämä henkilöt", "en": "only these people"},
    "help.digest.send": {"fi": "lähetä sähköpostilla", "en": "send them by e-mail"},
    "help.org.smtp": {
        "fi": "koonnin sähköpostipalvelin host:portti (tyhjä poistaa)",
        "en": "the digest's mail server host:port (empty clears it)",
    },
    "help.org.mail_from": {"fi": "koonnin lähettäjäosoite", "en": "the digest's sender address"},
    "ui.org.smtp": {"fi": "Sähköpostipalvelin", "en": "Mail server"},
    "ui.org.mail_from": {"fi": "Lähettäjä", "en": "Mail from"},
    "cli.feed_added": {
        "fi": "Kalenteriosoite henkilölle {person} (näytetään vain nyt; tilaa se Outlookissa tai Googlessa):",
        "en": "A calendar address for {person} (shown only now; subscribe to it in Outlook or Google):",
    },
    "cli.feed_revoked": {
        "fi": "Henkilön {person} kalenteriosoitteita päätetty: {count}.",
        "en": "Feeds of {person} ended: {count}.",
    },
    "cli.digest_sent": {"fi": "Koonti lähetetty: {person}", "en": "Digest sent: {person}"},
    "cli.digest_failed": {
        "fi": "{person}: koontia ei lähetetty ({reason})",
        "en": "{person}: the digest was not sent ({reason})",
    },
    "cli.digest_already": {
        "fi": "Koonti lähetettiin jo tänään: {person}",
        "en": "Digest already sent today: {person}",
    },
    "action.digest_send": {"fi": "lähettää koonteja", "en": "send digests"},
    "cli.digest_none": {"fi": "Kenelläkään ei ole tehtävää.", "en": "Nobody has anything to do."},
    "digest.subject": {
        "fi": "Somekalenteri: päivän tehtävät – {name}",
        "en": "Somekalenteri: today's tasks – {name}",
    },
    "digest.hello": {
        "fi": "Hei {name}, tässä sinun tehtäväsi:",
        "en": "Hello {name}, here is what is yours to do:",
    },
    "digest.footer": {"fi": "– Somekalenteri, {name}", "en": "– Somekalenteri, {name}"},
    "digest.heading.post": {
        "fi": "Julkaisut, jotka eivät ole valmiita (7 pv)",
        "en": "Posts not ready (7 days)",
    },
    "digest.heading.feedback": {"fi": "Vastattavat palautteet", "en": "Feedback to answer"},
    "digest.heading.absence": {"fi": "Alkavat sijaisuudet", "en": "Absences you cover"},
    "digest.heading.consent": {"fi": "Vanhenevat kuvausluvat", "en": "Consents running out"},
    "digest.heading.rights": {"fi": "Vanhenevat käyttöoikeudet", "en": "Licences running out"},
    "digest.heading.password": {"fi": "Vaihdettavat salasanat", "en": "Passwords to change"},
    "digest.heading.cadence": {"fi": "Tämän viikon tahti", "en": "This week's cadence"},
    "digest.post": {"fi": "{when} {post} ({account}): {why}", "en": "{when} {post} ({account}): {why}"},
    "digest.marked_failing": {
        "fi": "{status}, mutta ei läpäise: {why}",
        "en": "{status} but fails: {why}",
    },
    "digest.not_marked": {
        "fi": "tarkistukset kunnossa, merkitse valmiiksi",
        "en": "checks pass, mark it ready",
    },
    "digest.feedback": {
        "fi": "{account}: {text} (vastattava viimeistään {due})",
        "en": "{account}: {text} (answer by {due})",
    },
    "digest.feedback_late": {
        "fi": "MYÖHÄSSÄ {account}: {text} (määräpäivä oli {due})",
        "en": "LATE {account}: {text} (was due {due})",
    },
    "digest.covering": {
        "fi": "{item}, sijaisena henkilölle {person}",
        "en": "{item}, covering for {person}",
    },
    "digest.absence": {"fi": "sijaistat: {person} {start}–{end}", "en": "you cover {person} {start} – {end}"},
    "digest.rights": {"fi": "{asset}: käyttöoikeus päättyy {day}", "en": "{asset}: the licence ends {day}"},
    "digest.consent": {"fi": "{consent} ({asset}) päättyy {day}", "en": "{consent} ({asset}) ends {day}"},
    "digest.password": {
        "fi": "{account}: salasana vaihdettu viimeksi {day}",
        "en": "{account}: password last changed {day}",
    },
    "digest.cadence": {
        "fi": "{account}: {count}/{required} julkaisua tällä viikolla",
        "en": "{account}: {count}/{required} posts this week",
    },
    "digest.no_email": {"fi": "ei sähköpostiosoitetta", "en": "no e-mail address"},
    "mail.refused_address": {
        "fi": "palvelin ei ottanut vastaan osoitetta {address}: {code} {reply}",
        "en": "the server refused the address {address}: {code} {reply}",
    },
    "mail.server_said": {"fi": "palvelin vastasi {code} {reply}", "en": "the server answered {code} {reply}"},
    "mail.disconnected": {"fi": "palvelin katkaisi yhteyden", "en": "the server closed the connection"},
    "mail.timed_out": {
        "fi": "aikakatkaisu: palvelin ei vastannut {seconds} sekunnissa",
        "en": "timed out: the server did not answer in {seconds} s",
    },
    "mail.system": {"fi": "yhteys palvelimeen: {reason}", "en": "connecting to the server: {reason}"},
    "err.bad_smtp": {
        "fi": "sähköpostipalvelin {value} ei kelpaa (host:portti).",
        "en": "the mail server {value} is not valid (host:port).",
    },
    "err.smtp_unset": {
        "fi": "sähköpostipalvelinta ei ole asetettu: planner org set --smtp HOST:PORTTI --mail-from OSOITE",
        "en": "no mail server set: planner org set --smtp HOST:PORT --mail-from ADDRESS",
    },
    "refused.feed_other": {
        "fi": "vain pääkäyttäjä tai {person} itse voi hallita hänen kalenteriosoitteitaan.",
        "en": "only an admin or {person} may manage {person}'s feeds.",
    },
}
