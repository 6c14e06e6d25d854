"""Vocabularies for metadata extraction, kept as data apart from the logic that uses them.

Adding a language or a wire agency means adding words here, not editing a regex in the parsers.
Every word is stored casefolded (lookups casefold their input).
"""

from __future__ import annotations

# --- Dates -------------------------------------------------------------------------------------

# Month names and abbreviations -> month number, merged over en, de, fr, es, it, pt, nl, id, ru.
# The languages agree wherever a spelling is shared ("mar" is March everywhere, "mai" is May in
# de/fr/pt), so one table serves every page without knowing its language first.
_MONTH_LISTS: tuple[tuple[str, ...], ...] = (
    # en
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"),
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    ("jan", "feb", "mar", "apr", "may", "june", "july", "aug", "sept", "oct", "nov", "dec"),
    # de (+ Austrian "Jänner")
    ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
     "oktober", "november", "dezember"),
    ("jänner", "feber", "maerz", "apr", "mai", "jun", "jul", "aug", "sept", "okt", "nov", "dez"),
    ("jan", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez"),
    # fr
    ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
     "octobre", "novembre", "décembre"),
    ("janv", "févr", "mars", "avr", "mai", "juin", "juil", "aout", "sept", "oct", "nov", "déc"),
    ("jan", "fevrier", "mar", "avr", "mai", "juin", "juil", "aoû", "sep", "oct", "nov", "decembre"),
    # es
    ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
     "octubre", "noviembre", "diciembre"),
    ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "setiembre", "oct", "nov", "dic"),
    # it
    ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
     "settembre", "ottobre", "novembre", "dicembre"),
    ("gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"),
    # pt
    ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
     "outubro", "novembro", "dezembro"),
    ("jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"),
    ("jan", "fev", "marco", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"),
    # nl
    ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
     "oktober", "november", "december"),
    ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    # id / ms (WordPress default "Maret 30, 2015")
    ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
     "oktober", "november", "desember"),
    ("jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep", "okt", "nov", "des"),
    # ru (genitive, as written in dates) and nominative
    ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
     "октября", "ноября", "декабря"),
    ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
     "октябрь", "ноябрь", "декабрь"),
)

MONTHS: dict[str, int] = {
    name: number for names in _MONTH_LISTS for number, name in enumerate(names, 1)
}

# Words that mark a date as the publication date, or as a later revision. Matched as the
# start of a label before the date ("Published 3:14 PM", "publiziert am", "Stand:").
PUBLISHED_LABELS: tuple[str, ...] = (
    "published", "publish date", "posted", "date", "first published", "released", "created",
    "veröffentlicht", "publiziert", "erschienen", "datum", "stand",
    "publié", "publie", "mis en ligne",
    "publicado", "publicada", "fecha", "pubblicato", "pubblicata", "data",
    "gepubliceerd", "geplaatst", "datum", "diterbitkan", "diposting", "опубликовано",
    "기사입력", "입력", "등록",
)
UPDATED_LABELS: tuple[str, ...] = (
    "updated", "last updated", "modified", "last modified", "edited", "revised",
    "aktualisiert", "zuletzt aktualisiert", "geändert", "mis à jour", "mis a jour", "modifié",
    "actualizado", "actualizada", "atualizado", "atualizada", "aggiornato", "aggiornata",
    "bijgewerkt", "gewijzigd", "diperbarui", "обновлено", "수정", "최종수정",
)

# --- People ------------------------------------------------------------------------------------

# Words that introduce a byline, per language (casefolded, matched at a word boundary).
BYLINE_PREFIXES: tuple[str, ...] = (
    "by", "written by", "words by", "story by", "reported by", "posted by", "author", "authors",
    "reporter", "text", "byline", "von", "autor", "autorin", "text von", "par", "auteur",
    "por", "autora", "di", "a cura di", "door", "oleh", "penulis", "текст", "автор",
)
# Particles allowed in lower case inside a person's name ("Ludwig van Beethoven").
NAME_PARTICLES: frozenset[str] = frozenset(
    "de da di del della der den van von vom zu la le du dos das des do y e bin ibn al el ter "
    "ten st. st".split()
)
# Separators between several names in one byline.
NAME_JOINERS: tuple[str, ...] = (" and ", " & ", " und ", " et ", " y ", " e ", " en ", " и ", " dan ")

# A byline part containing one of these words is a role, desk or organisation, not a person.
NOT_PERSON_WORDS: frozenset[str] = frozenset(
    """staff writer writers reporter reporters correspondent correspondents editor editors
    editorial columnist contributor contributors contributing desk team newsroom bureau agency
    agencies wire wires service services news media press network digital online magazine
    weekly daily times journal post herald tribune gazette admin administrator webmaster
    guest author authors opinion special sports auto associated reuters staff group company
    inc llc ltd gmbh corp limited editors' board partner sponsored content sponsor
    photographer photo photos video email the of follow share comments comment updated
    published posted read min minute minutes mins ago hours days advertisement subscribe
    contact twitter facebook instagram linkedin more view all bio biography print article
    articles save like login menu search home top popular most latest trending recommended
    sign newsletter newsletters alerts this that these your our my""".split()
)

# Words of a role line next to a byline ("Staff Writer", "Opinion Columnist").
ROLE_WORDS: tuple[str, ...] = (
    "writer", "reporter", "correspondent", "editor", "columnist", "contributor", "journalist",
    "critic", "analyst", "redakteur", "redakteurin", "korrespondent", "rédacteur", "periodista",
    "redattore", "giornalista", "jornalista", "verslaggever",
)
# A "by" after one of these words credits a photo or a service, not an author.
CREDIT_WORDS: tuple[str, ...] = (
    "photo", "image", "picture", "foto", "illustration", "video", "graphic", "credit", "courtesy",
    "powered", "designed", "hosted", "sponsored", "presented",
)

# --- Agencies ----------------------------------------------------------------------------------

# Wire agencies: spelling as written in a dateline tag (casefolded) -> canonical short name.
AGENCIES: dict[str, str] = {
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "dpa": "dpa",
    "deutsche presse-agentur": "dpa",
    "upi": "UPI",
    "united press international": "UPI",
    "cnn": "CNN",
    "bloomberg": "Bloomberg",
    "pti": "PTI",
    "press trust of india": "PTI",
    "ians": "IANS",
    "ani": "ANI",
    "xinhua": "Xinhua",
    "tass": "TASS",
    "ria novosti": "RIA Novosti",
    "interfax": "Interfax",
    "efe": "EFE",
    "ansa": "ANSA",
    "apa": "APA",
    "epd": "epd",
    "kna": "KNA",
    "sda": "SDA",
    "belga": "Belga",
    "anp": "ANP",
    "lusa": "Lusa",
    "europa press": "Europa Press",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "aap": "AAP",
    "cp": "CP",
    "the canadian press": "CP",
    "canadian press": "CP",
    "pa": "PA",
    "pa media": "PA",
    "anadolu": "Anadolu",
    "aa": "Anadolu",
    "wafa": "WAFA",
    "menafn": "MENAFN",
    "bernama": "Bernama",
    "antara": "Antara",
    "ap/reuters": "AP",
}

# Lines whose whole text names only an agency, in a byline position ("Associated Press",
# "By Reuters", "Reuters, Washington"): these set the agency and never become an author.
AGENCY_BYLINE_NAMES: frozenset[str] = frozenset(
    k for k in AGENCIES if len(k) > 3 or k in {"ap", "afp", "dpa", "upi", "pti", "efe"}
)

# --- Titles, sites, breadcrumbs ---------------------------------------------------------------

# Separators between a headline and the site name in a <title> line.
TITLE_SEPARATORS: tuple[str, ...] = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " ‹ ", " / ")
# Breadcrumb separators and labels.
BREADCRUMB_SEPARATORS: tuple[str, ...] = (">", "»", "›", "/", "|", "→")
BREADCRUMB_LABELS: tuple[str, ...] = (
    "current:", "current location:", "you are here:", "you are at:", "you are here", "location:",
    "sie sind hier:", "vous êtes ici :", "vous êtes ici:", "está en:", "estás en:", "sei in:",
    "você está em:", "u bent hier:",
)
# Breadcrumb roots that are not categories.
HOME_WORDS: frozenset[str] = frozenset(
    "home homepage start startseite accueil inicio início portada home page main главная "
    "beranda index news".split()
)
# Word stems of interface controls: a short line containing one is a button, not a headline.
UI_STEMS: tuple[str, ...] = (
    "share", "sharing", "tweet", "e-?mail", "print", "comment", "menu", "search", "log ?in",
    "sign ?in", "sign up", "log ?out", "subscri", "close", "advertis", "facebook", "twitter",
    "linkedin", "whatsapp", "pinterest", "reddit", "read more", "more from", "related", "next",
    "previous", "back to", "copy", "link", "url", "skip", "navigat", "cookie", "privacy",
    "newsletter", "download", "click", "follow", "watch", "listen", "view", "toggle",
    "teilen", "drucken", "partager", "compartir", "condividi", "compartilh", "delen",
)
# Lower-case substrings of photo credits and reading-time stamps: such a line is no headline.
CREDIT_MARKERS: tuple[str, ...] = (
    "getty images", "shutterstock", "istock", "ap photo", "afp", "/reuters", "/ reuters", "reuters/",
    "reuters /", "credit", "©", "min read", "minute read", "all rights reserved", "photo:", "foto:",
    "bild:", "image:", "picture:", "(ap photo", "photo by", "foto von",
)
# Lower-case openings of captions, credits and bylines.
NOT_HEADLINE_STARTS: tuple[str, ...] = (
    "@", "photo:", "photos:", "image:", "images:", "picture:", "foto:", "bild:", "video:", "credit:",
    "source:", "caption:", "file photo", "above:", "photo |", "image |", "by ", "von ", "por ", "par ",
    "written by", "posted by", "author",
)
# Words a headline does not end with: a line cut before a date there is a sentence ("... on").
DANGLING_WORDS: frozenset[str] = frozenset(
    """on at in of for from to by and or the a an as since until near with am im um vom zum zur
    le la les de du des en au aux el los las del al il lo di da per em do dos das no na op van""".split()
)
# Interface phrases that rule a line out as a headline whatever its length.
UI_PHRASES: tuple[str, ...] = (
    "signed in as", "sign out", "log out", "external link", "new window", "sharing options",
    "continue reading", "read more", "chevron_", "arrow_", "you are here", "you are at",
    "cookie", "javascript", "your browser",
)
# Weekday names (en, de, fr, es, it, pt, nl, id), as printed before a date.
WEEKDAYS: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
)
# Legal suffixes removed from a name found in a copyright line.
LEGAL_SUFFIXES: tuple[str, ...] = (
    "inc", "inc.", "llc", "l.l.c.", "ltd", "ltd.", "limited", "gmbh", "ag", "s.a.", "sa", "kg",
    "co", "& co", "ohg", "ug", "e.v.", "ev", "sl", "s.l", "spa", "s.p.a.", "sas", "sarl",
    "corp", "corp.", "corporation", "company", "co.", "plc", "pty", "pty ltd", "media group",
    "s.l.", "srl", "s.r.l.", "bv", "b.v.", "nv", "all rights reserved",
)
# Country-code and generic endings of a host name, dropped to get its brand part.
HOST_PREFIXES: tuple[str, ...] = ("www", "www2", "m", "mobile", "amp", "blog", "blogs", "news", "en", "de")

# Connectors between a date and its time ("November 19, 2019 at 8:59 pm", "às 20:13").
TIME_CONNECTORS: tuple[str, ...] = ("at", "um", "à", "a las", "a la", "alle", "às", "as", "om", "pukul", "в", "-", "–", "—", "·", "|", "/", "@")
