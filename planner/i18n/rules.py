"""Finnish and English texts of the readiness rules: a title per rule and a message per way to fail."""

from __future__ import annotations

RULE_TEXTS: dict[str, dict[str, str]] = {
    # Titles, one per rule id.
    "post.schedule.title": {"fi": "Julkaisuaika", "en": "Publish time"},
    "post.account_active.title": {"fi": "Tili aktiivinen", "en": "Account active"},
    "post.text_length.title": {"fi": "Tekstin pituus", "en": "Text length"},
    "hashtag.required.title": {"fi": "Pakolliset aihetunnisteet", "en": "Required hashtags"},
    "hashtag.limit.title": {"fi": "Aihetunnisteiden määrä", "en": "Hashtag limit"},
    # Each platform as people write its name (in messages, lists and the public register).
    "platform.facebook": {"fi": "Facebook", "en": "Facebook"},
    "platform.instagram": {"fi": "Instagram", "en": "Instagram"},
    "platform.x": {"fi": "X", "en": "X"},
    "platform.linkedin": {"fi": "LinkedIn", "en": "LinkedIn"},
    "platform.youtube": {"fi": "YouTube", "en": "YouTube"},
    "platform.tiktok": {"fi": "TikTok", "en": "TikTok"},
    "platform.threads": {"fi": "Threads", "en": "Threads"},
    "platform.bluesky": {"fi": "Bluesky", "en": "Bluesky"},
    "platform.mastodon": {"fi": "Mastodon", "en": "Mastodon"},
    "platform.blog": {"fi": "blogi", "en": "blog"},
    "platform.other": {"fi": "muu kanava", "en": "other channel"},
    "post.media_required.title": {"fi": "Kuva tai video", "en": "Image or video"},
    "post.official_link.title": {"fi": "Linkki viralliselle sivustolle", "en": "Official link"},
    "post.owner_available.title": {"fi": "Vastuuhenkilö paikalla", "en": "Owner available"},
    "media.alt_text.title": {"fi": "Vaihtoehtoinen teksti", "en": "Alt text"},
    "media.alt_quality.title": {"fi": "Vaihtoehtoisen tekstin laatu", "en": "Alt text quality"},
    "media.subtitles.title": {"fi": "Tekstitys", "en": "Subtitles"},
    "media.people.title": {"fi": "Henkilöt kuvassa", "en": "People shown"},
    "media.permission.title": {"fi": "Kuvauslupa", "en": "Photo permission"},
    "media.rights.title": {"fi": "Käyttöoikeus", "en": "Usage rights"},
    "media.location.title": {"fi": "Sijaintitieto", "en": "Location metadata"},
    "media.format.title": {"fi": "Kuvan muoto", "en": "Image format"},
    "media.file.title": {"fi": "Mediatiedosto tallessa", "en": "Media file present"},
    "account.cadence.title": {"fi": "Julkaisutahti", "en": "Cadence"},
    "account.coverage.title": {"fi": "Tilin kattavuus", "en": "Coverage"},
    "account.admins.title": {"fi": "Pääkäyttäjät", "en": "Admins"},
    "account.owner.title": {"fi": "Vastuullinen päivittäjä", "en": "Owner"},
    "account.continuity.title": {"fi": "Jatkuvuus", "en": "Continuity"},
    "account.verification.title": {"fi": "Tilin vahvistus", "en": "Verification"},
    "account.security.title": {"fi": "Tietoturva", "en": "Security"},
    "feedback.overdue.title": {"fi": "Palaute vastaamatta", "en": "Feedback unanswered"},
    # Messages.
    "post.schedule.missing": {"fi": "Julkaisuaika puuttuu.", "en": "No publish time."},
    "post.schedule.past": {
        "fi": "Julkaisuaika {at} on jo mennyt, mutta julkaisun tila on {status}.",
        "en": "The publish time {at} has passed, but the post is still {status}.",
    },
    "post.account_active.status": {
        "fi": "Tili {account} ei ole käytössä (tila {status}).",
        "en": "Account {account} is not active (status {status}).",
    },
    "post.account_active.before": {
        "fi": "Tili {account} otetaan käyttöön vasta {starts}; julkaisupäivä on {date}.",
        "en": "Account {account} starts only on {starts}; the post is on {date}.",
    },
    "post.account_active.after": {
        "fi": "Tili {account} päättyi {ends}; julkaisupäivä on {date}.",
        "en": "Account {account} ended on {ends}; the post is on {date}.",
    },
    "post.text_length.text": {
        "fi": "Teksti on {length} merkkiä; {platform} sallii {limit}.",
        "en": "The text is {length} characters; {platform} allows {limit}.",
    },
    "post.text_length.title_long": {
        "fi": "Otsikko on {length} merkkiä; {platform} sallii {limit}.",
        "en": "The title is {length} characters; {platform} allows {limit}.",
    },
    "hashtag.required": {
        "fi": "Pakollinen aihetunniste puuttuu: {tags}.",
        "en": "Required hashtag missing: {tags}.",
    },
    "hashtag.required_hidden": {
        "fi": (
            "Pakollinen aihetunniste {tag} puuttuu: tekstin {found} sisältää näkymättömän merkin ({detail})."
        ),
        "en": "Required hashtag {tag} missing: {found} in the text has a hidden character ({detail}) in it.",
    },
    "hashtag.required_mixed": {
        "fi": "Pakollinen aihetunniste {tag} puuttuu: tekstin {found} sekoittaa kirjaimistoja ({detail}).",
        "en": "Required hashtag {tag} missing: {found} in the text mixes scripts ({detail}).",
    },
    "post.media_required.any": {
        "fi": "{platform} ei julkaise pelkkää tekstiä: liitä kuva tai video.",
        "en": "{platform} publishes no text alone: attach an image or a video.",
    },
    "post.media_required.video": {
        "fi": "{platform} julkaisee videoita: liitä video.",
        "en": "{platform} publishes videos: attach a video.",
    },
    "hashtag.limit": {
        "fi": "Aihetunnisteita on {count}; {platform} sallii enintään {limit}.",
        "en": "{count} {count|hashtag|hashtags}; {platform} allows at most {limit}.",
    },
    "post.official_link.missing": {
        "fi": "Tiedotteesta tai kriisiviestistä puuttuu linkki viralliselle sivustolle ({domain}).",
        "en": "An announcement or crisis post needs a link to the official website ({domain}).",
    },
    "post.official_link.no_website": {
        "fi": "Organisaation verkkosivustoa ei ole kirjattu, joten linkkiä ei voi todeta.",
        "en": "The organization has no website set, so no official link can be found.",
    },
    "post.owner_available.none": {
        "fi": "Julkaisulla ei ole vastuuhenkilöä.",
        "en": "The post has no owner.",
    },
    "post.owner_available.reader": {
        "fi": "Vastuuhenkilö {owner} ei voi kirjoittaa julkaisuja (tarkastaja tai lähtenyt), eikä hänellä "
        "ole paikalla olevaa sijaista {date}.",
        "en": "The owner {owner} cannot write posts (an auditor, or gone) and has no deputy present on {date}.",
    },
    "post.owner_available.absent": {
        "fi": "Vastuuhenkilö {owner} on poissa {date}, eikä hänellä ole paikalla olevaa sijaista.",
        "en": "The owner {owner} is away on {date} with no deputy present.",
    },
    "media.alt_text.missing": {
        "fi": "Kuvalta {asset} puuttuu vaihtoehtoinen teksti kielellä {lang}.",
        "en": "Image {asset} has no alt text in language {lang}.",
    },
    "media.alt_text.too_long": {
        "fi": "Kuvan {asset} vaihtoehtoinen teksti on {length} merkkiä; {platform} sallii {limit}.",
        "en": "The alt text of image {asset} is {length} characters; {platform} allows {limit}.",
    },
    "media.alt_quality.filename": {
        "fi": "Kuvan {asset} vaihtoehtoinen teksti on pelkkä tiedoston nimi.",
        "en": "The alt text of image {asset} is just the file name.",
    },
    "media.alt_quality.placeholder": {
        "fi": "Kuvan {asset} vaihtoehtoinen teksti «{alt}» on paikkamerkki, ei kuvaus.",
        "en": "The alt text of image {asset}, «{alt}», is a placeholder, not a description.",
    },
    "media.alt_quality.prefix": {
        "fi": "Kuvan {asset} vaihtoehtoinen teksti alkaa «{prefix}»; kuvaile suoraan, mitä kuvassa on.",
        "en": "The alt text of image {asset} starts with «{prefix}»; describe what it shows directly.",
    },
    "media.alt_quality.long": {
        "fi": "Kuvan {asset} vaihtoehtoinen teksti on {length} merkkiä; yli 250 on raskas kuunnella.",
        "en": "The alt text of image {asset} is {length} characters; over 250 is hard to listen to.",
    },
    "media.subtitles.missing": {
        "fi": "Videolta {asset} puuttuu tekstitys kielellä {lang}.",
        "en": "Video {asset} has no subtitles in language {lang}.",
    },
    "media.subtitles.invalid": {
        "fi": "Videon {asset} tekstitystiedosto {file} ei kelpaa: rivi {line}: {reason}",
        "en": "The subtitle file {file} of video {asset} cannot be read: line {line}: {reason}",
    },
    "media.subtitles.unreadable": {
        "fi": "Videon {asset} tekstitystiedostoa {file} ei voi lukea: {reason}",
        "en": "The subtitle file {file} of video {asset} cannot be read: {reason}",
    },
    "media.people": {
        "fi": "Aineistosta {asset} ei ole kirjattu, näkyykö siinä ihmisiä.",
        "en": "Asset {asset} does not say whether people are shown in it.",
    },
    "media.permission.none": {
        "fi": "Aineistossa {asset} on tunnistettavia henkilöitä, mutta kuvauslupaa ei ole liitetty.",
        "en": "Asset {asset} shows identifiable people but no consent is linked.",
    },
    "media.permission.missing_record": {
        "fi": "Aineistoon {asset} liitettyä kuvauslupaa {consent} ei löydy rekisteristä.",
        "en": "Consent {consent} linked to asset {asset} is not in the register.",
    },
    "media.permission.not_written": {
        "fi": "Kuvauslupa {consent} (aineisto {asset}) ei ole kirjallinen.",
        "en": "Consent {consent} (asset {asset}) is not written.",
    },
    "media.permission.not_yet": {
        "fi": "Kuvauslupa {consent} (aineisto {asset}) on voimassa vasta {valid_from}.",
        "en": "Consent {consent} (asset {asset}) is valid only from {valid_from}.",
    },
    "media.permission.expired": {
        "fi": "Kuvauslupa {consent} (aineisto {asset}) päättyi {valid_to}.",
        "en": "Consent {consent} (asset {asset}) ended on {valid_to}.",
    },
    "media.permission.withdrawn": {
        "fi": "Kuvauslupa {consent} (aineisto {asset}) on peruttu {withdrawn}.",
        "en": "Consent {consent} (asset {asset}) was withdrawn on {withdrawn}.",
    },
    "media.permission.scope": {
        "fi": "Kuvauslupa {consent} (aineisto {asset}) ei kata tiliä {account} eikä palvelua {platform}.",
        "en": "Consent {consent} (asset {asset}) covers neither account {account} nor {platform}.",
    },
    "media.permission.guardian": {
        "fi": "Kuvauslupa {consent} (aineisto {asset}) koskee alaikäistä, mutta huoltajan lupa puuttuu.",
        "en": "Consent {consent} (asset {asset}) is for a minor but has no guardian's consent.",
    },
    "media.rights.unknown": {
        "fi": "Aineiston {asset} käyttöoikeus on selvittämättä.",
        "en": "The usage rights of asset {asset} are unknown.",
    },
    "media.rights.expired": {
        "fi": "Aineiston {asset} käyttöoikeus päättyi {expire}; julkaisupäivä on {date}.",
        "en": "The licence of asset {asset} expired on {expire}; the post is on {date}.",
    },
    "media.location": {
        "fi": "Kuvassa {asset} on GPS-sijaintitieto; poista se ennen julkaisua.",
        "en": "Image {asset} carries GPS location metadata; strip it before publishing.",
    },
    "media.format.aspect": {
        "fi": "Kuvan {asset} kuvasuhde {ratio} on palvelun {platform} välin {low}–{high} ulkopuolella.",
        "en": "The aspect ratio {ratio} of image {asset} is outside {platform}'s {low}–{high}.",
    },
    "media.format.width": {
        "fi": "Kuvan {asset} leveys {width} px on palvelun {platform} välin {low}–{high} px ulkopuolella.",
        "en": "The width {width} px of image {asset} is outside {platform}'s {low}–{high} px.",
    },
    "media.file": {
        "fi": "Aineiston {asset} tiedostoa {file} ei ole assets-kansiossa; palauta alkuperäinen paikalleen "
        "tai liitä tiedosto uudelleen.",
        "en": "The file {file} of asset {asset} is not in assets/; put the original back in its place "
        "or attach the file again.",
    },
    "account.cadence": {
        "fi": "Viikolla {week} on {count} {count|valmis julkaisu|valmista julkaisua}; tavoite on {required}.",
        "en": "Week {week} has {count} ready {count|post|posts}; the cadence is {required}.",
    },
    "account.coverage": {
        "fi": "Ei vastuuhenkilöä eikä sijaista paikalla {start}–{end} ({days} {days|työpäivä|työpäivää}); "
        "poissa: {absent}.",
        "en": "No owner or deputy present {start}–{end} ({days} working {days|day|days}); away: {absent}.",
    },
    "account.admins": {
        "fi": "Tilillä on {count} {count|pääkäyttäjä|pääkäyttäjää}; vähintään kaksi tarvitaan.",
        "en": "The account has {count} {count|admin|admins}; at least two are needed.",
    },
    "account.owner": {
        "fi": "Tilillä ei ole vastuullista päivittäjää.",
        "en": "The account has no owner.",
    },
    "account.continuity.missing": {
        "fi": "Tilin kirjautumissähköposti puuttuu.",
        "en": "The account has no login e-mail.",
    },
    "account.continuity.personal": {
        "fi": "Kirjautumissähköposti {email} on henkilön oma osoite; käytä rooliosoitetta.",
        "en": "The login e-mail {email} is a person's own address; use a role address.",
    },
    "account.verification.not_listed": {
        "fi": "Tiliä ei ole listattu organisaation verkkosivustolla.",
        "en": "The account is not listed on the organization's website.",
    },
    "account.verification.no_link": {
        "fi": "Tililtä ei ole linkkiä organisaation verkkosivustolle.",
        "en": "The account does not link back to the organization's website.",
    },
    "account.security.no_2fa": {
        "fi": "Kaksivaiheinen tunnistautuminen ei ole käytössä.",
        "en": "Two-factor authentication is not on.",
    },
    "account.security.password_old": {
        "fi": "Salasana vaihdettiin viimeksi {date}, yli 90 päivää sitten.",
        "en": "The password was last changed on {date}, more than 90 days ago.",
    },
    "account.security.password_never": {
        "fi": "Salasanan vaihtopäivää ei ole kirjattu.",
        "en": "No password change has been recorded.",
    },
    "feedback.overdue": {
        "fi": "Palaute {feedback} (saapui {received}) piti hoitaa viimeistään {due}; vastaaja {assignee}.",
        "en": "Feedback {feedback} (received {received}) was due by {due}; to answer: {assignee}.",
    },
}
