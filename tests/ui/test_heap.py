"""The reading screen freezes the heap it holds once it has taken in a snapshot, and gives it back
to the garbage collector when it closes."""

from __future__ import annotations

import gc

from tests.ui.conftest import wait_analysis


async def test_the_heap_is_frozen_while_reading_and_released_after(reference_app):
    async with reference_app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(reference_app, pilot)
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
