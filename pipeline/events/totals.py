"""Which figures are the edition's totals of visitors, exhibitors and participants.

A figure counts for the edition unless it is about another edition (a past year, "im
Vorjahr", "damals"), a part ("ausländische Gäste", "am ersten Wochenende") or a difference
("20 000 weniger als erwartet"); of the rest the largest is the total. Counted firms are
exhibitors where they exhibit ("150 Firmen präsentierten sich"), counted persons participants
where they take part ("196 Personen nahmen teil"), teams and runners participants.
"""

from __future__ import annotations

from functools import cache

from pipeline.events.context import CLAUSE_MARKS, DocContext
from pipeline.events.lexicon import (
    cue_first_words,
    cue_sizes_before,
    cue_words,
    cues,
    name_ends_in,
    word_is_cue,
)
from pipeline.quantities.lexicon import adjective_pattern
from pipeline.quantities.qualifiers import EXACT
from pipeline.records import FigureMention

FIELDS = ("visitors", "exhibitors", "participants")
CUE_WINDOW = 6  # tokens around a figure searched for past-edition cues
PARTIAL_WINDOW = 3  # tokens around a figure searched for cues of a part
TOTAL_RANK, PLAIN_RANK, PRELIMINARY_RANK, OTHER_YEAR_RANK = 0, 1, 2, 3
# a total said with a qualifier ("knapp 5.000") and an exact count within this share on the side
# the qualifier leaves open ("4.860") are the same total
ROUNDED_SHARE = 0.1
ROUNDED_SIDES = {  # whether the exact count may lie above (True) or below (False) the rounded one
    "almost": (False,),
    "less_than": (False,),
    "at_most": (False,),
    "more_than": (True,),
    "at_least": (True,),
    "approx": (False, True),
}
ATTACHMENT_REACH = 4  # tokens between the event's name and "mit": an acronym in brackets


class TotalChooser:
    def __init__(
        self,
        ctx: DocContext,
        other_editions: set[int],
        name_ends: frozenset[int] = frozenset(),
        taking_part: bool = False,
        registering: bool = False,
        other_years: frozenset[int] = frozenset(),
    ):
        self.ctx = ctx
        self.doc = ctx.doc
        self.other_editions = other_editions
        self.name_ends = name_ends  # last tokens of the event's name mentions
        # a congress or assembly: who comes to it takes part (participant_event)
        self.taking_part = taking_part
        # a congress or a competition: its registrations count who takes part
        self.registering = registering
        # tokens of years named alone that are not the event's ("2010")
        self.other_years = other_years

    def field(self, f: FigureMention) -> str | None:
        """The event total this figure could be, by its category and sentence."""
        # the answer depends on the event's kind and names, so they are part of the key
        flags = (self.taking_part, self.registering, self.name_ends if self.taking_part else None)
        key = ("total_field", f.start_char, f.text, f.category, f.unit, flags)
        return self.ctx.memoised(key, lambda: self._field(f))

    def _field(self, f: FigureMention) -> str | None:
        field = self._counted_field(f)
        # asked only of a figure that could be a total (few): the adjective pattern tries its
        # endings at every character of the figure's text
        if field is None or adjective_pattern().match(f.text or ""):
            return None  # "eine sechsköpfige Gruppe kam": the size of one group, no total
        if word_is_cue((f.unit or "").lower(), "resident_unit"):
            return None  # "ein Ort mit 4.000 Einwohnern": the place's size
        return field

    def _counted_field(self, f: FigureMention) -> str | None:
        """What the figure counts by its category, unit and sentence (``_field`` before the
        figure's shape and unit rule out a total)."""
        start, end = self.ctx.sentence_span(self.ctx.token_at(f.start_char))
        if (
            self.taking_part
            and self.person_taking_part(f)
            and (
                f.category == "participants"
                or any(
                    self.ctx.cues.within(start, end, k)
                    for k in ("visiting", "coming", "participating")
                )
                or (self.profession(f) and any(start <= e < end for e in self.name_ends))
            )
        ):
            # "Die Fachtagung besuchten 300 Teilnehmer", "1.200 Kardiologen kamen", "Auf dem
            # Herzkongress diskutierten 1.200 Fachleute" (professions, in a sentence that
            # names it)
            return "participants"
        if f.category in ("participants", "people") and self.ctx.cues.within(
            start, end, "visiting"
        ):
            return "visitors"  # "3.500 Teilnehmer besuchten die Jobmesse"
        people = f.category == "people" or (
            f.category not in FIELDS and gendered_pair() in (f.text or "")
        )
        if people and self.ctx.cues.within(start, end, "coming"):
            # "80 Bürger kamen", "90 Rentnerinnen und Rentner folgten der Einladung"
            # (participants who came stay participants)
            return "visitors"
        if word_is_cue((f.unit or "").lower(), "times_unit") and (
            self.ctx.cues.within(start, end, "visiting")
            or self.ctx.cues.within(start, end, "door_visits")
        ):
            return "visitors"  # "Die Türen öffneten sich 9.000 Mal"
        if f.category in FIELDS:
            return f.category
        unit = (f.unit or "").lower()
        if self.registering and unit and unit.endswith(cue_first_words("registration_unit")):
            return "participants"  # "1.800 Anmeldungen lagen vor"
        for field, kind in (("participants", "participant_unit"), ("visitors", "visitor_unit")):
            if unit and unit.endswith(cue_first_words(kind)):
                return field  # "Mannschaften", "Turnfestteilnehmer", "Besuche"
        exhibiting = unit and word_is_cue(unit, "exhibitor_unit")
        if exhibiting and self.ctx.cues.within(start, end, "exhibiting"):
            return "exhibitors"
        visited = any(self.ctx.cues.within(start, end, k) for k in ("visiting", "coming"))
        if exhibiting and not visited and self.at_fair():
            return "exhibitors"  # "70 Betriebe warben auf der Ausbildungsmesse"
        if unit and unit.endswith(cue_first_words("stall_unit")) and not visited:
            return "exhibitors"  # "Über 80 Händler boten Honig an" (not "Händler besuchten")
        if f.category == "people" and self.ctx.cues.within(start, end, "participating"):
            return "participants"
        return None

    def at_fair(self) -> bool:
        """Whether the event is a fair or show ("Jobmesse", "Gewerbeschau": ``fair_event``),
        where counted firms are its exhibitors without a verb of exhibiting."""
        return any(name_ends_in(self.ctx.words[e], "fair_event") for e in self.name_ends)

    @staticmethod
    def person_taking_part(f: FigureMention) -> bool:
        """Counted participants, people or professions ("Teilnehmer", "Fachleute",
        "Kardiologen"); not the audience or visitors, which stay what they are."""
        return f.category == "people" or TotalChooser.profession(f)

    @staticmethod
    def profession(f: FigureMention) -> bool:
        """Counted participants or professions ("Kardiologen", "Fachleute"), not people of
        any kind ("ein Team von drei Leuten")."""
        if f.category == "participants":
            return True
        unit = (f.unit or "").lower()
        return (
            f.category not in FIELDS
            and bool(unit)
            and unit.endswith(cue_first_words("participant_person"))
        )

    def counts_for_edition(self, f: FigureMention) -> bool:
        first = self.ctx.token_at(f.start_char)
        last = self.ctx.token_at(f.end_char - 1)
        if self.ctx.sentence_of(first) in self.other_editions:
            return False
        lowers = self.ctx.lowers
        low, high = self.clause(first, last)
        # "im Vorjahr, als noch 380 Aussteller kamen": a clause opened by "als" is in the time
        # the clause before it names
        sentence_start = self.ctx.sentence_span(first)[0]
        if low - 2 >= sentence_start and word_is_cue(lowers[low], "time_clause"):
            low = self.clause(low - 2, low - 2)[0]
        # "30.000 Gäste und damit 5.000 weniger als im Jahr zuvor": the year is the comparison's
        high = next(
            (i for i in range(last + 1, high) if word_is_cue(lowers[i], "difference")), high
        )
        window = range(max(first - CUE_WINDOW, low), min(last + CUE_WINDOW, high))
        # "wie vor der Pandemie", "wie im Vorjahr": a comparison, not another edition's count
        if any(
            self.ctx.cues.at(i, "past") and not word_is_cue(lowers[i - 1], "simile") for i in window
        ):
            return False
        if self.ctx.cues.within(first - PARTIAL_WINDOW, last + PARTIAL_WINDOW, "partial"):
            return False
        # "langfristig sollen es 120 Betriebe werden": a goal for later editions
        if self.ctx.cues.within(window.start, window.stop, "future_goal"):
            return False
        # "gegenüber den 85 Betrieben beim Start": the count compared with, another's
        compared = first - 1 if first > 0 and word_is_cue(lowers[first - 1], "article") else first
        if cue_sizes_before(lowers, compared, "compared_year"):
            return False
        # "Insgesamt 26.500, darunter 3.000 aus dem Ausland": a part follows the total
        if self.ctx.cues.within(max(first - CUE_WINDOW, low), first, "part_follows"):
            return False
        if self.ctx.cues.within(*self.ctx.sentence_span(first), "partial_sentence"):
            return False
        return not (last + 1 < len(lowers) and word_is_cue(lowers[last + 1], "difference"))

    def clause(self, first: int, last: int) -> tuple[int, int]:
        """Token range of the clause around a figure: its sentence, cut at commas and
        semicolons ("Insgesamt kamen 45.000, im Vorjahr 52.000")."""
        start, end = self.ctx.sentence_span(first)
        low = next((i + 1 for i in range(first - 1, start - 1, -1) if self.is_break(i)), start)
        high = next((i for i in range(last + 1, end) if self.is_break(i)), end)
        return low, high

    def is_break(self, i: int) -> bool:
        return self.ctx.words[i] in CLAUSE_MARKS

    def rank(self, f: FigureMention) -> int:
        """0 for a figure the text calls the total or final one ("insgesamt", "endgültig") or
        joins to the event's name ("der Kongress mit 5.000 Teilnehmern"),
        2 for an early count ("nach vorläufigen Zahlen"), 3 for one in a clause that names another
        year than the event's ("2010 waren es 30.000"), else 1."""
        first = self.ctx.token_at(f.start_char)
        last = self.ctx.token_at(f.end_char - 1)
        low, high = self.clause(first, last)
        before = max(first - CUE_WINDOW, low)
        if self.ctx.cues.within(before, min(last + PARTIAL_WINDOW, high), "preliminary"):
            return PRELIMINARY_RANK
        if any(low <= t < high and self.same_line(t, first) for t in self.other_years):
            return OTHER_YEAR_RANK  # "2010 waren es 30.000": another year's count
        if self.ctx.cues.within(before, first, "total") or self.attached_to_name(first):
            return TOTAL_RANK
        return PLAIN_RANK

    def same_line(self, a: int, b: int) -> bool:
        """Whether no line break stands between two tokens (a heading run into the sentence
        under it is not its clause)."""
        starts = self.ctx.token_starts
        low, high = sorted((a, b))
        return "\n" not in self.ctx.text[starts[low] : starts[high]]

    def attached_to_name(self, first: int) -> bool:
        """ "die Jahrestagung der X (XY) mit 5.000 Teilnehmern und der Kongress der Y mit 6.000":
        the count joined to the event's own name."""
        link = first - 1
        if link < 1 or not word_is_cue(self.ctx.lowers[link], "name_attachment"):
            return False
        return any(link - ATTACHMENT_REACH <= end < link for end in self.name_ends)

    def of_plural_events(self, f: FigureMention) -> bool:
        """ "ein Sonderpreis für Tagungen mit über 1.500 Teilnehmern": a count joined by "mit"
        to a noun of many events in the plural (``many_events``: "Tagungen", "Messen") is
        the size of each of them, not the event's total."""
        link = self.ctx.token_at(f.start_char) - 1
        if link < 1 or not word_is_cue(self.ctx.lowers[link], "name_attachment"):
            return False
        word = self.ctx.words[link - 1]
        # (the tagger's lemma may keep the old spelling: "Kongreß")
        lemma = self.ctx.doc[link - 1].lemma_.lower().replace("ß", "ss")
        return (
            word.lower() != lemma
            and word.endswith(cue_words("noun_plural_ending"))
            and lemma.endswith(cue_first_words("many_events"))
        )

    def additional(self, f: FigureMention) -> bool:
        """ "300 weitere Helfer", "weitere 200 Gäste": more beside someone named before
        (only the figure's own words and the one before it: "3.000 Besucher und weitere 200
        Helfer" leaves the 3.000 a total)."""
        first = self.ctx.token_at(f.start_char)
        last = self.ctx.token_at(f.end_char - 1)
        lowers = self.ctx.lowers
        return any(word_is_cue(lowers[i], "additional") for i in range(max(first - 1, 0), last + 1))

    def after_other_field(
        self, f: FigureMention, field: str, fields: list[tuple[FigureMention, str | None]]
    ) -> bool:
        """ "900 Starter und weitere 2.000 Zuschauer": a count of another field before
        it in its sentence (``fields``: each figure with its field, read once by ``totals``):
        the more are of another kind, their own total."""
        sentence = self.sentence_at(f.start_char)
        return any(
            g.start_char < f.start_char
            and other not in (None, field)
            and self.sentence_at(g.start_char) == sentence
            for g, other in fields
        )

    def event_counts(self, figures: list[FigureMention]) -> list[int]:
        """The first tokens of counts of many events of any kind ("226 Veranstaltungen"),
        not of the event's own parts ("2.400 Veranstaltungen des Kirchentags")."""
        lowers = self.ctx.lowers
        out = []
        for f in figures:
            if f.value <= 1 or not word_is_cue((f.unit or "").lower(), "many_events"):
                continue
            after = self.ctx.token_at(f.end_char - 1) + 1
            if after < len(lowers) and word_is_cue(lowers[after], "genitive_link"):
                continue
            out.append(self.ctx.token_at(f.start_char))
        return out

    def of_many_events(self, f: FigureMention, event_counts: list[int]) -> bool:
        """ "Im Festspielhaus wurden 180 Veranstaltungen mit 95.400 Besuchern gezählt": a
        count after a count of events in its clause is of all those events."""
        first = self.ctx.token_at(f.start_char)
        low, _ = self.clause(first, self.ctx.token_at(f.end_char - 1))
        return any(low <= token < first for token in event_counts)

    def totals(self, figures: list[FigureMention]) -> dict[str, FigureMention]:
        """The total per field: of the figures the text calls total or final, else of the
        others, else of the early counts, the largest; of equal values the first mention
        (its qualifier) wins."""
        best: dict[str, tuple[int, FigureMention]] = {}
        counted: list[tuple[str, int, FigureMention]] = []
        event_counts = self.event_counts(figures)
        fields = [(f, self.field(f)) for f in figures]
        for f, field in fields:
            if field is None or not self.counts_for_edition(f):
                continue
            if event_counts and self.of_many_events(f, event_counts):
                continue
            if self.additional(f) and not self.after_other_field(f, field, fields):
                continue
            if self.of_plural_events(f):
                continue
            rank = self.rank(f)
            counted.append((field, rank, f))
            if field not in best or total_key(rank, f) < total_key(*best[field]):
                best[field] = (rank, f)
        return {
            field: self.exact_count(f, field, rank, counted) for field, (rank, f) in best.items()
        }

    def exact_count(
        self, f: FigureMention, field: str, rank: int, counted: list[tuple[str, int, FigureMention]]
    ) -> FigureMention:
        """ "knapp 5.000 Besucher, genau 4.860": a rounded total and an exact count it rounds in
        the same sentence, or one called exact anywhere ("Gezählt wurden genau 4.860"), are one
        total; the exact count says it. Elsewhere an unqualified count (qualifier ``exact`` by
        default) is another count: a day's, a part's."""
        sides = ROUNDED_SIDES.get(f.qualifier)
        if sides is None:
            return f
        sentence = self.sentence_at(f.start_char)
        for other, other_rank, g in counted:
            if other != field or other_rank != rank or g.qualifier != EXACT or g is f:
                continue
            if self.sentence_at(g.start_char) != sentence and not said_exact(g):
                continue
            share = (g.value - f.value) / f.value if f.value else 0.0
            if share and abs(share) <= ROUNDED_SHARE and (share > 0) in sides:
                return g
        return f

    def sentence_at(self, char: int) -> int:
        return self.ctx.sentence_of(self.ctx.token_at(char))


def total_key(rank: int, f: FigureMention) -> tuple[bool, int, float]:
    """Which of two counts of a field is the total (the smaller key): a count of persons before
    one of visits ("9.800 Besucher" and "15.300 Besuche": a visitor counts once, however often
    he comes), then by rank, then the larger."""
    return (counts_visits(f), rank, -f.value)


def counts_visits(f: FigureMention) -> bool:
    """ "15.300 Besuche", "Messebesuche": the count is of visits, not of visitors."""
    return (f.unit or "").lower().endswith(cue_first_words("visitor_unit"))


def said_exact(f: FigureMention) -> bool:
    """ "genau 4.860 Besucher": the count's text opens with a word that calls it exact."""
    first = f.text.split(maxsplit=1)[0].lower() if f.text else ""
    return word_is_cue(first, "exact_count_word")


@cache
def gendered_pair() -> str:
    """ "innen und " ("Rentnerinnen und Rentner"): in a figure's text, counted people."""
    return " ".join(cues()["gendered_pair"][0].words) + " "
