"""The command line's help texts, in Finnish and English: each command and each option (`--help`)."""

from __future__ import annotations

DATE_FI = "päivä: 14.6.2027, 14.6. (tuleva) tai 2027-06-14"
DATE_EN = "a date: 14.6.2027, 14.6. (the coming one) or 2027-06-14"

HELP_TEXTS: dict[str, dict[str, str]] = {
    "help.planner": {
        "fi": "Somekalenteri: kuntien viestinnän sisältökalenteri, joka kertoo, onko julkaisu valmis.\n"
        "Ilman komentoa avaa sovelluksen työtilaan.",
        "en": "Somekalenteri: a content calendar for municipal communications that says whether a post is "
        "ready.\nWithout a command it opens the app on the workspace.",
    },
    "help.exit_codes": {
        "fi": "Paluukoodit: 0 onnistui, ei estäviä havaintoja · 1 estäviä havaintoja tai toiminto evättiin · "
        "2 virheellinen komento tai tieto (yksi rivi, mitään ei tallennettu).\n"
        "Päivät ja ajat voi kirjoittaa suomalaisittain (14.6.2027 9.00) tai ISO-muodossa.",
        "en": "Exit codes: 0 success, nothing blocking · 1 blocking findings or a refused action · "
        "2 usage or data error (one line, nothing written).\n"
        "Dates and times may be written the Finnish way (14.6.2027 9.00) or in ISO form.",
    },
    "help.commands": {"fi": "komennot", "en": "commands"},
    "help.command": {"fi": "KOMENTO", "en": "COMMAND"},
    "cli.see_help": {"fi": "katso --help", "en": "see --help"},
    # Shared options
    "help.data": {
        "fi": "työtilan kansio (oletus $PLANNER_DATA, sitten nykyinen kansio, jos siinä on calendars/)",
        "en": "the workspace folder (default $PLANNER_DATA, then the current folder when it holds calendars/)",
    },
    "help.user": {
        "fi": "kuka kirjoittaa: henkilön tunniste (oletus $PLANNER_USER)",
        "en": "who is writing: a person's id (default $PLANNER_USER)",
    },
    "help.lang": {
        "fi": "viestien kieli (oletus kieliasetuksesta: suomi, kun se alkaa fi)",
        "en": "the language of messages (default from the locale: Finnish when it starts with fi)",
    },
    "help.ui_lang": {"fi": "viestien kieli (sama kuin --lang)", "en": "the language of messages (as --lang)"},
    "help.demo": {
        "fi": "avaa esittelykaupunki Järvelä tämän päivän ympärille (tehdään joka kerta uudestaan)",
        "en": "open the demo city Järvelä, built around today (made anew each time)",
    },
    "help.version": {"fi": "näytä versio ja lopeta", "en": "show the version and exit"},
    "help.account_filter": {"fi": "vain tämä tili (tunniste)", "en": "only this account (its id)"},
    "help.from": {"fi": f"alkaen ({DATE_FI})", "en": f"from ({DATE_EN})"},
    "help.to": {"fi": f"asti ({DATE_FI})", "en": f"to ({DATE_EN})"},
    "help.format": {"fi": "tulosteen muoto", "en": "the output's format"},
    "help.revision": {
        "fi": "hylkää muutos, jos joku on tallentanut tietueen version N jälkeen",
        "en": "refuse the change when someone saved the record after revision N",
    },
    "help.personal_data": {
        "fi": "kuvissa näkyvien ihmisten nimet (vain pääkäyttäjä); muuten pseudonyymit",
        "en": "the names of people in photos (admins only); pseudonyms otherwise",
    },
    # The workspace
    "help.cmd.init": {
        "fi": "luo työtila (calendars/ ja assets/)",
        "en": "create a workspace (calendars/ and assets/)",
    },
    "help.init.dir": {"fi": "kansio, johon työtila luodaan", "en": "the folder to create the workspace in"},
    "help.init.demo": {"fi": "täytä se esittelykaupungilla", "en": "fill it with the demo city"},
    "help.org.name": {"fi": "organisaation nimi", "en": "the organization's name"},
    "help.org.website": {
        "fi": "virallinen verkkosivusto (https://www.kunta.fi)",
        "en": "the official website (https://www.town.fi)",
    },
    "help.org.hashtag": {
        "fi": "jokaisen julkaisun pakollinen aihetunniste (yksi tai useampi)",
        "en": "a hashtag every post must carry (one or more)",
    },
    "help.cmd.import": {
        "fi": "lue työtila-asiakirja (JSON); virheellinen hylätään kokonaan",
        "en": "load a workspace document (JSON); a bad one is refused whole",
    },
    "help.import.file": {"fi": "asiakirja, JSON-olio", "en": "the document, a JSON object"},
    "help.cmd.doctor": {
        "fi": "tarkista työtilan tiedostot, muutosloki ja oikeudet; korjaa pyydettäessä",
        "en": "check the workspace's files, audit log and modes; repair when asked",
    },
    "help.doctor.repair": {
        "fi": "vie keskeytynyt tallennus loppuun, palauta rikkinäiset tiedostot varmuuskopiosta, siivoa",
        "en": "finish an interrupted save, put back damaged files from their backups, clean up",
    },
    "help.doctor.break_lock": {
        "fi": "poista lukko, jonka haltija ei ole enää käynnissä",
        "en": "remove a lock whose holder is gone",
    },
    "help.doctor.yes": {
        "fi": "älä kysy ennen toisen koneen lukon poistamista",
        "en": "do not ask before breaking another machine's lock",
    },
    "help.doctor.reanchor": {
        "fi": "pääkäyttäjä: ankkuroi vioittunut muutosloki uudelleen tietoisesti (kirjataan lokiin)",
        "en": "admins: re-anchor a damaged audit log knowingly (recorded in it)",
    },
    "help.cmd.audit": {"fi": "muutosloki", "en": "the audit log"},
    "help.cmd.audit_verify": {
        "fi": "tarkista muutoslokin tiivisteketju ja ankkuri",
        "en": "check the audit log's hash chain and anchor",
    },
    # Checking
    "help.cmd.check": {"fi": "tarkista julkaisujen valmius", "en": "check whether posts are ready"},
    "help.cmd.check.long": {
        "fi": "Tarkista julkaisut ja tilit kokonaisilta ISO-viikoilta (oletus: tämä viikko ja 8 seuraavaa). "
        "Paluukoodi 1, kun estäviä havaintoja on.",
        "en": "Check posts and accounts over whole ISO weeks (default: this week and the next 8). "
        "Exit code 1 when something blocks.",
    },
    # Posts
    "help.cmd.post": {
        "fi": "julkaisut: lisää, muokkaa, valmis, ajasta, julkaistu, peru, poista kanavalta, kopioi, hyväksy",
        "en": "posts: add, edit, ready, schedule, publish, cancel, take down, copy, approve",
    },
    "help.cmd.post_add": {"fi": "lisää luonnos; tulostaa sen tunnisteen", "en": "add a draft; prints its id"},
    "help.cmd.post_edit": {
        "fi": "muuta julkaisua; valmis julkaisu, jonka sisältö muuttuu, palaa luonnokseksi",
        "en": "change a post; a ready post whose content changes is a draft again",
    },
    "help.cmd.post_ready": {
        "fi": "merkitse valmiiksi; evätään havaintoineen (paluukoodi 1), jos virheitä on",
        "en": "mark ready; refused with the findings (exit 1) while an error remains",
    },
    "help.cmd.post_list": {"fi": "listaa julkaisut", "en": "list posts"},
    "help.post.account": {"fi": "tili, jolle julkaisu tehdään", "en": "the account the post is for"},
    "help.post.at": {
        "fi": "julkaisuaika: 14.6.2027 9.00, 14.6. 9.00 tai 2027-06-14 09:00",
        "en": "the publish time: 14.6.2027 9.00, 14.6. 9.00 or 2027-06-14 09:00",
    },
    "help.post.text": {"fi": "julkaisun teksti", "en": "the post's text"},
    "help.post.id": {"fi": "julkaisun tunniste", "en": "the post's id"},
    "help.post.media": {"fi": "liitettävät mediat (tunnisteet)", "en": "media to attach (their ids)"},
    "help.post.media_edit": {
        "fi": "mediat tunnisteineen (korvaa nykyiset; tyhjä poistaa kaikki)",
        "en": "the media by id (replaces the present ones; none removes them all)",
    },
    "help.post.owner": {"fi": "vastuuhenkilö (oletus: kirjoittaja)", "en": "the owner (default: the writer)"},
    "help.post.kind": {"fi": "julkaisun laji", "en": "the kind of post"},
    "help.post.title": {"fi": "otsikko (yksi rivi)", "en": "a title (one line)"},
    "help.post.campaign": {"fi": "kampanja, johon julkaisu kuuluu", "en": "the campaign the post belongs to"},
    # The team
    "help.cmd.person": {"fi": "henkilöt ja roolit", "en": "people and their roles"},
    "help.cmd.person_add": {"fi": "lisää henkilö (pääkäyttäjä)", "en": "add a person (admins)"},
    "help.cmd.person_edit": {"fi": "muuta henkilöä (pääkäyttäjä)", "en": "change a person (admins)"},
    "help.cmd.person_retire": {
        "fi": "merkitse lähteneeksi; listaa tai siirtää seuraajalle tilit, julkaisut ja sijaisuudet",
        "en": "mark as gone; lists, or hands to a successor, the accounts, posts and deputy duties",
    },
    "help.cmd.person_list": {"fi": "listaa henkilöt", "en": "list people"},
    "help.person.id": {"fi": "henkilön tunniste", "en": "the person's id"},
    "help.person.name": {"fi": "nimi", "en": "the name"},
    "help.person.email": {"fi": "sähköpostiosoite", "en": "the e-mail address"},
    "help.person.role": {"fi": "rooli (voi toistaa)", "en": "a role (may be repeated)"},
    "help.retire.from": {
        "fi": f"ensimmäinen poissaolopäivä ({DATE_FI}; oletus tänään)",
        "en": f"the first day away ({DATE_EN}; default today)",
    },
    "help.retire.successor": {
        "fi": "kuka ottaa roolit, julkaisut ja sijaisuudet",
        "en": "who takes over roles, posts and deputy duties",
    },
    "help.cmd.absence": {
        "fi": "lomat, sairauspoissaolot, koulutukset",
        "en": "vacations, sick leave, training",
    },
    "help.cmd.absence_add": {
        "fi": "lisää poissaolo; tulostaa sen tunnisteen",
        "en": "add an absence; prints its id",
    },
    "help.cmd.absence_import": {
        "fi": "tuo HR:n poissaololista (.xlsx tai .csv)",
        "en": "import an HR absence list (.xlsx or .csv)",
    },
    "help.cmd.absence_import.long": {
        "fi": "Tuo poissaololista taulukosta (Excelin ensimmäinen välilehti tai CSV: henkilö tai "
        "sähköposti; alku; loppu; laji; sijainen). Yksikin virheellinen rivi hylkää koko tiedoston; jo "
        "tuodut rivit ohitetaan.",
        "en": "Import an absence list from a spreadsheet (the first sheet of an Excel file, or a CSV: "
        "person or e-mail; from; to; kind; deputy). One bad row refuses the whole file; rows already "
        "imported are skipped.",
    },
    "help.cmd.absence_remove": {"fi": "poista poissaolo", "en": "remove an absence"},
    "help.cmd.absence_list": {"fi": "listaa poissaolot", "en": "list absences"},
    "help.absence.person": {"fi": "poissa oleva henkilö", "en": "the person who is away"},
    "help.absence.from": {"fi": f"ensimmäinen päivä ({DATE_FI})", "en": f"the first day ({DATE_EN})"},
    "help.absence.to": {"fi": f"viimeinen päivä ({DATE_FI})", "en": f"the last day ({DATE_EN})"},
    "help.absence.kind": {"fi": "poissaolon laji", "en": "the kind of absence"},
    "help.absence.deputy": {
        "fi": "sijainen (kirjoittaja, ei tarkastaja)",
        "en": "the deputy (one who writes, not an auditor)",
    },
    "help.absence.file": {"fi": "taulukkotiedosto (.xlsx tai .csv)", "en": "the spreadsheet (.xlsx or .csv)"},
    "help.absence.id": {"fi": "poissaolon tunniste", "en": "the absence's id"},
    "help.absence.person_filter": {"fi": "vain tämän henkilön", "en": "only this person's"},
    "help.cmd.deputy": {"fi": "poissaolojen sijaiset", "en": "deputies for absences"},
    "help.cmd.deputy_assign": {"fi": "nimeä sijainen poissaololle", "en": "name the deputy of an absence"},
    "help.cmd.deputy_clear": {"fi": "poista poissaolon sijainen", "en": "clear the deputy of an absence"},
    "help.cmd.deputy_candidates": {
        "fi": "ketkä voisivat sijaistaa (paikalla koko ajan, vähiten kuormitetut ensin)",
        "en": "who could stand in (present throughout, least loaded first)",
    },
    "help.deputy.person": {"fi": "sijainen", "en": "the deputy"},
    "help.deputy.handover": {
        "fi": "siirrä myös poissaolijan julkaisut poissaolon ajalta sijaiselle",
        "en": "hand the absent person's posts in that period over as well",
    },
    "help.cmd.coverage": {"fi": "tilien katvealueet", "en": "coverage gaps by account"},
    "help.cmd.coverage.long": {
        "fi": "Työpäivät, joina tilillä ei ole ketään (oletus: tästä viikosta kuusi kuukautta). "
        "Paluukoodi 1, kun katvealueita on.",
        "en": "Working days on which nobody looks after an account (default: six months from this week). "
        "Exit code 1 when there is a gap.",
    },
    # The library
    "help.cmd.asset": {"fi": "mediakirjasto", "en": "the media library"},
    "help.cmd.asset_add": {
        "fi": "tuo kuva tai video kirjastoon",
        "en": "bring an image or a video into the library",
    },
    "help.cmd.asset_add.long": {
        "fi": "Kopioi tiedosto assets/-kansioon (nimi slugina) ja kirjaa se; kuva luetaan ensin Pillow'lla. "
        "Tulostaa median tunnisteen.",
        "en": "Copy the file into assets/ (its name as a slug) and record it; an image is read with Pillow "
        "first. Prints the asset's id.",
    },
    "help.cmd.asset_edit": {"fi": "muuta mediaa", "en": "change an asset"},
    "help.cmd.asset_subtitles": {"fi": "liitä tekstitys videoon", "en": "attach subtitles to a video"},
    "help.cmd.asset_subtitles.long": {
        "fi": "Lue .srt- tai .vtt-tiedosto tarkasti (virheellinen hylätään rivinumeroineen) ja kopioi se "
        "videon viereen.",
        "en": "Read an .srt or .vtt file strictly (a broken one is refused with its line) and copy it next "
        "to the video.",
    },
    "help.cmd.asset_list": {"fi": "listaa mediat", "en": "list assets"},
    "help.asset.file": {"fi": "tuotava tiedosto", "en": "the file to bring in"},
    "help.asset.id": {"fi": "median tunniste", "en": "the asset's id"},
    "help.asset.alt": {"fi": "vaihtoehtoinen teksti", "en": "the alt text"},
    "help.asset.alt_edit": {
        "fi": 'vaihtoehtoinen teksti ("" poistaa sen)',
        "en": 'the alt text ("" removes it)',
    },
    "help.asset.lang": {
        "fi": "vaihtoehtoisen tekstin kieli (oletus: organisaation ensimmäinen)",
        "en": "the language of the alt text (default: the organization's first)",
    },
    "help.asset.people": {"fi": "ketä kuvassa näkyy", "en": "who the image shows"},
    "help.asset.consent": {"fi": "kuvauslupien tunnisteet", "en": "the ids of consents"},
    "help.asset.unlink": {"fi": "irrotettavat kuvausluvat", "en": "consents to unlink"},
    "help.asset.rights": {"fi": "käyttöoikeus", "en": "the usage rights"},
    "help.asset.rights_expire": {
        "fi": f"lisenssin viimeinen päivä ({DATE_FI})",
        "en": f"the day a licence ends ({DATE_EN})",
    },
    "help.asset.rights_expire_edit": {
        "fi": f'lisenssin viimeinen päivä ({DATE_FI}; "" poistaa)',
        "en": f'the day a licence ends ({DATE_EN}; "" clears it)',
    },
    "help.asset.attribution": {
        "fi": "CC-lisenssin vaatima tekijämaininta",
        "en": "the credit a CC licence asks for",
    },
    "help.asset.strip_location": {
        "fi": "tallenna kopio ilman GPS-tietoa",
        "en": "store a copy without GPS data",
    },
    "help.asset.video": {"fi": "videon tunniste", "en": "the video's id"},
    "help.asset.subtitle_file": {"fi": "tekstitystiedosto", "en": "the subtitle file"},
    "help.asset.subtitle_lang": {
        "fi": "tekstityksen kieli (oletus: organisaation ensimmäinen)",
        "en": "the language of the subtitles (default: the organization's first)",
    },
    "help.asset.missing": {"fi": "vain mediat, joilta tämä puuttuu", "en": "only assets that lack this"},
    "help.cmd.consent": {"fi": "kuvausluvat", "en": "photo permissions (consents)"},
    "help.cmd.consent_add": {
        "fi": "kirjaa kuvauslupa; tulostaa sen tunnisteen",
        "en": "record a consent; prints its id",
    },
    "help.cmd.consent_list": {"fi": "listaa kuvausluvat", "en": "list consents"},
    "help.cmd.consent_withdraw": {
        "fi": "kirjaa luvan peruminen (pääkäyttäjä); listaa estyvät ja poistettavat julkaisut",
        "en": "record a withdrawal (admins); lists the posts it blocks and those to take down",
    },
    "help.cmd.consent_erase": {
        "fi": "poista lupa, lomake ja linkit lopullisesti (oikeus tulla unohdetuksi; pääkäyttäjä)",
        "en": "erase the record, its form and its links for good (the right to erasure; admins)",
    },
    "help.consents.subject": {
        "fi": "kuvattu henkilö (tai pseudonyymi)",
        "en": "the person shown (or a pseudonym)",
    },
    "help.consents.scope": {"fi": "tilit, alustat tai * (kaikki)", "en": "accounts, platforms or * (all)"},
    "help.consents.id": {"fi": "tunniste (oletus: uusi)", "en": "an id (default: a new one)"},
    "help.consents.id_existing": {"fi": "kuvausluvan tunniste", "en": "the consent's id"},
    "help.consents.minor": {"fi": "kuvattu on alle 18-vuotias", "en": "the subject is under 18"},
    "help.consents.guardian": {"fi": "luvan antanut huoltaja", "en": "the guardian who gave the consent"},
    "help.consents.not_written": {"fi": "annettu vain suullisesti", "en": "given orally only"},
    "help.consents.evidence": {
        "fi": "allekirjoitettu lomake (kopioidaan assets/luvat/)",
        "en": "the signed form (copied under assets/luvat/)",
    },
    "help.consents.from": {
        "fi": f"voimassa alkaen ({DATE_FI}; oletus tänään)",
        "en": f"valid from ({DATE_EN}; default today)",
    },
    "help.consents.to": {
        "fi": f"voimassa asti ({DATE_FI}; oletus: kunnes peruttu)",
        "en": f"valid to ({DATE_EN}; default: until withdrawn)",
    },
    "help.consents.find": {
        "fi": "hae tunnisteella, nimellä tai laajuudella",
        "en": "find by id, name or scope",
    },
    "help.consents.withdrawn": {
        "fi": f"perumispäivä ({DATE_FI}; oletus tänään)",
        "en": f"the day it was withdrawn ({DATE_EN}; default today)",
    },
    # Exports
    "help.cmd.export": {"fi": "tarkistuslistat ja kalenterisyöte", "en": "checklists and the calendar feed"},
    "help.cmd.export_checklist": {
        "fi": "valmiuden tarkistuslista todisteeksi",
        "en": "the readiness checklist, as evidence",
    },
    "help.cmd.export_checklist.long": {
        "fi": "Tarkistuslista: yhteenveto, epäonnistuvat valmiit julkaisut, jokaisen säännön tulos todisteineen "
        "ja tilien tarkistukset (oletus: tämä viikko ja 8 seuraavaa).",
        "en": "The checklist: the summary, the ready posts that fail, every rule's result with its evidence "
        "and the accounts' checks (default: this week and the next 8).",
    },
    "help.cmd.export_ics": {
        "fi": "julkaisut iCalendar-syötteenä (Outlook, Google)",
        "en": "the posts as an iCalendar feed (Outlook, Google)",
    },
    "help.export.format": {"fi": "tiedostomuoto", "en": "the file format"},
    "help.export.output": {
        "fi": "tiedosto (oletus: vakiotuloste)",
        "en": "the file (default: standard output)",
    },
    "help.export.output_ics": {"fi": "tiedosto", "en": "the file"},
    "help.export.delimiter": {
        "fi": "CSV:n erotin (oletus ; suomalaiselle Excelille)",
        "en": "the CSV separator (default ; for a Finnish Excel)",
    },
    # Benchmarks
    "help.cmd.bench": {
        "fi": "suorituskykymittaukset luoduilla työtiloilla",
        "en": "benchmarks on generated workspaces",
    },
    "help.cmd.bench_generate": {
        "fi": "luo kaupungin tai suurkaupungin kokoinen työtila",
        "en": "make a city- or metro-sized workspace",
    },
    "help.cmd.bench_run": {
        "fi": "mittaa suorituskykytaulukko (mediaanit, suhteet)",
        "en": "measure the performance table (medians, ratios)",
    },
    "help.bench.scale": {"fi": "koko", "en": "the size"},
    "help.bench.scales": {"fi": "mitattavat koot", "en": "the sizes to measure"},
    "help.bench.seed": {"fi": "satunnaisluvun siemen", "en": "the random seed"},
    "help.bench.dir": {"fi": "tyhjä kansio", "en": "an empty folder"},
    "help.bench.runs": {"fi": "ajoja kuvaa kohden", "en": "runs per figure"},
    "help.bench.cache": {
        "fi": "missä luodut työtilat säilytetään",
        "en": "where generated workspaces are kept",
    },
    "help.bench.json": {"fi": "kirjoita luvut myös JSONina", "en": "also write the figures as JSON"},
}
