"""Where the event takes place: its venue (a named building or ground where the event is
named) and its city (named with the event, in the dateline, in the venue's or the event's name).
"""

from __future__ import annotations

from functools import cache, lru_cache

from pipeline.entities.candidates import CITY, DISTRICT, GAZETTEER_SOURCE, OTHER, VENUE
from pipeline.entities.gazetteer import Gazetteer, load_gazetteer
from pipeline.entities.words import TOWN_CENTRES, first_names, street_suffixes
from pipeline.events.context import CLAUSE_MARKS, DocContext
from pipeline.events.lexicon import (
    WORD_CACHE_SIZE,
    cue_sizes_before,
    cue_words,
    cues,
    word_is_cue,
    words_are_cue,
)
from pipeline.lang import load_tsv
from pipeline.records import PlaceMention

# Kinds that are a city where the text puts the event "in" them ("in St.Gallen", "in Wustrau")
LOCATED_KINDS = (CITY, DISTRICT, OTHER)
# Evidence for a city, and the least evidence that makes one the event's
EVENT_SENTENCE_SCORE = 2.0
LOCATIVE_SCORE = 1.0
DATELINE_SCORE = 2.0
TITLE_SCORE = 1.0
IN_NAME_SCORE = 2.0
VENUE_TOWN_SCORE = 1.0  # more for the venue's town: with IN_NAME_SCORE, over a dateline
MUNICIPALITY_SCORE = 4.0  # "die Gemeinde Aichtal lädt zur …": its town, over a city located once
MENTION_SCORE = 0.5
POSTAL_SCORE = 2.0  # the town of the venue's postal address
POSTCODE_DIGITS = (4, 5)  # Swiss and Austrian, German postal codes
MIN_CITY_SCORE = 2.0
LOCATIVE_REACH = 7  # "auf einer weiten Wiese mit dem Namen Alte Bleiche"
PATTERN_SOURCE = "pattern"  # the source the entity stage's own patterns give a place
LANDMARK_SOURCES = frozenset({GAZETTEER_SOURCE, PATTERN_SOURCE})  # who says a place is "other"
DENIAL_REACH = 5  # tokens before a venue searched for a negation ("nicht wie geplant im")
CONTRAST_REACH = 8  # tokens after a venue searched for "sondern" ("im Saal X statt, sondern")
PAST_REACH = 10  # tokens before a place searched for a past-edition cue in its clause
PAST_SAME_REACH = 3  # tokens before a past cue searched for "wie" ("genau wie im Vorjahr")
DATELINE_CHARS = 40  # "Karlsruhe (dpa/lsw) -", "Hannover –", "Münster, den"
# "Lindauer Hafenlauf", "Ulmer Gartenmesse"
ADJECTIVE_ENDING = cue_words("town_adjective_ending")[0]
# "Lindauer" -> Lindau, "Karlsruher" -> Karlsruhe: what the adjective added, in the order tried
TOWN_ADJECTIVE_ADDS = tuple(
    (added, restored[0] if restored else "")
    for added, *restored in (cue.words for cue in cues()["town_adjective_stem"])
)
# What follows a town that opens a paragraph as its dateline: a dash, a comma, an agency in
# brackets, a slash, a full stop ("Xdorf. Auch …") or a bar ("Xdorf | Die Halle …"); papers
# print the bar as a lone "l", a mark only with a space after it
DATELINE_MARKS = frozenset("–-,(/.|")
DATELINE_WORD_MARKS = frozenset({"l "})


@cache
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@cache
def district_towns() -> dict[str, str]:
    """The town each known part of a town belongs to ("Friedrichshagen" -> "Berlin"), from
    ``places_districts.tsv`` (written by scripts/build_districts.py)."""
    return {row["district"]: row["town"] for row in load_tsv("places_districts.tsv")}


def town_of(name: str) -> str:
    """The town a place is part of, or the place itself: an event "in Niederrad" is in Frankfurt."""
    return district_towns().get(name, name)


def place_in_word(word: str) -> str | None:
    """The place a word names or derives from ("Tiroler" -> "Tirol"), of any kind."""
    for form in (word, word[: -len(ADJECTIVE_ENDING)] if word.endswith(ADJECTIVE_ENDING) else None):
        if form and form[:1].isupper():
            found = gazetteer().lookup(form)
            if found and not found[0].ambiguous:
                return found[0].name
    return None


@lru_cache(maxsize=WORD_CACHE_SIZE)
def city_in_name(name: str, ambiguous: bool = False) -> str | None:
    """A city in a name: "CityCube Berlin", "Hannover Messe", "Lindauer Hafenlauf"
    (with ``ambiguous``, also a name that several places share: the name is the same)."""
    words = name.replace("-", " ").split()
    for k, word in enumerate(words):
        if k and words[k - 1] in first_names():
            continue  # "Carl-Zeiss-Halle": a person's surname, no town
        if k + 1 < len(words) and is_street(words[k + 1]):
            continue  # "Reutlinger Straße": a street named after the town it leads to
        stems = (
            [word[: -len(added)] + restored for added, restored in TOWN_ADJECTIVE_ADDS]
            if word.endswith(ADJECTIVE_ENDING)
            else []
        )
        for form in (word, *stems):
            if not form[:1].isupper():
                continue
            found = gazetteer().lookup(form)
            if found and found[0].kind == CITY and (ambiguous or not found[0].ambiguous):
                return found[0].name
    return None


def is_street(word: str) -> bool:
    """ "Straße", "Allee": a word that ends a street's name."""
    return word.lower().endswith(street_suffixes())


def organiser_town(organisers: list[str]) -> str | None:
    """ "das Krankenhaus Xdorf veranstaltete den Gesundheitstag", "die Pfarre Xdorf beging ihr
    Patrozinium": the one town the event's organisers are named after. A name of two words
    ("Pfarre Kirchberg") names its town even where several places share it; in a longer name
    ("Turnverein Blau-Weiß Linden") such a word may be anything. An area's body ("Landkreis Xdorf")
    names no town."""
    towns = set()
    for name in organisers:
        if word_is_cue(name.split(" ", 1)[0].lower(), "region"):
            continue  # "Landkreis Xdorf-Yberg": an area, no town
        two_words = len(name.replace("-", " ").split()) == 2
        town = city_in_name(name, ambiguous=two_words)
        if town:
            towns.add(town)
    return towns.pop() if len(towns) == 1 else None


def municipality_town(name: str) -> str | None:
    """ "Gemeinde Aichtal", "Stadt Luxemburg": the town of a municipality acting as an
    organisation, known to the gazetteer or not."""
    first, _, rest = name.partition(" ")
    if rest[:1].isupper() and word_is_cue(first.lower(), "municipality"):
        return rest
    return None


def is_event_building(word: str) -> bool:
    """ "Messegelände", "Rathaus": a building or ground a town's adjective may name as a venue."""
    return is_event_ground(word) or word.lower().endswith(cue_words("venue_building"))


def is_event_ground(name: str) -> bool:
    """ "Kongresszentrum Oberau", "Festhalle", "Bernexpo-Gelände": a hall or ground built for
    events, by how a word of its name ends."""
    return any(
        word.lower().endswith(cue_words("venue_ground")) for word in name.replace("-", " ").split()
    )


def is_area(p: PlaceMention) -> bool:
    """ "im Landkreis Xdorf", "Rhein-Sieg-Kreis", "im Neubaugebiet Lindenhöhe": an area, no town
    an event is held in. The entity stage gives such a place the district kind, and so a part
    of a town the gazetteer knows ("im Stadtteil Kreuzberg": a town's part counts for its
    town); a state has a kind of its own, never read as a town."""
    return p.kind == DISTRICT and gazetteer().lookup(p.name) is None


def is_landmark(p: PlaceMention) -> bool:
    """ "auf der Elbe", "am Bodensee", "bis zur Nordsee": a place of the other kind
    that the gazetteer or a pattern gave it (a river, lake, sea, mountain or landscape), not a
    town the NER found that no list knows."""
    return p.kind == OTHER and p.source in LANDMARK_SOURCES


def is_town_centre(name: str) -> bool:
    """ "Xdorfer Stadtzentrum", "Innenstadt": a name that ends on a town's centre."""
    return name.replace("-", " ").rsplit(" ", 1)[-1].lower() in TOWN_CENTRES


def no_town(p: PlaceMention) -> bool:
    """ "im Landkreis Xdorf", "am Bodensee", "an der Lindenstraße": an area, a lake or a
    street (one the gazetteer does not know as a town), no town an event is held in."""
    return is_area(p) or is_landmark(p) or (p.kind != CITY and is_street(p.name))


def _venue_key(name: str) -> str:
    """A venue's name for comparing two: lower case, letters and digits only."""
    return "".join(ch for ch in name.lower() if ch.isalnum())


class PlaceChooser:
    def __init__(self, ctx: DocContext, places: list[PlaceMention]):
        self.ctx = ctx
        self.places = places

    def _token(self, p: PlaceMention) -> int:
        return self.ctx.token_at(p.start_char)

    def located(self, p: PlaceMention) -> bool:
        """Whether a locative preposition stands right before the place ("in Köln")."""
        return self.ctx.memoised(("located", p.start_char), lambda: self._located(p))

    def _located(self, p: PlaceMention) -> bool:
        if self.from_origin(p):
            return False  # "im Feld mit Läufern aus Xdorf": where they come from
        token = self._token(p)
        for i in range(token - 1, max(token - 1 - LOCATIVE_REACH, -1), -1):
            if self.ctx.punct_at(i):
                return False
            if self.ctx.cues.at(i, "locative"):
                return True
            # "in jener Woche das Städtische Kunstmuseum": a new phrase begins
            if (
                word_is_cue(self.ctx.lowers[i], "determiner")
                and i > 0
                and self.ctx.words[i - 1][:1].isupper()
            ):
                return False
        return False

    def from_origin(self, p: PlaceMention) -> bool:
        """ "Läufer aus Xdorf oder Yburg", "Gäste aus ganz Zland": a town after "aus" (or
        listed after one) is where people come from, not where the event is."""
        return self.ctx.memoised(("from_origin", p.start_char), lambda: self._from_origin(p))

    def _from_origin(self, p: PlaceMention) -> bool:
        token = self._token(p)
        words, lowers = self.ctx.words, self.ctx.lowers
        for i in range(token - 1, max(token - 1 - LOCATIVE_REACH, -1), -1):
            if word_is_cue(lowers[i], "origin"):
                return True
            # another town of the list, or what joins them
            if not (words[i][:1].isupper() or word_is_cue(lowers[i], "origin_between")):
                return False
        return False

    def in_past(self, p: PlaceMention) -> bool:
        """ "Im Vorjahr fand die Tagung in Xdorf statt", "letztes Jahr noch in Xdorf": a
        past-edition cue (``past``) in the place's clause before it."""
        return self.ctx.memoised(("in_past", p.start_char), lambda: self._in_past(p))

    def _in_past(self, p: PlaceMention) -> bool:
        cue = self._cue_before(self._token(p), "past", PAST_REACH)
        # "wie im Vorjahr in Xdorf": this edition is where the last one was
        return cue is not None and self._cue_before(cue, "past_same", PAST_SAME_REACH) is None

    def _cue_before(self, token: int, kind: str, reach: int) -> int | None:
        """The nearest token at most ``reach`` before ``token`` where a cue of ``kind``
        starts, in the clause of ``token`` (a cue says nothing past a clause's end)."""
        low = self.ctx.sentence_span(token)[0]
        for i in range(token - 1, max(token - 1 - reach, low - 1), -1):
            if self.ctx.words[i] in CLAUSE_MARKS:
                return None
            if self.ctx.cues.at(i, kind):
                return i
        return None

    def after_article(self, p: PlaceMention) -> bool:
        """ "im Goldenen Hirsch", "in der Stadthalle": towns take a bare "in", so a place of
        no known kind after a preposition with an article is a building or ground."""
        return self.ctx.memoised(("after_article", p.start_char), lambda: self._after_article(p))

    def _after_article(self, p: PlaceMention) -> bool:
        token = self._token(p)
        return bool(cue_sizes_before(self.ctx.lowers, token, "venue_locative"))

    def is_venue(self, p: PlaceMention) -> bool:
        if is_town_centre(p.name):
            return False  # "im Xdorfer Stadtzentrum" as the model reads it: the town, no hall
        return p.kind == VENUE or (p.kind == OTHER and self.after_article(p))

    def placed_in(self, p: PlaceMention, sentences: set[int]) -> bool:
        """Whether one of ``sentences`` puts something at ``p`` ("in Köln", "im Saal"), outside
        brackets ("(Sommerfest im Schlosspark)": another event's place)."""
        token = self._token(p)
        return (
            self.ctx.sentence_of(token) in sentences
            and not self.ctx.in_parentheses(token)
            and self.located(p)
        )

    def venue(self, anchors: set[int]) -> PlaceMention | None:
        """The first venue named in a sentence that names the event, after "in"/"im"/"auf"
        (not one denied: "nicht in der Stadthalle, sondern im Kurhaus")."""
        return next(
            (
                p
                for p in self.places
                if self.is_venue(p) and self.placed_in(p, anchors) and not self.denied(p)
            ),
            None,
        )

    def denied(self, p: PlaceMention) -> bool:
        """ "diesmal nicht in der Stadthalle", "statt im Kurhaus": a negation (``venue_denial``)
        right before the venue's preposition (or one ``denial_adverb`` before it: "nicht mehr
        im"), or a few words before it in its clause with "sondern" after the venue ("nicht
        wie geplant im Saal, sondern …"), says the event was not there; elsewhere it denies
        another word ("nicht genug Stühle im Kurhaus")."""
        return self.ctx.memoised(("denied", p.start_char), lambda: self._denied(p))

    def _denied(self, p: PlaceMention) -> bool:
        token = self._token(p)
        lowers = self.ctx.lowers
        low = self.ctx.sentence_span(token)[0]
        sizes = cue_sizes_before(lowers, token, "venue_locative")
        before = token - max(sizes) - 1 if sizes else token - 2  # the word before "im", "in"
        if before >= low and word_is_cue(lowers[before], "denial_adverb"):
            before -= 1
        cue = self._cue_before(before + 1, "venue_denial", 1) if before >= low else None
        if cue is None and self._contrast_after(p):
            cue = self._cue_before(token, "venue_denial", DENIAL_REACH)
        # "nicht nur in der Stadthalle, sondern auch …": both places
        return cue is not None and not word_is_cue(lowers[cue + 1], "denial_softener")

    def _contrast_after(self, p: PlaceMention) -> bool:
        """Whether "sondern" follows the place in its sentence, a few words on."""
        after = self.ctx.token_at(p.end_char - 1) + 1
        end = min(after + CONTRAST_REACH, self.ctx.sentence_span(after - 1)[1])
        return any(word_is_cue(self.ctx.lowers[i], "denial_contrast") for i in range(after, end))

    def named_venue(self, sentences: set[int]) -> PlaceMention | None:
        """ "Austragungsort war das Kongresszentrum X", "Tagungsort ist die Xhalle": the venue
        a role noun of the venue (``venue_role``) names in its clause, in one of
        ``sentences`` (those that name the event)."""
        # "Zur Tagung kommen 900 Gäste. Tagungsort ist die X": a role noun
        # speaks of the event named in the sentence before it, too
        following = sentences | {s + 1 for s in sentences}
        for p in self.places:
            token = self._token(p)
            if not self.is_venue(p) or self.ctx.sentence_of(token) not in following:
                continue
            if self._cue_before(token, "venue_role", LOCATIVE_REACH) is not None:
                return p
        return None

    def one_of_several(self, p: PlaceMention) -> bool:
        """ "in der Stadthalle und im Kulturhaus", "gespielt wurde im Haus A,
        im Zentrum B …": a venue named in one sentence with another venue is one of
        the event's several places (or of several events), no single venue."""
        return self.ctx.memoised(("one_of_several", p.start_char), lambda: self._one_of_several(p))

    def _one_of_several(self, p: PlaceMention) -> bool:
        sentence = self.ctx.sentence_of(self._token(p))
        own = _venue_key(p.name)
        for q in self.venues_by_sentence().get(sentence, ()):
            if self.denied(q):
                continue  # "nicht in der Stadthalle, sondern im Kurhaus": one venue
            other = _venue_key(q.name)
            if other and own and other not in own and own not in other:
                return True  # not the same venue again ("Pilkentafel", "Werkstatt Pilkentafel")
        return False

    def venues_by_sentence(self) -> dict[int, list[PlaceMention]]:
        """The venues of each sentence, outside brackets (read once per Doc)."""
        return self.ctx.memoised(("venues_by_sentence",), self._venues_by_sentence)

    def _venues_by_sentence(self) -> dict[int, list[PlaceMention]]:
        out: dict[int, list[PlaceMention]] = {}
        for q in self.places:
            token = self._token(q)
            if self.is_venue(q) and not self.ctx.in_parentheses(token):
                out.setdefault(self.ctx.sentence_of(token), []).append(q)
        return out

    def sole_venue(self, sentences: set[int]) -> PlaceMention | None:
        """ "Die Aufräumarbeiten auf dem Festgelände dauerten an": where a report puts people
        in one hall or ground for events only, and names no venue where it names the event,
        that is where the event took place. Two distinct ones leave it open."""
        found = [
            p
            for p in self.places
            if self.is_venue(p)
            and is_event_ground(p.name)
            and self.placed_in(p, sentences)
            and not self.one_of_several(p)
        ]
        return found[0] if len({p.name for p in found}) == 1 else None

    def city(
        self,
        anchors: set[int],
        names: list[str],
        org_names: list[str] = (),
        other_orgs: list[str] = (),
        venue: PlaceMention | None = None,
        seats: list[str] = (),
        org_ends: frozenset[int] = frozenset(),
        venue_name: str | None = None,
    ) -> str | None:
        """The event's city from the evidence: places named where the event is, in its title
        or dateline, in its own or its venue's name (``venue_name``: its town counts more than a
        dateline); municipalities among ``org_names`` (the
        organisations named with the event) or ``other_orgs`` (elsewhere); and towns in the
        names of ``seats``, organisations named with the event that run it on their own
        premises."""
        scores: dict[str, float] = {}
        venue_sentences = (
            {self.ctx.sentence_of(self._token(p)) for p in self.places if p.name == venue.name}
            if venue is not None
            else set()
        )

        def add(name: str | None, score: float) -> None:
            if name:
                # the evidence for a part of a town is evidence for its town
                town = town_of(name)
                scores[town] = scores.get(town, 0.0) + score

        for p in self.places:
            # "TALBRUNN (ks). Am Sonntag …": a dateline names a town, known to the gazetteer
            # or not (a town's locative is read only where it counts: most places are towns)
            if (
                p.kind != CITY
                and not (p.kind in LOCATED_KINDS and self.located(p))
                and not (p.kind == OTHER and self.is_dateline(p))
            ):
                continue
            if p.kind == OTHER and self.after_article(p):
                continue  # a building, not a town
            if no_town(p):
                continue
            if self.in_past(p):
                continue  # "im Vorjahr in Xdorf": where the last edition was
            token = self._token(p)
            add(p.name, MENTION_SCORE)
            dateline = self.is_dateline(p)
            # "Aussteller Hans Vogel (Vogel Holzbau AG, Tettnang) lobte die Messe": a town in
            # brackets is an aside (a firm's seat), not where the event is; a dateline that
            # opens the sentence naming the event counts as a dateline only
            if (
                not dateline
                and self.ctx.sentence_of(token) in anchors
                and not self.ctx.in_parentheses(token)
                and not self.from_origin(p)
                and not self.is_seat(p, org_ends)
            ):
                add(p.name, EVENT_SENTENCE_SCORE + (LOCATIVE_SCORE if self.located(p) else 0.0))
            if self.ctx.in_title(p.start_char):
                add(p.name, TITLE_SCORE)
            if dateline:
                add(p.name, DATELINE_SCORE)
            if self.after_postcode(token) and self.ctx.sentence_of(token) in venue_sentences:
                add(p.name, POSTAL_SCORE)  # "Schloss Oberau (Am Schlossberg 2, 82999 Xdorf)"
        for name in names:
            add(city_in_name(name), IN_NAME_SCORE)
        # "Göppingen – Die Messe in der Stadthalle Weinheim": the town the venue is named
        # after is where the event is, over a dateline (the newsroom's town)
        add(city_in_name(venue_name) if venue_name else None, VENUE_TOWN_SCORE)
        for city in self.adjective_cities(anchors):
            add(city, EVENT_SENTENCE_SCORE + LOCATIVE_SCORE)
        # organisations named with the event: each city once ("IHK … zu Bielefeld" and
        # "Handwerkskammer … zu Bielefeld" are one hint), in a fixed order (a tie goes to the
        # first, whatever the process's string hashing)
        for city in sorted({city_in_name(name) for name in seats} - {None}):
            add(city, IN_NAME_SCORE)
        for town in sorted({municipality_town(name) for name in org_names} - {None}):
            add(town, MUNICIPALITY_SCORE)
        # "… der Stadt Luxemburg" elsewhere in the report: enough where nothing else is named
        for town in sorted({municipality_town(name) for name in other_orgs} - {None}):
            add(town, MIN_CITY_SCORE)
        if not scores:
            return None
        best = max(scores, key=lambda n: scores[n])
        return best if scores[best] >= MIN_CITY_SCORE else None

    def sole_city(self, sentences: set[int], elsewhere: set[int] = frozenset()) -> str | None:
        """ "Am Abend zogen die Gäste weiter nach Xdorf": where the evidence reaches no city,
        the one town a report puts people in ("in", "nach") is where its event took place.
        Two distinct towns leave it open, and so does one put in only where ``elsewhere``
        (sentences on another event) puts it."""
        found = [
            p
            for p in self.places
            if p.kind in LOCATED_KINDS
            and not (p.kind == OTHER and self.after_article(p))
            and self.placed_in(p, sentences)
            and not self.is_residence(p)
            and not no_town(p)
            and not self.in_past(p)
        ]
        towns = {town_of(p.name) for p in found}
        if len(towns) != 1:
            return None
        if all(self.ctx.sentence_of(self._token(p)) in elsewhere for p in found):
            return None
        return towns.pop()

    def is_seat(self, p: PlaceMention, org_ends: frozenset[int]) -> bool:
        """ "die Muster GmbH in Xdorf": a town after an organisation and "in" is its seat."""
        token = self._token(p)
        return (
            token >= 2
            and (token - 2) in org_ends
            and word_is_cue(self.ctx.lowers[token - 1], "seat")
        )

    def is_residence(self, p: PlaceMention) -> bool:
        """ "die in Xdorf lebende Künstlerin": the town is someone's home."""
        after = self.ctx.token_at(p.end_char - 1) + 1
        lowers = self.ctx.lowers
        return after < len(lowers) and word_is_cue(lowers[after], "residence")

    def adjective_venue(self, sentences: set[int], sole: bool = False) -> str | None:
        """ "auf dem Xdorfer Messegelände", "im Xdorfer Rathaus": a town's adjective and a hall
        or building after a preposition with an article, where the event is named, is a venue
        (where the place rules, knowing no such town, left it out)."""
        words = self.ctx.words
        found = []
        for token, _ in self.ctx.memoised(("adjective_cities",), self._adjective_cities):
            after = token + 1
            if self.ctx.sentence_of(token) not in sentences or after >= len(words):
                continue
            noun = words[after]
            if noun.lower() in TOWN_CENTRES:
                continue  # "im Xdorfer Zentrum": the town's centre, no hall
            if noun[:1].isupper() and noun.isalpha() and is_event_building(noun):
                found.append(f"{words[token]} {noun}")  # as the places table writes such names
        if sole:
            return found[0] if len(set(found)) == 1 else None
        return found[0] if found else None

    def adjective_cities(self, sentences: set[int]) -> list[str]:
        """ "auf dem Ulmer Messegelände", "in der Karlsruher Stadthalle": the town of a
        place adjective after a preposition with an article, where the event is named."""
        ctx = self.ctx
        found = ctx.memoised(("adjective_cities",), self._adjective_cities)
        return [city for token, city in found if ctx.sentence_of(token) in sentences]

    def _adjective_cities(self) -> list[tuple[int, str]]:
        """Each town adjective after a preposition with an article, and its town: read once
        per Doc."""
        ctx = self.ctx
        words, lowers = ctx.words, ctx.lowers
        out = []
        for start in sorted(ctx.cues.starts_of("venue_locative")):
            for i in (start + 1, start + 2):
                if i >= len(words) or not words_are_cue(tuple(lowers[start:i]), "venue_locative"):
                    continue
                word = words[i]
                if i + 1 < len(words) and is_street(words[i + 1]):
                    continue  # "in der Frankfurter Straße": a street named after a town
                if word.endswith(ADJECTIVE_ENDING) and word[:1].isupper():
                    town = city_in_name(word, ambiguous=True)
                    if town:
                        out.append((i, town))
        return out

    def after_postcode(self, token: int) -> bool:
        """Whether a postal code stands right before the token ("82999 Xdorf")."""
        before = self.ctx.words[token - 1] if token > 0 else ""
        return before.isdigit() and len(before) in POSTCODE_DIGITS

    def is_dateline(self, p: PlaceMention) -> bool:
        """A city that opens a paragraph before a dash, a comma or an agency, or stands on a
        short line with a date ("23.09.2022, Gütersloh"): the dateline."""
        key = ("place_dateline", p.start_char, p.end_char)
        return self.ctx.memoised(key, lambda: self._is_dateline(p))

    def _is_dateline(self, p: PlaceMention) -> bool:
        text = self.ctx.text
        line = self.ctx.line_of(p.start_char).strip()
        if len(line) <= DATELINE_CHARS and any(ch.isdigit() for ch in line):
            return True
        line_start = text.rfind("\n", 0, p.start_char) + 1
        if text[line_start : p.start_char].strip():
            return False
        after = text[p.end_char : p.end_char + DATELINE_CHARS].lstrip()
        if after[:1] == "/" and self.town_after_slash(p):
            return False  # "Kassel/Erfurt. Zwei Messen …": two towns, neither the one
        return after[:1] in DATELINE_MARKS or after[:2] in DATELINE_WORD_MARKS

    def town_after_slash(self, p: PlaceMention) -> bool:
        """Whether another town follows the place's slash ("Kassel/Erfurt"), not a
        river or a region naming which town it is ("Frankfurt/Main", "Halle/Saale")."""
        slash = self.ctx.text.find("/", p.end_char)
        return any(
            o.kind == CITY and not is_area(o) and 0 < o.start_char - slash <= 2 for o in self.places
        )
