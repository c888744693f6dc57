"""Actor resolution: mentions -> country code + PLOVER sector, with user dictionaries."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitrep.extract.actors import ActorCode, ActorResolver, default_resolver, to_entity
from sitrep.extract.actors_lexicon import normalise, normalise_cased, singular
from sitrep.extract.actors_petrarch import load_petrarch, split_cameo
from sitrep.extract.actors_sources import ActorDictionaryError


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return default_resolver()


def _pair(code: ActorCode | None) -> tuple[str | None, str | None]:
    return (code.code, code.sector) if code else (None, None)


@pytest.mark.parametrize("text,tokens", [
    ("U.S.", ["us"]),
    ("Syria's", ["syria"]),
    ("the rebels' leader", ["the", "rebels", "leader"]),
    ("Ahrar al-Sham", ["ahrar", "al", "sham"]),
    ("Khürelsükh", ["khurelsukh"]),
    ("Côte d’Ivoire", ["cote", "d", "ivoire"]),
])
def test_actors_normalise_makes_lookup_keys(text, tokens):
    assert normalise(text) == tokens


@pytest.mark.parametrize("text,upper", [("WHO said", [True, False]), ("U.N. envoy", [True, False])])
def test_actors_normalise_cased_marks_capitals(text, upper):
    assert normalise_cased(text)[1] == upper


@pytest.mark.parametrize("plural,single", [
    ("soldiers", "soldier"), ("militias", "militia"), ("policemen", "policeman"),
    ("authorities", "authority"), ("businesses", "business"), ("police", None), ("press", None),
])
def test_actors_singular_guesses_plural_forms(plural, single):
    assert singular(plural) == single


@pytest.mark.parametrize("text,expected", [
    ("Russia", ("RUS", None)),
    ("the Russians", ("RUS", None)),
    ("Syria's", ("SYR", None)),
    ("U.S.", ("USA", None)),
    ("American", ("USA", None)),
    ("Britain", ("GBR", None)),
    ("the UK", ("GBR", None)),
    ("Ivory Coast", ("CIV", None)),
    ("Côte d'Ivoire", ("CIV", None)),  # accents are ignored
])
def test_actors_country_names_and_demonyms(resolver, text, expected):
    assert _pair(resolver.resolve_text(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Moscow", ("RUS", "GOV")),
    ("Washington", ("USA", "GOV")),
    ("Damascus", ("SYR", "GOV")),
    ("the Kremlin", ("RUS", "GOV")),
    ("Moscow police", ("RUS", "COP")),  # a capital as a modifier only gives the country
])
def test_actors_capitals_stand_for_governments(resolver, text, expected):
    assert _pair(resolver.resolve_text(text)) == expected


@pytest.mark.parametrize("text,context,expected", [
    ("the Syrian government", None, ("SYR", "GOV")),
    ("the regime", "SYR", ("SYR", "GOV")),
    ("the regime", "Syria", ("SYR", "GOV")),
    ("the regime", None, (None, "GOV")),
    ("armed insurgents", "Iraqi", ("IRQ", "REB")),
    ("jihadists", "NGA", ("NGA", "REB")),
])
def test_actors_context_country_fills_domestic_actors(resolver, text, context, expected):
    assert _pair(resolver.resolve_text(text, context_country=context)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Turkey's foreign minister", ("TUR", "GOV")),
    ("the Iranian president", ("IRN", "GOV")),
    ("French envoy to the United Nations Jean Dupont", ("FRA", "GOV")),
    ("the Israeli UN ambassador", ("ISR", "GOV")),
    ("UN special envoy to Yemen", ("UNO", None)),
    ("a local police chief", (None, "COP")),
    ("the judge", (None, "JUD")),
    ("senators", (None, "LEG")),
    ("Kenyan lawmakers", ("KEN", "LEG")),
    ("opposition leader", (None, "OPP")),
    ("hundreds of protesters", (None, "CVL")),
    ("two journalists", (None, "JRN")),
    ("doctors in Gaza", ("PSE", "MED")),
    ("Sudanese refugees", ("SDN", "REF")),
    ("local businessmen", (None, "BUS")),
    ("Chinese warplanes", ("CHN", "MIL")),
    ("the Egyptian army", ("EGY", "MIL")),
    ("government troops", (None, "MIL")),
    ("rebel fighters", (None, "REB")),
])
def test_actors_titles_and_common_nouns_give_sectors(resolver, text, expected):
    assert _pair(resolver.resolve_text(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Hezbollah spokesman", ("LBN", "REB")),       # the title defers to its organisation
    ("members of the Knesset", ("ISR", "LEG")),     # ... or to its "of" complement
    ("president of the National Assembly", (None, "LEG")),
    ("an army officer", (None, "MIL")),             # ... or to the noun before it
    ("a police spokesman", (None, "COP")),
])
def test_actors_deferring_titles_take_their_owner_sector(resolver, text, expected):
    assert _pair(resolver.resolve_text(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("the United Nations", ("UNO", None)),
    ("the UN Security Council", ("UNO", None)),
    ("UNHCR", ("UNO", "REF")),
    ("NATO", ("IGO", "MIL")),
    ("the Arab League", ("IGO", None)),
    ("the European Union", ("EUR", None)),
    ("Amnesty International", ("NGO", "SOC")),
    ("the Red Cross", ("NGO", "MED")),
    ("Reuters", ("GBR", "JRN")),
    ("state news agency SANA", ("SYR", "JRN")),
    ("TASS", ("RUS", "JRN")),
])
def test_actors_organisations(resolver, text, expected):
    assert _pair(resolver.resolve_text(text)) == expected


@pytest.mark.parametrize("text,context,expected", [
    ("Ahrar al-Sham", None, ("SYR", "REB")),
    ("the Nusra Front", None, ("SYR", "REB")),
    ("Jabhat al-Nusra", None, ("SYR", "REB")),
    ("Fastaqim", None, ("SYR", "REB")),
    ("the Free Syrian Army", None, ("SYR", "REB")),
    ("Taliban commanders", None, ("AFG", "REB")),
    ("al-Shabaab gunmen", None, ("SOM", "REB")),
    ("Houthi rebels", None, ("YEM", "REB")),
    ("YPG", None, ("SYR", "REB")),
    ("Daesh", None, ("IRQ", "REB")),          # founded in Iraq: the default home
    ("Daesh", "SYR", ("SYR", "REB")),         # fighting in Syria: the context decides
    ("Daesh", "FRA", ("IRQ", "REB")),         # a foreign context is not a home country
])
def test_actors_armed_groups_with_home_countries(resolver, text, context, expected):
    assert _pair(resolver.resolve_text(text, context_country=context)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Russian and Syrian air forces", [("RUS", "MIL"), ("SYR", "MIL")]),
    ("Russia and Turkey", [("RUS", None), ("TUR", None)]),
    ("Iraqi troops and Kurdish fighters", [("IRQ", "MIL"), (None, "REB")]),
    ("Trinidad and Tobago", [("TTO", None)]),  # a name containing "and" stays whole
])
def test_actors_resolve_all_splits_conjuncts(resolver, text, expected):
    assert [_pair(c) for c in resolver.resolve_all(text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("Iranian-backed militias", (None, "PRM")),   # the patron is not the actor's country
    ("Russian-backed separatists", (None, "REB")),
])
def test_actors_patron_countries_are_not_the_actor(resolver, text, expected):
    assert _pair(resolver.resolve_text(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("WHO", ("UNO", "MED")),
    ("officials who spoke", (None, "GOV")),   # "who" is not the World Health Organization
    ("car bombers", (None, "REB")),           # "car" is not the Central African Republic
])
def test_actors_acronyms_match_only_in_capitals(resolver, text, expected):
    assert _pair(resolver.resolve_text(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Aleppo residents", ("SYR", "CVL")),
    ("rebels in Homs", ("SYR", "REB")),
    ("Leon Smithers", (None, None)),          # a city name inside a person's name
])
def test_actors_places_tell_the_country_unless_part_of_a_name(resolver, text, expected):
    assert _pair(resolver.resolve_text(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Volodymyr Zelenskiy", ("UKR", "GOV")),   # spelling variant of a known name
    ("Hayat Tahrir al Shams", ("SYR", "REB")),
    ("Marcus Brennan", (None, None)),          # unknown people stay unknown
])
def test_actors_fuzzy_fallback_for_spelling_variants(resolver, text, expected):
    assert _pair(resolver.resolve_text(text)) == expected


@pytest.mark.parametrize("day,sector", [
    (None, "GOV"),
    (dt.date(2015, 6, 1), "GOV"),
    (dt.date(2023, 6, 1), "ELI"),  # after the office ended: a former official
])
def test_actors_former_officials_by_date(resolver, day, sector):
    assert _pair(resolver.resolve_text("Angela Merkel", on=day)) == ("DEU", sector)


@pytest.mark.parametrize("text", ["Russian troops", "Hamas", "the Kremlin"])
def test_actors_every_result_says_how_it_was_resolved(resolver, text):
    code = resolver.resolve_text(text)
    assert code is not None and code.resolution.startswith("dictionary")


@pytest.mark.parametrize("text", ["", "   ", "yesterday", "it was raining"])
def test_actors_unknown_phrases_resolve_to_none(resolver, text):
    assert resolver.resolve_text(text) is None


@pytest.mark.parametrize("sentence,span_text,label,expected", [
    ("Jordan Henderson met the press.", "Jordan Henderson", "PERSON", (None, None)),
    ("Jordan closed its border.", "Jordan", "GPE", ("JOR", None)),
    ("Leader Amir Muslim spoke.", "Amir Muslim", "PERSON", (None, None)),
    ("Senator Joan Bright spoke.", "Senator Joan Bright", "PERSON", (None, "LEG")),
])
def test_actors_resolve_span_ignores_places_inside_person_names(resolver, nlp, sentence,
                                                               span_text, label, expected):
    doc = nlp(sentence)
    start = sentence.index(span_text)
    span = doc.char_span(start, start + len(span_text), label=label)
    assert _pair(resolver.resolve_span(span)) == expected


@pytest.mark.parametrize("sentence,span_text", [
    ("On Monday the Russian defence minister said talks would resume.", "the Russian defence minister"),
])
def test_actors_to_entity_keeps_offsets(resolver, nlp, sentence, span_text):
    doc = nlp(sentence)
    start = sentence.index(span_text)
    span = doc.char_span(start, start + len(span_text))
    ent = to_entity(span, resolver.resolve_span(span), label="ACTOR")
    assert sentence[ent.start:ent.end] == ent.text == span_text
    assert (ent.code, ent.sector, ent.label) == ("RUS", "GOV", "ACTOR")
    assert ent.resolution


@pytest.mark.parametrize("sentence", ["A man waved."])
def test_actors_to_entity_without_code_says_so(nlp, sentence):
    ent = to_entity(nlp(sentence)[0:2], None)
    assert ent.code is None and ent.resolution == "no actor dictionary match"


@pytest.mark.parametrize("suffix,content", [
    (".csv", "name,code,sector,aliases\nAcme Mining,ZAF,BUS,Acme|AcmeCo\nHamas,XYZ,GOV,\n"),
    (".yaml", "groups:\n  - {name: Acme Mining, code: ZAF, sector: BUS, aliases: [Acme, AcmeCo]}\n"
              "  - {name: Hamas, code: XYZ, sector: GOV}\n"),
])
def test_actors_user_dictionaries_extend_and_override(tmp_path, suffix, content):
    path = tmp_path / f"mine{suffix}"
    path.write_text(content, encoding="utf-8")
    mine = ActorResolver(extra_dictionaries=[path])
    assert _pair(mine.resolve_text("AcmeCo workers")) == ("ZAF", "LAB")
    assert _pair(mine.resolve_text("Acme")) == ("ZAF", "BUS")
    assert _pair(mine.resolve_text("Hamas")) == ("XYZ", "GOV")  # overrides the shipped entry
    assert _pair(default_resolver().resolve_text("Hamas")) == ("PSE", "REB")  # shipped untouched


@pytest.mark.parametrize("suffix,content,message", [
    (".csv", "title,code\nAcme,ZAF\n", "CSV header"),
    (".yaml", "- {code: ZAF}\n", "no 'name'"),
    (".json", "{}", "unknown actor dictionary format"),
])
def test_actors_bad_user_dictionaries_raise_with_the_fix(tmp_path, suffix, content, message):
    path = tmp_path / f"bad{suffix}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ActorDictionaryError, match=message):
        ActorResolver(extra_dictionaries=[path])


@pytest.mark.parametrize("name", ["missing.csv"])
def test_actors_missing_dictionary_names_the_path(tmp_path, name):
    with pytest.raises(ActorDictionaryError, match=name):
        ActorResolver(extra_dictionaries=[tmp_path / name])


PETRARCH_SAMPLE = """<!-- a hand-written sample in PETRARCH actor format -->
ELBONIA [ELB]
+ELBONIAN
+ELBONIANS  # people
ELBONIAN_ARMY [ELBMIL]
GRAND_VIZIER_OF_ELBONIA
\t[ELBGOV 20100101-20141231]
\t[ELBELI >20150101]
\t[ELB]
ELBONIA_BROADCASTING [ELBMED]
KINGDOM_WATCH [NGO]
OLD_DUCHY
\t[DUC <900101]
RURITANI [RUR]
LUXOR_ [LUX]
"""


@pytest.mark.parametrize("text,day,expected", [
    ("Elbonia", None, ("ELB", None)),
    ("the Elbonians", None, ("ELB", None)),
    ("Elbonian army", None, ("ELB", "MIL")),
    ("Grand Vizier of Elbonia", None, ("ELB", None)),
    ("Grand Vizier of Elbonia", dt.date(2012, 5, 1), ("ELB", "GOV")),
    ("Grand Vizier of Elbonia", dt.date(2016, 5, 1), ("ELB", "ELI")),
    ("Elbonia Broadcasting", None, ("ELB", "JRN")),   # CAMEO MED (media) is PLOVER JRN
    ("Kingdom Watch", None, ("NGO", None)),
    ("Ruritanian troops", None, ("RUR", "MIL")),  # a stem without "_" matches longer words
    ("Luxorian", None, (None, None)),             # a closing "_" means the exact word only
    ("Elbonian UN envoy", None, ("ELB", "GOV")),  # the country word decides whose envoy
])
def test_actors_petrarch_dictionary_adapter(tmp_path, text, day, expected):
    path = tmp_path / "sample.actors.txt"
    path.write_text(PETRARCH_SAMPLE, encoding="utf-8")
    mine = ActorResolver(extra_dictionaries=[path])
    assert _pair(mine.resolve_text(text, on=day)) == expected


@pytest.mark.parametrize("text,expected", [
    ("the Twin Kingdoms", ("ELB", None, (("RUR", None), ("DUC", "GOV")))),
    ("the Twin Kingdoms army", ("ELB", "MIL", (("RUR", "MIL"), ("DUC", "GOV")))),
    ("Elbonia", ("ELB", None, ())),
])
def test_actors_petrarch_multi_code_name_names_joint_actors(tmp_path, text, expected):
    path = tmp_path / "joint.actors.txt"
    path.write_text("TWIN_KINGDOMS [ELB/RUR/DUCGOV]\nELBONIA [ELB]\n", encoding="utf-8")
    found = ActorResolver(extra_dictionaries=[path]).resolve_text(text)
    assert (found.code, found.sector, found.joint) == expected


@pytest.mark.parametrize("text,expected", [
    ("the Elbonian Union (EU)", ("ELB", "GOV")),
    ("the EU", ("EUR", None)),
])
def test_actors_name_before_its_bracketed_short_form_decides(tmp_path, text, expected):
    path = tmp_path / "unions.actors.txt"
    path.write_text("ELBONIAN_UNION [ELBGOV]\n", encoding="utf-8")
    assert _pair(ActorResolver(extra_dictionaries=[path]).resolve_text(text)) == expected


@pytest.mark.parametrize("code,expected", [
    ("ARNGOV", ("ARN", "GOV")),
    ("IGOCOPITP", ("IGO", "COP")),
    ("HOBMED", ("HOB", "JRN")),
    ("USAHLH", ("USA", "MED")),
    ("~REB", (None, "REB")),
    ("---", (None, None)),
])
def test_actors_split_cameo_maps_sectors_to_plover(code, expected):
    assert split_cameo(code) == expected


@pytest.mark.parametrize("sample", [PETRARCH_SAMPLE])
def test_actors_petrarch_file_detected_by_content(tmp_path, sample):
    path = tmp_path / "dictionary.txt"  # no .actors.txt suffix
    path.write_text(sample, encoding="utf-8")
    assert _pair(ActorResolver(extra_dictionaries=[path]).resolve_text("Elbonia")) == ("ELB", None)
    assert load_petrarch(path).lookup("old duchy") is not None


@pytest.mark.parametrize("extra", [()])
def test_actors_default_resolver_is_built_once(extra):
    assert default_resolver(extra) is default_resolver(tuple(Path(p) for p in extra))


@pytest.mark.parametrize("gold_file", ["events/petrarch2_unittest/PETR.Validate.actors.txt"])
def test_actors_loads_the_petrarch_validation_dictionary(gold_dir, gold_file):
    mine = ActorResolver(extra_dictionaries=[gold_dir / gold_file])
    assert _pair(mine.resolve_text("Israeli troops")) == ("ISR", "MIL")
    assert mine.resolve_text("Arnor") is not None


@pytest.mark.parametrize("text,expected", [
    ("a former Iraqi defence minister", ("IRQ", "ELI")),
    ("retired general", (None, "ELI")),
    ("former President Barack Obama", ("USA", "ELI")),
    ("former rebels", (None, "REB")),  # only office holders become ELI
])
def test_actors_former_officials_by_wording(resolver, text, expected):
    assert _pair(resolver.resolve_text(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Catholic bishops", (None, "REL")),
    ("leaders of the Druze community", (None, "REL")),
    ("Sunni clerics in Iraq", ("IRQ", "REL")),
])
def test_actors_religious_actors(resolver, text, expected):
    assert _pair(resolver.resolve_text(text)) == expected


@pytest.mark.parametrize("value,expected", [
    ("SYR", "SYR"), ("Syria", "SYR"), ("German", "DEU"), ("Colombian defense", "COL"),
    ("", None), (None, None), ("nowhere at all", None),
])
def test_actors_country_code_reads_codes_names_and_demonyms(resolver, value, expected):
    assert resolver.country_code(value) == expected


@pytest.mark.parametrize("text,expected", [
    ("the Falkland Islands", ("GBR", None)),   # PLOVER folds dependencies into their state
    ("Puerto Rico police", ("USA", "COP")),
    ("Hong Kong police", ("HKG", "COP")),     # ... except Hong Kong, Palestine and Kosovo
])
def test_actors_dependencies_fold_into_their_state(resolver, text, expected):
    assert _pair(resolver.resolve_text(text)) == expected


@pytest.mark.parametrize("word", ["who", "us", "it", "car", "shell", "shells", "labour", "guardian",
                                  "may", "will", "total", "apple", "amazon", "pan", "the major attack"])
def test_actors_common_words_are_not_actors(resolver, word):
    assert resolver.resolve_text(word) is None


@pytest.mark.parametrize("day,context,expected", [
    (None, None, ("ZZA", "GOV")),
    (dt.date(2031, 1, 1), None, ("ZZA", "ELI")),
    (None, "ZZB", ("ZZB", "GOV")),  # one of its alternative home countries
])
def test_actors_user_csv_until_and_alt_codes(tmp_path, day, context, expected):
    path = tmp_path / "people.csv"
    path.write_text("name,code,sector,aliases,kind,until,alt_codes\n"
                    "Ada Quillfeather,ZZA,GOV,Quillfeather,person,2030-06-30,ZZB|ZZC\n",
                    encoding="utf-8")
    mine = ActorResolver(extra_dictionaries=[path])
    assert _pair(mine.resolve_text("Quillfeather", context_country=context, on=day)) == expected


@pytest.mark.parametrize("text,expected", [
    ("soldiers from Chad", ("TCD", "MIL")),                 # a locating complement
    ("rebels fighting against Russia", (None, "REB")),      # not the actor's country
    ("an envoy to Syria", (None, "GOV")),
    ("Russian-made jets", (None, "MIL")),                   # the maker is a patron, not the actor
    ("a Somalia-based paramilitary group", ("SOM", "PRM")),
    ("the London-based Syrian Observatory for Human Rights", ("SYR", "SOC")),
])
def test_actors_complements_and_seats_give_countries_only_when_they_locate(resolver, text,
                                                                          expected):
    assert _pair(resolver.resolve_text(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Mr Erdogan", ("TUR", "GOV")),
    ("Turkey's Erdogan", ("TUR", "GOV")),
    ("Emine Erdogan", (None, None)),                       # a namesake, not the president
    ("the Israeli-occupied Golan Heights", (None, None)),  # the occupier is not the place
    ("Indian navy ships in the South China Sea", ("IND", "MIL")),
    ("the Gulf of Mexico", (None, None)),
])
def test_actors_namesakes_and_place_names_are_not_misread(resolver, text, expected):
    assert _pair(resolver.resolve_text(text)) == expected


@pytest.mark.parametrize("text,tokens", [
    ("George W. Bush", ["george", "bush"]),
    ("Joseph R. Biden's", ["joseph", "biden"]),
    ("the U. S. Army", ["the", "u", "s", "army"]),  # letters of an abbreviation stay
    ("Plan B forces", ["plan", "b", "forces"]),     # no name on both sides: kept
])
def test_actors_normalise_drops_middle_initials_between_names(text, tokens):
    assert normalise(text) == tokens


@pytest.mark.parametrize("text,expected", [
    ("Jacques Chirac", ("FRA", "GOV")),
    ("Chirac's", ("FRA", "GOV")),                           # possessive, surname alone
    ("Gerhard Schröder", ("DEU", "GOV")),
    ("Gerhard Schroeder", ("DEU", "GOV")),                  # transliterated umlaut
    ("Mikuláš Dzurinda", ("SVK", "GOV")),
    ("Mikulas Dzurinda", ("SVK", "GOV")),                   # diacritics folded
    ("President Ellen Johnson Sirleaf", ("LBR", "GOV")),
    ("Kolinda Grabar Kitarovic", ("HRV", "GOV")),           # hyphen written as a space
    ("George W. Bush", ("USA", "GOV")),                     # middle initial
    ("President George W. Bush's", ("USA", "GOV")),
    ("Susilo Bambang Yudhoyono", ("IDN", "GOV")),
    ("Mullah Baradar", ("AFG", "REB")),
    ("Iyad ag Ghali", ("MLI", "REB")),
    ("Javier Solana", ("EUR", "GOV")),
    ("former Prime Minister Yulia Tymoshenko", ("UKR", "ELI")),
])
def test_actors_world_leaders_resolve_by_name_variant(resolver, text, expected):
    assert _pair(resolver.resolve_text(text)) == expected


@pytest.mark.parametrize("text,day,expected", [
    ("Vladimir Putin", dt.date(1999, 1, 1), ("RUS", "SPY")),    # head of the FSB then
    ("Vladimir Putin", dt.date(2009, 1, 1), ("RUS", "GOV")),
    ("Yulia Tymoshenko", dt.date(2008, 6, 1), ("UKR", "GOV")),  # prime minister then
    ("Yulia Tymoshenko", dt.date(2012, 6, 1), ("UKR", "OPP")),
    ("Mark Rutte", dt.date(2015, 6, 1), ("NLD", "GOV")),        # an earlier role's own code
    ("Mark Rutte", dt.date(2025, 6, 1), ("IGO", "GOV")),
    ("Jacques Chirac", dt.date(2010, 6, 1), ("FRA", "ELI")),
])
def test_actors_roles_give_the_office_held_on_the_date(resolver, text, day, expected):
    assert _pair(resolver.resolve_text(text, on=day)) == expected


@pytest.mark.parametrize("suffix,content", [
    (".csv", "name,code,sector,aliases\nJacques Chirac,XYZ,REL,Chirac\n"),
    (".yaml", "people:\n  - {name: Jacques Chirac, code: XYZ, sector: REL, aliases: [Chirac],"
              " kind: person}\n"),
])
def test_actors_user_dictionary_overrides_a_shipped_person(tmp_path, suffix, content):
    path = tmp_path / f"people{suffix}"
    path.write_text(content, encoding="utf-8")
    mine = ActorResolver(extra_dictionaries=[path])
    assert _pair(mine.resolve_text("Chirac")) == ("XYZ", "REL")
    assert _pair(mine.resolve_text("Jacques Chirac")) == ("XYZ", "REL")
    assert _pair(default_resolver().resolve_text("Chirac")) == ("FRA", "GOV")


@pytest.mark.parametrize("text", ["Adam Curtis Brown", "Marta Kowalczyk-Nilsen", "Jo Bloggs"])
def test_actors_unknown_people_stay_unresolved(resolver, text):
    assert resolver.resolve_text(text) is None


@pytest.mark.parametrize("content,message", [
    ("- {name: Ann Lee, code: ZAF, roles: [{sector: GOV, since: soon}]}\n", "'since'"),
    ("- {name: Ann Lee, code: ZAF, roles: GOV}\n", "'roles'"),
])
def test_actors_bad_roles_raise_with_the_fix(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ActorDictionaryError, match=message):
        ActorResolver(extra_dictionaries=[path])


def test_actors_shipped_people_names_are_unambiguous():
    """No name or alias may point at two different people across the people files."""
    import yaml

    from sitrep.extract.actors_sources import RULES, _aliases
    owner: dict[tuple[str, ...], str] = {}
    clashes = []
    for path in sorted(RULES.glob("actor_people*.yaml")):
        for records in yaml.safe_load(path.read_text(encoding="utf-8")).values():
            for record in records:
                for phrase in [record["name"], *_aliases(record.get("aliases"))]:
                    key = tuple(normalise(phrase))
                    if owner.setdefault(key, record["name"]) != record["name"]:
                        clashes.append((phrase, owner[key], record["name"]))
    assert clashes == []


@pytest.mark.parametrize("text, code", [
    ("Syria Staffan de Mistura", "UNO"),             # a country glued on by the tagger
    ("UN special envoy to Syria Staffan de Mistura", "UNO"),
    ("Syrian President Bashar al-Assad", "SYR"),
    ("Israeli UN envoy", "ISR"),                      # no person: the country word decides
])
def test_actors_a_known_person_ending_the_phrase_keeps_their_own_country(resolver, text, code):
    assert resolver.resolve_text(text).code == code
