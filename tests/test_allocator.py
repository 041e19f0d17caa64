"""The allocator keeps freed memory for the next batch where glibc lets us tune it."""

from __future__ import annotations

import platform

import pytest

from pipeline.allocator import keep_freed_memory


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="mallopt thresholds are glibc's")
def test_glibc_accepts_the_thresholds() -> None:
    assert keep_freed_memory() is True
