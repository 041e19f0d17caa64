"""Readers for the NER corpora in ``shared/data/ner``: each yields ``Sentence`` records with
PER/LOC/ORG IOB2 tags, whatever the corpus' own format and label set.

Every corpus has its own quirks (see each folder's SOURCE.txt); the readers hide them so the
rest of the training code sees one uniform shape.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy

from pipeline.ner.labels import (
    LABELS,
    case_insensitive_label,
    germeval_label,
    ler_label,
    mobie_label,
)
from pipeline.tokenizer_suffixes import german_tokens

LabelMap = Callable[[str], str | None]

log = logging.getLogger("pipeline.ner")


@dataclass
class Sentence:
    """One tokenised sentence with IOB2 tags restricted to ``LABELS`` (or ``O``)."""

    words: list[str]
    tags: list[str]
    doc_id: str
    corpus: str = ""

    @property
    def has_entities(self) -> bool:
        return any(tag != "O" for tag in self.tags)


@dataclass
class Corpus:
    name: str
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def documents(self) -> list[str]:
        return sorted({s.doc_id for s in self.sentences})


# --- tag helpers -----------------------------------------------------------------------------

_TAG_RE = re.compile(r"^([BIE])-(.+)$")


def convert_tags(raw_tags: Iterable[str], label_map: LabelMap) -> list[str]:
    """Map IOB tags of a foreign label set to IOB2 over ``LABELS``.

    Entities whose type maps to ``None`` become ``O``; an ``I-`` that does not continue an
    entity of the same type opens one, so IOB1 input and broken sequences come out valid.
    """
    tags: list[str] = []
    previous = "O"
    for raw in raw_tags:
        match = _TAG_RE.match(raw)
        label = label_map(match.group(2)) if match else None
        if label is None:
            tags.append("O")
            previous = "O"
            continue
        starts = match.group(1) == "B" or previous != label
        tags.append(("B-" if starts else "I-") + label)
        previous = label
    return tags


def spans_to_tags(n_words: int, spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """IOB2 tags for token spans ``(start, end, label)``; overlapping later spans are dropped."""
    tags = ["O"] * n_words
    for start, end, label in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if any(t != "O" for t in tags[start:end]):
            continue
        tags[start] = "B-" + label
        for i in range(start + 1, end):
            tags[i] = "I-" + label
    return tags


def tags_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end, label)`` of IOB2 tags."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == label):
            spans.append((start, i, label))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, label = i, tag[2:]
    return spans


# --- column formats --------------------------------------------------------------------------


def _blocks(lines: Iterable[str]) -> Iterator[list[str]]:
    """Groups of non-blank lines separated by blank lines."""
    block: list[str] = []
    for line in lines:
        line = line.rstrip("\n").rstrip("\r")
        if line.strip():
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def clean_germeval_token(token: str) -> str:
    # The original GermEval release keeps soft hyphens inside words and a Windows-1252 dash
    # decoded as the C1 control \x96; neither occurs in text the model will see later.
    return token.replace("\u00ad", "").replace("\x96", "–") or "-"


def read_germeval(path: Path, corpus: str = "germeval2014") -> Iterator[Sentence]:
    """GermEval 2014 TSV: ``#`` url line, then ``idx token outer nested`` per token."""
    with path.open(encoding="utf-8") as fh:
        for n, block in enumerate(_blocks(fh)):
            rows = [line.split("\t") for line in block if not line.startswith("#\t")]
            words = [clean_germeval_token(r[1]) for r in rows]
            tags = convert_tags((r[2] for r in rows), germeval_label)
            # Sentences are independent web snippets: each is its own document.
            yield Sentence(words, tags, f"{corpus}:{path.name}:{n}", corpus)


def read_token_tag(
    path: Path, label_map: LabelMap, corpus: str, sentences_per_doc: int = 25
) -> Iterator[Sentence]:
    """``token TAG`` lines with blank lines between sentences (German LER).

    The files carry no document ids, so runs of consecutive sentences (same court decision,
    mostly) stand in for documents to keep the dev split from leaking near-duplicates.
    """
    with path.open(encoding="utf-8") as fh:
        for n, block in enumerate(_blocks(fh)):
            rows = [line.rsplit(" ", 1) for line in block]
            rows = [r if len(r) == 2 else [r[0], "O"] for r in rows]
            yield Sentence(
                [r[0] for r in rows],
                convert_tags((r[1] for r in rows), label_map),
                f"{corpus}:{path.name}:{n // sentences_per_doc}",
                corpus,
            )


def read_mobie(path: Path, corpus: str = "mobie") -> Iterator[Sentence]:
    """CoNLL-2003 style ``token POS chunk NER`` with ``-DOCSTART- -<id>-`` document lines."""
    doc_id = f"{corpus}:{path.name}:0"
    with path.open(encoding="utf-8") as fh:
        for block in _blocks(fh):
            if block[0].startswith("-DOCSTART-"):
                doc_id = f"{corpus}:{block[0].split()[1].strip('-')}"
                block = block[1:]
            if not block:
                continue
            rows = [line.split("\t") for line in block]
            yield Sentence(
                [r[0] for r in rows],
                convert_tags((r[-1] for r in rows), mobie_label),
                doc_id,
                corpus,
            )


def read_hipe(path: Path, corpus: str) -> Iterator[Sentence]:
    """HIPE-2022 TSV: header row, ``# hipe2022:document_id`` comments, sentence ends in MISC."""
    doc_id = f"{corpus}:{path.name}"
    words: list[str] = []
    raw_tags: list[str] = []

    def flush() -> Iterator[Sentence]:
        if words:
            yield Sentence(
                list(words), convert_tags(raw_tags, case_insensitive_label), doc_id, corpus
            )
        words.clear()
        raw_tags.clear()

    join_next = False
    with path.open(encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        misc = header.index("MISC")
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# hipe2022:document_id"):
                yield from flush()
                doc_id = f"{corpus}:{line.split('=', 1)[1].strip()}"
                continue
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if join_next and words:
                # OCR line-end hyphenation ("Bot¬" + "schaft"): one word, the first tag.
                words[-1] = words[-1].rstrip("¬") + cols[0]
            else:
                words.append(cols[0])
                raw_tags.append(cols[1])
            join_next = words[-1].endswith("¬") and "NoSpaceAfter" in cols[misc]
            if "EndOfSentence" in cols[misc]:
                yield from flush()
        yield from flush()


_SENTENCE_END = {".", "!", "?"}


def split_token_stream(
    words: list[str], tags: list[str], max_len: int = 60
) -> Iterator[tuple[list[str], list[str]]]:
    """Cut a running token stream into sentence-like pieces.

    Europeana has no sentence breaks; a cut after ., ! or ? before a capitalised word is good
    enough for training, and ``max_len`` bounds run-ons from OCR noise. Never cut inside an
    entity.
    """
    start = 0
    for i in range(len(words)):
        at_end = i + 1 == len(words)
        nxt_inside = not at_end and tags[i + 1].startswith("I-")
        boundary = (
            words[i] in _SENTENCE_END
            and not at_end
            and words[i + 1][:1].isupper()
            and i + 1 - start >= 3
        )
        if at_end or (not nxt_inside and (boundary or i + 1 - start >= max_len)):
            yield words[start : i + 1], tags[start : i + 1]
            start = i + 1


def read_europeana(
    path: Path, corpus: str = "europeana", tokens_per_doc: int = 1500
) -> Iterator[Sentence]:
    """Europeana ``token TAG`` stream: OCR tokens, sometimes with spaces or no tag at all."""
    doc_words: list[list[str]] = [[]]
    doc_tags: list[list[str]] = [[]]
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line.startswith("# file:"):
                doc_words.append([])
                doc_tags.append([])
            if not line or line.startswith("#"):
                continue
            parts = line.split()
            tag = parts[-1].upper() if len(parts) > 1 else "O"
            if not (tag == "O" or _TAG_RE.match(tag)):
                # A line without a (valid) tag is all token text.
                tag = "O"
            else:
                parts = parts[:-1]
            # Multi-word OCR "tokens" become several words of the same entity.
            for k, part in enumerate(parts):
                doc_words[-1].append(part)
                doc_tags[-1].append(tag if k == 0 or tag == "O" else "I-" + tag[2:])
    n_doc = 0
    for words, raw in zip(doc_words, doc_tags, strict=True):
        tags = convert_tags(raw, case_insensitive_label)
        # Files without markers are one long stream: chunk it into pseudo-documents.
        count = 0
        for sent_words, sent_tags in split_token_stream(words, tags):
            if count >= tokens_per_doc:
                n_doc += 1
                count = 0
            count += len(sent_words)
            yield Sentence(sent_words, sent_tags, f"{corpus}:{path.name}:{n_doc}", corpus)
        n_doc += 1


# --- character-span format ------------------------------------------------------------------


def iter_concatenated_json(text: str) -> Iterator[dict]:
    decoder = json.JSONDecoder()
    i = 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return
        obj, i = decoder.raw_decode(text, i)
        yield obj


def _avro(value: dict | None, kind: str, default: object = None) -> object:
    """Unwrap Avro-JSON union values such as ``{"string": ...}``."""
    if isinstance(value, dict):
        return value.get(kind, default)
    return default if value is None else value


def read_smartdata(path: Path, corpus: str = "smartdata") -> Iterator[Sentence]:
    """SmartData v1: documents with character-span mentions; tokenise and align them here."""
    nlp = spacy.blank("de")
    german_tokens(nlp)
    nlp.add_pipe("sentencizer")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        docs = list(iter_concatenated_json(fh.read()))
    for obj in docs:
        text = str(_avro(obj.get("text"), "string", ""))
        mentions = _avro(obj.get("conceptMentions"), "array", []) or []
        yield from char_spans_to_sentences(
            nlp, text, _smartdata_spans(mentions), f"{corpus}:{obj.get('id')}", corpus
        )


def _smartdata_spans(mentions: list[dict]) -> list[tuple[int, int, str]]:
    spans = []
    for mention in mentions:
        label = mobie_label(str(mention.get("type", "")))
        if label is not None:
            spans.append((mention["span"]["start"], mention["span"]["end"], label))
    return spans


EVENT_REPORTS = "event-reports"
# Share of event reports (in percent) kept out of every training run, chosen by a stable hash
# of the report id so that the split never changes when reports are added or reordered.
HELD_OUT_PERCENT = 20


def is_held_out(report_id: str) -> bool:
    """Whether an event report belongs to the held-out evaluation split."""
    digest = hashlib.sha256(report_id.encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % 100 < HELD_OUT_PERCENT


@dataclass
class AlignmentCount:
    """Character spans that do not fall on token boundaries (then expanded to whole tokens)."""

    spans: int = 0
    misaligned: int = 0
    lost: int = 0


def read_event_reports(
    path: Path, corpus: str = EVENT_REPORTS, counts: AlignmentCount | None = None
) -> Iterator[Sentence]:
    """Event reports (JSON lines: id, text, entities with character offsets and a label)."""
    nlp = spacy.blank("de")
    german_tokens(nlp)
    nlp.add_pipe("sentencizer")
    counts = counts if counts is not None else AlignmentCount()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            report = json.loads(line)
            spans = [
                (e["start"], e["end"], e["label"])
                for e in report["entities"]
                if e["label"] in LABELS
            ]
            yield from char_spans_to_sentences(
                nlp, report["text"], spans, f"{corpus}:{report['id']}", corpus, counts
            )
    if counts.misaligned or counts.lost:
        log.info(
            "%s: %d of %d spans not on token boundaries (expanded), %d lost",
            path.name,
            counts.misaligned,
            counts.spans,
            counts.lost,
        )


def report_id(doc_id: str) -> str:
    return doc_id.split(":", 1)[1]


def char_spans_to_sentences(
    nlp: spacy.language.Language,
    text: str,
    spans: list[tuple[int, int, str]],
    doc_id: str,
    corpus: str,
    counts: AlignmentCount | None = None,
) -> Iterator[Sentence]:
    """Tokenise ``text`` with spaCy's German tokenizer and project character spans on tokens.

    Spans are expanded to token boundaries because the model works on these same tokens.
    Line breaks split sentences too: SmartData headers and tweets have no final punctuation.
    """
    doc = nlp(text)
    counts = counts if counts is not None else AlignmentCount()
    token_spans = []
    for start, end, label in spans:
        counts.spans += 1
        if doc.char_span(start, end) is None:
            counts.misaligned += 1
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and span.text.strip():
            token_spans.append((span.start, span.end, label))
        else:
            counts.lost += 1
    tags = spans_to_tags(len(doc), token_spans)
    for sent in doc.sents:
        words: list[str] = []
        sent_tags: list[str] = []
        for token in sent:
            if token.is_space:
                if "\n" in token.text and words and not _continues(sent_tags, token.i, tags):
                    yield Sentence(words, _repair(sent_tags), doc_id, corpus)
                    words, sent_tags = [], []
                continue
            words.append(token.text)
            sent_tags.append(tags[token.i])
        if words:
            yield Sentence(words, _repair(sent_tags), doc_id, corpus)


def _continues(sent_tags: list[str], i: int, tags: list[str]) -> bool:
    """Whether the entity before token ``i`` continues after it (then do not split)."""
    return (
        bool(sent_tags)
        and sent_tags[-1] != "O"
        and i + 1 < len(tags)
        and tags[i + 1].startswith("I-")
    )


def _repair(tags: list[str]) -> list[str]:
    """Re-derive IOB2 after whitespace tokens were removed or a sentence cut an entity."""
    return convert_tags(tags, lambda label: label if label in LABELS else None)


# --- corpus registry -------------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusSpec:
    """Where a corpus lives below the data folder and how to read each of its files."""

    name: str
    folder: str
    pattern: str
    reader: Callable[[Path], Iterator[Sentence]]


CORPORA: tuple[CorpusSpec, ...] = (
    CorpusSpec("germeval2014", "germeval2014", "NER-de-*.tsv", read_germeval),
    CorpusSpec("smartdata", "smartdata-v1", "train.json.gz", read_smartdata),
    CorpusSpec("mobie", "mobie", "*.conll2003", read_mobie),
    CorpusSpec(
        "german-ler",
        "german-ler",
        "*.conll",
        lambda p: read_token_tag(p, ler_label, "german-ler"),
    ),
    CorpusSpec("europeana", "europeana-newspapers-de", "*.bio", read_europeana),
    CorpusSpec(
        "hipe-newseye", "hipe2022-newseye-de", "*.tsv", lambda p: read_hipe(p, "hipe-newseye")
    ),
    CorpusSpec("hipe-sonar", "hipe2022-sonar-de", "*.tsv", lambda p: read_hipe(p, "hipe-sonar")),
    CorpusSpec(EVENT_REPORTS, "event-reports", "*.jsonl", read_event_reports),
)


def read_report_ids(path: Path) -> list[str]:
    """Report ids from a text file: one per line; blank lines and ``#`` comments are skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    ids = (line.split("#", 1)[0].strip() for line in lines)
    return [i for i in ids if i]


def load_corpora(
    data_dir: Path,
    exclude: Iterable[str] = (),
    leave_out: Iterable[str] = (),
    extra_reports: Iterable[Path] = (),
) -> list[Corpus]:
    """Read every known corpus found below ``data_dir`` except those named in ``exclude``.

    ``exclude`` accepts corpus names or folder names (``germeval2014``, ``hipe2022-sonar-de``).
    The held-out event reports are never part of the result (see ``held_out_event_reports``),
    nor are the training-split reports named in ``leave_out`` (a second, honest dev set for
    the rule layers). ``extra_reports`` are more files in the event reports' format that join
    the in-domain corpus whole: the held-out hash applies only to the shared reports.
    """
    skip = set(exclude)
    left_out = set(leave_out)
    unknown = skip - {s.name for s in CORPORA} - {s.folder for s in CORPORA}
    if unknown:
        raise ValueError(f"unknown corpora to exclude: {sorted(unknown)}")
    corpora = []
    for spec in CORPORA:
        if spec.name in skip or spec.folder in skip:
            continue
        files = sorted((data_dir / spec.folder).glob(spec.pattern))
        if not files:
            continue
        corpus = Corpus(spec.name)
        for path in files:
            corpus.sentences.extend(s for s in spec.reader(path) if s.words)
        if spec.name == EVENT_REPORTS:
            _drop_untrained_reports(corpus, left_out)
        corpora.append(corpus)
    extra = [s for path in extra_reports for s in read_event_reports(path) if s.words]
    if extra:
        domain = next((c for c in corpora if c.name == EVENT_REPORTS), None)
        if domain is None:
            domain = Corpus(EVENT_REPORTS)
            corpora.append(domain)
        domain.sentences.extend(extra)
    return corpora


def _drop_untrained_reports(corpus: Corpus, left_out: set[str]) -> None:
    """Remove the held-out reports and those left out on request (which must exist)."""
    ids = {report_id(s.doc_id) for s in corpus.sentences}
    unknown = left_out - {i for i in ids if not is_held_out(i)}
    if unknown:
        raise ValueError(f"reports to leave out not in the training split: {sorted(unknown)}")
    corpus.sentences = [
        s
        for s in corpus.sentences
        if not is_held_out(report_id(s.doc_id)) and report_id(s.doc_id) not in left_out
    ]


def held_out_event_reports(path: Path) -> list[Sentence]:
    """The sentences of the held-out event reports: the in-domain test set."""
    return [s for s in read_event_reports(path) if s.words and is_held_out(report_id(s.doc_id))]


def left_out_event_reports(path: Path, ids: Iterable[str]) -> list[Sentence]:
    """The sentences of the training-split reports a run left out (scored like the held-out)."""
    wanted = set(ids)
    return [s for s in read_event_reports(path) if s.words and report_id(s.doc_id) in wanted]
