"""Vocabularies the generic rules read: data, kept apart from the logic (as trafilatura does).

Everything is lower case; rules compare against the casefolded block text. Several languages are
covered because news sites are not all English; extend a list here and every rule that reads it
learns the new words.
"""

# Headings that open a list of links to other stories ("headline-list sections").
HEADLINE_LIST_HEADINGS = frozenset(
    """
related
related articles
related stories
related news
related posts
related content
related coverage
related links
related topics
ranking
rankings
recommendation
recommendations
recommended
recommended for you
recommended stories
recommended articles
read more
read next
read this next
more
more stories
more news
more from
more on this story
more on this topic
more to read
more in
more articles
more headlines
most popular
most read
most viewed
most shared
most commented
popular
popular stories
popular now
popular posts
trending
trending now
trending stories
top stories
latest
latest news
latest stories
latest headlines
latest articles
you may also like
you might also like
you may like
also read
also see
see also
don't miss
dont miss
editor's picks
editors' picks
editor’s picks
top picks
further reading
what to read next
what's next
up next
in case you missed it
around the web
from the web
sponsored
sponsored stories
sponsored content
promoted stories
partner content
more from our partners
mehr zum thema
mehr zum thema:
das könnte sie auch interessieren
auch interessant
meistgelesen
weitere artikel
weitere nachrichten
top-themen
lesen sie auch
te puede interesar
también te puede interesar
lo más leído
más noticias
noticias relacionadas
relacionados
artículos relacionados
lee también
à lire aussi
a lire aussi
lire aussi
sur le même sujet
les plus lus
articles similaires
leggi anche
potrebbe interessarti anche
articoli correlati
i più letti
leia também
artigos relacionados
posts relacionados
veja também
veja mais
mais lidas
leggi anche
altri articoli
ähnliche artikel
verwandte artikel
weitere themen
à voir aussi
voir aussi
dans la même rubrique
noticias relacionadas
más información
también puede interesarte
mais lidas
notícias relacionadas
lees ook
meest gelezen
""".strip().splitlines()
)

# Headings after which the rest of the page is not article text.
END_OF_ARTICLE_HEADINGS = frozenset(
    """
comments
comment
top rated comments
most popular comments
most recent comments
newest comments
responses
replies
leave a comment
leave a reply
post a comment
join the discussion
join the conversation
add a comment
show comments
view comments
reader comments
conversation
discussion
about the author
about the authors
share this article
share this story
share this
tags
topics
filed under
kommentare
kommentar schreiben
comentarios
deja un comentario
deja una respuesta
commentaires
laisser un commentaire
commenti
lascia un commento
reacties
deixe uma resposta
deixe um comentário
comentários
about the author
about us
related tags
more about
author information
author bio
sobre o autor
sobre el autor
über den autor
über die autorin
à propos de l'auteur
l'auteur
""".strip().splitlines()
)

# Whole-line widgets and UI words: share bars, reactions, pagers, buttons.
UI_WORDS = frozenset(
    """
share
shares
share this
share on facebook
share on twitter
share via email
share article
share story
tweet
print
email
e-mail
mail
facebook
twitter
x
linkedin
whatsapp
pinterest
reddit
telegram
flipboard
copy link
copy
link copied
comment
comments
view
view all
view more
view comments
view gallery
view image
more
less
... more
…more
show more
show less
read more
continue reading
see more
load more
loading
loading...
menu
close
open
search
sign in
sign up
log in
login
logout
log out
register
subscribe
subscribe now
my account
account
skip to content
skip to main content
skip to navigation
advertisement
advertisements
ad
ads
sponsored
sponsored content
paid content
back to top
top
home
next
previous
prev
next article
previous article
image
images
photo
photos
video
videos
caption
gallery
enlarge
expand
collapse
toggle
toggle navigation
follow
follow us
like
likes
reply
report
save
saved
bookmark
listen
listen to article
audio
play
pause
sections
newsletter
newsletters
rss
edition
teilen
drucken
merken
artikel teilen
zum artikel
compartir
imprimir
partager
imprimer
condividi
stampa
delen
""".strip().splitlines()
)

# Phrases that mark a prompt or legal line when they appear in a short block.
PROMPT_PHRASES = (
    "we use cookies",
    "this site uses cookies",
    "this website uses cookies",
    "cookie policy",
    "cookie settings",
    "accept cookies",
    "accept all",
    "sign up for our",
    "sign up to our",
    "sign up for the",
    "subscribe to our",
    "subscribe to the",
    "subscribe for",
    "subscribe now",
    "get our newsletter",
    "newsletter sign",
    "our newsletter",
    "daily newsletter",
    "free newsletter",
    "by signing up",
    "by subscribing",
    "enter your email",
    "like this story",
    "share it with a friend",
    "share this article",
    "tell us what you think",
    "let us know what you think",
    "what do you think?",
    "click here for more",
    "delivered through your letterbox",
    "delivered to your door",
    "subscribe today",
    "in your inbox",
    "sign up here",
    "click here to subscribe",
    "your email address",
    "already a subscriber",
    "already have an account",
    "create an account",
    "create a free account",
    "log in to",
    "sign in to",
    "forgot your password",
    "forgot password",
    "all rights reserved",
    "privacy policy",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "do not sell my",
    "ad choices",
    "adchoices",
    "follow us on",
    "download our app",
    "download the app",
    "get the app",
    "turn on notifications",
    "javascript",
    "enable javascript",
    "your browser",
    "support independent journalism",
    "support our journalism",
    "become a member",
    "wir verwenden cookies",
    "diese website verwendet cookies",
    "newsletter abonnieren",
    "alle rechte vorbehalten",
    "datenschutz",
    "impressum",
    "utilizamos cookies",
    "usamos cookies",
    "este sitio web utiliza cookies",
    "todos los derechos reservados",
    "suscríbete",
    "nous utilisons des cookies",
    "tous droits réservés",
    "abonnez-vous",
    "utilizziamo i cookie",
    "tutti i diritti riservati",
    "iscriviti",
)

# Start of a line that credits a photo; the line (and the caption it closes) is not body text.
PHOTO_CREDIT_PREFIXES = (
    "photo:",
    "photo by",
    "photos:",
    "photograph:",
    "photograph by",
    "image:",
    "image credit:",
    "image source:",
    "picture:",
    "credit:",
    "source:",
    "illustration:",
    "foto:",
    "bild:",
    "fotos:",
    "quelle:",
    "crédito:",
    "crédit photo",
    "(ap photo",
    "(reuters/",
    "(photo",
    "(foto",
    "ap photo/",
    "reuters/",
    "getty images",
    "file photo",
    "(file photo",
)

# Words that appear inside a credit anywhere in a short line.
PHOTO_CREDIT_MARKERS = (
    "ap photo/",
    "(ap photo",
    "reuters/",
    "afp via getty",
    "getty images",
    "/ getty",
    "via getty",
    "shutterstock",
    "photo credit",
    "image credit",
    "(photo:",
    "(photo by",
    "(image:",
    "(photo courtesy",
    "(courtesy",
    "file photo",
    "foto: ",
    "bild: ",
    "| photo",
    "/ afp",
    "/afp",
    "/ reuters",
    "epa-efe",
    "/ epa",
    "dpa/",
)

# Platform tags that content syndicators put in front of the first paragraph.
PLATFORM_TAGS = ("MENAFN",)

# Breadcrumb separators as printed by common templates.
BREADCRUMB_SEPARATORS = (" > ", " › ", " » ", " / ", ">", "›", "»")
BREADCRUMB_ROOTS = frozenset(
    "home homepage startseite inicio portada accueil página inicial pagina iniziale news current:home".split()
)

# Words a bare date line may carry besides the date itself ("Updated 1:39 am EST, Wednesday, ...").
DATE_LINE_WORDS = frozenset(
    """
date published updated posted modified last on at am pm a.m p.m et pt ct mt est edt pst pdt cst cdt
mst mdt gmt utc bst cet cest ist jst kst aest aedt sgt hkt z
stand uhr veröffentlicht aktualisiert am um
publicado actualizado el de a las hs h
publié mis à jour le à
pubblicato aggiornato il alle ore
gepubliceerd bijgewerkt op om
time
monday tuesday wednesday thursday friday saturday sunday
mon tue tues wed thu thur thurs fri sat sun
montag dienstag mittwoch donnerstag freitag samstag sonntag
lunes martes miércoles jueves viernes sábado domingo
lundi mardi mercredi jeudi vendredi samedi dimanche
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
januar februar märz mai juni juli oktober dezember
enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
janvier février mars avril juin juillet août septembre octobre novembre décembre
gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
ago just now p m
年 月 日 时 分 時 号 曜日 火 水 木 金 土 년 월 일 시 분 오전 오후 午前 午後 上午 下午
second seconds minute minutes min mins hour hours hr hrs day days week weeks month months year years
vor stunden tagen minuten hace horas días il y a heures jours
""".split()
)

# A byline starts with one of these (case-insensitive), followed by a name.
BYLINE_PREFIXES = (
    "by ",
    "written by",
    "words by",
    "story by",
    "posted by",
    "author:",
    "authors:",
    "von ",
    "por ",
    "par ",
    "di ",
    "door ",
)
