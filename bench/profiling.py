"""Profiles of a benchmark: cProfile statistics, or a py-spy flame graph of this very process
(py-spy attaches to it from outside, so only a stretch is sampled, not the start-up before it)."""

import cProfile
import os
import pstats
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

FLAME_RATE = 250  # samples a second
ATTACH_SECONDS = 1.0  # py-spy takes a moment to attach; nothing is measured before


def report_profile(profile: cProfile.Profile, path: str) -> None:
    """Keep the statistics in `path`, print the top functions."""
    profile.dump_stats(path)
    stats = pstats.Stats(path)
    for order in ("cumulative", "tottime"):
        print(f"\nprofile, top functions by {order} (all in {path}):")
        stats.sort_stats(order).print_stats(25)


@contextmanager
def flame_graph(path: str, pid: int | None = None) -> Iterator[None]:
    """A py-spy flame graph of this process (or of process `pid`) while the block runs: an SVG,
    or for any other suffix the collapsed stacks (one line per stack and its count, for text
    tools). Samples are of the threads that are running (idle waits are left out);
    `--nonblocking` so the sampled process is not paused at each sample."""
    spy = Path(sys.executable).parent / "py-spy"
    output = "flamegraph" if path.endswith(".svg") else "raw"
    sampled = str(pid if pid is not None else os.getpid())
    command = [str(spy), "record", "--pid", sampled, "--rate", str(FLAME_RATE)]
    recorder = subprocess.Popen([*command, "--nonblocking", "--format", output, "--output", path])
    time.sleep(ATTACH_SECONDS)
    try:
        yield
    finally:
        recorder.send_signal(signal.SIGINT)
        recorder.wait()
