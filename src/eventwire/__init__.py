"""eventwire: news articles in, political event data (CAMEO / PLOVER) out — offline."""

from __future__ import annotations

__version__ = "0.1.0"

from .config import Settings, load_settings  # noqa: E402
from .errors import EventwireError  # noqa: E402
from .records import ActorRef, Document, Event, Evidence, Failure, Location, Plover  # noqa: E402
from .store import Store, open  # noqa: E402,A004

__all__ = [
    "ActorRef",
    "Document",
    "Event",
    "EventwireError",
    "Evidence",
    "Failure",
    "Location",
    "Plover",
    "Settings",
    "Store",
    "__version__",
    "load_settings",
    "open",
]
