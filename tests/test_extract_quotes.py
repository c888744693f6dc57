"""The quote layer: direct quotations, reported speech and their speakers."""
from __future__ import annotations

import pytest

import sitrep
from sitrep.extract import quotes as quote_layer, speech
from sitrep.extract.quotes_direct import find_quoted

QUOTES_ONLY = sitrep.Settings(layers=frozenset({"quotes"}))


def quotes_of(text: str):
    return sitrep.analyze(text, published="2020-05-04", settings=QUOTES_ONLY).quotes


def quote_containing(quotes, words: str):
    found = [q for q in quotes if words in q.content.text]
    assert found, f"no quote contains {words!r}: {[q.content.text for q in quotes]}"
    return found[0]


# --- the seed article -------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_quotes(seed_text):
    return sitrep.analyze(seed_text, published="2016-10-18", settings=QUOTES_ONLY).quotes


@pytest.mark.parametrize("words", ["The goal of this work", "Every party genuinely interested"])
def test_quotes_seed_direct_quotes_are_shoigus(seed_quotes, words):
    q = quote_containing(seed_quotes, words)
    assert q.direct and q.content.text.startswith("“") and q.content.text.endswith("”")
    assert q.speaker is not None and q.speaker.name == "Sergey Shoigu"


@pytest.mark.parametrize("words", ["The goal of this work"])
def test_quotes_seed_minister_chain_reaches_the_name(seed_quotes, words):
    q = quote_containing(seed_quotes, words)
    chain = [s.text for s in q.speaker.chain]
    assert q.speaker.text == "the minister"
    assert chain[0] == "the minister" and chain[-1] == "Sergey Shoigu"


@pytest.mark.parametrize("words,speaker,cue", [
    ("Al-Nusra Front has two options", "Vitaly Churkin", "said"),
    ("it would not attempt to carry out", "UN", "said"),
    ("rejected Russia’s proposed ceasefire", "Reuters", "reported"),
])
def test_quotes_seed_reported_speech_speakers(seed_quotes, words, speaker, cue):
    q = quote_containing(seed_quotes, words)
    assert not q.direct
    assert q.speaker.name == speaker and q.cue.text == cue


@pytest.mark.parametrize("marker", ["READ MORE"])
def test_quotes_seed_link_line_yields_nothing(seed_text, seed_quotes, marker):
    line_start = seed_text.index(marker)
    line_end = seed_text.index("\n", line_start)
    assert not [q for q in seed_quotes if line_start <= q.content.start < line_end]


@pytest.mark.parametrize("field", ["content", "cue", "speaker"])
def test_quotes_seed_offsets_point_into_text(seed_text, seed_quotes, field):
    for q in seed_quotes:
        item = getattr(q, field)
        if item is not None:
            assert seed_text[item.start:item.end] == item.text
        assert q.rule


# --- constructions, on sentences written for these tests --------------------------------

@pytest.mark.parametrize("text,words,speaker,cue", [
    ("“We will not pull back from the border,” the general said.", "pull back", "the general",
     "said"),
    ('Maria Lopez said: "The water supply will be restored by Friday."', "water supply",
     "Maria Lopez", "said"),
    ('"The talks were long but productive," said Ahmed Karimi.', "talks were long",
     "Ahmed Karimi", "said"),
    ("« Nous resterons ici jusqu'au bout », said the mayor.", "resterons", "the mayor", "said"),
])
def test_quotes_direct_speaker_before_or_after(text, words, speaker, cue):
    q = quote_containing(quotes_of(text), words)
    assert q.direct and q.speaker.text == speaker and q.cue.text == cue


@pytest.mark.parametrize("text", [
    "Prime Minister Jan Novak visited the flooded town on Sunday. “The road is open,” he added, "
    "“but the bridge is still closed to lorries.”",
])
def test_quotes_split_quote_shares_cue_and_speaker(text):
    quotes = [q for q in quotes_of(text) if q.direct]
    assert len(quotes) == 2
    assert quotes[0].cue.start == quotes[1].cue.start
    assert {q.speaker.name for q in quotes} == {"Jan Novak"}


@pytest.mark.parametrize("text", [
    "“The harvest failed this year,” said Ana Ruiz. “We have nothing left to sell at the market.”",
])
def test_quotes_continuation_after_cue_sentence(text):
    quotes = quotes_of(text)
    second = quote_containing(quotes, "nothing left")
    assert second.direct and second.speaker.name == "Ana Ruiz"
    assert "continuation" in second.rule


@pytest.mark.parametrize("text,inner", [
    ("“They call them the ‘moderate opposition’ but they are armed men,” the envoy said.",
     "‘moderate opposition’"),
])
def test_quotes_nested_single_quotes_stay_inside(text, inner):
    quotes = quotes_of(text)
    assert len(quotes) == 1 and inner in quotes[0].content.text


@pytest.mark.parametrize("text,phrase", [
    ("Officials described the camp as a “temporary shelter” for the displaced families.",
     "temporary shelter"),
    ("The rebels rejected what they called the 'peace process' and left the town.",
     "peace process"),
])
def test_quotes_scare_quotes_are_not_quotes(text, phrase):
    assert not [q for q in quotes_of(text) if q.direct and phrase in q.content.text]


@pytest.mark.parametrize("text,content,speaker", [
    ("According to the health ministry, 40 people were injured in the blast.",
     "40 people were injured in the blast", "the health ministry"),
    ("Forty people were injured in the blast, according to the health ministry.",
     "Forty people were injured in the blast", "the health ministry"),
])
def test_quotes_according_to(text, content, speaker):
    q = quote_containing(quotes_of(text), "injured")
    assert q.content.text == content and q.speaker.text == speaker
    assert q.cue.text.lower() == "according to" and not q.direct


@pytest.mark.parametrize("text,content,speaker,cue", [
    ("The governor told Reuters that the curfew would be lifted on Monday.",
     "that the curfew would be lifted on Monday", "The governor", "told"),
    ("The company said it would close two factories next year.",
     "it would close two factories next year", "The company", "said"),
    ("Several villages were cut off by the floods, the Red Cross reported.",
     "Several villages were cut off by the floods", "the Red Cross", "reported"),
    ("The minister warned that prices could rise further.",
     "that prices could rise further", "The minister", "warned"),
])
def test_quotes_reported_speech(text, content, speaker, cue):
    q = quote_containing(quotes_of(text), content)
    assert q.content.text == content and not q.direct
    assert q.speaker.text == speaker and q.cue.text == cue


@pytest.mark.parametrize("text,pronoun,name", [
    ("Ahmed Karimi arrived in the capital on Monday. He said the talks would continue next week.",
     "He", "Ahmed Karimi"),
    ("Defense Minister Sergei Petrov inspected the base. “The troops are ready,” he said.",
     "he", "Sergei Petrov"),
])
def test_quotes_pronoun_speaker_resolution(text, pronoun, name):
    q = [q for q in quotes_of(text) if q.speaker is not None and q.speaker.text == pronoun][0]
    assert q.speaker.name == name
    assert q.speaker.chain[0].text == pronoun and name in q.speaker.chain[-1].text


@pytest.mark.parametrize("text,expected", [
    ("He said “yes” and “no.”", ["“yes”", "“no.”"]),
    ('A "b c" d.', ['"b c"']),
    ("“First paragraph goes on\n“Second paragraph ends.”", ["“First paragraph goes on",
                                                             "“Second paragraph ends.”"]),
    ("''Hopefully,'' she said.", ["''Hopefully,''"]),
    ('“Deals must wait," she said.', ['“Deals must wait,"']),
    ('"The port has a future,” said Ana.', ['"The port has a future,”']),
    ('“He called it "fake" news,” she said.', ['“He called it "fake" news,”']),
])
def test_quotes_find_quoted_pairs_marks(text, expected):
    assert [text[q.start:q.end] for q in find_quoted(text)] == expected


@pytest.mark.parametrize("text,words,speaker,cue", [
    ("Readers wrote to us after the debate.\n“We were never asked what we wanted.” "
     "― Pamela Ortiz\n", "never asked", "Pamela Ortiz", "―"),
    ("Host Ben Wallace spoke to the governor.\nWALLACE: Will you run again next year?\n",
     "run again", "WALLACE", ":"),
])
def test_quotes_verbless_attribution(text, words, speaker, cue):
    q = quote_containing(quotes_of(text), words)
    assert q.speaker.text == speaker and q.cue.text == cue


@pytest.mark.parametrize("text,content,speaker", [
    ("The mayor rejected Karimi's claim that the dam was unsafe.", "that the dam was unsafe",
     "Karimi"),
])
def test_quotes_reporting_noun_with_that_clause(text, content, speaker):
    found = [q for q in quotes_of(text) if q.cue is not None and q.cue.text == "claim"]
    assert len(found) == 1
    assert found[0].content.text == content and found[0].speaker.name == speaker


@pytest.mark.parametrize("text,parts", [
    ("The new bridge, the engineer said, would open to traffic in May.",
     ["The new bridge", "would open to traffic in May"]),
])
def test_quotes_interjected_cue_splits_content(text, parts):
    quotes = quotes_of(text)
    assert [q.content.text for q in quotes] == parts
    assert len({(q.cue.start, q.speaker.text) for q in quotes}) == 1


@pytest.mark.parametrize("text,fragment", [
    ('The auditor said the contracts were handed out "like candy" to friends of the mayor.',
     '"like candy"'),
])
def test_quotes_mixed_quote_is_one_reported_quote(text, fragment):
    quotes = quotes_of(text)
    assert len(quotes) == 1
    q = quotes[0]
    assert fragment in q.content.text and not q.direct and q.rule.endswith("(mixed)")


@pytest.mark.parametrize("text,name", [
    ("Farmers met Ana Ruiz, who said the harvest had failed across the valley.", "Ana Ruiz"),
])
def test_quotes_relative_pronoun_speaker(text, name):
    q = quote_containing(quotes_of(text), "harvest had failed")
    assert q.speaker.text == "who" and q.speaker.name == name


# --- sentence ends the parser misses, quotations the parser cuts -------------------------

@pytest.mark.parametrize("text,quote,speaker", [
    ("The harbour was quiet on Monday. ''We have seen no ships for a week,'' the port "
     "director said.", "''We have seen no ships for a week,''", "the port director"),
    ("Farmers lost most of the crop. ''Nobody came to help us,'' Mr. Okafor said.",
     "''Nobody came to help us,''", "Mr. Okafor"),
])
def test_quotes_direct_quote_does_not_swallow_previous_sentence(text, quote, speaker):
    q = quote_containing(quotes_of(text), quote.strip("'"))
    assert q.content.text == quote and q.direct and "(mixed)" not in q.rule
    assert q.speaker.text == speaker


@pytest.mark.parametrize("text,ending", [
    ('Prosecutors told the court that "the accounts were emptied in a single night. '
     'The money went abroad."', 'The money went abroad."'),
])
def test_quotes_reported_content_runs_to_closing_mark(text, ending):
    q = quote_containing(quotes_of(text), "accounts were emptied")
    assert not q.direct and q.content.text.endswith(ending)


@pytest.mark.parametrize("text,content,speaker", [
    ("The mayor is confident that the new bridge will open before winter.",
     "that the new bridge will open before winter", "The mayor"),
    ("The engineers doubted the dam would hold another winter.",
     "the dam would hold another winter", "The engineers"),
])
def test_quotes_stance_with_clausal_complement(text, content, speaker):
    q = quote_containing(quotes_of(text), content)
    assert q.content.text == content and q.speaker.text == speaker


@pytest.mark.parametrize("text,words,speaker", [
    ("The opposition leader called him ''a danger to the republic'' during the rally.",
     "a danger to the republic", "The opposition leader"),
])
def test_quotes_naming_verb_with_pronoun_object(text, words, speaker):
    q = quote_containing(quotes_of(text), words)
    assert q.cue.text == "called" and q.speaker.text == speaker


@pytest.mark.parametrize("text", [
    "It means the port will stay closed until the spring.",
    "This ensures that the wells are tested every month.",
])
def test_quotes_impersonal_subject_is_no_stance(text):
    assert quotes_of(text) == []


@pytest.mark.parametrize("text,content,speaker", [
    ("On Sunday’s broadcast of “Morning Report,” the minister said the port would reopen in May.",
     "the port would reopen in May", "the minister"),
])
def test_quotes_main_verb_with_own_clause_is_not_the_titles_cue(text, content, speaker):
    quotes = quotes_of(text)
    assert [q.content.text for q in quotes] == [content]
    assert quotes[0].speaker.text == speaker


@pytest.mark.parametrize("text,speaker", [
    ("“Rain will come soon, and then the wells fill.” ―\xa0Amina Yusuf", "Amina Yusuf"),
])
def test_quotes_dash_byline_after_no_break_space(text, speaker):
    q = quote_containing(quotes_of(text), "Rain will come")
    assert q.direct and q.speaker.text == speaker and q.rule == "direct: dash byline"


@pytest.mark.parametrize("text,turns", [
    ('The interview was broadcast on Sunday.\n\n"HOST: Will the port reopen?\n\n'
     '"OKAFOR: Not before the spring.\n\n"HOST: And the fishermen?\n\n'
     '"OKAFOR: They will be paid.', 4),
])
def test_quotes_recurring_capitalised_labels_are_turns(text, turns):
    found = [q for q in quotes_of(text) if q.rule == "direct: transcript turn"]
    assert len(found) == turns
    assert [q.speaker.text for q in found] == ["HOST", "OKAFOR", "HOST", "OKAFOR"]


@pytest.mark.parametrize("text,parts,speaker", [
    ("The real problem, she told me on Friday, is that the pumps are too old.",
     ["The real problem", "is that the pumps are too old"], "she"),
])
def test_quotes_interjected_cue_with_pronoun_addressee(text, parts, speaker):
    quotes = quotes_of(text)
    assert [q.content.text for q in quotes] == parts
    assert {q.speaker.text for q in quotes} == {speaker}


@pytest.mark.parametrize("text,content", [
    ("At the port, the minister told a gathering of fishermen that few boats could sail this year.",
     "that few boats could sail this year"),
])
def test_quotes_that_clause_misattached_to_object(text, content):
    q = quote_containing(quotes_of(text), "few boats")
    assert q.content.text == content and q.cue.text == "told" and q.speaker.text == "the minister"


@pytest.mark.parametrize("text,content", [
    ("The governor said she thinks the dam will hold through the winter.",
     "she thinks the dam will hold through the winter"),
    ("The farmers' union said it wants to meet the minister before the harvest.",
     "it wants to meet the minister before the harvest"),
])
def test_quotes_cue_inside_a_report_is_part_of_it(text, content):
    quotes = quotes_of(text)
    assert [q.content.text for q in quotes] == [content]
    assert quotes[0].cue.text == "said"


@pytest.mark.parametrize("text", [
    "I think the dam will hold through the winter.",
    "You feel the town has been forgotten by the capital.",
])
def test_quotes_first_person_hedge_is_no_attribution(text):
    assert quotes_of(text) == []


@pytest.mark.parametrize("text,speaker", [
    ("The engineers think the dam will hold through the winter.", "The engineers"),
])
def test_quotes_third_person_belief_is_attributed(text, speaker):
    quotes = quotes_of(text)
    assert len(quotes) == 1 and quotes[0].speaker.text == speaker


@pytest.mark.parametrize("text", [
    "The guide is a good start for anyone wanting to borrow money for college.",
])
def test_quotes_sourceless_aim_is_no_attribution(text):
    assert quotes_of(text) == []


# --- passives, "as" asides, colon lead-ins, adverbial-looking clauses, stance verbs ----------

@pytest.mark.parametrize("text,content,speaker", [
    ("The registration problem was first reported by the local paper.",
     "The registration problem", "the local paper"),
])
def test_quotes_passive_with_agent_attributes_its_subject(text, content, speaker):
    quotes = quotes_of(text)
    assert [q.content.text for q in quotes] == [content]
    assert quotes[0].speaker.text == speaker and quotes[0].cue.text == "reported"


@pytest.mark.parametrize("text", [
    "It was reported by the paper.",
    "The report was hidden in a drawer by the clerk.",
])
def test_quotes_passive_with_agent_needs_a_cue_and_a_named_subject(text):
    assert quotes_of(text) == []


@pytest.mark.parametrize("text,content", [
    ("The toll is expected to rise sharply this week.",
     "The toll is expected to rise sharply this week"),
    ("The mayor was accused of hiding the report.", "The mayor was accused of hiding the report"),
])
def test_quotes_sourceless_passive_takes_subject_and_complement(text, content):
    quotes = quotes_of(text)
    assert [q.content.text for q in quotes] == [content]
    assert quotes[0].speaker is None and quotes[0].rule.startswith("reported:")


@pytest.mark.parametrize("text", [
    "The bridge was described in detail.",
])
def test_quotes_sourceless_passive_without_complement_is_nothing(text):
    assert quotes_of(text) == []


@pytest.mark.parametrize("text,parts,speaker", [
    ("The bridge, as the mayor noted, was closed for a week.",
     ["The bridge", "was closed for a week"], "the mayor"),
    ("As the auditors pointed out, the accounts were emptied in one night.",
     ["the accounts were emptied in one night"], "the auditors"),
])
def test_quotes_as_aside_reports_the_clause_around_it(text, parts, speaker):
    quotes = quotes_of(text)
    assert [q.content.text for q in quotes] == parts
    assert {q.speaker.text for q in quotes} == {speaker}
    assert all("'as' aside" in q.rule for q in quotes)


@pytest.mark.parametrize("text", [
    "She left the room as the minister announced the results.",
    "Prices rose as the analysts had said they would.",
])
def test_quotes_as_clause_with_own_content_is_no_aside(text):
    assert not any("aside" in q.rule for q in quotes_of(text))


@pytest.mark.parametrize("text,content,speaker", [
    ("The governor added:\n\nThe port will reopen in May. The boats are ready.\n\nShe left.",
     "The port will reopen in May. The boats are ready", "The governor"),
])
def test_quotes_colon_at_paragraph_end_reports_next_paragraph(text, content, speaker):
    q = quote_containing(quotes_of(text), "The port")
    assert q.content.text == content and q.speaker.text == speaker and not q.direct


@pytest.mark.parametrize("text", [
    "The governor added: the port will reopen in May.",
])
def test_quotes_colon_inside_the_line_is_no_paragraph_lead_in(text):
    assert not any("paragraph" in q.rule for q in quotes_of(text))


@pytest.mark.parametrize("text,content", [
    ("Trump said after the convention he would not accept the endorsement.",
     "he would not accept the endorsement"),
])
def test_quotes_clause_parsed_as_adverbial_is_the_content(text, content):
    q = quote_containing(quotes_of(text), content)
    assert q.cue.text == "said" and q.speaker.text == "Trump"


@pytest.mark.parametrize("text", [
    "He said nothing because he was tired.",
    "She wrote the report when she was in Paris.",
])
def test_quotes_subordinated_adverbial_clause_is_no_content(text):
    assert quotes_of(text) == []


@pytest.mark.parametrize("text,content,cue", [
    ("The senator expressed concern about the budget.", "concern about the budget", "expressed"),
    ("The union backed the mayor in the vote.", "the mayor in the vote", "backed"),
])
def test_quotes_stance_verbs_take_their_object(text, content, cue):
    q = quote_containing(quotes_of(text), content)
    assert q.cue.text == cue


@pytest.mark.parametrize("text", [
    "The express train left early.",
    "He walked back to the car.",
])
def test_quotes_stance_verb_words_in_other_uses_are_nothing(text):
    assert quotes_of(text) == []


@pytest.mark.parametrize("text,content", [
    ("Trump told his supporters at a rally in Michigan to go to the polls and vote.",
     "to go to the polls and vote"),
])
def test_quotes_infinitive_after_addressee_is_the_content(text, content):
    q = quote_containing(quotes_of(text), content)
    assert q.cue.text == "told" and q.speaker.text == "Trump"


@pytest.mark.parametrize("text", [
    "He sent his son to the store to buy milk.",
])
def test_quotes_purpose_infinitive_of_other_verbs_is_nothing(text):
    assert quotes_of(text) == []


@pytest.mark.parametrize("text,content,speaker", [
    ("The mayor deleted a tweet attacking the judge.", "the judge", "a tweet"),
    ("The campaign was careful about criticizing the senator.", "the senator", "The campaign"),
])
def test_quotes_participle_cue_borrows_its_source(text, content, speaker):
    q = quote_containing(quotes_of(text), content)
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize("text", [
    "The guide is a good start for people wanting to borrow money for college.",
])
def test_quotes_participle_with_infinitive_is_no_stance(text):
    assert quotes_of(text) == []


@pytest.mark.parametrize("text,content,speaker", [
    ("The mayor's comments on the shooting angered the police union.", "the shooting",
     "The mayor"),
])
def test_quotes_possessed_reporting_noun_with_topic(text, content, speaker):
    quotes = quotes_of(text)
    assert [q.content.text for q in quotes] == [content]
    assert quotes[0].cue.text == "comments" and quotes[0].speaker.text == speaker


@pytest.mark.parametrize("text", [
    "The comments on the shooting angered the police union.",
    "The mayor's house on the hill was sold.",
])
def test_quotes_reporting_noun_needs_possessor_for_topic(text):
    assert quotes_of(text) == []


@pytest.mark.parametrize("text,content,cue", [
    ("The senator agreed with the governor about the budget.",
     "the governor about the budget", "agreed with"),
])
def test_quotes_multiword_stance_cue(text, content, cue):
    q = quote_containing(quotes_of(text), content)
    assert q.cue.text == cue


@pytest.mark.parametrize("text", [
    "She sat with the governor at dinner.",
])
def test_quotes_preposition_without_stance_verb_is_nothing(text):
    assert quotes_of(text) == []


@pytest.mark.parametrize("text,content,speaker", [
    ("Twenty people were hurt by an explosion that the mayor described as an intentional act.",
     "an explosion that the mayor described as an intentional act", "the mayor"),
])
def test_quotes_relative_clause_object_is_the_content(text, content, speaker):
    q = quote_containing(quotes_of(text), "an explosion")
    assert q.content.text == content and q.speaker.text == speaker
    assert q.rule.startswith("reported: relative object")


@pytest.mark.parametrize("text", [
    "The man who described the scene left early.",
])
def test_quotes_relative_clause_with_own_object_is_no_relative_object(text):
    assert not any("relative object" in q.rule for q in quotes_of(text))


@pytest.mark.parametrize("text,content,speaker", [
    ("The union endorsed Clinton.", "Clinton", "The union"),
])
def test_quotes_single_name_object_of_stance_verb(text, content, speaker):
    quotes = quotes_of(text)
    assert [q.content.text for q in quotes] == [content]
    assert quotes[0].speaker.text == speaker


@pytest.mark.parametrize("text", [
    "The union said so.",
    "The union endorsed it.",
])
def test_quotes_single_common_word_object_is_nothing(text):
    assert quotes_of(text) == []


@pytest.mark.parametrize("text", [
    "The losses mean that the company may not pay taxes.",
    "The new rules help the company pay less tax.",
])
def test_quotes_consequence_verbs_report_no_stance(text):
    assert quotes_of(text) == []


# --- clauses that are not speech: relative clauses and proposals as subjects -------------

@pytest.mark.parametrize("text,preceding", [
    ("The motion was voted down by several senators, who pushed for a wider inquiry.",
     "The motion was voted down"),
    ("The bridge was rebuilt by the villagers, who called for more funding.",
     "The bridge was rebuilt"),
])
def test_quotes_relative_clause_cue_does_not_report_the_clause_before(text, preceding):
    quotes = quotes_of(text)
    assert not [q for q in quotes if preceding in q.content.text], \
        [(q.content.text, q.speaker and q.speaker.text) for q in quotes]


@pytest.mark.parametrize("text,thing", [
    ("Norland tabled a new plan, which backed a truce between the two valleys.", "a truce"),
    ("The talks produced a draft, which endorsed a truce between the two valleys.", "a truce"),
    ("The draft resolution supports a full review of the border checkpoints.", "a full review"),
])
def test_quotes_proposal_as_subject_of_stance_verb_is_no_speaker(text, thing):
    quotes = quotes_of(text)
    assert not [q for q in quotes if thing in q.content.text], \
        [(q.content.text, q.speaker and q.speaker.text) for q in quotes]


@pytest.mark.parametrize("text,content,speaker", [
    ("The committee, which backed the new tariff on steel, met on Monday.",
     "the new tariff on steel", "The committee"),
    ("The plan, the minister said, would cut waiting lists.", "would cut waiting lists",
     "the minister"),
])
def test_quotes_speakers_that_hold_a_stance_are_kept(text, content, speaker):
    q = quote_containing(quotes_of(text), content)
    chain = [s.text for s in q.speaker.chain] if q.speaker is not None else []
    assert q.speaker is not None and speaker in [q.speaker.text, *chain]


@pytest.mark.parametrize("text,content", [
    ("The ministry said it would reopen the port on Friday, but the unions objected.",
     "it would reopen the port on Friday"),
    ("The council rejected the charges and said the audit was flawed.", "the charges"),
])
def test_quotes_content_drops_a_dangling_conjunction(text, content):
    quotes = quotes_of(text)
    assert content in [q.content.text for q in quotes], [q.content.text for q in quotes]


@pytest.mark.parametrize("text,content", [
    ("Farmers drove into the capital chanting slogans against the new levy, and some parked "
     "tractors outside the ministry, residents said.", "slogans against the new levy"),
    ("Teachers marched toward parliament chanting slogans against the pay cap, and some "
     "blocked roads with burning tyres, residents said.", "slogans against the pay cap"),
])
def test_quotes_stance_object_stops_before_coordination_above_the_cue(text, content):
    quotes = quotes_of(text)
    assert content in [q.content.text for q in quotes], [q.content.text for q in quotes]


@pytest.mark.parametrize("text,words,speaker,cue", [
    ("“They sold what they called ‘miracles,’” the doctor said.", "miracles", "the doctor",
     "said"),
    ('"Stop the car! Stop it now," she yells at the officer.', "Stop the car", "she", "yells"),
    ("“The campaign is in panic mode. Full panic mode,” said Leslie Wimes, a party official.",
     "panic mode", "Leslie Wimes", "said"),
])
def test_quotes_direct_cue_past_nested_marks_and_inner_nouns(text, words, speaker, cue):
    q = quote_containing(quotes_of(text), words)
    assert q.direct and q.cue.text == cue and q.speaker.text == speaker


@pytest.mark.parametrize("text,content,speaker", [
    ("As the senator put it, the bill is dead on arrival.", "the bill is dead on arrival",
     "the senator"),
])
def test_quotes_put_it_aside_reports_the_clause(text, content, speaker):
    q = quote_containing(quotes_of(text), content)
    assert q.content.text == content and q.speaker.text == speaker and q.cue.text == "put it"


@pytest.mark.parametrize("text", [
    "He put it on the table and left.",
])
def test_quotes_put_it_in_other_uses_is_nothing(text):
    assert quotes_of(text) == []


@pytest.mark.parametrize("text,content", [
    ("Anderson agreed with the mayor and seemed to think the outreach to young voters was "
     "somewhat phony.", "the outreach to young voters was somewhat phony"),
])
def test_quotes_clause_subject_parsed_as_object_starts_the_content(text, content):
    assert content in [q.content.text for q in quotes_of(text)]


@pytest.mark.parametrize("text,content", [
    ("Lamenting their luck, farmers in the valley often say the harvest will fail.",
     "their luck"),
])
def test_quotes_object_content_stops_at_the_main_clause(text, content):
    assert content in [q.content.text for q in quotes_of(text)]


@pytest.mark.parametrize("text,speaker", [
    ("WASHINGTON -- President Obama said on Saturday that the museum would open soon.",
     "President Obama"),
    ("BRUSSELS - European leaders said on Friday that the summit had failed.",
     "European leaders"),
])
def test_quotes_dateline_is_not_the_speaker(text, speaker):
    q = quote_containing(quotes_of(text), "that the")
    assert q.speaker.text == speaker


@pytest.mark.parametrize("text,content,cue", [
    ("Critics view the program as an easy way to buy citizenship.",
     "the program as an easy way to buy citizenship", "view"),
    ("The governor unveiled a plan to rebuild the bridges.", "a plan to rebuild the bridges",
     "unveiled"),
    ("He warned against potential hackers from abroad.", "potential hackers from abroad",
     "warned against"),
])
def test_quotes_more_stance_cues(text, content, cue):
    q = quote_containing(quotes_of(text), content)
    assert q.content.text == content and q.cue.text == cue


@pytest.mark.parametrize("text,content,speaker", [
    ("Her acknowledgment that the plan had failed surprised her aides.",
     "that the plan had failed", "Her"),
])
def test_quotes_stance_noun_with_that_clause(text, content, speaker):
    q = quote_containing(quotes_of(text), content)
    assert q.speaker.text == speaker and q.cue.text == "acknowledgment"


@pytest.mark.parametrize("text,start", [
    ('Protesters chanted "What curfew?" as they marched.', '"What curfew?"'),
])
def test_quotes_reported_content_takes_its_opening_mark(text, start):
    q = quote_containing(quotes_of(text), "curfew")
    assert q.content.text.startswith(start)


@pytest.mark.parametrize("text", [
    "The Latest: Trump urges supporters to vote.\nThe Latest news on the race follows.",
])
def test_quotes_news_label_is_no_transcript_turn(text):
    assert not [q for q in quotes_of(text) if "turn" in q.rule]


@pytest.mark.parametrize("text,words,speaker,cue", [
    ("Ellis runs a lobbying firm.\nSaid Ellis: “I do not think she cares about tax reform.”",
     "tax reform", "Ellis", "Said"),
    ("According to Limbaugh, “the moderators should never check facts during a debate.”",
     "check facts", "Limbaugh", "According to"),
])
def test_quotes_direct_source_the_parse_does_not_attach(text, words, speaker, cue):
    quotes = quotes_of(text)
    assert [(q.speaker.text, q.cue.text) for q in quotes if words in q.content.text] == [
        (speaker, cue)]


@pytest.mark.parametrize("text,parts,speaker", [
    ("To understand the real Dred Scott, Chief Justice Roberts said, one should visit this "
     "museum.", ["To understand the real Dred Scott", "one should visit this museum"],
     "Chief Justice Roberts"),
])
def test_quotes_interjected_name_parsed_as_apposition_speaks(text, parts, speaker):
    quotes = [q for q in quotes_of(text) if q.cue.text == "said"]
    assert [q.content.text for q in quotes] == parts
    assert {q.speaker.text for q in quotes} == {speaker}


@pytest.mark.parametrize("text,content,cue", [
    ("The nominee continues to insist that he wants to release his taxes.",
     "that he wants to release his taxes", "insist"),
    ("Protesters continued to call for more information about the shooting.",
     "more information about the shooting", "call for"),
])
def test_quotes_cue_after_aspect_verb_reports_its_own_content(text, content, cue):
    q = quote_containing(quotes_of(text), content)
    assert q.content.text == content and q.cue.text == cue


@pytest.mark.parametrize("text,content", [
    ("She told one of her young students on a regular basis that hard work is the answer.",
     "that hard work is the answer"),
])
def test_quotes_that_clause_misattached_to_prepositional_object(text, content):
    assert content in [q.content.text for q in quotes_of(text)]


@pytest.mark.parametrize("text,parts", [
    ("The town had long resisted such plans, but the traffic had become so bad, the mayor "
     "noted, that the council changed course.",
     ["the traffic had become so bad", "that the council changed course"]),
    ("These employees, the manager explained earlier in the hearing, were “well-paid,” making "
     "about $40,000 a year.",
     ["These employees", "were “well-paid,” making about $40,000 a year"]),
])
def test_quotes_interjected_cue_splits_only_its_own_clause(text, parts):
    quotes = quotes_of(text)
    cue = quotes[0].cue.text
    assert [q.content.text for q in quotes if q.cue.text == cue] == parts


@pytest.mark.parametrize("text,content", [
    ("He has been harshly criticized for policies that many see as abuses of power.",
     "He has been harshly criticized for policies that many see as abuses of power"),
    ("The senator was described as a threat to the party.",
     "The senator was described as a threat to the party"),
])
def test_quotes_sourceless_passive_stance_takes_subject_and_grounds(text, content):
    q = quote_containing(quotes_of(text), content)
    assert q.content.text == content and q.speaker is None and "grounds" in q.rule


@pytest.mark.parametrize("text", [
    "The letter was sent for review.",
])
def test_quotes_passive_of_other_verbs_with_for_is_nothing(text):
    assert quotes_of(text) == []


@pytest.mark.parametrize("text", [
    "But when the council cut funding for the bus line two years later, the town said enough.",
])
def test_quotes_subordinate_clause_before_final_cue_is_no_content(text):
    assert not [q for q in quotes_of(text) if "council cut funding" in q.content.text]


@pytest.mark.parametrize("text,content", [
    ("If the talks fail, the strikes will go on, the union warned.",
     "If the talks fail, the strikes will go on"),
    ("If this plan fails to persuade, the mayor argues, there are other tools.",
     "If this plan fails to persuade"),
])
def test_quotes_conditional_clause_of_the_content_is_kept(text, content):
    assert content in [q.content.text for q in quotes_of(text)]


@pytest.mark.parametrize("text", [
    "The mayor said on Friday that the bridge would reopen, according to two aides.",
    "Critics were confident that the plan would fail, and the council feared it would.",
    "Her claim that the vote was rigged drew a reply: officials have denied it.",
    "He is to tell reporters he recognised that the talks had stalled.",
])
def test_quotes_cue_candidates_hold_every_token_that_opens_a_cue(nlp, text):
    doc = nlp(text)
    kept = {t.i for t in quote_layer._cue_candidates(doc)}
    opening = {t.i for t in doc if speech.match_cue(t) or quote_layer._that_clause_cue(t)
               or (t.pos_ == "NOUN" and t.lemma_.lower() in speech.speech_nouns())}
    assert opening and opening <= kept
