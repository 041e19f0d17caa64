"""Keep the C allocator from handing memory back to the system after every batch.

A run calls ``nlp.pipe`` once per batch of 32 reports. At the end of each call the network's
large arrays are freed, and glibc's ``malloc`` gives the freed top of the heap (and every block
it had mapped on its own) back to the system; the next batch maps it again and the kernel
zeroes it page by page. On 300 reports that made about ten times the page faults of one long
``nlp.pipe`` (around 175,000 against 16,000) and 0.5 CPU s of system time, about a tenth of the
spaCy stage. Raised thresholds keep freed memory in the heap for the next batch: the peak is
the same (the next batch needs as much), only the give-back and re-fault cycle goes.

Only glibc has ``mallopt`` with these parameters; elsewhere this does nothing.
"""

from __future__ import annotations

import ctypes
import logging
from functools import cache

log = logging.getLogger("pipeline")

# glibc's parameter numbers (malloc.h).
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
# A batch's largest arrays are tens of MB: smaller thresholds (32 MB mapped, 64 MB trimmed) still
# left half the faults.
MMAP_THRESHOLD = 64 * 1024 * 1024
TRIM_THRESHOLD = 256 * 1024 * 1024


@cache
def keep_freed_memory() -> bool:
    """Raise glibc's trim and mmap thresholds for this process (once); whether it could."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError, TypeError):
        return False  # not glibc (macOS; Windows refuses CDLL(None)): nothing to tune
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    done = mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1
    done = mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1 and done
    if not done:
        log.debug("mallopt refused the allocator thresholds; memory is given back as usual")
    return done
