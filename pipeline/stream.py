"""Read a long report piece by piece, never holding its whole text.

:func:`pipeline.read.parse_source` keeps a report's text and, per character, its offset in
the file (some 16 bytes per character while it is built): fine for a report of a few pages,
gigabytes for one of 50 MB. :class:`LongReport` reads such a file in blocks instead: it
decodes them with an incremental decoder (the encoding chosen exactly as
:func:`pipeline.read.decode` chooses it, by passes over the file that keep only counts),
splits off the front matter, normalises block by block and cuts the text into the pieces
:func:`piece_end` gives, each with the file offsets of its characters. The pieces, their
offsets and the front matter are the same as those of the whole text read at once.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.read import (
    ReadError,
    SourceText,
    _detected,
    check_not_binary,
    normalise_into,
    read_blocks,
    read_bytes,
    reads_as_german,
    safe_cut,
    split_front_matter,
    utf16_candidate,
)
from pipeline.refdate import DATELINE_LINES, TEXT_DATE_CHARS

# The start of a long report kept for its reference date (its dateline, else a date in its first
# TEXT_DATE_CHARS characters): enough for the first lines of any report.
HEAD_CHARS = 1_000_000
# What a file's start may be while it can still turn out to open a front matter block.
_OPENING = re.compile(r"---[ \t]*\r?\n")
_MAY_OPEN = re.compile(r"-{0,3}|---[ \t]*\r?")
_CLOSING = re.compile(r"^---[ \t]*(?:\r?\n|\Z)", re.M)  # as FRONT_MATTER's closing line


def piece_end(text: str, start: int, limit: int) -> int:
    """Where the piece of ``text`` starting at ``start`` ends when more than ``limit``
    characters follow ``start``: in the piece's second half at a paragraph break, else a line
    break, a sentence end or a space, so that no word is split and the pieces tokenize and
    split into sentences as the whole text does. A line break opens the next piece (as in the
    whole text, where it starts the next sentence); a space closes its piece (as the trailing
    whitespace of the word before)."""
    end = start + limit
    for separator, cut_after in (("\n\n", 0), ("\n", 0), (". ", 2), (" ", 1)):
        found = text.rfind(separator, start + limit // 2, end - cut_after)
        if found != -1:
            return found + cut_after
    return end


@dataclass(frozen=True, slots=True)
class Scan:
    """What one pass over a file's bytes tells, holding one block at a time."""

    sha256: str
    size: int
    head: bytes  # the first four bytes
    nul: bool
    zeros_even: int  # zero bytes at even and at odd positions
    zeros_odd: int


def scan(path: Path) -> Scan:
    digest = hashlib.sha256()
    size = zeros_even = zeros_odd = 0
    head = b""
    nul = False
    for block in read_blocks(path):
        digest.update(block)
        head = (head + block[:4])[:4]
        nul = nul or b"\x00" in block
        first, second = block[0::2].count(0), block[1::2].count(0)
        if size % 2:
            first, second = second, first
        zeros_even += first
        zeros_odd += second
        size += len(block)
    return Scan(digest.hexdigest(), size, head, nul, zeros_even, zeros_odd)


@dataclass(frozen=True, slots=True)
class Decoding:
    codec: str  # of the incremental decoder
    skip: int  # bytes of a byte-order mark skipped
    encoding: str  # as decode() names it


UTF8 = Decoding("utf-8-sig", 0, "utf-8")
CP1252 = Decoding("cp1252", 0, "cp1252")


def decoded_blocks(path: Path, decoding: Decoding) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder(decoding.codec)("strict")
    for block in read_blocks(path, decoding.skip):
        if text := decoder.decode(block):
            yield text
    if text := decoder.decode(b"", final=True):
        yield text


def _counts(path: Path, decoding: Decoding, count: bool = True) -> Counter[str] | None:
    """How often each character occurs in the file decoded strictly; None if it cannot be."""
    counts: Counter[str] = Counter()
    try:
        for text in decoded_blocks(path, decoding):
            if count:
                counts.update(text)
    except UnicodeDecodeError:
        return None
    return counts


def stream_decoding(path: Path, scanned: Scan) -> Decoding:
    """The decoding :func:`pipeline.read.decode` would choose for the file, found without
    holding it (except where only detection can tell, which needs the bytes once)."""
    utf16 = utf16_candidate(scanned.head, scanned.size, scanned.zeros_even, scanned.zeros_odd)
    found = None
    if utf16 is not None:
        decoding = Decoding(utf16[0], utf16[1], utf16[0])
        found = _counts(path, decoding)
    if found is None:
        if scanned.nul:
            raise ReadError("binary file (contains NUL bytes)")
        if _counts(path, UTF8, count=False) is not None:
            return UTF8
        decoding = CP1252
        found = _counts(path, decoding)
        if found is None or not reads_as_german(found):
            text, encoding = _detected(read_bytes(path))
            decoding, found = Decoding(encoding, 0, encoding), Counter(text)
            del text
    check_not_binary(found, decoding.encoding)
    return decoding


class LongReport:
    """A report file read piece by piece: its front matter and head (:meth:`take_head`, the
    start of its text, for the dateline) once opened, then :meth:`pieces`. Holds at most a
    piece and a block of text. :meth:`whole` is the text read at once when it turned out to be
    one piece."""

    def __init__(self, path: Path, scanned: Scan, limit: int) -> None:
        self.limit = limit
        decoding = stream_decoding(path, scanned)
        self.encoding = decoding.encoding
        self._blocks = decoded_blocks(path, decoding)
        self._pending = ""  # decoded, not yet normalised
        self._position = 0  # offset in the decoded file of _pending[0]
        self._finished = False
        self._text = ""  # normalised, not yet handed out in a piece
        self._offsets = array("i")  # file offsets of _text's characters
        self.chars = 0  # normalised characters handed out in pieces
        self.blank = True  # only whitespace so far
        self.front_matter = self._read_front_matter()
        while not self._first_piece_known() and self._normalise_more():
            pass
        self._head = self._text[:HEAD_CHARS]

    def take_head(self) -> str:
        """The start of the text, enough for its first lines (handed out once)."""
        head, self._head = self._head, ""
        return head

    def _read_front_matter(self) -> dict[str, str]:
        """Read blocks until the front matter (if any) is known, as a whole-text match of
        :data:`pipeline.read.FRONT_MATTER` would find it."""
        raw = ""
        searched = 0  # where to look on for the closing line: the last line may go on
        while True:
            opening = _OPENING.match(raw)
            if opening:
                closing = _CLOSING.search(raw, max(searched, opening.end()))
                if closing and closing.group(0).endswith("\n"):
                    break
                searched = raw.rfind("\n", 0, len(raw) - 1) + 1
            elif not _MAY_OPEN.fullmatch(raw):
                break
            block = next(self._blocks, None)
            if block is None:
                break
            raw += block
        fields, body_start = split_front_matter(raw)
        self._pending, self._position = raw[body_start:], body_start
        return fields

    def _first_piece_known(self) -> bool:
        """Enough text read to cut the first piece and to have the report's first lines and
        the characters a reference date is looked for in."""
        if len(self._text) <= max(self.limit, TEXT_DATE_CHARS):
            return False
        if len(self._text) >= HEAD_CHARS:
            return True
        lines = (line for line in self._text.splitlines() if line.strip())
        return sum(1 for _ in zip(range(DATELINE_LINES + 1), lines, strict=False)) > DATELINE_LINES

    def _normalise_more(self) -> bool:
        """Decode and normalise the next block; False once the file is used up."""
        if self._finished:
            return False
        block = next(self._blocks, None)
        if block is None:
            self._finished = True
            stop = len(self._pending)
        else:
            self._pending += block
            stop = safe_cut(self._pending)
        out: list[str] = []
        normalise_into(self._pending, stop, self._position, out, self._offsets)
        text = "".join(out)
        self.blank = self.blank and not text.strip()
        self._text += text
        self._pending = self._pending[stop:]
        self._position += stop
        return True

    def whole(self) -> SourceText | None:
        """The whole text, when it is no longer than one piece."""
        if not self._finished or len(self._text) > self.limit:
            return None
        offsets = array("i", self._offsets)
        offsets.append(self._position)
        return SourceText(self._text, offsets, self.encoding, self.front_matter)

    def pieces(self) -> Iterator[SourceText]:
        """The pieces of the text in order, each with the file offsets of its characters (and
        one past its end), as :func:`piece_end` cuts the whole text."""
        while True:
            while len(self._text) <= self.limit and self._normalise_more():
                pass
            last = len(self._text) <= self.limit
            end = len(self._text) if last else piece_end(self._text, 0, self.limit)
            offsets = self._offsets[:end]
            offsets.append(self._position if last else self._offsets[end])
            piece = SourceText(self._text[:end], offsets, self.encoding, self.front_matter)
            self._text, self._offsets = self._text[end:], self._offsets[end:]
            self.chars += end
            yield piece
            if last:
                return
