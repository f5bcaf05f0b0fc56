"""Closed-class words the engine reads text with, each set defined once and
named for its use. Open-class lists (names, titles, heads) are files in
``lexicon/``. Sets that look alike differ on purpose: each is what its use
needs (the prepositions inside a speaker phrase are not those that may follow
a cue verb)."""
from __future__ import annotations


# words that may stand between a subject and its cue verb and belong to the cue ("have emphasized", "also said")
AUXILIARIES = frozenset(
    "has have had is are was were will would could can may might should must shall did does do "
    "been be being 's ’s not n't never also later previously repeatedly recently then first again "
    "once often publicly privately reportedly further initially separately frequently flatly "
    "strongly simply long already still even just quickly openly explicitly specifically perhaps "
    "possibly probably maybe apparently only always sometimes usually now finally immediately soon".split()
) | frozenset(
    w.replace("'", q) for w in "didn't don't doesn't won't wouldn't can't couldn't isn't wasn't hasn't haven't "
    "hadn't shouldn't aren't weren't".split() for q in "'’"
)

# words after which a cue form is a noun, not a verb ("the report", "two states")
NOUN_CONTEXT = frozenset(
    "the a an this these those his her their its our my your some many most several few every each "
    "any no another other two three four five six seven eight nine ten 's ’s of for in on at with "
    "from by to into about across over under new first last whose such".split()
)

# pronouns that can be a cue verb's subject
SUBJECT_PRONOUNS = frozenset("he she they we i it who".split())

# lower-case words ending in -ly that are not adverbs
LY_NON_ADVERBS = frozenset("family only italy july ally rally supply reply apply fly early daily weekly monthly".split())

# words that open an adverbial after a cue ("said on Monday", "said in an interview")
ADVERBIAL_STARTS = frozenset("on in at during after before while with to from as by of later earlier "
                              "monday tuesday wednesday thursday friday saturday sunday today yesterday "
                              "tonight last this".split())

# personal and relative pronouns that stand for a speaker
PRONOUNS = frozenset("he she they we i it you who".split())

# determiners and quantifiers that open a speaker phrase
DETERMINERS = frozenset(
    "the a an this that these those his her their its our my your some many most several few "
    "other another both all any each one two three four five six seven eight nine ten dozens "
    "hundreds thousands".split()
)

# prepositions inside a speaker phrase ("a spokesman for the ministry")
PREPOSITIONS = frozenset("of for at with from in on to within inside by among under near along through across behind into onto".split())

# words that end a subject when walking back from its verb: clause openers, conjunctions, auxiliaries
SUBJECT_BOUNDARIES = frozenset(
    "that which and but or because while when whenever if as after before since although though where wherever so "
    "than whether until unless whom whose what why how there here not also "
    "is are was were has have had will would could can may might should must do does did been be being "
    "said says say told".split()
) - {"who"}

# sentence openers that are never part of a subject, whatever their case
SENTENCE_OPENERS = frozenset(
    "though although but and so still yet meanwhile however also then now instead indeed moreover "
    "furthermore besides thus hence later earlier separately similarly likewise nonetheless nevertheless "
    "meantime otherwise overall finally first second third in on at as when after before if while since "
    "because once unless until whether worse again sadly ironically notably".split()
)

# days (lower case): "called Friday for"
DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday".split())

# time words (lower case) of a time expression
TIME_WORDS = DAYS | frozenset(
    "tonight tomorrow morning afternoon evening night week weekend month year earlier later recently".split()
)

# capitalised month names and abbreviations (not "May", also a name and a verb)
MONTHS = frozenset("January February March April June July August September October November December "
                   "Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sept. Sep. Oct. Nov. Dec.".split())

# prepositions and conjunctions that may follow a cue verb before its clause
PREPOSITIONS_AFTER_CUE = frozenset("in on at during to about with from for by after before into over as of "
                              "through via while when".split())

# words a short attribution tail may hold ("said in a statement on Monday")
ATTRIBUTION_TAIL_WORDS = frozenset(
    "in on at during a an the an interview statement statements news conference press briefing release "
    "email emailed telephone phone call speech rally remarks written tuesday monday wednesday thursday friday "
    "saturday sunday today yesterday last this week month year night morning afternoon evening earlier later "
    "recently also told reporters said to his her their its late early "
    # whom and where it was told: "..., he told the court in a filing", "..., she told a Senate panel."
    "panel committee court hearing lawmakers senators audience crowd crowds supporters voters "
    "viewers listeners readers journalists host interviewer filing letter podcast show program programme radio "
    "television broadcast meeting forum summit town hall jury judge group visitors students members".split()
)

# words after a comma that open the next clause (", adding ...")
NEXT_CLAUSE_OPENERS = frozenset("and but while whereas although though noting adding saying arguing citing "
                         "calling explaining insisting claiming warning".split())

# forms of "be" (passive cues)
BE_FORMS = frozenset("is are was were be been being 's ’s".split())

# small words left lower case in Title Case
TITLE_SMALL_WORDS = frozenset("a an the and or of for in on at to by with from vs nor but as".split())

# determiners and pronouns a vague-attribution phrase matches through
PHRASE_FILLERS = frozenset("a an the this that these those one he she they him her them it".split())

# adverbs a subject phrase may run into ("Wells Fargo just")
TRAILING_ADVERBS = frozenset("just also still already now then again too recently later previously first once "
                        "repeatedly reportedly meanwhile".split())

# suffixes after a surname ("Jr.", "III")
NAME_SUFFIXES = frozenset("jr. jr sr. sr ii iii iv v".split())

# prepositions that name the body a person belongs to ("officials at the agency")
MEMBERSHIP_PREPOSITIONS = frozenset("for of at with from in inside within on".split())

# lower-case words that may follow a name in a subject ("Mr. Rubio himself")
STRAY_WORDS = frozenset("himself herself themselves itself too also now then again alone".split())

# definite determiners and possessives
DEFINITE_DETERMINERS = frozenset("the his her its their our my your this that these those".split())

# indefinite determiners
INDEFINITE_DETERMINERS = frozenset(("a", "an", "a second", "a third"))

# determiners that introduce a new person ("another source")
FRESH_DETERMINERS = frozenset(("another", "other", "others", "a second", "a third"))

# words that open an appositive description
APPOSITIVE_OPENERS = frozenset("a an the his her its their one former another".split())

# prepositions that end the head of a description ("A Monmouth poll of voters")
HEAD_PREPOSITIONS = frozenset("of at for with in to from on".split())

# words that never open an appositive
NOT_APPOSITIVE_OPENERS = frozenset("and or but nor of to in on at by for with from as than".split())

# determiners that open the noun phrase a relative pronoun follows
NP_DETERMINERS = frozenset("a an the some many one two three several another his her their its".split())

# negated sources ("no one"): no source at all
NEGATIONS = frozenset(("no one", "nobody", "none", "no-one", "neither"))

# words that may follow a head noun inside a description
HEAD_FOLLOWERS = frozenset(("across", "over", "out", "about", "who", "that", "which", "from", "this", "last", "by"))

# words after an unnamed source's head that lead to what the source knows
# ("officials with knowledge of the matter", "people familiar with the talks")
SOURCE_POSTMODIFIERS = frozenset("knowledge familiar close briefed involved aware knowledgeable privy".split())
