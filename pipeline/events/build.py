"""One :class:`EventRecord` per event a report is about, from the mentions on the Doc."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from pipeline.entities.candidates import CITY
from pipeline.entities.canonical import LemmaLookup, compound_head, is_adjective, nominative_name
from pipeline.entities.words import positions
from pipeline.events.context import CLAUSE_MARKS, DocContext, covered_tokens
from pipeline.events.dates import DateChooser, holiday_in_name
from pipeline.events.lexicon import (
    cue_first_words,
    cue_sizes,
    cue_sizes_before,
    cue_words,
    event_noun_base,
    name_ends_in,
    word_is_cue,
    words_are_cue,
)
from pipeline.events.naming import (
    LEAD_WEIGHT,
    ORDINAL,
    QUOTES,
    EventName,
    NameFinder,
    NameMention,
    is_year,
    mention,
)
from pipeline.events.organiser_phrases import PhraseFinder, institution_mentions
from pipeline.events.organisers import OrganiserFinder
from pipeline.events.places import PlaceChooser, is_area, organiser_town, town_of
from pipeline.events.totals import FIELDS, TotalChooser
from pipeline.extensions import get_facts
from pipeline.records import EventRecord

OPENING_LINK_REACH = 4  # words between an opening and its building ("für den neuen Neubau")
BUILDING_NAME_WORDS = 4  # words of a building's name after its noun ("Kindergarten Xdorf 3")
OPENING_QUOTES = frozenset('«»„“”"‹›')  # marks around a building's name ("Bibliothek «Am Anger»")
OWN_TOWN_REACH = 8  # tokens from an event's name to its town ("X (XY) mit 900 Gästen in Xdorf")
ORDINAL_REACH = 3  # tokens before a name where its edition number stands
# Kinds of name that can open a row of their own beside the main event: a name of its own
OWN_NAME_KINDS = ("named", "introduced")
ORGANISER_SEPARATOR = "; "
AROUND_REACH = 3  # tokens before a name where "vor dem", "im Vorfeld der" begin
PART_REACH = 2  # tokens before a name where "abschließendes" stands ("ein abschließendes")
MOTTO_WORDS = 6  # words of a quoted motto at most
YEAR_GRANULARITY = "year"


def edition_of(words: list[str], m: NameMention) -> str | None:
    """The edition number written before a name ("zur 30. Langen Nacht" -> "30"), read in the
    Doc's token texts (``DocContext.words``)."""
    for i in range(m.start - 1, max(m.start - 1 - ORDINAL_REACH, -1), -1):
        if ORDINAL.match(words[i]):
            return words[i].rstrip(".")
    return None


def year_written(words: list[str], m: NameMention) -> str | None:
    """ "Hackathon 2013": the year written right after one mention of the name."""
    return words[m.end] if m.end < len(words) and is_year(words[m.end]) else None


def year_after(words: list[str], mentions: list[NameMention]) -> int | None:
    """ "Hackathon 2013", "Hannover Messe 2017": the year written after the name."""
    for m in sorted(mentions, key=lambda m: m.start):
        year = year_written(words, m)
        if year:
            return int(year)
    return None


class EventBuilder:
    def __init__(self, doc: Doc, lemma: LemmaLookup | None = None) -> None:
        self.doc = doc
        self.lemma = lemma
        self.ctx = DocContext(doc)
        # the other extractors' records, read as ``doc._.places`` etc. read them (without the
        # extension attribute's own look-ups)
        self.places = get_facts(doc, "places") or []
        self.organisations = get_facts(doc, "organisations") or []
        self.dates = get_facts(doc, "dates") or []
        self.figures = get_facts(doc, "figures") or []
        self.covered_places = covered_tokens(self.ctx, self.places)
        self.covered_orgs = covered_tokens(self.ctx, self.organisations)
        # "die Handwerkskammer": one-word organisations the entity stage leaves out, for the
        # organiser rules only
        self.institutions = institution_mentions(
            self.ctx, self.covered_orgs, self.covered_places, self.organisations
        )
        # ... and names it missed where an organiser's verb's subject stands
        self.institutions += PhraseFinder(
            self.ctx, self.covered_orgs, self.covered_places
        ).subject_names()
        self.phrase_orgs = {**self.covered_orgs, **covered_tokens(self.ctx, self.institutions)}

    def build(self) -> list[EventRecord]:
        finder = NameFinder(self.ctx, self.covered_places, self.covered_orgs, self.dates)
        events = [e for e in finder.events(self.figures) if not self.programme_part(e)]
        if not events or self.passing_mention(events[0]):
            return []
        main = self.record(1, events[0], events)
        apart = self.events_in_own_towns(events)
        if apart is not None:
            return self.rows_in_own_towns(events, main, *apart)
        further = self.further_events(events, main)
        if not further:
            return [main]
        # the main event's row again without the further events' paragraphs
        taken = set().union(*(section for _, section in further))
        alone = self.record(1, events[0], events, excluded=taken)
        if (alone.start, alone.end) != (main.start, main.end):
            return [main]  # the main event's days were read where the other is named
        rows = [(events[0], alone)]
        for other, section in further:
            ordered = [other, *(e for e in events if e is not other)]
            rows.append((other, self.record(0, other, ordered, section=section)))
        rows.sort(key=lambda row: row[0].first.start)
        return [replace(record, event=n) for n, (_, record) in enumerate(rows, start=1)]

    def events_in_own_towns(self, events: list[EventName]) -> tuple[int, str, str] | None:
        """ "Die Agentur richtete das Forum X in Bremen aus, dazu die Tagung Y in Kiel": the
        main event and another with a name of its own, named in one
        sentence, each right before a town of its own ("in Mannheim"), are two events: the
        other's position and the two towns (the main event's first)."""
        ctx = self.ctx
        places = PlaceChooser(ctx, self.places)
        for k, event in enumerate(events[1:], start=1):
            if not self.has_own_name(event) or self.other_edition_sentences(event):
                continue
            for m0 in events[0].mentions:
                for mk in event.mentions:
                    if "generic" in (m0.kind, mk.kind) or m0.start == mk.start:
                        continue
                    if ctx.sentence_of(m0.start) != ctx.sentence_of(mk.start):
                        continue
                    first, second = sorted((m0, mk), key=lambda m: m.start)
                    town_first = self.town_after(places, first, second.start)
                    end = ctx.sentence_span(second.start)[1]
                    town_second = self.town_after(places, second, end)
                    if town_first and town_second and town_first != town_second:
                        if first is m0:
                            return k, town_first, town_second
                        return k, town_second, town_first
        return None

    def town_after(self, places: PlaceChooser, m: NameMention, limit: int) -> str | None:
        """The town put right after an event's name ("die Tagung X in Mannheim"): a located
        city at most ``OWN_TOWN_REACH`` tokens after the name, before token ``limit``."""
        ctx = self.ctx
        for p in self.places:
            token = ctx.token_at(p.start_char)
            near = m.end <= token < min(limit, m.end + OWN_TOWN_REACH)
            if near and p.kind == CITY and places.located(p) and not is_area(p):
                return town_of(p.name)
        return None

    def rows_in_own_towns(
        self, events: list[EventName], main: EventRecord, k: int, town: str, other_town: str
    ) -> list[EventRecord]:
        """The rows of two events each in its own town: the main event's, and the other's,
        which owns the sentences that name it alone."""
        ctx = self.ctx
        other = events[k]
        named_in: dict[int, set[int]] = {}
        for j, event in enumerate(events):
            for m in event.mentions:
                if m.kind != "generic":
                    named_in.setdefault(ctx.sentence_of(m.start), set()).add(j)
        alone = {s for s, ks in named_in.items() if ks == {k}}
        ordered = [other, *(e for e in events if e is not other)]
        second = self.record(0, other, ordered, section=self.section(alone, named_in))
        rows = [(events[0], replace(main, city=town)), (other, replace(second, city=other_town))]
        rows.sort(key=lambda row: row[0].first.start)
        return [replace(record, event=n) for n, (_, record) in enumerate(rows, start=1)]

    @staticmethod
    def passing_mention(event: EventName) -> bool:
        """ "Im Herbst wird dieses Jubiläum gefeiert": a bare event noun named once, in the
        body, is no event the report is about (where the report names none better)."""
        return (
            event.kind == "generic"
            and len(event.mentions) == 1
            and event.first.weight < LEAD_WEIGHT
        )

    def programme_part(self, event: EventName) -> bool:
        """ "Vier Kapellen gaben ein abschließendes Konzert": an event named once, in the body,
        as the closing part of another is no event of its own."""
        m = event.first
        return (
            len(event.mentions) == 1
            and m.weight < LEAD_WEIGHT
            and self.ctx.cues.within(m.start - PART_REACH, m.start, "programme_part")
        )

    def further_events(
        self, events: list[EventName], main: EventRecord
    ) -> list[tuple[EventName, set[int]]]:
        """Other events the report is about besides the main one ("a report on several
        markets"), conservatively: only one with a name of its own (not plural, not another
        edition) whose days are given in a sentence that names no other event (not a
        programme's list of races, not a part of the main event) and lie outside the main
        event's days, and that names a place other than the main event's. A report on one
        event stays one row. Each comes with its section: its sentences and those after them
        in the paragraph up to one that names another event."""
        ctx = self.ctx
        if len(events) >= 2 and main.start is not None:
            shared = self.events_with_own_totals(events)
            if shared:
                return shared
        if main.start is None or len(events) < 2:
            return []  # a main event without days: days elsewhere may be its own
        if not any(map(self.has_own_name, events[1:])):
            return []  # no other event can have a row: the days need not be read
        main_days = (main.start, main.end or main.start)
        outside = {
            ctx.sentence_of(d.token)
            for d in DateChooser(ctx, self.dates, set()).days()
            if not self.within(d.first.isoformat(), d.last.isoformat(), main_days)
        }
        if not outside:
            return []
        named_in: dict[int, set[int]] = {}  # sentence -> the events (by position) named there
        for k, event in enumerate(events):
            for m in event.mentions:
                if m.kind != "generic":
                    named_in.setdefault(ctx.sentence_of(m.start), set()).add(k)
        # events named alone in a sentence that gives days outside the main event's
        alone = sorted({min(named_in[s]) for s in outside if len(named_in.get(s, ())) == 1})
        out: list[tuple[EventName, set[int]]] = []
        for k in alone:
            event = events[k]
            if k == 0 or not self.has_own_name(event):
                continue
            if self.other_edition_sentences(event):
                continue
            section = self.section({ctx.sentence_of(m.start) for m in event.mentions}, named_in)
            if self.placed_apart(section, main):
                out.append((event, section))
        return out

    def events_with_own_totals(self, events: list[EventName]) -> list[tuple[EventName, set[int]]]:
        """Events held alongside the main one on the same days ("Die Gartenmesse und die
        Baumesse fanden vom 3. bis 5. Mai statt. Die Gartenmesse zählte …, die Baumesse
        verbuchte 9.000 Besucher"): another event with a name of its own, named in the title
        or lead and dated in a sentence together with the main one, with totals given in a
        sentence that names it alone, where the main event has such totals of its own too.
        Its section is its own sentences (and the ones after them in the paragraph that name
        no event); a sentence naming both stays shared."""
        ctx = self.ctx
        if not any(self.has_own_name(e) and self.in_title_or_lead(e) for e in events[1:]):
            return []  # no other event can qualify: the totals need not be read
        named_in: dict[int, set[int]] = {}
        for k, event in enumerate(events):
            for m in event.mentions:
                if m.kind != "generic":
                    named_in.setdefault(ctx.sentence_of(m.start), set()).add(k)
        chooser = TotalChooser(ctx, set())
        with_totals = {
            ctx.sentence_of(ctx.token_at(f.start_char))
            for f in self.figures
            if chooser.field(f) is not None and chooser.counts_for_edition(f)
        }

        def alone_with_totals(k: int) -> set[int]:
            return {s for s, ks in named_in.items() if ks == {k} and s in with_totals}

        if not alone_with_totals(0) or not self.in_title_or_lead(events[0]):
            return []
        # the days: a sentence that names both and dates them ("X und Y fanden vom … statt"),
        # not a title naming both run into the first sentence
        dated = {ctx.sentence_of(ctx.token_at(d.start_char)) for d in self.dates if d.start}
        in_body: dict[int, set[int]] = {}
        for k, event in enumerate(events):
            for m in event.mentions:
                if m.kind != "generic" and not ctx.in_title(ctx.token_starts[m.start]):
                    in_body.setdefault(ctx.sentence_of(m.start), set()).add(k)
        out = []
        for k, event in enumerate(events[1:], start=1):
            if not self.has_own_name(event):
                continue
            if not self.in_title_or_lead(event) or self.other_edition_sentences(event):
                continue
            if not alone_with_totals(k):
                continue
            if not any({0, k} <= ks and s in dated for s, ks in in_body.items()):
                continue  # not held alongside it (another fair compared, say)
            alone = {s for s, ks in named_in.items() if ks == {k}}
            out.append((event, self.section(alone, named_in)))
        return out

    @staticmethod
    def has_own_name(event: EventName) -> bool:
        """Whether an event other than the main one can have a row of its own: a name of its
        own, not a plural ("zwei Märkte")."""
        return event.kind in OWN_NAME_KINDS and not event.best.plural

    def in_title_or_lead(self, event: EventName) -> bool:
        ctx = self.ctx
        return any(
            ctx.in_title(ctx.token_starts[m.start]) or ctx.in_lead(m.start) for m in event.mentions
        )

    @staticmethod
    def within(first: str, last: str, span: tuple[str, str]) -> bool:
        """Whether days lie inside the main event's span (its ISO first and last day, or a
        month)."""
        return span[0] <= first and last <= span[1] + "~"  # "~": after any day of a month

    def section(self, sentences: set[int], named_in: dict[int, set[int]]) -> set[int]:
        """Those sentences and the ones after each in its paragraph that name no event."""
        ctx = self.ctx
        out = set(sentences)
        for s in sentences:
            k = s + 1
            while k < len(ctx.sentence_starts) and k not in named_in and k not in out:
                start = ctx.sentence_starts[k]
                if "\n\n" in ctx.text[ctx.token_starts[start - 1] : ctx.token_starts[start]]:
                    break  # a new paragraph
                out.add(k)
                k += 1
        return out

    def placed_apart(self, sentences: set[int], main: EventRecord) -> bool:
        """Whether those sentences name a place that is not the main event's city or venue
        (another market in another town or ground)."""
        ctx = self.ctx
        mains = {main.city, main.venue}
        return any(
            p.name not in mains and ctx.sentence_of(ctx.token_at(p.start_char)) in sentences
            for p in self.places
        )

    def in_sentences(self, records: list, sentences: set[int]) -> list:
        """The mentions (with character offsets) that stand in those sentences."""
        ctx = self.ctx
        return [r for r in records if ctx.sentence_of(ctx.token_at(r.start_char)) in sentences]

    def other_edition_sentences(self, event: EventName) -> set[int]:
        """Sentences that name another edition: another edition number or year than the first
        one given ("die 8. Messe", "Messe 2022" after "Messe 2021"), or "die nächste Messe"."""
        ctx = self.ctx
        words = ctx.words
        ordered = sorted(event.mentions, key=lambda m: m.start)
        editions = [(m, edition_of(words, m)) for m in ordered]
        main = next((e for _, e in editions if e), None)
        years = [(m, year_written(words, m)) for m in ordered]
        main_year = next((y for _, y in years if y), None)
        out = set()
        for (m, edition), (_, year) in zip(editions, years, strict=True):
            other = (edition is not None and edition != main) or (
                year is not None and year != main_year
            )
            if other or self.ctx.cues.within(m.start - ORDINAL_REACH, m.start, "next_edition"):
                out.add(ctx.sentence_of(m.start))
        return out

    def record(
        self,
        number: int,
        event: EventName,
        events: list[EventName],
        section: set[int] | None = None,
        excluded: set[int] = frozenset(),
    ) -> EventRecord:
        """The row of ``event`` (``events[0]``; the others are other events). The main event
        (``section`` None) is also named by a bare event noun ("die Messe") and owns the
        report but the ``excluded`` sentences; a further event owns its ``section`` only."""
        ctx = self.ctx
        main = section is None
        own = {ctx.sentence_of(m.start) for m in event.mentions}
        other = self.other_edition_sentences(event) | (self.other_event_sentences(events) - own)
        other |= set(excluded)
        anchors = own - other
        in_title = any(ctx.in_title(ctx.token_starts[m.start]) for m in event.mentions)
        if main and ctx.title_end and in_title:
            # the sentence under a title that names the event is about it
            under_title = ctx.sentence_of(ctx.token_at(ctx.title_end - 1)) + 1
            if under_title < len(ctx.sentence_starts):  # a report may be its title alone
                anchors |= {under_title} - other
        # a bare "die Messe" names the main event whatever other name it has
        if main:
            anchors |= {
                ctx.sentence_of(m.start) for e in events if e.kind == "generic" for m in e.mentions
            } - other
        organisations, figures = self.organisations, self.figures
        if section is not None:
            figures = self.in_sentences(figures, section)
        name_ends = frozenset(m.end - 1 for m in event.mentions)
        taking_part = name_ends_in(event.best.name, "participant_event")
        # "1.800 Anmeldungen": registrations for a congress or a race count who takes part
        registering = taking_part or name_ends_in(event.best.name, "competition_event")
        totals = TotalChooser(
            ctx, other, name_ends, taking_part, registering, self.other_year_tokens(event)
        ).totals(figures)
        founding = any(part in event.best.name.lower() for part in cue_words("founding_event"))
        mention_tokens = frozenset(k for m in event.mentions for k in range(m.start, m.end))
        named_in = frozenset(
            ctx.sentence_of(m.start) for m in event.mentions if m.kind != "generic"
        )
        dates = DateChooser(
            ctx,
            self.dates,
            other | self.ahead_sentences(totals),
            founding,
            mention_tokens,
            named_in,
        )
        start, end = dates.choose(anchors, self.figures)
        year = self.year(start or end, event)
        if start is None and end is None:
            start = end = holiday_in_name(event.best.name, year)
        place_anchors = anchors - self.other_year_sentences(year)
        places = PlaceChooser(ctx, self.places)
        venue_anchors = place_anchors - self.around_event_sentences(event)
        venue_sentences = venue_anchors | self.place_anaphor_sentences(venue_anchors)
        # "Austragungsort des Turniers war das Kongresszentrum X": the venue named as such
        # where the event is named, else the first one named with the event, else one named
        # as such in a sentence on no other event ("Austragungsort war erstmals …")
        venue = places.named_venue(venue_sentences) or places.venue(venue_sentences)
        venue = venue or places.named_venue(set(range(len(ctx.sentence_starts))) - other)
        # the first venue named with the event is one of several named together: no one venue
        several = venue is not None and places.one_of_several(venue)
        if several:
            venue = None
        venue_name = venue.name if venue else None
        if venue is None and main and not several:
            # the report's first sentence tells what, when and where
            opening = {self.opening_sentence()} - other - self.around_event_sentences(event)
            venue = places.venue(opening)
            venue_name = venue.name if venue else self.opened_building(event)
            if venue_name is None:
                venue_name = self.organisation_building(venue_sentences)
            if venue_name is None:
                venue_name = self.hosting_building(event, venue_anchors)
            if venue_name is None and start:
                # "die Vorsitzende begrüßte die Gäste am 3. März 2024 im Hotel X": the
                # sentence that gives the event's day is about the event, where it names no
                # other event
                others = {
                    ctx.sentence_of(m.start) for e in events if e is not event for m in e.mentions
                }
                venue = places.venue(dates.sentences_of_day(start) - other - others)
                venue_name = venue.name if venue and not places.one_of_several(venue) else None
            if venue_name is None:
                venue_name = places.adjective_venue(venue_sentences | opening)
            if venue_name is None:
                anywhere = set(range(len(ctx.sentence_starts))) - other
                venue = places.sole_venue(anywhere)
                if venue is None:
                    venue_name = places.adjective_venue(anywhere, sole=True)
                elif places.adjective_venue(anywhere) in (None, venue.name):
                    venue_name = venue.name
                else:  # a town's building the places table does not list is a second hall
                    venue = None
        best = event.best
        names = [
            m.name for e in events for m in e.mentions if ctx.sentence_of(m.start) in place_anchors
        ]
        names += [venue_name] if venue_name else []
        # "die Medien-Beauftragte des Kulturvereins Talheim wertet das Sommerfest aus"
        org_names = {
            o.name
            for o in self.organisations
            if ctx.sentence_of(ctx.token_at(o.start_char)) in place_anchors
        }
        # a municipality named anywhere (not in another event's section): a weaker hint
        municipalities = sorted({o.name for o in self.organisations} - org_names)
        if excluded or section is not None:
            municipalities = []
        spans = [(m.start, m.end - 1) for m in event.mentions]
        # "die Wissenschaftliche Jahrestagung der DGVK" under the title "DGVK-Tagung": an event
        # noun where the event is named carries its organiser's acronym
        nouns = [
            (m.start, m.end - 1)
            for e in events
            for m in e.mentions
            if e is not event
            and m.kind in ("named", "compound", "generic")
            and event_noun_base(ctx.words[m.end - 1])
            and ctx.sentence_of(m.start) in place_anchors
        ]
        # a further event's organisers and totals are those of its own sentences only; the
        # rest of the report is the main event's
        phrases = PhraseFinder(ctx, self.phrase_orgs, self.covered_places) if main else None
        organisations = sorted(
            [*organisations, *self.institutions], key=lambda o: (o.start_char, o.end_char)
        )
        if excluded:
            kept = set(range(len(ctx.sentence_starts))) - set(excluded)
            organisations = self.in_sentences(organisations, kept)
        if section is not None:
            organisations = self.in_sentences(organisations, section)
        own_tokens = {k for m in event.mentions for k in range(m.start, m.end)}
        other_names = frozenset(
            m.start
            for e in events
            if e is not event
            for m in e.mentions
            if m.start not in own_tokens
        )
        finder = OrganiserFinder(ctx, organisations, phrases, other_names)
        organisers = finder.organisers(spans, best.name, nouns)
        # "die Hochschule Xdorf lädt zur Kinder-Uni": an organisation's town is where the event
        # is only where it runs the event on its own premises (it organises it and no other
        # venue is named), not a firm's or club's seat ("der Turnverein Xdorf übergab …")
        seats = sorted(n for n in org_names if n in organisers and venue_name in (None, n))
        org_ends = frozenset(ctx.token_at(o.end_char - 1) for o in self.organisations)
        city = places.city(
            place_anchors,
            names,
            sorted(org_names),
            municipalities,
            venue,
            seats,
            org_ends,
            venue_name,
        )
        if city is None and main and not excluded:
            # "Als nächstes Ziel nannten sie den Xcup in Xdorf": a sentence that names another event
            # by its name (and not this one) puts people at that event, not at this one
            elsewhere = {
                ctx.sentence_of(m.start)
                for e in events
                if e is not event
                for m in e.mentions
                if m.kind == "named"
            } - own
            city = places.sole_city(set(range(len(ctx.sentence_starts))) - other, elsewhere)
        if city is None:
            # nothing places the event: a local organiser's town is where it ran it
            city = organiser_town(organisers)
        name, written = self.name(event, city)
        values: dict[str, object] = {}
        for field in FIELDS:
            figure = totals.get(field)
            values[field] = figure.value if figure else None
            values[f"{field}_qualifier"] = figure.qualifier if figure else None
        bounds = self.char_bounds(written) if written else None
        return EventRecord(
            event=number,
            name=name,
            year=year,
            start=start,
            end=end,
            city=city,
            venue=venue_name,
            organisers=ORGANISER_SEPARATOR.join(organisers) or None,
            start_char=bounds[0] if bounds else None,
            end_char=bounds[1] if bounds else None,
            **values,
        )

    def char_bounds(self, m: NameMention) -> tuple[int, int]:
        """``(start_char, end_char)`` of a mention's tokens, as its Span has them (read in the
        token offsets, no Span made)."""
        ctx = self.ctx
        last = m.end - 1
        return ctx.token_starts[m.start], ctx.token_starts[last] + len(ctx.words[last])

    def other_event_sentences(self, events: list[EventName]) -> set[int]:
        """Sentences that name another event by a name of its own ("parallel findet der
        Kunsthandwerkermarkt „Winterzauber“ statt"): their days and places are its own."""
        ctx = self.ctx
        return {
            ctx.sentence_of(m.start)
            for e in events[1:]
            for m in e.mentions
            if (m.kind == "introduced" or (m.kind == "named" and len(m.key) > 1))
            # "400 Stände in drei Zelten, davon das Weindorf „Rebstock“": parts
            and not ctx.cues.within(ctx.sentence_span(m.start)[0], m.start, "part_follows")
        }

    def opening_sentence(self) -> int:
        """The sentence that holds the first words under the title (a title without a full
        stop may share it)."""
        ctx = self.ctx
        rest = ctx.text[ctx.title_end :]
        return ctx.sentence_of(ctx.token_at(ctx.title_end + len(rest) - len(rest.lstrip())))

    def opened_building(self, event: EventName) -> str | None:
        """ "Eröffnungsfeier Bibliothek «Am Anger»", "Richtfest für das neue Jugendhaus Xdorf": an
        event that opens a building is about the building named right after its noun (a few
        ``opening_link`` words between): its quoted name, or the building's noun with the
        capitalised words and numbers of its name."""
        words, lowers = self.ctx.words, self.ctx.lowers
        for m in sorted(event.mentions, key=lambda m: m.start):
            if not word_is_cue(lowers[m.end - 1], "opening_event"):
                continue
            i = m.end
            while i < len(words) and i - m.end < OPENING_LINK_REACH:
                if not word_is_cue(lowers[i], "opening_link"):
                    break
                i += 1
            if i >= len(words) or not words[i][:1].isupper():
                continue
            if not lowers[i].endswith(cue_words("opening_building")):
                continue
            name = self.building_name(i + 1)
            if name:
                quoted = name[0] in OPENING_QUOTES
                return name[1] if quoted else f"{words[i]} {name[1]}"
        return None

    def building_name(self, i: int) -> tuple[str, str] | None:
        """The name after a building's noun at token ``i``: ("quoted", its words) in quotation
        marks, or ("", its capitalised words and numbers) up to the line's or sentence's end."""
        ctx = self.ctx
        words = ctx.words
        sentence = ctx.sentence_of(i - 1)
        quoted = i < len(words) and words[i] in OPENING_QUOTES
        start = i + 1 if quoted else i
        out = []
        for k in range(start, min(start + BUILDING_NAME_WORDS, len(words))):
            word = words[k]
            if (
                ctx.sentence_of(k) != sentence
                or "\n" in ctx.text[ctx.token_starts[k - 1] : ctx.token_starts[k]]
            ):
                break
            if not (word[:1].isupper() or word.isdigit()):
                break
            out.append(word)
        if not out or out[0].isdigit():
            return None
        if quoted and not (
            start + len(out) < len(words) and words[start + len(out)] in OPENING_QUOTES
        ):
            return None  # an unclosed quote: speech, not a name
        return ("«" if quoted else "", " ".join(out))

    def organisation_building(self, sentences: set[int]) -> str | None:
        """ "wurde in die Landesakademie für Gesundheit eingeladen": an organisation (not a town or
        an area) after a preposition with an article where the event is named is where it
        takes place."""
        ctx = self.ctx
        lowers = ctx.lowers
        for o in self.organisations:
            token = ctx.token_at(o.start_char)
            if ctx.sentence_of(token) not in sentences:
                continue
            if word_is_cue(o.name.split(" ", 1)[0].lower(), "region"):
                continue
            if cue_sizes_before(lowers, token, "building_locative"):
                return o.name
        return None

    def hosting_building(self, event: EventName, sentences: set[int]) -> str | None:
        """ "der Lerntag an der Hochschule Talheim", "der Aktionstag am Klinikum Xdorf": an
        organisation right after the event's name and "an der", "am" is the house it is held
        in (after "beim" it is a club or firm, not a building)."""
        ctx = self.ctx
        starts = {ctx.token_at(o.start_char): o for o in self.organisations}
        for m in event.mentions:
            if ctx.sentence_of(m.start) not in sentences:
                continue
            for size in cue_sizes("venue_host"):
                o = starts.get(m.end + size)
                if (
                    o is not None
                    and words_are_cue(tuple(ctx.lowers[m.end : m.end + size]), "venue_host")
                    and not word_is_cue(o.name.split(" ", 1)[0].lower(), "region")
                ):
                    return o.name
        return None

    def around_event_sentences(self, event: EventName) -> set[int]:
        """ "Vor dem Stadtfest kam es am Vorabend auf der Burg zum Empfang": sentences that
        name the event only after "vor dem", "nach der" and the like tell what happened
        before or after it."""
        ctx = self.ctx
        cued = ctx.memoised(("after_around_cue",), self._after_around_cue)
        around: dict[int, bool] = {}  # sentence -> whether every name there has such a cue
        for m in event.mentions:
            s = ctx.sentence_of(m.start)
            around[s] = around.get(s, True) and m.start in cued
        return {s for s, found in around.items() if found}

    def _after_around_cue(self) -> frozenset[int]:
        """The tokens right after "vor dem", "im Vorfeld der" and the like, also across a line
        break ("Vor\ndem Stadtfest"): read once per Doc."""
        lowers = self.ctx.lowers
        out: set[int] = set()
        firsts = frozenset(cue_first_words("around_event"))
        for i in positions(lowers, firsts.__contains__):
            words = []
            k = i
            while k < len(lowers) and len(words) < AROUND_REACH:
                if lowers[k].strip():
                    words.append(lowers[k])
                    if words_are_cue(tuple(words), "around_event"):
                        nxt = k + 1
                        while nxt < len(lowers) and not lowers[nxt].strip():
                            nxt += 1
                        out.add(nxt)
                k += 1
        return frozenset(out)

    def ahead_sentences(self, totals: dict) -> set[int]:
        """ "Geplant ist schon heute ein Fest am …": a report that gives the edition's
        totals is written after it, so a date it announces is the next edition's."""
        if not totals:
            return set()
        ctx = self.ctx
        return {ctx.sentence_of(i) for i in ctx.cues.starts_of("ahead")}

    def other_year_sentences(self, year: int | None) -> set[int]:
        """ "das Chortreffen in Erfurt 2015": a sentence that gives another year than
        the event's, and not the event's, is about another edition."""
        if year is None:
            return set()
        years: dict[int, set[int]] = {}
        for d in self.dates:
            value = d.value or ""
            if value[:4].isdigit():
                sentence = self.ctx.sentence_of(self.ctx.token_at(d.start_char))
                years.setdefault(sentence, set()).add(int(value[:4]))
        return {s for s, found in years.items() if year not in found}

    def other_year_tokens(self, event: EventName) -> frozenset[int]:
        """The tokens of years named alone ("2010", "bei der ersten Ausgabe 2009") that are
        not the year written after the event's name or the reference date's: a count in their
        clause is another edition's or many editions' ("In den Jahren ab 2009 kamen je 10.000")."""
        alone = [
            d
            for d in self.dates
            if d.granularity == YEAR_GRANULARITY and d.value and d.value[:4] in d.text
        ]
        if not alone:
            return frozenset()  # most reports name no year alone
        written = self.year(None, event)
        return frozenset(
            self.ctx.token_at(d.start_char)
            for d in alone
            if d.value[:4].isdigit() and int(d.value[:4]) != written
        )

    def place_anaphor_sentences(self, anchors: set[int]) -> set[int]:
        """ "Ankunft im City Cube. Dort findet die Messe statt": the sentence before one whose
        "dort" or "hier" stands for the event's place."""
        out = set()
        for s in anchors:
            if s > 0 and self.ctx.cues.within(*self.ctx.sentence_bounds(s), "place_anaphor"):
                out.add(s - 1)
        return out

    def name(self, event: EventName, city: str | None) -> tuple[str, NameMention | None]:
        """The event's name and its first mention; a bare event noun ("die Messe") gets a
        descriptive name with the city ("Messe Freiburg"), written nowhere."""
        best = event.best
        if event.kind == "generic":
            # "Im Foyer war eine Ausstellung unter dem Titel „Spuren“ zu sehen": known by its motto
            # (not "das Stadtfest … unter dem Motto": a name of its kind, kept)
            motto = self.motto(event)
            if motto is not None:
                return motto.name, motto
        if event.kind == "generic":
            noun = best.name[:1].upper() + best.name[1:]
            return (f"{noun} {city}" if city else noun), None
        same = [m for m in event.mentions if m.name == best.name]
        return self.nominative(best.name), min(same, key=lambda m: m.start)

    def nominative(self, name: str) -> str:
        """ "Große Preis" (the name finder's reading of "des Großen Preises") -> "Großer Preis",
        "Internationale Jugendturnier" -> "Internationales Jugendturnier": a name that opens with
        adjectives takes the strong nominative of its head noun's gender, read from the
        dictionary's nouns (a name with an article of its own, "Das Fest", stays; so does one
        whose head's gender is unknown). The name finder has no lemma table, so the gender is
        read here, a second pass over the name's first words."""
        words = name.split(" ")
        if len(words) < 2 or not is_adjective(words[0], self.lemma):
            return name
        return " ".join(nominative_name(words, self.lemma, head=compound_head))

    def motto(self, event: EventName) -> NameMention | None:
        """The first quoted motto or title ("unter dem Motto „Spuren“") right after a motto cue
        in a sentence that names the event."""
        ctx = self.ctx
        words = ctx.words
        for m in sorted(event.mentions, key=lambda m: m.start):
            low, high = ctx.sentence_span(m.start)
            for cue in ctx.cues.starts_of("motto"):
                if not low <= cue < high:
                    continue
                i = cue + max(
                    n
                    for n in cue_sizes("motto")
                    if words_are_cue(tuple(ctx.lowers[cue : cue + n]), "motto")
                )
                if i < high and words[i] == ":":
                    i += 1
                closing = QUOTES.get(words[i]) if i < high else None
                if closing is None:
                    continue
                end = next(
                    (
                        k
                        for k in range(i + 2, min(i + MOTTO_WORDS + 2, high))
                        if words[k] == closing
                    ),
                    None,
                )
                if end is not None:
                    return mention(i + 1, end, words[i + 1 : end], "introduced")
        return None

    def year(self, day: str | None, event: EventName) -> int | None:
        """The edition's year: its day's, the one written after its name ("Herbstfest 2024"),
        else the report's. A year elsewhere in a sentence naming the event does not date it
        (where it was founded, last year's edition, a guest's past title)."""
        if day:
            return int(day[:4])
        written = year_after(self.ctx.words, event.mentions)
        if written:
            return written
        reference = self.doc._.reference_date
        return self.inferred_year() if reference is None else reference.year

    def inferred_year(self) -> int | None:
        """A report that dates nothing may still give its edition's year through the year it
        compares the edition with ("mehr Besucher als 2024", "gegenüber 2024"): the edition is
        taken as the year after it, the compared one as last year's edition (a comparison with
        an older one, "als 2019, vor der Pandemie", is read the same way). Only a year all such
        comparisons agree on. A year announced for the next edition dates nothing: the dev gold
        leaves such an edition's year empty."""
        return self.ctx.memoised(("inferred_year",), self._inferred_year)

    def _inferred_year(self) -> int | None:
        ctx = self.ctx
        found = {
            int(ctx.words[i]) + 1
            for i in positions(ctx.words, is_year)
            if not self._counts_things(i) and self._compared(i)
        }
        return found.pop() if len(found) == 1 else None

    def _counts_things(self, i: int) -> bool:
        """ "mehr als 2024 Gäste": a count, not a year."""
        following = self.ctx.words[i + 1] if i + 1 < len(self.ctx.words) else ""
        return following[:1].isupper()

    def _clause_start(self, i: int) -> int:
        ctx = self.ctx
        low = ctx.sentence_span(i)[0]
        return next((k + 1 for k in range(i - 1, low - 1, -1) if ctx.words[k] in CLAUSE_MARKS), low)

    def _compared(self, i: int) -> bool:
        """Whether the year is compared with in its clause: a compared_year cue right before
        it, or a than_year cue ("als") right before it after a comparative: with words between
        them ("mehr Gäste als 2024"), or right after a figure the figures stage found in its
        sentence ("3000 Gäste, mehr als 2024"); "kamen mehr als 2000" is an amount."""
        ctx = self.ctx
        start = self._clause_start(i)
        for size in cue_sizes("compared_year"):
            cue = i - size
            if cue >= start and ctx.cues.at(cue, "compared_year"):
                return True
        than = i - 1
        if than <= start or not ctx.cues.at(than, "than_year"):
            return False
        if ctx.cues.within(start, than - 1, "comparative"):
            return True
        low = ctx.token_starts[ctx.sentence_span(i)[0]]
        high = ctx.token_starts[than - 1]
        return ctx.cues.at(than - 1, "comparative") and any(
            low <= f.start_char < high for f in self.figures
        )


def build_events(doc: Doc, lemma: LemmaLookup | None = None) -> list[EventRecord]:
    """The events the report is about (``lemma``: the lemma table, which tells declined
    adjectives in names). The component stores them, and their names' mentions in
    ``doc.spans["events"]``, with :func:`pipeline.extensions.set_facts`."""
    return EventBuilder(doc, lemma).build()
