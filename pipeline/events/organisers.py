"""Who organises, hosts or runs the event: the organisations the text gives that role.

- a role noun or adjective: "Der Veranstalter, die Messe Talheim GmbH", "Ausrichter der
  Tagung sind die A und die B", "X als Gastgeber", "der veranstaltenden Agentur X";
- the event's genitive: "die Smart Country Convention des Bitkom e.V.";
- a verb whose subject runs it: "X lädt zur Konferenz", "X veranstaltet", "organisiert von X",
  also with the subject after the verb ("Am Freitag lud die X zum Empfang");
- where nothing else names one, the organisation whose head welcomes the guests ("der
  Vorsitzende des Schachklubs X begrüßte die Spieler"), the one named as where the event
  is ("der Tag der offenen Tür an der Grundschule X"), or an event business whose officer
  speaks in a sentence that names the event;
- an event business that reports on it: "teilte die Genossenschaft Messe Seetal mit";
- where nothing else names one, the organisation of who counted the visitors ("„Am Einlass
  haben wir 4.200 Gäste registriert“, sagte E. Lind vom Kreisjugendring X"; not at a stand),
  then for a fair a venue "Messe X" the report names;
- an organisation named like the event itself ("Deutscher Evangelischer Kirchentag");
- the organisation whose anniversary it is ("50 Jahre TSV X", "zum Bestehen des Vereins X");
- the authors of a club's own report ("spielten wir Blechklang", "wir vom TSV X").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cache

from spacy.tokens import Doc

from pipeline.entities.gazetteer import club_abbreviations
from pipeline.entities.words import (
    common_nouns,
    fold,
    is_acronym,
    org_patterns,
    positions,
    shortens,
    sole_longer,
)
from pipeline.events.context import DocContext
from pipeline.events.lexicon import (
    anniversary_nouns,
    cue_first_words,
    cue_sizes_before,
    cue_words,
    event_noun_base,
    name_ends_in,
    word_is_cue,
    words_are_cue,
)
from pipeline.events.organiser_phrases import Phrase, PhraseFinder, joins_subjects
from pipeline.quotation_marks import CLOSING, OPENING
from pipeline.records import OrganisationMention

ROLE_WINDOW = 24  # tokens after a role noun in which its organisations stand
VERB_WINDOW = 3  # tokens between an organisation and a role noun after it
# the cues an organiser's verb rule looks for after a name (VERB_REACH)
ORGANISING_KINDS = ("organiser_verb", "organiser_split_verb", "organiser_by")
VERB_KINDS = ("organiser_verb", "organiser_split_verb")  # the cues of an organiser's verb
AGENT_KINDS = ("organiser_by", "organiser_agent", "fronted_agent")  # those of its agent
CLAUSE_WINDOW = 12  # tokens between an organisation and the verb whose subject it is
BRACKET_REACH = 4  # tokens of an acronym in brackets after a name: "(", one or two words, ")"
# tokens after an organisation that the verb rule reads at most: its clause, or a relative
# clause after an acronym in brackets, a comma and the pronoun ("X (XY), der … organisiert");
# the rule returns early when no organiser's cue starts among them
VERB_REACH = BRACKET_REACH + 2 + ROLE_WINDOW
COMMISSION_REACH = 3  # "im Auftrag der X": the X commissions, it does not organise
REPORT_WINDOW = 4
COMPLEMENT_WORDS = 2  # nouns after "für" between the event's name and its genitive
GENITIVE_COORDINATION = 3  # words of a coordination between the article and the organisation
CLAUSE_BREAKS = frozenset({".", ";", ":", "!", "?"})
FIRST_PERSON_WORDS = 3  # "wir von der"
FIRST_PERSON_REACH = 6  # tokens before a name searched for them (line breaks count)
# tokens before a name searched for its anniversary ("50 Jahre TSV X", "Bestehen des X")
ANNIVERSARY_REACH = 4
GENITIVE_ENDING = cue_words("noun_genitive_ending")[0]  # "Bestehens" - s = "Bestehen"
HOST_PREPOSITION_WORDS = 2  # "an der", "beim"
POSSESSIVE_REACH = 3  # "sein traditionelles Sommerfest": a possessive and two adjectives
POSSESSIVE_WINDOW = 8  # tokens from an organisation to its possessive ("feierte am Samstag sein")
INVITED_REACH = 3  # tokens after "zum" where the event's name begins ("zum „Imkertag X“")
COORDINATED_WORDS = 4  # words of a name coordinated with the subject ("X und die Y Z hatten")
# the marks of quoted speech (not "'", as often an apostrophe)
SPEECH_MARKS = (OPENING | CLOSING) - {"'"}
SPEECH_WORDS = 4  # words a quotation has at least to be speech, not a quoted name
ATTRIBUTE_REACH = 2  # "der veranstaltenden Agentur X": the adjective and one noun before the name


class OrganiserFinder:
    def __init__(
        self,
        ctx: DocContext,
        organisations: list[OrganisationMention],
        phrases: PhraseFinder | None = None,
        other_events: frozenset[int] = frozenset(),
    ):
        self.ctx = ctx
        # first tokens of the names of the report's other events ("zum Imkertag X" in a report
        # on a fair): an organiser's verb inviting to one of them is about that one
        self.other_events = other_events
        self.doc: Doc = ctx.doc
        self.mentions = [
            (ctx.token_at(o.start_char), ctx.token_at(o.end_char - 1), o) for o in organisations
        ]
        # the first mention starting or ending at a token: the rules ask for every organisation
        self.end_of_start: dict[int, int] = {}
        self.start_of_end: dict[int, int] = {}
        for start, end, _ in self.mentions:
            self.end_of_start.setdefault(start, end)
            self.start_of_end.setdefault(end, start)
        self.phrases = phrases
        # which kinds of organiser's verb and agent the report has at all (most have none):
        # the rules that need one are not asked for every organisation
        self.verbs_named = ctx.cues.any_starts(VERB_KINDS)
        self.agents_named = ctx.cues.any_starts(AGENT_KINDS)
        # where clauses break, read once per Doc: every organisation and event row asks
        words = ctx.words
        self.breaks: list[int] = ctx.memoised(
            ("organiser_clause_breaks",),
            lambda: positions(words, CLAUSE_BREAKS.__contains__),
        )

    def organisers(
        self,
        name_spans: list[tuple[int, int]],
        event_name: str,
        noun_spans: list[tuple[int, int]] = (),
    ) -> list[str]:
        """Canonical names of the organisers, in the order of their first mention."""
        stated: dict[str, int] = {}  # given the role in words: these alone when there are any
        inferred: dict[str, int] = {}
        hosts: dict[str, int] = {}  # a weaker sign: only where neither of the others is found
        for start, end, org in self.mentions:
            if (
                self.after_role(start)
                or self.before_role(end)
                or self.attributed(start)
                or self.in_charge(start, end)
                or self.responsible_of(start)
                or self.agent(start)
            ):
                stated.setdefault(org.name, start)
            elif (
                self.is_inferred(start, end, name_spans)
                or self.owns_event(start, end, name_spans)
                or self.named_like(org, event_name)
                or self.product_of(start)
                or (is_acronym(org.text) and self.genitive_of_event(start, noun_spans))
            ):
                # an acronym after an event noun, found by the entity stage or not (see
                # PhraseFinder.genitive_acronyms): "die Jahrestagung der DGVK"
                inferred.setdefault(org.name, start)
            elif (
                self.welcoming_officer(start, end)
                or self.place_of_event(start, name_spans)
                or self.business_officer_on_event(start, end, name_spans)
                or self.counting_speaker(start)
                or self.thanks_guests(start, end)
                or self.expects_guests(start, end)
                or self.quoted_officer(start, end)
            ):
                hosts.setdefault(org.name, start)
        if self.phrases is not None:
            # names the entity stage missed here, where the text gives them the role; a name
            # it found elsewhere in the report gets that canonical name
            canonical = {fold(o.text): o.name for _, _, o in self.mentions}
            canonical |= {fold(o.name): o.name for _, _, o in self.mentions}
            for role, phrase in self.role_phrases():
                # "die Veranstalter des Talheimer Herbstmarkts": the event's own name
                if self.object_after(role, phrase.start):
                    continue  # "erweiterten die Organisatoren das Platzangebot": an object
                if not any(phrase.start <= e and s < phrase.end for s, e in name_spans):
                    _add_new(stated, phrase, canonical)
            # "organisiert vom X", "Ausgerichtet wird der Markt vom Y": the role in words
            for phrase in (
                *self.phrases.after_cues("organiser_agent"),
                *self.phrases.fronted_agents(),
            ):
                if not self.commissions(phrase.start):
                    _add_new(stated, phrase, canonical)
            for phrase in (
                *self.phrases.genitive_acronyms([*name_spans, *noun_spans]),
                *self.phrases.agents_before_participle([*name_spans, *noun_spans]),
                *self.phrases.names_after_event(name_spans),
            ):
                _add_new(inferred, phrase, canonical)
        # "das Orga-Team", "das Festkomitee": a role without a name is no organiser
        stated = {n: i for n, i in stated.items() if not is_role_alone(n)}
        inferred = {n: i for n, i in inferred.items() if not is_role_alone(n)}
        hosts = {n: i for n, i in hosts.items() if not is_role_alone(n)}
        found = dict(stated or inferred or hosts)
        if not found and self.phrases is not None and name_ends_in(event_name, "fair_event"):
            # "Messe Talheim" named in the report on a fair: the company runs its fairs, where
            # nothing else names an organiser (not a concert in its hall)
            found = {p.name: p.start for p in self.phrases.operated_venues()}
        # "veranstaltet gemeinsam mit der X", "in Zusammenarbeit mit dem Y": who runs it with
        # them, however the first is found
        for name, start in self.partners(name_spans).items():
            found.setdefault(name, start)
        names = sorted(found, key=lambda n: found[n])
        # "vom Bundesverband … (BVXW)" cut to its head noun: a dictionary word alone is no
        # name where another organiser is named
        # (not the name of an organisation the entity stage knows: "Bundestag")
        named = [n for n in names if n in known_names() or not is_plain_noun(n)] or names
        # "das Sommerfest der HWK … der Handwerkskammer Xdorf": an acronym
        # of another organiser named is that organiser again
        named = [n for n in named if not any(m != n and abbreviates(n, m) for m in named)]
        # "des Landesverbands HBT" where the report also writes the name in full: the full
        # name (the organisations table keeps the two apart)
        table = {o.name for _, _, o in self.mentions}
        named = list(dict.fromkeys(fuller_name(n, table) for n in named))
        # "die Kessler-Werk-Labore" beside "die Kessler-Werk-Labore für X und Y": the
        # shorter form of another organiser named is that organiser again
        return [n for n in named if not any(shortens(n, m) for m in named)]

    def role_phrases(self) -> list[tuple[int, Phrase]]:
        """The names the entity stage missed after a role noun, with the role noun's token:
        the name right after it and those coordinated with it ("Veranstalter ist die X"), those
        coordinated with an organisation it found there ("Veranstalter sind der RV Talheim
        und Radwerk Nord"), and the genitive after "die Verantwortlichen" (``responsible``)."""
        phrases = self.phrases
        if phrases is None:
            return []
        lowers = self.ctx.lowers
        out = []
        for role in sorted(self.ctx.cues.starts_of("organiser_role")):
            out += [(role, p) for p in phrases.names_from(role + 1)]
            out += [(role, p) for p in phrases.names_after_mention(role + 1)]
        for role in sorted(self.ctx.cues.starts_of("responsible")):
            if role + 1 < len(lowers) and word_is_cue(lowers[role + 1], "genitive_article"):
                out += [(role, p) for p in phrases.names_from(role + 1)]
        return out

    def responsible_of(self, start: int) -> bool:
        """ "lobten die Verantwortlichen der Werbegemeinschaft X": the organisation in the genitive
        right after a noun for those responsible (``responsible``)."""
        return self.genitive_of(start, "responsible", "genitive_article")

    def host_body(self, start: int, end: int) -> bool:
        """Whether the organisation at tokens ``start``..``end`` is a club, an association, a
        town or a public body (``host_body``), which may host by a weak sign alone."""
        return any(is_host_body(w) for w in self.ctx.lowers[start : end + 1])

    def thanks_guests(self, start: int, end: int) -> bool:
        """ "Der TSV Talheim dankt den Helfern", "Der Verein bedankt sich herzlich
        bei den Besuchern": a club, association, town or public body that thanks the guests
        and helpers in its own name hosts them; a bank, utility or firm thanking them is as
        often a sponsor or a service (``host_body``)."""
        cues = self.ctx.cues
        if not cues.starts_of("thanking"):
            return False  # no thanks in the whole report (most)
        i = end + 1
        if i >= len(self.ctx.words) or not cues.at(i, "thanking"):
            return False
        if not self.host_body(start, end):
            return False
        clause = self.clause_tokens(i + 1, i + 1 + ROLE_WINDOW)
        return cues.any_at(clause, "guests") or cues.any_at(clause, "helpers")

    def expects_guests(self, start: int, end: int) -> bool:
        """ "Der TSV Talheim erwartet 800 Gäste", "Rund 500 Besucher erwartet der Verein
        X": a club, association, town or public body that expects the guests, as the subject
        next to the verb, hosts them (the police, the railway or a utility expect them as
        often: ``host_body``)."""
        cues = self.ctx.cues
        if not cues.starts_of("expecting"):
            return False  # no one expects anyone in the whole report (most)
        if not self.host_body(start, end):
            return False
        before = self.with_article(start) - 1
        if end + 1 < len(self.ctx.words) and cues.at(end + 1, "expecting"):
            verb = end + 1
        elif before >= 0 and cues.at(before, "expecting"):
            verb = before
        else:
            return False
        clause = (
            *self.clause_tokens(verb - 1, verb - 1 - ROLE_WINDOW),
            *self.clause_tokens(verb + 1, verb + 1 + ROLE_WINDOW),
        )
        return cues.any_at(clause, "guests")

    def partners(self, name_spans: list[tuple[int, int]]) -> dict[str, int]:
        """Co-organisers: the organisations after "gemeinsam mit", "in Zusammenarbeit mit"
        (and those coordinated with them) in a sentence of organising or, for the close
        cues, one that names the event."""
        if not self.ctx.cues.starts_of("organiser_partner"):
            return {}  # no partner cue in the whole report
        found: dict[str, int] = {}
        for start, _, org in self.mentions:
            cue = self.partner_cue(start)
            if cue is not None and self.organising_sentence(cue, name_spans):
                found.setdefault(org.name, start)
        if self.phrases is not None:
            canonical = {fold(o.text): o.name for _, _, o in self.mentions}
            for cue, phrase in self.phrases.after_cue_words("organiser_partner"):
                if self.organising_sentence(cue, name_spans) and not is_role_alone(phrase.name):
                    _add_new(found, phrase, canonical)
        return {n: i for n, i in found.items() if not is_role_alone(n)}

    def partner_cue(self, start: int) -> int | None:
        """Where the partner cue before the name at ``start`` begins ("gemeinsam mit der X",
        "in Zusammenarbeit mit dem A und der B"), or None."""
        lowers = self.ctx.lowers
        i = self.with_article(start)
        sizes = cue_sizes_before(lowers, i, "organiser_partner")
        if sizes:
            return i - max(sizes)
        if (
            i > 1
            and word_is_cue(lowers[i - 1], "organiser_joining")
            and (i - 2) in self.start_of_end
        ):
            return self.partner_cue(self.mention_start(i - 2))
        return None

    def organising_sentence(self, cue: int, name_spans: list[tuple[int, int]]) -> bool:
        """Whether the sentence of a partner cue tells who organises (a verb or an agent
        participle: "veranstaltete das Fest gemeinsam mit der X"), or, after a close partner
        cue, names the event held ("die Tagung fand in Zusammenarbeit mit der X statt"); not
        a sentence of organisers doing something else ("Die Veranstalter hatten gemeinsam mit
        der Polizei ein Konzept erarbeitet")."""
        low, high = self.ctx.sentence_span(cue)
        cues = self.ctx.cues
        if self.invites_elsewhere(range(low, high)):
            return False  # "lud die X mit der Y zum Imkertag Z ein": Z's organisers
        if self.has_verb(range(low, high)) or cues.within(low, high, "organiser_by"):
            return True
        # "Veranstalter (des Fests) ist die X gemeinsam mit der Y": the role said of them
        lowers = self.ctx.lowers
        if any(
            low <= i < cue and any(word_is_cue(w, "role_copula") for w in lowers[i + 1 : cue])
            for i in cues.starts_of("organiser_role")
        ):
            return True
        return (
            cues.at(cue, "close_partner")
            and cues.within(low, high, "held")
            and any(low <= s < high for s, _ in name_spans)
        )

    def owns_event(self, start: int, end: int, name_spans: list[tuple[int, int]]) -> bool:
        """ "Der TSV X feierte sein Sommerfest", "Die Feuerwehr X beging ihr traditionelles
        Feuerwehrfest", "hatte zu seinem Frühlingskonzert geladen": a possessive before the
        event's name refers to the nearest organisation a few words before it, with no comma
        between (not "die für den RC X startende Fahrerin, die … ihr Rennen beendete")."""
        lowers, words = self.ctx.lowers, self.ctx.words
        # (every token read here stands after the name: an organisation starting there is nearer)
        others = self.end_of_start
        for k in self.clause_tokens(end + 1, end + 1 + POSSESSIVE_WINDOW):
            if k in others or words[k] == ",":
                return False  # a nearer organisation, or a clause of someone else's
            if not word_is_cue(lowers[k], "possessive"):
                continue
            starts = {s for s, _ in name_spans}  # (only after a possessive: few organisations)
            for j in range(k + 1, min(k + 1 + POSSESSIVE_REACH, len(words))):
                if j in starts:
                    return True
                if not words[j][:1].islower():
                    break
        return False

    def in_charge(self, start: int, end: int) -> bool:
        """ "Die Organisation lag in den Händen des X", "Der X übernahm die Organisation",
        "Für die Organisation zeichnete der X verantwortlich", "dankte dem X für die
        Organisation": the task and taking it on (or thanks for it) in the organisation's
        clause."""
        cues = self.ctx.cues
        if not cues.starts_of("organising_noun"):
            return False  # no task named in the whole report (most)
        before = tuple(self.clause_tokens(start - 1, start - 1 - ROLE_WINDOW))
        clause = (*before, *self.clause_tokens(end + 1, end + 1 + ROLE_WINDOW))
        if not cues.any_at(clause, "organising_noun"):
            return False
        if cues.any_at(clause, "in_charge"):
            return True
        # "dankte dem X für die Organisation": the one thanked (a dative), after the thanks
        return (
            start > 0
            and word_is_cue(self.ctx.lowers[start - 1], "thanked_article")
            and cues.any_at(before, "thanked")
        )

    def product_of(self, start: int) -> bool:
        """ "eine Veranstaltung der Messe X", "eine Initiative des Y": the event word's
        genitive right before the name."""
        return self.genitive_of(start, "organiser_product", "organiser_genitive")

    def genitive_of(self, start: int, noun: str, article: str) -> bool:
        """Whether the name at ``start`` is the genitive of a cue noun of kind ``noun``, with
        an article of kind ``article`` between them ("der Verantwortlichen *der* X")."""
        return (
            start > 1
            and word_is_cue(self.ctx.lowers[start - 1], article)
            and self.ctx.cues.at(start - 2, noun)
        )

    def is_event_business(self, start: int, end: int) -> bool:
        return self.ctx.cues.within(start, end + 1, "organiser_name")

    def is_inferred(self, start: int, end: int, name_spans: list[tuple[int, int]]) -> bool:
        return (
            self.genitive_of_event(start, name_spans)
            or self.subject_of_verb(end)
            or self.subject_after_verb(start)
            or self.reporting_business(start, end)
            or self.reporting_spokesperson(start, end, name_spans)
            or self.celebrates(start)
            or self.authors(start)
        )

    def authors(self, start: int) -> bool:
        """ "Zum Abschluss spielten wir Blechklang …", "wir vom TSV X": the authors of a club's
        own report on its event."""
        lowers = self.ctx.lowers
        before = [w for w in lowers[max(start - FIRST_PERSON_REACH, 0) : start] if w.strip()]
        if _first_person_openings().isdisjoint(before):
            return False  # no cue can stand there (most organisations): no tuple looked up
        return any(
            words_are_cue(tuple(before[-n:]), "first_person")
            for n in range(1, FIRST_PERSON_WORDS + 1)
            if len(before) >= n
        )

    def celebrates(self, start: int) -> bool:
        """ "50 Jahre TSV Oberxlingen", "zum 100-jährigen Bestehen des Musikvereins X": the
        organisation whose anniversary it is hosts the celebration."""
        lowers = self.ctx.lowers
        before = [w for w in lowers[max(start - ANNIVERSARY_REACH, 0) : start] if w.strip()]
        before = before[-2:]
        if len(before) < 2:
            return False
        first, second = before
        if first.isdigit() and word_is_cue(second, "anniversary_years"):
            return True
        noun = first.removesuffix(GENITIVE_ENDING)
        return noun in anniversary_nouns() and word_is_cue(second, "genitive_link")

    def clause_tokens(self, start: int, end: int) -> range:
        """Tokens from ``start`` towards ``end`` (either direction), up to a clause break."""
        size = len(self.ctx.words)
        if not 0 <= start < size:
            return range(0)
        breaks = self.breaks
        if end >= start:
            k = bisect_left(breaks, start)
            stop = breaks[k] if k < len(breaks) else size
            return range(start, min(end, stop, size))
        k = bisect_right(breaks, start) - 1
        stop = breaks[k] if k >= 0 else -1
        return range(start, max(end, stop), -1)

    def after_role(self, start: int) -> bool:
        """ "Der Veranstalter, die Messe Talheim GmbH", "Ausrichter … sind die A und die B";
        not "Veranstalter ist die A, die Stadt B unterstützte sie" (a clause of its own)."""
        roles = self.ctx.cues.starts_of("organiser_role")
        if not roles or self.event_genitive(start):
            return False  # (no role named in the whole report: most)
        comma = False
        for i in self.clause_tokens(start - 1, start - 1 - ROLE_WINDOW):
            comma = comma or self.ctx.words[i] == ","
            if i in roles:
                if self.ctx.cues.within(i + 1, start, "organiser_partner"):
                    return False  # "gemeinsam mit der X": the partner rule decides
                return not (comma and self.opens_clause(start) or self.object_after(i, start))
        return False

    def attributed(self, start: int) -> bool:
        """ "der veranstaltenden Agentur X", "des gastgebenden Vereins X": an adjective of the
        role right before the name (or its type word)."""
        return self.ctx.cues.within(start - ATTRIBUTE_REACH, start, "organiser_attribute")

    def event_genitive(self, start: int) -> bool:
        """ "Die Veranstalter des Talheimer Dorffests": a name in the genitive that ends in an
        event noun is the event, not who runs it."""
        end = self.end_of_start.get(start, start)
        return (
            start > 0
            and word_is_cue(self.ctx.lowers[start - 1], "genitive_link")
            and event_noun_base(self.ctx.words[end]) is not None
        )

    def object_after(self, role: int, start: int) -> bool:
        """ "hatten die Organisatoren das Amt X angefragt": a role noun with its own article
        and then only an article before the organisation: that is another phrase (an
        object), not the role's name ("Veranstalter ist die X", "der Veranstalter, die X")."""
        lowers = self.ctx.lowers
        return (
            start - role == 2
            and word_is_cue(lowers[role + 1], "article")
            # "das Orga-Team des Heimatvereins X": the role's owner, in the genitive
            and not word_is_cue(lowers[role + 1], "genitive_link")
            and role > 0
            and word_is_cue(lowers[role - 1], "article")
        )

    def opens_clause(self, start: int) -> bool:
        """Whether the organisation is followed by a verb of its own (a lower-case word that
        joins nothing)."""
        end = self.end_of_start.get(start, start)
        if end + 1 >= len(self.ctx.words):
            return False
        word = self.ctx.words[end + 1]
        return word[:1].islower() and not word_is_cue(word, "joining_word")

    def before_role(self, end: int) -> bool:
        """ "X als Veranstalter", "X ist Gastgeber"."""
        if not self.ctx.cues.starts_of("organiser_role"):
            return False
        after = self.clause_tokens(end + 1, end + 1 + VERB_WINDOW)
        return self.ctx.cues.any_at(after, "organiser_role")

    def genitive_of_event(self, start: int, name_spans: list[tuple[int, int]]) -> bool:
        """ "die Smart Country Convention des Bitkom e.V.", "Jahrestagung der DGPF"."""
        words, lowers = self.ctx.words, self.ctx.lowers
        for _, end in name_spans:
            end = self.complement_end(end)  # "der Fachtag für Hebammen des X"
            # the article and at most GENITIVE_COORDINATION words between name and organiser
            if not 0 < start - end - 1 <= GENITIVE_COORDINATION + 1:
                continue
            # token indices, not a Span: this runs for every organisation and event name
            if not word_is_cue(lowers[end + 1], "genitive_link"):
                continue
            # "des Fränkischen und Oberpfälzer Heimatbundes": coordinated names before it
            rest = range(end + 2, start)
            if len(rest) <= GENITIVE_COORDINATION and all(
                words[k][:1].isupper() or word_is_cue(lowers[k], "name_coordinator") for k in rest
            ):
                return True
        return False

    def complement_end(self, end: int) -> int:
        """The last token of "für" and a noun or two after the event's name ("der Fachtag für
        Hebammen"), or ``end`` where none follows."""
        words, lowers = self.ctx.words, self.ctx.lowers
        i = end + 1
        if i >= len(words) or not word_is_cue(lowers[i], "event_complement"):
            return end
        last = i
        for k in range(i + 1, min(i + 1 + COMPLEMENT_WORDS, len(words))):
            if not words[k][:1].isupper() or k in self.end_of_start:
                break
            last = k
        return last if last > i else end

    def subject_of_verb(self, end: int) -> bool:
        """ "X lädt zur …", "X veranstaltet …", "hat X am Montag seinen Lauf ausgerichtet",
        "die X, die die Nacht … organisiert"; not "im Auftrag der X organisiert"."""
        cues = self.ctx.cues
        if not any(cues.within(end + 1, end + 1 + VERB_REACH, k) for k in ORGANISING_KINDS):
            return False  # no organiser's verb nor "von" of one where the rule reads (most)
        start = self.mention_start(end)
        if self.commissions(start):
            return False
        if self.object_before(start):
            return False  # "mit den „Xband“ … geladen": an object, not the verb's subject
        # "hat die Gemeinde X … eingeladen", "X hat die Tagung … ausgerichtet": the
        # participle ends the clause, maybe far off
        auxiliary = self.auxiliary_after(end)
        window = ROLE_WINDOW if auxiliary or self.after_auxiliary(start) else CLAUSE_WINDOW
        after = list(self.clause_tokens(end + 1, end + 1 + window))
        if len(after) < window and end + 2 + len(after) < len(self.ctx.words):
            # a relative clause right after the name: ", die die Nacht … organisiert"
            comma = end + 1 + len(after)
            if self.ctx.words[comma] == "," and not after:
                after = list(self.clause_tokens(comma + 1, comma + 1 + CLAUSE_WINDOW))
        relative = self.relative_clause(end)
        if relative:
            after += relative
        if self.invites_elsewhere(range(*self.ctx.sentence_span(end))):
            return False
        return self.has_verb(after) or cues.any_at(after, "organiser_by")

    def commissions(self, start: int) -> bool:
        """ "im Auftrag der X", "mit Unterstützung des Y": who commissions or supports the
        event, right before the name, does not run it."""
        low = max(start - COMMISSION_REACH, 0)
        cues = self.ctx.cues
        return cues.within(low, start, "commissioning") or cues.within(low, start, "supporting")

    def object_before(self, start: int) -> bool:
        """ "den X", "dem „Y“": an article right before the name (and its opening quote) that
        no subject takes."""
        i = start - 1
        while i >= 0 and self.ctx.words[i] in OPENING:
            i -= 1
        return i >= 0 and word_is_cue(self.ctx.lowers[i], "object_article")

    def auxiliary_after(self, end: int) -> bool:
        """ "X hat …", and "X und Y hatten …" (a name coordinated with it first: the subject
        is both): an auxiliary after the name, so its participle may end the clause far off."""
        words, lowers = self.ctx.words, self.ctx.lowers
        i = end + 1
        if i < len(words) and joins_subjects(lowers[i]):
            i += 1
            if i < len(words) and word_is_cue(lowers[i], "subject_article"):
                i += 1
            last = min(i + COORDINATED_WORDS, len(words))
            while i < last and words[i][:1].isupper():
                i += 1
        return i < len(words) and word_is_cue(lowers[i], "perfect_auxiliary")

    def invites_elsewhere(self, tokens: list[int] | range) -> bool:
        """ "lud der Imkerverein zum Honigfest X ein" in a report on a fair: "zum", "zur"
        (``invited_to``) right before another event's name among the clause's tokens: the
        verb is about that event."""
        if not self.other_events:
            return False
        lowers = self.ctx.lowers
        return any(
            word_is_cue(lowers[t], "invited_to")
            and any(k in self.other_events for k in range(t + 1, t + 1 + INVITED_REACH))
            for t in tokens
        )

    def has_verb(self, tokens: list[int] | range) -> bool:
        """Whether an organiser's verb is among ``tokens``: a split verb ("richtet … aus") only
        with its particle later in its clause."""
        cues = self.ctx.cues
        if cues.any_at(tokens, "organiser_verb"):
            return True
        split = cues.starts_of("organiser_split_verb").intersection(tokens)
        particles = cues.starts_of("organiser_particle")
        return any(
            not particles.isdisjoint(self.clause_tokens(i + 1, i + 1 + ROLE_WINDOW)) for i in split
        )

    def subject_after_verb(self, start: int) -> bool:
        """ "Am Freitag lud die X zum Empfang", "Eingeladen hatte die X": the verb before the
        name, with no other organisation before it in the clause (that would be the subject, the
        name its object: "die Stadt lud die X ein") but a partner ("gemeinsam mit der Z")."""
        if not self.verbs_named:
            return False
        lowers = self.ctx.lowers
        i = start - 1
        if i >= 0 and word_is_cue(lowers[i], "subject_article"):
            i -= 1
        if i >= 0 and word_is_cue(lowers[i], "perfect_auxiliary"):
            i -= 1  # "eingeladen hatte die X"
        if i < 0 or not self.has_verb((i,)):
            return False
        if self.invites_elsewhere(range(*self.ctx.sentence_span(start))):
            return False  # "Am Freitag lud die X zum Imkertag Y" in a report on another event
        before = self.clause_tokens(i - 1, -1)
        # "In Zusammenarbeit mit dem X veranstaltete die Y …": a partner is no subject
        return not any(
            (s in before or e in before) and self.partner_cue(s) is None
            for s, e, _ in self.mentions
        )

    def place_of_event(self, start: int, name_spans: list[tuple[int, int]]) -> bool:
        """ "der Tag der offenen Tür an der Grundschule X", "das Sommerfest beim TSV X": an
        organisation named as where the event is, right after its name."""
        lowers = self.ctx.lowers
        return any(
            0 < start - end - 1 <= HOST_PREPOSITION_WORDS
            and words_are_cue(tuple(lowers[end + 1 : start]), "host_preposition")
            for _, end in name_spans
        )

    def business_officer_on_event(
        self, start: int, end: int, name_spans: list[tuple[int, int]]
    ) -> bool:
        """ "„Die Herbstmesse war ein Erfolg“, sagte die Geschäftsführerin der Messe X": an
        event business whose officer speaks in a sentence that names the event, or anywhere in
        a report that speaks of the event's organisers."""
        if not (self.is_event_business(start, end) and self.ctx.officer_before(start)):
            return False
        if self.ctx.cues.starts_of("organiser_role"):
            # "laut Veranstalter …" and later "meinte der Geschäftsführer der Messe X": the
            # report speaks of organisers without naming them, this business is one
            return True
        sentence = self.ctx.sentence_of(start)
        return any(self.ctx.sentence_of(s) == sentence for s, _ in name_spans)

    def quoted_officer(self, start: int, end: int) -> bool:
        """ "„Wir sind mit dem Besuch sehr zufrieden“, sagte der Vorsitzende des Vereins X": who
        heads an organisation and is quoted in the report speaks as its host (a weak sign: only
        where nothing else names an organiser). Not a president (of a federation, a senate, a
        university: guests of honour more often than hosts), nor an officer in the genitive
        ("die Nachfolge des Vorsitzenden des X"), who is not the speaker, nor one of an event
        business (a "Messe X" speaks of the guest events in its halls too): for those
        ``business_officer_on_event`` decides."""
        if self.is_event_business(start, end):
            return False
        lowers = self.ctx.lowers
        officer = next(
            (
                start - size - 1
                for size in cue_sizes_before(lowers, start, "officer_link")
                if start > size and self.ctx.cues.at(start - size - 1, "officer")
            ),
            None,
        )
        if officer is None or word_is_cue(lowers[officer], "guest_officer"):
            return False
        if any(word_is_cue(w, "officer_genitive") for w in lowers[max(officer - 2, 0) : officer]):
            return False
        return self.quotes_speech(*self.ctx.sentence_span(start))

    def quotes_speech(self, low: int, high: int) -> bool:
        """Whether tokens ``low``..``high`` quote what someone said: a quotation that runs on
        past them, or one of more than SPEECH_WORDS words (not a quoted name: „Haus Lindenhof“)."""
        marks = [k for k in range(low, high) if self.ctx.words[k] in SPEECH_MARKS]
        if len(marks) % 2:
            return True
        return any(b - a > SPEECH_WORDS for a, b in zip(marks[::2], marks[1::2], strict=True))

    def counting_speaker(self, start: int) -> bool:
        """ "„Am Einlass haben wir 4.200 Gäste registriert“, sagte Eva Lind vom Kreisjugendring
        Talheim": who counted the visitors in the first person speaks for the organisation that
        runs the event (not an exhibitor's "Im Herbst kommen wir wieder", nor one who counted
        at a stand: "An unserem Stand haben wir 300 Besucher gezählt", ``exhibitor_stand``)."""
        cues = self.ctx.cues
        if not cues.starts_of("counted"):
            return False  # no counting in the whole report (most)
        lowers = self.ctx.lowers
        i = self.with_article(start)
        if not (
            (i > 0 and word_is_cue(lowers[i - 1], "agent_preposition"))
            or self.ctx.officer_before(start)
        ):
            return False
        low, high = self.ctx.sentence_span(start)
        if not cues.within(low, high, "counted") or cues.within(low, high, "exhibitor_stand"):
            return False
        return any(word_is_cue(lowers[k], "first_person") for k in range(low, start))

    def welcoming_officer(self, start: int, end: int) -> bool:
        """ "Der Vorsitzende des Schachklubs X hieß die Spieler willkommen": who heads an
        organisation welcomes the guests as their host."""
        lowers = self.ctx.lowers
        if start < 2 or not word_is_cue(lowers[start - 1], "genitive_link"):
            return False
        if not self.ctx.cues.at(start - 2, "officer"):
            return False
        clause = (
            *self.clause_tokens(start - 3, start - 3 - ROLE_WINDOW),
            *self.clause_tokens(end + 1, end + 1 + ROLE_WINDOW),
        )
        cues = self.ctx.cues
        return cues.any_at(clause, "welcoming") and cues.any_at(clause, "guests")

    def after_auxiliary(self, start: int) -> bool:
        """ "hat die Gemeinde X … eingeladen": an auxiliary (and an article) before the name;
        the participle that ends the clause may stand far after it."""
        before = self.with_article(start) - 1
        return before >= 0 and word_is_cue(self.ctx.lowers[before], "perfect_auxiliary")

    def with_article(self, start: int) -> int:
        """Where the name at ``start`` begins with its article ("der X"): the cues stand before."""
        if start > 0 and word_is_cue(self.ctx.lowers[start - 1], "article"):
            return start - 1
        return start

    def relative_clause(self, end: int) -> list[int]:
        """ "der BVX (Kürzel), der den Tag seit Jahren … organisiert": the tokens of a
        relative clause after the name (its verb stands at its end, maybe far off), up to the
        next comma or clause break."""
        words, lowers = self.ctx.words, self.ctx.lowers
        i = end + 1
        if i < len(words) and words[i] == "(":  # an acronym in brackets
            last = min(i + BRACKET_REACH, len(words))
            i = next((k + 1 for k in range(i, last) if words[k] == ")"), i)
        if (
            i + 1 >= len(words)
            or words[i] != ","
            or not word_is_cue(lowers[i + 1], "relative_pronoun")
        ):
            return []
        out = []
        for k in self.clause_tokens(i + 2, i + 2 + ROLE_WINDOW):
            if words[k] == ",":
                break
            out.append(k)
        return out

    def mention_start(self, end: int) -> int:
        return self.start_of_end.get(end, end)

    def agent(self, start: int) -> bool:
        """ "organisiert von X", "auf Einladung der X", "ausgerichtet mit der A, der B und der
        C", "Veranstaltet wurde die Tagung von der X gemeinsam mit der Y"."""
        if not self.agents_named or self.commissions(start):
            return False
        before = self.clause_tokens(start - 1, start - 1 - ROLE_WINDOW)
        if self.ctx.cues.any_at(before, "organiser_by"):
            return True
        # "getragen von der X", "initiiert vom Y": an agent cue right before the name
        lowers = self.ctx.lowers
        i = self.with_article(start)
        if cue_sizes_before(lowers, i, "organiser_agent"):
            return True
        # "Getragen wird das Stadtfest von der X": the participle opens the sentence
        opening = self.ctx.sentence_span(start)[0]
        return (
            i > 0
            and word_is_cue(lowers[i - 1], "agent_preposition")
            and self.ctx.cues.at(opening, "fronted_agent")
        )

    def reporting_business(self, start: int, end: int) -> bool:
        """ "teilte die Genossenschaft Messe Seetal mit", "die Messe X meldet": an
        event business reporting is the organiser."""
        if not self.is_event_business(start, end):
            return False
        before = self.clause_tokens(start - 1, start - 1 - REPORT_WINDOW)
        after = self.clause_tokens(end + 1, end + 1 + REPORT_WINDOW)
        return self.ctx.cues.any_at((*before, *after), "organiser_report")

    def reporting_spokesperson(
        self, start: int, end: int, name_spans: list[tuple[int, int]]
    ) -> bool:
        """ "Die Pressesprecherin von Kulturbüro X wertet das Lichterfest aus": who
        speaks for an organisation reports on the event in a sentence that names it."""
        lowers = self.ctx.lowers
        if start < 2 or not word_is_cue(lowers[start - 1], "genitive_link"):
            return False
        if not self.ctx.cues.at(start - 2, "spokesperson"):
            return False
        sentence = self.ctx.sentence_of(start)
        if not any(self.ctx.sentence_of(s) == sentence for s, _ in name_spans):
            return False
        before = self.clause_tokens(start - 1, start - 1 - ROLE_WINDOW)
        after = self.clause_tokens(end + 1, end + 1 + REPORT_WINDOW)
        return self.ctx.cues.any_at((*before, *after), "organiser_report")

    @staticmethod
    def named_like(org: OrganisationMention, event_name: str) -> bool:
        key = fold(event_name).replace(" ", "")
        return len(key) >= 4 and fold(org.name).replace(" ", "") == key


@cache
def _club_abbreviations() -> frozenset[str]:
    return frozenset(a.lower() for a in club_abbreviations())


def is_host_body(word: str) -> bool:
    """Whether a lower-case word of an organisation's name makes it a club, an association,
    a town or a public body (``host_body``): "turnverein", "gemeinde", "tsv"."""
    return word.endswith(cue_first_words("host_body")) or word in _club_abbreviations()


@cache
def _first_person_openings() -> frozenset[str]:
    """The first words of the first-person cues ("wir", "uns")."""
    return frozenset(cue_first_words("first_person"))


@cache
def known_names() -> frozenset[str]:
    """The names of the organisations the entity stage knows by name (``org_patterns.json``)."""
    return frozenset(name for _, name, _ in org_patterns()["known"])


def is_plain_noun(name: str) -> bool:
    """ "Bundesverband", "Verein": a single dictionary noun."""
    return " " not in name and name in common_nouns()


def is_role_alone(name: str) -> bool:
    """ "Orga-Team", "Festkomitee", "Veranstalter": one word that only names the role."""
    return " " not in name and word_is_cue(name.lower(), "organiser_role")


def _add_new(found: dict[str, int], phrase: Phrase, canonical: dict[str, str]) -> None:
    """Add a name (canonical where known) unless it is part of one found already, or one
    found is part of it."""
    key = fold(phrase.name)
    if any(key in fold(name) or fold(name) in key for name in found):
        return
    # "die Kulturgemeinschaft" for "Kulturgemeinschaft Oberbach e.V." named elsewhere
    name = canonical.get(key) or sole_longer(key, canonical) or phrase.name
    found[name] = phrase.start


def abbreviates(acronym: str, name: str) -> bool:
    """Whether a one-word acronym ("HWK", "DGXK") is made of a longer name's letters in their
    order, beginning with its first ("Handwerkskammer Xdorf")."""
    if " " in acronym or not is_acronym(acronym) or " " not in name:
        return False
    letters = iter(name.lower())
    word = acronym.lower()
    return word[0] == name[0].lower() and all(ch in letters for ch in word)


def fuller_name(name: str, names: set[str]) -> str:
    """The one name among ``names`` that ``name`` shortens to its head and an acronym of the
    rest ("Landesverband HBT" for "Landesverband der Holzbaubetriebe Talheim e.V."), else
    ``name``."""
    head, _, acronym = name.rpartition(" ")
    if not head or not is_acronym(acronym):
        return name
    longer = [
        n
        for n in names
        if n.startswith(head + " ") and abbreviates(acronym, _capitalised_rest(n, head))
    ]
    return longer[0] if len(longer) == 1 else name


def _capitalised_rest(name: str, head: str) -> str:
    """The name after its head, from its first capitalised word on ("Holzbaubetriebe Talheim
    e.V." of "Landesverband der Holzbaubetriebe Talheim e.V.")."""
    words = name[len(head) :].split()
    first = next((i for i, w in enumerate(words) if w[:1].isupper()), len(words))
    return " ".join(words[first:])
