"""The knowledge base's cache files on disk: read back as plain data only, and written so that
no reader ever sees half a file."""

import datetime
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

_DATES = {"date", "datetime", "time", "timedelta", "timezone"}


class _DataOnly(pickle.Unpickler):
    """Plain data and the dates TOML has: no other class, so a cache file cannot run code."""

    def find_class(self, module: str, name: str) -> type:
        if module == "datetime" and name in _DATES:
            return getattr(datetime, name)  # type: ignore[no-any-return]
        raise pickle.UnpicklingError(f"{module}.{name}: a cache file holds data only")


def load_data(handle: IO[bytes]) -> object:
    """A pickle of plain data; anything else raises `pickle.UnpicklingError`."""
    return _DataOnly(handle).load()


def write_atomically(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """`write` into a file of its own beside `path`, then moved over it: a process reading it
    (or another replica writing it) never sees half a file. OSError is the caller's to handle."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "wb") as file:
        write(file)
    Path(partial).replace(path)
