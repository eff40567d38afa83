"""Names for the large demo kring: Flemish, Brussels and Walloon, as a kring near the language
border has them. Written for this demo (no register copied): common first names and surnames,
with their accents, apostrophes (D'Hondt) and particles (Van den Bossche, de Hemptinne) kept.
"""

import random
import re
import unicodedata
from enum import StrEnum


class Region(StrEnum):
    FLANDERS = "flanders"
    BRUSSELS = "brussels"
    WALLONIA = "wallonia"


def _names(text: str) -> tuple[str, ...]:
    """Names separated by commas (a name may have spaces: Van den Bossche)."""
    return tuple(name.strip() for name in text.split(","))


_FLEMISH_FIRST = _names(
    "Jan, Pieter, Koen, Wouter, Joris, Stijn, Geert, Dirk, Luc, Filip, Kristof, Bram, "
    "Jeroen, Sander, Maarten, Jens, Wim, Steven, Hendrik, Frederik, Lieven, Tijs, Arne, "
    "Jasper, Ruben, Michiel, Dries, Sven, Gert, Marc, Erik, Jef, Raf, Toon, Seppe, Lander, "
    "Korneel, Pieter-Jan, Bert, Hannes, Matthias, Ward, Nick, Jonas, Els, Griet, Lieve, "
    "Katrien, Sofie, Eva, Leen, Hilde, Veerle, Inge, Sarah, Lies, Marijke, Anneleen, "
    "Evelien, Elke, Ilse, Karolien, Tine, Sien, Femke, Hanne, Charlotte, Annelies, Kaat, "
    "Jolien, Fien, Ellen, Joke, Mieke, Greet, Nele, Saskia, An-Sofie, Lien, Marieke, Elien, "
    "Wendy, Ine, Goedele"
)
_WALLOON_FIRST = _names(
    "Jean-Pierre, Philippe, Olivier, Christophe, Nicolas, Sébastien, François, Laurent, "
    "Benoît, Frédéric, Pierre, Thierry, Vincent, Didier, Jérôme, Cédric, Grégory, Jean-Marc, "
    "Michel, Arnaud, Damien, Julien, Maxime, Quentin, Benjamin, Romain, Antoine, Guillaume, "
    "Xavier, Gaëtan, Aurélien, Gilles, Loïc, Marie, Anne-Sophie, Catherine, Isabelle, "
    "Nathalie, Valérie, Sophie, Céline, Aurélie, Stéphanie, Hélène, Véronique, Caroline, "
    "Émilie, Delphine, Florence, Pascale, Chantal, Françoise, Géraldine, Mélanie, Laurence, "
    "Amélie, Camille, Pauline, Justine, Manon, Noémie, Élodie, Ariane, Gaëlle, Maïté"
)
_BRUSSELS_FIRST = _names(
    "Mohamed, Youssef, Karim, Mehdi, Samir, Rachid, Amina, Fatima, Nadia, Samira, Leïla, "
    "Yasmina, Ines, Emre, Elif, Ayşe, Mustafa, Giulia, Marco, Luca, Francesca, Ana, João, "
    "Piotr, Agnieszka, Tomasz, Kasia, Alexandre, Louis, Eline, Nour, Bilal, Soufiane, Hind, "
    "Malika, Grâce, Patrick, Jean-Claude, Christelle"
)

_FLEMISH_SURNAMES = _names(
    "Peeters, Janssens, Maes, Jacobs, Mertens, Willems, Goossens, Wouters, De Smet, "
    "Vermeulen, Van den Bossche, Van de Velde, Vandevelde, De Vos, Hermans, Pauwels, "
    "Van Damme, De Clercq, D'Hondt, Vandenberghe, Van Acker, De Backer, Coppens, Verstraete, "
    "Michiels, Aerts, Lemmens, Van Dyck, Desmet, Verbeke, Martens, Cools, De Wilde, Dewulf, "
    "Van Hecke, Segers, Smets, Thys, Vervoort, De Meyer, Van Hoof, Vanhove, Verschueren, "
    "Wuyts, Bogaerts, Van Gorp, Geerts, D'Haese, De Coninck, Baert, Vanneste, Van Laere, "
    "Verlinden, Stevens, Claeys, Lambrecht, Van der Meulen, Vanden Eynde, Van Cauwenberghe, "
    "Ghysels, Op de Beeck, Van 't Veld, De Mûelenaere"
)
_WALLOON_SURNAMES = _names(
    "Dubois, Lambert, Dupont, Martin, Simon, Laurent, Leclercq, Lejeune, Renard, François, "
    "Mathieu, Dumont, Collard, Lemaire, Gilson, Piette, Henrard, Gérard, Denis, Charlier, "
    "Lefèbvre, Fontaine, Hubert, Jacquet, Marchal, Bertrand, Noël, Delvaux, Remacle, "
    "Lecomte, Collignon, Massart, Thiry, Dethier, Goffin, Pirard, Poncelet, Delhaye, "
    "Degrève, Bastin, Leroy, Bodart, de Hemptinne, du Monceau, d'Ursel"
)
_BRUSSELS_SURNAMES = _names(
    "El Amrani, Benali, El Idrissi, Bouzid, Aït Lahcen, Yilmaz, Kaya, Demir, Öztürk, Çelik, "
    "Mbuyi, Kabongo, Tshibangu, Mukendi, Ilunga, Rossi, Esposito, De Luca, Romano, Da Silva, "
    "Pereira, Fernandes, García, Martínez, Nowak, Kowalczyk, Vanderstraeten, Van Cutsem, "
    "Dewitte, Jacobs-Leroy"
)

# Where the names of people from a region come from: (first names, surnames), each with a weight.
_SOURCES: dict[Region, tuple[tuple[tuple[str, ...], tuple[str, ...], int], ...]] = {
    Region.FLANDERS: ((_FLEMISH_FIRST, _FLEMISH_SURNAMES, 1),),
    Region.WALLONIA: ((_WALLOON_FIRST, _WALLOON_SURNAMES, 1),),
    Region.BRUSSELS: (
        (_BRUSSELS_FIRST, _BRUSSELS_SURNAMES, 4),
        (_WALLOON_FIRST, _WALLOON_SURNAMES, 4),
        (_FLEMISH_FIRST, _FLEMISH_SURNAMES, 2),
    ),
}


def person_name(rng: random.Random, region: Region, taken: set[str]) -> str:
    """A full name from the region that is not taken yet (and is then taken)."""
    sources = _SOURCES[region]
    while True:
        first_names, surnames, _ = rng.choices(sources, weights=[s[2] for s in sources])[0]
        name = f"{rng.choice(first_names)} {rng.choice(surnames)}"
        if name not in taken:
            taken.add(name)
            return name


def handle_for(name: str, taken: set[str]) -> str:
    """A chat handle from a name, ASCII and lower case: "Jean-Pierre D'Hondt" ->
    "jeanpierre_dhondt" (a digit is added when another person has that handle already)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    first, _, last = ascii_name.lower().partition(" ")
    base = f"{re.sub(r'[^a-z]', '', first)}_{re.sub(r'[^a-z]', '', last)}"[:30]
    handle, number = base, 1
    while handle in taken:
        number += 1
        handle = f"{base}{number}"
    taken.add(handle)
    return handle
