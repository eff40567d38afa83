"""CPU time per role over a stretch of a benchmark, read from /proc (Linux).

A bench on a small shared machine measures the machine as much as the code: when the replicas
do not go faster, the question is who had the cores. `CpuMeter` takes the CPU time (user +
system) of named groups of processes at the start and at the end of a stretch, and of the whole
machine (/proc/stat), so what the rest of the machine used shows beside them."""

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")
PROC = Path("/proc")


def process_seconds(pid: int) -> float:
    """User + system CPU seconds of a process (its threads included); 0 once it is gone."""
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return 0.0
    fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (comm) "
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def named(command: str) -> list[int]:
    """The processes whose name (comm) is `command`, e.g. PostgreSQL's backends."""
    found = []
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == command:
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def machine_seconds() -> float:
    """CPU seconds the whole machine was busy (every core, everything but idle and iowait)."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / TICKS


@dataclass
class CpuShare:
    role: str
    seconds: float  # CPU seconds in the stretch
    cores: float  # seconds / wall-clock seconds: 1.0 is one core busy throughout


class CpuMeter:
    """`roles` maps a role to how to find its processes (asked at the start and the end, so
    processes that come and go meanwhile, e.g. PostgreSQL backends, are counted as far as they
    lived at either moment). `start()` then `stop()`: a share per role, and `rest of machine`."""

    def __init__(self, roles: dict[str, Callable[[], Iterable[int]]]) -> None:
        self.roles = roles
        self._start: dict[str, dict[int, float]] = {}
        self._machine = 0.0
        self._wall = 0.0

    def _sample(self) -> dict[str, dict[int, float]]:
        return {
            role: {pid: process_seconds(pid) for pid in find()} for role, find in self.roles.items()
        }

    def start(self) -> None:
        self._start = self._sample()
        self._machine = machine_seconds()
        self._wall = time.perf_counter()

    def stop(self) -> list[CpuShare]:
        end = self._sample()
        wall = time.perf_counter() - self._wall
        machine = machine_seconds() - self._machine
        shares = []
        for role, pids in end.items():
            before = self._start.get(role, {})
            seconds = sum(now - before.get(pid, 0.0) for pid, now in pids.items())
            shares.append(CpuShare(role, seconds, seconds / wall))
        rest = machine - sum(share.seconds for share in shares)
        shares.append(CpuShare("rest of machine", rest, rest / wall))
        return shares
