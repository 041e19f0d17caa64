"""Read stage: find report files, decode them, strip front matter and normalise the text.

The normalised text is what spaCy sees; :class:`SourceText` keeps, for every character of it,
the offset of the character it came from in the decoded file, so that reported offsets point
into the file the user has.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import stat
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

EXTENSIONS = (".txt", ".md")
BLOCK_BYTES = 1 << 18  # what a long report is read in (see pipeline.stream)
# Characters that vanish (soft hyphen, zero-width characters, BOM) or become a plain space.
DROPPED = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}
SPACES = {
    "\u00a0",
    "\u2007",
    "\u2009",
    "\u202f",
    "\u200a",
    "\u2002",
    "\u2003",
    "\u2004",
    "\u2005",
    "\u2006",
    "\u2008",
    "\u205f",
    "\u3000",
}
# Latin-1 characters that normalisation leaves as they are when no combining mark follows
# (most of a German text): copied in runs, not one cluster at a time.
_PLAIN = "".join(
    re.escape(c)
    for c in map(chr, range(256))
    if c != "\r"
    and c not in DROPPED
    and c not in SPACES
    and not unicodedata.combining(c)
    and unicodedata.normalize("NFC", c) == c
)
_PLAIN_RUN = re.compile(f"[{_PLAIN}]+")
_PLAIN_CHARS = frozenset(c for c in map(chr, range(256)) if _PLAIN_RUN.fullmatch(c))
_REPLACED = frozenset(DROPPED | SPACES | {"\r"})
WESTERN_SIBLINGS = {
    "cp1250",
    "cp1252",
    "cp1257",
    "latin_1",
    "iso8859_15",
    "iso8859_2",
    "iso8859_9",
    "cp1254",
    "mac_roman",
    "cp850",
    "cp437",
}
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
FRONT_MATTER_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")


class ReadError(Exception):
    """A file that cannot be turned into text; the message is one line for documents.csv."""


@dataclass(slots=True)
class SourceText:
    text: str  # normalised text handed to spaCy
    # offsets[i] = offset in the decoded file of text[i]; one extra at the end. An array of
    # machine integers: a list would take 36 bytes per character of a long report.
    offsets: Sequence[int]
    encoding: str
    front_matter: dict[str, str] = field(default_factory=dict)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text to the decoded file."""
        if start >= end:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True, slots=True)
class Found:
    """A report file discovery saw; ``error`` says why it cannot be read, when it is known
    without reading (dangling or looping link, FIFO, unreadable folder)."""

    path: Path
    doc_id: str
    error: str | None = None


def discover(input_dir: Path) -> list[Path]:
    """Every readable report file below ``input_dir``, recursively, sorted by its doc_id."""
    return [found.path for found in discover_all(input_dir) if found.error is None]


def discover_all(input_dir: Path) -> list[Found]:
    """Every report file below ``input_dir`` (``*.txt``, ``*.md``), sorted by doc_id, bad ones
    included, and every folder that cannot be listed.

    Symbolic links to folders are followed, each real folder visited once (so a link loop
    ends); nothing is opened, so a FIFO cannot block discovery."""
    found: list[tuple[Path, str | None]] = []
    visited: set[tuple[int, int]] = set()
    pending = [input_dir]
    while pending:
        folder = pending.pop()
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in visited:
                continue
            visited.add((info.st_dev, info.st_ino))
            entries = list(os.scandir(folder))
        except OSError as exc:
            found.append((folder, f"unreadable folder: {_reason(exc)}"))
            continue
        for entry in entries:
            path = Path(entry.path)
            if _is_folder(entry):
                pending.append(path)
            elif path.suffix.lower() in EXTENSIONS:
                found.append((path, file_problem(path)))
    ids = doc_ids(input_dir, [path for path, _ in found])
    return sorted((Found(path, ids[path], error) for path, error in found), key=_by_doc_id)


def _by_doc_id(found: Found) -> str:
    return found.doc_id


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()  # follows symbolic links
    except OSError:  # a link loop, or a folder we may not look into
        return False


def file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as a report, as far as its metadata tells; None if it may."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            return f"dangling symbolic link (to {os.readlink(path)})"
        return "file vanished during the run"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        return f"unreadable: {_reason(exc)}"
    if stat.S_ISREG(mode):
        return None
    kind = "FIFO" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"
    return f"not a regular file ({kind})"


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def doc_ids(input_dir: Path, paths: list[Path]) -> dict[Path, str]:
    """Unique doc_ids: the path below ``input_dir`` without extension, except where that would
    name two files (``x.txt`` and ``x.md``): those keep their extension."""
    ids = {path: doc_id_for(input_dir, path) for path in paths}
    while True:
        counts = Counter(ids.values())
        clashing = [p for p, i in ids.items() if counts[i] > 1 and i != _full_id(input_dir, p)]
        if not clashing:
            return ids
        for path in clashing:
            ids[path] = _full_id(input_dir, path)


def _full_id(input_dir: Path, path: Path) -> str:
    return path.relative_to(input_dir).as_posix() if path != input_dir else "."


def doc_id_for(input_dir: Path, path: Path) -> str:
    if path == input_dir:
        return "."
    return path.relative_to(input_dir).with_suffix("").as_posix()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str:
    """:func:`sha256` of a file's bytes, read a block at a time."""
    digest = hashlib.sha256()
    for block in read_blocks(path):
        digest.update(block)
    return digest.hexdigest()


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 or UTF-16 (BOM or not), else as cp1252 when that reads as German,
    else by detection; reject binary data."""
    utf16 = _utf16(data)
    if utf16 is not None:
        text, encoding = utf16
    elif b"\x00" in data:
        raise ReadError("binary file (contains NUL bytes)")
    else:
        try:
            return data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            pass
        text, encoding = _german_cp1252(data) or _detected(data)
    check_not_binary(Counter(text), encoding)
    return text, encoding


def check_not_binary(counts: Counter[str], encoding: str) -> None:
    """Refuse a decoded text, given by how often each character occurs, that looks binary."""
    if _looks_binary(counts):
        raise ReadError(f"binary file (as {encoding}: control characters or non-Latin script)")


UTF16_BOMS = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
# Without a BOM: German text in UTF-16 has a zero high byte in nearly every code unit (Latin
# script), always on the same side; random bytes have zeros anywhere, and rarely.
UTF16_ZERO_SHARE = 0.5
UTF16_OTHER_ZERO_SHARE = 0.05


def _utf16(data: bytes) -> tuple[str, str] | None:
    found = utf16_candidate(data[:4], len(data), data[0::2].count(0), data[1::2].count(0))
    if found is None:
        return None
    encoding, bom = found
    return _strict(data[bom:], encoding)


def utf16_candidate(
    head: bytes, size: int, zeros_even: int, zeros_odd: int
) -> tuple[str, int] | None:
    """The UTF-16 codec a file of ``size`` bytes starting with ``head`` is read with, by its
    byte-order mark or else by where its zero bytes are (counted at even and odd positions),
    and the length of its byte-order mark; None when it is not UTF-16."""
    if head.startswith(UTF32_BOMS):
        return None
    for bom, encoding in UTF16_BOMS:
        if head.startswith(bom):
            return encoding, len(bom)
    if size < 2 or size % 2:
        return None
    units = size // 2
    for high, low, encoding in (
        (zeros_odd, zeros_even, "utf-16-le"),
        (zeros_even, zeros_odd, "utf-16-be"),
    ):
        if high >= units * UTF16_ZERO_SHARE and low <= units * UTF16_OTHER_ZERO_SHARE:
            return encoding, 0
    return None


def _strict(data: bytes, encoding: str) -> tuple[str, str] | None:
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


# What German text in a Western code page has beyond ASCII: umlauts, ß, typographic quotes and
# dashes, currency and a few signs. Detection guesses unreliably on a few dozen bytes (a short
# cp1252 note comes back as Shift-JIS or a Cyrillic page), so cp1252 is tried first when
# nearly all its non-ASCII characters are of this kind.
GERMAN_NON_ASCII = frozenset("äöüßÄÖÜẞ„“”‚‘’«»‹›–—…€£§°²³½¼¾×·•éèàáçñ\u00a0\u00ad")
GERMAN_NON_ASCII_SHARE = 0.9


def _german_cp1252(data: bytes) -> tuple[str, str] | None:
    decoded = _strict(data, "cp1252")
    if decoded is None:
        return None
    return decoded if reads_as_german(Counter(decoded[0])) else None


def reads_as_german(counts: Counter[str]) -> bool:
    """Nearly all non-ASCII characters (counted by character) are those of German text."""
    extra = sum(n for ch, n in counts.items() if not ch.isascii())
    german = sum(n for ch, n in counts.items() if ch in GERMAN_NON_ASCII)
    return bool(extra) and german >= extra * GERMAN_NON_ASCII_SHARE


def _detected(data: bytes) -> tuple[str, str]:
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ReadError("undecodable: neither UTF-8 nor a detectable text encoding")
    text, encoding = str(best), best.encoding
    if encoding in WESTERN_SIBLINGS:
        # Detection cannot tell cp1252 from its siblings on German text (they differ in a few
        # letters German does not use); cp1252 is what German Windows writes, so it wins.
        with contextlib.suppress(UnicodeDecodeError):
            text, encoding = data.decode("cp1252"), "cp1252"
    return text, encoding


def _looks_binary(counts: Counter[str]) -> bool:
    """Control characters, or letters mostly outside the Latin script: random bytes decoded
    with a guessed multi-byte code page look like CJK text, never like a German report.
    Counted per distinct character, so that a long text is never walked in Python."""
    length = sum(counts.values())
    if not length:
        return False
    controls = sum(
        n
        for ch, n in counts.items()
        if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\r\n\t\f"
    )
    letters = sum(n for ch, n in counts.items() if ch.isalpha())
    latin = sum(
        n
        for ch, n in counts.items()
        if ch.isalpha() and (ch.isascii() or "LATIN" in unicodedata.name(ch, ""))
    )
    return controls / length > 0.05 or (bool(letters) and latin / letters < 0.8)


def split_front_matter(text: str) -> tuple[dict[str, str], int]:
    """Parse a leading ``---`` block of ``key: value`` lines; return it and the body's offset."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        m = FRONT_MATTER_LINE.match(line)
        if m:
            fields[m.group(1).lower()] = m.group(2).strip().strip("\"'")
    return fields, match.end()


def normalise(text: str, base: int = 0) -> tuple[str, Sequence[int]]:
    """NFC, soft hyphens and zero-width characters removed, exotic spaces made plain.

    Returns the text and the offset map. NFC is applied per starter-plus-combining-marks
    cluster so that every output character maps to the cluster it came from.
    """
    if _maps_onto_itself(text):
        return text, range(base, base + len(text) + 1)
    out: list[str] = []
    offsets = array("i")  # 4 bytes: files of up to 2**31 characters
    normalise_into(text, len(text), base, out, offsets)
    offsets.append(base + len(text))
    return "".join(out), offsets


def _maps_onto_itself(text: str) -> bool:
    """Whether :func:`normalise` leaves ``text`` as it is, each character in its place (most
    reports): nothing to drop or replace, no combining mark (it would share the offset of its
    cluster's first character), and NFC already."""
    unusual = set(text).difference(_PLAIN_CHARS)
    return all(
        c not in _REPLACED and not unicodedata.combining(c) for c in unusual
    ) and unicodedata.is_normalized("NFC", text)


def normalise_into(text: str, stop: int, base: int, out: list[str], offsets: array) -> None:
    """Normalise the clusters of ``text`` that start before ``stop``, appending their text
    to ``out`` and one offset per character (``base`` + position) to ``offsets``. A cluster
    ends before the next character that is not a combining mark, so text normalised in parts
    cut before such a character (see :func:`safe_cut`) comes out exactly as when normalised
    whole."""
    i, n = 0, len(text)
    while i < stop:
        run = _PLAIN_RUN.match(text, i, stop)
        if run is not None:
            end = run.end()
            if end < n and unicodedata.combining(text[end]):
                end -= 1  # that character starts a cluster with the marks after it
            if end > i:
                out.append(text[i:end])
                offsets.extend(range(base + i, base + end))
                i = end
                continue
        ch = text[i]
        if ch in DROPPED:
            i += 1
            continue
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = text[i:j]
        if ch in SPACES:
            cluster = " " + cluster[1:]
        elif ch == "\r":
            # \r\n and lone \r become \n with the \n's offset kept one-to-one.
            cluster = "" if j < n and text[j] == "\n" else "\n"
        if j - i > 1 or not cluster.isascii():
            cluster = unicodedata.normalize("NFC", cluster)
        for c in cluster:
            out.append(c)
            offsets.append(base + i)
        i = j


def safe_cut(text: str) -> int:
    """The last place ``text`` may be cut for :func:`normalise_into` without knowing what
    follows it: before its last character that is not a combining mark."""
    i = len(text) - 1
    while i > 0 and unicodedata.combining(text[i]):
        i -= 1
    return max(i, 0)


def read_bytes(path: Path) -> bytes:
    """A regular file's bytes; opened without blocking, so a FIFO put in a report's place
    is refused instead of hanging the run."""
    return b"".join(read_blocks(path, size=-1))


def read_blocks(path: Path, start: int = 0, size: int | None = None) -> Iterator[bytes]:
    """A regular file's bytes from ``start`` on, ``size`` bytes at a time (default
    :data:`BLOCK_BYTES`; -1: all at once), opened as :func:`read_bytes` says."""
    size = size or BLOCK_BYTES
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise ReadError(f"unreadable: {exc.strerror or exc}") from exc
    with os.fdopen(fd, "rb") as fh:
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise ReadError("not a regular file")
            fh.seek(start)
            while block := fh.read(size):
                yield block
                if size < 0:
                    return
        except OSError as exc:
            raise ReadError(f"unreadable: {exc.strerror or exc}") from exc


def parse_source(data: bytes) -> SourceText:
    """Decode a file's bytes, split off its front matter and normalise the body."""
    text, encoding = decode(data)
    front, body_start = split_front_matter(text)
    norm, offsets = normalise(text[body_start:], base=body_start)
    return SourceText(norm, offsets, encoding, front)
