"""The words the resolver reads around place names, and the places that are not in Massachusetts.

The lists here are the language of the bot's messages, in English, Spanish and Portuguese: the
filler of a question ("is it banned in", "moro em"), the words that point at a place ("in",
"from", "en", "em"), the words of the bot's own subject ("ward", "bill", "senator"), and the words
that make a town's name part of another place's name ("Cambridge Street", "Boston College").
The common words of the three languages and the places elsewhere come from the knowledge
(``common_words.yaml`` and ``world.yaml``, generated from wordfreq and GeoNames).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA, Levenshtein

from bot.core.hanzi import simplified_all
from bot.core.normalize import fold
from bot.core.typos import sound

# Words that carry no place: greetings, the question itself, the topic, "I live in", in the
# three languages the bot speaks.
FILLER = frozenset(
    """
    a about after all also am an and any anything are area around as at be been before but by
    can check city code community could currently did do does dont for from get got has have
    hello help hey hi how i id if im in info information is isnt it its just know let like live
    lived lives living located look looking me moved my near neighborhood now of on or our
    please postal question regarding resident right still stay staying tell thank thanks that
    the their there theres this to town township us use used using village want wanted was we
    were what whats where which who will with would yes yet you your zip zipcode
    ban bans banned banning allowed allow legal illegal law laws ordinance bylaw rule rules
    face faces facial recognition surveillance surveil tech technology software camera cameras
    police government gov status measure measures policy policies moratorium
    covered included incluido incluida cubierto cubierta coberto coberta
    souple tanpri porfa porfavor plz pls pfv thx
    massachusetts mass ma usa america state commonwealth
    ok okay yeah yep nope no not sure hmm lol thx ty pls plz vs versus nor ou
    idk idc tbh btw imo imho omg smh ngl fyi jk lmao lmk haha hahaha rn kinda sorta
    fr frfr istg fam tho lowkey highkey deadass yall asap atm rly srsly sry srry obv obvi ig
    pleez plis nvm tbf
    up down over out off back here just really too very both either each ambos ambas
    el la los las lo le un una unos unas y o u e de del en es esta estan este eso que como
    donde cual quien por para con sin mi mis su sus tu soy estoy vivo vive vivimos ciudad pueblo
    prohibido prohibida prohibidos prohibicion reconocimiento vigilancia tecnologia policia
    hola gracias ayuda si ya hay tiene tienen usa usan sobre aqui alli mas muy
    os as um uma uns umas em no na nos nas do da dos das ao aos sou estou moro mora moramos
    cidade onde qual quem com sem meu minha seu sua proibido proibida proibicao reconhecimento
    vigilancia tecnologia ola oi obrigado obrigada ajuda sim tem voce aqui ali muito mais
    """.split()
)
# Words that point at a place: after one of them a name that is an ordinary word counts.
# Not "at": "a student at Harvard" names a university, not the town of Harvard.
# Not "to": "I go to Harvard" names a university.
# Nor "for" ("ask for Shirley") or "of" ("the white cliffs of Dover").
# Albanian "nga", German "aus", Haitian Creole "soti", Twi "firi" (from); Greek, read in Latin
# letters: "sto", "sti", "stin" (in the), "apo" (from).
CUES = frozenset(
    """
    in from about into on en de desde em no na do da nan dans nga aus soti firi sto sti stin apo fi
    nel nella
    """.split()
)
# The bot's own subject: never part of a place name, never a typo of one ("ward 3" is not
# Ware, "the bill" is not Gill), in the three languages.
SUBJECT = frozenset(
    """
    ward wards precinct precincts pct prec bill bills hearing hearings testimony testify law
    laws ban bans police camera cameras vote votes voting voter voters rep reps representative
    representatives senator senators senate house legislator legislators legislature
    committee judiciary street main office council councilor councillor select board mayor
    petition warrant article meeting clerk alert alerts subscribe unsubscribe stop start menu
    privacy data forget delete call email script precint precinc prct prec wrd pcts
    approve approved approves pass passed passes adopt adopted adopts outlaw outlawed outlaws
    prohibit prohibits prohibited restrict restricts restricted permit permits permitted
    voted enacted considering consider bot bots chatbot
    distrito barrio calle ley leyes proyecto senador representante camara concejo alcalde
    bairro rua lei leis projeto deputado vereador prefeito camara conselho
    mic mics microphone microphones reconnaissance faciale loi lois interdiction rekonesans
    precinto precintos recinto migra
    borrar borren borre borra borrame borrenme eliminar eliminen elimine apaguem apague
    deletar deletem delete excluam
    vizaj lapolis lwa
    """.split()
)
# Words that make a place's name a business's or a team's, whatever kind of name it is:
# "Manchester United", "Boston Beer", "Rockport shoes".
BUSINESS_WORDS = frozenset(
    """
    inc incorporated corp corporation company llc ltd united fc shoes shoe boots wine winery
    brewing brewery beer coffee pizza restaurant diner cafe bakery furniture motors class
    classes lesson lessons studio studios workout workouts garden kitchen grill buffet deli
    bistro pub tavern palace takeout insurance assurance bank firm firms
    commodores kettleers gatemen whitecaps anglers mariners firebirds braves
    titleist footjoy
    jeans denim analytica antivirus sofa sofas couch armchair cheetah brothers
    rockets clippers warriors tigers panthers raiders crusaders wildcats bulldogs hawks
    spartans falcons knights pioneers bears lions cougars mustangs hornets devils minutemen
    saints 49ers niners giants steelers pirates penguins ravens orioles pelicans vikings
    timberwolves athletics blazers timbers seahawks sounders kraken packers brewers bucks
    colts cowboys jets yankees mets dodgers cubs rams chargers broncos chiefs dolphins
    jaguars texans titans bengals browns commanders buccaneers bucs padres rockies
    diamondbacks astros phillies marlins guardians lakers knicks sixers 76ers raptors
    cavaliers cavs pistons pacers grizzlies mavericks mavs spurs nuggets suns bruins
    canadiens habs flyers islanders sabres predators blackhawks canucks oilers flames
    avalanche sharks
    """.split()
)
# (The fourth line: brands and namesakes that are towns' names, "Lee jeans", "Cambridge
# Analytica", "Norton antivirus", a "Chesterfield sofa", "Chester Cheetah", the "Dalton
# brothers". The line before the last: the Cape Cod Baseball League's teams, "Falmouth Commodores",
# "Cotuit Kettleers": https://en.wikipedia.org/wiki/Cape_Cod_Baseball_League. The last: the
# Acushnet Company's brands, https://en.wikipedia.org/wiki/Acushnet_Company. The two after:
# high-school teams' nicknames, "Needham Rockets", "Falmouth Clippers", https://miaa.net. The
# rest: the major leagues' teams, "New Orleans Saints", https://en.wikipedia.org/wiki/
# Major_professional_sports_leagues_in_the_United_States_and_Canada; nicknames that are also
# words said after a town for other reasons (Senators, Bills, Heat, Kings, Stars) are left out)
# Dishes and products named after a town: "Wellfleet oysters", "Ipswich clams", "Boston cream
# pie", "Nantucket Nectars"; Lincoln's cars ("Lincoln Continental", https://en.wikipedia.org/
# wiki/Lincoln_Motor_Company), a "Cheshire cat", "Huntington's disease". Right after a name,
# with no place word before it, the name is the
# thing's, not where anyone lives ("I live in Wellfleet, oysters are great" is Wellfleet).
PRODUCT_WORDS = frozenset(
    """
    oyster oysters clam clams chowder cream pie pies beans chips nectar nectars cider grapes
    cranberries cranberry lobster lobsters scallops sauce donut donuts doughnuts bread cheese
    candy cookies fudge taffy terrier terriers accent strangler legal pottery china plates
    silverware glassware jar jars net nets vase vases dishes dinnerware figurine figurines
    russet russets apple apples hen hens chicken chickens rooster roosters pullet pullets
    reds fern ferns ivy basket baskets treaty brose watch watches clock clocks
    rifle rifles pistol pistols carbine carbines musket muskets
    comma commas dictionary dictionaries lure lures lettuce
    continental navigator aviator nautilus corsair cat cats disease syndrome
    """.split()
)
# The same in Spanish and Portuguese, where the thing comes first: "jugo de Orange", "suco de
# Orange", "productos de Avon", "perfume Avon", "el elevador de Otis", "una pistola Springfield",
# "el conde de Essex". Before "de"/"da"/"do"/"del" (or right before the name), the name is the
# thing's maker or namesake, not where anyone lives ("la policía de Lowell" is Lowell: police
# is no thing here). Folded, without accents.
ROMANCE_THINGS = frozenset(
    """
    jugo jugos zumo suco sucos productos producto produtos produto perfume perfumes colonia
    varza repollo couve
    crema cremas creme cremes maquillaje maquiagem cosmeticos elevador elevadores ascensor
    ascensores pistola pistolas rifle rifles escopeta revolver conde condesa duque duquesa
    camiseta camisetas zapatos sapatos zapatillas tenis cerveza cervezas cerveja cervejas vino
    vinho galletas biscoitos bolo pastel torta queso queijo helado sorvete refresco
    refrigerante mermelada geleia catalogo catalogos revendedora revendedor
    paquete paquetes cajetilla cigarros cigarrillos cigarro cigarrilho macos maco anillo
    anillos anel aneis collar colar platos plato pratos prato vajilla loza porcelana
    vaisselle porcelaine jus produits produit parfum biere vin fromage gateau catalogue
    bague collier assiette assiettes
    billete billetes muro gato libro libros diccionario dicionario livro livros
    aula aulas clase clases prova provas examen exame ingles
    tren trenes trem trens
    paquet cigarettes souliers chaussures bottes fauteuil canape sofa antivirus logiciel mur chat
    maladie enfermedad doenca sindrome syndrome
    freres hermanos irmaos soeurs hermanas irmas famille
    """.split()
)  # (French, "la vaisselle Lenox", "le jus d'Orange"; "el tren de Worcester", a commuter
# rail line named for the town it runs to; then more French, "un paquet de Salem", "le mur de
# Berlin", "la maladie de Huntington", and families named like towns, "les frères Dalton")
# Rooting for a club named like a town: "torço pro Chelsea", "soy hincha del Chelsea".
# A match or a team: "el partido del Chelsea", "jogo do Chelsea", "los Bruins de Boston".
FANDOM = frozenset(
    """
    torco torcer torcemos torcedor torcedora torcedores hincha hinchas partido partidos juego
    jogo jogos partida equipo equipa clube aficionados bruins celtics patriots pats sox
    revolution revs equipe foot supporter supporters
    """.split()
)
# Boston English that no word list of the three languages holds ("wicked pissah", a "packie",
# "jimmies"), and the teams' short names ("the Revs", "the Celts"): ordinary words here, never a
# name misspelt or heard by its sound ("the revs game" had offered Revere).
# Source: https://en.wikipedia.org/wiki/Boston_English (vocabulary).
BOSTON_ENGLISH = frozenset(
    """
    pissah pissa packie packy bubbler jimmies frappe frappes statie staties hoodsie grinder
    grinders dunks dunkies chowdah cah yahd pahk wicked
    revs celts
    """.split()
)


# Puerto Rican and Dominican Spanish words many residents of Springfield, Holyoke, Lawrence and
# Worcester write ("wepa", "chévere", "guagua") that wordfreq's Spanish list lacks or ranks low:
# ordinary words, never a name misspelt or heard by its sound.
# Sources: https://en.wikipedia.org/wiki/Puerto_Rican_Spanish and
# https://en.wikipedia.org/wiki/Dominican_Spanish (vocabulary).
CARIBBEAN_SPANISH = frozenset(
    """
    wepa boricua boricuas chevere guagua janguear jangueo bregar brega corillo mano pana panas
    nitido zafacon jevo jeva tiguere tigueraje dique klk vaina bochinche chavos pai mai
    """.split()
)

# Everyday words and foods of Salvadoran, Guatemalan and Honduran Spanish, spoken in East
# Boston, Chelsea, Revere and Lynn, that wordfreq's lists hold too rarely to count ("un atol
# de elote" is a drink, not Athol; "chapin" a Guatemalan, not Chatham).
# Sources: https://en.wikipedia.org/wiki/Salvadoran_Spanish,
# https://en.wikipedia.org/wiki/Guatemalan_Spanish, https://en.wikipedia.org/wiki/Honduran_Spanish
# (vocabulary) and https://en.wikipedia.org/wiki/Salvadoran_cuisine (foods).
CENTRAL_AMERICAN_SPANISH = frozenset(
    """
    atol atole shute chapin chapina chapines chingon chingona tuanis brete jalon chompipe
    ayote pupusa pupusas pupuseria chero chera cheros cipote cipota cipotes pisto guanaco
    guanaca guanacos chele cerote puchica ishto cuilio chepe maje majes patojo patoja patojos
    chunche pijazo riguas chilate semita curtido loroco pacaya chumpa pichel guaro cususa
    nuegados torrejas chipilin jocon pepian tapado casamiento bayunco catracho catracha
    catrachos baleada baleadas chamba chivo chiva vos sos tenes queres
    """.split()
)

# Everyday words of Amharic and Tigrinya, which wordfreq does not list, in Ethiopic script:
# "ሰላም" (hello, selam) had been heard as Salem. Sources:
# https://en.wikivoyage.org/wiki/Amharic_phrasebook,
# https://en.wikivoyage.org/wiki/Tigrinya_phrasebook. The last four lines (everyday words of a
# question about the law, "what", "how", "law", "camera", "face", "testimony"; the forms of
# "move", ተዛወረ; pronouns, prepositions, and the forms of "live", ኖረ in Amharic and ነበረ in
# Tigrinya, conjugated) are written from the languages' grammar and Wiktionary: a research
# session found no page listing እኖራለሁ or የምኖረው themselves.
ETHIOPIC_WORDS = frozenset(
    """
    ሰላም ሰላምታ ጤና ይስጥልኝ አመሰግናለሁ አዎ አይ እሺ እባክህ እባክሽ እባክዎ ደህና ነህ ነሽ ነው
    ከመይ ኣለኻ ኣለኺ ኣለኹም የቐንየለይ እወ ኣይ በጃኻ በጃኺ
    እኔ እኛ የምኖረው እኖራለሁ እንኖራለን ይኖራሉ ይኖራል ውስጥ ከተማ ወደ ቤተሰቤ
    ምንድን ምንድነው እንዴት ሕግ ካሜራ የፊት ፊት ምስክርነት መስጠት እችላለሁ ባለፈው አመት ዓመት
    እንዛወራለን እዛወራለሁ ተዛወርን ተዛወርኩ ተዛውረናል
    ኣነ ኣብ ካብ እየ ዘለኹ ዝነብር ይነብሩ ይነብር እነብር ንነብር ትነብር ትነብሪ ትነብሩ ይነብራ ስድራይ ሕጂ
    """.split()
)
# Everyday words of Haitian Creole, spoken by many residents of Boston, Brockton, Everett and
# Somerville ("ede m souple", help me please), that wordfreq's lists do not hold: ordinary
# words, never a name misspelt or heard ("nan", in, is a cue of its own).
# Source: https://en.wikipedia.org/wiki/Haitian_Creole (pronouns, common words).
HAITIAN_CREOLE = frozenset(
    """
    mwen ou li nou yo ede souple mesi anpil bonjou bonswa kijan koman kote rete vle konnen
    kounye jodi demen tanpri ki sa bagay moun kay lekol travay eske gen genyen lwa pa
    figi rekonesans kamera polis lapolis itilize legliz
    """.split()
)


# Everyday words of Khmer, Somali, Arabic and Nepali as residents of Lowell, Lynn, Revere,
# Worcester, Springfield and Chelsea type them in Latin letters ("knhom nov Lowell", I live in
# Lowell; "waan ka xumahay", I'm sorry; "shukran ya akhi"; "mero ghar", my home), which
# wordfreq's lists do not hold: ordinary words, never a name misspelt or heard by its sound.
# Sources: https://en.wikivoyage.org/wiki/Khmer_phrasebook,
# https://en.wikivoyage.org/wiki/Somali_phrasebook,
# https://en.wikivoyage.org/wiki/Arabic_phrasebook,
# https://en.wikivoyage.org/wiki/Nepali_phrasebook
ROMANIZED_WORDS = frozenset(
    """
    knhom khnhom nov nev bong oun orkun arkun chreun chraen som tov mok jong chong ot te nham
    bai srok phteah kruosar lub sok sabay soksabay chumreap reap suor leah mean ey ach sdab
    niyeay khmer plov phsar wat vat ning haey pel thngai nis nih chbab
    waan waxaan ahay ka xumahay af soomaali ingiriisi ku hadli kartaa aqaan mahadsanid nabad
    iska haa maya joogaa degan deggan magaalada maxaa sidee tahay waa wax aan baan qof guriga
    caawin fadlan
    shukran jazakallah jazak khair khayr akhi ukhti ya habibi inshallah mashallah
    alhamdulillah salaam assalamu alaikum marhaba ahlan yalla wallah ana enta inta bismillah
    afwan sabah kheir
    mero timro hajur dhanyabad dhanyabaad namaste bolnu milcha milchha basnuhuncha baschu
    ghar didi dai bahini bhai ke cha chha chaina huncha hunchha garnu garna sakchu nepali
    ramro kasto kaha kahaa hamro hami tapai tapain
    slainte conas ata dia duit dhuit raibh agat slan taim chonai obair failte
    barev dzez inchpes inch mersi shnorhakalutyun ayo voch hayeren warran uai
    ti kaneis kanis kalimera kalispera kalinixta efharisto efcharisto parakalo geia yia sou
    xronia chronia polla papou yiayia giagia koumbaros koumbara nouna nouno meno menoume
    stin kai einai eimai
    accha acha achha haan nahi kya hain mera meri mein batao yahan wahan kaise theek thik
    shukriya dhanyavad naaku ardham kaaledu enti emi ledu undi enga veedu naan irukken
    romba nandri vanakkam pesalama pesunga pesuveengala theriyuma theriyathu venum vendum
    illa irukku irukka enna eppadi yaaru unga ungal enakku tamil pannum panna
    hum hun hoon tha thi gaya gayi gaye raha rahi rahe dono aur pehle pichle saal dekh jagah
    wale wala wali waale yaar sakte sakta chehra karte karta mujhe kahan kaun kuch abhi lekin
    paas dekhne chalein chalo nahin
    ami amar amra tumi apni thaki thake thakbo achi achen ekhane okhane okhanei kothay kintu
    porashona kori bhalo dhonnobad notun shohor amader apnar
    walaal jiraa mamnuuc kamarad kamaradaha wajiga guuray guurnay sanadkii sannadkii
    xaafadayda xaafadda nool noolahay halkan booliska dowladda
    selam hawey hawtey yekenyeley yekenyelay kemey aleka aleki iye zeneber zneber znebr
    ene enoralehu yemnorew yeminorew wust endet ameseginalehu betam yistilign awo yelem
    yikelekelal
    imnida ieyo iyeyo yeyo eseo eseoyo salayo sarayo salgo isseoyo jeoneun naneun jibeun
    gamsahamnida annyeong annyeonghaseyo aniyo hangugeo eodi eodiyeyo
    desu deshita sundeimasu sundeiru sunde imasu zaijuu zaiju watashi watashiwa boku
    arigatou arigato gozaimasu konnichiwa sumimasen nihongo doko
    astynomia vlepei vlepoun kameres kamera exei echei nomo nomos politeia thelo grapso ston
    stis tis tous vouleuti vouleutis mou mas sas nomosxedio perase christos anesti alithos
    ginetai metakomisame metakomisa apo perisi zoume douleuo douleuoume
    jetoj jetojme banoj banojme shtepia shtepi eshte jemi nuk kuptova kuptoj falni
    faleminderit pershendetje mirupafshim mund ndihmoni shqip shqiptar kush senatori jone yne
    cfare mire tungjatjeta
    shat shnorhakal
    ani keessa jiraadha jiraanna jiraata akkam jirta nagaa galatoomi magaalaa
    kei kan cu ah um innkuan rak hngalh duh kong
    basxu basxau baschu baschau bascha basxa
    madainn mhath tapadh leat feasgar math ciamar
    mbote matondo mingi
    ako kami kayo tayo po opo nakatira namin kamusta kumusta salamat paano bakit saan nasa
    ngayon dati malaman hindi
    salam chetori khubi khoobam mamnoon shab bekheir bekhair sobh mikone mikonam mikonim
    zendegi hastam hastim begid mishe lotfan khodahafez
    silav spas rojbas cawa kurdi dizani dizanim diminim dijim qedexe heye
    belediyesi belediye tanima kullaniyor merhaba tesekkurler evet hayir secim bolgem bolge
    oturuyorum yasiyorum calisiyorum
    shana tova gutn tog voinen
    wetin abeg wahala una dey sabi abi oga pikin wey sef shey
    zdravei blagodarya mnogo
    """.split()
)  # (Irish, Armenian, Greek ("Greeklish"), Hindi, Telugu and Tamil in Latin letters,
# Wikivoyage's Irish, Armenian, Greek, Hindi, Telugu and Tamil phrasebooks; then more Hindi,
# Bengali, Somali, Tigrinya and Amharic as residents type them, written with Wikivoyage's
# Hindi, Bengali, Somali, Tigrinya and Amharic phrasebooks at hand but not each found in
# them: everyday words and verb forms, none a name of ours, e.g.
# https://en.wikivoyage.org/wiki/Bengali_phrasebook; the last four lines: Korean and Japanese
# in Latin letters, "quincy imnida" (it is Quincy), "cambridge zaijuu desu" (I live in
# Cambridge), https://en.wikivoyage.org/wiki/Korean_phrasebook and
# https://en.wikivoyage.org/wiki/Japanese_phrasebook; after them, Greek, Albanian typed without
# its "ë" ("eshte", is) and Armenian, https://en.wikivoyage.org/wiki/Greek_phrasebook,
# https://en.wikivoyage.org/wiki/Albanian_phrasebook, https://en.wikivoyage.org/wiki/
# Armenian_phrasebook; then Oromo ("Ani Boston keessa jiraadha", I live in Boston), Hakha Chin
# ("Kei cu Chelsea ah ka um", I live in Chelsea), Nepali verbs of living in Latin letters,
# Scottish Gaelic and Lingala greetings, Tagalog pronouns, "po" and everyday words (Taglish:
# "taga-Quincy ako po", I am from Quincy); Persian in Latin letters ("chetori", how are you;
# "zendegi mikonam", I live), Kurmanji ("silav", hello; "kurdî dizanî?", do you speak
# Kurdish?), Turkish typed without its letters ("belediyesi", its municipality; "yaşıyorum", I
# live), Yiddish and Hebrew greetings ("shana tova", "a gutn tog"), Nigerian and Ghanaian
# Pidgin ("wetin", what; "abeg", please; "no wahala", no problem;
# https://en.wikipedia.org/wiki/Nigerian_Pidgin) and Bulgarian greetings in Latin letters:
# https://en.wikivoyage.org/wiki/Oromo_phrasebook,
# https://en.wikivoyage.org/wiki/Tagalog_phrasebook, https://en.wikivoyage.org/wiki/
# Persian_phrasebook, https://en.wikivoyage.org/wiki/Kurmanji_phrasebook,
# https://en.wikivoyage.org/wiki/Turkish_phrasebook, https://en.wikivoyage.org/wiki/
# Yiddish_phrasebook,
# https://en.wikipedia.org/wiki/Hakha_Chin_language, https://en.wikivoyage.org/wiki/
# Scottish_Gaelic_phrasebook, https://en.wikivoyage.org/wiki/Lingala_phrasebook)

# Words of Cape Verdean Creole (Kriolu), spoken by many residents of Brockton, New Bedford and
# Boston, most of them no other language's common words: pronouns, particles and the words of
# everyday phrases ("modi ki bu sta?", how are you; "N kre djuda", I want to help). Two of them
# make a message Kriolu, where "bu" (you) is not BU and no word is a name heard by its sound.
# Source: https://en.wikipedia.org/wiki/Cape_Verdean_Creole (pronouns, the verbal particles
# "ta", "sta", "dja", "ka"; "e", is: "bu e robot?", are you a robot?).
KRIOLU = frozenset(
    """
    bu nha nhas nhos modi kre djuda undi kuze txeu sabi mantenha dretu obrigadu tanbe kel
    sta dja ka ta mora pamodi kusa fla odja uza kara polisia e
    """.split()
)
KRIOLU_MESSAGE = 2


def in_kriolu(words: Sequence[str]) -> bool:
    """Whether a message is in Kriolu: two of its words are Kriolu's own."""
    return sum(word in KRIOLU for word in words) >= KRIOLU_MESSAGE


# Mandarin written in pinyin without tones ("wo bu zhidao", I don't know): "bu" (not) is then
# no BU. Words pinyin has and English, Spanish and Portuguese lack or rarely use.
# Source: https://en.wikipedia.org/wiki/Pinyin (and any Mandarin word list).
PINYIN = frozenset(
    """
    wo ni ta women nimen tamen zai zhu shi hao zhidao yisi shenme zenme weishenme xiexie
    zaijian nali zheli duoshao keyi mei meiyou hen jia zhege nage jintian mingtian bu
    """.split()
)
# Vietnamese typed without its marks ("toi song o Malden, co cam khong?"): "co" (has) is then
# no Colorado, "thanh pho" is "city of", "o" is "in". Source: https://en.wikipedia.org/wiki/
# Vietnamese_language (basic vocabulary).
VIETNAMESE_UNMARKED = frozenset(
    """
    toi khong duoc nguoi cua biet chao nhe vay minh nhieu song thanh luat nay khuon nhan dien
    canh
    """.split()
)
OTHER_LANGUAGE_MESSAGE = 2


def in_pinyin(words: Sequence[str]) -> bool:
    """Whether a message is Mandarin in pinyin: two of its words are pinyin's own."""
    return len({word for word in words if word in PINYIN}) >= OTHER_LANGUAGE_MESSAGE


def in_unmarked_vietnamese(words: Sequence[str]) -> bool:
    """Whether a message is Vietnamese typed without marks: two of its words are."""
    return len({word for word in words if word in VIETNAMESE_UNMARKED}) >= OTHER_LANGUAGE_MESSAGE


# Films, songs and shows: near one of these words, a name with no place word before it is a
# title's ("just watched Manchester by the Sea", "Shipping Up to Boston on repeat", "Boston
# Legal reruns", "the band Boston"), not where the writer lives ("movie night in Amherst").
MEDIA_WORDS = frozenset(
    """
    watched watching movie movies film films song songs album albums band lyrics playlist
    repeat episode episodes series reruns rerun trailer netflix hulu hbo spotify soundtrack
    documentary sitcom cartoon podcast musical concert concerts tour play plays playwright
    novel novelist poem poet author book books pelicula peliculas tv character characters
    simpsons simpson catalog catalogs catalogue catalogues magazine
    cancion canciones filme filmes musica novela television
    """.split()
)
# Titles, brands, people and sayings that hold a town's name and name no place. Each is a
# well-known name in its own right; a message holding one is not about that town through it.
NOT_PLACES = tuple(
    tuple(phrase.split())
    for phrase in """
    shipping up to boston | boston legal | boston strangler | boston cream
    boston terrier | boston terriers | boston baked beans | more than a feeling
    revere ware | dudley do right | taking of pelham | oh my goshen | in concord with
    templeton the rat | reading rainbow | agent orange | clockwork orange
    orange is the new black | john hancock | your hancock | lincoln logs | lincoln navigator
    florence and the machine | montague and capulet | montagues and capulets
    emerson lake and palmer | lawrence of arabia | salems lot | the witches of eastwick
    robert e lee | pure barre | land of goshen | boston 25 | nbc boston | nbc10 boston
    swansea city | holden caulfield | hatfield and mccoy | hatfields and mccoys
    nantucket sleigh ride | robert walpole | burlington coat factory | quincy m e
    otis elevator | otis elevators | avon products | earl of essex | norton antivirus
    ley de newton | leyes de newton | lei de newton | leis de newton
    bill clinton | hillary clinton | chelsea clinton
    wayland compositor | wayland session | wayland protocol | sterling silver
    lincoln douglas | westboro baptist | mit license | mit licence | mit licensed
    braintree checkout | braintree payments | braintree api
    quincy with jack klugman | loi de newton | lois de newton | pucelle d orleans | jeanne d arc
    """.replace("\n", "|").split("|")
    if phrase.strip()
)
# Words that make a town's name part of another place's name: "Cambridge Street", "Lowell
# High School", "Boston University", "Springfield Mall", "Salem State". The name before one of
# them is not where someone lives; a known landmark is matched whole before this applies.
STRUCTURE = BUSINESS_WORDS | frozenset(
    """
    street st str road rd avenue ave av boulevard blvd lane ln drive dr way place pl court ct
    terrace ter parkway pkwy highway hwy turnpike tpke pike route rte circle cir
    square sq market marketplace park pond lake beach bch reservoir
    school schools elementary academy college university univ institute state hospital
    medical clinic station terminal depot airport mall plaza galleria shopping
    co bank savings credit trust insurance
    mutual public library museum symphony pops globe herald gazette times tribune news
    magazine review journal radio red celtics bruins patriots marathon bridge tunnel yard stop
    house hotel resort
    """.split()
)
# Street words: a name after one is a town in an address ("12 Lowell St Reading MA").
STREET_WORDS = frozenset(
    "street st str road rd avenue ave av boulevard blvd lane ln drive dr way place pl court ct "
    "terrace ter parkway pkwy highway hwy route rte circle cir square sq".split()
)
# A name after one of these is a street ("calle Haverhill", "rua Lowell", "avenida Essex").
STREET_BEFORE = frozenset("calle rua rue avenida av avenue travessa estrada camino".split())
# A place named after these is where the resident no longer lives, or not: "I used to live in
# Lowell", "morava em Brockton", "Eastham, not Easthampton".
PAST_OR_NOT = frozenset(
    "used grew originally formerly previously morava vivia viviamos not nao ni pehle".split()
)
# Words that say where the resident lives, a few words before a place (Haitian Creole "viv",
# "rete": "m ap viv Everett").
RESIDENCE = frozenset(
    """
    live lives living reside resident residents home moro mora moramos vivo vive vivimos viv rete
    habite jhabite habitons habitent vis vit vivons rehta rehti rehte rahta rahti rahte
    wohne wohnen abito abita abitiamo jetoj jeton mieszkam mieszkamy mete meno menoume
    """.split()
)
# Words that make up place names everywhere ("West Side", "North End", "Center"): a name made
# only of them could be anywhere, so it is asked about, and never guessed from a typo.
GENERIC_WORDS = frozenset(
    """
    north south east west new old great little upper lower center centre central village
    falls port field ville hill hills side end beach river lake pond mount mountain downtown
    uptown midtown square corner corners highlands heights plain plains park harbor island
    """.split()
)
# Municipality names that are also ordinary words or first names: inside a sentence they
# count only after a cue ("in Reading"), before "MA", in an address, or alone. Reviewed against
# every Massachusetts name among wordfreq's 30,000 most frequent English words (see
# tests/test_vocabulary.py): the rest of those are names people know as places (Boston,
# Worcester, Plymouth), which count anywhere.
COMMON_WORD_NAMES = frozenset(
    """
    reading orange hull ware florida washington wales holland canton franklin dover essex
    chester hancock lincoln clinton warren monroe peru savoy hudson douglas carver sharon heath
    gill lee otis rowe berlin concord lexington harvard milton mansfield sutton grafton
    sandwich salem plymouth chatham oxford leicester winchester milford
    sterling stow shirley beverly dennis marion norfolk russell granby hamilton dudley holden
    princeton windsor amherst wellesley brewster avon webster auburn halifax ayer
    """.split()
)
# Aliases and landmarks that are common words of English, Spanish or Portuguese but are, in a
# message to this bot, the names of places: they count anywhere. Every other one-word alias
# that is a common word ("Onset", "Dot", "Reservoir", "Logan") counts only after a cue ("in
# Onset", "at Logan") or before "MA". Reviewed against every such alias and landmark (the list
# is printed by tests/test_vocabulary.py).
PROPER_NAMES = frozenset(
    """
    aberdeen bellevue bradford brighton chinatown dorchester fenway florence glendale hastings
    islington jp leeds manchester piedmont rochdale zoar jefferson farley bmc bu mfa mit
    brigham sf nola
    """.split()
)
# Names of places that are also a US state or a country: alone, or with "MA", they are the
# town; in a sentence they are more often the state or the country ("I moved from Florida").
ELSEWHERE_NAMES = frozenset("florida washington wales holland peru".split())
# Chinese names of the countries and cities that some Massachusetts names share (英国剑桥 is
# Cambridge in England): a name right after one of them is there, not here.
CJK_ELSEWHERE = simplified_all(
    (
        "英国", "英國", "英格兰", "英格蘭", "伦敦", "倫敦", "中国", "中國", "加拿大", "澳大利亚",
        "澳洲", "台湾", "台灣", "香港", "日本", "韩国", "韓國", "越南", "爱尔兰", "愛爾蘭",
    )
)  # fmt: skip
# The same countries, and the US states whose towns share our names (Lexington, Kentucky;
# Salem, Oregon), in Chinese, Korean and Japanese, as each language's Wikipedia titles them
# (zh/ko/ja.wikipedia.org, the article on the country or state). A town's name beside one
# of them, before or after it ("케임브리지 영국", "列克星敦 肯塔基州"), is there, not here.
# Maine is left out in Korean and Japanese: 메인 and メイン are also "main".
SCRIPT_ELSEWHERE = simplified_all(
    (
        *CJK_ELSEWHERE,
        "영국", "잉글랜드", "イギリス", "イングランド", "캐나다", "カナダ", "중국", "한국",
        "韓国", "일본", "베트남", "ベトナム", "대만", "호주", "オーストラリア", "아일랜드",
        "アイルランド",
        "肯塔基州", "肯塔基", "켄터키", "ケンタッキー", "俄亥俄州", "俄亥俄", "오하이오",
        "オハイオ",
        "加利福尼亚州", "加州", "캘리포니아", "カリフォルニア", "纽约州", "뉴욕", "ニューヨーク",
        "得克萨斯州", "德州", "텍사스", "テキサス", "佛罗里达州", "佛州", "플로리다", "フロリダ",
        "弗吉尼亚州", "버지니아", "バージニア", "新罕布什尔州", "뉴햄프셔", "ニューハンプシャー",
        "康涅狄格州", "康州", "코네티컷", "コネチカット", "佛蒙特州", "버몬트", "バーモント",
        "缅因州", "罗得岛州", "로드아일랜드", "ロードアイランド", "宾夕法尼亚州", "펜실베이니아",
        "ペンシルベニア", "新泽西州", "뉴저지", "ニュージャージー", "伊利诺伊州", "일리노이",
        "イリノイ", "华盛顿州", "워싱턴주", "ワシントン州", "佐治亚州", "조지아주", "ジョージア州",
        "密歇根州", "미시간", "ミシガン", "俄勒冈州", "오리건", "オレゴン",
        # Russian and Ukrainian: the states (Washington aside, a town of ours too) and the
        # countries people here come from or compare with ("Ньютон, Канзас").
        # Sources: https://ru.wikipedia.org/wiki/Штаты_США,
        # https://uk.wikipedia.org/wiki/Штати_США
        "алабам", "аляск", "аризон", "арканзас", "калифорни", "каліфорні", "колорадо",
        "коннектикут", "делавэр", "делавер", "флорид", "джорджи", "гавай", "айдахо",
        "иллинойс", "іллінойс", "индиан", "індіан", "айов", "канзас", "кентукки", "кентуккі",
        "луизиан", "луїзіан", "мэн", "мэриленд", "меріленд", "мичиган", "мічиган", "миннесот",
        "міннесот", "миссисипи", "міссісіпі", "миссури", "міссурі", "монтан", "небраск",
        "невад", "нью-гэмпшир", "нью-гемпшир", "нью-джерси", "нью-джерсі", "нью-мексико",
        "нью-йорк", "северная каролин", "северной каролин", "північна каролін",
        "северная дакот", "північна дакот", "огайо", "оклахом", "орегон", "пенсильвани",
        "пенсільвані", "род-айленд", "южная каролин", "південна каролін", "южная дакот",
        "теннесси", "теннессі", "техас", "юта", "юті", "вермонт", "виргини", "вирджини",
        "вірджині", "висконсин", "вісконсин", "вайоминг", "вайомінг",
        "англи", "англі", "великобритани", "великобритані", "британи", "канад", "росси",
        "росі", "украин", "україн", "ирланди", "ірланді", "австрали", "австралі", "израил",
        "ізраїл", "германи", "німеччин", "франци", "франці", "беларус", "білорус", "польш",
        "польщ", "молдов", "грузи", "грузі", "казахстан",
    )
)  # fmt: skip
# People, laws and things named like our towns, in these scripts: Newton's laws (牛顿定律,
# 뉴턴의 운동 법칙, ニュートンの法則), Newton's apple, the Cambridge English exams and
# dictionary (剑桥英语, 劍橋英文字典), Quincy Jones, Queensland (昆士蘭: 昆士 is Quincy in
# Cantonese), McDull's Springfield Flower Kindergarten (春田花花). A name inside one of them
# is not the town.
SCRIPT_NOT_PLACES = simplified_all(
    (
        "牛顿第", "牛顿定律", "牛顿运动", "牛顿的苹果", "뉴턴의 운동", "뉴턴의 법칙",
        "뉴턴 법칙", "뉴턴의 사과", "ニュートンの法則", "ニュートンの運動", "ニュートンのりんご",
        "ニュートンのリンゴ", "剑桥英语", "劍橋英語", "퀸시 존스", "クインシー・ジョーンズ",
        "昆西·琼斯", "劍橋英文", "昆士蘭", "春田花花", "剑桥大学",
    )
)  # fmt: skip
# Words that say the resident is somewhere else than the place named: ask, don't answer.
NEAR = frozenset("near outside around by nearby close beside cerca perto proche pres".split())
DIRECTIONS = frozenset({"north", "south", "east", "west"})
COUNTY_WORDS = frozenset({"county", "cty", "co", "condado"})
# Massachusetts's counties; six share a name with a county of England.
MA_COUNTIES = frozenset(
    """
    barnstable berkshire bristol dukes essex franklin hampden hampshire middlesex nantucket
    norfolk plymouth suffolk worcester
    """.split()
)
# Regions: several municipalities, never one.
REGIONS = frozenset(
    {
        "berkshires", "the berkshires", "cape cod", "the cape", "south shore", "north shore",
        "metrowest", "metro west", "pioneer valley", "western mass", "western massachusetts",
        "central mass", "central massachusetts", "merrimack valley", "greater boston",
        "the islands", "south coast", "north of boston", "outer cape", "upper cape",
        "lower cape", "mid cape",
        # area codes said as regions ("the 413": western Massachusetts)
        "the 413", "the 508", "the 617", "the 781", "the 978", "the 774", "the 339",
        "the 351", "the 857",
    }
)  # fmt: skip
# Short forms of states people write after a town ("Springfield, Mass", "Hartford Conn").
STATE_SHORT_FORMS = {
    "mass": "MA", "calif": "CA", "cali": "CA", "penn": "PA", "wisc": "WI", "minn": "MN",
    "conn": "CT", "fla": "FL", "wash": "WA", "ore": "OR", "tex": "TX", "ill": "IL",
    "mich": "MI", "ariz": "AZ", "colo": "CO", "tenn": "TN", "ny state": "NY", "nyc": "NY",
    "washington state": "WA", "wa state": "WA",
    "pei": "XX",  # Prince Edward Island (OUTSIDE, below)
}  # fmt: skip
# Two-letter codes of states and provinces count only as the last word after a name
# ("portland or", "lowell mi"), never after a filler word, where "or", "me", "in" are English.
# Two-letter codes that are also words of English, Spanish, Portuguese or Haitian Creole: as a
# qualifier they count only as the last word after a name.
WORD_CODES = frozenset(
    """
    ab ak al ar as co de ga hi id in la ma md me mi mo ms ne no nu oh ok on or pa pe sc va wa
    """.split()
)  # "ak": Haitian Creole "and" ("Brockton ak fanmi mwen"); "ab": Hindi "now", Tigrinya "in";
# "nu": Romanian "not" ("Taunton, nu are email"), not Nunavut
US_COUNTRY = "US"
MASSACHUSETTS = "MA"
OUTSIDE = "XX"  # the "state" of a country, a province or a foreign city: no place matches it
MAX_QUALIFIER_WORDS = 4


@dataclass(frozen=True)
class Qualifier:
    """A region or country named after a place: ``code`` is a US state or ``XX`` (outside)."""

    code: str
    length: int  # words


# A Boston "ah" for an "r" and the vowel before it: "eah" is "ere" or "ear" (heah, wheah),
# "oah" is "ore" or "oar" (stoah), any other "ah" is "ar", "er" or "or" (cah, numbah, hahbah).
# Source: https://en.wikipedia.org/wiki/Boston_English (non-rhoticity).
_R_DROPS = (("eah", ("ere", "ear")), ("oah", ("ore", "oar")), ("ah", ("ar", "er", "or")))
MAX_R_DROPS = 2


def r_restored(word: str) -> list[str]:
    """The words an r-dropping spelling may be, each "ah" (at most two) put back every way."""
    forms = [word]
    for _ in range(MAX_R_DROPS):
        grown = []
        for form in forms:
            found = [(form.find(d, 1), d, r) for d, r in _R_DROPS if form.find(d, 1) > 0]
            if found:
                at, dropped, restored = min(found)
                grown += [form[:at] + r + form[at + len(dropped) :] for r in restored]
        if not grown:
            break
        forms = grown
    return forms if forms != [word] else []


MISSPELT_LETTERS = 4  # "kno", "stor": too short to tell a misspelling from a name
MISSPELT_TWO_LETTERS = 6  # two letters off only from six letters ("survelance")


def _deletions(word: str) -> list[str]:
    """The word with each one of its letters left out."""
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _surnames_of(names: Iterable[str]) -> set[str]:
    """The folded surnames of people's full names, each part of a hyphened one: "Kate
    Lipper-Garabedian" gives lipper and garabedian."""
    surnames: set[str] = set()
    for name in names:
        words = [w for w in fold(name).replace(".", " ").replace(",", " ").split()]
        words = [w for w in words if w not in _NAME_SUFFIXES]
        if len(words) > 1:
            surnames.update(part for part in words[-1].split("-") if part)
    return surnames


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _one_slip_from(word: str) -> Iterable[str]:
    """The spellings one letter changed, swapped or left out of ``word`` spells: what it may
    misspell (a letter added is not a misspelling of the shorter word)."""
    for i in range(len(word)):
        for letter in _LETTERS:
            if letter != word[i]:
                yield word[:i] + letter + word[i + 1 :]
    for i in range(len(word) - 1):
        if word[i] != word[i + 1]:
            yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    for i in range(len(word) + 1):
        for letter in _LETTERS:
            yield word[:i] + letter + word[i:]


@dataclass
class Vocabulary:
    """Common words and places elsewhere, from the knowledge; empty when built without them."""

    common: frozenset[str] = frozenset()
    regions: dict[str, str] = field(default_factory=dict)  # folded name -> state code or XX
    codes: dict[str, str] = field(default_factory=dict)  # two-letter code -> code or XX
    elsewhere: frozenset[str] = frozenset()  # folded names of cities, states, countries
    cities: dict[str, str] = field(default_factory=dict)  # foreign city -> XX ("Chelsea, London")
    first_names: frozenset[str] = frozenset()  # "Michael Bolton": a person
    # US cities outside Massachusetts -> their states ("burlington" -> VT): "University of
    # Vermont in Burlington" is Vermont's Burlington.
    us_cities: dict[str, frozenset[str]] = field(default_factory=dict)
    # Names of ours (set by without()): a US city of one of our names ("Arlington", Texas) is
    # no qualifier after another name ("Mass Ave Arlington").
    ours: frozenset[str] = frozenset()
    english: frozenset[str] = frozenset()  # the common words of English: what is misspelt
    # Our towns' names -> the other states with a place of that name ("salem" -> OR, NH...)
    namesakes: dict[str, frozenset[str]] = field(default_factory=dict)
    # The 20,000 most frequent English words (issue 8's property test): never a misspelt
    # name, even one letter doubled from a town's before "MA" ("monsoon ma" is no Monson).
    everyday: frozenset[str] = frozenset()
    # The surnames of the sitting legislators (knowledge/legislators.yaml), folded: "how did
    # pat jehlen vote" names a senator, never a town heard or misspelt (Holden, Hawley).
    lawmakers: frozenset[str] = frozenset()
    # English words by their sound code and by their one-letter deletions (misspelt()).
    _by_sound: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)
    _by_deletion: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(
        cls,
        common: Iterable[str] = (),
        elsewhere: Iterable[tuple[str, str, str]] = (),
        first_names: Iterable[str] = (),
        english: Iterable[str] = (),
        everyday: Iterable[str] = (),
        lawmakers: Iterable[str] = (),
    ) -> Vocabulary:
        """From common words and (name, code, kind) places outside Massachusetts."""
        regions: dict[str, str] = {**STATE_SHORT_FORMS, "massachusetts": MASSACHUSETTS}
        codes: dict[str, str] = {"ma": MASSACHUSETTS}
        names: set[str] = set()
        namesakes: dict[str, set[str]] = defaultdict(set)
        for name, code, kind in elsewhere:
            key = " ".join(fold(name).split())
            if not key:
                continue
            if kind == "namesake":
                namesakes[key].add(code[len(US_COUNTRY) + 1 :])
                continue
            names.add(key)
            if kind in {"us_state", "us_territory"}:
                regions.setdefault(key, code)
                codes.setdefault(code.lower(), code)
            elif kind in {"province", "region"} and (key in FILLER or key in GENERIC_WORDS):
                continue  # "Down" (a county of Ireland), "Highlands": words here, not regions
            elif kind in {"province", "region", "country"}:
                regions.setdefault(key, US_COUNTRY if code == "US" else OUTSIDE)
                if kind == "province":  # a region's code is its country's: "ie" is "that is"
                    codes.setdefault(code.lower(), OUTSIDE)
        # not a city named like an everyday word residents type ("ho gaya", Hindi: it went)
        cities = {
            " ".join(fold(name).split()): OUTSIDE
            for name, code, kind in elsewhere
            if kind == "city"
            and not code.startswith(US_COUNTRY)
            and fold(name) not in ROMANIZED_WORDS
        }
        people = frozenset(first_names)
        states: dict[str, set[str]] = defaultdict(set)
        for name, code, kind in elsewhere:
            if kind == "city" and code.startswith(US_COUNTRY + "-"):
                states[" ".join(fold(name).split())].add(code[len(US_COUNTRY) + 1 :])
        us_cities = {city: frozenset(codes) for city, codes in states.items()}
        return cls(
            frozenset(common)
            | BOSTON_ENGLISH
            | HAITIAN_CREOLE
            | ETHIOPIC_WORDS
            | CARIBBEAN_SPANISH
            | CENTRAL_AMERICAN_SPANISH
            | ROMANIZED_WORDS,
            regions,
            codes,
            frozenset(names),
            cities,
            people,
            us_cities,
            english=frozenset(english),
            namesakes={town: frozenset(codes) for town, codes in namesakes.items()},
            everyday=frozenset(everyday),
            lawmakers=frozenset(_surnames_of(lawmakers)),
        )

    def without(self, names: Iterable[str]) -> Vocabulary:
        """The same, minus the cities that are names of ours ("Salem" in India is not a
        qualifier of "Quincy Salem")."""
        ours = set(names)
        cities = {city: code for city, code in self.cities.items() if city not in ours}
        return Vocabulary(
            self.common,
            self.regions,
            self.codes,
            self.elsewhere,
            cities,
            self.first_names,
            self.us_cities,
            frozenset(ours),
            self.english,
            self.namesakes,
            self.everyday,
            self.lawmakers,
        )

    def is_common(self, word: str) -> bool:
        """A correctly spelled common word of English, Spanish or Portuguese."""
        return word in self.common

    def as_written(self, word: str) -> str:
        """A common word written as it is said, spelt the usual way: a Boston "ah" for "r"
        ("heah": here, "wheah": where, "numbah": number) or a dropped "g" ("movin": moving);
        any other word as it is."""
        if word in self.ours or word in self.elsewhere or word in self.first_names:
            return word  # "Turin", "Dustin": names, not "turing", "dusting"
        if word.endswith("in") and len(word) > MISSPELT_LETTERS:
            form = word + "g"  # "movin" is a word of its own too, but moving all the same
            if form in self.common and form not in self.ours:
                return form
        if "ah" in word and word not in self.common:
            for form in r_restored(word):
                if form in self.common and form not in self.ours and form not in self.first_names:
                    return form  # not "lestah": Lester, a name, and Leicester as said
        return word

    def r_dropped(self, word: str) -> bool:
        """A common word with its "r" dropped the Boston way: "heah" (here), "theah" (there),
        "lettah" (letter), "cah" (car), "stoahs" (stores), "hahbah" (harbor); not a name of
        ours ("hahvahd" is Harvard)."""
        return any(form in self.common and form not in self.ours for form in r_restored(word))

    def misspelt(self, word: str) -> str | None:
        """The common English word of the same sound ``word`` misspells, if any: one letter
        off ("polise", "camras", "wats") or two left out ("survelance"), never by adding
        letters to it ("lesta" is no "lest"). Whether a town is as close is the resolver's."""
        if len(word) < MISSPELT_LETTERS or word in self.common:
            return None
        if not self._by_sound:
            self.index_misspellings()
        code = sound(word)
        # One letter off: the word and the known one share a spelling with one letter left
        # out (or are one: a letter added to the known word is not a misspelling of it).
        for variant in (word, *_deletions(word)):
            for known in self._by_deletion.get(variant, ()):
                if (
                    len(known) >= len(word)
                    and OSA.distance(word, known, score_cutoff=1) <= 1
                    and sound(known) == code
                ):
                    return known
        if len(word) < MISSPELT_TWO_LETTERS:
            return None
        for known in self._by_sound.get(code, ()):
            # two letters off only by leaving letters out ("survelance"), not "shelsy" (shells)
            if len(known) > len(word) and Levenshtein.distance(word, known, score_cutoff=2) <= 2:
                return known
        return None

    def everyday_misspelt(self, word: str) -> str | None:
        """The everyday English word (of the 20,000 most frequent) that ``word`` misspells by
        one letter and is said as: "warrent" (warrant), "monitered" (monitored); or with its
        "g" dropped: "readin" (reading). None for an everyday word itself, or a name of ours,
        a person's or a place's."""
        if len(word) < MISSPELT_LETTERS or word in self.everyday or not word.isalpha():
            return None
        if word.endswith("in") and word + "g" in self.everyday:
            return word + "g"  # "readin": a word as it is said, a town's name or not
        code = sound(word)
        for known in _one_slip_from(word):
            if (
                known in self.everyday
                and known not in self.ours
                and known not in self.first_names
                and known not in self.elsewhere
                and sound(known) == code
            ):
                return known
        return None

    def index_misspellings(self) -> None:
        """The English words a misspelling may be, by sound and by each one-letter deletion
        (a word's own spelling among them): built once, a dictionary lookup a query after."""
        if self._by_sound:
            return
        for known in self.english:
            if len(known) >= MISSPELT_LETTERS and self._misspellable(known):
                self._by_sound.setdefault(sound(known), []).append(known)
                for variant in (known, *_deletions(known)):
                    self._by_deletion.setdefault(variant, []).append(known)

    def _misspellable(self, word: str) -> bool:
        """An English word, not a name: of ours, a person's ("spence") or a place's."""
        return (
            word in self.english
            and word not in self.ours
            and word not in self.first_names
            and word not in self.elsewhere
        )

    def qualifier_at(self, words: Sequence[str], index: int) -> Qualifier | None:
        """The region or country that starts at ``words[index]``, if any."""
        n = len(words)
        if index >= n:
            return None  # "¿hay una prohibición en Somerville o no?": nothing after "o"
        if index > 0 and words[index - 1] in STREET_BEFORE:
            return None  # "Leominster, rue Central": a street's name, not a region
        for length in range(min(MAX_QUALIFIER_WORDS, n - index), 0, -1):
            phrase = " ".join(words[index : index + length])
            if length > 1 and phrase in REGIONS:
                # "Shrewsbury, Central Mass", "Lowell, Merrimack Valley": a region of ours,
                # not "Central" (Hong Kong) nor Merrimack (New Hampshire)
                return Qualifier(MASSACHUSETTS, length)
            code = self.regions.get(phrase) or self.cities.get(phrase)
            if (
                code is None
                and phrase not in self.ours
                and MASSACHUSETTS not in self.us_cities.get(phrase, {MASSACHUSETTS})
            ):
                code = OUTSIDE  # "Hyde Park Chicago": a city of another state
            if code is not None and not _street_after(words, index + length):
                if phrase in MA_COUNTIES and words[index + length : index + length + 1] in (
                    ["county"],
                    ["co"],
                ):
                    return None  # "Berkshire County" is ours, not the English county
                return Qualifier(code, length)
        code = self.codes.get(words[index])
        if code is None or index == 0 or words[index - 1] in FILLER:
            return None
        # A code that is also a word ("or", "me", "in") counts only at the end or before a ZIP;
        # "NH", "CT", "MA" anywhere after a name ("Salem NH, right over the line").
        # at the end, or before a ZIP (five digits: "Malden de 6 ani" is six years, not DE)
        at_end = index == n - 1 or (words[index + 1].isdigit() and len(words[index + 1]) == 5)
        if at_end and words[index] == "in" and words[0] in QUESTION_FIRST:
            return None  # "what ward is Chinatown in": a question's last word, not Indiana
        if at_end or code == MASSACHUSETTS or words[index] not in WORD_CODES:
            return Qualifier(code, 1)
        return None


# The first words of a question about where something is: "what ward is Chinatown in".
QUESTION_FIRST = frozenset({"what", "which", "whats", "where", "wat", "wht"})


def _street_after(words: Sequence[str], index: int) -> bool:
    """ "Washington Street", "Mass Ave": a state name that names a street is no qualifier."""
    return index < len(words) and words[index] in STRUCTURE
