"""Files in the output folder: temporary files created with the user's umask, and the clean-up
of temporary files a killed run left behind.

``tempfile.mkstemp`` creates files readable by their owner only (0600) and renaming keeps that
mode, so tables would end up unreadable for the user's group; files here are created as
``open()`` creates them (0666 less the umask).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def create_temp(folder: Path, prefix: str) -> tuple[int, Path]:
    """A new, empty file ``folder/.PREFIX.RANDOM.tmp`` opened for writing: descriptor, path."""
    for _ in range(100):
        path = folder / f".{prefix}.{secrets.token_hex(6)}{TEMP_SUFFIX}"
        try:
            return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), path
        except FileExistsError:
            continue
    raise FileExistsError(f"cannot create a temporary file in {folder}")


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` in one rename: readers see the old or the new file."""
    fd, tmp = create_temp(path.parent, path.name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def remove_stale_temps(folder: Path) -> int:
    """Delete temporary files that a killed run (kill -9, power loss) left in ``folder``.

    Only call this while holding the folder's run lock: then no live run owns them."""
    removed = 0
    if not folder.is_dir():
        return 0
    for path in folder.glob(f".*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed
