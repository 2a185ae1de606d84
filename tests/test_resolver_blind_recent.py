"""The blind tables 46 to 207 and 216 to 287 (issue 8), kept as regression tables with a ratchet.

Each was written by a helper session from the writers' instructions alone, without the
resolver, its knowledge or another table, and scored before it was read (the closing note of
issue 8 gives every score). Tables 46-51 were written when the instructions gave 70% as the
land share that makes a ZIP's main town the answer; the resolver's rule, and the issue's, is
60%: their few ZIP entries between the two were changed mechanically, blind to the answers,
and carry the note "rule fix".

Unlike tables 1-17 (tests/test_resolver_blind.py), their remaining confident wrong answers
are not listed one by one with a reason: most disagree with a rule the bot keeps (a move
already made answers the new home; a state asked about answers for itself; two towns named
ask about both, home first), the rest are open (a film's town, 'shoe city', 'St. Luke's
Hospital') or the bot's sourced reading ('City of Champions' is Brockton's motto, where table
144 asked about Pittsburgh too; the Islamic Society of Greater Lowell is in Chelmsford, where
table 148's writer was unsure; Keefe Tech, Blackstone Valley Tech and BMC, in Framingham,
Upton and Boston, where table 154's and 156's were; Mount Sugarloaf is in Deerfield, where
table 171's was unsure, and "new br" begins only New Braintree, where it also offered New
Bedford). Open in tables 168-191: "broton" (Groton, a letter off, or Brockton as said?),
Spanish "barre" (sweeps) and "es de Oxford", a Chesterfield cigarette, "west bro" and "south
bro" (Westborough's and Southborough's "boro" cut), "1337" (leet, read as ZIP 01337),
"look it up in websters", "the franklin high school" (Franklin's, where table 188 was
unsure). Open or disputed in tables 192-199: "north end" and
"south end" alone (Boston answered, Springfield offered as "Not in Springfield?", where table
192 asked both), "on the Lynnway" (a street in Lynn only), "Bristol Community College" (its
main campus, Fall River, answered and its other campuses offered). Open or disputed in
tables 200-207: "the agawam diner" (the diner is Rowley's, where table 200's writer was
unsure), a Greek "I work in Boston but live in Peabody" (Boston answered), "florina" (a Greek
town, a letter from Florida), "Georgetown Law's report" (a law school). Open or disputed
in tables 216-223: "franklin high school" (Franklin's, where table 218's writer was unsure
again), "2 bed near chestnut hill reservoir" (the reservoir is in Boston's Brighton, where
table 216 asked all three towns of the village); "union square" now asks Somerville or
Boston (Allston's), as tables 2, 221 and 229 asked, where tables 10, 106 and 107 expected
Somerville. Open or disputed in tables 224-239: "city of champions" (Brockton's motto, where
table 225 asked Boston too), ZIP 01349 (62% Montague's: answered, Wendell offered, where
tables 232 and 237 asked), "forestdale" (Sandwich's village, Malden's neighbourhood offered,
where table 233 asked), "lowell high school" (Lowell's, where table 238 expected none).
Open or disputed in tables 240-247: "on the Lynnway" again (Lynn's street), "костюм из
бостона" (a suit from Boston: Boston answered, where table 240 read a product), an Arabic
move still to come whose first town is heard only by its sound (Quincy answered, where table
241 asked both).
Open or disputed in tables 256-271: "north end" and "i live south end" (Boston answered, where
table 259 asked Springfield too), "miltford" (Milford, a letter off, where table 261 asked
Milton too), "I'm in Lowell but my patron lives in Nashua NH" (Lowell, the writer's own town,
where table 261 expected none), "dover and dover again" (autocorrect's "over and over"),
"ferrys late again" (two letters from Ferry Lane, Chicopee), "01337" (Bernardston's ZIP, where
table 271 asked Leyden too), "mi work pon boylston" (Boylston Street, or the town?).
Open or disputed in tables 272-287: "Сімпсони живуть у Спрінгфілді" (the Simpsons' Springfield,
with a preposition and a verb of living), "is dit de ware oplossing?" (Dutch "ware", true),
"stockbridge-munsee in bowler wi" (the Mohican nation's name, in Wisconsin), "a sagamore was a
chief" (the word, not Bourne's village), "втори закон на Нютън" (Bulgarian "на", of, is also
Russian "on": "на Кейп-Коде"), "shoe city" (Brockton's nickname; Haverhill was the "Queen
Slipper City", where table 285 asked both), "togus va in maine" (Maine answered as a state),
"everett on nights is a good guy" (a coworker).
Tables 208-215 were written and scored held out, but lost with the machine before they
were read; they are not here. Tables 64-287 were written with the 60% rule and need no such
change.
The ratchet: a table may not lose accuracy below its floor nor gain a confident wrong answer.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.resolver import Resolver
from tests.test_resolver_blind import cases
from tests.test_resolver_eval import OK, WRONG, ask, judge

DATA = Path(__file__).parent / "data"
# Table: (right answers at least, confident wrong answers at most), measured at the end of
# the stop that added tables 200-207, and of the ones that added 216-223, 224-239 and
# 240-247 for those, and of the stops that read 248-255, 256-271, 272-279 and 280-287 (the
# closing note of issue 8 has each table's blind scores, held out and when read).
# Table 46 lost one at 762a2b7 by choice: 'mill city' asks Lowell or Minneapolis, both
# cities' nickname, where the writer expected Lowell. Tables 106 and 107 lost one each by
# choice: 'union square' asks Somerville or Boston (Allston's), where they expected Somerville.
# Table 88 lost one at c01bcf1 by choice: 'я из бруклина' typed small asks about Brookline, as
# 'я из Бруклина' capitalized already did, where the writer expected none (Brooklyn).
RATCHET = {
    46: (992, 0),
    47: (987, 1),
    48: (1016, 2),
    49: (1024, 1),
    50: (1027, 1),
    51: (953, 0),
    52: (1030, 1),
    53: (994, 0),
    54: (1099, 0),
    55: (1020, 0),
    56: (1047, 1),
    57: (1034, 0),
    58: (1016, 0),
    59: (1024, 0),
    60: (1019, 0),
    61: (1036, 0),
    62: (1021, 1),
    63: (1037, 0),
    64: (1022, 0),
    65: (1030, 0),
    66: (1039, 1),
    67: (1024, 0),
    68: (1057, 0),
    69: (1065, 0),
    70: (1017, 0),
    71: (1047, 0),
    72: (1065, 0),
    73: (1034, 0),
    74: (1049, 0),
    75: (1079, 0),
    76: (1043, 0),
    77: (1025, 0),
    78: (1016, 0),
    79: (1047, 0),
    80: (983, 0),
    81: (1036, 0),
    82: (1040, 0),
    83: (1030, 0),
    84: (1043, 0),
    85: (1029, 1),
    86: (1046, 0),
    87: (1074, 0),
    88: (1049, 0),
    89: (1030, 0),
    90: (994, 0),
    91: (1039, 1),
    92: (1023, 0),
    93: (1041, 0),
    94: (1020, 0),
    95: (1026, 0),
    96: (1033, 0),
    97: (1026, 0),
    98: (1029, 0),
    99: (1063, 0),
    100: (1003, 0),
    101: (1021, 0),
    102: (999, 0),
    103: (1015, 0),
    104: (1019, 0),
    105: (996, 0),
    106: (1017, 0),
    107: (1004, 0),
    108: (1013, 2),
    109: (1025, 0),
    110: (982, 1),
    111: (1044, 0),
    112: (1038, 0),
    113: (1010, 1),
    114: (1026, 0),
    115: (1019, 4),
    116: (1024, 0),
    117: (1017, 0),
    118: (974, 0),
    119: (1029, 1),
    120: (991, 0),
    121: (1039, 0),
    122: (1010, 0),
    123: (1001, 0),
    124: (1021, 0),
    125: (1029, 0),
    126: (992, 0),
    127: (1025, 1),
    128: (1009, 0),
    129: (988, 0),
    130: (1036, 0),
    131: (1115, 1),
    132: (979, 2),
    133: (1031, 0),
    134: (1014, 0),
    135: (1010, 0),
    136: (996, 0),
    137: (1064, 0),
    138: (993, 0),
    139: (1021, 2),
    140: (1020, 0),
    141: (1029, 1),
    142: (1024, 1),
    143: (1033, 0),
    144: (983, 1),
    145: (1033, 0),
    146: (1007, 0),
    147: (1017, 0),
    148: (1011, 1),
    149: (1014, 0),
    150: (1051, 0),
    151: (1047, 0),
    152: (984, 0),
    153: (1000, 1),
    154: (1030, 2),
    155: (1008, 0),
    156: (1038, 1),
    157: (1014, 0),
    158: (1022, 0),
    159: (1016, 0),
    160: (1014, 0),
    161: (1005, 1),
    162: (1041, 0),
    163: (989, 2),
    164: (1011, 1),
    165: (983, 0),
    166: (1025, 1),
    167: (1037, 0),
    168: (1018, 0),
    169: (1036, 0),
    170: (1051, 0),
    171: (1020, 2),
    172: (1032, 0),
    173: (999, 0),
    174: (1002, 0),
    175: (1048, 0),
    176: (977, 3),
    177: (1033, 0),
    178: (994, 0),
    179: (1057, 2),
    180: (1028, 1),
    181: (994, 1),
    182: (989, 0),
    183: (1019, 0),
    184: (983, 0),
    185: (1022, 1),
    186: (1004, 0),
    187: (1033, 0),
    188: (998, 1),
    189: (1032, 0),
    190: (966, 0),
    191: (1040, 0),
    192: (1045, 2),
    193: (1011, 0),
    194: (1023, 1),
    195: (1004, 0),
    196: (978, 0),
    197: (1016, 1),
    198: (1001, 0),
    199: (1028, 0),
    200: (1000, 3),
    201: (1020, 0),
    202: (1010, 0),
    203: (1008, 1),
    204: (1024, 0),
    205: (1003, 0),
    206: (1039, 0),
    207: (1011, 0),
    216: (1019, 1),
    217: (1019, 0),
    218: (1009, 1),
    219: (1017, 0),
    220: (1038, 0),
    221: (1003, 1),
    222: (974, 0),
    223: (1016, 0),
    224: (1038, 0),
    225: (1031, 1),
    226: (1023, 0),
    227: (1021, 0),
    228: (1025, 0),
    229: (1017, 0),
    230: (1016, 0),
    231: (1008, 0),
    232: (990, 1),
    233: (1010, 1),
    234: (1037, 0),
    235: (1033, 0),
    236: (1075, 0),
    237: (1004, 1),
    238: (1039, 1),
    239: (1040, 0),
    240: (1035, 2),
    241: (1021, 1),
    242: (995, 0),
    243: (1037, 0),
    244: (1022, 0),
    245: (1017, 0),
    246: (1067, 0),
    247: (1153, 0),
    248: (1016, 0),
    249: (1029, 0),
    250: (1041, 0),
    251: (1009, 0),
    252: (1023, 0),
    253: (1041, 0),
    254: (1010, 0),
    255: (1021, 0),
    256: (1016, 0),
    257: (976, 0),
    258: (1027, 0),
    259: (962, 2),
    260: (1013, 1),
    261: (1021, 2),
    262: (1041, 0),
    263: (1038, 0),
    264: (1049, 0),
    265: (1015, 0),
    266: (1011, 0),
    267: (1087, 0),
    268: (1024, 0),
    269: (1015, 0),
    270: (1019, 1),
    271: (1024, 2),
    # rounds AA and AB, read this stop: floors at its last commit's answers
    272: (998, 1),
    273: (1032, 1),
    274: (1006, 2),
    275: (1040, 0),
    276: (1020, 0),
    277: (1028, 0),
    278: (1024, 0),
    279: (1061, 0),
    280: (995, 0),
    281: (1009, 0),
    282: (1003, 1),
    283: (1027, 0),
    284: (1037, 0),
    285: (1028, 2),
    286: (1027, 1),
    287: (1024, 0),
}


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver.from_knowledge()


@pytest.mark.parametrize("table", sorted(RATCHET), ids=lambda t: f"resolver_blind_{t}")
def test_a_recent_blind_table_keeps_its_score(resolver: Resolver, table: int) -> None:
    rows = cases(DATA / f"resolver_blind_{table}.yaml")
    answers = [(case, ask(resolver, case.query)) for case in rows]
    errors = [f"{case.query!r}: {got.error}" for case, got in answers if got.error]
    assert not errors, "\n".join(errors)  # an error would count only as a miss
    verdicts = [(case, judge(case, got)) for case, got in answers]
    right = sum(verdict == OK for _, verdict in verdicts)
    wrong = [
        f"{case.query!r}: expected {case.expected_text()}" for case, v in verdicts if v == WRONG
    ]
    least_right, most_wrong = RATCHET[table]
    assert len(rows) >= 900
    assert right >= least_right, f"{right}/{len(rows)} right, was {least_right}"
    assert len(wrong) <= most_wrong, "\n".join(wrong)
