"""The cyclic garbage collector around searches, and at the end of a command (exograph/collector.py)."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap

from exograph import collector


class _Node:
    def __init__(self) -> None:
        self.me = self


def test_the_collector_is_paused_in_the_block_and_back_after_it() -> None:
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()  # as it was
    finally:
        gc.enable()


def test_what_the_block_leaves_alive_is_moved_to_the_oldest_generation_unscanned() -> None:
    with collector.paused():
        kept = [[i] for i in range(1000)]
    assert gc.get_freeze_count() == 0  # thawed again
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(o) in oldest for o in kept)
    # cycles made in the block are still collected, by a full collection
    with collector.paused():
        cycle = _Node()
    del cycle
    assert any(isinstance(o, _Node) for o in gc.get_objects())
    gc.collect()
    assert not any(isinstance(o, _Node) for o in gc.get_objects())


def test_objects_the_program_froze_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector.paused():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def _shutdown(skip: bool) -> str:
    """What a process prints as it shuts down with a cycle alive whose object says when it is collected."""
    program = f"""
        from exograph import collector
        class Loud:
            def __init__(self):
                self.me = self
            def __del__(self):
                print("collected", flush=True)
        Loud()
        if {skip}:
            collector.skip_final_collection()
            collector.skip_final_collection()
            import atexit
            print(atexit._ncallbacks())
    """
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(program)], capture_output=True, text=True, check=True)
    return done.stdout


def test_a_command_skips_the_collection_at_shutdown_once_registered() -> None:
    assert _shutdown(False) == "collected\n"
    assert _shutdown(True).split() == ["1"]  # registered once, and the cycle left to the operating system
