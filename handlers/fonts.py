"""The DejaVu fonts (all of Unicode's Latin: É, –, ’) that the feature's files are drawn with,
from the copy matplotlib ships."""

from functools import cache
from pathlib import Path


@cache
def font_dir() -> Path:
    # Imported when a file is first drawn, not with the handlers: matplotlib and what it brings
    # would cost every process (the outbox sender, each replica) tens of megabytes.
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"
